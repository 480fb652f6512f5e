/* test_load.c: XML to model, positions, and refusal of hostile input. */
#include "helpers.h"

#include "text.h"

static void
test_valid_document_fills_the_model(void **state)
{
	struct loaded l;
	const struct jobtype *jt;
	const struct entry *e;

	(void)state;
	load_string(&l, VALID_JOBTYPE, 0);
	assert_string_equal(l.text, "");
	assert_int_equal(l.m.njobtypes, 1);
	jt = &l.m.jobtypes[0];
	assert_string_equal(jt->id, "jt");
	assert_string_equal(jt->name, "職種");
	assert_int_equal(jt->number, 9);
	assert_int_equal(jt->min_level, 3);
	assert_int_equal(jt->max_level, 4);
	assert_string_equal(jt->annotation, "注釈の本文");
	assert_int_equal(jt->nskills, 2);
	assert_int_equal(jt->skills[0].scope, SCOPE_COMMON);
	assert_int_equal(jt->skills[1].scope, SCOPE_SPECIFIC);
	assert_int_equal(jt->skills[0].nknowledge, 2);
	assert_string_equal(jt->skills[0].knowledge[1].text, "項目二");
	assert_int_equal(jt->skills[1].notes.n, 1);
	assert_string_equal(jt->skills[1].notes.v[0].markdown, "注");
	assert_int_equal(jt->nspecialties, 1);
	assert_int_equal(jt->specialties[0].nentries, 2);
	e = &jt->specialties[0].entries[0];
	assert_string_equal(e->skill_id, "common-a");
	assert_null(e->skill);		/* linked by resolve, not the loader */
	assert_int_equal(e->nlevels, 2);
	assert_int_equal(e->levels[0].value, 4);
	assert_null(e->levels[0].markdown);	/* "not defined" */
	assert_string_equal(e->levels[1].markdown, "一段落目\n\n又、二段落目");
	loaded_free(&l);
}

static void
test_positions_count_characters(void **state)
{
	struct loaded l;
	const struct jobtype *jt;

	(void)state;
	load_string(&l, VALID_JOBTYPE, 0);
	jt = &l.m.jobtypes[0];
	assert_int_equal(jt->pos.line, 2);
	assert_int_equal(jt->pos.col, 1);
	assert_int_equal(jt->skills[0].pos.line, 7);
	assert_int_equal(jt->skills[0].pos.col, 3);
	assert_int_equal(jt->skills[0].knowledge[0].pos.line, 10);
	assert_int_equal(jt->skills[0].knowledge[0].pos.col, 7);
	loaded_free(&l);

	/* columns after multi-byte text count characters, not bytes */
	load_string(&l, "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\">"
	    "<name>職種</name><skill id=\"s\" scope=\"common\"><name>名</name>"
	    "<knowledge><item>項目</item><item>項目</item></knowledge>"
	    "</skill><specialty id=\"p\"><name>名</name><entry skill=\"s\">"
	    "<level value=\"3\">x</level></entry></specialty></jobtype>", 1);
	assert_string_equal(l.text, "skillsite: t.xml:1:129: error: knowledge "
	    "item listed twice: 項目 (first at t.xml:1:114)\n");
	loaded_free(&l);
}

