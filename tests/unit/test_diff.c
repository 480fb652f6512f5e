/* test_diff.c: character differences of Japanese texts, between two
 * (level changes) and among several (comparisons); empty, identical and
 * worst-case inputs. */
#include "helpers.h"

#include "diff.h"
#include "diff_private.h"

/* Returns the pieces of p as text: deleted ones in [- -], inserted ones
 * in {+ +}. */
static const char *
show_pair(struct arena *a, const struct diff_piece *p)
{
	size_t n = 16;
	const struct diff_piece *q;
	char *out;

	for (q = p; q != NULL; q = q->next)
		n += strlen(q->text) + 4;
	out = arena_calloc(a, n, 1);
	for (; p != NULL; p = p->next) {
		strcat(out, p->kind == DIFF_DEL ? "[-" : p->kind == DIFF_INS ?
		    "{+" : "");
		strcat(out, p->text);
		strcat(out, p->kind == DIFF_DEL ? "-]" : p->kind == DIFF_INS ?
		    "+}" : "");
	}
	return out;
}

/* Returns the segments of sg as "text|" with differing ones in [ ]. */
static const char *
show(struct arena *a, const struct segment *sg)
{
	char *out = arena_calloc(a, 1024, 1);

	for (; sg != NULL; sg = sg->next) {
		strcat(out, sg->differs ? "[" : "");
		strcat(out, sg->text);
		strcat(out, sg->differs ? "]" : "");
		strcat(out, "|");
	}
	return out;
}

/* Asserts that diff_pair(from, to) shows as want. */
static void
assert_pair(const char *from, const char *to, const char *want)
{
	struct arena a;

	arena_init(&a);
	assert_string_equal(show_pair(&a, diff_pair(&a, from, to)), want);
	arena_free(&a);
}

/* Katakana compounds change where they differ, not whole. */
static void
test_pair_marks_the_changed_characters(void **state)
{
	(void)state;
	assert_pair("ハードウェアサービスチームメンバとして",
	    "ソフトウェアサービスチームリーダとして",
	    "[-ハード-]{+ソフト+}ウェアサービスチーム[-メンバ-]{+リーダ+}として");
	assert_pair("ユーザの方針策定を支援し、",
	    "ユーザの方針を策定し、",
	    "ユーザの方針{+を+}策定[-を支援-]し、");
}

/* A level's description that grows at its start, as ITSS's do. */
static void
test_pair_level_step(void **state)
{
	(void)state;
	assert_pair("チームメンバとして、管理を実施することができる",
	    "特定業界のユーザに対するチームリーダとして、管理を実施することが"
	    "できる",
	    "{+特定業界のユーザに対する+}チーム[-メンバ-]{+リーダ+}として、"
	    "管理を実施することができる");
}

/* A stray character in common between rewritten phrases joins them. */
static void
test_pair_stray_characters_join_the_change(void **state)
{
	(void)state;
	assert_pair("赤い花が咲く", "青い空が広がる",
	    "[-赤い花が咲く-]{+青い空が広がる+}");
	/* a run longer than the changes around it stays */
	assert_pair("赤サービスチーム青", "緑サービスチーム黄",
	    "[-赤-]{+緑+}サービスチーム[-青-]{+黄+}");
}

static void
test_pair_empty_and_identical(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_null(diff_pair(&a, "", ""));
	arena_free(&a);
	assert_pair("", "加わる", "{+加わる+}");
	assert_pair("消える", "", "[-消える-]");
	assert_pair("同じ文", "同じ文", "同じ文");
}

/* A byte that is no UTF-8 equals no character, not even its own value
 * or what an overlong sequence would spell. */
static void
test_pair_invalid_bytes_differ(void **state)
{
	(void)state;
	assert_pair("x\xe9y", "x\xc3\xa9y", "x[-\xe9-]{+\xc3\xa9+}y");
	assert_pair("\xc1\x81", "A", "[-\xc1\x81-]{+A+}");
}

/* Returns n copies of the UTF-8 character c, malloc'd. */
static char *
repeat(const char *c, size_t n)
{
	size_t len = strlen(c), i;
	char *s = malloc(len * n + 1);

	assert_non_null(s);
	for (i = 0; i < n; i++)
		memcpy(s + i * len, c, len);
	s[len * n] = '\0';
	return s;
}

/* Past DIFF_D_MAX edits the middle counts as changed whole; within it,
 * the edit is exact; a long text with one change costs little. */
