/* tailor_ops.c: the operations of tailorings on a tailored job type;
 * see tailor.h for their order.
 */
#include "tailor_private.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "markdown.h"

/* Returns the name of the specialty of entry e, for messages. */
static const char *
S_sp(const struct tailor_work *w, size_t e)
{
	const char *id = w->jt->specialties[w->specialty_of[e]].id;

	return id != NULL ? id : "?";
}

/* Returns the hide that hides all of skill k's entries, or NULL when
 * some entry still shows (after tailor_hides()). */
static const struct tailor_hide *
S_hidden_skill(const struct tailor_work *w, const struct skill *k)
{
	return w->skill_hidden[tailor_skill_index(w, k)];
}

/* Sets w->skill_hidden from the entries hidden. */
static void
S_index_hidden(struct tailor_work *w)
{
	size_t i, j;

	for (i = 0; i < w->jt->nskills; i++) {
		const struct tailor_hide *h = NULL;

		for (j = w->by_skill_at[i]; j < w->by_skill_at[i + 1]; j++)
			if ((h = w->entry_hide[w->by_skill[j]]) == NULL)
				break;
		w->skill_hidden[i] = h;
	}
}

/* Hides entry e (all levels) for h; reports what hid it already and
 * returns 0 then. */
static int
S_hide_entry(struct tailor_work *w, const struct tailor_hide *h, size_t e)
{
	const struct tailor_hide *was = w->entry_hide[e];
	int n;

	for (n = LEVEL_MIN; was == NULL && n <= LEVEL_MAX; n++)
		was = w->level_hide[e * SLOTS + (size_t)n];
	if (was != NULL) {
		tailor_twice(w, MSG_TAILOR_TWICE, &h->at.pos, &was->at.pos,
		    "%s in %s hidden again", h->at.skill_id, S_sp(w, e));
		return 0;
	}
	w->entry_hide[e] = h;
	return 1;
}

/* Hides level n of entry e for h, when described; reports a level hidden
 * already or not described and returns 0 then. */
static int
S_hide_level(struct tailor_work *w, const struct tailor_hide *h, size_t e,
    int n)
{
	const struct tailor_hide *was = tailor_hidden(w, e, n);
	const struct level *lv = tailor_level(w, e, n);

	if (was != NULL)
		tailor_twice(w, MSG_TAILOR_TWICE, &h->at.pos, &was->at.pos,
		    "level %d of %s in %s hidden again", n, h->at.skill_id,
		    S_sp(w, e));
	else if (lv == NULL || lv->markdown == NULL)
		diag_msg(w->d, MSG_LEVEL_UNDESCRIBED, &h->at.pos,
		    "level %d of %s in %s", n, h->at.skill_id, S_sp(w, e));
	else {
		w->level_hide[e * SLOTS + (size_t)n] = h;
		return 1;
	}
	return 0;
}

/* Leaves in span the entries that describe level n, unless none does
 * (then the hide reports each). */
static void
S_described(const struct tailor_work *w, struct tailor_span *span, int n)
{
	size_t i, kept = 0;

	for (i = 0; i < span->n; i++) {
		const struct level *lv = tailor_level(w, span->v[i], n);

		if (lv != NULL && lv->markdown != NULL)
			span->v[kept++] = span->v[i];
	}
	if (kept > 0)
		span->n = kept;
}

void
tailor_hides(struct tailor_work *w)
{
	size_t i, j, k;

	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->nhides; j++) {
			struct tailor_hide *h = &w->t[i]->hides[j];
			const struct skill *sk;
			struct tailor_span span;

			h->at.from = w->t[i];
			if ((sk = tailor_skill(w, h->at.skill_id,
			    &h->at.pos)) == NULL ||
			    !tailor_span(w, &h->at, sk, 0, &span))
				continue;
			if (h->at.level != 0 && h->at.specialty_id == NULL)
				S_described(w, &span, h->at.level);
			for (k = 0; k < span.n; k++)	/* one report each */
				if (h->at.level == 0 ? !S_hide_entry(w, h,
				    span.v[k]) : !S_hide_level(w, h,
				    span.v[k], h->at.level))
					break;
		}
	S_index_hidden(w);
}

/* Returns skill id of w's job type for the operation at at, unless it is
 * unknown or hidden in every specialty (both reported): NULL then. */
static struct skill *
S_shown_skill(struct tailor_work *w, const struct tailor_at *at)
{
	struct skill *k = tailor_skill(w, at->skill_id, &at->pos);
	const struct tailor_hide *h;

	if (k != NULL && (h = S_hidden_skill(w, k)) != NULL) {
		tailor_twice(w, MSG_TAILOR_HIDDEN, &at->pos, &h->at.pos, "%s",
		    k->id);
		return NULL;
	}
	return k;
}

