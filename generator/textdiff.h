/* textdiff.h: which words of parallel texts differ, for comparison pages.
 *
 * Japanese has no spaces, so a "word" is a run of characters of one kind
 * (kanji, hiragana, katakana, Latin letters and digits); any other
 * character stands alone.  A word of one text is marked when it is its
 * own: part of no longest common subsequence with any other text.  So a
 * text far from the others does not mark everything in theirs.
 */
#ifndef SKILLSITE_TEXTDIFF_H
#define SKILLSITE_TEXTDIFF_H

#include <stddef.h>

#include "arena.h"

/* A piece of a text: the same or differing from the other texts. */
struct segment {
	const char	*text;
	int		 differs;
	struct segment	*next;
};

/* Returns, for each of the n texts (NULL entries are skipped and get
 * NULL), its segments in order, in arena a. */
struct segment	**textdiff(struct arena *a, const char *const *texts, size_t n);

#endif
