/* Fixture of tests/lint.py (not compiled): no literal here holds
 * Japanese text, though comments do: ホーム、レベル３ */
#include <stdint.h>

// レベル in a line comment
static const char *ascii = "home";
static const char *escaped = "\\xe3\\x83\\xac \\u30ec";
static const char *dash = "\xe2\x80\x94 \u2026";
static const char *emoji = "\U0001F600";
static const char *bom = "\xef\xbb\xbf";
static const char *quotes = "it's \"quoted\" /* not a comment */";
static const char quote = '"';
static const char apostrophe = '\'';
static const char byte = '\xe3';
static const uint32_t fullwidth_equals = 0xFF1D;	/* ＝ as a number */
static const char *latin = "caf\u00e9 \xc3\xa9";
static const unsigned char utf8_bom[] = { 0xef, 0xbb, 0xbf };
static const unsigned char latin_bytes[] = { 0xc3, 0xa9, 'a', -1 };
static const int numbers[] = { 1, 2, 3 };
