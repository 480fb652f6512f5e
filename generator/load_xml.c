/* load_xml.c: parse one content buffer with libxml2, safely, and validate
 * it against the compiled-in schema; see load.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "load.h"
#include "load_private.h"
#include "text.h"

/* The schema text, generated from content/skillsite.rng at build time. */
extern const unsigned char skillsite_schema_rng[];
extern const size_t skillsite_schema_rng_len;

/* What the libxml2 callbacks of one parse need. */
struct parse_state {
	struct loader		*loader;
	const struct srcmap	*map;
	int			 refused;	/* stopped: DOCTYPE, encoding */
	char			 conversion[256]; /* first encoding error */
	xmlNode			*root;		/* while validating */
};

const char *
loader_schema(void)
{
	return (const char *)skillsite_schema_rng;
}

struct pos
srcmap_pos(const struct srcmap *map, size_t off)
{
	size_t lo = 0, hi = map->nlines;
	struct pos p;

	if (off > map->len)
		off = map->len;
	while (hi - lo > 1) {	/* last line starting at or before off */
		size_t mid = lo + (hi - lo) / 2;

		if (map->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	p.file = map->file;
	p.line = (int)(lo + 1);
	p.col = off < map->line_starts[lo] ? 1 : (int)text_utf8_count(
	    map->buf + map->line_starts[lo], off - map->line_starts[lo]) + 1;
	return p;
}

struct pos
node_pos(const struct srcmap *map, const xmlNode *node)
{
	struct pos p = { map->file, 0, 0 };

	for (; node != NULL; node = node->parent)
		if (node->type == XML_ELEMENT_NODE && node->_private != NULL)
			return srcmap_pos(map, (size_t)(uintptr_t)node->_private - 1);
	return p;
}

/* Returns the offset of the '<' that opens the markup the parser is in. */
static size_t
S_markup_start(const struct srcmap *map, xmlParserCtxtPtr ctxt)
{
	long consumed = xmlByteConsumed(ctxt);
	size_t off = consumed < 0 ? 0 : (size_t)consumed;

	if (map->len == 0)
		return 0;
	if (off >= map->len)
		off = map->len - 1;
	while (off > 0 && map->buf[off] != '<')
		off--;
	return off;
}

/* SAX start of element: builds the node as libxml2 does, then records where
 * its start tag begins, for diagnostics with columns. */
static void
S_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	size_t off = S_markup_start(st->map, ctxt);

	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
	    namespaces, nb_attributes, nb_defaulted, attributes);
	if (ctxt->node != NULL)
		ctxt->node->_private = (void *)(uintptr_t)(off + 1);
}

/* SAX start of document, called once the XML declaration is read: a
 * declared encoding other than UTF-8 is refused here, before libxml2
 * converts the rest of the file and reports every byte it cannot. */
static void
S_start_document(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	const xmlChar *enc = ctxt->input->encoding != NULL ?
	    ctxt->input->encoding : ctxt->encoding;
	struct pos p = { st->map->file, 1, 1 };

	xmlSAX2StartDocument(ctx);
	if (enc == NULL || xmlStrcasecmp(enc, BAD_CAST "UTF-8") == 0 ||
	    xmlStrcasecmp(enc, BAD_CAST "UTF8") == 0)
		return;
	diag_msg(st->loader->diag, MSG_ENCODING, &p, "declared encoding is %s",
	    (const char *)enc);
	st->refused = 1;
	xmlStopParser(ctxt);
}

/* SAX DOCTYPE: refused before its internal subset is read, which is what
 * keeps out external entities and entity expansion attacks. */
static void
S_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	struct pos p = srcmap_pos(st->map, S_markup_start(st->map, ctxt));

	(void)name;
	(void)external_id;
	(void)system_id;
	diag_msg(st->loader->diag, MSG_DOCTYPE, &p, NULL);
	st->refused = 1;
	xmlStopParser(ctxt);
}

/* Copies msg into out (size n) on one line, without the trailing newline. */
static void
S_one_line(char *out, size_t n, const char *msg)
{
	size_t i = 0;

	for (; msg != NULL && *msg != '\0' && i + 1 < n; msg++) {
		if (*msg == '\n') {
			if (msg[1] == '\0')
				break;
			if (i + 2 < n) {
				out[i++] = ';';
				out[i++] = ' ';
			}
		} else
			out[i++] = *msg;
	}
	out[i] = '\0';
}

