/* test_template.c: the template engine: escaping, directives, errors. */
#include "helpers.h"

#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "template.h"
#include "template_private.h"
#include "xmlread.h"

#define HEAD "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n"

#define TEMPLATE_CSP_TEXT "default-src 'none'; style-src 'self'; " \
	"img-src 'self'; font-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'"
#define CSP_META(directive) "<meta http-equiv=\"Content-Security-Policy\" " \
	"content=\"" TEMPLATE_CSP_TEXT "\"" directive "/>"

static const char LAYOUT[] = HEAD
    "<head><title data-text=\"title\">t</title></head>\n"
    "<body><main data-content=\"\">sample</main></body>\n</html>\n";

/* A rendering: its output and diagnostics. */
struct result {
	char		*html;
	const char	*err;
	struct loaded	 l;
};

/* Renders the page template body (inside <main data-page>) with the
 * fields of s into r, in the layout layout_text, as a page two folders
 * below the site's root. */
static void
render_in(struct result *r, const char *layout_text, const char *body,
    const struct scope *s)
{
	char page[4096];
	char *lp = write_temp(layout_text), *pp;
	struct template *layout, *tp;
	size_t len;

	snprintf(page, sizeof(page), HEAD "<body><p>chrome</p><main "
	    "data-page=\"\">%s</main></body>\n</html>\n", body);
	pp = write_temp(page);
	model_init(&r->l.m);
	capture_open(&r->l.err);
	diag_init(&r->l.d, r->l.err.f);
	layout = template_load(lp, &r->l.d);
	tp = template_load(pp, &r->l.d);
	r->html = layout && tp ? template_render(layout, tp, 2, s, &r->l.d,
	    &len) : NULL;
	template_free(layout);
	template_free(tp);
	diag_flush(&r->l.d);
	r->err = capture_close(&r->l.err);
	unlink(lp);
	unlink(pp);
	free(lp);
	free(pp);
}

/* Renders body with the fields of s into r, in LAYOUT. */
static void
render(struct result *r, const char *body, const struct scope *s)
{
	render_in(r, LAYOUT, body, s);
}

static void
result_free(struct result *r)
{
	free(r->html);
	loaded_free(&r->l);
}

/* Returns the text of r->html between "<main>" and "</main>". */
static const char *
main_of(struct result *r)
{
	char *start, *end;

	assert_non_null(r->html);
	start = strstr(r->html, "<main>");
	end = strstr(r->html, "</main>");
	assert_non_null(start);
	assert_non_null(end);
	*end = '\0';
	return start + strlen("<main>");
}

/* Returns a new page scope in a (initialized here) with its title set. */
static struct scope *
page_scope(struct arena *a)
{
	struct scope *s;

	arena_init(a);
	s = scope_new(a, NULL);
	scope_text(s, "title", "T");
	return s;
}

static void
test_text_and_attributes_are_escaped(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_text(s, "x", "<b>&\"'</b>");
	render(&r, "<p data-text=\"x\">sample</p><a data-attr-href=\"x\" "
	    "data-attr-title=\"x\">l</a>", s);
	assert_string_equal(main_of(&r), "<p>&lt;b&gt;&amp;\"'&lt;/b&gt;</p>"
	    "<a href=\"&lt;b&gt;&amp;&quot;'&lt;/b&gt;\" "
	    "title=\"&lt;b&gt;&amp;&quot;'&lt;/b&gt;\">l</a>");
	assert_string_equal(r.err, "");
	assert_true(strncmp(r.html, "<!DOCTYPE html>\n<html", 21) == 0);
	result_free(&r);
	arena_free(&a);
}

/* data-attr-data-NAME sets attribute data-NAME, which stays in the page
 * (it was once removed with the directives). */
static void
test_data_attributes_can_be_set(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_text(s, "x", "a&b");
	render(&r, "<p data-attr-data-href=\"x\" data-text=\"x\">s</p>", s);
	assert_string_equal(main_of(&r), "<p data-href=\"a&amp;b\">a&amp;b</p>");
	assert_string_equal(r.err, "");
	result_free(&r);
	arena_free(&a);
}

/* ... but not an attribute that is itself a directive. */
static void
test_data_attributes_cannot_make_directives(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_text(s, "x", "y");
	render(&r, "<p data-attr-data-text=\"x\">s</p>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, "unknown directive 'data-attr-data-text'"));
	result_free(&r);
	arena_free(&a);
}

static void
test_repetition_and_conditionals(void **state)
{
	struct arena a;
	struct scope *s, *it;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_text(s, "sep", "-");
	it = scope_item(s, "items");
	scope_text(it, "name", "一");
	scope_flag(it, "on", 1);
	it = scope_item(s, "items");
	scope_text(it, "name", "二");
	scope_flag(it, "on", 0);
	scope_list(s, "none");
	render(&r, "<ul><li data-each=\"items\"><span data-text=\"name\"/>"
	    "<i data-if=\"on\" data-text=\"sep\"/><b data-unless=\"on\">x</b>"
	    "</li></ul><ol data-if=\"none\"><li>never</li></ol>"
	    "<p data-unless=\"none\">empty</p>", s);
	assert_string_equal(main_of(&r), "<ul><li><span>一</span><i>-</i></li>"
	    "<li><span>二</span><b>x</b></li></ul><p>empty</p>");
	result_free(&r);
	arena_free(&a);
}

/* The templates' indentation is written as one line break, but where
 * white space shows (and in SVG, which drops line breaks); a block left
 * out takes the line break before it. */
static void
test_indentation_is_one_line_break(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_text(scope_item(s, "items"), "name", "一");
	scope_text(scope_item(s, "items"), "name", "二");
	scope_list(s, "none");
	render(&r, "\n  <ul>\n    <li data-each=\"items\" data-text=\"name\">x"
	    "</li>\n  </ul>\n  <p data-if=\"none\">never</p>\n  <ol>\n"
	    "    <li data-each=\"none\">x</li>\n  </ol>\n"
	    "  <pre>  a\n    b  </pre>\n  <p>one \n\t two <b>x</b> y\n"
	    "  <i>z</i></p>\n<textarea>\n  t\n</textarea><span "
	    "xml:space=\"preserve\">\n  kept <b>\n  too</b></span><a>1</a>\n"
	    "  <i data-if=\"none\">gone</i><b>2</b>\n<svg xmlns=\""
	    "http://www.w3.org/2000/svg\"><text>a\n  b</text></svg>\n", s);
	assert_string_equal(main_of(&r), "\n<ul>\n<li>一</li>\n<li>二</li>\n"
	    "</ul>\n<ol>\n</ol>\n<pre>  a\n    b  </pre>\n<p>one\ntwo <b>x</b> y"
	    "\n<i>z</i></p>\n<textarea>\n  t\n</textarea><span "
	    "xml:space=\"preserve\">\n  kept <b>\n  too</b></span><a>1</a>\n"
	    "<b>2</b>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a\n"
	    "  b</text></svg>\n");
	assert_string_equal(r.err, "");
	result_free(&r);
	arena_free(&a);
}

/* data-omit-tag writes an element's content without its tags. */
static void
test_omitted_tags_keep_their_content(void **state)
{
	struct arena a;
	struct scope *s, *it;
	struct result r;
	struct fragment *f = fragment_new("<em>h</em>");

	(void)state;
	assert_non_null(f);
	s = page_scope(&a);
	it = scope_item(s, "items");
	scope_text(it, "name", "一");
	scope_flag(it, "on", 0);
	it = scope_item(s, "items");
	scope_text(it, "name", "<二>");
	scope_flag(it, "on", 1);
	scope_html(s, "h", f);
	scope_flag(s, "top", 0);
	render(&r, "<p>a<span data-omit-tag=\"\" data-each=\"items\"><br "
	    "data-if=\"on\"/><span data-omit-tag=\"\" data-text=\"name\">x"
	    "</span><b data-if=\"on\">!</b></span>z</p>\n  <div data-omit-tag=\"\" "
	    "data-html=\"h\">x</div>\n  <span data-omit-tag=\"\" "
	    "data-unless=\"top\">u</span><i>i</i>", s);
	assert_string_equal(main_of(&r), "<p>a一<br />&lt;二&gt;<b>!</b>z</p>\n"
	    "<em>h</em>\nu<i>i</i>");
	assert_string_equal(r.err, "");
	result_free(&r);
	arena_free(&a);
	fragment_free(f);
}

/* data-omit-tag is refused where the tags would take more with them: an
 * attribute, or the structure of <head>. */
static void
test_omitted_tags_lose_nothing(void **state)
{
	static const char head_layout[] = HEAD "<head><title "
	    "data-omit-tag=\"\" data-text=\"title\">t</title></head>\n"
	    "<body><main data-content=\"\">sample</main></body>\n</html>\n";
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_text(s, "x", "X");
	render(&r, "\n<span data-omit-tag=\"\" class=\"c\">a</span>\n"
	    "<span data-omit-tag=\"\" data-attr-title=\"x\">b</span>\n"
	    "<span data-omit-tag=\"\" xml:lang=\"en\">c</span>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, ":4:1: error: template error: "
	    "data-omit-tag would lose attribute 'class'\n"));
	assert_non_null(strstr(r.err, ":5:1: error: template error: "
	    "data-omit-tag would lose attribute 'data-attr-title'\n"));
	assert_non_null(strstr(r.err, ":6:1: error: template error: "
	    "data-omit-tag would lose attribute 'lang'\n"));
	result_free(&r);
	render_in(&r, head_layout, "<p>x</p>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, ":3:7: error: template error: "
	    "data-omit-tag outside <body>\n"));
	result_free(&r);
	arena_free(&a);
}

