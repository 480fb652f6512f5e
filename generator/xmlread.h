/* xmlread.h: XML parsed from memory, safely, with the position of each
 * element: the one way skillsite parses XML (content files in load_xml.c,
 * templates and SVG assets in template.c, the labels in labels.c).
 *
 * Safety: a buffer is parsed from memory (nothing is fetched, opened or
 * inflated) with XML_PARSE_NONET, XML_PARSE_NOCDATA (a CDATA section is
 * text) and none of NOENT, DTDLOAD, DTDATTR, HUGE, RECOVER or XINCLUDE.
 * One set of rules for every caller, each refused where it stands:
 * - UTF-8 only: any other encoding, declared or detected (UTF-16 with or
 *   without a byte order mark, say), is refused at 1:1 (a UTF-8 byte
 *   order mark is fine);
 * - a DOCTYPE with an external identifier or an internal subset is
 *   refused at its "<!DOCTYPE", before the subset is read: no DTD is
 *   read and no entity declared, so no entity reference reaches a tree
 *   (content refuses every DOCTYPE);
 * - a start tag with more than XMLREAD_ATTRIBUTES_MAX attributes, on
 *   which libxml2 2.9.14 spends quadratic time, is refused at its '<'
 *   before parsing.
 *
 * Positions: a source map (struct srcmap) turns byte offsets into lines
 * and columns.  While parsing, the reader records as a mark of the map
 * the offset of the '<' of each element's start tag and of the "<?" of
 * each processing instruction, and leaves the mark's number in the
 * node's _private, tagged (odd: 2n + 1), so that it is never taken for
 * a pointer a caller puts there instead; node_pos() reads it back.
 * Lines end at '\n' (the callers first make a lone CR one, as XML reads
 * it); columns count characters (UTF-8 code points) from 1; a UTF-8 byte
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

/* Leaves mark number mark (from srcmap_mark()) in n's _private, tagged
 * odd (2 mark + 1) so that it is never taken for a pointer. */
void		node_set_mark(xmlNode *n, size_t mark);

/* Returns the mark number node_set_mark() left in n's _private, or 0
 * when _private holds none (NULL, or a pointer a caller put there). */
size_t		node_mark(const xmlNode *n);

/* Returns the position of node, or of the nearest node holding it, as
 * xmlread_parse() marked it (an element's start tag, a processing
 * instruction's "<?"); line 0 when none was. */
struct pos	node_pos(const struct srcmap *, const xmlNode *node);

/* Returns the position of libxml2 error e of a document read with map:
 * that of its node (the root for the document), else its own line and
 * column; line 0 when it has none. */
struct pos	xmlread_error_pos(const struct srcmap *, const xmlError *e);

/* Returns the offset of the '<' of the first start tag in the len bytes
 * at buf with more than XMLREAD_ATTRIBUTES_MAX attributes, or (size_t)-1.
 * Reads markup as XML does, in linear time: passes over comments, CDATA
 * sections, processing instructions, the DOCTYPE and end tags, and in a
 * start tag counts each '=' outside quoted values.  A guard against
 * libxml2 2.9.14's quadratic attribute checks, run before parsing, that
 * never counts a start tag short: what nothing closes is scanned as
 * text, and a tag that a '<' cuts short (where libxml2 ends it) counts
 * on into the next. */
size_t		xmlread_crowded_tag(const char *buf, size_t len);

/* What a caller adds to a parse; NULL for none. */
struct xmlread_hooks {
	/* Each error and warning, at its position.  NULL: the first error
	 * (a later one follows from it; warnings pass) is reported as
	 * MSG_TEMPLATE "not [namespace-]well-formed WHAT: ...", and the
	 * document is refused. */
	void	(*error)(void *arg, const xmlError *e, struct pos at);
	/* Nonzero: content's rules and messages: any DOCTYPE refused as
	 * MSG_DOCTYPE, another encoding as MSG_ENCODING, a crowded start tag
	 * as MSG_ATTRIBUTES.  Zero: each of those a MSG_TEMPLATE. */
	int	 content;
	void	*arg;
	/* Each element's content as byte offsets of the buffer, given once
	 * its end tag is read (before the node is closed): from after its
	 * start tag's '>' to its end tag's '<' (an empty-element tag: both
	 * at its "/>").  NULL: not wanted. */
	void	(*span)(void *arg, const xmlNode *node, size_t begin,
		    size_t end);
};

/* Parses the buffer of map (at most INT_MAX bytes) under the rules
 * above, marking each element and processing instruction in map;
 * problems go to d (what names the format in the default message:
 * "XML", "XHTML").  Returns the document, for the caller to
 * xmlFreeDoc(), or NULL when it is not well-formed or was refused
 * (reported).  Sets libxml2's structured error handler for the parse and
 * puts back the caller's after; touches nothing shared, so threads may
 * parse files of their own at once. */
xmlDoc		*xmlread_parse(struct srcmap *map, const char *what,
		    const struct xmlread_hooks *, struct diag *d);

#endif
