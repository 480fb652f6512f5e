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

/* The walk's state for one document (load_tree.c, load_tailor.c). */
struct tree {
	struct loader		*l;
	struct model		*model;		/* what the document joins */
	struct arena		*arena;
	const struct srcmap	*map;
};

/* Reading elements (load_node.c).  Strings go to t's arena; problems are
 * reported to t's diag at the element's position. */

/* Returns whether node is an element named name in no namespace. */
int		 tree_is(const xmlNode *node, const char *name);
/* Returns the number of child elements of parent named name. */
size_t		 tree_count(const xmlNode *parent, const char *name);
/* Returns the first child element of parent named name, or NULL. */
xmlNode		*tree_child(const xmlNode *parent, const char *name);
/* Returns the position of node's start tag. */
struct pos	 tree_pos(const struct tree *t, const xmlNode *node);
/* Returns attribute name of node, or NULL when absent (reported when
 * required). */
const char	*tree_attr(struct tree *t, const xmlNode *node,
		    const char *name, int required);
/* Reports each attribute of node not in the NULL-terminated list known. */
void		 tree_known_attributes(struct tree *t, const xmlNode *node,
		    const char *const *known);
/* Returns the whole number in attribute name of node, or LEVEL_NONE when
 * absent or unusable (reported). */
int		 tree_int_attr(struct tree *t, const xmlNode *node,
		    const char *name, int required);
/* Returns the one-line text of node, trimmed, or NULL when empty; reports
 * what keeps it from showing as written. */
const char	*tree_line(struct tree *t, const xmlNode *node);
/* tree_line() of parent's child element name; reports it missing. */
const char	*tree_child_line(struct tree *t, const xmlNode *parent,
		    const char *name);
/* Returns node's content as Markdown, dedented, or NULL when blank; ""
 * for text over the cap (reported). */
const char	*tree_markdown(struct tree *t, const xmlNode *node);
/* Collects the <editorial-note> children of parent into out. */
void		 tree_notes(struct tree *t, const xmlNode *parent,
		    struct notes *out);
/* Reads the <item> children of a <knowledge> element; sets *n. */
struct knowledge *tree_knowledge(struct tree *t, const xmlNode *k, size_t *n);
/* Reads the <level value="N"> children of node; sets *n. */
struct level	*tree_levels(struct tree *t, const xmlNode *node, size_t *n);

/* Adds the tailoring of a <tailoring> element to t's model
 * (load_tailor.c). */
void	load_tailoring(struct tree *t, const xmlNode *node);

/* Turns the validated (or not) document of map into model structs of
 * m. */
void	load_tree(struct loader *, struct model *m, const struct srcmap *,
	    xmlDoc *);

#endif
