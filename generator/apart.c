/* apart.c: the words that set a level apart, and the opening most texts
 * of a level share; see apart.h. */
#include "apart.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>


#include "alloc.h"
#include "diff.h"
#include "text.h"

/* A text as code points (a byte that starts no valid sequence stands
 * for itself, above every code point), where each starts (and, at n,
 * where the text ends), its class (S_class(), but that a character that
 * joins the one before it in a grapheme cluster, a combining mark or a
 * variation selector, takes that one's class) and whether it differs
 * from the neighbour's. */
struct text {
	const char		*s;
	uint32_t		*c;
	size_t			*at;
	enum text_script	*cls;
	unsigned char		*mark;
	size_t			 n;
};

/* Returns the class of c for phrases: its script, but the kanji
 * conjunctions 又 and 及 (又は, 及び) count as other, so that no phrase
 * ends with one. */
static enum text_script
S_class(uint32_t c)
{
	if (c == 0x53C8 || c == 0x53CA)
		return TEXT_SCRIPT_OTHER;
	return text_script(c);
}

/* Returns whether c ends a phrase: phrase punctuation (、。，． , . ; ；
 * ： :), a space or line break, or a byte that is not UTF-8. */
static int
S_is_delim(uint32_t c)
{
	switch (c) {
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case ',':
	case '.': case ';': case 0xFF1B: case 0xFF1A: case ':': case ' ':
	case 0x3000: case '\n': case '\r': case '\t':
		return 1;
	default:
		return c >= 0x110000;
	}
}

/* Returns whether character i of t ends a phrase (S_is_delim()), but
 * for a space between two letters or digits: English words are cut at
 * punctuation, not between words. */
static int
S_ends_phrase(const struct text *t, size_t i)
{
	if (t->c[i] == ' ' && i > 0 && i + 1 < t->n &&
	    t->cls[i - 1] == TEXT_SCRIPT_WORD &&
	    t->cls[i + 1] == TEXT_SCRIPT_WORD)
		return 0;
	return S_is_delim(t->c[i]);
}

/* Returns whether hiragana c is a particle that follows a word without
 * being part of it (の に を は が で と も へ や か). */
