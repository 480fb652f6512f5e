/* load_xml.c: parse one content buffer with libxml2, safely (xmlread.h),
 * and validate it against the compiled-in schema; see load_private.h.
 *
 * Safety: xmlread.h's rules, with content's (any DOCTYPE is refused
 * before its internal subset is read, which in libxml2 2.9.14 is what
 * keeps out external entities and entity expansion attacks).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "alloc.h"
#include "load.h"
#include "load_private.h"

/* What the libxml2 callbacks of one parse need. */
struct parse_state {
	xmlRelaxNGPtr	 schema;
	struct diag	*diag;		/* the file's messages */
	struct srcmap	*map;
	xmlNode		*root;		/* while validating */
};

/* Returns whether a schema error is a generic complaint that a precise
 * check of skillsite's explains better at the same element.  Such a
 * complaint is shown only when nothing else is reported there. */
static int
S_is_generic(const xmlError *err)
{
	switch (err->code) {
	case XML_RELAXNG_ERR_INVALIDATTR:	/* load_tree.c checks each */
	case XML_RELAXNG_ERR_TYPE:
	case XML_RELAXNG_ERR_TYPEVAL:
	case XML_RELAXNG_ERR_DATATYPE:
	case XML_RELAXNG_ERR_VALUE:
	case XML_RELAXNG_ERR_LIST:
	case XML_RELAXNG_ERR_ATTRVALID:
	case XML_RELAXNG_ERR_CONTENTVALID:
	case XML_RELAXNG_ERR_DATAELEM:
	case XML_RELAXNG_ERR_VALELEM:
	case XML_RELAXNG_ERR_NOELEM:
		return 1;
	default:
		return 0;
	}
}

/* Returns the message for a libxml2 error. */
static enum msg
S_error_msg(const xmlError *err)
{
	if (err->domain == XML_FROM_RELAXNGV)
		return MSG_SCHEMA;
	if (err->code == XML_ERR_UNSUPPORTED_ENCODING ||
	    err->code == XML_ERR_INVALID_ENCODING)
		return MSG_ENCODING;
	return err->level == XML_ERR_WARNING ? MSG_XML_WARNING : MSG_XML;
}

/* Reports libxml2 error e at p (arg: the struct parse_state): every
 * parser and validator message becomes a skillsite diagnostic; the
 * parser's error hook. */
static void
S_report(void *arg, const xmlError *e, struct pos p)
{
	struct parse_state *st = arg;
	enum msg m = S_error_msg(e);

	if (m == MSG_SCHEMA && S_is_generic(e))
		diag_secondary(st->diag, m, &p, "%s", e->message);
	else
		diag_msg(st->diag, m, &p, "%s", e->message);
}

/* The validator's structured error handler: reports e at its element, the
 * root when it names none. */
static void
S_on_error(void *ctx, xmlErrorPtr e)
{
	struct parse_state *st = ctx;
	struct pos p = xmlread_error_pos(st->map, e);

	if (e->node == NULL && e->domain == XML_FROM_RELAXNGV &&
	    st->root != NULL) {
		struct pos root = node_pos(st->map, st->root);

		if (root.line > 0)
			p = root;	/* the validator names no node at the top */
	}
	S_report(st, e, p);
}

/* Reports input that is not UTF-8 XML at all (compressed, UTF-16 with a
 * byte order mark); returns whether any was found. */
static int
S_check_bytes(struct diag *d, const struct srcmap *map)
{
	const unsigned char *b = (const unsigned char *)map->buf;
	struct pos p = { map->file, 1, 1 };

	if (map->len == 0)
		diag_msg(d, MSG_XML, &p, "empty file");
	else if (map->len >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		diag_msg(d, MSG_COMPRESSED, &p, "gzip data");
	else if (map->len >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0)
		diag_msg(d, MSG_COMPRESSED, &p, "xz data");
	else if (map->len >= 2 && ((b[0] == 0xfe && b[1] == 0xff) ||
	    (b[0] == 0xff && b[1] == 0xfe)))
		diag_msg(d, MSG_ENCODING, &p, "UTF-16 byte order mark");
	else
		return 0;
	return 1;
}

/* Parses map's buffer with content's rules; returns the document, or
 * NULL when it is not well-formed or was refused (reported). */
static xmlDoc *
S_parse(struct parse_state *st)
{
	struct xmlread_hooks hooks = { S_report, 1, st, NULL };

	return xmlread_parse(st->map, "XML", &hooks, st->diag);
}

/* Validates doc against the schema; problems are reported. */
static void
S_validate(struct parse_state *st, xmlDoc *doc)
{
	xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(st->schema);

	if (v == NULL) {
		diag_msg(st->diag, MSG_INTERNAL, NULL,
		    "no validation context");
		return;
	}
	xmlRelaxNGSetValidStructuredErrors(v, S_on_error, st);
	st->root = xmlDocGetRootElement(doc);
	xmlRelaxNGValidateDoc(v, doc);
	st->root = NULL;
	xmlRelaxNGFreeValidCtxt(v);
}

xmlDoc *
load_document(xmlRelaxNGPtr schema, struct srcmap *map, struct diag *d)
{
	struct parse_state st = { schema, d, map, NULL };
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	xmlDoc *doc = NULL;

	if (map->len > LOAD_FILE_MAX || map->len > INT_MAX) {
		struct pos p = { map->file, 0, 0 };

		diag_msg(d, MSG_IO_TOO_LARGE, &p, "%zu bytes; the limit is %d",
		    map->len, LOAD_FILE_MAX);
	} else if (!S_check_bytes(d, map)) {
		/* Scoped to this parse; the caller's handler comes back. */
		xmlSetStructuredErrorFunc(&st, S_on_error);
		if ((doc = S_parse(&st)) != NULL && schema != NULL)
			S_validate(&st, doc);
		xmlSetStructuredErrorFunc(saved_ctx, saved);
	}
	return doc;
}