static void
test_doctype_is_refused_at_its_line(void **state)
{
	struct loaded l;

	(void)state;
	load_string(&l, "<?xml version=\"1.0\"?>\n\n  <!DOCTYPE jobtype [\n"
	    "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	    "<jobtype>&x;</jobtype>\n", 0);
	assert_string_equal(l.text, "skillsite: t.xml:3:3: error: document "
	    "type declarations are not allowed\n");
	assert_int_equal(l.status, EXIT_CONTENT);
	assert_int_equal(l.m.njobtypes, 0);
	loaded_free(&l);
}

static void
test_undeclared_entity_is_an_error(void **state)
{
	struct loaded l;

	(void)state;
	load_string(&l, "<jobtype>&ext;</jobtype>", 0);
	assert_non_null(strstr(l.text, "t.xml:1:"));
	assert_non_null(strstr(l.text, "Entity 'ext' not defined"));
	assert_int_equal(l.m.njobtypes, 0);
	loaded_free(&l);
}

static void
test_schema_errors_have_positions(void **state)
{
	struct loaded l;

	(void)state;
	load_string(&l, "<framework id=\"f\">\n  <name>n</name>\n"
	    "  <colour/>\n</framework>\n", 0);
	assert_string_equal(l.text, "skillsite: t.xml:3:3: error: not valid "
	    "against the schema: Did not expect element colour there\n");
	loaded_free(&l);
}

static void
test_oversized_markdown_is_refused(void **state)
{
	struct loaded l;
	size_t n = MARKDOWN_SIZE_MAX + 10, head;
	char *xml = malloc(n + 200);

	(void)state;
	assert_non_null(xml);
	head = (size_t)sprintf(xml, "<framework id=\"f\"><name>n</name>"
	    "<summary>");
	memset(xml + head, 'a', n);
	strcpy(xml + head + n, "</summary></framework>");
	load_string(&l, xml, 0);
	assert_non_null(strstr(l.text, "t.xml:1:33: error: Markdown field "
	    "too long: <summary> holds 16394 bytes; the limit is 16384"));
	assert_string_equal(l.m.framework->summary, "");
	loaded_free(&l);
	free(xml);
}

static void
test_second_framework_is_reported(void **state)
{
	struct model m;
	struct diag d;
	struct capture c;
	struct loader *ld;
	const char *fw = "<framework id=\"f\"><name>n</name></framework>";

	(void)state;
	model_init(&m);
	capture_open(&c);
	diag_init(&d, c.f);
	ld = loader_new(&m, &d);
	loader_buffer(ld, "one.xml", fw, strlen(fw));
	loader_buffer(ld, "two.xml", fw, strlen(fw));
	loader_free(ld);
	diag_flush(&d);
	diag_free(&d);
	assert_string_equal(capture_close(&c), "skillsite: two.xml:1:1: error: "
	    "framework defined twice: first defined at one.xml:1:1\n");
	assert_string_equal(m.framework->id, "f");
	capture_free(&c);
	model_free(&m);
}

/* Returns a malloc'd copy of text with each "\n" replaced by eol. */
static char *
with_line_ends(const char *text, const char *eol)
{
	char *out = malloc(strlen(text) * strlen(eol) + 1), *o = out;

	assert_non_null(out);
	for (; *text != '\0'; text++)
		if (*text == '\n')
			o = stpcpy(o, eol);
		else
			*o++ = *text;
	*o = '\0';
	return out;
}

/* Loads and resolves text with its line ends replaced by eol into l;
 * asserts that the diagnostics are want. */
static void
assert_loads_as(struct loaded *l, const char *text, const char *eol,
    const char *want)
{
	char *xml = with_line_ends(text, eol);

	load_string(l, xml, 1);
	assert_string_equal(l->text, want);
	free(xml);
}

/* XML reads CR, LF and CR LF as one line end each: every position the
 * loader reports (elements, attributes, fields, notes, libxml2's own
 * errors, a DOCTYPE) counts lines and columns alike in all three. */
static void
test_line_ends_count_alike(void **state)
{
	static const char *const eols[] = { "\n", "\r\n", "\r" };
	static const char jobtype[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<jobtype id=\"jt\" min-level=\"3\" max-level=\"4\">\n"
	    "  <name>職種</name>\n"
	    "  <editorial-note>注：\n二行目</editorial-note>\n"
	    "  <skill id=\"Bad\" scope=\"common\">\n"
	    "    <name>名</name>\n"
	    "    <knowledge><item>項目</item><item>項目</item></knowledge>\n"
	    "  </skill>\n"
	    "  <colour/>\n"
	    "  <specialty id=\"sp\" oops=\"1\">\n"
	    "    <name>専門\n分野</name>\n"
	    "    <entry skill=\"Bad\"><level value=\"3\">x</level></entry>\n"
	    "  </specialty>\n"
	    "</jobtype>\n";
	struct loaded l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(eols) / sizeof(eols[0]); i++) {
		assert_loads_as(&l, jobtype, eols[i],
		    "skillsite: t.xml:6:3: error: invalid ID; IDs match "
		    "[a-z0-9][a-z0-9-]{0,63}: \"Bad\"\n"
		    "skillsite: t.xml:8:31: error: knowledge item listed twice: "
		    "項目 (first at t.xml:8:16)\n"
		    "skillsite: t.xml:10:3: error: not valid against the schema: "
		    "Did not expect element colour there\n"
		    "skillsite: t.xml:11:3: error: unknown attribute: oops on "
		    "<specialty>\n"
		    "skillsite: t.xml:12:5: error: line break in a one-line "
		    "field: <name>\n"
		    "skillsite: t.xml:14:5: error: level missing; write an empty "
		    "<level> for a level the source leaves undefined: level 4 of "
		    "Bad\n");
		assert_int_equal(l.m.jobtypes[0].notes.v[0].pos.line, 4);
		assert_int_equal(l.m.jobtypes[0].notes.v[0].pos.col, 3);
		assert_string_equal(l.m.jobtypes[0].notes.v[0].markdown,
		    "注：\n二行目");
		loaded_free(&l);
		assert_loads_as(&l, "<framework id=\"f\">\n\n  <name>n</name>\n"
		    "  <name>x</nam>\n</framework>\n", eols[i],
		    "skillsite: t.xml:4:16: error: malformed XML: Opening and "
		    "ending tag mismatch: name line 4 and nam\n");
		loaded_free(&l);
		assert_loads_as(&l, "<?xml version=\"1.0\"?>\n\n  <!DOCTYPE framework "
		    "[\n]>\n<framework/>\n", eols[i], "skillsite: t.xml:3:3: "
		    "error: document type declarations are not allowed\n");
		loaded_free(&l);
	}
	/* CR CR LF and LF CR end two lines each; columns restart after CR */
	assert_loads_as(&l, "<framework id=\"f\">\r\r\n  <name>n</name>\n\r"
	    "\t<colour/><colour/>\r</framework>", "\n", "skillsite: t.xml:5:2: "
	    "error: not valid against the schema: Did not expect element colour "
	    "there\n");
	loaded_free(&l);
}

static void
test_schema_is_built_in(void **state)
{
	(void)state;
	assert_non_null(strstr(loader_schema(), "<grammar"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_document_fills_the_model),
		cmocka_unit_test(test_positions_count_characters),
		cmocka_unit_test(test_doctype_is_refused_at_its_line),
		cmocka_unit_test(test_undeclared_entity_is_an_error),
		cmocka_unit_test(test_schema_errors_have_positions),
		cmocka_unit_test(test_oversized_markdown_is_refused),
		cmocka_unit_test(test_second_framework_is_reported),
		cmocka_unit_test(test_line_ends_count_alike),
		cmocka_unit_test(test_schema_is_built_in),
	};

	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
