/* manifest.c: the record of the last build, and what a rebuild takes
 * from it; see manifest.h. */
#define _GNU_SOURCE		/* dl_iterate_phdr */
#include "manifest_private.h"

#include <elf.h>
#include <link.h>

#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "cli.h"
#include "load.h"
#include "site.h"
#include "write.h"

#define RACY_NS	2000000000ULL	/* a change this close to a build's start
				 * may not show in a file's times (FAT
				 * keeps them to 2 s, NFS has the server's
				 * clock) */

/* A build's record being made, and the last build's. */
struct manifest {
	char			*dest;
	char			*record;	/* the record's path */
	struct mf_record	 last;	/* the last build's ... */
	int			 have_last; /* ... when sound and ours */
	struct mf_record	 now;	/* this build's */
	pthread_mutex_t		 lock;	/* for now's inputs */
	const struct model	*m;
	const struct diag	*d;
	size_t			*base;	/* job type j's first unit */
	size_t			 inputs_keyed; /* inputs at manifest_begin() */
	int			 keyed;	/* manifest_begin() done */
	unsigned		 nthreads; /* for walking the site */
	XXH128_hash_t		 last_text; /* the digest of the record read */
	int			 carry;	/* last's units describe the site */
};

/* Returns the status of st as recorded. */
static struct mf_status
S_status(const struct stat *st, int with_size)
{
	struct mf_status s;

	s.size = with_size ? (uint64_t)st->st_size : 0;
	s.mtime = (uint64_t)st->st_mtim.tv_sec * 1000000000ULL +
	    (uint64_t)st->st_mtim.tv_nsec;
	s.ctime = (uint64_t)st->st_ctim.tv_sec * 1000000000ULL +
	    (uint64_t)st->st_ctim.tv_nsec;
	s.dev = (uint64_t)st->st_dev;
	s.ino = (uint64_t)st->st_ino;
	return s;
}

/* Returns the wall clock now, in ns. */
static uint64_t
S_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* Adds an input (a file with its digest, or a folder) to r. */
static void
S_add_input(struct mf_record *r, const char *path, const struct mf_status *st,
    XXH128_hash_t digest, int folder)
{
	struct mf_input *in;

	if (r->ninputs == r->capinputs) {
		r->capinputs = r->capinputs ? 2 * r->capinputs : 64;
		r->inputs = xreallocarray(r->inputs, r->capinputs,
		    sizeof(*r->inputs));
	}
	in = &r->inputs[r->ninputs++];
	memset(in, 0, sizeof(*in));
	in->path = xstrdup(path);
	in->st = *st;
	in->digest = digest;
	in->folder = folder;
}

/* load_observer_fn: records an input read, its digest; returns whether
 * the last build, which loaded every input it read without an error,
 * read the same bytes from path. */
static int
S_observe(void *ctx, const char *path, const struct stat *st,
    const char *buf, size_t len)
{
	struct manifest *mf = ctx;
	struct mf_status s = S_status(st, 1);
	XXH128_hash_t digest = XXH3_128bits(buf, len);
	const struct mf_input *last = NULL;
	struct mf_input key;

	if (strcmp(path, mf->record) == 0)
		return 0;	/* not an input: read to check it holds */
	key.path = (char *)path;
	if (mf->have_last && mf->last.ninputs > 0)	/* sorted */
		last = bsearch(&key, mf->last.inputs, mf->last.ninputs,
		    sizeof(key), mf_input_cmp);
	pthread_mutex_lock(&mf->lock);
	S_add_input(&mf->now, path, &s, digest, 0);
	pthread_mutex_unlock(&mf->lock);
	return last != NULL && !last->folder &&
	    XXH128_isEqual(last->digest, digest);
}

/* Returns the GNU build ID note of the object info describes, setting
 * *len, or NULL when it has none. */
static const char *
S_note_id(const struct dl_phdr_info *info, size_t *len)
{
	const char *p, *end, *desc;
	const ElfW(Nhdr) *n;
	size_t i;

	for (i = 0; i < info->dlpi_phnum; i++) {
		if (info->dlpi_phdr[i].p_type != PT_NOTE)
			continue;
		p = (const char *)(info->dlpi_addr +
		    info->dlpi_phdr[i].p_vaddr);
		end = p + info->dlpi_phdr[i].p_memsz;
		while ((size_t)(end - p) >= sizeof(*n)) {
			n = (const void *)p;
			desc = p + sizeof(*n) + ((n->n_namesz + 3) & ~3u);
			if (desc > end || n->n_descsz > (size_t)(end - desc))
				break;
			if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 &&
			    memcmp(p + sizeof(*n), "GNU", 4) == 0) {
				*len = n->n_descsz;
				return desc;
			}
			p = desc + ((n->n_descsz + 3) & ~3u);
		}
	}
	return NULL;
}

