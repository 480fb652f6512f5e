/* diff.c: character differences of texts (Myers' shortest edit, from
 * bit-parallel LCS columns or Myers' own search, then a cleanup for
 * readable changes); see diff.h. */
#include "diff.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>

#include "alloc.h"
#include "diff_private.h"
#include "hash.h"
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
	size_t size = strlen(s);

	t->s = s;
	t->c = xreallocarray(NULL, size + 1, sizeof(*t->c));
	t->at = xreallocarray(NULL, size + 1, sizeof(*t->at));
	t->n = text_decode(s, size, t->c, t->at);
}

void
diff_chars_free(struct diff_chars *t)
{
	free(t->c);
	free(t->at);
}

/* Appends run (a, b, len), if not empty, to r (joined to the last run
 * when it continues it). */
static void
S_add_run(struct runs *r, size_t a, size_t b, size_t len)
{
	if (len == 0)
		return;
	if (r->n > 0 && r->v[r->n - 1].a + r->v[r->n - 1].len == a &&
	    r->v[r->n - 1].b + r->v[r->n - 1].len == b) {
		r->v[r->n - 1].len += len;	/* continues the last run */
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->v = xreallocarray(r->v, r->cap, sizeof(*r->v));
	}
	r->v[r->n].a = a;
	r->v[r->n].b = b;
	r->v[r->n].len = len;
	r->n++;
}

/* Returns runs with room for all that texts of na and nb units can
 * have in common (each run is at least one unit of both, after the one
 * before it in both: at most the shorter length), so that adding them
 * never reallocates. */
static struct runs
S_runs_for(size_t na, size_t nb)
{
	struct runs r = { NULL, 0, 0 };

	r.cap = (na < nb ? na : nb) + 1;
	r.v = xreallocarray(NULL, r.cap, sizeof(*r.v));
	return r;
}

