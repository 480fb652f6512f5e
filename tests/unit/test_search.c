/* test_search.c: the search's tokens (the cases shared with search.js),
 * Markdown as plain text, and the index of the seed: which documents a
 * token finds, how documents shared by specialties merge, and the files
 * written. */
#include "helpers.h"

#include <jansson.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "markdown.h"
#include "labels.h"
#include "par.h"
#include "search.h"
#include "jsontext.h"
#include "search_index.h"

#define CASES "tests/search/cases.json"

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

/* Asserts that the shards of tokens (among 97) are shards. */
static void
assert_shards(const json_t *tokens, const json_t *shards)
{
	const json_t *t;
	size_t i;

	assert_int_equal(json_array_size(tokens), json_array_size(shards));
	json_array_foreach(tokens, i, t)
		assert_int_equal(search_shard(json_string_value(t),
		    json_string_length(t), 97), json_integer_value(
		    json_array_get(shards, i)));
}

/* Every shared case: the normalised text, both sets of tokens and the
 * shards of the tokens. */
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
		assert_shards(json_object_get(c, "index"), json_object_get(c,
		    "shards"));
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
	unsigned n[8] = { 0 }, i;
	char tok[8];

	assert_int_equal(search_shard("arch", 4, 7), search_shard("a", 1, 7));
	assert_int_equal(search_shard("arch", 4, 7), 'a' % 7);
	assert_int_equal(search_shard("x", 1, 1), 0);
	assert_int_equal(search_shard("", 0, 5), 0);
	/* bigrams of one first character spread over the shards */
	for (i = 0; i < 64; i++) {
		snprintf(tok, sizeof(tok), "の%s", (const char *[]){ "あ", "い",
		    "う", "え", "お", "か", "き", "く" }[i % 8]);
		tok[3 + 3 - 1] += (char)(i / 8);	/* another kana */
		n[search_shard(tok, strlen(tok), 8)]++;
	}
	for (i = 0; i < 8; i++)
		assert_true(n[i] > 0 && n[i] < 20);
}

/* Marks in second[] every character that a canonical decomposition
 * holds after its first: those that may compose with the one before. */
static void
S_mark_seconds(unsigned char *second)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	ucs4_t z;
	int n, k;

	for (z = 0; z <= 0x10FFFF; z++)
		for (n = uc_canonical_decomposition(z, d), k = 1; k < n; k++)
			second[d[k]] = 1;
}

/* Asserts that c starts no composition with the character before it:
 * neither c nor, when it decomposes, the first of its decomposition is
 * a second character or has a combining class. */
static void
assert_starts_alone(ucs4_t c, const unsigned char *second)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];

	for (;;) {
		assert_false(second[c]);
		assert_int_equal(uc_combining_class(c), 0);
		if (uc_canonical_decomposition(c, d) < 1)
			break;
		c = d[0];
	}
}

/* Every code point search_nfkc_inert() names is one that NFKC leaves
 * as it is and may cut a text before (so search_normalize() may copy it):
 * checked against libunistring's tables for all of Unicode; kana, the
 * common ideographs and ASCII are among them, full-width letters, the
 * voicing marks and half-width kana are not. */
static void
test_nfkc_inert(void **state)
{
	unsigned char *second = calloc(0x110000, 1);
	uint8_t s[4], *norm;
	size_t n, len, count = 0;
	ucs4_t c;

	(void)state;
	assert_non_null(second);
	S_mark_seconds(second);
	for (c = 0; c <= 0x10FFFF; c++) {
		if (!search_nfkc_inert(c))
			continue;
		count++;
		n = (size_t)u8_uctomb(s, c, 4);
		assert_non_null(norm = u8_normalize(UNINORM_NFKC, s, n, NULL,
		    &len));
		assert_int_equal(len, n);
		assert_memory_equal(norm, s, n);
		free(norm);
		assert_starts_alone(c, second);
	}
	assert_true(count > 20000);
	assert_true(search_nfkc_inert('a') && search_nfkc_inert(0x304C) &&
	    search_nfkc_inert(0x6F22));
	assert_false(search_nfkc_inert(0xFF21) || search_nfkc_inert(0x3099) ||
	    search_nfkc_inert(0xFF76) || search_nfkc_inert(0x0301));
	free(second);
}

