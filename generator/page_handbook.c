/* page_handbook.c: the printable handbooks.  A specialty's: cover,
 * contents, its table of skills, its skill map, every skill (knowledge
 * items, levels, editorial notes), the note and the editorial notes.  A
 * job type's (handbooks/JOBTYPE.html): the same for every specialty at
 * once, with the common skills once, their descriptions side by side
 * and the words that differ between specialties marked (as the
 * comparison pages), then each specialty's own skills as a part of its
 * own.  Links are anchors within the page, but for those back to the
 * site; see page.h. */
#include "page.h"

#include <stdlib.h>

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

/* Adds item {name, href, part} to list "contents" of s: a link to
 * anchor, a part's heading when part is set. */
static void
S_content(struct builder *b, struct scope *s, const char *name,
    const char *anchor, int part)
{
	struct scope *it = page_link(b, s, "contents", "", name, "", anchor);

	scope_flag(it, "part", part);
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
 * specialty: name, anchor, scope, knowledge items and the skill's own
 * notes (list "notes", which the caller may extend). */
static void
S_skill_head(struct builder *b, struct scope *k_s, const struct skill *k,
    const char *anchor)
{
	size_t j;

	scope_text(k_s, "name", k->name);
	scope_text(k_s, "anchor", anchor);
	scope_text(k_s, "scope", page_scope_label(b, k->scope));
	scope_list(k_s, "knowledge");
	for (j = 0; j < k->nknowledge; j++)
		scope_text(scope_item(k_s, "knowledge"), "text",
		    k->knowledge[j].text);
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
	S_content(b, s, e->skill->name, anchor, 0);
}

/* The most specialties a compared skill's table gives a column each, on
 * a portrait page; with more, each level lists them one under another. */
#define COMPARED_COLUMNS_MAX	4

/* Adds to list "compared" of s the section of common skill k of jt: its
 * head, a column per specialty (a line each, past COMPARED_COLUMNS_MAX)
 * and a row per level jt defines, the words that differ between
 * specialties marked; its notes, then each specialty's, named; and its
 * link to the contents. */
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
	}
	free(texts);
	S_content(b, s, k->name, anchor, 0);
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
		page_link(b, area, "skills", "", k->name, "", S_anchor(b,
		    whole ? sp : NULL, k->id, 0));
	}
}

/* Adds the skill map of sp of jt to list "maps" of s: its anchor, link,
 * specialty and whether the contents name it (in a job type's handbook,
 * whole), and the map itself (page_matrix_map()). */
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
	scope_list(s, "notes");
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
		S_content(b, s, heading, anchor, 1);
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
			    S_anchor(b, NULL, k->id, 0), 1);
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
	S_compared_all(b, s, jt);
	for (i = 0; i < jt->nspecialties; i++)
		S_part_of(b, s, jt, &jt->specialties[i]);
	for (i = 0; i < jt->nspecialties; i++)
		S_notes(b, s, &jt->specialties[i].notes, &jt->specialties[i]);
	page_emit(b, PAGE_HANDBOOK, s);
}