static void
test_html_fields_and_external_links(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;
	struct fragment *f = fragment_new("<p>a <a href=\"https://example."
	    "org/\">x</a> <a href=\"other.html\">y</a><br /></p>\n");

	(void)state;
	assert_non_null(f);
	s = page_scope(&a);
	scope_html(s, "body", f);
	render(&r, "<div data-html=\"body\">sample</div>", s);
	assert_string_equal(main_of(&r), "<div><p>a <a href=\"https://"
	    "example.org/\" class=\"external\" rel=\"external noopener "
	    "noreferrer\">x</a> <a href=\"other.html\">y</a><br /></p>\n</div>");
	result_free(&r);
	arena_free(&a);
	fragment_free(f);
}

/* Fragments adopted from malloc'd HTML keep it (links marked) or free it
 * (ASan sees a leak or a double free); more names than the scopes
 * remember by address, and one name at two addresses, still find their
 * fields. */
static void
test_adopted_fragments_and_many_names(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;
	struct fragment *plain = fragment_adopt(xstrdup("<p>b</p>\n"));
	struct fragment *linked = fragment_adopt(xstrdup("<p><a href=\""
	    "https://example.org/\">x</a></p>"));
	char *name;
	int i;

	(void)state;
	assert_null(fragment_adopt(xstrdup("<p><a href=\"x\">unclosed")));
	assert_non_null(plain);
	assert_non_null(linked);
	s = page_scope(&a);
	for (i = 0; i < 200; i++)
		scope_text(s, arena_printf(&a, "f%d", i),
		    arena_printf(&a, "v%d", i));
	name = arena_strdup(&a, "f7");
	scope_text(s, name, "newer");
	scope_html(s, "plain", plain);
	scope_html(s, "linked", linked);
	render(&r, "<p data-text=\"f7\">s</p><p data-text=\"f193\">s</p>"
	    "<div data-html=\"plain\">s</div><div data-html=\"linked\">s"
	    "</div>", s);
	assert_string_equal(main_of(&r), "<p>newer</p><p>v193</p><div><p>b"
	    "</p>\n</div><div><p><a href=\"https://example.org/\" class=\""
	    "external\" rel=\"external noopener noreferrer\">x</a></p></div>");
	result_free(&r);
	arena_free(&a);
	fragment_free(plain);
	fragment_free(linked);
}

/* Returns the column (from 1) of the last start tag in the ASCII text
 * s, all on one line: where the policy reports the innermost element. */
static int
S_last_start_tag(const char *s)
{
	const char *p, *last = s;

	for (p = s; (p = strchr(p, '<')) != NULL; p++)
		if (p[1] != '/')
			last = p;
	return (int)(last - s) + 1;
}

static void
test_unknown_directive_is_reported_with_its_line(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	arena_init(&a);
	s = scope_new(&a, NULL);
	render(&r, "\n<p data-txet=\"x\">typo</p>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, ":4:1: error: template error: unknown "
	    "directive 'data-txet'\n"));
	result_free(&r);
	arena_free(&a);
}

static void
test_unknown_field_is_reported_with_its_line(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	render(&r, "\n\n<p data-text=\"nosuch\">x</p>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, ":5:1: error: template error: unknown "
	    "field 'nosuch'\n"));
	result_free(&r);
	arena_free(&a);
}

/* A directive's error stands at the '<' of its element's start tag: the
 * line where the tag begins, however many it spans, and the column in
 * characters, not bytes. */
static void
test_errors_stand_at_the_start_tag(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	render(&r, "\n<p\n  data-txet=\"x\">typo</p>", s);
	assert_non_null(strstr(r.err, ":4:1: error: template error: unknown "
	    "directive 'data-txet'\n"));
	result_free(&r);
	render(&r, "\n\xe6\x97\xa5\xe6\x9c\xac<b><p data-text=\"nosuch\">x"
	    "</p></b>", s);
	assert_non_null(strstr(r.err, ":4:6: error: template error: unknown "
	    "field 'nosuch'\n"));
	result_free(&r);
	arena_free(&a);
}

/* A template's lines end at LF, CR LF or a lone CR, as XML reads them. */
static void
test_template_lines_end_at_cr(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	render(&r, "\r<p data-txet=\"x\">typo</p>", s);
	assert_non_null(strstr(r.err, ":4:1: error: template error: unknown "
	    "directive 'data-txet'\n"));
	result_free(&r);
	render(&r, "\r\r\n\n\r<p data-text=\"nosuch\">x</p>", s);
	assert_non_null(strstr(r.err, ":7:1: error: template error: unknown "
	    "field 'nosuch'\n"));
	result_free(&r);
	render(&r, "\r\r<p>x</b>", s);
	assert_non_null(strstr(r.err, ":5:9: error: template error: not "
	    "well-formed XHTML: Opening and ending tag mismatch: p line 5 and "
	    "b\n"));
	result_free(&r);
	arena_free(&a);
}

