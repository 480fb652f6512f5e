/* write.c: atomic publication of the site; see write.h. */
#define _GNU_SOURCE		/* renameat2, RENAME_EXCHANGE, syncfs */
#include "write.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"

#define TEMP_TAG ".skillsite-"

static int	S_remove_at(int, const char *);

struct publish {
	struct diag		*d;
	char			*out;
	char			*dir;		/* out's folder and ... */
	char			*base;		/* ... last name */
	char			*tmp;		/* the new folder */
	int			 lock;		/* the lock file, held */
	int			 tmpfd;		/* the new folder */
	int			 livefd;	/* the live site, or -1 */
	int			 exists;	/* out exists */
	mode_t			 umask;		/* the caller's */
	atomic_size_t		 files;		/* see publish_stats */
	atomic_size_t		 bytes;
	atomic_size_t		 carried;
};

/* Reports an output problem with path. */
static void
S_fail(struct diag *d, const char *what, const char *path)
{
	diag_msg(d, MSG_IO_WRITE, NULL, "%s %s: %s", what, path,
	    strerror(errno));
}

/* Removes the folder name in the folder at and everything in it, without
 * following symbolic links, and without allocating (no DIR stream): it
 * also runs when memory has run out.  Returns 0 or -1. */
static int
S_remove_dir(int at, const char *name)
{
	union {
		struct dirent64	de;
		char		bytes[4096];
	} buf;
	const struct dirent64 *de;
	ssize_t n, i;
	int fd, rc = 0;

	fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd < 0)
		return -1;
	while ((n = getdents64(fd, &buf, sizeof(buf))) > 0)
		for (i = 0; i < n; i += de->d_reclen) {
			const char *e;

			de = (const struct dirent64 *)(buf.bytes + i);
			e = de->d_name;
			if (strcmp(e, ".") == 0 || strcmp(e, "..") == 0)
				continue;
			if (de->d_type == DT_DIR ? S_remove_dir(fd, e) < 0 :
			    S_remove_at(fd, e) < 0)
				rc = -1;
		}
	if (n < 0)
		rc = -1;
	close(fd);
	if (unlinkat(at, name, AT_REMOVEDIR) < 0)
		rc = -1;
	return rc;
}

/* Removes the file or tree name in the folder at (AT_FDCWD: name is a
 * path) without following symbolic links; returns 0 or -1. */
static int
S_remove_at(int at, const char *name)
{
	if (unlinkat(at, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	return S_remove_dir(at, name);
}

/* Returns "dir/name" (or "name" when dir is "."), malloc'd. */
static char *
S_join(const char *dir, const char *name)
{
	char *s = xreallocarray(NULL, strlen(dir) + strlen(name) + 2, 1);

	if (strcmp(dir, ".") == 0)
		strcpy(s, name);
	else
		sprintf(s, "%s/%s", dir, name);
	return s;
}

/* Splits out into its folder (*dir) and last name (*base), malloc'd. */
static void
S_split(const char *out, char **dir, char **base)
{
	char *copy = xstrdup(out), *slash;
	size_t n = strlen(copy);

	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	if ((slash = strrchr(copy, '/')) == NULL) {
		*dir = xstrdup(".");
		*base = copy;
		return;
	}
	*base = xstrdup(slash + 1);
	*slash = '\0';
	*dir = xstrdup(slash == copy ? "/" : copy);
	free(copy);
}

/* Removes temporary folders of earlier, killed runs for base in dir;
 * called with the lock held, so none of them is still being written. */
static void
S_clean_stale(const char *dir, const char *base)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	size_t n = strlen(base);

	if (dp == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		const char *name = de->d_name;

		size_t len = strlen(name);

		/* not the lock; not a site set aside (".old") that could not
		 * be put back, which was reported and is left for the admin */
		if (name[0] == '.' && strncmp(name + 1, base, n) == 0 &&
		    strncmp(name + 1 + n, TEMP_TAG, strlen(TEMP_TAG)) == 0 &&
		    strcmp(name + 1 + n + strlen(TEMP_TAG), "lock") != 0 &&
		    !(len > 4 && strcmp(name + len - 4, ".old") == 0))
			S_remove_at(dirfd(dp), name);
	}
	closedir(dp);
}

/* Returns 1 when out does not exist, 0 when it may be replaced (a folder
 * skillsite wrote, or an empty one), -1 after reporting otherwise. */
static int
S_check_target(const char *out, struct diag *d)
{
	struct stat st;
	char *marker;
	DIR *dp;
	struct dirent *de;
	int empty = 1;

	if (lstat(out, &st) < 0)
		return errno == ENOENT ? 1 : (S_fail(d, "cannot examine", out), -1);
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		S_fail(d, "will not replace", out);
		return -1;
	}
	marker = S_join(out, WRITE_MARKER);
	if (access(marker, F_OK) == 0) {
		free(marker);
		return 0;
	}
	free(marker);
	if ((dp = opendir(out)) == NULL) {
		S_fail(d, "cannot look into", out);	/* never assume empty */
		return -1;
	}
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(dp);
	if (empty)
		return 0;
	diag_msg(d, MSG_IO_WRITE, NULL, "will not replace %s: it holds files "
	    "that skillsite did not write (no %s marker)", out, WRITE_MARKER);
	return -1;
}

