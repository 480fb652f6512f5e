/* test_export.c: the framework as JSON and CSV: the JSON reads back into
 * the same model; the CSV has a row per specialty x skill x level. */
#include "helpers.h"

#include <jansson.h>

#include "export.h"
#include "labels.h"

/* What the standard's level row of the CSV ends with: its kind, its
 * source, the skill's, no standard name, the name's source, no
 * resource. */
#define PLAIN_TAIL ",\"level\",\"standard\",\"standard\",\"\"," \
	"\"standard\",\"\",\"\",\"\"\r\n"

/* What a level of the JSON that no tailoring touches ends with. */
#define PLAIN_LEVEL ",\"hiddenBy\":null,\"company\":null,\"resources\":[]"

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
	    "\"common\",\"3\",\"''=1\",\"'-1\n=1\"" PLAIN_TAIL));
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
			    "\"description\":null" PLAIN_LEVEL "},{\"level\":4,"
			    "\"description\":\"x\\ty\xe2\x80\xa8\\n\\n\\\\z\""
			    PLAIN_LEVEL "},{\"level\":5,\"description\":null"
			    PLAIN_LEVEL "}],\"editorialNotes\":[\"n\\\"1\\\"\"],"
			    "\"source\":\"standard\",\"hiddenBy\":null}"));
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
	    "\"specific\",\"4\",\"'+2999\",\"k2\"" PLAIN_TAIL));
	free(text);
	loaded_free(&big);
}

/* A job type and two tailorings of it using every operation, the
 * company's words some a spreadsheet could run as a formula. */
#define TAILORED_JOBTYPE \
	"<jobtype id=\"j\" min-level=\"3\" max-level=\"5\"><name>J</name>" \
	"<skill id=\"s1\" scope=\"common\"><name>S1</name><knowledge>" \
	"<item>k1</item></knowledge></skill>" \
	"<skill id=\"s2\" scope=\"specific\"><name>S2</name><knowledge>" \
	"<item>k2</item></knowledge></skill>" \
	"<skill id=\"s3\" scope=\"specific\"><name>S3</name><knowledge>" \
	"<item>k3</item></knowledge></skill>" \
	"<specialty id=\"p\"><name>P</name><entry skill=\"s1\">" \
	"<level value=\"3\">p1 3</level><level value=\"4\">p1 4</level>" \
	"<level value=\"5\">p1 5</level></entry><entry skill=\"s2\">" \
	"<level value=\"3\">p2 3</level><level value=\"4\">p2 4</level>" \
	"<level value=\"5\"/></entry></specialty>" \
	"<specialty id=\"q\"><name>Q</name><entry skill=\"s1\">" \
	"<level value=\"3\">q1 3</level><level value=\"4\">q1 4</level>" \
	"<level value=\"5\">q1 5</level></entry><entry skill=\"s3\">" \
	"<level value=\"3\">q3 3</level><level value=\"4\"/>" \
	"<level value=\"5\">q3 5</level>" \
	"</entry></specialty></jobtype>"
#define TAILORING_A \
	"<tailoring id=\"a\" base=\"j\"><name>A</name><summary>sum a" \
	"</summary><hide skill=\"s3\"/>" \
	"<hide skill=\"s1\" specialty=\"q\" level=\"5\"/>" \
	"<rename skill=\"s1\"><name>=Company S1</name></rename>" \
	"<skill id=\"c1\" specialty=\"p\"><name>C1</name><knowledge>" \
	"<item>ck</item></knowledge><level value=\"3\">c 3</level></skill>" \
	"<knowledge skill=\"s1\"><item>added k</item></knowledge>" \
	"<level skill=\"s1\" specialty=\"p\" value=\"3\"><meaning>- m</meaning>" \
	"<evidence>ev</evidence></level>" \
	"<resource skill=\"s1\" specialty=\"p\" level=\"3\" kind=\"book\" " \
	"hours=\"1.5\" href=\"https://example.com/x\"><title>+Book</title>" \
	"</resource><role id=\"r\" specialty=\"p\"><name>R</name>" \
	"<description>@role</description><target skill=\"s1\" level=\"4\"/>" \
	"<target skill=\"c1\" level=\"3\"/></role></tailoring>"