static void
test_wrong_kind_of_field(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_list(s, "items");
	render(&r, "<p data-text=\"items\">x</p>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, "field of the wrong kind for this "
	    "directive 'items'"));
	result_free(&r);
	arena_free(&a);
}

static void
test_no_directive_reaches_the_output(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_flag(s, "on", 1);
	scope_text(s, "v", "1");
	render(&r, "<div data-if=\"on\" data-attr-id=\"v\"><p data-text=\"v\""
	    ">x</p></div>", s);
	assert_null(strstr(r.html, "data-"));
	assert_null(strstr(r.html, "chrome"));	/* page chrome is dropped */
	assert_null(strstr(r.html, "sample"));
	assert_string_equal(main_of(&r), "<div id=\"1\"><p>1</p></div>");
	result_free(&r);
	arena_free(&a);
}

/* Each breach of the policy (nothing from elsewhere, only the site's own
 * scripts) is refused at its template line; names compare as HTML's. */
static void
test_policy_breaches_are_reported_with_their_lines(void **state)
{
	static const struct {
		const char	*body;
		const char	*error;
	} cases[] = {
		{ "<script>alert(1)</script>", "inline script" },
		{ "<script src=\"a.js\">alert(1)</script>", "inline script" },
		{ "<SCRIPT data-text=\"title\"/>", "inline script" },
		/* a data block: only an empty ld+json script with data-json */
		{ "<script type=\"application/ld+json\">{}</script>",
		    "inline script" },
		{ "<script data-json=\"title\"></script>", "data-json on a "
		    "<script> other than" },
		{ "<script type=\"text/javascript\" data-json=\"title\">"
		    "</script>", "data-json on a <script> other than" },
		{ "<script type=\"application/ld+json\" src=\"a.js\" "
		    "data-json=\"title\"></script>", "data-json on a <script>" },
		{ "<script type=\"application/ld+json\" data-json=\"title\">"
		    "x</script>", "data-json on a <script>" },
		{ "<script type=\"application/ld+json\" data-attr-type=\"title\""
		    " data-json=\"title\"></script>", "data-json on a <script>" },
		{ "<p data-json=\"title\"></p>", "data-json on an element "
		    "other than <script> 'p'" },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>",
		    "inline script" },
		{ "<style>p{}</style>", "refused element 'style'" },
		{ "<base href=\"a/\"/>", "refused element 'base'" },
		{ "<iframe src=\"a.html\"/>", "refused element 'iframe'" },
		{ "<object data=\"a.svg\"/>", "refused element 'object'" },
		{ "<embed src=\"a.svg\"/>", "refused element 'embed'" },
		{ "<meta http-equiv=\"Refresh\" content=\"0\"/>",
		    "<meta http-equiv> other than" },
		{ "<meta http-equiv=\"content-security-policy\" content=\"\"/>",
		    "Content-Security-Policy other than the site's" },
		{ "<p onclick=\"x()\">p</p>", "event-handler attribute 'onclick'" },
		{ "<p OnMouseOver=\"x()\">p</p>", "event-handler attribute" },
		{ "<p data-attr-onclick=\"title\">p</p>", "event-handler "
		    "attribute set by 'data-attr-onclick'" },
		{ "<p style=\"color:red\">p</p>", "inline style attribute" },
		{ "<p data-attr-style=\"title\">p</p>", "may not be set by" },
		{ "<a href=\"javascript:x()\">a</a>", "URL off the site" },
		{ "<a href=\"https://example.invalid/\">a</a>", "URL off the site" },
		{ "<a href=\" //example.invalid/\">a</a>", "URL off the site" },
		{ "<a href=\"\\\\example.invalid/\">a</a>", "URL off the site" },
		{ "<a href=\"java&#10;script:x()\">a</a>", "URL off the site" },
		{ "<img src=\"data:image/png,x\" alt=\"\"/>", "URL off the site" },
		{ "<img src=\"a.png\" srcset=\"a.png 1x, //e/b.png 2x\" "
		    "alt=\"\"/>", "URL off the site in attribute 'srcset'" },
		{ "<form action=\"https://e/\"/>", "URL off the site" },
		{ "<video poster=\"https://e/p.png\"/>", "URL off the site" },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://"
		    "www.w3.org/1999/xlink\"><image x:href=\"https://e/i.png\"/>"
		    "</svg>", "URL off the site in attribute 'href'" },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url("
		    "https://e/#g)\"/></svg>", "CSS reference off the site" },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><set attributeName"
		    "=\"href\" to=\"javascript:x()\"/></svg>", "script URL" },
		{ "<?x y?>", "processing instruction" },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><animate "
		    "attributeName=\"xlink:href\" values=\"a\"/></svg>",
		    "animation of a link" },
		{ "<a href=\"a.html\"><set data-attr-attributeName=\"title\" "
		    "to=\"a\"/></a>", "may not be set by" },
		{ "<meta xmlns:x=\"urn:x\" http-equiv=\"Content-Security-"
		    "Policy\" x:content=\"" TEMPLATE_CSP_TEXT "\"/>",
		    "Content-Security-Policy other than the site's" },
		/* a URL is read whole, tab and newlines dropped anywhere */
		{ "<a href=\"/&#9;/127.0.0.1/x\">a</a>", "URL off the site" },
		{ "<a href=\"/&#13;\\127.0.0.1/x\">a</a>", "URL off the site" },
		{ "<a href=\"h&#10;ttps&#9;://e/\">a</a>", "URL off the site" },
		/* nothing from the server's root, nothing climbing */
		{ "<a rel=\"attachment\" href=\"/tmp/secret.txt\">a</a>",
		    "URL from the server's root in attribute 'href'" },
		{ "<a href=\" \\etc/passwd\">a</a>", "from the server's root" },
		{ "<a href=\"../../../etc/passwd\">a</a>",
		    "URL that climbs with '..' in attribute 'href'" },
		{ "<a href=\"a/.%2E/%2e%2e/b\">a</a>", "climbs with '..'" },
		{ "<img src=\"a\\..\\b.png\" alt=\"\"/>", "climbs with '..'" },
		{ "<img src=\"a.png\" srcset=\"a.png 1x,/b.png 2x\" alt=\"\"/>",
		    "from the server's root in attribute 'srcset'" },
		{ "<img src=\"a.png\" srcset=\"a.png (1x,/b) 1x, c.png 1x,//e/d 2x\" "
		    "alt=\"\"/>", "URL off the site in attribute 'srcset'" },
		{ "<a href=\"a.html\" ping=\"p /p\">a</a>",
		    "from the server's root in attribute 'ping'" },
		{ "<img src=\"a.png\" alt=\"\" attributionsrc=\"//e/\"/>",
		    "URL off the site in attribute 'attributionsrc'" },
		{ "<q cite=\"/x\">q</q>", "from the server's root" },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url("
		    "/x.svg#g)\"/></svg>", "CSS reference off the site" },
	};
	struct arena a;
	struct scope *s;
	struct result r;
	char body[512], where[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		s = page_scope(&a);
		snprintf(body, sizeof(body), "\n\n%s", cases[i].body);
		snprintf(where, sizeof(where), ":5:%d: error: template error: ",
		    S_last_start_tag(cases[i].body));
		if (cases[i].body[1] == '?')	/* a PI: its "<?" */
			snprintf(where, sizeof(where), ":5:1: error: template "
			    "error: ");
		render(&r, body, s);
		if (r.html != NULL || strstr(r.err, where) == NULL ||
		    strstr(r.err, cases[i].error) == NULL)
			fail_msg("case %zu (%s): %s", i, cases[i].body, r.err);
		result_free(&r);
		arena_free(&a);
	}
}

