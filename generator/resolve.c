/* resolve.c: ID, reference and consistency checks; see resolve.h. */
#include "resolve.h"

#include "alloc.h"
#include "paths.h"
#include "tailor.h"
#include "template.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define ID_MAX 64

/* An ID (or other key) with where it was defined, for duplicate checks. */
struct key {
	const char	*text;
	struct pos	 pos;
	size_t		 order;		/* definition order */
	size_t		 owner;		/* the job type that defines it */
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

/* Orders keys by text ignoring ASCII case, then by definition order. */
static int
S_key_casecmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = S_casecmp(x->text, y->text);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

/* Orders keys by text, then by definition order. */
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
S_report_repeats(struct diag *d, struct key *v, size_t n, enum msg msg,
    int fold)
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
			    v[i].text, diag_file(d, f->pos.file), f->pos.line,
			    f->pos.col);
		else
			diag_msg(d, MSG_ID_CASE, &v[i].pos,
			    "%s and %s (at %s:%d:%d)", v[i].text, f->text,
			    diag_file(d, f->pos.file), f->pos.line, f->pos.col);
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

/* Returns a zeroed malloc'd array for n keys. */
static struct key *
S_keys(size_t n)
{
	return xcalloc(n, sizeof(struct key));
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
		if (jt->id != NULL && path_is_reserved_jobtype(jt->id))
			diag_msg(d, MSG_ID_RESERVED, &jt->pos, "%s", jt->id);
		if (jt->number > 0) {
			snprintf(num, sizeof(num), "%d", jt->number);
			nums[nnum].text = arena_strdup(&m->arena, num);
			nums[nnum].pos = jt->pos;
			nums[nnum].order = nnum;
			nnum++;
		}
	}
	S_report_repeats(d, ids, nid, MSG_ID_DUPLICATE, 1);
	S_report_repeats(d, nums, nnum, MSG_JOBTYPE_NUMBER, 0);
	free(nums);
	free(ids);
}

/* Checks the IDs of a job type's skills and specialties, which share one
 * namespace, and the knowledge items of each skill. */
