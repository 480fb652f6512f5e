/* site.c: rendering the whole site, on several threads; see site.h. */
#include "site.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "alloc.h"
#include "assets.h"
#include "export.h"
#include "load.h"
#include "page_fields.h"
#include "par.h"
#include "paths.h"
#include "search_index.h"
#include "serve.h"
#include "template.h"
#include "xlsx_assess.h"
#include "xlsx_framework.h"
#include "page.h"

/* A share of the work: the downloads, a specialty's self-assessment
 * workbook, a part of the search index, a specialty's pages, or a job
 * type's own (knowledge index, comparisons, its handbook and, when
 * tailorings apply, their report and roles). */
struct unit {
	enum { UNIT_DOWNLOADS, UNIT_BOOK, UNIT_SEARCH, UNIT_SPECIALTY,
	    UNIT_JOBTYPE } kind;
	const struct jobtype	*jt;
	const struct specialty	*sp;
	size_t			 part;		/* of the search index */
};

/* The rendering of the units, shared by the threads. */
struct work {
	const struct builder	*proto;		/* what every builder shares */
	const struct site_reuse	*reuse;		/* NULL: render every unit */
	struct unit		*units;
	struct search_build	*search;	/* made in parts */
	pthread_mutex_t		 lock;		/* for the fields below */
	int			 stop;		/* the sink refused a file */
	int			 failed;
	size_t			 npages;
};

/* Loads the layout and page templates from dir (registered in d) and
 * compiles each page with the layout, its directives checked against the
 * page's declared fields (with the live preview's script when live is
 * set), and loads the labels of the pages into *labels; returns -1 after
 * reporting every problem. */
static int
S_load_templates(struct template **layout, struct template **pages,
    struct labels **labels, const char *dir, int live, struct diag *d)
{
	char *path = xpath_join(dir, "layout.xhtml");
	int k, rc = 0;

	*layout = template_load(path, d);
	free(path);
	path = xpath_join(dir, "labels.xml");
	if ((*labels = labels_load(path, d)) == NULL)
		rc = -1;
	free(path);
	for (k = 0; k < PAGE__COUNT; k++) {
		path = xpath_join(dir, page_decls[k].template);
		pages[k] = template_load(path, d);
		free(path);
		if (pages[k] == NULL)
			rc = -1;
		else
			template_declare(pages[k], page_decls[k].fields,
			    page_fields_shared);
	}
	if (*layout == NULL || template_check_layout(*layout, d) < 0)
		return -1;
	if (live)
		template_live_reload(*layout, SERVE_SCRIPT_URL,
		    TEMPLATE_CSP SERVE_CSP_EXTRA);
	for (k = 0; k < PAGE__COUNT; k++)
		if (pages[k] != NULL && template_compile(*layout, pages[k], d) < 0)
			rc = -1;
	return rc;
}

/* A download being given to the sink: in parts, or held whole for a
 * sink that takes files only whole (no open()). */
struct download {
	struct site_sink	*sink;
	void			*file;		/* NULL: held in buf */
	char			*buf;
	size_t			 len, cap;
};

/* export_out's write(): gives a part of the download ctx to the sink, or
 * adds it to the download held. */
static int
S_download_part(void *ctx, const char *data, size_t len)
{
	struct download *dl = ctx;

	if (dl->file != NULL)
		return dl->sink->write(dl->file, data, len);
	if (dl->len + len > dl->cap) {
		dl->cap = dl->len + len > 2 * dl->cap ? dl->len + len :
		    2 * dl->cap;
		dl->buf = xreallocarray(dl->buf, dl->cap, 1);
	}
	memcpy(dl->buf + dl->len, data, len);
	dl->len += len;
	return 0;
}

/* Gives the sink the download at path, made in parts from m: a CSV,
 * csv with header, when csv is not NULL, else the JSON; whole, through
 * put(), to a sink without open().  Returns 0, or -1 after reporting. */
static int
S_download(struct site_sink *sink, const char *path, const struct model *m,
    int (*csv)(const struct model *, const char *, const struct export_out *),
    const char *header, struct diag *d)
{
	struct download dl = { sink, NULL, NULL, 0, 0 };
	struct export_out out = { S_download_part, &dl };
	int rc;

	if (sink->open != NULL &&
	    (dl.file = sink->open(sink->ctx, SINK_DOWNLOAD, path, d)) == NULL)
		return -1;
	rc = csv != NULL ? csv(m, header, &out) : export_json(m, &out);
	if (dl.file != NULL)
		return sink->close(dl.file, rc == 0);
	if (rc == 0)
		rc = sink->put(sink->ctx, SINK_DOWNLOAD, path, dl.buf, dl.len, d);
	free(dl.buf);
	return rc == 0 ? 0 : -1;
}