#define TAILORING_B \
	"<tailoring id=\"b\" base=\"j\"><name>B</name>" \
	"<resource skill=\"c1\" level=\"3\" kind=\"ojt\"><title>OJT</title>" \
	"</resource><knowledge skill=\"c1\"><item>b item</item></knowledge>" \
	"<hide skill=\"s2\" specialty=\"p\" level=\"4\"/></tailoring>"

/* Loads and resolves the tailored job type into l. */
static void
load_tailored(struct loaded *l)
{
	struct loader *ld = loaded_begin(l);

	loader_buffer(ld, "j.xml", TAILORED_JOBTYPE, strlen(TAILORED_JOBTYPE));
	loader_buffer(ld, "a.xml", TAILORING_A, strlen(TAILORING_A));
	loader_buffer(ld, "b.xml", TAILORING_B, strlen(TAILORING_B));
	loaded_end(l, ld, 1);
	assert_string_equal(l->text, "");
	assert_int_equal(l->status, EXIT_OK);
}

/* Returns the value at path in v: keys and array indexes, split by /. */
static const json_t *
at(const json_t *v, const char *path)
{
	char key[64];
	size_t n;

	while (v != NULL && *path != '\0') {
		n = strcspn(path, "/");
		assert_true(n < sizeof(key));
		memcpy(key, path, n);
		key[n] = '\0';
		v = json_is_array(v) ? json_array_get(v, strtoul(key, NULL, 10)) :
		    json_object_get(v, key);
		path += n + (path[n] == '/');
	}
	assert_non_null(v);
	return v;
}

/* Asserts that the value at path in v is the JSON text want, compact. */
static void
assert_at(const json_t *v, const char *path, const char *want)
{
	char *got = json_dumps(at(v, path), JSON_COMPACT | JSON_ENCODE_ANY |
	    JSON_PRESERVE_ORDER);

	if (strcmp(got, want) != 0)
		fail_msg("%s: wanted %s, got %s", path, want, got);
	free(got);
}

/* A tailored job type's JSON: every text with its source, what is hidden
 * listed with the standard's text and hiddenBy, the tailorings and the
 * roles; still what jansson writes of the whole. */