/* The digest of the objects loaded, being made. */
struct objects {
	XXH3_state_t	*s;
	int		 n;		/* objects seen */
	int		 program_id;	/* the first, the program, has an ID */
};

/* dl_iterate_phdr callback: adds to the objects data the build ID of
 * each object loaded (the program, then libxml2, cmark and the others),
 * or its name when it has none. */
static int
S_object(struct dl_phdr_info *info, size_t size, void *data)
{
	struct objects *o = data;
	const char *id;
	size_t len = 0;

	(void)size;
	if ((id = S_note_id(info, &len)) != NULL)
		XXH3_128bits_update(o->s, id, len);
	else if (info->dlpi_name != NULL)
		XXH3_128bits_update(o->s, info->dlpi_name,
		    strlen(info->dlpi_name) + 1);
	if (o->n++ == 0)
		o->program_id = id != NULL;
	return 0;
}

/* Returns the digest of the generator: its version and the build IDs
 * (the linker's digests) of the program and of every library loaded, so
 * that a rebuilt skillsite or an upgraded library, which may render
 * otherwise, means a full build.  Without a build ID for the program,
 * its executable's status stands in; sets *ok to 0 when neither can be
 * found. */
static XXH128_hash_t
S_generator(int *ok)
{
	struct objects o = { XXH3_createState(), 0, 0 };
	struct mf_status st;
	struct stat sb;
	XXH128_hash_t h;

	if (o.s == NULL)
		xalloc_die();
	memset(&st, 0, sizeof(st));
	XXH3_128bits_reset(o.s);
	XXH3_128bits_update(o.s, SKILLSITE_VERSION, sizeof(SKILLSITE_VERSION));
	dl_iterate_phdr(S_object, &o);
	*ok = o.program_id;
	if (!*ok && (*ok = stat("/proc/self/exe", &sb) == 0))
		st = S_status(&sb, 1);
	XXH3_128bits_update(o.s, &st, sizeof(st));
	h = XXH3_128bits_digest(o.s);
	XXH3_freeState(o.s);
	return h;
}

/* Returns the digest of the options: the working folder, the templates
 * folder, the site option SITE_PDF and the content
 * paths, each ended by a NUL. */
static XXH128_hash_t
S_options(const char *templates, char *const *paths, int npaths,
    unsigned options)
{
	XXH3_state_t *s = XXH3_createState();
	char cwd[PATH_MAX];
	XXH128_hash_t h;
	int i;

	if (s == NULL)
		xalloc_die();
	XXH3_128bits_reset(s);
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		strcpy(cwd, "?");
	XXH3_128bits_update(s, cwd, strlen(cwd) + 1);
	XXH3_128bits_update(s, templates, strlen(templates) + 1);
	XXH3_128bits_update(s, (options & SITE_PDF) ? "p" : "",
	    (options & SITE_PDF) ? 2 : 1);
	for (i = 0; i < npaths; i++)
		XXH3_128bits_update(s, paths[i], strlen(paths[i]) + 1);
	if (npaths == 0)
		XXH3_128bits_update(s, DEFAULT_CONTENT,
		    sizeof(DEFAULT_CONTENT));
	h = XXH3_128bits_digest(s);
	XXH3_freeState(s);
	return h;
}

/* Records the status of path in now as a folder listed for inputs, when
 * it is one (a content path that names a file is recorded when read). */
static void
S_watch_folder(struct manifest *mf, const char *path)
{
	struct stat st;
	struct mf_status s;
	XXH128_hash_t none = { 0, 0 };

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		s = S_status(&st, 0);
		S_add_input(&mf->now, path, &s, none, 1);
	}
}

/* Returns the record beside the target, malloc'd, setting *len, or
 * NULL when there is none to read (nothing reported). */
static char *
S_read_record(const struct manifest *mf, size_t *len)
{
	struct diag quiet;
	char *text;

	diag_init(&quiet, NULL);
	text = load_read_file(mf->record, MANIFEST_MAX, &quiet, len);
	diag_free(&quiet);
	return text;
}

/* Reads the record of the last build of mf->dest into mf->last when it
 * is sound and of this generator and these options. */
