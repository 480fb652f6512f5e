/* test_resolve.c: IDs, references and consistency checks. */
#include "helpers.h"

/* Returns VALID_JOBTYPE with the first occurrence of from replaced by to,
 * in a static buffer. */
static const char *
edit(const char *from, const char *to)
{
	static char buf[4096];
	const char *src = VALID_JOBTYPE, *at = strstr(src, from);

	assert_non_null(at);
	snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(at - src), src, to,
	    at + strlen(from));
	return buf;
}

/* Loads and resolves xml; asserts the diagnostics equal expected. */
static void
expect(const char *xml, const char *expected, int status)
{
	struct loaded l;

	load_string(&l, xml, 1);
	assert_string_equal(l.text, expected);
	assert_int_equal(l.status, status);
	loaded_free(&l);
}

static void
test_valid_model_resolves(void **state)
{
	struct loaded l;
	const struct jobtype *jt;

	(void)state;
	load_string(&l, VALID_JOBTYPE, 1);
	assert_string_equal(l.text, "");
	assert_int_equal(l.status, EXIT_OK);
	jt = &l.m.jobtypes[0];
	assert_ptr_equal(jt->specialties[0].entries[0].skill, &jt->skills[0]);
	assert_ptr_equal(jt->specialties[0].entries[1].skill, &jt->skills[1]);
	loaded_free(&l);
}

