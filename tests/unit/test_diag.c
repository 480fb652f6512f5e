/* test_diag.c: the message format, ordering, suppression and caps. */
#include "helpers.h"

#include <unictype.h>
#include <unistr.h>

static const char *const FILES[] = { "a.xml", "b.xml" };

/* Registers FILES in d, as files 0 and 1. */
static void
add_files(struct diag *d)
{
	assert_int_equal(diag_add_file(d, FILES[0]), 0);
	assert_int_equal(diag_add_file(d, FILES[1]), 1);
}

/* Flushes d, its files named FILES, into a string owned by c. */
static const char *
flush(struct diag *d, struct capture *c)
{
	add_files(d);
	diag_flush(d);
	diag_free(d);
	return capture_close(c);
}

static void
test_format_and_order(void **state)
{
	struct capture c;
	struct diag d;
	struct pos late = { 0, 9, 2 }, early = { 0, 3, 7 }, other = { 1, 1, 1 };
	struct pos whole = { 1, 0, 0 };

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	diag_msg(&d, MSG_SKILL_UNKNOWN, &other, "\"%s\"", "x");
	diag_msg(&d, MSG_ID_PATTERN, &late, "\"%s\"", "A b");
	diag_msg(&d, MSG_EDITORIAL_NOTE, &early, "%s", "原典のまま");
	diag_msg(&d, MSG_IO_OPEN, &whole, "%s", "No such file or directory");
	assert_int_equal(diag_status(&d), EXIT_IO);
	assert_int_equal(diag_errors(&d), 3);
	assert_string_equal(flush(&d, &c),
	    "skillsite: a.xml:3:7: notice: editorial note: 原典のまま\n"
	    "skillsite: a.xml:9:2: error: invalid ID; IDs match "
	    "[a-z0-9][a-z0-9-]{0,63}: \"A b\"\n"
	    "skillsite: b.xml: error: cannot open: No such file or directory\n"
	    "skillsite: b.xml:1:1: error: unknown skill: \"x\"\n");
	capture_free(&c);
}

static void
test_status_is_the_worst_seen(void **state)
{
	struct diag d;
	struct pos p = { 0, 1, 1 };

	(void)state;
	diag_init(&d, stderr);
	assert_int_equal(diag_status(&d), EXIT_OK);
	diag_msg(&d, MSG_EDITORIAL_NOTE, &p, NULL);
	assert_int_equal(diag_status(&d), EXIT_OK);
	diag_msg(&d, MSG_IO_READ, &p, NULL);
	diag_msg(&d, MSG_XML, &p, NULL);
	assert_int_equal(diag_status(&d), EXIT_IO);
	diag_free(&d);
}

static void
test_secondary_dropped_only_beside_a_primary(void **state)
{
	struct capture c;
	struct diag d;
	struct pos p = { 0, 2, 1 }, q = { 0, 5, 3 };

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	diag_secondary(&d, MSG_SCHEMA, &p, "generic");
	diag_msg(&d, MSG_ID_PATTERN, &p, "precise");
	diag_secondary(&d, MSG_SCHEMA, &q, "alone");
	assert_string_equal(flush(&d, &c),
	    "skillsite: a.xml:2:1: error: invalid ID; IDs match "
	    "[a-z0-9][a-z0-9-]{0,63}: precise\n"
	    "skillsite: a.xml:5:3: error: not valid against the schema: alone\n");
	capture_free(&c);
}

static void
test_repeats_are_printed_once(void **state)
{
	struct capture c;
	struct diag d;
	struct pos p = { 0, 4, 4 };

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	diag_msg(&d, MSG_XML, &p, "same");
	diag_msg(&d, MSG_XML, &p, "same");
	assert_string_equal(flush(&d, &c),
	    "skillsite: a.xml:4:4: error: malformed XML: same\n");
	capture_free(&c);
}

static void
test_cap_counts_what_it_hides(void **state)
{
	struct capture c;
	struct diag d;
	const char *out, *last;
	int i, lines = 0;

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	for (i = 0; i < 130; i++) {
		struct pos p = { 0, i + 1, 1 };

		diag_msg(&d, MSG_KNOWLEDGE_DUPLICATE, &p, "%d", i);
	}
	out = flush(&d, &c);
	for (last = out; *last != '\0'; last++)
		lines += *last == '\n';
	assert_int_equal(lines, 101);
	assert_non_null(strstr(out,
	    "\nskillsite: error: 30 more errors not shown\n"));
	capture_free(&c);
}

