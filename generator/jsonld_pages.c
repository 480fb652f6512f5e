/* jsonld_pages.c: the schema.org nodes of each kind of page; see
 * jsonld_pages.h.  Reads the builder's fields itself (its arena, its
 * page's path, the Markdown table, the labels): the toolkit (page.c)
 * calls it, so it calls nothing there. */
#include "jsonld_pages.h"

#include "jsonld.h"
#include "markdown.h"
#include "model_tailor.h"
#include "paths.h"

/* Returns the link from the current page to site path to (at fragment
 * unless NULL): a node's "@id". */
static const char *
S_href(struct builder *b, const char *to, const char *fragment)
{
	return path_href(&b->arena, b->self, to, fragment);
}

/* Returns the "@id" of job type jt's set: its section of the home page. */
static const char *
S_jobtype_id(struct builder *b, const struct jobtype *jt)
{
	return S_href(b, PATH_HOME, path_jobtype_anchor(&b->arena, jt->id));
}

/* Returns the "@id" of specialty sp's set: its page. */
static const char *
S_specialty_id(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	return S_href(b, path_specialty(&b->arena, jt->id, sp->id), NULL);
}

/* Returns the plain text of Markdown md from b's table ("" after
 * reporting when it is not there). */
static const char *
S_plain(struct builder *b, const char *md)
{
	const char *plain = md_plain_reported(b->md, md, b->d, &b->failed);

	return plain != NULL ? plain : "";
}

/* Returns a new term of skill k in specialty sp of jt: its page, its ID,
 * its name (and the standard's, when renamed). */
static json_t *
S_skill_term(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp, const struct skill *k)
{
	json_t *t = jsonld_term(S_href(b, path_skill(&b->arena, jt->id, sp->id,
	    k->id), NULL), k->id, k->name, NULL, S_specialty_id(b, jt, sp));

	jsonld_set(t, "alternateName", k->standard_name);
	return t;
}

/* Returns a new term of level n of entry e of sp of jt (whose text is
 * md): its anchor on the skill's page, code, name and plain text. */
static json_t *
S_level_term(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e, int n,
    const char *md)
{
	const struct skill *k = e->skill;
	const char *page = path_skill(&b->arena, jt->id, sp->id, k->id);
	const char *name = arena_printf(&b->arena, "%s %s", k->name,
	    labels_format(b->labels, &b->arena, LABEL_LEVEL,
	    &(struct label_args){ .n = n }));

	return jsonld_term(S_href(b, page, path_level_anchor(&b->arena, n)),
	    jsonld_level_code(&b->arena, k->id, n), name, S_plain(b, md),
	    S_specialty_id(b, jt, sp));
}

/* Returns a new term of knowledge item ki of jt: its anchor on jt's
 * knowledge index, which is its set. */
static json_t *
S_knowledge_term(struct builder *b, const struct jobtype *jt,
    const struct knowledge *ki)
{
	const char *index = path_knowledge(&b->arena, jt->id);

	return jsonld_term(S_href(b, index, ki->anchor), ki->anchor, ki->text,
	    NULL, S_href(b, index, NULL));
}

/* Appends to doc jt's set, its specialties' sets as its parts. */
static void
S_jobtype(struct builder *b, json_t *doc, const struct jobtype *jt)
{
	json_t *set = jsonld_node(doc, "DefinedTermSet", S_jobtype_id(b, jt));
	size_t i;

	jsonld_set(set, "name", jt->name);
	jsonld_set(set, "url", S_jobtype_id(b, jt));
	jsonld_append(set, "hasPart", NULL);
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];
		json_t *part = jsonld_ref("DefinedTermSet",
		    S_specialty_id(b, jt, sp), sp->name);

		jsonld_set(part, "url", S_specialty_id(b, jt, sp));
		jsonld_append(set, "hasPart", part);
	}
}

