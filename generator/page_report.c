/* page_report.c: the tailoring report of a job type: every change its
 * tailorings make, grouped by tailoring in the order they apply and by
 * kind, each beside the standard's words (from jt->standard, which no
 * tailoring touches) and with the file and line that writes it; see
 * page.h. */
#include "page.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "paths.h"

/* Sets "file" (the base name of the file, so the page does not depend
 * on where the files are) and "line" (digits) on s: where pos is. */
static void
S_where(struct builder *b, struct scope *s, const struct pos *pos)
{
	const char *path = diag_file(b->d, pos->file);
	const char *slash = strrchr(path, '/');

	scope_text(s, "file", slash != NULL ? slash + 1 : path);
	scope_text(s, "line", arena_printf(&b->arena, "%d", pos->line));
}

/* Returns the skill of jt with ID id (NULL: none), or NULL. */
static const struct skill *
S_find(const struct jobtype *jt, const char *id)
{
	return id != NULL ? jobtype_find_skill(jt, id) : NULL;
}

/* Returns the standard's specialty of jt with ID id, or NULL. */
static const struct specialty *
S_std_specialty(const struct jobtype *jt, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < jt->standard->nspecialties; i++)
		if (jt->standard->specialties[i].id != NULL &&
		    strcmp(jt->standard->specialties[i].id, id) == 0)
			return &jt->standard->specialties[i];
	return NULL;
}

/* Returns the entry of skill id in specialty sp, or NULL. */
static const struct entry *
S_std_entry(const struct specialty *sp, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < sp->nentries; i++)
		if (sp->entries[i].skill_id != NULL &&
		    strcmp(sp->entries[i].skill_id, id) == 0)
			return &sp->entries[i];
	return NULL;
}

/* Sets "specialty" on s: the name of the specialty with ID id, or label
 * all-specialties when the operation names none (id NULL). */
static void
S_specialty(struct builder *b, struct scope *s, const struct jobtype *jt,
    const char *id)
{
	const struct specialty *sp = S_std_specialty(jt, id);

	scope_text(s, "specialty", id == NULL ? page_label(b,
	    LABEL_ALL_SPECIALTIES, NULL) : sp != NULL && sp->name != NULL ?
	    sp->name : id);
}

/* Returns the specialty where skill k of jt has the page an operation
 * on specialty id links to: that one when it lists k, else (id NULL)
 * the first that does; NULL when none shows k. */
static const struct specialty *
S_page_specialty(const struct skill *k, const char *id)
{
	size_t i;

	for (i = 0; k != NULL && i < k->nuses; i++)
		if (id == NULL || strcmp(k->uses[i].specialty->id, id) == 0)
			return k->uses[i].specialty;
	return NULL;
}

/* Sets on s the skill of jt with ID id as the operation at at names it:
 * "skill", its name as the pages show it (the standard's when no page
 * does), "standard-name" and flag "company-skill" (page_skill_source()),
 * and "skill-href", the link to its page in at's specialty (or the
 * first) at at's level, "" when none shows it. */
static void
S_skill(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct tailor_at *at)
{
	const struct skill *k = S_find(jt, at->skill_id);
	const struct skill *std = S_find(jt->standard, at->skill_id);
	const struct specialty *sp = S_page_specialty(k, at->specialty_id);

	if (k == NULL)
		k = std;
	scope_text(s, "skill", k != NULL && k->name != NULL ? k->name :
	    at->skill_id);
	scope_text(s, "standard-name", k != NULL && k->standard_name != NULL ?
	    k->standard_name : "");
	scope_flag(s, "company-skill", k != NULL && k->from != NULL);
	scope_text(s, "skill-href", sp == NULL ? "" : path_href(&b->arena,
	    b->self, path_skill(&b->arena, jt->id, sp->id, at->skill_id),
	    at->level != 0 ? path_level_anchor(&b->arena, at->level) : NULL));
}

