/* test_markdown.c: the Markdown policy: nesting measured on cmark's tree,
 * characters that numeric references make, some text to show; what it
 * accepts renders; the one visitor of every Markdown field and the
 * table that parses each once. */
#include "helpers.h"

#include <libxml/parser.h>
#include <unistr.h>

#include "markdown.h"
#include "template.h"

/* Returns the diagnostics md_check() gives md at t.xml:1:1, in a static
 * buffer ("" when it accepts md). */
static const char *
check(const char *md)
{
	static char out[1024];
	struct capture c;
	struct diag d;
	struct pos pos = { 0, 1, 1 };

	capture_open(&c);
	diag_init(&d, c.f);
	pos.file = diag_add_file(&d, "t.xml");
	md_check(md, &pos, &d);
	diag_flush(&d);
	diag_free(&d);
	snprintf(out, sizeof(out), "%s", capture_close(&c));
	capture_free(&c);
	return out;
}

/* Returns a malloc'd string of n copies of s followed by tail. */
static char *
repeat(const char *s, size_t n, const char *tail)
{
	size_t len = strlen(s), i;
	char *r = malloc(len * n + strlen(tail) + 1);

	assert_non_null(r);
	for (i = 0; i < n; i++)
		memcpy(r + i * len, s, len);
	strcpy(r + len * n, tail);
	return r;
}

/* Returns n emphases nested in each other, alternating * and _, around
 * inner, malloc'd. */
static char *
emphases(size_t n, const char *inner)
{
	char *r = malloc(n * 6 + strlen(inner) + 1), *p = r;
	size_t i;

	assert_non_null(r);
	for (i = 0; i < n; i++)
		p += sprintf(p, "%ca ", i % 2 ? '_' : '*');
	p += sprintf(p, "%s", inner);
	for (i = n; i-- > 0;)
		p += sprintf(p, " b%c", i % 2 ? '_' : '*');
	return r;
}

#define DEEP(n) "skillsite: t.xml:1:1: error: Markdown nested too deeply: " \
	"nests " #n " deep; the limit is 16\n"

/* Asserts that md nests depth deep by the policy's measure (depth 0: it
 * is accepted); frees md. */
static void
expect_depth(char *md, const char *expected)
{
	assert_string_equal(check(md), expected);
	free(md);
}

static void
test_depth_is_structure(void **state)
{
	(void)state;
	expect_depth(repeat("- ", 16, "x"), "");
	expect_depth(repeat("- ", 17, "x"), DEEP(17));
	/* markers followed by tabs, not spaces */
	expect_depth(repeat("-\t", 20, "x"), DEEP(20));
	expect_depth(repeat(">\t", 17, "x"), DEEP(17));
	expect_depth(repeat("1. ", 17, "x"), DEEP(17));
	expect_depth(repeat("- > ", 9, "x"), DEEP(18));
	/* inlines count too */
	expect_depth(emphases(16, "x"), "");
	expect_depth(emphases(17, "x"), DEEP(17));
	expect_depth(emphases(16, "[a](https://b/)"), DEEP(17));
	expect_depth(emphases(15, "[a](https://b/)"), "");
	/* brackets that make no link are text */
	expect_depth(repeat("[", 40, "x"), "");
	/* the whole 16 KiB a field may hold, in one linear walk */
	expect_depth(repeat("-\t", 8191, "x"), DEEP(8191));
}

#define BADCHAR "skillsite: t.xml:1:1: error: character not allowed (a " \
	"control character, a noncharacter or not UTF-8): "

static void
test_references_to_forbidden_characters(void **state)
{
	(void)state;
	/* cmark writes these two as the bytes FE and FF */
	assert_string_equal(check("&#xFFFE;"), BADCHAR "U+FFFE\n");
	assert_string_equal(check("&#xffff;"), BADCHAR "U+FFFF\n");
	assert_string_equal(check("&#65534;"), BADCHAR "U+FFFE\n");
	assert_string_equal(check("[a](https://b \"&#xFFFF;\")"),
	    BADCHAR "U+FFFF\n");
	/* the other noncharacters are UTF-8, but not text */
	assert_string_equal(check("&#xFDD0;"), BADCHAR "U+FDD0\n");
	assert_string_equal(check("x\xef\xb7\xaf"), BADCHAR "U+FDEF\n");
	assert_string_equal(check("&#x1FFFF;"), BADCHAR "U+1FFFF\n");
	assert_string_equal(check("&#x10FFFE;"), BADCHAR "U+10FFFE\n");
	assert_string_equal(check("&#1;"), BADCHAR "U+0001\n");
	assert_string_equal(check("&#x1f;"), BADCHAR "U+001F\n");
}

