/* site_assess.c: the self-assessment sheet of a specialty: for each
 * skill, a current and a target level among those it defines.  The page
 * is a printable checklist as it is; assets/assess.js adds the chart,
 * the gap list and the shareable state.  See site_private.h. */
#include "site_private.h"

#include <stdio.h>
#include <string.h>

#include "paths.h"

/* Returns "prefix-id" in the builder's arena. */
static const char *
S_name(struct builder *b, const char *prefix, const char *id)
{
	return arena_printf(&b->arena, "%s-%s", prefix, id);
}

/* Returns "NAME" followed by what, in the builder's arena. */
static const char *
S_legend(struct builder *b, const char *name, const char *what)
{
	return arena_printf(&b->arena, "%s%s", name, what);
}

/* Returns level n as a full-width digit ("３"), in the builder's arena. */
static const char *
S_digit(struct builder *b, int n)
{
	const char *label = page_level_label(&b->arena, n);

	return label + strlen("レベル");
}

/* Adds entry e (at self) to list "skills" of s: its name, link, the
 * names of its two groups of choices, and the levels it defines, each
 * {value, short, href} (href: the level's description). */
static void
S_skill_row(struct builder *b, struct scope *s, const char *self,
    const struct jobtype *jt, const struct specialty *sp,
    const struct entry *e)
{
	const char *page = path_skill(&b->arena, jt->id, sp->id, e->skill->id);
	struct scope *row = page_link(b, s, "skills", self, e->skill->name,
	    page, NULL);
	char value[16];
	int n;

	scope_text(row, "id", e->skill->id);
	scope_text(row, "current-name", S_name(b, "current", e->skill->id));
	scope_text(row, "target-name", S_name(b, "target", e->skill->id));
	scope_text(row, "current-legend", S_legend(b, e->skill->name,
	    "の現在のレベル"));
	scope_text(row, "target-legend", S_legend(b, e->skill->name,
	    "の目標のレベル"));
	scope_list(row, "levels");
	for (n = jt->min_level; n <= jt->max_level; n++) {
		const struct level *lv = entry_find_level(e, n);
		struct scope *l_s;

		if (lv == NULL || lv->markdown == NULL)
			continue;
		l_s = scope_item(row, "levels");
		snprintf(value, sizeof(value), "%d", n);
		scope_text(l_s, "value", arena_strdup(&b->arena, value));
		scope_text(l_s, "short", S_digit(b, n));
		scope_text(l_s, "href", path_href(&b->arena, self, page,
		    path_level_anchor(&b->arena, n)));
	}
}

void
pages_assessment(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	const char *self;
	char *title, levels[64] = "";
	struct scope *s;
	size_t i;
	int n;

	page_reset(b);
	self = path_assessment(&b->arena, jt->id, sp->id);
	title = arena_printf(&b->arena, "自己評価シート（%s）", sp->name);
	s = page_scope(b, self, title);
	page_script(b, s, self, PATH_ASSESS_SCRIPT);
	page_crumb_jobtype(b, s, self, jt);
	page_crumb(b, s, self, sp->name, path_specialty(&b->arena, jt->id,
	    sp->id));
	page_crumb(b, s, self, "自己評価シート", NULL);
	scope_text(s, "jobtype", jt->name);
	scope_text(s, "specialty", sp->name);
	scope_text(s, "storage-key", S_name(b, "skillsite-assessment",
	    path_assessment(&b->arena, jt->id, sp->id)));
	for (n = jt->min_level; n <= jt->max_level && n - jt->min_level < 20;
	    n++)
		snprintf(levels + strlen(levels), sizeof(levels) - strlen(levels),
		    "%s%d", n > jt->min_level ? "," : "", n);
	scope_text(s, "levels", arena_strdup(&b->arena, levels));
	scope_list(s, "skills");
	for (i = 0; i < sp->nentries; i++)
		S_skill_row(b, s, self, jt, sp, &sp->entries[i]);
	page_emit(b, PAGE_ASSESSMENT, self, s);
}
