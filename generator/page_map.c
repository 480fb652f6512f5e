/* page_map.c: the skill map of a specialty: every skill by every level
 * the job type defines, each cell the words that set its level apart (as
 * the specialty page's matrix), laid out by map.css to print on one A4
 * landscape page; see page.h. */
#include "page.h"

#include "paths.h"

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
	page_matrix_map(b, s, jt, sp);
	page_emit(b, PAGE_MAP, s);
}
