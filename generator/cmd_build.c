/* cmd_build.c: the "build" command; see cli.h. */
#include <sys/stat.h>

#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "assets.h"
#include "cli.h"
#include "diag.h"
#include "manifest.h"
#include "markdown.h"
#include "model.h"
#include "par.h"
#include "pdf.h"
#include "site.h"
#include "write.h"

#define DEFAULT_OUTPUT "output"

#ifndef SKILLSITE_DATADIR
#define SKILLSITE_DATADIR "/usr/local/share/skillsite"
#endif

/* Returns whether dir holds a layout template. */
static int
S_has_templates(const char *dir)
{
	char *path = xpath_join(dir, "layout.xhtml");
	int ok;

	ok = access(path, R_OK) == 0;
	free(path);
	return ok;
}

/* The templates folder: -t DIR, else the one beside the executable (the
 * source tree's templates/, or an installed share/skillsite/templates),
 * else the compiled-in data folder. */
char *
cmd_templates(const struct cmd_args *args)
{
	static const char *const near[] = { "../templates",
	    "../share/skillsite/templates" };
	char exe[PATH_MAX], *path;
	ssize_t n;
	size_t i;

	if (args->opt['t' - 'a'] != NULL)
		return xstrdup(args->opt['t' - 'a']);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; i < sizeof(near) / sizeof(*near); i++) {
			path = xpath_join(exe, near[i]);
			if (S_has_templates(path))
				return path;
			free(path);
		}
	}
	return xstrdup(SKILLSITE_DATADIR "/templates");
}

/* Returns whether publishing to dest could remove or write into the
 * input path, after reporting it to err. */
static int
S_overlaps(const char *dest, const char *path, FILE *err)
{
	if (!publish_overlaps(dest, path))
		return 0;
	diag_plain(err, "-o \"%s\" and the input \"%s\" overlap: neither may "
	    "be or lie inside the other", dest, path);
	return 1;
}

/* Returns whether publishing to dest could reach a file of the folder
 * dir through a symbolic link in it (reported to err). */
static int
S_links_overlap(const char *dest, const char *dir, FILE *err)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	struct stat st;
	char *path;
	int bad = 0;

	if (dp == NULL)
		return 0;	/* reported when read */
	while (!bad && (de = readdir(dp)) != NULL) {
		path = xpath_join(dir, de->d_name);
		bad = lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
		    S_overlaps(dest, path, err);
		free(path);
	}
	closedir(dp);
	return bad;
}

/* Returns EXIT_OK when the site may be published to dest from the
 * inputs of args and templates, else EXIT_USAGE after reporting to err:
 * dest must name a folder (publish_target_error()), and no input (a
 * content path, the templates folder or a link in it) may be dest, lie
 * inside it or hold it, so that publishing never removes or writes into
 * an input.  Checked before any work. */
static int
S_check_dest(const struct cmd_args *args, const char *dest,
    const char *templates, FILE *err)
{
	const char *why = publish_target_error(dest);
	int i, bad;

	if (why != NULL) {
		diag_plain(err, "-o \"%s\": not a folder to publish to: %s",
		    dest, why);
		return EXIT_USAGE;
	}
	bad = S_overlaps(dest, templates, err) ||
	    S_links_overlap(dest, templates, err) ||
	    (args->npaths == 0 && S_overlaps(dest, DEFAULT_CONTENT, err));
	for (i = 0; !bad && i < args->npaths; i++)
		bad = S_overlaps(dest, args->paths[i], err);
	return bad ? EXIT_USAGE : EXIT_OK;
}

/* Returns EXIT_OK, or EXIT_USAGE after reporting to err when a content
 * file registered in d was read through a symbolic link from inside
 * dest (the paths given were checked before). */
static int
S_check_loaded(const struct diag *d, const char *dest, FILE *err)
{
	struct stat st;
	size_t i;

	for (i = 0; i < diag_nfiles(d); i++)
		if (lstat(diag_file(d, i), &st) == 0 && S_ISLNK(st.st_mode) &&
		    S_overlaps(dest, diag_file(d, i), err))
			return EXIT_USAGE;
	return EXIT_OK;
}

double
cmd_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A handbook page, as published. */
struct handbook {
	char	*path;		/* its site path */
	size_t	 len;		/* its size: what its PDF takes to make */
	int	 same;		/* carried unchanged from the live site */
};

