/* diff.c: character differences of texts (Myers' O(ND) algorithm, then a
 * cleanup for readable changes); see diff.h. */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "alloc.h"
#include "diff_private.h"
#include "text.h"

/* A run in common: from's characters [a, a + len) are to's [b, b +
 * len). */
struct run {
	size_t	a, b, len;
};

struct runs {
	struct run	*v;
	size_t		 n, cap;
};

void
diff_chars(struct diff_chars *t, const char *s)
{
	size_t i = 0, size = strlen(s);
	ucs4_t c;
	int len;

	t->s = s;
	t->c = xcalloc(size + 1, sizeof(*t->c));
	t->at = xcalloc(size + 1, sizeof(*t->at));
	for (t->n = 0; i < size; t->n++, i += (size_t)len) {
		t->at[t->n] = i;
		len = u8_mbtoucr(&c, (const uint8_t *)s + i, size - i);
		if (len < 0) {	/* not UTF-8: equal to no character */
			c = 0x110000 + (unsigned char)s[i];
			len = 1;
		}
		t->c[t->n] = c;
	}
	t->at[t->n] = size;
}

void
diff_chars_free(struct diff_chars *t)
{
	free(t->c);
	free(t->at);
}

/* Appends run (a, b, len), if not empty, to r. */
static void
S_add_run(struct runs *r, size_t a, size_t b, size_t len)
{
	if (len == 0)
		return;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->v = xreallocarray(r->v, r->cap, sizeof(*r->v));
	}
	r->v[r->n].a = a;
	r->v[r->n].b = b;
	r->v[r->n].len = len;
	r->n++;
}

/* Walks back through the snapshots of V (trace; snapshot d at
 * d * d, holding k = -d .. d) from (n, m), reached at d, adding the
 * snakes to r in reverse order, offset by (a0, b0). */
static void
S_backtrack(const int *trace, int d, int n, int m, size_t a0, size_t b0,
    struct runs *r)
{
	int x = n, y = m, k, pk, px, py, sx;
	const int *prev;

	for (; d > 0; d--) {
		k = x - y;
		prev = trace + (size_t)(d - 1) * (size_t)(d - 1) + (d - 1);
		pk = k == -d || (k != d && prev[k - 1] < prev[k + 1]) ? k + 1 :
		    k - 1;
		px = prev[pk];
		py = px - pk;
		sx = pk == k + 1 ? px : px + 1;	/* after the edit */
		S_add_run(r, a0 + (size_t)sx, b0 + (size_t)(sx - k),
		    (size_t)(x - sx));
		x = px;
		y = py;
	}
	S_add_run(r, a0, b0, (size_t)x);	/* the snake from (0, 0) */
}

/* Finds the shortest edit of a[0..n) into b[0..m) (Myers), adding its
 * runs in common to r in order, offset by (a0, b0).  Returns 0, or -1
 * (adding nothing) when it needs more than DIFF_D_MAX edits. */
static int
S_myers(const uint32_t *a, int n, const uint32_t *b, int m, size_t a0,
    size_t b0, struct runs *r)
{
	int dmax = n + m < DIFF_D_MAX ? n + m : DIFF_D_MAX;
	int *vbuf = xcalloc((size_t)(2 * dmax + 3), sizeof(*vbuf));
	int *v = vbuf + dmax + 1;	/* v[k], k from -dmax - 1 */
	int *trace = NULL, d, k, x, y, found = -1;
	size_t first = r->n, i, cap = 0;

	for (d = 0; d <= dmax && found < 0; d++) {
		if ((size_t)(d + 1) * (size_t)(d + 1) > cap) {	/* grows */
			cap = 4 * (size_t)(d + 1) * (size_t)(d + 1);
			trace = xreallocarray(trace, cap, sizeof(*trace));
		}
		for (k = -d; k <= d; k += 2) {
			x = k == -d || (k != d && v[k - 1] < v[k + 1]) ?
			    v[k + 1] : v[k - 1] + 1;
			y = x - k;
			while (x < n && y < m && a[x] == b[y])
				x++, y++;
			v[k] = x;
			if (x >= n && y >= m) {
				found = d;
				break;
			}
		}
		memcpy(trace + (size_t)d * (size_t)d, v - d,
		    (size_t)(2 * d + 1) * sizeof(*v));
	}
	if (found >= 0) {
		S_backtrack(trace, found, n, m, a0, b0, r);
		for (i = 0; i < (r->n - first) / 2; i++) {	/* in order */
			struct run t = r->v[first + i];

			r->v[first + i] = r->v[r->n - 1 - i];
			r->v[r->n - 1 - i] = t;
		}
	}
	free(trace);
	free(vbuf);
	return found >= 0 ? 0 : -1;
}

