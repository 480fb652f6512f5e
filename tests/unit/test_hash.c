/* test_hash.c: the one hash table (hash.h): items found by hash and
 * key, every item listed once, and keys no content can flood. */
#include "helpers.h"

#include "hash.h"

/* hash_same_fn: strings by content. */
static int
same_string(const void *item, const void *key)
{
	return strcmp(item, key) == 0;
}

/* Returns the hash of string s in t. */
static size_t
hash_string(const struct hash_table *t, const char *s)
{
	return hash_bytes(t, s, strlen(s));
}

static void
test_put_get_next(void **state)
{
	enum { N = 5000 };
	static char words[N][16];
	unsigned char *seen = calloc(N, 1);
	struct hash_table t;
	char *w;
	size_t i, n = 0;

	(void)state;
	assert_non_null(seen);
	hash_init(&t);
	assert_null(hash_get(&t, hash_string(&t, "x"), same_string, "x"));
	for (i = 0; i < N; i++) {
		snprintf(words[i], sizeof(words[i]), "word %zu", i);
		hash_put(&t, hash_string(&t, words[i]), words[i]);
	}
	assert_int_equal(t.n, N);
	assert_true(t.cap >= 2 * N);	/* at most half full */
	for (i = 0; i < N; i++) {
		char copy[16];

		memcpy(copy, words[i], sizeof(copy));
		assert_ptr_equal(hash_get(&t, hash_string(&t, copy),
		    same_string, copy), words[i]);
	}
	assert_null(hash_get(&t, hash_string(&t, "word"), same_string,
	    "word"));
	for (i = 0; (w = hash_next(&t, &i)) != NULL; n++) {
		size_t k = (size_t)(w - words[0]) / sizeof(words[0]);

		assert_true(k < N);
		assert_false(seen[k]);
		seen[k] = 1;
	}
	assert_int_equal(n, N);
	hash_free(&t);
	free(seen);
}

/* Each table hashes with a key of its own: the same bytes hash apart. */
static void
test_keyed_per_table(void **state)
{
	struct hash_table a, b;

	(void)state;
	hash_init(&a);
	hash_init(&b);
	assert_true(a.key[0] != b.key[0] || a.key[1] != b.key[1]);
	assert_true(hash_bytes(&a, "token", 5) != hash_bytes(&b, "token", 5));
	assert_int_equal(hash_bytes(&a, "token", 5),
	    hash_bytes(&a, "token", 5));
	hash_free(&a);
	hash_free(&b);
}

/* Returns the length of the longest run of used slots in t. */
static size_t
longest_run(const struct hash_table *t)
{
	size_t i, run = 0, longest = 0;

	for (i = 0; i < 2 * t->cap; i++) {	/* runs wrap around */
		run = t->v[i & (t->cap - 1)].item != NULL ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	return longest;
}

/* Words whose unkeyed 64-bit FNV-1a hash h has (h ^ h >> 32) & 0xFFFFF
 * below 512 (as tests/fnv-flood.c makes them), which an unkeyed table
 * of up to 2^20 slots puts in one run: the keyed table spreads them,
 * hashed as bytes or as packed numbers (hash_word()). */
static void
test_flood_words_spread(void **state)
{
	enum { N = 2000 };
	static char words[N][9];
	struct hash_table t;
	char w[9] = "aaaaaaaa";
	size_t n = 0;
	int i;

	(void)state;
	while (n < N) {
		uint64_t h = 14695981039346656037u;

		for (i = 0; i < 8; i++)
			h = (h ^ (unsigned char)w[i]) * 1099511628211u;
		if (((h ^ h >> 32) & 0xFFFFF) < 512)
			memcpy(words[n++], w, sizeof(w));
		for (i = 7; i >= 0 && w[i] == 'z'; i--)
			w[i] = 'a';
		assert_true(i >= 0);
		w[i]++;
	}
	hash_init(&t);
	for (n = 0; n < N; n++)
		hash_put(&t, hash_string(&t, words[n]), words[n]);
	/* one run of N slots unkeyed; a few dozen at most keyed */
	assert_true(longest_run(&t) < 100);
	hash_free(&t);
	hash_init(&t);	/* packed into numbers, as the search's index does */
	for (n = 0; n < N; n++) {
		uint64_t v;

		memcpy(&v, words[n], sizeof(v));
		hash_put(&t, hash_word(&t, v, 8), words[n]);
	}
	assert_true(longest_run(&t) < 100);
	hash_free(&t);
}

/* hash_word(): the same number and length hash alike, another length
 * or table apart; numbers that differ only in their high bytes, only in
 * their low bytes or in their middle spread over the slots. */
static void
test_word(void **state)
{
	enum { N = 4000 };
	static uint64_t v[3][N];
	struct hash_table a, b;
	size_t n, f;

	(void)state;
	hash_init(&a);
	hash_init(&b);
	assert_int_equal(hash_word(&a, 42, 2), hash_word(&a, 42, 2));
	assert_true(hash_word(&a, 42, 2) != hash_word(&a, 42, 3));
	assert_true(hash_word(&a, 42, 2) != hash_word(&b, 42, 2));
	for (n = 0; n < N; n++) {
		v[0][n] = (uint64_t)n << 48;
		v[1][n] = n;
		v[2][n] = 0x6161616161616161u + ((uint64_t)n << 40);
	}
	for (f = 0; f < 3; f++) {
		struct hash_table t;

		hash_init(&t);
		for (n = 0; n < N; n++)
			hash_put(&t, hash_word(&t, v[f][n], 8), &v[f][n]);
		assert_true(longest_run(&t) < 100);
		hash_free(&t);
	}
	hash_free(&a);
	hash_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get_next),
		cmocka_unit_test(test_keyed_per_table),
		cmocka_unit_test(test_flood_words_spread),
		cmocka_unit_test(test_word),
	};

	return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}
