/* xmlread.c: XML parsed from memory, safely, each element marked with
 * where its start tag begins; see xmlread.h.
 */
#include "xmlread.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "alloc.h"

/* The parser's options: see xmlread.h (NOERROR and NOWARNING only keep
 * libxml2's own printing quiet; every message reaches the handler). */
#define XMLREAD_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOCDATA | \
	XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* The state of one parse, in the parser context's _private. */
struct xmlread {
	struct srcmap			*map;
	const struct xmlread_hooks	*hooks;
	struct diag			*diag;
	const char			*what;
	int				 refused;	/* by a hook */
	int				 failed;	/* first error reported */
};

/* Returns the offset of the '<' that opens the start tag the parser is
 * in: the nearest before the parser's position, as neither names nor
 * attribute values hold a '<'. */
static size_t
S_tag_start(const struct srcmap *map, xmlParserCtxtPtr ctxt)
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

/* SAX start of element: marks where its start tag begins, then builds
 * the node as libxml2 does and leaves the mark's number in it.  Marks
 * made in document order cost linear time in all. */
static void
S_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xmlread *r = ctxt->_private;
	size_t mark = srcmap_mark(r->map, S_tag_start(r->map, ctxt));

	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
	    namespaces, nb_attributes, nb_defaulted, attributes);
	if (ctxt->node != NULL)
		ctxt->node->_private = (void *)(uintptr_t)mark;
}

size_t
xmlread_crowded_tag(const char *b, size_t len)
{
	size_t i, tag = 0, n = 0;
	int in_tag = 0;

	for (i = 0; i < len; i++) {
		if (b[i] == '<') {
			unsigned char c = i + 1 < len ? (unsigned char)b[i + 1] : 0;

			in_tag = c != '!' && c != '?' && c != '/';
			tag = i;
			n = 0;
		} else if (b[i] == '>')
			in_tag = 0;
		else if (b[i] == '=' && in_tag && ++n > XMLREAD_ATTRIBUTES_MAX)
			return tag;
	}
	return (size_t)-1;
}

/* Refuses the buffer of r when a start tag in it has more attributes than
 * XMLREAD_ATTRIBUTES_MAX (reported); returns whether it did. */
static int
S_crowded(struct xmlread *r)
{
	size_t tag = xmlread_crowded_tag(r->map->buf, r->map->len);
	struct pos p;

	if (tag == (size_t)-1)
		return 0;
	p = srcmap_pos(r->map, tag);
	if (r->hooks->crowded != NULL)
		r->hooks->crowded(r->hooks->arg, p);
	else
		diag_msg(r->diag, MSG_TEMPLATE, &p, "more than %d attributes "
		    "on one element", XMLREAD_ATTRIBUTES_MAX);
	r->refused = 1;
	return 1;
}

/* Stops the parse of ctxt when the hook's answer refused the document. */
static void
S_refuse(xmlParserCtxtPtr ctxt, int refused)
{
	struct xmlread *r = ctxt->_private;

	if (refused) {
		r->refused = 1;
		xmlStopParser(ctxt);
	}
}

/* SAX start of document: libxml2's, then the caller's hook. */
static void
S_start_document(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xmlread *r = ctxt->_private;

	xmlSAX2StartDocument(ctx);
	S_refuse(ctxt, r->hooks->start_document(r->hooks->arg, ctxt));
}

/* SAX DOCTYPE: the caller's hook, before the internal subset is read. */
static void
S_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xmlread *r = ctxt->_private;

	if (r->hooks->doctype(r->hooks->arg, ctxt))
		S_refuse(ctxt, 1);
	else
		xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

struct pos
xmlread_error_pos(const struct srcmap *map, const xmlError *e)
{
	struct pos p = { map->file, 0, 0 };
	const xmlNode *node = e->node;

	if (node != NULL && node->type == XML_DOCUMENT_NODE)
		node = xmlDocGetRootElement((const xmlDoc *)node);
	if (node != NULL)
		p = node_pos(map, node);
	if (p.line == 0 && e->line > 0) {
		p.line = e->line;
		p.col = e->int2 > 0 ? e->int2 : 1;
	}
	return p;
}

/* libxml2's structured error handler for the parse of ctx, a struct
 * xmlread: each message goes to the caller's hook, or the first error
 * is reported. */
static void
S_on_error(void *ctx, xmlErrorPtr e)
{
	struct xmlread *r = ctx;
	struct pos p;

	if (r->refused)
		return;		/* consequences of what was refused */
	p = xmlread_error_pos(r->map, e);
	if (r->hooks->error != NULL)
		r->hooks->error(r->hooks->arg, e, p);
	else if (!r->failed && e->level >= XML_ERR_ERROR) {
		r->failed = 1;
		diag_msg(r->diag, MSG_TEMPLATE, &p, "not %swell-formed %s: %s",
		    e->domain == XML_FROM_NAMESPACE ? "namespace-" : "",
		    r->what, e->message != NULL ? e->message : "cannot read");
	}
}

/* Sets up ctxt to parse for r: the options and the SAX hooks. */
static void
S_prepare(xmlParserCtxtPtr ctxt, struct xmlread *r)
{
	xmlCtxtUseOptions(ctxt, XMLREAD_OPTIONS);
	ctxt->_private = r;
	ctxt->sax->startElementNs = S_start_element;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->serror = NULL;	/* to the handler xmlread_parse() sets */
	if (r->hooks->start_document != NULL)
		ctxt->sax->startDocument = S_start_document;
	if (r->hooks->doctype != NULL)
		ctxt->sax->internalSubset = S_internal_subset;
}

/* Runs the parse of r; returns the document, or NULL. */
static xmlDoc *
S_parse(struct xmlread *r)
{
	xmlParserCtxtPtr ctxt = NULL;
	xmlDoc *doc = NULL;

	if (r->map->len <= INT_MAX)
		ctxt = xmlCreateMemoryParserCtxt(r->map->buf, (int)r->map->len);
	if (ctxt == NULL) {	/* empty, too long or out of memory */
		struct pos p = { r->map->file, 0, 0 };

		if (r->hooks->error == NULL)
			diag_msg(r->diag, MSG_TEMPLATE, &p, "not well-formed "
			    "%s: %s", r->what, r->map->len == 0 ?
			    "empty file" : "cannot read");
		r->failed = 1;
		return NULL;
	}
	S_prepare(ctxt, r);
	xmlParseDocument(ctxt);
	if (ctxt->wellFormed && !r->refused && !r->failed &&
	    xmlDocGetRootElement(ctxt->myDoc) != NULL)
		doc = ctxt->myDoc;
	else
		xmlFreeDoc(ctxt->myDoc);
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDoc *
xmlread_parse(struct srcmap *map, const char *what,
    const struct xmlread_hooks *hooks, struct diag *d)
{
	static const struct xmlread_hooks none;
	struct xmlread r = { map, hooks != NULL ? hooks : &none, d, what, 0,
	    0 };
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	xmlDoc *doc;

	if (S_crowded(&r))
		return NULL;
	/* libxml2's globals are per thread: this parse's handler only */
	xmlSetStructuredErrorFunc(&r, S_on_error);
	doc = S_parse(&r);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (doc == NULL && !r.failed && !r.refused && r.hooks->error == NULL) {
		struct pos p = { map->file, 0, 0 };

		diag_msg(d, MSG_TEMPLATE, &p, "not well-formed %s", what);
	}
	return doc;
}
