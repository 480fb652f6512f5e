/* test_textdiff.c: words of parallel texts that are their own. */
#include "helpers.h"

#include "textdiff.h"

/* Returns the segments of sg as "text|" with differing ones in [ ]. */
static const char *
show(struct arena *a, const struct segment *sg)
{
	char *out = arena_calloc(a, 1024, 1);

	for (; sg != NULL; sg = sg->next) {
		strcat(out, sg->differs ? "[" : "");
		strcat(out, sg->text);
		strcat(out, sg->differs ? "]" : "");
		strcat(out, "|");
	}
	return out;
}

static void
test_words_of_one_kind_differ_together(void **state)
{
	struct arena a;
	const char *texts[] = { "ハードウェアサービスチームメンバとして",
	    "ソフトウェアサービスチームメンバとして" };
	struct segment **sg;

	(void)state;
	arena_init(&a);
	sg = textdiff(&a, texts, 2);
	assert_string_equal(show(&a, sg[0]),
	    "[ハードウェアサービスチームメンバ]|として|");
	assert_string_equal(show(&a, sg[1]),
	    "[ソフトウェアサービスチームメンバ]|として|");
	arena_free(&a);
}

static void
test_a_distant_text_marks_only_its_own_words(void **state)
{
	struct arena a;
	const char *texts[] = { "広域地域の責任者として、会話ができる",
	    "広域地域の責任者として会話ができる", NULL,
	    "中規模施設の責任者として、会話ができる" };
	struct segment **sg;

	(void)state;
	arena_init(&a);
	sg = textdiff(&a, texts, 4);
	/* 、 is shared with the fourth text, so it is not the first's own */
	assert_string_equal(show(&a, sg[0]), "広域地域の責任者として、会話ができる|");
	assert_string_equal(show(&a, sg[1]), "広域地域の責任者として会話ができる|");
	assert_null(sg[2]);
	assert_string_equal(show(&a, sg[3]),
	    "[中規模施設]|の責任者として、会話ができる|");
	arena_free(&a);
}

static void
test_identical_and_empty_texts(void **state)
{
	struct arena a;
	const char *texts[] = { "同じ", "同じ", "" };
	struct segment **sg;

	(void)state;
	arena_init(&a);
	sg = textdiff(&a, texts, 3);
	assert_string_equal(show(&a, sg[0]), "同じ|");
	assert_null(sg[2]);	/* no words, no segments */
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_of_one_kind_differ_together),
		cmocka_unit_test(test_a_distant_text_marks_only_its_own_words),
		cmocka_unit_test(test_identical_and_empty_texts),
	};

	return cmocka_run_group_tests_name("textdiff", tests, NULL, NULL);
}
