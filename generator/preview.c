/* preview.c: the live preview's builds; see preview.h. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "preview_private.h"

struct preview *
preview_new(const struct preview_config *c, struct diag *d)
{
	struct preview *p = xcalloc(1, sizeof(*p));
	int i;

	if ((p->site = stage_site_new(c->site, c->scratch, d)) == NULL) {
		free(p);
		return NULL;
	}
	p->paths = xcalloc((size_t)c->npaths + 1, sizeof(*p->paths));
	for (i = 0; i < c->npaths; i++)
		p->paths[i] = xstrdup(c->paths[i]);
	p->npaths = c->npaths;
	p->templates = xstrdup(c->templates);
	p->nthreads = c->nthreads;
	p->lock = c->lock;
	pthread_mutex_init(&p->units_lock, NULL);
	hash_init(&p->units);
	return p;
}

/* Frees p's templates and what it knows of their registration. */
static void
S_kit_free(struct preview *p)
{
	size_t i;

	site_kit_free(p->kit);
	p->kit = NULL;
	for (i = 0; i < p->nkit_files; i++)
		free(p->kit_files[i]);
	free(p->kit_files);
	p->kit_files = NULL;
	p->nkit_files = 0;
}

void
preview_free(struct preview *p)
{
	size_t i;
	int i_arg;

	if (p == NULL)
		return;
	preview_keep_parts(p, 0);	/* this build's new parts, if any */
	preview_unjoin(p);
	for (i = 0; i < p->nparts; i++)
		part_free(p->parts[i]);
	free(p->parts);
	free(p->now);
	S_kit_free(p);
	preview_units_free(p);
	pthread_mutex_destroy(&p->units_lock);
	stage_site_free(p->site);
	for (i_arg = 0; i_arg < p->npaths; i_arg++)
		free(p->paths[i_arg]);
	free(p->paths);
	free(p->templates);
	free(p);
}

/* Makes p's templates those of its folder, registered in d as in the
 * build that loaded them (their diagnostics name them by number): loads
 * them when a file of the folder changed or the numbers would differ,
 * setting *loaded.  Returns 0, or -1 after reporting. */
static int
S_kit(struct preview *p, struct diag *d, int *loaded)
{
	size_t i, first = diag_nfiles(d);
	int changed = preview_templates_changed(p);

	*loaded = 0;
	if (p->kit != NULL && !changed && first == p->kit_first) {
		for (i = 0; i < p->nkit_files; i++)
			diag_add_file(d, p->kit_files[i]);
		return 0;
	}
	S_kit_free(p);
	if ((p->kit = site_kit_load(p->templates, SITE_LIVE_RELOAD, d)) ==
	    NULL)
		return -1;
	p->kit_first = first;
	p->nkit_files = diag_nfiles(d) - first;
	p->kit_files = xcalloc(p->nkit_files + 1, sizeof(*p->kit_files));
	for (i = 0; i < p->nkit_files; i++)
		p->kit_files[i] = xstrdup(diag_file(d, first + i));
	p->kit_gen++;
	*loaded = 1;
	return 0;
}

/* The sink of p's builds: stages each file with its part. */
static int
S_put(void *ctx, enum sink_kind kind, const char *path, const char *data,
    size_t len, struct diag *d)
{
	struct preview *p = ctx;
	unsigned part = kind == SINK_ASSET ? PART_ASSETS :
	    kind == SINK_DOWNLOAD || kind == SINK_SEARCH ? PART_DATA :
	    PART_PAGES;

	if (p->give_way != NULL && p->give_way(p->give_way_ctx)) {
		atomic_store(&p->gave_way, 1);
		return -1;
	}
	return stage_file(p->stage, part, path, data, len, d) < 0 ? -1 : 0;
}

/* Renders the parts (enum site_part) of p's joined model into a stage of
 * the stage parts (PART_*), taking what reuse (NULL: nothing) lets it
 * take, and commits it; fills *st.  Returns 0, or -1 after reporting
 * (then nothing is published). */
static int
S_publish(struct preview *p, unsigned parts, unsigned stage_parts,
    const struct site_reuse *reuse, struct diag *d,
    struct preview_stats *st)
{
	struct site_sink sink = { S_put, p, 0, NULL, NULL, NULL };
	struct stage_stats ss;
	int rc;

	p->stage = stage_begin(p->site, stage_parts);
	if (site_render_kit(&p->joined, p->md, p->kit, parts, p->nthreads,
	    &sink, reuse, d) < 0 || diag_status(d) != EXIT_OK) {
		stage_abort(p->stage);
		p->stage = NULL;
		return -1;
	}
	rc = stage_commit(p->stage, p->lock, &ss, d);
	p->stage = NULL;
	st->pages = sink.pages;
	st->files = stage_site_files(p->site);
	st->changed = ss.written + ss.removed;
	return rc;
}

int
preview_pages(struct preview *p, struct diag *d, struct preview_stats *st)
{
	struct site_reuse reuse;
	int loaded;

	memset(st, 0, sizeof(*st));
	preview_load(p, d);
	preview_join(p, d);
	if (diag_status(d) != EXIT_OK || S_kit(p, d, &loaded) < 0) {
		preview_keep_parts(p, 0);
		return -1;
	}
	preview_reuse(p, &reuse);
	if (S_publish(p, SITE_PAGES | (loaded ? SITE_ASSETS : 0),
	    PART_PAGES | (loaded ? PART_ASSETS : 0), &reuse, d, st) < 0) {
		preview_units_forget(p);
		preview_keep_parts(p, 0);
		return -1;
	}
	preview_keep_parts(p, 1);
	return 0;
}

int
preview_data(struct preview *p, struct diag *d, struct preview_stats *st,
    int (*give_way)(void *ctx), void *ctx)
{
	int rc;

	memset(st, 0, sizeof(*st));
	if (!p->have_joined || p->kit == NULL)
		return -1;
	p->give_way = give_way;
	p->give_way_ctx = ctx;
	atomic_store(&p->gave_way, 0);
	rc = S_publish(p, SITE_DATA, PART_DATA, NULL, d, st);
	p->give_way = NULL;
	return rc < 0 && atomic_load(&p->gave_way) ? 1 : rc;
}
