/* page.h: what the site's driver (site.c), the page toolkit (page.c)
 * and the page families (page_*.c) share.
 *
 * Each family of pages has its file: page_home.c, page_specialty.c
 * (a specialty's page and its level pages), page_skill.c, page_jobtype.c
 * (a job type's knowledge index and comparisons), page_handbook.c,
 * page_map.c, page_assess.c, page_role.c (a tailored job type's role
 * profiles) and page_report.c (its tailoring report).  A family uses
 * only this toolkit, never another family; site.c calls the pages_*
 * functions below.  Every word a page shows
 * comes from the labels (labels.h), every Markdown field through
 * page_markdown() or page_plain().
 */
#ifndef SKILLSITE_PAGE_H
#define SKILLSITE_PAGE_H

#include "arena.h"
#include "labels.h"
#include "site.h"
#include "steps.h"
#include "template.h"

/* The kinds of page, each with its template. */
enum page_kind {
	PAGE_HOME, PAGE_SPECIALTY, PAGE_SKILL, PAGE_LEVEL, PAGE_KNOWLEDGE,
	PAGE_COMPARE, PAGE_HANDBOOK, PAGE_ASSESSMENT, PAGE_ABOUT, PAGE_MAP,
	PAGE_ROLE, PAGE_TAILORING,
	PAGE__COUNT
};

/* The state of one thread's rendering. */
struct builder {
	const struct model	*m;
	struct diag		*d;
	struct site_sink	*out;
	const struct template	*layout;
	struct template		*const *pages;	/* compiled, per kind */
	const struct labels	*labels;	/* the words of the pages */
	struct arena		 arena;		/* fields of the current page */
	const struct md_table	*md;		/* Markdown fields, rendered */
	const char		*site_name;
	const char		*self;		/* the current page's path */
	int			 pdf;		/* PDF handbooks will be made */
	int			 failed;
	int			 stopped;	/* the sink refused a file */
	size_t			 npages;	/* pages put */
	struct steps_store	*steps;		/* every entry's steps (steps.h) */
	struct arena		 marks_arena;	/* the marks of marks_of's */
	const struct jobtype	*marks_of;	/* common skills, per skill and */
	struct segment		***marks;	/* level (page_compare_row()) */
};

/* What a page is of: its job type (NULL for the home and about pages), its
 * specialty, skill and level when it has them (NULL, NULL, 0 if not). */
struct page_at {
	const struct jobtype	*jt;
	const struct specialty	*sp;
	const struct skill	*k;
	int			 n;
};

/* The toolkit (page.c).  Every string is in the builder's arena, which
 * page_begin() empties: each page starts so. */

/* Starts the page of kind at at: empties the builder's arena, sets
 * b->self to the page's path and returns its scope with the fields every
 * page has (heading from the kind's title label, title from label title
 * or, on the home page, title-home; stylesheets, scripts, ...) and its
 * breadcrumbs: home, the job type, the specialty, the page itself. */
struct scope	*page_begin(struct builder *, enum page_kind kind,
		    const struct page_at *at);

/* Starts the page of role r of jt as page_begin() does: its heading
 * from label title-role, its own breadcrumb label role, after its
 * specialty's. */
struct scope	*page_begin_role(struct builder *, const struct jobtype *jt,
		    const struct role *r);

/* Returns label l with args (NULL when it has none), in the arena. */
const char	*page_label(struct builder *, enum label l,
		    const struct label_args *args);

/* Returns the name of level n ("レベル３" in the source's words). */
const char	*page_level_label(struct builder *, int n);

/* Returns the sentence naming the levels jt defines (label
 * levels-defined), or "" when it defines none. */
const char	*page_levels_defined(struct builder *, const struct jobtype *jt);

/* Returns the n names at v joined by label level-join, in the arena
 * (copied once, however many there are). */
const char	*page_join(struct builder *, const char *const *names,
		    size_t n);

/* Returns the names of the tailorings of jt, in order, joined
 * (page_join()). */
const char	*page_tailoring_names(struct builder *, const struct jobtype *jt);

/* Returns the label of a skill's scope. */
const char	*page_scope_label(struct builder *, enum skill_scope sc);

/* Sets field name of s to the HTML of Markdown md ("" when NULL). */
void		 page_markdown(struct builder *, struct scope *s,
		    const char *name, const char *md);

/* Returns the plain text of Markdown md, from the builder's Markdown table. */
const char	*page_plain(struct builder *, const char *md);

/* Adds the notes of ns to list name of s, each as "html". */
void		 page_notes(struct builder *, struct scope *s, const char *name,
		    const struct notes *ns);