static void
S_check_jobtype_names(struct diag *d, struct jobtype *jt)
{
	struct key *ids = S_keys(jt->nskills + jt->nspecialties), *items;
	size_t i, j, n = 0;

	for (i = 0; i < jt->nskills; i++)
		S_add_id(d, ids, &n, jt->skills[i].id, &jt->skills[i].pos);
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];

		S_add_id(d, ids, &n, sp->id, &sp->pos);
		if (sp->id != NULL && path_is_reserved_specialty(sp->id))
			diag_msg(d, MSG_ID_RESERVED, &sp->pos, "%s", sp->id);
	}
	S_report_repeats(d, ids, n, MSG_ID_DUPLICATE, 1);
	free(ids);
	for (i = 0; i < jt->nskills; i++) {
		const struct skill *sk = &jt->skills[i];

		items = S_keys(sk->nknowledge);
		for (j = 0; j < sk->nknowledge; j++) {
			items[j].text = sk->knowledge[j].text;
			items[j].pos = sk->knowledge[j].pos;
			items[j].order = j;
		}
		S_report_repeats(d, items, sk->nknowledge,
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

/* The state of checking one job type. */
struct jt_check {
	const struct model	*m;
	struct diag		*d;
	struct jobtype		*jt;
	int			 bounded;	/* min and max levels usable */
	struct skill		**index;	/* first definition per ID, sorted */
	size_t			 nindex;
	size_t			*listed_in;	/* per skill: 1 + last specialty */
	size_t			*commons;	/* indices of the common skills */
	size_t			 ncommons;
	size_t			 gaps_shown;	/* missing common skills reported */
	size_t			 gaps_hidden;	/* ... and counted only */
};

/* Checks the levels of entry e against the job type's range. */
static void
S_check_levels(struct jt_check *c, const struct entry *e)
{
	const struct jobtype *jt = c->jt;
	const struct level *seen[LEVEL_MAX + 1] = { NULL };
	size_t i;
	int v, described = 0, unreadable = 0;

	for (i = 0; i < e->nlevels; i++) {
		const struct level *lv = &e->levels[i];

		described |= lv->markdown != NULL;
		unreadable |= lv->value == LEVEL_NONE;
		if (!S_level_ok(c->d, &lv->pos, "", lv->value))
			continue;
		if (c->bounded && (lv->value < jt->min_level ||
		    lv->value > jt->max_level))
			diag_msg(c->d, MSG_LEVEL_OUTSIDE, &lv->pos,
			    "%d; %s has levels %d to %d", lv->value,
			    jt->id ? jt->id : "the job type", jt->min_level,
			    jt->max_level);
		if (seen[lv->value] != NULL)
			diag_msg(c->d, MSG_LEVEL_DUPLICATE, &lv->pos,
			    "level %d (first at %s:%d:%d)", lv->value,
			    diag_file(c->d, seen[lv->value]->pos.file),
			    seen[lv->value]->pos.line, seen[lv->value]->pos.col);
		else
			seen[lv->value] = lv;
	}
	if (c->bounded && !unreadable)	/* else the bad value said it */
		for (v = jt->min_level; v <= jt->max_level; v++)
			if (seen[v] == NULL)
				diag_msg(c->d, MSG_LEVEL_MISSING, &e->pos,
				    "level %d of %s", v,
				    e->skill_id ? e->skill_id : "entry");
	if (!described && e->nlevels > 0)
		diag_msg(c->d, MSG_ENTRY_EMPTY, &e->pos, "%s",
		    e->skill_id ? e->skill_id : "entry");
}

/* Orders skills by ID, then by definition order. */
static int
S_skill_ptr_cmp(const void *a, const void *b)
{
	const struct skill *x = *(struct skill *const *)a;
	const struct skill *y = *(struct skill *const *)b;
	int cmp = strcmp(x->id, y->id);

	return cmp != 0 ? cmp : (x > y) - (x < y);
}

/* Orders skills by ID alone, for lookups. */
static int
S_skill_id_cmp(const void *a, const void *b)
{
	return strcmp((*(struct skill *const *)a)->id,
	    (*(struct skill *const *)b)->id);
}

/* Returns the skill called id, or NULL. */
static struct skill *
S_lookup(const struct jt_check *c, const char *id)
{
	struct skill key = { 0 }, *kp = &key, **hit;

	key.id = id;
	hit = bsearch(&kp, c->index, c->nindex, sizeof(*c->index),
	    S_skill_id_cmp);
	return hit != NULL ? *hit : NULL;
}

/* Reports the common skills that specialty number spn, which lists have
 * of them, lacks: at most DIAG_SHOW_MAX in all, counting the rest. */
static void
S_report_gaps(struct jt_check *c, size_t spn, size_t have)
{
	const struct specialty *sp = &c->jt->specialties[spn];
	size_t i, gaps = c->ncommons - have;

	for (i = 0; i < c->ncommons && gaps > 0; i++) {
		const struct skill *sk = &c->jt->skills[c->commons[i]];

		if (c->listed_in[c->commons[i]] == spn + 1)
			continue;
		if (c->gaps_shown == DIAG_SHOW_MAX)
			break;
		diag_msg(c->d, MSG_COMMON_MISSING, &sp->pos, "%s lacks %s",
		    sp->id ? sp->id : "specialty", sk->id);
		c->gaps_shown++;
		gaps--;
	}
	c->gaps_hidden += gaps;
}

/* Links each entry of specialty number spn to its skill and reports
 * unknown and repeated skills, level problems and missing common skills. */
static void
S_check_specialty(struct jt_check *c, size_t spn)
{
	struct specialty *sp = &c->jt->specialties[spn];
	size_t i, have = 0;

	for (i = 0; i < sp->nentries; i++) {
		struct entry *e = &sp->entries[i];
		size_t k;

		S_check_levels(c, e);
		if (e->skill_id == NULL)
			continue;
		if ((e->skill = S_lookup(c, e->skill_id)) == NULL) {
			diag_msg(c->d, MSG_SKILL_UNKNOWN, &e->pos, "\"%s\"",
			    e->skill_id);
			continue;
		}
		k = (size_t)(e->skill - c->jt->skills);
		if (c->listed_in[k] == spn + 1) {
			diag_msg(c->d, MSG_SKILL_TWICE, &e->pos, "%s in %s",
			    e->skill_id, sp->id ? sp->id : "specialty");
			continue;
		}
		have += e->skill->scope == SCOPE_COMMON;
		c->listed_in[k] = spn + 1;
	}
	if (have < c->ncommons)
		S_report_gaps(c, spn, have);
}

/* Builds c's index of skills by ID (the first definition of each) and
 * its list of common skills. */
static void
S_index_skills(struct jt_check *c)
{
	struct jobtype *jt = c->jt;
	size_t i, n = 0;

	c->index = xcalloc(jt->nskills, sizeof(*c->index));
	c->commons = xcalloc(jt->nskills, sizeof(*c->commons));
	c->listed_in = xcalloc(jt->nskills, sizeof(*c->listed_in));
	for (i = 0; i < jt->nskills; i++) {
		if (jt->skills[i].id == NULL)
			continue;
		c->index[n++] = &jt->skills[i];
	}
	if (n > 1)
		qsort(c->index, n, sizeof(*c->index), S_skill_ptr_cmp);
	for (i = 0; i < n; i++)	/* keep the first of each ID */
		if (c->nindex == 0 ||
		    strcmp(c->index[c->nindex - 1]->id, c->index[i]->id) != 0)
			c->index[c->nindex++] = c->index[i];
	for (i = 0; i < c->nindex; i++)
		if (c->index[i]->scope == SCOPE_COMMON)
			c->commons[c->ncommons++] =
			    (size_t)(c->index[i] - jt->skills);
}

/* Returns the bytes of the Markdown of the notes ns. */
static size_t
S_notes_size(const struct notes *ns)
{
	size_t i, n = 0;

	for (i = 0; i < ns->n; i++)
		n += ns->v[i].markdown ? strlen(ns->v[i].markdown) : 0;
	return n;
}

/* Returns the bytes of skill sk's knowledge items and notes. */
static size_t
S_skill_shared_size(const struct skill *sk)
{
	size_t j, n = S_notes_size(&sk->notes);

	for (j = 0; j < sk->nknowledge; j++)
		n += strlen(sk->knowledge[j].text);
	return n;
}

/* Returns the bytes of job type jt's annotation and notes. */
static size_t
S_jobtype_shared_size(const struct jobtype *jt)
{
	return S_notes_size(&jt->notes) + (jt->annotation ?
	    strlen(jt->annotation) : 0);
}

/* Text that a site repeats: each bytes, times, from what at pos. */
struct repeated {
	size_t			 each, times;
	const char		*id;
	const struct pos	*pos;
};

/* Adds r to *total, and makes it *worst when it repeats more. */
static void
S_add_repeated(size_t *total, struct repeated *worst, struct repeated r)
{
	*total += r.each * r.times;
	if (worst->pos == NULL || r.each * r.times > worst->each * worst->times)
		*worst = r;
}

/* Returns the bytes of the level descriptions of job type jt. */
static size_t
S_levels_size(const struct jobtype *jt)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < jt->nspecialties; i++)
		for (j = 0; j < jt->specialties[i].nentries; j++) {
			const struct entry *e = &jt->specialties[i].entries[j];

			for (k = 0; k < e->nlevels; k++)
				if (e->levels[k].markdown != NULL)
					n += strlen(e->levels[k].markdown);
		}
	return n;
}

