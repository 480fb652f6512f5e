/* test_xlsx_read.c: xlsx workbooks read back as grids (grid.h,
 * load_xlsx*.c): packages made here with libzip, part by part, as Excel,
 * LibreOffice and libxlsxwriter write them and as an attacker would. */
#include "helpers.h"

#include <zip.h>

#include "grid.h"
#include "load_xlsx_private.h"

#define NS	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
		"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define RELNS	"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define TYPE	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char *const package_rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships " RELNS ">"
    "<Relationship Id=\"rId1\" Type=\"" TYPE "/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";
static const char *const workbook_rels =
    "<Relationships " RELNS ">"
    "<Relationship Id=\"rId1\" Type=\"" TYPE "/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" TYPE "/worksheet\" "
    "Target=\"/xl/worksheets/../worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" TYPE "/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/></Relationships>";
static const char *const workbook =
    "<workbook " NS "><sheets>"
    "<sheet name=\"\xe3\x83\x8f\xe3\x83\xbc\xe3\x83\x89\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Notes\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
/* Runs with a phonetic reading (rPh) that is no part of the text, an
 * escaped CR LF, an escaped underscore sequence kept. */
static const char *const strings =
    "<sst " NS " count=\"3\" uniqueCount=\"3\">"
    "<si><t>ID</t></si>"
    "<si><r><t>\xe9\x9a\x9c\xe5\xae\xb3</t></r><r><rPr/><t>\xe4\xbf\xae\xe7\x90\x86</t></r>"
    "<rPh sb=\"0\" eb=\"2\"><t>\xe3\x82\xb7\xe3\x83\xa7\xe3\x82\xa6</t></rPh></si>"
    "<si><t xml:space=\"preserve\"> a_x000D_\nb _x005F_x0041_ &amp; &lt;</t></si>"
    "</sst>";
/* Out of order, a cell without a reference, a number, a boolean, an
 * inline string, a formula's cached string, an empty cell. */
static const char *const sheet1 =
    "<worksheet " NS "><sheetData>"
    "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>2</v></c><c r=\"A3\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c><v>4</v></c>"
    "<c r=\"D1\" t=\"b\"><v>1</v></c></row>"
    "<row><c r=\"AA2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
    "<c r=\"AB2\" t=\"str\"><f>A1</f><v>ID</v></c><c r=\"AC2\"/></row>"
    "</sheetData></worksheet>";
static const char *const sheet2 =
    "<worksheet " NS "><sheetData/></worksheet>";

/* A part of a package under test. */
struct part {
	const char	*name;
	const char	*text;
	size_t		 len;	/* 0: strlen(text) */
};

/* Writes a package of the n parts to a fresh file, deflated (stored
 * when store is set); returns its path (malloc'd). */
static char *
write_package(const struct part *parts, size_t n, int store)
{
	char *path = write_temp("");
	zip_t *z;
	size_t i;
	int err = 0;

	z = zip_open(path, ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (i = 0; i < n; i++) {
		size_t len = parts[i].len ? parts[i].len : strlen(parts[i].text);
		zip_source_t *s = zip_source_buffer(z, parts[i].text, len, 0);
		zip_int64_t at;

		assert_non_null(s);
		at = zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8);
		assert_true(at >= 0);
		if (store)
			assert_int_equal(zip_set_file_compression(z,
			    (zip_uint64_t)at, ZIP_CM_STORE, 0), 0);
	}
	assert_int_equal(zip_close(z), 0);
	return path;
}

/* The parts of the good workbook. */
static const struct part good[] = {
	{ "_rels/.rels", NULL, 0 },
	{ "xl/_rels/workbook.xml.rels", NULL, 0 },
	{ "xl/workbook.xml", NULL, 0 },
	{ "xl/sharedStrings.xml", NULL, 0 },
	{ "xl/worksheets/sheet1.xml", NULL, 0 },
	{ "xl/worksheets/sheet2.xml", NULL, 0 },
};

