/* srcmap.c: byte offsets and parsed nodes to lines and columns; see
 * xmlread.h.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "text.h"
#include "xmlread.h"

void
srcmap_init(struct srcmap *map, size_t file, const char *buf, size_t len)
{
	size_t i, n = 1;

	memset(map, 0, sizeof(*map));
	map->file = file;
	map->buf = buf;
	map->len = len;
	for (i = 0; i < len; i++)
		n += buf[i] == '\n';
	map->line_starts = xcalloc(n, sizeof(*map->line_starts));
	map->line_starts[0] = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ?
	    3 : 0;
	map->nlines = 1;
	for (i = 0; i < len; i++)
		if (buf[i] == '\n')
			map->line_starts[map->nlines++] = i + 1;
	map->cursor_off = map->line_starts[0];
	map->cursor.file = file;
	map->cursor.line = 1;
	map->cursor.col = 1;
}

void
srcmap_free(struct srcmap *map)
{
	free(map->line_starts);
	free(map->marks);
	memset(map, 0, sizeof(*map));
}

struct pos
srcmap_pos(const struct srcmap *map, size_t off)
{
	size_t lo = 0, hi = map->nlines, start;
	struct pos p;

	if (off > map->len)
		off = map->len;
	while (hi - lo > 1) {	/* the last line starting at or before off */
		size_t mid = lo + (hi - lo) / 2;

		if (map->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	start = map->line_starts[lo];
	p.file = map->file;
	p.line = (int)(lo + 1);
	p.col = off < start ? 1 :
	    (int)text_utf8_count(map->buf + start, off - start) + 1;
	return p;
}

size_t
srcmap_mark(struct srcmap *map, size_t off)
{
	size_t i;

	if (off > map->len)
		off = map->len;
	if (off < map->cursor_off)
		map->cursor = srcmap_pos(map, off);
	else
		for (i = map->cursor_off; i < off; i++) {
			if (map->buf[i] == '\n') {
				map->cursor.line++;
				map->cursor.col = 1;
			} else if (((unsigned char)map->buf[i] & 0xC0) != 0x80)
				map->cursor.col++;
		}
	map->cursor_off = off;
	if (map->nmarks == map->capmarks) {
		map->capmarks = map->capmarks ? map->capmarks * 2 : 256;
		map->marks = xreallocarray(map->marks, map->capmarks,
		    sizeof(*map->marks));
	}
	map->marks[map->nmarks++] = map->cursor;
	return map->nmarks;
}

struct pos
srcmap_mark_pos(const struct srcmap *map, size_t n)
{
	struct pos none = { map->file, 0, 0 };

	return n >= 1 && n <= map->nmarks ? map->marks[n - 1] : none;
}

void
node_set_mark(xmlNode *n, size_t mark)
{
	n->_private = (void *)(uintptr_t)(mark << 1 | 1);
}

size_t
node_mark(const xmlNode *n)
{
	uintptr_t v = (uintptr_t)n->_private;

	return (v & 1) != 0 ? (size_t)(v >> 1) : 0;
}

/* Returns whether n is a node of the document's tree (not a DTD, an
 * entity's declaration or the document itself), whose holder
 * node_pos() may climb to. */
static int
S_in_tree(const xmlNode *n)
{
	switch (n->type) {
	case XML_ELEMENT_NODE:
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
	case XML_ENTITY_REF_NODE:
	case XML_PI_NODE:
	case XML_COMMENT_NODE:
		return 1;
	default:
		return 0;
	}
}

struct pos
node_pos(const struct srcmap *map, const xmlNode *node)
{
	struct pos none = { map->file, 0, 0 };
	size_t mark;

	for (; node != NULL && S_in_tree(node); node = node->parent)
		if ((mark = node_mark(node)) != 0)
			return srcmap_mark_pos(map, mark);
	return none;
}
