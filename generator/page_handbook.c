/* page_handbook.c: the printable handbooks.  A specialty's: cover,
 * contents, its table of skills, its skill map, every skill (knowledge
 * items, levels, editorial notes), the note and the editorial notes.  A
 * job type's (handbooks/JOBTYPE.html): the same for every specialty at
 * once, with the common skills once, their descriptions side by side
 * and the words that differ between specialties marked (as the
 * comparison pages), then each specialty's own skills as a part of its
 * own.  Links are anchors within the page, but for those back to the
 * site; see page.h.  A tailored job type's handbooks are the company's
 * edition: they name its tailorings, mark what the company adds (the
 * flags of page_skill_source() and page_level_company()), and list the
 * roles of the specialty (of every specialty, the job type's) with their
 * targets. */
#include "page.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "paths.h"

/* Returns the anchor of skill id in the handbook ("skill-ID"), of its
 * section in part sp ("skill-SP_ID") when sp is not NULL, and of its
 * level n (".level-N") when n > 0, in the builder's arena.  IDs hold
 * neither "_" nor ".", so no anchor is another's. */
static const char *
S_anchor(struct builder *b, const struct specialty *sp, const char *id,
    int n)
{
	const char *a = sp != NULL ? arena_printf(&b->arena, "skill-%s_%s",
	    sp->id, id) : arena_printf(&b->arena, "skill-%s", id);

	return n > 0 ? arena_printf(&b->arena, "%s.level-%d", a, n) : a;
}

/* Adds item {name, href, part, company-skill} to list "contents" of s: a
 * link to anchor, a part's heading when k is NULL, else skill k's. */
static void
S_content(struct builder *b, struct scope *s, const char *name,
    const char *anchor, const struct skill *k)
{
	struct scope *it = page_link(b, s, "contents", "", name, "", anchor);

	scope_flag(it, "part", k == NULL);
	scope_flag(it, "company-skill", k != NULL && k->from != NULL);
}

/* Adds notes ns to list "notes" of s, each {html, specialty}, naming
 * specialty sp (none when NULL). */
static void
S_notes(struct builder *b, struct scope *s, const struct notes *ns,
    const struct specialty *sp)
{
	size_t i;

	for (i = 0; i < ns->n; i++) {
		struct scope *it = scope_item(s, "notes");

		page_markdown(b, it, "html", ns->v[i].markdown);
		scope_text(it, "specialty", sp != NULL ? sp->name : "");
	}
}

/* Sets the fields of skill k's section k_s that do not depend on a
 * specialty: name, anchor, scope, whose it is (page_skill_source()),
 * knowledge items (each marked when a tailoring added it) and the
 * skill's own notes (list "notes", which the caller may extend). */
static void
S_skill_head(struct builder *b, struct scope *k_s, const struct skill *k,
    const char *anchor)
{
	size_t j;

	scope_text(k_s, "name", k->name);
	scope_text(k_s, "anchor", anchor);
	scope_text(k_s, "scope", page_scope_label(b, k->scope));
	page_skill_source(b, k_s, k);
	scope_list(k_s, "knowledge");
	for (j = 0; j < k->nknowledge; j++) {
		struct scope *it = scope_item(k_s, "knowledge");

		scope_text(it, "text", k->knowledge[j].text);
		scope_flag(it, "company", k->knowledge[j].from != NULL);
	}
	scope_list(k_s, "notes");
	S_notes(b, k_s, &k->notes, NULL);
}

/* Adds the section of entry e of sp to list "skills" of part p_s and its
 * link to the contents of s; in a job type's handbook (whole set) its
 * anchors are those of sp's part. */
