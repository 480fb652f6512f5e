/* search.c: normalising and cutting text into search tokens; see
 * search.h.  libunistring does the Unicode work. */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "alloc.h"

/* The classes of characters. */
enum cclass { C_SEP, C_WORD, C_CHAR };

/* search_nfkc_inert(), for inlining. */
static inline int
S_inert(uint32_t c)
{
	if (c < 0x3001)
		return c < 0x80;
	if (c >= 0x4E00)
		return c <= 0x9FFF;
	return c <= 0x3002 || (c >= 0x3005 && c <= 0x3011) ||
	    (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FE);
}

int
search_nfkc_inert(uint32_t c)
{
	return S_inert(c);
}

/* Returns the code point of the valid UTF-8 character at s (of at most
 * n bytes) and sets *size to its length in bytes. */
static inline ucs4_t
S_decode(const char *s, size_t n, size_t *size)
{
	ucs4_t c;

	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*size = 1;
		return u[0];
	}
	if (u[0] >= 0xE0 && u[0] < 0xF0) {	/* kana, kanji: inline */
		*size = 3;
		return (ucs4_t)(u[0] & 0x0F) << 12 | (ucs4_t)(u[1] & 0x3F) << 6 |
		    (u[2] & 0x3F);
	}
	*size = (size_t)u8_mbtouc_unsafe(&c, u, n);
	return c;
}

/* Lowers the ASCII letters of the n bytes at s. */
static void
S_lower(uint8_t *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] += 'a' - 'A';
}

/* Appends to b the bytes of s from *kept to start as they are, and the
 * NFKC of those from start to end (valid UTF-8), ASCII lowered; sets
 * *kept to end. */
static void
S_nfkc(struct strbuf *b, const char *s, size_t *kept, size_t start,
    size_t end)
{
	size_t len;
	uint8_t *norm = u8_normalize(UNINORM_NFKC, (const uint8_t *)s + start,
	    end - start, NULL, &len);

	if (norm == NULL)
		xalloc_die();	/* valid input: only memory can fail */
	S_lower(norm, len);
	strbuf_add(b, s + *kept, start - *kept);
	strbuf_add(b, (const char *)norm, len);
	free(norm);
	*kept = end;
}

/* Each stretch NFKC must see whole runs from the character before the
 * first that is not inert (or from the start) to the next inert one. */
char *
search_normalize(const char *s, size_t n, size_t *len)
{
	struct strbuf b = { NULL, 0, 0 };
	size_t i, size, prev = 0, kept = 0, start = SIZE_MAX;
	int upper = 0;		/* an ASCII capital copied */
	ucs4_t c;

	if (u8_check((const uint8_t *)s, n) != NULL)
		return NULL;
	strbuf_reserve(&b, n);
	for (i = 0; i < n; prev = i, i += size) {
		c = S_decode(s + i, n - i, &size);
		upper |= c >= 'A' && c <= 'Z';
		if (S_inert(c)) {
			if (start != SIZE_MAX)
				S_nfkc(&b, s, &kept, start, i);
			start = SIZE_MAX;
		} else if (start == SIZE_MAX)
			start = prev;	/* 0 for the first character */
	}
	if (start != SIZE_MAX)
		S_nfkc(&b, s, &kept, start, n);
	strbuf_add(&b, s + kept, n - kept);
	if (upper)
		S_lower((uint8_t *)b.s, b.len);
	*len = b.len;
	return b.s;
}

/* Returns the class of code point c. */
static inline enum cclass
S_class(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z') ? C_WORD : C_SEP;
	/* most text: the common ideographs, hiragana and katakana, all
	 * letters (test_search's test_char_class checks each) */
	if ((c >= 0x4E00 && c <= 0x9FFC) || (c >= 0x3041 && c <= 0x3096) ||
	    (c >= 0x30A1 && c <= 0x30FA))
		return C_CHAR;
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_N | UC_CATEGORY_MASK_M) ? C_CHAR : C_SEP;
}

/* Returns the class of the character at s (of at most n bytes of valid
 * UTF-8) and sets *size to its length in bytes. */
static enum cclass
S_next(const char *s, size_t n, size_t *size)
{
	return S_class(S_decode(s, n, size));
}

/* Returns the length in bytes of the UTF-8 character at s, valid. */
static size_t
S_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return c < 0xE0 ? (c < 0x80 ? 1 : 2) : c < 0xF0 ? 3 : 4;
}

/* Calls fn for the tokens of the run of characters of class C_CHAR at
 * s, len bytes long. */
static void
S_char_run(const char *s, size_t len, enum search_mode mode,
    search_token_fn *fn, void *ctx)
{
	size_t i = 0, a = S_len(s), b;
	int lone = a == len;

	while (i < len) {
		if (mode == SEARCH_INDEX || lone)
			fn(ctx, s + i, a);
		if (i + a < len) {
			b = S_len(s + i + a);
			fn(ctx, s + i, a + b);
		} else
			b = 0;
		i += a;
		a = b;
	}
}

void
search_tokens(const char *norm, size_t len, enum search_mode mode,
    search_token_fn *fn, void *ctx)
{
	size_t i = 0, start, size;
	enum cclass run;

	while (i < len) {
		run = S_next(norm + i, len - i, &size);
		start = i;
		i += size;
		if (run == C_SEP)
			continue;
		while (i < len && S_next(norm + i, len - i, &size) == run)
			i += size;
		if (run == C_WORD)
			fn(ctx, norm + start, i - start);
		else
			S_char_run(norm + start, i - start, mode, fn, ctx);
	}
}

unsigned
search_shard(const char *tok, size_t len, unsigned nshards)
{
	uint32_t h = 2166136261u;	/* FNV-1a, over code points */
	size_t i, k;
	ucs4_t c;

	if (nshards == 0 || len == 0)
		return 0;
	if ((unsigned char)tok[0] < 0x80)	/* a word: by first letter */
		return (unsigned char)tok[0] % nshards;
	for (i = 0; i < len; i += k) {
		int n = u8_mbtouc(&c, (const uint8_t *)tok + i, len - i);

		k = n > 0 ? (size_t)n : 1;
		h = (h ^ c) * 16777619u;
	}
	return h % nshards;
}
