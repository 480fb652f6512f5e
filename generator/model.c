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
	free(m->files);
	free(m->jobtypes);
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

size_t
model_add_file(struct model *m, const char *path)
{
	void *v = m->files;
	const char **slot = S_grow(&v, &m->nfiles, sizeof(*m->files));

	m->files = v;
	*slot = arena_strdup(&m->arena, path);
	return m->nfiles - 1;
}

struct jobtype *
model_add_jobtype(struct model *m)
{
	void *v = m->jobtypes;
	struct jobtype *jt = S_grow(&v, &m->njobtypes, sizeof(*m->jobtypes));

	m->jobtypes = v;
	return jt;
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

const struct entry *
specialty_find_entry(const struct specialty *sp, const struct skill *k)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill == k)
			return &sp->entries[i];
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
