/* test_export.c: the framework as JSON and CSV: the JSON reads back into
 * the same model; the CSV has a row per specialty x skill x level. */
#include "helpers.h"

#include <jansson.h>

#include "export.h"
#include "labels.h"

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

/* What an export gave out: its parts, joined; stop_at, when not 0, is
 * the part whose write() returns -1. */
struct parts {
	char	*s;
	size_t	 len;
	size_t	 n;		/* parts given */
	size_t	 largest;	/* the largest part's bytes */
	size_t	 stop_at;
};

/* export_out's write(): joins the part to ctx, or stops. */
static int
S_part(void *ctx, const char *data, size_t len)
{
	struct parts *p = ctx;

	if (++p->n == p->stop_at)
		return -1;
	assert_true(len > 0);
	p->s = realloc(p->s, p->len + len + 1);
	assert_non_null(p->s);
	memcpy(p->s + p->len, data, len);
	p->len += len;
	p->s[p->len] = '\0';
	if (len > p->largest)
		p->largest = len;
	return 0;
}

/* Returns m as JSON (csv unset) or CSV, the parts joined, malloc'd;
 * sets *len, and *nparts and *largest unless NULL. */
static char *
exported(const struct model *m, int csv, size_t *len, size_t *nparts,
    size_t *largest)
{
	struct parts p = { NULL, 0, 0, 0, 0 };
	struct export_out out = { S_part, &p };

	assert_int_equal(csv ? export_csv(m, labels_text(labels,
	    LABEL_CSV_HEADER), &out) : export_json(m, &out), 0);
	*len = p.len;
	if (nparts != NULL)
		*nparts = p.n;
	if (largest != NULL)
		*largest = p.largest;
	return p.s;
}

/* Asserts that JSON value v is the string s, or null when s is NULL. */
static void
assert_text(const json_t *v, const char *s)
{
	if (s == NULL)
		assert_true(json_is_null(v));
	else
		assert_string_equal(json_string_value(v), s);
}

/* Asserts that JSON array a holds the Markdown of the notes ns. */
static void
assert_notes(const json_t *a, const struct notes *ns)
{
	size_t i;

	assert_int_equal(json_array_size(a), ns->n);
	for (i = 0; i < ns->n; i++)
		assert_text(json_array_get(a, i), ns->v[i].markdown);
}

/* Asserts that entry object o is entry e of job type jt: a level for
 * each level jt defines (the seed's 3 to 6 of 3 to 7), no other. */
static void
assert_entry(const json_t *o, const struct jobtype *jt, const struct entry *e)
{
	const json_t *levels = json_object_get(o, "levels");
	size_t i = 0;
	int n;

	assert_text(json_object_get(o, "skill"), e->skill_id);
	assert_int_equal(json_array_size(levels), jobtype_count_levels(jt));
	assert_true(jobtype_count_levels(jt) < jt->max_level - jt->min_level +
	    1);
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		const json_t *l = json_array_get(levels, i++);
		const struct level *lv = entry_find_level(e, n);

		assert_int_equal(json_integer_value(json_object_get(l, "level")),
		    n);
		assert_text(json_object_get(l, "description"),
		    lv ? lv->markdown : NULL);
	}
	assert_notes(json_object_get(o, "editorialNotes"), &e->notes);
}

