/* test_import.c: texts replaced in place (load_edit.c) and cells turned
 * into edits (import.c). */
#include "helpers.h"

#include "edit.h"
#include "import.h"

static const char DOC[] =
    "<?xml version='1.0' encoding=\"UTF-8\"?>\n"
    "<!-- a comment: <name>x</name> -->\n"
    "<jobtype id='j'>\n"
    "  <name>職種</name>\n"
    "    <level value=\"3\">\n"
    "      一行目\n"
    "      二行目\n"
    "    </level>\n"
    "  <level value=\"4\">inline</level>\n"
    "  <level value=\"5\"><!-- kept -->text</level>\n"
    "  <level value=\"6\"/>\n"
    "</jobtype>\n";

/* What apply() edits: DOC unless a test says otherwise. */
static const char *doc = DOC;

/* Applies the edit (at line, col; child; text) to doc; returns the new
 * bytes (malloc'd) or NULL, the diagnostics printed in *printed. */
static char *
apply(int line, int col, const char *child, const char *text, int markdown,
    char **printed)
{
	struct edit e, *v = &e;
	struct capture c;
	struct diag d;
	size_t n;
	char *out;

	memset(&e, 0, sizeof(e));
	e.at.line = line;
	e.at.col = col;
	e.child = child;
	e.text = text;
	e.markdown = markdown;
	e.cell.line = 7;
	e.cell.col = 3;
	capture_open(&c);
	diag_init(&d, c.f);
	diag_file_cells(&d, diag_add_file(&d, "t.csv"));
	out = edit_apply(doc, strlen(doc), 0, &v, 1, &d, &n);
	assert_true(out == NULL || strlen(out) == n);
	diag_flush(&d);
	diag_free(&d);
	*printed = strdup(capture_close(&c));
	capture_free(&c);
	return out;
}

/* Returns DOC with the first from replaced by to (malloc'd). */
static char *
replaced(const char *from, const char *to)
{
	const char *p = strstr(DOC, from);
	char *s;

	assert_non_null(p);
	s = malloc(strlen(DOC) + strlen(to) + 1);
	sprintf(s, "%.*s%s%s", (int)(p - DOC), DOC, to, p + strlen(from));
	return s;
}

/* A file that declares no encoding gets the new text in UTF-8 as
 * well, not as character references. */
static void
test_no_encoding_declared(void **state)
{
	char *printed, *out;

	(void)state;
	doc = "<?xml version=\"1.0\"?>\n<jobtype id='j'>\n"
	    "  <name>職種</name>\n</jobtype>\n";
	out = apply(2, 1, "name", "新しい & 名", 0, &printed);
	doc = DOC;
	assert_string_equal(printed, "");
	assert_non_null(out);
	assert_non_null(strstr(out, "<name>新しい &amp; 名</name>"));
	free(out);
	free(printed);
}

static void
test_child_name_escaped(void **state)
{
	char *printed, *out = apply(3, 1, "name", "新 & <名>", 0, &printed);
	char *want = replaced("<name>職種</name>",
	    "<name>新 &amp; &lt;名&gt;</name>");

	(void)state;
	assert_string_equal(printed, "");
	assert_string_equal(out, want);
	free(out);
	free(want);
	free(printed);
}

static void
test_markdown_indented(void **state)
{
	char *printed, *out = apply(5, 5, NULL, "一\n\n- 二\n  - 三", 1,
	    &printed);
	char *want = replaced("      一行目\n      二行目\n",
	    "      一\n\n      - 二\n        - 三\n");

	(void)state;
	assert_string_equal(printed, "");
	assert_string_equal(out, want);
	free(out);
	free(want);
	free(printed);
	out = apply(9, 3, NULL, "a \"quoted\"\nb", 1, &printed);
	want = replaced(">inline<", ">a &quot;quoted&quot;\nb<");
	assert_string_equal(out, want);
	free(out);
	free(want);
	free(printed);
}