/* What the policy allows: the site's own files, page-relative links and
 * anchors (fields may climb with leading ".."), a script with src and no
 * content, CDATA as escaped text. */
static void
test_policy_allows_the_sites_own(void **state)
{
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_text(s, "h", "../../a/b.html#x");
	render(&r, "<a href=\"x.html?q=a:b#c\">a</a><a href=\"#x:y\">b"
	    "</a><img src=\"icon.svg\" alt=\"\"/><script src=\"a.js\"></script>"
	    "<a data-attr-href=\"h\">c</a><p><![CDATA[<script>x</script>]]>"
	    "</p>", s);
	assert_string_equal(r.err, "");
	assert_string_equal(main_of(&r), "<a href=\"x.html?q=a:b#c\">a</a>"
	    "<a href=\"#x:y\">b</a><img src=\"icon.svg\" alt=\"\" /><script "
	    "src=\"a.js\"></script><a href=\"../../a/b.html#x\">c</a><p>&lt;"
	    "script&gt;x&lt;/script&gt;</p>");
	result_free(&r);
	arena_free(&a);
}

/* A JSON field fills a data block with its text as it is but for < > &
 * and U+2028/U+2029, written as \uXXXX: nothing can end the script or
 * open a comment, and a JSON parser reads the same value; a text field
 * is of the wrong kind for data-json, a JSON field for data-text. */
static void
test_json_fields_are_script_data(void **state)
{
	static const char json[] = "{\"a\":\"</script><script>alert(1)"
	    "</script><!-- & \xe2\x80\xa8\xe2\x80\xa9 \xe2\x80\xa6 "
	    "\xe6\x97\xa5\"}";
	struct arena a;
	struct scope *s;
	struct result r;

	(void)state;
	s = page_scope(&a);
	scope_json(s, "j", json);
	scope_text(s, "t", "x");
	render(&r, "<script type=\"application/ld+json\" data-json=\"j\">"
	    "</script>", s);
	assert_string_equal(r.err, "");
	assert_string_equal(main_of(&r), "<script type=\"application/ld+json\">"
	    "{\"a\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"
	    "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 "
	    "\xe2\x80\xa6 \xe6\x97\xa5\"}</script>");
	result_free(&r);
	render(&r, "<script type=\"application/ld+json\" data-json=\"t\">"
	    "</script><p data-text=\"j\">x</p>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, "wrong kind for this directive 't'"));
	assert_non_null(strstr(r.err, "wrong kind for this directive 'j'"));
	result_free(&r);
	arena_free(&a);
}

/* A field that would make a URL attribute leave the site is refused as
 * the page is rendered, at the directive's line. */
static void
test_url_field_off_the_site_is_refused(void **state)
{
	static const char *const urls[] = { "javascript:alert(1)",
	    "//example.invalid/", " https://example.invalid/", "\\\\e/x",
	    "a.png 1x, data:x 2x", "/\t/127.0.0.1/x", "/\r\\e/x",
	    "/etc/passwd", "\x01/etc/passwd", "a/../../etc/passwd",
	    "../a/%2e./b", "a.png 1x, /b.png 2x", "../../../etc/passwd",
	    "../../.%2e/x" };
	struct arena a;
	struct scope *s;
	struct result r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(urls) / sizeof(*urls); i++) {
		s = page_scope(&a);
		scope_text(s, "u", urls[i]);
		render(&r, "\n<a data-attr-href=\"u\">a</a><img src=\"a.png\" "
		    "alt=\"\" data-attr-srcset=\"u\"/>", s);
		assert_null(r.html);
		/* at the '<' of <a> (href) or of <img> (srcset) */
		if (strstr(r.err, ":4:1: error: template error: field 'u' would "
		    "make a URL off the site in attribute 'href'") == NULL &&
		    strstr(r.err, ":4:28: error: template error: field 'u' "
		    "would make a URL ") == NULL)
			fail_msg("case %zu: %s", i, r.err);
		result_free(&r);
		arena_free(&a);
	}
}

/* A field in a data-attr-* of any attribute is held to what every
 * attribute is: no script URL anywhere, no CSS url() off the site. */
static void
test_any_attribute_field_is_held_to_the_policy(void **state)
{
	static const char *const values[] = {
	    "url(https://evil.example/a.svg#p) javascript:alert(1)",
	    "url(//evil.example/a.svg#p)", "java\tscript:alert(1)",
	    "x VBScript:msgbox(1)", "a (b) javascript:c" };
	struct arena a;
	struct scope *s;
	struct result r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(values) / sizeof(*values); i++) {
		s = page_scope(&a);
		scope_text(s, "u", values[i]);
		render(&r, "\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect "
		    "data-attr-fill=\"u\"/></svg><p data-attr-title=\"u\">p"
		    "</p>", s);
		assert_null(r.html);
		if (strstr(r.err, ":4:41: error: template error: field 'u' "
		    "would make a ") == NULL || strstr(r.err, ":4:73: error: "
		    "template error: field 'u' would make a ") == NULL ||
		    strstr(r.err, " 'fill'") == NULL ||
		    strstr(r.err, " 'title'") == NULL)
			fail_msg("case %zu: %s", i, r.err);
		result_free(&r);
		arena_free(&a);
	}
	s = page_scope(&a);	/* parentheses and colons alone are fine */
	scope_text(s, "u", "red (a: b) url-like: (c)");
	render(&r, "<p data-attr-title=\"u\">p</p>", s);
	assert_string_equal(main_of(&r), "<p title=\"red (a: b) url-like: "
	    "(c)\">p</p>");
	assert_string_equal(r.err, "");
	result_free(&r);
	arena_free(&a);
}

/* Loads the template text through a file; returns the diagnostics (in
 * l) and whether it loaded. */
static int
load_text(struct loaded *l, const char *path, const char *text, size_t n)
{
	struct template *t;
	FILE *f;

	if (text != NULL) {
		assert_non_null(f = fopen(path, "wb"));
		assert_int_equal(fwrite(text, 1, n, f), n);
		fclose(f);
	}
	model_init(&l->m);
	capture_open(&l->err);
	diag_init(&l->d, l->err.f);
	t = template_load(path, &l->d);
	template_free(t);
	diag_flush(&l->d);
	l->text = capture_close(&l->err);
	return t != NULL;
}

/* A FIFO as a template is refused at once (alarm() fails a hang); a
 * compressed template is refused, not inflated. */
