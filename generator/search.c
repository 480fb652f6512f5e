/* search.c: normalising and cutting text into search tokens; see
 * search.h.  libunistring does the Unicode work. */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "alloc.h"

/* The classes of characters. */
enum cclass { C_SEP, C_WORD, C_CHAR };

char *
search_normalize(const char *s, size_t n, size_t *len)
{
	uint8_t *out;
	size_t i;

	if (u8_check((const uint8_t *)s, n) != NULL)
		return NULL;
	out = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, n, NULL, len);
	if (out == NULL)
		xalloc_die();	/* valid input: only memory can fail */
	out = xreallocarray(out, *len + 1, 1);
	out[*len] = '\0';
	for (i = 0; i < *len; i++)
		if (out[i] >= 'A' && out[i] <= 'Z')
			out[i] += 'a' - 'A';
	return (char *)out;
}

/* Returns the class of code point c. */
static enum cclass
S_class(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z') ? C_WORD : C_SEP;
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_N | UC_CATEGORY_MASK_M) ? C_CHAR : C_SEP;
}

/* Returns the class of the character at s (of at most n bytes) and sets
 * *size to its length in bytes. */
static enum cclass
S_next(const char *s, size_t n, size_t *size)
{
	ucs4_t c;
	int k;

	if ((unsigned char)*s < 0x80) {		/* most of the text */
		*size = 1;
		return S_class((unsigned char)*s);
	}
	k = u8_mbtouc(&c, (const uint8_t *)s, n);
	*size = k > 0 ? (size_t)k : 1;
	return S_class(c);
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
