/* test_apart.c: the words that set a level apart (the seed's texts,
 * kana-only changes, identical texts, one level, no punctuation, bytes
 * that are not UTF-8, texts past the diff's bound, combining marks) and
 * the opening most texts of a level share. */
#include "helpers.h"

#include <unistr.h>

#include "apart.h"
#include "diff.h"

/* The seed: hardware, fault repair, levels 3 to 5. */
#define HW3	"ハードウェアサービスチームメンバとして、システム保守管理、" \
		"障害修理等に関する基本的知識を有し、担当する領域における" \
		"システムの障害修理活動を実施することができる"
#define HW4	"広域地域、特定業界の一部のユーザ又はそれらに相当するユーザ" \
		"に対するサービスチームにおけるハードウェアサービスチームリーダ" \
		"として、システム保守管理、障害修理等に関する専門性を有し、" \
		"システムの障害修理活動においてチームメンバに技術的なガイダンス" \
		"を行うことができる"
#define HW5	"広域地域全体、特定業界のユーザ全体又はそれらに相当するユーザ" \
		"に対するサービスチームのハードウェアサービス責任者として、" \
		"システム保守管理、障害修理等に関する専門性を有し、複雑な" \
		"システムの障害修理活動を技術的にリードすることができる"
/* The seed: facility management, facility design, levels 4 to 6. */
#define FM4	"小規模施設におけるファシリティマネジメントチームリーダとして、" \
		"ファシリティ設計に関する専門性を有し、ファシリティ設計を" \
		"実施することができる"
#define FM5	"中規模施設におけるファシリティマネジメント責任者として、" \
		"ファシリティ設計に関する専門性を有し、複雑なファシリティ設計" \
		"においてチームメンバに技術的なガイダンスを行うことができる"
#define FM6	"大規模施設におけるファシリティマネジメント責任者として、" \
		"ファシリティ設計に関する卓越した専門性を有し、複雑高度な" \
		"ファシリティ設計において技術的にリードできる"

/* Returns the phrases of w as "a／b／c", a cut phrase as "head…text". */
static const char *
show(struct arena *a, const struct apart_words *w)
{
	const char *out = "";
	size_t i;

	for (i = 0; i < w->n; i++)
		out = arena_printf(a, "%s%s%s%s%s", out, i ? "／" : "",
		    w->v[i].head, w->v[i].cut ? "…" : "", w->v[i].text);
	return out;
}

/* Returns the characters w shows, an ellipsis counting one. */
static size_t
shown(const struct apart_words *w)
{
	size_t i, n = 0;

	for (i = 0; i < w->n; i++)
		n += u8_mbsnlen((const uint8_t *)w->v[i].head,
		    strlen(w->v[i].head)) + (w->v[i].cut != 0) +
		    u8_mbsnlen((const uint8_t *)w->v[i].text,
		    strlen(w->v[i].text));
	return n;
}

static void
test_levels_of_the_seed(void **state)
{
	const char *hw[] = { HW3, HW4, HW5 }, *fm[] = { FM4, FM5, FM6 };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, hw, 3);
	assert_string_equal(show(&a, &w[0]),
	    "ハードウェアサービスチームメンバ／基本的知識／担当する領域");
	assert_string_equal(show(&a, &w[1]),
	    "広域地域／特定業界…ハードウェアサービスチームリーダ／専門性");
	assert_string_equal(show(&a, &w[2]), "広域地域全体／責任者／複雑");
	w = apart_levels(&a, fm, 3);
	assert_string_equal(show(&a, &w[0]),	/* the lowest: against above */
	    "小規模施設／ファシリティマネジメントチームリーダ／実施");
	assert_string_equal(show(&a, &w[1]), "中規模施設／責任者／複雑");
	assert_string_equal(show(&a, &w[2]), "大規模施設／卓越／複雑高度");
	arena_free(&a);
}

/* Undefined levels are skipped: a level is compared with the nearest
 * defined below it, the lowest with the nearest above. */
static void
test_levels_skip_undefined(void **state)
{
	const char *t[] = { NULL, FM4, NULL, FM6, NULL };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, t, 5);
	assert_int_equal(w[0].n, 0);
	assert_int_equal(w[2].n, 0);
	assert_int_equal(w[4].n, 0);
	assert_string_equal(show(&a, &w[1]),
	    "小規模施設／ファシリティマネジメントチームリーダ／実施");
	assert_string_equal(show(&a, &w[3]),
	    "大規模施設／責任者／卓越");
	arena_free(&a);
}

/* A change in kana or punctuation only sets nothing apart, nor does
 * dropping words; identical texts neither, and only they are the same. */
