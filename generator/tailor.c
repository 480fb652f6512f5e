/* tailor.c: the tailored copy of a job type, its lookups and its final
 * form; see tailor.h.  The operations are in tailor_ops.c.
 */
#include "tailor_private.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* hash_same_fn: whether skill item has ID key. */
static int
S_same_skill(const void *item, const void *key)
{
	const struct skill *k = item;

	return k->id != NULL && strcmp(k->id, key) == 0;
}

/* hash_same_fn: whether specialty item has ID key. */
static int
S_same_specialty(const void *item, const void *key)
{
	const struct specialty *sp = item;

	return sp->id != NULL && strcmp(sp->id, key) == 0;
}

struct skill *
tailor_find_skill(const struct tailor_work *w, const char *id)
{
	return hash_get(&w->skill_ids, hash_bytes(&w->skill_ids, id,
	    strlen(id)), S_same_skill, id);
}

struct skill *
tailor_skill(struct tailor_work *w, const char *id, const struct pos *pos)
{
	struct skill *k;

	if (id == NULL)
		return NULL;	/* the missing attribute was reported */
	if ((k = tailor_find_skill(w, id)) == NULL)
		diag_msg(w->d, MSG_SKILL_UNKNOWN, pos, "%s in %s", id,
		    w->jt->id);
	return k;
}

size_t
tailor_skill_index(const struct tailor_work *w, const struct skill *k)
{
	return (size_t)(k - w->jt->skills);
}

struct specialty *
tailor_specialty_find(const struct tailor_work *w, const char *id)
{
	return hash_get(&w->specialty_ids, hash_bytes(&w->specialty_ids, id,
	    strlen(id)), S_same_specialty, id);
}

struct specialty *
tailor_specialty(struct tailor_work *w, const char *id, const struct pos *pos)
{
	struct specialty *sp;

	if (id == NULL)
		return NULL;
	if ((sp = tailor_specialty_find(w, id)) == NULL)
		diag_msg(w->d, MSG_SPECIALTY_UNKNOWN, pos, "%s in %s", id,
		    w->jt->id);
	return sp;
}

/* Returns the entry number of skill k in specialty number sp, or
 * (size_t)-1 when sp does not list k: a search of k's entries, which
 * are in specialty order. */
static size_t
S_entry_of(const struct tailor_work *w, size_t k, size_t sp)
{
	size_t lo = w->by_skill_at[k], hi = w->by_skill_at[k + 1];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		size_t s = w->specialty_of[w->by_skill[mid]];

		if (s == sp)
			return w->by_skill[mid];
		if (s < sp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

int
tailor_span(struct tailor_work *w, const struct tailor_at *at,
    const struct skill *k, int shown, struct tailor_span *span)
{
	size_t ki = tailor_skill_index(w, k), i;
	const struct specialty *sp;

	if (at->specialty_id == NULL) {
		span->v = w->span;
		span->n = 0;
		for (i = w->by_skill_at[ki]; i < w->by_skill_at[ki + 1]; i++)
			if (!shown || w->entry_hide[w->by_skill[i]] == NULL)
				w->span[span->n++] = w->by_skill[i];
		return span->n > 0;
	}
	if ((sp = tailor_specialty(w, at->specialty_id, &at->pos)) == NULL)
		return 0;
	w->span[0] = S_entry_of(w, ki, (size_t)(sp - w->jt->specialties));
	if (w->span[0] == (size_t)-1) {
		diag_msg(w->d, MSG_SKILL_NOT_LISTED, &at->pos, "%s in %s",
		    k->id, sp->id);
		return 0;
	}
	span->v = w->span;
	span->n = 1;
	return 1;
}

struct level *
tailor_level(const struct tailor_work *w, size_t e, int n)
{
	int i;

	if (n < LEVEL_MIN || n > LEVEL_MAX)
		return NULL;
	i = w->level_at[e * SLOTS + (size_t)n];
	return i < 0 ? NULL : &w->entries[e]->levels[i];
}

const struct tailor_hide *
tailor_hidden(const struct tailor_work *w, size_t e, int n)
{
	if (w->entry_hide[e] != NULL)
		return w->entry_hide[e];
	if (n < LEVEL_MIN || n > LEVEL_MAX)
		return NULL;
	return w->level_hide[e * SLOTS + (size_t)n];
}

/* A key tailor_seen() met, with the position it was met at. */
struct seen_key {
	const void		*owner;
	const char		*a;
	const char		*b;
	const struct pos	*pos;
};

/* hash_same_fn: whether item is the key key. */
static int
S_same_key(const void *item, const void *key)
{
	const struct seen_key *x = item, *y = key;

	return x->owner == y->owner && strcmp(x->a, y->a) == 0 &&
	    strcmp(x->b, y->b) == 0;
}

const struct pos *
tailor_seen(struct tailor_work *w, const void *owner, const char *a,
    const char *b, const struct pos *pos)
{
	struct seen_key key = { owner, a, b, pos }, *k;
	size_t h = hash_bytes(&w->seen, a, strlen(a) + 1) ^
	    (hash_bytes(&w->seen, b, strlen(b) + 1) * 31) ^
	    hash_word(&w->seen, (uint64_t)(uintptr_t)owner, sizeof(owner));
	const struct seen_key *was = hash_get(&w->seen, h, S_same_key, &key);

	if (was != NULL)
		return was->pos;
	k = arena_calloc(&w->keys, 1, sizeof(*k));
	*k = key;
	hash_put(&w->seen, h, k);
	return NULL;
}

void
tailor_twice(struct tailor_work *w, enum msg m, const struct pos *pos,
    const struct pos *first, const char *fmt, ...)
{
	char detail[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	diag_msg(w->d, m, pos, "%s (%s at %s:%d:%d)", detail,
	    m == MSG_TAILOR_HIDDEN ? "hidden" : "first",
	    diag_file(w->d, first->file), first->line, first->col);
}

/* Reports that level n is hidden (by h) or not described in entry e,
 * for the operation at at. */
static void
S_level_flaw(struct tailor_work *w, const struct tailor_at *at, size_t e,
    int n, const struct tailor_hide *h)
{
	const char *sp = at->specialty_id != NULL ?
	    w->jt->specialties[w->specialty_of[e]].id : "any specialty";

	if (h != NULL && h->at.level == 0)	/* the skill, there */
		tailor_twice(w, MSG_TAILOR_HIDDEN, &at->pos, &h->at.pos,
		    "%s in %s", at->skill_id, sp);
	else if (h != NULL)
		tailor_twice(w, MSG_TAILOR_HIDDEN, &at->pos, &h->at.pos,
		    "level %d of %s in %s", n, at->skill_id, sp);
	else
		diag_msg(w->d, MSG_LEVEL_UNDESCRIBED, &at->pos,
		    "level %d of %s in %s", n, at->skill_id, sp);
}

int
tailor_level_ok(struct tailor_work *w, const struct tailor_at *at,
    struct tailor_span *span, int n)
{
	const struct tailor_hide *hid = NULL;
	size_t i, kept = 0;

	for (i = 0; i < span->n; i++) {
		size_t e = span->v[i];
		const struct tailor_hide *h = tailor_hidden(w, e, n);
		const struct level *lv = tailor_level(w, e, n);

		if (h == NULL && lv != NULL && lv->markdown != NULL)
			span->v[kept++] = e;
		else if (hid == NULL)
			hid = h;
	}
	if (kept == 0) {
		if (span->n > 0)
			S_level_flaw(w, at, span->v[0], n, hid);
		return 0;
	}
	span->n = kept;
	return 1;
}
