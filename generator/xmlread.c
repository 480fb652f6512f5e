/* xmlread.c: XML parsed from memory, safely, each element marked with
 * where its start tag begins; see xmlread.h.
 */
#include "xmlread.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

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
	int				 refused;	/* by a rule */
	int				 failed;	/* first error reported */
	char				*conversion;	/* first encoding
							   error, held back */
	size_t				*open;		/* hooks->span: where
							   the content of each
							   open element begins */
	size_t				 nopen, capopen;
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

/* Notes where the content of the element whose start tag the parser of
 * r is at the end of begins: after its '>' (an empty-element tag's
 * content is empty, at its "/>"). */
static void
S_open(struct xmlread *r, xmlParserCtxtPtr ctxt)
{
	long consumed = xmlByteConsumed(ctxt);
	size_t off = consumed < 0 ? 0 : (size_t)consumed;

	if (off < r->map->len && r->map->buf[off] == '>')
		off++;
	if (r->nopen == r->capopen) {
		r->capopen = r->capopen ? r->capopen * 2 : 32;
		r->open = xreallocarray(r->open, r->capopen,
		    sizeof(*r->open));
	}
	r->open[r->nopen++] = off;
}

/* SAX start of element: marks where its start tag begins, then builds
 * the node as libxml2 does and leaves the mark's number in it, tagged.
 * Marks made in document order cost linear time in all. */
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
		node_set_mark(ctxt->node, mark);
	if (r->hooks->span != NULL)
		S_open(r, ctxt);
}

/* SAX end of element: gives hooks->span the element's content, from
 * where its start tag ended to the '<' of its end tag (the nearest
 * before the parser's position, as an end tag holds none), then ends
 * the node as libxml2 does. */
static void
S_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xmlread *r = ctxt->_private;
	long consumed = xmlByteConsumed(ctxt);
	size_t end = consumed < 0 ? 0 : (size_t)consumed, begin;

	if (r->nopen > 0 && ctxt->node == NULL)
		r->nopen--;	/* popped as pushed, whatever was made */
	else if (r->nopen > 0) {
		begin = r->open[--r->nopen];
		if (end > r->map->len)
			end = r->map->len;
		while (end > begin && r->map->buf[end - 1] != '<')
			end--;
		end = end > begin ? end - 1 : begin;
		r->hooks->span(r->hooks->arg, ctxt->node, begin, end);
	}
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

/* Returns the offset of the "<?" that opens the processing instruction
 * whose data is data and which the parser has just read past its "?>":
 * the nearest "<?" before that data (a CR LF read as LF only shortens
 * it), or (size_t)-1. */
static size_t
S_pi_start(const struct srcmap *map, xmlParserCtxtPtr ctxt,
    const xmlChar *data)
{
	long consumed = xmlByteConsumed(ctxt);
	size_t end = consumed < 0 ? 0 : (size_t)consumed;
	size_t skip = 2 + (data != NULL ? strlen((const char *)data) : 0);

	if (end > map->len || end < skip + 2)
		return (size_t)-1;
	for (end -= skip; end >= 2; end--)
		if (map->buf[end - 2] == '<' && map->buf[end - 1] == '?')
			return end - 2;
	return (size_t)-1;
}

/* SAX processing instruction: builds the node as libxml2 does (the last
 * child of the element the parser is in, else of the document) and
 * marks it where its "<?" stands, when that is found. */
static void
S_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xmlread *r = ctxt->_private;
	xmlNode *parent = ctxt->node != NULL ? ctxt->node : ctxt->inSubset ?
	    NULL : (xmlNode *)ctxt->myDoc;
	xmlNode *before = parent != NULL ? parent->last : NULL;
	size_t off;

	xmlSAX2ProcessingInstruction(ctx, target, data);
	if (parent != NULL && parent->last != before &&
	    parent->last->type == XML_PI_NODE &&
	    (off = S_pi_start(r->map, ctxt, data)) != (size_t)-1)
		node_set_mark(parent->last, srcmap_mark(r->map, off));
}

