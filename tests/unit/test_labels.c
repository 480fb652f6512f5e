/* test_labels.c: the words of the pages (templates/labels.xml): the real
 * file loads and formats; a missing, unknown or repeated label, an
 * unknown placeholder, a stray brace or a wrong digits attribute each
 * fail at labels.xml:line:col; numbers take the file's digits. */
#include "helpers.h"

#include <unistd.h>

#include "alloc.h"
#include "arena.h"
#include "labels.h"

#define REAL "templates/labels.xml"

/* The real file, read whole (malloc'd, NUL-terminated). */
static char *
S_real(void)
{
	FILE *f = fopen(REAL, "rb");
	char *s = calloc(1, 1 << 20);
	size_t n;

	assert_non_null(f);
	assert_non_null(s);
	n = fread(s, 1, (1 << 20) - 1, f);
	fclose(f);
	s[n] = '\0';
	return s;
}

/* Returns the real file with the first from replaced by to (malloc'd). */
static char *
S_edit(const char *from, const char *to)
{
	char *real = S_real(), *at = strstr(real, from), *out;

	assert_non_null(at);
	out = calloc(1, strlen(real) + strlen(to) + 1);
	assert_non_null(out);
	memcpy(out, real, (size_t)(at - real));
	strcat(out, to);
	strcat(out, at + strlen(from));
	free(real);
	return out;
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
}

/* A label the file lacks fails at the root element. */
static void
test_missing_label(void **state)
{
	(void)state;
	S_fails(S_edit("  <label name=\"home\">ホーム</label>\n", ""),
	    "labels.xml:6:1: error: template error: label 'home' is missing");
}

/* A label skillsite does not know fails at its element, as does one
 * given twice. */
static void
test_unknown_label(void **state)
{
	(void)state;
	S_fails(S_edit("<label name=\"home\">", "<label name=\"homepage\">"),
	    "labels.xml:8:3: error: template error: unknown label 'homepage'");
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
	    "labels.xml:13:3: error: template error: label 'title-skill' "
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

/* A file that is not well-formed fails at libxml2's line and column. */
static void
test_not_well_formed(void **state)
{
	(void)state;
	S_fails(S_edit("</labels>", "</label>"), "labels.xml:28:9: error: template error: not well-formed XML");
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
		cmocka_unit_test(test_not_well_formed),
		cmocka_unit_test(test_crowded_tag),
	};

	return cmocka_run_group_tests_name("labels", tests, NULL, NULL);
}
