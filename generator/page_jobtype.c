/* page_jobtype.c: the pages of a job type itself: its knowledge-item
 * index and the comparison of each common skill across its specialties;
 * see page.h. */
#include "page.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "paths.h"

/* The most other skills an item of the knowledge index names. */
#define OTHERS_SHOWN	8

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

/* Returns the id of the group of skill k on the knowledge index:
 * "skill-ID", which no item's anchor ("k-...") can be. */
static const char *
S_group_anchor(struct builder *b, const struct skill *k)
{
	return arena_printf(&b->arena, "skill-%s", k->id);
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
	v = xcalloc(*n + 1, sizeof(*v));
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

/* Returns the first of the listings among v[0..n) (sorted by text,
 * then place) of the text of item i of skill k, and sets *end past the
 * last. */
static const struct listing *
S_same_text(const struct listing *v, size_t n, const struct jobtype *jt,
    size_t k, size_t i, const struct listing **end)
{
	struct listing key = { jt->skills[k].knowledge[i].text, 0, 0 };
	const struct listing *g = v, *hi = v + n;

	while (g < hi) {	/* lower bound of the text */
		const struct listing *mid = g + (hi - g) / 2;

		if (strcmp(mid->text, key.text) < 0)
			g = mid + 1;
		else
			hi = mid;
	}
	for (*end = g; *end < v + n && strcmp((*end)->text, key.text) == 0;
	    (*end)++)
		;
	return g;
}

/* Adds item i of skill k to group scope gs: its text (flag "company"
 * when a tailoring added it), its id (the item's anchor where it first
 * stands on the page, else the anchor and "_SKILL", never another's),
 * the anchor as its key, and the first OTHERS_SHOWN other skills that
 * list it (names with their source), linked to their groups, with how
 * many more (so the page grows linearly however many skills share an
 * item). */
static void
S_item(struct builder *b, struct scope *gs, const struct jobtype *jt,
    size_t k, size_t i, const struct listing *v, size_t n)
{
	const struct knowledge *ki = &jt->skills[k].knowledge[i];
	struct scope *it = scope_item(gs, "items"), *o;
	const struct listing *g, *end;
	size_t others = 0;

	g = S_same_text(v, n, jt, k, i, &end);
	scope_text(it, "text", ki->text);
	scope_flag(it, "company", ki->from != NULL);
	scope_text(it, "key", ki->anchor);
	scope_text(it, "anchor", g->skill == k ? ki->anchor :
	    arena_printf(&b->arena, "%s_%s", ki->anchor, jt->skills[k].id));
	scope_list(it, "others");
	for (; g < end; g++) {
		if (g->skill == k || (g > v && g[-1].skill == g->skill &&
		    strcmp(g[-1].text, g->text) == 0))
			continue;	/* itself, or listed twice */
		if (others++ >= OTHERS_SHOWN)
			continue;
		o = scope_item(it, "others");
		scope_text(o, "name", jt->skills[g->skill].name);
		page_skill_source(b, o, &jt->skills[g->skill]);
		scope_text(o, "href", arena_printf(&b->arena, "#%s",
		    S_group_anchor(b, &jt->skills[g->skill])));
	}
	scope_text(it, "others-more", others > OTHERS_SHOWN ?
	    arena_printf(&b->arena, "%zu", others - OTHERS_SHOWN) : "");
}

/* Adds the group of skill k to list "skills" of s: its name (with its
 * source: page_skill_source()), id, link, pages (see page_uses()) and
 * knowledge items in its order, each item once (a second listing is
 * reported by resolve). */
static void
S_group(struct builder *b, struct scope *s, const struct jobtype *jt,
    size_t k, const struct listing *v, size_t n)
{
	const struct skill *sk = &jt->skills[k];
	struct scope *gs = scope_item(s, "skills");
	size_t i, j, shown = 0;

	scope_text(gs, "name", sk->name);
	page_skill_source(b, gs, sk);
	scope_text(gs, "anchor", S_group_anchor(b, sk));
	scope_text(gs, "href", arena_printf(&b->arena, "#%s",
	    S_group_anchor(b, sk)));
	page_uses(b, gs, "specialties", "more-label", "more-href", jt, sk,
	    NULL);
	scope_list(gs, "items");
	for (i = 0; i < sk->nknowledge; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(sk->knowledge[j].text,
			    sk->knowledge[i].text) == 0)
				break;
		if (j == i) {
			S_item(b, gs, jt, k, i, v, n);
			shown++;
		}
	}
	scope_text(gs, "count", arena_printf(&b->arena, "%zu", shown));
}