/* Appends a random piece of text that NFKC changes or keeps to s. */
static size_t
S_random_piece(char *s)
{
	static const char *const pieces[] = { "a", "E", "e", "\xcc\x81",
	    "\xe3\x81\x8b", "\xe3\x82\x99", "\xe3\x82\x9a", "\xe3\x81\x8c",
	    "\xef\xbd\xb6", "\xef\xbe\x9e", "\xef\xbc\xa1", "\xe3\x80\x80",
	    "\xe6\xbc\xa2", "\xef\xa4\x80", "\xe1\x84\x80", "\xe1\x85\xa1",
	    "\xe1\x86\xa8", "\xea\xb0\x80", "\xe3\x8d\xbf", "\xe3\x80\x82",
	    "\xe2\x91\xa0", "\xcc\xa3", " ", "\xe3\x83\xbc", "\xc3\xa9" };
	const char *p = pieces[(size_t)rand() % (sizeof(pieces) /
	    sizeof(*pieces))];

	memcpy(s, p, strlen(p));
	return strlen(p);
}

/* search_normalize() gives what u8_normalize() gives for the whole text,
 * ASCII lowered, on random mixes of kana, voicing marks (combining and
 * half-width), combining accents, Hangul jamo, compatibility characters
 * and ideographs. */
static void
test_normalize_pieces(void **state)
{
	char s[40 * 4];
	uint8_t *want;
	char *got;
	size_t i, k, n, wlen, glen;

	(void)state;
	srand(15);
	for (i = 0; i < 20000; i++) {
		for (n = 0, k = (size_t)rand() % 12; k > 0; k--)
			n += S_random_piece(s + n);
		assert_non_null(want = u8_normalize(UNINORM_NFKC,
		    (const uint8_t *)s, n, NULL, &wlen));
		for (k = 0; k < wlen; k++)
			if (want[k] >= 'A' && want[k] <= 'Z')
				want[k] += 'a' - 'A';
		assert_non_null(got = search_normalize(s, n, &glen));
		assert_int_equal(glen, wlen);
		assert_memory_equal(got, want, wlen);
		free(got);
		free(want);
	}
}

/* search_tokens_fn: counts the tokens in *ctx. */
static void
S_count(void *ctx, const char *tok, size_t len)
{
	(void)tok;
	(void)len;
	++*(size_t *)ctx;
}

/* A character makes a token exactly when Unicode calls it a letter, a
 * number or a mark: every code point of the blocks of kana, CJK
 * punctuation and the common ideographs, whose letters search.c
 * classes without asking libunistring. */
static void
test_char_class(void **state)
{
	uint8_t s[4];
	size_t n, count;
	ucs4_t c;

	(void)state;
	for (c = 0x3000; c < 0xA000; c++) {
		n = (size_t)u8_uctomb(s, c, 4);
		count = 0;
		search_tokens((const char *)s, n, SEARCH_QUERY, S_count,
		    &count);
		assert_int_equal(count, uc_is_general_category_withtable(c,
		    UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_N |
		    UC_CATEGORY_MASK_M) ? 1 : 0);
	}
}

/* Asserts that jsontext_string() writes the n bytes at s as jansson's
 * json_dumps() does. */
static void
assert_json_string(const char *s, size_t n)
{
	json_t *v = json_stringn_nocheck(s, n);
	char *want = json_dumps(v, JSON_ENCODE_ANY);
	struct strbuf got = { NULL, 0, 0 };

	assert_non_null(want);
	jsontext_string(&got, s, n);
	assert_int_equal(got.len, strlen(want));
	assert_memory_equal(got.s, want, got.len);
	free(got.s);
	free(want);
	json_decref(v);
}