/* Puts the self-assessment workbook of specialty sp of jt
 * (downloads/S-assessment.xlsx), in the words of labels.  Returns 0, or
 * -1 after reporting. */
static int
S_assessment_book(struct site_sink *sink, const struct jobtype *jt,
    const struct specialty *sp, const struct labels *labels, struct diag *d)
{
	struct arena a;
	size_t len;
	char *bytes;
	int rc = -1;

	arena_init(&a);
	bytes = xlsx_assess_workbook(jt, sp, labels, &len, d);
	if (bytes != NULL && sink->put(sink->ctx, SINK_DOWNLOAD,
	    path_assessment_xlsx(&a, sp->id), bytes, len, d) == 0)
		rc = 0;
	free(bytes);
	arena_free(&a);
	return rc;
}

/* Puts the downloads of m: the JSON, its schema, the CSV and, when a
 * job type has roles, the roles' CSV (their header rows from labels),
 * and the framework workbook (xlsx_framework.h).
 * Returns 0, or -1 after reporting. */
static int
S_downloads(struct site_sink *sink, const struct model *m,
    const struct labels *labels, struct diag *d)
{
	const char *schema = NULL;
	size_t len = 0;

	if (S_download(sink, PATH_JSON, m, NULL, NULL, d) < 0)
		return -1;
	schema = export_json_schema(&len);
	if (sink->put(sink->ctx, SINK_DOWNLOAD, PATH_JSON_SCHEMA, schema, len,
	    d) < 0)
		return -1;
	if (export_has_roles(m) && S_download(sink, PATH_ROLES_CSV, m,
	    export_roles_csv, labels_text(labels, LABEL_CSV_ROLES_HEADER),
	    d) < 0)
		return -1;
	if (S_download(sink, PATH_CSV, m, export_csv, labels_text(labels,
	    LABEL_CSV_HEADER), d) < 0)
		return -1;
	return xlsx_framework(m, labels, sink, d);
}

/* Adds to v, from *k on, a unit of kind for each specialty of m. */
static void
S_specialty_units(struct unit *v, size_t *k, const struct model *m, int kind)
{
	size_t i, j;

	for (i = 0; i < m->njobtypes; i++)
		for (j = 0; j < m->jobtypes[i].nspecialties; j++, (*k)++) {
			v[*k].kind = kind;
			v[*k].jt = &m->jobtypes[i];
			v[*k].sp = &m->jobtypes[i].specialties[j];
		}
}

/* Returns the units of m, in the order of the site: the downloads, each
 * specialty's workbook and nsearch parts of the search index when data
 * is set, the pages of each specialty and job type when pages is set;
 * sets *n. */
static struct unit *
S_units(const struct model *m, int data, size_t nsearch, int pages,
    size_t *n)
{
	struct unit *v;
	size_t i, j, k = 0, nsp = 0;

	for (i = 0; i < m->njobtypes; i++)
		nsp += m->jobtypes[i].nspecialties;
	if (pages)
		k = nsp + m->njobtypes;
	v = xcalloc(k + 1 + nsearch + nsp, sizeof(*v));
	k = 0;
	if (data) {
		v[k++].kind = UNIT_DOWNLOADS;	/* the longest units first */
		for (; k <= nsearch; k++) {
			v[k].kind = UNIT_SEARCH;
			v[k].part = k - 1;
		}
		S_specialty_units(v, &k, m, UNIT_BOOK);
	}
	for (i = 0; pages && i < m->njobtypes; i++) {
		for (j = 0; j < m->jobtypes[i].nspecialties; j++, k++) {
			v[k].kind = UNIT_SPECIALTY;
			v[k].jt = &m->jobtypes[i];
			v[k].sp = &m->jobtypes[i].specialties[j];
		}
		v[k].kind = UNIT_JOBTYPE;
		v[k++].jt = &m->jobtypes[i];
	}
	*n = k;
	return v;
}

