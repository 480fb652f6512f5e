/* jsonld_pages.c: the schema.org nodes of each kind of page; see
 * jsonld_pages.h.  Reads the builder's fields itself (its arena, its
 * page's path, the Markdown table, the labels): the toolkit (page.c)
 * calls it, so it calls nothing there. */
#include "jsonld_pages.h"

#include <jansson.h>

#include "jsonld.h"
#include "markdown.h"
#include "model_tailor.h"
#include "paths.h"

/* Levels whose names a page keeps (a level is at most 7). */
#define LEVEL_NAMES	16

/* The writing of one page's document. */
struct ld {
	struct builder	*b;
	struct jsonld	 w;
	const char	*level[LEVEL_NAMES];	/* label level, once each */
};

/* Returns the link from the current page to site path to (at fragment
 * unless NULL): a node's "@id". */
static const char *
S_href(struct ld *c, const char *to, const char *fragment)
{
	return path_href(&c->b->arena, c->b->self, to, fragment);
}

/* Returns the "@id" of job type jt's set: its section of the home page. */
static const char *
S_jobtype_id(struct ld *c, const struct jobtype *jt)
{
	return S_href(c, PATH_HOME, path_jobtype_anchor(&c->b->arena, jt->id));
}

/* Returns the "@id" of specialty sp's set: its page. */
static const char *
S_specialty_id(struct ld *c, const struct jobtype *jt,
    const struct specialty *sp)
{
	return S_href(c, path_specialty(&c->b->arena, jt->id, sp->id), NULL);
}

/* Returns the name of level n (label level), made once per page. */
static const char *
S_level_name(struct ld *c, int n)
{
	const char **slot = n >= 0 && n < LEVEL_NAMES ? &c->level[n] : NULL;
	const char *name = slot != NULL ? *slot : NULL;

	if (name == NULL)
		name = labels_format(c->b->labels, &c->b->arena, LABEL_LEVEL,
		    &(struct label_args){ .n = n });
	if (slot != NULL)
		*slot = name;
	return name;
}

/* Returns the plain text of Markdown md from b's table ("" after
 * reporting when it is not there). */
static const char *
S_plain(struct ld *c, const char *md)
{
	const char *plain = md_plain_reported(c->b->md, md, c->b->d,
	    &c->b->failed);

	return plain != NULL ? plain : "";
}

/* Writes the term of skill k in specialty sp of jt, whose set is set:
 * its page, its ID, its name (and the standard's, when renamed). */
static void
S_skill_term(struct ld *c, const struct jobtype *jt,
    const struct specialty *sp, const struct skill *k, const char *set)
{
	jsonld_object(&c->w, NULL, "DefinedTerm", S_href(c,
	    path_skill(&c->b->arena, jt->id, sp->id, k->id), NULL));
	jsonld_string(&c->w, "termCode", k->id);
	jsonld_string(&c->w, "name", k->name);
	jsonld_string(&c->w, "alternateName", k->standard_name);
	jsonld_ref(&c->w, "inDefinedTermSet", NULL, set, NULL);
	jsonld_end(&c->w);
}

/* Writes the term of level n of entry e of sp of jt (whose text is md,
 * whose set is set): its anchor on the skill's page, code, name and,
 * when full (on the skill's page, which defines it), plain text; a
 * level or role page names the term and leaves its text to the page
 * its "@id" is, so the text is not repeated on every page. */
static void
S_level_term(struct ld *c, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e, int n,
    const char *md, const char *set, int full)
{
	struct arena *a = &c->b->arena;
	const struct skill *k = e->skill;

	jsonld_term(&c->w, S_href(c, path_skill(a, jt->id, sp->id, k->id),
	    path_level_anchor(a, n)), jsonld_level_code(a, k->id, n),
	    arena_printf(a, "%s %s", k->name, S_level_name(c, n)),
	    full ? S_plain(c, md) : NULL, set);
}

