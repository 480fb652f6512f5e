/* model_markdown.c: the one walk over every Markdown field; see
 * model.h. */
#include "model.h"

#include <stddef.h>

/* Hands fn the field text (unless NULL) of the given kind and owner. */
static void
S_visit(md_field_fn *fn, void *ctx, const char *text, const struct pos *pos,
    enum md_field_kind kind, const void *owner, const struct jobtype *jt)
{
	struct md_field f;

	if (text == NULL)
		return;
	f.text = text;
	f.pos = pos;
	f.kind = kind;
	f.owner = owner;
	f.jt = jt;
	fn(ctx, &f);
}

/* Hands fn each note of ns, of the given kind and owner. */
static void
S_notes(md_field_fn *fn, void *ctx, const struct notes *ns,
    enum md_field_kind kind, const void *owner, const struct jobtype *jt)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		S_visit(fn, ctx, ns->v[i].markdown, &ns->v[i].pos, kind, owner,
		    jt);
}

/* Hands fn the fields of entry e of jt: its notes, then its levels. */
static void
S_entry(md_field_fn *fn, void *ctx, const struct entry *e,
    const struct jobtype *jt)
{
	size_t i;

	if (e->from != NULL)
		return;		/* a company skill's: its tailoring's field */
	S_notes(fn, ctx, &e->notes, MD_ENTRY_NOTE, e, jt);
	for (i = 0; i < e->nlevels; i++)
		S_visit(fn, ctx, e->levels[i].markdown, &e->levels[i].pos,
		    MD_LEVEL, e, jt);
}

void
framework_each_markdown(const struct framework *fw, md_field_fn *fn,
    void *ctx)
{
	S_visit(fn, ctx, fw->summary, &fw->summary_pos, MD_FRAMEWORK_SUMMARY,
	    fw, NULL);
	S_notes(fn, ctx, &fw->notes, MD_FRAMEWORK_NOTE, fw, NULL);
}

/* The fields of a tailored job type are the standard's (jt->standard),
 * whose structs hold every text a tailoring hides too: the tailored copy
 * shares the strings of those it shows, so each is visited once. */
void
jobtype_each_markdown(const struct jobtype *jt, md_field_fn *fn, void *ctx)
{
	const struct jobtype *src = jt->standard != NULL ? jt->standard : jt;
	size_t i, j;

	S_visit(fn, ctx, src->annotation, &src->annotation_pos,
	    MD_JOBTYPE_ANNOTATION, src, jt);
	S_notes(fn, ctx, &src->notes, MD_JOBTYPE_NOTE, src, jt);
	for (i = 0; i < src->nskills; i++)
		if (src->skills[i].from == NULL)
			S_notes(fn, ctx, &src->skills[i].notes, MD_SKILL_NOTE,
			    &src->skills[i], jt);
	for (i = 0; i < src->nspecialties; i++) {
		const struct specialty *sp = &src->specialties[i];

		S_notes(fn, ctx, &sp->notes, MD_SPECIALTY_NOTE, sp, jt);
		for (j = 0; j < sp->nentries; j++)
			S_entry(fn, ctx, &sp->entries[j], jt);
	}
}

/* Hands fn the fields of company skill cs of tailoring t: its notes,
 * then its levels' texts. */
static void
S_company_skill(md_field_fn *fn, void *ctx, const struct company_skill *cs)
{
	size_t i;

	S_notes(fn, ctx, &cs->skill->notes, MD_COMPANY_SKILL_NOTE, cs, NULL);
	for (i = 0; i < cs->nlevels; i++)
		S_visit(fn, ctx, cs->levels[i].markdown, &cs->levels[i].pos,
		    MD_COMPANY_LEVEL, cs, NULL);
}

void
tailoring_each_markdown(const struct tailoring *t, md_field_fn *fn,
    void *ctx)
{
	size_t i;

	S_visit(fn, ctx, t->summary, &t->summary_pos, MD_TAILORING_SUMMARY, t,
	    NULL);
	S_notes(fn, ctx, &t->notes, MD_TAILORING_NOTE, t, NULL);
	for (i = 0; i < t->nskills; i++)
		S_company_skill(fn, ctx, &t->skills[i]);
	for (i = 0; i < t->ntexts; i++) {
		S_visit(fn, ctx, t->texts[i].meaning, &t->texts[i].meaning_pos,
		    MD_MEANING, &t->texts[i], NULL);
		S_visit(fn, ctx, t->texts[i].evidence,
		    &t->texts[i].evidence_pos, MD_EVIDENCE, &t->texts[i], NULL);
	}
	for (i = 0; i < t->nroles; i++)
		S_visit(fn, ctx, t->roles[i].description,
		    &t->roles[i].description_pos, MD_ROLE, &t->roles[i], NULL);
	for (i = 0; i < t->nresources; i++)
		if (t->resources[i].href != NULL)
			S_visit(fn, ctx, t->resources[i].title,
			    &t->resources[i].at.pos, MD_RESOURCE_LINK,
			    &t->resources[i], NULL);
}

void
model_each_markdown(const struct model *m, md_field_fn *fn, void *ctx)
{
	size_t i;

	if (m->framework != NULL)
		framework_each_markdown(m->framework, fn, ctx);
	for (i = 0; i < m->njobtypes; i++)
		jobtype_each_markdown(&m->jobtypes[i], fn, ctx);
	for (i = 0; i < m->ntailorings; i++)
		tailoring_each_markdown(&m->tailorings[i], fn, ctx);
}
