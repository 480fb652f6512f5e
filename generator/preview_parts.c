/* preview_parts.c: the content files' models of the live preview, kept
 * from one build to the next and joined into one model per build; see
 * preview.h. */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cli.h"
#include "load.h"
#include "par.h"
#include "preview_private.h"
#include "resolve.h"

void
part_free(struct part *pt)
{
	if (pt == NULL)
		return;
	md_table_free(pt->md);
	model_free(&pt->model);
	free(pt->path);
	free(pt);
}

/* Returns the part of the last good build of p for path, trying the
 * hint-th first (files are read in the same order build after build), or
 * NULL. */
static struct part *
S_find(const struct preview *p, const char *path, size_t hint)
{
	size_t i;

	if (hint < p->nparts && strcmp(p->parts[hint]->path, path) == 0)
		return p->parts[hint];
	for (i = 0; i < p->nparts; i++)
		if (strcmp(p->parts[i]->path, path) == 0)
			return p->parts[i];
	return NULL;
}

/* Appends pt to this build's parts of p. */
static void
S_add_now(struct preview *p, struct part *pt)
{
	if (p->nnow == p->capnow) {
		p->capnow = p->capnow ? 2 * p->capnow : 16;
		p->now = xreallocarray(p->now, p->capnow, sizeof(*p->now));
	}
	p->now[p->nnow++] = pt;
}

/* Returns what the status st says of a file's bytes. */
static struct file_id
S_file_id(const struct stat *st)
{
	struct file_id id;

	memset(&id, 0, sizeof(id));
	id.dev = (uint64_t)st->st_dev;
	id.ino = (uint64_t)st->st_ino;
	id.size = (uint64_t)st->st_size;
	id.mtime = (int64_t)st->st_mtim.tv_sec * 1000000000 +
	    st->st_mtim.tv_nsec;
	id.ctime = (int64_t)st->st_ctim.tv_sec * 1000000000 +
	    st->st_ctim.tv_nsec;
	return id;
}

/* Returns whether p's part pt can stand for the file path numbered file
 * of this build: it was read under that number and reported nothing (a
 * file that warned is read again, so that every build warns, as "check"
 * does). */
static int
S_usable(const struct part *pt, size_t file)
{
	return pt != NULL && pt->file == file && !pt->noisy;
}

/* load_same_fn: whether p's model of the file path (numbered file, of
 * status st) is current: its status is the one it was read with; then
 * it joins this build as it is. */
static int
S_same(void *ctx, const char *path, size_t file, const struct stat *st)
{
	struct preview *p = ctx;
	struct part *pt = S_find(p, path, p->nnow);
	struct file_id id = S_file_id(st);

	if (!S_usable(pt, file) || memcmp(&pt->id, &id, sizeof(id)) != 0)
		return 0;
	S_add_now(p, pt);
	return 1;
}

/* load_part_fn: the model the file path (numbered file, status st, its
 * len bytes at buf) joins: none when p has a usable model of these very
 * bytes (a file touched), else a new part's. */
static struct model *
S_part_for(void *ctx, const char *path, size_t file, const struct stat *st,
    const char *buf, size_t len)
{
	struct preview *p = ctx;
	XXH128_hash_t digest = XXH3_128bits(buf, len);
	struct part *pt = S_find(p, path, p->nnow);

	if (S_usable(pt, file) && XXH128_isEqual(pt->digest, digest)) {
		pt->id = S_file_id(st);
		S_add_now(p, pt);
		return NULL;
	}
	pt = xcalloc(1, sizeof(*pt));
	pt->path = xstrdup(path);
	pt->file = file;
	pt->digest = digest;
	pt->id = S_file_id(st);
	pt->fresh = 1;
	model_init(&pt->model);
	S_add_now(p, pt);
	return &pt->model;
}

/* par_job run: renders the Markdown of the ith new part of ctx. */
static void
S_prepare_part(void *ctx, void *state, size_t i, struct diag *d)
{
	struct part **fresh = ctx;

	(void)state;
	fresh[i]->md = md_prepare(&fresh[i]->model, 1, 1, d);
}

/* Renders the Markdown of this build's new parts of p, on its threads;
 * then marks those whose reading reported something to d. */