static void
test_id_pattern(void **state)
{
	(void)state;
	assert_true(id_is_valid("a"));
	assert_true(id_is_valid("first-second-line-support"));
	assert_true(id_is_valid("9"));
	assert_false(id_is_valid(""));
	assert_false(id_is_valid("-a"));
	assert_false(id_is_valid("A"));
	assert_false(id_is_valid("a_b"));
	assert_false(id_is_valid("a.b"));
	assert_false(id_is_valid("../x"));
	assert_false(id_is_valid("ハード"));
	assert_true(id_is_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
	assert_false(id_is_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

static void
test_duplicate_and_case_variant_ids(void **state)
{
	(void)state;
	expect(edit("<specialty id=\"sp\">", "<specialty id=\"spec-b\">"),
	    "skillsite: t.xml:21:3: error: duplicate ID: spec-b "
	    "(first at t.xml:14:3)\n", EXIT_CONTENT);
	expect(edit("<specialty id=\"sp\">", "<specialty id=\"SPEC-b\">"),
	    "skillsite: t.xml:21:3: error: invalid ID; IDs match "
	    "[a-z0-9][a-z0-9-]{0,63}: \"SPEC-b\"\n"
	    "skillsite: t.xml:21:3: error: IDs differ only by case: SPEC-b "
	    "and spec-b (at t.xml:14:3)\n", EXIT_CONTENT);
}

/* Loads VALID_JOBTYPE as a.xml and, with its ID changed to id2, as b.xml;
 * asserts the diagnostics equal expected. */
static void
expect_two_jobtypes(const char *id2, const char *expected)
{
	struct loaded l;
	struct loader *ld;
	char second[4096];

	snprintf(second, sizeof(second), "%s", edit("id=\"jt\" number=\"9\"",
	    id2));
	ld = loaded_begin(&l);
	loader_buffer(ld, "a.xml", VALID_JOBTYPE, strlen(VALID_JOBTYPE));
	loader_buffer(ld, "b.xml", second, strlen(second));
	loaded_end(&l, ld, 1);
	assert_string_equal(l.text, expected);
	assert_int_equal(l.status, EXIT_CONTENT);
	loaded_free(&l);
}

static void
test_specialty_in_two_jobtypes(void **state)
{
	(void)state;
	/* both handbooks would be handbooks/sp.html */
	expect_two_jobtypes("id=\"jt2\"", "skillsite: b.xml:21:3: error: "
	    "specialty ID used by another job type; handbooks/ID.html names a "
	    "specialty by its ID alone: sp (first at a.xml:21:3)\n");
	/* one job type defined twice: its duplicate ID says it all */
	expect_two_jobtypes("id=\"jt\"", "skillsite: b.xml:2:1: error: "
	    "duplicate ID: jt (first at a.xml:2:1)\n");
}

static void
test_jobtype_ids_reserved_for_site_folders(void **state)
{
	static const char *const folders[] = { "assets", "downloads",
	    "handbooks", "search" };
	char id[64], expected[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(folders) / sizeof(*folders); i++) {
		snprintf(id, sizeof(id), "<jobtype id=\"%s\"", folders[i]);
		snprintf(expected, sizeof(expected), "skillsite: t.xml:2:1: "
		    "error: ID reserved for the site's own pages: %s\n",
		    folders[i]);
		expect(edit("<jobtype id=\"jt\"", id), expected, EXIT_CONTENT);
	}
}

static void
test_unknown_reference(void **state)
{
	(void)state;
	expect(edit("<entry skill=\"spec-b\">", "<entry skill=\"spec-c\">"),
	    "skillsite: t.xml:14:3: error: skill used by no specialty: spec-b\n"
	    "skillsite: t.xml:31:5: error: unknown skill: \"spec-c\"\n",
	    EXIT_CONTENT);
}

static void
test_common_skill_missing(void **state)
{
	(void)state;
	expect(edit("<entry skill=\"common-a\">", "<entry skill=\"spec-b\">"),
	    "skillsite: t.xml:7:3: error: skill used by no specialty: "
	    "common-a\n"
	    "skillsite: t.xml:21:3: error: specialty lacks a common skill: sp "
	    "lacks common-a\n"
	    "skillsite: t.xml:31:5: error: skill listed twice in one "
	    "specialty: spec-b in sp\n", EXIT_CONTENT);
}

static void
test_levels(void **state)
{
	(void)state;
	expect(edit("<level value=\"4\"/>", "<level value=\"8\"/>"),
	    "skillsite: t.xml:23:5: error: level missing; write an empty "
	    "<level> for a level the source leaves undefined: level 4 of "
	    "common-a\n"
	    "skillsite: t.xml:24:7: error: level outside 1-7: 8\n",
	    EXIT_CONTENT);
	expect(edit("<level value=\"4\"/>", "<level value=\"2\"/>"),
	    "skillsite: t.xml:23:5: error: level missing; write an empty "
	    "<level> for a level the source leaves undefined: level 4 of "
	    "common-a\n"
	    "skillsite: t.xml:24:7: error: level outside the job type's "
	    "levels: 2; jt has levels 3 to 4\n", EXIT_CONTENT);
	expect(edit("<level value=\"4\"/>", "<level value=\"3\"/>"),
	    "skillsite: t.xml:23:5: error: level missing; write an empty "
	    "<level> for a level the source leaves undefined: level 4 of "
	    "common-a\n"
	    "skillsite: t.xml:25:7: error: level given twice: level 3 "
	    "(first at t.xml:24:7)\n", EXIT_CONTENT);
	expect(edit("max-level=\"4\"", "max-level=\"2\""),
	    "skillsite: t.xml:2:1: error: min-level is greater than "
	    "max-level: 3 > 2\n", EXIT_CONTENT);
}

static void
test_unreadable_level_is_reported_once(void **state)
{
	(void)state;
	expect(edit("<level value=\"4\"/>", "<level value=\"four\"/>"),
	    "skillsite: t.xml:24:7: error: not a usable whole number: "
	    "value=\"four\" on <level>\n", EXIT_CONTENT);
	expect(edit("<level value=\"4\"/>", "<level value=\" 4\n\"/>"),
	    "", EXIT_OK);
}

static void
test_duplicate_skill_links_the_first(void **state)
{
	struct loaded l;
	const struct jobtype *jt;

	(void)state;
	load_string(&l, edit("<skill id=\"spec-b\"", "<skill id=\"common-a\""),
	    1);
	jt = &l.m.jobtypes[0];
	assert_ptr_equal(jt->specialties[0].entries[0].skill, &jt->skills[0]);
	assert_string_equal(l.text, "skillsite: t.xml:14:3: error: duplicate "
	    "ID: common-a (first at t.xml:7:3)\n"
	    "skillsite: t.xml:31:5: error: unknown skill: \"spec-b\"\n");
	loaded_free(&l);
}

/* Each skill's uses: the specialties that list it, in order, each once
 * (its first entry), unresolved entries left out. */
static void
test_uses_index(void **state)
{
	struct loaded l;
	const struct jobtype *jt;
	const struct skill *a, *b;

	(void)state;
	load_string(&l, edit("  </specialty>\n", "  </specialty>\n"
	    "  <specialty id=\"sq\">\n    <name>二つ目</name>\n"
	    "    <entry skill=\"nowhere\"><level value=\"3\">x</level>"
	    "</entry>\n"
	    "    <entry skill=\"common-a\"><level value=\"3\">x</level>"
	    "</entry>\n"
	    "    <entry skill=\"common-a\"><level value=\"3\">y</level>"
	    "</entry>\n  </specialty>\n"), 1);
	assert_int_equal(l.status, EXIT_CONTENT);	/* unknown, twice */
	jt = &l.m.jobtypes[0];
	a = &jt->skills[0];
	b = &jt->skills[1];
	assert_int_equal(a->nuses, 2);
	assert_ptr_equal(a->uses[0].specialty, &jt->specialties[0]);
	assert_int_equal(a->uses[0].index, 0);
	assert_ptr_equal(a->uses[0].entry, &jt->specialties[0].entries[0]);
	assert_ptr_equal(a->uses[1].specialty, &jt->specialties[1]);
	assert_int_equal(a->uses[1].index, 1);
	assert_ptr_equal(a->uses[1].entry, &jt->specialties[1].entries[1]);
	assert_int_equal(b->nuses, 1);
	assert_ptr_equal(b->uses[0].entry, &jt->specialties[0].entries[1]);
	loaded_free(&l);
}

/* Returns a job type of levels 3-7 (in a static buffer) whose specialty
 * describes skill "a" at each level v with bit v of a set, and skill "b"
 * at each with bit v of b set. */
static const char *
levels_jobtype(unsigned a, unsigned b)
{
	static char buf[4096];
	char la[512] = "", lb[512] = "";
	int v;

	for (v = 3; v <= 7; v++) {
		snprintf(la + strlen(la), sizeof(la) - strlen(la),
		    (a >> v) & 1 ? "<level value=\"%d\">a</level>" :
		    "<level value=\"%d\"/>", v);
		snprintf(lb + strlen(lb), sizeof(lb) - strlen(lb),
		    (b >> v) & 1 ? "<level value=\"%d\">b</level>" :
		    "<level value=\"%d\"/>", v);
	}
	snprintf(buf, sizeof(buf), "<?xml version=\"1.0\"?>\n"
	    "<jobtype id=\"jt\" number=\"9\" min-level=\"3\" max-level=\"7\">\n"
	    "<name>職種</name>\n"
	    "<skill id=\"a\" scope=\"common\"><name>Ａ</name>"
	    "<knowledge><item>ア</item></knowledge></skill>\n"
	    "<skill id=\"b\" scope=\"specific\"><name>Ｂ</name>"
	    "<knowledge><item>イ</item></knowledge></skill>\n"
	    "<specialty id=\"sp\"><name>分野</name>\n"
	    "<entry skill=\"a\">%s</entry>\n<entry skill=\"b\">%s</entry>\n"
	    "</specialty>\n</jobtype>\n", la, lb);
	return buf;
}

/* The levels a job type defines: those some entry describes, gaps and
 * all; none when no entry describes any. */
static void
test_defined_levels(void **state)
{
	struct loaded l;
	const struct jobtype *jt;

	(void)state;
	load_string(&l, levels_jobtype(1u << 3 | 1u << 6, 1u << 4), 1);
	assert_string_equal(l.text, "");
	assert_int_equal(l.status, EXIT_OK);
	jt = &l.m.jobtypes[0];
	assert_false(jobtype_level_defined(jt, 2));
	assert_true(jobtype_level_defined(jt, 3));
	assert_true(jobtype_level_defined(jt, 4));
	assert_false(jobtype_level_defined(jt, 5));
	assert_true(jobtype_level_defined(jt, 6));
	assert_false(jobtype_level_defined(jt, 7));
	assert_false(jobtype_level_defined(jt, 8));
	assert_false(jobtype_level_defined(jt, LEVEL_NONE));
	assert_int_equal(jobtype_next_level(jt, 0), 3);
	assert_int_equal(jobtype_next_level(jt, 3), 4);
	assert_int_equal(jobtype_next_level(jt, 4), 6);
	assert_int_equal(jobtype_next_level(jt, 6), 0);
	assert_int_equal(jobtype_count_levels(jt), 3);
	loaded_free(&l);
	load_string(&l, levels_jobtype(0, 0), 1);
	assert_int_equal(l.status, EXIT_CONTENT);	/* empty entries */
	jt = &l.m.jobtypes[0];
	assert_int_equal(jobtype_next_level(jt, 0), 0);
	assert_int_equal(jobtype_count_levels(jt), 0);
	loaded_free(&l);
}

static void
test_duplicate_knowledge_item(void **state)
{
	(void)state;
	expect(edit("<item>項目二</item>", "<item>項目一</item>"),
	    "skillsite: t.xml:11:7: error: knowledge item listed twice: 項目一 "
	    "(first at t.xml:10:7)\n", EXIT_CONTENT);
}

static void
test_notes_are_not_errors(void **state)
{
	(void)state;
	expect(edit("<name>専門分野</name>", "<name>専門分野</name>"
	    "<editorial-note>注</editorial-note>"), "", EXIT_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_model_resolves),
		cmocka_unit_test(test_id_pattern),
		cmocka_unit_test(test_duplicate_and_case_variant_ids),
		cmocka_unit_test(test_specialty_in_two_jobtypes),
		cmocka_unit_test(test_jobtype_ids_reserved_for_site_folders),
		cmocka_unit_test(test_unknown_reference),
		cmocka_unit_test(test_common_skill_missing),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_unreadable_level_is_reported_once),
		cmocka_unit_test(test_duplicate_skill_links_the_first),
		cmocka_unit_test(test_uses_index),
		cmocka_unit_test(test_defined_levels),
		cmocka_unit_test(test_duplicate_knowledge_item),
		cmocka_unit_test(test_notes_are_not_errors),
	};

	return cmocka_run_group_tests_name("resolve", tests, NULL, NULL);
}