static void
test_json_tailored(void **state)
{
	struct loaded l;
	size_t len;
	char *text, *again;
	json_error_t err;
	json_t *root;
	const json_t *jt;

	(void)state;
	load_tailored(&l);
	text = exported(&l.m, 0, &len, NULL, NULL);
	assert_non_null(root = json_loads(text, 0, &err));
	again = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_int_equal(strlen(again) + 1, len);
	assert_memory_equal(again, text, len - 1);
	jt = at(root, "jobtypes/0");
	assert_at(jt, "tailorings", "[{\"id\":\"a\",\"name\":\"A\",\"base\":"
	    "\"j\",\"summary\":\"sum a\",\"order\":1,\"editorialNotes\":[]},"
	    "{\"id\":\"b\",\"name\":\"B\",\"base\":\"j\",\"summary\":null,"
	    "\"order\":2,\"editorialNotes\":[]}]");
	assert_at(jt, "skills/0", "{\"id\":\"s1\",\"name\":\"=Company S1\","
	    "\"scope\":\"common\",\"knowledge\":[\"k1\"],\"editorialNotes\":[],"
	    "\"source\":\"standard\",\"standardName\":\"S1\",\"renamedBy\":"
	    "\"a\",\"hiddenBy\":null,\"addedKnowledge\":[{\"text\":\"added k\","
	    "\"source\":\"a\"}]}");
	assert_at(jt, "skills/1/hiddenBy", "null");
	assert_at(jt, "skills/2", "{\"id\":\"s3\",\"name\":\"S3\",\"scope\":"
	    "\"specific\",\"knowledge\":[\"k3\"],\"editorialNotes\":[],"
	    "\"source\":\"standard\",\"standardName\":null,\"renamedBy\":null,"
	    "\"hiddenBy\":\"a\",\"addedKnowledge\":[]}");
	assert_at(jt, "skills/3", "{\"id\":\"c1\",\"name\":\"C1\",\"scope\":"
	    "\"specific\",\"knowledge\":[\"ck\"],\"editorialNotes\":[],"
	    "\"source\":\"a\",\"standardName\":null,\"renamedBy\":null,"
	    "\"hiddenBy\":null,\"addedKnowledge\":[{\"text\":\"b item\","
	    "\"source\":\"b\"}]}");
	assert_int_equal(json_array_size(at(jt, "skills")), 4);
	assert_at(jt, "specialties/0/entries/0/levels/0", "{\"level\":3,"
	    "\"description\":\"p1 3\",\"hiddenBy\":null,\"company\":{"
	    "\"meaning\":\"- m\",\"evidence\":\"ev\",\"source\":\"a\"},"
	    "\"resources\":[{\"title\":\"+Book\",\"kind\":\"book\",\"href\":"
	    "\"https://example.com/x\",\"hours\":\"1.5\",\"source\":\"a\"}]}");
	assert_at(jt, "specialties/0/entries/1/levels/1", "{\"level\":4,"
	    "\"description\":\"p2 4\",\"hiddenBy\":\"b\",\"company\":null,"
	    "\"resources\":[]}");
	assert_at(jt, "specialties/0/entries/2", "{\"skill\":\"c1\","
	    "\"levels\":[{\"level\":3,\"description\":\"c 3\",\"hiddenBy\":"
	    "null,\"company\":null,\"resources\":[{\"title\":\"OJT\",\"kind\":"
	    "\"ojt\",\"href\":null,\"hours\":null,\"source\":\"b\"}]},"
	    "{\"level\":4,\"description\":null" PLAIN_LEVEL "},{\"level\":5,"
	    "\"description\":null" PLAIN_LEVEL "}],\"editorialNotes\":[],"
	    "\"source\":\"a\",\"hiddenBy\":null}");
	assert_at(jt, "specialties/1/entries/0/levels/2", "{\"level\":5,"
	    "\"description\":\"q1 5\",\"hiddenBy\":\"a\",\"company\":null,"
	    "\"resources\":[]}");
	assert_at(jt, "specialties/1/entries/1", "{\"skill\":\"s3\","
	    "\"levels\":[{\"level\":3,\"description\":\"q3 3\",\"hiddenBy\":"
	    "\"a\",\"company\":null,\"resources\":[]},{\"level\":4,"
	    "\"description\":null,\"hiddenBy\":\"a\",\"company\":null,"
	    "\"resources\":[]},{\"level\":5,\"description\":\"q3 5\","
	    "\"hiddenBy\":\"a\",\"company\":null,\"resources\":[]}],"
	    "\"editorialNotes\":[],\"source\":\"standard\",\"hiddenBy\":\"a\"}");
	assert_at(jt, "roles", "[{\"id\":\"r\",\"name\":\"R\",\"specialty\":"
	    "\"p\",\"description\":\"@role\",\"targets\":[{\"skill\":\"s1\","
	    "\"level\":4},{\"skill\":\"c1\",\"level\":3}],\"source\":\"a\"}]");
	free(again);
	json_decref(root);
	free(text);
	loaded_free(&l);
}

/* A tailored job type's CSV: the company's table, what is hidden left
 * out, each company text, resource and added knowledge item a row of
 * its own after its level's with its source, formulas guarded. */