#define NOTEXT "skillsite: t.xml:1:1: error: empty text: Markdown that " \
	"shows no text\n"

static void
test_shows_some_text(void **state)
{
	(void)state;
	assert_string_equal(check("\u3000"), NOTEXT);
	assert_string_equal(check("&nbsp;&#x200B;&#xFEFF;"), NOTEXT);
	assert_string_equal(check("***"), NOTEXT);
	assert_string_equal(check("- > [](https://a/)"), NOTEXT);
	assert_string_equal(check("\u3000記述"), "");
	assert_string_equal(check("`x`"), "");
	assert_string_equal(check("    code"), "");
	/* a field over a cap, which the loader has reported, is not parsed */
	assert_string_equal(check(""), "");
}

/* A line break between two wide characters is not a space in Japanese:
 * it goes from the HTML and the plain text; beside ASCII or in Korean
 * it stays. */
static void
test_joins_wide_lines(void **state)
{
	static const struct {
		const char *md, *html, *plain;
	} cases[] = {
		{ "\u71df\u3092\u3001\n\u8077\u7a2e", "<p>\u71df\u3092\u3001\u8077\u7a2e</p>\n",
		    "\u71df\u3092\u3001\u8077\u7a2e" },
		{ "*\u5f37\u8abf*\n\u6b21", "<p><em>\u5f37\u8abf</em>\u6b21</p>\n",
		    "\u5f37\u8abf\u6b21" },
		{ "\u8a9e\n`\u30b3\u30fc\u30c9`", "<p>\u8a9e<code>\u30b3\u30fc\u30c9</code></p>\n",
		    "\u8a9e\u30b3\u30fc\u30c9" },
		{ "ITSS\n\u8077\u7a2e", "<p>ITSS\n\u8077\u7a2e</p>\n", "ITSS\n\u8077\u7a2e" },
		{ "\u8077\u7a2e\nIT", "<p>\u8077\u7a2e\nIT</p>\n", "\u8077\u7a2e\nIT" },
		{ "a\nb", "<p>a\nb</p>\n", "a\nb" },
		{ "\u8a9e  \n\u8a9e", "<p>\u8a9e<br />\n\u8a9e</p>\n", "\u8a9e\n\u8a9e" },
		/* half-width katakana joins; Korean keeps its space */
		{ "\uff71\uff72\n\uff73", "<p>\uff71\uff72\uff73</p>\n",
		    "\uff71\uff72\uff73" },
		{ "\ud55c\uad6d\n\uc5b4", "<p>\ud55c\uad6d\n\uc5b4</p>\n",
		    "\ud55c\uad6d\n\uc5b4" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *html = md_to_html(cases[i].md);
		char *plain = md_plain_text(cases[i].md);

		assert_string_equal(html, cases[i].html);
		assert_string_equal(plain, cases[i].plain);
		free(html);
		free(plain);
	}
}

/* Markdown that md_check() accepts: references cmark replaces with
 * U+FFFD or leaves as text, and the largest nesting. */
static const char *const ACCEPTED[] = {
	"&#0; &#xD800; &#xDFFF; &#x110000; &#99999999; &#xFFFD;",
	"&#x10FFFD; &#x85; &#x7F; &#9; &amp; &nbsp;",
	"[a](https://b/&#xFFFE;) `&#xFFFF;`",
	"- - - - - - - - - - - - - - - - x",
	"> > > > > > > > > > > > > > > > x",
};

static void
test_accepted_renders_as_xml(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ACCEPTED) / sizeof(*ACCEPTED); i++) {
		char *html = md_to_html(ACCEPTED[i]), *doc;
		xmlDoc *x;

		assert_string_equal(check(ACCEPTED[i]), "");
		assert_null(u8_check((const uint8_t *)html, strlen(html)));
		doc = malloc(strlen(html) + 12);
		assert_non_null(doc);
		sprintf(doc, "<div>%s</div>", html);
		x = xmlReadMemory(doc, (int)strlen(doc), "t.html", "UTF-8",
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		assert_non_null(x);
		xmlFreeDoc(x);
		free(doc);
		free(html);
	}
}

/* cmark's output goes in as it is, unless a link needs marking; then
 * libxml2 has parsed it, so it is well-formed. */