static void
test_fifo_and_gzip_templates_are_refused(void **state)
{
	static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"
	    "\xb3\xc9\x28\xc9\xcd\xb1\xd3\x07\x52\x00\x8b\x4f\x96\x6a\x0e"
	    "\x00\x00\x00";
	char path[] = "/tmp/skillsite-template-XXXXXX";
	struct loaded l;

	(void)state;
	assert_non_null(mkdtemp(path));
	assert_int_equal(chdir(path), 0);
	assert_int_equal(mkfifo("layout.xhtml", 0600), 0);
	alarm(10);
	assert_false(load_text(&l, "layout.xhtml", NULL, 0));
	alarm(0);
	assert_non_null(strstr(l.text, "layout.xhtml: error: not a regular "
	    "file"));
	loaded_free(&l);
	assert_false(load_text(&l, "skill.xhtml", gz, sizeof(gz) - 1));
	assert_non_null(strstr(l.text, "skill.xhtml: error: template error: "
	    "gzip data"));
	loaded_free(&l);
	unlink("layout.xhtml");
	unlink("skill.xhtml");
	assert_int_equal(chdir("/"), 0);
	rmdir(path);
}

/* A namespace error is a template error: an undeclared prefix would
 * leave "data-attr-xlink:href" a name the policy reads as "href" and the
 * serializer writes as a live xlink:href. */
static void
test_namespace_errors_are_template_errors(void **state)
{
	static const char *const bodies[] = {
	    "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<image "
	    "data-attr-xlink:href=\"u\"/></svg>",
	    "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<a "
	    "xlink:href=\"javascript:x\">a</a></svg>",
	    "<p>\n<a x:data-attr-href=\"u\">a</a></p>",
	    "<p xmlns:x=\"urn:x\">\n<a x:data-attr-xlink:href=\"u\">a</a></p>",
	    "<p>\n<x:a>a</x:a></p>",
	    "<p>\n<a href=\"a.html\" data-attr-x:y:href=\"u\">a</a></p>" };
	char text[1024];
	struct loaded l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bodies) / sizeof(*bodies); i++) {
		snprintf(text, sizeof(text), HEAD "<body>%s</body></html>\n",
		    bodies[i]);
		if (load_text(&l, "/tmp/skillsite-template-ns.xhtml", text,
		    strlen(text)) || strstr(l.text, "ns.xhtml:4:") == NULL ||
		    strstr(l.text, "error: template error: not "
		    "namespace-well-formed XHTML: ") == NULL)
			fail_msg("case %zu: %s", i, l.text);
		loaded_free(&l);
	}
	unlink("/tmp/skillsite-template-ns.xhtml");
}

/* A syntax error is reported where libxml2 first met it, not where it
 * stopped. */
static void
test_syntax_error_is_reported_at_the_first(void **state)
{
	static const char text[] = HEAD "<body>\n<p \xc2\x85" "class=\"g\">"
	    "x</p>\n</body>\n</html>\n";
	struct loaded l;

	(void)state;
	assert_false(load_text(&l, "/tmp/skillsite-template-syntax.xhtml",
	    text, strlen(text)));
	if (strstr(l.text, "syntax.xhtml:4:") == NULL ||
	    strstr(l.text, "template error: not well-formed XHTML") == NULL)
		fail_msg("%s", l.text);
	loaded_free(&l);
	unlink("/tmp/skillsite-template-syntax.xhtml");
}

/* Loads text as a layout and checks it; returns what
 * template_check_layout() returned (-2 when it did not load), with the
 * diagnostics in l (free with loaded_free()). */
static int
check_layout(struct loaded *l, const char *text)
{
	char *path = write_temp(text);
	struct template *t;
	int rc = -2;

	model_init(&l->m);
	capture_open(&l->err);
	diag_init(&l->d, l->err.f);
	if ((t = template_load(path, &l->d)) != NULL)
		rc = template_check_layout(t, &l->d);
	template_free(t);
	diag_flush(&l->d);
	l->text = capture_close(&l->err);
	unlink(path);
	free(path);
	return rc;
}

/* The layout must state the site's Content-Security-Policy in its head,
 * before anything loads. */
static void
test_layout_states_the_csp(void **state)
{
	static const char *const heads[] = { "<head>",	/* the last passes */
	    "<head><script src=\"a.js\"></script>" CSP_META(""),
	    "<head>" CSP_META(" data-if=\"x\""),
	    "<head>" CSP_META(" data-each=\"x\""),
	    "<head data-content=\"\">" CSP_META(""),
	    "<head data-unless=\"x\">" CSP_META(""),
	    "<head data-text=\"title\">" CSP_META(""),
	    "<head data-html=\"title\">" CSP_META(""),
	    /* a prefixed http-equiv is another attribute to a browser */
	    "<head><meta xmlns:x=\"urn:x\" x:http-equiv=\"Content-Security-"
	    "Policy\" content=\"" TEMPLATE_CSP_TEXT "\"/>",
	    "<head>" CSP_META("") };
	char text[1024];
	struct loaded l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(heads) / sizeof(*heads); i++) {
		snprintf(text, sizeof(text), HEAD "%s<title>t</title></head>"
		    "<body/></html>\n", heads[i]);
		assert_int_equal(check_layout(&l, text),
		    i + 1 < sizeof(heads) / sizeof(*heads) ? -1 : 0);
		if (i + 1 < sizeof(heads) / sizeof(*heads))
			assert_non_null(strstr(l.text, ":3:1: error: template "
			    "error: no <meta http-equiv=\"Content-Security-"
			    "Policy\""));
		else
			assert_string_equal(l.text, "");
		loaded_free(&l);
	}
}

/* Anything in <head>, or before it, that an HTML parser would take for
 * the start of <body> ends <head> there: the policy's meta after it
 * falls into <body>, where a browser ignores it.  Only white space,
 * <meta>, <title>, <link> and <script> may stand in <head>. */
static void
test_head_holds_only_what_stays_in_head(void **state)
{
	static const struct {
		const char	*before;	/* after <html> */
		const char	*in;		/* in <head>, before the CSP */
		const char	*error;
	} cases[] = {
		{ "", "&#xA0;", "text in <head>" },
		{ "", "x", "text in <head>" },
		{ "", "<div/>", "element in <head> other than <meta>, <title>, "
		    "<link> and <script> 'div'" },
		{ "", "<img src=\"a.png\" alt=\"\"/>", "'img'" },
		{ "", "<textarea/>", "'textarea'" },
		{ "", "<noscript/>", "'noscript'" },
		{ "", "<h:meta xmlns:h=\"http://www.w3.org/1999/xhtml\"/>",
		    "'h:meta'" },
		{ "", "<meta name=\"a\" data-text=\"title\"/>",
		    "content in an empty element of <head> 'meta'" },
		{ "", "<meta name=\"a\">x</meta>", "content in an empty element" },
		{ "", "<title data-html=\"title\"/>", "data-content or data-html" },
		{ "", "<title><span/></title>", "markup in <title>" },
		{ "<div/>", "", "anything but white space before <head>" },
		{ "x", "", "anything but white space before <head>" },
		{ "<body/>", "", "anything but white space before <head>" },
	};
	char text[2048], where[64];
	struct loaded l;
	const char *what;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		snprintf(text, sizeof(text), HEAD "%s<head>%s" CSP_META("")
		    "<title>t</title></head><body/></html>\n", cases[i].before,
		    cases[i].in);
		if (check_layout(&l, text) != -1)
			fail_msg("case %zu accepted: %s", i, text);
		/* an element at its '<' (after "<head>"), text at its
		 * element's: <html> before <head>, else <head> */
		what = cases[i].before[0] != '\0' ? cases[i].before :
		    cases[i].in;
		if (what[0] == '<')
			snprintf(where, sizeof(where), ":3:%d: error: template "
			    "error: ", cases[i].before[0] != '\0' ? 1 : 7);
		else
			snprintf(where, sizeof(where), ":%d:1: error: "
			    "template error: ", cases[i].before[0] != '\0' ?
			    2 : 3);
		if (strstr(l.text, where) == NULL ||
		    strstr(l.text, cases[i].error) == NULL)
			fail_msg("case %zu: %s", i, l.text);
		loaded_free(&l);
	}
}