/* Adds the script at site path to list "scripts" of page scope s of
 * page self. */
void		 page_script(struct builder *, struct scope *s, const char *self,
		    const char *path);

/* Adds stylesheet path (for media) to the page scope s of page self. */
void		 page_stylesheet(struct builder *, struct scope *s,
		    const char *self, const char *path, const char *media);

/* Adds item {name, href} to list list of s, linking self to target (at
 * fragment, when not NULL); returns the item. */
struct scope	*page_link(struct builder *, struct scope *s, const char *list,
		    const char *self, const char *label, const char *target,
		    const char *fragment);

/* Returns the link from the current page to the PDF handbook of id (a
 * specialty's ID, or a job type's for its handbook), or "" when no PDFs
 * are made. */
const char	*page_pdf_href(struct builder *, const char *id);

/* Returns the anchor of job type jt's section of the home page. */
const char	*page_jobtype_anchor(struct builder *, const struct jobtype *jt);

/* Returns the steps of entry e of specialty sp of jt from b's store
 * (steps.h), making sp's first or waiting while another thread makes
 * them; a text missing from the Markdown table is an internal error. */
const struct page_steps *page_steps(struct builder *, const struct jobtype *jt,
		    const struct specialty *sp, const struct entry *e);

/* Returns whether any entry of sp describes level n. */
int		 page_level_used(const struct specialty *sp, int n);

/* Adds level n of entry e to list "levels" of s: its label, anchor,
 * whether it is described and its description; sets *defined and
 * returns the item. */
struct scope	*page_level_item(struct builder *, struct scope *s,
		    const struct entry *e, int n, const char *anchor,
		    int *defined);

/* Sets list "notes" of s to the editorial notes of entry e's skill, then
 * of e itself. */
void		 page_skill_notes(struct builder *, struct scope *s,
		    const struct entry *e);

/* Adds to list of s links (self to each page of skill k of jt) for the
 * first USES_SHOWN specialties that list k, leaving out skip (or none
 * when NULL), and sets fields more_label and more_href to a link to all
 * of them when there are more ("" when not). */
void		 page_uses(struct builder *, struct scope *s, const char *list,
		    const char *more_label, const char *more_href,
		    const struct jobtype *jt, const struct skill *k,
		    const struct specialty *skip);

/* What tailorings add to a page (the toolkit, page.c, too). */

/* Sets on page scope s, for a page of job type jt (NULL: of none), flag
 * "tailored" (tailorings apply to jt), "tailoring-names" (their names)
 * and "tailoring-href" (link to jt's tailoring report; "" when none):
 * the legend the layout shows.  page_begin() sets them. */
void		 page_tailoring_fields(struct builder *, struct scope *s,
		    const struct jobtype *jt);

/* Sets on s the fields of skill k that tell the company's from the
 * standard's: "standard-name" (the standard's name of a skill the
 * company renamed, else "") and flag "company-skill". */
void		 page_skill_source(struct builder *, struct scope *s,
		    const struct skill *k);

/* Returns the anchor of tailoring t's section of the tailoring report
 * of jt: "tailoring-N", N its place among jt's tailorings from 1 (so
 * whatever its ID); "" when t is not one of them (page.c). */
const char	*page_tailoring_anchor(struct builder *,
		    const struct jobtype *jt, const struct tailoring *t);

/* Returns the link from the current page to tailoring t's section of
 * jt's tailoring report (page.c). */
const char	*page_tailoring_href(struct builder *, const struct jobtype *jt,
		    const struct tailoring *t);

/* Adds list "roles" to s: the roles of jt's tailorings in specialty sp,
 * in their order, each {name, href} linked from the current page to its
 * page. */
void		 page_roles(struct builder *, struct scope *s,
		    const struct jobtype *jt, const struct specialty *sp);

/* Returns the label of resource kind k. */
const char	*page_resource_kind(struct builder *, enum resource_kind k);

/* Adds the n resources at v to list of s, each {title, kind (its
 * label), href ("" when none: as text, for paper), link (HTML: the title
 * linked to href, marked external; empty when none), hours (as written,
 * "" when none)}. */
void		 page_resources(struct builder *, struct scope *s,
		    const char *list, const struct resource *const *v,
		    size_t n);

/* Sets on level item s what tailorings give level lv (NULL: none): flag
 * "hidden" (a tailoring hides it), flag "company" (it has company text
 * or resources), "meaning" and "evidence" (HTML, empty when none) and
 * list "resources" (page_resources()).  page_level_item() calls it. */
void		 page_level_company(struct builder *, struct scope *s,
		    const struct level *lv);