/* Returns the offset of the first occurrence of the n bytes at s in
 * b[from, len), or len.  *none is the lowest offset from which a search
 * already failed: a search from there on fails at once, so that the
 * searches of one scan cost linear time in all. */
static size_t
S_find(const char *b, size_t len, size_t from, const char *s, size_t n,
    size_t *none)
{
	size_t i;

	if (from >= *none)
		return len;
	for (i = from; i + n <= len; i++)
		if (b[i] == s[0] && memcmp(b + i, s, n) == 0)
			return i;
	*none = from;
	return len;
}

/* One scan of xmlread_crowded_tag(): the buffer and, for each
 * terminator it searches for, the offset from which a search failed. */
struct crowd {
	const char	*b;
	size_t		 len;
	size_t		 none[5];	/* "-->", "]]>", "?>", "'", "\"" */
	int		 doctype;	/* seen: a second one is no DOCTYPE */
};

static const char *const S_ends[5] = { "-->", "]]>", "?>", "'", "\"" };

/* Returns the offset just past terminator k of S_ends after from, or 0
 * when none follows. */
static size_t
S_past(struct crowd *c, size_t from, int k)
{
	size_t n = strlen(S_ends[k]);
	size_t at = S_find(c->b, c->len, from, S_ends[k], n, &c->none[k]);

	return at == c->len ? 0 : at + n;
}

/* Returns the offset just past the '>' of the DOCTYPE whose "<!DOCTYPE"
 * is at i, passing over quoted literals and, in its internal subset,
 * comments and processing instructions; 0 when nothing ends it. */
static size_t
S_past_doctype(struct crowd *c, size_t i)
{
	int depth = 0;

	for (i += 9; i != 0 && i < c->len; ) {
		const char *p = c->b + i;
		size_t left = c->len - i;

		if (*p == '\'' || *p == '"')
			i = S_past(c, i + 1, *p == '\'' ? 3 : 4);
		else if (left >= 4 && memcmp(p, "<!--", 4) == 0)
			i = S_past(c, i + 4, 0);
		else if (left >= 2 && memcmp(p, "<?", 2) == 0)
			i = S_past(c, i + 2, 2);
		else if (*p == '>' && depth <= 0)
			return i + 1;
		else {
			depth += (*p == '[') - (*p == ']');
			i++;
		}
	}
	return 0;
}

/* Returns the offset just past the markup at b[i] == '<' that is no
 * start tag (a comment, CDATA section, processing instruction, DOCTYPE,
 * or the "</" of an end tag, whose name holds no '='), or i when a start
 * tag opens there.  What nothing ends is passed over by its opener only,
 * so its text is scanned as if it were none: never counting too few. */
