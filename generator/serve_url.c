/* serve_url.c: what a request's path may name; see serve.h.  The decoding
 * itself is libmicrohttpd's (MHD_http_unescape()); this file decides what
 * to refuse before and after it. */
#include "serve.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>
#include <unistr.h>

#include "alloc.h"
#include "text.h"

/* Returns whether raw holds only what a decoded path may: every '%'
 * followed by two hex digits that do not encode NUL, a separator ('/' or
 * '\\') or a control; no backslash, control, space or DEL as it is. */
static int
S_raw_sound(const char *raw)
{
	const unsigned char *p;
	int hi, lo, c;

	for (p = (const unsigned char *)raw; *p != '\0'; p++) {
		if (*p <= 0x20 || *p == 0x7f || *p == '\\')
			return 0;
		if (*p != '%')
			continue;
		if ((hi = text_xdigit((char)(p[1] | 0x20))) < 0 ||
		    (lo = text_xdigit((char)(p[2] | 0x20))) < 0)
			return 0;
		c = hi * 16 + lo;
		if (c < 0x20 || c == 0x7f || c == '/' || c == '\\')
			return 0;
		p += 2;
	}
	return 1;
}

/* Returns whether the len bytes at seg make a segment a site may
 * publish: not empty, not hidden (".", ".." and ".name"). */
static int
S_segment_sound(const char *seg, size_t len)
{
	return len > 0 && seg[0] != '.';
}

int
serve_url_path(const char *raw, char *out, size_t size, int *dir)
{
	size_t len, i, start;
	char *dec;

	*dir = 0;
	if (raw[0] != '/' || !S_raw_sound(raw))
		return -1;
	dec = xstrdup(raw + 1);
	len = MHD_http_unescape(dec);
	if (len >= size || memchr(dec, '\0', len) != NULL ||
	    u8_check((const uint8_t *)dec, len) != NULL) {
		free(dec);
		return -1;
	}
	/* every segment but a last empty one (the folder's "/") */
	for (i = start = 0; i <= len; i++) {
		if (i < len && dec[i] != '/')
			continue;
		if (i == len && start == len)
			break;		/* "" or a trailing '/' */
		if (!S_segment_sound(dec + start, i - start)) {
			free(dec);
			return -1;
		}
		start = i + 1;
	}
	*dir = len == 0 || dec[len - 1] == '/';
	memcpy(out, dec, len + 1);
	free(dec);
	return 0;
}

/* The types served, by extension: those of the README's server blocks. */
static const struct {
	const char	*ext;
	const char	*type;
} S_types[] = {
	{ "html", "text/html; charset=utf-8" },
	{ "css", "text/css; charset=utf-8" },
	{ "js", "application/javascript; charset=utf-8" },
	{ "svg", "image/svg+xml" },
	{ "pdf", "application/pdf" },
	{ "json", "application/json" },
	{ "csv", "text/csv; charset=utf-8" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
	{ "txt", "text/plain; charset=utf-8" },
	{ "png", "image/png" },
	{ "jpg", "image/jpeg" },
	{ "jpeg", "image/jpeg" },
	{ "gif", "image/gif" },
	{ "webp", "image/webp" },
	{ "ico", "image/x-icon" },
	{ "woff", "font/woff" },
	{ "woff2", "font/woff2" },
	{ "ttf", "font/ttf" },
	{ "otf", "font/otf" },
};

const char *
serve_content_type(const char *name)
{
	const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
	size_t i;

	if (dot != NULL && (slash == NULL || dot > slash))
		for (i = 0; i < sizeof(S_types) / sizeof(S_types[0]); i++)
			if (strcmp(dot + 1, S_types[i].ext) == 0)
				return S_types[i].type;
	return "application/octet-stream";
}
