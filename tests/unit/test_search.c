/* test_search.c: the search's tokens (the cases shared with search.js),
 * Markdown as plain text, and the index of the seed: which documents a
 * token finds, how documents shared by specialties merge, and the files
 * written. */
#include "helpers.h"

#include <jansson.h>

#include "markdown.h"
#include "search.h"
#include "search_index.h"

#define CASES "tests/search/cases.json"

static struct loaded seed;

static int
setup(void **state)
{
	struct loader *ld;

	(void)state;
	ld = loaded_begin(&seed);
	loader_path(ld, "content");
	loaded_end(&seed, ld, 1);
	return seed.status == EXIT_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	loaded_free(&seed);
	return 0;
}

/* search_token_fn: appends the token to JSON array ctx unless there. */
static void
S_collect(void *ctx, const char *tok, size_t len)
{
	json_t *a = ctx, *v = json_stringn(tok, len);
	size_t i;

	assert_non_null(v);
	for (i = 0; i < json_array_size(a); i++)
		if (json_equal(json_array_get(a, i), v)) {
			json_decref(v);
			return;
		}
	json_array_append_new(a, v);
}

/* Asserts that the distinct tokens of norm in mode are the array want. */
static void
assert_tokens(const char *norm, size_t len, enum search_mode mode,
    const json_t *want, const char *text)
{
	json_t *got = json_array();

	search_tokens(norm, len, mode, S_collect, got);
	if (!json_equal(got, want)) {
		char *g = json_dumps(got, 0), *w = json_dumps(want, 0);

		print_error("%s (%s): got %s, want %s\n", text,
		    mode == SEARCH_INDEX ? "index" : "query", g, w);
		free(g);
		free(w);
		fail();
	}
	json_decref(got);
}

/* Every shared case: the normalised text and both sets of tokens. */
static void
test_shared_cases(void **state)
{
	json_error_t err;
	json_t *root = json_load_file(CASES, 0, &err), *cases, *c;
	size_t i, len;
	char *norm;

	(void)state;
	assert_non_null(root);
	cases = json_object_get(root, "cases");
	assert_true(json_array_size(cases) >= 20);
	json_array_foreach(cases, i, c) {
		const char *text = json_string_value(json_object_get(c, "text"));

		norm = search_normalize(text, strlen(text), &len);
		assert_non_null(norm);
		assert_string_equal(norm, json_string_value(json_object_get(c,
		    "normalized")));
		assert_int_equal(strlen(norm), len);
		assert_tokens(norm, len, SEARCH_INDEX, json_object_get(c,
		    "index"), text);
		assert_tokens(norm, len, SEARCH_QUERY, json_object_get(c,
		    "query"), text);
		free(norm);
	}
	json_decref(root);
}

/* Text that is not UTF-8 is refused, not normalised. */
static void
test_normalize_invalid(void **state)
{
	size_t len = 99;
	char *empty;

	(void)state;
	assert_null(search_normalize("ab\xff", 3, &len));
	assert_null(search_normalize("\xe9\x9a", 2, &len));	/* cut short */
	assert_non_null(empty = search_normalize("", 0, &len));
	assert_int_equal(len, 0);
	free(empty);
}

/* A word's prefixes share its shard; a token is always within range. */
static void
test_shard(void **state)
{
	(void)state;
	assert_int_equal(search_shard("arch", 4, 7), search_shard("a", 1, 7));
	assert_int_equal(search_shard("障害", 6, 16), 0x969C % 16);
	assert_int_equal(search_shard("x", 1, 1), 0);
	assert_int_equal(search_shard("", 0, 5), 0);
}

