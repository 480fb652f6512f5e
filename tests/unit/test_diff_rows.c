/* test_diff_rows.c: two texts aligned by phrase (diff_rows()): rows cut
 * at the delimiters both texts share, shared rows merged, marks on whole
 * words; empty, invalid and worst-case inputs; both texts rebuilt from
 * the rows; the same rows from the pieces diff_steps() shares. */
#include "helpers.h"

#include "diff.h"

/* Appends the segments of sg to out, differing ones in [ ]. */
static void
show_side(char *out, const struct segment *sg)
{
	for (; sg != NULL; sg = sg->next) {
		strcat(out, sg->differs ? "[" : "");
		strcat(out, sg->text);
		strcat(out, sg->differs ? "]" : "");
	}
}

/* Returns rows r of from and to as text: a shared row "=TEXT", a
 * change "BEFORE>AFTER", rows separated by " | ". */
static const char *
show_these_rows(struct arena *a, const char *from, const char *to,
    const struct diff_row *r)
{
	char *out = arena_calloc(a, 4 * (strlen(from) + strlen(to)) + 64, 1);

	for (; r != NULL; r = r->next) {
		strcat(out, out[0] == '\0' ? "" : " | ");
		if (r->shared) {
			strcat(out, "=");
			show_side(out, r->before);
			assert_ptr_equal(r->before, r->after);
			continue;
		}
		show_side(out, r->before);
		strcat(out, ">");
		show_side(out, r->after);
	}
	return out;
}

/* Returns the rows of from and to as text (see show_these_rows()),
 * after checking that the rows made from the pieces of diff_steps(), as
 * the pages share them, are the same, with a hole between the texts. */
static const char *
show_rows(struct arena *a, const char *from, const char *to)
{
	const char *texts[] = { NULL, from, NULL, to };
	const struct diff_piece **steps = diff_steps(a, texts, 4);
	const char *direct = show_these_rows(a, from, to,
	    diff_rows(a, from, to));

	assert_null(steps[0]);
	assert_null(steps[1]);
	assert_null(steps[2]);
	assert_string_equal(show_these_rows(a, from, to,
	    diff_rows_of(a, from, to, steps[3])), direct);
	return direct;
}

/* Asserts that the rows of from and to show as want. */
static void
assert_rows(const char *from, const char *to, const char *want)
{
	struct arena a;

	arena_init(&a);
	assert_string_equal(show_rows(&a, from, to), want);
	arena_free(&a);
}

/* The same text is one shared row, however many phrases it has. */
static void
test_identical_texts_are_one_shared_row(void **state)
{
	(void)state;
	assert_rows("管理方針を策定し、保守を実施する。報告する",
	    "管理方針を策定し、保守を実施する。報告する",
	    "=管理方針を策定し、保守を実施する。報告する");
}

/* Texts with nothing in common are one change, marked whole. */
static void
test_different_texts_are_one_change(void **state)
{
	(void)state;
	assert_rows("赤い花が咲く、", "青い空が広がる。",
	    "[赤い花が咲く、]>[青い空が広がる。]");
}

/* The seed's step from level 3 to 4: the scope and the role change in
 * the first phrase; marks cover whole katakana words. */
static void
test_level_step(void **state)
{
	(void)state;
	assert_rows("チームメンバとして、保守を支援し、実施することができる",
	    "広域地域のチームリーダとして、保守を支援し、実施することができる",
	    "[チームメンバ]として、>[広域地域のチームリーダ]として、"
	    " | =保守を支援し、実施することができる");
}

/* A noun changed before a conjunction written in kanji (or, and) is
 * marked without it. */
static void
test_marks_stop_at_conjunctions(void **state)
{
	(void)state;
	assert_rows("特定業界のユーザ又はそれらに相当する、",
	    "特定業界のユーザ全体又はそれらに相当する、",
	    "特定業界のユーザ又はそれらに相当する、>"
	    "特定業界のユーザ[全体]又はそれらに相当する、");
	assert_rows("保守管理及び運用", "保守計画及び運用",
	    "[保守管理]及び運用>[保守計画]及び運用");
}

/* A change just before or just after a shared delimiter stays in its
 * own row; a delimiter that changes cuts nothing. */