/* Returns whether a schema error code is a generic complaint that a
 * precise check of skillsite's explains better at the same element (an
 * attribute value, say).  Such a complaint is shown only when nothing
 * else is reported there. */
static int
S_is_generic(int code)
{
	switch (code) {
	case XML_RELAXNG_ERR_TYPE:
	case XML_RELAXNG_ERR_TYPEVAL:
	case XML_RELAXNG_ERR_DATATYPE:
	case XML_RELAXNG_ERR_VALUE:
	case XML_RELAXNG_ERR_LIST:
	case XML_RELAXNG_ERR_ATTRVALID:
	case XML_RELAXNG_ERR_INVALIDATTR:
	case XML_RELAXNG_ERR_CONTENTVALID:
	case XML_RELAXNG_ERR_DATAELEM:
	case XML_RELAXNG_ERR_VALELEM:
	case XML_RELAXNG_ERR_NOELEM:
		return 1;
	default:
		return 0;
	}
}

/* libxml2's structured error handler: every parser and validator message
 * becomes a skillsite diagnostic at the most precise position known. */
static void
S_on_error(void *ctx, xmlErrorPtr err)
{
	struct parse_state *st = ctx;
	struct pos p = { st->map->file, 0, 0 };
	xmlNode *node = err->node;
	enum msg m = MSG_XML;
	char text[512];

	if (st->refused)
		return;		/* consequences of what was refused */
	if (err->domain == XML_FROM_I18N) {
		/* held back: a refused declaration explains it better */
		if (st->conversion[0] == '\0')
			S_one_line(st->conversion, sizeof(st->conversion),
			    err->message);
		return;
	}
	if (node != NULL && node->type == XML_DOCUMENT_NODE)
		node = xmlDocGetRootElement((xmlDoc *)node);
	if (node == NULL && err->domain == XML_FROM_RELAXNGV)
		node = st->root;	/* the validator names no node at the top */
	if (node != NULL)
		p = node_pos(st->map, node);
	if (p.line == 0 && err->line > 0) {
		p.line = err->line;
		p.col = err->int2 > 0 ? err->int2 : 1;
	}
	if (err->domain == XML_FROM_RELAXNGV)
		m = MSG_SCHEMA;
	else if (err->code == XML_ERR_UNSUPPORTED_ENCODING ||
	    err->code == XML_ERR_INVALID_ENCODING)
		m = MSG_ENCODING;
	S_one_line(text, sizeof(text), err->message);
	if (m == MSG_SCHEMA && S_is_generic(err->code))
		diag_secondary(st->loader->diag, m, &p, "%s", text);
	else
		diag_msg(st->loader->diag, m, &p, "%s", text);
}

/* Reports input that is not UTF-8 XML at all (compressed, UTF-16); returns
 * whether any was found. */
static int
S_check_bytes(struct loader *l, const struct srcmap *map)
{
	const unsigned char *b = (const unsigned char *)map->buf;
	struct pos p = { map->file, 1, 1 };

	if (map->len >= 2 && b[0] == 0x1f && b[1] == 0x8b) {
		diag_msg(l->diag, MSG_COMPRESSED, &p, "gzip data");
		return 1;
	}
	if (map->len >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0) {
		diag_msg(l->diag, MSG_COMPRESSED, &p, "xz data");
		return 1;
	}
	if (map->len >= 2 && ((b[0] == 0xfe && b[1] == 0xff) ||
	    (b[0] == 0xff && b[1] == 0xfe))) {
		diag_msg(l->diag, MSG_ENCODING, &p, "UTF-16 byte order mark");
		return 1;
	}
	return 0;
}

/* Parses map's buffer; returns the document, or NULL when it is not
 * well-formed or was refused (reported). */
