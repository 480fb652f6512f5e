/* preview.h: the live preview's builds, each doing only what changed.
 *
 * A preview keeps, from one build to the next:
 * - each content file's model, loaded and checked against the schema,
 *   its Markdown rendered, by the file's path, status and the digest of
 *   its bytes: a build opens every file, reads only those whose status
 *   changed and parses only those whose bytes did (a file whose reading
 *   warned is parsed every time, so that every build warns);
 * - the templates compiled, until a file of the templates folder changes
 *   (its size, times or inode);
 * - for each unit of pages (a specialty's, a job type's own), the key it
 *   was made from (its job type's file, the site's name, the templates)
 *   and the files it made.
 * A build joins the files' models into one, resolves and checks it as
 * "build" does, so every content error is reported on every build;
 * renders the units whose key changed and the home and about pages (and
 * the assets after the templates changed) and publishes them in place
 * (stage.h); preview_data() then makes the search index and the
 * downloads, which read every job type, and publishes them apart, so the
 * pages that changed are served first (and gives way to the next save).
 * The site is byte for byte the one a fresh preview makes
 * (tests/preview-edits.py), and the one "build" makes but for the live
 * preview's script (tests/preview.py).
 */
#ifndef SKILLSITE_PREVIEW_H
#define SKILLSITE_PREVIEW_H

#include <pthread.h>
#include <stddef.h>

#include "diag.h"

/* What a preview builds, and where. */
struct preview_config {
	char *const	*paths;		/* the content paths */
	int		 npaths;	/* none: DEFAULT_CONTENT */
	const char	*templates;	/* the templates folder */
	unsigned	 nthreads;
	const char	*site;		/* the site folder, made when missing */
	const char	*scratch;	/* for files being staged (stage.h) */
	pthread_rwlock_t *lock;		/* the server's (stage_commit()) */
};

struct preview;

/* Returns a preview of c (whose strings it copies), or NULL after
 * reporting to d.  Free with preview_free(). */
struct preview	*preview_new(const struct preview_config *c, struct diag *d);
void		 preview_free(struct preview *);

/* What a build did. */
struct preview_stats {
	size_t	pages;		/* pages the site has */
	size_t	files;		/* files it has */
	size_t	changed;	/* files written or removed */
};

/* Loads what changed, checks everything and publishes the pages that
 * changed, reporting to d (whose files it registers: content files
 * first).  Returns 0 and fills *st, or -1 when the build failed (the site
 * is as it was). */
int		 preview_pages(struct preview *, struct diag *d,
		    struct preview_stats *st);

/* After preview_pages() succeeded: makes and publishes the search index
 * and the downloads.  give_way (NULL: never) is asked from time to time,
 * from any thread, whether to stop: once it returns 1, nothing more is
 * made and nothing is published (the next build makes them).  Returns 0
 * and fills *st, 1 when it gave way, or -1 after reporting. */
int		 preview_data(struct preview *, struct diag *d,
		    struct preview_stats *st, int (*give_way)(void *ctx),
		    void *ctx);

#endif