static void
test_change_at_a_delimiter(void **state)
{
	(void)state;
	assert_rows("保守として、運用する", "管理として、運用する",
	    "[保守]として、>[管理]として、 | =運用する");
	assert_rows("保守として、運用する", "保守として、監視する",
	    "=保守として、 | [運用]する>[監視]する");
	assert_rows("保守する、運用する。報告", "保守する。運用する。報告",
	    "保守する、運用する。>保守する。運用する。 | =報告");
}

/* A delimiter deleted or inserted joins the rows around it. */
static void
test_delimiter_deleted_or_inserted(void **state)
{
	(void)state;
	assert_rows("保守、管理を行う。運用する", "保守管理を行う。運用する",
	    "保守、管理を行う。>保守管理を行う。 | =運用する");
	assert_rows("保守管理を行う。運用する", "保守、管理を行う。運用する",
	    "保守管理を行う。>保守、管理を行う。 | =運用する");
}

/* No rows for two empty texts; an empty side has no segments. */
static void
test_empty_texts(void **state)
{
	struct arena a;
	const struct diff_row *r;

	(void)state;
	arena_init(&a);
	assert_null(diff_rows(&a, "", ""));
	r = diff_rows(&a, "", "加わる。");
	assert_non_null(r);
	assert_false(r->shared);
	assert_null(r->before);
	assert_string_equal(r->after->text, "加わる。");
	assert_true(r->after->differs);
	assert_null(r->next);
	r = diff_rows(&a, "消える、", "");
	assert_null(r->after);
	assert_string_equal(r->before->text, "消える、");
	assert_null(r->next);
	arena_free(&a);
}

/* ASCII , . ; ! ? cut where no letter or digit follows: 3.5 and 1,000
 * stay whole; marks cover whole ASCII words. */
static void
test_ascii_punctuation(void **state)
{
	(void)state;
	assert_rows("Use a tool, then check. Done", "Use a kit, then check. Done",
	    "Use a [tool],>Use a [kit], | = then check. Done");
	assert_rows("Version 3.5, fine", "Version 3.6, fine",
	    "Version 3.[5],>Version 3.[6], | = fine");
	assert_rows("Pay 1,000; ok", "Pay 2,000; ok",
	    "Pay [1],000;>Pay [2],000; | = ok");
	assert_rows("Stop! Go? Run", "Stop! Go? Walk",
	    "=Stop! Go? |  [Run]> [Walk]");
	assert_rows("（保守。）運用", "（保守。）監視",
	    "=（保守。） | [運用]>[監視]");
}

/* A byte that is no UTF-8 is a character of its own, kept as it was. */
static void
test_invalid_bytes(void **state)
{
	(void)state;
	assert_rows("x\xe9y、z", "x\xc3\xa9y、z",
	    "x[\xe9]y、>[x\xc3\xa9y]、 | =z");
	assert_rows("\xff\xfe、", "\xff\xfe、", "=\xff\xfe、");
}

/* A mark never parts a letter from its combining accent or an emoji
 * from its skin tone, and covers a Latin word whole; a changed accent or
 * skin tone alone is marked, not taken for punctuation. */
static void
test_grapheme_clusters(void **state)
{
	(void)state;
	assert_rows("チームでcafe\xcc\x81を運営", "チームでcafe\xcc\x80を運営",
	    "チームで[cafe\xcc\x81]を運営>チームで[cafe\xcc\x80]を運営");
	assert_rows("Na\xc3\xafve plan", "Na\xc3\xafv\xc3\xa9 plan",
	    "[Na\xc3\xafve] plan>[Na\xc3\xafv\xc3\xa9] plan");
	assert_rows("賛成\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbdです",
	    "賛成\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbfです",
	    "賛成[\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd]です>"
	    "賛成[\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbf]です");
	assert_rows("保守、運用", "保守・運用", "保守、運用>保守・運用");
	/* a variation selector after a delimiter stays in its row, so
	 * that no mark reaches into a shared row (punctuation alone is
	 * not marked) */
	assert_rows("保守、\xef\xb8\x8f運用", "保守、\xef\xb8\x8e運用",
	    "保守、\xef\xb8\x8f運用>保守、\xef\xb8\x8e運用");
}

/* Past DIFF_D_MAX edits the middle is one change between the shared
 * start and end. */
