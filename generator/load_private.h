/* load_private.h: state shared by the loader's files: load.c runs a load
 * (the schema, the queue of files read, the threads), load_file.c reads
 * files and directories, load_xml.c parses (with xmlread.h, which maps
 * bytes and nodes to positions) and validates one buffer, load_tree.c
 * turns a document into model structs.
 */
#ifndef SKILLSITE_LOAD_PRIVATE_H
#define SKILLSITE_LOAD_PRIVATE_H

#include <sys/stat.h>

#include <stddef.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "xmlread.h"

struct load_job;

struct loader {
	struct model	*model;
	load_same_fn	*same;		/* see loader_set_parts() */
	load_part_fn	*part;		/* NULL: every file joins model */
	void		*part_ctx;
	struct diag	*diag;
	xmlRelaxNGPtr	 schema;	/* read-only once compiled */
	unsigned	 threads;
	struct load_job	*queue;		/* files read, not yet loaded */
	size_t		 nqueue;
	size_t		 capqueue;
};

/* A file read and waiting to be parsed, then turned into model structs. */
struct load_job {
	size_t		 file;		/* its number in the diag */
	char		*buf;		/* owned */
	size_t		 len;
	int		 valid;		/* known valid: not validated again */
	struct model	*model;		/* what it joins */
	struct srcmap	 map;
	xmlDoc		*doc;		/* once parsed */
};

/* Queues the file name, numbered file in the loader's diag, of status
 * st, whose len bytes at buf (malloc'd, taken over) were read, known to
 * be valid against the schema when valid is set; a full queue is loaded
 * at once. */
void	loader_queue(struct loader *, const char *name, size_t file,
	    const struct stat *st, char *buf, size_t len, int valid);

/* Checks, parses and validates the buffer of map against schema (NULL:
 * known valid, not validated),
 * reporting to d; returns the document (valid or not) to turn into model
 * structs, or NULL.  Touches nothing shared: threads run it on files of
 * their own. */
xmlDoc	*load_document(xmlRelaxNGPtr schema, struct srcmap *map,
	    struct diag *d);

/* Turns the validated (or not) document of map into model structs of
 * m. */
void	load_tree(struct loader *, struct model *m, const struct srcmap *,
	    xmlDoc *);

#endif