/* Adds list "standard" to s: the standard's text of level n of skill id
 * in specialty sp_id (NULL: in each specialty that describes it), each
 * text once with list "specialties" ({name}) of those that have it,
 * and sets flag "several" when the operation names no specialty. */
static void
S_std_texts(struct builder *b, struct scope *s, const struct jobtype *jt,
    const char *id, const char *sp_id, int n)
{
	const struct jobtype *std = jt->standard;
	const char **texts = xcalloc(std->nspecialties + 1, sizeof(*texts));
	struct scope **items = xcalloc(std->nspecialties + 1, sizeof(*items));
	size_t i, j, m = 0;

	scope_list(s, "standard");
	scope_flag(s, "several", sp_id == NULL);
	for (i = 0; i < std->nspecialties; i++) {
		const struct specialty *sp = &std->specialties[i];
		const struct entry *e = S_std_entry(sp, id);
		const char *text = e != NULL ? entry_level_text(e, n) : NULL;

		if (text == NULL || (sp_id != NULL && (sp->id == NULL ||
		    strcmp(sp->id, sp_id) != 0)))
			continue;
		for (j = 0; j < m && strcmp(texts[j], text) != 0; j++)
			;
		if (j == m) {
			texts[m] = text;
			items[m] = scope_item(s, "standard");
			page_markdown(b, items[m], "html", text);
			scope_list(items[m++], "specialties");
		}
		scope_text(scope_item(items[j], "specialties"), "name",
		    sp->name != NULL ? sp->name : "");
	}
	free(items);
	free(texts);
}

/* Adds hide h of jt to list "hidden-skills" (a whole skill: list
 * "listed", the standard's specialties that list it) or "hidden-levels"
 * (one level: its label and the standard's texts) of group g. */
static void
S_hide(struct builder *b, struct scope *g, const struct jobtype *jt,
    const struct tailor_hide *h)
{
	struct scope *it = scope_item(g, h->at.level == 0 ? "hidden-skills" :
	    "hidden-levels");
	const struct skill *k = S_find(jt->standard, h->at.skill_id);
	size_t i;

	S_where(b, it, &h->at.pos);
	S_specialty(b, it, jt, h->at.specialty_id);
	if (h->at.level != 0) {
		S_skill(b, it, jt, &h->at);
		scope_text(it, "level", page_level_label(b, h->at.level));
		S_std_texts(b, it, jt, h->at.skill_id, h->at.specialty_id,
		    h->at.level);
		return;
	}
	scope_text(it, "skill", k != NULL && k->name ? k->name :
	    h->at.skill_id);
	scope_list(it, "listed");
	for (i = 0; h->at.specialty_id == NULL &&
	    i < jt->standard->nspecialties; i++) {
		const struct specialty *sp = &jt->standard->specialties[i];

		if (S_std_entry(sp, h->at.skill_id) != NULL)
			scope_text(scope_item(it, "listed"), "name",
			    sp->name != NULL ? sp->name : "");
	}
}

/* Adds rename r of jt to list "renames" of g: the standard's name and
 * the company's. */
static void
S_rename(struct builder *b, struct scope *g, const struct jobtype *jt,
    const struct tailor_rename *r)
{
	struct scope *it = scope_item(g, "renames");
	const struct skill *std = S_find(jt->standard, r->at.skill_id);

	S_where(b, it, &r->at.pos);
	S_skill(b, it, jt, &r->at);
	scope_text(it, "standard", r->standard != NULL ? r->standard :
	    std != NULL && std->name != NULL ? std->name : "");
	scope_text(it, "name", r->name != NULL ? r->name : "");
}

/* Adds the n knowledge items at v to list of s, each {text}. */
static void
S_items(struct scope *s, const char *list, const struct knowledge *v,
    size_t n)
{
	size_t i;

	scope_list(s, list);
	for (i = 0; i < n; i++)
		scope_text(scope_item(s, list), "text", v[i].text ? v[i].text :
		    "");
}

