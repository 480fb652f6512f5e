/* write_target.c: which targets and inputs a build may publish to; see
 * publish_target_error() and publish_overlaps() in write.h. */
#define _GNU_SOURCE		/* memmem */
#include "write.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "write_private.h"

/* Returns the real path of the target out, malloc'd: the real path of
 * its folder joined to its last name, which is not followed (out may not
 * exist yet); NULL when its folder cannot be resolved. */
static char *
S_real_target(const char *out)
{
	char *dir, *base, *real, *joined = NULL;

	write_split(out, &dir, &base);
	if ((real = realpath(dir, NULL)) != NULL)
		joined = xpath_join(strcmp(real, "/") == 0 ? "" : real, base);
	free(real);
	free(dir);
	free(base);
	return joined;
}

/* Returns whether the real path a is the real path b or lies inside
 * it. */
static int
S_is_under(const char *a, const char *b)
{
	size_t n = strlen(b);

	return strncmp(a, b, n) == 0 &&
	    (a[n] == '\0' || a[n] == '/' || strcmp(b, "/") == 0);
}

/* Returns whether held (a file's status) is the file at the real path
 * path or a folder above it, by device and inode, so that a folder also
 * reached by another path (a bind mount) is found.  Follows no link. */
static int
S_holds(const struct stat *held, const char *path)
{
	char *s = xstrdup(path), *slash;
	struct stat st;
	int found = 0;

	for (;;) {
		if (lstat(*s != '\0' ? s : "/", &st) == 0 &&
		    st.st_dev == held->st_dev && st.st_ino == held->st_ino) {
			found = 1;
			break;
		}
		if (*s == '\0' || (slash = strrchr(s, '/')) == NULL)
			break;
		*slash = '\0';		/* "" stands for the root */
	}
	free(s);
	return found;
}

/* Returns whether the path a is, or lies inside, a temporary folder of
 * publishing to the path target (".BASE.skillsite-XXXXXX" beside it, or
 * its ".old"), which S_clean_stale() or S_swap() would touch. */
static int
S_is_scratch(const char *a, const char *target)
{
	const char *slash = strrchr(target, '/');
	size_t n, len;

	if (slash == NULL || slash[1] == '\0')
		return 0;
	n = (size_t)(slash + 1 - target);
	if (strncmp(a, target, n) != 0 ||
	    (len = write_temp_name(a + n, slash + 1)) == 0)
		return 0;
	return a[n + len] == '\0' || a[n + len] == '/';
}

/* A place in a file system: its device as /proc/self/mountinfo writes it
 * ("MAJOR:MINOR") and its path from that file system's root. */
struct place {
	char	 dev[32];
	char	*path;
};

/* Undoes in place the octal escapes ("\040") of a mountinfo field. */
static void
S_unescape(char *s)
{
	char *to = s;

	for (; *s != '\0'; s++)
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*to++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
			    (s[3] - '0'));
			s += 3;
		} else
			*to++ = *s;
	*to = '\0';
}

/* Sets pl to the place of the path rest below a mount of device dev
 * whose root in its file system is root; pl->path malloc'd. */
static void
S_place_set(struct place *pl, const char *dev, const char *root,
    const char *rest)
{
	snprintf(pl->dev, sizeof(pl->dev), "%s", dev);
	free(pl->path);
	if (*rest == '\0')
		pl->path = xstrdup(root);
	else if (strcmp(root, "/") == 0)
		pl->path = xstrdup(rest);
	else
		pl->path = xpath_join(root, rest + 1);	/* rest begins with '/' */
}

/* A mount, as /proc/self/mountinfo lists it. */
struct mount {
	char	 dev[32];	/* its device, "MAJOR:MINOR" */
	char	*root;		/* the folder of its file system it shows */
	char	*point;		/* where it is mounted */
};

static struct mount	*S_mounts;	/* read once, kept for the run */
static size_t		 S_nmounts;

/* Reads /proc/self/mountinfo into S_mounts, in its order (a later mount
 * at a point is on top); leaves S_mounts NULL when it cannot. */
static void
S_read_mounts(void)
{
	FILE *fp = fopen("/proc/self/mountinfo", "re");
	char *line = NULL, *f[5], *save;
	size_t cap = 0, i;
	struct mount *m;

	if (fp == NULL)
		return;
	while (getline(&line, &cap, fp) > 0) {
		for (i = 0, save = NULL; i < 5; i++)
			if ((f[i] = strtok_r(i == 0 ? line : NULL, " \n",
			    &save)) == NULL)
				break;
		if (i < 5)
			continue;
		S_unescape(f[3]);
		S_unescape(f[4]);
		S_mounts = xreallocarray(S_mounts, S_nmounts + 1,
		    sizeof(*S_mounts));
		m = &S_mounts[S_nmounts++];
		snprintf(m->dev, sizeof(m->dev), "%s", f[2]);
		m->root = xstrdup(f[3]);
		m->point = xstrdup(f[4]);
	}
	free(line);
	fclose(fp);
}

/* Returns the places that the real path real reaches: [0] its own (the
 * mount with the longest mount point above it, or at it when real is
 * "/", gives the device and the mount's root joined to the rest of
 * real), then the root of each mount at or below real.  Sets *n; the
 * array and paths are malloc'd.  NULL when the mounts cannot be read or
 * none is above real. */
