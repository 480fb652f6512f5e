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

/* Reports each part of md that breaks the policy, at pos. */
void	 md_check(const char *md, const struct pos *pos, struct diag *d);

/* Checks every Markdown field of m against the policy, a job type per
 * thread on up to nthreads threads. */
void	 md_check_model(const struct model *m, unsigned nthreads,
	    struct diag *d);

#endif
