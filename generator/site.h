/* site.h: every page of the site, rendered on all cores.
 *
 * One pass over a resolved model fills a scope of fields per page and
 * renders it through the templates in a folder (layout.xhtml, one file
 * per kind of page, labels.xml, style.css), handing each file to a sink
 * as soon as it is made, so memory holds a page per thread, whatever the site's size.
 * templates/README.md lists each page's fields.
 */
#ifndef SKILLSITE_SITE_H
#define SKILLSITE_SITE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "sink.h"

struct md_table;

/* How a site is made, or'd together. */
enum site_option {
	SITE_PDF = 1,		/* pages link to the PDF handbooks (pdf.c) */
	SITE_LIVE_RELOAD = 2	/* for "serve": every page loads its reload
				 * script and may read its event stream */
};

/* Renders every page of the resolved model m, its Markdown fields as md
 * holds them (md_prepare() of m), with the templates in
 * template_dir, and publishes the folder's assets, into sink, on up to nthreads
 * threads (a specialty's pages on one; 0 counts as 1), as options (enum
 * site_option) say.  Messages reach d
 * in the same order whatever the threads; the templates and assets read
 * are registered in d, for diagnostics.  Returns 0, or -1 after
 * reporting a problem or when the sink stopped. */
int	site_render(const struct model *m, const struct md_table *md,
	    const char *template_dir, unsigned options, unsigned nthreads,
	    struct site_sink *sink, struct diag *d);

/* What a build may take from the last one (manifest.h).  A unit is a
 * specialty's pages (jt, sp) or a job type's own (jt, NULL).  begin() is
 * called once the templates and assets are read, before any unit, with
 * the site's name; carry() returns 1 when the unit's files were carried
 * from the live site, having added its pages to *npages, so that it is
 * not rendered, else 0; made() learns each file a rendered unit put.
 * Threads call carry() and made() at once, each for a unit of its own. */
struct site_reuse {
	void	(*begin)(void *ctx, const char *site_name);
	int	(*carry)(void *ctx, const struct jobtype *jt,
		    const struct specialty *sp, size_t *npages);
	void	(*made)(void *ctx, const struct jobtype *jt,
		    const struct specialty *sp, enum sink_kind kind,
		    const char *path, size_t len);
	void	*ctx;
};

/* The templates of a site compiled once, for renderings one after the
 * other (the live preview's): the layout and page templates and the
 * labels of template_dir, for a site made as options (enum site_option)
 * say.  Returns the kit, or NULL after reporting to d (the files read
 * are registered in d).  Free with site_kit_free(). */
struct site_kit;
struct site_kit	*site_kit_load(const char *template_dir, unsigned options,
		    struct diag *d);
void		 site_kit_free(struct site_kit *);

/* What site_render_kit() makes, or'd together. */
enum site_part {
	SITE_ASSETS = 1,	/* the templates folder's stylesheets, scripts,
				 * fonts and images */
	SITE_PAGES = 2,		/* every page */
	SITE_DATA = 4		/* the search index and the downloads */
};

/* site_render_reuse() with the templates of kit, making only the parts
 * (enum site_part) named; reuse (NULL: nothing) is asked about the units
 * of the pages. */
int	site_render_kit(const struct model *m, const struct md_table *md,
	    const struct site_kit *kit, unsigned parts, unsigned nthreads,
	    struct site_sink *sink, const struct site_reuse *reuse,
	    struct diag *d);

/* site_render(), taking what reuse (NULL: nothing) lets it take. */
int	site_render_reuse(const struct model *m, const struct md_table *md,
	    const char *template_dir, unsigned options, unsigned nthreads,
	    struct site_sink *sink, const struct site_reuse *reuse,
	    struct diag *d);

#endif
