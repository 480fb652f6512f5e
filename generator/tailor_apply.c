/* tailor_apply.c: tailor() itself: which tailorings apply to which job
 * type, the tailored copy with the company skills in it, and its final
 * form with what is hidden left out; see tailor.h.
 */
#include "tailor_private.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* Returns a copy of the n levels at v in a's arena. */
static struct level *
S_copy_levels(struct arena *a, const struct level *v, size_t n)
{
	struct level *c = arena_calloc(a, n, sizeof(*c));

	if (n > 0)
		memcpy(c, v, n * sizeof(*c));
	return c;
}

/* Checks the levels of company skill cs against w's job type: each in
 * its range and given once, one at least described.  Returns whether
 * they are usable. */
static int
S_company_levels(struct tailor_work *w, const struct company_skill *cs)
{
	const struct level *seen[SLOTS] = { NULL };
	const struct jobtype *jt = w->jt;
	int described = 0, ok = 1;
	size_t i;

	for (i = 0; i < cs->nlevels; i++) {
		const struct level *lv = &cs->levels[i];

		if (lv->value < jt->min_level || lv->value > jt->max_level ||
		    lv->value < LEVEL_MIN || lv->value > LEVEL_MAX) {
			diag_msg(w->d, MSG_LEVEL_OUTSIDE, &lv->pos,
			    "%d; %s has levels %d to %d", lv->value, jt->id,
			    jt->min_level, jt->max_level);
			ok = 0;
		} else if (seen[lv->value] != NULL) {
			tailor_twice(w, MSG_LEVEL_DUPLICATE, &lv->pos,
			    &seen[lv->value]->pos, "level %d", lv->value);
			ok = 0;
		} else
			seen[lv->value] = lv;
		described |= lv->markdown != NULL;
	}
	if (!described)
		diag_msg(w->d, MSG_ENTRY_EMPTY, &cs->skill->pos, "%s",
		    cs->skill->id);
	return ok && described;
}

/* Puts skill k into w's index of skill IDs. */
static void
S_index_skill(struct tailor_work *w, struct skill *k)
{
	hash_put(&w->skill_ids, hash_bytes(&w->skill_ids, k->id,
	    strlen(k->id)), k);
}

/* Appends the usable company skills of w's tailorings to the skills of
 * w's job type (room made by the caller); marks each one used in
 * use[] (by tailoring, then skill, in order). */
static void
S_add_company_skills(struct tailor_work *w, int *use)
{
	struct jobtype *jt = w->jt;
	size_t i, j, u = 0;

	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->nskills; j++, u++) {
			const struct company_skill *cs = &w->t[i]->skills[j];
			const struct skill *k = cs->skill, *was;
			struct skill *c;

			if (k->id == NULL || k->name == NULL)
				continue;
			if ((was = tailor_find_skill(w, k->id)) != NULL) {
				tailor_twice(w, MSG_ID_DUPLICATE, &k->pos,
				    &was->pos, "%s", k->id);
				continue;
			}
			if ((cs->specialty_id != NULL && tailor_specialty(w,
			    cs->specialty_id, &k->pos) == NULL) ||
			    !S_company_levels(w, cs))
				continue;
			c = &jt->skills[jt->nskills++];
			*c = *k;
			c->from = w->t[i];
			S_index_skill(w, c);
			use[u] = 1;
		}
}

/* Fills the entries of specialty sp (number s) of w's job type: copies
 * of the standard's std_sp entries, linked to the copied skills, then
 * an entry per company skill that use[] marks and that sp lists. */
static void
S_copy_entries(struct tailor_work *w, struct specialty *sp,
    const struct specialty *std_sp, const struct jobtype *std,
    const int *use)
{
	struct arena *a = &w->m->arena;
	size_t i, j, u = 0, n = std_sp->nentries;

	for (i = 0; i < w->nt; i++)
		n += w->t[i]->nskills;
	sp->entries = arena_calloc(a, n, sizeof(*sp->entries));
	for (i = 0; i < std_sp->nentries; i++) {
		struct entry *e = &sp->entries[i];

		*e = std_sp->entries[i];
		e->levels = S_copy_levels(a, e->levels, e->nlevels);
		if (e->skill != NULL)
			e->skill = &w->jt->skills[e->skill - std->skills];
	}
	sp->nentries = std_sp->nentries;
	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->nskills; j++, u++) {
			const struct company_skill *cs = &w->t[i]->skills[j];
			struct entry *e;

			if (!use[u] || (cs->specialty_id != NULL &&
			    strcmp(cs->specialty_id, sp->id ? sp->id : "") != 0))
				continue;
			e = &sp->entries[sp->nentries++];
			e->skill_id = cs->skill->id;
			e->skill = tailor_skill(w, cs->skill->id, &cs->skill->pos);
			e->levels = S_copy_levels(a, cs->levels, cs->nlevels);
			e->nlevels = cs->nlevels;
			e->pos = cs->skill->pos;
			e->from = w->t[i];
		}
}