/* A stylesheet is read as CSS reads it: CR LF, CR and FF end lines, and
 * strings (an unclosed string ends at a line end), so nothing hides
 * after one; lines and columns are reported as such (and in an SVG
 * asset as XML counts them, a lone CR ending a line). */
static void
test_assets_read_line_ends_as_they_do(void **state)
{
	static const struct {
		const char	*text;
		int		 ok;
		int		 line, col;
		const char	*name;
	} cases[] = {
		{ "a { content: \"/\f}body{background-image:url(//127.0.0.1/"
		    "leak.png)}\" }", -1, 2, 24, "a.css" },
		{ "a { content: \"/\r}body{b:url(//e/x)}\" }", -1, 2, 9, "a.css" },
		{ "a { content: '/\r\n}body{b:url(//e/x)}' }", -1, 2, 9, "a.css" },
		{ "a\r\rb\r\n{ c: url(//e/x) }", -1, 4, 6, "a.css" },
		{ "a\fb\f\fc { d: url(/x.png) }", -1, 4, 8, "a.css" },
		{ "a { b: url(../x.png) }", -1, 1, 8, "a.css" },
		{ "@import \"/c.css\";", -1, 1, 1, "a.css" },
		{ "a { content: \"x\\\r\n}b{c:url(//e/x)}\" }", 0, 0, 0,
		    "a.css" },
		{ "a { b: url(x.png) }\r\n", 0, 0, 0, "a.css" },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\">\r\r<script>x"
		    "</script></svg>", -1, 3, 1, "a.svg" },
		{ "<svg xmlns=\"http://www.w3.org/2000/svg\">\r<image href=\""
		    "/etc/passwd\"/></svg>", -1, 2, 1, "a.svg" },
	};
	struct loaded l;
	char want[32];
	const char *name;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		name = cases[i].name;
		model_init(&l.m);
		capture_open(&l.err);
		diag_init(&l.d, l.err.f);
		if (template_check_asset(name, cases[i].text,
		    strlen(cases[i].text), diag_add_file(&l.d, name),
		    &l.d) != cases[i].ok)
			fail_msg("case %zu: %s", i, cases[i].text);
		diag_flush(&l.d);
		l.text = capture_close(&l.err);
		snprintf(want, sizeof(want), "%s:%d:%d: error: ", name,
		    cases[i].line, cases[i].col);
		if (cases[i].ok < 0 && strstr(l.text, want) == NULL)
			fail_msg("case %zu: %s", i, l.text);
		loaded_free(&l);
	}
}

/* Work a template makes is bounded: data-each nests at most five deep,
 * layout and page together, never in a data-each of the same list; an
 * element has at most 64 attributes (the limit is checked before libxml2
 * parses, in time linear in the file). */
static void
test_template_work_is_bounded(void **state)
{
	static const char nest_layout[] = HEAD
	    "<head><title data-text=\"title\">t</title></head>\n"
	    "<body><div data-each=\"a\"><div data-each=\"b\"><main "
	    "data-content=\"\">sample</main></div></div></body>\n</html>\n";
	static const char *const lists[] = { "a", "b", "c", "d", "e", "f",
	    "g" };
	struct arena a;
	struct scope *s;
	struct result r;
	struct loaded l;
	char *text;
	size_t i, n;

	(void)state;
	s = page_scope(&a);
	for (i = 0; i < sizeof(lists) / sizeof(*lists); i++)
		scope_item(s, lists[i]);
	render(&r, "<b data-each=\"a\"><b data-each=\"b\"><b data-each=\"c\">"
	    "<b data-each=\"d\"><b data-each=\"e\">x</b></b></b></b></b>", s);
	assert_string_equal(r.err, "");
	result_free(&r);
	render(&r, "<b data-each=\"a\"><b data-each=\"b\"><b data-each=\"c\">"
	    "<b data-each=\"d\"><b data-each=\"e\">\n<b data-each=\"f\">"
	    "<b data-each=\"g\">x</b></b></b></b></b></b></b>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, ":4:1: error: template error: data-each "
	    "nested more than 5 deep"));
	assert_null(strstr(strstr(r.err, "deep") + 1, "deep"));	/* once */
	result_free(&r);
	render_in(&r, nest_layout, "<b data-each=\"c\"><b data-each=\"d\">"
	    "<b data-each=\"e\">\n<b data-each=\"f\">x</b></b></b></b>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, ":4:1: error: template error: data-each "
	    "nested more than 5 deep"));
	result_free(&r);
	render(&r, "<b data-each=\"a\">\n<i data-each=\"b\"><i data-each="
	    "\"a\">x</i></i></b>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, ":4:18: error: template error: "
	    "data-each of 'a' inside a data-each of 'a'"));
	result_free(&r);
	render_in(&r, nest_layout, "<b data-each=\"b\">x</b>", s);
	assert_null(r.html);
	assert_non_null(strstr(r.err, "data-each of 'b' inside"));
	result_free(&r);
	arena_free(&a);

	n = 60000;
	text = malloc(n * 10 + 256);
	strcpy(text, HEAD "<body>\n<p");
	for (i = 0; i < n; i++)
		sprintf(text + strlen(text), " a%zu=\"\"", i);
	strcat(text, "/></body></html>\n");
	alarm(10);
	assert_false(load_text(&l, "/tmp/skillsite-template-attrs.xhtml", text,
	    strlen(text)));
	alarm(0);
	assert_non_null(strstr(l.text, "attrs.xhtml:4:1: error: template error: "
	    "more than 64 attributes on one element"));
	loaded_free(&l);
	unlink("/tmp/skillsite-template-attrs.xhtml");
	free(text);
}

/* A template reached through a symbolic link must resolve inside its
 * folder; a file of the kernel's (procfs) is never read. */