static void
test_fragments(void **state)
{
	struct fragment *plain = fragment_new("<p>a &amp; &quot;b&quot;</p>\n");
	struct fragment *broken = fragment_new("<p><a href=\"x\">unclosed</p>");
	struct fragment *empty = fragment_new("");

	(void)state;
	assert_non_null(plain);
	assert_null(broken);
	assert_non_null(empty);
	fragment_free(plain);
	fragment_free(empty);
}

/* A framework, a job type and a tailoring of it with a Markdown field of
 * every kind, each
 * text naming its kind: a new kind of field must be added here. */
#define EVERY_FIELD_FRAMEWORK \
	"<framework id=\"f\"><name>枠組み</name>" \
	"<summary>summary *text*</summary>" \
	"<editorial-note>framework note</editorial-note></framework>"
#define EVERY_FIELD_JOBTYPE \
	"<jobtype id=\"jt\" min-level=\"3\" max-level=\"4\"><name>職種</name>" \
	"<annotation>annotation</annotation>" \
	"<editorial-note>jobtype note</editorial-note>" \
	"<skill id=\"k\" scope=\"common\"><name>共通</name>" \
	"<knowledge><item>項目</item></knowledge>" \
	"<editorial-note>skill note</editorial-note></skill>" \
	"<specialty id=\"sp\"><name>専門分野</name>" \
	"<editorial-note>specialty note</editorial-note>" \
	"<entry skill=\"k\"><level value=\"3\">level *three*</level>" \
	"<level value=\"4\"/>" \
	"<editorial-note>entry note</editorial-note></entry>" \
	"</specialty></jobtype>"
#define EVERY_FIELD_TAILORING \
	"<tailoring id=\"t\" base=\"jt\"><name>社内</name>" \
	"<summary>tailoring summary</summary>" \
	"<editorial-note>tailoring note</editorial-note>" \
	"<skill id=\"c\" specialty=\"sp\"><name>社内スキル</name>" \
	"<knowledge><item>社内項目</item></knowledge>" \
	"<level value=\"3\">company level</level>" \
	"<editorial-note>company skill note</editorial-note></skill>" \
	"<level skill=\"k\" value=\"3\"><meaning>meaning</meaning>" \
	"<evidence>evidence</evidence></level>" \
	"<role id=\"r\" specialty=\"sp\"><name>役割</name>" \
	"<description>role description</description>" \
	"<target skill=\"k\" level=\"3\"/></role>" \
	"<resource skill=\"k\" level=\"3\" kind=\"book\" " \
	"href=\"https://example.com/r?a=1&amp;b=2\"><title>resource &lt;title&gt;" \
	"</title></resource></tailoring>"

/* The texts of every field of the kind, in the order the visitor gives
 * them. */
static const char *const EVERY_FIELD[MD_FIELD__COUNT] = {
	"summary *text*", "framework note", "annotation", "jobtype note",
	"skill note", "specialty note", "entry note", "level *three*",
	"tailoring summary", "tailoring note", "company skill note",
	"company level", "meaning", "evidence", "role description",
	"resource <title>",
};

/* Loads and resolves the model with every kind of field into l. */
static void
load_every_field(struct loaded *l)
{
	struct loader *ld = loaded_begin(l);

	loader_buffer(ld, "f.xml", EVERY_FIELD_FRAMEWORK,
	    strlen(EVERY_FIELD_FRAMEWORK));
	loader_buffer(ld, "t.xml", EVERY_FIELD_JOBTYPE,
	    strlen(EVERY_FIELD_JOBTYPE));
	loader_buffer(ld, "u.xml", EVERY_FIELD_TAILORING,
	    strlen(EVERY_FIELD_TAILORING));
	loaded_end(l, ld, 1);
	assert_int_equal(l->status, EXIT_OK);
}

/* What the visitor handed over. */
struct visited {
	const char		*text[16];
	enum md_field_kind	 kind[16];
	size_t			 n;
};

/* md_field_fn: records f. */
static void
record(void *ctx, const struct md_field *f)
{
	struct visited *v = ctx;

	assert_true(v->n < 16);
	assert_non_null(f->text);
	assert_non_null(f->pos);
	assert_true(f->pos->line > 0);
	assert_non_null(f->owner);
	assert_true((f->jt == NULL) == (f->kind == MD_FRAMEWORK_SUMMARY ||
	    f->kind == MD_FRAMEWORK_NOTE || f->kind >= MD_TAILORING_SUMMARY));
	v->text[v->n] = f->text;
	v->kind[v->n++] = f->kind;
}

