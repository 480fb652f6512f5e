/* test_template.c: the template engine: escaping, directives, errors. */
#include "helpers.h"

#include <unistd.h>

#include "template.h"

#define HEAD "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n"

static const char LAYOUT[] = HEAD
    "<head><title data-text=\"title\">t</title></head>\n"
    "<body><main data-content=\"\">sample</main></body>\n</html>\n";

/* Writes text to a fresh file in /tmp; returns its path (malloc'd). */
static char *
write_temp(const char *text)
{
	char *path = strdup("/tmp/skillsite-template-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* A rendering: its output and diagnostics. */
struct result {
	char		*html;
	const char	*err;
	struct loaded	 l;
};

/* Renders the page template body (inside <main data-page>) with the
 * fields of s into r. */
static void
render(struct result *r, const char *body, const struct scope *s)
{
	char page[4096];
	char *lp = write_temp(LAYOUT), *pp;
	struct template *layout, *tp;
	size_t len;

	snprintf(page, sizeof(page), HEAD "<body><p>chrome</p><main "
	    "data-page=\"\">%s</main></body>\n</html>\n", body);
	pp = write_temp(page);
	model_init(&r->l.m);
	capture_open(&r->l.err);
	diag_init(&r->l.d, r->l.err.f);
	layout = template_load(lp, &r->l.m, &r->l.d);
	tp = template_load(pp, &r->l.m, &r->l.d);
	r->html = layout && tp ? template_render(layout, tp, s, &r->l.d, &len) :
	    NULL;
	template_free(layout);
	template_free(tp);
	diag_flush(&r->l.d, r->l.m.files, r->l.m.nfiles);
	r->err = capture_close(&r->l.err);
	unlink(lp);
	unlink(pp);
	free(lp);
	free(pp);
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
	assert_non_null(strstr(r.err, ":4: error: template error: unknown "
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
	assert_non_null(strstr(r.err, ":5: error: template error: unknown "
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
	assert_non_null(strstr(r.err, ":4: error: template error: unknown "
	    "directive 'data-txet'\n"));
	result_free(&r);
	render(&r, "\r\r\n\n\r<p data-text=\"nosuch\">x</p>", s);
	assert_non_null(strstr(r.err, ":7: error: template error: unknown "
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_and_attributes_are_escaped),
		cmocka_unit_test(test_data_attributes_can_be_set),
		cmocka_unit_test(test_data_attributes_cannot_make_directives),
		cmocka_unit_test(test_repetition_and_conditionals),
		cmocka_unit_test(test_html_fields_and_external_links),
		cmocka_unit_test(test_unknown_directive_is_reported_with_its_line),
		cmocka_unit_test(test_unknown_field_is_reported_with_its_line),
		cmocka_unit_test(test_template_lines_end_at_cr),
		cmocka_unit_test(test_wrong_kind_of_field),
		cmocka_unit_test(test_no_directive_reaches_the_output),
	};

	return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