/* Returns the larger of x and y. */
static size_t
S_max(size_t x, size_t y)
{
	return x > y ? x : y;
}

/* Joins to the changes around it each run of r that is no longer than
 * the change before it and the change after it (measured as the more
 * characters on either side) and is one character, or lies between two
 * replacements (text deleted and text inserted), until none is; na and
 * nb are the texts' lengths.  A longer run beside a plain insertion or
 * deletion stays: it is what the new text keeps. */
static void
S_cleanup(struct runs *r, size_t na, size_t nb)
{
	size_t i, before, after, pa, pb, qa, qb;
	int changed = 1;

	while (changed) {
		changed = 0;
		for (i = 0; i < r->n; i++) {
			const struct run *u = &r->v[i];

			pa = i > 0 ? r->v[i - 1].a + r->v[i - 1].len : 0;
			pb = i > 0 ? r->v[i - 1].b + r->v[i - 1].len : 0;
			qa = i + 1 < r->n ? r->v[i + 1].a : na;
			qb = i + 1 < r->n ? r->v[i + 1].b : nb;
			before = S_max(u->a - pa, u->b - pb);
			after = S_max(qa - u->a - u->len, qb - u->b - u->len);
			if (before > 0 && after > 0 && u->len <= before &&
			    u->len <= after && (u->len == 1 || (u->a > pa &&
			    u->b > pb && qa > u->a + u->len &&
			    qb > u->b + u->len))) {
				memmove(&r->v[i], &r->v[i + 1],
				    (r->n - i - 1) * sizeof(*r->v));
				r->n--;
				changed = 1;
			}
		}
	}
}

/* Returns the runs that a and b have in common, cleaned up (free the
 * array .v). */
static struct runs
S_runs(const struct diff_chars *a, const struct diff_chars *b)
{
	struct runs r = { NULL, 0, 0 };
	size_t pre = 0, suf = 0;

	while (pre < a->n && pre < b->n && a->c[pre] == b->c[pre])
		pre++;
	while (suf < a->n - pre && suf < b->n - pre &&
	    a->c[a->n - 1 - suf] == b->c[b->n - 1 - suf])
		suf++;
	S_add_run(&r, 0, 0, pre);
	if (a->n - pre - suf > 0 && b->n - pre - suf > 0)
		S_myers(a->c + pre, (int)(a->n - pre - suf), b->c + pre,
		    (int)(b->n - pre - suf), pre, pre, &r);
	S_add_run(&r, a->n - suf, b->n - suf, suf);
	S_cleanup(&r, a->n, b->n);
	return r;
}

/* Appends to the list at *tail a piece of kind: characters [from, to)
 * of t; returns the new tail. */
static struct diff_piece **
S_piece(struct arena *ar, struct diff_piece **tail, enum diff_kind kind,
    const struct diff_chars *t, size_t from, size_t to)
{
	struct diff_piece *p;

	if (from >= to)
		return tail;
	p = arena_calloc(ar, 1, sizeof(*p));
	p->kind = kind;
	p->text = arena_strndup(ar, t->s + t->at[from], t->at[to] - t->at[from]);
	*tail = p;
	return &p->next;
}

