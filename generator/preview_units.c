/* preview_units.c: what the live preview keeps of the units of pages
 * and of the templates folder from one build to the next; see
 * preview.h. */
#include <sys/stat.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "preview_private.h"

#define STAMP_DEPTH_MAX	8	/* folders below the templates folder */

/* Adds the status of every file below the folder dir (hidden ones aside,
 * links followed) to *v, holding *n of *cap. */
static void
S_walk(const char *dir, int depth, struct stamp **v, size_t *n, size_t *cap)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	struct stat st;
	char *path;

	if (dp == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xpath_join(dir, de->d_name);
		if (stat(path, &st) != 0)	/* gone since, a dangling link */
			memset(&st, 0, sizeof(st));
		else if (S_ISDIR(st.st_mode) && depth < STAMP_DEPTH_MAX) {
			S_walk(path, depth + 1, v, n, cap);
			free(path);
			continue;
		}
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 32;
			*v = xreallocarray(*v, *cap, sizeof(**v));
		}
		memset(&(*v)[*n], 0, sizeof(**v));
		(*v)[*n].path = path;
		(*v)[*n].size = (int64_t)st.st_size;
		(*v)[*n].mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 +
		    st.st_mtim.tv_nsec;
		(*v)[*n].ctime = (int64_t)st.st_ctim.tv_sec * 1000000000 +
		    st.st_ctim.tv_nsec;
		(*v)[(*n)++].ino = (uint64_t)st.st_ino;
	}
	closedir(dp);
}

/* Orders stamps by path. */
static int
S_stamp_cmp(const void *a, const void *b)
{
	return strcmp(((const struct stamp *)a)->path,
	    ((const struct stamp *)b)->path);
}

/* Frees the n stamps of v. */
static void
S_stamps_free(struct stamp *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

int
preview_templates_changed(struct preview *p)
{
	struct stamp *v = NULL;
	size_t n = 0, cap = 0, i;
	int changed;

	S_walk(p->templates, 0, &v, &n, &cap);
	if (n > 1)
		qsort(v, n, sizeof(*v), S_stamp_cmp);
	changed = p->stamps == NULL || n != p->nstamps;
	for (i = 0; !changed && i < n; i++)
		changed = strcmp(v[i].path, p->stamps[i].path) != 0 ||
		    v[i].size != p->stamps[i].size ||
		    v[i].mtime != p->stamps[i].mtime ||
		    v[i].ctime != p->stamps[i].ctime ||
		    v[i].ino != p->stamps[i].ino;
	S_stamps_free(p->stamps, p->nstamps);
	p->stamps = v != NULL ? v : xcalloc(1, sizeof(*v));
	p->nstamps = n;
	return changed;
}

/* Returns the name of the unit of jt and sp (NULL: the job type's own
 * pages), malloc'd. */
static char *
S_unit_name(const struct jobtype *jt, const struct specialty *sp)
{
	const char *spid = sp != NULL && sp->id != NULL ? sp->id : "";
	size_t a = strlen(jt->id), b = strlen(spid);
	char *name = xreallocarray(NULL, a + b + 2, 1);

	memcpy(name, jt->id, a);
	name[a] = '/';
	memcpy(name + a + 1, spid, b + 1);
	return name;
}

/* Returns the key of the unit called name of p's job type jt: the digest
 * of its content file and of its tailorings' files, the templates, the
 * site's name and the name. */
static XXH128_hash_t
S_unit_key(const struct preview *p, const struct jobtype *jt,
    const char *name)
{
	const struct part *pt = p->jt_part[jt - p->joined.jobtypes];
	XXH3_state_t *s = XXH3_createState();
	XXH128_hash_t key;
	size_t i;

	if (s == NULL)
		xalloc_die();
	XXH3_128bits_reset(s);
	XXH3_128bits_update(s, &pt->digest, sizeof(pt->digest));
	for (i = 0; i < jt->ntailorings; i++) {
		pt = p->t_part[jt->tailorings[i] - p->joined.tailorings];
		XXH3_128bits_update(s, &pt->digest, sizeof(pt->digest));
	}
	XXH3_128bits_update(s, &p->kit_gen, sizeof(p->kit_gen));
	XXH3_128bits_update(s, &p->site_name, sizeof(p->site_name));
	XXH3_128bits_update(s, name, strlen(name) + 1);
	key = XXH3_128bits_digest(s);
	XXH3_freeState(s);
	return key;
}

/* hash_same_fn: whether item is the unit called key. */
static int
S_same_unit(const void *item, const void *key)
{
	return strcmp(((const struct unit_rec *)item)->name, key) == 0;
}

/* Returns p's record of the unit called name, made when it has none.
 * Call with p->units_lock held. */
static struct unit_rec *
S_rec(struct preview *p, const char *name)
{
	size_t h = hash_bytes(&p->units, name, strlen(name));
	struct unit_rec *r = hash_get(&p->units, h, S_same_unit, name);

	if (r != NULL)
		return r;
	r = xcalloc(1, sizeof(*r));
	r->name = xstrdup(name);
	hash_put(&p->units, h, r);
	if (p->nunits == p->capunits) {
		p->capunits = p->capunits ? 2 * p->capunits : 64;
		p->all_units = xreallocarray(p->all_units, p->capunits,
		    sizeof(*p->all_units));
	}
	p->all_units[p->nunits++] = r;
	return r;
}

/* Forgets r's files; it is to be made with key. */
static void
S_rec_reset(struct unit_rec *r, XXH128_hash_t key)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++)
		free(r->files[i]);
	r->nfiles = 0;
	r->pages = 0;
	r->key = key;
}