/* Asserts that job type object o is jt, every field verbatim. */
static void
assert_jobtype(const json_t *o, const struct jobtype *jt)
{
	const json_t *skills = json_object_get(o, "skills");
	const json_t *sps = json_object_get(o, "specialties");
	size_t i, j;

	assert_text(json_object_get(o, "id"), jt->id);
	assert_text(json_object_get(o, "name"), jt->name);
	assert_int_equal(json_integer_value(json_object_get(o, "number")),
	    jt->number);
	assert_text(json_object_get(o, "annotation"), jt->annotation);
	assert_notes(json_object_get(o, "editorialNotes"), &jt->notes);
	assert_int_equal(json_array_size(skills), jt->nskills);
	for (i = 0; i < jt->nskills; i++) {
		const json_t *k = json_array_get(skills, i);
		const json_t *items = json_object_get(k, "knowledge");

		assert_text(json_object_get(k, "id"), jt->skills[i].id);
		assert_text(json_object_get(k, "name"), jt->skills[i].name);
		assert_int_equal(json_array_size(items), jt->skills[i].nknowledge);
		for (j = 0; j < jt->skills[i].nknowledge; j++)
			assert_text(json_array_get(items, j),
			    jt->skills[i].knowledge[j].text);
		assert_notes(json_object_get(k, "editorialNotes"),
		    &jt->skills[i].notes);
	}
	assert_int_equal(json_array_size(sps), jt->nspecialties);
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];
		const json_t *s = json_array_get(sps, i);
		const json_t *entries = json_object_get(s, "entries");

		assert_text(json_object_get(s, "id"), sp->id);
		assert_text(json_object_get(s, "name"), sp->name);
		assert_int_equal(json_array_size(entries), sp->nentries);
		for (j = 0; j < sp->nentries; j++)
			assert_entry(json_array_get(entries, j), jt,
			    &sp->entries[j]);
	}
}

static void
test_json_reads_back_into_the_model(void **state)
{
	size_t len, i;
	char *text = exported(&seed.m, 0, &len, NULL, NULL);
	json_error_t err;
	json_t *root;

	(void)state;
	assert_non_null(text);
	assert_int_equal(strlen(text), len);
	root = json_loads(text, 0, &err);
	assert_non_null(root);
	assert_text(json_object_get(root, "id"), seed.m.framework->id);
	assert_text(json_object_get(root, "name"), seed.m.framework->name);
	assert_text(json_object_get(root, "summary"), seed.m.framework->summary);
	assert_int_equal(json_array_size(json_object_get(root, "jobtypes")),
	    seed.m.njobtypes);
	for (i = 0; i < seed.m.njobtypes; i++)
		assert_jobtype(json_array_get(json_object_get(root, "jobtypes"),
		    i), &seed.m.jobtypes[i]);
	json_decref(root);
	free(text);
}

static void
test_schema_is_json(void **state)
{
	size_t len;
	const char *schema = export_json_schema(&len);
	json_error_t err;
	json_t *root = json_loadb(schema, len, 0, &err);

	(void)state;
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "$id")),
	    "framework.schema.json");
	json_decref(root);
}

/* The CSV: a byte order mark, a header, then a row per specialty x skill
 * x level the job type defines, each a CRLF-ended record of ten quoted
 * fields. */
static void
test_csv_rows(void **state)
{
	const struct jobtype *jt = &seed.m.jobtypes[0];
	size_t len, rows = 0, want = 1, i;
	char *text = exported(&seed.m, 1, &len, NULL, NULL);
	const char *p;

	(void)state;
	assert_non_null(text);
	assert_memory_equal(text, "\xef\xbb\xbf\"職種ID\",", 13);
	for (i = 0; i < jt->nspecialties; i++)
		want += jt->specialties[i].nentries *
		    (size_t)jobtype_count_levels(jt);
	for (p = text; (p = strstr(p, "\"\r\n")) != NULL; p += 3)
		rows++;
	assert_int_equal(rows, want);
	assert_memory_equal(text + len - 3, "\"\r\n", 3);
	free(text);
}

/* Fields a spreadsheet could run as formulas get a ' before them, and
 * only those (and a ' already before one, so that one ' comes off). */
