/* markdown.h: the one place that calls cmark.
 *
 * Markdown from content becomes HTML in cmark's safe mode (raw HTML and
 * dangerous URLs dropped) with UTF-8 validation.  md_check() holds
 * content to a policy: no raw HTML (safe mode would drop it silently), no
 * images (the site has no image files), links only to absolute http or
 * https addresses with a host or to mailto addresses (a field shows on
 * pages at several depths, so no relative link, query or fragment is
 * right everywhere; templates mark links external), nesting at
 * most MARKDOWN_DEPTH_MAX deep on cmark's tree (block quotes, list items,
 * emphasis, links), no character that XML forbids and no noncharacter
 * (numeric references can make them), nothing that is not UTF-8.
 *
 * After resolve, md_prepare() parses each Markdown field of the model
 * once, for the policy and, for a build, into a table of its HTML (as
 * the template fragment the pages insert) and its plain text (level
 * changes, comparisons, search): nothing else parses Markdown again.
 */
#ifndef SKILLSITE_MARKDOWN_H
#define SKILLSITE_MARKDOWN_H

#include "diag.h"
#include "model.h"

/* Returns md as an HTML fragment, malloc'd; the caller frees it. */
char	*md_to_html(const char *md);

/* Returns the text of md without its markup, malloc'd (the caller frees
 * it): the literal text of inlines and code, a line break for each line
 * break and between blocks, raw HTML left out. */
char	*md_plain_text(const char *md);

/* Returns why a page may not link to url, or NULL when it may: the one
 * link policy, for Markdown links and for content's own addresses (a
 * learning resource's). */
const char	*md_link_flaw(const char *url);

/* Reports each part of md that breaks the policy, at pos. */
void	 md_check(const char *md, const struct pos *pos, struct diag *d);

struct fragment;
struct md_table;

/* Parses every Markdown field of the resolved model m once (as
 * model_each_markdown() hands them over), the framework's and then a job
 * type's per piece on up to nthreads threads: reports to d each part
 * that breaks the policy and, when keep is set, keeps the field's
 * fragment and plain text.  Returns the table when keep is set (free
 * with md_table_free()), else NULL.  The table is read-only: threads
 * share it; it refers to m's strings, so m must outlive it. */
struct md_table	*md_prepare(const struct model *m, unsigned nthreads,
		    int keep, struct diag *d);
void		 md_table_free(struct md_table *);

/* Returns a table that finds the fields of each of the n tables of parts
 * (the tables of models joined into one, say): it borrows their
 * renderings, so they must outlive it; freeing it leaves them. */
struct md_table	*md_join(struct md_table *const *parts, size_t n);

/* Returns the HTML of field md of the model of t as a fragment (see
 * fragment_new()), an empty one when md is NULL; NULL when cmark's HTML
 * does not parse as XHTML or md is not a field of that model.  The
 * table owns it. */
const struct fragment *md_fragment(const struct md_table *t,
		    const char *md);

/* Returns the plain text (see md_plain_text()) of field md of the model
 * of t, or NULL when md is not one of its fields.  The table owns it. */
const char	*md_plain(const struct md_table *t, const char *md);

/* Returns md_plain(t, md), or NULL after reporting to d that md is not
 * in the table (md_report_unknown()) and setting *failed. */
const char	*md_plain_reported(const struct md_table *t, const char *md,
		    struct diag *d, int *failed);

/* Returns whether md is a field of the model of t (NULL is not). */
int		 md_known(const struct md_table *t, const char *md);

/* Reports to d that a Markdown field is not in the table: an internal
 * error (a field model_each_markdown() does not visit, so its policy was
 * never checked either). */
void		 md_report_unknown(struct diag *d);

#endif