/* Numbers every entry of w's job type and fills the tables that find
 * them: by specialty, by skill (in specialty order), by level value. */
static void
S_number_entries(struct tailor_work *w)
{
	struct jobtype *jt = w->jt;
	size_t i, j, n = 0, *at;

	for (i = 0; i < jt->nspecialties; i++)
		n += jt->specialties[i].nentries;
	w->entries = xcalloc(n + 1, sizeof(*w->entries));
	w->specialty_of = xcalloc(n + 1, sizeof(*w->specialty_of));
	w->level_at = xreallocarray(NULL, n * SLOTS + 1, sizeof(int));
	for (i = 0; i < jt->nspecialties; i++)
		for (j = 0; j < jt->specialties[i].nentries; j++) {
			w->specialty_of[w->nentries] = i;
			w->entries[w->nentries++] = &jt->specialties[i].entries[j];
		}
	w->by_skill_at = xcalloc(jt->nskills + 2, sizeof(size_t));
	w->by_skill = xcalloc(n + 1, sizeof(size_t));
	for (i = 0; i < n; i++) {
		const struct entry *e = w->entries[i];

		memset(&w->level_at[i * SLOTS], 0xff, SLOTS * sizeof(int));
		for (j = e->nlevels; j-- > 0; )	/* the first of a value */
			if (e->levels[j].value >= LEVEL_MIN &&
			    e->levels[j].value <= LEVEL_MAX)
				w->level_at[i * SLOTS + (size_t)e->levels[j].value] =
				    (int)j;
		if (e->skill != NULL)
			w->by_skill_at[tailor_skill_index(w, e->skill) + 2]++;
	}
	for (i = 2; i < jt->nskills + 2; i++)
		w->by_skill_at[i] += w->by_skill_at[i - 1];
	at = w->by_skill_at + 1;	/* at[k]: where skill k's next goes */
	for (i = 0; i < n; i++)
		if (w->entries[i]->skill != NULL)
			w->by_skill[at[tailor_skill_index(w,
			    w->entries[i]->skill)]++] = i;
	w->entry_hide = xcalloc(n + 1, sizeof(*w->entry_hide));
	w->level_hide = xcalloc(n * SLOTS + 1, sizeof(*w->level_hide));
	w->renamed = xcalloc(jt->nskills + 1, sizeof(*w->renamed));
	w->nres = xcalloc(n * SLOTS + 1, sizeof(*w->nres));
	w->span = xcalloc(n + 1, sizeof(*w->span));
	w->skill_hidden = xcalloc(jt->nskills + 1, sizeof(*w->skill_hidden));
}

/* Replaces w->jt (a copy of the standard's job type std) by the tailored
 * copy: skills (with the company's), specialties and entries of its own,
 * in the model's arena. */
static void
S_copy(struct tailor_work *w, const struct jobtype *std)
{
	struct arena *a = &w->m->arena;
	struct jobtype *jt = w->jt;
	size_t i, n = std->nskills, ncs = 0;
	int *use;

	for (i = 0; i < w->nt; i++)
		ncs += w->t[i]->nskills;
	jt->skills = arena_calloc(a, n + ncs, sizeof(*jt->skills));
	if (n > 0)
		memcpy(jt->skills, std->skills, n * sizeof(*jt->skills));
	hash_init(&w->skill_ids);
	hash_init(&w->specialty_ids);
	hash_init(&w->seen);
	arena_init(&w->keys);
	for (i = 0; i < n; i++)
		if (jt->skills[i].id != NULL &&
		    tailor_find_skill(w, jt->skills[i].id) == NULL)
			S_index_skill(w, &jt->skills[i]);
	jt->specialties = arena_calloc(a, std->nspecialties,
	    sizeof(*jt->specialties));
	for (i = 0; i < std->nspecialties; i++) {
		jt->specialties[i] = std->specialties[i];
		if (jt->specialties[i].id != NULL &&
		    tailor_specialty_find(w, jt->specialties[i].id) == NULL)
			hash_put(&w->specialty_ids, hash_bytes(&w->specialty_ids,
			    jt->specialties[i].id,
			    strlen(jt->specialties[i].id)), &jt->specialties[i]);
	}
	use = xcalloc(ncs + 1, sizeof(*use));
	S_add_company_skills(w, use);
	for (i = 0; i < std->nspecialties; i++)
		S_copy_entries(w, &jt->specialties[i], &std->specialties[i], std,
		    use);
	free(use);
	S_number_entries(w);
}

