/* page_map.c: the skill map of a specialty: every skill by every level
 * the job type defines, each cell the words that set its level apart (as
 * the specialty page's matrix), laid out by map.css to print on one A4
 * landscape page; see page.h. */
#include "page.h"

#include "paths.h"

/* Adds to list "map-groups" of s the group of the skills of sp of scope
 * sc, labelled, each a row of the map {name, its source
 * (page_skill_source()), cells}; none when sp has no such skill.  As
 * page_matrix_map() makes them, with the skill's source: the names of a
 * tailored job type's map tell the company's from the standard's. */
static void
S_group(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, enum skill_scope sc)
{
	struct scope *group = NULL;
	size_t i;

	for (i = 0; i < sp->nentries; i++) {
		const struct entry *e = &sp->entries[i];
		struct scope *row;

		if (e->skill->scope != sc)
			continue;
		if (group == NULL) {
			group = scope_item(s, "map-groups");
			scope_text(group, "label", page_scope_label(b, sc));
			scope_list(group, "rows");
		}
		row = scope_item(group, "rows");
		scope_text(row, "name", e->skill->name);
		page_skill_source(b, row, e->skill);
		page_matrix_cells(b, row, jt, sp, e, NULL);
	}
}

/* Fills s with the map of sp of jt: list "map-levels" (each level jt
 * defines, {label}) and list "map-groups" (S_group()): the common
 * skills, then the specialty's own. */
static void
S_map(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	int n;

	scope_list(s, "map-levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		scope_text(scope_item(s, "map-levels"), "label",
		    page_level_label(b, n));
	scope_list(s, "map-groups");
	S_group(b, s, jt, sp, SCOPE_COMMON);
	S_group(b, s, jt, sp, SCOPE_SPECIFIC);
}

void
pages_map(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct page_at at = { jt, sp, NULL, 0 };
	struct scope *s = page_begin(b, PAGE_MAP, &at);
	const char *self = b->self;

	page_stylesheet(b, s, self, PATH_MAP_STYLE, "all");
	page_print_fields(b, s, jt, sp);
	scope_text(s, "handbook-href", path_href(&b->arena, self,
	    path_handbook(&b->arena, sp->id, "html"), NULL));
	scope_text(s, "pdf-href", page_map_href(b, sp, "pdf"));
	S_map(b, s, jt, sp);
	page_emit(b, PAGE_MAP, s);
}
