/* test_assets.c: the templates folder's files published as assets. */
#include "helpers.h"

#include <sys/stat.h>

#include <unistd.h>

#include "alloc.h"
#include "assets.h"
#include "markdown.h"
#include "site.h"
#include "template.h"

/* A sink that records what it gets: "KIND PATH LEN\n" per file. */
struct record {
	char	 log[4096];
	int	 refuse;	/* refuse every file */
};

static int
S_record(void *ctx, enum sink_kind kind, const char *path, const char *data,
    size_t len, struct diag *d)
{
	struct record *r = ctx;
	size_t n = strlen(r->log);

	(void)data;
	(void)d;
	snprintf(r->log + n, sizeof(r->log) - n, "%d %s %zu\n", (int)kind,
	    path, len);
	return r->refuse ? -1 : 0;
}

/* Writes len bytes of data to file name of dir. */
static void
S_write(const char *dir, const char *name, const char *data, size_t len)
{
	char *path = xpath_join(dir, name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	free(path);
}

/* Makes a templates folder in a new temporary folder, holding the
 * required assets and a template; returns it, malloc'd. */
static char *
S_folder(void)
{
	char tmpl[] = "/tmp/test_assets.XXXXXX";
	char *dir;

	assert_non_null(mkdtemp(tmpl));
	dir = xstrdup(tmpl);
	S_write(dir, "style.css", "a{b:c}\n", 7);
	S_write(dir, "handbook.css", "a{b:c}\n", 7);
	S_write(dir, "map.css", "a{b:c}\n", 7);
	S_write(dir, "search.js", "x;\n", 3);
	S_write(dir, "assess.js", "y;\n", 3);
	S_write(dir, "knowledge.js", "z;\n", 3);
	S_write(dir, "icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
	    41);
	S_write(dir, "layout.xhtml", "<html/>", 7);
	return dir;
}

/* Removes folder dir and the files in it, and frees dir. */
static void
S_remove(char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
}

/* Runs assets_publish() on dir into r; returns its result and sets
 * l->text to the diagnostics (free them with loaded_free(l)). */
static int
S_publish(struct loaded *l, const char *dir, struct record *r)
{
	struct site_sink sink = { .put = S_record, .ctx = r };
	int rc;

	loaded_open(l);
	rc = assets_publish(dir, &sink, &l->d);
	loaded_close(l);
	return rc;
}

static void
test_media_types(void **state)
{
	(void)state;
	assert_string_equal(asset_media_type("a.woff2"), "font/woff2");
	assert_string_equal(asset_media_type("logo.png"), "image/png");
	assert_string_equal(asset_media_type("style.css"), "text/css");
	assert_null(asset_media_type("page.html"));
	assert_null(asset_media_type("page.xhtml"));
	assert_null(asset_media_type("data.xml"));
	assert_null(asset_media_type("icon.svgz"));
	assert_null(asset_media_type("LOGO.PNG"));
	assert_null(asset_media_type("png"));
	assert_null(asset_media_type(".png"));
}

static void
test_names(void **state)
{
	char long_name[ASSET_NAME_MAX + 2];

	(void)state;
	assert_false(asset_is_published("layout.xhtml"));
	assert_false(asset_is_published("labels.xml"));
	assert_false(asset_is_published("README.md"));
	assert_false(asset_is_published(".style.css.swp"));
	assert_true(asset_is_published("style.css"));
	assert_true(asset_is_published("notes.xml"));	/* then refused */
	assert_false(asset_is_published("handbook.xhtml"));
	assert_false(asset_is_published("about.xhtml"));
	assert_true(asset_is_published("other.xhtml"));	/* then refused */
	assert_non_null(asset_name_error("other.xhtml"));
	assert_null(asset_name_error("Noto_Sans-JP.2.woff2"));
	assert_non_null(asset_name_error("my logo.png"));
	assert_non_null(asset_name_error("logo\xc3\xa9.png"));
	assert_non_null(asset_name_error("a:b.png"));
	assert_non_null(asset_name_error("style.css~"));
	assert_non_null(asset_name_error("notes.xml"));
	assert_non_null(asset_name_error("LICENSE"));
	memset(long_name, 'a', sizeof(long_name) - 5);
	strcpy(long_name + sizeof(long_name) - 5, ".css");
	assert_non_null(asset_name_error(long_name));
	long_name[0] = '\0';
	assert_non_null(asset_name_error(long_name));
}

static void
test_signatures(void **state)
{
	static const struct {
		const char	*name;
		const char	*data;
		size_t		 len;
		int		 ok;
	} cases[] = {
		{ "a.png", "\x89PNG\r\n\x1a\n\0\0", 10, 0 },
		{ "a.png", "\x1f\x8b\x08\0\0\0", 6, -1 },	/* gzip */
		{ "a.png", "\x89PNG", 4, -1 },
		{ "a.png", "<html></html>", 13, -1 },
		{ "a.jpg", "\xff\xd8\xff\xe0", 4, 0 },
		{ "a.jpeg", "\xff\xd8\xff\xe0", 4, 0 },
		{ "a.gif", "GIF89a..", 8, 0 },
		{ "a.gif", "GIF87a..", 8, 0 },
		{ "a.gif", "GIF88a..", 8, -1 },
		{ "a.webp", "RIFF\0\0\0\0WEBPVP8 ", 16, 0 },
		{ "a.webp", "RIFF\0\0\0\0WAVEfmt ", 16, -1 },
		{ "a.webp", "RIFF\0\0\0\0WEB", 11, -1 },
		{ "a.ico", "\0\0\1\0\1\0", 6, 0 },
		{ "a.woff", "wOFF\0\1", 6, 0 },
		{ "a.woff2", "wOF2\0\1", 6, 0 },
		{ "a.woff2", "wOFF\0\1", 6, -1 },
		{ "a.woff2", "\x28\xb5\x2f\xfd", 4, -1 },	/* zstd */
		{ "a.ttf", "\0\1\0\0\0\x10", 6, 0 },
		{ "a.ttf", "true\0\x10", 6, 0 },
		{ "a.otf", "OTTO\0\x10", 6, 0 },
		{ "a.otf", "", 0, -1 },
		{ "a.txt", "SIL Open Font License\n", 22, 0 },
		{ "a.txt", "\x1f\x8b\x08\0", 4, -1 },		/* gzip */
		{ "a.js", "BZh91AY", 7, -1 },			/* bzip2 */
		{ "a.css", "a { b: url(//e/x) }", 19, -1 },
		{ "a.css", "a { b: url(x.woff2) }", 21, 0 },
		{ "a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "onload=\"x()\"/>", 54, -1 },
		{ "a.html", "<p/>", 4, -1 },
	};
	struct loaded l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		loaded_open(&l);
		if (asset_check(cases[i].name, cases[i].data, cases[i].len,
		    diag_add_file(&l.d, cases[i].name), &l.d) != cases[i].ok)
			fail_msg("case %zu: %s", i, cases[i].name);
		loaded_close(&l);
		if ((cases[i].ok < 0) != (strstr(l.text, cases[i].name) !=
		    NULL))
			fail_msg("case %zu: %s", i, l.text);
		loaded_free(&l);
	}
}

