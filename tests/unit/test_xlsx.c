/* test_xlsx.c: what the workbooks share (xlsx.h): valid, unique sheet
 * names (length, forbidden characters, case, Excel's reserved name,
 * apostrophes), the width and height estimates, and a workbook put to
 * a sink with its temporary directory removed, or discarded. */
#include "helpers.h"

#include <sys/stat.h>

#include <unistr.h>

#include "xlsx.h"

/* Returns the number of characters of UTF-8 s. */
static size_t
chars(const char *s)
{
	return u8_mbsnlen((const uint8_t *)s, strlen(s));
}

static void
test_forbidden_characters(void **state)
{
	struct xlsx_names n = { NULL, NULL, 0 };

	(void)state;
	assert_string_equal(xlsx_sheet_name(&n, "a[b]c:d*e?f/g\\h"),
	    "a_b_c_d_e_f_g_h");
	assert_string_equal(xlsx_sheet_name(&n, "tab\there"), "tab_here");
	assert_string_equal(xlsx_sheet_name(&n, "'quoted'"), "quoted");
	assert_string_equal(xlsx_sheet_name(&n, "it's"), "it's");
	assert_string_equal(xlsx_sheet_name(&n, ""), "_");
	assert_string_equal(xlsx_sheet_name(&n, "''"), "_ (2)");
	xlsx_names_free(&n);
}

static void
test_length(void **state)
{
	struct xlsx_names n = { NULL, NULL, 0 };
	const char *a, *b;

	(void)state;
	/* 40 wide characters: cut to 31 characters, not bytes */
	a = xlsx_sheet_name(&n, "ファシリティマネジメントファシリティマネジメント"
	    "ファシリティマネジメント");
	assert_int_equal(chars(a), XLSX_SHEET_NAME_MAX);
	b = xlsx_sheet_name(&n, "ファシリティマネジメントファシリティマネジメント"
	    "ファシリティマネジメント２");
	assert_int_equal(chars(b), XLSX_SHEET_NAME_MAX);
	assert_string_not_equal(a, b);
	assert_non_null(strstr(b, " (2)"));
	xlsx_names_free(&n);
}

static void
test_unique_regardless_of_case(void **state)
{
	struct xlsx_names n = { NULL, NULL, 0 };

	(void)state;
	assert_string_equal(xlsx_sheet_name(&n, "Hardware"), "Hardware");
	assert_string_equal(xlsx_sheet_name(&n, "hardware"), "hardware (2)");
	assert_string_equal(xlsx_sheet_name(&n, "HARDWARE"), "HARDWARE (3)");
	assert_string_equal(xlsx_sheet_name(&n, "hardware (2)"),
	    "hardware (2) (2)");
	assert_string_equal(xlsx_sheet_name(&n, "history"), "history (2)");
	assert_string_equal(xlsx_sheet_name(&n, "Ｈａｒｄ"), "Ｈａｒｄ");
	assert_string_equal(xlsx_sheet_name(&n, "ｈａｒｄ"), "ｈａｒｄ (2)");
	assert_int_equal(n.n, 7);
	xlsx_names_free(&n);
}

static void
test_height(void **state)
{
	double one = xlsx_row_height("a", 30, XLSX_FONT_POINTS);
	char long_text[4000];
	size_t i;

	(void)state;
	assert_true(one > XLSX_FONT_POINTS && one < 2 * XLSX_FONT_POINTS);
	assert_true(xlsx_row_height("", 30, XLSX_FONT_POINTS) == one);
	/* two lines, as a line break makes them or as wrapping does */
	assert_true(xlsx_row_height("a\nb", 30, XLSX_FONT_POINTS) >
	    1.9 * one - 4);
	long_text[0] = '\0';
	for (i = 0; i < 10; i++)	/* 60 columns: a width of 30 holds half */
		strcat(long_text, "スキル");
	assert_true(xlsx_row_height(long_text, 30, XLSX_FONT_POINTS) >=
	    xlsx_row_height("a\nb", 30, XLSX_FONT_POINTS));
	assert_true(xlsx_row_height(long_text, 70, XLSX_FONT_POINTS) == one);
	/* wide characters take twice the room of narrow ones */
	assert_true(xlsx_row_height(long_text, 40, XLSX_FONT_POINTS) >
	    xlsx_row_height("abcdefghijklmnopqrstuvwxyzabcdefghij", 40,
	    XLSX_FONT_POINTS));
	/* a line a little wider than the column wraps to two: 28 columns
	 * in a width of 27 (fill 27.3) */
	assert_true(xlsx_row_height("\xe3\x82\xb9\xe3\x82\xad\xe3\x83\xab"
	    "\xe3\x82\xb9\xe3\x82\xad\xe3\x83\xab\xe3\x82\xb9\xe3\x82\xad"
	    "\xe3\x83\xab\xe3\x82\xb9\xe3\x82\xad\xe3\x83\xab\xe3\x82\xb9"
	    "\xe3\x82\xad", 27, XLSX_FONT_POINTS) > 1.9 * one - 4);
	/* a smaller font fits more */
	assert_true(xlsx_row_height(long_text, 30, XLSX_KEY_POINTS) <
	    xlsx_row_height(long_text, 30, XLSX_FONT_POINTS));
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	assert_true(xlsx_row_height(long_text, 10, XLSX_FONT_POINTS) ==
	    XLSX_ROW_MAX_POINTS);
}