/* Leaves hidden entries out of the specialties of w's job type and
 * empties hidden levels (their hide's tailoring kept as hidden_by);
 * sets keep[k] for each skill some entry still lists. */
static void
S_drop_hidden(struct tailor_work *w, int *keep)
{
	struct jobtype *jt = w->jt;
	size_t s, i, e = 0;
	int n;

	for (s = 0; s < jt->nspecialties; s++) {
		struct specialty *sp = &jt->specialties[s];
		size_t kept = 0;

		for (i = 0; i < sp->nentries; i++, e++) {
			struct entry *en = &sp->entries[i];

			if (w->entry_hide[e] != NULL)
				continue;
			for (n = LEVEL_MIN; n <= LEVEL_MAX; n++) {
				const struct tailor_hide *h =
				    w->level_hide[e * SLOTS + (size_t)n];
				struct level *lv = tailor_level(w, e, n);

				if (h != NULL && lv != NULL) {
					lv->markdown = NULL;
					lv->hidden_by = h->at.from;
				}
			}
			if (en->skill != NULL)
				keep[tailor_skill_index(w, en->skill)] = 1;
			sp->entries[kept++] = *en;
		}
		sp->nentries = kept;
	}
}

/* Leaves out of w's job type the skills no entry lists any more (all
 * hidden), linking entries and role targets to the skills kept. */
static void
S_drop_skills(struct tailor_work *w)
{
	struct jobtype *jt = w->jt;
	int *keep = xcalloc(jt->nskills + 1, sizeof(*keep));
	struct skill **to = xcalloc(jt->nskills + 1, sizeof(*to));
	size_t i, j, k, n = 0;

	S_drop_hidden(w, keep);
	for (i = 0; i < jt->nskills; i++)
		if (keep[i]) {
			to[i] = &jt->skills[n];
			jt->skills[n++] = jt->skills[i];
		}
	for (i = 0; i < jt->nspecialties; i++)
		for (j = 0; j < jt->specialties[i].nentries; j++) {
			struct entry *e = &jt->specialties[i].entries[j];

			if (e->skill != NULL)
				e->skill = to[tailor_skill_index(w, e->skill)];
		}
	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->nroles; j++)
			for (k = 0; k < w->t[i]->roles[j].ntargets; k++) {
				struct role_target *g =
				    &w->t[i]->roles[j].targets[k];

				if (g->skill != NULL)
					g->skill = to[tailor_skill_index(w,
					    g->skill)];
			}
	jt->nskills = n;
	free(to);
	free(keep);
}

/* Lists on w's job type its tailorings and their roles (those of a
 * known specialty), in order. */
static void
S_list(struct tailor_work *w)
{
	struct jobtype *jt = w->jt;
	const struct role **roles;
	size_t i, j, n = 0;

	for (i = 0; i < w->nt; i++)
		n += w->t[i]->nroles;
	roles = arena_calloc(&w->m->arena, n, sizeof(*roles));
	for (i = 0; i < w->nt; i++)
		for (j = 0; j < w->t[i]->nroles; j++)
			if (w->t[i]->roles[j].specialty != NULL)
				roles[jt->nroles++] = &w->t[i]->roles[j];
	jt->roles = roles;
	jt->tailorings = (const struct tailoring *const *)w->t;
	jt->ntailorings = w->nt;
}

/* Frees w's tables (not what they point to). */
static void
S_work_free(struct tailor_work *w)
{
	hash_free(&w->skill_ids);
	hash_free(&w->specialty_ids);
	free(w->entries);
	free(w->by_skill);
	free(w->by_skill_at);
	free(w->specialty_of);
	free(w->level_at);
	free(w->entry_hide);
	free(w->level_hide);
	free(w->renamed);
	free(w->nres);
	free(w->span);
	free(w->skill_hidden);
	hash_free(&w->seen);
	arena_free(&w->keys);
}

/* Tailors job type jt of m with the nt tailorings at t, in order. */
static void
S_tailor_jobtype(struct model *m, struct diag *d, struct jobtype *jt,
    struct tailoring **t, size_t nt)
{
	struct tailor_work w;
	struct jobtype *std = arena_calloc(&m->arena, 1, sizeof(*std));

