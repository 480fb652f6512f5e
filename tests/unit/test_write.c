/* test_write.c: publishing: atomic swap, unchanged files carried. */
#include "helpers.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "write.h"

#define DIR_ "build/write-tests"
#define OUT DIR_ "/site"

/* Returns the inode of path, or 0 when it does not exist. */
static ino_t
inode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* Returns the bytes of file path, malloc'd. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = calloc(1, 4096);

	assert_non_null(f);
	assert_true(fread(s, 1, 4095, f) < 4095);
	fclose(f);
	return s;
}

/* Publishes the pages a.html and dir/b.html (b's text given; NULL leaves
 * it out) to OUT; returns the statistics. */
static struct publish_stats
publish(const char *b_text)
{
	struct publish_stats st;
	struct publish *p;
	struct diag d;

	diag_init(&d, stderr);
	assert_non_null(p = publish_begin(OUT, &d));
	assert_true(publish_file(p, "a.html", "<p>a</p>", 8, &d) >= 0);
	if (b_text != NULL)
		assert_true(publish_file(p, "dir/sub/b.html", b_text,
		    strlen(b_text), &d) >= 0);
	assert_int_equal(publish_commit(p, &st), 0);
	assert_int_equal(diag_status(&d), EXIT_OK);
	return st;
}

/* Returns the number of entries of DIR_ beside the site and its lock. */
static int
strays(void)
{
	return publish_strays(DIR_);
}

static int
setup(void **state)
{
	(void)state;
	return system("rm -rf " DIR_ " && mkdir -p " DIR_) == 0 ? 0 : -1;
}

static void
test_unchanged_files_keep_their_inode(void **state)
{
	struct publish_stats st;
	ino_t a, b;
	char *text;

	(void)state;
	st = publish("<p>b</p>");
	assert_int_equal(st.files, 3);		/* the marker too */
	assert_int_equal(st.carried, 0);
	a = inode(OUT "/a.html");
	b = inode(OUT "/dir/sub/b.html");
	assert_true(a != 0 && b != 0);
	assert_true(inode(OUT "/" WRITE_MARKER) != 0);

	st = publish("<p>b</p>");
	assert_int_equal(st.carried, 3);
	assert_true(inode(OUT "/a.html") == a);
	assert_true(inode(OUT "/dir/sub/b.html") == b);

	st = publish("<p>B</p>");		/* one page changes */
	assert_int_equal(st.carried, 2);
	assert_true(inode(OUT "/a.html") == a);
	assert_true(inode(OUT "/dir/sub/b.html") != b);
	text = slurp(OUT "/dir/sub/b.html");
	assert_string_equal(text, "<p>B</p>");
	free(text);

	st = publish(NULL);			/* one page goes */
	assert_int_equal(inode(OUT "/dir/sub/b.html"), 0);
	assert_true(inode(OUT "/a.html") == a);
	assert_int_equal(strays(), 0);
}

static void
test_abort_leaves_the_old_site(void **state)
{
	struct publish *p;
	struct diag d;
	ino_t a;

	(void)state;
	publish("<p>b</p>");
	a = inode(OUT "/a.html");
	diag_init(&d, stderr);
	assert_non_null(p = publish_begin(OUT, &d));
	assert_int_equal(publish_file(p, "a.html", "<p>new</p>", 10, &d), 0);
	publish_abort(p);
	assert_true(inode(OUT "/a.html") == a);
	assert_true(inode(OUT "/dir/sub/b.html") != 0);
	assert_int_equal(strays(), 0);
}

/* A file another program wrote into the new folder is carried when its
 * bytes equal the live one's; publish_carry() takes the live one as it
 * is. */
static void
test_adopt_and_carry(void **state)
{
	struct publish_stats st;
	struct publish *p;
	struct diag d;
	ino_t a, b;
	char path[512];
	FILE *f;

	(void)state;
	publish("<p>b</p>");
	a = inode(OUT "/a.html");
	b = inode(OUT "/dir/sub/b.html");
	diag_init(&d, stderr);
	assert_non_null(p = publish_begin(OUT, &d));
	snprintf(path, sizeof(path), "%s/a.html", publish_folder(p));
	assert_non_null(f = fopen(path, "w"));
	fputs("<p>a</p>", f);
	fclose(f);
	assert_int_equal(publish_adopt(p, "a.html"), 0);
	assert_int_equal(publish_carry(p, "dir/sub/b.html"), 1);
	assert_int_equal(publish_carry(p, "missing.pdf"), 0);
	assert_int_equal(publish_commit(p, &st), 0);
	assert_int_equal(st.carried, 3);
	assert_true(inode(OUT "/a.html") == a);
	assert_true(inode(OUT "/dir/sub/b.html") == b);
}

/* What stands at a live path but a plain file of mode 0644 is never
 * carried, and a FIFO there does not block the build. */
static void
test_odd_live_files_are_written_afresh(void **state)
{
	struct publish *p;
	struct diag d;
	char *text;

	(void)state;
	publish("<p>b</p>");
	assert_int_equal(unlink(OUT "/a.html"), 0);
	assert_int_equal(mkfifo(OUT "/a.html", 0644), 0);
	assert_int_equal(chmod(OUT "/dir/sub/b.html", 0600), 0);
	alarm(20);	/* a blocking open would end the test here */
	diag_init(&d, stderr);
	assert_non_null(p = publish_begin(OUT, &d));
	assert_int_equal(publish_carry(p, "dir/sub/b.html"), 0);
	publish_abort(p);
	publish("<p>b</p>");
	alarm(0);
	text = slurp(OUT "/a.html");
	assert_string_equal(text, "<p>a</p>");
	free(text);
}

/* A site set aside and not put back (reported then) is left for the
 * admin; other folders of killed runs are removed. */
static void
test_set_aside_site_is_kept(void **state)
{
	(void)state;
	assert_int_equal(system("mkdir -p " DIR_ "/.site.skillsite-Ab12Cd.old "
	    DIR_ "/.site.skillsite-Ef34Gh"), 0);
	publish("<p>b</p>");
	assert_true(inode(DIR_ "/.site.skillsite-Ab12Cd.old") != 0);
	assert_int_equal(inode(DIR_ "/.site.skillsite-Ef34Gh"), 0);
}

/* A folder skillsite did not write is never replaced. */
static void
test_foreign_folder_is_refused(void **state)
{
	static const char *const files[] = { "none" };
	struct capture c;
	struct diag d;

	(void)state;
	assert_int_equal(system("mkdir -p " DIR_ "/foreign && touch " DIR_
	    "/foreign/keep"), 0);
	capture_open(&c);
	diag_init(&d, c.f);
	assert_null(publish_begin(DIR_ "/foreign", &d));
	assert_int_equal(diag_status(&d), EXIT_IO);
	diag_flush(&d, files, 1);
	assert_non_null(strstr(capture_close(&c), "will not replace"));
	capture_free(&c);
	assert_true(inode(DIR_ "/foreign/keep") != 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_unchanged_files_keep_their_inode,
		    setup),
		cmocka_unit_test_setup(test_abort_leaves_the_old_site, setup),
		cmocka_unit_test_setup(test_adopt_and_carry, setup),
		cmocka_unit_test_setup(test_foreign_folder_is_refused, setup),
		cmocka_unit_test_setup(test_odd_live_files_are_written_afresh,
		    setup),
		cmocka_unit_test_setup(test_set_aside_site_is_kept, setup),
	};

	return cmocka_run_group_tests_name("write", tests, NULL, NULL);
}
