/* assets.c: the templates folder's files published as they are; see
 * assets.h. */
#include "assets.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "load.h"
#include "page_fields.h"
#include "paths.h"
#include "template.h"

/* The extensions an asset may have, with their media types; binary ones
 * are checked by their signatures (S_signatures), text ones as templates
 * are (template_check_asset()). */
static const struct {
	const char	*ext;
	const char	*type;
	int		 binary;
} S_types[] = {
	{ "css", "text/css", 0 },
	{ "js", "application/javascript", 0 },
	{ "svg", "image/svg+xml", 0 },
	{ "txt", "text/plain", 0 },
	{ "png", "image/png", 1 },
	{ "jpg", "image/jpeg", 1 },
	{ "jpeg", "image/jpeg", 1 },
	{ "gif", "image/gif", 1 },
	{ "webp", "image/webp", 1 },
	{ "ico", "image/x-icon", 1 },
	{ "woff", "font/woff", 1 },
	{ "woff2", "font/woff2", 1 },
	{ "ttf", "font/ttf", 1 },
	{ "otf", "font/otf", 1 },
};

/* The signatures binary assets begin with: every part of one row (n
 * bytes at offset at) must match, and one row of the extension. */
static const struct {
	const char	*ext;
	struct {
		size_t		 at, n;
		const char	*bytes;
	} part[2];
} S_signatures[] = {
	{ "png", { { 0, 8, "\x89PNG\r\n\x1a\n" } } },
	{ "jpg", { { 0, 3, "\xff\xd8\xff" } } },
	{ "jpeg", { { 0, 3, "\xff\xd8\xff" } } },
	{ "gif", { { 0, 6, "GIF87a" } } },
	{ "gif", { { 0, 6, "GIF89a" } } },
	{ "webp", { { 0, 4, "RIFF" }, { 8, 4, "WEBP" } } },
	{ "ico", { { 0, 4, "\0\0\1\0" } } },
	{ "woff", { { 0, 4, "wOFF" } } },
	{ "woff2", { { 0, 4, "wOF2" } } },
	{ "ttf", { { 0, 4, "\0\1\0\0" } } },
	{ "ttf", { { 0, 4, "true" } } },
	{ "otf", { { 0, 4, "OTTO" } } },
};

/* The assets the pages link to, which must be in every templates
 * folder: their site paths, all in ASSETS_DIR. */
static const char *const S_required[] = {
	PATH_STYLE, PATH_HANDBOOK_STYLE, PATH_MAP_STYLE, PATH_SEARCH_SCRIPT,
	PATH_ASSESS_SCRIPT, PATH_KNOWLEDGE_SCRIPT, PATH_ICON
};

/* Returns the index in S_types of the extension of name, or -1. */
static int
S_type(const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t i;

	if (dot == NULL || dot == name)
		return -1;
	for (i = 0; i < sizeof(S_types) / sizeof(*S_types); i++)
		if (strcmp(dot + 1, S_types[i].ext) == 0)
			return (int)i;
	return -1;
}

const char *
asset_media_type(const char *name)
{
	int t = S_type(name);

	return t < 0 ? NULL : S_types[t].type;
}

/* Returns whether name ends in suffix. */
static int
S_ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n >= k && strcmp(name + n - k, suffix) == 0;
}

int
asset_is_published(const char *name)
{
	return name[0] != '.' && strcmp(name, "README.md") != 0 &&
	    strcmp(name, "labels.xml") != 0 && !page_template_known(name);
}

const char *
asset_name_error(const char *name)
{
	size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");

	if (name[n] != '\0')
		return "a name with a character other than ASCII letters, "
		    "digits, '.', '-' and '_'";
	if (n == 0 || n > ASSET_NAME_MAX || name[0] == '.')
		return "a name empty, longer than 128 bytes or starting with "
		    "'.'";
	if (S_ends_with(name, ".xhtml"))
		return "a template of no page (layout.xhtml or a page's, as "
		    "templates/README.md lists them): a misspelt name?";
	if (S_type(name) < 0)
		return "not an asset's extension (css, js, svg, txt, png, "
		    "jpg, jpeg, gif, webp, ico, woff, woff2, ttf, otf)";
	return NULL;
}

/* Returns whether the len bytes at data begin with a signature of
 * extension ext. */
static int
S_signed(const char *ext, const char *data, size_t len)
{
	size_t i, k;
	int ok;

	for (i = 0; i < sizeof(S_signatures) / sizeof(*S_signatures); i++) {
		if (strcmp(S_signatures[i].ext, ext) != 0)
			continue;
		ok = 1;
		for (k = 0; k < 2 && S_signatures[i].part[k].n > 0; k++)
			ok &= len >= S_signatures[i].part[k].at +
			    S_signatures[i].part[k].n &&
			    memcmp(data + S_signatures[i].part[k].at,
			    S_signatures[i].part[k].bytes,
			    S_signatures[i].part[k].n) == 0;
		if (ok)
			return 1;
	}
	return 0;
}

int
asset_check(const char *path, const char *data, size_t len, size_t file,
    struct diag *d)
{
	const char *slash = strrchr(path, '/');
	const char *name = slash != NULL ? slash + 1 : path;
	const char *why = asset_name_error(name);
	struct pos p = { file, 0, 0 };
	int t;

