/* page_skill.c: the page of a skill in a specialty: its levels, what
 * changes from one to the next, its knowledge items, the other
 * specialties that have it; see page.h. */
#include "page.h"

#include "diff.h"
#include "paths.h"

/* Sets prev-/next- fields of s for the neighbours of entry i of sp
 * (flags prev-company and next-company: a company skill's). */
static void
S_neighbours(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, size_t i)
{
	const struct skill *prev = i > 0 ? sp->entries[i - 1].skill : NULL;
	const struct skill *next = i + 1 < sp->nentries ?
	    sp->entries[i + 1].skill : NULL;

	scope_flag(s, "prev-company", prev != NULL && prev->from != NULL);
	scope_flag(s, "next-company", next != NULL && next->from != NULL);
	scope_text(s, "prev-name", prev ? prev->name : "");
	scope_text(s, "prev-href", prev ? path_href(&b->arena, b->self,
	    path_skill(&b->arena, jt->id, sp->id, prev->id), NULL) : "");
	scope_text(s, "next-name", next ? next->name : "");
	scope_text(s, "next-href", next ? path_href(&b->arena, b->self,
	    path_skill(&b->arena, jt->id, sp->id, next->id), NULL) : "");
}

/* Adds list name of s: the segments of one side of a row of a change,
 * each {text, break, same, differs}. */
static void
S_side(struct builder *b, struct scope *s, const char *name,
    const struct segment *sg)
{
	static const enum page_mark flags[] = { MARK_SAME, MARK_DIFFERS };

	scope_list(s, name);
	for (; sg != NULL; sg = sg->next)
		page_marked(b, s, name, sg->text, flags, 2, sg->differs ?
		    MARK_DIFFERS : MARK_SAME);
}

/* Adds list "rows" to change c: the two texts aligned by phrase, each
 * row {shared, before, after}. */
static void
S_rows(struct builder *b, struct scope *c, const char *from, const char *to,
    const struct diff_piece *pieces)
{
	const struct diff_row *r;
	struct scope *row;

	scope_list(c, "rows");
	for (r = diff_rows_of(&b->arena, from, to, pieces); r != NULL;
	    r = r->next) {
		row = scope_item(c, "rows");
		scope_flag(row, "shared", r->shared);
		S_side(b, row, "before", r->before);
		S_side(b, row, "after", r->after);
	}
}

/* Adds list "changes" to skill page s of entry e of sp of jt: for each level
 * the entry describes after the first, what changes from the level
 * before it that it describes: {from-label, from-href, to-label,
 * to-href, rows}. */
static void
S_changes(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e)
{
	const struct page_steps *st = page_steps(b, jt, sp, e);
	const char *prev = NULL;
	size_t i = 0;
	int n, from = 0;

	scope_list(s, "changes");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n), i++) {
		struct scope *c;

		if (st->plain[i] == NULL)
			continue;
		if (prev != NULL) {
			c = scope_item(s, "changes");
			scope_text(c, "from-label", page_level_label(b, from));
			scope_text(c, "from-href", path_href(&b->arena, "", "",
			    path_level_anchor(&b->arena, from)));
			scope_text(c, "to-label", page_level_label(b, n));
			scope_text(c, "to-href", path_href(&b->arena, "", "",
			    path_level_anchor(&b->arena, n)));
			S_rows(b, c, prev, st->plain[i], st->steps[i]);
		}
		prev = st->plain[i];
		from = n;
	}
}

/* Adds lists "knowledge" (each item flagged "company" when a tailoring
 * added it) and "levels" (each level jt defines, with what tailorings
 * give it: page_level_item()) of skill k of entry e of sp to page s. */
static void
S_items(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e)
{
	const struct skill *k = e->skill;
	size_t j;
	int n;

	scope_list(s, "knowledge");
	for (j = 0; j < k->nknowledge; j++) {
		const char *anchor = k->knowledge[j].anchor;
		struct scope *it = page_link(b, s, "knowledge", b->self,
		    k->knowledge[j].text, path_knowledge(&b->arena, jt->id),
		    anchor);

		scope_text(it, "anchor", anchor);
		scope_flag(it, "company", k->knowledge[j].from != NULL);
	}
	scope_list(s, "levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		int defined;
		struct scope *l_s = page_level_item(b, s, e, n,
		    path_level_anchor(&b->arena, n), &defined);

		scope_text(l_s, "level-href", defined ? path_href(&b->arena,
		    b->self, path_level(&b->arena, jt->id, sp->id, n), NULL) :
		    "");
	}
}

/* The page of entry i of specialty sp: a skill with all its levels. */
static void
S_skill(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp, size_t i)
{
	const struct entry *e = &sp->entries[i];
	const struct skill *k = e->skill;
	struct page_at at = { jt, sp, k, 0 };
	struct scope *s = page_begin(b, PAGE_SKILL, &at);

	scope_text(s, "name", k->name);
	page_skill_source(b, s, k);
	scope_text(s, "specialty", sp->name);
	scope_text(s, "scope", page_scope_label(b, k->scope));
	scope_flag(s, "common", k->scope == SCOPE_COMMON);
	scope_text(s, "compare-href", k->scope == SCOPE_COMMON ?
	    path_href(&b->arena, b->self, path_compare(&b->arena, jt->id,
	    k->id), NULL) : "");
	scope_text(s, "levels-defined", page_levels_defined(b, jt));
	S_items(b, s, jt, sp, e);
	S_changes(b, s, jt, sp, e);
	page_skill_notes(b, s, e);
	page_uses(b, s, "others", "others-more-label", "others-more-href", jt,
	    k, sp);
	S_neighbours(b, s, jt, sp, i);
	page_emit(b, PAGE_SKILL, s);
}

void
pages_skills(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		S_skill(b, jt, sp, i);
}
