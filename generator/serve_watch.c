/* serve_watch.c: telling when the inputs of a build change; see
 * serve_watch.h. */
#include "serve_watch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "alloc.h"
#include "cli.h"
#include "diag.h"

/* What an inotify watch is for. */
enum watch_kind {
	WATCH_CONTENT,		/* a content folder: its *.xml files */
	WATCH_FILE,		/* a folder, for one content file in it */
	WATCH_TEMPLATES		/* a templates folder: every file */
};

/* A folder watched. */
struct watched {
	int		 wd;
	enum watch_kind	 kind;
	char		*only;		/* WATCH_FILE: the file's name */
};

/* An input as given: a content path or the templates folder. */
struct root {
	char		*path;
	enum watch_kind	 kind;		/* WATCH_CONTENT for a content path,
					 * whether file or folder */
};

struct serve_watch {
	int		 fd;		/* inotify; -1 when polling */
	struct watched	*v;
	size_t		 n, cap;
	struct root	*roots;
	size_t		 nroots;
	uint64_t	 look;		/* polling: the last look's digest */
	int		 rewatch;	/* a watched folder went: watch anew */
	int		 pending;	/* CHANGE_* bits read by
					 * serve_watch_changed(), for the next
					 * wait */
	FILE		*err;		/* where a fall back to polling is said */
};

/* The events that can change an input. */
#define WATCH_EVENTS	(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | \
	IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

/* Returns whether name is hidden or an editor's backup (name~). */
static int
S_ignored(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' || (n > 0 && name[n - 1] == '~');
}

/* Returns whether name is a content file's (*.xml, not hidden). */
static int
S_is_content(const char *name)
{
	size_t n = strlen(name);

	return !S_ignored(name) && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

/* Watches folder dir for kind (only: WATCH_FILE's name), and, for the
 * templates, its folders too.  Returns 0, or -1 when inotify refused. */
static int
S_add(struct serve_watch *w, const char *dir, enum watch_kind kind,
    const char *only)
{
	int wd = inotify_add_watch(w->fd, dir, WATCH_EVENTS | IN_ONLYDIR);
	struct watched *x;
	struct dirent *de;
	DIR *dp;

	if (wd < 0)
		return -1;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 8;
		w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
	}
	x = &w->v[w->n++];
	x->wd = wd;
	x->kind = kind;
	x->only = only != NULL ? xstrdup(only) : NULL;
	if (kind != WATCH_TEMPLATES || (dp = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(dp)) != NULL) {
		char *sub;
		struct stat st;

		if (S_ignored(de->d_name))
			continue;
		sub = xpath_join(dir, de->d_name);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode) &&
		    S_add(w, sub, kind, NULL) < 0) {
			free(sub);
			closedir(dp);
			return -1;
		}
		free(sub);
	}
	closedir(dp);
	return 0;
}

/* Watches root r: a folder itself; a file, or a folder that is not
 * there now, by the folder it is in.  Returns 0, or -1 when inotify
 * refused. */
static int
S_add_root(struct serve_watch *w, const struct root *r)
{
	struct stat st;
	char *dir, *slash;
	int rc;

	if (stat(r->path, &st) == 0 && S_ISDIR(st.st_mode))
		return S_add(w, r->path, r->kind, NULL);
	dir = xstrdup(r->path);
	if ((slash = strrchr(dir, '/')) == NULL)
		rc = S_add(w, ".", WATCH_FILE, r->path);
	else {
		slash[slash == dir] = '\0';	/* "/x": "/" */
		rc = S_add(w, dir, WATCH_FILE, strrchr(r->path, '/') + 1);
	}
	free(dir);
	return rc;
}

/* What events say of the inputs (bits). */
#define CHANGE_PART	1	/* a change that may not be over: a file
				 * written to or made, not yet closed */
#define CHANGE_DONE	2	/* a change that is over: a save */
#define CHANGE_GONE	4	/* a file removed or moved away: over, unless
				 * a save puts a new one in its place (an
				 * editor that moves the old file aside) */

/* Returns what event e says of the file it names: CHANGE_DONE for the
 * last event of a save (a file closed after writing, saved by rename;
 * a folder made, removed or moved), CHANGE_GONE for a file removed or
 * moved away, CHANGE_PART for the others. */
static int
S_change(const struct inotify_event *e)
{
	if (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO))
		return CHANGE_DONE;
	if (e->mask & IN_ISDIR)
		return e->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM) ?
		    CHANGE_DONE : CHANGE_PART;
	if (e->mask & (IN_DELETE | IN_MOVED_FROM))
		return CHANGE_GONE;
	return CHANGE_PART;
}

/* Returns what event e, in a folder that x watches, says of the inputs:
 * 0 (nothing), or CHANGE_PART or CHANGE_DONE; sets w->rewatch when the
 * watches no longer cover the inputs. */