/* Adds company skill cs of jt to list "company-skills" of g: its name,
 * specialty, knowledge items, level texts and its pages. */
static void
S_company_skill(struct builder *b, struct scope *g, const struct jobtype *jt,
    const struct company_skill *cs)
{
	struct scope *it = scope_item(g, "company-skills"), *lv;
	const struct skill *k = S_find(jt, cs->skill->id);
	size_t i;

	S_where(b, it, &cs->skill->pos);
	S_specialty(b, it, jt, cs->specialty_id);
	scope_text(it, "name", cs->skill->name ? cs->skill->name : "");
	S_items(it, "knowledge", cs->skill->knowledge, cs->skill->nknowledge);
	scope_list(it, "levels");
	for (i = 0; i < cs->nlevels; i++) {
		if (cs->levels[i].markdown == NULL)
			continue;
		lv = scope_item(it, "levels");
		scope_text(lv, "label", page_level_label(b,
		    cs->levels[i].value));
		page_markdown(b, lv, "html", cs->levels[i].markdown);
	}
	scope_list(it, "pages");
	for (i = 0; k != NULL && k->from != NULL && i < k->nuses; i++)
		page_link(b, it, "pages", b->self, k->uses[i].specialty->name,
		    path_skill(&b->arena, jt->id, k->uses[i].specialty->id,
		    k->id), NULL);
}

/* Adds knowledge addition x of jt to list "knowledge" of g: the skill,
 * the standard's items of it and the items added. */
static void
S_knowledge(struct builder *b, struct scope *g, const struct jobtype *jt,
    const struct tailor_knowledge *x)
{
	struct scope *it = scope_item(g, "knowledge");
	const struct skill *std = S_find(jt->standard, x->at.skill_id);

	S_where(b, it, &x->at.pos);
	S_skill(b, it, jt, &x->at);
	S_items(it, "standard-items", std != NULL ? std->knowledge : NULL,
	    std != NULL ? std->nknowledge : 0);
	S_items(it, "items", x->items, x->nitems);
}

/* Adds level text x of jt to list "texts" of g: the skill, specialty
 * and level, the standard's texts of the level and the company's. */
static void
S_text(struct builder *b, struct scope *g, const struct jobtype *jt,
    const struct tailor_text *x)
{
	struct scope *it = scope_item(g, "texts");

	S_where(b, it, &x->at.pos);
	S_skill(b, it, jt, &x->at);
	S_specialty(b, it, jt, x->at.specialty_id);
	scope_text(it, "level", page_level_label(b, x->at.level));
	S_std_texts(b, it, jt, x->at.skill_id, x->at.specialty_id,
	    x->at.level);
	page_markdown(b, it, "meaning", x->meaning);
	page_markdown(b, it, "evidence", x->evidence);
}

/* Adds resource r of jt to list "resources" of g: the skill, specialty
 * and level it is for, its kind, title, address and hours. */
static void
S_resource(struct builder *b, struct scope *g, const struct jobtype *jt,
    const struct resource *r)
{
	struct scope *it = scope_item(g, "resources");

	S_where(b, it, &r->at.pos);
	S_skill(b, it, jt, &r->at);
	S_specialty(b, it, jt, r->at.specialty_id);
	scope_text(it, "level", page_level_label(b, r->at.level));
	scope_text(it, "kind", page_resource_kind(b, r->kind));
	scope_text(it, "title", r->title != NULL ? r->title : "");
	scope_text(it, "href", r->href != NULL ? r->href : "");
	page_markdown(b, it, "link", r->href != NULL ? r->title : NULL);
	scope_text(it, "hours", r->hours != NULL ? r->hours : "");
}

/* Adds role r of jt to list "roles" of g: its name, linked to its page
 * ("" when it has none), its specialty and how many targets it sets. */