static void
S_read_last(struct manifest *mf)
{
	size_t len = 0;
	char *text = S_read_record(mf, &len);

	if (text == NULL)
		return;
	mf->last_text = XXH3_128bits(text, len);
	if (mf_parse(&mf->last, text, len) == 0) {
		mf->have_last = XXH128_isEqual(mf->last.generator,
		    mf->now.generator) && XXH128_isEqual(mf->last.options,
		    mf->now.options);
		if (!mf->have_last)
			mf_record_free(&mf->last);
	}
	free(text);
}

struct manifest *
manifest_new(const char *dest, const char *templates, char *const *paths,
    int npaths, unsigned options, unsigned nthreads)
{
	struct manifest *mf = xcalloc(1, sizeof(*mf));
	int ok, i;

	mf->nthreads = nthreads;
	mf->dest = xstrdup(dest);
	mf->record = publish_record_path(dest);
	pthread_mutex_init(&mf->lock, NULL);
	mf->now.start = S_now();
	mf->now.generator = S_generator(&ok);
	mf->now.options = S_options(templates, paths, npaths, options);
	if (ok)
		S_read_last(mf);
	S_watch_folder(mf, templates);
	for (i = 0; i < npaths; i++)
		S_watch_folder(mf, paths[i]);
	if (npaths == 0)
		S_watch_folder(mf, DEFAULT_CONTENT);
	load_observe(S_observe, mf);
	return mf;
}

void
manifest_free(struct manifest *mf)
{
	if (mf == NULL)
		return;
	load_observe(NULL, NULL);
	if (mf->have_last)
		mf_record_free(&mf->last);
	mf_record_free(&mf->now);
	pthread_mutex_destroy(&mf->lock);
	free(mf->base);
	free(mf->record);
	free(mf->dest);
	free(mf);
}

/* Returns whether s, recorded by a build begun at start, is what st says
 * now, and was not changed in the second before that build began. */
static int
S_same_status(const struct mf_status *s, const struct stat *st,
    int with_size, uint64_t start)
{
	struct mf_status now = S_status(st, with_size);

	return memcmp(s, &now, sizeof(now)) == 0 &&
	    s->mtime + RACY_NS < start && s->ctime + RACY_NS < start;
}

/* Returns whether every input and input folder of r is as recorded. */
static int
S_inputs_unchanged(const struct mf_record *r)
{
	struct stat st;
	size_t i;

	for (i = 0; i < r->ninputs; i++)
		if (stat(r->inputs[i].path, &st) < 0 ||
		    !S_same_status(&r->inputs[i].st, &st,
		    !r->inputs[i].folder, r->start))
			return 0;
	return 1;
}

int
manifest_unchanged(const struct manifest *mf, struct manifest_totals *t)
{
	XXH128_hash_t tree;

	if (!mf->have_last || !mf->last.quiet || !publish_at_rest(mf->dest) ||
	    !S_inputs_unchanged(&mf->last) ||
	    mf_tree(mf->dest, mf->nthreads, &tree) < 0 ||
	    !XXH128_isEqual(tree, mf->last.tree))
		return 0;
	*t = mf->last.totals;
	return 1;
}

void
manifest_units(struct manifest *mf, const struct model *m,
    const struct diag *d)
{
	size_t j, n = 0;

	mf->m = m;
	mf->d = d;
	mf->base = xcalloc(m->njobtypes + 1, sizeof(*mf->base));
	for (j = 0; j < m->njobtypes; j++) {
		mf->base[j] = n;
		n += m->jobtypes[j].nspecialties + 1;
	}
	mf->now.units = xcalloc(n + 1, sizeof(*mf->now.units));
	mf->now.nunits = n;
}

/* Returns this build's unit of jt and sp (NULL: the job type's own). */
static struct mf_unit *
S_unit(const struct manifest *mf, const struct jobtype *jt,
    const struct specialty *sp)
{
	size_t i = mf->base[jt - mf->m->jobtypes];

	i += sp != NULL ? (size_t)(sp - jt->specialties) : jt->nspecialties;
	return &mf->now.units[i];
}

/* Returns the input of now read from path, or NULL (inputs sorted). */
static const struct mf_input *
S_input(const struct manifest *mf, const char *path)
{
	struct mf_input key;

	key.path = (char *)path;
	if (mf->now.ninputs == 0)
		return NULL;
	return bsearch(&key, mf->now.inputs, mf->now.ninputs,
	    sizeof(key), mf_input_cmp);
}

