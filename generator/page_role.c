/* page_role.c: the role profiles of a tailored job type, a page each:
 * what the role should reach in every skill of its specialty; see
 * page.h. */
#include "page.h"

#include <stdlib.h>

#include "alloc.h"
#include "paths.h"

/* Adds to list "targets" of s the row of entry e of specialty sp of jt:
 * the skill (its names, linked), and the role's target g in it (NULL:
 * none): the level, linked to its section of the skill's page, its text
 * from the entry and what tailorings give the level. */
static void
S_target(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e,
    const struct role_target *g)
{
	struct scope *row = scope_item(s, "targets");
	const char *page = path_skill(&b->arena, jt->id, sp->id, e->skill->id);
	const struct level *lv = g != NULL ? entry_find_level(e, g->level) :
	    NULL;

	scope_text(row, "name", e->skill->name);
	page_skill_source(b, row, e->skill);
	scope_text(row, "href", path_href(&b->arena, b->self, page, NULL));
	scope_flag(row, "targeted", g != NULL);
	scope_text(row, "level", g != NULL ? page_level_label(b, g->level) :
	    "");
	scope_text(row, "level-href", g != NULL ? path_href(&b->arena,
	    b->self, page, path_level_anchor(&b->arena, g->level)) : "");
	page_markdown(b, row, "html", lv != NULL ? lv->markdown : NULL);
	page_level_company(b, row, lv);
}

/* Adds list "targets" to s: a row per skill of r's specialty, in its
 * order, with r's target there or none; sets "targets-count" and
 * "skills-count" (digits). */
static void
S_targets(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct role *r)
{
	const struct specialty *sp = r->specialty;
	const struct role_target **by = xcalloc(jt->nskills + 1, sizeof(*by));
	size_t i, n = 0, shown = 0;

	for (i = 0; i < r->ntargets; i++)
		if (r->targets[i].skill != NULL)
			by[r->targets[i].skill - jt->skills] = &r->targets[i];
	scope_list(s, "targets");
	for (i = 0; i < sp->nentries; i++) {
		const struct entry *e = &sp->entries[i];
		const struct role_target *g;

		if (e->skill == NULL)
			continue;
		g = by[e->skill - jt->skills];
		S_target(b, s, jt, sp, e, g);
		shown++;
		n += g != NULL;
	}
	free(by);
	scope_text(s, "targets-count", arena_printf(&b->arena, "%zu", n));
	scope_text(s, "skills-count", arena_printf(&b->arena, "%zu", shown));
}

/* The page of role r of jt: its name, specialty, description, the
 * tailoring that defines it and its targets. */
static void
S_role(struct builder *b, const struct jobtype *jt, const struct role *r)
{
	struct scope *s = page_begin_role(b, jt, r);

	scope_text(s, "name", r->name != NULL ? r->name : r->id);
	scope_text(s, "specialty", r->specialty->name);
	scope_text(s, "specialty-href", path_href(&b->arena, b->self,
	    path_specialty(&b->arena, jt->id, r->specialty->id), NULL));
	page_markdown(b, s, "description", r->description);
	scope_text(s, "from", r->from != NULL && r->from->name != NULL ?
	    r->from->name : "");
	scope_text(s, "from-href", page_tailoring_href(b, jt, r->from));
	scope_text(s, "assessment-href", path_href(&b->arena, b->self,
	    path_assessment(&b->arena, jt->id, r->specialty->id), NULL));
	S_targets(b, s, jt, r);
	page_emit(b, PAGE_ROLE, s);
}

void
pages_roles(struct builder *b, const struct jobtype *jt)
{
	size_t i;

	for (i = 0; i < jt->nroles; i++)
		if (jt->roles[i]->specialty != NULL && jt->roles[i]->id != NULL)
			S_role(b, jt, jt->roles[i]);
}
