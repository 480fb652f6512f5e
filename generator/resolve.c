/* resolve.c: ID, reference and consistency checks; see resolve.h. */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#define ID_MAX 64

/* An ID (or other key) with where it was defined, for duplicate checks. */
struct key {
	const char	*text;
	struct pos	 pos;
	size_t		 order;		/* definition order */
};

/* Compares a and b as strcmp does, but ignoring ASCII case. */
static int
S_casecmp(const char *a, const char *b)
{
	int x, y;

	do {
		x = (unsigned char)*a++;
		y = (unsigned char)*b++;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
	} while (x == y && x != '\0');
	return (x > y) - (x < y);
}

static int
S_key_casecmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = S_casecmp(x->text, y->text);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

static int
S_key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

int
id_is_valid(const char *id)
{
	size_t n;

	for (n = 0; id[n] != '\0'; n++) {
		char c = id[n];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c == '-' && n > 0)))
			return 0;
	}
	return n >= 1 && n <= ID_MAX;
}

/* Reports each key of v that repeats an earlier one: same text as msg,
 * or, when fold is set, the same text but for ASCII case as MSG_ID_CASE.
 * Sorts v. */
static void
S_report_repeats(const struct model *m, struct diag *d, struct key *v,
    size_t n, enum msg msg, int fold)
{
	size_t i, first = 0;

	qsort(v, n, sizeof(*v), fold ? S_key_casecmp : S_key_cmp);
	for (i = 1; i < n; i++) {
		const struct key *f;

		if ((fold ? S_casecmp : strcmp)(v[i].text, v[first].text) != 0) {
			first = i;
			continue;
		}
		f = &v[first];
		if (strcmp(v[i].text, f->text) == 0)
			diag_msg(d, msg, &v[i].pos, "%s (first at %s:%d:%d)",
			    v[i].text, m->files[f->pos.file], f->pos.line,
			    f->pos.col);
		else
			diag_msg(d, MSG_ID_CASE, &v[i].pos,
			    "%s and %s (at %s:%d:%d)", v[i].text, f->text,
			    m->files[f->pos.file], f->pos.line, f->pos.col);
	}
}

/* Appends an ID to v (if present), reporting a malformed one. */
static void
S_add_id(struct diag *d, struct key *v, size_t *n, const char *id,
    const struct pos *pos)
{
	if (id == NULL)
		return;
	if (!id_is_valid(id))
		diag_msg(d, MSG_ID_PATTERN, pos, "\"%s\"", id);
	v[*n].text = id;
	v[*n].pos = *pos;
	v[*n].order = *n;
	(*n)++;
}

/* Returns a malloc'd array for n keys; exits when memory is exhausted. */
static struct key *
S_keys(size_t n)
{
	struct key *v = calloc(n ? n : 1, sizeof(*v));

	if (v == NULL) {
		fputs("skillsite: error: out of memory\n", stderr);
		exit(EXIT_IO);
	}
	return v;
}

/* Checks job type IDs and numbers across the model. */
static void
S_check_jobtype_ids(struct model *m, struct diag *d)
{
	struct key *ids = S_keys(m->njobtypes), *nums = S_keys(m->njobtypes);
	size_t i, nid = 0, nnum = 0;

	for (i = 0; i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];
		char num[24];

		S_add_id(d, ids, &nid, jt->id, &jt->pos);
		if (jt->number > 0) {
			snprintf(num, sizeof(num), "%d", jt->number);
			nums[nnum].text = arena_strdup(&m->arena, num);
			nums[nnum].pos = jt->pos;
			nums[nnum].order = nnum;
			nnum++;
		}
	}
	S_report_repeats(m, d, ids, nid, MSG_ID_DUPLICATE, 1);
	S_report_repeats(m, d, nums, nnum, MSG_JOBTYPE_NUMBER, 0);
	free(nums);
	free(ids);
}

