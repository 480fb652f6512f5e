/* test_serve.c: what the live preview's requests may name, and the types
 * it serves files with. */
#include "helpers.h"

#include "serve.h"

/* Paths that name a file of the site, decoded. */
static void
test_paths_served(void **state)
{
	static const struct {
		const char	*raw, *path;
		int		 dir;
	} ok[] = {
		{ "/", "", 1 },
		{ "/index.html", "index.html", 0 },
		{ "/cs/cs-hw/skills/fault-repair.html",
		    "cs/cs-hw/skills/fault-repair.html", 0 },
		{ "/cs/", "cs/", 1 },
		{ "/cs", "cs", 0 },
		{ "/%E3%83%8F.html", "\xe3\x83\x8f.html", 0 },	/* ハ */
		{ "/a%20b.html", "a b.html", 0 },
		{ "/assets/style.css", "assets/style.css", 0 },
		{ "/a..b.html", "a..b.html", 0 },
	};
	char out[256];
	size_t i;
	int dir;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(serve_url_path(ok[i].raw, out, sizeof(out),
		    &dir), 0);
		assert_string_equal(out, ok[i].path);
		assert_int_equal(dir, ok[i].dir);
	}
}

/* Paths refused: every way out of the folder, and names no site has. */
static void
test_paths_refused(void **state)
{
	static const char *const bad[] = {
		"", "index.html", "//", "/a//b.html",
		"/..", "/../etc/passwd", "/a/../../etc/passwd", "/a/..",
		"/.", "/./index.html", "/%2e%2e/etc/passwd", "/%2E%2E/x",
		"/%2e/x", "/a%2f..%2f..%2fetc/passwd", "/a%2Fb",
		"/a%5c..%5cb", "/a\\..\\b", "/a\\b",
		"/a%00.html", "/a%0a.html", "/a%0D.html", "/a%7f",
		"/%c0%ae%c0%ae/etc/passwd", "/%c0%af", "/%e0%80%af",
		"/%ff", "/%ed%a0%80", "/%f8%88%80%80%80",
		"/%", "/%4", "/%zz", "/a%g0",
		"/.skillsite-manifest", "/.git/config", "/assets/.hidden",
		"/a b", "/a\tb", "/\x7f",
		"/%252e%252e/x",	/* decodes once: "%2e%2e", a name */
	};
	char out[256];
	size_t i;
	int dir;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int rc = serve_url_path(bad[i], out, sizeof(out), &dir);

		if (strcmp(bad[i], "/%252e%252e/x") == 0) {
			/* a file literally named "%2e%2e": served if it were
			 * there, never a way up */
			assert_int_equal(rc, 0);
			assert_string_equal(out, "%2e%2e/x");
			continue;
		}
		if (rc != -1)
			fail_msg("served: %s", bad[i]);
	}
}

/* A path that does not fit is refused, not cut. */
static void
test_paths_too_long(void **state)
{
	char raw[600], out[256];
	int dir;

	(void)state;
	raw[0] = '/';
	memset(raw + 1, 'a', 300);
	raw[301] = '\0';
	assert_int_equal(serve_url_path(raw, out, sizeof(out), &dir), -1);
	raw[255] = '\0';	/* 254 bytes and the NUL */
	assert_int_equal(serve_url_path(raw, out, sizeof(out), &dir), 0);
	assert_int_equal(strlen(out), 254);
}

/* Types by extension, the text ones in UTF-8. */
static void
test_content_types(void **state)
{
	(void)state;
	assert_string_equal(serve_content_type("index.html"),
	    "text/html; charset=utf-8");
	assert_string_equal(serve_content_type("assets/style.css"),
	    "text/css; charset=utf-8");
	assert_string_equal(serve_content_type("assets/search.js"),
	    "application/javascript; charset=utf-8");
	assert_string_equal(serve_content_type("downloads/framework.csv"),
	    "text/csv; charset=utf-8");
	assert_string_equal(serve_content_type("downloads/framework.json"),
	    "application/json");
	assert_string_equal(serve_content_type("handbooks/cs.pdf"),
	    "application/pdf");
	assert_string_equal(serve_content_type("assets/icon.svg"),
	    "image/svg+xml");
	assert_string_equal(serve_content_type("a.html.bak"),
	    "application/octet-stream");
	assert_string_equal(serve_content_type("dir.html/file"),
	    "application/octet-stream");
	assert_string_equal(serve_content_type("noext"),
	    "application/octet-stream");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths_served),
		cmocka_unit_test(test_paths_refused),
		cmocka_unit_test(test_paths_too_long),
		cmocka_unit_test(test_content_types),
	};

	return cmocka_run_group_tests_name("serve", tests, NULL, NULL);
}
