/* diff_rows.c: two texts aligned by phrase, from the pieces of
 * diff_pair(), for the level changes of skill pages; see diff.h. */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>

#include "alloc.h"
#include "diff_private.h"
#include "text.h"

/* A row found: characters [a0, a1) of text from against [b0, b1) of
 * text to. */
struct span {
	size_t	a0, a1, b0, b1;
	int	shared;
};

/* The walk through the pieces: both texts, one flag per character (0
 * where it changed), where the walk is and where its row began. */
struct walk {
	struct diff_chars	 a, b;
	unsigned char		*keep_a, *keep_b;
	size_t			 ia, ib, a0, b0;
	int			 changed;	/* the row has a change */
	struct span		*v;
	size_t			 n, cap;
};

/* Returns whether c is an ASCII letter or digit. */
static int
S_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

/* Returns whether character c, the last one walked, ends a phrase:
 * 、。，．！？； or an ASCII , . ; ! ? that neither text follows with an
 * ASCII letter or digit (3.5 and 1,000 stay whole). */
static int
S_ends_phrase(const struct walk *w, uint32_t c)
{
	switch (c) {
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF01:
	case 0xFF1F: case 0xFF1B:
		return 1;
	case ',': case '.': case ';': case '!': case '?':
		return !(w->ia < w->a.n && S_alnum(w->a.c[w->ia])) &&
		    !(w->ib < w->b.n && S_alnum(w->b.c[w->ib]));
	default:
		return 0;
	}
}

/* Ends the row at the walk's place: a shared row after a shared one
 * joins it. */
static void
S_cut(struct walk *w)
{
	struct span *sp;

	if (w->ia == w->a0 && w->ib == w->b0)
		return;
	if (w->n > 0 && !w->changed && w->v[w->n - 1].shared) {
		sp = &w->v[w->n - 1];
	} else {
		if (w->n == w->cap) {
			w->cap = w->cap ? 2 * w->cap : 16;
			w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
		}
		sp = &w->v[w->n++];
		sp->a0 = w->a0;
		sp->b0 = w->b0;
		sp->shared = !w->changed;
	}
	sp->a1 = w->a0 = w->ia;
	sp->b1 = w->b0 = w->ib;
	w->changed = 0;
}

/* Walks the characters of t in the next len bytes from *i, flagging
 * each as changed. */
static void
S_changed(const struct diff_chars *t, size_t *i, size_t len,
    unsigned char *keep)
{
	size_t end = t->at[*i] + len;

	for (; *i < t->n && t->at[*i] < end; (*i)++)
		keep[*i] = 0;
}

/* Returns whether the next character of either text joins the one
 * before it (a variation selector after 、): no row is cut there. */
static int
S_joined(const struct walk *w)
{
	return (w->ia < w->a.n && text_joins(w->a.c[w->ia - 1],
	    w->a.c[w->ia])) || (w->ib < w->b.n &&
	    text_joins(w->b.c[w->ib - 1], w->b.c[w->ib]));
}

/* Walks a piece in common of len bytes, cutting a row after each
 * delimiter (and the closing brackets right after it in the piece),
 * never inside a grapheme cluster. */
static void
S_same(struct walk *w, size_t len)
{
	size_t end = w->a.at[w->ia] + len;
	uint32_t c;

	while (w->ia < w->a.n && w->a.at[w->ia] < end) {
		c = w->a.c[w->ia++];
		w->ib++;
		if (!S_ends_phrase(w, c))
			continue;
		while (w->ia < w->a.n && w->a.at[w->ia] < end &&
		    w->a.c[w->ia] < 0x110000 &&
		    uc_is_general_category(w->a.c[w->ia], UC_CATEGORY_Pe))
			w->ia++, w->ib++;
		if (!S_joined(w))
			S_cut(w);
	}
}

/* Returns the segments of characters [from, to) of t by keep, in arena
 * ar. */
static struct segment *
S_side(struct arena *ar, const struct diff_chars *t,
    const unsigned char *keep, size_t from, size_t to)
{
	struct diff_chars part = { t->s, t->c + from, t->at + from,
	    to - from };

	return diff_segments(ar, &part, keep + from);
}

/* Returns the rows of w's spans, in arena ar. */
static struct diff_row *
S_rows(struct arena *ar, const struct walk *w)
{
	struct diff_row *head = NULL, **tail = &head, *r;
	size_t i;

	for (i = 0; i < w->n; i++) {
		const struct span *sp = &w->v[i];

		r = arena_calloc(ar, 1, sizeof(*r));
		r->shared = sp->shared;
		r->before = S_side(ar, &w->a, w->keep_a, sp->a0, sp->a1);
		r->after = sp->shared ? r->before : S_side(ar, &w->b,
		    w->keep_b, sp->b0, sp->b1);
		*tail = r;
		tail = &r->next;
	}
	return head;
}

/* Returns the rows of w's texts (filled by diff_chars()) from p, their
 * pieces, in arena ar; frees what w holds. */
static struct diff_row *
S_walk(struct arena *ar, struct walk *w, const struct diff_piece *p)
{
	struct diff_row *rows;

	w->keep_a = xcalloc(w->a.n + 1, 1);
	w->keep_b = xcalloc(w->b.n + 1, 1);
	memset(w->keep_a, 1, w->a.n);
	memset(w->keep_b, 1, w->b.n);
	for (; p != NULL; p = p->next) {
		if (p->kind == DIFF_SAME) {
			S_same(w, strlen(p->text));
			continue;
		}
		w->changed = 1;
		if (p->kind == DIFF_DEL)
			S_changed(&w->a, &w->ia, strlen(p->text), w->keep_a);
		else
			S_changed(&w->b, &w->ib, strlen(p->text), w->keep_b);
	}
	S_cut(w);
	diff_whole_words(&w->a, w->keep_a);
	diff_whole_words(&w->b, w->keep_b);
	rows = S_rows(ar, w);
	free(w->v);
	free(w->keep_a);
	free(w->keep_b);
	diff_chars_free(&w->a);
	diff_chars_free(&w->b);
	return rows;
}

struct diff_row *
diff_rows(struct arena *ar, const char *from, const char *to)
{
	struct walk w;

	memset(&w, 0, sizeof(w));
	diff_chars(&w.a, from);
	diff_chars(&w.b, to);
	return S_walk(ar, &w, diff_pieces(ar, &w.a, &w.b));
}

struct diff_row *
diff_rows_of(struct arena *ar, const char *from, const char *to,
    const struct diff_piece *pieces)
{
	struct walk w;

	memset(&w, 0, sizeof(w));
	diff_chars(&w.a, from);
	diff_chars(&w.b, to);
	return S_walk(ar, &w, pieces);
}
