/* write.h: publishing the site atomically, file by file.
 *
 * Files go into a fresh folder beside the target (".NAME.skillsite-XXXXXX")
 * as they are rendered, every write and close checked; the folder is
 * flushed to disk once (syncfs, which reports write-back errors on Linux
 * 5.8 and later) and swapped into place with
 * renameat2(RENAME_EXCHANGE): readers see the old site or the new one,
 * never half of either, a failed or interrupted build leaves the old site
 * as it was, and pages no longer in the content disappear.
 *
 * A file whose bytes equal the live file at the same path is not
 * written: the live file is hard-linked into the new folder, so it keeps
 * its inode and modification time, and a rebuild of unchanged content
 * rewrites nothing (rsync to a web server then copies nothing).  A
 * file given in parts (publish_open()) is compared with the live file
 * part by part, and written anew only once they differ.
 *
 * Only a regular file of mode 0644 that this user owns is carried, and
 * only when it is reached from the target without a symbolic link at any
 * depth (openat2 with RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH, or a walk
 * name by name with O_NOFOLLOW where the kernel lacks it); it is linked
 * from the folder so reached, and the link checked to be the file
 * compared.  The new folder is written the same way.  So a link or a
 * file planted in the live site never makes a published file that
 * someone else can change.
 *
 * A folder left by a killed run (exactly ".NAME.skillsite-XXXXXX", this
 * user's) is removed by the next (links are removed, never followed);
 * SIGTERM, SIGINT and SIGHUP remove the new folder before the process
 * dies (see alloc_on_exhaustion); a lock (".NAME.skillsite-lock", flock; never
 * opened through a link, and a regular file) keeps two builds to the
 * same target apart: the second fails at once.  An existing target is
 * replaced only if skillsite wrote it (it holds the marker file
 * ".skillsite") or it is empty, and never through a link.  Files get
 * mode 0644 and folders 0755 whatever the umask.
 */
#ifndef SKILLSITE_WRITE_H
#define SKILLSITE_WRITE_H

#include <stddef.h>

#include "diag.h"

#define WRITE_MARKER ".skillsite"

struct publish;

/* What a publication wrote. */
struct publish_stats {
	size_t	files;		/* files in the new site, the marker included */
	size_t	bytes;		/* their bytes */
	size_t	carried;	/* files linked unchanged from the live site */
};

/* Returns NULL when out may name the site's folder, else why not, for a
 * message: it is empty, it is the root folder ("/", "//"), or its last
 * name is "." or ".." or holds ".skillsite-" (so that no target is named
 * like another's temporary folder or lock), or it lies in a folder named
 * like a temporary folder of another target (".NAME.skillsite-XXXXXX",
 * by the path given or the real path of out's folder), which a build of
 * that target would remove; trailing slashes ignored. */
const char	*publish_target_error(const char *out);

/* Returns whether publishing to out could remove or write into path, an
 * input: path is out, lies inside it or holds it, or lies in a temporary
 * folder of out (".NAME.skillsite-XXXXXX" beside it).  Compares real
 * paths (out's folder resolved, its last name not followed), devices and
 * inodes along them, and places in their file systems (device and path
 * from its root, by /proc/self/mountinfo; the mounts at or below each
 * counted too), so that no bind mount hides an overlap.  0 when path does
 * not exist. */
int		 publish_overlaps(const char *out, const char *path);

/* Starts publishing the folder out: refuses an out that
 * publish_target_error() refuses, takes the lock, checks that out may be
 * replaced, removes stale folders, makes the new folder and writes the
 * marker into it.  Returns the publication, or NULL after reporting. */
struct publish	*publish_begin(const char *out, struct diag *d);

/* Adds the file at site path rel ("a/b.html") holding len bytes of data.
 * Returns 1 when the live file was the same and was carried over, 0 when
 * written, -1 after reporting to d.  Threads may add files at once; the
 * other calls belong to one thread. */
int		 publish_file(struct publish *p, const char *rel,
		    const char *data, size_t len, struct diag *d);