/* Markdown as plain text: inlines without markup, blocks on lines. */
static void
test_plain_text(void **state)
{
	static const char *const cases[][2] = {
		{ "障害の*原因*を**特定**する", "障害の原因を特定する" },
		{ "一行目\n二行目\n\n次の段落", "一行目\n二行目\n次の段落" },
		{ "[リンク](x.html)と`code`", "リンクとcode" },
		{ "- 項目一\n- 項目二", "項目一\n項目二" },
		{ "<b>生の</b>HTML", "生のHTML" },
		{ "&amp; &lt;", "& <" },
		{ "", "" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *t = md_plain_text(cases[i][0]);

		assert_string_equal(t, cases[i][1]);
		free(t);
	}
}

/* Returns the skill of the site numbered n in the seed. */
static const struct skill *
S_skill(size_t n)
{
	const struct jobtype *jt = &seed.m.jobtypes[0];

	assert_true(n < jt->nskills);
	return &jt->skills[n];
}

/* The documents holding 障害原因特定's tokens are the knowledge items of
 * the two skills that list it, each linked to its skill page's item. */
static void
test_index_knowledge(void **state)
{
	struct search_index ix;
	const uint32_t *ids;
	size_t n, i, exact = 0;

	(void)state;
	assert_int_equal(search_index_build(&ix, &seed.m), 0);
	assert_non_null(ids = search_index_lookup(&ix, "因特", &n));
	for (i = 0; i < n; i++) {
		const struct search_doc *doc = &ix.docs[ids[i]];

		if (strcmp(doc->text, "障害原因特定") != 0)
			continue;
		exact++;
		assert_int_equal(doc->kind, SEARCH_KNOWLEDGE);
		assert_int_equal(doc->nrefs, 1);
		assert_true(strcmp(S_skill(doc->skill)->id, "fault-repair") == 0 ||
		    strcmp(S_skill(doc->skill)->id,
		    "first-second-line-support") == 0);
		assert_non_null(strstr(doc->refs[0].href, "/skills/"));
		assert_non_null(strstr(doc->refs[0].href, ".html#k-"));
	}
	assert_int_equal(exact, 2);
	for (i = 1; i < n; i++)
		assert_true(ids[i - 1] < ids[i]);
	assert_null(search_index_lookup(&ix, "存在しない語", &n));
	assert_int_equal(n, 0);
	search_index_free(&ix);
}

/* A common skill's name is one document linked from every specialty;
 * full-width ＩＴ is indexed as "it". */
static void
test_index_shared(void **state)
{
	struct search_index ix;
	const uint32_t *ids;
	size_t n, i, names = 0;

	(void)state;
	assert_int_equal(search_index_build(&ix, &seed.m), 0);
	for (i = 0; i < ix.ndocs; i++) {
		const struct search_doc *doc = &ix.docs[i];

		if (doc->kind == SEARCH_NAME && strcmp(doc->text,
		    "システム保守管理") == 0) {
			names++;
			assert_int_equal(doc->nrefs, 3);
		}
		assert_true(doc->nrefs >= 1);
		assert_true(doc->kind != SEARCH_LEVEL ||
		    (doc->level >= 3 && doc->level <= 7));
		assert_null(strchr(doc->text, '*'));	/* no Markdown */
	}
	assert_int_equal(names, 1);
	assert_non_null(ids = search_index_lookup(&ix, "it", &n));
	assert_true(n >= 3);	/* 最新ＩＴ市場動向, ITアーキテクチャ x2 */
	assert_null(search_index_lookup(&ix, "ＩＴ", &n));
	search_index_free(&ix);
}

/* A sink that keeps the files' names and sizes as a JSON object. */
static int
S_keep(void *ctx, const char *path, const char *data, size_t len,
    struct diag *d)
{
	(void)d;
	assert_true(len > 0 && data[len - 1] == '\n');
	assert_int_equal(strncmp(data, "skillsiteSearch.put(\"", 21), 0);
	json_object_set_new(ctx, path, json_integer((json_int_t)len));
	return 0;
}

/* The files: the index and its shards, each under the shard size but
 * for one document or token bigger than that. */
static void
test_index_files(void **state)
{
	struct search_index ix;
	json_t *files = json_object(), *v;
	struct site_sink sink = { S_keep, files, 0 };
	const char *path;

	(void)state;
	assert_int_equal(search_index_build(&ix, &seed.m), 0);
	assert_int_equal(search_index_put(&ix, &seed.m, &sink, &seed.d), 0);
	assert_non_null(json_object_get(files, "search/index.js"));
	assert_non_null(json_object_get(files, "search/t-0.js"));
	assert_non_null(json_object_get(files, "search/d-0.js"));
	json_object_foreach(files, path, v)
		assert_true(json_integer_value(v) < 2 * SEARCH_SHARD_BYTES);
	json_decref(files);
	search_index_free(&ix);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_cases),
		cmocka_unit_test(test_normalize_invalid),
		cmocka_unit_test(test_shard),
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_index_knowledge),
		cmocka_unit_test(test_index_shared),
		cmocka_unit_test(test_index_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