/* Takes the lock of publishing to out (the file ".BASE.skillsite-lock" in
 * dir), so two builds never touch each other's folders; returns its
 * descriptor, or -1 after reporting. */
static int
S_lock(const char *dir, const char *base, const char *out, struct diag *d)
{
	char *name = xreallocarray(NULL, strlen(base) + 32, 1), *path;
	int fd;

	sprintf(name, ".%s" TEMP_TAG "lock", base);
	path = S_join(dir, name);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		S_fail(d, "cannot create the lock", path);
	else if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		diag_msg(d, MSG_IO_WRITE, NULL, "another build is publishing %s",
		    out);
		close(fd);
		fd = -1;
	}
	free(path);
	free(name);
	return fd;
}

/* Frees p and its descriptors (the lock is released); restores the
 * umask. */
static void
S_free(struct publish *p)
{
	if (p->tmpfd >= 0)
		close(p->tmpfd);
	if (p->livefd >= 0)
		close(p->livefd);
	if (p->lock >= 0)
		close(p->lock);		/* releases the lock; the file stays */
	umask(p->umask);
	free(p->tmp);
	free(p->base);
	free(p->dir);
	free(p->out);
	free(p);
}

/* Makes the new folder of p; returns 0 or -1 after reporting. */
static int
S_make_folder(struct publish *p)
{
	char *name = xreallocarray(NULL, strlen(p->base) + 32, 1);

	sprintf(name, ".%s" TEMP_TAG "XXXXXX", p->base);
	p->tmp = S_join(p->dir, name);
	free(name);
	if (mkdtemp(p->tmp) == NULL) {
		S_fail(p->d, "cannot create a folder beside", p->out);
		free(p->tmp);
		p->tmp = NULL;
		return -1;
	}
	if (chmod(p->tmp, 0755) < 0 || (p->tmpfd = open(p->tmp, O_RDONLY |
	    O_DIRECTORY | O_CLOEXEC)) < 0) {
		S_fail(p->d, "cannot set up", p->tmp);
		return -1;
	}
	return 0;
}

/* xalloc_die's clean-up: removes the new folder of p, arg, though other
 * threads may still be writing into it: again while it is not empty, a
 * few times (a later run removes what is left). */
static void
S_remove_on_exhaustion(void *arg)
{
	const struct publish *p = arg;
	int tries = 0;

	while (S_remove_at(AT_FDCWD, p->tmp) < 0 && errno == ENOTEMPTY &&
	    ++tries < 8)
		continue;
}

