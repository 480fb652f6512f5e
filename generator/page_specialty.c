/* page_specialty.c: the page of a specialty (its skills and the skill x
 * level matrix) and its level pages (each skill's description at one
 * level); see page.h. */
#include "page.h"

#include "paths.h"

/* Adds list "levels" to specialty page s: each level jt defines, linked
 * to its page when sp describes it. */
static void
S_levels(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	int n;

	scope_list(s, "levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		struct scope *lv = scope_item(s, "levels");

		scope_text(lv, "label", page_level_label(b, n));
		scope_text(lv, "href", page_level_used(sp, n) ?
		    path_href(&b->arena, b->self, path_level(&b->arena, jt->id,
		    sp->id, n), NULL) : "");
	}
}

/* Adds entry e of sp to specialty page s: a link in its scope's list
 * and a row of the matrix, a cell per level jt defines. */
static void
S_row(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e)
{
	const char *self = b->self;
	const char *page = path_skill(&b->arena, jt->id, sp->id, e->skill->id);
	struct scope *row;
	int n;

	page_link(b, s, e->skill->scope == SCOPE_COMMON ? "common-skills" :
	    "specific-skills", self, e->skill->name, page, NULL);
	row = page_link(b, s, "rows", self, e->skill->name, page, NULL);
	scope_list(row, "cells");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		struct scope *cell = scope_item(row, "cells");
		int defined = entry_level_text(e, n) != NULL;

		scope_flag(cell, "defined", defined);
		scope_text(cell, "label", page_level_label(b, n));
		scope_text(cell, "href", defined ? path_href(&b->arena, self,
		    page, path_level_anchor(&b->arena, n)) : "");
	}
}

void
pages_specialty(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct page_at at = { jt, sp, NULL, 0 };
	struct scope *s = page_begin(b, PAGE_SPECIALTY, &at);
	const char *self = b->self;
	size_t i;

	scope_text(s, "jobtype", jt->name);
	scope_text(s, "handbook-href", path_href(&b->arena, self,
	    path_handbook(&b->arena, sp->id, "html"), NULL));
	scope_text(s, "assessment-href", path_href(&b->arena, self,
	    path_assessment(&b->arena, jt->id, sp->id), NULL));
	scope_text(s, "pdf-href", page_pdf_href(b, sp));
	scope_text(s, "levels-defined", page_levels_defined(b, jt));
	page_notes(b, s, "notes", &sp->notes);
	scope_list(s, "common-skills");
	scope_list(s, "specific-skills");
	S_levels(b, s, jt, sp);
	scope_list(s, "rows");
	for (i = 0; i < sp->nentries; i++)
		S_row(b, s, jt, sp, &sp->entries[i]);
	page_emit(b, PAGE_SPECIALTY, s);
}

/* Returns the nearest level from n in direction step (+1 or -1) that sp
 * describes, or 0. */
static int
S_next_level(const struct jobtype *jt, const struct specialty *sp, int n,
    int step)
{
	for (n += step; n >= jt->min_level && n <= jt->max_level; n += step)
		if (page_level_used(sp, n))
			return n;
	return 0;
}

/* Sets field prefix-label and prefix-href of s to level n's page, or to
 * "" when n is 0. */
static void
S_level_link(struct builder *b, struct scope *s, const char *prefix,
    const struct jobtype *jt, const struct specialty *sp, int n)
{
	/* field names outlive s: in the builder's arena */
	const char *label = arena_printf(&b->arena, "%s-label", prefix);
	const char *href = arena_printf(&b->arena, "%s-href", prefix);

	scope_text(s, label, n ? page_level_label(b, n) : "");
	scope_text(s, href, n ? path_href(&b->arena, b->self,
	    path_level(&b->arena, jt->id, sp->id, n), NULL) : "");
}

/* The page of level n in specialty sp: each skill's description. */
static void
S_level(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp, int n)
{
	struct page_at at = { jt, sp, NULL, n };
	struct scope *s = page_begin(b, PAGE_LEVEL, &at);
	size_t i;

	scope_text(s, "label", page_level_label(b, n));
	scope_text(s, "specialty", sp->name);
	scope_list(s, "entries");
	scope_list(s, "undefined");
	for (i = 0; i < sp->nentries; i++) {
		const struct entry *e = &sp->entries[i];
		const char *text = entry_level_text(e, n);
		const char *page = path_skill(&b->arena, jt->id, sp->id,
		    e->skill->id);

		if (text != NULL)
			page_markdown(b, page_link(b, s, "entries", b->self,
			    e->skill->name, page, path_level_anchor(&b->arena,
			    n)), "html", text);
		else
			page_link(b, s, "undefined", b->self, e->skill->name,
			    page, NULL);
	}
	S_level_link(b, s, "prev", jt, sp, S_next_level(jt, sp, n, -1));
	S_level_link(b, s, "next", jt, sp, S_next_level(jt, sp, n, +1));
	page_emit(b, PAGE_LEVEL, s);
}

void
pages_levels(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	int n;

	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		if (page_level_used(sp, n))
			S_level(b, jt, sp, n);
}