/* Every field of every kind is visited once, in the documented order;
 * absent ones (an empty level) are not. */
static void
test_visitor_sees_every_field(void **state)
{
	struct visited v;
	struct loaded l;
	size_t i;

	(void)state;
	load_every_field(&l);
	memset(&v, 0, sizeof(v));
	model_each_markdown(&l.m, record, &v);
	assert_int_equal(v.n, MD_FIELD__COUNT);
	for (i = 0; i < MD_FIELD__COUNT; i++) {
		assert_int_equal(v.kind[i], i);
		assert_string_equal(v.text[i], EVERY_FIELD[i]);
	}
	loaded_free(&l);
}

/* md_prepare() keeps each field once: its fragment and its plain text,
 * the same for every call, as md_plain_text() gives it; NULL for a
 * string that is no field of the model. */
static void
test_table_has_every_field(void **state)
{
	struct visited v;
	struct md_table *t;
	struct loaded l;
	struct capture c;
	struct diag d;
	size_t i;

	(void)state;
	load_every_field(&l);
	memset(&v, 0, sizeof(v));
	model_each_markdown(&l.m, record, &v);
	capture_open(&c);
	diag_fork(&d, &l.d);	/* l's files */
	d.out = c.f;
	t = md_prepare(&l.m, 2, 1, &d);
	assert_int_equal(diag_status(&d), EXIT_OK);
	for (i = 0; i < v.n; i++) {	/* a link's title: plain text */
		char *plain = v.kind[i] == MD_RESOURCE_LINK ?
		    strdup(v.text[i]) : md_plain_text(v.text[i]);

		assert_non_null(md_fragment(t, v.text[i]));
		assert_ptr_equal(md_fragment(t, v.text[i]),
		    md_fragment(t, v.text[i]));
		assert_string_equal(md_plain(t, v.text[i]), plain);
		free(plain);
	}
	assert_string_equal(md_plain(t, v.text[7]), "level three");
	/* plain text the same as the source is not copied */
	assert_ptr_equal(md_plain(t, v.text[2]), v.text[2]);
	assert_non_null(md_fragment(t, NULL));
	assert_null(md_fragment(t, "level *three*"));	/* a copy */
	assert_null(md_plain(t, "level *three*"));
	/* a copy is not a field: known neither for HTML nor for text */
	assert_false(md_known(t, "level *three*"));
	assert_false(md_known(t, NULL));
	assert_true(md_known(t, v.text[7]));
	md_report_unknown(&d);
	assert_int_equal(diag_status(&d), EXIT_IO);
	md_table_free(t);
	diag_flush(&d);
	diag_free(&d);
	capture_close(&c);
	capture_free(&c);
	loaded_free(&l);
}

/* Of a tailored job type, the visitor hands over the standard's texts,
 * those a tailoring hides too (the tailoring report shows them), each
 * once, and the table keeps them. */
static void
test_hidden_fields_visited(void **state)
{
	static const char jt[] = "<jobtype id=\"jt\" min-level=\"3\" "
	    "max-level=\"4\"><name>n</name>"
	    "<skill id=\"k\" scope=\"common\"><name>k</name>"
	    "<knowledge><item>i</item></knowledge></skill>"
	    "<skill id=\"h\" scope=\"specific\"><name>h</name>"
	    "<knowledge><item>i</item></knowledge>"
	    "<editorial-note>hidden note</editorial-note></skill>"
	    "<specialty id=\"sp\"><name>s</name>"
	    "<entry skill=\"k\"><level value=\"3\">shown</level>"
	    "<level value=\"4\">hidden level</level></entry>"
	    "<entry skill=\"h\"><level value=\"3\">hidden entry</level>"
	    "<level value=\"4\"/></entry></specialty></jobtype>";
	static const char tl[] = "<tailoring id=\"t\" base=\"jt\">"
	    "<name>t</name><hide skill=\"k\" level=\"4\"/>"
	    "<hide skill=\"h\"/></tailoring>";
	static const char *const want[] = { "hidden note", "shown",
	    "hidden level", "hidden entry" };
	struct visited v;
	struct md_table *t;
	struct loaded l;
	struct loader *ld = loaded_begin(&l);
	struct diag d;
	size_t i;

	(void)state;
	loader_buffer(ld, "t.xml", jt, strlen(jt));
	loader_buffer(ld, "u.xml", tl, strlen(tl));
	loaded_end(&l, ld, 1);
	assert_int_equal(l.status, EXIT_OK);
	assert_non_null(l.m.jobtypes[0].standard);
	assert_null(entry_level_text(&l.m.jobtypes[0].specialties[0].entries[0],
	    4));
	memset(&v, 0, sizeof(v));
	model_each_markdown(&l.m, record, &v);
	assert_int_equal(v.n, 4);
	diag_fork(&d, &l.d);
	t = md_prepare(&l.m, 1, 1, &d);
	for (i = 0; i < v.n; i++) {
		assert_string_equal(v.text[i], want[i]);
		assert_non_null(md_fragment(t, v.text[i]));
	}
	md_table_free(t);
	diag_free(&d);
	loaded_free(&l);
}