/* Every file but templates, README.md and hidden ones is put, at
 * assets/NAME, in name order whatever the order of creation; a binary
 * asset may be larger than a template. */
static void
test_publish_folder(void **state)
{
	char *dir = S_folder(), *big = xcalloc(2 * 1024 * 1024, 1);
	struct record r;
	struct loaded l;

	(void)state;
	memset(&r, 0, sizeof(r));
	memcpy(big, "wOF2", 4);
	S_write(dir, "zz.woff2", big, 2 * 1024 * 1024);
	S_write(dir, "logo.png", "\x89PNG\r\n\x1a\n", 8);
	S_write(dir, "README.md", "# x\n", 4);
	S_write(dir, "labels.xml", "<labels/>", 9);
	S_write(dir, ".hidden.html", "<p/>", 4);
	assert_int_equal(S_publish(&l, dir, &r), 0);
	assert_string_equal(l.text, "");
	assert_string_equal(r.log,
	    "2 assets/assess.js 3\n"
	    "2 assets/handbook.css 7\n"
	    "2 assets/icon.svg 41\n"
	    "2 assets/knowledge.js 3\n"
	    "2 assets/logo.png 8\n"
	    "2 assets/map.css 7\n"
	    "2 assets/search.js 3\n"
	    "2 assets/style.css 7\n"
	    "2 assets/zz.woff2 2097152\n");
	loaded_free(&l);
	free(big);
	S_remove(dir);
}

