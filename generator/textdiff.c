/* textdiff.c: word-level differences of parallel texts; see textdiff.h. */
#include "textdiff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* The largest table of a comparison (words x words): two descriptions of
 * 2000 words each.  Longer texts are not marked at all. */
#define LCS_CELLS_MAX (4u * 1000 * 1000)

/* A word of a text. */
struct token {
	const char	*p;
	size_t		 len;
	uint32_t	 id;		/* equal words, equal ids */
};

/* Decodes the UTF-8 character at s, setting *len to its bytes; a byte
 * that starts no valid sequence stands for itself.  Never reads past a
 * NUL. */
static unsigned
S_decode(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	if ((u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80) {
		*len = 2;
		return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	}
	if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		*len = 3;
		return (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 |
		    (u[2] & 0x3F);
	}
	if ((u[0] & 0xF8) == 0xF0 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80 && (u[3] & 0xC0) == 0x80) {
		*len = 4;
		return (unsigned)(u[0] & 0x07) << 18 | (unsigned)(u[1] & 0x3F) << 12 |
		    (unsigned)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
	}
	*len = 1;
	return u[0];
}

/* Returns the kind of character c: 0 stands alone, else a word class. */
static int
S_class(unsigned c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF5A))
		return 1;				/* Latin, digits */
	if (c >= 0x3041 && c <= 0x309F)
		return 2;				/* hiragana */
	if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F))
		return 3;				/* katakana, ー */
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    c == 0x3005)
		return 4;				/* kanji, 々 */
	return 0;
}

/* Splits s into words; returns their number and sets *out (malloc'd). */
static size_t
S_tokenize(const char *s, struct token **out)
{
	size_t n = 0, len;
	struct token *v = xcalloc(strlen(s) + 1, sizeof(*v));

	while (*s != '\0') {
		int cls = S_class(S_decode(s, &len));

		v[n].p = s;
		s += len;
		while (cls != 0 && *s != '\0' && S_class(S_decode(s, &len)) == cls)
			s += len;
		v[n].len = (size_t)(s - v[n].p);
		n++;
	}
	*out = v;
	return n;
}

/* Returns whether two words are equal. */
static int
S_same(const struct token *x, const struct token *y)
{
	return x->id == y->id;
}

/* Gives each word of the n texts tok[i] (ntok[i] words) an id, the same
 * for equal words: word comparison is then one integer comparison. */
static void
S_number_words(struct token **tok, const size_t *ntok, size_t n)
{
	struct token **table;
	size_t i, j, k, cap = 16, total = 0;
	uint32_t next = 0;

	for (i = 0; i < n; i++)
		total += ntok[i];
	while (cap < 2 * total)
		cap *= 2;
	table = xcalloc(cap, sizeof(*table));
	for (i = 0; i < n; i++)
		for (j = 0; j < ntok[i]; j++) {
			struct token *w = &tok[i][j];
			uint32_t h = 2166136261u;

			for (k = 0; k < w->len; k++)
				h = (h ^ (unsigned char)w->p[k]) * 16777619u;
			for (k = h & (cap - 1); table[k] != NULL &&
			    (table[k]->len != w->len ||
			    memcmp(table[k]->p, w->p, w->len) != 0);
			    k = (k + 1) & (cap - 1))
				;
			if (table[k] == NULL) {
				table[k] = w;
				w->id = next++;
			} else
				w->id = table[k]->id;
		}
	free(table);
}

/* Sets keep[i] for each word of a in a longest common subsequence of a
 * and b.  The words they begin with in common are part of the one the
 * table's walk finds, so only the rest goes through the table. */
static void
S_lcs_keep(const struct token *a, size_t na, const struct token *b,
    size_t nb, unsigned char *keep)
{
	size_t i, j;
	uint16_t *t;		/* lengths: at most 2000 (LCS_CELLS_MAX) */

	while (na > 0 && nb > 0 && S_same(&a[0], &b[0])) {
		*keep++ = 1;
		a++, b++, na--, nb--;
	}
	if (na == 0 || nb == 0)
		return;
	if ((na + 1) > LCS_CELLS_MAX / (nb + 1)) {
		memset(keep, 1, na);	/* too long to compare: mark nothing */
		return;
	}
	t = xreallocarray(NULL, (na + 1) * (nb + 1), sizeof(*t));
	memset(t + na * (nb + 1), 0, (nb + 1) * sizeof(*t));
	for (i = na; i-- > 0;) {
		uint16_t *row = t + i * (nb + 1), *below = row + nb + 1;

		row[nb] = 0;
		for (j = nb; j-- > 0;)
			row[j] = S_same(&a[i], &b[j]) ? (uint16_t)(below[j + 1] + 1) :
			    below[j] > row[j + 1] ? below[j] : row[j + 1];
	}
	for (i = 0, j = 0; i < na && j < nb;) {
		if (S_same(&a[i], &b[j])) {
			keep[i] = 1;
			i++;
			j++;
		} else if (t[(i + 1) * (nb + 1) + j] >= t[i * (nb + 1) + j + 1])
			i++;
		else
			j++;
	}
	free(t);
}

/* Returns the segments of words v[0..n) by keep, merged, in arena a. */
static struct segment *
S_segments(struct arena *a, const struct token *v, size_t n,
    const unsigned char *keep)
{
	struct segment *head = NULL, **tail = &head;
	size_t i = 0, j;

	while (i < n) {
		struct segment *sg = arena_calloc(a, 1, sizeof(*sg));

		for (j = i; j < n && keep[j] == keep[i]; j++)
			;
		sg->text = arena_strndup(a, v[i].p,
		    (size_t)(v[j - 1].p + v[j - 1].len - v[i].p));
		sg->differs = !keep[i];
		*tail = sg;
		tail = &sg->next;
		i = j;
	}
	return head;
}

struct segment **
textdiff(struct arena *a, const char *const *texts, size_t n)
{
	struct segment **out = arena_calloc(a, n, sizeof(*out));
	struct token **tok = xcalloc(n, sizeof(*tok));
	size_t *ntok = xcalloc(n, sizeof(*ntok)), i, j;

	for (i = 0; i < n; i++)
		if (texts[i] != NULL)
			ntok[i] = S_tokenize(texts[i], &tok[i]);
	S_number_words(tok, ntok, n);
	for (i = 0; i < n; i++) {
		unsigned char *keep;

		if (texts[i] == NULL)
			continue;
		keep = xcalloc(ntok[i] + 1, 1);
		for (j = 0; j < n; j++)
			if (j != i && texts[j] != NULL)
				S_lcs_keep(tok[i], ntok[i], tok[j], ntok[j], keep);
		out[i] = S_segments(a, tok[i], ntok[i], keep);
		free(keep);
	}
	for (i = 0; i < n; i++)
		free(tok[i]);
	free(ntok);
	free(tok);
	return out;
}