/* Writes jt's set, its specialties' sets as its parts. */
static void
S_jobtype(struct ld *c, const struct jobtype *jt)
{
	size_t i;

	jsonld_object(&c->w, NULL, "DefinedTermSet", S_jobtype_id(c, jt));
	jsonld_string(&c->w, "name", jt->name);
	jsonld_string(&c->w, "url", S_jobtype_id(c, jt));
	jsonld_array(&c->w, "hasPart");
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];
		const char *id = S_specialty_id(c, jt, sp);

		jsonld_object(&c->w, NULL, "DefinedTermSet", id);
		jsonld_string(&c->w, "name", sp->name);
		jsonld_string(&c->w, "url", id);
		jsonld_end(&c->w);
	}
	jsonld_end(&c->w);
	jsonld_end(&c->w);
}

/* Writes sp's set, part of jt's, with its skills' terms. */
static void
S_specialty(struct ld *c, const struct jobtype *jt,
    const struct specialty *sp)
{
	const char *id = S_specialty_id(c, jt, sp);
	size_t i;

	jsonld_object(&c->w, NULL, "DefinedTermSet", id);
	jsonld_string(&c->w, "name", sp->name);
	jsonld_string(&c->w, "url", id);
	jsonld_ref(&c->w, "isPartOf", "DefinedTermSet", S_jobtype_id(c, jt),
	    jt->name);
	jsonld_array(&c->w, "hasDefinedTerm");
	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill != NULL)
			S_skill_term(c, jt, sp, sp->entries[i].skill, id);
	jsonld_end(&c->w);
	jsonld_end(&c->w);
}

/* Writes the terms of entry e of sp of jt: its skill's, one per level it
 * describes (each level n when only is 0, else only level only). */
static void
S_entry(struct ld *c, const struct jobtype *jt, const struct specialty *sp,
    const struct entry *e, int only)
{
	const char *set = S_specialty_id(c, jt, sp), *md;
	int n;

	if (only == 0)
		S_skill_term(c, jt, sp, e->skill, set);
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		if ((only == 0 || n == only) &&
		    (md = entry_level_text(e, n)) != NULL)
			S_level_term(c, jt, sp, e, n, md, set, only == 0);
}

/* Writes the page of skill k in sp of jt: its term, its levels' and its
 * knowledge items', whose set is jt's knowledge index. */
static void
S_skill(struct ld *c, const struct jobtype *jt, const struct specialty *sp,
    const struct skill *k)
{
	const struct entry *e = specialty_entry(sp, k);
	const char *index = path_knowledge(&c->b->arena, jt->id);
	const char *set = S_href(c, index, NULL);
	size_t i;

	if (e != NULL)
		S_entry(c, jt, sp, e, 0);
	for (i = 0; i < k->nknowledge; i++)
		jsonld_term(&c->w, S_href(c, index, k->knowledge[i].anchor),
		    k->knowledge[i].anchor, k->knowledge[i].text, NULL, set);
}

/* Writes jt's knowledge set with each item once (by anchor: the same
 * text under several skills is one item). */
static void
S_knowledge(struct ld *c, const struct jobtype *jt)
{
	const char *index = path_knowledge(&c->b->arena, jt->id);
	const char *set = S_href(c, index, NULL);
	json_t *seen = json_object();
	size_t i, j;

	jsonld_object(&c->w, NULL, "DefinedTermSet", set);
	jsonld_string(&c->w, "name", labels_text(c->b->labels,
	    LABEL_KNOWLEDGE));
	jsonld_ref(&c->w, "isPartOf", "DefinedTermSet", S_jobtype_id(c, jt),
	    jt->name);
	jsonld_array(&c->w, "hasDefinedTerm");
	for (i = 0; i < jt->nskills; i++)
		for (j = 0; j < jt->skills[i].nknowledge; j++) {
			const struct knowledge *ki = &jt->skills[i].knowledge[j];

			if (json_object_get(seen, ki->anchor) != NULL)
				continue;
			json_object_set_new(seen, ki->anchor, json_true());
			jsonld_term(&c->w, S_href(c, index, ki->anchor),
			    ki->anchor, ki->text, NULL, set);
		}
	jsonld_end(&c->w);
	jsonld_end(&c->w);
	json_decref(seen);
}

/* Writes role r of jt: an Occupation, identified by its page, whose
 * skills are its targets' level terms (each as its skill's page names
 * it). */
