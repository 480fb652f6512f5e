/* jsonld.h: schema.org structured data (JSON-LD), written as JSON text.
 *
 * Every page carries one document {"@context": "https://schema.org",
 * "@graph": [NODE, ...]} in a <script type="application/ld+json"> of its
 * head (the template's data-json).  The nodes are DefinedTermSets (the
 * framework, a job type, a specialty, a job type's knowledge items) and
 * DefinedTerms (a skill, a level of a skill, a knowledge item); their
 * "@id"s and links are page-relative IRIs, which JSON-LD resolves against
 * the page's address, so they hold under any sub-path and from file://.
 *
 * The term codes, stable across builds:
 *	skill		its ID ("fault-repair")
 *	level		its skill's ID, "/", the level ("fault-repair/4")
 *	knowledge item	the anchor of its text on the knowledge index:
 *			"k-" and 16 hex digits of its FNV-1a hash
 *
 * The writer streams the text, each string escaped by jsontext.h as
 * jansson escapes it (the tests read it back with jansson), commas and
 * brackets placed by the writer: a page's data costs about what its
 * bytes do, with no tree to build, walk and free.  jsonld_pages.c says
 * which nodes each page gets.
 */
#ifndef SKILLSITE_JSONLD_H
#define SKILLSITE_JSONLD_H

#include "alloc.h"
#include "arena.h"

/* The schema.org context of every document. */
#define JSONLD_CONTEXT	"https://schema.org"

/* How deep objects and arrays nest, the document's own two included. */
#define JSONLD_DEPTH	8

/* A document being written. */
struct jsonld {
	struct strbuf	 b;
	int		 depth;			/* open objects and arrays */
	char		 close[JSONLD_DEPTH];	/* '}' or ']' of each */
	unsigned	 more;			/* bit d: depth d holds a
						   member already */
};

/* Starts document w: {"@context": JSONLD_CONTEXT, "@graph": [ */
void	jsonld_begin(struct jsonld *w);

/* Opens an object {"@type": type, "@id": id} (either left out when NULL)
 * as member key of the open object, or as the next item of the open
 * array when key is NULL. */
void	jsonld_object(struct jsonld *w, const char *key, const char *type,
	    const char *id);

/* Opens array key of the open object. */
void	jsonld_array(struct jsonld *w, const char *key);

/* Closes the innermost open object or array. */
void	jsonld_end(struct jsonld *w);

/* Writes member key of the open object as the string value, unless
 * value is NULL or "". */
void	jsonld_string(struct jsonld *w, const char *key, const char *value);

/* Writes the object {"@type": type, "@id": id, "name": name} (name left
 * out when NULL) as jsonld_object() places it. */
void	jsonld_ref(struct jsonld *w, const char *key, const char *type,
	    const char *id, const char *name);

/* Writes, as the next item of the open array, the DefinedTerm {"@id":
 * id, "termCode": code, "name": name, "description": description (left
 * out when NULL or ""), "inDefinedTermSet": {"@id": set} (left out when
 * set is NULL)}. */
void	jsonld_term(struct jsonld *w, const char *id, const char *code,
	    const char *name, const char *description, const char *set);

/* Returns the term code of level n of skill skill_id ("SKILL/N") in a. */
const char *jsonld_level_code(struct arena *a, const char *skill_id, int n);

/* Closes what is open and returns w's text in arena a: compact JSON,
 * members in the order written (the same input gives the same bytes);
 * frees w's buffer. */
const char *jsonld_finish(struct jsonld *w, struct arena *a);

#endif
