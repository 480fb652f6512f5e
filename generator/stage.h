/* stage.h: updating a site folder in place, for the live preview.
 *
 * The preview's site is a private folder that one process writes and
 * serves, rebuilt many times a minute; making a whole new folder per
 * build (write.h) would cost a link per unchanged file.  Instead a
 * build stages the files it makes: a file whose bytes equal the live
 * file at its path is dropped, any other is written into a scratch
 * folder on the same file system.  stage_commit() then, holding the
 * server's lock for writing, renames each staged file into place
 * (making its folders) and removes the live files of the build's parts
 * that the build neither made nor kept (and the folders they leave
 * empty).  The server opens files holding the lock for reading, so every
 * request sees the site before or after a commit, never half of it.
 *
 * Each file belongs to a part (a bit of the caller's choosing: pages,
 * assets, data): a stage publishes some parts and leaves the others'
 * files alone.  Files get mode 0644 and folders 0755 whatever the umask.
 */
#ifndef SKILLSITE_STAGE_H
#define SKILLSITE_STAGE_H

#include <pthread.h>
#include <stddef.h>

#include "diag.h"

struct stage_site;
struct stage;

/* Returns the site folder at site (made when missing), whose builds
 * stage their files in the folder scratch (made when missing; both on
 * one file system), or NULL after reporting to d.  Free with
 * stage_site_free(), which leaves the folders. */
struct stage_site *stage_site_new(const char *site, const char *scratch,
		    struct diag *d);
void		 stage_site_free(struct stage_site *);

/* Returns how many files the site holds. */
size_t		 stage_site_files(const struct stage_site *);

/* Starts a publication of the parts (or'd bits) of s; one at a time.
 * Free with stage_commit() or stage_abort(). */
struct stage	*stage_begin(struct stage_site *s, unsigned parts);

/* Adds the file at site path rel ("a/b.html"), len bytes of data, of
 * part (one of the stage's).  Returns 1 when the live file was the
 * same, 0 when staged, -1 after reporting to d.  Threads may add files
 * at once. */
int		 stage_file(struct stage *st, unsigned part, const char *rel,
		    const char *data, size_t len, struct diag *d);

/* Keeps the live file at rel as it is; returns 1, or 0 when the site
 * has no such file.  Threads may keep files at once. */
int		 stage_keep(struct stage *st, const char *rel);

/* What a commit changed. */
struct stage_stats {
	size_t	written;	/* files put in place */
	size_t	removed;	/* files removed */
	size_t	same;		/* files made that were the same */
};

/* Puts the staged files in place and removes the files of the stage's
 * parts that it neither made nor kept, holding lock (NULL: none) for
 * writing; fills *stats and frees st.  Returns 0, or -1 after reporting
 * to d (the site may then be half updated: the next commit of the same
 * parts mends it). */
int		 stage_commit(struct stage *st, pthread_rwlock_t *lock,
		    struct stage_stats *stats, struct diag *d);

/* Drops the staged files and frees st; the site stays as it was. */
void		 stage_abort(struct stage *st);

#endif
