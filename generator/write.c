/* write.c: atomic publication of the site; see write.h. */
#define _GNU_SOURCE		/* renameat2, RENAME_EXCHANGE */
#include "write.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/file.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"

#define TEMP_TAG ".skillsite-"

/* Reports an output problem with path. */
static void
S_fail(struct diag *d, const char *what, const char *path)
{
	diag_msg(d, MSG_IO_WRITE, NULL, "%s %s: %s", what, path,
	    strerror(errno));
}

/* nftw callback: removes one file or (emptied) folder. */
static int
S_remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Removes the tree at path; returns 0 or -1. */
static int
S_remove_tree(const char *path)
{
	return nftw(path, S_remove_one, 16, FTW_DEPTH | FTW_PHYS);
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

		if (name[0] == '.' && strncmp(name + 1, base, n) == 0 &&
		    strncmp(name + 1 + n, TEMP_TAG, strlen(TEMP_TAG)) == 0 &&
		    strcmp(name + 1 + n + strlen(TEMP_TAG), "lock") != 0) {
			char *path = S_join(dir, name);

			S_remove_tree(path);
			free(path);
		}
	}
	closedir(dp);
}

/* Makes the folders of the file at site path rel exist below the folder
 * root; returns 0 or -1. */
static int
S_make_parents(const char *root, const char *rel, struct diag *d)
{
	char *p = S_join(root, rel), *slash;
	int rc = 0;

	for (slash = strchr(p + strlen(root) + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(p, 0755) < 0 && errno != EEXIST) {
			S_fail(d, "cannot create", p);
			rc = -1;
			break;
		}
		if (chmod(p, 0755) < 0) {
			S_fail(d, "cannot set the mode of", p);
			rc = -1;
			break;
		}
		*slash = '/';
	}
	free(p);
	return rc;
}

/* Writes len bytes of data to the new file path; returns 0 or -1. */
static int
S_write_file(const char *path, const char *data, size_t len, struct diag *d)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	size_t done = 0;
	ssize_t w;

	if (fd < 0) {
		S_fail(d, "cannot create", path);
		return -1;
	}
	if (fchmod(fd, 0644) < 0) {
		S_fail(d, "cannot set the mode of", path);
		close(fd);
		return -1;
	}
	while (done < len) {
		if ((w = write(fd, data + done, len - done)) < 0) {
			if (errno == EINTR)
				continue;
			S_fail(d, "cannot write", path);
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	if (fsync(fd) < 0) {
		S_fail(d, "cannot flush", path);
		close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		S_fail(d, "cannot close", path);
		return -1;
	}
	return 0;
}

/* Writes every file of s, and the marker, into the folder tmp; returns 0
 * or -1. */
static int
S_write_all(const struct site *s, const char *tmp, struct diag *d,
    size_t *bytes)
{
	static const char marker[] = "Written by skillsite, which replaces "
	    "this folder on each build.\n";
	size_t i;
	char *path;
	int rc;

	path = S_join(tmp, WRITE_MARKER);
	rc = S_write_file(path, marker, sizeof(marker) - 1, d);
	free(path);
	for (i = 0; rc == 0 && i < s->nfiles; i++) {
		path = S_join(tmp, s->files[i].path);
		rc = S_make_parents(tmp, s->files[i].path, d) < 0 ? -1 :
		    S_write_file(path, s->files[i].data, s->files[i].len, d);
		free(path);
		*bytes += s->files[i].len;
	}
	return rc;
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
write_site(const struct site *s, const char *out, write_hook hook,
    struct diag *d, size_t *bytes)
{
	char *dir, *base, *tmp, *name;
	int exists, lock, rc = -1;

	*bytes = 0;
	S_split(out, &dir, &base);
	name = xreallocarray(NULL, strlen(base) + strlen(TEMP_TAG) + 8, 1);
	sprintf(name, ".%s" TEMP_TAG "XXXXXX", base);
	tmp = S_join(dir, name);
	if ((lock = S_lock(dir, base, out, d)) < 0)
		;
	else if ((exists = S_check_target(out, d)) < 0)
		;
	else if ((S_clean_stale(dir, base), mkdtemp(tmp)) == NULL)
		S_fail(d, "cannot create a folder beside", out);
	else if (chmod(tmp, 0755) < 0) {
		S_fail(d, "cannot set the mode of", tmp);
		S_remove_tree(tmp);
	} else if (S_write_all(s, tmp, d, bytes) < 0 ||
	    (hook != NULL && hook(s, tmp, d) < 0))
		S_remove_tree(tmp);
	else if (exists == 1) {
		if ((rc = rename(tmp, out)) < 0) {
			S_fail(d, "cannot move into place", out);
			S_remove_tree(tmp);
		}
	} else if ((rc = S_swap(tmp, out, d)) == 0)
		S_remove_tree(tmp);	/* the old site */
	else
		S_remove_tree(tmp);
	if (rc == 0)
		S_sync_dir(dir);
	if (lock >= 0)
		close(lock);	/* releases the lock; the file stays */
	free(tmp);
	free(name);
	free(base);
	free(dir);
	return rc;
}
