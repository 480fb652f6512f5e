/* xmlread.h: XML parsed from memory, safely, with the position of each
 * element: the one way skillsite parses XML (content files in load_xml.c,
 * templates and SVG assets in template.c, the labels in labels.c).
 *
 * Safety: a buffer is parsed from memory (nothing is fetched, opened or
 * inflated) with XML_PARSE_NONET, XML_PARSE_NOCDATA (a CDATA section is
 * text) and none of NOENT, DTDLOAD, DTDATTR, HUGE, RECOVER or XINCLUDE:
 * no entity is expanded, no external subset read.  A caller that must
 * keep out a DOCTYPE (content) refuses it from its doctype hook, before
 * libxml2 reads its internal subset.  A start tag with more than
 * XMLREAD_ATTRIBUTES_MAX attributes, on which libxml2 2.9.14 spends
 * quadratic time, is refused before parsing.
 *
 * Positions: a source map (struct srcmap) turns byte offsets into lines
 * and columns.  While parsing, the reader records the offset of the '<'
 * of each element's start tag as a mark of the map and leaves the mark's
 * number in the element's _private; node_pos() reads it back.  Lines end
 * at '\n' (the callers first make a lone CR one, as XML reads it);
 * columns count characters (UTF-8 code points) from 1; a UTF-8 byte
 * order mark is no character.
 */
#ifndef SKILLSITE_XMLREAD_H
#define SKILLSITE_XMLREAD_H

#include <stddef.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "diag.h"

#define XMLREAD_ATTRIBUTES_MAX	64	/* per start tag; the content's
					   schema needs five */

/* Maps byte offsets of one source buffer to lines and columns. */
struct srcmap {
	size_t		 file;		/* its number in the diag */
	const char	*buf;
	size_t		 len;
	size_t		*line_starts;	/* offset of each line's first byte */
	size_t		 nlines;
	struct pos	*marks;		/* positions recorded while parsing */
	size_t		 nmarks;
	size_t		 capmarks;
	size_t		 cursor_off;	/* srcmap_mark() counts on from here */
	struct pos	 cursor;
};

/* Prepares map for the len bytes at buf, the source file numbered file;
 * buf must outlive the map's use. */
void		srcmap_init(struct srcmap *, size_t file, const char *buf,
		    size_t len);
void		srcmap_free(struct srcmap *);

/* Returns the position of byte offset off.  Costs a search and a count
 * from the start of its line: for single messages. */
struct pos	srcmap_pos(const struct srcmap *, size_t off);

/* Records the position of byte offset off and returns its number (from 1).
 * Counts on from the previous mark, so marks made in document order cost
 * linear time in all, however long the lines. */
size_t		srcmap_mark(struct srcmap *, size_t off);

/* Returns the position recorded as mark number n (from srcmap_mark). */
struct pos	srcmap_mark_pos(const struct srcmap *, size_t n);

/* Returns the position of the start tag of node or of the nearest element
 * that holds it, as xmlread_parse() marked it; line 0 when none was. */
struct pos	node_pos(const struct srcmap *, const xmlNode *node);

/* Returns the position of libxml2 error e of a document read with map:
 * that of its node (the root for the document), else its own line and
 * column; line 0 when it has none. */
struct pos	xmlread_error_pos(const struct srcmap *, const xmlError *e);

/* Returns the offset of the '<' of the first start tag in the len bytes
 * at buf with more than XMLREAD_ATTRIBUTES_MAX attributes, or (size_t)-1.
 * Counts '=' signs between a '<' that opens an element and the next '>':
 * a guard against libxml2 2.9.14's quadratic attribute checks, run
 * before parsing, not a parser; it may count too few where a value holds
 * '>', never too many. */
size_t		xmlread_crowded_tag(const char *buf, size_t len);

/* What a caller adds to a parse; any may be NULL. */
struct xmlread_hooks {
	/* Each error and warning, at its position.  NULL: the first error
	 * (a later one follows from it; warnings pass) is reported as
	 * MSG_TEMPLATE "not [namespace-]well-formed WHAT: ...", and the
	 * document is refused. */
	void	(*error)(void *arg, const xmlError *e, struct pos at);
	/* Once the XML declaration is read, and at a DOCTYPE before its
	 * internal subset: each returns whether it refuses the document
	 * (having reported why); the parse stops and errors after it pass
	 * unreported. */
	int	(*start_document)(void *arg, xmlParserCtxt *);
	int	(*doctype)(void *arg, xmlParserCtxt *);
	/* A start tag refused before parsing (xmlread_crowded_tag()), at
	 * its '<'.  NULL: reported as MSG_TEMPLATE "more than N attributes
	 * on one element". */
	void	(*crowded)(void *arg, struct pos at);
	void	*arg;
};

/* Parses the buffer of map (at most INT_MAX bytes), unless a start tag
 * in it is crowded, marking each element in map; problems go to d (what names the format in the default
 * message: "XML", "XHTML").  Returns the document, for the caller to
 * xmlFreeDoc(), or NULL when it is not well-formed (reported) or was
 * refused.  Sets libxml2's structured error handler for the parse and
 * puts back the caller's after; touches nothing shared, so threads may
 * parse files of their own at once. */
xmlDoc		*xmlread_parse(struct srcmap *map, const char *what,
		    const struct xmlread_hooks *, struct diag *d);

#endif