/* Marks the input of now at pos, when there is one, as keying the
 * units of a job type only. */
static void
S_mark_jobtype_file(struct manifest *mf, const struct pos *pos)
{
	struct mf_input *in = (struct mf_input *)S_input(mf,
	    diag_file(mf->d, pos->file));

	if (in != NULL)
		in->jobtype = 1;
}

/* Marks the inputs of now that hold a job type of the model, or a
 * tailoring of one (which keys its job type's units, not all). */
static void
S_mark_jobtype_files(struct manifest *mf)
{
	size_t j, t;

	for (j = 0; j < mf->m->njobtypes; j++) {
		const struct jobtype *jt = &mf->m->jobtypes[j];

		S_mark_jobtype_file(mf, &jt->pos);
		for (t = 0; t < jt->ntailorings; t++)
			S_mark_jobtype_file(mf, &jt->tailorings[t]->pos);
	}
}

/* Adds to s the digest of the file of each tailoring of jt, in order;
 * returns 0 when one was not read through load_read_file(). */
static int
S_key_tailorings(const struct manifest *mf, XXH3_state_t *s,
    const struct jobtype *jt)
{
	const struct mf_input *in;
	size_t t;

	for (t = 0; t < jt->ntailorings; t++) {
		in = S_input(mf, diag_file(mf->d, jt->tailorings[t]->pos.file));
		if (in == NULL || in->folder)
			return 0;
		XXH3_128bits_update(s, &in->digest, sizeof(in->digest));
	}
	return 1;
}

/* Returns the digest of what every unit's pages share: the generator,
 * the options, site_name, and every input that holds no job type
 * (templates, labels, assets, the framework's file), path and digest. */
static XXH128_hash_t
S_shared(struct manifest *mf, const char *site_name)
{
	XXH3_state_t *s = XXH3_createState();
	const struct mf_input *in;
	XXH128_hash_t h;
	size_t i;

	if (s == NULL)
		xalloc_die();
	XXH3_128bits_reset(s);
	XXH3_128bits_update(s, &mf->now.generator, sizeof(h));
	XXH3_128bits_update(s, &mf->now.options, sizeof(h));
	XXH3_128bits_update(s, site_name, strlen(site_name) + 1);
	for (i = 0; i < mf->now.ninputs; i++) {
		in = &mf->now.inputs[i];
		if (in->folder || in->jobtype)
			continue;
		XXH3_128bits_update(s, in->path, strlen(in->path) + 1);
		XXH3_128bits_update(s, &in->digest, sizeof(in->digest));
	}
	h = XXH3_128bits_digest(s);
	XXH3_freeState(s);
	return h;
}

/* Returns the key of the unit of jt and sp: shared, the digest of the
 * content file of jt and of its tailorings' files, and the IDs; sets *ok
 * to 0 when one of those files was not read through load_read_file(). */
static XXH128_hash_t
S_key(const struct manifest *mf, XXH128_hash_t shared,
    const struct jobtype *jt, const struct specialty *sp, int *ok)
{
	const struct mf_input *in = S_input(mf, diag_file(mf->d,
	    jt->pos.file));
	XXH128_hash_t parts[2] = { shared, { 0, 0 } };
	char *ids = xasprintf("%s%c%s", jt->id, '\0', sp ? sp->id : "");
	size_t n = strlen(jt->id) + 1 + (sp ? strlen(sp->id) : 0) + 1;
	XXH3_state_t *s = XXH3_createState();
	XXH128_hash_t h;

	if (s == NULL)
		xalloc_die();
	*ok = in != NULL && !in->folder;
	if (*ok)
		parts[1] = in->digest;
	XXH3_128bits_reset(s);
	XXH3_128bits_update(s, parts, sizeof(parts));
	XXH3_128bits_update(s, sp ? "S" : "J", 1);
	XXH3_128bits_update(s, ids, n);
	*ok = *ok && S_key_tailorings(mf, s, jt);
	h = XXH3_128bits_digest(s);
	XXH3_freeState(s);
	free(ids);
	return h;
}

/* Sorts the inputs of r by path, each path once; returns 0, or -1 when
 * a file was read twice with different bytes. */
