/* load_file.c: content files and directories from disk, read whole with a
 * size cap and handed to the parser from memory; see load.h. */
#define _XOPEN_SOURCE 700	/* realpath */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/magic.h>
#include <sys/vfs.h>
#endif

#include "alloc.h"
#include "load.h"
#include "load_private.h"

/* Reports an I/O problem with path, as a file of its own (registered in
 * d). */
static void
S_report(struct diag *d, const char *path, enum msg m, const char *detail)
{
	struct pos p = { diag_add_file(d, path), 0, 0 };

	diag_msg(d, m, &p, "%s", detail);
}

static load_observer_fn	*S_observer;
static void		*S_observer_ctx;

/* Reads the regular file open on fd (size from st) into a malloc'd,
 * NUL-terminated buffer; returns it and sets *len, or returns NULL after
 * reporting.  Reads at most max bytes, whatever the file grows to
 * meanwhile. */
static char *
S_read_fd(struct diag *d, const char *path, int fd,
    const struct stat *st, size_t max, size_t *len)
{
	char *buf, detail[64];
	size_t n = 0, cap;
	ssize_t r;

	if ((unsigned long long)st->st_size > max) {
		snprintf(detail, sizeof(detail), "%lld bytes; the limit is %zu",
		    (long long)st->st_size, max);
		S_report(d, path, MSG_IO_TOO_LARGE, detail);
		return NULL;
	}
	cap = (size_t)st->st_size + 1;
	buf = xreallocarray(NULL, cap, 1);
	for (;;) {
		if (n == cap) {	/* it grew */
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			if (n == cap)
				break;
			buf = xreallocarray(buf, cap, 1);
		}
		r = read(fd, buf + n, cap - n);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			S_report(d, path, MSG_IO_READ, strerror(errno));
			free(buf);
			return NULL;
		}
		n += (size_t)r;
	}
	if (n > max) {
		snprintf(detail, sizeof(detail), "over %zu bytes", max);
		S_report(d, path, MSG_IO_TOO_LARGE, detail);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';		/* n < cap here */
	*len = n;
	return buf;
}

/* Reports path unless stat says it is a regular file (or, when allow_dir
 * is set, a directory); returns whether it may be opened.  Checked before
 * opening, as opening a device can have effects of its own. */
static int
S_may_open(struct diag *d, const char *path, int allow_dir)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		S_report(d, path, MSG_IO_OPEN, strerror(errno));
		return 0;
	}
	if (S_ISREG(st.st_mode) || (S_ISDIR(st.st_mode) && allow_dir))
		return 1;
	S_report(d, path, MSG_IO_NOT_FILE, S_ISDIR(st.st_mode) ?
	    "a directory" : "a device, socket or pipe");
	return 0;
}

/* Returns whether the file open on fd lives in a kernel's file system
 * (procfs, sysfs, ...), whose files describe the running system: the
 * build's environment, say. */
static int
S_on_kernel_fs(int fd)
{
#ifdef __linux__
	struct statfs fs;

	if (fstatfs(fd, &fs) == 0)
		switch ((unsigned long)fs.f_type) {
		case PROC_SUPER_MAGIC:
		case SYSFS_MAGIC:
		case DEBUGFS_MAGIC:
		case SECURITYFS_MAGIC:
		case TRACEFS_MAGIC:
			return 1;
		}
#else
	(void)fd;
#endif
	return 0;
}

/* Opens path for reading, never blocking (a FIFO put in its place after
 * the check must not hang), and sets *st to what was opened: a regular
 * file or, when allow_dir is set, a directory, not of the kernel's file
 * systems.  Returns the descriptor, or -1 after reporting. */
static int
S_open_input(struct diag *d, const char *path, int allow_dir,
    struct stat *st)
{
	int fd;

	if (!S_may_open(d, path, allow_dir))
		return -1;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		S_report(d, path, MSG_IO_OPEN, strerror(errno));
		return -1;
	}
	if (fstat(fd, st) < 0) {
		S_report(d, path, MSG_IO_READ, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode) && !(S_ISDIR(st->st_mode) && allow_dir)) {
		S_report(d, path, MSG_IO_NOT_FILE, "changed while opened");
		close(fd);
		return -1;
	}
	if (S_on_kernel_fs(fd)) {
		S_report(d, path, MSG_IO_NOT_FILE, "a file of the kernel's "
		    "(procfs, sysfs)");
		close(fd);
		return -1;
	}
	return fd;
}