static void
test_csv_tailored(void **state)
{
	static const char *const rows[] = {
	    "\r\n\"j\",\"J\",\"p\",\"P\",\"s1\",\"'=Company S1\",\"common\","
	    "\"3\",\"p1 3\",\"k1\",\"level\",\"standard\",\"standard\",\"S1\","
	    "\"a\",\"\",\"\",\"\"\r\n"
	    "\"j\",\"J\",\"p\",\"P\",\"s1\",\"'=Company S1\",\"common\","
	    "\"3\",\"'- m\",\"k1\",\"meaning\",\"a\",\"standard\",\"S1\","
	    "\"a\",\"\",\"\",\"\"\r\n"
	    "\"j\",\"J\",\"p\",\"P\",\"s1\",\"'=Company S1\",\"common\","
	    "\"3\",\"ev\",\"k1\",\"evidence\",\"a\",\"standard\",\"S1\","
	    "\"a\",\"\",\"\",\"\"\r\n"
	    "\"j\",\"J\",\"p\",\"P\",\"s1\",\"'=Company S1\",\"common\","
	    "\"3\",\"'+Book\",\"k1\",\"resource\",\"a\",\"standard\",\"S1\","
	    "\"a\",\"book\",\"1.5\",\"https://example.com/x\"\r\n"
	    "\"j\",\"J\",\"p\",\"P\",\"s1\",\"'=Company S1\",\"common\","
	    "\"4\",\"p1 4\",",
	    "\r\n\"j\",\"J\",\"p\",\"P\",\"s1\",\"'=Company S1\",\"common\","
	    "\"\",\"added k\",\"k1\",\"knowledge\",\"a\",\"standard\",\"S1\","
	    "\"a\",\"\",\"\",\"\"\r\n",
	    "\r\n\"j\",\"J\",\"p\",\"P\",\"s2\",\"S2\",\"specific\",\"3\","
	    "\"p2 3\",\"k2\"" PLAIN_TAIL "\"j\",\"J\",\"p\",\"P\",\"s2\","
	    "\"S2\",\"specific\",\"5\",\"\",\"k2\"" PLAIN_TAIL
	    "\"j\",\"J\",\"p\",\"P\",\"c1\","
	    "\"C1\",\"specific\",\"3\",\"c 3\",\"ck\",\"level\",\"a\",\"a\","
	    "\"\",\"a\",\"\",\"\",\"\"\r\n\"j\",\"J\",\"p\",\"P\",\"c1\","
	    "\"C1\",\"specific\",\"3\",\"OJT\",\"ck\",\"resource\",\"b\",\"a\","
	    "\"\",\"a\",\"ojt\",\"\",\"\"\r\n",
	    "\r\n\"j\",\"J\",\"p\",\"P\",\"c1\",\"C1\",\"specific\",\"\","
	    "\"b item\",\"ck\",\"knowledge\",\"b\",\"a\",\"\",\"a\",\"\",\"\","
	    "\"\"\r\n\"j\",\"J\",\"q\",\"Q\",\"s1\",",
	};
	struct loaded l;
	size_t len, i, n = 0;
	const char *p;
	char *text;

	(void)state;
	load_tailored(&l);
	text = exported(&l.m, 1, &len, NULL, NULL);
	for (i = 0; i < sizeof(rows) / sizeof(*rows); i++)
		if (strstr(text, rows[i]) == NULL)
			fail_msg("no rows %s in %s", rows[i], text);
	assert_null(strstr(text, "\"s3\""));	/* hidden everywhere */
	assert_null(strstr(text, "p2 4"));	/* a level hidden */
	assert_null(strstr(text, "q1 5"));
	for (p = text; (p = strstr(p, "\"\r\n")) != NULL; p += 3)
		n++;
	/* the header; in p, s1: 3 and its meaning, evidence and resource,
	 * 4, 5, an added item; s2: 3, 5 (4 hidden); c1: 3 and a resource, 4,
	 * 5, an added item; in q, s1: 3, 4 (5 hidden), an added item */
	assert_int_equal(n, 1 + 7 + 2 + 5 + 3);
	free(text);
	loaded_free(&l);
}

/* export_out's write() of the roles' CSV: joins as S_part(). */
static char *
exported_roles(const struct model *m, size_t *len)
{
	struct parts p = { NULL, 0, 0, 0, 0 };
	struct export_out out = { S_part, &p };

	assert_int_equal(export_roles_csv(m, labels_text(labels,
	    LABEL_CSV_ROLES_HEADER), &out), 0);
	*len = p.len;
	return p.s;
}

/* The roles' CSV: a row per role and target, with the role's source;
 * none to write for the standard alone. */
static void
test_roles_csv(void **state)
{
	struct loaded l;
	size_t len;
	char *text;

	(void)state;
	assert_false(export_has_roles(&seed.m));
	load_tailored(&l);
	assert_true(export_has_roles(&l.m));
	text = exported_roles(&l.m, &len);
	assert_memory_equal(text, "\xef\xbb\xbf\"\xe8\x81\xb7\xe7\xa8\xae"
	    "ID\",", 14);
	assert_non_null(strstr(text, "\"\r\n\"j\",\"J\",\"p\",\"P\",\"r\","
	    "\"R\",\"'@role\",\"s1\",\"'=Company S1\",\"4\",\"a\"\r\n"
	    "\"j\",\"J\",\"p\",\"P\",\"r\",\"R\",\"'@role\",\"c1\",\"C1\","
	    "\"3\",\"a\"\r\n"));
	assert_memory_equal(text + len - 9, "\"3\",\"a\"\r\n", 9);
	free(text);
	loaded_free(&l);
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
		cmocka_unit_test(test_json_tailored),
		cmocka_unit_test(test_csv_tailored),
		cmocka_unit_test(test_roles_csv),
	};

	return cmocka_run_group_tests_name("export", tests, setup, teardown);
}