static void
S_role(struct builder *b, struct scope *g, const struct jobtype *jt,
    const struct role *r)
{
	struct scope *it = scope_item(g, "roles");

	S_where(b, it, &r->pos);
	S_specialty(b, it, jt, r->specialty_id);
	scope_text(it, "name", r->name != NULL ? r->name : "");
	scope_text(it, "href", r->specialty != NULL && r->id != NULL ?
	    path_href(&b->arena, b->self, path_role(&b->arena, jt->id,
	    r->id), NULL) : "");
	scope_text(it, "targets", arena_printf(&b->arena, "%zu",
	    r->ntargets));
}

/* Sets field name of s to n as digits, or "" when it is 0. */
static void
S_count(struct builder *b, struct scope *s, const char *name, size_t n)
{
	scope_text(s, name, n > 0 ? arena_printf(&b->arena, "%zu", n) : "");
}

/* Adds to list "contents" of s the line of tailoring t of jt: its
 * name, link, file and how many operations of each kind it has. */
static void
S_contents(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct tailoring *t)
{
	struct scope *it = scope_item(s, "contents");

	scope_text(it, "name", t->name != NULL ? t->name : t->id);
	scope_text(it, "href", arena_printf(&b->arena, "#%s",
	    page_tailoring_anchor(b, jt, t)));
	S_where(b, it, &t->pos);
	S_count(b, it, "hides", t->nhides);
	S_count(b, it, "renames", t->nrenames);
	S_count(b, it, "company-skills", t->nskills);
	S_count(b, it, "knowledge", t->nknowledge);
	S_count(b, it, "texts", t->ntexts);
	S_count(b, it, "resources", t->nresources);
	S_count(b, it, "roles", t->nroles);
}

/* Adds to list "tailorings" of s the group of tailoring t of jt: its
 * name, anchor, file and summary, then its operations by kind. */
static void
S_group(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct tailoring *t)
{
	struct scope *g = scope_item(s, "tailorings");
	static const char *const lists[] = { "hidden-skills", "hidden-levels",
	    "renames", "company-skills", "knowledge", "texts", "resources",
	    "roles" };
	size_t i;

	scope_text(g, "name", t->name != NULL ? t->name : t->id);
	scope_text(g, "anchor", page_tailoring_anchor(b, jt, t));
	S_where(b, g, &t->pos);
	page_markdown(b, g, "summary", t->summary);
	for (i = 0; i < sizeof(lists) / sizeof(*lists); i++)
		scope_list(g, lists[i]);
	for (i = 0; i < t->nhides; i++)
		S_hide(b, g, jt, &t->hides[i]);
	for (i = 0; i < t->nrenames; i++)
		S_rename(b, g, jt, &t->renames[i]);
	for (i = 0; i < t->nskills; i++)
		S_company_skill(b, g, jt, &t->skills[i]);
	for (i = 0; i < t->nknowledge; i++)
		S_knowledge(b, g, jt, &t->knowledge[i]);
	for (i = 0; i < t->ntexts; i++)
		S_text(b, g, jt, &t->texts[i]);
	for (i = 0; i < t->nresources; i++)
		S_resource(b, g, jt, &t->resources[i]);
	for (i = 0; i < t->nroles; i++)
		S_role(b, g, jt, &t->roles[i]);
}

void
pages_tailoring(struct builder *b, const struct jobtype *jt)
{
	struct page_at at = { jt, NULL, NULL, 0 };
	struct scope *s;
	size_t i;

	if (jt->ntailorings == 0 || jt->standard == NULL)
		return;
	s = page_begin(b, PAGE_TAILORING, &at);
	scope_text(s, "jobtype", jt->name);
	scope_text(s, "jobtype-href", path_href(&b->arena, b->self, PATH_HOME,
	    page_jobtype_anchor(b, jt)));
	scope_list(s, "contents");
	scope_list(s, "tailorings");
	for (i = 0; i < jt->ntailorings; i++) {
		S_contents(b, s, jt, jt->tailorings[i]);
		S_group(b, s, jt, jt->tailorings[i]);
	}
	page_emit(b, PAGE_TAILORING, s);
}
