/* test_grid.c: the CSV reader (grid_csv.c), cells and column names
 * (grid.c), and diagnostics at cells (diag_file_cells()). */
#include "helpers.h"

#include "grid.h"

/* Parses text as CSV into g, reporting to d (file 0, marked as cells);
 * returns grid_parse_csv()'s result. */
static int
parse(struct grid *g, struct diag *d, const char *text)
{
	size_t file = diag_add_file(d, "t.csv");

	diag_file_cells(d, file);
	return grid_parse_csv(g, "t.csv", file, text, strlen(text), d);
}

/* Returns the text at row, col of g's only sheet, or NULL. */
static const char *
at(const struct grid *g, unsigned row, unsigned col)
{
	const struct grid_cell *c = grid_cell_at(&g->sheets[0], row, col);

	return c != NULL ? c->text : NULL;
}

static void
test_quotes_bom_and_line_ends(void **state)
{
	struct grid g;
	struct diag d;

	(void)state;
	grid_init(&g);
	diag_init(&d, stderr);
	assert_int_equal(parse(&g, &d, "\xef\xbb\xbf\"a\",\"b \"\"q\"\"\"\r\n"
	    "plain,,\"two\nlines\"\r\n\"x,y\"\n\"\"\"\"\n"), 0);
	assert_int_equal(g.nsheets, 1);
	assert_string_equal(g.sheets[0].name, "t.csv");
	assert_string_equal(at(&g, 1, 1), "a");
	assert_string_equal(at(&g, 1, 2), "b \"q\"");
	assert_string_equal(at(&g, 2, 1), "plain");
	assert_null(at(&g, 2, 2));
	assert_string_equal(at(&g, 2, 3), "two\nlines");
	assert_string_equal(at(&g, 3, 1), "x,y");
	assert_string_equal(at(&g, 4, 1), "\"");
	assert_null(at(&g, 5, 1));
	assert_int_equal(g.sheets[0].ncells, 6);
	assert_int_equal(diag_errors(&d), 0);
	diag_free(&d);
	grid_free(&g);
}

static void
test_no_final_line_end_and_crlf_inside(void **state)
{
	struct grid g;
	struct diag d;

	(void)state;
	grid_init(&g);
	diag_init(&d, stderr);
	assert_int_equal(parse(&g, &d, "\"a\r\nb\",c"), 0);
	assert_string_equal(at(&g, 1, 1), "a\r\nb");
	assert_string_equal(at(&g, 1, 2), "c");
	diag_free(&d);
	grid_free(&g);
}

/* Parses text, which must fail, and returns the diagnostics printed. */
static char *
failing(const char *text)
{
	struct capture c;
	struct grid g;
	struct diag d;
	char *s;

	capture_open(&c);
	grid_init(&g);
	diag_init(&d, c.f);
	assert_int_equal(parse(&g, &d, text), -1);
	assert_int_equal(g.nsheets, 0);
	assert_int_equal(diag_status(&d), EXIT_CONTENT);
	diag_flush(&d);
	diag_free(&d);
	grid_free(&g);
	s = strdup(capture_close(&c));
	capture_free(&c);
	return s;
}

static void
test_broken_quotes_at_their_cell(void **state)
{
	char *s;

	(void)state;
	s = failing("a,b\nc,\"never closed\n,,\n");
	assert_string_equal(s, "skillsite: t.csv:2:B: error: broken quote in "
	    "CSV; a quoted field ends with a quote followed by a comma or the "
	    "end of the line: no quote closes this field\n");
	free(s);
	s = failing("a\n\"x\"y\n");
	assert_non_null(strstr(s, "t.csv:2:A: error: broken quote"));
	assert_non_null(strstr(s, "text after the closing quote"));
	free(s);
}

/* A NUL byte in an unquoted field is refused at its cell (it once ended
 * the field without a separator: the reader looped forever). */