/* Returns the bytes of the names shown with each knowledge item of sk:
 * the skill's and those of the first USES_SHOWN specialties that use it
 * (the knowledge index and each item's search result name them). */
static size_t
S_item_names_size(const struct skill *sk)
{
	size_t i, n = sk->name ? strlen(sk->name) : 0;

	for (i = 0; i < sk->nuses && i < USES_SHOWN; i++)
		n += sk->uses[i].specialty->name ?
		    strlen(sk->uses[i].specialty->name) : 0;
	return n;
}

/* Returns how many times sk's items, notes and name are written for its
 * uses: once on each specialty's page of the skill, and once in each
 * of the CSV's rows (one per level of the entry). */
static size_t
S_skill_copies(const struct skill *sk)
{
	size_t i, n = 0;

	for (i = 0; i < sk->nuses; i++)
		n += 1 + sk->uses[i].entry->nlevels;
	return n;
}

/* Reports, at the job type or skill that repeats the most, a site whose
 * repeated text totals more than REPEATED_TOTAL_MAX bytes plus
 * REPEATED_PER_BYTE times the level descriptions': each job type's
 * annotation and notes times its handbooks (its specialties' and its
 * own); each skill's
 * name, items and notes times its specialties' pages of the skill and
 * CSV rows; the names shown with each of its items, twice (knowledge
 * index, search).  Needs the uses (model_index_uses()). */