static void
test_pair_worst_cases_are_bounded(void **state)
{
	struct arena a;
	char *x = repeat("あ", 16 * 1024 / 3), *y = repeat("い", 16 * 1024 / 3);
	char *half = repeat("う", DIFF_D_MAX / 2), *other = repeat("え",
	    DIFF_D_MAX / 2);
	const struct diff_piece *p;

	(void)state;
	arena_init(&a);
	p = diff_pair(&a, x, y);	/* far more than DIFF_D_MAX edits */
	assert_int_equal(p->kind, DIFF_DEL);
	assert_string_equal(p->text, x);
	assert_int_equal(p->next->kind, DIFF_INS);
	assert_string_equal(p->next->text, y);
	assert_null(p->next->next);
	p = diff_pair(&a, half, other);	/* exactly DIFF_D_MAX edits */
	assert_int_equal(p->kind, DIFF_DEL);
	assert_null(p->next->next);
	memcpy(y, x, strlen(x));	/* one character changed, mid-text */
	memcpy(y + 3 * 2000, "い", 3);
	p = diff_pair(&a, x, y);
	assert_int_equal(p->kind, DIFF_SAME);
	assert_int_equal(strlen(p->text), 3 * 2000);
	assert_string_equal(p->next->text, "あ");
	assert_string_equal(p->next->next->text, "い");
	assert_int_equal(p->next->next->next->kind, DIFF_SAME);
	arena_free(&a);
	free(x);
	free(y);
	free(half);
	free(other);
}

/* Returns whether pieces p rebuild from (kept and deleted) and to (kept
 * and inserted). */
static int
rebuilds(const struct diff_piece *p, const char *from, const char *to)
{
	size_t i = 0, j = 0, len;

	for (; p != NULL; p = p->next) {
		len = strlen(p->text);
		if (p->kind != DIFF_INS) {
			if (strncmp(from + i, p->text, len) != 0)
				return 0;
			i += len;
		}
		if (p->kind != DIFF_DEL) {
			if (strncmp(to + j, p->text, len) != 0)
				return 0;
			j += len;
		}
	}
	return from[i] == '\0' && to[j] == '\0';
}

/* Returns the pieces of from and to, in arena a, the steps their
 * searches took in *steps, checking that they rebuild both texts and
 * that the steps stay within the budget of a search by characters, one
 * by words and one within each change (linear in the texts' length). */
static const struct diff_piece *
pair_within_budget(struct arena *a, const char *from, const char *to,
    size_t *steps)
{
	struct diff_chars x, y;
	const struct diff_piece *p;
	size_t bound;

	diff_chars(&x, from);
	diff_chars(&y, to);
	*steps = 0;
	p = diff_pieces_counted(a, &x, &y, steps);
	bound = 3 * (DIFF_STEPS_PER_CHAR * (x.n + y.n) + DIFF_STEPS_MIN);
	assert_true(*steps <= bound);
	assert_true(rebuilds(p, from, to));
	diff_chars_free(&x);
	diff_chars_free(&y);
	return p;
}

/* Returns text s with every nth character (of the 3-byte ones s is made
 * of) replaced by c, a 3-byte character. */
static char *
every_nth(const char *s, size_t n, const char *c)
{
	char *t = strdup(s);
	size_t i;

	assert_non_null(t);
	for (i = 3 * (n - 1); i + 3 <= strlen(t); i += 3 * n)
		memcpy(t + i, c, 3);
	return t;
}

/* Texts that share nothing but scattered characters, or everything but
 * one character in every few (where Myers' search alone takes work
 * quadratic in their length), are diffed in steps linear in their
 * length, and the pieces still rebuild both texts; a text with one word
 * changed is still found exactly. */
