/* site_private.h: what the site's driver (site.c) and its pages
 * (site_pages.c) share.
 */
#ifndef SKILLSITE_SITE_PRIVATE_H
#define SKILLSITE_SITE_PRIVATE_H

#include "arena.h"
#include "site.h"
#include "template.h"

/* The kinds of page, each with its template. */
enum page_kind {
	PAGE_HOME, PAGE_SPECIALTY, PAGE_SKILL, PAGE_LEVEL, PAGE_KNOWLEDGE,
	PAGE_COMPARE, PAGE_HANDBOOK, PAGE_ASSESSMENT, PAGE__COUNT
};

/* The state of one thread's rendering. */
struct builder {
	const struct model	*m;
	struct diag		*d;
	struct site_sink	*out;
	const struct template	*layout;
	struct template		*const *pages;	/* compiled, per kind */
	struct arena		 arena;		/* fields of the current page */
	const struct md_table	*md;		/* Markdown fields, rendered */
	const char		*site_name;
	int			 pdf;		/* PDF handbooks will be made */
	int			 failed;
	int			 stopped;	/* the sink refused a file */
	size_t			 npages;	/* pages put */
};

/* What the pages share (site_pages.c).  Every string is in the builder's
 * arena, which page_reset() empties: each page function starts so. */

/* Returns "レベルＮ" with a full-width digit, as the source writes it. */
const char	*page_level_label(struct arena *a, int n);

void		 page_reset(struct builder *);

/* Returns a new page scope for the page at path self with the fields
 * every page has (title, breadcrumbs starting at home, stylesheets,
 * scripts, ...). */
struct scope	*page_scope(struct builder *, const char *self,
		    const char *title);

/* Adds the script at site path to list "scripts" of page scope s of
 * page self. */
void		 page_script(struct builder *, struct scope *s, const char *self,
		    const char *path);

/* Adds a breadcrumb to s: label, linked to target unless it is NULL
 * (the page itself). */
void		 page_crumb(struct builder *, struct scope *s, const char *self,
		    const char *label, const char *target);

/* Adds the breadcrumb of job type jt: its section of the home page. */
void		 page_crumb_jobtype(struct builder *, struct scope *s,
		    const char *self, const struct jobtype *jt);

/* Adds item {name, href} to list list of s, linking self to target (at
 * fragment, when not NULL); returns the item. */
struct scope	*page_link(struct builder *, struct scope *s, const char *list,
		    const char *self, const char *label, const char *target,
		    const char *fragment);

/* Renders page scope s of the given kind to site path self and puts it
 * into the sink. */
void		 page_emit(struct builder *, enum page_kind kind,
		    const char *self, const struct scope *s);

/* The home page. */
void	pages_home(struct builder *);

/* The pages of specialty sp of jt: its own, its handbook, its skills and
 * its levels. */
void	pages_specialty(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);

/* The self-assessment page of specialty sp of jt (site_assess.c). */
void	pages_assessment(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);

/* The pages of job type jt itself: the knowledge index and the
 * comparisons of its common skills. */
void	pages_jobtype(struct builder *, const struct jobtype *jt);

#endif
