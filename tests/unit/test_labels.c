/* test_labels.c: the words of the pages (templates/labels.xml): the real
 * file loads and formats; a missing, unknown or repeated label, an
 * unknown placeholder, a stray brace, a label that is not one line of
 * visible text, a CSV header of the wrong width or a wrong digits
 * attribute each fail at labels.xml:line:col, every problem reported;
 * numbers take the file's digits; templates/README.md's table of the
 * labels is written from their declarations. */
#include "helpers.h"

#include <unistd.h>

#include "alloc.h"
#include "arena.h"
#include "cli.h"
#include "export.h"
#include "labels.h"

#define REAL "templates/labels.xml"
#define CSV_HEADER "<label name=\"csv-header\">職種ID,職種,専門分野ID,専門" \
	"分野,スキル項目ID,スキル項目,区分,レベル,説明,知識項目,行の種類,出典," \
	"スキル項目の出典,標準のスキル項目名,名称の出典,学習リソースの種類," \
	"学習時間,URL</label>"
#define CSV_ROLES_HEADER "<label name=\"csv-roles-header\">職種ID,職種," \
	"専門分野ID,専門分野,役割ID,役割,役割の説明,スキル項目ID,スキル項目," \
	"目標レベル,出典</label>"

/* File path, read whole (malloc'd, NUL-terminated). */
static char *
S_read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = calloc(1, 1 << 20);
	size_t n;

	assert_non_null(f);
	assert_non_null(s);
	n = fread(s, 1, (1 << 20) - 1, f);
	fclose(f);
	s[n] = '\0';
	return s;
}

/* Returns text (then freed) with the first from replaced by to
 * (malloc'd). */
static char *
S_replace(char *text, const char *from, const char *to)
{
	char *at = strstr(text, from), *out;

	assert_non_null(at);
	out = calloc(1, strlen(text) + strlen(to) + 1);
	assert_non_null(out);
	memcpy(out, text, (size_t)(at - text));
	strcat(out, to);
	strcat(out, at + strlen(from));
	free(text);
	return out;
}

/* Returns the real file with the first from replaced by to (malloc'd). */
static char *
S_edit(const char *from, const char *to)
{
	return S_replace(S_read_file(REAL), from, to);
}

/* The result of loading some labels. */
struct loaded_labels {
	struct loaded	 l;
	struct labels	*labels;
};

/* Loads labels from path into r; the diagnostics go to r->l.text. */
static void
S_load(struct loaded_labels *r, const char *path)
{
	model_init(&r->l.m);
	capture_open(&r->l.err);
	diag_init(&r->l.d, r->l.err.f);
	r->labels = labels_load(path, &r->l.d);
	r->l.status = (int)diag_status(&r->l.d);
	diag_flush(&r->l.d);
	r->l.text = capture_close(&r->l.err);
}

static void
S_free(struct loaded_labels *r)
{
	labels_free(r->labels);
	loaded_free(&r->l);
}

/* Writes text (then freed) as labels.xml of a new folder dir (a
 * mkdtemp() template) and loads it into r. */
static void
S_load_text(struct loaded_labels *r, char *dir, char *text)
{
	char *path;
	FILE *f;

	assert_non_null(mkdtemp(dir));
	path = xpath_join(dir, "labels.xml");
	assert_non_null(f = fopen(path, "wb"));
	assert_true(fputs(text, f) >= 0);
	fclose(f);
	free(text);
	S_load(r, path);
	unlink(path);
	rmdir(dir);
	free(path);
}

/* Loads text (then freed) as labels.xml and checks that it fails with
 * want, exit 3. */
static void
S_fails(char *text, const char *want)
{
	char dir[] = "/tmp/skillsite-labels-XXXXXX";
	struct loaded_labels r;

	S_load_text(&r, dir, text);
	if (strstr(r.l.text, want) == NULL)
		fail_msg("wanted \"%s\", got \"%s\"", want, r.l.text);
	assert_null(r.labels);
	assert_int_equal(r.l.status, EXIT_IO);
	S_free(&r);
}

/* Replaces element from of the real file by a label called name that
 * holds text, and checks that it fails with want at the label's line. */
static void
S_label_fails(const char *from, const char *name, int line,
    const char *text, const char *want)
{
	char *to = xasprintf("<label name=\"%s\">%s</label>", name, text);
	char *at = xasprintf("labels.xml:%d:3: error: template error: label "
	    "'%s'%s", line, name, want);

	S_fails(S_edit(from, to), at);
	free(to);
	free(at);
}