static void
S_skill(struct builder *b, struct scope *s, struct scope *p_s,
    const struct jobtype *jt, const struct specialty *sp,
    const struct entry *e, int whole)
{
	const struct specialty *part = whole ? sp : NULL;
	const char *anchor = S_anchor(b, part, e->skill->id, 0);
	struct scope *k_s = scope_item(p_s, "skills");
	int n, defined;

	S_skill_head(b, k_s, e->skill, anchor);
	scope_text(k_s, "level", whole ? "3" : "2");	/* under a part's h2 */
	scope_text(k_s, "sublevel", whole ? "4" : "3");
	scope_text(k_s, "notelevel", whole ? "5" : "4");
	S_notes(b, k_s, &e->notes, NULL);
	scope_list(k_s, "levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		page_level_item(b, k_s, e, n, S_anchor(b, part, e->skill->id,
		    n), &defined);
	S_content(b, s, e->skill->name, anchor, e->skill);
}

/* The most specialties a compared skill's table gives a column each, on
 * a portrait page; with more, each level lists them one under another. */
#define COMPARED_COLUMNS_MAX	4

/* Returns whether levels a and b (either may be NULL) carry the same of
 * what tailorings give a level: hidden or not, the same company text,
 * the same resources. */
static int
S_same_company(const struct level *a, const struct level *b)
{
	size_t i, n = a != NULL ? a->nresources : 0;

	if ((a != NULL && a->hidden_by != NULL) !=
	    (b != NULL && b->hidden_by != NULL) ||
	    (a != NULL ? a->company : NULL) != (b != NULL ? b->company : NULL)
	    || n != (b != NULL ? b->nresources : 0))
		return 0;
	for (i = 0; i < n; i++)
		if (a->resources[i] != b->resources[i])
			return 0;
	return 1;
}

/* Returns whether a tailoring gives level lv (NULL: none) company text
 * or resources, or hides it when hidden counts. */
static int
S_has_company(const struct level *lv, int hidden)
{
	return lv != NULL && ((hidden && lv->hidden_by != NULL) ||
	    lv->company != NULL || lv->nresources > 0);
}

/* Adds to list "company-cells" of row a cell for the specialties of jt
 * from to to (excluded), whose level is lv (NULL: none): their names, the
 * columns it spans and what tailorings give lv (page_level_company()). */
static void
S_company_cell(struct builder *b, struct scope *row, const struct jobtype *jt,
    size_t from, size_t to, const struct level *lv)
{
	struct scope *c = scope_item(row, "company-cells");
	const char **v = arena_calloc(&b->arena, to - from + 1, sizeof(*v));
	size_t i;

	for (i = from; i < to; i++)
		v[i - from] = jt->specialties[i].name;
	scope_text(c, "specialties", page_join(b, v, to - from));
	scope_text(c, "span", arena_printf(&b->arena, "%zu", to - from));
	page_level_company(b, c, lv);
}

/* Adds to row, the row of level n of common skill k of jt compared,
 * flag "all-hidden" when tailorings hide the level in every specialty
 * that lists k (a cell spanning "columns" says so), and what they give
 * the level in each specialty: list "company-cells", empty when they give
 * it nothing (but for hiding it everywhere), else a cell per run of
 * specialties given the same (past COMPARED_COLUMNS_MAX, the runs given
 * something only). */
static void
S_compared_company(struct builder *b, struct scope *row,
    const struct jobtype *jt, const struct skill *k, int n)
{
	const struct level **lv = xcalloc(jt->nspecialties + 1, sizeof(*lv));
	size_t i, j, given = 0, hidden = 0, listed = 0;
	int all;

	for (i = 0; i < k->nuses; i++)
		lv[k->uses[i].index] = entry_find_level(k->uses[i].entry, n);
	for (i = 0; i < jt->nspecialties; i++) {
		hidden += lv[i] != NULL && lv[i]->hidden_by != NULL;
		listed += lv[i] != NULL;
	}
	all = hidden > 0 && hidden == listed;
	for (i = 0; i < jt->nspecialties; i++)
		given += S_has_company(lv[i], !all);
	scope_flag(row, "all-hidden", all);
	scope_text(row, "columns", arena_printf(&b->arena, "%zu",
	    jt->nspecialties));
	scope_list(row, "company-cells");
	for (i = 0; given > 0 && i < jt->nspecialties; i = j) {
		for (j = i + 1; j < jt->nspecialties &&
		    S_same_company(lv[i], lv[j]); j++)
			;
		if (S_has_company(lv[i], !all) ||
		    jt->nspecialties <= COMPARED_COLUMNS_MAX)
			S_company_cell(b, row, jt, i, j, lv[i]);
	}
	free(lv);
}

