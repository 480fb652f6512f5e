/* test_markdown.c: the Markdown policy: nesting measured on cmark's tree,
 * characters that numeric references make, some text to show; what it
 * accepts renders. */
#include "helpers.h"

#include <libxml/parser.h>
#include <unistr.h>

#include "markdown.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_depth_is_structure),
		cmocka_unit_test(test_references_to_forbidden_characters),
		cmocka_unit_test(test_shows_some_text),
		cmocka_unit_test(test_accepted_renders_as_xml),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