static void
test_levels_kana_only_and_identical(void **state)
{
	const char *kana[] = { "チームをリードする。", "チームとリードする、" };
	const char *same[] = { HW4, HW4, HW4 };
	const char *fewer[] = { "チームをリードし、計画する", "チームをリードし" };
	struct arena a;
	struct apart_words *w;
	size_t i;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, kana, 2);
	assert_int_equal(w[0].n, 0);
	assert_int_equal(w[1].n, 0);
	assert_false(w[0].same);	/* the kana differ: not the same */
	assert_false(w[1].same);
	w = apart_levels(&a, fewer, 2);
	assert_string_equal(show(&a, &w[0]), "計画");
	assert_int_equal(w[1].n, 0);	/* it only drops words */
	assert_false(w[1].same);
	w = apart_levels(&a, same, 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(w[i].n, 0);
		assert_true(w[i].same);
	}
	assert_non_null(apart_levels(&a, NULL, 0));
	arena_free(&a);
}

/* One defined level: its own first phrases, in text order; a text with
 * no punctuation still splits at unchanged kana; each phrase once. */
static void
test_levels_one_level_and_no_punctuation(void **state)
{
	const char *one[] = { NULL, "中規模施設の責任者として、施設を管理する", NULL };
	const char *bare[] = { "小規模施設のメンバ", "大規模施設のリーダ" };
	const char *twice[] = { "地域、ユーザ", "広域地域全体、ユーザ全体、責任者" };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, one, 3);
	assert_string_equal(show(&a, &w[1]), "中規模施設の責任者／施設を管理");
	w = apart_levels(&a, bare, 2);
	assert_string_equal(show(&a, &w[0]), "小規模施設／メンバ");
	assert_string_equal(show(&a, &w[1]), "大規模施設／リーダ");
	w = apart_levels(&a, twice, 2);
	assert_string_equal(show(&a, &w[1]), "広域地域全体／責任者");
	arena_free(&a);
}

/* English: a phrase runs across the spaces between its words and ends
 * at punctuation; a space beside Japanese still ends one. */
static void
test_levels_english_phrases(void **state)
{
	const char *t[] = {
	    "Service team member, repairs faults in the assigned area.",
	    "Service team leader, repairs faults in a wide area and guides "
	    "members." };
	const char *mixed[] = { "会話ができる 又、メンバ", "会話ができる 又、リーダ" };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, t, 2);
	assert_string_equal(show(&a, &w[0]), "member／the assigned");
	assert_string_equal(show(&a, &w[1]),
	    "leader／a wide／and guides members");
	w = apart_levels(&a, mixed, 2);
	assert_string_equal(show(&a, &w[1]), "リーダ");
	arena_free(&a);
}

/* Okurigana: a lone kanji keeps its kana (関する), a verb stem with more
 * kana goes (を有することができる), a noun stands alone (複雑な). */
static void
test_levels_okurigana(void **state)
{
	const char *t[] = { "保守に携わる", "設計に関する知識を有することができる、複雑な" };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, t, 2);
	assert_string_equal(show(&a, &w[1]), "設計に関する知識／複雑");
	arena_free(&a);
}

/* Caps: at most APART_PHRASES phrases, APART_CHARS characters; a long
 * phrase shows its first short run and its last, an ellipsis between. */
static void
test_levels_caps(void **state)
{
	const char *t[] = { "甲、乙",
	    "東京都内の小さな営業所におけるシステム運用チームリーダ、"
	    "品質、費用、納期、安全" };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, t, 2);
	assert_string_equal(show(&a, &w[1]),
	    "東京都内…システム運用チームリーダ／品質／費用");
	assert_int_equal(w[1].n, APART_PHRASES);
	assert_true(shown(&w[1]) <= APART_CHARS);
	arena_free(&a);
}

/* Bytes that are not UTF-8 end phrases and are never shown; texts far
 * past the diff's bound give bounded words. */
static void
test_levels_bad_bytes_and_long_texts(void **state)
{
	const char *bad[] = { "施設\xff\xfe長", "施設\xfe\xff課長\xc3" };
	size_t len = 3 * 4 * DIFF_D_MAX, i;
	char *x = malloc(len + 1), *y = malloc(len + 1);
	const char *big[2] = { x, y };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, bad, 2);
	for (i = 0; i < w[1].n; i++) {
		assert_null(u8_check((const uint8_t *)w[1].v[i].text,
		    strlen(w[1].v[i].text)));
		assert_null(strchr(w[1].v[i].text, '\xfe'));
	}
	assert_string_equal(show(&a, &w[1]), "課長");
	for (i = 0; i < len; i += 3) {	/* kanji from U+4E00, differing */
		unsigned c = 0x4E00 + (unsigned)((i * 7919) % 20000);
		unsigned d = 0x4E00 + (unsigned)((i * 104729) % 20000);

		x[i] = (char)(0xE0 | (c >> 12));
		x[i + 1] = (char)(0x80 | ((c >> 6) & 0x3F));
		x[i + 2] = (char)(0x80 | (c & 0x3F));
		y[i] = (char)(0xE0 | (d >> 12));
		y[i + 1] = (char)(0x80 | ((d >> 6) & 0x3F));
		y[i + 2] = (char)(0x80 | (d & 0x3F));
	}
	x[len] = y[len] = '\0';
	w = apart_levels(&a, big, 2);
	assert_int_equal(w[1].n, 1);
	assert_true(w[1].v[0].cut);
	assert_true(shown(&w[1]) <= APART_PHRASE_CHARS + 1);
	free(x);
	free(y);
	arena_free(&a);
}