/* The real file loads, and its labels read as the pages have them. */
static void
test_real_file(void **state)
{
	struct loaded_labels r;
	struct arena a;

	(void)state;
	S_load(&r, REAL);
	assert_non_null(r.labels);
	assert_string_equal(r.l.text, "");
	arena_init(&a);
	assert_string_equal(labels_format(r.labels, &a, LABEL_TITLE_SKILL,
	    &(struct label_args){ .skill = "障害修理",
	    .specialty = "ハードウェア" }), "障害修理（ハードウェア）");
	assert_string_equal(labels_format(r.labels, &a, LABEL_LEVEL,
	    &(struct label_args){ .n = 3 }), "レベル３");
	assert_string_equal(labels_format(r.labels, &a, LABEL_USES_MORE,
	    &(struct label_args){ .n = 12 }), "ほか１２分野");
	assert_string_equal(labels_format(r.labels, &a, LABEL_HOME, NULL),
	    "ホーム");
	assert_string_equal(labels_format(r.labels, &a, LABEL_TITLE,
	    &(struct label_args){ .page = "知識項目索引", .site = "サイト" }),
	    "知識項目索引 | サイト");
	assert_string_equal(labels_format(r.labels, &a, LABEL_TITLE_HOME,
	    &(struct label_args){ .page = "P", .site = "サイト" }), "サイト");
	assert_string_equal(labels_format(r.labels, &a,
	    LABEL_TITLE_SPECIALTY, &(struct label_args){ .specialty = "分野" }),
	    "分野");
	assert_string_equal(labels_name(LABEL_SEARCH_CONTEXT),
	    "search-context");
	arena_free(&a);
	S_free(&r);
}

/* Numbers take the digits the file declares, whatever they are. */
static void
test_digits_format(void **state)
{
	char dir[] = "/tmp/skillsite-labels-XXXXXX";
	char dir2[] = "/tmp/skillsite-labels-XXXXXX";
	struct loaded_labels r;
	struct arena a;

	(void)state;
	S_load_text(&r, dir, S_edit("０１２３４５６７８９", "0123456789"));
	assert_non_null(r.labels);
	arena_init(&a);
	assert_string_equal(labels_format(r.labels, &a, LABEL_LEVEL,
	    &(struct label_args){ .n = 5 }), "レベル5");
	assert_string_equal(labels_number(r.labels, &a, 109), "109");
	arena_free(&a);
	S_free(&r);
	S_load_text(&r, dir2, S_edit("０１２３４５６７８９", "०१२३४५६७८९"));
	assert_non_null(r.labels);
	arena_init(&a);
	assert_string_equal(labels_number(r.labels, &a, 109), "१०९");
	arena_free(&a);
	S_free(&r);
}

/* A label the file lacks fails at the root element. */
static void
test_missing_label(void **state)
{
	(void)state;
	S_fails(S_edit("  <label name=\"home\">ホーム</label>\n", ""),
	    "labels.xml:6:1: error: template error: label 'home' is missing");
}

/* A label skillsite does not know fails at its element (a long name
 * shown cut short), as does one given twice. */
static void
test_unknown_label(void **state)
{
	(void)state;
	S_fails(S_edit("<label name=\"home\">", "<label name=\"homepage\">"),
	    "labels.xml:8:3: error: template error: unknown label 'homepage'");
	S_fails(S_edit("<label name=\"home\">", "<label name=\"home"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "\">"), "labels.xml:8:3: error: template error: unknown label "
	    "'homexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'\n");
	S_fails(S_edit("  <label name=\"home\">ホーム</label>\n",
	    "  <label name=\"home\">ホーム</label><label name=\"home\">家"
	    "</label>\n"), "labels.xml:8:33: error: template error: label "
	    "'home' given twice");
}

/* A placeholder the label may not use fails at its element. */
static void
test_unknown_placeholder(void **state)
{
	(void)state;
	S_fails(S_edit("{skill}（{specialty}）", "{skill}（{jobtype}）"),
	    "labels.xml:16:3: error: template error: label 'title-skill' "
	    "has no placeholder '{jobtype}'");
	S_fails(S_edit("ほか{n}分野", "ほか{count}分野"),
	    "label 'uses-more' has no placeholder '{count}'");
}

/* A brace that opens or closes nothing fails. */
static void
test_unbalanced_braces(void **state)
{
	(void)state;
	S_fails(S_edit("レベル{n}", "レベル{n"), "labels.xml:9:3: error: "
	    "template error: label 'level': a '{' that no '}' closes");
	S_fails(S_edit("レベル{n}", "レベル{{n}"), "label 'level': a '{' "
	    "that no '}' closes");
	S_fails(S_edit("レベル{n}", "レベルn}"), "label 'level': a '}' that "
	    "closes no placeholder");
}