static void
test_links_stay_in_the_templates_folder(void **state)
{
	static const char page[] = HEAD "<body><main data-page=\"\"/></body>"
	    "</html>\n";
	char path[] = "/tmp/skillsite-template-XXXXXX";
	struct loaded l;

	(void)state;
	assert_non_null(mkdtemp(path));
	assert_int_equal(chdir(path), 0);
	assert_int_equal(mkdir("sub", 0700), 0);
	assert_true(load_text(&l, "sub/real.xhtml", page, strlen(page)));
	loaded_free(&l);
	assert_int_equal(symlink("real.xhtml", "sub/link.xhtml"), 0);
	assert_true(load_text(&l, "sub/link.xhtml", NULL, 0));
	assert_string_equal(l.text, "");
	loaded_free(&l);
	assert_int_equal(symlink("sub/real.xhtml", "out.xhtml"), 0);
	assert_true(load_text(&l, "out.xhtml", NULL, 0));	/* inside . */
	loaded_free(&l);
	assert_true(load_text(&l, "outside.xhtml", page, strlen(page)));
	loaded_free(&l);
	assert_int_equal(symlink("../outside.xhtml", "sub/up.xhtml"), 0);
	assert_false(load_text(&l, "sub/up.xhtml", NULL, 0));
	assert_non_null(strstr(l.text, "sub/up.xhtml: error: not a regular "
	    "file: a link to a file outside its folder"));
	loaded_free(&l);
	assert_int_equal(symlink("/proc/self/environ", "sub/env.xhtml"), 0);
	assert_false(load_text(&l, "sub/env.xhtml", NULL, 0));
	assert_non_null(strstr(l.text, "a file of the kernel's"));
	loaded_free(&l);
	assert_false(load_text(&l, "/proc/self/environ", NULL, 0));
	assert_non_null(strstr(l.text, "a file of the kernel's"));
	loaded_free(&l);
	unlink("sub/env.xhtml");
	unlink("sub/up.xhtml");
	unlink("out.xhtml");
	unlink("outside.xhtml");
	unlink("sub/link.xhtml");
	unlink("sub/real.xhtml");
	rmdir("sub");
	assert_int_equal(chdir("/"), 0);
	rmdir(path);
}

/* Stylesheets may not reach off the site (reported at the construct's
 * line and column); an SVG asset is held to the templates' rules. */
static void
test_assets_are_held_to_the_policy(void **state)
{
	static const struct {
		const char	*name;
		const char	*text;
		int		 ok;
		int		 col;	/* of a stylesheet's error, on line 2 */
	} cases[] = {
		{ "a.css", "a { background: url(b.png) }\np::after { content: "
		    "\"\\2009\" }\n@import \"c.css\";\n", 0, 0 },
		{ "a.css", "\n@import \"https://e/x.css\";", -1, 1 },
		{ "a.css", "\n@import url(//e/x.css);", -1, 9 },
		{ "a.css", "\na { background: URL( \"http://e/x.png\" ) }", -1,
		    17 },
		{ "a.css", "\na { background: \\75rl(//e/x.png) }", -1, 17 },
		{ "a.css", "\na { background: url(\"h\\74tp://e/\") }", -1,
		    17 },
		{ "a.css", "\na { background: image-set(\"//e/x.png\" 1x) }", -1,
		    17 },
		{ "a.css", "\n@font-face { src: url(data:font/woff2,x) }", -1,
		    19 },
		{ "a.css", "\n/* a comment */ a { b: url(/\\e/x) }", -1, 24 },
		{ "a.css", "\n@import/**/\"//e/x.css\";", -1, 1 },
		{ "a.css", "\na { b: image-set(url(a.png) 1x, \"//e/b.png\" 2x) }",
		    -1, 8 },
		{ "a.css", "\x1f\x8b\x08", -1, 0 },
		{ "a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 0, 0 },
		{ "a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
		    "<script>alert(1)</script></svg>", -1, 0 },
		{ "a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\""
		    "x()\"/>", -1, 0 },
		{ "a.svg", "<?xml-stylesheet href=\"https://e/x.css\"?>\n<svg "
		    "xmlns=\"http://www.w3.org/2000/svg\"/>", -1, 0 },
		{ "a.js", "location = 'https://e/';", 0, 0 },
	};
	struct loaded l;
	char want[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		model_init(&l.m);
		capture_open(&l.err);
		diag_init(&l.d, l.err.f);
		if (template_check_asset(cases[i].name, cases[i].text,
		    strlen(cases[i].text), diag_add_file(&l.d, cases[i].name),
		    &l.d) != cases[i].ok)
			fail_msg("case %zu: %s", i, cases[i].text);
		diag_flush(&l.d);
		l.text = capture_close(&l.err);
		snprintf(want, sizeof(want), "a.css:2:%d: error: ", cases[i].col);
		if (cases[i].ok < 0 && i < 11 && strstr(l.text, want) == NULL)
			fail_msg("case %zu: %s", i, l.text);
		loaded_free(&l);
	}
}

/* Returns a copy of fmt with each '#' replaced by n '=' signs and each
 * '@' by 65 attributes (a0="0" ...); free() it. */
static char *
equals(const char *fmt, size_t n)
{
	size_t len = strlen(fmt) + 1, i;
	char *s, *p;

	for (i = 0; fmt[i] != '\0'; i++)
		len += fmt[i] == '#' ? n : fmt[i] == '@' ? 65 * 12 : 0;
	p = s = test_malloc(len);
	for (; *fmt != '\0'; fmt++)
		if (*fmt == '#') {
			memset(p, '=', n);
			p += n;
		} else if (*fmt == '@')
			for (i = 0; i < 65; i++)
				p += snprintf(p, 13, " a%zu=\"%zu\"", i, i);
		else
			*p++ = *fmt;
	*p = '\0';
	return s;
}

/* The attribute guard counts attributes as XML reads them: no '=' in a
 * value, comment, CDATA section, processing instruction, DOCTYPE or end
 * tag; never too few in a real start tag, one that a '>' in a value or
 * a '<' cuts short, or one after markup nothing closes. */
static void
test_crowded_tag_reads_markup(void **state)
{
	static const struct {
		const char	*text;
		size_t		 at;	/* (size_t)-1: none crowded */
	} cases[] = {
		{ "<h1 title=\"#\">x</h1>", (size_t)-1 },
		{ "<p><!-- a <# --></p>", (size_t)-1 },
		{ "<e><![CDATA[x < y\n#\n]]></e>", (size_t)-1 },
		{ "<?pi <a #?><a/>", (size_t)-1 },
		{ "<!DOCTYPE a [<!-- <b # --><!ENTITY e '<c #'>]><a/>",
		    (size_t)-1 },
		{ "<a title='>#'/>", (size_t)-1 },
		{ "<a></a #>", (size_t)-1 },
		{ "<r><a@/></r>", 3 },
		{ "<a x=\">\"@/>", 0 },
		{ "<!-- <a@/>", 5 },
		{ "<![CDATA[<a@/>", 9 },
		{ "<?pi <a@/>", 5 },
		{ "<!DOCTYPE a [ <a@/>", 14 },
		{ "<!DOCTYPE a><!DOCTYPE b [<a@/>", 25 },
		{ "<x a=\"<y@/>", 0 },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		s = equals(cases[i].text, 70);
		if (xmlread_crowded_tag(s, strlen(s)) != cases[i].at)
			fail_msg("case %zu: %s", i, cases[i].text);
		test_free(s);
	}
	s = equals("<a a=\"1\" b=\"2\"/>", 0);
	assert_true(xmlread_crowded_tag(s, strlen(s)) == (size_t)-1);
	test_free(s);
}

/* Markup nothing closes costs the guard linear time: a megabyte of
 * openers is scanned at once (alarm() fails a quadratic scan). */
static void
test_crowded_tag_is_linear(void **state)
{
	static const char *const openers[] = { "<!-- ", "<![CDATA[ ", "<? ",
	    "<a ' ", "<!DOCTYPE [ '" };
	size_t i, k, n = 1 << 20;
	char *s = test_malloc(n + 1);

	(void)state;
	for (k = 0; k < sizeof(openers) / sizeof(*openers); k++) {
		size_t len = strlen(openers[k]);

		for (i = 0; i + len <= n; i += len)
			memcpy(s + i, openers[k], len);
		alarm(10);
		assert_true(xmlread_crowded_tag(s, i) == (size_t)-1);
		alarm(0);
	}
	test_free(s);
}

/* A template or SVG asset that declares an entity (one holding an
 * element crashed the tree walks) is refused at its DOCTYPE; so is an
 * external identifier, and a template in any encoding but UTF-8. */
static void
test_doctypes_and_encodings_are_refused(void **state)
{
	static const struct {
		const char	*text;
		const char	*want;
	} cases[] = {
		{ "<!DOCTYPE html [<!ENTITY e \"<b/>\">]>\n<html xmlns=\""
		    "http://www.w3.org/1999/xhtml\"><body><main data-page=\"\">"
		    "&e;</main></body></html>\n", ":1:1: error: template error: "
		    "a DOCTYPE with an internal subset" },
		{ "<?xml version=\"1.0\"?>\n  <!DOCTYPE html PUBLIC \"a\" \"b\">"
		    "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n",
		    ":2:3: error: template error: a DOCTYPE with" },
		{ "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html xmlns="
		    "\"http://www.w3.org/1999/xhtml\"><p>\xe5</p></html>\n",
		    ":1:1: error: template error: declared encoding is "
		    "ISO-8859-1; only UTF-8 is read" },
	};
	static const char svg[] = "<!DOCTYPE svg [<!ENTITY e \"<script>"
	    "alert(1)</script>\">]><svg xmlns=\"http://www.w3.org/2000/svg\">"
	    "&e;</svg>";
	struct loaded l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		assert_false(load_text(&l, "/tmp/skillsite-template-dtd.xhtml",
		    cases[i].text, strlen(cases[i].text)));
		if (strstr(l.text, cases[i].want) == NULL)
			fail_msg("case %zu: %s", i, l.text);
		loaded_free(&l);
	}
	unlink("/tmp/skillsite-template-dtd.xhtml");
	model_init(&l.m);
	capture_open(&l.err);
	diag_init(&l.d, l.err.f);
	assert_int_equal(template_check_asset("x.svg", svg, strlen(svg),
	    diag_add_file(&l.d, "x.svg"), &l.d), -1);
	diag_flush(&l.d);
	l.text = capture_close(&l.err);
	assert_non_null(strstr(l.text, "x.svg:1:1: error: template error: a "
	    "DOCTYPE with an internal subset"));
	loaded_free(&l);
}