/* par_job begin: a thread's builder. */
static void *
S_begin(void *ctx)
{
	struct work *w = ctx;
	struct builder *b = xcalloc(1, sizeof(*b));

	*b = *w->proto;
	arena_init(&b->arena);
	arena_init(&b->marks_arena);
	return b;
}

/* A unit's sink: gives each file to the build's sink and tells reuse. */
struct unit_sink {
	struct site_sink	 sink;
	struct site_sink	*to;
	const struct site_reuse	*reuse;
	const struct unit	*u;
};

/* The unit sink's put(). */
static int
S_unit_put(void *ctx, enum sink_kind kind, const char *path,
    const char *data, size_t len, struct diag *d)
{
	struct unit_sink *us = ctx;

	if (us->to->put(us->to->ctx, kind, path, data, len, d) < 0)
		return -1;
	us->reuse->made(us->reuse->ctx, us->u->jt, us->u->sp, kind, path, len);
	return 0;
}

/* Renders the pages of u, a specialty's or a job type's, with b; when w
 * may reuse the last build's, carries them instead if it can, or tells
 * it each file made. */
static void
S_run_pages(struct work *w, struct builder *b, const struct unit *u)
{
	const struct site_reuse *r = w->reuse;
	struct unit_sink us = { { S_unit_put, NULL, 0, NULL, NULL, NULL },
	    b->out, r, u };
	size_t k;

	us.sink.ctx = &us;
	if (r != NULL && r->carry(r->ctx, u->jt, u->sp, &b->npages))
		return;
	if (r != NULL)
		b->out = &us.sink;
	if (u->sp != NULL) {
		pages_specialty(b, u->jt, u->sp);
		pages_handbook(b, u->jt, u->sp);
		pages_map(b, u->jt, u->sp);
		pages_assessment(b, u->jt, u->sp);
		pages_skills(b, u->jt, u->sp);
		pages_levels(b, u->jt, u->sp);
		steps_release(b->steps, u->jt, u->sp);
	} else {
		pages_jobtype(b, u->jt);
		pages_handbook_jobtype(b, u->jt);
		pages_tailoring(b, u->jt);
		pages_roles(b, u->jt);
		for (k = 0; k < u->jt->nspecialties; k++)
			steps_release(b->steps, u->jt, &u->jt->specialties[k]);
	}
	b->out = us.to;
}

/* par_job run: renders unit i, unless the sink stopped the work. */
static void
S_run(void *ctx, void *state, size_t i, struct diag *d)
{
	struct work *w = ctx;
	struct builder *b = state;
	const struct unit *u = &w->units[i];
	int stop;

	pthread_mutex_lock(&w->lock);
	stop = w->stop;
	pthread_mutex_unlock(&w->lock);
	if (stop)
		return;
	b->d = d;
	switch (u->kind) {
	case UNIT_DOWNLOADS:
		if (S_downloads(b->out, b->m, b->labels, d) < 0)
			b->failed = b->stopped = 1;
		break;
	case UNIT_BOOK:
		if (S_assessment_book(b->out, u->jt, u->sp, b->labels, d) < 0)
			b->failed = b->stopped = 1;
		break;
	case UNIT_SEARCH:
		if (search_build_part(w->search, u->part, d) < 0)
			b->failed = b->stopped = 1;
		break;
	case UNIT_SPECIALTY:
	case UNIT_JOBTYPE:
		S_run_pages(w, b, u);
		break;
	}
	if (b->stopped) {
		pthread_mutex_lock(&w->lock);
		w->stop = 1;
		pthread_mutex_unlock(&w->lock);
	}
}

/* par_job end: adds up a thread's results and frees its builder. */
static void
S_end(void *ctx, void *state)
{
	struct work *w = ctx;
	struct builder *b = state;

	pthread_mutex_lock(&w->lock);
	w->failed |= b->failed;
	w->npages += b->npages;
	pthread_mutex_unlock(&w->lock);
	arena_free(&b->arena);
	arena_free(&b->marks_arena);
	free(b);
}

/* Renders the units of m that parts (enum site_part) name on up to
 * nthreads threads, taking what reuse lets it take; adds the pages to
 * *npages.  Returns 0, or -1 when a page failed or the sink stopped. */