static void
test_pair_work_is_linear(void **state)
{
	static const char *const alphabet[] = { "あ", "い", "う", "、", "管",
	    "理", "ア", "イ" };
	char *x = malloc(3 * 3000 + 1), *y = malloc(3 * 3000 + 1);
	char *kana = repeat("あいうえお", 400), *kanji = repeat("管理運用保守",
	    300), *k1, *k2;
	unsigned seed = 17;
	size_t i, steps;
	struct arena a;
	const struct diff_piece *p;

	(void)state;
	assert_non_null(x);
	assert_non_null(y);
	for (i = 0; i < 3000; i++) {	/* random, from few characters */
		seed = seed * 1103515245 + 12345;
		memcpy(x + 3 * i, alphabet[(seed >> 16) % 8], 3);
		seed = seed * 1103515245 + 12345;
		memcpy(y + 3 * i, alphabet[(seed >> 16) % 8], 3);
	}
	x[3 * 3000] = y[3 * 3000] = '\0';
	arena_init(&a);
	(void)pair_within_budget(&a, x, y, &steps);
	assert_true(steps > 0);
	k1 = every_nth(kana, 3, "か");
	(void)pair_within_budget(&a, kana, k1, &steps);
	k2 = every_nth(kanji, 4, "務");
	(void)pair_within_budget(&a, kanji, k2, &steps);
	free(k2);
	k2 = every_nth(kana, 5, "管");
	(void)pair_within_budget(&a, k1, k2, &steps);
	memcpy(k2, kanji, strlen(kanji) + 1);	/* one word changed */
	memcpy(k2 + 3 * 600, "務務", 6);
	p = pair_within_budget(&a, kanji, k2, &steps);
	assert_int_equal(p->kind, DIFF_SAME);
	assert_int_equal(strlen(p->text), 3 * 600);
	assert_string_equal(p->next->text, "管理");
	assert_string_equal(p->next->next->text, "務務");
	arena_free(&a);
	free(x);
	free(y);
	free(kana);
	free(kanji);
	free(k1);
	free(k2);
}

/* Past DIFF_D_MAX edits of characters (30 long katakana words of 300
 * replaced by others), the texts are aligned by words: the words kept
 * are found, each replaced word is one change, within the budget. */
static void
test_pair_long_changes_align_by_words(void **state)
{
	char *x = calloc(300 * 21 * 3 + 1, 1), *y = calloc(300 * 21 * 3 + 1, 1);
	unsigned seed = 3, c;
	size_t i, j, at = 0, dels = 0, inss = 0, steps;
	struct arena a;
	const struct diff_piece *p;

	(void)state;
	assert_non_null(x);
	assert_non_null(y);
	for (i = 0; i < 300; i++) {
		for (j = 0; j < 20; j++, at += 3) {	/* katakana ア to ン */
			seed = seed * 1103515245 + 12345;
			c = 0x30A2 + (seed >> 16) % 82;
			x[at] = (char)(0xE0 | (c >> 12));
			x[at + 1] = (char)(0x80 | ((c >> 6) & 0x3F));
			x[at + 2] = (char)(0x80 | (c & 0x3F));
			memcpy(y + at, i % 10 == 0 ? "ヴ" : x + at, 3);
		}
		memcpy(x + at, "の", 3);
		memcpy(y + at, "の", 3);
		at += 3;
	}
	arena_init(&a);
	for (p = pair_within_budget(&a, x, y, &steps); p != NULL; p = p->next) {
		dels += p->kind == DIFF_DEL;
		inss += p->kind == DIFF_INS;
		if (p->kind == DIFF_DEL)
			assert_int_equal(strlen(p->text), 20 * 3);
	}
	assert_int_equal(dels, 30);
	assert_int_equal(inss, 30);
	arena_free(&a);
	free(x);
	free(y);
}

/* Level texts of the seed (the hardware handbook's system maintenance,
 * levels 4 to 5: a long rewrite) diff as the unbounded search did. */
static void
test_pair_seed_texts_as_before(void **state)
{
	static const char from[] = "広域地域、特定業界の一部のユーザ又はそれら"
	    "に相当するユーザに対するサービスチームにおけるハードウェアサービ"
	    "スチームリーダ又はカスタマサービスチームリーダとしてとして、ユーザ"
	    "のシステム保守管理方針策定を支援し、主要なシステム保守管理を実施す"
	    "ることができる";
	static const char to[] = "広域地域全体、特定業界のユーザ全体又はそれら"
	    "に相当するユーザに対するサービスチームのハードウェアサービス責任者"
	    "又はカスタマサービス責任者として、複雑なシステムのシステム保守管理"
	    "方針を策定し、ハードウェアサービスチームをリードして主要なシステム"
	    "保守管理を実施することができる";
	struct arena a;
	size_t steps;

	(void)state;
	arena_init(&a);
	assert_string_equal(show_pair(&a, pair_within_budget(&a, from, to,
	    &steps)), "広域地域{+全体+}、特定業界の[-一部の-]ユーザ{+全体+}"
	    "又はそれらに相当するユーザに対するサービスチーム[-における-]{+の+}"
	    "ハードウェアサービス[-チームリーダ-]{+責任者+}又はカスタマサービス"
	    "[-チームリーダとしてとして、ユーザ-]{+責任者として、複雑なシステム+}"
	    "のシステム保守管理方針{+を+}策定[-を支援-]し、"
	    "{+ハードウェアサービスチームをリードして+}主要なシステム保守管理を"
	    "実施することができる");
	arena_free(&a);
}