/* Each bad file is named; none is put after the first failure, and the
 * rest are still checked (every problem reported in one run). */
static void
test_publish_refuses(void **state)
{
	char *dir = S_folder(), *path;
	struct record r;
	struct loaded l;

	(void)state;
	memset(&r, 0, sizeof(r));
	S_write(dir, "a.html", "<p/>", 4);
	S_write(dir, "fake.png", "\x1f\x8b\x08\0", 4);
	S_write(dir, "my logo.png", "\x89PNG\r\n\x1a\n", 8);
	S_write(dir, "skil.xhtml", "<p/>", 4);
	S_write(dir, "Logo.png", "\x89PNG\r\n\x1a\n", 8);
	S_write(dir, "logo.png", "\x89PNG\r\n\x1a\n", 8);
	path = xpath_join(dir, "pipe.woff2");
	assert_int_equal(mkfifo(path, 0600), 0);
	free(path);
	path = xpath_join(dir, "fonts");
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	path = xpath_join(dir, "passwd.txt");
	assert_int_equal(symlink("/etc/passwd", path), 0);
	free(path);
	assert_int_equal(S_publish(&l, dir, &r), -1);
	assert_non_null(strstr(l.text, "/a.html: error: template error: "
	    "not an asset's extension"));
	assert_non_null(strstr(l.text, "/fake.png: error: template error: "
	    "not image/png data"));
	assert_non_null(strstr(l.text, "/my logo.png: error: "));
	assert_non_null(strstr(l.text, "/skil.xhtml: error: template error: "
	    "a template of no page"));
	assert_non_null(strstr(l.text, "/logo.png: error: template error: "
	    "the same name as Logo.png but for case"));
	assert_non_null(strstr(l.text, "/pipe.woff2: error: not a regular "
	    "file"));
	assert_non_null(strstr(l.text, "/fonts: error: not a regular file: "
	    "a directory"));
	assert_non_null(strstr(l.text, "/passwd.txt: error: not a regular "
	    "file: a link to a file outside its folder"));
	assert_string_equal(r.log, "");	/* a.html comes first */
	loaded_free(&l);
	S_remove(dir);
}

/* A missing required asset is reported; a sink that refuses stops the
 * putting; a folder with too many files is refused before any read. */
static void
test_publish_limits(void **state)
{
	char *dir = S_folder(), *path, name[32];
	struct record r;
	struct loaded l;
	int i;

	(void)state;
	memset(&r, 0, sizeof(r));
	path = xpath_join(dir, "search.js");
	assert_int_equal(unlink(path), 0);
	free(path);
	S_write(dir, "Search.js", "x;\n", 3);	/* no clash with the missing */
	assert_int_equal(S_publish(&l, dir, &r), -1);
	assert_non_null(strstr(l.text, "/search.js: error: cannot open"));
	assert_null(strstr(l.text, "but for case"));
	loaded_free(&l);
	path = xpath_join(dir, "Search.js");
	assert_int_equal(unlink(path), 0);
	free(path);
	S_write(dir, "search.js", "x;\n", 3);
	r.log[0] = '\0';
	r.refuse = 1;
	assert_int_equal(S_publish(&l, dir, &r), -1);
	assert_string_equal(r.log, "2 assets/assess.js 3\n");
	loaded_free(&l);
	r.refuse = 0;
	r.log[0] = '\0';
	for (i = 0; i < ASSETS_FOLDER_MAX; i++) {
		snprintf(name, sizeof(name), "f%d.txt", i);
		S_write(dir, name, "x", 1);
	}
	assert_int_equal(S_publish(&l, dir, &r), -1);
	assert_non_null(strstr(l.text, "error: template error: more than "
	    "256 files in the templates folder"));
	assert_string_equal(r.log, "");
	loaded_free(&l);
	S_remove(dir);
}

/* Counts the files of each kind put, aborting when a kind and the path
 * disagree (ctx: size_t[5]). */