/* The knowledge-item index of jt: a group per skill that lists items, in
 * the job type's order, each with its items in the skill's order; an
 * item several skills list stands under each, naming the others. */
static void
S_knowledge(struct builder *b, const struct jobtype *jt)
{
	struct page_at at = { jt, NULL, NULL, 0 };
	struct scope *s = page_begin(b, PAGE_KNOWLEDGE, &at);
	struct listing *v;
	size_t i, n, distinct = 0;

	scope_text(s, "jobtype", jt->name);
	page_script(b, s, b->self, PATH_KNOWLEDGE_SCRIPT);
	v = S_listings(jt, &n);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(v[i].text, v[i - 1].text) != 0)
			distinct++;
	scope_text(s, "count", arena_printf(&b->arena, "%zu", distinct));
	scope_list(s, "skills");
	for (i = 0; i < jt->nskills; i++)
		if (jt->skills[i].nknowledge > 0)
			S_group(b, s, jt, i, v, n);
	free(v);
	page_emit(b, PAGE_KNOWLEDGE, s);
}

/* Sets on row, the comparison row of level n of skill k of jt, what
 * tailorings hide there: flag "hidden" when every specialty that lists k
 * either hides the level or does not describe it and one hides it
 * (the row then shows one cell saying so, "span" columns wide), else
 * "hidden-in", the names of the specialties that hide it ("" when
 * none). */
static void
S_compare_hidden(struct builder *b, struct scope *row,
    const struct jobtype *jt, const struct skill *k, int n)
{
	const char **names = arena_calloc(&b->arena, k->nuses + 1,
	    sizeof(*names));
	size_t i, hidden = 0, defined = 0;

	for (i = 0; i < k->nuses; i++) {
		const struct level *lv = entry_find_level(k->uses[i].entry, n);

		if (lv != NULL && lv->hidden_by != NULL)
			names[hidden++] = k->uses[i].specialty->name;
		else if (entry_level_text(k->uses[i].entry, n) != NULL)
			defined++;
	}
	scope_flag(row, "hidden", hidden > 0 && defined == 0);
	scope_text(row, "hidden-in", hidden > 0 && defined > 0 ?
	    page_join(b, names, hidden) : "");
	scope_text(row, "span", arena_printf(&b->arena, "%zu",
	    jt->nspecialties));
}

/* The comparison page of common skill k: its description in every
 * specialty, level by level (the levels jt defines), the differing words
 * marked; a level tailorings hide says so. */
static void
S_compare(struct builder *b, const struct jobtype *jt, const struct skill *k)
{
	struct page_at at = { jt, NULL, k, 0 };
	struct scope *s = page_begin(b, PAGE_COMPARE, &at);
	const char **texts = xcalloc(jt->nspecialties + 1, sizeof(*texts));
	size_t i;
	int n;

	scope_text(s, "name", k->name);
	page_skill_source(b, s, k);
	scope_list(s, "specialties");
	for (i = 0; i < jt->nspecialties; i++)
		page_link(b, s, "specialties", b->self, jt->specialties[i].name,
		    path_specialty(&b->arena, jt->id, jt->specialties[i].id),
		    NULL);
	scope_list(s, "rows");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		S_compare_hidden(b, page_compare_row(b, s, jt, k, n, texts, 1),
		    jt, k, n);
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
