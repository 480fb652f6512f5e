/* memo.h: each Markdown field rendered once (as HTML, as plain text).
 *
 * Pages repeat descriptions: a level's text appears on its skill page,
 * its level page and twice in the handbook.  The memo keeps the prepared
 * fragment of each field, keyed by the field's address in the model, so
 * cmark and libxml2 see it once; memo_clear() forgets them all (site.c
 * does so per unit of work, a specialty's pages, which bounds the
 * memory).
 */
#ifndef SKILLSITE_MEMO_H
#define SKILLSITE_MEMO_H

#include <stddef.h>

struct fragment;
struct memo_slot;

struct memo {
	struct memo_slot	*slots;		/* open addressing */
	size_t			 cap;		/* a power of two, or 0 */
	size_t			 n;
	struct fragment		*empty;		/* for absent fields */
};

void	memo_init(struct memo *);
void	memo_clear(struct memo *);	/* forgets every fragment */
void	memo_free(struct memo *);

/* Returns the fragment of Markdown md (a string that outlives the memo's
 * use of it), rendering it on first use; an empty fragment when md is
 * NULL.  Returns NULL when cmark's HTML does not parse as XHTML.  The
 * memo owns the fragment. */
const struct fragment *memo_fragment(struct memo *, const char *md);

/* Returns the plain text of Markdown md (see md_plain_text()), made on
 * first use; the memo owns it. */
const char	*memo_plain(struct memo *, const char *md);

#endif