static void
test_csv_guards_formulas(void **state)
{
	static const char *const guarded[] = { "=1+1", "+1", "-1", "@SUM(1)",
	    "\t=1", "\r=1", "\n=1", "  =1", "\xef\xbc\x9d" "1",
	    "\xef\xbc\x8b" "1", "\xef\xbc\x8d" "1", "\xef\xbc\xa0" "A1",
	    "'=1", "'' -1", "=HYPERLINK(\"http://example.invalid/\",\"x\")" };
	static const char *const plain[] = { "", "a=1", "1-1", "'a", "'",
	    "\xe3\x80\x80=1", "text\n=1", "\xef\xbc\x91" };
	struct loaded l;
	char *text;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(guarded) / sizeof(*guarded); i++)
		assert_true(export_csv_needs_guard(guarded[i]));
	for (i = 0; i < sizeof(plain) / sizeof(*plain); i++)
		assert_false(export_csv_needs_guard(plain[i]));
	assert_false(export_csv_needs_guard(NULL));
	load_string(&l, "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\">"
	    "<name>=HYPERLINK(\"http://example.invalid/\",\"j\")</name>"
	    "<skill id=\"s\" scope=\"common\"><name>+1</name><knowledge>"
	    "<item>-1</item><item>=1</item></knowledge></skill>"
	    "<specialty id=\"p\"><name>@A1</name><entry skill=\"s\">"
	    "<level value=\"3\">'=1</level></entry></specialty></jobtype>", 1);
	assert_int_equal(l.status, EXIT_OK);
	text = exported(&l.m, 1, &len, NULL, NULL);
	assert_non_null(strstr(text, "\r\n\"j\",\"'=HYPERLINK(\"\"http://"
	    "example.invalid/\"\",\"\"j\"\")\",\"p\",\"'@A1\",\"s\",\"'+1\","
	    "\"common\",\"3\",\"''=1\",\"'-1\n=1\"\r\n"));
	free(text);
	loaded_free(&l);
}

/* Loads a job type of nsp specialties, each with an entry for each of
 * two skills at levels 3 and 4, into l. */
static void
load_big(struct loaded *l, size_t nsp)
{
	size_t cap = 4096 + nsp * 512, n, i;
	char *xml = malloc(cap);

	assert_non_null(xml);
	n = (size_t)snprintf(xml, cap, "<jobtype id=\"j\" min-level=\"3\" "
	    "max-level=\"4\"><name>J \"q\" \\ \xe8\x81\xb7</name>"
	    "<skill id=\"s\" scope=\"common\"><name>S</name><knowledge>"
	    "<item>=k</item></knowledge></skill><skill id=\"t\" "
	    "scope=\"specific\"><name>T</name><knowledge><item>k2</item>"
	    "</knowledge></skill>");
	for (i = 0; i < nsp; i++)
		n += (size_t)snprintf(xml + n, cap - n, "<specialty id=\"p%zu\">"
		    "<name>P%zu \xe5\xb0\x82\xe9\x96\x80</name><entry skill=\"s\">"
		    "<level value=\"3\">Does %zu, \"well\"\n"
		    "and more.</level><level value=\"4\">Leads %zu.</level>"
		    "</entry><entry skill=\"t\"><level value=\"3\"/>"
		    "<level value=\"4\">+%zu"
		    "</level></entry></specialty>", i, i, i, i, i);
	snprintf(xml + n, cap - n, "</jobtype>");
	load_string(l, xml, 1);
	assert_int_equal(l->status, EXIT_OK);
	free(xml);
}

/* Loads into l a job type without a number whose text jansson must
 * escape (a tab, quotes, backslashes, "</script>", U+2028), levels the
 * source leaves undefined (null descriptions) and editorial notes. */
static void
load_odd(struct loaded *l)
{
	load_string(l, "<jobtype id=\"o\" min-level=\"3\" max-level=\"5\">"
	    "<name>O \\ \"o\"</name><editorial-note>a\tb \\n</editorial-note>"
	    "<skill id=\"s\" scope=\"specific\"><name>S</name>"
	    "<knowledge><item>&lt;/script&gt;</item><item>\"k\"</item>"
	    "</knowledge></skill><skill id=\"t\" scope=\"specific\">"
	    "<name>T</name><knowledge><item>k</item></knowledge></skill>"
	    "<specialty id=\"p\"><name>P/p</name>"
	    "<editorial-note>m</editorial-note><entry skill=\"s\">"
	    "<level value=\"3\"/><level value=\"4\">x\ty\xe2\x80\xa8\n\n\\z"
	    "</level><level value=\"5\"/><editorial-note>n\"1\""
	    "</editorial-note></entry><entry skill=\"t\"><level value=\"3\">"
	    "c</level><level value=\"4\"/><level value=\"5\">e</level>"
	    "</entry></specialty></jobtype>", 1);
	assert_int_equal(l->status, EXIT_OK);
}