static void
S_check_repeated(const struct model *m, struct diag *d)
{
	struct repeated worst = { 0, 0, NULL, NULL }, r;
	size_t i, j, total = 0, budget = REPEATED_TOTAL_MAX;

	for (i = 0; i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];

		budget += REPEATED_PER_BYTE * S_levels_size(jt);
		r.each = S_jobtype_shared_size(jt);
		r.times = jt->nspecialties + 1;	/* and the job type's */
		r.id = jt->id;
		r.pos = &jt->pos;
		S_add_repeated(&total, &worst, r);
		for (j = 0; j < jt->nskills; j++) {
			const struct skill *sk = &jt->skills[j];

			r.each = S_skill_shared_size(sk) +
			    (sk->name ? strlen(sk->name) : 0);
			r.times = S_skill_copies(sk);
			r.id = sk->id;
			r.pos = &sk->pos;
			S_add_repeated(&total, &worst, r);
			r.each = S_item_names_size(sk);
			r.times = 2 * sk->nknowledge;
			S_add_repeated(&total, &worst, r);
		}
	}
	if (total > budget)
		diag_msg(d, MSG_SHARED_SIZE, worst.pos, "the site would repeat "
		    "%zu bytes of annotations, editorial notes, names and "
		    "knowledge items, more than %zu (16 MiB and %d per byte of "
		    "level descriptions); the most from %s: %zu bytes written "
		    "%zu times", total, budget, REPEATED_PER_BYTE,
		    worst.id ? worst.id : "", worst.each, worst.times);
}

/* Checks the text that every specialty's pages repeat: each skill's
 * knowledge items and notes, the job type's annotation and notes. */
static void
S_check_shared(struct diag *d, const struct jobtype *jt)
{
	size_t i, n;

	for (i = 0; i < jt->nskills; i++) {
		const struct skill *sk = &jt->skills[i];

		n = S_skill_shared_size(sk);
		if (n > SKILL_SHARED_MAX)
			diag_msg(d, MSG_SHARED_SIZE, &sk->pos, "the knowledge "
			    "items and editorial notes of skill %s total %zu "
			    "bytes, more than %d", sk->id ? sk->id : "", n,
			    SKILL_SHARED_MAX);
		if (sk->nknowledge > SKILL_ITEMS_MAX)
			diag_msg(d, MSG_SHARED_SIZE, &sk->pos, "skill %s has "
			    "%zu knowledge items, more than %d", sk->id ?
			    sk->id : "", sk->nknowledge, SKILL_ITEMS_MAX);
	}
	n = S_jobtype_shared_size(jt);
	if (n > JOBTYPE_SHARED_MAX)
		diag_msg(d, MSG_SHARED_SIZE, &jt->pos, "the annotation and "
		    "editorial notes of job type %s total %zu bytes, more "
		    "than %d", jt->id ? jt->id : "", n, JOBTYPE_SHARED_MAX);
}

