/* page_assess.c: the self-assessment sheet of a specialty: for each
 * skill, a current and a target level among those it defines.  The page
 * is a printable checklist as it is; templates/assess.js adds the chart,
 * the gap list and the shareable state, in the words the page gives it
 * (lists "scale" and "gaps").  See page.h. */
#include "page.h"

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

/* Adds entry e to list "skills" of s: its name, link, the names of its
 * two groups of choices, and the levels it defines, each {value, short,
 * href} (href: the level's description). */
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
	scope_list(row, "levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		struct scope *l_s;

		if (entry_level_text(e, n) == NULL)
			continue;
		l_s = scope_item(row, "levels");
		scope_text(l_s, "value", arena_printf(&b->arena, "%d", n));
		scope_text(l_s, "short", page_label(b, LABEL_LEVEL_SHORT,
		    &(struct label_args){ .n = n }));
		scope_text(l_s, "href", path_href(&b->arena, b->self, page,
		    path_level_anchor(&b->arena, n)));
		scope_text(l_s, "label", page_level_label(b, n));
		page_markdown(b, l_s, "html", entry_level_text(e, n));
	}
}

/* Sets the levels jt defines, which the sheet offers, on s: field
 * "levels" ("3,4,6") for the script, list "scale" with each level's
 * {value, label}, list "gaps" with each gap's {value, label} and field
 * "none" (the choice below the lowest level, value 0), in the words of
 * the pages; a gap counts the defined levels between two, so from level
 * 4 to 6 of "3,4,6" is one step, and from "none" to 3 one too. */
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
	scope_text(s, "storage-key", S_name(b, "skillsite-assessment",
	    b->self));
	S_scale(b, s, jt);
	scope_list(s, "skills");
	for (i = 0; i < sp->nentries; i++)
		S_skill_row(b, s, jt, sp, &sp->entries[i]);
	page_emit(b, PAGE_ASSESSMENT, s);
}