static struct place *
S_places(const char *real, size_t *n)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	const struct mount *m;
	struct place *pl;
	size_t best = 0, i;
	int found = 0;

	pthread_once(&once, S_read_mounts);
	if (S_mounts == NULL)
		return NULL;
	pl = xcalloc(1, sizeof(*pl));
	*n = 1;
	for (m = S_mounts; m < S_mounts + S_nmounts; m++) {
		if (S_is_under(real, m->point) && (strcmp(m->point, real) != 0 ||
		    strcmp(real, "/") == 0) && strlen(m->point) >= best) {
			best = strlen(m->point);
			S_place_set(&pl[0], m->dev, m->root,
			    strcmp(m->point, "/") == 0 ? real : real + best);
			found = 1;
		}
		if (S_is_under(m->point, real)) {
			pl = xreallocarray(pl, *n + 1, sizeof(*pl));
			memset(&pl[*n], 0, sizeof(*pl));
			S_place_set(&pl[(*n)++], m->dev, m->root, "");
		}
	}
	if (!found) {
		for (i = 0; i < *n; i++)
			free(pl[i].path);
		free(pl);
		return NULL;
	}
	return pl;
}

/* Frees the n places pl. */
static void
S_places_free(struct place *pl, size_t n)
{
	size_t i;

	for (i = 0; pl != NULL && i < n; i++)
		free(pl[i].path);
	free(pl);
}

/* Returns whether the real paths target and real reach the same files in
 * a file system, whatever mounts lead there (a bind mount of a folder of
 * one at the other's path, or inside it): one's place lies inside the
 * other's on one device, or real lies in a temporary folder of target.
 * 0 when the mounts cannot be read. */
static int
S_same_places(const char *target, const char *real)
{
	size_t tn = 0, rn = 0, i, j;
	struct place *tp = S_places(target, &tn);
	struct place *rp = tp != NULL ? S_places(real, &rn) : NULL;
	int overlap = 0;

	for (i = 0; rp != NULL && i < tn && !overlap; i++)
		for (j = 0; j < rn && !overlap; j++)
			overlap = strcmp(tp[i].dev, rp[j].dev) == 0 &&
			    (S_is_under(rp[j].path, tp[i].path) ||
			    S_is_under(tp[i].path, rp[j].path) ||
			    (i == 0 && S_is_scratch(rp[j].path, tp[i].path)));
	S_places_free(tp, tn);
	S_places_free(rp, rn);
	return overlap;
}

int
publish_overlaps(const char *out, const char *path)
{
	char *target = S_real_target(out), *real = realpath(path, NULL);
	struct stat ts, ps;
	int overlap = 0;

	if (target != NULL && real != NULL)
		overlap = S_is_under(real, target) ||
		    S_is_under(target, real) || S_is_scratch(real, target) ||
		    (lstat(target, &ts) == 0 && S_ISDIR(ts.st_mode) &&
		    S_holds(&ts, real)) ||
		    (lstat(real, &ps) == 0 && S_holds(&ps, target)) ||
		    S_same_places(target, real);
	free(target);
	free(real);
	return overlap;
}

/* Returns whether the name of len bytes at s has the shape of a
 * temporary folder of some target (".BASE.skillsite-XXXXXX", or its
 * ".old"), which a build of BASE would clean away. */
static int
S_looks_temp(const char *s, size_t len)
{
	size_t t = strlen(TEMP_TAG);

	if (len > 4 && memcmp(s + len - 4, ".old", 4) == 0)
		len -= 4;
	return len >= 2 + t + 6 && s[0] == '.' &&
	    memcmp(s + len - 6 - t, TEMP_TAG, t) == 0 &&
	    write_mkdtemp_tail(s + len - 6);
}

/* Returns whether a folder of the path s before end, split at '/', has
 * the shape of a temporary folder (S_looks_temp()). */
static int
S_in_temp(const char *s, const char *end)
{
	const char *slash;

	for (; s < end; s = slash + 1) {
		if ((slash = memchr(s, '/', (size_t)(end - s))) == NULL)
			slash = end;
		if (S_looks_temp(s, (size_t)(slash - s)))
			return 1;
	}
	return 0;
}

const char *
publish_target_error(const char *out)
{
	const char *end = out + strlen(out), *name;
	char *dir, *base, *real;
	int in_temp;

	if (*out == '\0')
		return "it is empty";
	while (end > out && end[-1] == '/')
		end--;
	if (end == out)
		return "it is the root folder";
	for (name = end; name > out && name[-1] != '/'; name--)
		continue;
	if ((end - name == 1 && name[0] == '.') ||
	    (end - name == 2 && name[0] == '.' && name[1] == '.'))
		return "its last name is \".\" or \"..\"";
	if (memmem(name, (size_t)(end - name), TEMP_TAG,
	    strlen(TEMP_TAG)) != NULL)
		return "its last name holds \"" TEMP_TAG "\", which names "
		    "the build's own files beside a target";
	/* a build of another target would clean such a folder away */
	write_split(out, &dir, &base);
	real = realpath(dir, NULL);
	in_temp = S_in_temp(out, name) ||
	    (real != NULL && S_in_temp(real, real + strlen(real)));
	free(real);
	free(dir);
	free(base);
	if (in_temp)
		return "it lies in a folder named like a temporary folder of "
		    "another target (\".NAME" TEMP_TAG "XXXXXX\")";
	return NULL;
}

