/* write.c: atomic publication of the site; see write.h. */
#define _GNU_SOURCE		/* renameat2, RENAME_EXCHANGE, syncfs, syscall */
#include "write.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

#include "alloc.h"
#include "write_private.h"

static int	S_remove_at(int, const char *);

struct publish {
	struct diag		*d;
	char			*out;
	char			*dir;		/* out's folder and ... */
	char			*base;		/* ... last name */
	char			*tmp;		/* the new folder's path, */
	const char		*tmpname;	/* its name in dir */
	int			 dirfd;		/* out's folder */
	int			 lock;		/* the lock file, held */
	int			 tmpfd;		/* the new folder */
	int			 livefd;	/* the live site, or -1 */
	int			 exists;	/* out exists */
	mode_t			 umask;		/* the caller's */
	atomic_size_t		 files;		/* see publish_stats */
	atomic_size_t		 bytes;
	atomic_size_t		 carried;
	int			 record;	/* a record is to be put in place */
};

void
write_fail(struct diag *d, const char *what, const char *path)
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
	if (fd < 0)	/* out of descriptors, say: an empty folder needs none */
		return unlinkat(at, name, AT_REMOVEDIR) == 0 ? 0 : -1;
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

/* Set once openat2 is found missing (ENOSYS) or refused (EPERM, as some
 * seccomp filters do): every later lookup walks name by name instead. */
static atomic_int S_no_openat2;

/* Opens rel (plain names joined by '/') below the folder root as openat
 * would with flags and mode, one name at a time, each folder with
 * O_NOFOLLOW | O_DIRECTORY: the lookup of kernels without openat2.
 * Returns the descriptor, or -1 (errno set: ELOOP at a symbolic link,
 * EXDEV for an empty name, "." or ".."). */
static int
S_walk(int root, const char *rel, int flags, mode_t mode)
{
	char name[NAME_MAX + 1];
	const char *s = rel, *slash;
	int at = root, fd, e;
	size_t n;

	for (;;) {
		slash = strchr(s, '/');
		n = slash != NULL ? (size_t)(slash - s) : strlen(s);
		if (n == 0 || n > NAME_MAX || strncmp(s, ".", n) == 0 ||
		    strncmp(s, "..", n) == 0) {
			errno = n > NAME_MAX ? ENAMETOOLONG : EXDEV;
			fd = -1;
			break;
		}
		memcpy(name, s, n);
		name[n] = '\0';
		if (slash == NULL) {
			fd = openat(at, name, flags | O_NOFOLLOW | O_CLOEXEC, mode);
			break;
		}
		fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (at != root)
			close(at);
		if (fd < 0)
			return -1;
		at = fd;
		s = slash + 1;
	}
	if (at != root) {
		e = errno;
		close(at);
		errno = e;
	}
	return fd;
}

/* Opens rel below the folder root as openat would with flags and mode,
 * never following a symbolic link at any depth nor leaving root: openat2
 * with RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH where the kernel has it,
 * else S_walk().  Returns the descriptor, or -1 (errno set). */
static int
S_open_beneath(int root, const char *rel, int flags, mode_t mode)
{
#ifdef SYS_openat2
	struct open_how how;
	long fd;

	if (!atomic_load(&S_no_openat2)) {
		memset(&how, 0, sizeof(how));
		how.flags = (uint64_t)(flags | O_NOFOLLOW | O_CLOEXEC);
		how.mode = flags & O_CREAT ? mode : 0;
		how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
		fd = syscall(SYS_openat2, root, rel, &how, sizeof(how));
		if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
			return (int)fd;
		atomic_store(&S_no_openat2, 1);
	}
#endif
	return S_walk(root, rel, flags, mode);
}

/* Closes fd, the folder S_open_parent() gave, unless it is root; keeps
 * errno. */
static void
S_close_parent(int fd, int root)
{
	int e = errno;

	if (fd != root)
		close(fd);
	errno = e;
}

static int	S_mkdirs(int, const char *);

/* Opens the folder holding rel below root (root itself when rel has no
 * folder) as S_open_beneath() does, making missing folders (mode 0755)
 * when make is set; points *name at rel's last name.  Returns the
 * descriptor, to give to S_close_parent(), or -1 (errno set). */