/* Texts drawn at random from few characters (so that many shortest
 * edits tie), of like or far different lengths, diff as Myers' search
 * over the characters did, edit for edit (its results, kept). */
static void
test_pair_as_myers_search(void **state)
{
	static const char *const cases[][3] = {
		{ "aうa、アいa、、アbいああいアb管、ア理管う理いbアああbあb、いい理",
		  "aうbアアいa、、アbいああいいb管、い理管う理いbアああbあb、いb理",
		  "aう[-a、ア-]{+bアア+}いa、、アbいああい[-ア-]{+い+}b管、[-ア-]"
		  "{+い+}理管う理いbアああbあb、い[-い-]{+b+}理" },
		{ "あ理ア管ア理い管a、aabaabア、うabbaう管アあb、いアあb理",
		  "あ理a管ア理い管aあaabaab、、うabbaアaア、、、管アいb理",
		  "あ理[-ア-]{+a+}管ア理い管a[-、-]{+あ+}aabaab[-ア、-]{+、、+}"
		  "うabba[-う管アあb、いアあ-]{+アaア、、、管アい+}b理" },
		{ "、あ理b、abaaうア理あアい管b、管ああ、aabいアあ、あアうあア、",
		  "、あ理管、管うa、うア理あアい管あ、管ああ、管abいアあ、あ理ああア、",
		  "、あ理[-b、abaa-]{+管、管うa、+}うア理あアい管[-b-]{+あ+}、管ああ、"
		  "[-aa-]{+管a+}bいアあ、あ[-アう-]{+理あ+}あア、" },
		{ "理あ、うあaあ理いb理abb理ううa管理いあい理bうあ",
		  "理あ、bあaあ理いい理a理b理ううa管理いあい、bうあ",
		  "理あ、[-う-]{+b+}あaあ理い[-b-]{+い+}理a[-bb-]{+理b+}理ううa管理"
		  "いあい[-理-]{+、+}bうあ" },
		{ "う、、あ、、",
		  "ういいうう、いいういあ、、、ああああ、、うい、いい、ああい、う、う",
		  "う[-、、あ-]{+いいうう、いいういあ、、、ああああ+}、、{+うい、いい、"
		  "ああい、う、う+}" },
		{ "、ういう、",
		  "、ううういうあ、ああ、、いあういあういあいいい、い、あ、、いい、あい",
		  "、う{+うう+}いう[-、-]{+あ、ああ、、いあういあういあいいい、い、あ、"
		  "、いい、あい+}" },
		{ "う理理うabう、理いアうaいアbい、いい、あ管ううbbああ管", "アうあ、",
		  "[-う理理うabう、理い-]アう[-aいアbい、いい、あ管ううbbああ管-]"
		  "{+あ、+}" },
	};
	struct arena a;
	size_t i, steps;

	(void)state;
	arena_init(&a);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(show_pair(&a, pair_within_budget(&a,
		    cases[i][0], cases[i][1], &steps)), cases[i][2]);
	arena_free(&a);
}

/* Writes count distinct kanji from U+4E00 + first (a step of 7 apart)
 * at *p, moving *p past them. */
static void
S_put_kanji(char **p, unsigned first, unsigned count)
{
	unsigned i, c;

	for (i = 0; i < count; i++) {
		c = 0x4E00 + 7 * (first + i);
		*(*p)++ = (char)(0xE0 | (c >> 12));
		*(*p)++ = (char)(0x80 | ((c >> 6) & 0x3F));
		*(*p)++ = (char)(0x80 | (c & 0x3F));
	}
	**p = '\0';
}

/* A text of many distinct characters (more than fit a machine word,
 * many to a bucket of the table of characters) moved past a longer
 * one: the longer stays, the moved one is deleted and inserted. */