/* The shards' strings are written as jansson writes them, for every
 * character: each byte below 0x80 alone and between others, every
 * Unicode scalar value (256 to a string), and random mixes of quotes,
 * backslashes, control characters, NUL and multi-byte characters. */
static void
test_json_string(void **state)
{
	static const char *const pieces[] = { "\"", "\\", "\n", "\t", "\x01",
	    "\x1f", "\x7f", "/", "a", "\xc3\xa9", "\xe6\xbc\xa2",
	    "\xf0\x9f\x98\x80", "\xe2\x80\xa8" };
	char s[64 * 4];
	size_t n, i;
	uint32_t c;

	(void)state;
	assert_json_string("", 0);
	assert_json_string("a\0b", 3);
	for (c = 0; c < 0x80; c++) {
		s[0] = (char)c;
		assert_json_string(s, 1);
		snprintf(s, sizeof(s), "x%cy", (int)c ? (int)c : ' ');
		assert_json_string(s, 3);
	}
	for (c = 0; c <= 0x10FFFF; ) {
		for (n = 0; n < 64 && c <= 0x10FFFF; c++)
			if (c < 0xD800 || c > 0xDFFF)
				n += (size_t)u8_uctomb((uint8_t *)s + n, c, 4);
		assert_json_string(s, n);
	}
	srand(17);
	for (i = 0; i < 2000; i++) {
		size_t k = (size_t)rand() % 20;
		const char *p;

		for (n = 0; k-- > 0; n += strlen(p)) {
			p = pieces[(size_t)rand() % (sizeof(pieces) /
			    sizeof(*pieces))];
			memcpy(s + n, p, strlen(p));
		}
		assert_json_string(s, n);
	}
}