struct diff_piece *
diff_pieces(struct arena *ar, const struct diff_chars *a,
    const struct diff_chars *b)
{
	struct runs r = S_runs(a, b);
	struct diff_piece *head = NULL, **tail = &head;
	size_t i, pa = 0, pb = 0;

	for (i = 0; i <= r.n; i++) {
		size_t ra = i < r.n ? r.v[i].a : a->n, rb = i < r.n ? r.v[i].b : b->n;

		tail = S_piece(ar, tail, DIFF_DEL, a, pa, ra);
		tail = S_piece(ar, tail, DIFF_INS, b, pb, rb);
		if (i == r.n)
			break;
		tail = S_piece(ar, tail, DIFF_SAME, a, ra, ra + r.v[i].len);
		pa = ra + r.v[i].len;
		pb = rb + r.v[i].len;
	}
	free(r.v);
	return head;
}

struct diff_piece *
diff_pair(struct arena *ar, const char *from, const char *to)
{
	struct diff_chars a, b;
	struct diff_piece *p;

	diff_chars(&a, from);
	diff_chars(&b, to);
	p = diff_pieces(ar, &a, &b);
	diff_chars_free(&a);
	diff_chars_free(&b);
	return p;
}

const struct diff_piece **
diff_steps(struct arena *ar, const char *const *texts, size_t n)
{
	const struct diff_piece **v = arena_calloc(ar, n ? n : 1,
	    sizeof(*v));
	size_t i, below = n;	/* the last text seen, none yet */

	for (i = 0; i < n; i++) {
		if (texts[i] == NULL)
			continue;
		if (below < n)
			v[i] = diff_pair(ar, texts[below], texts[i]);
		below = i;
	}
	return v;
}

/* Returns the class of character c for marks, which never split a run
 * of katakana, of kanji or a word (hiragana counts as other: a mark may
 * cover one kana; the conjunctions written in kanji, U+53C8 and U+53CA
 * of "or" and "and", join no kanji word: a noun changed before one is
 * marked without it). */
static enum text_script
S_script(uint32_t c)
{
	enum text_script sc;

	if (c == 0x53C8 || c == 0x53CA)
		return TEXT_SCRIPT_OTHER;
	sc = text_script(c);
	return sc == TEXT_SCRIPT_HIRAGANA ? TEXT_SCRIPT_OTHER : sc;
}

void
diff_whole_words(const struct diff_chars *t, unsigned char *keep)
{
	size_t i = 0, j, k;
	int differs, blank;

	while (i < t->n) {
		enum text_script sc = S_script(t->c[i]);

		differs = !keep[i];
		for (j = i + 1; j < t->n && (text_joins(t->c[j - 1],
		    t->c[j]) || (sc != TEXT_SCRIPT_OTHER &&
		    S_script(t->c[j]) == sc)); j++)
			differs |= !keep[j];
		if (differs)
			memset(keep + i, 0, j - i);
		i = j;
	}
	for (i = 0; i < t->n; i = j) {
		for (j = i; j < t->n && keep[j] == keep[i]; j++)
			;
		blank = !keep[i];
		for (k = i; k < j && blank; k++)
			blank = t->c[k] < 0x110000 &&
			    (uc_is_space(t->c[k]) || (uc_is_punct(t->c[k]) &&
			    !uc_is_general_category(t->c[k],
			    UC_CATEGORY_So)));
		if (blank)
			memset(keep + i, 1, j - i);
	}
}

struct segment *
diff_segments(struct arena *ar, const struct diff_chars *t,
    const unsigned char *keep)
{
	struct segment *head = NULL, **tail = &head;
	size_t i = 0, j;

	while (i < t->n) {
		struct segment *sg = arena_calloc(ar, 1, sizeof(*sg));

		for (j = i; j < t->n && keep[j] == keep[i]; j++)
			;
		sg->text = arena_strndup(ar, t->s + t->at[i],
		    t->at[j] - t->at[i]);
		sg->differs = !keep[i];
		*tail = sg;
		tail = &sg->next;
		i = j;
	}
	return head;
}