static void
test_refused_at_the_cell(void **state)
{
	char *printed, *out = apply(10, 3, NULL, "new", 1, &printed);

	(void)state;
	assert_null(out);
	assert_non_null(strstr(printed, "t.csv:7:C: error: element holds a "
	    "comment"));
	free(printed);
	out = apply(11, 3, NULL, "new", 1, &printed);
	assert_null(out);
	assert_non_null(strstr(printed, "t.csv:7:C: error: text for a level "
	    "the XML leaves empty"));
	free(printed);
	out = apply(4, 4, NULL, "new", 0, &printed);	/* no element here */
	assert_null(out);
	assert_non_null(strstr(printed, "internal error"));
	free(printed);
}

static void
test_crlf_kept(void **state)
{
	const char *doc = "<j>\r\n  <l>\r\n    a\r\n  </l>\r\n</j>\r\n";
	struct edit e, *v = &e;
	struct diag d;
	size_t n;
	char *out;

	(void)state;
	memset(&e, 0, sizeof(e));
	e.at.line = 2;
	e.at.col = 3;
	e.text = "b\nc";
	e.markdown = 1;
	diag_init(&d, stderr);
	out = edit_apply(doc, strlen(doc), 0, &v, 1, &d, &n);
	assert_string_equal(out,
	    "<j>\r\n  <l>\r\n    b\r\n    c\r\n  </l>\r\n</j>\r\n");
	assert_int_equal(e.from.line, 2);
	assert_int_equal(e.to.line, 5);
	free(out);
	diag_free(&d);
}

static void
test_edits_and_conflicts(void **state)
{
	struct pos at = { 0, 5, 3 }, at2 = { 0, 9, 3 };
	struct pos c1 = { 1, 2, 6 }, c2 = { 1, 3, 6 }, c3 = { 1, 4, 6 };
	struct capture c;
	struct import im;
	struct model m;
	struct diag d;

	(void)state;
	capture_open(&c);
	model_init(&m);
	diag_init(&d, c.f);
	diag_add_file(&d, "x.xml");
	diag_file_cells(&d, diag_add_file(&d, "t.csv"));
	import_init(&im, &m, &d);
	/* unchanged but for indentation and CR LF: no edit */
	import_observe(&im, &at, NULL, 1, "a\n\nb", "  a\r\n\r\n  b\r\n", &c1);
	/* changed on one row of two: the change */
	import_observe(&im, &at2, "name", 0, "名", "名", &c1);
	import_observe(&im, &at2, "name", 0, "名", " 新名 ", &c2);
	assert_int_equal(import_edits(&im), 1);
	assert_string_equal(im.edits[0].text, "新名");
	assert_string_equal(im.edits[0].child, "name");
	assert_int_equal(im.edits[0].cell.line, 3);
	assert_int_equal(diag_errors(&d), 0);
	import_free(&im);
	import_init(&im, &m, &d);
	import_observe(&im, &at2, "name", 0, "名", "甲", &c1);
	import_observe(&im, &at2, "name", 0, "名", "名", &c2);
	import_observe(&im, &at2, "name", 0, "名", "乙", &c3);
	assert_int_equal(import_edits(&im), 0);
	import_free(&im);
	diag_flush(&d);
	diag_free(&d);
	model_free(&m);
	assert_string_equal(capture_close(&c),
	    "skillsite: t.csv:2:F: error: text changed in two different ways: "
	    "as at 4:F\n"
	    "skillsite: t.csv:4:F: error: text changed in two different ways: "
	    "as at 2:F\n");
	capture_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_child_name_escaped),
		cmocka_unit_test(test_no_encoding_declared),
		cmocka_unit_test(test_markdown_indented),
		cmocka_unit_test(test_refused_at_the_cell),
		cmocka_unit_test(test_crlf_kept),
		cmocka_unit_test(test_edits_and_conflicts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
