/* page_assess.c: the self-assessment sheet of a specialty: for each
 * skill, a current and a target level among those it defines.  The page
 * is a printable checklist as it is; templates/assess.js adds the chart,
 * the gap list and the shareable state, in the words the page gives it
 * (lists "scale", "gaps", "level-names" and "gone-skills").  On a
 * tailored job type the sheet also offers the role profiles of its
 * specialty as targets (list "roles", each row's "role-targets") and
 * each level's company text and learning resources, which the script
 * lists under each gap.  See page.h. */
#include "page.h"

#include <string.h>

#include "paths.h"

/* Returns "prefix-id" in the builder's arena. */
static const char *
S_name(struct builder *b, const char *prefix, const char *id)
{
	return arena_printf(&b->arena, "%s-%s", prefix, id);
}

/* Returns the words of the choice below jt's lowest defined level
 * (label assess-none), in the builder's arena. */
static const char *
S_none(struct builder *b, const struct jobtype *jt)
{
	int lowest = jobtype_next_level(jt, 0);

	return page_label(b, LABEL_ASSESS_NONE, &(struct label_args){
	    .level = lowest != 0 ? page_level_label(b, lowest) : "" });
}

/* Adds level n of entry e (of skill page page) to list "levels" of row:
 * {value, short, href, label, html} and what tailorings give it
 * (page_level_company()). */
static void
S_level_item(struct builder *b, struct scope *row, const struct entry *e,
    const char *page, int n)
{
	struct scope *l_s = scope_item(row, "levels");

	scope_text(l_s, "value", arena_printf(&b->arena, "%d", n));
	scope_text(l_s, "short", page_label(b, LABEL_LEVEL_SHORT,
	    &(struct label_args){ .n = n }));
	scope_text(l_s, "href", path_href(&b->arena, b->self, page,
	    path_level_anchor(&b->arena, n)));
	scope_text(l_s, "label", page_level_label(b, n));
	page_markdown(b, l_s, "html", entry_level_text(e, n));
	page_level_company(b, l_s, entry_find_level(e, n));
}

/* Returns whether role r is one of specialty sp's. */
static int
S_role_of(const struct role *r, const struct specialty *sp)
{
	return r->specialty_id != NULL && strcmp(r->specialty_id, sp->id) == 0;
}

/* Returns the level role r sets as the target of skill id, or 0. */
static int
S_role_target(const struct role *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->ntargets; i++)
		if (r->targets[i].skill_id != NULL &&
		    strcmp(r->targets[i].skill_id, id) == 0)
			return r->targets[i].level;
	return 0;
}

/* Adds list "role-targets" to row, the row of skill id: per role of sp
 * in jt, {role (its ID), value (the target level, "" when none), label
 * (its name, "" when none)}. */
static void
S_role_targets(struct builder *b, struct scope *row, const struct jobtype *jt,
    const struct specialty *sp, const char *id)
{
	size_t i;

	scope_list(row, "role-targets");
	for (i = 0; i < jt->nroles; i++) {
		struct scope *t;
		int n;

		if (!S_role_of(jt->roles[i], sp))
			continue;
		n = S_role_target(jt->roles[i], id);
		t = scope_item(row, "role-targets");
		scope_text(t, "role", jt->roles[i]->id);
		scope_text(t, "value", n ? arena_printf(&b->arena, "%d", n) :
		    "");
		scope_text(t, "label", n ? page_level_label(b, n) : "");
	}
}

/* Adds entry e to list "skills" of s: its name, link, the names of its
 * two groups of choices, the levels it defines (S_level_item()), what
 * tells the company's from the standard's (page_skill_source()) and
 * each role's target. */
static void
S_skill_row(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e)
{
	const char *page = path_skill(&b->arena, jt->id, sp->id, e->skill->id);
	struct scope *row = page_link(b, s, "skills", b->self, e->skill->name,
	    page, NULL);
	const struct label_args skill = { .skill = e->skill->name };
	int n;

	scope_text(row, "id", e->skill->id);
	scope_text(row, "current-name", S_name(b, "current", e->skill->id));
	scope_text(row, "target-name", S_name(b, "target", e->skill->id));
	scope_text(row, "current-legend", page_label(b, LABEL_LEGEND_CURRENT,
	    &skill));
	scope_text(row, "target-legend", page_label(b, LABEL_LEGEND_TARGET,
	    &skill));
	scope_text(row, "clear-label", page_label(b, LABEL_ASSESS_CLEAR,
	    &skill));
	scope_text(row, "none", S_none(b, jt));
	page_skill_source(b, row, e->skill);
	scope_list(row, "levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		if (entry_level_text(e, n) != NULL)
			S_level_item(b, row, e, page, n);
	S_role_targets(b, row, jt, sp, e->skill->id);
}

/* Sets list "roles" of s: the role profiles of sp in jt, in the order
 * of the tailorings, each {id, name, href (its page), description
 * (HTML)}. */
static void
S_roles(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	size_t i;

	scope_list(s, "roles");
	for (i = 0; i < jt->nroles; i++) {
		const struct role *r = jt->roles[i];
		struct scope *it;

		if (!S_role_of(r, sp))
			continue;
		it = page_link(b, s, "roles", b->self, r->name,
		    path_role(&b->arena, jt->id, r->id), NULL);
		scope_text(it, "id", r->id);
		page_markdown(b, it, "description", r->description);
	}
}

/* Returns whether specialty sp lists the skill of ID id. */
static int
S_lists(const struct specialty *sp, const char *id)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (strcmp(sp->entries[i].skill->id, id) == 0)
			return 1;
	return 0;
}