/* Checks one job type: IDs, levels, entries, use of every skill. */
static void
S_check_jobtype(struct model *m, struct diag *d, struct jobtype *jt)
{
	struct jt_check c = { m, d, jt, 0, NULL, 0, NULL, NULL, 0, 0, 0 };
	size_t i;

	c.bounded = S_check_bounds(d, jt);
	S_check_jobtype_names(d, jt);
	S_check_shared(d, jt);
	S_index_skills(&c);
	for (i = 0; i < jt->nspecialties; i++)
		S_check_specialty(&c, i);
	if (c.gaps_hidden > 0)
		diag_msg(d, MSG_COMMON_MISSING, &jt->pos,
		    "%zu more cases in %s not listed", c.gaps_hidden,
		    jt->id ? jt->id : "the job type");
	for (i = 0; i < c.nindex; i++) {
		size_t k = (size_t)(c.index[i] - jt->skills);

		if (c.listed_in[k] == 0 && jt->nspecialties > 0)
			diag_msg(d, MSG_SKILL_UNUSED, &jt->skills[k].pos, "%s",
			    jt->skills[k].id);
	}
	free(c.listed_in);
	free(c.commons);
	free(c.index);
}

/* Returns whether job types a and b have the same ID but for case (a
 * duplicate reported on its own). */
static int
S_same_id(const struct jobtype *a, const struct jobtype *b)
{
	return a->id != NULL && b->id != NULL && S_casecmp(a->id, b->id) == 0;
}

/* Returns the first of keys v[0..n), ordered by S_key_casecmp, whose
 * text is text but for case, or NULL. */
static const struct key *
S_key_find(const struct key *v, size_t n, const char *text)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (S_casecmp(v[mid].text, text) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && S_casecmp(v[lo].text, text) == 0 ? &v[lo] : NULL;
}

/* Returns the key of v[0..n) (ordered by S_key_casecmp) whose text and
 * "-map" is id, but for case, or NULL: handbooks/ID.html would be that
 * one's skill map (paths.h). */
static const struct key *
S_map_of(const struct key *v, size_t n, const char *id)
{
	const struct key *f;
	size_t len = strlen(id);
	char *base;

	if (len <= 4 || S_casecmp(id + len - 4, "-map") != 0)
		return NULL;
	base = xstrdup(id);
	base[len - 4] = '\0';
	f = S_key_find(v, n, base);
	free(base);
	return f;
}

/* Reports each specialty ID of keys v[0..n) (ordered by S_key_casecmp)
 * that is another specialty's ID and "-map": handbooks/ID-map.html is
 * the other's skill map (paths.h). */
static void
S_check_map_names(const struct key *v, size_t n, struct diag *d)
{
	const struct key *f;
	size_t i;

	for (i = 0; i < n; i++)
		if ((f = S_map_of(v, n, v[i].text)) != NULL)
			diag_msg(d, MSG_ID_MAP, &v[i].pos, "%s (%s at %s:%d:%d)",
			    v[i].text, f->text, diag_file(d, f->pos.file),
			    f->pos.line, f->pos.col);
}

/* Reports each job type of m whose ID is, but for case, one of the
 * specialty IDs v[0..n) (ordered by S_key_casecmp), or one of them and
 * "-map": its handbook, handbooks/ID.html, would be that specialty's
 * handbook or skill map. */
static void
S_check_jobtype_handbooks(const struct model *m, const struct key *v,
    size_t n, struct diag *d)
{
	const struct key *f;
	size_t i;

	for (i = 0; i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];

		if (jt->id == NULL)
			continue;
		if ((f = S_key_find(v, n, jt->id)) != NULL ||
		    (f = S_map_of(v, n, jt->id)) != NULL)
			diag_msg(d, MSG_ID_HANDBOOK, &jt->pos,
			    "%s (specialty %s at %s:%d:%d)", jt->id, f->text,
			    diag_file(d, f->pos.file), f->pos.line, f->pos.col);
	}
}

/* Reports a specialty ID that more than one job type uses, once per
 * further job type, at its first use there with the first use of all:
 * the handbooks of both would be handbooks/ID.html.  Repeats within one
 * job type, or job types with one ID, are reported as duplicate IDs.
 * Then reports the IDs that would name another's skill map, and the job
 * types whose handbook would be a specialty's page. */
