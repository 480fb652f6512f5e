/* stage.c: updating a site folder in place; see stage.h. */
#include "stage.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "hash.h"
#include "write_private.h"

/* A file of the site, or one that was. */
struct site_file {
	char		*path;
	unsigned	 part;
	unsigned long	 seen;		/* the last stage that made or kept it */
	int		 live;		/* the site holds it */
};

struct stage_site {
	int			 site_fd, scratch_fd;
	pthread_mutex_t		 lock;		/* for the fields below */
	struct hash_table	 index;		/* struct site_file, by path */
	struct site_file	**all;
	size_t			 nall, cap, nlive;
	unsigned long		 stages;	/* stages begun */
	unsigned long		 names;		/* scratch files named */
};

/* A file staged: its scratch name and the file it becomes. */
struct staged {
	char			 name[24];
	struct site_file	*to;
};

struct stage {
	struct stage_site	*s;
	unsigned		 parts;
	unsigned long		 id;
	struct staged		*v;		/* under s->lock */
	size_t			 n, cap, same;
};

/* Opens the folder path, made when missing; returns its descriptor, or
 * -1 after reporting to d. */
static int
S_folder(const char *path, struct diag *d)
{
	int fd;

	if (mkdir(path, 0755) < 0 && errno != EEXIST) {
		write_fail(d, "cannot make", path);
		return -1;
	}
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0)
		write_fail(d, "cannot open", path);
	return fd;
}

struct stage_site *
stage_site_new(const char *site, const char *scratch, struct diag *d)
{
	struct stage_site *s = xcalloc(1, sizeof(*s));

	s->site_fd = S_folder(site, d);
	s->scratch_fd = s->site_fd < 0 ? -1 : S_folder(scratch, d);
	if (s->scratch_fd < 0) {
		if (s->site_fd >= 0)
			close(s->site_fd);
		free(s);
		return NULL;
	}
	pthread_mutex_init(&s->lock, NULL);
	hash_init(&s->index);
	return s;
}

void
stage_site_free(struct stage_site *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nall; i++) {
		free(s->all[i]->path);
		free(s->all[i]);
	}
	free(s->all);
	hash_free(&s->index);
	pthread_mutex_destroy(&s->lock);
	close(s->site_fd);
	close(s->scratch_fd);
	free(s);
}

size_t
stage_site_files(const struct stage_site *s)
{
	return s->nlive;
}

/* hash_same_fn: whether item is the file at path key. */
static int
S_same_path(const void *item, const void *key)
{
	return strcmp(((const struct site_file *)item)->path, key) == 0;
}

/* Returns the entry of s for path, made (not live) when it has none,
 * when add is set, else NULL.  Call with s->lock held. */
static struct site_file *
S_entry(struct stage_site *s, const char *path, int add)
{
	size_t h = hash_bytes(&s->index, path, strlen(path));
	struct site_file *f = hash_get(&s->index, h, S_same_path, path);

	if (f != NULL || !add)
		return f;
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	hash_put(&s->index, h, f);
	if (s->nall == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->all = xreallocarray(s->all, s->cap, sizeof(*s->all));
	}
	s->all[s->nall++] = f;
	return f;
}

struct stage *
stage_begin(struct stage_site *s, unsigned parts)
{
	struct stage *st = xcalloc(1, sizeof(*st));

	st->s = s;
	st->parts = parts;
	st->id = ++s->stages;
	return st;
}