static int
S_count_kinds(void *ctx, enum sink_kind kind, const char *path,
    const char *data, size_t len, struct diag *d)
{
	static const char *const top[] = { NULL, "handbooks/", "assets/",
	    "downloads/", "search/" };
	size_t *counts = ctx, n = strlen(path);

	(void)data;
	(void)len;
	(void)d;
	assert_in_range(kind, SINK_PAGE, SINK_SEARCH);
	if (kind == SINK_PAGE || kind == SINK_HANDBOOK)
		assert_string_equal(path + n - 5, ".html");
	if (kind == SINK_PAGE) {
		assert_null(strstr(path, "handbooks/"));
		assert_null(strstr(path, "assets/"));
	} else if (strncmp(path, top[kind], strlen(top[kind])) != 0)
		fail_msg("%s put as kind %d", path, (int)kind);
	counts[kind]++;
	return 0;
}

/* The site's renderer tells the sink what each file is: every handbook
 * page a handbook, every asset an asset, and so on. */
static void
test_site_kinds(void **state)
{
	size_t counts[5] = { 0 }, nsp = 0, i;
	struct site_sink sink = { .put = S_count_kinds, .ctx = counts };
	struct md_table *md;
	struct loaded l;

	(void)state;
	assert_int_equal(load_seed(&l), 0);
	md = md_prepare(&l.m, 1, 1, &l.d);
	assert_int_equal(site_render(&l.m, md, "templates", 0, 1, &sink, &l.d),
	    0);
	md_table_free(md);
	for (i = 0; i < l.m.njobtypes; i++)
		nsp += l.m.jobtypes[i].nspecialties;
	/* a handbook and a map per specialty, a handbook per job type */
	assert_int_equal(counts[SINK_HANDBOOK], 2 * nsp + l.m.njobtypes);
	assert_int_equal(counts[SINK_ASSET], 7);
	/* the JSON, its schema, the CSV, the workbook and each specialty's
	 * self-assessment workbook */
	assert_int_equal(counts[SINK_DOWNLOAD], 4 + nsp);
	assert_true(counts[SINK_SEARCH] >= 3);
	assert_true(counts[SINK_PAGE] > nsp);
	assert_int_equal(sink.pages, counts[SINK_PAGE] + counts[SINK_HANDBOOK]);
	loaded_free(&l);
}

/* Returns whether the nginx types line types serves extension ext as
 * media type type: "TYPE ext ...;" holds it. */
static int
S_serves(const char *types, const char *type, const char *ext)
{
	char *key = xasprintf(" %s ", type), *word;
	const char *at = types, *end;
	size_t n = strlen(ext);
	int found = 0;

	while (!found && (at = strstr(at, key)) != NULL) {
		at += strlen(key);
		end = strchr(at, ';');
		for (word = (char *)at; !found && end != NULL && word < end;
		    word += strcspn(word, " ;"), word += *word == ' ')
			found = strncmp(word, ext, n) == 0 && (word[n] == ' ' ||
			    word[n] == ';');
	}
	free(key);
	return found;
}

/* The README's nginx block serves every asset's extension with the
 * media type the generator lists. */
static void
test_readme_types(void **state)
{
	static const char *const exts[] = { "css", "js", "svg", "txt",
	    "png", "jpg", "jpeg", "gif", "webp", "ico", "woff", "woff2", "ttf",
	    "otf" };
	FILE *f = fopen("README.md", "r");
	char line[1024], *types = NULL, name[16];
	size_t i;

	(void)state;
	assert_non_null(f);
	while (types == NULL && fgets(line, sizeof(line), f) != NULL)
		if (strstr(line, "types {") != NULL)
			types = xstrdup(line);
	fclose(f);
	assert_non_null(types);
	for (i = 0; i < sizeof(exts) / sizeof(*exts); i++) {
		snprintf(name, sizeof(name), "a.%s", exts[i]);
		assert_non_null(asset_media_type(name));
		if (!S_serves(types, asset_media_type(name), exts[i]))
			fail_msg("README's nginx types lack %s %s",
			    asset_media_type(name), exts[i]);
	}
	assert_false(S_serves(types, "image/png", "jpg"));
	free(types);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_media_types),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_signatures),
		cmocka_unit_test(test_publish_folder),
		cmocka_unit_test(test_publish_refuses),
		cmocka_unit_test(test_publish_limits),
		cmocka_unit_test(test_readme_types),
		cmocka_unit_test(test_site_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