/* Returns whether path, the file open on fd (st), resolves, links
 * followed, to that file inside the folder path names it in: a link in a
 * templates folder may not publish a file from elsewhere. */
static int
S_inside_own_folder(const char *path, const struct stat *st)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	char *real_dir, *real = realpath(path, NULL);
	struct stat now;
	size_t n;
	int in = 0;

	if (slash == NULL)
		strcpy(dir, ".");
	else
		slash[slash == dir] = '\0';	/* "/x" is in "/" */
	real_dir = realpath(dir, NULL);
	if (real != NULL && real_dir != NULL && stat(real, &now) == 0 &&
	    now.st_dev == st->st_dev && now.st_ino == st->st_ino) {
		n = strlen(real_dir);
		in = strncmp(real, real_dir, n) == 0 && (real[n] == '/' ||
		    (n > 0 && real_dir[n - 1] == '/'));
	}
	free(real);
	free(real_dir);
	free(dir);
	return in;
}

void
load_observe(load_observer_fn *fn, void *ctx)
{
	S_observer = fn;
	S_observer_ctx = ctx;
}

/* load_read_file() and load_read_confined(): reads path, which must
 * resolve inside its own folder when confined is set. */
static char *
S_read_file(const char *path, int confined, size_t max, struct diag *d,
    size_t *len)
{
	struct stat st;
	char *buf = NULL;
	int fd;

	if ((fd = S_open_input(d, path, 0, &st)) < 0)
		return NULL;
	if (confined && !S_inside_own_folder(path, &st))
		S_report(d, path, MSG_IO_NOT_FILE, "a link to a file "
		    "outside its folder");
	else
		buf = S_read_fd(d, path, fd, &st, max, len);
	close(fd);
	if (buf != NULL && S_observer != NULL)
		(void)S_observer(S_observer_ctx, path, &st, buf, *len);
	return buf;
}

char *
load_read_file(const char *path, size_t max, struct diag *d, size_t *len)
{
	return S_read_file(path, 0, max, d, len);
}

char *
load_read_confined(const char *path, size_t max, struct diag *d,
    size_t *len)
{
	return S_read_file(path, 1, max, d, len);
}

/* Returns whether name ends in ".xml". */
static int
S_is_xml_name(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

/* Orders file names bytewise, whatever the locale. */
static int
S_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_load_path(struct loader *, const char *, int);

/* Loads the *.xml files of the directory open as dp, in name order; a
 * directory among them is reported, not entered. */
static void
S_load_dir(struct loader *l, const char *path, DIR *dp)
{
	struct dirent *de;
	char **names = NULL, *full;
	size_t n = 0, cap = 0, i;

	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' || !S_is_xml_name(de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xreallocarray(names, cap, sizeof(*names));
		}
		names[n++] = xstrdup(de->d_name);
	}
	if (n == 0)
		S_report(l->diag, path, MSG_IO_NO_CONTENT, "nothing to load");
	if (n > 1)
		qsort(names, n, sizeof(*names), S_name_cmp);
	for (i = 0; i < n; i++) {
		full = xpath_join(path, names[i]);
		S_load_path(l, full, 0);
		free(full);
		free(names[i]);
	}
	free(names);
}

/* Loads the file or, when allow_dir is set, the directory at path. */
static void
S_load_path(struct loader *l, const char *path, int allow_dir)
{
	struct stat st;
	size_t len, file;
	char *buf;
	DIR *dp;
	int fd;

	if ((fd = S_open_input(l->diag, path, allow_dir, &st)) < 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		if ((dp = fdopendir(fd)) == NULL) {
			S_report(l->diag, path, MSG_IO_OPEN, strerror(errno));
			close(fd);
			return;
		}
		S_load_dir(l, path, dp);
		closedir(dp);
		return;
	}
	/* the number it gets once read (a read error registers it itself) */
	file = diag_nfiles(l->diag);
	if (l->same != NULL && l->same(l->part_ctx, path, file, &st)) {
		diag_add_file(l->diag, path);
		close(fd);	/* the caller's model of it is current */
		return;
	}
	buf = S_read_fd(l->diag, path, fd, &st, LOAD_FILE_MAX, &len);
	close(fd);
	if (buf == NULL)
		return;
	file = diag_add_file(l->diag, path);
	loader_queue(l, path, file, &st, buf, len, S_observer != NULL &&
	    S_observer(S_observer_ctx, path, &st, buf, len));
}

void
loader_path(struct loader *l, const char *path)
{
	S_load_path(l, path, 1);
	loader_flush(l);
}