/* Markdown as plain text: inlines without markup, blocks on lines. */
static void
test_plain_text(void **state)
{
	static const char *const cases[][2] = {
		{ "障害の*原因*を**特定**する", "障害の原因を特定する" },
		{ "一行目\n二行目\n\n次の段落", "一行目二行目\n次の段落" },
		{ "line one\nline two", "line one\nline two" },
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

/* A sink that keeps each file's data (what it puts) as JSON, by path,
 * in the object ctx. */
static int
S_keep(void *ctx, enum sink_kind kind, const char *path, const char *data,
    size_t len, struct diag *d)
{
	static const char head[] = "skillsiteSearch.put(\"";
	const char *comma;
	json_error_t err;
	json_t *v;

	(void)d;
	assert_int_equal(kind, SINK_SEARCH);
	assert_true(len > 4 && strncmp(data + len - 3, ");\n", 3) == 0);
	assert_int_equal(strncmp(data, head, sizeof(head) - 1), 0);
	assert_non_null(comma = memchr(data, ',', len));
	/* the name put is the file's */
	assert_int_equal(strncmp(data + sizeof(head) - 1, strrchr(path, '/') + 1,
	    (size_t)(comma - 1 - data - (sizeof(head) - 1))), 0);
	v = json_loadb(comma + 1, (size_t)(data + len - 3 - comma - 1), 0, &err);
	assert_non_null(v);
	assert_true(len < 2 * SEARCH_SHARD_BYTES);
	json_object_set_new(ctx, path, v);
	return 0;
}

/* Puts the search index of the model of l into sink, its Markdown
 * parsed as a build does; returns what search_index_put() does. */
static int
put_index(struct loaded *l, struct site_sink *sink)
{
	struct md_table *md = md_prepare(&l->m, 1, 1, &l->d);
	int rc = search_index_put(&l->m, md, labels, sink, &l->d);

	md_table_free(md);
	return rc;
}

/* The index files of the seed, by path. */
static json_t *
S_files(void)
{
	json_t *files = json_object();
	struct site_sink sink = { .put = S_keep, .ctx = files };

	assert_int_equal(put_index(&seed, &sink), 0);
	return files;
}

/* Returns document id of files: [kind, level, skill, text, specialty,
 * link, ...]. */
static const json_t *
S_doc(const json_t *files, size_t id)
{
	const json_t *index = json_object_get(files, "search/index.js");
	const json_t *starts = json_object_get(index, "docs");
	size_t s = 0;
	char path[64];

	assert_true(id < (size_t)json_integer_value(json_object_get(index,
	    "count")));
	while (s + 1 < json_array_size(starts) && (size_t)json_integer_value(
	    json_array_get(starts, s + 1)) <= id)
		s++;
	snprintf(path, sizeof(path), "search/d-%zu.js", s);
	return json_array_get(json_object_get(files, path), id -
	    (size_t)json_integer_value(json_array_get(starts, s)));
}

/* Returns the numbers of the documents holding token tok in files, in
 * *n (malloc'd; NULL and 0 when none do). */
static uint32_t *
S_postings(const json_t *files, const char *tok, size_t *n)
{
	const json_t *index = json_object_get(files, "search/index.js");
	unsigned nterms = (unsigned)json_integer_value(json_object_get(index,
	    "terms"));
	const char *text;
	uint32_t *ids, last = 0;
	char path[64], *end;

	snprintf(path, sizeof(path), "search/t-%u.js", search_shard(tok,
	    strlen(tok), nterms));
	*n = 0;
	text = json_string_value(json_object_get(json_object_get(files, path),
	    tok));
	if (text == NULL)
		return NULL;
	assert_non_null(ids = calloc(strlen(text) + 1, sizeof(*ids)));
	for (; *text != '\0'; text = *end ? end + 1 : end) {
		last += (uint32_t)strtoul(text, &end, 36);
		assert_true(end > text && (*end == ',' || *end == '\0'));
		assert_true(*n == 0 || last > ids[*n - 1]);
		ids[(*n)++] = last;
	}
	return ids;
}

/* Returns field k of document doc as a string. */
static const char *
S_str(const json_t *doc, size_t k)
{
	return json_string_value(json_array_get(doc, k));
}

/* The documents holding 障害原因特定's tokens are the knowledge items of
 * the two skills that list it, each linked to its skill page's item. */
static void
test_index_knowledge(void **state)
{
	json_t *files = S_files();
	uint32_t *ids;
	size_t n, i, exact = 0;

	(void)state;
	assert_non_null(ids = S_postings(files, "因特", &n));
	for (i = 0; i < n; i++) {
		const json_t *doc = S_doc(files, ids[i]);

		if (strcmp(S_str(doc, 3), "障害原因特定") != 0)
			continue;
		exact++;
		assert_int_equal(json_integer_value(json_array_get(doc, 0)),
		    SEARCH_KNOWLEDGE);
		assert_int_equal(json_array_size(doc), 7);	/* one link */
		assert_true(strcmp(S_str(doc, 2), "障害修理") == 0 ||
		    strcmp(S_str(doc, 2), "一次対応／二次対応") == 0);
		assert_non_null(strstr(S_str(doc, 6), "/skills/"));
		assert_non_null(strstr(S_str(doc, 6), ".html#k-"));
	}
	assert_int_equal(exact, 2);
	free(ids);
	assert_null(S_postings(files, "存在しない語", &n));
	assert_int_equal(n, 0);
	json_decref(files);
}

/* A skill a tailoring renames is found by either name: each a name
 * document of the skill, which goes by the company's name. */
static void
test_index_renamed(void **state)
{
	static const char tailoring[] = "<tailoring id=\"t\" "
	    "base=\"customer-service\"><name>社内</name><rename "
	    "skill=\"fault-repair\"><name>現地復旧</name></rename></tailoring>";
	json_t *files = json_object();
	struct site_sink sink = { .put = S_keep, .ctx = files };
	const char *const toks[] = { "修理", "復旧" };
	struct loaded l;
	struct loader *ld;
	uint32_t *ids;
	size_t n, i, t, names;

	(void)state;
	ld = loaded_begin(&l);
	loader_path(ld, "content");
	loader_buffer(ld, "t.xml", tailoring, sizeof(tailoring) - 1);
	loaded_end(&l, ld, 1);
	assert_int_equal(l.status, EXIT_OK);
	assert_int_equal(put_index(&l, &sink), 0);
	for (t = 0; t < 2; t++) {
		assert_non_null(ids = S_postings(files, toks[t], &n));
		for (i = names = 0; i < n; i++) {
			const json_t *doc = S_doc(files, ids[i]);

			if (json_integer_value(json_array_get(doc, 0)) !=
			    SEARCH_NAME)
				continue;
			names++;
			assert_string_equal(S_str(doc, 2), "現地復旧");
		}
		assert_int_equal(names, 1);
		free(ids);
	}
	json_decref(files);
	loaded_free(&l);
}

/* Every token of every document lists the document once. */
struct posting_check {
	const json_t	*files;
	uint32_t	 doc;
};

/* search_token_fn: asserts that the token lists the document. */
static void
S_check_posting(void *ctx, const char *tok, size_t len)
{
	struct posting_check *c = ctx;
	char key[256];
	uint32_t *ids;
	size_t n, i, seen = 0;

	assert_true(len < sizeof(key));
	memcpy(key, tok, len);
	key[len] = '\0';
	assert_non_null(ids = S_postings(c->files, key, &n));
	for (i = 0; i < n; i++)
		seen += ids[i] == c->doc;
	assert_int_equal(seen, 1);
	free(ids);
}

static void
test_index_postings(void **state)
{
	json_t *files = S_files();
	struct posting_check c = { files, 0 };
	json_int_t count = json_integer_value(json_object_get(json_object_get(
	    files, "search/index.js"), "count"));
	size_t len;
	char *norm;

	(void)state;
	assert_true(count > 200);
	for (c.doc = 0; c.doc < count; c.doc++) {
		const char *text = S_str(S_doc(files, c.doc), 3);

		norm = search_normalize(text, strlen(text), &len);
		search_tokens(norm, len, SEARCH_INDEX, S_check_posting, &c);
		free(norm);
	}
	json_decref(files);
}

/* The index gives search.js the pages' words: each level's name, the
 * digits and the search's labels, from labels.xml, so results read as
 * the pages do and search.js holds no words. */
static void
test_index_words(void **state)
{
	json_t *files = S_files();
	const json_t *words = json_object_get(json_object_get(files,
	    "search/index.js"), "words");
	const json_t *levels = json_object_get(words, "levels");

	(void)state;
	assert_non_null(levels);
	assert_string_equal(json_string_value(json_object_get(levels, "3")),
	    "レベル３");
	assert_string_equal(json_string_value(json_object_get(levels, "7")),
	    "レベル７");
	assert_string_equal(json_string_value(json_object_get(words,
	    "digits")), "０１２３４５６７８９");
	/* every label search.js writes, placeholders as written */
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    words, "labels"), "search-level")), "{level}の説明");
	assert_int_equal(json_object_size(json_object_get(words, "labels")),
	    LABEL_SEARCH_UNCHECKED - LABEL_SEARCH_NAME + 1);
	json_decref(files);
}

