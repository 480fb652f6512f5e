/* search.h: the words of the site's search, as the generator indexes
 * them and as assets/search.js reads a query.
 *
 * Text is normalised to NFKC (so full-width ＩＴ and half-width IT are
 * the same) and ASCII letters are lowered.  It is then cut into runs:
 * ASCII letters and digits make a word; any other letter, number or mark
 * (kana, kanji, ...) joins a run of characters that is cut into
 * overlapping bigrams, and into unigrams where one character is all a
 * query has; everything else separates runs.  search.js does the same:
 * tests/search/cases.json holds the cases both must agree on.
 */
#ifndef SKILLSITE_SEARCH_H
#define SKILLSITE_SEARCH_H

#include <stddef.h>
#include <stdint.h>

/* Which tokens a text gives. */
enum search_mode {
	SEARCH_INDEX,	/* a document: words, every unigram and bigram */
	SEARCH_QUERY	/* a query: words, bigrams, unigrams of lone
			 * characters */
};

/* Called with each token: len bytes of UTF-8 at tok, not NUL-ended. */
typedef void search_token_fn(void *ctx, const char *tok, size_t len);

/* Returns the n bytes of UTF-8 at s normalised (NFKC, ASCII lowered),
 * malloc'd and NUL-ended, and sets *len; returns NULL when s is not
 * valid UTF-8.  Only the stretches around characters that NFKC may
 * change go through u8_normalize(): the rest is copied (see
 * search_nfkc_inert()). */
char	*search_normalize(const char *s, size_t n, size_t *len);

/* Returns whether NFKC leaves code point c as it is wherever it stands
 * and may cut a text just before it: c normalises to itself, has
 * combining class 0 and is not the second character of any canonical
 * composition (nor is the first of its decomposition).  ASCII, kana and
 * the CJK ideographs of U+4E00..U+9FFF, among others; test_search
 * checks every such code point against libunistring's tables. */
int	 search_nfkc_inert(uint32_t c);

/* Calls fn for each token of the normalised text norm (len bytes), in
 * the order of the text, repeats included: for each run, its word, or
 * for each of its characters the unigram (SEARCH_INDEX only, or a run of
 * one character) and then the bigram it starts. */
void	 search_tokens(const char *norm, size_t len, enum search_mode mode,
	    search_token_fn *fn, void *ctx);

/* Returns the shard (0 to nshards - 1) that holds token tok: for an
 * ASCII word, its first letter modulo nshards (so a word's prefixes share
 * its shard); for other tokens, the 32-bit FNV-1a hash of its code points
 * modulo nshards (so a frequent first character does not make one shard
 * big). */
unsigned search_shard(const char *tok, size_t len, unsigned nshards);

#endif