/* Sets list "gone-skills" of s: the skills that the standard's sp (of
 * jt->standard) lists and the tailored sp does not, each {id, name},
 * so that a state naming one says which skill it was; empty when no
 * tailoring applies. */
static void
S_gone(struct scope *s, const struct jobtype *jt, const struct specialty *sp)
{
	const struct specialty *was = NULL;
	size_t i;

	scope_list(s, "gone-skills");
	for (i = 0; jt->standard != NULL &&
	    i < jt->standard->nspecialties; i++)
		if (strcmp(jt->standard->specialties[i].id, sp->id) == 0)
			was = &jt->standard->specialties[i];
	for (i = 0; was != NULL && i < was->nentries; i++) {
		const struct skill *k = was->entries[i].skill;
		struct scope *it;

		if (k == NULL || S_lists(sp, k->id))
			continue;
		it = scope_item(s, "gone-skills");
		scope_text(it, "id", k->id);
		scope_text(it, "name", k->name);
	}
}

/* Sets the levels jt defines, which the sheet offers, on s: field
 * "levels" ("3,4,6") for the script, list "scale" with each level's
 * {value, label}, list "gaps" with each gap's {value, label} and field
 * "none" (the choice below the lowest level, value 0), in the words of
 * the pages; a gap counts the defined levels between two, so from level
 * 4 to 6 of "3,4,6" is one step, and from "none" to 3 one too.  List
 * "level-names" names every level a job type may have, {value, label},
 * for a state that names one the sheet does not offer. */
static void
S_scale(struct builder *b, struct scope *s, const struct jobtype *jt)
{
	const char *levels = "";
	struct scope *it;
	int n, steps = 0;

	scope_list(s, "scale");
	scope_list(s, "gaps");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n), steps++) {
		levels = arena_printf(&b->arena, "%s%s%d", levels,
		    steps > 0 ? "," : "", n);
		it = scope_item(s, "scale");
		scope_text(it, "value", arena_printf(&b->arena, "%d", n));
		scope_text(it, "label", page_level_label(b, n));
		it = scope_item(s, "gaps");
		scope_text(it, "value", arena_printf(&b->arena, "%d",
		    steps + 1));
		scope_text(it, "label", page_label(b, LABEL_ASSESS_GAP,
		    &(struct label_args){ .n = steps + 1 }));
	}
	scope_text(s, "levels", levels);
	scope_text(s, "none", S_none(b, jt));
	scope_list(s, "level-names");
	for (n = LEVEL_MIN; n <= LEVEL_MAX; n++) {
		it = scope_item(s, "level-names");
		scope_text(it, "value", arena_printf(&b->arena, "%d", n));
		scope_text(it, "label", page_level_label(b, n));
	}
}

void
pages_assessment(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct page_at at = { jt, sp, NULL, 0 };
	struct scope *s = page_begin(b, PAGE_ASSESSMENT, &at);
	size_t i;

	page_script(b, s, b->self, PATH_ASSESS_SCRIPT);
	scope_text(s, "jobtype", jt->name);
	scope_text(s, "specialty", sp->name);
	scope_text(s, "book-href", path_href(&b->arena, b->self,
	    path_assessment_xlsx(&b->arena, sp->id), NULL));
	scope_text(s, "storage-key", S_name(b, "skillsite-assessment",
	    b->self));
	S_scale(b, s, jt);
	S_roles(b, s, jt, sp);
	S_gone(s, jt, sp);
	scope_list(s, "skills");
	for (i = 0; i < sp->nentries; i++)
		S_skill_row(b, s, jt, sp, &sp->entries[i]);
	page_emit(b, PAGE_ASSESSMENT, s);
}