/* A build in progress: the publication, and what the PDFs need. */
struct build {
	struct publish	*pub;
	pthread_mutex_t	 lock;		/* for the fields below */
	struct handbook	*handbooks;	/* in the order threads made them */
	size_t		 nhandbooks;
	const char	*dest;		/* the live site */
	struct manifest	*mf;		/* the record of the build */
	size_t		 nassets;	/* assets put */
	int		 assets_changed; /* an asset was written anew */
};

/* Orders handbooks by path. */
static int
S_handbook_cmp(const void *a, const void *b)
{
	return strcmp(((const struct handbook *)a)->path,
	    ((const struct handbook *)b)->path);
}

/* Notes in b a file of kind published at path, len bytes, rc as
 * publish_file() returned: the handbooks, and whether every asset (the
 * stylesheets, fonts and images a PDF may use) came out unchanged. */
static void
S_note(struct build *b, enum sink_kind kind, const char *path, size_t len,
    int rc)
{
	pthread_mutex_lock(&b->lock);
	if (kind == SINK_ASSET) {
		b->nassets++;
		b->assets_changed |= rc == 0;
	} else if (kind == SINK_HANDBOOK) {
		b->handbooks = xreallocarray(b->handbooks, b->nhandbooks + 1,
		    sizeof(*b->handbooks));
		b->handbooks[b->nhandbooks].path = xstrdup(path);
		b->handbooks[b->nhandbooks].len = len;
		b->handbooks[b->nhandbooks++].same = rc;
	}
	pthread_mutex_unlock(&b->lock);
}

/* The site's sink: publishes each file and notes it (S_note()). */
static int
S_put(void *ctx, enum sink_kind kind, const char *path, const char *data,
    size_t len, struct diag *d)
{
	struct build *b = ctx;
	int rc = publish_file(b->pub, path, data, len, d);

	if (rc < 0)
		return -1;
	S_note(b, kind, path, len, rc);
	return 0;
}

/* A file the sink takes in parts. */
struct build_file {
	struct build		*b;
	struct publish_stream	*s;
	enum sink_kind		 kind;
	char			*path;
	size_t			 len;		/* the bytes given so far */
};

/* The sink's open(): starts publishing the file path of kind; returns it
 * (malloc'd, freed by S_close()), or NULL after reporting to d. */
static void *
S_open(void *ctx, enum sink_kind kind, const char *path, struct diag *d)
{
	struct build *b = ctx;
	struct publish_stream *s = publish_open(b->pub, path, d);
	struct build_file *f;

	if (s == NULL)
		return NULL;
	f = xcalloc(1, sizeof(*f));
	f->b = b;
	f->s = s;
	f->kind = kind;
	f->path = xstrdup(path);
	return f;
}

/* The sink's write(): adds a part to the file. */
static int
S_write(void *file, const char *data, size_t len)
{
	struct build_file *f = file;

	f->len += len;
	return publish_write(f->s, data, len);
}

/* The sink's close(): publishes and notes the file when keep is set,
 * else drops it; frees it. */
static int
S_close(void *file, int keep)
{
	struct build_file *f = file;
	int rc = -1;

	if (!keep)
		publish_discard(f->s);
	else if ((rc = publish_close(f->s)) >= 0) {
		S_note(f->b, f->kind, f->path, f->len, rc);
		rc = 0;
	}
	free(f->path);
	free(f);
	return rc;
}

/* site_reuse begin(): keys the units. */
static void
S_reuse_begin(void *ctx, const char *site_name)
{
	manifest_begin(((struct build *)ctx)->mf, site_name);
}

/* site_reuse carry(): carries the files the last build made for the unit
 * of jt and sp when its key is the same and every file can be carried
 * (else none is) and notes them; returns whether it did. */
static int
S_reuse_carry(void *ctx, const struct jobtype *jt, const struct specialty *sp,
    size_t *npages)
{
	struct build *b = ctx;
	const struct manifest_file *f;
	struct publish_item *v;
	size_t n, pages, i;
	int carried;

	if ((f = manifest_last(b->mf, jt, sp, &n, &pages)) == NULL)
		return 0;
	v = xcalloc(n + 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		v[i].path = f[i].path;
		v[i].len = f[i].len;
	}
	carried = publish_carry_all(b->pub, v, n);
	free(v);
	if (!carried)
		return 0;
	for (i = 0; i < n; i++)
		S_note(b, f[i].kind, f[i].path, f[i].len, 1);
	manifest_carried(b->mf, jt, sp);
	*npages += pages;
	return 1;
}

