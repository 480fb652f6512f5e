/* diff_private.h: what diff.c (differences) and diff_rows.c (the same
 * aligned by phrase) share: texts as code points, and marks widened to
 * whole words. */
#ifndef SKILLSITE_DIFF_PRIVATE_H
#define SKILLSITE_DIFF_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "diff.h"

/* A text as code points, with the byte where each starts (and, at n,
 * where the text ends). */
struct diff_chars {
	const char	*s;
	uint32_t	*c;
	size_t		*at;
	size_t		 n;
};

/* Fills t with the characters of s (libunistring decodes them; a byte
 * that starts no valid sequence stands for itself, as a number above
 * every code point); free with diff_chars_free(). */
void		 diff_chars(struct diff_chars *t, const char *s);
void		 diff_chars_free(struct diff_chars *t);

/* Returns the pieces that turn text from into text to, as diff_pair()
 * does, in arena a. */
struct diff_piece *diff_pieces(struct arena *a, const struct diff_chars *from,
		    const struct diff_chars *to);

/* Returns diff_pieces(a, from, to), adding to *steps the steps its
 * searches took (a diagonal tried, a character compared: the work that
 * DIFF_STEPS_PER_CHAR bounds), for the tests. */
struct diff_piece *diff_pieces_counted(struct arena *a,
		    const struct diff_chars *from, const struct diff_chars *to,
		    size_t *steps);

/* Widens the marks of t (keep: one flag per character, 0 where it
 * differs) to whole runs of one script (katakana, kanji, an ASCII,
 * Latin or full-width word) and whole grapheme clusters (a letter and
 * its combining accent, an emoji and its skin tone), then unmarks a mark
 * made of punctuation or spaces only (symbols such as emoji stay). */
void		 diff_whole_words(const struct diff_chars *t,
		    unsigned char *keep);

/* Returns the segments of t by keep (one flag per character), merged,
 * in arena a; NULL when t is empty. */
struct segment	*diff_segments(struct arena *a, const struct diff_chars *t,
		    const unsigned char *keep);

#endif
