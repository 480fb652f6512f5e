/* page_tailor.c: what tailorings add to a page, for every family of
 * pages: the legend, a skill's names, a level's company text and
 * learning resources; see page.h. */
#include "page.h"

#include "paths.h"

/* The label of each kind of learning resource. */
static const enum label S_kind_labels[RESOURCE__COUNT] = {
	LABEL_RESOURCE_TRAINING, LABEL_RESOURCE_EXAM, LABEL_RESOURCE_BOOK,
	LABEL_RESOURCE_ELEARNING, LABEL_RESOURCE_OJT
};

void
page_tailoring_fields(struct builder *b, struct scope *s,
    const struct jobtype *jt)
{
	const char *names = "", *sep = page_label(b, LABEL_LEVEL_JOIN, NULL);
	size_t i;

	if (jt == NULL || jt->ntailorings == 0) {
		scope_flag(s, "tailored", 0);
		scope_text(s, "tailoring-names", "");
		scope_text(s, "tailoring-href", "");
		return;
	}
	for (i = 0; i < jt->ntailorings; i++)
		names = arena_printf(&b->arena, "%s%s%s", names, i ? sep : "",
		    jt->tailorings[i]->name ? jt->tailorings[i]->name : "");
	scope_flag(s, "tailored", 1);
	scope_text(s, "tailoring-names", names);
	scope_text(s, "tailoring-href", path_href(&b->arena, b->self,
	    path_tailoring(&b->arena, jt->id), NULL));
}

void
page_skill_source(struct builder *b, struct scope *s, const struct skill *k)
{
	(void)b;
	scope_text(s, "standard-name", k->standard_name ? k->standard_name :
	    "");
	scope_flag(s, "company-skill", k->from != NULL);
}

const char *
page_resource_kind(struct builder *b, enum resource_kind k)
{
	return page_label(b, S_kind_labels[(unsigned)k < RESOURCE__COUNT ?
	    k : 0], NULL);
}

void
page_resources(struct builder *b, struct scope *s, const char *list,
    const struct resource *const *v, size_t n)
{
	size_t i;

	scope_list(s, list);
	for (i = 0; i < n; i++) {
		struct scope *r = scope_item(s, list);

		scope_text(r, "title", v[i]->title ? v[i]->title : "");
		scope_text(r, "kind", page_resource_kind(b, v[i]->kind));
		scope_text(r, "href", v[i]->href ? v[i]->href : "");
		scope_text(r, "hours", v[i]->hours ? v[i]->hours : "");
	}
}

void
page_level_company(struct builder *b, struct scope *s, const struct level *lv)
{
	const struct tailor_text *x = lv != NULL ? lv->company : NULL;

	scope_flag(s, "hidden", lv != NULL && lv->hidden_by != NULL);
	scope_flag(s, "company", x != NULL || (lv != NULL &&
	    lv->nresources > 0));
	page_markdown(b, s, "meaning", x != NULL ? x->meaning : NULL);
	page_markdown(b, s, "evidence", x != NULL ? x->evidence : NULL);
	page_resources(b, s, "resources", lv != NULL ? lv->resources : NULL,
	    lv != NULL ? lv->nresources : 0);
}
