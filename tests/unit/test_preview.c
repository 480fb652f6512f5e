/* test_preview.c: the live preview's builds (preview.h) on a copy of
 * the seed: a rebuild of nothing changes nothing, an edit changes only
 * its pages, an error leaves the site as it was and is reported as
 * "check" reports it, also once a new file has renumbered the others. */
#include "helpers.h"

#include <sys/stat.h>

#include <fcntl.h>

#include "alloc.h"
#include "cli.h"
#include "preview.h"
#include "write.h"

/* A copy of the seed's content and a preview of it, in /tmp. */
struct fixture {
	char		*root, *content, *site;
	struct preview	*p;
};

/* Copies the file from to the folder dir (same name). */
static void
S_copy(const char *from, const char *dir)
{
	const char *name = strrchr(from, '/') + 1;
	char *to = xpath_join(dir, name), buf[65536];
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	free(to);
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	char *priv, *scratch;
	struct preview_config c;
	struct diag d;

	f->root = xstrdup("/tmp/skillsite-preview-XXXXXX");
	assert_non_null(mkdtemp(f->root));
	f->content = xpath_join(f->root, "content");
	assert_int_equal(mkdir(f->content, 0755), 0);
	S_copy("content/framework.xml", f->content);
	S_copy("content/customer-service.xml", f->content);
	priv = xpath_join(f->root, "priv");
	assert_int_equal(mkdir(priv, 0755), 0);
	f->site = xpath_join(priv, "site");
	scratch = xpath_join(priv, "stage");
	memset(&c, 0, sizeof(c));
	c.paths = &f->content;
	c.npaths = 1;
	c.templates = "templates";
	c.nthreads = 2;
	c.site = f->site;
	c.scratch = scratch;
	diag_init(&d, stderr);
	f->p = preview_new(&c, &d);
	assert_non_null(f->p);
	assert_int_equal(diag_reported(&d), 0);
	diag_free(&d);
	free(scratch);
	free(priv);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	preview_free(f->p);
	assert_int_equal(publish_remove(f->root), 0);
	free(f->site);
	free(f->content);
	free(f->root);
	free(f);
	return 0;
}

/* Builds f's pages, then its data, expecting rc; returns what the
 * diagnostics said (malloc'd) and sets *pages and *data to the files
 * each changed. */
static char *
S_build(struct fixture *f, int rc, size_t *pages, size_t *data)
{
	struct preview_stats st;
	struct capture c;
	struct diag d;

	capture_open(&c);
	diag_init(&d, c.f);
	assert_int_equal(preview_pages(f->p, &d, &st), rc);
	*pages = st.changed;
	*data = 0;
	if (rc == 0) {
		assert_int_equal(st.pages, 68);
		assert_int_equal(preview_data(f->p, &d, &st, NULL, NULL), 0);
		*data = st.changed;
	}
	diag_flush(&d);
	diag_free(&d);
	capture_close(&c);
	return c.text;
}

/* Returns the text of the file at path, malloc'd (NULL: missing). */
static char *
S_slurp(const char *path)
{
	FILE *in = fopen(path, "rb");
	char *buf;
	long n;

	if (in == NULL)
		return NULL;
	fseek(in, 0, SEEK_END);
	n = ftell(in);
	rewind(in);
	buf = xcalloc((size_t)n + 1, 1);
	assert_int_equal(fread(buf, 1, (size_t)n, in), (size_t)n);
	fclose(in);
	return buf;
}

/* Writes text to the content file name of f, by rename. */
static void
S_save(const struct fixture *f, const char *name, const char *text)
{
	char *path = xpath_join(f->content, name), *tmp;
	FILE *out;

	tmp = xpath_join(f->root, "save.tmp");
	assert_non_null(out = fopen(tmp, "wb"));
	fputs(text, out);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(rename(tmp, path), 0);
	free(tmp);
	free(path);
}

/* Returns the seed's customer-service.xml with marker put before the
 * first level text, malloc'd. */
static char *
S_marked(const struct fixture *f, const char *marker)
{
	char *path = xpath_join(f->content, "customer-service.xml");
	char *text = S_slurp(path), *at, *out;

	assert_non_null(text);
	assert_non_null(at = strstr(text, "<level value=\"3\">"));
	at += strlen("<level value=\"3\">");
	out = xasprintf("%.*s%s%s", (int)(at - text), text, marker, at);
	free(text);
	free(path);
	return out;
}

/* Returns how many files below the folder dir hold text. */
static size_t
S_files_holding(const char *dir, const char *text)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	struct stat st;
	size_t n = 0;
	char *path, *body;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xpath_join(dir, de->d_name);
		assert_int_equal(stat(path, &st), 0);
		if (S_ISDIR(st.st_mode))
			n += S_files_holding(path, text);
		else if ((body = S_slurp(path)) != NULL) {
			n += strstr(body, text) != NULL;
			free(body);
		}
		free(path);
	}
	closedir(dp);
	return n;
}

/* The first build writes the site; one of nothing writes nothing. */
static void
test_nothing_changed(void **state)
{
	struct fixture *f = *state;
	size_t pages, data;

	free(S_build(f, 0, &pages, &data));
	assert_true(pages > 60);
	assert_true(data > 0);
	free(S_build(f, 0, &pages, &data));
	assert_int_equal(pages, 0);
	assert_int_equal(data, 0);
}

/* An edit of one level text rewrites a few pages, and the search index;
 * the page shows it. */