static void
test_pair_many_distinct_characters(void **state)
{
	char from[3 * 130 + 1], to[3 * 130 + 1], p_part[3 * 30 + 1],
	    q_part[3 * 100 + 1], *w;
	const char *want;
	struct arena a;

	(void)state;
	arena_init(&a);
	w = p_part;
	S_put_kanji(&w, 0, 30);
	w = q_part;
	S_put_kanji(&w, 1000, 100);
	w = from;
	S_put_kanji(&w, 0, 30);
	S_put_kanji(&w, 1000, 100);
	w = to;
	S_put_kanji(&w, 1000, 100);
	S_put_kanji(&w, 0, 30);
	want = arena_printf(&a, "[-%s-]%s{+%s+}", p_part, q_part, p_part);
	assert_string_equal(show_pair(&a, diff_pair(&a, from, to)), want);
	arena_free(&a);
}

/* On random texts, what is kept and deleted is the first text, what is
 * kept and inserted the second. */
static void
test_pair_rebuilds_both_texts(void **state)
{
	static const char *const alphabet[] = { "あ", "い", "う", "、", "管",
	    "理" };
	char from[256], to[256], got_from[256], got_to[256];
	unsigned seed = 12345;
	int round, i, len;

	(void)state;
	for (round = 0; round < 300; round++) {
		struct arena a;
		const struct diff_piece *p;

		from[0] = to[0] = got_from[0] = got_to[0] = '\0';
		len = (int)((seed = seed * 1103515245 + 12345) >> 16) % 30;
		for (i = 0; i < len; i++)
			strcat(from, alphabet[((seed = seed * 1103515245 +
			    12345) >> 16) % 6]);
		len = (int)((seed = seed * 1103515245 + 12345) >> 16) % 30;
		for (i = 0; i < len; i++)
			strcat(to, alphabet[((seed = seed * 1103515245 +
			    12345) >> 16) % 6]);
		arena_init(&a);
		for (p = diff_pair(&a, from, to); p != NULL; p = p->next) {
			assert_true(*p->text != '\0');
			if (p->kind != DIFF_INS)
				strcat(got_from, p->text);
			if (p->kind != DIFF_DEL)
				strcat(got_to, p->text);
			assert_true(p->next == NULL || p->kind == DIFF_SAME ||
			    p->next->kind != p->kind);
		}
		assert_string_equal(got_from, from);
		assert_string_equal(got_to, to);
		arena_free(&a);
	}
}

/* Among several texts, a character is its text's own when no other
 * text has it in common; a mark covers the whole katakana word. */
static void
test_marks_specialties(void **state)
{
	struct arena a;
	const char *texts[] = { "ハードウェアサービスチームメンバとして",
	    "ソフトウェアサービスチームメンバとして" };
	struct segment **sg;

	(void)state;
	arena_init(&a);
	sg = diff_marks(&a, texts, 2);
	assert_string_equal(show(&a, sg[0]),
	    "[ハードウェアサービスチームメンバ]|として|");
	assert_string_equal(show(&a, sg[1]),
	    "[ソフトウェアサービスチームメンバ]|として|");
	arena_free(&a);
}

/* A mark covers whole runs of one script (katakana, kanji, an ASCII
 * word), never part of one; punctuation is never marked alone. */
static void
test_marks_whole_words_never_lone_punctuation(void **state)
{
	struct arena a;
	const char *words[] = { "ハードウェアを保守する", "ソフトウェアを保守する" };
	const char *kanji[] = { "広域地域で", "全国地域で" };
	const char *ascii[] = { "IT basic skill", "IT basis skill" };
	const char *comma[] = { "責任者として、会話する", "責任者として会話する" };
	const char *joined[] = { "施設、担当", "施設担当" , "施設担当" };
	struct segment **sg;

	(void)state;
	arena_init(&a);
	sg = diff_marks(&a, words, 2);
	assert_string_equal(show(&a, sg[0]), "[ハードウェア]|を保守する|");
	assert_string_equal(show(&a, sg[1]), "[ソフトウェア]|を保守する|");
	sg = diff_marks(&a, kanji, 2);
	assert_string_equal(show(&a, sg[0]), "[広域地域]|で|");
	sg = diff_marks(&a, ascii, 2);
	assert_string_equal(show(&a, sg[0]), "IT |[basic]| skill|");
	sg = diff_marks(&a, comma, 2);
	assert_string_equal(show(&a, sg[0]), "責任者として、会話する|");
	assert_string_equal(show(&a, sg[1]), "責任者として会話する|");
	sg = diff_marks(&a, joined, 3);
	assert_string_equal(show(&a, sg[0]), "施設、担当|");
	arena_free(&a);
}

