/* test_fields.c: the declared fields of the pages (page_fields.c), the
 * compiler's check of templates against them and the renderer's check of
 * the generator's scopes against them. */
#include "helpers.h"

#include "alloc.h"
#include "page_fields.h"
#include "template.h"

#define HEAD "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n"
#define CSP "<meta http-equiv=\"Content-Security-Policy\" content=\"" \
	"default-src 'none'; style-src 'self'; img-src 'self'; " \
	"font-src 'self'; script-src 'self'; base-uri 'none'; " \
	"form-action 'none'\"/>"

static const char LAYOUT[] = HEAD "<head>" CSP "<title data-text=\"title\">"
    "t</title></head>\n<body><main data-content=\"\">sample</main></body>\n"
    "</html>\n";

static const struct field_decl ITEM[] = {
	{ "x", FIELD_TEXT, "an item's text", NULL },
	{ NULL, FIELD_TEXT, NULL, NULL }
};

static const struct field_decl OWN[] = {
	{ "a", FIELD_TEXT, "a text", NULL },
	{ "on", FIELD_FLAG, "a flag", NULL },
	{ "outer", FIELD_LIST, "a list", ITEM },
	{ "top", FIELD_LIST, "another", ITEM + 1 },
	{ NULL, FIELD_TEXT, NULL, NULL }
};

static const struct field_decl SHARED[] = {
	{ "title", FIELD_TEXT, "the title", NULL },
	{ NULL, FIELD_TEXT, NULL, NULL }
};

/* Returns the whole of file path, malloc'd and NUL-terminated. */
static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	text = xcalloc((size_t)n + 1, 1);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return text;
}

/* A declared page, compiled, then rendered with scope s (unless NULL):
 * returns the page's HTML or NULL, and sets *err to the diagnostics
 * (malloc'd). */
static char *
run(const char *body, const struct scope *s, char **err)
{
	char page[2048];
	char *lp = write_temp(LAYOUT), *pp, *html = NULL;
	struct template *layout, *tp;
	struct loaded l;
	size_t len;

	snprintf(page, sizeof(page), HEAD "<body><main data-page=\"\">%s"
	    "</main></body>\n</html>\n", body);
	pp = write_temp(page);
	model_init(&l.m);
	capture_open(&l.err);
	diag_init(&l.d, l.err.f);
	layout = template_load(lp, &l.d);
	tp = template_load(pp, &l.d);
	assert_non_null(layout);
	assert_non_null(tp);
	template_declare(tp, OWN, SHARED);
	if (template_compile(layout, tp, &l.d) == 0 && s != NULL)
		html = template_render(layout, tp, 0, s, &l.d, &len);
	template_free(layout);
	template_free(tp);
	diag_flush(&l.d);
	*err = xstrdup(capture_close(&l.err));
	capture_free(&l.err);
	diag_free(&l.d);
	model_free(&l.m);
	unlink(lp);
	unlink(pp);
	free(lp);
	free(pp);
	return html;
}

/* templates/README.md's "Fields" section is what page_fields.c writes. */
static void
test_readme_is_written_from_the_table(void **state)
{
	char *readme = read_all("templates/README.md");
	char *written = page_fields_readme(readme);

	(void)state;
	assert_non_null(written);
	if (strcmp(written, readme) != 0)
		fail_msg("templates/README.md's Fields section differs from "
		    "generator/page_fields.c: run \"make fields-doc\"");
	free(written);
	free(readme);
}

/* Checks the fields v: each with words for the docs, lists (only) with
 * items, no name twice, none also in shared (unless NULL). */
static void
check_decls(const struct field_decl *v, const struct field_decl *shared)
{
	const struct field_decl *f, *g;

	for (f = v; f->name != NULL; f++) {
		assert_non_null(f->about);
		assert_true((f->kind == FIELD_LIST) == (f->items != NULL));
		for (g = v; g < f; g++)
			assert_string_not_equal(g->name, f->name);
		for (g = shared; g != NULL && g->name != NULL; g++)
			assert_string_not_equal(g->name, f->name);
		if (f->items != NULL)
			check_decls(f->items, NULL);
	}
}

static void
test_table_is_well_formed(void **state)
{
	size_t k;

	(void)state;
	check_decls(page_fields_shared, NULL);
	for (k = 0; k < PAGE__COUNT; k++) {
		assert_non_null(page_decls[k].template);
		check_decls(page_decls[k].fields, page_fields_shared);
	}
}

