/* page_handbook.c: the printable handbook of a specialty: cover,
 * contents, overview, every skill (its knowledge items, levels and
 * editorial notes), the note and the job type's and specialty's
 * editorial notes.  Its links are anchors within it, but for those back
 * to the site; see page.h. */
#include "page.h"

#include "paths.h"

/* Returns "prefix-id" (and ".level-N" when n > 0), an anchor of the
 * handbook, in the builder's arena.  IDs hold no ".", so no skill's
 * anchor is another's level ("a" at level 3, and skill "a-level-3"). */
static const char *
S_anchor(struct builder *b, const char *prefix, const char *id, int n)
{
	return n > 0 ? arena_printf(&b->arena, "%s-%s.level-%d", prefix, id, n) :
	    arena_printf(&b->arena, "%s-%s", prefix, id);
}

/* Adds the section of entry e to list "skills" of s, and its link to
 * the contents. */
static void
S_skill(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct entry *e)
{
	const struct skill *k = e->skill;
	struct scope *k_s = scope_item(s, "skills");
	size_t j;
	int n, defined;

	scope_text(k_s, "name", k->name);
	scope_text(k_s, "anchor", S_anchor(b, "skill", k->id, 0));
	scope_text(k_s, "href", path_href(&b->arena, "", "",
	    S_anchor(b, "skill", k->id, 0)));
	scope_text(k_s, "scope", page_scope_label(b, k->scope));
	scope_list(k_s, "knowledge");
	for (j = 0; j < k->nknowledge; j++)
		scope_text(scope_item(k_s, "knowledge"), "text",
		    k->knowledge[j].text);
	scope_list(k_s, "levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		page_level_item(b, k_s, e, n, S_anchor(b, "skill", k->id, n),
		    &defined);
	page_skill_notes(b, k_s, e);
	page_link(b, s, k->scope == SCOPE_COMMON ? "common-skills" :
	    "specific-skills", "", k->name, "", S_anchor(b, "skill", k->id, 0));
}

/* Sets the fields of handbook page s of sp of jt but its sections. */
static void
S_fields(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	const char *self = b->self;

	page_stylesheet(b, s, self, PATH_HANDBOOK_STYLE, "print");
	page_print_fields(b, s, jt, sp);
	scope_text(s, "pdf-href", page_pdf_href(b, sp));
	scope_text(s, "levels-defined", page_levels_defined(b, jt));
}

void
pages_handbook(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct page_at at = { jt, sp, NULL, 0 };
	struct scope *s = page_begin(b, PAGE_HANDBOOK, &at);
	size_t i;

	S_fields(b, s, jt, sp);
	page_stylesheet(b, s, b->self, PATH_MAP_STYLE, "all");
	page_matrix_map(b, s, jt, sp);	/* the skill map, after the overview */
	scope_list(s, "common-skills");
	scope_list(s, "specific-skills");
	scope_list(s, "skills");
	for (i = 0; i < sp->nentries; i++)
		S_skill(b, s, jt, &sp->entries[i]);
	page_markdown(b, s, "annotation", jt->annotation);
	scope_list(s, "notes");
	page_notes(b, s, "notes", &jt->notes);
	page_notes(b, s, "notes", &sp->notes);
	page_emit(b, PAGE_HANDBOOK, s);
}