static void
test_marks_a_distant_text_marks_only_its_own(void **state)
{
	struct arena a;
	const char *texts[] = { "広域地域の責任者として、会話ができる",
	    "広域地域の責任者として会話ができる", NULL,
	    "中規模施設の責任者として、会話ができる" };
	struct segment **sg;

	(void)state;
	arena_init(&a);
	sg = diff_marks(&a, texts, 4);
	/* 、 is shared with the fourth text, so it is not the first's own */
	assert_string_equal(show(&a, sg[0]), "広域地域の責任者として、会話ができる|");
	assert_string_equal(show(&a, sg[1]), "広域地域の責任者として会話ができる|");
	assert_null(sg[2]);
	assert_string_equal(show(&a, sg[3]),
	    "[中規模施設]|の責任者として、会話ができる|");
	arena_free(&a);
}

static void
test_marks_identical_and_empty_texts(void **state)
{
	struct arena a;
	const char *texts[] = { "同じ", "同じ", "" };
	struct segment **sg;

	(void)state;
	arena_init(&a);
	sg = diff_marks(&a, texts, 3);
	assert_string_equal(show(&a, sg[0]), "同じ|");
	assert_null(sg[2]);	/* no characters, no segments */
	arena_free(&a);
}

static void
test_marks_compare_with_the_most_common_texts(void **state)
{
	struct arena a;
	const char *texts[] = { "あいう", "あいう", "かきく", "さしす",
	    "かきす" };
	struct segment **sg;

	(void)state;
	arena_init(&a);
	sg = diff_marks(&a, texts, 5);
	/* given twice: differs from none; equal texts share segments */
	assert_string_equal(show(&a, sg[0]), "あいう|");
	assert_ptr_equal(sg[0], sg[1]);
	/* the second reference is compared with every other text */
	assert_string_equal(show(&a, sg[2]), "かき|[く]|");
	/* the others only with the references: す of the fifth text does
	 * not count for the fourth */
	assert_string_equal(show(&a, sg[3]), "[さしす]|");
	assert_string_equal(show(&a, sg[4]), "かき|[す]|");
	arena_free(&a);
}

static void
test_marks_many_texts_in_linear_time(void **state)
{
	enum { N = 1000, LEN = 300 };
	const char **texts = calloc(N, sizeof(*texts));
	char *buf = calloc(N, LEN + 1);
	struct arena a;
	struct segment **sg;
	size_t i, j;

	(void)state;
	assert_non_null(texts);
	assert_non_null(buf);
	/* every text different: all pairs would be half a million diffs of
	 * long edit distance; the references make it 2000 */
	for (i = 0; i < N; i++) {
		for (j = 0; j < LEN; j++)
			buf[i * (LEN + 1) + j] = (char)('a' + (i * 7 + j *
			    (i % 13 + 1)) % 26);
		texts[i] = buf + i * (LEN + 1);
		snprintf(buf + i * (LEN + 1), 8, "%05zu", i);
		buf[i * (LEN + 1) + 5] = '-';
	}
	arena_init(&a);
	sg = diff_marks(&a, texts, N);
	for (i = 0; i < N; i++)
		assert_non_null(sg[i]);
	arena_free(&a);
	free(buf);
	free(texts);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pair_marks_the_changed_characters),
		cmocka_unit_test(test_pair_level_step),
		cmocka_unit_test(test_pair_stray_characters_join_the_change),
		cmocka_unit_test(test_pair_empty_and_identical),
		cmocka_unit_test(test_pair_invalid_bytes_differ),
		cmocka_unit_test(test_pair_worst_cases_are_bounded),
		cmocka_unit_test(test_pair_rebuilds_both_texts),
		cmocka_unit_test(test_pair_work_is_linear),
		cmocka_unit_test(test_pair_seed_texts_as_before),
		cmocka_unit_test(test_pair_as_myers_search),
		cmocka_unit_test(test_pair_many_distinct_characters),
		cmocka_unit_test(test_pair_long_changes_align_by_words),
		cmocka_unit_test(test_marks_specialties),
		cmocka_unit_test(test_marks_whole_words_never_lone_punctuation),
		cmocka_unit_test(test_marks_a_distant_text_marks_only_its_own),
		cmocka_unit_test(test_marks_identical_and_empty_texts),
		cmocka_unit_test(test_marks_compare_with_the_most_common_texts),
		cmocka_unit_test(test_marks_many_texts_in_linear_time),
	};

	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