/* A field the generator sets that the table does not declare, or
 * declares of another kind, or a declared field it leaves unset, at any
 * depth, fails the page; also in a list's later item whose fields differ
 * from a first item's that passed (by kind, or by one more field). */
static void
test_undeclared_field_fails_the_page(void **state)
{
	static const char body[] = "<p data-text=\"a\">a</p>";
	struct arena a;
	struct scope *s, *item;
	char *html, *err;
	int round;

	(void)state;
	for (round = 0; round < 8; round++) {
		arena_init(&a);
		s = scope_new(&a, NULL);
		scope_text(s, "title", "T");
		if (round != 4)
			scope_text(s, "a", "A");
		scope_list(s, "top");
		if (round != 3)
			scope_flag(s, "on", 1);
		item = scope_item(s, "outer");
		scope_text(item, "x", "X");
		if (round == 5)
			scope_item(s, "outer");	/* an item without x */
		else if (round == 6)	/* x of another kind than the first's */
			scope_flag(scope_item(s, "outer"), "x", 1);
		else if (round == 7) {	/* x, then one more than the first */
			item = scope_item(s, "outer");
			scope_text(item, "x", "X");
			scope_text(item, "z", "undeclared");
		}
		if (round == 1)
			scope_text(s, "b", "undeclared");
		else if (round == 2)
			scope_text(item, "y", "undeclared");
		else if (round == 3)
			scope_text(s, "on", "a text, declared a flag");
		html = run(body, s, &err);
		if (round == 0) {
			assert_non_null(html);
			assert_string_equal(err, "");
		} else {
			assert_null(html);
			assert_non_null(strstr(err, "internal error"));
			assert_non_null(strstr(err, round == 1 ? "'b'" : round ==
			    2 ? "'y'" : round == 3 ? "'on'" : round == 4 ? "'a'" :
			    round == 7 ? "'z'" : "'x'"));
		}
		free(html);
		free(err);
		arena_free(&a);
	}
}

/* Every directive is checked when the page compiles, in a branch no
 * page fills too, and a list's item sees the scope that holds the list,
 * not the one around the data-each; the error stands at the '<' of the
 * element that holds the directive (line 3, after the 25 characters of
 * "<body><main data-page=\"\">"). */
static void
test_directives_are_checked_when_compiled(void **state)
{
	static const struct {
		const char	*body;
		const char	*error;		/* NULL: compiles */
		const char	*at;		/* the element, in body */
	} cases[] = {
		{ "<p data-if=\"a\"><i data-text=\"x\">x</i></p>", "'x'",
		    "<i" },
		{ "<p data-unless=\"on\" data-attr-title=\"nope\">x</p>",
		    "'nope'", "<p" },
		{ "<p data-text=\"on\">x</p>", "a flag", "<p" },
		{ "<p data-html=\"a\">x</p>", "needs HTML", "<p" },
		{ "<ul data-each=\"a\"><li>x</li></ul>", "needs a list", "<ul" },
		{ "<ul data-each=\"outer\"><li data-text=\"x\" data-if=\"a\">"
		    "x</li></ul>", NULL, NULL },
		{ "<ul data-each=\"outer\"><li data-each=\"top\" data-text=\"x\">"
		    "x</li></ul>", "'x'", "<li" },
		{ "<p data-text=\"a\"><b data-text=\"hidden\">x</b></p>",
		    "'hidden'", "<b" },
	};
	char where[64];
	size_t i;
	char *err;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		free(run(cases[i].body, NULL, &err));
		if (cases[i].error == NULL) {
			assert_string_equal(err, "");
			free(err);
			continue;
		}
		snprintf(where, sizeof(where), ":3:%d: error: template error",
		    26 + (int)(strstr(cases[i].body, cases[i].at) -
		    cases[i].body));
		if (strstr(err, cases[i].error) == NULL ||
		    strstr(err, where) == NULL)
			fail_msg("case %zu: %s", i, err);
		free(err);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readme_is_written_from_the_table),
		cmocka_unit_test(test_table_is_well_formed),
		cmocka_unit_test(test_undeclared_field_fails_the_page),
		cmocka_unit_test(test_directives_are_checked_when_compiled),
	};

	return cmocka_run_group_tests_name("fields", tests, NULL, NULL);
}