static int
S_is_particle(uint32_t c)
{
	static const uint32_t particles[] = { 0x306E, 0x306B, 0x3092, 0x306F,
	    0x304C, 0x3067, 0x3068, 0x3082, 0x3078, 0x3084, 0x304B };
	size_t i;

	for (i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
		if (c == particles[i])
			return 1;
	return 0;
}

/* Returns whether class sc holds the substance of a phrase (kanji,
 * katakana, a word) rather than kana or punctuation. */
static int
S_is_content(enum text_script sc)
{
	return sc != TEXT_SCRIPT_OTHER && sc != TEXT_SCRIPT_HIRAGANA;
}

/* Fills t with the characters of s, none marked; free with S_free(). */
static void
S_decode(struct text *t, const char *s)
{
	size_t i, size = strlen(s);

	t->s = s;
	t->c = xreallocarray(NULL, size + 1, sizeof(*t->c));
	t->at = xreallocarray(NULL, size + 1, sizeof(*t->at));
	t->cls = xreallocarray(NULL, size + 1, sizeof(*t->cls));
	t->mark = xcalloc(size + 1, 1);
	t->n = text_decode(s, size, t->c, t->at);
	for (i = 0; i < t->n; i++)
		t->cls[i] = i > 0 && text_joins(t->c[i - 1], t->c[i]) ?
		    t->cls[i - 1] : S_class(t->c[i]);
}

static void
S_free(struct text *t)
{
	free(t->c);
	free(t->at);
	free(t->cls);
	free(t->mark);
}

/* Marks the characters of t that pieces p (a change that t's text is
 * the side of: DIFF_INS for the new text, DIFF_DEL for the old) give as
 * changed, or all of them when p is NULL. */
static void
S_mark(struct text *t, const struct diff_piece *p, enum diff_kind side)
{
	unsigned char *ins = xcalloc(t->at[t->n] + 1, 1);
	size_t pos = 0, len, i;

	memset(ins, p == NULL, t->at[t->n]);
	for (; p != NULL; p = p->next) {
		if (p->kind != DIFF_SAME && p->kind != side)
			continue;
		len = strlen(p->text);
		if (len > t->at[t->n] - pos)	/* not t's own text: never */
			break;
		memset(ins + pos, p->kind == side, len);
		pos += len;
	}
	for (i = 0; i < t->n; i++)
		t->mark[i] = ins[t->at[i]];
	free(ins);
}

/* Widens the marks of t to whole runs of one script (kanji, katakana,
 * hiragana, a word): a run is marked whole when any of it is. */
static void
S_widen(struct text *t)
{
	size_t i = 0, j;
	int any;

	while (i < t->n) {
		enum text_script sc = t->cls[i];

		any = t->mark[i];
		for (j = i + 1; sc != TEXT_SCRIPT_OTHER && j < t->n &&
		    t->cls[j] == sc; j++)
			any |= t->mark[j];
		if (any)
			memset(t->mark + i, 1, j - i);
		i = j;
	}
}

/* Returns the end of characters [s, e) of t without the kana and
 * punctuation that end them. */
static size_t
S_trim_end(const struct text *t, size_t s, size_t e)
{
	while (e > s && !S_is_content(t->cls[e - 1]))
		e--;
	return e;
}

/* Returns where the phrase of t that starts at s and has its last
 * content before e ends, trimmed: after the okurigana of a final lone
 * kanji (one or two kana after it that do not start with a particle:
 * 関する, 高い), or before a lone kanji that more kana follow (a verb:
 * を有することができる).  A longer kanji run is a noun and stands
 * without its kana (複雑な, 策定し). */
static size_t
S_phrase_end(const struct text *t, size_t s, size_t e)
{
	size_t h, k;

	e = S_trim_end(t, s, e);
	if (e == s || t->cls[e - 1] != TEXT_SCRIPT_KANJI)
		return e;
	for (k = e; k > s && t->cls[k - 1] == TEXT_SCRIPT_KANJI; k--)
		;
	if (e - k != 1)
		return e;
	for (h = e; h < t->n && t->cls[h] == TEXT_SCRIPT_HIRAGANA; h++)
		;
	if (h > e && h - e <= 2 && !S_is_particle(t->c[e]))
		return h;
	return h - e > 2 ? S_trim_end(t, s, k) : e;
}

/* Returns where the last run of content of characters [s, e) of t
 * starts (a run of kanji, katakana and letters, with the okurigana that
 * may end it), moved on to keep at most APART_PHRASE_CHARS characters
 * (to the first start of a script run in reach, else a character). */
static size_t
S_tail(const struct text *t, size_t s, size_t e)
{
	size_t k = e;

	while (k > s && t->cls[k - 1] == TEXT_SCRIPT_HIRAGANA)
		k--;
	while (k > s && S_is_content(t->cls[k - 1]))
		k--;
	if (e - k <= APART_PHRASE_CHARS)
		return k;
	for (k = e - APART_PHRASE_CHARS; k < e; k++)
		if (S_is_content(t->cls[k]) &&
		    t->cls[k] != t->cls[k - 1])
			return k;
	return e - APART_PHRASE_CHARS;
}

/* Sets p to how the phrase of t in characters [s, e) is shown (whole,
 * or cut: see APART_PHRASE_CHARS), in arena a; returns the characters
 * it shows, an ellipsis counting one. */
static size_t
S_show(struct arena *a, const struct text *t, size_t s, size_t e,
    struct apart_phrase *p)
{
	size_t he = s, ts;

	p->head = "";
	p->cut = e - s > APART_PHRASE_CHARS;
	if (!p->cut) {
		p->text = arena_strndup(a, t->s + t->at[s], t->at[e] - t->at[s]);
		return e - s;
	}
	ts = S_tail(t, s, e);
	while (he < ts && S_is_content(t->cls[he]))
		he++;
	if (he - s > APART_HEAD_CHARS || he == ts)
		he = s;
	p->head = arena_strndup(a, t->s + t->at[s], t->at[he] - t->at[s]);
	p->text = arena_strndup(a, t->s + t->at[ts], t->at[e] - t->at[ts]);
	return (he - s) + 1 + (e - ts);
}

/* The phrases found so far for one level, and the characters they show. */
struct found {
	struct apart_words	*w;
	const char		*full[APART_PHRASES];
	size_t			 shown;
};

/* Adds the phrase of t in characters [s, e) (a marked run between
 * delimiters) to f, trimmed, unless it is empty, part of a phrase
 * already there or past the caps. */
static void
S_add(struct arena *a, const struct text *t, size_t s, size_t e,
    struct found *f)
{
	struct apart_phrase *p;
	const char *full;
	size_t i, shown;

	while (s < e && !S_is_content(t->cls[s]))
		s++;
	e = s < e ? S_phrase_end(t, s, e) : s;
	if (s >= e || f->w->n == APART_PHRASES)
		return;
	full = arena_strndup(a, t->s + t->at[s], t->at[e] - t->at[s]);
	for (i = 0; i < f->w->n; i++)
		if (strstr(f->full[i], full) != NULL)
			return;
	p = &f->w->v[f->w->n];
	shown = S_show(a, t, s, e, p);
	if (f->w->n > 0 && f->shown + shown > APART_CHARS)
		return;
	f->full[f->w->n++] = full;
	f->shown += shown;
}

/* Sets *w, which has no phrase, to the first phrase of t as it stands
 * (a text of kana alone, with no neighbour to differ from), in arena
 * a. */
static void
S_first(struct arena *a, const struct text *t, struct apart_words *w)
{
	size_t i = 0, j;

	while (i < t->n && S_ends_phrase(t, i))
		i++;
	for (j = i; j < t->n && !S_ends_phrase(t, j); j++)
		;
	if (j > i) {
		S_show(a, t, i, j, &w->v[0]);
		w->n = 1;
	}
}

/* Sets *w to the phrases of text that pieces p (side side of them; NULL:
 * all of it, and its first phrase as it stands when no phrase of
 * substance is found) give as changed, in arena a. */
static void
S_words(struct arena *a, const char *text, const struct diff_piece *p,
    enum diff_kind side, struct apart_words *w)
{
	struct found f = { w, { NULL }, 0 };
	struct text t;
	size_t i = 0, j;

	w->v = arena_calloc(a, APART_PHRASES, sizeof(*w->v));
	w->n = 0;
	S_decode(&t, text);
	S_mark(&t, p, side);
	S_widen(&t);
	while (i < t.n) {
		if (!t.mark[i] || S_ends_phrase(&t, i)) {
			i++;
			continue;
		}
		for (j = i; j < t.n && t.mark[j] && !S_ends_phrase(&t, j);
		    j++)
			;
		S_add(a, &t, i, j, &f);
		i = j;
	}
	if (p == NULL && w->n == 0)
		S_first(a, &t, w);
	S_free(&t);
}

struct apart_words *
apart_levels_of(struct arena *a, const char *const *texts,
    const struct diff_piece *const *steps, size_t n)
{
	struct apart_words *w = arena_calloc(a, n ? n : 1, sizeof(*w));
	size_t i, below = n;	/* the last defined level, none yet */

	for (i = 0; i < n; i++) {
		if (texts[i] == NULL)
			continue;
		if (below < n) {	/* one diff serves both ends */
			S_words(a, texts[i], steps[i], DIFF_INS, &w[i]);
			w[i].same = strcmp(texts[i], texts[below]) == 0;
			if (w[below].v == NULL) {	/* the lowest */
				S_words(a, texts[below], steps[i], DIFF_DEL,
				    &w[below]);
				w[below].same = w[i].same;
			}
		}
		below = i;
	}
	if (below < n && w[below].v == NULL)	/* the only one */
		S_words(a, texts[below], NULL, DIFF_INS, &w[below]);
	return w;
}

struct apart_words *
apart_levels(struct arena *a, const char *const *texts, size_t n)
{
	return apart_levels_of(a, texts, diff_steps(a, texts, n), n);
}

/* Orders strings for qsort(). */
static int
S_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Returns the bytes that s and t have in common at their start, cut back
 * to a character's start. */
static size_t
S_common(const char *s, const char *t)
{
	size_t n = 0;

	while (s[n] != '\0' && s[n] == t[n])
		n++;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Returns the length of the longest start that k of the m sorted
 * strings v share, and in *x and *y two of them that share it. */
static size_t
S_shared(const char **v, size_t m, size_t k, const char **x,
    const char **y)
{
	size_t i, len, best = 0;

	for (i = 0; i + k <= m; i++) {
		len = S_common(v[i], v[i + k - 1]);
		if (len > best) {
			best = len;
			*x = v[i];
			*y = v[i + k - 1];
		}
	}
	return best;
}

/* Returns the length of the first len bytes of x (which y shares) cut
 * back to the end of a run of content that neither continues: at a
 * phrase's end as S_phrase_end() sees it within them (in arena a); sets
 * *chars to the characters before it. */
static size_t
S_opening_end(struct arena *a, const char *x, const char *y, size_t len,
    size_t *chars)
{
	size_t i = 0, run = 0;
	uint32_t c, last = 0, nx = 0, ny = 0;
	enum text_script sc = TEXT_SCRIPT_OTHER, prev = TEXT_SCRIPT_OTHER;
	struct text t;

	while (i < len) {
		size_t l = text_next_char(x + i, len - i, &c);

		sc = i > 0 && text_joins(last, c) ? prev : S_class(c);
		if (sc != prev || (!S_is_content(sc) &&
		    !text_joins(last, c)))
			run = i;
		prev = sc;
		last = c;
		i += l;
	}
	if (x[len] != '\0')
		text_next_char(x + len, strlen(x + len), &nx);
	if (y[len] != '\0')
		text_next_char(y + len, strlen(y + len), &ny);
	if ((S_is_content(sc) && (S_class(nx) == sc || S_class(ny) == sc)) ||
	    text_joins(last, nx) || text_joins(last, ny))
		len = run;
	S_decode(&t, arena_strndup(a, x, len));
	*chars = S_phrase_end(&t, 0, t.n);
	len = t.at[*chars];
	S_free(&t);
	return len;
}

const char *
apart_opening(struct arena *a, const char *const *texts, size_t n)
{
	const char **v = xcalloc(n ? n : 1, sizeof(*v));
	const char *x = NULL, *y = NULL, *opening = NULL;
	size_t i, m = 0, len, chars = 0;

	for (i = 0; i < n; i++)
		if (texts[i] != NULL)
			v[m++] = texts[i];
	if (m >= 2) {
		qsort(v, m, sizeof(*v), S_cmp);
		len = S_shared(v, m, m < 4 ? 2 : (m + 1) / 2, &x, &y);
		if (len > 0)
			len = S_opening_end(a, x, y, len, &chars);
		if (chars >= APART_OPENING_MIN)
			opening = arena_strndup(a, x, len);
	}
	free(v);
	return opening;
}

const char *
apart_rest(const char *text, const char *opening)
{
	size_t len = strlen(opening), left, l;
	const char *p;
	uint32_t c;

	if (strncmp(text, opening, len) != 0)
		return NULL;
	text += len;
	for (p = text, left = strlen(p); left > 0; p += l, left -= l) {
		l = text_next_char(p, left, &c);
		if (!S_is_delim(c) || c >= 0x110000)
			return text;
	}
	return NULL;
}