static size_t
S_past_markup(struct crowd *c, size_t i)
{
	const char *p = c->b + i;
	size_t left = c->len - i, end;

	if (left >= 4 && memcmp(p, "<!--", 4) == 0)
		return (end = S_past(c, i + 4, 0)) != 0 ? end : i + 4;
	if (left >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
		return (end = S_past(c, i + 9, 1)) != 0 ? end : i + 9;
	if (left >= 2 && memcmp(p, "<?", 2) == 0)
		return (end = S_past(c, i + 2, 2)) != 0 ? end : i + 2;
	if (left >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0 && !c->doctype) {
		c->doctype = 1;
		return (end = S_past_doctype(c, i)) != 0 ? end : i + 9;
	}
	if (left >= 2 && (p[1] == '!' || p[1] == '/'))
		return i + 2;
	return i;
}

/* Counts into *n the attributes ('=' outside quoted values) of the start
 * tag whose '<' is at i; returns the offset past its '>', or that of a
 * '<' that cuts it short (libxml2 ends a value and the tag there) with
 * *cut set. */
static size_t
S_count_tag(struct crowd *c, size_t i, size_t *n, int *cut)
{
	char quote = 0;

	*cut = 0;
	for (i++; i < c->len; i++) {
		char ch = c->b[i];

		if (ch == '<') {
			*cut = 1;
			return i;
		}
		if (quote != 0)
			quote = ch == quote ? 0 : quote;
		else if (ch == '"' || ch == '\'')
			quote = ch;
		else if (ch == '>')
			return i + 1;
		else if (ch == '=')
			++*n;
	}
	return i;
}

size_t
xmlread_crowded_tag(const char *b, size_t len)
{
	struct crowd c = { b, len, { len, len, len, len, len }, 0 };
	size_t i = 0, next, tag = 0, n = 0;
	int cut = 0;
	const char *lt;

	while (i < len && (lt = memchr(b + i, '<', len - i)) != NULL) {
		i = (size_t)(lt - b);
		if ((next = S_past_markup(&c, i)) != i) {
			i = next;
			continue;
		}
		if (!cut) {	/* a tag cut short counts on into the next */
			tag = i;
			n = 0;
		}
		i = S_count_tag(&c, i, &n, &cut);
		if (n > XMLREAD_ATTRIBUTES_MAX)
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
	if (r->hooks->content)
		diag_msg(r->diag, MSG_ATTRIBUTES, &p, "more than %d",
		    XMLREAD_ATTRIBUTES_MAX);
	else
		diag_msg(r->diag, MSG_TEMPLATE, &p, "more than %d attributes "
		    "on one element", XMLREAD_ATTRIBUTES_MAX);
	r->refused = 1;
	return 1;
}

/* Reports why the document of ctxt is refused, at p, and stops its
 * parse: in content as message m with detail (NULL: none), elsewhere as
 * MSG_TEMPLATE with detail and then why. */
static void
S_refuse(xmlParserCtxtPtr ctxt, enum msg m, const struct pos *p,
    const char *detail, const char *why)
{
	struct xmlread *r = ctxt->_private;

	if (r->hooks->content && detail != NULL)
		diag_msg(r->diag, m, p, "%s", detail);
	else if (r->hooks->content)
		diag_msg(r->diag, m, p, NULL);
	else
		diag_msg(r->diag, MSG_TEMPLATE, p, "%s%s", detail, why);
	r->refused = 1;
	xmlStopParser(ctxt);
}

/* Returns whether encoding name e is UTF-8. */
static int
S_is_utf8(const xmlChar *e)
{
	return xmlStrcasecmp(e, BAD_CAST "UTF-8") == 0 ||
	    xmlStrcasecmp(e, BAD_CAST "UTF8") == 0;
}

/* Returns whether the buffer of map starts as UTF-16 or UTF-32 text
 * that names no encoding (no byte order mark, no XML declaration), which
 * libxml2 takes for UTF-8: a NUL in its first two bytes, where UTF-8 XML
 * has '<' or white space. */
static int
S_wide(const struct srcmap *map)
{
	return map->len >= 2 && (map->buf[0] == '\0' || map->buf[1] == '\0');
}

/* SAX start of document, once the XML declaration is read: libxml2's,
 * then the one encoding rule: input in any encoding but UTF-8, declared,
 * detected or shown by a NUL byte, is refused at 1:1, before libxml2 converts the rest and
 * reports every byte it cannot. */
static void
S_start_document(void *ctx)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xmlread *r = ctxt->_private;
	const xmlChar *declared = ctxt->input->encoding != NULL ?
	    ctxt->input->encoding : ctxt->encoding;
	const xmlCharEncodingHandler *decoder = ctxt->input->buf != NULL ?
	    ctxt->input->buf->encoder : NULL;
	struct pos p = { r->map->file, 1, 1 };
	char *detail;

	xmlSAX2StartDocument(ctx);
	if (declared != NULL && !S_is_utf8(declared))
		detail = xasprintf("declared encoding is %s",
		    (const char *)declared);
	else if (decoder != NULL)
		detail = xasprintf("the file is in %s", decoder->name);
	else if (S_wide(r->map))
		detail = xasprintf("the file is in UTF-16 or UTF-32 (a NUL "
		    "byte at its start)");
	else
		return;
	S_refuse(ctxt, MSG_ENCODING, &p, detail, "; only UTF-8 is read");
	free(detail);
}

/* Returns the offset of the "<!DOCTYPE" the parser of ctxt is in: the
 * nearest before its position (libxml2 keeps none for it). */
static size_t
S_doctype_start(const struct srcmap *map, xmlParserCtxtPtr ctxt)
{
	static const char decl[] = "<!DOCTYPE";
	const size_t n = sizeof(decl) - 1;
	long consumed = xmlByteConsumed(ctxt);
	size_t off = consumed < 0 ? 0 : (size_t)consumed;

	if (map->len < n)
		return 0;
	if (off > map->len - n)
		off = map->len - n;
	while (off > 0 && memcmp(map->buf + off, decl, n) != 0)
		off--;	/* the declaration's own start, whatever it holds */
	return off;
}

/* SAX DOCTYPE, read up to its internal subset: in content every DOCTYPE
 * is refused; elsewhere one with an external identifier or an internal
 * subset (what declares entities), so that no DTD or entity is read and
 * no entity reference reaches a tree.  Refused at the "<!DOCTYPE". */
static void
S_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xmlread *r = ctxt->_private;
	struct pos p;

	if (!r->hooks->content && external_id == NULL && system_id == NULL &&
	    *ctxt->input->cur != '[') {
		xmlSAX2InternalSubset(ctx, name, external_id, system_id);
		return;
	}
	p = srcmap_pos(r->map, S_doctype_start(r->map, ctxt));
	S_refuse(ctxt, MSG_DOCTYPE, &p, r->hooks->content ? NULL : "a DOCTYPE "
	    "with an internal subset or an external identifier", " (no DTD "
	    "or entity is read: write the characters themselves)");
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
 * is reported.  An encoding conversion error is held back: the refused
 * encoding that causes it explains it better. */
static void
S_on_error(void *ctx, xmlErrorPtr e)
{
	struct xmlread *r = ctx;
	struct pos p;

	if (r->refused)
		return;		/* consequences of what was refused */
	if (e->domain == XML_FROM_I18N) {
		if (r->conversion == NULL)
			r->conversion = xstrdup(e->message != NULL ?
			    e->message : "conversion failed");
		return;
	}
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

/* Reports the encoding conversion error held back in a parse of r that
 * no rule refused, at 1:1; returns whether there was one. */
static int
S_report_conversion(struct xmlread *r)
{
	struct pos p = { r->map->file, 1, 1 };

	if (r->conversion == NULL || r->refused)
		return 0;
	if (r->hooks->content)
		diag_msg(r->diag, MSG_ENCODING, &p, "%s", r->conversion);
	else if (!r->failed)
		diag_msg(r->diag, MSG_TEMPLATE, &p, "not well-formed %s: %s",
		    r->what, r->conversion);
	r->failed = 1;
	return 1;
}

/* Sets up ctxt to parse for r: the options and the SAX hooks. */
static void
S_prepare(xmlParserCtxtPtr ctxt, struct xmlread *r)
{
	xmlCtxtUseOptions(ctxt, XMLREAD_OPTIONS);
	ctxt->_private = r;
	ctxt->sax->startElementNs = S_start_element;
	if (r->hooks->span != NULL)
		ctxt->sax->endElementNs = S_end_element;
	ctxt->sax->processingInstruction = S_pi;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->serror = NULL;	/* to the handler xmlread_parse() sets */
	ctxt->sax->startDocument = S_start_document;
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
	    0, NULL, NULL, 0, 0 };
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	xmlDoc *doc;

	if (S_crowded(&r))
		return NULL;
	/* libxml2's globals are per thread: this parse's handler only */
	xmlSetStructuredErrorFunc(&r, S_on_error);
	doc = S_parse(&r);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (S_report_conversion(&r) && !r.hooks->content) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	free(r.conversion);
	free(r.open);
	if (doc == NULL && !r.failed && !r.refused && r.hooks->error == NULL) {
		struct pos p = { map->file, 0, 0 };

		diag_msg(d, MSG_TEMPLATE, &p, "not well-formed %s", what);
	}
	return doc;
}