static void
test_content_cannot_forge_lines(void **state)
{
	struct capture c;
	struct diag d;
	struct pos p = { 0, 1, 1 };

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	diag_msg(&d, MSG_ID_PATTERN, &p, "\"%s\"",
	    "x\nskillsite: b.xml:1:1: error: forged\r\x1b[31m\x7f");
	diag_msg(&d, MSG_EDITORIAL_NOTE, &p, "%s", "一段落目\n\n又、\t二段落目\n");
	assert_string_equal(flush(&d, &c),
	    "skillsite: a.xml:1:1: error: invalid ID; IDs match "
	    "[a-z0-9][a-z0-9-]{0,63}: \"x\\x0Askillsite: b.xml:1:1: error: "
	    "forged\\x0D\\x1B[31m\\x7F\"\n"
	    "skillsite: a.xml:1:1: notice: editorial note: "
	    "一段落目 又、\\x09二段落目\n");
	capture_free(&c);
}

/* File names print as escaped as quoted content: C0, DEL, C1, U+2028,
 * U+2029, bidi controls and bytes that are not UTF-8. */
static void
test_file_names_cannot_forge_lines(void **state)
{
	static const char *const names[] = {
		"z\nskillsite: forged.xml:1:1: error: x.xml",
		"e\x1b[2J\a\x7f\xc2\x9b\xe2\x80\xae\xe2\x80\xa8\xe2\x81\xa6"
		    "\xff\xed\xa0\x80\xc0\xaf\\x.xml",
	};
	struct capture c;
	struct diag d;
	struct pos p = { 0, 2, 3 }, q = { 1, 0, 0 };
	char *name;

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	diag_msg(&d, MSG_XML, &p, "in %s", names[1]);
	diag_msg(&d, MSG_IO_OPEN, &q, "%s", "No such file or directory");
	diag_add_file(&d, names[0]);
	diag_add_file(&d, names[1]);
	diag_flush(&d);
	diag_free(&d);
	assert_string_equal(capture_close(&c),
	    "skillsite: z\\x0Askillsite: forged.xml:1:1: error: x.xml:2:3: "
	    "error: malformed XML: in e\\x1B[2J\\x07\\x7F\\u009B\\u202E"
	    "\\u2028\\u2066\\xFF\\xED\\xA0\\x80\\xC0\\xAF\\x.xml\n"
	    "skillsite: e\\x1B[2J\\x07\\x7F\\u009B\\u202E\\u2028\\u2066"
	    "\\xFF\\xED\\xA0\\x80\\xC0\\xAF\\x.xml: error: cannot open: "
	    "No such file or directory\n");
	capture_free(&c);
	name = diag_escape("out\r\n\x1b]0;title\x07\xc2\x85/サイト");
	assert_string_equal(name, "out\\x0D\\x0A\\x1B]0;title\\x07\\u0085/サイト");
	free(name);
}

/* Text from content and arguments prints escaped too: C1 controls, line
 * and paragraph separators, bidi controls and other invisible formatting
 * characters, bytes that are not UTF-8. */
static void
test_c1_and_bidi_controls_are_escaped(void **state)
{
	struct capture c;
	struct diag d;
	struct pos p = { 0, 1, 1 };

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	diag_msg(&d, MSG_ID_PATTERN, &p, "\"%s\"",
	    "a\xc2\x9b[2Jb\xc2\x85" "c\xe2\x80\xa9" "d\xe2\x80\x8f" "e\xd8\x9c"
	    "f\x80g");
	diag_msg(&d, MSG_EDITORIAL_NOTE, &p, "%s",
	    "一\r\n\r\n二\xe2\x80\xae三\xc2\x9b四\xe2\x80\x8b五\xef\xbb\xbf"
	    "\xf3\xa0\x80\x81六\n");
	assert_string_equal(flush(&d, &c),
	    "skillsite: a.xml:1:1: error: invalid ID; IDs match "
	    "[a-z0-9][a-z0-9-]{0,63}: \"a\\u009B[2Jb\\u0085c\\u2029d\\u200Fe"
	    "\\u061Cf\\x80g\"\n"
	    "skillsite: a.xml:1:1: notice: editorial note: "
	    "一 二\\u202E三\\u009B四\\u200B五\\uFEFF\\U000E0001六\n");
	capture_free(&c);
	capture_open(&c);
	diag_plain(c.f, "unknown command: %s", "x\n\xc2\x9b\xe2\x80\xaey");
	assert_string_equal(capture_close(&c), "skillsite: error: unknown "
	    "command: x\\x0A\\u009B\\u202Ey\n");
	capture_free(&c);
}