/* A common skill's name is one document linked from every specialty;
 * every document carries its skill's number; descriptions are plain
 * text; full-width ＩＴ is indexed as "it". */
static void
test_index_shared(void **state)
{
	json_t *files = S_files();
	json_int_t count = json_integer_value(json_object_get(json_object_get(
	    files, "search/index.js"), "count"));
	size_t i, n, names = 0;
	json_int_t group = -1;

	(void)state;
	for (i = 0; i < (size_t)count; i++) {
		const json_t *doc = S_doc(files, i);
		json_int_t kind = json_integer_value(json_array_get(doc, 0));
		json_int_t level = json_integer_value(json_array_get(doc, 1));
		json_int_t skill = json_integer_value(json_array_get(doc, 4));

		if (kind == SEARCH_NAME && strcmp(S_str(doc, 3),
		    "システム保守管理") == 0) {
			names++;
			assert_int_equal(json_array_size(doc), 5 + 2 * 3);
			assert_string_equal(S_str(doc, 5), "ハードウェア");
		}
		/* a skill's number: one per skill, from 0, in order */
		assert_int_equal(skill, kind == SEARCH_NAME ? group + 1 : group);
		group = skill;
		assert_true(json_array_size(doc) >= 7 &&
		    json_array_size(doc) % 2 == 1);
		assert_true(kind == SEARCH_LEVEL ? level >= 3 && level <= 7 :
		    level == 0);
		assert_null(strchr(S_str(doc, 3), '*'));	/* no Markdown */
	}
	assert_int_equal(names, 1);
	free(S_postings(files, "it", &n));
	assert_true(n >= 3);	/* 最新ＩＴ市場動向, ITアーキテクチャ x2 */
	free(S_postings(files, "ＩＴ", &n));
	assert_int_equal(n, 0);
	json_decref(files);
}