/* Checks the IDs of a job type's skills and specialties, which share one
 * namespace, and the knowledge items of each skill. */
static void
S_check_jobtype_names(struct model *m, struct diag *d, struct jobtype *jt)
{
	struct key *ids = S_keys(jt->nskills + jt->nspecialties), *items;
	size_t i, j, n = 0;

	for (i = 0; i < jt->nskills; i++)
		S_add_id(d, ids, &n, jt->skills[i].id, &jt->skills[i].pos);
	for (i = 0; i < jt->nspecialties; i++)
		S_add_id(d, ids, &n, jt->specialties[i].id,
		    &jt->specialties[i].pos);
	S_report_repeats(m, d, ids, n, MSG_ID_DUPLICATE, 1);
	free(ids);
	for (i = 0; i < jt->nskills; i++) {
		const struct skill *sk = &jt->skills[i];

		items = S_keys(sk->nknowledge);
		for (j = 0; j < sk->nknowledge; j++) {
			items[j].text = sk->knowledge[j].text;
			items[j].pos = sk->knowledge[j].pos;
			items[j].order = j;
		}
		S_report_repeats(m, d, items, sk->nknowledge,
		    MSG_KNOWLEDGE_DUPLICATE, 0);
		free(items);
	}
}

/* Returns whether level value v lies in 1-7; reports it at pos if not. */
static int
S_level_ok(struct diag *d, const struct pos *pos, const char *what, int v)
{
	if (v == LEVEL_NONE)
		return 0;	/* missing or not a number: reported */
	if (v >= LEVEL_MIN && v <= LEVEL_MAX)
		return 1;
	diag_msg(d, MSG_LEVEL_RANGE, pos, "%s%d", what, v);
	return 0;
}

/* Checks a job type's level bounds; returns whether they are usable. */
static int
S_check_bounds(struct diag *d, const struct jobtype *jt)
{
	int ok = S_level_ok(d, &jt->pos, "min-level=", jt->min_level);

	ok &= S_level_ok(d, &jt->pos, "max-level=", jt->max_level);
	if (ok && jt->min_level > jt->max_level) {
		diag_msg(d, MSG_LEVEL_BOUNDS, &jt->pos, "%d > %d",
		    jt->min_level, jt->max_level);
		ok = 0;
	}
	return ok;
}

/* Checks the levels of entry e against the job type's range. */
static void
S_check_levels(struct diag *d, const struct jobtype *jt, int bounded,
    const struct entry *e)
{
	const struct level *seen[LEVEL_MAX + 1] = { NULL };
	size_t i;
	int v, described = 0;

	for (i = 0; i < e->nlevels; i++) {
		const struct level *lv = &e->levels[i];

		if (!S_level_ok(d, &lv->pos, "", lv->value))
			continue;
		if (bounded && (lv->value < jt->min_level ||
		    lv->value > jt->max_level))
			diag_msg(d, MSG_LEVEL_OUTSIDE, &lv->pos,
			    "%d; %s has levels %d to %d", lv->value,
			    jt->id ? jt->id : "the job type", jt->min_level,
			    jt->max_level);
		if (seen[lv->value] != NULL)
			diag_msg(d, MSG_LEVEL_DUPLICATE, &lv->pos,
			    "level %d (first at line %d)", lv->value,
			    seen[lv->value]->pos.line);
		else
			seen[lv->value] = lv;
		described |= lv->markdown != NULL;
	}
	if (bounded)
		for (v = jt->min_level; v <= jt->max_level; v++)
			if (seen[v] == NULL)
				diag_msg(d, MSG_LEVEL_MISSING, &e->pos,
				    "level %d of %s", v,
				    e->skill_id ? e->skill_id : "entry");
	if (!described && e->nlevels > 0)
		diag_msg(d, MSG_ENTRY_EMPTY, &e->pos, "%s",
		    e->skill_id ? e->skill_id : "entry");
}