static void
test_long_details_are_cut_between_characters(void **state)
{
	struct capture c;
	struct diag d;
	struct pos p = { 0, 1, 1 };
	char text[1200];
	const char *out, *cut;
	size_t i;

	(void)state;
	for (i = 0; i + 3 < sizeof(text); i += 3)
		memcpy(text + i, "項", 3);	/* 3 bytes; 512 is no multiple */
	text[i] = '\0';
	capture_open(&c);
	diag_init(&d, c.f);
	diag_msg(&d, MSG_KNOWLEDGE_DUPLICATE, &p, "%s", text);
	diag_msg(&d, MSG_EDITORIAL_NOTE, &p, "%s", text);
	out = flush(&d, &c);
	cut = strstr(out, "...\n");
	assert_non_null(cut);
	/* 170 whole characters (510 bytes) kept of the error's detail */
	assert_int_equal(cut - strstr(out, "項"), 510);
	assert_non_null(strstr(cut, text));	/* the notice is whole */
	capture_free(&c);
}

static void
test_cap_keeps_the_first_by_position(void **state)
{
	struct capture c;
	struct diag d;
	const char *out;
	int i;

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	for (i = 3000; i > 0; i--) {	/* reported last to first */
		struct pos p = { 0, i, 1 };

		diag_msg(&d, MSG_SKILL_UNUSED, &p, "s%d", i);
	}
	out = flush(&d, &c);
	assert_true(strncmp(out, "skillsite: a.xml:1:1: error: skill used by "
	    "no specialty: s1\n", 57) == 0);
	assert_non_null(strstr(out, "a.xml:100:1:"));
	assert_null(strstr(out, "a.xml:101:1:"));
	assert_non_null(strstr(out, "skillsite: error: 2900 more errors not "
	    "shown\n"));
	capture_free(&c);
}

static void
test_flush_reports_a_failed_write(void **state)
{
	FILE *full = fopen("/dev/full", "w");
	struct diag d;
	struct pos p = { 0, 1, 1 };

	(void)state;
	if (full == NULL)
		skip();
	diag_init(&d, full);
	diag_msg(&d, MSG_XML, &p, "x");
	add_files(&d);
	assert_int_equal(diag_flush(&d), -1);
	diag_free(&d);
	fclose(full);
}

/* Asserts that text, lines of output, holds no control character but the
 * LF ending each line, no line or paragraph separator, no formatting
 * character (bidi controls among them) and nothing that is not UTF-8. */
static void
assert_printable(const char *text)
{
	size_t i = 0, n = strlen(text);
	ucs4_t c;
	int len;

	while (i < n) {
		len = u8_mbtoucr(&c, (const uint8_t *)text + i, n - i);
		assert_true(len > 0);
		if (c == '\n')
			assert_true(i + 1 == n ||
			    strncmp(text + i + 1, "skillsite: ", 11) == 0);
		else
			assert_false(uc_is_cntrl(c) ||
			    uc_is_general_category(c, UC_CATEGORY_Cf));
		i += (size_t)len;
	}
}

/* Every character that could forge a line or drive a terminal, in a file
 * name, a detail and a note, prints escaped. */
static void
test_no_hidden_character_is_printed_raw(void **state)
{
	static const ucs4_t ranges[][2] = {
		{ 0x01, 0xAD }, { 0x0600, 0x0605 }, { 0x061C, 0x061C },
		{ 0x2000, 0x206F }, { 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB },
		{ 0xE0000, 0xE007F },
	};
	struct capture c;
	struct diag d;
	struct pos p = { 0, 1, 1 };
	char name[16];
	size_t r;
	ucs4_t u;

	(void)state;
	for (r = 0; r < sizeof(ranges) / sizeof(ranges[0]); r++)
		for (u = ranges[r][0]; u <= ranges[r][1]; u++) {
			int len = u8_uctomb((uint8_t *)name + 1, u, 4);

			assert_true(len > 0);
			name[0] = 'a';
			strcpy(name + 1 + len, "b.xml");
			capture_open(&c);
			diag_init(&d, c.f);
			diag_msg(&d, MSG_ID_PATTERN, &p, "\"%s\"", name);
			diag_msg(&d, MSG_EDITORIAL_NOTE, &p, "%s", name);
			diag_msg(&d, MSG_SCHEMA, &p, "%s", name);
			diag_add_file(&d, name);
			diag_flush(&d);
			diag_free(&d);
			assert_printable(capture_close(&c));
			capture_free(&c);
		}
}

