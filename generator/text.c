/* text.c: content field helpers; see text.h. */
#include "text.h"

#include <stdint.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>

int
text_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *
text_trim(struct arena *a, const char *s, int *has_break)
{
	const char *end = s + strlen(s);

	while (s < end && text_is_space((unsigned char)*s))
		s++;
	while (end > s && text_is_space((unsigned char)end[-1]))
		end--;
	*has_break = memchr(s, '\n', (size_t)(end - s)) != NULL ||
	    memchr(s, '\r', (size_t)(end - s)) != NULL;
	return arena_strndup(a, s, (size_t)(end - s));
}

/* Returns the end of the line starting at s (its '\n' or NUL). */
static const char *
S_line_end(const char *s)
{
	const char *nl = strchr(s, '\n');

	return nl != NULL ? nl : s + strlen(s);
}

/* Returns whether the bytes [s, end) hold only spaces, tabs and CRs. */
static int
S_is_blank(const char *s, const char *end)
{
	for (; s < end; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/* Returns the length of the indentation that every non-blank line of s
 * shares, byte for byte. */
static size_t
S_common_indent(const char *s)
{
	const char *first = NULL, *line, *end;
	size_t common = 0, k;

	for (line = s; *line != '\0'; line = *end ? end + 1 : end) {
		end = S_line_end(line);
		if (S_is_blank(line, end))
			continue;
		if (first == NULL) {
			first = line;
			for (k = 0; first[k] == ' ' || first[k] == '\t'; k++)
				;
			common = k;
			continue;
		}
		for (k = 0; k < common && line[k] == first[k]; k++)
			;
		common = k;
	}
	return common;
}

char *
text_dedent(struct arena *a, const char *s)
{
	size_t indent = S_common_indent(s), n = 0, pending = 0;
	char *out = arena_calloc(a, strlen(s) + 1, 1);
	const char *line, *end, *stop;

	for (line = s; *line != '\0'; line = *end ? end + 1 : end) {
		end = S_line_end(line);
		if (S_is_blank(line, end)) {
			if (n > 0)
				pending++;	/* kept only between text */
			continue;
		}
		for (; pending > 0; pending--)
			out[n++] = '\n';
		if (n > 0)
			out[n++] = '\n';
		for (stop = end; stop > line && (stop[-1] == ' ' ||
		    stop[-1] == '\t' || stop[-1] == '\r'); stop--)
			;
		memcpy(out + n, line + indent, (size_t)(stop - line) - indent);
		n += (size_t)(stop - line) - indent;
	}
	out[n] = '\0';
	return out;
}

int
text_is_noncharacter(unsigned c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* Returns whether uc shows nothing on its own: white space, a
 * default-ignorable character, a format (Cf) or control (Cc) character,
 * one unassigned in libunistring's Unicode (Cn: no font draws it), a
 * combining mark (M: it only changes the character before it), or a
 * symbol drawn blank (U+2800 BRAILLE PATTERN BLANK, U+1D159 MUSICAL
 * SYMBOL NULL NOTEHEAD).  What is refused on its own, a noncharacter or
 * a control character that XML forbids, is not counted here. */
static int
S_shows_nothing(ucs4_t uc)
{
	if (text_is_noncharacter(uc) || (uc < 0x20 && !text_is_space((int)uc)))
		return 0;
	return uc_is_property_white_space(uc) ||
	    uc_is_property_default_ignorable_code_point(uc) ||
	    uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Cf |
	    UC_CATEGORY_MASK_Cc | UC_CATEGORY_MASK_Cn | UC_CATEGORY_MASK_M) ||
	    uc == 0x2800 || uc == 0x1D159;
}

int
text_has_visible(const char *s)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + strlen(s);
	ucs4_t uc;
	int n;

	for (; u < end; u += n) {
		n = u8_mbtouc(&uc, u, (size_t)(end - u));
		if (!S_shows_nothing(uc))
			return 1;
	}
	return 0;
}

int
text_line_flaw(const char *s, unsigned *c)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + strlen(s);
	ucs4_t uc;
	int n;

	for (; u < end; u += n) {
		n = u8_mbtouc(&uc, u, (size_t)(end - u));
		*c = uc;
		if (uc == 0x85 || uc == 0x2028 || uc == 0x2029)
			return TEXT_BREAK;
		if (uc_is_property_bidi_control(uc))
			return TEXT_BIDI;
		if (text_is_noncharacter(uc))
			return TEXT_NONCHAR;
	}
	return text_has_visible(s) ? TEXT_OK : TEXT_INVISIBLE;
}