/* Adds to list "compared" of s the section of common skill k of jt: its
 * head, a column per specialty (a line each, past COMPARED_COLUMNS_MAX)
 * and a row per level jt defines, the words that differ between
 * specialties marked, with what tailorings give it below
 * (S_compared_company()); its notes, then each specialty's, named; and
 * its link to the contents. */
static void
S_compared(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct skill *k)
{
	const char *anchor = S_anchor(b, NULL, k->id, 0);
	const char **texts = xcalloc(jt->nspecialties + 1, sizeof(*texts));
	struct scope *k_s = scope_item(s, "compared"), *row;
	size_t i;
	int n;

	S_skill_head(b, k_s, k, anchor);
	scope_text(k_s, "layout", jt->nspecialties > COMPARED_COLUMNS_MAX ?
	    "stacked" : "columns");
	for (i = 0; i < k->nuses; i++)
		S_notes(b, k_s, &k->uses[i].entry->notes, k->uses[i].specialty);
	scope_list(k_s, "specialties");
	for (i = 0; i < jt->nspecialties; i++)
		scope_text(scope_item(k_s, "specialties"), "name",
		    jt->specialties[i].name);
	scope_list(k_s, "rows");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		row = page_compare_row(b, k_s, jt, k, n, texts, 0);
		scope_text(row, "anchor", S_anchor(b, NULL, k->id, n));
		S_compared_company(b, row, jt, k, n);
	}
	free(texts);
	S_content(b, s, k->name, anchor, k);
}

/* Adds to list "areas" of s the row of the table of skills for the
 * skills of scope sc of sp (of every specialty when sp is NULL), each
 * linked to its section (in sp's part when whole), under sp's name, or
 * "all specialties" for the common skills as the source prints them;
 * none when there are none. */
static void
S_area(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, enum skill_scope sc, int whole)
{
	struct scope *area = NULL;
	size_t i, n = sp != NULL ? sp->nentries : jt->nskills;

	for (i = 0; i < n; i++) {
		const struct skill *k = sp != NULL ? sp->entries[i].skill :
		    &jt->skills[i];

		if (k->scope != sc || (sp == NULL && k->nuses == 0))
			continue;
		if (area == NULL) {
			area = scope_item(s, "areas");
			scope_text(area, "scope", page_scope_label(b, sc));
			scope_text(area, "specialty", sc == SCOPE_SPECIFIC &&
			    sp != NULL ? sp->name : page_label(b,
			    LABEL_ALL_SPECIALTIES, NULL));
			scope_list(area, "skills");
		}
		scope_flag(page_link(b, area, "skills", "", k->name, "",
		    S_anchor(b, whole ? sp : NULL, k->id, 0)), "company-skill",
		    k->from != NULL);
	}
}

/* Adds the skill map of sp of jt to list "maps" of s: its anchor, link,
 * specialty and whether the contents name it (in a job type's handbook,
 * whole), and the map itself: "map-levels" (each level jt defines) and
 * "map-groups", the common skills then the specialty's own
 * (page_matrix_map()). */
static void
S_map(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, int whole)
{
	struct scope *m_s = scope_item(s, "maps");
	const char *anchor = whole ? arena_printf(&b->arena, "map-%s",
	    sp->id) : "map";

	scope_text(m_s, "anchor", anchor);
	scope_text(m_s, "href", path_href(&b->arena, "", "", anchor));
	scope_text(m_s, "specialty", sp->name);
	scope_flag(m_s, "named", whole);
	page_matrix_map(b, m_s, jt, sp);
}

/* Sets on handbook page s, of sp of jt (of jt as a whole when sp is
 * NULL), list "tailorings" (each {name}: those that apply to jt, in
 * order) and, when there are some, a document title that names them,
 * so that no copy of the company's edition passes for the standard's. */
