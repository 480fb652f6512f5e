/* site.h: every page of the site, rendered in memory.
 *
 * One pass over a resolved model fills a scope of fields per page and
 * renders it through the templates in a folder (layout.xhtml, one file
 * per kind of page, style.css); the pages stay in memory until write.c
 * publishes them all at once.  templates/README.md lists each page's
 * fields.
 */
#ifndef SKILLSITE_SITE_H
#define SKILLSITE_SITE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* One file of the site. */
struct site_file {
	char	*path;		/* site path, e.g. "customer-service/hardware.html" */
	char	*data;
	size_t	 len;
};

/* The files of the site, in the order they were made.  Owns them. */
struct site {
	struct site_file	*files;
	size_t			 nfiles;
	size_t			 capfiles;
	size_t			 pages;		/* how many are HTML pages */
};

void	site_init(struct site *);
void	site_free(struct site *);

/* Adds a file to s, taking ownership of data (malloc'd). */
void	site_add(struct site *s, const char *path, char *data, size_t len);

/* Renders every page of the resolved model m with the templates in
 * template_dir into s; when pdf is set, pages link to the PDF handbooks
 * (which pdf.c makes).  Template paths join m's source files, for
 * diagnostics; nothing else of m changes.  Returns 0, or -1 after
 * reporting a problem. */
int	site_render(struct model *m, const char *template_dir, int pdf,
	    struct site *s, struct diag *d);

#endif