struct publish *
publish_begin(const char *out, struct diag *d)
{
	static const char marker[] = "Written by skillsite, which replaces "
	    "this folder on each build.\n";
	struct publish *p = xcalloc(1, sizeof(*p));

	p->d = d;
	p->out = xstrdup(out);
	p->tmpfd = p->livefd = -1;
	p->umask = umask(022);	/* files 0644, folders 0755 */
	S_split(out, &p->dir, &p->base);
	if ((p->lock = S_lock(p->dir, p->base, out, d)) < 0 ||
	    (p->exists = S_check_target(out, d)) < 0) {
		S_free(p);
		return NULL;
	}
	p->exists = !p->exists;
	if (p->exists && (p->livefd = open(out, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) < 0) {
		S_fail(d, "cannot open", out);
		S_free(p);
		return NULL;
	}
	S_clean_stale(p->dir, p->base);
	if (S_make_folder(p) == 0)
		alloc_on_exhaustion(S_remove_on_exhaustion, p);
	if (p->tmpfd < 0 ||
	    publish_file(p, WRITE_MARKER, marker, sizeof(marker) - 1, d) < 0) {
		publish_abort(p);
		return NULL;
	}
	return p;
}

const char *
publish_folder(const struct publish *p)
{
	return p->tmp;
}

/* Makes the folder of site path rel (and its own, as need be) in the new
 * folder; returns 0 or -1 (errno set). */
static int
S_mkdirs(struct publish *p, char *rel)
{
	char *slash = strrchr(rel, '/');
	int rc = 0;

	if (slash == NULL)
		return 0;
	*slash = '\0';
	if (mkdirat(p->tmpfd, rel, 0755) < 0 && errno != EEXIST)
		rc = errno == ENOENT && S_mkdirs(p, rel) == 0 &&
		    (mkdirat(p->tmpfd, rel, 0755) == 0 || errno == EEXIST) ?
		    0 : -1;	/* EEXIST: another thread made it */
	*slash = '/';
	return rc;
}

/* Makes the folders of site path rel in the new folder; returns 0, or -1
 * (errno set). */
static int
S_parents(struct publish *p, const char *rel)
{
	char *copy = xstrdup(rel);
	int rc = S_mkdirs(p, copy);

	free(copy);
	return rc;
}

/* Returns whether the len bytes of the file fd from its start equal
 * data. */
static int
S_same_bytes(int fd, const char *data, size_t len)
{
	char chunk[16384];
	size_t done = 0, want;
	ssize_t r;

	while (done < len) {
		want = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
		r = pread(fd, chunk, want, (off_t)done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || memcmp(chunk, data + done, (size_t)r) != 0)
			return 0;
		done += (size_t)r;
	}
	return 1;
}

/* Reads the first len bytes of the file fd into buf; returns whether it
 * could. */
static int
S_read_all(int fd, char *buf, size_t len)
{
	size_t done = 0;
	ssize_t r;

	while (done < len) {
		r = pread(fd, buf + done, len - done, (off_t)done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return 0;
		done += (size_t)r;
	}
	return 1;
}

/* Returns whether the live file at site path rel is a regular file of
 * mode 0644 holding exactly the len bytes of data; sets *seen to what
 * was compared.  Never blocks on a FIFO or opens a device for reading. */
static int
S_live_same(struct publish *p, const char *rel, const char *data, size_t len,
    struct stat *seen)
{
	int fd, same = 0;

	if (p->livefd < 0 || (fd = openat(p->livefd, rel, O_RDONLY |
	    O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return 0;
	if (fstat(fd, seen) == 0 && S_ISREG(seen->st_mode) &&
	    (seen->st_mode & 07777) == 0644 && (size_t)seen->st_size == len)
		same = S_same_bytes(fd, data, len);
	close(fd);
	return same;
}

/* Links the live file at site path rel into the new folder as name (its
 * folders made), and checks that the link is the file seen before;
 * returns 0, or -1 (errno set) with no link left behind. */
static int
S_link_live(struct publish *p, const char *rel, const char *name,
    const struct stat *seen)
{
	struct stat now;

	if (linkat(p->livefd, rel, p->tmpfd, name, 0) < 0 &&
	    (errno != ENOENT || S_parents(p, name) < 0 ||
	    linkat(p->livefd, rel, p->tmpfd, name, 0) < 0))
		return -1;	/* errno says why */
	if (fstatat(p->tmpfd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
	    now.st_dev == seen->st_dev && now.st_ino == seen->st_ino)
		return 0;
	unlinkat(p->tmpfd, name, 0);	/* replaced meanwhile */
	errno = ESTALE;
	return -1;
}

/* Writes len bytes of data to the new file rel of the new folder;
 * returns 0 or -1 after reporting to d. */
static int
S_write(struct publish *p, const char *rel, const char *data, size_t len,
    struct diag *d)
{
	const int flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
	int fd = openat(p->tmpfd, rel, flags, 0644);
	size_t done = 0;
	ssize_t w;

	if (fd < 0 && errno == ENOENT && S_parents(p, rel) == 0)
		fd = openat(p->tmpfd, rel, flags, 0644);
	if (fd < 0) {
		S_fail(d, "cannot create", rel);
		return -1;
	}
	while (done < len) {
		if ((w = write(fd, data + done, len - done)) < 0) {
			if (errno == EINTR)
				continue;
			S_fail(d, "cannot write", rel);
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	if (close(fd) < 0) {
		S_fail(d, "cannot close", rel);
		return -1;
	}
	return 0;
}

/* Counts a file of len bytes in the new site, carried or not. */
static void
S_count(struct publish *p, size_t len, int carried)
{
	atomic_fetch_add(&p->files, 1);
	atomic_fetch_add(&p->bytes, len);
	if (carried)
		atomic_fetch_add(&p->carried, 1);
}

int
publish_file(struct publish *p, const char *rel, const char *data,
    size_t len, struct diag *d)
{
	struct stat seen;
	int carried = 0;

	if (alloc_exhausted())
		xalloc_die();	/* waits: the new folder is being removed */
	if (S_live_same(p, rel, data, len, &seen) &&
	    S_link_live(p, rel, rel, &seen) == 0)
		carried = 1;	/* else (no hard links here): write it */
	else if (S_write(p, rel, data, len, d) < 0)
		return -1;
	S_count(p, len, carried);
	return carried;
}

int
publish_carry(struct publish *p, const char *rel)
{
	struct stat st;

	if (p->livefd < 0 || fstatat(p->livefd, rel, &st,
	    AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode) ||
	    (st.st_mode & 07777) != 0644 || S_link_live(p, rel, rel, &st) < 0)
		return 0;	/* the caller makes the file */
	S_count(p, (size_t)st.st_size, 1);
	return 1;
}

int
publish_adopt(struct publish *p, const char *rel)
{
	struct stat st, seen;
	char *data = NULL, *spare;
	int fd, same = 0;

	if ((fd = openat(p->tmpfd, rel, O_RDONLY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (data = malloc((size_t)st.st_size + 1)) == NULL ||
	    !S_read_all(fd, data, (size_t)st.st_size)) {
		S_fail(p->d, "cannot read", rel);
		if (fd >= 0)
			close(fd);
		free(data);
		return -1;
	}
	close(fd);
	if (S_live_same(p, rel, data, (size_t)st.st_size, &seen)) {
		/* the live file under a spare name, then over the new one: if
		 * it cannot be linked, the new file stays (same bytes) */
		spare = xreallocarray(NULL, strlen(rel) + sizeof(TEMP_TAG) + 8, 1);
		sprintf(spare, "%s%scarry", rel, TEMP_TAG);
		same = S_link_live(p, rel, spare, &seen) == 0;
		if (same && renameat(p->tmpfd, spare, p->tmpfd, rel) < 0) {
			S_fail(p->d, "cannot replace", rel);
			unlinkat(p->tmpfd, spare, 0);
			same = 0;
		}
		free(spare);
	}
	free(data);
	S_count(p, (size_t)st.st_size, same);
	return 0;
}

/* Swaps the folders tmp and out (out exists); afterwards tmp holds the
 * old site.  Returns 0 or -1 after reporting. */
static int
S_swap(const char *tmp, const char *out, struct diag *d)
{
	char *aside;
	int rc;

	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, out, RENAME_EXCHANGE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS) {
		S_fail(d, "cannot swap in", out);
		return -1;
	}
	/* no RENAME_EXCHANGE here: two renames, a moment without out */
	aside = xreallocarray(NULL, strlen(tmp) + 5, 1);
	sprintf(aside, "%s.old", tmp);
	rc = -1;
	if (rename(out, aside) < 0)
		S_fail(d, "cannot move aside", out);
	else if (rename(tmp, out) < 0) {
		S_fail(d, "cannot replace", out);
		if (rename(aside, out) < 0)	/* put the old site back */
			S_fail(d, "cannot restore the old site from", aside);
	} else if (rename(aside, tmp) < 0)
		S_fail(d, "cannot set aside the old site", aside);
	else
		rc = 0;
	free(aside);
	return rc;
}

/* Flushes the folder dir itself, so renames in it are on disk. */
static void
S_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int
publish_commit(struct publish *p, struct publish_stats *st)
{
	int rc;

	alloc_on_exhaustion(NULL, NULL);	/* the folder may be the old site */
	if (syncfs(p->tmpfd) < 0) {	/* one flush for every file */
		S_fail(p->d, "cannot flush", p->tmp);
		publish_abort(p);
		return -1;
	}
	if (!p->exists) {
		if ((rc = rename(p->tmp, p->out)) < 0)
			S_fail(p->d, "cannot move into place", p->out);
	} else
		rc = S_swap(p->tmp, p->out, p->d);
	S_remove_at(AT_FDCWD, p->tmp);	/* the old site, or the new one */
	if (rc == 0) {
		S_sync_dir(p->dir);
		if (st != NULL) {
			st->files = atomic_load(&p->files);
			st->bytes = atomic_load(&p->bytes);
			st->carried = atomic_load(&p->carried);
		}
	}
	S_free(p);
	return rc;
}

void
publish_abort(struct publish *p)
{
	alloc_on_exhaustion(NULL, NULL);
	if (p->tmp != NULL)
		S_remove_at(AT_FDCWD, p->tmp);
	S_free(p);
}