static void
S_edition(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	const char *heading, *names;
	size_t i;

	scope_list(s, "tailorings");
	if (jt->ntailorings == 0)
		return;
	for (i = 0; i < jt->ntailorings; i++)
		scope_text(scope_item(s, "tailorings"), "name",
		    jt->tailorings[i]->name != NULL ?
		    jt->tailorings[i]->name : "");
	names = page_tailoring_names(b, jt);
	heading = page_label(b, LABEL_TITLE_HANDBOOK, &(struct label_args){
	    .specialty = sp != NULL ? sp->name : jt->name });
	scope_text(s, "title", page_label(b, LABEL_TITLE, &(struct label_args){
	    .page = arena_printf(&b->arena, "%s %s", heading, names),
	    .site = b->site_name }));
}

/* Adds target g of a role of sp to list "targets" of r_s: its skill's
 * name and whose it is (page_skill_source()), the level, the link to the
 * level's row (in sp's part of a job type's handbook, whole, for sp's
 * own skills) and the level's learning resources; none when sp does not
 * list the skill. */
static void
S_target(struct builder *b, struct scope *r_s, const struct specialty *sp,
    const struct role_target *g, int whole)
{
	const struct entry *e = g->skill != NULL ? specialty_entry(sp, g->skill) :
	    NULL;
	const struct level *lv = e != NULL ? entry_find_level(e, g->level) :
	    NULL;
	struct scope *t;

	if (e == NULL)
		return;
	t = scope_item(r_s, "targets");
	scope_text(t, "name", g->skill->name);
	page_skill_source(b, t, g->skill);
	scope_text(t, "level", page_level_label(b, g->level));
	scope_text(t, "href", path_href(&b->arena, "", "", S_anchor(b,
	    whole && g->skill->scope == SCOPE_SPECIFIC ? sp : NULL,
	    g->skill->id, g->level)));
	page_resources(b, t, "resources", lv != NULL ? lv->resources : NULL,
	    lv != NULL ? lv->nresources : 0);
}

/* Adds to list "roles" of s each role of jt's tailorings for sp, in
 * their order: its name, anchor and link, specialty, tailoring,
 * description and targets (S_target()). */
static void
S_roles(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, int whole)
{
	size_t i, j;

	for (i = 0; i < jt->nroles; i++) {
		const struct role *r = jt->roles[i];
		struct scope *r_s;
		const char *anchor;

		if (r->specialty == NULL || strcmp(r->specialty->id, sp->id) != 0)
			continue;
		r_s = scope_item(s, "roles");
		anchor = arena_printf(&b->arena, "role-%s", r->id);
		scope_text(r_s, "name", r->name);
		scope_text(r_s, "anchor", anchor);
		scope_text(r_s, "href", path_href(&b->arena, "", "", anchor));
		scope_text(r_s, "specialty", sp->name);
		scope_text(r_s, "from", r->from != NULL && r->from->name != NULL ?
		    r->from->name : "");
		page_markdown(b, r_s, "description", r->description);
		scope_list(r_s, "targets");
		for (j = 0; j < r->ntargets; j++)
			S_target(b, r_s, sp, &r->targets[j], whole);
	}
}

/* Returns handbook page s of jt (of handbook id) with the fields both
 * kinds share but their sections, and the lists those fill empty. */
static struct scope *
S_begin(struct builder *b, const struct page_at *at, const char *id)
{
	struct scope *s = page_begin(b, PAGE_HANDBOOK, at);

	page_stylesheet(b, s, b->self, PATH_HANDBOOK_STYLE, "print");
	page_stylesheet(b, s, b->self, PATH_MAP_STYLE, "all");
	scope_text(s, "pdf-href", page_pdf_href(b, id));
	scope_text(s, "levels-defined", page_levels_defined(b, at->jt));
	scope_list(s, "areas");
	scope_list(s, "maps");
	scope_list(s, "contents");
	scope_list(s, "compared");
	scope_list(s, "parts");
	scope_list(s, "roles");
	scope_list(s, "notes");
	S_edition(b, s, at->jt, at->sp);
	page_markdown(b, s, "annotation", at->jt->annotation);
	S_notes(b, s, &at->jt->notes, NULL);
	return s;
}