void
tailor_renames(struct tailor_work *w)
{
	size_t i, j;

	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->nrenames; j++) {
			struct tailor_rename *r = &w->t[i]->renames[j];
			const struct tailor_rename *was;
			struct skill *k;

			r->at.from = w->t[i];
			if ((k = S_shown_skill(w, &r->at)) == NULL ||
			    r->name == NULL)
				continue;
			if ((was = w->renamed[tailor_skill_index(w, k)]) != NULL) {
				tailor_twice(w, MSG_TAILOR_TWICE, &r->at.pos,
				    &was->at.pos, "%s renamed again", k->id);
				continue;
			}
			w->renamed[tailor_skill_index(w, k)] = r;
			r->standard = k->name;
			k->standard_name = k->name;
			k->name = r->name;
			k->renamed_by = w->t[i];
		}
}

/* Appends the items of addition x (of tailoring t) to skill k, whose
 * knowledge array has room; reports an item it lists already. */
static void
S_add_items(struct tailor_work *w, struct skill *k,
    const struct tailor_knowledge *x)
{
	size_t i;

	for (i = 0; i < x->nitems; i++) {
		const struct pos *was = tailor_seen(w, k, x->items[i].text, "",
		    &x->items[i].pos);

		if (was != NULL) {
			tailor_twice(w, MSG_KNOWLEDGE_DUPLICATE,
			    &x->items[i].pos, was, "%s in %s",
			    x->items[i].text, k->id);
			continue;
		}
		k->knowledge[k->nknowledge] = x->items[i];
		k->knowledge[k->nknowledge++].from = x->at.from;
	}
}

void
tailor_knowledge(struct tailor_work *w)
{
	size_t i, j, *room = xcalloc(w->jt->nskills + 1, sizeof(*room));

	for (i = 0; i < w->nt; i++)	/* room per skill first */
		for (j = 0; j < w->t[i]->nknowledge; j++) {
			struct tailor_knowledge *x = &w->t[i]->knowledge[j];
			struct skill *k;

			x->at.from = w->t[i];
			if ((k = S_shown_skill(w, &x->at)) != NULL)
				room[tailor_skill_index(w, k)] += x->nitems;
		}
	for (i = 0; i < w->jt->nskills; i++) {
		struct skill *k = &w->jt->skills[i];
		struct knowledge *v;

		if (room[i] == 0)
			continue;
		for (j = 0; j < k->nknowledge; j++)	/* what it lists */
			(void)tailor_seen(w, k, k->knowledge[j].text, "",
			    &k->knowledge[j].pos);
		v = arena_calloc(&w->m->arena, k->nknowledge + room[i],
		    sizeof(*v));
		if (k->nknowledge > 0)
			memcpy(v, k->knowledge, k->nknowledge * sizeof(*v));
		k->knowledge = v;
	}
	free(room);
	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->nknowledge; j++) {
			const struct tailor_knowledge *x =
			    &w->t[i]->knowledge[j];
			struct skill *k = tailor_find_skill(w, x->at.skill_id ?
			    x->at.skill_id : "");

			if (k != NULL && S_hidden_skill(w, k) == NULL)
				S_add_items(w, k, x);
		}
}

/* Sets *span to the entries operation at applies to, at its level n,
 * each with level n described and shown.  Returns 0 (reported) when
 * there are none or some lacks the level. */
static int
S_level_span(struct tailor_work *w, const struct tailor_at *at, int n,
    struct tailor_span *span)
{
	const struct skill *k = S_shown_skill(w, at);

	if (k == NULL || n == 0 || !tailor_span(w, at, k, 1, span))
		return 0;
	return tailor_level_ok(w, at, span, n);
}

void
tailor_texts(struct tailor_work *w)
{
	size_t i, j, k;

	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->ntexts; j++) {
			struct tailor_text *x = &w->t[i]->texts[j];
			struct tailor_span span;

			x->at.from = w->t[i];
			if (!S_level_span(w, &x->at, x->at.level, &span))
				continue;
			for (k = 0; k < span.n; k++) {
				struct level *lv = tailor_level(w, span.v[k],
				    x->at.level);

				if (lv->company != NULL) {
					tailor_twice(w, MSG_TAILOR_TWICE,
					    &x->at.pos, &lv->company->at.pos,
					    "level %d of %s in %s", x->at.level,
					    x->at.skill_id, S_sp(w, span.v[k]));
					break;	/* one report each */
				}
				lv->company = x;
			}
		}
}

/* Adds resource r to level n of entry e (room made); reports one the
 * level lists already and returns 0 then. */
static int
S_add_resource(struct tailor_work *w, const struct resource *r, size_t e,
    int n)
{
	struct level *lv = tailor_level(w, e, n);
	const struct resource **v = (const struct resource **)lv->resources;
	const struct pos *was = tailor_seen(w, lv, r->title ? r->title : "",
	    r->href ? r->href : "", &r->at.pos);

	if (was != NULL) {
		tailor_twice(w, MSG_TAILOR_TWICE, &r->at.pos, was,
		    "resource \"%s\" for level %d of %s in %s", r->title, n,
		    r->at.skill_id, S_sp(w, e));
		return 0;
	}
	v[lv->nresources++] = r;
	return 1;
}

