/* test_paths.c: site paths and page-relative links. */
#include "helpers.h"

#include "paths.h"

static struct arena A;

static int
setup(void **state)
{
	(void)state;
	arena_init(&A);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static void
test_page_paths(void **state)
{
	(void)state;
	assert_string_equal(path_specialty(&A, "cs", "hardware"),
	    "cs/hardware.html");
	assert_string_equal(path_skill(&A, "cs", "hardware", "fault-repair"),
	    "cs/hardware/skills/fault-repair.html");
	assert_string_equal(path_level(&A, "cs", "software", 4),
	    "cs/software/levels/4.html");
	assert_string_equal(path_knowledge(&A, "cs"), "cs/knowledge.html");
	assert_string_equal(path_compare(&A, "cs", "leadership"),
	    "cs/compare/leadership.html");
}

static void
test_href_is_page_relative(void **state)
{
	(void)state;
	assert_string_equal(path_href(&A, "index.html", "cs/hardware.html",
	    NULL), "cs/hardware.html");
	assert_string_equal(path_href(&A, "cs/hardware/skills/a.html",
	    "index.html", NULL), "../../../index.html");
	assert_string_equal(path_href(&A, "cs/hardware/skills/a.html",
	    "cs/hardware/skills/b.html", "level-3"), "b.html#level-3");
	assert_string_equal(path_href(&A, "cs/hardware/skills/a.html",
	    "cs/hardware/levels/3.html", NULL), "../levels/3.html");
	assert_string_equal(path_href(&A, "cs/hardware.html",
	    "cs/hardware/skills/a.html", NULL), "hardware/skills/a.html");
	assert_string_equal(path_href(&A, "cs/compare/x.html",
	    "cs/software/levels/5.html", NULL), "../software/levels/5.html");
	assert_string_equal(path_href(&A, "a.html", "a.html", "top"),
	    "a.html#top");
	/* a shared prefix that is not a whole folder name */
	assert_string_equal(path_href(&A, "cs/hard/x.html",
	    "cs/hardware/y.html", NULL), "../hardware/y.html");
	/* a page's depth: how far its links may climb */
	assert_int_equal(path_depth("index.html"), 0);
	assert_int_equal(path_depth("cs/hardware/skills/a.html"), 3);
}

static void
test_anchors(void **state)
{
	const char *a;

	(void)state;
	assert_string_equal(path_level_anchor(&A, 6), "level-6");
	a = path_text_anchor(&A, "データベース技術");
	assert_int_equal(strlen(a), 18);
	assert_true(strncmp(a, "k-", 2) == 0);
	assert_string_equal(a, path_text_anchor(&A, "データベース技術"));
	assert_string_not_equal(a, path_text_anchor(&A, "データベース"));
}

/* A hash under which every text collides, as crafted texts can under
 * FNV-1a. */
static uint64_t
same_hash(const char *text)
{
	(void)text;
	return 0x0123456789abcdefu;
}

static void
test_anchors_never_collide(void **state)
{
	const char *texts[] = { "b", "a", "b", "c" }, *anchors[4];
	const char *real[] = { "データベース技術", "データベース" };

	(void)state;
	path_text_anchors(&A, texts, 4, same_hash, anchors);
	assert_string_equal(anchors[1], "k-0123456789abcdef");	/* a: first */
	assert_string_equal(anchors[0], "k-0123456789abcdef-2");
	assert_string_equal(anchors[2], anchors[0]);		/* same text */
	assert_string_equal(anchors[3], "k-0123456789abcdef-3");
	/* without a collision, each text keeps path_text_anchor()'s */
	path_text_anchors(&A, real, 2, path_text_hash, anchors);
	assert_string_equal(anchors[0], path_text_anchor(&A, real[0]));
	assert_string_equal(anchors[1], path_text_anchor(&A, real[1]));
	path_text_anchors(&A, texts, 0, same_hash, anchors);
}

static void
test_reserved_names(void **state)
{
	(void)state;
	assert_true(path_is_reserved_jobtype("assets"));
	assert_true(path_is_reserved_jobtype("downloads"));
	assert_true(path_is_reserved_jobtype("handbooks"));
	assert_true(path_is_reserved_jobtype("search"));
	assert_false(path_is_reserved_jobtype("customer-service"));
	assert_true(path_is_reserved_specialty("knowledge"));
	assert_true(path_is_reserved_specialty("compare"));
	assert_false(path_is_reserved_specialty("hardware"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_paths),
		cmocka_unit_test(test_href_is_page_relative),
		cmocka_unit_test(test_anchors),
		cmocka_unit_test(test_anchors_never_collide),
		cmocka_unit_test(test_reserved_names),
	};

	return cmocka_run_group_tests_name("paths", tests, setup, teardown);
}
