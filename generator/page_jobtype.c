/* page_jobtype.c: the pages of a job type itself: its knowledge-item
 * index and the comparison of each common skill across its specialties;
 * see page.h. */
#include "page.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diff.h"
#include "paths.h"

/* A knowledge item's place: which skill lists it, at which position. */
struct listing {
	const char	*text;
	size_t		 skill;
	size_t		 item;
};

/* Orders listings by text, then by where they stand. */
static int
S_listing_cmp(const void *a, const void *b)
{
	const struct listing *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	if (c != 0)
		return c;
	if (x->skill != y->skill)
		return x->skill < y->skill ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

/* Orders groups (their first listing) by where they first stand. */
static int
S_first_cmp(const void *a, const void *b)
{
	const struct listing *x = *(const struct listing *const *)a;
	const struct listing *y = *(const struct listing *const *)b;

	if (x->skill != y->skill)
		return x->skill < y->skill ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

/* Adds to item scope it the skills of the listings [g, end) (one text),
 * each with links to its page in the specialties that have it (see
 * page_uses()). */
static void
S_listers(struct builder *b, struct scope *it, const struct jobtype *jt,
    const struct listing *g, const struct listing *end)
{
	scope_list(it, "skills");
	for (; g < end; g++) {
		const struct skill *k = &jt->skills[g->skill];
		struct scope *k_s;

		if (g + 1 < end && g[1].skill == g->skill)
			continue;	/* listed twice: reported by resolve */
		k_s = scope_item(it, "skills");
		scope_text(k_s, "name", k->name);
		page_uses(b, k_s, "specialties", "more-label", "more-href", jt,
		    k, NULL);
	}
}

/* Returns every knowledge item of jt's skills, sorted by text then
 * place (malloc'd); sets *n. */
static struct listing *
S_listings(const struct jobtype *jt, size_t *n)
{
	struct listing *v;
	size_t k, i;

	for (*n = 0, k = 0; k < jt->nskills; k++)
		*n += jt->skills[k].nknowledge;
	v = xcalloc(*n, sizeof(*v));
	for (*n = 0, k = 0; k < jt->nskills; k++)
		for (i = 0; i < jt->skills[k].nknowledge; i++, (*n)++) {
			v[*n].text = jt->skills[k].knowledge[i].text;
			v[*n].skill = k;
			v[*n].item = i;
		}
	if (*n > 1)
		qsort(v, *n, sizeof(*v), S_listing_cmp);
	return v;
}

/* The knowledge-item index of jt: every item once, with the skills that
 * list it, in the order the skills first list them. */
static void
S_knowledge(struct builder *b, const struct jobtype *jt)
{
	struct page_at at = { jt, NULL, NULL, 0 };
	struct scope *s = page_begin(b, PAGE_KNOWLEDGE, &at);
	struct listing *v, **groups;
	size_t i, n, ng = 0;

	scope_text(s, "jobtype", jt->name);
	scope_list(s, "items");
	v = S_listings(jt, &n);
	groups = xcalloc(n, sizeof(*groups));
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(v[i].text, v[i - 1].text) != 0)
			groups[ng++] = &v[i];
	if (ng > 1)
		qsort(groups, ng, sizeof(*groups), S_first_cmp);
	for (i = 0; i < ng; i++) {
		const struct listing *end = groups[i];
		struct scope *it = scope_item(s, "items");

		while (end < v + n && strcmp(end->text, groups[i]->text) == 0)
			end++;
		scope_text(it, "text", groups[i]->text);
		scope_text(it, "anchor", jt->skills[groups[i]->skill].
		    knowledge[groups[i]->item].anchor);
		S_listers(b, it, jt, groups[i], end);
	}
	free(groups);
	free(v);
	page_emit(b, PAGE_KNOWLEDGE, s);
}

/* Adds the segments of a compared text to list "segments" of s, each
 * {text, differs, break}. */
static void
S_segments(struct builder *b, struct scope *s, const struct segment *sg)
{
	static const enum page_mark flags[] = { MARK_DIFFERS };

	scope_list(s, "segments");
	for (; sg != NULL; sg = sg->next)
		page_marked(b, s, "segments", sg->text, flags, 1,
		    sg->differs ? MARK_DIFFERS : -1);
}

/* Adds the row of level n to comparison page s of common skill k: a
 * cell per specialty of jt, its description with the differing words
 * marked; texts has room for a text per specialty. */
static void
S_compare_row(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct skill *k, int n, const char **texts)
{
	struct scope *row = scope_item(s, "rows"), *cell;
	struct segment **segs;
	size_t i;

	scope_text(row, "label", page_level_label(b, n));
	scope_list(row, "cells");
	memset(texts, 0, jt->nspecialties * sizeof(*texts));
	for (i = 0; i < k->nuses; i++) {
		const char *text = entry_level_text(k->uses[i].entry, n);

		if (text != NULL)
			texts[k->uses[i].index] = page_plain(b, text);
	}
	segs = diff_marks(&b->arena, texts, jt->nspecialties);
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];

		cell = scope_item(row, "cells");
		scope_flag(cell, "defined", texts[i] != NULL);
		scope_text(cell, "specialty", sp->name);
		scope_text(cell, "skill-href", path_href(&b->arena, b->self,
		    path_skill(&b->arena, jt->id, sp->id, k->id),
		    path_level_anchor(&b->arena, n)));
		scope_text(cell, "level-href", texts[i] ? path_href(&b->arena,
		    b->self, path_level(&b->arena, jt->id, sp->id, n), NULL) :
		    "");
		S_segments(b, cell, segs[i]);
	}
}

/* The comparison page of common skill k: its description in every
 * specialty, level by level (the levels jt defines), the differing words
 * marked. */
static void
S_compare(struct builder *b, const struct jobtype *jt, const struct skill *k)
{
	struct page_at at = { jt, NULL, k, 0 };
	struct scope *s = page_begin(b, PAGE_COMPARE, &at);
	const char **texts = xcalloc(jt->nspecialties + 1, sizeof(*texts));
	size_t i;
	int n;

	scope_text(s, "name", k->name);
	scope_list(s, "specialties");
	for (i = 0; i < jt->nspecialties; i++)
		page_link(b, s, "specialties", b->self, jt->specialties[i].name,
		    path_specialty(&b->arena, jt->id, jt->specialties[i].id),
		    NULL);
	scope_list(s, "rows");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		S_compare_row(b, s, jt, k, n, texts);
	free(texts);
	page_emit(b, PAGE_COMPARE, s);
}

void
pages_jobtype(struct builder *b, const struct jobtype *jt)
{
	size_t i;

	S_knowledge(b, jt);
	for (i = 0; i < jt->nskills; i++)
		if (jt->skills[i].scope == SCOPE_COMMON)
			S_compare(b, jt, &jt->skills[i]);
}