/* Appends to doc sp's set, with its skills' terms, and jt's set. */
static void
S_specialty(struct builder *b, json_t *doc, const struct jobtype *jt,
    const struct specialty *sp)
{
	json_t *set = jsonld_node(doc, "DefinedTermSet",
	    S_specialty_id(b, jt, sp));
	size_t i;

	jsonld_set(set, "name", sp->name);
	jsonld_set(set, "url", S_specialty_id(b, jt, sp));
	json_object_set_new(set, "isPartOf", jsonld_ref("DefinedTermSet",
	    S_jobtype_id(b, jt), jt->name));
	jsonld_append(set, "hasDefinedTerm", NULL);
	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill != NULL)
			jsonld_append(set, "hasDefinedTerm", S_skill_term(b, jt,
			    sp, sp->entries[i].skill));
}

/* Appends to doc the terms of entry e of sp of jt: its skill's, one per
 * level it describes (each level n when n is 0, else only n). */
static void
S_entry(struct builder *b, json_t *doc, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e, int only)
{
	const char *md;
	int n;

	if (only == 0 && json_array_append_new(json_object_get(doc, "@graph"),
	    S_skill_term(b, jt, sp, e->skill)) != 0)
		return;
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		if ((only == 0 || n == only) &&
		    (md = entry_level_text(e, n)) != NULL)
			json_array_append_new(json_object_get(doc, "@graph"),
			    S_level_term(b, jt, sp, e, n, md));
}

/* Appends to doc the page of skill k in sp of jt: its term, its levels'
 * and its knowledge items'. */
static void
S_skill(struct builder *b, json_t *doc, const struct jobtype *jt,
    const struct specialty *sp, const struct skill *k)
{
	const struct entry *e = specialty_entry(sp, k);
	size_t i;

	if (e != NULL)
		S_entry(b, doc, jt, sp, e, 0);
	for (i = 0; i < k->nknowledge; i++)
		json_array_append_new(json_object_get(doc, "@graph"),
		    S_knowledge_term(b, jt, &k->knowledge[i]));
}

/* Appends to doc level n of sp of jt: each skill's term of it. */
static void
S_level(struct builder *b, json_t *doc, const struct jobtype *jt,
    const struct specialty *sp, int n)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill != NULL)
			S_entry(b, doc, jt, sp, &sp->entries[i], n);
}

/* Appends to doc jt's knowledge set with each item once (by anchor: the
 * same text under several skills is one item). */
static void
S_knowledge(struct builder *b, json_t *doc, const struct jobtype *jt)
{
	const char *index = path_knowledge(&b->arena, jt->id);
	json_t *set = jsonld_node(doc, "DefinedTermSet", S_href(b, index, NULL));
	json_t *seen = json_object();
	size_t i, j;

	jsonld_set(set, "name", labels_text(b->labels, LABEL_KNOWLEDGE));
	json_object_set_new(set, "isPartOf", jsonld_ref("DefinedTermSet",
	    S_jobtype_id(b, jt), jt->name));
	jsonld_append(set, "hasDefinedTerm", NULL);
	for (i = 0; i < jt->nskills; i++)
		for (j = 0; j < jt->skills[i].nknowledge; j++) {
			const struct knowledge *ki = &jt->skills[i].knowledge[j];

			if (json_object_get(seen, ki->anchor) != NULL)
				continue;
			json_object_set_new(seen, ki->anchor, json_true());
			jsonld_append(set, "hasDefinedTerm",
			    S_knowledge_term(b, jt, ki));
		}
	json_decref(seen);
}

/* Appends to doc common skill k of jt: its term in each specialty that
 * lists it. */
static void
S_compare(struct builder *b, json_t *doc, const struct jobtype *jt,
    const struct skill *k)
{
	size_t i;

	for (i = 0; i < k->nuses; i++)
		json_array_append_new(json_object_get(doc, "@graph"),
		    S_skill_term(b, jt, k->uses[i].specialty, k));
}