static void
test_opening_of_most_texts(void **state)
{
	const char *four[] = { HW4, "広域地域、特定業界の一部のユーザ又は"
	    "それらに相当するユーザに対するサービスチームにおけるハードウェア"
	    "サービスチームリーダとして、テクノロジ", "広域地域、特定業界の一部のユーザ又は"
	    "それらに相当するユーザに対するサービスチームにおけるハードウェア"
	    "サービスチームリーダ又はカスタマサービスチームリーダとして", HW3 };
	const char *few[] = { HW4, NULL, HW3 };
	const char *same[] = { HW4 "。", HW3, HW4 "。", FM4 };
	const char *run[] = { "広域地域のチームリーダとして", "広域地域のチームリードする" };
	const char *kana[] = { "ユーザのために", "ユーザのためで" };
	const char *half[] = { "甲乙丙丁戊己庚辛", "甲乙丙丁戊己庚辛", "壬", "癸", "子" };
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(apart_opening(&a, four, 4),
	    "広域地域、特定業界の一部のユーザ又はそれらに相当するユーザに対する"
	    "サービスチームにおけるハードウェアサービスチームリーダ");
	assert_null(apart_opening(&a, few, 3));
	assert_string_equal(apart_opening(&a, same, 4),	/* a verb goes */
	    "広域地域、特定業界の一部のユーザ又はそれらに相当するユーザに対する"
	    "サービスチームにおけるハードウェアサービスチームリーダとして、"
	    "システム保守管理、障害修理等に関する専門性を有し、システムの"
	    "障害修理活動においてチームメンバに技術的なガイダンス");
	assert_null(apart_opening(&a, few, 1));
	assert_null(apart_opening(&a, NULL, 0));
	assert_string_equal(apart_opening(&a, run, 2), "広域地域");
	assert_null(apart_opening(&a, kana, 2));
	assert_null(apart_opening(&a, half, 5));
	assert_string_equal(apart_opening(&a, half, 4), "甲乙丙丁戊己庚辛");
	arena_free(&a);
}

/* The only level, of kana alone, shows its first phrase as it stands:
 * there is no neighbour to call it the same as or different from. */
static void
test_lone_level_of_kana(void **state)
{
	const char *kana[] = { NULL, "ようこそみなさん、ごきげんよう", NULL };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, kana, 3);
	assert_string_equal(show(&a, &w[1]), "ようこそみなさん");
	assert_false(w[1].same);
	arena_free(&a);
}

/* A combining mark belongs to the letter before it: a changed accent
 * marks the whole word, and no word or opening ends between a letter
 * and its mark (e, not é). */
static void
test_grapheme_clusters_kept_whole(void **state)
{
	const char *accent[] = { "チームでcafe\xcc\x81を運営する",
	    "チームでcafe\xcc\x80を運営する" };
	const char *tail[] = { "計画する", "計画するe\xcc\x81" };
	const char *open[] = { "甲乙丙丁e\xcc\x81の", "甲乙丙丁e\xcc\x82の" };
	struct arena a;
	struct apart_words *w;

	(void)state;
	arena_init(&a);
	w = apart_levels(&a, accent, 2);
	assert_string_equal(show(&a, &w[0]), "cafe\xcc\x81");
	assert_string_equal(show(&a, &w[1]), "cafe\xcc\x80");
	w = apart_levels(&a, tail, 2);
	assert_string_equal(show(&a, &w[1]), "e\xcc\x81");
	assert_string_equal(apart_opening(&a, open, 2), "甲乙丙丁");
	arena_free(&a);
}

static void
test_rest_after_the_opening(void **state)
{
	(void)state;
	/* the rest as it stands: the opening and it give back the text */
	assert_string_equal(apart_rest("広域地域、ユーザ", "広域地域"),
	    "、ユーザ");
	assert_string_equal(apart_rest("広域地域 \n\nユーザ", "広域地域"),
	    " \n\nユーザ");
	assert_string_equal(apart_rest("広域地域として", "広域地域"), "として");
	assert_null(apart_rest("広域地域", "広域地域"));
	assert_null(apart_rest("広域地域、 ", "広域地域"));
	assert_null(apart_rest("地域", "広域地域"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels_of_the_seed),
		cmocka_unit_test(test_levels_skip_undefined),
		cmocka_unit_test(test_levels_kana_only_and_identical),
		cmocka_unit_test(test_levels_one_level_and_no_punctuation),
		cmocka_unit_test(test_levels_english_phrases),
		cmocka_unit_test(test_levels_okurigana),
		cmocka_unit_test(test_levels_caps),
		cmocka_unit_test(test_levels_bad_bytes_and_long_texts),
		cmocka_unit_test(test_opening_of_most_texts),
		cmocka_unit_test(test_lone_level_of_kana),
		cmocka_unit_test(test_grapheme_clusters_kept_whole),
		cmocka_unit_test(test_rest_after_the_opening),
	};

	return cmocka_run_group_tests_name("apart", tests, NULL, NULL);
}