static int
S_unique_inputs(struct mf_record *r)
{
	size_t i, n = 0;

	if (r->ninputs > 1)
		qsort(r->inputs, r->ninputs, sizeof(*r->inputs),
		    mf_input_cmp);
	for (i = 0; i < r->ninputs; i++) {
		if (n > 0 && strcmp(r->inputs[n - 1].path,
		    r->inputs[i].path) == 0) {
			if (!XXH128_isEqual(r->inputs[n - 1].digest,
			    r->inputs[i].digest))
				return -1;
			free(r->inputs[i].path);
			continue;
		}
		r->inputs[n++] = r->inputs[i];
	}
	r->ninputs = n;
	return 0;
}

/* Returns whether the last build's record, read before the lock was
 * taken, is still the record beside the target and describes the live
 * site as it is now (no other build came between, the site was not
 * restored or changed by hand), so that its units' files may be carried
 * from it. */
static int
S_last_holds(const struct manifest *mf)
{
	XXH128_hash_t tree;
	size_t len = 0;
	char *text = S_read_record(mf, &len);
	int same;

	same = text != NULL && XXH128_isEqual(mf->last_text,
	    XXH3_128bits(text, len)) && mf_tree(mf->dest, mf->nthreads,
	    &tree) == 0 && XXH128_isEqual(tree, mf->last.tree);
	free(text);
	return same;
}

void
manifest_begin(struct manifest *mf, const char *site_name)
{
	const struct jobtype *jt;
	XXH128_hash_t shared;
	struct mf_unit *u;
	size_t j, k;
	int ok;

	mf->carry = mf->have_last && S_last_holds(mf);
	if (S_unique_inputs(&mf->now) < 0)
		return;		/* no unit keyed: each is rendered */
	mf->inputs_keyed = mf->now.ninputs;
	S_mark_jobtype_files(mf);
	shared = S_shared(mf, site_name);
	for (j = 0; j < mf->m->njobtypes; j++) {
		jt = &mf->m->jobtypes[j];
		for (k = 0; k <= jt->nspecialties; k++) {
			const struct specialty *sp = k < jt->nspecialties ?
			    &jt->specialties[k] : NULL;

			u = S_unit(mf, jt, sp);
			u->key = S_key(mf, shared, jt, sp, &ok);
			u->keyed = ok;
		}
	}
	mf->keyed = 1;
}

/* Returns the last build's unit of the key of u, or NULL. */
static const struct mf_unit *
S_last_unit(const struct manifest *mf, const struct mf_unit *u)
{
	if (!mf->carry || !mf->keyed || !u->keyed || mf->last.nunits == 0)
		return NULL;
	return bsearch(u, mf->last.units, mf->last.nunits, sizeof(*u),
	    mf_unit_cmp);
}

const struct manifest_file *
manifest_last(const struct manifest *mf, const struct jobtype *jt,
    const struct specialty *sp, size_t *n, size_t *pages)
{
	const struct mf_unit *last = S_last_unit(mf, S_unit(mf, jt, sp));

	if (last == NULL)
		return NULL;
	*n = last->nfiles;
	*pages = last->pages;
	return last->files;
}

/* Adds the file path of kind, len bytes to u. */
static void
S_add_file(struct mf_unit *u, enum sink_kind kind, const char *path,
    size_t len)
{
	if (u->nfiles == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 16;
		u->files = xreallocarray(u->files, u->cap, sizeof(*u->files));
	}
	u->files[u->nfiles].kind = kind;
	u->files[u->nfiles].len = len;
	u->files[u->nfiles++].path = xstrdup(path);
	u->pages += kind == SINK_PAGE || kind == SINK_HANDBOOK;
}

void
manifest_carried(struct manifest *mf, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct mf_unit *u = S_unit(mf, jt, sp);
	const struct mf_unit *last = S_last_unit(mf, u);
	size_t i;

	for (i = 0; last != NULL && i < last->nfiles; i++)
		S_add_file(u, last->files[i].kind, last->files[i].path,
		    last->files[i].len);
}

void
manifest_made(struct manifest *mf, const struct jobtype *jt,
    const struct specialty *sp, enum sink_kind kind, const char *path,
    size_t len)
{
	S_add_file(S_unit(mf, jt, sp), kind, path, len);
}

char *
manifest_text(struct manifest *mf, const char *folder, int quiet,
    const struct manifest_totals *t, size_t *len)
{
	if (!mf->keyed || mf->now.ninputs != mf->inputs_keyed ||
	    mf_tree(folder, mf->nthreads, &mf->now.tree) < 0)
		return NULL;	/* an input read late: keys may miss it */
	mf->now.quiet = quiet;
	mf->now.totals = *t;
	return mf_format(&mf->now, len);
}