/* site_reuse begin(): keys the units with the site's name. */
static void
S_begin(void *ctx, const char *site_name)
{
	struct preview *p = ctx;

	p->site_name = XXH3_128bits(site_name, strlen(site_name));
}

/* site_reuse carry(): keeps the unit's live files when its key is the
 * one they were made from and all of them are there; returns whether
 * it did (then adds its pages to *npages), else forgets them. */
static int
S_carry(void *ctx, const struct jobtype *jt, const struct specialty *sp,
    size_t *npages)
{
	struct preview *p = ctx;
	char *name = S_unit_name(jt, sp);
	XXH128_hash_t key = S_unit_key(p, jt, name);
	struct unit_rec *r;
	size_t i;
	int kept;

	pthread_mutex_lock(&p->units_lock);
	r = S_rec(p, name);
	kept = XXH128_isEqual(r->key, key) && r->nfiles > 0;
	for (i = 0; kept && i < r->nfiles; i++)
		kept = stage_keep(p->stage, r->files[i]);
	if (kept)
		*npages += r->pages;
	else
		S_rec_reset(r, key);
	pthread_mutex_unlock(&p->units_lock);
	free(name);
	return kept;
}

/* site_reuse made(): notes a file the unit made. */
static void
S_made(void *ctx, const struct jobtype *jt, const struct specialty *sp,
    enum sink_kind kind, const char *path, size_t len)
{
	struct preview *p = ctx;
	char *name = S_unit_name(jt, sp);
	struct unit_rec *r;

	(void)len;
	pthread_mutex_lock(&p->units_lock);
	r = S_rec(p, name);
	if (r->nfiles == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->files = xreallocarray(r->files, r->cap, sizeof(*r->files));
	}
	r->files[r->nfiles++] = xstrdup(path);
	r->pages += kind == SINK_PAGE || kind == SINK_HANDBOOK;
	pthread_mutex_unlock(&p->units_lock);
	free(name);
}

void
preview_reuse(struct preview *p, struct site_reuse *r)
{
	r->begin = S_begin;
	r->carry = S_carry;
	r->made = S_made;
	r->ctx = p;
}

void
preview_units_forget(struct preview *p)
{
	static const XXH128_hash_t none;
	size_t i;

	for (i = 0; i < p->nunits; i++)
		S_rec_reset(p->all_units[i], none);
}

void
preview_units_free(struct preview *p)
{
	size_t i;

	preview_units_forget(p);
	for (i = 0; i < p->nunits; i++) {
		free(p->all_units[i]->files);
		free(p->all_units[i]->name);
		free(p->all_units[i]);
	}
	free(p->all_units);
	hash_free(&p->units);
	S_stamps_free(p->stamps, p->nstamps);
}