static void
test_past_the_edit_limit(void **state)
{
	size_t n = 3 * DIFF_D_MAX, size = 3 * n + 64, i;
	char *x = calloc(3 * n + 1, 1), *y = calloc(3 * n + 1, 1);
	char *from = malloc(size), *to = malloc(size);
	struct arena a;
	const struct diff_row *r;

	(void)state;
	for (i = 0; i < n; i++) {	/* あ... against い... */
		memcpy(x + 3 * i, "\xe3\x81\x82", 3);
		memcpy(y + 3 * i, "\xe3\x81\x84", 3);
	}
	snprintf(from, size, "共通、%s。後書き", x);
	snprintf(to, size, "共通、%s。後書き", y);
	arena_init(&a);
	r = diff_rows(&a, from, to);
	assert_true(r->shared);
	assert_string_equal(r->before->text, "共通、");
	r = r->next;
	assert_false(r->shared);
	assert_string_equal(r->before->text, x);
	assert_true(r->before->differs);
	assert_string_equal(r->before->next->text, "。");
	assert_string_equal(r->after->text, y);
	r = r->next;
	assert_true(r->shared);
	assert_string_equal(r->before->text, "後書き");
	assert_null(r->next);
	arena_free(&a);
	free(x);
	free(y);
	free(from);
	free(to);
}

/* Returns whether segment text s holds more than punctuation. */
static int
more_than_punctuation(const char *s)
{
	return strspn(s, ",.") < strlen(s) && strcmp(s, "、") != 0 &&
	    strcmp(s, "。") != 0 && strcmp(s, "、。") != 0 &&
	    strcmp(s, "。、") != 0;
}

/* Checks the rows of from and to: their sides rebuild both texts, no
 * two shared rows follow each other, no mark is punctuation alone. */
static void
check_rows(const char *from, const char *to)
{
	char got_from[512] = "", got_to[512] = "";
	const struct diff_row *r;
	const struct segment *sg;
	struct arena a;
	int was_shared = 0;

	arena_init(&a);
	for (r = diff_rows(&a, from, to); r != NULL; r = r->next) {
		assert_false(was_shared && r->shared);
		was_shared = r->shared;
		for (sg = r->before; sg != NULL; sg = sg->next) {
			strcat(got_from, sg->text);
			assert_true(!sg->differs || more_than_punctuation(sg->text));
			assert_true(!r->shared || !sg->differs);
		}
		for (sg = r->after; sg != NULL; sg = sg->next) {
			strcat(got_to, sg->text);
			assert_true(!sg->differs || more_than_punctuation(sg->text));
		}
	}
	assert_string_equal(got_from, from);
	assert_string_equal(got_to, to);
	arena_free(&a);
}

/* On random texts, the rows rebuild both texts. */
static void
test_rows_rebuild_both_texts(void **state)
{
	static const char *const alphabet[] = { "あ", "管", "理", "、", "。",
	    "ア", "a", ".", ",", "1" };
	char text[2][256];
	unsigned seed = 4321;
	int round, i, len, k;

	(void)state;
	for (round = 0; round < 500; round++) {
		for (k = 0; k < 2; k++) {
			text[k][0] = '\0';
			len = (int)((seed = seed * 1103515245 + 12345) >> 16) % 30;
			for (i = 0; i < len; i++)
				strcat(text[k], alphabet[((seed = seed *
				    1103515245 + 12345) >> 16) % 10]);
		}
		check_rows(text[0], text[1]);
		check_rows(text[0], text[0]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical_texts_are_one_shared_row),
		cmocka_unit_test(test_different_texts_are_one_change),
		cmocka_unit_test(test_level_step),
		cmocka_unit_test(test_marks_stop_at_conjunctions),
		cmocka_unit_test(test_change_at_a_delimiter),
		cmocka_unit_test(test_delimiter_deleted_or_inserted),
		cmocka_unit_test(test_empty_texts),
		cmocka_unit_test(test_ascii_punctuation),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_grapheme_clusters),
		cmocka_unit_test(test_past_the_edit_limit),
		cmocka_unit_test(test_rows_rebuild_both_texts),
	};

	return cmocka_run_group_tests_name("diff_rows", tests, NULL, NULL);
}
