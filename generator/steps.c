/* steps.c: the steps of every entry, made once a build and shared by
 * the threads that render; see steps.h. */
#include "steps.h"

#include <pthread.h>
#include <stdlib.h>

#include "alloc.h"
#include "apart.h"
#include "arena.h"
#include "diff.h"

/* A specialty's steps, one per entry. */
struct steps_slot {
	struct arena		 arena;		/* the steps, while made */
	struct page_steps	*v;
	enum { SLOT_NONE, SLOT_MAKING, SLOT_MADE } state;
	int			 users;		/* releases still to come */
};

struct steps_store {
	pthread_mutex_t		 lock;		/* for the slots' state */
	pthread_cond_t		 made;		/* a slot became SLOT_MADE */
	const struct model	*m;
	const struct md_table	*md;
	size_t			*base;		/* per job type, its first slot */
	struct steps_slot	*slots;		/* per specialty */
	size_t			 nslots;
};

struct steps_store *
steps_store_new(const struct model *m, const struct md_table *md)
{
	struct steps_store *st = xcalloc(1, sizeof(*st));
	size_t i, n = 0;

	pthread_mutex_init(&st->lock, NULL);
	pthread_cond_init(&st->made, NULL);
	st->m = m;
	st->md = md;
	st->base = xcalloc(m->njobtypes + 1, sizeof(*st->base));
	for (i = 0; i < m->njobtypes; i++) {
		st->base[i] = n;
		n += m->jobtypes[i].nspecialties;
	}
	st->slots = xcalloc(n + 1, sizeof(*st->slots));
	st->nslots = n;
	for (i = 0; i < n; i++)
		st->slots[i].users = 2;	/* its pages, its job type's */
	return st;
}

/* Returns the slot of specialty sp of jt in st. */
static struct steps_slot *
S_slot(struct steps_store *st, const struct jobtype *jt,
    const struct specialty *sp)
{
	return &st->slots[st->base[jt - st->m->jobtypes] +
	    (size_t)(sp - jt->specialties)];
}

/* Fills out with the steps of entry e of jt, in arena a, the plain
 * texts from md. */
static void
S_fill_steps(const struct md_table *md, struct arena *a,
    const struct jobtype *jt, const struct entry *e, struct page_steps *out)
{
	const char **plain;
	size_t count = 0, i = 0;
	int n;

	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		count++;
	plain = arena_calloc(a, count ? count : 1, sizeof(*plain));
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n), i++) {
		const char *text = entry_level_text(e, n);

		if (text != NULL && (plain[i] = md_plain(md, text)) == NULL) {
			plain[i] = "";
			out->unknown = 1;
		}
	}
	out->plain = plain;
	out->steps = diff_steps(a, plain, count);
	out->words = apart_levels_of(a, plain, out->steps, count);
	out->n = count;
}

/* Makes the steps of every entry of sp of jt into slot (the lock not
 * held: no other thread touches a slot being made). */
static void
S_make(const struct md_table *md, const struct jobtype *jt,
    const struct specialty *sp, struct steps_slot *slot)
{
	size_t i;

	arena_init(&slot->arena);
	slot->v = arena_calloc(&slot->arena, sp->nentries ? sp->nentries : 1,
	    sizeof(*slot->v));
	for (i = 0; i < sp->nentries; i++)
		S_fill_steps(md, &slot->arena, jt, &sp->entries[i],
		    &slot->v[i]);
}

const struct page_steps *
steps_get(struct steps_store *st, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e)
{
	struct steps_slot *slot = S_slot(st, jt, sp);

	pthread_mutex_lock(&st->lock);
	while (slot->state == SLOT_MAKING)
		pthread_cond_wait(&st->made, &st->lock);
	if (slot->state == SLOT_NONE) {
		slot->state = SLOT_MAKING;
		pthread_mutex_unlock(&st->lock);
		S_make(st->md, jt, sp, slot);
		pthread_mutex_lock(&st->lock);
		slot->state = SLOT_MADE;
		pthread_cond_broadcast(&st->made);
	}
	pthread_mutex_unlock(&st->lock);
	return &slot->v[e - sp->entries];
}

void
steps_release(struct steps_store *st, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct steps_slot *slot = S_slot(st, jt, sp);

	pthread_mutex_lock(&st->lock);
	if (--slot->users == 0 && slot->state == SLOT_MADE) {
		arena_free(&slot->arena);
		slot->v = NULL;
		slot->state = SLOT_NONE;	/* made again if asked again */
	}
	pthread_mutex_unlock(&st->lock);
}

void
steps_store_free(struct steps_store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nslots; i++)
		if (st->slots[i].state == SLOT_MADE)
			arena_free(&st->slots[i].arena);
	pthread_cond_destroy(&st->made);
	pthread_mutex_destroy(&st->lock);
	free(st->base);
	free(st->slots);
	free(st);
}