static int
S_relevant_to(struct serve_watch *w, const struct watched *x,
    const struct inotify_event *e)
{
	const char *name = e->len > 0 ? e->name : "";

	switch (x->kind) {
	case WATCH_FILE:
		if (strcmp(name, x->only) != 0)
			return 0;
		w->rewatch = 1;		/* the path may now be a folder */
		return S_change(e);
	case WATCH_CONTENT:
		return S_is_content(name) ? S_change(e) : 0;
	case WATCH_TEMPLATES:
		if (S_ignored(name))
			return 0;
		if (e->mask & IN_ISDIR)
			w->rewatch = 1;	/* a folder made, moved or gone */
		return S_change(e);
	}
	return 0;
}

/* Returns what event e says of the inputs (CHANGE_* bits, 0: nothing),
 * by the watches of its folder (several content files of one folder
 * share it). */
static int
S_relevant(struct serve_watch *w, const struct inotify_event *e)
{
	size_t i;
	int changed = 0;

	if (e->mask & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF |
	    IN_IGNORED)) {
		w->rewatch = 1;	/* events lost, or a watched folder went */
		return CHANGE_DONE;
	}
	for (i = 0; i < w->n; i++)
		if (w->v[i].wd == e->wd)
			changed |= S_relevant_to(w, &w->v[i], e);
	return changed;
}

/* Reads every event queued, until none is left; returns what they say
 * of the inputs (CHANGE_* bits, 0: nothing). */
static int
S_read_events(struct serve_watch *w)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *e;
	ssize_t n;
	char *p;
	int changed = 0;

	for (;;) {
		if ((n = read(w->fd, buf, sizeof(buf))) < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return changed;	/* EAGAIN: the queue is empty */
		for (p = buf; p < buf + n; p += sizeof(*e) + e->len) {
			e = (const struct inotify_event *)(void *)p;
			changed |= S_relevant(w, e);
		}
	}
}

/* Adds to *digest what stat says of path (its absence too), as the
 * hash of name and those fields: sizes, times (to the nanosecond), inode
 * and mode.  The sum does not depend on the order of the calls. */
static void
S_look_at(const char *path, uint64_t *digest)
{
	struct stat st;
	struct {
		long long	 size, mtime, mnsec, ctime, cnsec;
		unsigned long long ino;
		unsigned	 mode;
	} f;
	XXH64_hash_t h = XXH64(path, strlen(path), 0);

	memset(&f, 0, sizeof(f));
	if (stat(path, &st) == 0) {
		f.size = (long long)st.st_size;
		f.mtime = (long long)st.st_mtim.tv_sec;
		f.mnsec = st.st_mtim.tv_nsec;
		f.ctime = (long long)st.st_ctim.tv_sec;
		f.cnsec = st.st_ctim.tv_nsec;
		f.ino = (unsigned long long)st.st_ino;
		f.mode = (unsigned)st.st_mode;
	}
	*digest += XXH64(&f, sizeof(f), h);
}

/* Adds the folder dir and what kind watches in it to *digest. */
static void
S_look_in(const char *dir, enum watch_kind kind, uint64_t *digest)
{
	struct dirent *de;
	struct stat st;
	DIR *dp;

	S_look_at(dir, digest);
	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		char *sub;

		if (kind == WATCH_CONTENT ? !S_is_content(de->d_name) :
		    S_ignored(de->d_name))
			continue;
		sub = xpath_join(dir, de->d_name);
		if (kind == WATCH_TEMPLATES && lstat(sub, &st) == 0 &&
		    S_ISDIR(st.st_mode))
			S_look_in(sub, kind, digest);
		else
			S_look_at(sub, digest);
		free(sub);
	}
	closedir(dp);
}

/* Returns the digest of what the inputs look like now. */
static uint64_t
S_look(const struct serve_watch *w)
{
	uint64_t digest = 0;
	struct stat st;
	size_t i;

	for (i = 0; i < w->nroots; i++)
		if (stat(w->roots[i].path, &st) == 0 && S_ISDIR(st.st_mode))
			S_look_in(w->roots[i].path, w->roots[i].kind, &digest);
		else
			S_look_at(w->roots[i].path, &digest);
	return digest;
}

/* Drops the inotify watches. */
static void
S_unwatch(struct serve_watch *w)
{
	size_t i;

	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	for (i = 0; i < w->n; i++) {
		free(w->v[i].only);
	}
	w->n = 0;
}

/* Watches every root with a new inotify instance; when inotify cannot,
 * says so to w->err and polls from now on. */