/* Orders indexes of texts (pointers to) by text, then by index. */
static int
S_text_cmp(const void *a, const void *b)
{
	const char *const *x = *(const char *const *const *)a;
	const char *const *y = *(const char *const *const *)b;
	int c = strcmp(*x, *y);

	return c != 0 ? c : (x > y) - (x < y);
}

/* Sets first[i] to the index of the first text equal to texts[i] (not
 * NULL) and count[first[i]] to how many are equal, by sorting: time n
 * log n. */
static void
S_variants(const char *const *texts, size_t n, size_t *first, size_t *count)
{
	const char *const **v = xcalloc(n + 1, sizeof(*v));
	size_t i, nv = 0;

	for (i = 0; i < n; i++)
		if (texts[i] != NULL)
			v[nv++] = &texts[i];
	if (nv > 1)
		qsort(v, nv, sizeof(*v), S_text_cmp);
	for (i = 0; i < nv; i++) {
		size_t at = (size_t)(v[i] - texts);

		first[at] = i > 0 && strcmp(*v[i], *v[i - 1]) == 0 ?
		    first[v[i - 1] - texts] : at;
		count[first[at]]++;
	}
	free(v);
}

/* Sets refs[0..DIFF_MARK_REFS) to the first indexes of the most common
 * texts (by count, see S_variants(); the earliest among equally common
 * ones), n where there are fewer. */
static void
S_references(const char *const *texts, size_t n, const size_t *first,
    const size_t *count, size_t *refs)
{
	size_t i, k, j;

	for (k = 0; k < DIFF_MARK_REFS; k++) {
		refs[k] = n;
		for (i = 0; i < n; i++) {
			if (texts[i] == NULL || first[i] != i || (refs[k] < n &&
			    count[i] <= count[refs[k]]))
				continue;
			for (j = 0; j < k && refs[j] != i; j++)
				;
			if (j == k)
				refs[k] = i;
		}
	}
}

/* Marks in keep[ref] and keep[i] what texts ref and i have in common. */
static void
S_mark_common(const struct diff_chars *t, unsigned char **keep, size_t ref,
    size_t i)
{
	struct runs r = S_runs(&t[ref], &t[i]);
	size_t k;

	for (k = 0; k < r.n; k++) {
		memset(keep[ref] + r.v[k].a, 1, r.v[k].len);
		memset(keep[i] + r.v[k].b, 1, r.v[k].len);
	}
	free(r.v);
}

struct segment **
diff_marks(struct arena *ar, const char *const *texts, size_t n)
{
	struct segment **out = arena_calloc(ar, n + 1, sizeof(*out));
	struct diff_chars *t = xcalloc(n + 1, sizeof(*t));
	unsigned char **keep = xcalloc(n + 1, sizeof(*keep));
	size_t *first = xcalloc(n + 1, sizeof(*first));
	size_t *count = xcalloc(n + 1, sizeof(*count));
	size_t refs[DIFF_MARK_REFS], i, j, k;

	S_variants(texts, n, first, count);
	S_references(texts, n, first, count, refs);

	for (i = 0; i < n; i++)
		if (texts[i] != NULL && first[i] == i) {
			diff_chars(&t[i], texts[i]);
			/* a text that another gives too differs from none */
			keep[i] = xcalloc(t[i].n + 1, 1);
			memset(keep[i], count[i] > 1, t[i].n);
		}
	for (k = 0; k < DIFF_MARK_REFS && refs[k] < n; k++)
		for (i = 0; i < n; i++) {
			for (j = 0; j <= k && refs[j] != i; j++)
				;
			if (texts[i] != NULL && first[i] == i && j > k)
				S_mark_common(t, keep, refs[k], i);
		}
	for (i = 0; i < n; i++)
		if (texts[i] != NULL && first[i] == i) {
			diff_whole_words(&t[i], keep[i]);
			out[i] = diff_segments(ar, &t[i], keep[i]);
			free(keep[i]);
			diff_chars_free(&t[i]);
		}
	for (i = 0; i < n; i++)
		if (texts[i] != NULL)
			out[i] = out[first[i]];
	free(count);
	free(first);
	free(keep);
	free(t);
	return out;
}
