/* test_text.c: trimming, XML indentation removal, one-line fields. */
#include "helpers.h"

#include <unigbrk.h>
#include <unictype.h>
#include <unistr.h>

#include "text.h"

static struct arena A;

static int
setup(void **state)
{
	(void)state;
	arena_init(&A);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static void
test_trim(void **state)
{
	int brk;

	(void)state;
	assert_string_equal(text_trim(&A, " \n\t項目 \r\n", &brk), "項目");
	assert_false(brk);
	assert_string_equal(text_trim(&A, "  a\n  b ", &brk), "a\n  b");
	assert_true(brk);
	assert_string_equal(text_trim(&A, "   ", &brk), "");
	assert_false(brk);
	/* an ideographic space is text, not XML white space */
	assert_string_equal(text_trim(&A, "\u3000x\u3000", &brk),
	    "\u3000x\u3000");
}

static void
test_dedent_removes_xml_indentation(void **state)
{
	(void)state;
	assert_string_equal(text_dedent(&A,
	    "\n        一段落目\n\n        又、二段落目\n      "),
	    "一段落目\n\n又、二段落目");
}

static void
test_dedent_keeps_relative_indentation(void **state)
{
	(void)state;
	assert_string_equal(text_dedent(&A,
	    "\n    - a\n      - b\n    text\n  "), "- a\n  - b\ntext");
}

static void
test_dedent_needs_the_same_bytes(void **state)
{
	(void)state;
	/* a tab and spaces share no indentation */
	assert_string_equal(text_dedent(&A, "\n\tx\n    y\n"), "\tx\n    y");
	assert_string_equal(text_dedent(&A, "\t\tx\n\t\t\ty"), "x\n\ty");
}

static void
test_dedent_keeps_inner_blank_lines_only(void **state)
{
	(void)state;
	assert_string_equal(text_dedent(&A, "  a  \r\n \n\n  b\t\n\n"),
	    "a\n\n\nb");
	assert_string_equal(text_dedent(&A, " \n\t\n"), "");
	assert_string_equal(text_dedent(&A, ""), "");
	assert_string_equal(text_dedent(&A, "no newline"), "no newline");
}

static void
test_line_flaw(void **state)
{
	unsigned c = 0;

	(void)state;
	assert_int_equal(text_line_flaw("名前", &c), TEXT_OK);
	assert_int_equal(text_line_flaw("\u3000名前\u00A0", &c), TEXT_OK);
	/* nothing to see: Unicode white space, invisible format characters */
	assert_int_equal(text_line_flaw("\u3000", &c), TEXT_INVISIBLE);
	assert_int_equal(text_line_flaw("\u00A0\u2003\u205F", &c),
	    TEXT_INVISIBLE);
	assert_int_equal(text_line_flaw("\u200B\uFEFF\u2060\u00AD", &c),
	    TEXT_INVISIBLE);
	assert_int_equal(text_line_flaw("\u3164\u115F", &c), TEXT_INVISIBLE);
	/* every bidirectional control, wherever it stands */
	assert_int_equal(text_line_flaw("a\u202Eb", &c), TEXT_BIDI);
	assert_int_equal(c, 0x202E);
	assert_int_equal(text_line_flaw("\u202A", &c), TEXT_BIDI);
	assert_int_equal(text_line_flaw("\u2066x\u2069", &c), TEXT_BIDI);
	assert_int_equal(c, 0x2066);
	assert_int_equal(text_line_flaw("x\u2069", &c), TEXT_BIDI);
	assert_int_equal(text_line_flaw("x\u200E", &c), TEXT_BIDI);
	assert_int_equal(text_line_flaw("x\u200F", &c), TEXT_BIDI);
	assert_int_equal(text_line_flaw("x\u061C", &c), TEXT_BIDI);
	/* line breaks that XML does not treat as such */
	assert_int_equal(text_line_flaw("a\u2028b", &c), TEXT_BREAK);
	assert_int_equal(c, 0x2028);
	assert_int_equal(text_line_flaw("a\u2029b", &c), TEXT_BREAK);
	assert_int_equal(text_line_flaw("a\xc2\x85" "b", &c), TEXT_BREAK);
	assert_int_equal(text_line_flaw("x\uFDD0", &c), TEXT_NONCHAR);
	assert_int_equal(c, 0xFDD0);
}

static void
test_has_visible(void **state)
{
	(void)state;
	assert_true(text_has_visible("a"));
	assert_true(text_has_visible("\u3000・"));
	assert_true(text_has_visible("\u0301a"));	/* a mark, then a letter */
	assert_true(text_has_visible("e\u0301"));
	assert_true(text_has_visible("\U0001D15A"));	/* void notehead */
	assert_true(text_has_visible("\uE000"));	/* private use */
	assert_false(text_has_visible(""));
	assert_false(text_has_visible(" \t\u3000\u00A0\u2028\xc2\x85"));
	assert_false(text_has_visible("\u200B\u200C\u200D\u2060\uFEFF\u034F"));
	assert_false(text_has_visible("\uFE0F\U000E0020"));	/* selectors, tags */
	/* blank symbols, format characters that are not default-ignorable */
	assert_false(text_has_visible("\u2800"));	/* braille blank */
	assert_false(text_has_visible("\U0001D159"));	/* null notehead */
	assert_false(text_has_visible("\uFFF9\uFFFA\uFFFB"));
	assert_false(text_has_visible("\U00013430"));
	/* marks alone: combining, enclosing, spacing; a control; unassigned */
	assert_false(text_has_visible("\u0301"));
	assert_false(text_has_visible("\U00016FE4"));
	assert_false(text_has_visible("\u20DD\u0903"));
	assert_false(text_has_visible("\xc2\x81"));
	assert_false(text_has_visible("\U00013440\u0378"));
}

static void
test_noncharacters(void **state)
{
	(void)state;
	assert_true(text_is_noncharacter(0xFDD0));
	assert_true(text_is_noncharacter(0xFDEF));
	assert_true(text_is_noncharacter(0xFFFE));
	assert_true(text_is_noncharacter(0xFFFF));
	assert_true(text_is_noncharacter(0x1FFFE));
	assert_true(text_is_noncharacter(0x10FFFF));
	assert_false(text_is_noncharacter(0xFDCF));
	assert_false(text_is_noncharacter(0xFDF0));
	assert_false(text_is_noncharacter(0xFFFD));
	assert_false(text_is_noncharacter(0x10000));
	assert_false(text_is_noncharacter('a'));
}

static void
test_utf8_count(void **state)
{
	(void)state;
	assert_int_equal(text_utf8_count("abc", 3), 3);
	assert_int_equal(text_utf8_count("職種x", strlen("職種x")), 3);
	assert_int_equal(text_utf8_count("", 0), 0);
}

/* text_joins() answers the common characters without the tables: each
 * of them is of break property Other and no pictograph, and no
 * character it takes for never Prepend is one, so it answers as
 * libunistring does. */
static void
test_joins_fast_path(void **state)
{
	static const uint32_t prevs[] = { 0, 'a', '\r', '\n', 0x301, 0x600,
	    0x3042, 0x30A2, 0x4E00, 0xFF21, 0x200D, 0x1F600, 0x1F1EF,
	    0x1100, 0x110BD, 0x110041 };
	uint32_t c;
	size_t i;

	(void)state;
	for (c = 0; c < 0x110000; c++) {
		if (text_breaks_plainly(c)) {
			assert_int_equal(uc_graphemeclusterbreak_property(c),
			    GBP_OTHER);
			assert_false(uc_is_property_extended_pictographic(c));
			for (i = 0; i < sizeof(prevs) / sizeof(prevs[0]); i++)
				assert_int_equal(text_joins(prevs[i], c),
				    prevs[i] < 0x110000 &&
				    !uc_is_grapheme_break(prevs[i], c));
		}
		if (text_never_prepends(c))
			assert_int_not_equal(uc_graphemeclusterbreak_property(c),
			    GBP_PREPEND);
	}
	assert_true(text_joins('e', 0x301));	/* a combining accent */
	assert_true(text_joins(0x600, 'a'));	/* after a Prepend */
	assert_true(text_joins('\r', '\n'));
	assert_false(text_joins(0x3042, 0x30A2));
	assert_false(text_joins(0x110041, 0x301));
}

/* Returns what text_next_char() should give for the len bytes at s:
 * u8_mbtoucr()'s reading, a byte that starts nothing as 0x110000 + it. */
static size_t
S_reference(const unsigned char *s, size_t len, uint32_t *c)
{
	ucs4_t uc;
	int got = u8_mbtoucr(&uc, s, len);

	*c = got < 0 ? 0x110000u + s[0] : uc;
	return got < 0 ? 1 : (size_t)got;
}

/* text_next_char() reads every one-, two- and three-byte sequence (and
 * four-byte leads, cut short or not) as libunistring does, valid or
 * not: overlong forms, surrogates, stray continuation bytes. */
static void
test_next_char_as_libunistring(void **state)
{
	static const unsigned char tails[] = { 0x80, 0x9F, 0xA0, 0xBF, 'a',
	    0xC0, 0xE3 };
	unsigned char b[4];
	uint32_t got, want;
	unsigned x, y, t, len;

	(void)state;
	for (x = 1; x < 256; x++)
		for (y = 0; y < 256; y++)
			for (t = 0; t < sizeof(tails); t++)
				for (len = 1; len <= 4; len++) {
					b[0] = (unsigned char)x;
					b[1] = (unsigned char)y;
					b[2] = tails[t];
					b[3] = 0x80;
					assert_int_equal(text_next_char(
					    (const char *)b, len, &got),
					    S_reference(b, len, &want));
					assert_int_equal(got, want);
				}
	assert_int_equal(text_next_char("\xE8\x81\xB7", 3, &got), 3);
	assert_int_equal(got, 0x8077);	/* 職 */
	assert_int_equal(text_next_char("\xED\xA0\x80", 3, &got), 1);
	assert_int_equal(got, 0x1100ED);	/* a surrogate: bytes */
}

/* text_decode() reads a text character after character as
 * text_next_char() does, bytes that are no UTF-8 included. */
static void
test_decode_whole_text(void **state)
{
	static const char s[] = "a\xC3\xA9\xE8\x81\xB7\xF0\x9F\x98\x80"
	    "\xED\xA0\x80\xC0\xAF\xE3\x81";
	uint32_t c[sizeof(s)], one;
	size_t at[sizeof(s) + 1], n, i, pos = 0;

	(void)state;
	n = text_decode(s, sizeof(s) - 1, c, at);
	assert_int_equal(n, 11);
	for (i = 0; i < n; i++) {
		assert_int_equal(at[i], pos);
		pos += text_next_char(s + pos, sizeof(s) - 1 - pos, &one);
		assert_int_equal(c[i], one);
	}
	assert_int_equal(at[n], sizeof(s) - 1);
	assert_int_equal(c[3], 0x1F600);
	assert_int_equal(c[10], 0x110081);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_dedent_removes_xml_indentation),
		cmocka_unit_test(test_dedent_keeps_relative_indentation),
		cmocka_unit_test(test_dedent_needs_the_same_bytes),
		cmocka_unit_test(test_dedent_keeps_inner_blank_lines_only),
		cmocka_unit_test(test_line_flaw),
		cmocka_unit_test(test_has_visible),
		cmocka_unit_test(test_noncharacters),
		cmocka_unit_test(test_utf8_count),
		cmocka_unit_test(test_joins_fast_path),
		cmocka_unit_test(test_next_char_as_libunistring),
		cmocka_unit_test(test_decode_whole_text),
	};

	return cmocka_run_group_tests_name("text", tests, setup, teardown);
}