static void
S_check_specialties_across(struct model *m, struct diag *d)
{
	struct key *v;
	size_t i, j, n = 0, first = 0;

	for (i = 0; i < m->njobtypes; i++)
		n += m->jobtypes[i].nspecialties;
	v = S_keys(n);
	n = 0;
	for (i = 0; i < m->njobtypes; i++)
		for (j = 0; j < m->jobtypes[i].nspecialties; j++) {
			const struct specialty *sp = &m->jobtypes[i].specialties[j];

			if (sp->id == NULL)
				continue;
			v[n].text = sp->id;
			v[n].pos = sp->pos;
			v[n].order = n;
			v[n].owner = i;
			n++;
		}
	qsort(v, n, sizeof(*v), S_key_casecmp);
	for (i = 1; i < n; i++) {
		if (S_casecmp(v[i].text, v[first].text) != 0)
			first = i;
		else if (v[i].owner != v[i - 1].owner &&
		    !S_same_id(&m->jobtypes[v[i].owner],
		    &m->jobtypes[v[first].owner]))
			diag_msg(d, MSG_ID_SHARED, &v[i].pos,
			    "%s (first at %s:%d:%d)", v[i].text,
			    diag_file(d, v[first].pos.file), v[first].pos.line,
			    v[first].pos.col);
	}
	S_check_map_names(v, n, d);
	S_check_jobtype_handbooks(m, v, n, d);
	free(v);
}

/* Gives every knowledge item of job type jt its anchor, in m's arena: one
 * per distinct text of the job type, never one for two texts. */
static void
S_anchor_knowledge(struct model *m, struct jobtype *jt)
{
	const char **texts, **anchors;
	size_t i, j, n = 0;

	for (i = 0; i < jt->nskills; i++)
		n += jt->skills[i].nknowledge;
	texts = xcalloc(n + 1, sizeof(*texts));
	anchors = xcalloc(n + 1, sizeof(*anchors));
	n = 0;
	for (i = 0; i < jt->nskills; i++)
		for (j = 0; j < jt->skills[i].nknowledge; j++)
			texts[n++] = jt->skills[i].knowledge[j].text;
	path_text_anchors(&m->arena, texts, n, path_text_hash, anchors);
	n = 0;
	for (i = 0; i < jt->nskills; i++)
		for (j = 0; j < jt->skills[i].nknowledge; j++)
			jt->skills[i].knowledge[j].anchor = anchors[n++];
	free(anchors);
	free(texts);
}

/* Reports name, at pos, when the template policy would refuse it in an
 * attribute, where the pages put names (data-skill, aria-label). */
static void
S_check_name(const char *name, const struct pos *pos, struct diag *d)
{
	const char *why;

	if (name != NULL && (why = template_value_breach(name)) != NULL)
		diag_msg(d, MSG_NAME_BREACH, pos, "%s: %s", why, name);
}

/* Reports every name of m's job types, skills and specialties that the
 * pages could not put in an attribute. */
static void
S_check_names(const struct model *m, struct diag *d)
{
	size_t i, j;

	for (i = 0; i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];

		S_check_name(jt->name, &jt->pos, d);
		for (j = 0; j < jt->nskills; j++)
			S_check_name(jt->skills[j].name, &jt->skills[j].pos, d);
		for (j = 0; j < jt->nspecialties; j++)
			S_check_name(jt->specialties[j].name,
			    &jt->specialties[j].pos, d);
	}
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
	S_check_specialties_across(m, d);
	for (i = 0; i < m->njobtypes; i++)
		S_check_jobtype(m, d, &m->jobtypes[i]);
	tailor(m, d);
	model_index_uses(m);
	model_index_levels(m);
	S_check_repeated(m, d);
	S_check_names(m, d);
	for (i = 0; i < m->njobtypes; i++)
		S_anchor_knowledge(m, &m->jobtypes[i]);
}
