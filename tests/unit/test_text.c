/* test_text.c: trimming, XML indentation removal, nesting depth. */
#include "helpers.h"

#include "text.h"

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
test_trim(void **state)
{
	int brk;

	(void)state;
	assert_string_equal(text_trim(&A, " \n\t項目 \r\n", &brk), "項目");
	assert_false(brk);
	assert_string_equal(text_trim(&A, "  a\n  b ", &brk), "a\n  b");
	assert_true(brk);
	assert_string_equal(text_trim(&A, "   ", &brk), "");
	assert_false(brk);
	/* an ideographic space is text, not XML white space */
	assert_string_equal(text_trim(&A, "\u3000x\u3000", &brk),
	    "\u3000x\u3000");
}

static void
test_dedent_removes_xml_indentation(void **state)
{
	(void)state;
	assert_string_equal(text_dedent(&A,
	    "\n        一段落目\n\n        又、二段落目\n      "),
	    "一段落目\n\n又、二段落目");
}

static void
test_dedent_keeps_relative_indentation(void **state)
{
	(void)state;
	assert_string_equal(text_dedent(&A,
	    "\n    - a\n      - b\n    text\n  "), "- a\n  - b\ntext");
}

static void
test_dedent_needs_the_same_bytes(void **state)
{
	(void)state;
	/* a tab and spaces share no indentation */
	assert_string_equal(text_dedent(&A, "\n\tx\n    y\n"), "\tx\n    y");
	assert_string_equal(text_dedent(&A, "\t\tx\n\t\t\ty"), "x\n\ty");
}

static void
test_dedent_keeps_inner_blank_lines_only(void **state)
{
	(void)state;
	assert_string_equal(text_dedent(&A, "  a  \r\n \n\n  b\t\n\n"),
	    "a\n\n\nb");
	assert_string_equal(text_dedent(&A, " \n\t\n"), "");
	assert_string_equal(text_dedent(&A, ""), "");
	assert_string_equal(text_dedent(&A, "no newline"), "no newline");
}

static void
test_markdown_depth(void **state)
{
	(void)state;
	assert_int_equal(text_markdown_depth("平文"), 0);
	assert_int_equal(text_markdown_depth("> > > q"), 3);
	assert_int_equal(text_markdown_depth("- a\n  - b\n    - c"), 3);
	assert_int_equal(text_markdown_depth("1. a\n2) b"), 1);
	assert_int_equal(text_markdown_depth("[[[x]]] [y]"), 3);
	assert_int_equal(text_markdown_depth("\\[\\[\\[x"), 0);
	assert_int_equal(text_markdown_depth("]]]][x"), 1);
	assert_int_equal(text_markdown_depth("-x *y"), 0);
}

static void
test_utf8_count(void **state)
{
	(void)state;
	assert_int_equal(text_utf8_count("abc", 3), 3);
	assert_int_equal(text_utf8_count("職種x", strlen("職種x")), 3);
	assert_int_equal(text_utf8_count("", 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_dedent_removes_xml_indentation),
		cmocka_unit_test(test_dedent_keeps_relative_indentation),
		cmocka_unit_test(test_dedent_needs_the_same_bytes),
		cmocka_unit_test(test_dedent_keeps_inner_blank_lines_only),
		cmocka_unit_test(test_markdown_depth),
		cmocka_unit_test(test_utf8_count),
	};

	return cmocka_run_group_tests_name("text", tests, setup, teardown);
}
