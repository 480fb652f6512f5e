/* jsonld_pages.h: which schema.org nodes (jsonld.h) each kind of page
 * carries, from the model as the page shows it. */
#ifndef SKILLSITE_JSONLD_PAGES_H
#define SKILLSITE_JSONLD_PAGES_H

#include "page.h"

/* Sets JSON field "structured-data" of page scope s (page_begin(): b->self
 * is its path) to the JSON-LD document of the page of kind at at, or with
 * r not NULL of role r's page:
 *	home			the framework's set with the job types' as
 *				parts (hasPart), each job type's set with
 *				its specialties' as parts
 *	about			an AboutPage about the job types' sets
 *	specialty, its map,	the specialty's set with its skills' terms
 *	handbook, sheet		(hasDefinedTerm), and its job type's set
 *	job type's handbook	as the home page, for the job type
 *	skill			the skill's term, a term per level it
 *				describes, one per knowledge item
 *	level			the level's term of each skill describing it
 *	knowledge index		the job type's knowledge set with every item
 *	comparison		the skill's term in each specialty listing it
 *	role			an Occupation whose skills are the level
 *				terms of its targets
 *	tailoring report	the job type's set
 * A skill that a tailoring renamed has the standard's name as its
 * alternateName.  Reports a Markdown text missing from b's table as
 * an internal error (b->failed). */
void	jsonld_page(struct builder *b, struct scope *s, enum page_kind kind,
	    const struct page_at *at, const struct role *r);

#endif
