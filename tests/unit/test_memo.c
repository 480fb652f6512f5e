/* test_memo.c: each Markdown field rendered once (HTML and plain text),
 * and the fragments. */
#include "helpers.h"

#include "memo.h"
#include "template.h"

static void
test_a_field_is_rendered_once(void **state)
{
	static const char field[] = "一つの**段落**";
	char copy[sizeof(field)];
	struct memo m;
	const struct fragment *a, *b, *c;

	(void)state;
	memcpy(copy, field, sizeof(field));
	memo_init(&m);
	a = memo_fragment(&m, field);
	b = memo_fragment(&m, field);
	c = memo_fragment(&m, copy);	/* another field, the same text */
	assert_non_null(a);
	assert_ptr_equal(a, b);
	assert_ptr_not_equal(a, c);
	assert_non_null(memo_fragment(&m, NULL));
	memo_clear(&m);
	assert_non_null(memo_fragment(&m, field));
	memo_free(&m);
}

/* The plain text is made once per field, beside its HTML, and goes with
 * memo_clear(). */
static void
test_plain_text_once(void **state)
{
	static const char field[] = "一つの**段落**\n\n二つ目";
	struct memo m;
	const char *a, *b;

	(void)state;
	memo_init(&m);
	assert_non_null(memo_fragment(&m, field));
	a = memo_plain(&m, field);
	b = memo_plain(&m, field);
	assert_string_equal(a, "一つの段落\n二つ目");
	assert_ptr_equal(a, b);
	memo_clear(&m);
	assert_string_equal(memo_plain(&m, field), "一つの段落\n二つ目");
	assert_non_null(memo_fragment(&m, field));	/* rendered anew */
	memo_free(&m);
}

static void
test_many_fields(void **state)
{
	enum { N = 5000 };
	static char fields[N][16];
	const struct fragment *first[N];
	struct memo m;
	size_t i;

	(void)state;
	memo_init(&m);
	for (i = 0; i < N; i++) {
		snprintf(fields[i], sizeof(fields[i]), "field %zu", i);
		first[i] = memo_fragment(&m, fields[i]);
	}
	for (i = 0; i < N; i++)
		assert_ptr_equal(memo_fragment(&m, fields[i]), first[i]);
	memo_free(&m);
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

/* A table grown for one large unit does not stay: else every later
 * unit's memo_clear() would walk it, and a thread's work would grow with
 * units times the largest unit. */
static void
test_clear_after_a_large_unit_is_small(void **state)
{
	enum { N = 20000 };
	char *texts = calloc(N, 2);
	struct memo m;
	size_t i;

	(void)state;
	assert_non_null(texts);
	memo_init(&m);
	for (i = 0; i < N; i++) {
		texts[2 * i] = 'a';
		assert_non_null(memo_plain(&m, &texts[2 * i]));
	}
	assert_true(m.cap >= 2 * N);
	memo_clear(&m);
	assert_string_equal(memo_plain(&m, &texts[0]), "a");	/* a small unit */
	memo_clear(&m);
	assert_true(m.cap <= 1024);
	memo_free(&m);
	free(texts);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_field_is_rendered_once),
		cmocka_unit_test(test_plain_text_once),
		cmocka_unit_test(test_many_fields),
		cmocka_unit_test(test_fragments),
		cmocka_unit_test(test_clear_after_a_large_unit_is_small),
	};

	return cmocka_run_group_tests_name("memo", tests, NULL, NULL);
}
