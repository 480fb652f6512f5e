/* load_private.h: state shared by the loader's files (load_file.c reads
 * files and directories, load_xml.c parses and validates, load_tree.c turns
 * a document into model structs).  Only these files see libxml2.
 */
#ifndef SKILLSITE_LOAD_PRIVATE_H
#define SKILLSITE_LOAD_PRIVATE_H

#include <stddef.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "diag.h"
#include "model.h"

struct loader {
	struct model	*model;
	struct diag	*diag;
	xmlRelaxNGPtr	 schema;
};

/* Maps byte offsets of one source buffer to lines and columns. */
struct srcmap {
	size_t		 file;		/* index in model.files */
	const char	*buf;
	size_t		 len;
	size_t		*line_starts;	/* offset of each line's first byte */
	size_t		 nlines;
};

/* Returns the position of byte offset off in map. */
struct pos	srcmap_pos(const struct srcmap *, size_t off);

/* Returns the position of the start tag of node or of the nearest element
 * that holds it, as recorded while parsing; line 0 when none was. */
struct pos	node_pos(const struct srcmap *, const xmlNode *node);

/* Turns the validated (or not) document of map into model structs. */
void	load_tree(struct loader *, const struct srcmap *, xmlDoc *);

#endif
