/* diff.h: what differs between texts, character by character, for the
 * level changes of skill pages and the comparison pages.
 *
 * Japanese has no spaces between words, so texts are compared a
 * character (code point) at a time, with Myers' O(ND) algorithm.  Short
 * runs in common between changes (a stray の or 、 between two rewritten
 * phrases) then join the changes, so a change reads as whole phrases.  Work is bounded: past DIFF_D_MAX
 * edits, the middle of two texts counts as changed whole.
 */
#ifndef SKILLSITE_DIFF_H
#define SKILLSITE_DIFF_H

#include <stddef.h>

#include "arena.h"

/* The most edits (characters deleted plus inserted) looked for between
 * two texts, after their common start and end: the work is then at most
 * about DIFF_D_MAX * (length of the texts) steps and DIFF_D_MAX^2 ints. */
#define DIFF_D_MAX	1024

enum diff_kind { DIFF_SAME, DIFF_DEL, DIFF_INS };

/* A piece of the change from one text to another. */
struct diff_piece {
	enum diff_kind		 kind;
	const char		*text;
	struct diff_piece	*next;
};

/* Returns the pieces that turn text from into text to, in order (at a
 * change, what is deleted comes before what is inserted), in arena a;
 * NULL when both are empty. */
struct diff_piece *diff_pair(struct arena *a, const char *from,
		    const char *to);

/* A piece of one of several parallel texts: in common with another of
 * them, or its own. */
struct segment {
	const char	*text;
	int		 differs;
	struct segment	*next;
};

/* Returns, for each of the n texts (NULL entries are skipped and get
 * NULL), its segments in order, in arena a: a character differs when no
 * other text has it in common (by diff_pair()).  So a text far from the
 * others does not mark everything in theirs. */
struct segment	**diff_marks(struct arena *a, const char *const *texts,
		    size_t n);

#endif
