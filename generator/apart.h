/* apart.h: the few words of a level's own text that set it apart from
 * the entry's neighbouring level (for the specialty page's matrix), and
 * the opening that most texts of one level share (for the level pages).
 *
 * Plain C on plain text (the plain text of each level's Markdown): no
 * model, no template.  A level's text is compared (diff_pair()) with the
 * level just below it that the entry defines (the lowest level with the
 * one just above); the characters of its own text that differ are
 * widened to whole runs of one script (kanji, katakana, hiragana, a
 * word of letters and digits), a lone kanji takes its okurigana, and
 * the marked runs are cut at phrase punctuation and spaces, trimmed of
 * kana and punctuation at their edges, and kept in text order, each
 * once (one inside a phrase already kept is left out).
 */
#ifndef SKILLSITE_APART_H
#define SKILLSITE_APART_H

#include <stddef.h>

#include "arena.h"

/* What a level shows at most: APART_PHRASES phrases of APART_CHARS
 * characters (code points) in all.  A phrase longer than
 * APART_PHRASE_CHARS is shown by its last run of kanji, katakana and
 * letters (Japanese puts the head of a phrase last), after its first
 * such run when that has at most APART_HEAD_CHARS, an ellipsis between:
 * 「小規模施設…ファシリティマネジメントチームリーダ」. */
#define APART_PHRASES		3
#define APART_CHARS		40
#define APART_PHRASE_CHARS	20
#define APART_HEAD_CHARS	8

/* The shortest opening worth naming (characters). */
#define APART_OPENING_MIN	4

/* One phrase that sets a level apart, shown as head, an ellipsis when
 * cut, then text. */
struct apart_phrase {
	const char	*head;	/* "" unless cut */
	const char	*text;
	int		 cut;	/* head and text are the ends of a longer phrase */
};

/* The phrases of one level, in text order (none when the level is not
 * defined or nothing sets it apart: it is the same text, or only drops
 * words, changes kana or punctuation, or adds words too short to show),
 * and whether its text is its neighbour's, byte for byte. */
struct apart_words {
	struct apart_phrase	*v;
	size_t			 n;
	int			 same;
};

/* Returns an array of n words, one per level text of texts[0..n) (one
 * entry's plain texts in level order, NULL where it defines no level),
 * in arena a.  Each pair of neighbouring defined levels is compared once
 * (diff_pair(): at most DIFF_D_MAX edits): the higher level's words are
 * what it inserts, and the lowest level's what it deletes.  A text with
 * no neighbour (the only one defined) gives its first phrases.  Call it
 * once per entry and build: it costs a diff per level. */
struct apart_words	*apart_levels(struct arena *a, const char *const *texts,
			    size_t n);

struct diff_piece;

/* Returns what apart_levels() does, from steps (diff_steps() of texts),
 * so that the diffs are shared with what else shows the steps. */
struct apart_words	*apart_levels_of(struct arena *a,
			    const char *const *texts,
			    const struct diff_piece *const *steps, size_t n);

/* Returns the opening that most of texts[0..n) (NULL ones skipped)
 * share: the longest start shared by at least half of them and at
 * least two, cut back to the end of a whole run of kanji, katakana or
 * letters (no kana or punctuation at its end), in arena a; NULL when
 * there is none of APART_OPENING_MIN characters or more. */
const char		*apart_opening(struct arena *a,
			    const char *const *texts, size_t n);

/* Returns what follows opening in text, as it stands (its punctuation
 * and spaces kept, so that opening and the rest give back text), or NULL
 * when text does not start with opening or only punctuation and spaces
 * follow it. */
const char		*apart_rest(const char *text, const char *opening);

#endif