/* The JSON is what jansson writes of the whole document (read back and
 * written again compact, it comes out byte for byte), though it comes in
 * parts of about EXPORT_PART bytes: for the seed, a big job type and one
 * with odd text and undefined levels. */
static void
test_json_is_jansson_whole(void **state)
{
	struct loaded big, odd;
	const struct model *models[3];
	size_t len, nparts, largest, i;
	json_error_t err;
	char *text, *again;
	json_t *root;

	(void)state;
	load_big(&big, 3000);
	load_odd(&odd);
	models[0] = &seed.m;
	models[1] = &big.m;
	models[2] = &odd.m;
	for (i = 0; i < 3; i++) {
		text = exported(models[i], 0, &len, &nparts, &largest);
		assert_int_equal(strlen(text), len);
		assert_non_null(root = json_loads(text, 0, &err));
		again = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
		assert_int_equal(strlen(again) + 1, len);
		assert_memory_equal(again, text, len - 1);
		assert_int_equal(text[len - 1], '\n');
		if (i == 1) {
			assert_true(len > 4 * EXPORT_PART);
			assert_true(nparts > 4);
			assert_true(largest < EXPORT_PART + 1024);
			assert_int_equal(json_array_size(json_object_get(
			    json_array_get(json_object_get(root, "jobtypes"),
			    0), "specialties")), 3000);
		}
		if (i == 2)
			assert_non_null(strstr(text, "\"levels\":[{\"level\":3,"
			    "\"description\":null},{\"level\":4,\"description\":"
			    "\"x\\ty\xe2\x80\xa8\\n\\n\\\\z\"},{\"level\":5,\"description\":"
			    "null}],\"editorialNotes\":[\"n\\\"1\\\"\"]}"));
		free(again);
		json_decref(root);
		free(text);
	}
	loaded_free(&odd);
	loaded_free(&big);
}

/* The CSV comes in parts of about EXPORT_PART bytes, row blocks whole,
 * each row a record. */
static void
test_csv_in_parts(void **state)
{
	struct loaded big;
	size_t len, nparts, largest, rows = 0;
	const char *p;
	char *text;

	(void)state;
	load_big(&big, 3000);
	text = exported(&big.m, 1, &len, &nparts, &largest);
	assert_true(len > 4 * EXPORT_PART);
	assert_true(nparts > 4);
	assert_true(largest < EXPORT_PART + 1024);
	for (p = text; (p = strstr(p, "\"\r\n")) != NULL; p += 3)
		rows++;
	assert_int_equal(rows, 1 + 3000 * 4);
	assert_non_null(strstr(text, "\r\n\"j\",\"J \"\"q\"\" \\ \xe8\x81\xb7\","
	    "\"p2999\",\"P2999 \xe5\xb0\x82\xe9\x96\x80\",\"t\",\"T\","
	    "\"specific\",\"4\",\"'+2999\",\"k2\"\r\n"));
	free(text);
	loaded_free(&big);
}

/* When the output stops, the export stops at once and says so. */
static void
test_export_stops_with_its_output(void **state)
{
	struct parts p = { NULL, 0, 0, 0, 2 };
	struct export_out out = { S_part, &p };
	struct loaded big;
	int csv;

	(void)state;
	load_big(&big, 3000);
	for (csv = 0; csv < 2; csv++) {
		p.n = 0;
		assert_int_equal(csv ? export_csv(&big.m, labels_text(labels,
		    LABEL_CSV_HEADER), &out) : export_json(&big.m, &out), -1);
		assert_int_equal(p.n, 2);
	}
	free(p.s);
	loaded_free(&big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_reads_back_into_the_model),
		cmocka_unit_test(test_schema_is_json),
		cmocka_unit_test(test_csv_rows),
		cmocka_unit_test(test_csv_guards_formulas),
		cmocka_unit_test(test_json_is_jansson_whole),
		cmocka_unit_test(test_csv_in_parts),
		cmocka_unit_test(test_export_stops_with_its_output),
	};

	return cmocka_run_group_tests_name("export", tests, setup, teardown);
}