/* site_reuse made(): records a file a unit made. */
static void
S_reuse_made(void *ctx, const struct jobtype *jt, const struct specialty *sp,
    enum sink_kind kind, const char *path, size_t len)
{
	manifest_made(((struct build *)ctx)->mf, jt, sp, kind, path, len);
}

/* Writes the record of the build b, of pages pages, beside the target,
 * when d has reported nothing but notes; returns 0, or -1 after
 * reporting. */
static int
S_record(struct build *b, size_t pages, const struct diag *d)
{
	struct manifest_totals t;
	struct publish_stats st;
	size_t len;
	char *text;
	int rc;

	publish_tally(b->pub, &st);
	t.pages = pages;
	t.files = st.files;
	t.bytes = st.bytes;
	text = manifest_text(b->mf, publish_folder(b->pub),
	    diag_reported(d) == 0, &t, &len);
	if (text == NULL)
		return 0;	/* the next build is a full one */
	rc = publish_record(b->pub, text, len);
	free(text);
	return rc;
}

/* Returns how many files the live site at dest has in assets/ (hidden
 * ones aside), or (size_t)-1 when it has no such folder. */
static size_t
S_live_assets(const char *dest)
{
	char *path = xpath_join(dest, ASSETS_DIR);
	DIR *dp = opendir(path);
	struct dirent *de;
	size_t n = 0;

	free(path);
	if (dp == NULL)
		return (size_t)-1;
	while ((de = readdir(dp)) != NULL)
		n += de->d_name[0] != '.';
	closedir(dp);
	return n;
}

/* Makes the PDF handbooks in the new folder, in path order: a handbook
 * whose page and every asset are unchanged (none written anew, none
 * gone) keeps its live PDF; WeasyPrint
 * makes the others, and a PDF that comes out the same is carried too.
 * At most nprocs WeasyPrint processes run at a time.  Returns 0, or -1
 * after reporting. */
static int
S_pdfs(struct build *b, unsigned nprocs, struct diag *d)
{
	char **make = xcalloc(b->nhandbooks + 1, sizeof(*make)), *pdf;
	size_t *weights = xcalloc(b->nhandbooks + 1, sizeof(*weights));
	size_t i, n = 0;
	int rc = 0, keep = !b->assets_changed &&
	    S_live_assets(b->dest) == b->nassets;

	qsort(b->handbooks, b->nhandbooks, sizeof(*b->handbooks),
	    S_handbook_cmp);
	for (i = 0; i < b->nhandbooks; i++) {
		int carried = 0;

		if (b->handbooks[i].same && keep) {
			pdf = pdf_path(b->handbooks[i].path);
			carried = publish_carry(b->pub, pdf);
			free(pdf);
		}
		if (!carried) {
			weights[n] = b->handbooks[i].len;
			make[n++] = b->handbooks[i].path;
		}
	}
	if (n > 0 && (rc = pdf_handbooks(make, weights, n, publish_folder(b->pub),
	    nprocs, d)) == 0)
		for (i = 0; i < n && rc == 0; i++) {
			pdf = pdf_path(make[i]);
			rc = publish_adopt(b->pub, pdf);
			free(pdf);
		}
	free(weights);
	free(make);
	return rc < 0 ? -1 : 0;
}

/* Renders the site of m into a new publication of dest on nthreads
 * threads, as options (enum site_option) say, taking from the last build
 * what mf lets it take, and publishes it with its record.  Returns 0,
 * or -1 after reporting (dest is then unchanged). */
static int
S_build(const struct model *m, const struct md_table *md,
    const char *templates, unsigned options, unsigned nthreads,
    const char *dest,
    struct manifest *mf, struct diag *d, struct site_sink *sink,
    struct publish_stats *st)
{
	struct build b;
	struct site_reuse reuse = { S_reuse_begin, S_reuse_carry,
	    S_reuse_made, NULL };
	size_t i;
	int rc = -1;

	memset(&b, 0, sizeof(b));
	b.dest = dest;
	b.mf = mf;
	reuse.ctx = &b;
	if ((b.pub = publish_begin(dest, d)) == NULL)
		return -1;
	pthread_mutex_init(&b.lock, NULL);
	sink->put = S_put;
	sink->open = S_open;
	sink->write = S_write;
	sink->close = S_close;
	sink->ctx = &b;
	if (site_render_reuse(m, md, templates, options, nthreads, sink,
	    &reuse, d) < 0 ||
	    ((options & SITE_PDF) && S_pdfs(&b, nthreads, d) < 0) ||
	    S_record(&b, sink->pages, d) < 0)
		publish_abort(b.pub);
	else
		rc = publish_commit(b.pub, st);
	for (i = 0; i < b.nhandbooks; i++)
		free(b.handbooks[i].path);
	free(b.handbooks);
	pthread_mutex_destroy(&b.lock);
	return rc;
}