/* The digits must be ten characters. */
static void
test_digits_wrong(void **state)
{
	(void)state;
	S_fails(S_edit("０１２３４５６７８９", "０１２３４５６７８"),
	    "labels.xml:6:1: error: template error: the root's digits must "
	    "be ten characters");
	S_fails(S_edit("０１２３４５６７８９", "０１２３４５６７８９０"),
	    "the root's digits must be ten characters");
	S_fails(S_edit(" digits=\"０１２３４５６７８９\"", ""),
	    "the root's digits must be ten characters");
}

/* Each of the ten digits is the one character of general category Nd
 * whose value is its place, all of one script: not ten zeros, not a
 * bare combining mark or a bidirectional control that counts as one
 * character, not digits mixed from two scripts or out of order. */
static void
test_digits_not_digits(void **state)
{
	static const char *const bad[] = { "0000000000", "\u0301123456789",
	    "\u202E123456789", "0123456789\u202E", "012345678\u0301",
	    "０1２3４5６7８9", "9876543210", "abcdefghij", "0123456789 ",
	    " 0123456789", "٠١٢٣٤٥٦٧٨9", "⁰¹²³⁴⁵⁶⁷⁸⁹", "①②③④⑤⑥⑦⑧⑨⑩" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		S_fails(S_edit("０１２３４５６７８９", bad[i]),
		    "labels.xml:6:1: error: template error: the root's digits "
		    "must be ten characters, the decimal digits 0 to 9 of one "
		    "script, in order");
}

/* A label is one line of visible text: trimmed of the XML white space
 * around it, it may not be empty or hold a line break, a control
 * character, a bidirectional control, an invisible character or a
 * noncharacter; each fails at the label's element. */
static void
test_label_text(void **state)
{
	static const struct { const char *text, *want; } bad[] = {
		{ "", " is empty" },
		{ " ", " is empty" },
		{ "\n    \n  ", " is empty" },
		{ "\u3000\u200B", " is empty" },
		{ "知識\n    項目索引", " holds a line break (U+000A)" },
		{ "知識\u2028項目", " holds a line break (U+2028)" },
		{ "知識\xc2\x85項目", " holds a line break (U+0085)" },
		{ "知識\t項目", " holds a control character (U+0009)" },
		{ "知識\xc2\x80項目", " holds a control character (U+0080)" },
		{ "知識\u202E項目", " holds a bidirectional control (U+202E)" },
		{ "知識\u200F", " holds a bidirectional control (U+200F)" },
		{ "知識\u200B項目", " holds an invisible character (U+200B)" },
		{ "知識\u00AD項目", " holds an invisible character (U+00AD)" },
		{ "\uFEFF知識", " holds an invisible character (U+FEFF)" },
		{ "知識\uFDD0", " holds a noncharacter (U+FDD0)" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		S_label_fails("<label name=\"knowledge\">知識項目索引</label>",
		    "knowledge", 18, bad[i].text, bad[i].want);
}

/* The XML white space around a label's text is not part of it: a label
 * written over several lines reads as one line in a breadcrumb. */
static void
test_label_trimmed(void **state)
{
	char dir[] = "/tmp/skillsite-labels-XXXXXX";
	struct loaded_labels r;
	struct arena a;

	(void)state;
	S_load_text(&r, dir, S_edit("<label name=\"knowledge\">知識項目索引"
	    "</label>", "<label name=\"knowledge\">\n    知識項目索引\r\n\t"
	    "</label>"));
	assert_non_null(r.labels);
	arena_init(&a);
	assert_string_equal(labels_format(r.labels, &a, LABEL_KNOWLEDGE,
	    NULL), "知識項目索引");
	assert_string_equal(labels_text(r.labels, LABEL_KNOWLEDGE),
	    "知識項目索引");
	arena_free(&a);
	S_free(&r);
}

/* The CSV header names as many columns as the CSV's rows have, none of
 * them empty. */
static void
test_csv_header(void **state)
{
	static const struct { const char *text, *want; } bad[] = {
		{ "a,b", " must name 18 columns, not 2" },
		{ "a", " must name 18 columns, not 1" },
		{ "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s",
		    " must name 18 columns, not 19" },
		{ "a,,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r", ": column 2 has no name" },
		{ "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,",
		    ": column 19 has no name" },
		{ ",b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r", ": column 1 has no name" },
		{ "a,b,c,d, ,f,g,h,i,j,k,l,m,n,o,p,q,r", ": column 5 has no name" },
		{ "ID ,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r", ": column 1 has white "
		    "space at an edge of its name" },
		{ "a,  職種,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r", ": column 2 has white "
		    "space at an edge of its name" },
		{ "a,b,c\u3000,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r", ": column 3 has "
		    "white space at an edge of its name" },
		{ "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r\u00A0", ": column 18 has "
		    "white space at an edge of its name" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		S_label_fails(CSV_HEADER, "csv-header", 30, bad[i].text,
		    bad[i].want);
}

/* So does the roles' CSV header, for the roles' rows. */
static void
test_csv_roles_header(void **state)
{
	static const struct { const char *text, *want; } bad[] = {
		{ "a,b", " must name 11 columns, not 2" },
		{ "a,b,c,d,e,f,g,h,i,j,k,l", " must name 11 columns, not 12" },
		{ "a,b,c,d,e,f,g,h,i,j,", ": column 11 has no name" },
		{ "a,b,c,d,e,f,g,h,i, j,k", ": column 10 has white space at "
		    "an edge of its name" },
	};
	const char *real = S_read_file(REAL), *at;
	size_t i;
	int line = 1;

	(void)state;
	assert_non_null(at = strstr(real, CSV_ROLES_HEADER));
	for (; at > real; at--)
		line += at[-1] == '\n';
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		S_label_fails(CSV_ROLES_HEADER, "csv-roles-header", line,
		    bad[i].text, bad[i].want);
	free((char *)real);
}

/* export_out's write(): appends the part to the stream ctx. */
static int
S_to_stream(void *ctx, const char *data, size_t len)
{
	return fwrite(data, 1, len, ctx) == len ? 0 : -1;
}

/* Asserts that the CSV that csv (export_csv() or export_roles_csv())
 * writes of l with header label h has one record of columns fields
 * after the header, which names as many. */
static void
S_fits(const struct loaded_labels *r, const struct loaded *l,
    int (*csv)(const struct model *, const char *, const struct export_out *),
    enum label h, size_t columns)
{
	struct export_out out = { S_to_stream, NULL };
	size_t len, fields = 1, names = 1, records = 0;
	const char *row, *p;
	char *text;
	FILE *f;

	assert_non_null(f = open_memstream(&text, &len));
	out.ctx = f;
	assert_int_equal(csv(&l->m, labels_text(r->labels, h), &out), 0);
	assert_int_equal(fclose(f), 0);
	assert_non_null(row = strstr(text, "\r\n"));
	for (p = text; (p = strstr(p, "\",\"")) != NULL && p < row; p += 3)
		names++;
	for (p = row; (p = strstr(p, "\",\"")) != NULL; p += 3)
		fields++;	/* the one row */
	for (p = text; (p = strstr(p, "\"\r\n")) != NULL; p += 3)
		records++;
	assert_int_equal(records, 2);
	assert_int_equal(names, columns);
	assert_int_equal(fields, columns);
	free(text);
}

/* The headers name one column per field of their CSV's rows. */
static void
test_csv_header_fits_rows(void **state)
{
	static const char jobtype[] = "<jobtype id=\"j\" min-level=\"3\" "
	    "max-level=\"3\"><name>n</name><skill id=\"s\" scope=\"common\">"
	    "<name>k</name><knowledge><item>i</item></knowledge></skill>"
	    "<specialty id=\"p\"><name>p</name><entry skill=\"s\"><level "
	    "value=\"3\">x</level></entry></specialty></jobtype>";
	static const char tailoring[] = "<tailoring id=\"t\" base=\"j\">"
	    "<name>t</name><role id=\"r\" specialty=\"p\"><name>r</name>"
	    "<target skill=\"s\" level=\"3\"/></role></tailoring>";
	struct loaded_labels r;
	struct loader *ld;
	struct loaded l;

	(void)state;
	S_load(&r, REAL);
	assert_non_null(r.labels);
	ld = loaded_begin(&l);
	loader_buffer(ld, "j.xml", jobtype, strlen(jobtype));
	loader_buffer(ld, "t.xml", tailoring, strlen(tailoring));
	loaded_end(&l, ld, 1);
	assert_int_equal(l.status, EXIT_OK);
	S_fits(&r, &l, export_roles_csv, LABEL_CSV_ROLES_HEADER,
	    LABEL_CSV_ROLE_COLUMNS);
	loaded_free(&l);
	load_string(&l, jobtype, 1);
	assert_int_equal(l.status, EXIT_OK);
	S_fits(&r, &l, export_csv, LABEL_CSV_HEADER, LABEL_CSV_COLUMNS);
	loaded_free(&l);
	S_free(&r);
}

/* A label holds text only: an element in it fails at the label. */
static void
test_label_holds_element(void **state)
{
	(void)state;
	S_fails(S_edit("<label name=\"home\">ホーム</label>", "<label "
	    "name=\"home\">ホ<b>ー</b>ム</label>"), "labels.xml:8:3: error: "
	    "template error: a label holds text only");
	S_fails(S_edit("<label name=\"home\">ホーム</label>", "<label "
	    "name=\"home\">ホーム<?pi x?></label>"), "labels.xml:8:3: error: "
	    "template error: a label holds text only");
}

/* Every problem of the file is reported, not only the first. */
static void
test_every_problem_reported(void **state)
{
	char dir[] = "/tmp/skillsite-labels-XXXXXX";
	struct loaded_labels r;
	char *text;

	(void)state;
	text = S_edit("<label name=\"home\">ホーム", "<label name=\"home\">"
	    "{n}");
	text = S_replace(text, "知識項目索引", " ");
	text = S_replace(text, "０１２３４５６７８９", "0000000000");
	S_load_text(&r, dir, S_replace(text, CSV_HEADER, "<label "
	    "name=\"csv-header\">a,b</label>"));
	assert_null(r.labels);
	assert_int_equal(r.l.status, EXIT_IO);
	if (strstr(r.l.text, ":6:1: error: template error: the root's "
	    "digits") == NULL || strstr(r.l.text, ":8:3: error: template "
	    "error: label 'home' has no placeholder '{n}'") == NULL ||
	    strstr(r.l.text, ":18:3: error: template error: label "
	    "'knowledge' is empty") == NULL || strstr(r.l.text, ":30:3: "
	    "error: template error: label 'csv-header' must name") == NULL)
		fail_msg("wanted four problems, got \"%s\"", r.l.text);
	S_free(&r);
}

/* A placeholder its label does not declare fails, also in a label that
 * has none. */
static void
test_undeclared_placeholder(void **state)
{
	(void)state;
	S_fails(S_edit("<label name=\"home\">ホーム", "<label name=\"home\">"
	    "ホーム{n}"), "labels.xml:8:3: error: template error: label "
	    "'home' has no placeholder '{n}'");
	S_fails(S_edit("<label name=\"title-home\">{site}", "<label "
	    "name=\"title-home\">{page}"), "labels.xml:14:3: error: "
	    "template error: label 'title-home' has no placeholder '{page}'");
	S_fails(S_edit("<label name=\"title\">{page}", "<label "
	    "name=\"title\">{specialty}"), "labels.xml:13:3: error: "
	    "template error: label 'title' has no placeholder '{specialty}'");
}

/* The root and the labels are in no namespace, and have no attribute
 * but their own (digits, name). */
static void
test_namespaces_and_attributes(void **state)
{
	(void)state;
	S_fails(S_edit("<labels ", "<labels xmlns=\"urn:x\" "),
	    "labels.xml:6:1: error: template error: the root must be "
	    "<labels>");
	S_fails(S_replace(S_edit("<labels ", "<x:labels xmlns:x=\"urn:x\" "),
	    "</labels>", "</x:labels>"), "labels.xml:6:1: error: template "
	    "error: the root must be <labels>");
	S_fails(S_edit("<label name=\"home\">", "<label xmlns=\"urn:x\" "
	    "name=\"home\">"), "labels.xml:8:3: error: template error: "
	    "unknown element <label> (in a namespace)");
	S_fails(S_edit("<label name=\"home\">ホーム</label>", "<x:label "
	    "xmlns:x=\"urn:x\" name=\"home\">ホーム</x:label>"),
	    "labels.xml:8:3: error: template error: unknown element <label> "
	    "(in a namespace)");
	S_fails(S_edit("<label name=\"home\">", "<label name=\"home\" "
	    "lang=\"en\">"), "labels.xml:8:3: error: template error: unknown "
	    "attribute 'lang' on <label>");
	S_fails(S_edit("<label name=\"home\">", "<label xml:lang=\"en\" "
	    "name=\"home\">"), "labels.xml:8:3: error: template error: "
	    "unknown attribute 'xml:lang' on <label>");
	S_fails(S_edit("<labels ", "<labels version=\"1\" "), "labels.xml:6:1: "
	    "error: template error: unknown attribute 'version' on <labels>");
}

/* An attribute in a namespace is named with its prefix, and a label
 * with a problem of its own is not also reported missing; a namespaced
 * name or digits does not stand for the plain one. */
static void
test_namespaced_attribute(void **state)
{
	char dir[] = "/tmp/skillsite-labels-XXXXXX";
	struct loaded_labels r;

	(void)state;
	S_fails(S_edit("<label name=\"home\">", "<label xmlns:f=\"urn:f\" "
	    "f:name=\"x\" name=\"home\">"), "labels.xml:8:3: error: template "
	    "error: unknown attribute 'f:name' on <label>");
	S_fails(S_edit("<labels ", "<labels xmlns:f=\"urn:f\" f:digits=\"x\" "),
	    "labels.xml:6:1: error: template error: unknown attribute "
	    "'f:digits' on <labels>");
	S_load_text(&r, dir, S_edit("<label name=\"home\">", "<label "
	    "xmlns:f=\"urn:f\" f:name=\"x\" name=\"home\">"));
	assert_null(strstr(r.l.text, "missing"));
	assert_null(strstr(r.l.text, "'name'"));
	S_free(&r);
	S_fails(S_edit("<label name=\"home\">", "<label xmlns:f=\"urn:f\" "
	    "f:name=\"home\">"), "labels.xml:8:3: error: template error: "
	    "a label without a name");
	strcpy(dir, "/tmp/skillsite-labels-XXXXXX");
	S_load_text(&r, dir, S_edit("<label name=\"home\">ホーム</label>",
	    "<label name=\"home\">ホ<b>ー</b>ム</label>"));
	assert_null(strstr(r.l.text, "missing"));
	S_free(&r);
}

/* Text or a processing instruction outside the labels fails, at the
 * element that follows it (libxml2 keeps no text's position), else at
 * the root; XML white space and comments there are fine. */
static void
test_stray_text(void **state)
{
	(void)state;
	S_fails(S_edit("  <label name=\"home\">", "  stray words <label "
	    "name=\"home\">"), "labels.xml:8:15: error: template error: text "
	    "outside the labels, just before this element");
	S_fails(S_edit("</label>\n</labels>", "</label>\nstray\n</labels>"),
	    "labels.xml:6:1: error: template error: text outside the labels, "
	    "after the last one");
	S_fails(S_edit("  <label name=\"home\">", "  <![CDATA[x]]><!-- c -->"
	    "\n  <label name=\"home\">"), "labels.xml:9:3: error: template "
	    "error: text outside the labels, just before this element");
	S_fails(S_edit("  <label name=\"home\">", "  &#x3000;<label "
	    "name=\"home\">"), "labels.xml:8:11: error: template error: text "
	    "outside the labels, just before this element");
	S_fails(S_edit("  <label name=\"home\">", "  <?pi x?><label "
	    "name=\"home\">"), "labels.xml:8:11: error: template error: a "
	    "processing instruction outside the labels, just before this "
	    "element");
}

/* Returns the line of the real file on which label name starts. */
static int
S_line_of(const char *name)
{
	char *text = S_read_file(REAL), *want, *at;
	int line = 1;

	want = xasprintf("<label name=\"%s\">", name);
	assert_non_null(at = strstr(text, want));
	for (; at > text; at--)
		line += at[-1] == '\n';
	free(want);
	free(text);
	return line;
}

/* Replaces the text of label name in the real file by text and checks
 * that it fails with want at the label. */
static void
S_text_fails(const char *name, const char *text, const char *want)
{
	char *real = S_read_file(REAL), *from, *end;

	from = xasprintf("<label name=\"%s\">", name);
	assert_non_null(end = strstr(strstr(real, from), "</label>"));
	end[strlen("</label>")] = '\0';
	S_label_fails(strstr(real, from), name, S_line_of(name), text, want);
	free(from);
	free(real);
}

/* Returns how many times want occurs in text. */
static int
S_count(const char *text, const char *want)
{
	int n = 0;

	for (; (text = strstr(text, want)) != NULL; text++)
		n++;
	return n;
}

/* A label of more than LABELS_TEXT_MAX characters fails at the label,
 * once; one of exactly that many is fine.  A placeholder used twice
 * fails, once however often it is repeated, so that a label expands to
 * its own text and one copy of each value at most. */
static void
test_label_bounded(void **state)
{
	char dir[] = "/tmp/skillsite-labels-XXXXXX";
	struct loaded_labels r;
	char *text = calloc(1, 170000 * 6 + 1), *long_text;
	int i;

	(void)state;
	assert_non_null(text);
	for (i = 0; i < LABELS_TEXT_MAX; i++)
		strcat(text, "索");
	long_text = xasprintf(">%s<", text);
	S_load_text(&r, dir, S_edit(">知識項目索引<", long_text));
	assert_non_null(r.labels);
	free(long_text);
	long_text = xasprintf("%s引", text);
	S_free(&r);
	S_text_fails("knowledge", long_text, " is longer than 256 characters");
	S_text_fails("title", "{page}{page} | {site}", " uses the placeholder "
	    "'{page}' twice");
	S_text_fails("title-skill", "{skill}（{specialty}）{skill}", " uses "
	    "the placeholder '{skill}' twice");
	S_text_fails("level", "{n}{n}", " uses the placeholder '{n}' twice");
	for (*text = '\0', i = 0; i < 170000; i++)
		memcpy(text + (size_t)i * 6, "{page}", 7);
	S_text_fails("title", text, " is longer than 256 characters");
	strcpy(dir, "/tmp/skillsite-labels-XXXXXX");
	S_load_text(&r, dir, S_edit("{page} | {site}", text));
	assert_int_equal(S_count(r.l.text, "labels.xml:"), 1);
	S_free(&r);
	text[6 * 40] = '\0';
	strcpy(dir, "/tmp/skillsite-labels-XXXXXX");
	S_load_text(&r, dir, S_edit("{page} | {site}", text));
	assert_non_null(strstr(r.l.text, "'{page}' twice"));
	assert_int_equal(S_count(r.l.text, "labels.xml:"), 1);
	S_free(&r);
	free(long_text);
	free(text);
}

/* Each label that must use a placeholder, what tells its pages or items
 * apart, fails without it, at the label. */
static void
test_required_placeholders(void **state)
{
	static const struct { const char *name, *text, *arg; } bad[] = {
		{ "level", "レベル", "n" },
		{ "level-short", "x", "n" },
		{ "level-range", "{to}", "from" },
		{ "level-range", "{from}", "to" },
		{ "levels-defined", "レベル", "levels" },
		{ "assess-gap", "（段階）", "n" },
		{ "uses-more", "ほか", "n" },
		{ "title", "{site}", "page" },
		{ "title-home", "ホーム", "site" },
		{ "title-specialty", "分野", "specialty" },
		{ "title-handbook", "ハンドブック", "specialty" },
		{ "title-assessment", "自己評価シート", "specialty" },
		{ "title-skill", "{specialty}", "skill" },
		{ "title-skill", "{skill}", "specialty" },
		{ "title-compare", "比較", "skill" },
		{ "legend-current", "現在", "skill" },
		{ "legend-target", "目標", "skill" },
		{ "title-level", "{specialty}", "level" },
		{ "title-level", "{level}", "specialty" },
		{ "search-context", "{specialty}", "jobtype" },
		{ "search-context", "{jobtype}", "specialty" },
	};
	size_t i;
	char *want;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		want = xasprintf(" must use the placeholder '{%s}'",
		    bad[i].arg);
		S_text_fails(bad[i].name, bad[i].text, want);
		free(want);
	}
}

/* Labels that name different kinds of page or item may not read the
 * same: the later one fails, naming the earlier. */
static void
test_labels_that_must_differ(void **state)
{
	(void)state;
	S_text_fails("title-handbook", "{specialty}", " reads as label "
	    "'title-specialty' does");
	S_text_fails("title-assessment", "{specialty}", " reads as label "
	    "'title-specialty' does");
	S_text_fails("scope-specific", "職種共通スキル項目", " reads as label "
	    "'scope-common' does");
	S_text_fails("legend-target", "{skill}の現在のレベル", " reads as label "
	    "'legend-current' does");
}

/* templates/README.md's table of the labels is what labels.c writes. */
static void
test_readme_is_written_from_the_labels(void **state)
{
	char *readme = S_read_file("templates/README.md");
	char *written = labels_readme(readme);

	(void)state;
	assert_non_null(written);
	if (strcmp(written, readme) != 0)
		fail_msg("templates/README.md's Labels section differs from "
		    "generator/labels.c: run \"make fields-doc\"");
	free(written);
	free(readme);
	assert_null(labels_readme("# t\n\n## Labels\n\nno table\n"));
	assert_null(labels_readme("# t\n\n" LABELS_README_MARK "\n"));
}

/* Returns whether file dir/name holds want. */
static int
S_file_has(const char *dir, const char *name, const char *want)
{
	char *path = xpath_join(dir, name), *text = S_read_file(path);
	int has = strstr(text, want) != NULL;

	if (!has)
		fprintf(stderr, "%s lacks \"%s\"\n", path, want);
	free(text);
	free(path);
	return has;
}

/* The pages' titles and headings come from the labels: with other words
 * for title, title-home and title-specialty, the built site has them. */
static void
test_titles_from_labels(void **state)
{
	char dir[] = "/tmp/skillsite-titles-XXXXXX";
	char *tdir, *out, *cmd, *text;
	char *argv[] = { "skillsite", "build", "-t", NULL, "-o", NULL,
	    "tests/site/content" };
	struct capture o, e;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	tdir = xpath_join(dir, "templates");
	cmd = xasprintf("cp -r templates '%s'", tdir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	text = S_edit("{page} | {site}", "{page} - {site}");
	text = S_replace(text, ">{site}<", ">HOME {site}<");
	text = S_replace(text, ">{specialty}<", ">SP {specialty}<");
	argv[3] = xpath_join(tdir, "labels.xml");
	assert_non_null(f = fopen(argv[3], "wb"));
	assert_true(fputs(text, f) >= 0);
	fclose(f);
	free(text);
	free(argv[3]);
	argv[3] = tdir;
	argv[5] = out = xpath_join(dir, "out");
	capture_open(&o);
	capture_open(&e);
	if (skillsite_main(7, argv, o.f, e.f) != 0)
		fail_msg("build failed: %s", capture_close(&e));
	capture_close(&o);
	capture_close(&e);
	assert_true(S_file_has(out, "index.html", "<title>HOME 試験用 "
	    "\"標準\" &lt;&amp;&gt;</title>"));
	assert_true(S_file_has(out, "jt/beta.html", "<title>SP 専門Ｂ - 試験用 "
	    "\"標準\" &lt;&amp;&gt;</title>"));
	assert_true(S_file_has(out, "jt/beta.html", "<h1>SP 専門Ｂ</h1>"));
	assert_true(S_file_has(out, "jt/knowledge.html", "<title>知識項目索引 "
	    "- 試験用"));
	capture_free(&o);
	capture_free(&e);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(out);
	free(tdir);
}

/* A file that is not well-formed fails at libxml2's line and column. */
static void
test_not_well_formed(void **state)
{
	(void)state;
	S_fails(S_edit("</labels>", "</label>"), "labels.xml:116:9: error: template error: not well-formed XML");
	S_fails(S_edit("<labels ", "<!DOCTYPE labels>\n<labels "),
	    "the root must be <labels>, with no DOCTYPE");
	S_fails(S_edit("<label name=\"home\">ホーム</label>", "<x:label "
	    "name=\"home\">ホーム</x:label>"), "labels.xml:8:");
	S_fails(S_edit("<label name=\"home\">ホーム</label>", "<x:label "
	    "name=\"home\">ホーム</x:label>"), "error: template error: not "
	    "namespace-well-formed XML: ");
}

/* A start tag with more attributes than any file needs is refused at
 * its '<' before libxml2 2.9.14 spends quadratic time on it. */
static void
test_crowded_tag(void **state)
{
	char *text = malloc(60000 * 10 + 64);
	size_t i;

	(void)state;
	assert_non_null(text);
	strcpy(text, "<label name=\"home\"");
	for (i = 0; i < 60000; i++)
		sprintf(text + strlen(text), " a%zu=\"\"", i);
	strcat(text, ">ホーム</label>");
	alarm(10);
	S_fails(S_edit("<label name=\"home\">ホーム</label>", text),
	    "labels.xml:8:3: error: template error: more than 64 attributes "
	    "on one element");
	alarm(0);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_file),
		cmocka_unit_test(test_digits_format),
		cmocka_unit_test(test_missing_label),
		cmocka_unit_test(test_unknown_label),
		cmocka_unit_test(test_unknown_placeholder),
		cmocka_unit_test(test_unbalanced_braces),
		cmocka_unit_test(test_digits_wrong),
		cmocka_unit_test(test_digits_not_digits),
		cmocka_unit_test(test_label_text),
		cmocka_unit_test(test_label_trimmed),
		cmocka_unit_test(test_csv_header),
		cmocka_unit_test(test_csv_roles_header),
		cmocka_unit_test(test_csv_header_fits_rows),
		cmocka_unit_test(test_label_holds_element),
		cmocka_unit_test(test_every_problem_reported),
		cmocka_unit_test(test_undeclared_placeholder),
		cmocka_unit_test(test_namespaces_and_attributes),
		cmocka_unit_test(test_namespaced_attribute),
		cmocka_unit_test(test_stray_text),
		cmocka_unit_test(test_label_bounded),
		cmocka_unit_test(test_required_placeholders),
		cmocka_unit_test(test_labels_that_must_differ),
		cmocka_unit_test(test_readme_is_written_from_the_labels),
		cmocka_unit_test(test_titles_from_labels),
		cmocka_unit_test(test_not_well_formed),
		cmocka_unit_test(test_crowded_tag),
	};

	return cmocka_run_group_tests_name("labels", tests, NULL, NULL);
}
