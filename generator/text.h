/* text.h: plain-text helpers for content fields (no XML, no Markdown
 * rendering): trimming, removing XML indentation, what one-line fields
 * may hold.
 */
#ifndef SKILLSITE_TEXT_H
#define SKILLSITE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define MARKDOWN_SIZE_MAX	(16 * 1024)	/* bytes per Markdown field */
#define MARKDOWN_DEPTH_MAX	16		/* nested blocks or inlines */
#define LINE_SIZE_MAX		1024		/* bytes per one-line field */
/* Text that every specialty's pages repeat, bounded so that the site
 * grows with the content by a small factor: a skill's knowledge items
 * (how many) and their bytes with its editorial notes' (on each
 * specialty's page of the skill, in each handbook and CSV row), and the
 * bytes of a job type's annotation and editorial notes (in each
 * handbook). */
#define SKILL_ITEMS_MAX		64
#define SKILL_SHARED_MAX	(8 * 1024)
#define JOBTYPE_SHARED_MAX	(32 * 1024)
/* ... and in total over the site: the bytes above times the specialties
 * that repeat them (a job type's in each of its handbooks, a skill's on
 * the page of each specialty that uses it) at most REPEATED_TOTAL_MAX
 * plus REPEATED_PER_BYTE times the bytes of the level descriptions, so
 * the site stays linear in the content. */
#define REPEATED_TOTAL_MAX	(16 * 1024 * 1024)
#define REPEATED_PER_BYTE	16

/* Returns whether c is XML white space (space, tab, CR, LF). */
int	 text_is_space(int c);

/* Returns a copy of s without leading and trailing white space; sets
 * *has_break when the remaining text contains a line break. */
char	*text_trim(struct arena *, const char *s, int *has_break);

/* Returns a copy of s as Markdown: the indentation that XML nesting adds is
 * removed (the longest run of spaces and tabs shared by every non-blank
 * line), as are blank lines before and after the text and white space at
 * the end of lines.  Returns "" for blank text. */
char	*text_dedent(struct arena *, const char *s);

/* What text_line_flaw() finds wrong with a one-line field. */
enum text_flaw {
	TEXT_OK,
	TEXT_INVISIBLE,	/* only white space and invisible characters */
	TEXT_BREAK,	/* U+0085, U+2028 or U+2029, set in *c */
	TEXT_BIDI,	/* a bidirectional control character, set in *c */
	TEXT_NONCHAR	/* a noncharacter, set in *c */
};

/* Returns whether c is a Unicode noncharacter: U+FDD0-U+FDEF, or the last
 * two code points of a plane (U+FFFE, U+FFFF, ..., U+10FFFF). */
int	 text_is_noncharacter(unsigned c);

/* Returns whether the UTF-8 text s shows anything: a character that is
 * neither Unicode White_Space nor Default_Ignorable_Code_Point (U+3000,
 * U+00A0, U+200B, U+FEFF show nothing). */
int	 text_has_visible(const char *s);

/* Returns what keeps the UTF-8 text s from being a one-line field that
 * shows as written: a line break beyond XML's (U+0085 next line, U+2028
 * line and U+2029 paragraph separator), a bidirectional control (U+202A-U+202E,
 * U+2066-U+2069, U+200E, U+200F, U+061C), which reverses the text after
 * it in titles and links, a noncharacter, or nothing to see (see
 * text_has_visible()).  Linear in the length of s. */
int	 text_line_flaw(const char *s, unsigned *c);

/* Classes of characters by script: a word of Japanese text rarely
 * crosses from one to another. */
enum text_script {
	TEXT_SCRIPT_OTHER,	/* punctuation, spaces, symbols, bytes */
	TEXT_SCRIPT_KATAKANA,	/* with the long vowel mark and half-width forms */
	TEXT_SCRIPT_KANJI,	/* with the iteration mark */
	TEXT_SCRIPT_WORD,	/* ASCII, Latin and full-width letters, digits */
	TEXT_SCRIPT_HIRAGANA
};

/* Returns the class of code point c (above U+10FFFF: other). */
enum text_script text_script(uint32_t c);

/* Returns whether character c continues the grapheme cluster of the
 * character prev before it, so that nothing may part them (e and a
 * combining accent, an emoji and its skin tone); code points above
 * U+10FFFF (bytes that are no UTF-8) join nothing. */
int		 text_joins(uint32_t prev, uint32_t c);

/* What lets text_joins() answer without libunistring's tables: whether
 * c is of grapheme break property Other and no Extended_Pictographic
 * (ASCII graphics, 、。, kana, the common kanji, full-width ASCII), so
 * that only a Prepend character before it would join it; and whether c
 * is none of the Prepend characters (all at U+0600 or above, none among
 * kana, kanji and full-width forms). */
int		 text_breaks_plainly(uint32_t c);
int		 text_never_prepends(uint32_t c);

/* Returns the length of the character that starts the len > 0 bytes at
 * s, setting *c to it, as libunistring's u8_mbtoucr() reads it (the
 * common two- and three-byte forms without the call); a byte that starts
 * no valid sequence stands for itself, as 0x110000 + the byte, length
 * 1. */
size_t	 text_next_char(const char *s, size_t len, uint32_t *c);

/* Reads the size bytes at s as text_next_char() does, character after
 * character, into c (room for size) and at (room for size + 1: where
 * each starts and, last, size); returns the number of characters. */
size_t	 text_decode(const char *s, size_t size, uint32_t *c, size_t *at);

/* Returns the number of characters (UTF-8 code points) in the n bytes at s. */
size_t	 text_utf8_count(const char *s, size_t n);

/* Rewrites each CR of the len bytes at buf that no LF follows as LF, as
 * XML reads line ends (XML 1.0, 2.11), so that libxml2, which counts only
 * LFs, counts the lines an editor sees; CR LF is one line end already.
 * Moves no offset; for text in UTF-8 or another encoding in which a CR
 * byte is always the character CR. */
void	 text_normalise_line_ends(char *buf, size_t len);

/* Returns the value of c as a lower-case hexadecimal digit, or -1 (an
 * upper-case one too: callers that take both pass c | 0x20). */
int	 text_xdigit(char c);

#endif