static void
S_role(struct ld *c, const struct jobtype *jt, const struct role *r)
{
	const char *set = S_specialty_id(c, jt, r->specialty);
	const char *id = S_href(c, c->b->self, NULL);
	size_t i;

	jsonld_object(&c->w, NULL, "Occupation", id);
	jsonld_string(&c->w, "name", r->name);
	jsonld_string(&c->w, "url", id);
	if (r->description != NULL)
		jsonld_string(&c->w, "description", S_plain(c,
		    r->description));
	jsonld_array(&c->w, "skills");
	for (i = 0; i < r->ntargets; i++) {
		const struct role_target *t = &r->targets[i];
		const struct entry *e = t->skill != NULL ?
		    specialty_entry(r->specialty, t->skill) : NULL;
		const char *md = e != NULL ? entry_level_text(e, t->level) :
		    NULL;

		if (md != NULL)
			S_level_term(c, jt, r->specialty, e, t->level, md, set,
			    0);
	}
	jsonld_end(&c->w);
	jsonld_end(&c->w);
}

/* Writes an AboutPage about every job type's set. */
static void
S_about(struct ld *c)
{
	const struct model *m = c->b->m;
	size_t i;

	jsonld_object(&c->w, NULL, "AboutPage", NULL);
	jsonld_string(&c->w, "name", labels_text(c->b->labels, LABEL_ABOUT));
	jsonld_array(&c->w, "about");
	for (i = 0; i < m->njobtypes; i++)
		jsonld_ref(&c->w, NULL, "DefinedTermSet", S_jobtype_id(c,
		    &m->jobtypes[i]), m->jobtypes[i].name);
	jsonld_end(&c->w);
	jsonld_end(&c->w);
}

/* Writes the home page's nodes: the framework's set (when there is a
 * framework file) with the job types' as its parts, then each job
 * type's (S_jobtype()). */
static void
S_home(struct ld *c)
{
	const struct model *m = c->b->m;
	size_t i;

	if (m->framework != NULL) {
		const char *id = S_href(c, PATH_HOME, NULL);

		jsonld_object(&c->w, NULL, "DefinedTermSet", id);
		jsonld_string(&c->w, "name", m->framework->name);
		jsonld_string(&c->w, "url", id);
		jsonld_array(&c->w, "hasPart");
		for (i = 0; i < m->njobtypes; i++)
			jsonld_ref(&c->w, NULL, "DefinedTermSet",
			    S_jobtype_id(c, &m->jobtypes[i]),
			    m->jobtypes[i].name);
		jsonld_end(&c->w);
		jsonld_end(&c->w);
	}
	for (i = 0; i < m->njobtypes; i++)
		S_jobtype(c, &m->jobtypes[i]);
}

/* Writes the nodes of a page of kind at at of a job type. */
static void
S_jobtype_page(struct ld *c, enum page_kind kind, const struct page_at *at)
{
	size_t i;

	switch (kind) {
	case PAGE_SKILL:
		S_skill(c, at->jt, at->sp, at->k);
		break;
	case PAGE_LEVEL:
		for (i = 0; i < at->sp->nentries; i++)
			if (at->sp->entries[i].skill != NULL)
				S_entry(c, at->jt, at->sp,
				    &at->sp->entries[i], at->n);
		break;
	case PAGE_KNOWLEDGE:
		S_knowledge(c, at->jt);
		break;
	case PAGE_COMPARE:	/* the skill's term in each specialty */
		for (i = 0; i < at->k->nuses; i++)
			S_skill_term(c, at->jt, at->k->uses[i].specialty,
			    at->k, S_specialty_id(c, at->jt,
			    at->k->uses[i].specialty));
		break;
	default:	/* a specialty's pages, a handbook, the report */
		if (at->sp != NULL)
			S_specialty(c, at->jt, at->sp);
		else
			S_jobtype(c, at->jt);
		break;
	}
}

void
jsonld_page(struct builder *b, struct scope *s, enum page_kind kind,
    const struct page_at *at, const struct role *r)
{
	struct ld c = { .b = b };

	jsonld_begin(&c.w);
	if (r != NULL)
		S_role(&c, at->jt, r);
	else if (kind == PAGE_ABOUT)
		S_about(&c);
	else if (at->jt == NULL)
		S_home(&c);
	else
		S_jobtype_page(&c, kind, at);
	scope_json(s, "structured-data", jsonld_finish(&c.w, &b->arena));
}
