/* model.c: model lifetime and lookups; see model.h. */
#include "model.h"

#include "alloc.h"

#include <stdlib.h>
#include <string.h>

void
model_init(struct model *m)
{
	memset(m, 0, sizeof(*m));
	arena_init(&m->arena);
}

void
model_free(struct model *m)
{
	free(m->jobtypes);
	free(m->tailorings);
	arena_free(&m->arena);
	memset(m, 0, sizeof(*m));
}

/* Grows the array *v of *n elements of size bytes by one zeroed element
 * and returns it. */
static void *
S_grow(void **v, size_t *n, size_t size)
{
	unsigned char *p = xreallocarray(*v, *n + 1, size);

	memset(p + *n * size, 0, size);
	*v = p;
	return p + (*n)++ * size;
}

struct jobtype *
model_add_jobtype(struct model *m)
{
	void *v = m->jobtypes;
	struct jobtype *jt = S_grow(&v, &m->njobtypes, sizeof(*m->jobtypes));

	m->jobtypes = v;
	return jt;
}

const char *
resource_kind_name(enum resource_kind k)
{
	static const char *const names[RESOURCE__COUNT] = {
		"training", "exam", "book", "e-learning", "ojt"
	};

	return (unsigned)k < RESOURCE__COUNT ? names[k] : NULL;
}

struct tailoring *
model_add_tailoring(struct model *m)
{
	void *v = m->tailorings;
	struct tailoring *t = S_grow(&v, &m->ntailorings,
	    sizeof(*m->tailorings));

	m->tailorings = v;
	return t;
}

/* Sets the uses of the skills of jt (see model_index_uses()). */
static void
S_index_jobtype_uses(struct arena *a, struct jobtype *jt)
{
	size_t *count = xcalloc(jt->nskills + 1, sizeof(*count));
	struct use **v = xcalloc(jt->nskills + 1, sizeof(*v));
	size_t i, j, k;

	for (i = 0; i < jt->nskills; i++)
		jt->skills[i].nuses = 0;
	for (i = 0; i < jt->nspecialties; i++)
		for (j = 0; j < jt->specialties[i].nentries; j++)
			if (jt->specialties[i].entries[j].skill != NULL)
				count[jt->specialties[i].entries[j].skill -
				    jt->skills]++;
	for (k = 0; k < jt->nskills; k++) {
		v[k] = arena_calloc(a, count[k] + 1, sizeof(*v[k]));
		jt->skills[k].uses = v[k];
	}
	for (i = 0; i < jt->nspecialties; i++)
		for (j = 0; j < jt->specialties[i].nentries; j++) {
			const struct entry *e = &jt->specialties[i].entries[j];
			struct skill *sk = e->skill;

			if (sk == NULL || (sk->nuses > 0 &&
			    v[sk - jt->skills][sk->nuses - 1].index == i))
				continue;	/* listed twice: the first counts */
			k = (size_t)(sk - jt->skills);
			v[k][sk->nuses].specialty = &jt->specialties[i];
			v[k][sk->nuses].index = i;
			v[k][sk->nuses].entry = e;
			sk->nuses++;
		}
	free(v);
	free(count);
}

void
model_index_uses(struct model *m)
{
	size_t i;

	for (i = 0; i < m->njobtypes; i++)
		S_index_jobtype_uses(&m->arena, &m->jobtypes[i]);
}

/* Sets jt's defined levels (see model_index_levels()). */
static void
S_index_jobtype_levels(struct jobtype *jt)
{
	size_t i, j, k;

	jt->defined_levels = 0;
	for (i = 0; i < jt->nspecialties; i++)
		for (j = 0; j < jt->specialties[i].nentries; j++) {
			const struct entry *e = &jt->specialties[i].entries[j];

			for (k = 0; k < e->nlevels; k++) {
				int v = e->levels[k].value;

				if (e->levels[k].markdown != NULL &&
				    v >= LEVEL_MIN && v <= LEVEL_MAX &&
				    v >= jt->min_level && v <= jt->max_level)
					jt->defined_levels |= 1u << v;
			}
		}
}

void
model_index_levels(struct model *m)
{
	size_t i;

	for (i = 0; i < m->njobtypes; i++)
		S_index_jobtype_levels(&m->jobtypes[i]);
}

int
jobtype_level_defined(const struct jobtype *jt, int n)
{
	return n >= LEVEL_MIN && n <= LEVEL_MAX &&
	    (jt->defined_levels & (1u << n)) != 0;
}

int
jobtype_next_level(const struct jobtype *jt, int n)
{
	for (n = n < LEVEL_MIN ? LEVEL_MIN : n + 1; n <= LEVEL_MAX; n++)
		if (jobtype_level_defined(jt, n))
			return n;
	return 0;
}

int
jobtype_count_levels(const struct jobtype *jt)
{
	int n, count = 0;

	for (n = LEVEL_MIN; n <= LEVEL_MAX; n++)
		count += jobtype_level_defined(jt, n);
	return count;
}

struct skill *
jobtype_find_skill(const struct jobtype *jt, const char *id)
{
	size_t i;

	for (i = 0; i < jt->nskills; i++)
		if (jt->skills[i].id != NULL && strcmp(jt->skills[i].id, id) == 0)
			return &jt->skills[i];
	return NULL;
}

const struct level *
entry_find_level(const struct entry *e, int value)
{
	size_t i;

	for (i = 0; i < e->nlevels; i++)
		if (e->levels[i].value == value)
			return &e->levels[i];
	return NULL;
}

const struct entry *
specialty_entry(const struct specialty *sp, const struct skill *k)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill == k)
			return &sp->entries[i];
	return NULL;
}

const char *
entry_level_text(const struct entry *e, int value)
{
	const struct level *lv = entry_find_level(e, value);

	return lv != NULL ? lv->markdown : NULL;
}