/* Adds a part to s, headed heading ("" for none) at anchor, its first
 * skill named first (for the running header of the page it starts);
 * returns it. */
static struct scope *
S_part(struct builder *b, struct scope *s, const char *heading,
    const char *anchor, const char *first)
{
	struct scope *p_s = scope_item(s, "parts");

	scope_text(p_s, "heading", heading);
	scope_text(p_s, "anchor", anchor);
	scope_text(p_s, "first-skill", first);
	scope_text(p_s, "scope", page_scope_label(b, SCOPE_SPECIFIC));
	scope_list(p_s, "skills");
	if (*heading != '\0')
		S_content(b, s, heading, anchor, NULL);
	return p_s;
}

void
pages_handbook(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct page_at at = { jt, sp, NULL, 0 };
	struct scope *s = S_begin(b, &at, sp->id), *p_s;
	size_t i;

	page_print_fields(b, s, jt, sp);
	scope_text(s, "kind", "specialty");
	S_area(b, s, jt, sp, SCOPE_COMMON, 0);
	S_area(b, s, jt, sp, SCOPE_SPECIFIC, 0);
	S_map(b, s, jt, sp, 0);
	S_roles(b, s, jt, sp, 0);
	p_s = S_part(b, s, "", "", "");
	for (i = 0; i < sp->nentries; i++)
		S_skill(b, s, p_s, jt, sp, &sp->entries[i], 0);
	S_notes(b, s, &sp->notes, NULL);
	page_emit(b, PAGE_HANDBOOK, s);
}

/* Adds the common skills of jt that some specialty lists to list
 * "compared" of s, headed in the contents by their scope. */
static void
S_compared_all(struct builder *b, struct scope *s, const struct jobtype *jt)
{
	size_t i, n = 0;

	for (i = 0; i < jt->nskills; i++) {
		const struct skill *k = &jt->skills[i];

		if (k->scope != SCOPE_COMMON || k->nuses == 0)
			continue;
		if (n++ == 0)
			S_content(b, s, page_scope_label(b, SCOPE_COMMON),
			    S_anchor(b, NULL, k->id, 0), NULL);
		S_compared(b, s, jt, k);
	}
}

/* Adds the part of sp's own skills to s, headed by its name; none when
 * it has none. */
static void
S_part_of(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct scope *p_s = NULL;
	size_t j;

	for (j = 0; j < sp->nentries; j++) {
		if (sp->entries[j].skill->scope != SCOPE_SPECIFIC)
			continue;
		if (p_s == NULL)
			p_s = S_part(b, s, sp->name, arena_printf(&b->arena,
			    "part-%s", sp->id), sp->entries[j].skill->name);
		S_skill(b, s, p_s, jt, sp, &sp->entries[j], 1);
	}
}

void
pages_handbook_jobtype(struct builder *b, const struct jobtype *jt)
{
	struct page_at at = { jt, NULL, NULL, 0 };
	struct scope *s = S_begin(b, &at, jt->id);
	size_t i;

	page_print_fields(b, s, jt, NULL);
	scope_text(s, "kind", "jobtype");
	S_area(b, s, jt, NULL, SCOPE_COMMON, 1);
	for (i = 0; i < jt->nspecialties; i++)
		S_area(b, s, jt, &jt->specialties[i], SCOPE_SPECIFIC, 1);
	for (i = 0; i < jt->nspecialties; i++)
		S_map(b, s, jt, &jt->specialties[i], 1);
	for (i = 0; i < jt->nspecialties; i++)
		S_roles(b, s, jt, &jt->specialties[i], 1);
	S_compared_all(b, s, jt);
	for (i = 0; i < jt->nspecialties; i++)
		S_part_of(b, s, jt, &jt->specialties[i]);
	for (i = 0; i < jt->nspecialties; i++)
		S_notes(b, s, &jt->specialties[i].notes, &jt->specialties[i]);
	page_emit(b, PAGE_HANDBOOK, s);
}