/* Puts the runs of r from first on, added last to first, in order. */
static void
S_reverse_runs(struct runs *r, size_t first)
{
	size_t i;
	struct run t;

	for (i = 0; i < (r->n - first) / 2; i++) {
		t = r->v[first + i];
		r->v[first + i] = r->v[r->n - 1 - i];
		r->v[r->n - 1 - i] = t;
	}
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

/* Myers' search in progress: the texts, and for each number of edits d
 * a row of the furthest x reached on each diagonal k = x - y (row d at
 * trace + d * d, holding k = -d .. d), in room for cap ints. */
struct search {
	const uint32_t	*a, *b;
	int		 n, m;
	int		*trace;
	size_t		 cap;
	size_t		 spent;		/* diagonals tried, characters compared */
};

/* Returns how far diagonal k (x - y) of a[0..n) against b[0..m) runs
 * from x = x0 while the texts agree. */
static inline int
S_snake(const uint32_t *a, int n, const uint32_t *b, int m, int x0, int k)
{
	int x = x0, y = x0 - k;

	while (x < n && y < m && a[x] == b[y])
		x++, y++;
	return x;
}

/* Fills row d > 0 of s's trace from row d - 1 (each diagonal continues
 * the neighbour that reached further: an insertion from k + 1 or a
 * deletion from k - 1), stopping once s has spent budget.  Returns the
 * diagonal that reached the end of both texts, or INT_MIN. */
static int
S_row(struct search *s, int d, size_t budget)
{
	int *row = s->trace + (size_t)d * (size_t)d + (size_t)d;
	const int *prev = row - 2 * d;	/* row d - 1 */
	const uint32_t *a = s->a, *b = s->b;
	int n = s->n, m = s->m, k = -d, x0 = prev[k + 1], x;
	size_t spent = s->spent;

	for (;;) {
		x = S_snake(a, n, b, m, x0, k);
		spent += 1 + (size_t)(x - x0);
		row[k] = x;
		if (x >= n && x - k >= m)
			break;
		if ((k += 2) > d || spent > budget) {
			k = INT_MIN;
			break;
		}
		x0 = k == d || prev[k - 1] >= prev[k + 1] ? prev[k - 1] + 1 :
		    prev[k + 1];
	}
	s->spent = spent;
	return k;
}

/* Finds the shortest edit of a[0..n) into b[0..m) (Myers), adding its
 * runs in common to r in order, offset by (a0, b0), and its steps (a
 * diagonal tried, a character compared) to *steps.  Returns 0, or -1
 * (adding nothing) when it needs more than DIFF_D_MAX edits or budget
 * steps. */
static int
S_myers(const uint32_t *a, int n, const uint32_t *b, int m, size_t a0,
    size_t b0, struct runs *r, size_t budget, size_t *steps)
{
	struct search s = { a, b, n, m, NULL, 0, 0 };
	int dmax = n + m < DIFF_D_MAX ? n + m : DIFF_D_MAX, d, found = INT_MIN;
	size_t first = r->n;

	/* d edits take d (d + 1) / 2 steps: room for as many as the budget
	 * allows, grown if the snakes take fewer */
	for (d = 0; d < dmax && (size_t)d * (size_t)(d + 1) / 2 <= budget; d++)
		;
	s.cap = (size_t)(d + 1) * (size_t)(d + 1);
	s.trace = xreallocarray(NULL, s.cap, sizeof(*s.trace));
	s.trace[0] = S_snake(a, n, b, m, 0, 0);	/* row 0 */
	s.spent = 1 + (size_t)s.trace[0];
	if (s.trace[0] >= n && s.trace[0] >= m)
		found = 0;
	for (d = 1; d <= dmax && found == INT_MIN && s.spent <= budget; d++) {
		if ((size_t)(d + 1) * (size_t)(d + 1) > s.cap) {
			s.cap = 4 * (size_t)(d + 1) * (size_t)(d + 1);
			s.trace = xreallocarray(s.trace, s.cap, sizeof(*s.trace));
		}
		found = S_row(&s, d, budget);
	}
	*steps += s.spent;
	if (found != INT_MIN) {
		S_backtrack(s.trace, d - 1, n, m, a0, b0, r);
		S_reverse_runs(r, first);
	}
	free(s.trace);
	return found != INT_MIN ? 0 : -1;
}

/* The most words of bit columns (8 bytes each) a diff fills: 2 MB. */
#define DIFF_LCS_WORDS	((size_t)1 << 18)

/* The longest common subsequences of a[0..n) with b[0..m), as bit
 * columns (Allison and Dix's bit-parallel LCS, in Hyyrö's form): in
 * column j, w words, bit i is clear when a[i] lengthens a longest common
 * subsequence of a[0..i] and b[0..j). */
struct lcs {
	uint64_t	*col;
	size_t		 w;
	int		 n, m;
	size_t		 probes;	/* words read */
};

/* The distinct characters of a text, for the match masks: an open
 * hash table (linear probing) from code to its number, in order of
 * first appearance. */
struct char_table {
	uint32_t	*code;
	int		*num;	/* -1: free */
	size_t		 mask;	/* size - 1, the size a power of two */
	int		 n;
};

/* Makes t room for n distinct characters, at most half full. */
static void
S_table_init(struct char_table *t, int n)
{
	size_t size = 16;

	while (size < 2 * (size_t)n + 2)
		size *= 2;
	t->code = xreallocarray(NULL, size, sizeof(*t->code));
	t->num = xreallocarray(NULL, size, sizeof(*t->num));
	memset(t->num, 0xFF, size * sizeof(*t->num));
	t->mask = size - 1;
	t->n = 0;
}

/* Returns the slot of t where c is, or the free one where it would go. */
static size_t
S_table_slot(const struct char_table *t, uint32_t c)
{
	size_t h = (size_t)((c * 0x9E3779B1u) >> 7) & t->mask;

	while (t->num[h] >= 0 && t->code[h] != c)
		h = (h + 1) & t->mask;
	return h;
}

/* Returns the number of c in t, adding it if new. */
static int
S_table_add(struct char_table *t, uint32_t c)
{
	size_t h = S_table_slot(t, c);

	if (t->num[h] < 0) {
		t->code[h] = c;
		t->num[h] = t->n++;
	}
	return t->num[h];
}

/* Returns the number of bits set in v. */
static unsigned
S_bits(uint64_t v)
{
	v = v - ((v >> 1) & 0x5555555555555555ULL);
	v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
	v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (unsigned)((v * 0x0101010101010101ULL) >> 56);
}

/* Sets column j + 1 of l from column j and match mask mask (the places
 * of b[j] in a; NULL when a has none). */
static void
S_lcs_column(struct lcs *l, int j, const uint64_t *mask)
{
	const uint64_t *v = l->col + (size_t)j * l->w;
	uint64_t *out = l->col + (size_t)(j + 1) * l->w, u, sum, carry = 0;
	size_t t;

	if (mask == NULL) {
		memcpy(out, v, l->w * sizeof(*out));
		return;
	}
	for (t = 0; t < l->w; t++) {
		u = v[t] & mask[t];
		sum = v[t] + u;
		out[t] = sum + carry;
		carry = (uint64_t)(sum < v[t]) | (uint64_t)(out[t] < sum);
		out[t] |= v[t] & ~mask[t];
	}
}

/* Fills l for a[0..n) and b[0..m) (free l->col): match masks of a's
 * distinct characters, found for each of b's in a hash table. */
static void
S_lcs(struct lcs *l, const uint32_t *a, int n, const uint32_t *b, int m)
{
	struct char_table t;
	int *num = xreallocarray(NULL, (size_t)n + 1, sizeof(*num));
	uint64_t *masks;
	int i, j;
	size_t h;

	l->n = n;
	l->m = m;
	l->w = (size_t)n / 64 + 1;
	l->probes = 0;
	l->col = xreallocarray(NULL, ((size_t)m + 1) * l->w, sizeof(*l->col));
	memset(l->col, 0xFF, l->w * sizeof(*l->col));
	S_table_init(&t, n);
	for (i = 0; i < n; i++)
		num[i] = S_table_add(&t, a[i]);
	masks = xcalloc((size_t)t.n * l->w + 1, sizeof(*masks));
	for (i = 0; i < n; i++)
		masks[(size_t)num[i] * l->w + (size_t)i / 64] |=
		    (uint64_t)1 << (i % 64);
	for (j = 0; j < m; j++) {
		h = S_table_slot(&t, b[j]);
		S_lcs_column(l, j, t.num[h] >= 0 ?
		    masks + (size_t)t.num[h] * l->w : NULL);
	}
	free(t.code);
	free(t.num);
	free(num);
	free(masks);
}

/* Returns the edits (characters deleted plus inserted) from a[0..x) to
 * b[0..y), x, y >= 0, counting characters past the texts' ends as
 * matching none. */
static inline int
S_lcs_edits(struct lcs *l, int x, int y)
{
	int xi = x < l->n ? x : l->n, yj = y < l->m ? y : l->m, common = xi;
	const uint64_t *v = l->col + (size_t)yj * l->w;
	size_t t;

	for (t = 0; t < (size_t)xi / 64; t++)
		common -= (int)S_bits(v[t]);
	if (xi % 64 != 0)
		common -= (int)S_bits(v[t] & (((uint64_t)1 << (xi % 64)) - 1));
	l->probes += t + 1;
	return x + y - 2 * common;
}

/* Returns the furthest x below hi on diagonal k (x - y) that d edits
 * reach (hi: a bound that they do not): the edits never fall along a
 * diagonal, so a search galloping down from hi, where the point most
 * often is, then halving, finds it. */
static int
S_lcs_furthest(struct lcs *l, int k, int d, int hi)
{
	int lo = k > 0 ? k : 0, step = 1, mid;

	while (hi - lo > 1) {
		mid = hi - step > lo ? hi - step : lo;
		if (S_lcs_edits(l, mid, mid - k) <= d) {
			lo = mid;
			break;
		}
		hi = mid;
		step *= 2;
	}
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (S_lcs_edits(l, mid, mid - k) <= d)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Walks back from (n, m), d edits, through the furthest points of
 * Myers' search as l gives them, adding the snakes to r in reverse
 * order, offset by (a0, b0): the path S_backtrack() takes.  Returns 0,
 * or -1 once l has read more than budget words. */
static int
S_lcs_backtrack(struct lcs *l, int d, size_t a0, size_t b0, struct runs *r,
    size_t budget)
{
	int x = l->n, y = l->m, k, pk, px, sx, lower, upper;

	for (; d > 0 && l->probes <= budget; d--) {
		k = x - y;
		/* d - 1 edits reach no further than x on k + 1, x - 1 on
		 * k - 1 */
		if (k == -d || k == d) {
			pk = k == -d ? k + 1 : k - 1;
			px = S_lcs_furthest(l, pk, d - 1, pk > k ? x + 1 : x);
		} else {
			lower = S_lcs_furthest(l, k - 1, d - 1, x);
			upper = S_lcs_furthest(l, k + 1, d - 1, x + 1);
			pk = lower < upper ? k + 1 : k - 1;
			px = pk == k + 1 ? upper : lower;
		}
		sx = pk == k + 1 ? px : px + 1;	/* after the edit */
		S_add_run(r, a0 + (size_t)sx, b0 + (size_t)(sx - k),
		    (size_t)(x - sx));
		x = px;
		y = px - pk;
	}
	S_add_run(r, a0, b0, (size_t)x);	/* the snake from (0, 0) */
	return d > 0 ? -1 : 0;
}

/* Adds to r, in order, offset by (a0, b0), the runs of the shortest
 * edit of a[0..n) into b[0..m) that Myers' search finds (by the bit
 * columns when they fit in budget and DIFF_LCS_WORDS, else by the
 * search itself), adding its steps (words read, or diagonals tried and
 * characters compared) to *steps.  Returns 0, or -1 (adding nothing)
 * past DIFF_D_MAX edits or budget steps. */
static int
S_shortest(const uint32_t *a, int n, const uint32_t *b, int m, size_t a0,
    size_t b0, struct runs *r, size_t budget, size_t *steps)
{
	struct lcs l;
	size_t first = r->n, words = ((size_t)m + 1) * ((size_t)n / 64 + 1);
	int rc = -1, d;

	if (words > budget || words > DIFF_LCS_WORDS)
		return S_myers(a, n, b, m, a0, b0, r, budget, steps);
	S_lcs(&l, a, n, b, m);
	l.probes += words;
	if ((d = S_lcs_edits(&l, n, m)) <= DIFF_D_MAX)
		rc = S_lcs_backtrack(&l, d, a0, b0, r, budget);
	if (rc == 0)
		S_reverse_runs(r, first);
	else
		r->n = first;
	*steps += l.probes;
	free(l.col);
	return rc;
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

/* Two texts being aligned, the runs found so far and the steps spent. */
struct align {
	const struct diff_chars	*a, *b;
	struct runs		*r;
	size_t			*steps;
};

/* Returns the steps that Myers' search may take on texts of n and m
 * units, per unit. */
static size_t
S_budget(size_t n, size_t m, size_t per_unit)
{
	return per_unit * (n + m) + DIFF_STEPS_MIN;
}

static int	S_by_words(struct align *, size_t, size_t, size_t, size_t);

/* Adds to al's runs the common start and end of characters [a0, a1) of
 * text a and [b0, b1) of text b, and between them the runs of the
 * shortest edit within its budget; past it, when by_words, those of
 * S_by_words(), else none (the middle changed whole). */
static void
S_chars(struct align *al, size_t a0, size_t a1, size_t b0, size_t b1,
    int by_words)
{
	const uint32_t *a = al->a->c, *b = al->b->c;
	size_t pre = 0, suf = 0;

	while (a0 + pre < a1 && b0 + pre < b1 && a[a0 + pre] == b[b0 + pre])
		pre++;
	while (suf < a1 - a0 - pre && suf < b1 - b0 - pre &&
	    a[a1 - 1 - suf] == b[b1 - 1 - suf])
		suf++;
	S_add_run(al->r, a0, b0, pre);
	a0 += pre;
	b0 += pre;
	if (a1 - suf > a0 && b1 - suf > b0 && S_shortest(a + a0,
	    (int)(a1 - suf - a0), b + b0, (int)(b1 - suf - b0), a0, b0, al->r,
	    S_budget(a1 - a0 - suf, b1 - b0 - suf, DIFF_STEPS_PER_CHAR),
	    al->steps) < 0 && by_words)
		(void)S_by_words(al, a0, a1 - suf, b0, b1 - suf);
	S_add_run(al->r, a1 - suf, b1 - suf, suf);
}

/* Returns the end of the word of t that starts at character i, before
 * end: a run of one script (katakana, kanji, a Latin word), else the
 * character alone. */
static size_t
S_word_end(const struct diff_chars *t, size_t i, size_t end)
{
	enum text_script sc = S_script(t->c[i]);
	size_t j = i + 1;

	while (sc != TEXT_SCRIPT_OTHER && j < end && S_script(t->c[j]) == sc)
		j++;
	return j;
}

/* Words of the texts being aligned: where each starts (and, at n, where
 * the last ends), and a number the same for equal words. */
struct words {
	size_t		*at;
	uint32_t	*id;
	size_t		 n;
};

/* A word's text, as the hash table holds it. */
struct word_key {
	const char	*s;
	size_t		 len;
	uint32_t	 id;
};

/* Returns whether word item spells key. */
static int
S_same_word(const void *item, const void *key)
{
	const struct word_key *x = item, *y = key;

	return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* Cuts characters [from, to) of t into words w, numbering each by keys
 * (the words seen, in keys[0..*nkeys)). */
static void
S_words(const struct diff_chars *t, size_t from, size_t to,
    struct words *w, struct hash_table *seen, struct word_key *keys,
    size_t *nkeys)
{
	size_t i, h;
	struct word_key k, *got;

	w->at = xcalloc(to - from + 1, sizeof(*w->at));
	w->id = xcalloc(to - from + 1, sizeof(*w->id));
	for (w->n = 0, i = from; i < to; w->n++) {
		w->at[w->n] = i;
		i = S_word_end(t, i, to);
		k.s = t->s + t->at[w->at[w->n]];
		k.len = t->at[i] - t->at[w->at[w->n]];
		h = hash_bytes(seen, k.s, k.len);
		if ((got = hash_get(seen, h, S_same_word, &k)) == NULL) {
			got = &keys[*nkeys];
			*got = k;
			got->id = (uint32_t)(*nkeys)++;
			hash_put(seen, h, got);
		}
		w->id[w->n] = got->id;
	}
	w->at[w->n] = to;
}

/* Aligns characters [a0, a1) of text a and [b0, b1) of text b by words
 * (Myers' search over words, within its budget), then characters within
 * the words that differ (within the budget of each change, else the
 * change is whole), adding the runs to al's.  Returns 0, or -1 (adding
 * nothing) when the words' search went past its budget. */
static int
S_by_words(struct align *al, size_t a0, size_t a1, size_t b0, size_t b1)
{
	struct words wa, wb;
	struct word_key *keys = xcalloc(a1 - a0 + b1 - b0, sizeof(*keys));
	struct hash_table seen;
	struct runs wr;
	size_t nkeys = 0, i, pa = a0, pb = b0, ca, cb, len;
	int rc;

	hash_init(&seen);
	S_words(al->a, a0, a1, &wa, &seen, keys, &nkeys);
	S_words(al->b, b0, b1, &wb, &seen, keys, &nkeys);
	wr = S_runs_for(wa.n, wb.n);
	rc = wa.n == a1 - a0 && wb.n == b1 - b0 ? -1 :	/* no gain */
	    S_shortest(wa.id, (int)wa.n, wb.id, (int)wb.n, 0, 0, &wr,
	    S_budget(wa.n, wb.n, DIFF_STEPS_PER_WORD), al->steps);
	for (i = 0; rc == 0 && i <= wr.n; i++) {
		ca = i < wr.n ? wa.at[wr.v[i].a] : a1;
		cb = i < wr.n ? wb.at[wr.v[i].b] : b1;
		S_chars(al, pa, ca, pb, cb, 0);
		if (i == wr.n)
			break;
		len = wa.at[wr.v[i].a + wr.v[i].len] - ca;
		S_add_run(al->r, ca, cb, len);
		pa = ca + len;
		pb = cb + len;
	}
	hash_free(&seen);
	free(wr.v);
	free(keys);
	free(wa.at);
	free(wa.id);
	free(wb.at);
	free(wb.id);
	return rc;
}

/* Returns the runs that a and b have in common, cleaned up (free the
 * array .v), adding the steps of the search to *steps: the characters'
 * shortest edit when Myers' search finds it within its budget, else the
 * words' (see S_by_words()), else only the common start and end. */
static struct runs
S_runs(const struct diff_chars *a, const struct diff_chars *b,
    size_t *steps)
{
	struct runs r = S_runs_for(a->n, b->n);
	struct align al = { a, b, &r, steps };

	S_chars(&al, 0, a->n, 0, b->n, 1);
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
	size_t steps = 0;

	return diff_pieces_counted(ar, a, b, &steps);
}

struct diff_piece *
diff_pieces_counted(struct arena *ar, const struct diff_chars *a,
    const struct diff_chars *b, size_t *steps)
{
	struct runs r = S_runs(a, b, steps);
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
	struct diff_chars t[2];
	size_t i, below = n;	/* the last text seen, none yet */
	int now = 0;		/* t[now]: texts[i]; t[!now]: texts[below] */

	for (i = 0; i < n; i++) {
		if (texts[i] == NULL)
			continue;
		diff_chars(&t[now], texts[i]);	/* each text decoded once */
		if (below < n) {
			v[i] = diff_pieces(ar, &t[!now], &t[now]);
			diff_chars_free(&t[!now]);
		}
		below = i;
		now = !now;
	}
	if (below < n)
		diff_chars_free(&t[!now]);
	return v;
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
	size_t k, steps = 0;
	struct runs r = S_runs(&t[ref], &t[i], &steps);

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