static void
test_nul_byte(void **state)
{
	static const char text[] = "a,b\nx\0y,z\n";
	struct capture c;
	struct grid g;
	struct diag d;
	size_t file;

	(void)state;
	capture_open(&c);
	grid_init(&g);
	diag_init(&d, c.f);
	file = diag_add_file(&d, "t.csv");
	diag_file_cells(&d, file);
	assert_int_equal(grid_parse_csv(&g, "t.csv", file, text,
	    sizeof(text) - 1, &d), -1);
	diag_flush(&d);
	diag_free(&d);
	grid_free(&g);
	assert_non_null(strstr(capture_close(&c), "t.csv:2:A: error:"));
	capture_free(&c);
}

static void
test_not_utf8(void **state)
{
	char *s;

	(void)state;
	s = failing("a,b\n\x83\x4a\x83\x58,c\n");	/* Shift_JIS */
	assert_non_null(strstr(s, "t.csv:2:A: error: not UTF-8"));
	free(s);
}

static void
test_cell_cap(void **state)
{
	size_t n = GRID_CELLS_MAX + 1, i;
	char *text = malloc(n * 2 + 1);
	char *s, want[64];

	(void)state;
	snprintf(want, sizeof(want), "t.csv:%zu:A: error: spreadsheet too "
	    "large", n);
	for (i = 0; i < n; i++) {
		text[2 * i] = 'x';
		text[2 * i + 1] = '\n';
	}
	text[2 * n] = '\0';
	s = failing(text);
	assert_non_null(strstr(s, want));
	free(s);
	text[2 * (n - 1)] = '\0';	/* exactly the cap: read */
	{
		struct grid g;
		struct diag d;

		grid_init(&g);
		diag_init(&d, stderr);
		assert_int_equal(parse(&g, &d, text), 0);
		assert_int_equal(g.sheets[0].ncells, GRID_CELLS_MAX);
		assert_string_equal(at(&g, GRID_CELLS_MAX, 1), "x");
		diag_free(&d);
		grid_free(&g);
	}
	free(text);
}

static void
test_column_names(void **state)
{
	char buf[8];

	(void)state;
	assert_string_equal(grid_col_name(1, buf), "A");
	assert_string_equal(grid_col_name(26, buf), "Z");
	assert_string_equal(grid_col_name(27, buf), "AA");
	assert_string_equal(grid_col_name(52, buf), "AZ");
	assert_string_equal(grid_col_name(702, buf), "ZZ");
	assert_string_equal(grid_col_name(703, buf), "AAA");
	assert_string_equal(grid_col_name(16384, buf), "XFD");
}

static void
test_file_read_and_missing(void **state)
{
	char *path = write_temp("\"h\"\r\n\"v\"\r\n");
	struct capture c;
	struct grid g;
	struct diag d;

	(void)state;
	grid_init(&g);
	diag_init(&d, stderr);
	assert_int_equal(grid_read_csv(&g, path, &d), 0);
	assert_string_equal(g.sheets[0].name, strrchr(path, '/') + 1);
	assert_string_equal(at(&g, 2, 1), "v");
	diag_free(&d);
	grid_free(&g);
	unlink(path);
	capture_open(&c);
	grid_init(&g);
	diag_init(&d, c.f);
	assert_int_equal(grid_read_csv(&g, path, &d), -1);
	assert_int_equal(diag_status(&d), EXIT_IO);
	diag_flush(&d);
	diag_free(&d);
	grid_free(&g);
	assert_non_null(strstr(capture_close(&c), "error: cannot open"));
	capture_free(&c);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes_bom_and_line_ends),
		cmocka_unit_test(test_no_final_line_end_and_crlf_inside),
		cmocka_unit_test(test_broken_quotes_at_their_cell),
		cmocka_unit_test(test_not_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_cell_cap),
		cmocka_unit_test(test_column_names),
		cmocka_unit_test(test_file_read_and_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
