/* manifest_tree.c: the digest of a site's folder tree, to tell whether
 * anything in it changed since a build left it; see manifest_private.h. */
#define _GNU_SOURCE		/* O_DIRECTORY, O_NOFOLLOW, fdopendir */
#include "manifest_private.h"

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "par.h"

#define TREE_DEPTH_MAX	32	/* folders below the site's */

/* Orders names bytewise. */
static int
S_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns the names in the folder open as fd, but "." and "..", sorted
 * and malloc'd, and sets *n; NULL when it cannot be read. */
static char **
S_names(int fd, size_t *n)
{
	int own = dup(fd);
	DIR *dp = own >= 0 ? fdopendir(own) : NULL;
	struct dirent *de;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if (dp == NULL) {
		if (own >= 0)
			close(own);
		return NULL;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 32;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), S_name_cmp);
	return v != NULL ? v : xcalloc(1, sizeof(*v));
}

/* Adds the entry called name, of status st, to s. */
static void
S_feed(XXH3_state_t *s, const char *name, const struct stat *st)
{
	uint64_t v[6];

	v[0] = (uint64_t)st->st_mode;
	v[1] = (uint64_t)st->st_uid;
	v[2] = (uint64_t)st->st_size;
	v[3] = (uint64_t)st->st_mtim.tv_sec;
	v[4] = (uint64_t)st->st_mtim.tv_nsec;
	v[5] = (uint64_t)st->st_ino;
	XXH3_128bits_update(s, name, strlen(name) + 1);
	XXH3_128bits_update(s, v, sizeof(v));
}

/* Adds to s every entry below the folder open as fd (closed), depth
 * folders down, in name order, folders entered after their own entry
 * and closed by an empty name; returns 0, or -1 when one cannot be read
 * or it is too deep. */
static int
S_walk(XXH3_state_t *s, int fd, int depth)
{
	size_t n, i;
	char **names = S_names(fd, &n);
	struct stat st;
	int rc = names == NULL || depth > TREE_DEPTH_MAX ? -1 : 0, sub;

	for (i = 0; names != NULL && i < n; i++) {
		if (rc == 0 && fstatat(fd, names[i], &st, AT_SYMLINK_NOFOLLOW)
		    < 0)
			rc = -1;
		if (rc == 0)
			S_feed(s, names[i], &st);
		if (rc == 0 && S_ISDIR(st.st_mode)) {
			sub = openat(fd, names[i], O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);
			rc = sub < 0 ? -1 : S_walk(s, sub, depth + 1);
		}
		free(names != NULL ? names[i] : NULL);
	}
	free(names);
	close(fd);
	XXH3_128bits_update(s, "", 1);
	return rc;
}

/* The walk of a site's top entries, one piece each (par.h). */
struct top {
	int		 fd;		/* the site folder */
	char		**names;	/* its entries, in name order */
	XXH128_hash_t	*sums;		/* each one's digest */
	int		*bad;		/* set when one cannot be read */
};

/* par_job run: the digest of top entry i and of all below it. */
static void
S_top(void *ctx, void *state, size_t i, struct diag *d)
{
	struct top *t = ctx;
	XXH3_state_t *s = XXH3_createState();
	struct stat st;
	int sub, rc = 0;

	(void)state;
	(void)d;
	if (s == NULL)
		xalloc_die();
	XXH3_128bits_reset(s);
	if (fstatat(t->fd, t->names[i], &st, AT_SYMLINK_NOFOLLOW) < 0)
		rc = -1;
	else {
		S_feed(s, t->names[i], &st);
		if (S_ISDIR(st.st_mode)) {
			sub = openat(t->fd, t->names[i], O_RDONLY |
			    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			rc = sub < 0 ? -1 : S_walk(s, sub, 1);
		}
	}
	t->sums[i] = XXH3_128bits_digest(s);
	if (rc < 0)
		*t->bad = 1;	/* any thread's write is the same */
	XXH3_freeState(s);
}

/* Sets *h to the digest of the site folder open as fd (its status st)
 * and its entries, each walked on one of nthreads threads; returns 0, or
 * -1 when one cannot be read. */
static int
S_tops(int fd, const struct stat *st, unsigned nthreads, XXH128_hash_t *h)
{
	struct par_job job = { NULL, S_top, NULL, NULL };
	XXH3_state_t *s = XXH3_createState();
	struct top t = { fd, NULL, NULL, NULL };
	struct diag quiet;
	size_t n, i;
	int bad = 0;

	if (s == NULL)
		xalloc_die();
	t.names = S_names(fd, &n);
	t.sums = xcalloc(n + 1, sizeof(*t.sums));
	t.bad = &bad;
	job.ctx = &t;
	diag_init(&quiet, NULL);
	if (t.names != NULL)
		par_run(&job, n, nthreads, &quiet);
	diag_free(&quiet);
	XXH3_128bits_reset(s);
	S_feed(s, ".", st);
	for (i = 0; t.names != NULL && i < n; i++) {
		XXH3_128bits_update(s, &t.sums[i], sizeof(t.sums[i]));
		free(t.names[i]);
	}
	*h = XXH3_128bits_digest(s);
	XXH3_freeState(s);
	free(t.sums);
	free(t.names);
	return t.names == NULL || bad ? -1 : 0;
}

int
mf_tree(const char *folder, unsigned nthreads, XXH128_hash_t *h)
{
	struct stat st;
	int fd, rc = -1;

	memset(h, 0, sizeof(*h));
	fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0)
		rc = S_tops(fd, &st, nthreads, h);
	close(fd);
	return rc;
}
