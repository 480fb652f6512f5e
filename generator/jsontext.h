/* jsontext.h: JSON written as text, without a tree: strings escaped
 * byte for byte as jansson writes them, for the search index and the
 * JSON download (the tests read both back with jansson and compare).
 */
#ifndef SKILLSITE_JSONTEXT_H
#define SKILLSITE_JSONTEXT_H

#include <stddef.h>

#include "alloc.h"

/* Appends the n bytes of UTF-8 at s to b escaped as in a JSON string,
 * without the quotes: '"', '\\' and the control characters escaped as
 * jansson's json_dumps() escapes them without flags, the rest as it
 * is. */
void	jsontext_escape(struct strbuf *b, const char *s, size_t n);

/* Appends the n bytes of UTF-8 at s to b as a JSON string: quoted, and
 * escaped as jsontext_escape() does. */
void	jsontext_string(struct strbuf *b, const char *s, size_t n);

#endif