static void
S_prepare_fresh(struct preview *p, struct diag *d)
{
	struct part **fresh = xcalloc(p->nnow + 1, sizeof(*fresh));
	struct par_job job = { NULL, S_prepare_part, NULL, fresh };
	size_t i, n = 0;

	for (i = 0; i < p->nnow; i++)
		if (p->now[i]->fresh)
			fresh[n++] = p->now[i];
	par_run(&job, n, p->nthreads, d);
	for (i = 0; i < n; i++)
		fresh[i]->noisy = diag_reported_in(d, fresh[i]->file);
	free(fresh);
}

void
preview_load(struct preview *p, struct diag *d)
{
	struct loader *l;

	p->nnow = 0;
	if ((l = loader_new(NULL, d)) == NULL)
		return;
	loader_set_parts(l, S_same, S_part_for, p);
	loader_set_threads(l, p->nthreads);
	cmd_load_paths(l, p->paths, p->npaths);
	loader_free(l);
	S_prepare_fresh(p, d);
}

void
preview_unjoin(struct preview *p)
{
	if (!p->have_joined)
		return;
	md_table_free(p->md);
	p->md = NULL;
	model_free(&p->joined);
	free(p->jt_part);
	p->jt_part = NULL;
	free(p->t_part);
	p->t_part = NULL;
	p->have_joined = 0;
}

/* Adds the framework, job types and tailorings of part pt to p's joined
 * model, at *k and at *t on; reports a second framework to d. */
static void
S_join_part(struct preview *p, const struct part *pt, size_t *k,
    size_t *t, struct diag *d)
{
	const struct model *pm = &pt->model;
	size_t j;

	for (j = 0; j < pm->ntailorings; j++) {
		p->t_part[*t] = pt;
		p->joined.tailorings[(*t)++] = pm->tailorings[j];
	}
	if (pm->framework != NULL) {
		if (p->joined.framework != NULL)
			load_report_framework(d, &pm->framework->pos,
			    &p->joined.framework->pos);
		else
			p->joined.framework = pm->framework;
	}
	for (j = 0; j < pm->njobtypes; j++) {
		p->jt_part[*k] = pt;
		p->joined.jobtypes[(*k)++] = pm->jobtypes[j];
	}
}

void
preview_join(struct preview *p, struct diag *d)
{
	struct md_table **tables = xcalloc(p->nnow + 1, sizeof(*tables));
	size_t i, n = 0, nt = 0, k = 0, t = 0;

	preview_unjoin(p);
	model_init(&p->joined);
	for (i = 0; i < p->nnow; i++) {
		n += p->now[i]->model.njobtypes;
		nt += p->now[i]->model.ntailorings;
	}
	p->joined.jobtypes = xcalloc(n + 1, sizeof(*p->joined.jobtypes));
	p->jt_part = xcalloc(n + 1, sizeof(*p->jt_part));
	p->joined.tailorings = xcalloc(nt + 1,
	    sizeof(*p->joined.tailorings));
	p->t_part = xcalloc(nt + 1, sizeof(*p->t_part));
	for (i = 0; i < p->nnow; i++) {
		S_join_part(p, p->now[i], &k, &t, d);
		tables[i] = p->now[i]->md;
	}
	p->joined.njobtypes = n;
	p->joined.ntailorings = nt;
	p->md = md_join(tables, p->nnow);
	p->have_joined = 1;
	free(tables);
	resolve(&p->joined, d);
}

void
preview_keep_parts(struct preview *p, int good)
{
	size_t i;

	if (!good) {
		preview_unjoin(p);	/* it points into the new parts */
		for (i = 0; i < p->nnow; i++)
			if (p->now[i]->fresh)
				part_free(p->now[i]);
		p->nnow = 0;
		return;
	}
	for (i = 0; i < p->nnow; i++)
		p->now[i]->kept = 1;
	for (i = 0; i < p->nparts; i++)
		if (!p->parts[i]->kept)
			part_free(p->parts[i]);
	p->parts = xreallocarray(p->parts, p->nnow + 1, sizeof(*p->parts));
	for (i = 0; i < p->nnow; i++) {
		p->now[i]->fresh = p->now[i]->kept = 0;
		p->parts[i] = p->now[i];
	}
	p->nparts = p->nnow;
	p->nnow = 0;
}