/* template_node_pos() reads no mark number as an address: the nodes of
 * an entity's text, which no walk placed, stand nowhere (line 0). */
static void
test_unplaced_nodes_stand_nowhere(void **state)
{
	static const char text[] = "<!DOCTYPE a [<!ENTITY e \"<b>x</b>\">]>"
	    "<a>&e;</a>";
	xmlDoc *doc = xmlReadMemory(text, (int)strlen(text), "a.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNode *ref, *ent, *b;

	(void)state;
	assert_non_null(doc);
	ref = xmlDocGetRootElement(doc)->children;
	assert_int_equal(ref->type, XML_ENTITY_REF_NODE);
	ref->_private = NULL;
	assert_non_null(ent = ref->children);	/* the declaration */
	assert_non_null(b = ent->children);	/* its text: <b>x</b> */
	assert_int_equal(b->type, XML_ELEMENT_NODE);
	b->_private = (void *)(uintptr_t)7;	/* mark 3, tagged */
	b->children->_private = NULL;
	assert_int_equal(template_node_pos(b->children).line, 0);
	assert_int_equal(template_node_pos(b).line, 0);
	assert_int_equal(template_node_pos(ent).line, 0);
	assert_int_equal(template_node_pos(ref).line, 0);
	xmlFreeDoc(doc);
}

/* A processing instruction stands at its "<?" (line and column), even
 * over several lines, not at libxml2's last line. */
static void
test_processing_instruction_stands_at_its_start(void **state)
{
	static const char text[] = HEAD "<body>\n  <p>a</p> <?pi a\nb\n?>"
	    "</body>\n</html>\n";
	struct loaded l;

	(void)state;
	assert_false(load_text(&l, "/tmp/skillsite-template-pi.xhtml", text,
	    strlen(text)));
	if (strstr(l.text, "pi.xhtml:4:12: error: template error: processing "
	    "instruction") == NULL)
		fail_msg("%s", l.text);
	loaded_free(&l);
	unlink("/tmp/skillsite-template-pi.xhtml");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_and_attributes_are_escaped),
		cmocka_unit_test(test_data_attributes_can_be_set),
		cmocka_unit_test(test_data_attributes_cannot_make_directives),
		cmocka_unit_test(test_repetition_and_conditionals),
		cmocka_unit_test(test_indentation_is_one_line_break),
		cmocka_unit_test(test_omitted_tags_keep_their_content),
		cmocka_unit_test(test_omitted_tags_lose_nothing),
		cmocka_unit_test(test_html_fields_and_external_links),
		cmocka_unit_test(test_adopted_fragments_and_many_names),
		cmocka_unit_test(test_unknown_directive_is_reported_with_its_line),
		cmocka_unit_test(test_unknown_field_is_reported_with_its_line),
		cmocka_unit_test(test_errors_stand_at_the_start_tag),
		cmocka_unit_test(test_template_lines_end_at_cr),
		cmocka_unit_test(test_wrong_kind_of_field),
		cmocka_unit_test(test_no_directive_reaches_the_output),
		cmocka_unit_test(test_policy_breaches_are_reported_with_their_lines),
		cmocka_unit_test(test_policy_allows_the_sites_own),
		cmocka_unit_test(test_json_fields_are_script_data),
		cmocka_unit_test(test_url_field_off_the_site_is_refused),
		cmocka_unit_test(test_fifo_and_gzip_templates_are_refused),
		cmocka_unit_test(test_any_attribute_field_is_held_to_the_policy),
		cmocka_unit_test(test_namespace_errors_are_template_errors),
		cmocka_unit_test(test_syntax_error_is_reported_at_the_first),
		cmocka_unit_test(test_layout_states_the_csp),
		cmocka_unit_test(test_assets_are_held_to_the_policy),
		cmocka_unit_test(test_head_holds_only_what_stays_in_head),
		cmocka_unit_test(test_assets_read_line_ends_as_they_do),
		cmocka_unit_test(test_template_work_is_bounded),
		cmocka_unit_test(test_links_stay_in_the_templates_folder),
		cmocka_unit_test(test_crowded_tag_reads_markup),
		cmocka_unit_test(test_crowded_tag_is_linear),
		cmocka_unit_test(test_doctypes_and_encodings_are_refused),
		cmocka_unit_test(test_unplaced_nodes_stand_nowhere),
		cmocka_unit_test(test_processing_instruction_stands_at_its_start),
	};

	return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
