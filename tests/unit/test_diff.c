/* test_diff.c: character differences of Japanese texts, between two
 * (level changes) and among several (comparisons); empty, identical and
 * worst-case inputs. */
#include "helpers.h"

#include "diff.h"

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
		cmocka_unit_test(test_marks_specialties),
		cmocka_unit_test(test_marks_whole_words_never_lone_punctuation),
		cmocka_unit_test(test_marks_a_distant_text_marks_only_its_own),
		cmocka_unit_test(test_marks_identical_and_empty_texts),
		cmocka_unit_test(test_marks_compare_with_the_most_common_texts),
		cmocka_unit_test(test_marks_many_texts_in_linear_time),
	};

	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
