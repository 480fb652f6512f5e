/* Fixture of tests/lint.py (not compiled): each literal below holds
 * Japanese text; the self-test expects a finding on each marked line. */
#include <stddef.h>
#include <wchar.h>
#include <uchar.h>

#define HOME "\u30db\u30fc\u30e0"	/* expect: japanese */

static const char *raw = "ホーム";	/* expect: japanese */
static const char *hex = "\xe3\x83\xac\xe3\x83\x99\xe3\x83\xab";	/* expect: japanese */
static const char *octal = "\343\203\254";	/* expect: japanese */
static const char *ucn = "\u30ec";	/* expect: japanese */
static const char *ucn_long = "\U00020B9F";	/* expect: japanese */
static const char *kanji = "\u4e00";	/* expect: japanese */
static const char *ext_a = "\u3400";	/* expect: japanese */
static const char *comma = "\u3001";	/* expect: japanese */
static const char *space = "\u3000";	/* expect: japanese */
static const char *halfwidth = "\xef\xbd\xb1";	/* expect: japanese */
static const char *fullwidth[] = { "\xef\xbc\x9d", "a" };	/* expect: japanese */
static const char *split = "\xe3\x83"	/* expect: japanese */
    "\xac";
static const char *split_octal = "\343"	/* expect: japanese */
    /* a comment between the pieces */
    "\203" "\254";
static const char *format = "%s\xef\xbc\x88%s\xef\xbc\x89";	/* expect: japanese */
static const char *spliced =	/* expect: japanese */ "\xe3\x83\x\
ac";
static const char *trigraph = "??/u30ec";	/* expect: japanese */
static const char *utf8 = u8"\u30ec";	/* expect: japanese */
static const wchar_t *wide = L"\x30ec";	/* expect: japanese */
static const char32_t *wide32 = U"\U00030000";	/* expect: japanese */
static const char16_t *pair = u"\xd842\xdf9f";	/* expect: japanese */
static const char16_t *mixed = u"a" "\u30ec";	/* expect: japanese */
static const wchar_t letter = L'\u30ec';	/* expect: japanese */
static const int multi = 'レ';	/* expect: japanese */
static const char *kana_ext = "\U0001B001";	/* expect: japanese */
static const unsigned char bytes[] = { 0xe3, 0x83, 0x9b, 0 };	/* expect: japanese */
static const char chars[] = { 'a', '\xe3', '\x83', '\x9b', '\0' };	/* expect: japanese */
static const signed char negative[] = { -29, -125, -101 };	/* expect: japanese */
static const char octal_bytes[] = {
	0343, 0203, 0254U,	/* expect: japanese */
	0 };
static const struct { const char *name; unsigned char word[4]; } row = {
	"home", { 0xE3, 0x83, 0x9B } };	/* expect: japanese */