/* A sink that keeps the last file put. */
struct kept {
	char	*path;
	char	*data;
	size_t	 len;
};

static int
keep_put(void *ctx, enum sink_kind kind, const char *path, const char *data,
    size_t len, struct diag *d)
{
	struct kept *k = ctx;

	(void)d;
	assert_int_equal(kind, SINK_DOWNLOAD);
	k->path = strdup(path);
	k->data = malloc(len);
	memcpy(k->data, data, len);
	k->len = len;
	return 0;
}

/* Returns whether directory dir holds nothing. */
static int
empty_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(dp);
	return n == 0;
}

static void
test_put_and_discard(void **state)
{
	char tmp[] = "/tmp/skillsite-test-xlsx-XXXXXX";
	struct kept k = { NULL, NULL, 0 };
	struct site_sink sink = { keep_put, &k, 0, NULL, NULL, NULL };
	struct diag d;
	struct xlsx *x;
	lxw_worksheet *ws;

	(void)state;
	assert_non_null(mkdtemp(tmp));
	setenv("TMPDIR", tmp, 1);
	diag_init(&d, stderr);
	x = xlsx_open("title", "subject", "BIZ UDGothic", &d);
	assert_non_null(x);
	assert_true(empty_dir(tmp));	/* a kill now leaves nothing */
	assert_true(x->fd >= 0);
	ws = xlsx_add_sheet(x, xlsx_sheet_name(&x->names, "a/b"));
	assert_non_null(ws);
	xlsx_text(ws, 0, 0, "=1+1", x->f.cell);
	xlsx_print_setup(ws, x->font, "A & B", 0, 0);
	assert_int_equal(xlsx_put(x, &sink, "downloads/t.xlsx", &d), 0);
	assert_string_equal(k.path, "downloads/t.xlsx");
	assert_true(k.len > 4 && memcmp(k.data, "PK\3\4", 4) == 0);
	assert_true(empty_dir(tmp));
	x = xlsx_open("title", NULL, "BIZ UDGothic", &d);
	assert_non_null(x);
	xlsx_discard(x);
	assert_true(empty_dir(tmp));
	assert_int_equal(d.nerrors, 0);
	unsetenv("TMPDIR");
	rmdir(tmp);
	free(k.path);
	free(k.data);
	diag_free(&d);
}

static void
test_open_fails_without_a_directory(void **state)
{
	struct capture c;
	struct diag d;

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	setenv("TMPDIR", "/nonexistent/skillsite", 1);
	assert_null(xlsx_open("t", NULL, "f", &d));
	unsetenv("TMPDIR");
	assert_int_equal(d.nerrors, 1);
	diag_flush(&d);
	assert_non_null(strstr(capture_close(&c), "cannot make the workbook"));
	diag_free(&d);
	capture_free(&c);
}

/* A header names the workbook with its & doubled; one too long for
 * Excel's 255 characters is cut with an ellipsis, never dropped, and
 * still names the sheet. */
static void
test_header(void **state)
{
	struct diag d;
	struct xlsx *x;
	lxw_worksheet *ws;
	char title[1200] = "";
	size_t i;

	(void)state;
	diag_init(&d, stderr);
	x = xlsx_open("t", NULL, "BIZ UDGothic", &d);
	assert_non_null(x);
	ws = xlsx_add_sheet(x, "a");
	xlsx_print_header(ws, x->font, "R&D");
	assert_non_null(ws->header);
	assert_non_null(strstr(ws->header, "\"R&&D&R&"));
	for (i = 0; i < 200; i++)
		strcat(title, i % 50 == 7 ? "&" : "\xe6\x8a\x80");	/* 技 */
	xlsx_print_header(ws, x->font, title);
	assert_non_null(ws->header);
	assert_true(chars(ws->header) <= 255);
	assert_true(chars(ws->header) >= 250);
	assert_non_null(strstr(ws->header, "\xe2\x80\xa6&R&"));
	assert_non_null(strstr(ws->header, "&A"));
	assert_null(strstr(ws->header, "\xe6\x8a\x80&\xe6\x8a\x80"));
	xlsx_discard(x);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forbidden_characters),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_unique_regardless_of_case),
		cmocka_unit_test(test_height),
		cmocka_unit_test(test_put_and_discard),
		cmocka_unit_test(test_open_fails_without_a_directory),
		cmocka_unit_test(test_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
