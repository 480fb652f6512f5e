/* jsonld.h: schema.org structured data (JSON-LD) built with jansson.
 *
 * Every page carries one document {"@context": "https://schema.org",
 * "@graph": [NODE, ...]} in a <script type="application/ld+json"> of its
 * head (the template's data-json).  The nodes are DefinedTermSets (a job
 * type, a specialty, a job type's knowledge items) and DefinedTerms (a
 * skill, a level of a skill, a knowledge item); their "@id"s and links
 * are page-relative IRIs, which JSON-LD resolves against the page's
 * address, so they hold under any sub-path and from file://.
 *
 * The term codes, stable across builds:
 *	skill		its ID ("fault-repair")
 *	level		its skill's ID, "/", the level ("fault-repair/4")
 *	knowledge item	the anchor of its text on the knowledge index:
 *			"k-" and 16 hex digits of its FNV-1a hash
 *
 * jsonld.c holds the nodes' builders, free of the site; jsonld_pages.c
 * (declared in page.h's terms below) says which nodes each page gets.
 */
#ifndef SKILLSITE_JSONLD_H
#define SKILLSITE_JSONLD_H

#include <jansson.h>

#include "arena.h"

/* The schema.org context of every document. */
#define JSONLD_CONTEXT	"https://schema.org"

/* Returns a new document: {"@context": JSONLD_CONTEXT, "@graph": []}. */
json_t	*jsonld_document(void);

/* Appends a new node {"@type": type, "@id": id} to doc's graph; returns
 * it (borrowed: doc owns it).  id NULL leaves "@id" out. */
json_t	*jsonld_node(json_t *doc, const char *type, const char *id);

/* Returns a new reference to a node elsewhere: {"@type": type, "@id":
 * id, "name": name} (name left out when NULL). */
json_t	*jsonld_ref(const char *type, const char *id, const char *name);

/* Sets key of node to the string value, unless value is NULL or "". */
void	 jsonld_set(json_t *node, const char *key, const char *value);

/* Appends item (taken: the caller's reference passes to node) to the
 * array key of node, made when missing. */
void	 jsonld_append(json_t *node, const char *key, json_t *item);

/* Returns a new DefinedTerm node {"@type": "DefinedTerm", "@id": id,
 * "termCode": code, "name": name, "description": description (left out
 * when NULL or ""), "inDefinedTermSet": {"@id": set}}. */
json_t	*jsonld_term(const char *id, const char *code, const char *name,
	    const char *description, const char *set);

/* Returns the term code of level n of skill skill_id ("SKILL/N") in a. */
const char *jsonld_level_code(struct arena *a, const char *skill_id, int n);

/* Returns doc as compact JSON text in arena a (members in the order set:
 * the same input gives the same bytes) and drops the caller's reference
 * to doc; NULL when jansson cannot write it. */
const char *jsonld_text(struct arena *a, json_t *doc);

#endif