static void
S_watch_all(struct serve_watch *w)
{
	FILE *err = w->err;
	size_t i;

	S_unwatch(w);
	w->rewatch = 0;
	if ((w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0)
		diag_plain_as(err, "notice", "cannot watch the files with "
		    "inotify (%s): looking at them every %d ms instead",
		    strerror(errno), SERVE_POLL_MS);
	for (i = 0; w->fd >= 0 && i < w->nroots; i++)
		if (S_add_root(w, &w->roots[i]) < 0) {
			diag_plain_as(err, "notice", "cannot watch %s with "
			    "inotify (%s): looking at the files every %d ms "
			    "instead", w->roots[i].path, strerror(errno),
			    SERVE_POLL_MS);
			break;
		}
	if (w->fd < 0 || i < w->nroots) {
		S_unwatch(w);
		w->look = S_look(w);
	}
}

struct serve_watch *
serve_watch_new(char *const *paths, int npaths, const char *templates,
    int poll, FILE *err)
{
	struct serve_watch *w = xcalloc(1, sizeof(*w));
	int k;

	w->roots = xcalloc((size_t)npaths + 2, sizeof(*w->roots));
	for (k = 0; k < npaths; k++)
		w->roots[w->nroots++] = (struct root){ xstrdup(paths[k]),
		    WATCH_CONTENT };
	if (npaths == 0)
		w->roots[w->nroots++] = (struct root){
		    xstrdup(DEFAULT_CONTENT), WATCH_CONTENT };
	w->roots[w->nroots++] = (struct root){ xstrdup(templates),
	    WATCH_TEMPLATES };
	w->fd = -1;
	w->err = err;
	if (poll)
		w->look = S_look(w);
	else
		S_watch_all(w);
	return w;
}

int
serve_watch_polls(const struct serve_watch *w)
{
	return w->fd < 0;
}

/* Returns the milliseconds of the monotonic clock. */
static long long
S_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Returns poll()'s timeout until the time settle (S_now_ms()'s; -1:
 * none, wait for ever). */
static int
S_timeout(long long settle)
{
	long long left;

	if (settle < 0)
		return -1;
	left = settle - S_now_ms();
	return left > 0 ? (int)left : 0;
}

/* Waits as serve_watch_wait() with inotify: returns 1 as soon as a save
 * is read (the events queued with it read too), or SERVE_SETTLE_MS after
 * the last of changes that no save ended; 0 when stop_fd is readable. */
static int
S_wait_events(struct serve_watch *w, int stop_fd)
{
	struct pollfd pf[2] = { { stop_fd, POLLIN, 0 }, { w->fd, POLLIN, 0 } };
	long long settle = -1;		/* when the changes count; -1: none */
	int n, got = w->pending;

	w->pending = 0;
	if (got & CHANGE_PART)
		settle = S_now_ms() + SERVE_SETTLE_MS;
	else if (got & CHANGE_GONE)
		settle = S_now_ms() + SERVE_GONE_MS;
	while (!(got & CHANGE_DONE)) {
		n = poll(pf, 2, S_timeout(settle));
		if (n < 0 && errno != EINTR)
			return 0;	/* cannot wait: as if stopped */
		if (n > 0 && (pf[0].revents & POLLIN))
			return 0;
		if (n > 0 && (pf[1].revents & POLLIN)) {
			got = S_read_events(w);
			if (got & CHANGE_DONE)
				break;
			if (got & CHANGE_PART)
				settle = S_now_ms() + SERVE_SETTLE_MS;
			else if ((got & CHANGE_GONE) && settle < 0)
				settle = S_now_ms() + SERVE_GONE_MS;
		} else if (n == 0)
			break;		/* written to, but never closed */
	}
	/* a folder went, and may be back: watch it before the build reads
	 * it */
	if (w->rewatch)
		S_watch_all(w);
	return 1;
}

/* Waits as serve_watch_wait() by polling: returns 1 once the inputs
 * look other than they did and then the same on the next look, a
 * SERVE_POLL_MS later (a file still being written looks other each
 * time); 0 when stop_fd is readable. */
static int
S_wait_looks(struct serve_watch *w, int stop_fd)
{
	struct pollfd pf = { stop_fd, POLLIN, 0 };
	int changed = 0, n;
	uint64_t now;

	for (;;) {
		n = poll(&pf, 1, SERVE_POLL_MS);
		if (n < 0 && errno != EINTR)
			return 0;
		if (n > 0 && (pf.revents & POLLIN))
			return 0;
		if (n != 0)
			continue;
		if ((now = S_look(w)) != w->look) {
			w->look = now;
			changed = 1;	/* and look again */
		} else if (changed)
			return 1;
	}
}

int
serve_watch_wait(struct serve_watch *w, int stop_fd)
{
	return w->fd >= 0 ? S_wait_events(w, stop_fd) :
	    S_wait_looks(w, stop_fd);
}

int
serve_watch_changed(struct serve_watch *w)
{
	if (w->fd < 0)
		return 0;
	w->pending |= S_read_events(w);
	return (w->pending & CHANGE_DONE) != 0;
}

void
serve_watch_free(struct serve_watch *w)
{
	size_t i;

	if (w == NULL)
		return;
	S_unwatch(w);
	for (i = 0; i < w->nroots; i++)
		free(w->roots[i].path);
	free(w->roots);
	free(w->v);
	free(w);
}