/* A file being added in parts (see publish_open()). */
struct publish_stream;

/* Starts the file at site path rel, whose bytes publish_write() then
 * adds in parts, as publish_file() would add them whole: while they equal
 * the live file's, nothing is written (they are compared as they come);
 * at the first difference the live file's bytes so far are copied into
 * the new file and the rest written as it comes, so that no more than a
 * part is ever held.  Returns the stream, which publish_close() or
 * publish_discard() frees, or NULL after reporting to d.  Threads may
 * add files at once, each stream belonging to one thread. */
struct publish_stream *publish_open(struct publish *p, const char *rel,
		    struct diag *d);

/* Adds the len bytes of data to s; returns 0, or -1 after reporting (s
 * is then to be discarded). */
int		 publish_write(struct publish_stream *s, const char *data,
		    size_t len);

/* Ends the file of s and frees s.  Returns 1 when the live file was the
 * same and was carried over, 0 when written, -1 after reporting (no
 * file is then left). */
int		 publish_close(struct publish_stream *s);

/* Drops the file of s, written or not, and frees s. */
void		 publish_discard(struct publish_stream *s);

/* Carries the live file at site path rel into the new folder as it is,
 * if there is one (a regular file of mode 0644).  Returns 1 when carried,
 * 0 when not (no such file, or it cannot be linked): the caller then
 * makes the file. */
int		 publish_carry(struct publish *p, const char *rel);

/* A file to carry, and its size. */
struct publish_item {
	const char	*path;
	size_t		 len;
};

/* Carries the n live files of v (site paths and sizes) into the new
 * folder as publish_carry() would, if each is still of its size, all or
 * none: when one cannot be,
 * those carried are dropped again.  Faster than one by one: each folder
 * is opened once for the files of v that follow each other in it.
 * Returns 1 when all were carried, else 0.  Threads may call it at once
 * (each with files of its own). */
int		 publish_carry_all(struct publish *p,
		    const struct publish_item *v, size_t n);

/* Sets *st to what the new folder holds so far. */
void		 publish_tally(const struct publish *p,
		    struct publish_stats *st);

/* Replaces the file at site path rel, which another program wrote into
 * the new folder, with the live one when their bytes are the same (if it
 * can be linked; else the new file stays).  Returns 0, or -1 after
 * reporting that rel cannot be read. */
int		 publish_adopt(struct publish *p, const char *rel);

/* Returns whether out is at rest: its lock is missing or a regular file
 * no build holds, and no folder of a build (one being made, or left by a
 * killed run, which the next publish_begin() removes) lies beside it. */
int		 publish_at_rest(const char *out);

/* Returns the path of the record of the last build of out, malloc'd:
 * ".NAME.skillsite-manifest" beside it (see manifest.h). */
char		*publish_record_path(const char *out);

/* Writes the len bytes of data as the record of this build, beside the
 * target; publish_commit() removes the last build's record before it
 * swaps the new site in (whether or not a new record was written), puts
 * the new one in place once the site is, and publish_abort() removes
 * it.  Returns 0, or -1 after reporting (then
 * abort). */
int		 publish_record(struct publish *p, const char *data, size_t len);

/* The new folder, for programs that write files into it. */
const char	*publish_folder(const struct publish *p);

/* Flushes the new folder, swaps it in, removes the old site and frees p.
 * Fills *st when st is not NULL.  Returns 0, or -1 after reporting (out
 * is then unchanged). */
int		 publish_commit(struct publish *p, struct publish_stats *st);

/* Removes the new folder and frees p; out stays as it was. */
void		 publish_abort(struct publish *p);

/* Opens rel below the folder root as openat() would with flags, never
 * following a symbolic link at any depth nor leaving root (openat2 with
 * RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, or a walk name by name).
 * Returns the descriptor, or -1 (errno set). */
int		 publish_open_beneath(int root, const char *rel, int flags);

/* Removes the file or tree at path without following symbolic links;
 * returns 0 or -1. */
int		 publish_remove(const char *path);

#endif
