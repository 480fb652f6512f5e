/* jsontext.c: JSON strings written as text; see jsontext.h. */
#include "jsontext.h"

#include <stdint.h>
#include <string.h>

/* Writes at out the escape of byte c, a quote, a backslash or a control
 * character, as jansson writes it; returns the end of what it wrote. */
static char *
S_escape_byte(char *out, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";

	*out++ = '\\';
	switch (c) {
	case '"':
	case '\\':	*out++ = (char)c; break;
	case '\b':	*out++ = 'b'; break;
	case '\f':	*out++ = 'f'; break;
	case '\n':	*out++ = 'n'; break;
	case '\r':	*out++ = 'r'; break;
	case '\t':	*out++ = 't'; break;
	default:
		memcpy(out, "u00", 3);
		out[3] = hex[c >> 4];
		out[4] = hex[c & 15];
		out += 5;
		break;
	}
	return out;
}

/* Returns whether none of the 8 bytes of x needs escaping: none is
 * below 0x20, a quote or a backslash (each test exact for the whole
 * word: a byte's borrow only follows a byte that matched). */
static int
S_plain8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u;
	const uint64_t highs = 0x8080808080808080u;
	uint64_t q = x ^ ones * '"', bs = x ^ ones * '\\';

	return ((((x - ones * 0x20) & ~x) | ((q - ones) & ~q) |
	    ((bs - ones) & ~bs)) & highs) == 0;
}

void
jsontext_escape(struct strbuf *b, const char *s, size_t n)
{
	char *out;
	size_t i = 0, end;
	uint64_t x;

	strbuf_reserve(b, n);	/* room for the rest as it is */
	out = b->s + b->len;
	while (i < n) {
		if (n - i >= sizeof(x) && (memcpy(&x, s + i, sizeof(x)),
		    S_plain8(x))) {
			memcpy(out, s + i, sizeof(x));
			out += sizeof(x);
			i += sizeof(x);
			continue;
		}
		for (end = n - i < sizeof(x) ? n : i + sizeof(x); i < end;
		    i++) {
			unsigned char c = (unsigned char)s[i];

			if (c >= 0x20 && c != '"' && c != '\\') {
				*out++ = (char)c;
				continue;
			}
			b->len = (size_t)(out - b->s);	/* "\u00XX" at most */
			strbuf_reserve(b, 6 + n - i);
			out = S_escape_byte(b->s + b->len, c);
		}
	}
	*out = '\0';
	b->len = (size_t)(out - b->s);
}

void
jsontext_string(struct strbuf *b, const char *s, size_t n)
{
	strbuf_add(b, "\"", 1);
	jsontext_escape(b, s, n);
	strbuf_add(b, "\"", 1);
}