/* Returns what md_prepare() reports for the model of l on nthreads,
 * keeping the table or not, malloc'd. */
static char *
prepare_report(struct loaded *l, unsigned nthreads, int keep)
{
	struct capture c;
	struct diag d;
	char *out;

	capture_open(&c);
	diag_fork(&d, &l->d);	/* l's files */
	d.out = c.f;
	md_table_free(md_prepare(&l->m, nthreads, keep, &d));
	diag_flush(&d);
	diag_free(&d);
	out = strdup(capture_close(&c));
	capture_free(&c);
	assert_non_null(out);
	return out;
}

/* The policy sees every field through the visitor: a flaw in each kind
 * is reported at its field, the same whether the table is kept and
 * whatever the threads. */
static void
test_policy_in_every_field(void **state)
{
	static const char fw[] = "<framework id=\"f\"><name>n</name>"
	    "<summary>![a](https://x/s.png)</summary>"
	    "<editorial-note>&lt;b&gt;fn&lt;/b&gt;</editorial-note></framework>";
	static const char jt[] = "<jobtype id=\"jt\" min-level=\"3\" "
	    "max-level=\"3\"><name>n</name>"
	    "<annotation>[a](x.html)</annotation>"
	    "<editorial-note>[b](y.html)</editorial-note>"
	    "<skill id=\"k\" scope=\"common\"><name>k</name>"
	    "<knowledge><item>i</item></knowledge>"
	    "<editorial-note>[c](z.html)</editorial-note></skill>"
	    "<specialty id=\"sp\"><name>n</name>"
	    "<editorial-note>&lt;i&gt;sp&lt;/i&gt;</editorial-note>"
	    "<entry skill=\"k\"><level value=\"3\">&amp;#1;</level>"
	    "<editorial-note>[d](ftp://h/)</editorial-note></entry>"
	    "</specialty></jobtype>";
	struct loaded l;
	struct loader *ld;
	char *one, *kept, *two;

	(void)state;
	ld = loaded_begin(&l);
	loader_buffer(ld, "f.xml", fw, strlen(fw));
	loader_buffer(ld, "t.xml", jt, strlen(jt));
	loaded_end(&l, ld, 1);
	assert_int_equal(l.status, EXIT_OK);
	one = prepare_report(&l, 1, 0);
	kept = prepare_report(&l, 1, 1);
	two = prepare_report(&l, 2, 1);
	assert_string_equal(one, kept);
	assert_string_equal(one, two);
	assert_non_null(strstr(one, "f.xml:1:"));
	assert_non_null(strstr(one, "images are not supported"));
	assert_non_null(strstr(one, "<b>"));
	assert_non_null(strstr(one, "x.html"));
	assert_non_null(strstr(one, "y.html"));
	assert_non_null(strstr(one, "z.html"));
	assert_non_null(strstr(one, "<i>"));
	assert_non_null(strstr(one, "U+0001"));
	assert_non_null(strstr(one, "ftp://h/"));
	free(one);
	free(kept);
	free(two);
	loaded_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_depth_is_structure),
		cmocka_unit_test(test_references_to_forbidden_characters),
		cmocka_unit_test(test_shows_some_text),
		cmocka_unit_test(test_accepted_renders_as_xml),
		cmocka_unit_test(test_visitor_sees_every_field),
		cmocka_unit_test(test_table_has_every_field),
		cmocka_unit_test(test_hidden_fields_visited),
		cmocka_unit_test(test_policy_in_every_field),
		cmocka_unit_test(test_fragments),
		cmocka_unit_test(test_joins_wide_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