enum text_script
text_script(uint32_t c)
{
	if (c >= 0x4E00 && c <= 0x9FFF)	/* the common cases first */
		return TEXT_SCRIPT_KANJI;
	if (c >= 0x3041 && c <= 0x3096)
		return TEXT_SCRIPT_HIRAGANA;
	if ((c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) ||
	    (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F))
		return TEXT_SCRIPT_KATAKANA;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || c == 0x3005)
		return TEXT_SCRIPT_KANJI;
	if (c < 0x80 ? (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z') : (c >= 0xFF10 && c <= 0xFF19) ||
	    (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
	    (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7))
		return TEXT_SCRIPT_WORD;
	if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E)
		return TEXT_SCRIPT_HIRAGANA;
	return TEXT_SCRIPT_OTHER;
}

int
text_breaks_plainly(uint32_t c)
{
	return (c >= 0x20 && c <= 0x7E) || c == 0x3001 || c == 0x3002 ||
	    (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
	    (c >= 0x30FC && c <= 0x30FE) || (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xFF01 && c <= 0xFF5E);
}

int
text_never_prepends(uint32_t c)
{
	return c < 0x600 || (c >= 0x3000 && c <= 0x9FFF) ||
	    (c >= 0xFF00 && c <= 0xFFEF);
}

int
text_joins(uint32_t prev, uint32_t c)
{
	if (text_breaks_plainly(c) && text_never_prepends(prev))
		return 0;	/* the common case, without the tables */
	return prev < 0x110000 && c < 0x110000 &&
	    !uc_is_grapheme_break(prev, c);
}

/* Returns whether byte b continues a UTF-8 sequence (10xxxxxx). */
static int
S_continues(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* Sets *c to the character that starts the len > 0 bytes at u and
 * returns its length, as text_next_char(). */
static inline size_t
S_next_char(const unsigned char *u, size_t len, uint32_t *c)
{
	ucs4_t uc;
	int got;

	if (u[0] < 0x80) {
		*c = u[0];
		return 1;
	}
	/* two bytes from C2, three from E1 but ED: never overlong, never a
	 * surrogate, so valid whenever the bytes continue */
	if (u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && len >= 3 &&
	    S_continues(u[1]) && S_continues(u[2])) {
		*c = ((uint32_t)(u[0] & 0x0F) << 12) |
		    ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		return 3;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF && len >= 2 && S_continues(u[1])) {
		*c = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if ((got = u8_mbtoucr(&uc, u, len)) < 0) {
		*c = 0x110000 + u[0];
		return 1;
	}
	*c = uc;
	return (size_t)got;
}

size_t
text_next_char(const char *s, size_t len, uint32_t *c)
{
	return S_next_char((const unsigned char *)s, len, c);
}

size_t
text_decode(const char *s, size_t size, uint32_t *c, size_t *at)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = 0;

	for (; i < size; n++) {
		at[n] = i;
		i += S_next_char(u + i, size - i, &c[n]);
	}
	at[n] = size;
	return n;
}

size_t
text_utf8_count(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

void
text_normalise_line_ends(char *buf, size_t len)
{
	char *cr = buf, *end;

	if (len == 0)
		return;
	end = buf + len;
	while ((cr = memchr(cr, '\r', (size_t)(end - cr))) != NULL) {
		if (cr + 1 == end || cr[1] != '\n')
			*cr = '\n';
		cr++;
	}
}

int
text_xdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}