/* Appends to doc role r of jt: an Occupation whose skills are its
 * targets' level terms (each as its skill's page names it). */
static void
S_role(struct builder *b, json_t *doc, const struct jobtype *jt,
    const struct role *r)
{
	json_t *role = jsonld_node(doc, "Occupation", NULL);
	size_t i;

	jsonld_set(role, "name", r->name);
	if (r->description != NULL)
		jsonld_set(role, "description", S_plain(b, r->description));
	jsonld_append(role, "skills", NULL);
	for (i = 0; i < r->ntargets; i++) {
		const struct role_target *t = &r->targets[i];
		const struct entry *e = t->skill != NULL ?
		    specialty_entry(r->specialty, t->skill) : NULL;
		const char *md = e != NULL ? entry_level_text(e, t->level) :
		    NULL;

		if (md != NULL)
			jsonld_append(role, "skills", S_level_term(b, jt,
			    r->specialty, e, t->level, md));
	}
}

/* Appends to doc an AboutPage about every job type's set. */
static void
S_about(struct builder *b, json_t *doc)
{
	json_t *page = jsonld_node(doc, "AboutPage", NULL);
	size_t i;

	jsonld_set(page, "name", labels_text(b->labels, LABEL_ABOUT));
	jsonld_append(page, "about", NULL);
	for (i = 0; i < b->m->njobtypes; i++)
		jsonld_append(page, "about", jsonld_ref("DefinedTermSet",
		    S_jobtype_id(b, &b->m->jobtypes[i]),
		    b->m->jobtypes[i].name));
}

/* Appends to doc the home page's nodes: the framework's set (when
 * there is a framework file) with the job types' as its parts, then
 * each job type's (S_jobtype()). */
static void
S_home(struct builder *b, json_t *doc)
{
	const struct framework *f = b->m->framework;
	json_t *set = f != NULL ? jsonld_node(doc, "DefinedTermSet",
	    S_href(b, PATH_HOME, NULL)) : NULL;
	size_t i;

	if (set != NULL) {
		jsonld_set(set, "name", f->name);
		jsonld_set(set, "url", S_href(b, PATH_HOME, NULL));
		jsonld_append(set, "hasPart", NULL);
	}
	for (i = 0; i < b->m->njobtypes; i++) {
		const struct jobtype *jt = &b->m->jobtypes[i];

		if (set != NULL)
			jsonld_append(set, "hasPart", jsonld_ref(
			    "DefinedTermSet", S_jobtype_id(b, jt), jt->name));
		S_jobtype(b, doc, jt);
	}
}

/* Appends to doc the nodes of a page of kind at at of a job type. */
static void
S_jobtype_page(struct builder *b, json_t *doc, enum page_kind kind,
    const struct page_at *at)
{
	switch (kind) {
	case PAGE_SKILL:
		S_skill(b, doc, at->jt, at->sp, at->k);
		break;
	case PAGE_LEVEL:
		S_level(b, doc, at->jt, at->sp, at->n);
		break;
	case PAGE_KNOWLEDGE:
		S_knowledge(b, doc, at->jt);
		break;
	case PAGE_COMPARE:
		S_compare(b, doc, at->jt, at->k);
		break;
	default:	/* a specialty's pages, a handbook, the report */
		if (at->sp != NULL)
			S_specialty(b, doc, at->jt, at->sp);
		else
			S_jobtype(b, doc, at->jt);
		break;
	}
}

void
jsonld_page(struct builder *b, struct scope *s, enum page_kind kind,
    const struct page_at *at, const struct role *r)
{
	json_t *doc = jsonld_document();

	if (r != NULL)
		S_role(b, doc, at->jt, r);
	else if (kind == PAGE_ABOUT)
		S_about(b, doc);
	else if (at->jt == NULL)
		S_home(b, doc);
	else
		S_jobtype_page(b, doc, kind, at);
	scope_json(s, "structured-data", jsonld_text(&b->arena, doc));
}
