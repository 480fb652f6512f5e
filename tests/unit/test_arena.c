/* test_arena.c: the region allocator. */
#include "helpers.h"

#include <stdalign.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calloc_is_zeroed_and_aligned),
		cmocka_unit_test(test_large_allocation_gets_its_own_block),
		cmocka_unit_test(test_strndup_copies_and_terminates),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