/* The skill x level matrix and the skill map. */

/* Adds list "cells" to row, the matrix row of entry e of sp of jt: per
 * level jt defines, whether e describes it ("defined") or a tailoring
 * hides it ("hidden"), its label, the words that
 * set it apart from the level below (apart.h; list "words"), flags
 * "same" and "within" and the whole plain text ("full").  When page is
 * not NULL, each cell also gets "href": the link from the current page
 * to the level's anchor on page (the site path of e's skill page), or
 * "" for a level e does not describe. */
void		 page_matrix_cells(struct builder *, struct scope *row,
		    const struct jobtype *jt, const struct specialty *sp,
		    const struct entry *e, const char *page);

/* Fills s with the skill map of sp of jt: list "map-levels" (each level
 * jt defines, {label}) and list "map-groups", the common skills then the
 * specialty's own, each {label, rows}, a row {name, its source
 * (page_skill_source()), cells} as page_matrix_cells() without links.  A
 * group without skills is left out.  The map page and the handbooks'
 * maps are made by it. */
void		 page_matrix_map(struct builder *, struct scope *s,
		    const struct jobtype *jt, const struct specialty *sp);

/* Sets the fields a printed page of sp of jt opens with (a handbook, a
 * skill map): "jobtype", "specialty", "source" (label handbook-source)
 * and "site-href", the link to the specialty's page.  With sp NULL (the
 * job type's handbook), "specialty" is label all-specialties and
 * "site-href" links to the job type on the home page. */
void		 page_print_fields(struct builder *, struct scope *s,
		    const struct jobtype *jt, const struct specialty *sp);

/* Returns the link from the current page to sp's skill map as ext
 * ("html" or "pdf"); "" for "pdf" when no PDFs are made. */
const char	*page_map_href(struct builder *, const struct specialty *sp,
		    const char *ext);

/* Adds the row of level n to list "rows" of s, comparing common skill k
 * of jt across its specialties: its label and a cell per specialty
 * {specialty, defined, segments}, the segments of its description with
 * the differing words marked (each {text, differs, break}); with links,
 * each cell also links to the level on the skill's page ("skill-href")
 * and to the level's page ("level-href", "" where undefined).  texts has
 * room for a text per specialty.  Returns the row. */
struct scope	*page_compare_row(struct builder *, struct scope *s,
		    const struct jobtype *jt, const struct skill *k, int n,
		    const char **texts, int links);

/* The flags of a marked piece of text (page_marked()). */
enum page_mark { MARK_SAME, MARK_DEL, MARK_INS, MARK_DIFFERS };

/* Adds text to list of s as items {text, break, and each flag of
 * flags[0..nflags), set when it is on}; each line break becomes an item
 * of its own, with break set. */
void		 page_marked(struct builder *, struct scope *s,
		    const char *list, const char *text,
		    const enum page_mark *flags, size_t nflags, int on);

/* Renders page scope s of the given kind to b->self and puts it into
 * the sink. */
void		 page_emit(struct builder *, enum page_kind kind,
		    const struct scope *s);

/* The page families, which site.c calls. */

/* The home page and the page about the text (page_home.c). */
void	pages_home(struct builder *);
void	pages_about(struct builder *);

/* The page of specialty sp of jt, and its level pages (page_specialty.c). */
void	pages_specialty(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);
void	pages_levels(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);

/* The pages of the skills of specialty sp of jt (page_skill.c). */
void	pages_skills(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);

/* The handbook of specialty sp of jt, and the handbook of jt as a whole
 * (page_handbook.c). */
void	pages_handbook(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);
void	pages_handbook_jobtype(struct builder *, const struct jobtype *jt);

/* The skill map of specialty sp of jt, one A4 landscape page to print
 * (page_map.c). */
void	pages_map(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);

/* The self-assessment sheet of specialty sp of jt (page_assess.c). */
void	pages_assessment(struct builder *, const struct jobtype *jt,
	    const struct specialty *sp);

/* The pages of job type jt itself: the knowledge index and the
 * comparisons of its common skills (page_jobtype.c). */
void	pages_jobtype(struct builder *, const struct jobtype *jt);

/* The page of each role profile of jt's tailorings: the role's target
 * level in every skill of its specialty (page_role.c); none when jt has
 * no roles. */
void	pages_roles(struct builder *, const struct jobtype *jt);

/* The tailoring report of jt: every change its tailorings make, beside
 * the standard's words, and where each is written (page_report.c); none
 * when no tailoring applies to jt. */
void	pages_tailoring(struct builder *, const struct jobtype *jt);

#endif