/* Files are numbered in the order they register, a path twice gets two
 * numbers, and a message at a number none has prints without a file. */
static void
test_files_are_numbered_in_order(void **state)
{
	struct capture c;
	struct diag d;
	struct pos p = { 0, 1, 1 }, nowhere = { 7, 2, 2 };

	(void)state;
	capture_open(&c);
	diag_init(&d, c.f);
	assert_int_equal(diag_add_file(&d, "x.xml"), 0);
	assert_int_equal(diag_add_file(&d, "x.xml"), 1);
	assert_int_equal(diag_add_file(&d, "y.xml"), 2);
	assert_int_equal(diag_nfiles(&d), 3);
	assert_string_equal(diag_file(&d, 2), "y.xml");
	assert_string_equal(diag_file(&d, 3), "?");
	p.file = 2;
	diag_msg(&d, MSG_XML, &p, "here");
	diag_msg(&d, MSG_XML, &nowhere, "nowhere");
	diag_flush(&d);
	assert_string_equal(diag_file(&d, 0), "x.xml");	/* kept */
	diag_free(&d);
	assert_string_equal(capture_close(&c),
	    "skillsite: y.xml:1:1: error: malformed XML: here\n"
	    "skillsite: error: malformed XML: nowhere\n");
	capture_free(&c);
}

/* Diags forked for pieces of work see the whole's files and number
 * their own after them; merging renumbers those in merge order, so each
 * message still names its own file. */
static void
test_merge_renumbers_the_files_of_pieces(void **state)
{
	struct capture c;
	struct diag whole, one, two;
	struct pos at_whole = { 0, 3, 1 }, p;

	(void)state;
	capture_open(&c);
	diag_init(&whole, c.f);
	diag_add_file(&whole, "whole.xml");
	diag_fork(&one, &whole);
	diag_fork(&two, &whole);
	p.line = p.col = 1;
	assert_int_equal(p.file = diag_add_file(&two, "two.xml"), 1);
	diag_msg(&two, MSG_XML, &p, "in two");
	diag_msg(&two, MSG_XML, &at_whole, "two at whole");
	assert_string_equal(diag_file(&two, 0), "whole.xml");
	assert_int_equal(p.file = diag_add_file(&one, "one.xml"), 1);
	diag_msg(&one, MSG_XML, &p, "in one");
	diag_merge(&whole, &one);
	diag_merge(&whole, &two);
	assert_int_equal(diag_nfiles(&whole), 3);
	assert_string_equal(diag_file(&whole, 1), "one.xml");
	assert_string_equal(diag_file(&whole, 2), "two.xml");
	diag_flush(&whole);
	diag_free(&whole);
	diag_free(&one);
	diag_free(&two);
	assert_string_equal(capture_close(&c),
	    "skillsite: whole.xml:3:1: error: malformed XML: two at whole\n"
	    "skillsite: one.xml:1:1: error: malformed XML: in one\n"
	    "skillsite: two.xml:1:1: error: malformed XML: in two\n");
	capture_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_and_order),
		cmocka_unit_test(test_status_is_the_worst_seen),
		cmocka_unit_test(test_secondary_dropped_only_beside_a_primary),
		cmocka_unit_test(test_repeats_are_printed_once),
		cmocka_unit_test(test_cap_counts_what_it_hides),
		cmocka_unit_test(test_content_cannot_forge_lines),
		cmocka_unit_test(test_file_names_cannot_forge_lines),
		cmocka_unit_test(test_c1_and_bidi_controls_are_escaped),
		cmocka_unit_test(test_no_hidden_character_is_printed_raw),
		cmocka_unit_test(test_long_details_are_cut_between_characters),
		cmocka_unit_test(test_cap_keeps_the_first_by_position),
		cmocka_unit_test(test_flush_reports_a_failed_write),
		cmocka_unit_test(test_files_are_numbered_in_order),
		cmocka_unit_test(test_merge_renumbers_the_files_of_pieces),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