	memset(&w, 0, sizeof(w));
	*std = *jt;
	w.m = m;
	w.d = d;
	w.jt = jt;
	w.t = t;
	w.nt = nt;
	S_copy(&w, std);
	tailor_hides(&w);
	tailor_renames(&w);
	tailor_knowledge(&w);
	tailor_texts(&w);
	tailor_resources(&w);
	tailor_roles(&w);
	S_drop_skills(&w);
	S_list(&w);
	jt->standard = std;
	S_work_free(&w);
}

/* hash_same_fn: whether job type item has ID key. */
static int
S_same_jobtype(const void *item, const void *key)
{
	const struct jobtype *jt = item;

	return jt->id != NULL && strcmp(jt->id, key) == 0;
}

/* hash_same_fn: whether tailoring item has ID key. */
static int
S_same_tailoring(const void *item, const void *key)
{
	const struct tailoring *t = item;

	return strcmp(t->id, key) == 0;
}

/* Reports each tailoring of m whose ID an earlier one has, or that is
 * "standard": the ID names a text's source in the downloads. */
static void
S_tailoring_ids(const struct model *m, struct diag *d)
{
	struct hash_table ids;
	const struct tailoring *t, *was;
	size_t i, h;

	hash_init(&ids);
	for (i = 0; i < m->ntailorings; i++) {
		if ((t = &m->tailorings[i])->id == NULL)
			continue;
		if (strcmp(t->id, "standard") == 0)	/* a text's source */
			diag_msg(d, MSG_ID_RESERVED, &t->pos, "%s (the "
			    "downloads' source of the standard's texts)",
			    t->id);
		h = hash_bytes(&ids, t->id, strlen(t->id));
		if ((was = hash_get(&ids, h, S_same_tailoring, t->id)) != NULL)
			diag_msg(d, MSG_ID_DUPLICATE, &t->pos, "tailoring %s "
			    "(first at %s:%d:%d)", t->id, diag_file(d,
			    was->pos.file), was->pos.line, was->pos.col);
		else
			hash_put(&ids, h, (void *)t);
	}
	hash_free(&ids);
}

/* Sets base[i] to the number of the job type tailoring i of m tailors,
 * or to m->njobtypes when none (reported). */
static void
S_bases(struct model *m, struct diag *d, size_t *base)
{
	struct hash_table ids;
	size_t i;

	hash_init(&ids);
	for (i = 0; i < m->njobtypes; i++) {
		const char *id = m->jobtypes[i].id;

		if (id != NULL && hash_get(&ids, hash_bytes(&ids, id,
		    strlen(id)), S_same_jobtype, id) == NULL)
			hash_put(&ids, hash_bytes(&ids, id, strlen(id)),
			    &m->jobtypes[i]);
	}
	for (i = 0; i < m->ntailorings; i++) {
		struct tailoring *t = &m->tailorings[i];
		const struct jobtype *jt = t->base == NULL ? NULL :
		    hash_get(&ids, hash_bytes(&ids, t->base, strlen(t->base)),
		    S_same_jobtype, t->base);

		base[i] = jt != NULL ? (size_t)(jt - m->jobtypes) : m->njobtypes;
		if (jt == NULL && t->base != NULL)
			diag_msg(d, MSG_TAILOR_BASE, &t->pos, "base=\"%s\"",
			    t->base);
	}
	hash_free(&ids);
}

void
tailor(struct model *m, struct diag *d)
{
	size_t *base, *at, i, n = m->ntailorings;
	struct tailoring **order;

	if (n == 0)
		return;
	base = xcalloc(n, sizeof(*base));
	at = xcalloc(m->njobtypes + 2, sizeof(*at));
	order = arena_calloc(&m->arena, n, sizeof(*order));
	S_tailoring_ids(m, d);
	S_bases(m, d, base);
	for (i = 0; i < n; i++)		/* the tailorings grouped by base */
		at[base[i] + 1]++;
	for (i = 1; i <= m->njobtypes + 1; i++)
		at[i] += at[i - 1];
	for (i = 0; i < n; i++)
		order[at[base[i]]++] = &m->tailorings[i];
	for (i = m->njobtypes + 1; i-- > 1; )
		at[i] = at[i - 1];
	at[0] = 0;
	for (i = 0; i < m->njobtypes; i++)
		if (at[i + 1] > at[i])
			S_tailor_jobtype(m, d, &m->jobtypes[i], &order[at[i]],
			    at[i + 1] - at[i]);
	free(at);
	free(base);
}
