/* test_arena.c: the region allocator. */
#include "helpers.h"

#include <stdalign.h>

#include "alloc.h"
#include "arena.h"

static void
test_calloc_is_zeroed_and_aligned(void **state)
{
	struct arena a;
	size_t i, k;

	(void)state;
	arena_init(&a);
	for (i = 1; i < 200; i++) {
		unsigned char *p = arena_calloc(&a, i, 3);

		assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
		for (k = 0; k < i * 3; k++)
			assert_int_equal(p[k], 0);
		memset(p, 0xab, i * 3);
	}
	arena_free(&a);
}

static void
test_large_allocation_gets_its_own_block(void **state)
{
	struct arena a;
	char *big, *small;

	(void)state;
	arena_init(&a);
	small = arena_strdup(&a, "before");
	big = arena_calloc(&a, 1, 1 << 20);
	memset(big, 'x', 1 << 20);
	assert_string_equal(small, "before");
	assert_string_equal(arena_strdup(&a, "after"), "after");
	arena_free(&a);
	assert_null(a.head);
}

static void
test_strndup_copies_and_terminates(void **state)
{
	struct arena a;
	char *s;

	(void)state;
	arena_init(&a);
	s = arena_strndup(&a, "skillsite", 5);
	assert_string_equal(s, "skill");
	assert_string_equal(arena_strndup(&a, "", 0), "");
	arena_free(&a);
}

/* arena_printf() and xasprintf() make strings of any length. */
static void
test_printf_formats_any_length(void **state)
{
	struct arena a;
	char *big = xreallocarray(NULL, 100001, 1), *s;

	(void)state;
	memset(big, 'x', 100000);
	big[100000] = '\0';
	arena_init(&a);
	assert_string_equal(arena_printf(&a, "%s-%s.level-%d", "skill", "a",
	    3), "skill-a.level-3");
	assert_string_equal(arena_printf(&a, "%s", ""), "");
	s = arena_printf(&a, "<%s>", big);
	assert_int_equal(strlen(s), 100002);
	assert_int_equal(s[100001], '>');
	free(big);
	s = xasprintf("%s（%s）", "名前", "専門");
	assert_string_equal(s, "名前（専門）");
	free(s);
	arena_free(&a);
}

/* arena_printf() gives every length around its stack buffer's size
 * whole: the strings formatted once and those formatted twice. */
static void
test_printf_lengths_around_the_short_buffer(void **state)
{
	struct arena a;
	char fill[600], want[610];
	size_t n;

	(void)state;
	arena_init(&a);
	memset(fill, 'y', sizeof(fill));
	for (n = 240; n < 270; n++) {
		char *s;

		fill[n] = '\0';
		snprintf(want, sizeof(want), "[%s]", fill);
		s = arena_printf(&a, "[%s]", fill);
		assert_string_equal(s, want);
		assert_int_equal(strlen(s), n + 2);
		fill[n] = 'y';
	}
	arena_free(&a);
}

/* strbuf_add() appends bytes, NULs included, and keeps the string
 * NUL-ended as it grows. */
static void
test_strbuf_grows_and_ends_with_nul(void **state)
{
	struct strbuf b = { NULL, 0, 0 };
	size_t i;

	(void)state;
	strbuf_reserve(&b, 0);
	assert_non_null(b.s);
	assert_string_equal(b.s, "");
	for (i = 0; i < 1000; i++)
		strbuf_add(&b, "ab", 2);
	strbuf_add(&b, "\0z", 2);
	assert_int_equal(b.len, 2002);
	assert_int_equal(b.s[2000], '\0');
	assert_int_equal(b.s[2001], 'z');
	assert_int_equal(b.s[2002], '\0');
	assert_true(b.cap > b.len);
	assert_int_equal(strncmp(b.s, "abab", 4), 0);
	free(b.s);
}

/* xpath_join() puts one slash between a folder and a name, and none
 * before a name in "." or "". */
static void
test_path_join(void **state)
{
	static const char *const cases[][3] = {
		{ "a", "b", "a/b" }, { "a/", "b", "a/b" }, { "/", "b", "/b" },
		{ ".", "b", "b" }, { "", "b", "b" }, { "a/b", "c.xml", "a/b/c.xml" },
		{ "./a", "b", "./a/b" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = xpath_join(cases[i][0], cases[i][1]);

		assert_string_equal(s, cases[i][2]);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calloc_is_zeroed_and_aligned),
		cmocka_unit_test(test_large_allocation_gets_its_own_block),
		cmocka_unit_test(test_strndup_copies_and_terminates),
		cmocka_unit_test(test_printf_formats_any_length),
		cmocka_unit_test(test_printf_lengths_around_the_short_buffer),
		cmocka_unit_test(test_strbuf_grows_and_ends_with_nul),
		cmocka_unit_test(test_path_join),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