static xmlDoc *
S_parse(struct parse_state *st)
{
	const struct srcmap *map = st->map;
	xmlParserCtxtPtr ctxt;
	xmlDoc *doc = NULL;
	int len = map->len > INT32_MAX ? INT32_MAX : (int)map->len;
	struct pos start = { map->file, 1, 1 };

	if (len == 0) {
		diag_msg(st->loader->diag, MSG_XML, &start, "empty file");
		return NULL;
	}
	if ((ctxt = xmlCreateMemoryParserCtxt(map->buf, len)) == NULL) {
		diag_msg(st->loader->diag, MSG_XML, NULL, "out of memory");
		return NULL;
	}
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
	ctxt->_private = st;
	ctxt->sax->startDocument = S_start_document;
	ctxt->sax->startElementNs = S_start_element;
	ctxt->sax->internalSubset = S_internal_subset;
	ctxt->sax->externalSubset = NULL;
	xmlParseDocument(ctxt);
	if (st->conversion[0] != '\0' && !st->refused)
		diag_msg(st->loader->diag, MSG_ENCODING, &start, "%s",
		    st->conversion);
	if (ctxt->wellFormed && !st->refused)
		doc = ctxt->myDoc;
	else
		xmlFreeDoc(ctxt->myDoc);
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* Validates doc against the schema; problems are reported. */
static void
S_validate(struct parse_state *st, xmlDoc *doc)
{
	xmlRelaxNGValidCtxtPtr v;

	if (st->loader->schema == NULL)
		return;
	if ((v = xmlRelaxNGNewValidCtxt(st->loader->schema)) == NULL)
		return;
	xmlRelaxNGSetValidStructuredErrors(v, S_on_error, st);
	st->root = xmlDocGetRootElement(doc);
	xmlRelaxNGValidateDoc(v, doc);
	st->root = NULL;
	xmlRelaxNGFreeValidCtxt(v);
}

/* Builds the line table of map; returns -1 when memory runs out. */
static int
S_srcmap_init(struct srcmap *map, size_t file, const char *buf, size_t len)
{
	size_t i, n = 1;

	map->file = file;
	map->buf = buf;
	map->len = len;
	for (i = 0; i < len; i++)
		n += buf[i] == '\n';
	if ((map->line_starts = malloc(n * sizeof(*map->line_starts))) == NULL)
		return -1;
	/* a UTF-8 byte order mark is no character of line 1 */
	map->line_starts[0] = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ?
	    3 : 0;
	map->nlines = 1;
	for (i = 0; i < len; i++)
		if (buf[i] == '\n')
			map->line_starts[map->nlines++] = i + 1;
	return 0;
}

void
loader_buffer(struct loader *l, const char *name, const char *buf, size_t len)
{
	struct srcmap map;
	struct parse_state st = { l, &map, 0, "", NULL };
	xmlDoc *doc;

	if (S_srcmap_init(&map, model_add_file(l->model, name), buf, len) < 0) {
		diag_msg(l->diag, MSG_IO_READ, NULL, "%s: out of memory", name);
		return;
	}
	if (!S_check_bytes(l, &map)) {
		xmlSetStructuredErrorFunc(&st, S_on_error);
		doc = S_parse(&st);
		if (doc != NULL) {
			S_validate(&st, doc);
			load_tree(l, &map, doc);
		}
		xmlFreeDoc(doc);
		xmlSetStructuredErrorFunc(NULL, NULL);
	}
	free(map.line_starts);
}

/* Reports schema compilation problems: a build defect, never content. */
static void
S_on_schema_error(void *ctx, xmlErrorPtr err)
{
	struct loader *l = ctx;
	char text[512];

	S_one_line(text, sizeof(text), err->message);
	diag_msg(l->diag, MSG_SCHEMA, NULL, "built-in schema: %s", text);
}

struct loader *
loader_new(struct model *m, struct diag *d)
{
	struct loader *l = calloc(1, sizeof(*l));
	xmlRelaxNGParserCtxtPtr pc;

	if (l == NULL)
		return NULL;
	l->model = m;
	l->diag = d;
	xmlInitParser();
	pc = xmlRelaxNGNewMemParserCtxt((const char *)skillsite_schema_rng,
	    (int)skillsite_schema_rng_len);
	if (pc != NULL) {
		xmlRelaxNGSetParserStructuredErrors(pc, S_on_schema_error, l);
		l->schema = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	if (l->schema == NULL) {
		diag_msg(d, MSG_SCHEMA, NULL, "built-in schema does not compile");
		free(l);
		return NULL;
	}
	return l;
}

void
loader_free(struct loader *l)
{
	if (l == NULL)
		return;
	xmlRelaxNGFree(l->schema);
	free(l);
}