static int
S_render_units(const struct builder *proto, const struct site_reuse *reuse,
    unsigned parts, unsigned nthreads, struct diag *d, size_t *npages)
{
	struct work w;
	struct par_job job = { S_begin, S_run, S_end, &w };
	int data = (parts & SITE_DATA) != 0;
	size_t n;

	memset(&w, 0, sizeof(w));
	pthread_mutex_init(&w.lock, NULL);
	w.proto = proto;
	w.reuse = reuse;
	if (data)
		w.search = search_build_new(proto->m, proto->md,
		    proto->labels, proto->out, SEARCH_PART_DOCS);
	w.units = S_units(proto->m, data, data ?
	    search_build_parts(w.search) : 0, (parts & SITE_PAGES) != 0, &n);
	par_run(&job, n, nthreads, d);
	if (data && search_build_end(w.search) < 0)
		w.failed = 1;
	*npages += w.npages;
	free(w.units);
	pthread_mutex_destroy(&w.lock);
	return w.failed || w.stop ? -1 : 0;
}

/* The templates of a site, compiled (see site_kit_load()). */
struct site_kit {
	struct template	*layout;
	struct template	*pages[PAGE__COUNT];
	struct labels	*labels;
	char		*dir;
	unsigned	 options;
};

struct site_kit *
site_kit_load(const char *template_dir, unsigned options, struct diag *d)
{
	struct site_kit *kit = xcalloc(1, sizeof(*kit));

	xmlInitParser();	/* before any thread uses libxml2 */
	kit->dir = xstrdup(template_dir);
	kit->options = options;
	if (S_load_templates(&kit->layout, kit->pages, &kit->labels,
	    template_dir, (options & SITE_LIVE_RELOAD) != 0, d) < 0) {
		site_kit_free(kit);
		return NULL;
	}
	return kit;
}

void
site_kit_free(struct site_kit *kit)
{
	int k;

	if (kit == NULL)
		return;
	template_free(kit->layout);
	labels_free(kit->labels);
	for (k = 0; k < PAGE__COUNT; k++)
		template_free(kit->pages[k]);
	free(kit->dir);
	free(kit);
}

/* Renders the home and about pages of b into its sink; returns 0, or -1
 * when one failed. */
static int
S_site_pages(struct builder *b, struct site_sink *sink)
{
	arena_init(&b->arena);
	pages_home(b);
	if (!b->failed)
		pages_about(b);
	sink->pages += b->npages;
	b->npages = 0;
	arena_free(&b->arena);
	return b->failed ? -1 : 0;
}

int
site_render_kit(const struct model *m, const struct md_table *md,
    const struct site_kit *kit, unsigned parts, unsigned nthreads,
    struct site_sink *sink, const struct site_reuse *reuse, struct diag *d)
{
	struct builder b = { .m = m, .md = md, .d = d, .out = sink,
	    .pdf = (kit->options & SITE_PDF) != 0,
	    .pages = kit->pages,
	    .layout = kit->layout, .labels = kit->labels };
	int rc = -1;

	if ((parts & SITE_ASSETS) && assets_publish(kit->dir, sink, d) < 0)
		return -1;
	b.site_name = m->framework && m->framework->name ?
	    m->framework->name : labels_text(kit->labels, LABEL_SITE_NAME);
	if ((parts & SITE_PAGES) && S_site_pages(&b, sink) < 0)
		return -1;
	b.steps = steps_store_new(m, md);
	if (reuse != NULL)
		reuse->begin(reuse->ctx, b.site_name);
	if (S_render_units(&b, reuse, parts, nthreads, d, &sink->pages) == 0)
		rc = 0;
	steps_store_free(b.steps);
	return rc;
}

int
site_render(const struct model *m, const struct md_table *md,
    const char *template_dir, unsigned options, unsigned nthreads,
    struct site_sink *sink, struct diag *d)
{
	return site_render_reuse(m, md, template_dir, options, nthreads, sink,
	    NULL, d);
}

int
site_render_reuse(const struct model *m, const struct md_table *md,
    const char *template_dir, unsigned options, unsigned nthreads,
    struct site_sink *sink, const struct site_reuse *reuse, struct diag *d)
{
	struct site_kit *kit = site_kit_load(template_dir, options, d);
	int rc;

	if (kit == NULL)
		return -1;
	rc = site_render_kit(m, md, kit, SITE_ASSETS | SITE_PAGES | SITE_DATA,
	    nthreads, sink, reuse, d);
	site_kit_free(kit);
	return rc;
}
