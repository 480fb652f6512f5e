/* site_private.h: what the site's driver (site.c) and its pages
 * (site_pages.c) share.
 */
#ifndef SKILLSITE_SITE_PRIVATE_H
#define SKILLSITE_SITE_PRIVATE_H

#include "arena.h"
#include "memo.h"
#include "site.h"
#include "template.h"

/* The kinds of page, each with its template. */
enum page_kind {
	PAGE_HOME, PAGE_SPECIALTY, PAGE_SKILL, PAGE_LEVEL, PAGE_KNOWLEDGE,
	PAGE_COMPARE, PAGE_HANDBOOK, PAGE__COUNT
};

/* The state of one thread's rendering. */
struct builder {
	const struct model	*m;
	struct diag		*d;
	struct site_sink	*out;
	const struct template	*layout;
	struct template		*const *pages;	/* compiled, per kind */
	struct arena		 arena;		/* fields of the current page */
	struct memo		 memo;		/* Markdown fields, rendered */
	const char		*site_name;
	int			 pdf;		/* PDF handbooks will be made */
	int			 failed;
	int			 stopped;	/* the sink refused a file */
	size_t			 npages;	/* pages put */
};

/* The home page. */
void	pages_home(struct builder *);

/* The pages of specialty sp of jt: its own, its handbook, its skills and
 * its levels. */
void	pages_specialty(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);

/* The pages of job type jt itself: the knowledge index and the
 * comparisons of its common skills. */
void	pages_jobtype(struct builder *, const struct jobtype *jt);

#endif