/* A sink that refuses every file. */
static int
S_refuse(void *ctx, enum sink_kind kind, const char *path, const char *data,
    size_t len, struct diag *d)
{
	(void)ctx;
	(void)kind;
	(void)path;
	(void)data;
	(void)len;
	(void)d;
	return -1;
}

/* A sink that refuses a file stops the index, which says it failed. */
/* A skill's name and knowledge documents link at most USES_SHOWN
 * specialties and then the comparison page; a level's document links
 * every specialty that gives its text (each gives one per level). */
static void
test_index_caps_a_skills_specialties(void **state)
{
	enum { N = USES_SHOWN + 5 };
	char *xml = calloc(N + 4, 256), *at = xml;
	json_t *files = json_object();
	struct site_sink sink = { .put = S_keep, .ctx = files };
	struct loaded l;
	const json_t *name, *item, *level;
	size_t i;

	(void)state;
	assert_non_null(xml);
	at += sprintf(at, "<jobtype id=\"jt\" min-level=\"3\" max-level=\"3\">"
	    "<name>n</name><skill id=\"c\" scope=\"common\"><name>共通</name>"
	    "<knowledge><item>項目</item></knowledge></skill>\n");
	for (i = 0; i < N; i++)
		at += sprintf(at, "<specialty id=\"p%zu\"><name>p%zu</name>"
		    "<entry skill=\"c\"><level value=\"3\">同じ</level></entry>"
		    "</specialty>\n", i, i);
	strcpy(at, "</jobtype>\n");
	load_string(&l, xml, 1);
	assert_string_equal(l.text, "");
	assert_int_equal(put_index(&l, &sink), 0);
	name = S_doc(files, 0);
	item = S_doc(files, 1);
	level = S_doc(files, 2);
	/* the rest: one [label, link], never taken for a specialty */
	assert_int_equal(json_array_size(name), 5 + 2 * USES_SHOWN + 1);
	assert_int_equal(json_array_size(item), json_array_size(name));
	assert_string_equal(json_string_value(json_array_get(json_array_get(
	    name, 5 + 2 * USES_SHOWN), 0)), "ほか５分野");
	assert_string_equal(json_string_value(json_array_get(json_array_get(
	    name, 5 + 2 * USES_SHOWN), 1)), "jt/compare/c.html");
	assert_int_equal(json_array_size(level), 5 + 2 * N);
	json_decref(files);
	loaded_free(&l);
	free(xml);
}

static void
test_index_sink_refuses(void **state)
{
	struct site_sink sink = { .put = S_refuse };

	(void)state;
	assert_int_equal(put_index(&seed, &sink), -1);
}

/* A sink that keeps each file's bytes, as a JSON string, by path, in
 * the object ctx. */