static int
S_skill_ptr_cmp(const void *a, const void *b)
{
	const struct skill *x = *(struct skill *const *)a;
	const struct skill *y = *(struct skill *const *)b;

	return strcmp(x->id, y->id);
}

/* Returns the skill called id from the sorted index, or NULL. */
static struct skill *
S_lookup(struct skill **index, size_t n, const char *id)
{
	struct skill key = { 0 }, *kp = &key, **hit;

	key.id = id;
	hit = bsearch(&kp, index, n, sizeof(*index), S_skill_ptr_cmp);
	return hit != NULL ? *hit : NULL;
}

/* Links each entry of specialty sp to its skill, marking used[] by skill
 * index and reporting unknown and repeated skills and level problems. */
static void
S_check_specialty(struct diag *d, const struct jobtype *jt, int bounded,
    struct skill **index, size_t nindex, struct specialty *sp,
    unsigned char *here, unsigned char *used)
{
	size_t i;

	memset(here, 0, jt->nskills);
	for (i = 0; i < sp->nentries; i++) {
		struct entry *e = &sp->entries[i];
		size_t k;

		S_check_levels(d, jt, bounded, e);
		if (e->skill_id == NULL)
			continue;
		if ((e->skill = S_lookup(index, nindex, e->skill_id)) == NULL) {
			diag_msg(d, MSG_SKILL_UNKNOWN, &e->pos, "\"%s\"",
			    e->skill_id);
			continue;
		}
		k = (size_t)(e->skill - jt->skills);
		if (here[k])
			diag_msg(d, MSG_SKILL_TWICE, &e->pos, "%s in %s",
			    e->skill_id, sp->id ? sp->id : "specialty");
		here[k] = used[k] = 1;
	}
	for (i = 0; i < jt->nskills; i++)
		if (!here[i] && jt->skills[i].scope == SCOPE_COMMON &&
		    jt->skills[i].id != NULL)
			diag_msg(d, MSG_COMMON_MISSING, &sp->pos, "%s lacks %s",
			    sp->id ? sp->id : "specialty", jt->skills[i].id);
}

/* Checks one job type: IDs, levels, entries, use of every skill. */
static void
S_check_jobtype(struct model *m, struct diag *d, struct jobtype *jt)
{
	struct skill **index = calloc(jt->nskills + 1, sizeof(*index));
	unsigned char *here = calloc(jt->nskills + 1, 1);
	unsigned char *used = calloc(jt->nskills + 1, 1);
	size_t i, nindex = 0;
	int bounded = S_check_bounds(d, jt);

	if (index == NULL || here == NULL || used == NULL) {
		fputs("skillsite: error: out of memory\n", stderr);
		exit(EXIT_IO);
	}
	S_check_jobtype_names(m, d, jt);
	for (i = 0; i < jt->nskills; i++)
		if (jt->skills[i].id != NULL)
			index[nindex++] = &jt->skills[i];
	qsort(index, nindex, sizeof(*index), S_skill_ptr_cmp);
	for (i = 0; i < jt->nspecialties; i++)
		S_check_specialty(d, jt, bounded, index, nindex,
		    &jt->specialties[i], here, used);
	for (i = 0; i < jt->nskills; i++)
		if (!used[i] && jt->nspecialties > 0 && jt->skills[i].id != NULL)
			diag_msg(d, MSG_SKILL_UNUSED, &jt->skills[i].pos, "%s",
			    jt->skills[i].id);
	free(used);
	free(here);
	free(index);
}

void
resolve(struct model *m, struct diag *d)
{
	size_t i;

	if (m->framework != NULL && m->framework->id != NULL &&
	    !id_is_valid(m->framework->id))
		diag_msg(d, MSG_ID_PATTERN, &m->framework->pos, "\"%s\"",
		    m->framework->id);
	S_check_jobtype_ids(m, d);
	for (i = 0; i < m->njobtypes; i++)
		S_check_jobtype(m, d, &m->jobtypes[i]);
}