/* Checks the address of r: a link a page may carry. */
static int
S_href_ok(struct tailor_work *w, const struct resource *r)
{
	const char *flaw;

	if (r->href == NULL || (flaw = md_link_flaw(r->href)) == NULL)
		return 1;
	diag_msg(w->d, MSG_MARKDOWN_URL, &r->at.pos, "%s: %s", flaw, r->href);
	return 0;
}

/* Makes room in each level for the resources counted in w->nres. */
static void
S_resource_room(struct tailor_work *w)
{
	size_t k;

	for (k = 0; k < w->nentries * SLOTS; k++)
		if (w->nres[k] > 0) {
			struct level *lv = tailor_level(w, k / SLOTS,
			    (int)(k % SLOTS));

			lv->resources = arena_calloc(&w->m->arena, w->nres[k],
			    sizeof(*lv->resources));
		}
}

void
tailor_resources(struct tailor_work *w)
{
	size_t i, j, k, n = 0, *ok;
	struct tailor_span span;

	for (i = 0; i < w->nt; i++)
		n += w->t[i]->nresources;
	ok = xcalloc(n + 1, sizeof(*ok));
	for (i = n = 0; i < w->nt; i++)		/* check and count */
		for (j = 0; j < w->t[i]->nresources; j++, n++) {
			struct resource *r = &w->t[i]->resources[j];

			r->at.from = w->t[i];
			if (!S_level_span(w, &r->at, r->at.level, &span) ||
			    !S_href_ok(w, r))
				continue;
			ok[n] = 1;
			for (k = 0; k < span.n; k++)
				w->nres[span.v[k] * SLOTS +
				    (size_t)r->at.level]++;
		}
	S_resource_room(w);
	for (i = n = 0; i < w->nt; i++)		/* add: checked, says nothing */
		for (j = 0; j < w->t[i]->nresources; j++, n++) {
			const struct resource *r = &w->t[i]->resources[j];

			if (!ok[n] || !S_level_span(w, &r->at, r->at.level,
			    &span))
				continue;
			for (k = 0; k < span.n; k++)	/* one report each */
				if (!S_add_resource(w, r, span.v[k],
				    r->at.level))
					break;
		}
	free(ok);
}

/* hash_same_fn: whether role item has ID key. */
static int
S_same_role(const void *item, const void *key)
{
	const struct role *r = item;

	return strcmp(r->id, key) == 0;
}

/* Reports role r when an earlier role of w's job type (in ids) has its
 * ID; else adds it to ids.  Returns whether it was new. */
static int
S_role_id(struct tailor_work *w, struct hash_table *ids, struct role *r)
{
	size_t h;
	const struct role *was;

	if (r->id == NULL)
		return 0;
	h = hash_bytes(ids, r->id, strlen(r->id));
	if ((was = hash_get(ids, h, S_same_role, r->id)) != NULL) {
		tailor_twice(w, MSG_ID_DUPLICATE, &r->pos, &was->pos,
		    "role %s", r->id);
		return 0;
	}
	hash_put(ids, h, r);
	return 1;
}

/* Links the targets of role r (of specialty sp) to their skills, each
 * level described and shown there; seen[k] holds the target of skill k
 * this role set last (stale ones point to other roles). */
static void
S_role_targets(struct tailor_work *w, struct role *r,
    const struct role_target **seen)
{
	size_t i, ki;

	for (i = 0; i < r->ntargets; i++) {
		struct role_target *g = &r->targets[i];
		struct tailor_at at = { g->skill_id, r->specialty_id,
		    g->level, g->pos, r->from };
		struct tailor_span span;
		struct skill *k = tailor_skill(w, g->skill_id, &g->pos);

		g->skill = NULL;
		if (k == NULL || !tailor_span(w, &at, k, 1, &span))
			continue;
		ki = tailor_skill_index(w, k);
		if (seen[ki] != NULL && seen[ki] >= r->targets &&
		    seen[ki] < r->targets + r->ntargets) {
			tailor_twice(w, MSG_TAILOR_TWICE, &g->pos,
			    &seen[ki]->pos, "target %s of role %s", k->id,
			    r->id ? r->id : "?");
			continue;
		}
		seen[ki] = g;
		if (g->level != 0 && tailor_level_ok(w, &at, &span, g->level))
			g->skill = k;
	}
}

void
tailor_roles(struct tailor_work *w)
{
	const struct role_target **seen = xcalloc(w->jt->nskills + 1,
	    sizeof(*seen));
	struct hash_table ids;
	size_t i, j;

	hash_init(&ids);
	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->nroles; j++) {
			struct role *r = &w->t[i]->roles[j];

			r->from = w->t[i];
			r->specialty = NULL;
			if (!S_role_id(w, &ids, r) ||
			    (r->specialty = tailor_specialty(w,
			    r->specialty_id, &r->pos)) == NULL)
				continue;
			S_role_targets(w, r, seen);
		}
	hash_free(&ids);
	free(seen);
}