/* Returns whether the live file rel of s holds the len bytes of data. */
static int
S_same(const struct stage_site *s, const char *rel, const char *data,
    size_t len)
{
	struct stat st;
	int fd = openat(s->site_fd, rel, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	int same;

	if (fd < 0)
		return 0;
	same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == len && write_same_at(fd, 0, data, len);
	close(fd);
	return same;
}

/* Writes the len bytes of data into the scratch file name of s (for the
 * site path rel, in messages); returns 0, or -1 after reporting. */
static int
S_scratch(struct stage_site *s, const char *name, const char *rel,
    const char *data, size_t len, struct diag *d)
{
	int fd = openat(s->scratch_fd, name, O_WRONLY | O_CREAT | O_TRUNC |
	    O_NOFOLLOW | O_CLOEXEC, 0644);
	int rc;

	if (fd < 0) {
		write_fail(d, "cannot stage", rel);
		return -1;
	}
	rc = fchmod(fd, 0644) == 0 ? write_all(fd, rel, data, len, d) : -1;
	if (rc == 0 && close(fd) < 0)
		write_fail(d, "cannot close", rel);
	else if (rc < 0)
		close(fd);
	return rc == 0 ? 0 : -1;
}

int
stage_file(struct stage *st, unsigned part, const char *rel,
    const char *data, size_t len, struct diag *d)
{
	struct stage_site *s = st->s;
	struct site_file *f;
	struct staged one;
	int live;

	pthread_mutex_lock(&s->lock);
	f = S_entry(s, rel, 1);
	f->seen = st->id;
	f->part = part;
	live = f->live;
	one.to = f;
	snprintf(one.name, sizeof(one.name), "%lu", ++s->names);
	pthread_mutex_unlock(&s->lock);
	if (live && S_same(s, rel, data, len)) {
		pthread_mutex_lock(&s->lock);
		st->same++;
		pthread_mutex_unlock(&s->lock);
		return 1;
	}
	if (S_scratch(s, one.name, rel, data, len, d) < 0)
		return -1;
	pthread_mutex_lock(&s->lock);
	if (st->n == st->cap) {
		st->cap = st->cap ? 2 * st->cap : 64;
		st->v = xreallocarray(st->v, st->cap, sizeof(*st->v));
	}
	st->v[st->n++] = one;
	pthread_mutex_unlock(&s->lock);
	return 0;
}

int
stage_keep(struct stage *st, const char *rel)
{
	struct site_file *f;
	int kept = 0;

	pthread_mutex_lock(&st->s->lock);
	if ((f = S_entry(st->s, rel, 0)) != NULL && f->live) {
		f->seen = st->id;
		kept = 1;
	}
	pthread_mutex_unlock(&st->s->lock);
	return kept;
}

/* Makes the folders of site path rel in the folder fd; returns 0 or
 * -1. */
static int
S_parents(int fd, const char *rel)
{
	char *path = xstrdup(rel), *slash;
	int rc = 0;

	for (slash = strchr(path, '/'); rc == 0 && slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdirat(fd, path, 0755) < 0 && errno != EEXIST)
			rc = -1;
		else if (fchmodat(fd, path, 0755, 0) < 0)
			rc = -1;
		*slash = '/';
	}
	free(path);
	return rc;
}

/* Puts the staged file v in place in s; returns 0, or -1 after
 * reporting to d. */
static int
S_put(struct stage_site *s, const struct staged *v, struct diag *d)
{
	if (renameat(s->scratch_fd, v->name, s->site_fd, v->to->path) < 0 &&
	    (errno != ENOENT || S_parents(s->site_fd, v->to->path) < 0 ||
	    renameat(s->scratch_fd, v->name, s->site_fd, v->to->path) < 0)) {
		write_fail(d, "cannot publish", v->to->path);
		unlinkat(s->scratch_fd, v->name, 0);
		return -1;
	}
	if (!v->to->live)
		s->nlive++;
	v->to->live = 1;
	return 0;
}

/* Removes the live file f from s, and the folders it leaves empty;
 * returns 0, or -1 after reporting to d. */
static int
S_remove(struct stage_site *s, struct site_file *f, struct diag *d)
{
	char *path, *slash;

	if (unlinkat(s->site_fd, f->path, 0) < 0 && errno != ENOENT) {
		write_fail(d, "cannot remove", f->path);
		return -1;
	}
	f->live = 0;
	s->nlive--;
	path = xstrdup(f->path);
	while ((slash = strrchr(path, '/')) != NULL) {
		*slash = '\0';
		if (unlinkat(s->site_fd, path, AT_REMOVEDIR) < 0)
			break;		/* not empty: the others stay too */
	}
	free(path);
	return 0;
}

int
stage_commit(struct stage *st, pthread_rwlock_t *lock,
    struct stage_stats *stats, struct diag *d)
{
	struct stage_site *s = st->s;
	size_t i;
	int rc = 0;

	memset(stats, 0, sizeof(*stats));
	stats->same = st->same;
	if (lock != NULL)
		pthread_rwlock_wrlock(lock);
	for (i = 0; i < st->n; i++)
		if (S_put(s, &st->v[i], d) == 0)
			stats->written++;
		else
			rc = -1;
	for (i = 0; i < s->nall; i++) {
		struct site_file *f = s->all[i];

		if (f->live && (f->part & st->parts) && f->seen != st->id) {
			if (S_remove(s, f, d) == 0)
				stats->removed++;
			else
				rc = -1;
		}
	}
	if (lock != NULL)
		pthread_rwlock_unlock(lock);
	free(st->v);
	free(st);
	return rc;
}

void
stage_abort(struct stage *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		unlinkat(st->s->scratch_fd, st->v[i].name, 0);
	free(st->v);
	free(st);
}
