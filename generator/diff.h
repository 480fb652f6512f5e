/* diff.h: what differs between texts, character by character, for the
 * level changes of skill pages and the comparison pages.
 *
 * Japanese has no spaces between words, so texts are compared a
 * character (code point) at a time: the shortest edit that Myers' O(ND)
 * algorithm finds, read off bit-parallel LCS columns (64 characters a
 * machine word) so that texts that share little cost little.  Short
 * runs in common between changes (a stray の or 、 between two rewritten
 * phrases) then join the changes, so a change reads as whole phrases.  Work is bounded: past DIFF_D_MAX
 * edits or DIFF_STEPS_PER_CHAR steps a character, two texts are aligned
 * by words (runs of katakana, of kanji, Latin words, other characters
 * one by one) and then by characters within each change, each search
 * within the same bound; past it, the middle of two texts (or of a
 * change) counts as changed whole.
 */
#ifndef SKILLSITE_DIFF_H
#define SKILLSITE_DIFF_H

#include <stddef.h>

#include "arena.h"

/* The most edits (characters deleted plus inserted) looked for between
 * two texts, after their common start and end: the work is then at most
 * about DIFF_D_MAX * (length of the texts) steps and DIFF_D_MAX^2 ints. */
#define DIFF_D_MAX	1024

/* The steps (a diagonal tried, a character compared) that one search
 * of Myers' may take, per unit (character or word) of the two texts,
 * and at least: the work of a diff is then linear in the texts'
 * length. */
#define DIFF_STEPS_PER_CHAR	64
#define DIFF_STEPS_PER_WORD	64
#define DIFF_STEPS_MIN		512

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

/* How many of the most common texts diff_marks() compares every text
 * with. */
#define DIFF_MARK_REFS	2

/* Returns, for each of the n texts (NULL entries are skipped and get
 * NULL), its segments in order, in arena a (equal texts share theirs).
 * Each distinct text is compared (by diff_pair()) with the
 * DIFF_MARK_REFS most common texts (the earliest among equally common
 * ones), which are also compared with each other: a character differs
 * when no text it is compared with has it in common, and nothing
 * differs in a text that another gives too.  So a text far from the
 * others does not mark everything in theirs; up to DIFF_MARK_REFS + 1
 * distinct texts, every two are compared; the work is linear in n:
 * DIFF_MARK_REFS comparisons a text at most, each bounded by
 * DIFF_D_MAX. */
struct segment	**diff_marks(struct arena *a, const char *const *texts,
		    size_t n);

/* A row of two texts aligned by phrase (diff_rows()): the same in both,
 * or a change. */
struct diff_row {
	int		 shared;	/* the same in both texts */
	struct segment	*before;	/* the row in text from (differs: what
					 * goes); NULL when empty */
	struct segment	*after;		/* in text to (differs: what comes);
					 * a shared row's is its before */
	struct diff_row	*next;
};

/* Returns the rows of texts from and to, in order, in arena a (NULL when
 * both are empty), from diff_pair()'s pieces: the texts are cut after
 * each phrase delimiter that both share (、。，．！？； and ASCII , . ; ! ?
 * where no ASCII letter or digit follows, with the closing brackets
 * right after it); consecutive rows the same in both are one shared row.
 * The segments that differ cover whole words (as diff_marks()), never
 * punctuation alone.  The before segments of all rows, in order, make
 * text from; the after ones make text to. */
struct diff_row	*diff_rows(struct arena *a, const char *from,
		    const char *to);

/* Returns the rows of texts from and to as diff_rows() does, from
 * pieces, diff_pair(from, to) made earlier (diff_steps()): no second
 * diff of the same texts. */
struct diff_row	*diff_rows_of(struct arena *a, const char *from,
		    const char *to, const struct diff_piece *pieces);

/* Returns an array of n piece lists, in arena a: for each non-NULL
 * texts[i] after the first, diff_pair() of the nearest non-NULL text
 * before it and texts[i]; NULL elsewhere.  For a text per level (NULL
 * where none), each step up is diffed once, for all that show it. */
const struct diff_piece **diff_steps(struct arena *a,
		    const char *const *texts, size_t n);

#endif
