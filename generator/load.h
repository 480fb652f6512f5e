/* load.h: content files to model.
 *
 * The loader reads XML content files with a size cap, parses them with
 * libxml2 (never fetching, never expanding entities, never accepting a
 * DOCTYPE), validates them against the compiled-in RELAX NG schema and
 * turns each into model structs.  Problems go to the diag as they are found;
 * loading goes on after content errors so one run reports them all.  No
 * libxml2 type leaves the loader.
 */
#ifndef SKILLSITE_LOAD_H
#define SKILLSITE_LOAD_H

#include <stddef.h>

struct stat;

#include "diag.h"
#include "model.h"

#define LOAD_FILE_MAX	(8 * 1024 * 1024)	/* bytes per content file */

struct loader;

/* Returns a loader that adds to m and reports to d, or NULL when the
 * built-in schema does not compile (reported to d).  Free with
 * loader_free(); m and d must outlive it. */
struct loader	*loader_new(struct model *m, struct diag *d);
void		 loader_free(struct loader *);

/* Sets how many threads parse and validate files at once (default 1);
 * files still join the model, and report, in order. */
void	 loader_set_threads(struct loader *, unsigned n);

/* Says which model each content file joins, for a caller that keeps
 * each file's model apart to reuse it (the live preview).  Once a file
 * is opened, same(ctx, path, file, st) learns its path, its number in
 * the diag and its status, and returns 1 when the caller's model of it
 * is current (the file is then neither read nor parsed); else the file
 * is read and fn(ctx, path, file, st, buf, len) learns its len bytes too
 * and returns the model it is to join, or NULL to skip it.  Set before
 * loading; without it every file joins the loader's model. */
typedef int		 load_same_fn(void *ctx, const char *path,
			    size_t file, const struct stat *st);
typedef struct model	*load_part_fn(void *ctx, const char *path,
			    size_t file, const struct stat *st,
			    const char *buf, size_t len);
void	 loader_set_parts(struct loader *, load_same_fn *same,
	    load_part_fn *fn, void *ctx);

/* Reports to d that a framework is defined again at again, first
 * defined at first: a site has one. */
void	 load_report_framework(struct diag *d, const struct pos *again,
	    const struct pos *first);

/* Loads path: a content file, or a directory whose *.xml files load in
 * name order. */
void	 loader_path(struct loader *, const char *path);

/* Loads the files loader_path() has read but not loaded yet (it loads
 * them in batches); loader_free() does so too. */
void	 loader_flush(struct loader *);

/* Reads the regular file at path whole into a malloc'd buffer, with a NUL
 * after its *len bytes; refuses a file over max bytes, and anything but a
 * regular file (a FIFO, a device, a directory) without blocking or
 * reading it, and a file of the kernel's (procfs, sysfs: /proc/self/environ,
 * say).  Returns NULL after reporting to d (path registered in d).  The
 * one way skillsite reads its input files: content, templates, assets. */
char	*load_read_file(const char *path, size_t max, struct diag *d,
	    size_t *len);

/* load_read_file(), for a file that must resolve, symbolic links
 * followed, inside the folder its path names (a template or asset in
 * the templates folder): one reached through a link to elsewhere is
 * refused. */
char	*load_read_confined(const char *path, size_t max, struct diag *d,
	    size_t *len);

/* Learns each input file read (content files, and files read through
 * load_read_file() or load_read_confined()): its path, its status when
 * opened, and the len bytes read.  Returns 1 when these very bytes were
 * found valid against the schema by an earlier run of this same
 * generator (so a content file need not be validated again), else 0.
 * Threads may call it at once. */
typedef int	load_observer_fn(void *ctx, const char *path,
		    const struct stat *st, const char *buf, size_t len);

/* Makes fn (NULL: none) observe every input file read from now on, with
 * ctx; set before any thread reads.  Used by incremental builds
 * (manifest.h). */
void	 load_observe(load_observer_fn *fn, void *ctx);

/* Loads the len bytes at buf as the content file called name. */
void	 loader_buffer(struct loader *, const char *name, const char *buf,
	    size_t len);

/* Returns the RELAX NG schema compiled into skillsite, NUL-terminated. */
const char	*loader_schema(void);

#endif