static int
S_keep_bytes(void *ctx, enum sink_kind kind, const char *path,
    const char *data, size_t len, struct diag *d)
{
	(void)kind;
	(void)d;
	json_object_set_new(ctx, path, json_stringn(data, len));
	return 0;
}

/* par_job run: makes part i of the index ctx. */
static void
S_run_part(void *ctx, void *state, size_t i, struct diag *d)
{
	(void)state;
	search_build_part(ctx, i, d);
}

/* Returns the smallest step from 2 on that is prime to n. */
static size_t
S_step_prime_to(size_t n)
{
	size_t step, a, b, t;

	for (step = 2;; step++) {
		for (a = step, b = n; b != 0; t = a % b, a = b, b = t)
			;
		if (a == 1)
			return step;
	}
}

/* Makes the n parts of s in the order of i -> (i * step + first) % n
 * (step prime to n), or on three threads when step is 0; returns -1
 * when a part or search_build_end() does. */
static int
S_build_parts(struct search_build *s, size_t step, size_t first)
{
	struct par_job job = { NULL, S_run_part, NULL, s };
	size_t i, n = search_build_parts(s);
	int rc = 0;

	if (step == 0)
		par_run(&job, n, 3, &seed.d);
	else
		for (i = 0; i < n; i++)
			if (search_build_part(s, (i * step + first) % n,
			    &seed.d) < 0)
				rc = -1;
	return search_build_end(s) < 0 ? -1 : rc;
}

/* The index made in parts of any size, in any order, on several
 * threads, is the same bytes as made in one go; a sink that refuses
 * fails it, whatever part is made last. */
static void
test_index_parts(void **state)
{
	static const size_t sizes[] = { 1, 7, 60, 100000 };
	json_t *whole = json_object(), *parts;
	struct site_sink sink = { .put = S_keep_bytes, .ctx = whole };
	struct md_table *md = md_prepare(&seed.m, 1, 1, &seed.d);
	struct search_build *s;
	size_t i, k, n, steps[5], firsts[5] = { 0, 0, 1, 0, 0 };

	(void)state;
	assert_int_equal(search_index_put(&seed.m, md, labels, &sink,
	    &seed.d), 0);
	for (i = 0; i < sizeof(sizes) / sizeof(*sizes); i++)
		for (k = 0; k < 5; k++) {
			sink.ctx = parts = json_object();
			s = search_build_new(&seed.m, md, labels, &sink,
			    sizes[i]);
			n = search_build_parts(s);
			assert_true(sizes[i] < 100 ? n >= 5 : n == 1);
			/* in order, on threads, part 0 last, backwards,
			 * skipping */
			steps[0] = steps[2] = 1;
			steps[1] = 0;
			steps[3] = n - 1;
			firsts[3] = n - 1;
			steps[4] = S_step_prime_to(n);
			assert_int_equal(S_build_parts(s, steps[k],
			    firsts[k]), 0);
			assert_true(json_equal(parts, whole));
			json_decref(parts);
		}
	sink.put = S_refuse;
	for (k = 0; k < 2; k++) {
		s = search_build_new(&seed.m, md, labels, &sink, 7);
		n = search_build_parts(s);
		assert_int_equal(S_build_parts(s, k == 0 ? n - 1 : 1,
		    k == 0 ? n - 1 : 0), -1);
	}
	md_table_free(md);
	json_decref(whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_cases),
		cmocka_unit_test(test_normalize_invalid),
		cmocka_unit_test(test_nfkc_inert),
		cmocka_unit_test(test_normalize_pieces),
		cmocka_unit_test(test_char_class),
		cmocka_unit_test(test_shard),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_index_knowledge),
		cmocka_unit_test(test_index_renamed),
		cmocka_unit_test(test_index_postings),
		cmocka_unit_test(test_index_words),
		cmocka_unit_test(test_index_shared),
		cmocka_unit_test(test_index_caps_a_skills_specialties),
		cmocka_unit_test(test_index_sink_refuses),
		cmocka_unit_test(test_index_parts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