/* Fills parts (6) with the good workbook's. */
static void
good_parts(struct part *parts)
{
	memcpy(parts, good, sizeof(good));
	parts[0].text = package_rels;
	parts[1].text = workbook_rels;
	parts[2].text = workbook;
	parts[3].text = strings;
	parts[4].text = sheet1;
	parts[5].text = sheet2;
}

/* Reads the package of the n parts, deflated (stored when store is
 * set); returns the status, the grid in g (the caller frees it) and the
 * diagnostics in *out (malloc'd). */
static int
read_package(const struct part *parts, size_t n, int store, struct grid *g,
    char **out)
{
	struct capture c;
	struct diag d;
	char *path = write_package(parts, n, store);
	int rc;

	capture_open(&c);
	diag_init(&d, c.f);
	grid_init(g);
	rc = grid_read_xlsx(g, path, &d);
	diag_flush(&d);
	diag_free(&d);
	*out = strdup(capture_close(&c));
	capture_free(&c);
	unlink(path);
	free(path);
	return rc;
}

static void
test_cells(void **state)
{
	struct part parts[6];
	struct grid g;
	const struct grid_sheet *s;
	char *out;

	(void)state;
	good_parts(parts);
	assert_int_equal(read_package(parts, 6, 0, &g, &out), 0);
	assert_string_equal(out, "");
	assert_int_equal(g.nsheets, 2);
	s = &g.sheets[0];
	assert_string_equal(s->name, "\xe3\x83\x8f\xe3\x83\xbc\xe3\x83\x89");
	assert_string_equal(g.sheets[1].name, "Notes");
	assert_int_equal(g.sheets[1].ncells, 0);
	assert_int_equal(s->ncells, 7);
	/* sorted by row, then column */
	assert_int_equal(s->cells[0].row, 1);
	assert_int_equal(s->cells[0].col, 1);
	assert_string_equal(s->cells[0].text, "ID");
	assert_int_equal(s->cells[1].col, 2);
	assert_string_equal(s->cells[1].text, "4");
	assert_int_equal(s->cells[2].col, 4);
	assert_string_equal(s->cells[2].text, "TRUE");
	assert_int_equal(s->cells[3].row, 2);
	assert_int_equal(s->cells[3].col, 27);
	assert_string_equal(s->cells[3].text, "inline");
	assert_string_equal(s->cells[4].text, "ID");
	assert_int_equal(s->cells[5].row, 3);
	assert_int_equal(s->cells[5].col, 1);
	/* runs joined, the reading left out */
	assert_string_equal(s->cells[5].text,
	    "\xe9\x9a\x9c\xe5\xae\xb3\xe4\xbf\xae\xe7\x90\x86");
	assert_string_equal(s->cells[6].text, " a\nb _x0041_ & <");
	free(out);
	grid_free(&g);
}

/* Reads the good workbook with part i replaced by text; expects the
 * read to fail with a message containing what. */
static void
expect_refused(size_t i, const char *text, size_t len, const char *what)
{
	struct part parts[6];
	struct grid g;
	char *out;

	good_parts(parts);
	parts[i].text = text;
	parts[i].len = len;
	assert_int_equal(read_package(parts, 6, 0, &g, &out), -1);
	if (strstr(out, what) == NULL)
		fail_msg("expected \"%s\" in: %s", what, out);
	assert_non_null(strstr(out, ": error: "));
	free(out);
	grid_free(&g);
}

static void
test_refused(void **state)
{
	(void)state;
	expect_refused(3, "<sst " NS "><si><t>x</t></si></sst>", 0,
	    "names a string the workbook lacks");
	expect_refused(4, "<worksheet " NS "><sheetData><row r=\"1\">"
	    "<c r=\"A2\"><v>1</v></c></row></sheetData></worksheet>", 0,
	    "a cell at a wrong place");
	expect_refused(4, "<worksheet " NS "><sheetData><row r=\"1\">"
	    "<c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>", 0,
	    "a cell at a wrong place");
	expect_refused(4, "<worksheet " NS "><sheetData><row r=\"1048577\">"
	    "</row></sheetData></worksheet>", 0, "a row out of range");
	expect_refused(4, "<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet/>", 0,
	    "document type");
	expect_refused(4, "<worksheet", 0, "sheet1.xml]:1:");
	expect_refused(2, "<workbook " NS "/>", 0, "no sheets");
	expect_refused(0, "<Relationships " RELNS "/>", 0, "no workbook");
	expect_refused(1, "<Relationships " RELNS "/>", 0, "has no part");
}