/* Prints to out what a build that published to dest wrote: pages (the
 * PDFs too when pdf is set), st, in seconds. */
static void
S_summary(FILE *out, const char *dest, size_t pages,
    const struct publish_stats *st, int pdf, double seconds)
{
	char *name = diag_escape(dest);

	fprintf(out, "skillsite: wrote %zu pages, %zu files, %zu bytes%s to %s "
	    "in %.2f s (%zu files unchanged)\n", pages, st->files, st->bytes,
	    pdf ? " and the PDF handbooks" : "", name, seconds, st->carried);
	free(name);
}

/* Returns whether nothing changed since the last build of dest, as mf
 * tells, after printing to out the summary of that build, timed from
 * start. */
static int
S_unchanged(const struct manifest *mf, FILE *out, const char *dest,
    int pdf, double start)
{
	struct manifest_totals t;
	struct publish_stats st;

	if (!manifest_unchanged(mf, &t))
		return 0;
	st.files = st.carried = t.files;
	st.bytes = t.bytes;
	S_summary(out, dest, t.pages, &st, pdf, cmd_now() - start);
	return 1;
}

/* Loads and checks the content of args and, when it is sound, builds
 * the site into dest (S_build()), reporting to d; sets *pages and *st
 * and returns 1 when it published, else 0; sets *usage to EXIT_USAGE
 * when a content file was read through a link from inside dest. */
static int
S_load_and_build(const struct cmd_args *args, const char *dest,
    const char *templates, struct manifest *mf, struct diag *d,
    size_t *pages, struct publish_stats *st, int *usage)
{
	unsigned nthreads = cmd_threads(args);
	unsigned options = cmd_site_options(args);
	int pdf = (options & SITE_PDF) != 0, ok = 0;
	struct md_table *md = NULL;
	struct site_sink sink;
	struct model m;

	model_init(&m);
	memset(&sink, 0, sizeof(sink));
	check_content(args, &m, d, nthreads, 0, &md);
	if (diag_status(d) == EXIT_OK)
		*usage = S_check_loaded(d, dest, d->out);
	if (pdf && !pdf_available())
		diag_msg(d, MSG_PDF, NULL, "-p needs the weasyprint program "
		    "(Debian package weasyprint)");
	else if (diag_status(d) == EXIT_OK && *usage == EXIT_OK) {
		manifest_units(mf, &m, d);
		ok = S_build(&m, md, templates, options, nthreads, dest, mf, d,
		    &sink, st) == 0;
	}
	*pages = sink.pages;
	md_table_free(md);
	model_free(&m);
	return ok;
}

unsigned
cmd_site_options(const struct cmd_args *args)
{
	return args->opt['p' - 'a'] != NULL ? SITE_PDF : 0;
}

int
cmd_build(const struct cmd_args *args, FILE *out, FILE *err)
{
	const char *dest = args->opt['o' - 'a'] ? args->opt['o' - 'a'] :
	    DEFAULT_OUTPUT;
	char *templates = cmd_templates(args);
	double start = cmd_now();
	struct publish_stats st;
	struct manifest *mf;
	struct diag d;
	size_t pages = 0;
	int status = EXIT_USAGE, ok, usage = EXIT_OK;
	int pdf = (cmd_site_options(args) & SITE_PDF) != 0;

	if (!cmd_threads_valid(args, err) ||
	    S_check_dest(args, dest, templates, err) != EXIT_OK) {
		free(templates);
		return EXIT_USAGE;
	}
	mf = manifest_new(dest, templates, args->paths, args->npaths,
	    cmd_site_options(args),
	    cmd_threads(args));
	if ((!pdf || pdf_available()) &&	/* else build reports it */
	    S_unchanged(mf, out, dest, pdf, start))
		status = EXIT_OK;
	else {
		diag_init(&d, err);
		ok = S_load_and_build(args, dest, templates, mf, &d, &pages,
		    &st, &usage);
		status = usage != EXIT_OK ? usage : (int)diag_status(&d);
		if (diag_flush(&d) < 0)
			status = EXIT_IO;
		diag_free(&d);
		if (ok)
			S_summary(out, dest, pages, &st, pdf, cmd_now() - start);
	}
	manifest_free(mf);
	free(templates);
	return status;
}