static void
test_one_edit(void **state)
{
	struct fixture *f = *state;
	char *text, *diags;
	size_t pages, data;

	free(S_build(f, 0, &pages, &data));
	text = S_marked(f, "改訂テスト。");
	S_save(f, "customer-service.xml", text);
	free(text);
	diags = S_build(f, 0, &pages, &data);
	assert_string_equal(diags, "");
	free(diags);
	assert_true(pages > 0 && pages < 20);
	assert_true(data > 0);
	/* pages (the level's, the skill's, the handbook...), the CSV, the
	 * JSON and a part of the search index show it */
	assert_true(S_files_holding(f->site, "改訂テスト。") >= 4);
	text = xpath_join(f->site, "downloads");
	assert_int_equal(S_files_holding(text, "改訂テスト。"), 2);
	free(text);
}

/* Runs "check" on f's content; returns its error lines, malloc'd. */
static char *
S_check_errors(const struct fixture *f)
{
	struct cmd_args args;
	struct capture c;
	char *lines = xstrdup(""), *line, *next, *save;

	memset(&args, 0, sizeof(args));
	args.paths = (char **)&f->content;
	args.npaths = 1;
	capture_open(&c);
	assert_int_equal(cmd_check(&args, c.f, c.f), EXIT_CONTENT);
	capture_close(&c);
	for (line = strtok_r(c.text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		if (strstr(line, ": error: ") != NULL) {
			next = xasprintf("%s%s\n", lines, line);
			free(lines);
			lines = next;
		}
	capture_free(&c);
	return lines;
}

/* A broken save fails as "check" says, the site as it was; the fix
 * builds again. */
static void
test_error_then_fix(void **state)
{
	struct fixture *f = *state;
	char *path = xpath_join(f->site, "index.html"), *before, *after;
	char *good = S_marked(f, ""), *bad, *diags, *expected;
	size_t pages, data;

	free(S_build(f, 0, &pages, &data));
	before = S_slurp(path);
	bad = S_marked(f, "</level>");
	S_save(f, "customer-service.xml", bad);
	diags = S_build(f, -1, &pages, &data);
	expected = S_check_errors(f);
	assert_true(*expected != '\0');
	assert_string_equal(diags, expected);
	after = S_slurp(path);
	assert_string_equal(after, before);
	S_save(f, "customer-service.xml", good);
	free(S_build(f, 0, &pages, &data));
	free(expected);
	free(diags);
	free(after);
	free(before);
	free(bad);
	free(good);
	free(path);
}

/* A new file before the others renumbers them: a job type defined twice
 * is reported at the right file and line of each, as "check" does. */
static void
test_renumbered(void **state)
{
	struct fixture *f = *state;
	char *path = xpath_join(f->content, "customer-service.xml");
	char *text = S_slurp(path), *diags, *expected;
	size_t pages, data;

	free(S_build(f, 0, &pages, &data));
	S_save(f, "a-copy.xml", text);
	diags = S_build(f, -1, &pages, &data);
	expected = S_check_errors(f);
	assert_non_null(strstr(expected, "a-copy.xml:"));
	assert_non_null(strstr(expected, "customer-service.xml:"));
	assert_string_equal(diags, expected);
	free(diags);
	free(expected);
	free(text);
	free(path);
}

/* A file touched (same bytes) is not parsed again, nor anything
 * rewritten; one changed to other bytes of the same size with its old
 * modification time put back is still seen (its change time moved). */
static void
test_same_status(void **state)
{
	struct fixture *f = *state;
	char *path = xpath_join(f->content, "customer-service.xml");
	char *text = S_slurp(path), *at;
	struct timespec times[2];
	struct stat st;
	size_t pages, data;
	FILE *out;

	free(S_build(f, 0, &pages, &data));
	assert_int_equal(utimensat(AT_FDCWD, path, NULL, 0), 0);
	free(S_build(f, 0, &pages, &data));
	assert_int_equal(pages, 0);
	assert_int_equal(stat(path, &st), 0);
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	assert_non_null(at = strstr(text, "<name>"));
	memcpy(at + 6, "ＸＸ", 6);	/* the same bytes long */
	assert_non_null(out = fopen(path, "r+b"));
	assert_int_equal(fwrite(text, 1, strlen(text), out), strlen(text));
	assert_int_equal(fclose(out), 0);
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	free(S_build(f, 0, &pages, &data));
	assert_true(pages > 0);
	free(text);
	free(path);
}

/* give_way: yes after *ctx calls. */
static int
S_after(void *ctx)
{
	int *n = ctx;

	return (*n)-- <= 0;
}

/* The data gives way when asked: nothing of it published, the CSV as
 * before the edit; the next time, it is. */
static void
test_give_way(void **state)
{
	struct fixture *f = *state;
	char *csv = xpath_join(f->site, "downloads/framework.csv");
	char *text = S_marked(f, "譲る。"), *body;
	struct preview_stats st;
	struct diag d;
	size_t pages, data;
	int calls = 3;

	free(S_build(f, 0, &pages, &data));
	S_save(f, "customer-service.xml", text);
	diag_init(&d, stderr);
	assert_int_equal(preview_pages(f->p, &d, &st), 0);
	assert_int_equal(preview_data(f->p, &d, &st, S_after, &calls), 1);
	assert_int_equal(diag_reported(&d), 0);
	body = S_slurp(csv);
	assert_null(strstr(body, "譲る。"));
	free(body);
	assert_int_equal(preview_data(f->p, &d, &st, NULL, NULL), 0);
	body = S_slurp(csv);
	assert_non_null(strstr(body, "譲る。"));
	free(body);
	diag_free(&d);
	free(text);
	free(csv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nothing_changed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_one_edit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_error_then_fix, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_renumbered, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_same_status, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_give_way, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("preview", tests, NULL, NULL);
}