static int
S_open_parent(int root, const char *rel, int make, const char **name)
{
	const char *slash = strrchr(rel, '/');
	char dir[PATH_MAX];
	int fd;

	*name = slash != NULL ? slash + 1 : rel;
	if (slash == NULL)
		return root;
	if ((size_t)(slash - rel) >= sizeof(dir)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(dir, rel, (size_t)(slash - rel));
	dir[slash - rel] = '\0';
	fd = S_open_beneath(root, dir, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0 && errno == ENOENT && make && S_mkdirs(root, dir) == 0)
		fd = S_open_beneath(root, dir, O_RDONLY | O_DIRECTORY, 0);
	return fd;
}

/* Makes the folder dir below root and the folders above it, never
 * following a symbolic link; one made meanwhile by another thread will
 * do.  Returns 0 or -1 (errno set). */
static int
S_mkdirs(int root, const char *dir)
{
	const char *name;
	int at, rc;

	if ((at = S_open_parent(root, dir, 1, &name)) < 0)
		return -1;
	rc = mkdirat(at, name, 0755) == 0 || errno == EEXIST ? 0 : -1;
	S_close_parent(at, root);
	return rc;
}

/* Removes temporary folders of earlier, killed runs for p's target:
 * exactly the names the build makes (".BASE.skillsite-XXXXXX"), owned by
 * this user, so never another target's site, lock or work; called with
 * the lock held, so none of them is still being written.  A site set
 * aside (".old") that could not be put back was reported and is left for
 * the admin.  Never follows a symbolic link: one named like such a folder
 * is removed itself. */
static void
S_clean_stale(const struct publish *p)
{
	int fd = openat(p->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dp = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	struct stat st;

	if (dp == NULL) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		const char *name = de->d_name;
		size_t len = write_temp_name(name, p->base);

		if (len != 0 && name[len] == '\0' &&
		    strcmp(name + len - 4, ".old") != 0 &&
		    fstatat(dirfd(dp), name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    st.st_uid == geteuid())
			S_remove_at(dirfd(dp), name);
	}
	closedir(dp);
}

/* Returns whether the folder fd holds nothing, or -1 when it cannot be
 * read. */
static int
S_is_empty(int fd)
{
	int dup_fd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dp = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	struct dirent *de;
	int empty = 1;

	if (dp == NULL) {
		if (dup_fd >= 0)
			close(dup_fd);
		return -1;
	}
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(dp);
	return empty;
}

/* Opens p's target, if it exists, as p->livefd (never through a symbolic
 * link: one there is not a folder skillsite wrote).  Returns 0 when the
 * target may be replaced (it does not exist, or it is a folder skillsite
 * wrote, or an empty one), -1 after reporting otherwise. */
static int
S_open_target(struct publish *p)
{
	struct stat st;
	int fd, empty;

	fd = openat(p->dirfd, p->base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return 0;
	if (fd < 0) {
		if (errno == ELOOP)
			errno = ENOTDIR;	/* a symbolic link */
		write_fail(p->d, errno == ENOTDIR ? "will not replace" :
		    "cannot open", p->out);
		return -1;
	}
	p->livefd = fd;
	p->exists = 1;
	if (fstatat(fd, WRITE_MARKER, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode))
		return 0;
	if ((empty = S_is_empty(fd)) < 0) {
		write_fail(p->d, "cannot look into", p->out); /* never assume empty */
		return -1;
	}
	if (empty)
		return 0;
	diag_msg(p->d, MSG_IO_WRITE, NULL, "will not replace %s: it holds "
	    "files that skillsite did not write (no %s marker)", p->out,
	    WRITE_MARKER);
	return -1;
}

/* Takes the lock of publishing to p's target (the file
 * ".BASE.skillsite-lock" beside it), so two builds never touch each
 * other's folders.  The lock is never reached through a symbolic link
 * and must be a regular file.  Returns its descriptor, or -1 after
 * reporting. */
static int
S_lock(const struct publish *p)
{
	char *name = xasprintf(".%s" TEMP_TAG "lock", p->base), *path;
	struct stat st;
	int fd;

	path = xpath_join(p->dir, name);
	fd = openat(p->dirfd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_NOCTTY |
	    O_NONBLOCK | O_CLOEXEC, 0644);
	if (fd < 0)
		write_fail(p->d, "cannot create the lock", path);
	else if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diag_msg(p->d, MSG_IO_WRITE, NULL, "cannot use the lock %s: "
		    "not a regular file", path);
		close(fd);
		fd = -1;
	} else if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		diag_msg(p->d, MSG_IO_WRITE, NULL, "another build is "
		    "publishing %s", p->out);
		close(fd);
		fd = -1;
	}
	free(path);
	free(name);
	return fd;
}

/* Closes the descriptors of p's new and live folders, if open. */
static void
S_close_folders(struct publish *p)
{
	if (p->tmpfd >= 0)
		close(p->tmpfd);
	if (p->livefd >= 0)
		close(p->livefd);
	p->tmpfd = p->livefd = -1;
}

/* Frees p and its descriptors (the lock is released); restores the
 * umask. */
static void
S_free(struct publish *p)
{
	S_close_folders(p);
	if (p->lock >= 0)
		close(p->lock);		/* releases the lock; the file stays */
	if (p->dirfd >= 0)
		close(p->dirfd);
	umask(p->umask);
	free(p->tmp);
	free(p->base);
	free(p->dir);
	free(p->out);
	free(p);
}

/* Makes the new folder of p and opens it, checking that what was opened
 * is the folder made (not a link, nor another user's folder put in its
 * place), then gives it mode 0755; returns 0 or -1 after reporting. */
static int
S_make_folder(struct publish *p)
{
	char *name = xasprintf(".%s" TEMP_TAG "XXXXXX", p->base);
	const char *slash;
	struct stat st;

	p->tmp = xpath_join(p->dir, name);
	free(name);
	if (mkdtemp(p->tmp) == NULL) {
		write_fail(p->d, "cannot create a folder beside", p->out);
		free(p->tmp);
		p->tmp = NULL;
		return -1;
	}
	slash = strrchr(p->tmp, '/');
	p->tmpname = slash != NULL ? slash + 1 : p->tmp;
	if ((p->tmpfd = openat(p->dirfd, p->tmpname, O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC)) >= 0 && fstat(p->tmpfd, &st) == 0) {
		if (st.st_uid != geteuid())
			errno = EPERM;		/* not the folder made */
		else if (fchmod(p->tmpfd, 0755) == 0)
			return 0;
	}
	write_fail(p->d, "cannot set up", p->tmp);
	return -1;
}

/* The clean-up of xalloc_die() and of SIGTERM, SIGINT and SIGHUP (see
 * alloc_on_exhaustion): removes the new folder of p, arg, with
 * async-signal-safe calls only, though other threads may still be
 * writing into it: again while it is not empty, a few times (a later run
 * removes what is left). */
static void
S_remove_on_exhaustion(void *arg)
{
	const struct publish *p = arg;
	int tries = 0;

	while (S_remove_at(p->dirfd, p->tmpname) < 0 && errno == ENOTEMPTY &&
	    ++tries < 8)
		continue;
}

struct publish *
publish_begin(const char *out, struct diag *d)
{
	static const char marker[] = "Written by skillsite, which replaces "
	    "this folder on each build.\n";
	const char *why = publish_target_error(out);
	struct publish *p;

	if (why != NULL) {
		diag_msg(d, MSG_IO_WRITE, NULL, "will not publish to "
		    "\"%s\": %s", out, why);
		return NULL;
	}
	p = xcalloc(1, sizeof(*p));
	p->d = d;
	p->out = xstrdup(out);
	p->tmpfd = p->livefd = p->lock = -1;
	p->umask = umask(022);	/* files 0644, folders 0755 */
	write_split(out, &p->dir, &p->base);
	if ((p->dirfd = open(p->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		write_fail(d, "cannot open the folder of", out);
	if (p->dirfd < 0 || (p->lock = S_lock(p)) < 0 || S_open_target(p) < 0) {
		S_free(p);
		return NULL;
	}
	S_clean_stale(p);
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

/* Makes the folders of site path rel in the new folder; returns 0, or -1
 * (errno set). */
static int
S_parents(struct publish *p, const char *rel)
{
	const char *name;
	int fd = S_open_parent(p->tmpfd, rel, 1, &name);

	if (fd < 0)
		return -1;
	S_close_parent(fd, p->tmpfd);
	return 0;
}

/* Returns whether the len bytes of the file fd from offset off equal
 * data. */
int
write_same_at(int fd, size_t off, const char *data, size_t len)
{
	char chunk[16384];
	size_t done = 0, want;
	ssize_t r;

	while (done < len) {
		want = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
		r = pread(fd, chunk, want, (off_t)(off + done));
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

/* Returns whether the live file st may be shared with the new site: a
 * regular file of mode 0644 that the user uid (this one) owns, so that no
 * one else can change it or its mode once published. */
static int
S_shareable_by(const struct stat *st, uid_t uid)
{
	return S_ISREG(st->st_mode) && (st->st_mode & 07777) == 0644 &&
	    st->st_uid == uid;
}

/* S_shareable_by() this user. */
static int
S_shareable(const struct stat *st)
{
	return S_shareable_by(st, geteuid());
}

/* Opens the file name in the live folder at (reached without links)
 * for reading when it is shareable, and sets *seen to its status.
 * Returns the descriptor, or -1.  Never follows a link, blocks on a FIFO
 * or opens a device for reading. */
static int
S_open_shareable(int at, const char *name, struct stat *seen)
{
	int fd = openat(at, name, O_RDONLY | O_NOFOLLOW | O_NOCTTY |
	    O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0 && (fstat(fd, seen) < 0 || !S_shareable(seen))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Returns whether the file name in the live folder at (reached without
 * links) is shareable and holds exactly the len bytes of data; sets
 * *seen to what was compared. */
static int
S_live_same(int at, const char *name, const char *data, size_t len,
    struct stat *seen)
{
	int fd = S_open_shareable(at, name, seen), same;

	if (fd < 0)
		return 0;
	same = (size_t)seen->st_size == len && write_same_at(fd, 0, data, len);
	close(fd);
	return same;
}

/* Links the live file name of the folder at (reached without links) into
 * the new folder as site path rel (its folders made), and checks that
 * the link is the file seen before; returns 0, or -1 (errno set) with no
 * link left behind. */
static int
S_link_live(struct publish *p, int at, const char *name, const char *rel,
    const struct stat *seen)
{
	struct stat now;
	const char *last;
	int to, rc = -1;

	if ((to = S_open_parent(p->tmpfd, rel, 1, &last)) < 0)
		return -1;
	if (linkat(at, name, to, last, 0) == 0) {	/* a link as a link */
		if (fstatat(to, last, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
		    now.st_dev == seen->st_dev && now.st_ino == seen->st_ino)
			rc = 0;
		else {
			unlinkat(to, last, 0);	/* replaced meanwhile */
			errno = ESTALE;
		}
	}
	S_close_parent(to, p->tmpfd);
	return rc;
}

/* Creates the new file rel of the new folder, its folders made;
 * returns its descriptor, or -1 after reporting to d. */
static int
S_create(struct publish *p, const char *rel, struct diag *d)
{
	const int flags = O_WRONLY | O_CREAT | O_EXCL;
	int fd = S_open_beneath(p->tmpfd, rel, flags, 0644);

	if (fd < 0 && errno == ENOENT && S_parents(p, rel) == 0)
		fd = S_open_beneath(p->tmpfd, rel, flags, 0644);
	if (fd < 0)
		write_fail(d, "cannot create", rel);
	return fd;
}

/* Writes the len bytes of data to fd, the new file rel; returns 0 or -1
 * after reporting to d. */
int
write_all(int fd, const char *rel, const char *data, size_t len,
    struct diag *d)
{
	size_t done = 0;
	ssize_t w;

	while (done < len) {
		if ((w = write(fd, data + done, len - done)) < 0) {
			if (errno == EINTR)
				continue;
			write_fail(d, "cannot write", rel);
			return -1;
		}
		done += (size_t)w;
	}
	return 0;
}

/* Closes fd, the new file rel; returns 0 or -1 after reporting to d. */
static int
S_close_file(int fd, const char *rel, struct diag *d)
{
	if (close(fd) == 0)
		return 0;
	write_fail(d, "cannot close", rel);
	return -1;
}

/* Writes len bytes of data to the new file rel of the new folder;
 * returns 0 or -1 after reporting to d. */
static int
S_write(struct publish *p, const char *rel, const char *data, size_t len,
    struct diag *d)
{
	int fd = S_create(p, rel, d);

	if (fd < 0)
		return -1;
	if (write_all(fd, rel, data, len, d) < 0) {
		close(fd);
		return -1;
	}
	return S_close_file(fd, rel, d);
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
	const char *name;
	int at, carried = 0;

	if (alloc_exhausted())
		xalloc_die();	/* waits: the new folder is being removed */
	if (p->livefd >= 0 &&
	    (at = S_open_parent(p->livefd, rel, 0, &name)) >= 0) {
		carried = S_live_same(at, name, data, len, &seen) &&
		    S_link_live(p, at, name, rel, &seen) == 0;
		S_close_parent(at, p->livefd);
	}
	if (!carried && S_write(p, rel, data, len, d) < 0)
		return -1;	/* else (no hard links here): written */
	S_count(p, len, carried);
	return carried;
}

struct publish_stream {
	struct publish	*p;
	struct diag	*d;
	char		*rel;		/* its site path */
	int		 fd;		/* the new file, or -1 while ... */
	int		 livefd;	/* ... the bytes equal this live file's */
	int		 made;		/* the new file was created */
	struct stat	 seen;		/* the live file's status */
	size_t		 len;		/* the bytes given so far */
};

/* Opens the live file of s when it is shareable, as s->livefd, its
 * status in s->seen; leaves s->livefd -1 otherwise. */
static void
S_open_live(struct publish_stream *s)
{
	const char *name;
	int at;

	if (s->p->livefd < 0 ||
	    (at = S_open_parent(s->p->livefd, s->rel, 0, &name)) < 0)
		return;
	s->livefd = S_open_shareable(at, name, &s->seen);
	S_close_parent(at, s->p->livefd);
}

/* Makes the new file of s, copying into it the s->len bytes given so far
 * (which equal the live file's) from the live file, then closes the live
 * file.  Returns 0 or -1 after reporting. */
static int
S_diverge(struct publish_stream *s)
{
	char chunk[16384];
	size_t done = 0, want;
	ssize_t r = 0;

	if ((s->fd = S_create(s->p, s->rel, s->d)) >= 0)
		s->made = 1;
	while (s->fd >= 0 && done < s->len) {
		want = s->len - done < sizeof(chunk) ? s->len - done :
		    sizeof(chunk);
		if ((r = pread(s->livefd, chunk, want, (off_t)done)) < 0 &&
		    errno == EINTR)
			continue;
		if (r <= 0 || write_all(s->fd, s->rel, chunk, (size_t)r,
		    s->d) < 0)
			break;
		done += (size_t)r;
	}
	if (s->fd >= 0 && done < s->len && r <= 0) {
		if (r == 0)
			errno = ESTALE;		/* the live file shrank */
		write_fail(s->d, "cannot copy the live file to", s->rel);
	}
	if (s->livefd >= 0)
		close(s->livefd);
	s->livefd = -1;
	return s->fd >= 0 && done == s->len ? 0 : -1;
}

struct publish_stream *
publish_open(struct publish *p, const char *rel, struct diag *d)
{
	struct publish_stream *s;

	if (alloc_exhausted())
		xalloc_die();	/* waits: the new folder is being removed */
	s = xcalloc(1, sizeof(*s));
	s->p = p;
	s->d = d;
	s->rel = xstrdup(rel);
	s->fd = s->livefd = -1;
	S_open_live(s);
	if (s->livefd < 0 && S_diverge(s) < 0) {
		publish_discard(s);
		return NULL;
	}
	return s;
}

int
publish_write(struct publish_stream *s, const char *data, size_t len)
{
	if (alloc_exhausted())
		xalloc_die();
	if (s->fd < 0 && !write_same_at(s->livefd, s->len, data, len) &&
	    S_diverge(s) < 0)
		return -1;
	if (s->fd >= 0 && write_all(s->fd, s->rel, data, len, s->d) < 0)
		return -1;
	s->len += len;
	return 0;
}

int
publish_close(struct publish_stream *s)
{
	struct publish *p = s->p;
	const char *name;
	int at, fd, carried = 0;

	if (s->fd < 0 && (size_t)s->seen.st_size == s->len &&
	    (at = S_open_parent(p->livefd, s->rel, 0, &name)) >= 0) {
		carried = S_link_live(p, at, name, s->rel, &s->seen) == 0;
		S_close_parent(at, p->livefd);
	}
	if (!carried && s->fd < 0 && S_diverge(s) < 0) {
		publish_discard(s);
		return -1;
	}
	fd = s->fd;
	s->fd = -1;
	if (fd >= 0 && S_close_file(fd, s->rel, s->d) < 0) {
		publish_discard(s);
		return -1;
	}
	S_count(p, s->len, carried);
	s->made = 0;
	publish_discard(s);
	return carried;
}

void
publish_discard(struct publish_stream *s)
{
	const char *name;
	int at;

	if (s->fd >= 0)
		close(s->fd);
	if (s->livefd >= 0)
		close(s->livefd);
	if (s->made &&
	    (at = S_open_parent(s->p->tmpfd, s->rel, 0, &name)) >= 0) {
		unlinkat(at, name, 0);
		S_close_parent(at, s->p->tmpfd);
	}
	free(s->rel);
	free(s);
}

void
publish_tally(const struct publish *p, struct publish_stats *st)
{
	st->files = atomic_load(&p->files);
	st->bytes = atomic_load(&p->bytes);
	st->carried = atomic_load(&p->carried);
}

/* The folders of the file being carried, kept open for the next file
 * in the same folder. */
struct folders {
	char	 dir[PATH_MAX];		/* "" for the site's own */
	int	 live, tmp;		/* -1: not open */
};

/* Closes the folders of f. */
static void
S_folders_close(struct publish *p, struct folders *f)
{
	if (f->live >= 0)
		S_close_parent(f->live, p->livefd);
	if (f->tmp >= 0)
		S_close_parent(f->tmp, p->tmpfd);
	f->live = f->tmp = -1;
}

/* Opens in f the live and new folders of the file rel (the new one
 * made), unless f has them open; sets *name to rel's last name.  Returns
 * 0, or -1. */
static int
S_folders_open(struct publish *p, struct folders *f, const char *rel,
    const char **name)
{
	const char *slash = strrchr(rel, '/');
	size_t n = slash != NULL ? (size_t)(slash - rel) : 0;

	*name = slash != NULL ? slash + 1 : rel;
	if (f->live >= 0 && f->tmp >= 0 && strlen(f->dir) == n &&
	    strncmp(f->dir, rel, n) == 0)
		return 0;
	S_folders_close(p, f);
	if (n >= sizeof(f->dir))
		return -1;
	memcpy(f->dir, rel, n);
	f->dir[n] = '\0';
	f->live = S_open_parent(p->livefd, rel, 0, name);
	f->tmp = f->live >= 0 ? S_open_parent(p->tmpfd, rel, 1, name) : -1;
	return f->live >= 0 && f->tmp >= 0 ? 0 : -1;
}

/* Links the live file rel of len bytes into the new folder through the
 * folders f; returns whether it did. */
static int
S_carry_in(struct publish *p, struct folders *f, const char *rel,
    size_t len, uid_t uid)
{
	struct stat st, now;
	const char *name;

	if (S_folders_open(p, f, rel, &name) < 0 ||
	    fstatat(f->live, name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_shareable_by(&st, uid) || (size_t)st.st_size != len ||
	    linkat(f->live, name, f->tmp, name, 0) < 0)
		return 0;
	if (fstatat(f->tmp, name, &now, AT_SYMLINK_NOFOLLOW) < 0 ||
	    now.st_dev != st.st_dev || now.st_ino != st.st_ino) {
		unlinkat(f->tmp, name, 0);	/* replaced meanwhile */
		return 0;
	}
	S_count(p, len, 1);
	return 1;
}

/* Removes the carried file rel of len bytes from the new folder again. */
static void
S_drop(struct publish *p, const char *rel, size_t len)
{
	const char *name;
	int at;

	if ((at = S_open_parent(p->tmpfd, rel, 0, &name)) < 0)
		return;
	if (unlinkat(at, name, 0) == 0) {
		atomic_fetch_sub(&p->files, 1);
		atomic_fetch_sub(&p->bytes, len);
		atomic_fetch_sub(&p->carried, 1);
	}
	S_close_parent(at, p->tmpfd);
}

int
publish_carry_all(struct publish *p, const struct publish_item *v, size_t n)
{
	struct folders f = { "", -1, -1 };
	uid_t uid = geteuid();
	size_t i;

	if (p->livefd < 0)
		return 0;
	for (i = 0; i < n && S_carry_in(p, &f, v[i].path, v[i].len, uid); i++)
		;
	S_folders_close(p, &f);
	if (i == n)
		return 1;
	while (i-- > 0)
		S_drop(p, v[i].path, v[i].len);
	return 0;
}

int
publish_carry(struct publish *p, const char *rel)
{
	struct stat st;
	const char *name;
	int at, carried = 0;

	if (p->livefd < 0 ||
	    (at = S_open_parent(p->livefd, rel, 0, &name)) < 0)
		return 0;	/* the caller makes the file */
	carried = fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_shareable(&st) && S_link_live(p, at, name, rel, &st) == 0;
	S_close_parent(at, p->livefd);
	if (carried)
		S_count(p, (size_t)st.st_size, 1);
	return carried;
}

/* Reads the file rel of the new folder (reached without links) into
 * *data (malloc'd) and its status into *st; returns 0, or -1 after
 * reporting. */
static int
S_read_new(struct publish *p, const char *rel, char **data, struct stat *st)
{
	int fd;

	*data = NULL;
	if ((fd = S_open_beneath(p->tmpfd, rel, O_RDONLY | O_NOCTTY |
	    O_NONBLOCK, 0)) < 0 || fstat(fd, st) < 0 || !S_ISREG(st->st_mode) ||
	    (*data = malloc((size_t)st->st_size + 1)) == NULL ||
	    !S_read_all(fd, *data, (size_t)st->st_size)) {
		write_fail(p->d, "cannot read", rel);
		if (fd >= 0)
			close(fd);
		free(*data);
		*data = NULL;
		return -1;
	}
	close(fd);
	return 0;
}

/* Puts the live file name of the folder at in place of the new file rel,
 * whose bytes are the same: linked under a spare name beside it, then
 * renamed over it.  Returns whether it was (else the new file stays). */
static int
S_replace_with_live(struct publish *p, int at, const char *name,
    const char *rel, const struct stat *seen)
{
	char *spare = xasprintf("%s" TEMP_TAG "carry", rel);
	const char *last, *spare_last;
	int to, done = 0;

	if (S_link_live(p, at, name, spare, seen) == 0 &&
	    (to = S_open_parent(p->tmpfd, rel, 0, &last)) >= 0) {
		spare_last = strrchr(spare, '/');
		spare_last = spare_last != NULL ? spare_last + 1 : spare;
		if (renameat(to, spare_last, to, last) == 0)
			done = 1;
		else {
			write_fail(p->d, "cannot replace", rel);
			unlinkat(to, spare_last, 0);
		}
		S_close_parent(to, p->tmpfd);
	}
	free(spare);
	return done;
}

int
publish_adopt(struct publish *p, const char *rel)
{
	struct stat st, seen;
	const char *name;
	char *data;
	int at, same = 0;

	if (S_read_new(p, rel, &data, &st) < 0)
		return -1;
	if (p->livefd >= 0 &&
	    (at = S_open_parent(p->livefd, rel, 0, &name)) >= 0) {
		same = S_live_same(at, name, data, (size_t)st.st_size, &seen) &&
		    S_replace_with_live(p, at, name, rel, &seen);
		S_close_parent(at, p->livefd);
	}
	free(data);
	S_count(p, (size_t)st.st_size, same);
	return 0;
}

/* Swaps the new folder and the target of p (which exists); afterwards
 * the new folder's name holds the old site.  Returns 0 or -1 after
 * reporting. */
static int
S_swap(struct publish *p)
{
	char *aside, *aside_path;
	int rc;

	if (renameat2(p->dirfd, p->tmpname, p->dirfd, p->base,
	    RENAME_EXCHANGE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS) {
		write_fail(p->d, "cannot swap in", p->out);
		return -1;
	}
	/* no RENAME_EXCHANGE here: two renames, a moment without out */
	aside = xasprintf("%s.old", p->tmpname);
	aside_path = xpath_join(p->dir, aside);
	rc = -1;
	if (renameat(p->dirfd, p->base, p->dirfd, aside) < 0)
		write_fail(p->d, "cannot move aside", p->out);
	else if (renameat(p->dirfd, p->tmpname, p->dirfd, p->base) < 0) {
		write_fail(p->d, "cannot replace", p->out);
		/* put the old site back */
		if (renameat(p->dirfd, aside, p->dirfd, p->base) < 0)
			write_fail(p->d, "cannot restore the old site from",
			    aside_path);
	} else if (renameat(p->dirfd, aside, p->dirfd, p->tmpname) < 0)
		write_fail(p->d, "cannot set aside the old site", aside_path);
	else
		rc = 0;
	free(aside_path);
	free(aside);
	return rc;
}

/* Removes the folder now named p->tmpname beside the target, having
 * closed the descriptors of the new and the live folder, which are no
 * longer needed and which the removal may need. */
static void
S_remove_tmp(struct publish *p)
{
	S_close_folders(p);
	S_remove_at(p->dirfd, p->tmpname);
}

/* Returns the name beside the target base of its record, with tail
 * appended ("" or ".new"), malloc'd. */
static char *
S_record_name(const char *base, const char *tail)
{
	return xasprintf(".%s" TEMP_TAG RECORD_TAG "%s", base, tail);
}

/* Returns whether the folder dir holds a folder of a build of base
 * (".BASE.skillsite-XXXXXX", or ".old"), or cannot be read. */
static int
S_has_temp(const char *dir, const char *base)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int found = dp == NULL;
	size_t n;

	while (!found && (de = readdir(dp)) != NULL)
		found = (n = write_temp_name(de->d_name, base)) != 0 &&
		    de->d_name[n] == '\0';
	if (dp != NULL)
		closedir(dp);
	return found;
}

int
publish_at_rest(const char *out)
{
	char *dir, *base, *name, *path;
	struct stat st;
	int fd, rest;

	write_split(out, &dir, &base);
	name = xasprintf(".%s" TEMP_TAG "lock", base);
	path = xpath_join(dir, name);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK |
	    O_CLOEXEC);
	if (fd >= 0) {
		rest = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    flock(fd, LOCK_SH | LOCK_NB) == 0;
		close(fd);
	} else
		rest = errno == ENOENT;	/* else a build reports it */
	rest = rest && !S_has_temp(dir, base);
	free(path);
	free(name);
	free(dir);
	free(base);
	return rest;
}

char *
publish_record_path(const char *out)
{
	char *dir, *base, *name, *path;

	write_split(out, &dir, &base);
	name = S_record_name(base, "");
	path = xpath_join(dir, name);
	free(name);
	free(dir);
	free(base);
	return path;
}

int
publish_record(struct publish *p, const char *data, size_t len)
{
	char *name = S_record_name(p->base, ".new");
	int fd, rc = -1;

	unlinkat(p->dirfd, name, 0);	/* a link there is removed, not followed */
	fd = openat(p->dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	if (fd < 0)
		write_fail(p->d, "cannot create", name);
	else if (write_all(fd, name, data, len, p->d) < 0)
		close(fd);
	else if (S_close_file(fd, name, p->d) == 0)
		rc = 0;
	if (rc < 0)
		unlinkat(p->dirfd, name, 0);
	p->record = rc == 0;
	free(name);
	return rc;
}

/* Removes the record of the last build, which is about to stop
 * describing the live site: should the process die before the new
 * record is in place, the next build is a full one. */
static void
S_forget_record(struct publish *p)
{
	char *name = S_record_name(p->base, "");

	unlinkat(p->dirfd, name, 0);
	free(name);
}

/* Puts the record written by publish_record() in place, or removes it
 * when the site was not swapped in (ok unset). */
static void
S_place_record(struct publish *p, int ok)
{
	char *from, *to;

	if (!p->record)
		return;
	from = S_record_name(p->base, ".new");
	to = S_record_name(p->base, "");
	if (!ok || renameat(p->dirfd, from, p->dirfd, to) < 0)
		unlinkat(p->dirfd, from, 0);
	free(to);
	free(from);
}


int
publish_commit(struct publish *p, struct publish_stats *st)
{
	int rc;

	alloc_on_exhaustion(NULL, NULL);	/* the folder may be the old site */
	if (syncfs(p->tmpfd) < 0) {	/* one flush for every file */
		write_fail(p->d, "cannot flush", p->tmp);
		publish_abort(p);
		return -1;
	}
	S_forget_record(p);
	if (!p->exists) {
		if ((rc = renameat(p->dirfd, p->tmpname, p->dirfd,
		    p->base)) < 0)
			write_fail(p->d, "cannot move into place", p->out);
	} else
		rc = S_swap(p);
	S_place_record(p, rc == 0);
	S_remove_tmp(p);	/* the old site, or the new one */
	if (rc == 0) {
		fsync(p->dirfd);	/* the renames, on disk */
		if (st != NULL)
			publish_tally(p, st);
	}
	S_free(p);
	return rc;
}

void
publish_abort(struct publish *p)
{
	alloc_on_exhaustion(NULL, NULL);
	S_place_record(p, 0);
	if (p->tmp != NULL && p->tmpname != NULL)
		S_remove_tmp(p);
	S_free(p);
}

int
publish_open_beneath(int root, const char *rel, int flags)
{
	return S_open_beneath(root, rel, flags, 0);
}

int
publish_remove(const char *path)
{
	return S_remove_at(AT_FDCWD, path);
}
