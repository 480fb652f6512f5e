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
		cmocka_unit_test(test_path_join),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