	if (why != NULL) {
		diag_msg(d, MSG_TEMPLATE, &p, "%s", why);
		return -1;
	}
	t = S_type(name);
	if (!S_types[t].binary)
		return template_check_asset(path, data, len, file, d);
	if (S_signed(S_types[t].ext, data, len))
		return 0;
	diag_msg(d, MSG_TEMPLATE, &p, "not %s data: it does not begin with "
	    "the format's signature (compressed or other data under its name)",
	    S_types[t].type);
	return -1;
}

/* Orders file names bytewise, whatever the locale. */
static int
S_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds to the n names at v, sorted, the required assets they lack (so
 * that reading reports them missing), and sorts them again; v has room. */
static void
S_add_required(char **v, size_t *n)
{
	size_t i, had = *n;
	const char *name;

	for (i = 0; i < sizeof(S_required) / sizeof(*S_required); i++) {
		name = S_required[i] + strlen(ASSETS_DIR "/");
		if (bsearch(&name, v, had, sizeof(*v), S_name_cmp) == NULL)
			v[(*n)++] = xstrdup(name);
	}
	qsort(v, *n, sizeof(*v), S_name_cmp);
}

/* Reports each of the n names at v that equals an earlier one but for
 * ASCII case (one file where case is ignored, on a web server or in a
 * copy of the site); returns how many. */
static int
S_case_clashes(const char *dir, char *const *v, size_t n, struct diag *d)
{
	size_t i, j;
	int bad = 0;

	for (j = 1; j < n; j++)
		for (i = 0; i < j; i++)
			if (strcasecmp(v[i], v[j]) == 0) {
				char *path = xpath_join(dir, v[j]);
				struct pos p = { diag_add_file(d, path), 0, 0 };

				diag_msg(d, MSG_TEMPLATE, &p, "the same name as "
				    "%s but for case (one file where case is "
				    "ignored)", v[i]);
				free(path);
				bad++;
				break;
			}
	return bad;
}

/* Returns the names of the files of dir to publish as assets, malloc'd,
 * in name order with the required ones, and sets *n; sets *bad when two
 * of the folder's names differ only in case (reported); returns NULL
 * after reporting when dir cannot be read or holds more than
 * ASSETS_FOLDER_MAX files (hidden ones aside). */
static char **
S_list(const char *dir, size_t *n, int *bad, struct diag *d)
{
	size_t room = ASSETS_FOLDER_MAX + sizeof(S_required) /
	    sizeof(*S_required), nfiles = 0;
	char **v = xcalloc(room, sizeof(*v));
	struct pos p = { 0, 0, 0 };
	struct dirent *de;
	DIR *dp;

	*n = 0;
	if ((dp = opendir(dir)) == NULL) {
		p.file = diag_add_file(d, dir);
		diag_msg(d, MSG_IO_OPEN, &p, "%s", strerror(errno));
		free(v);
		return NULL;
	}
	while ((de = readdir(dp)) != NULL && nfiles <= ASSETS_FOLDER_MAX)
		if (de->d_name[0] != '.' && ++nfiles <= ASSETS_FOLDER_MAX &&
		    asset_is_published(de->d_name))
			v[(*n)++] = xstrdup(de->d_name);
	closedir(dp);
	qsort(v, *n, sizeof(*v), S_name_cmp);
	if (nfiles <= ASSETS_FOLDER_MAX) {
		*bad = S_case_clashes(dir, v, *n, d) > 0;
		S_add_required(v, n);
		return v;
	}
	while (*n > 0)
		free(v[--*n]);
	free(v);
	p.file = diag_add_file(d, dir);
	diag_msg(d, MSG_TEMPLATE, &p, "more than %d files in the templates "
	    "folder", ASSETS_FOLDER_MAX);
	return NULL;
}

/* Reads and checks the asset called name in dir and, when put is set,
 * puts it into sink at assets/NAME.  A folder, a bad name or extension
 * is refused before any reading.  Returns 0, or -1 after reporting. */
static int
S_publish(const char *dir, const char *name, int put, struct site_sink *sink,
    struct diag *d)
{
	char *from = xpath_join(dir, name), *to, *data = NULL;
	const char *why = asset_name_error(name);
	struct pos p = { diag_add_file(d, from), 0, 0 };
	struct stat st;
	size_t len;
	int rc = -1;

	if (lstat(from, &st) == 0 && S_ISDIR(st.st_mode))
		data = load_read_confined(from, 0, d, &len); /* reports */
	else if (why != NULL)
		diag_msg(d, MSG_TEMPLATE, &p, "%s", why);
	else if ((data = load_read_confined(from, S_types[S_type(name)].binary ?
	    ASSET_FILE_MAX : TEMPLATE_FILE_MAX, d, &len)) != NULL &&
	    asset_check(from, data, len, p.file, d) == 0) {
		to = xasprintf(ASSETS_DIR "/%s", name);
		rc = put ? sink->put(sink->ctx, SINK_ASSET, to, data, len,
		    d) : 0;
		free(to);
	}
	free(data);
	free(from);
	return rc;
}

int
assets_publish(const char *dir, struct site_sink *sink, struct diag *d)
{
	size_t i, n;
	int bad = 0;
	char **names = S_list(dir, &n, &bad, d);
	int rc = names == NULL || bad ? -1 : 0;

	for (i = 0; i < n; i++) {
		if (S_publish(dir, names[i], rc == 0, sink, d) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}