/* A part that inflates far beyond its compressed size is refused
 * before it is inflated; so is a package of too many parts. */
static void
test_bombs(void **state)
{
	enum { BIG = 4 * 1024 * 1024, MANY = XLSX_ENTRIES_MAX + 1 };
	struct part *parts = calloc(MANY, sizeof(*parts));
	struct grid g;
	char *bomb = malloc(BIG + 1), *out, (*names)[16] = calloc(MANY,
	    sizeof(*names));
	size_t i;

	(void)state;
	assert_non_null(bomb);
	assert_non_null(parts);
	assert_non_null(names);
	memset(bomb, ' ', BIG);
	memcpy(bomb, "<worksheet>", 11);
	strcpy(bomb + BIG - 12, "</worksheet>");
	expect_refused(4, bomb, BIG, "compressed beyond the limits");
	free(bomb);
	good_parts(parts);
	for (i = 6; i < MANY; i++) {
		snprintf(names[i], sizeof(names[i]), "x/%zu", i);
		parts[i].name = names[i];
		parts[i].text = "x";
		parts[i].len = 0;
	}
	/* stored: zlib's state for each of them is slow under ASan */
	assert_int_equal(read_package(parts, MANY, 1, &g, &out), -1);
	assert_non_null(strstr(out, "too many parts"));
	free(out);
	grid_free(&g);
	free(names);
	free(parts);
}

/* Not a package at all, and a package with a part missing. */
static void
test_not_workbook(void **state)
{
	struct part parts[6];
	struct capture c;
	struct diag d;
	struct grid g;
	char *path = write_temp("name,text\r\na,b\r\n"), *out;

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	grid_init(&g);
	assert_int_equal(grid_read_xlsx(&g, path, &d), -1);
	diag_flush(&d);
	diag_free(&d);
	assert_non_null(strstr(capture_close(&c), "not a workbook"));
	capture_free(&c);
	grid_free(&g);
	unlink(path);
	free(path);
	good_parts(parts);
	assert_int_equal(read_package(parts, 5, 0, &g, &out), -1);
	assert_non_null(strstr(out, "part xl/worksheets/sheet2.xml missing"));
	free(out);
	grid_free(&g);
}

/* A workbook in memory reads as its file does; cut short, it is
 * refused under the name given. */
static void
test_from_memory(void **state)
{
	struct part parts[6];
	struct capture c;
	struct diag d;
	struct grid g;
	char *path, *buf;
	long len;
	FILE *f;

	(void)state;
	good_parts(parts);
	path = write_package(parts, 6, 0);
	assert_non_null(f = fopen(path, "rb"));
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	assert_true((len = ftell(f)) > 0);
	rewind(f);
	assert_non_null(buf = malloc((size_t)len));
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	capture_open(&c);
	diag_init(&d, c.f);
	grid_init(&g);
	assert_int_equal(grid_parse_xlsx(&g, "mem.xlsx", buf, (size_t)len,
	    &d), 0);
	assert_int_equal(g.nsheets, 2);
	assert_int_equal(g.sheets[0].ncells, 7);
	assert_string_equal(g.sheets[0].cells[6].text, " a\nb _x0041_ & <");
	grid_free(&g);
	grid_init(&g);
	assert_int_equal(grid_parse_xlsx(&g, "mem.xlsx", buf,
	    (size_t)len - 30, &d), -1);
	diag_flush(&d);
	diag_free(&d);
	assert_non_null(strstr(capture_close(&c),
	    "skillsite: mem.xlsx: error: "));
	capture_free(&c);
	grid_free(&g);
	free(buf);
	unlink(path);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_bombs),
		cmocka_unit_test(test_not_workbook),
		cmocka_unit_test(test_from_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
