/* test_xlsx_assess.c: the self-assessment workbook: each skill's
 * choices, the job type's scale, the gap and team formulas, the ranges
 * the team sheet names, and the workbook made twice the
 * same, or refused with a message when no temporary folder can be
 * made. */
#include "helpers.h"

#include "labels.h"
#include "xlsx_assess.h"
#include "xlsx_assess_private.h"

static struct loaded seed;
static struct labels *labels;	/* templates/labels.xml */

static int
setup(void **state)
{
	(void)state;
	if (load_seed(&seed) != 0)
		return -1;
	labels = labels_load("templates/labels.xml", &seed.d);
	return labels != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	labels_free(labels);
	loaded_free(&seed);
	return 0;
}

/* Returns the entry of skill id in specialty sp. */
static const struct entry *
find_entry(const struct specialty *sp, const char *id)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (strcmp(sp->entries[i].skill_id, id) == 0)
			return &sp->entries[i];
	fail_msg("no entry %s", id);
	return NULL;
}

/* The scale: the choice below the lowest level, then levels 3 to 6 (the
 * seed defines no level 7). */
static void
test_scale(void **state)
{
	struct arena a;
	const char **v;
	size_t n;

	(void)state;
	arena_init(&a);
	v = xlsx_assess_scale(&a, labels, &seed.m.jobtypes[0], &n);
	assert_int_equal(n, 5);
	assert_string_equal(v[0], "レベル３未満／該当なし");
	assert_string_equal(v[1], "レベル３");
	assert_string_equal(v[4], "レベル６");
	assert_null(v[5]);
	arena_free(&a);
}

/* A skill's choices are the levels it defines, not the job type's. */
static void
test_choices(void **state)
{
	const struct jobtype *jt = &seed.m.jobtypes[0];
	struct arena a;
	const char **v;

	(void)state;
	arena_init(&a);
	v = xlsx_assess_choices(&a, labels, jt, find_entry(&jt->specialties[0],
	    "hardware-technology"));
	assert_string_equal(v[0], "レベル３未満／該当なし");
	assert_string_equal(v[1], "レベル３");
	assert_string_equal(v[3], "レベル５");
	assert_null(v[4]);
	v = xlsx_assess_choices(&a, labels, jt, find_entry(&jt->specialties[0],
	    "system-maintenance"));
	assert_string_equal(v[4], "レベル６");
	assert_null(v[5]);
	arena_free(&a);
}

/* The gap: empty until both are chosen, else the places' difference;
 * a quote in a choice is doubled in the array constant. */
static void
test_gap_formula(void **state)
{
	const char *scale[] = { "none", "L\"3", "L4", NULL };
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(xlsx_assess_gap_formula(&a, 12, scale),
	    "IF(OR(B13=\"\",C13=\"\"),\"\",IFERROR("
	    "MATCH(C13,{\"none\",\"L\"\"3\",\"L4\"},0)-"
	    "MATCH(B13,{\"none\",\"L\"\"3\",\"L4\"},0),\"\"))");
	arena_free(&a);
}

/* The team sheet: the range to copy covers the table's rows, the paste
 * area starts below the team's table, the formulas read it. */
static void
test_team(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(xlsx_assess_copy_range(&a, 11), "A13:D23");
	assert_string_equal(xlsx_assess_paste_cell(&a, 11), "A20");
	assert_string_equal(xlsx_assess_count_formula(&a, 2, "$A6", "C$5"),
	    "SUMPRODUCT(($A$11:$A$210=$A6)*($B$11:$B$210=C$5))");
	assert_string_equal(xlsx_assess_below_formula(&a, 2, "$A6"),
	    "SUMPRODUCT(($A$11:$A$210=$A6)*ISNUMBER($D$11:$D$210)*"
	    "($D$11:$D$210>0))");
	assert_string_equal(xlsx_assess_average_formula(&a, 2, "$A6"),
	    "IFERROR(SUMPRODUCT(($A$11:$A$210=$A6)*ISNUMBER($D$11:$D$210),"
	    "$D$11:$D$210)/SUMPRODUCT(($A$11:$A$210=$A6)*"
	    "ISNUMBER($D$11:$D$210)),\"\")");
	arena_free(&a);
}

/* Two workbooks of one specialty are the same bytes, a ZIP package. */
static void
test_workbook(void **state)
{
	const struct jobtype *jt = &seed.m.jobtypes[0];
	size_t len1 = 0, len2 = 0;
	char *one, *two;

	(void)state;
	one = xlsx_assess_workbook(jt, &jt->specialties[0], labels, &len1,
	    &seed.d);
	two = xlsx_assess_workbook(jt, &jt->specialties[0], labels, &len2,
	    &seed.d);
	assert_non_null(one);
	assert_non_null(two);
	assert_true(len1 > 1000);
	assert_memory_equal(one, "PK\x03\x04", 4);
	assert_int_equal(len1, len2);
	assert_memory_equal(one, two, len1);
	free(one);
	free(two);
}

/* No temporary folder: no workbook, an error. */
static void
test_no_tmpdir(void **state)
{
	const struct jobtype *jt = &seed.m.jobtypes[0];
	struct loaded l;
	size_t len = 0;
	char *bytes;

	(void)state;
	capture_open(&l.err);
	diag_init(&l.d, l.err.f);
	setenv("TMPDIR", "/nonexistent/skillsite", 1);
	bytes = xlsx_assess_workbook(jt, &jt->specialties[0], labels, &len,
	    &l.d);
	unsetenv("TMPDIR");
	assert_null(bytes);
	assert_true(diag_errors(&l.d) > 0);
	diag_flush(&l.d);
	assert_non_null(strstr(capture_close(&l.err), "/nonexistent"));
	diag_free(&l.d);
	capture_free(&l.err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_gap_formula),
		cmocka_unit_test(test_team),
		cmocka_unit_test(test_workbook),
		cmocka_unit_test(test_no_tmpdir),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
