/* load_private.h: state shared by the loader's files: load.c runs a load
 * (the schema, the queue of files read, the threads), load_file.c reads
 * files and directories, load_xml.c parses and validates one buffer,
 * load_srcmap.c maps its bytes and nodes to positions, load_tree.c turns
 * a document into model structs.  Only these files see libxml2.
 */
#ifndef SKILLSITE_LOAD_PRIVATE_H
#define SKILLSITE_LOAD_PRIVATE_H

#include <stddef.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "diag.h"
#include "model.h"

struct load_job;

struct loader {
	struct model	*model;
	struct diag	*diag;
	xmlRelaxNGPtr	 schema;	/* read-only once compiled */
	unsigned	 threads;
	struct load_job	*queue;		/* files read, not yet loaded */
	size_t		 nqueue;
	size_t		 capqueue;
};

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

/* Prepares map for the len bytes at buf, the source file numbered file. */
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
 * that holds it, as marked while parsing (load_document() leaves the mark
 * number in each element's _private); line 0 when none was. */
struct pos	node_pos(const struct srcmap *, const xmlNode *node);

/* A file read and waiting to be parsed, then turned into model structs. */
struct load_job {
	size_t		 file;		/* its number in the diag */
	char		*buf;		/* owned */
	size_t		 len;
	struct srcmap	 map;
	xmlDoc		*doc;		/* once parsed */
};

/* Queues the file name (registered in the loader's diag), whose len
 * bytes at buf (malloc'd, taken over) were read; a full queue is loaded
 * at once. */
void	loader_queue(struct loader *, const char *name, char *buf,
	    size_t len);

/* Checks, parses and validates the buffer of map against schema,
 * reporting to d; returns the document (valid or not) to turn into model
 * structs, or NULL.  Touches nothing shared: threads run it on files of
 * their own. */
xmlDoc	*load_document(xmlRelaxNGPtr schema, struct srcmap *map,
	    struct diag *d);

/* Turns the validated (or not) document of map into model structs. */
void	load_tree(struct loader *, const struct srcmap *, xmlDoc *);

#endif
