/* test_write.c: publishing: atomic swap, unchanged files carried, links
 * never followed, targets that name no folder or overlap inputs refused. */
#define _GNU_SOURCE		/* RTLD_NEXT */
#include "helpers.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "write.h"

/* openat2 as the kernel has it, or failing with ENOSYS as on kernels
 * before 5.6 once no_openat2 is set; the calls counted. */
static int no_openat2, openat2_calls;

long
syscall(long number, ...)
{
	static long (*real)(long, ...);
	va_list ap;
	long a[4];
	int i;

	va_start(ap, number);
	for (i = 0; i < 4; i++)	/* openat2's; write.c makes no other */
		a[i] = va_arg(ap, long);
	va_end(ap);
#ifdef SYS_openat2
	if (number == SYS_openat2) {
		openat2_calls++;
		if (no_openat2) {
			errno = ENOSYS;
			return -1;
		}
	}
#endif
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "syscall");
	return real(number, a[0], a[1], a[2], a[3]);
}

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

/* Returns whether the new folder of p holds the file dl/big.txt. */
static int
new_has_big(const struct publish *p)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/dl/big.txt", publish_folder(p));
	return inode(path) != 0;
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

/* A publication given up leaves the old site as it was; a file given in
 * parts and dropped midway leaves no file. */
static void
test_abort_leaves_the_old_site(void **state)
{
	struct publish_stream *s;
	struct publish *p;
	struct diag d;
	ino_t a;

	(void)state;
	publish("<p>b</p>");
	a = inode(OUT "/a.html");
	diag_init(&d, stderr);
	assert_non_null(p = publish_begin(OUT, &d));
	assert_int_equal(publish_file(p, "a.html", "<p>new</p>", 10, &d), 0);
	assert_non_null(s = publish_open(p, "dl/big.txt", &d));
	assert_int_equal(publish_write(s, "<p>", 3), 0);
	assert_true(new_has_big(p));
	publish_discard(s);
	assert_false(new_has_big(p));
	publish_abort(p);
	assert_int_equal(inode(OUT "/dl/big.txt"), 0);
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

/* Only the folders the build itself makes for the target are cleaned
 * away (".site.skillsite-" and mkdtemp's six letters or digits, owned by
 * this user): never another target's site, lock or work named alike. */
static void
test_stale_cleaning_takes_only_own_folders(void **state)
{
	static const char *const kept[] = { ".site.skillsite-2026",
	    ".site.skillsite-b.skillsite-lock", ".site.skillsite-Ab12Cd9",
	    ".site.skillsite-Ab12C", ".site.skillsite-Ab12Cd-x",
	    ".site.skillsite-Ab12C.", ".site.skillsite-Ab12Cd.old",
	    ".sit.skillsite-Ab12Cd" };
	char cmd[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(kept) / sizeof(*kept); i++) {
		snprintf(cmd, sizeof(cmd), "mkdir -p " DIR_ "/%s && touch "
		    DIR_ "/%s/keep", kept[i], kept[i]);
		assert_int_equal(system(cmd), 0);
	}
	assert_int_equal(system("mkdir " DIR_ "/.site.skillsite-Ef34Gh && "
	    "touch " DIR_ "/.site.skillsite-Ef34Gh/x && ln -s /nowhere " DIR_
	    "/.site.skillsite-Zz0000"), 0);
	publish("<p>b</p>");
	for (i = 0; i < sizeof(kept) / sizeof(*kept); i++) {
		snprintf(cmd, sizeof(cmd), DIR_ "/%s", kept[i]);
		if (inode(cmd) == 0)
			fail_msg("%s was removed", kept[i]);
	}
	assert_int_equal(inode(DIR_ "/.site.skillsite-Ef34Gh"), 0);
	assert_int_equal(system("test ! -L " DIR_ "/.site.skillsite-Zz0000"),
	    0);
}

/* A folder skillsite did not write is never replaced. */
static void
test_foreign_folder_is_refused(void **state)
{
	struct capture c;
	struct diag d;

	(void)state;
	assert_int_equal(system("mkdir -p " DIR_ "/foreign && touch " DIR_
	    "/foreign/keep"), 0);
	capture_open(&c);
	diag_init(&d, c.f);
	assert_null(publish_begin(DIR_ "/foreign", &d));
	assert_int_equal(diag_status(&d), EXIT_IO);
	diag_flush(&d);
	assert_non_null(strstr(capture_close(&c), "will not replace"));
	capture_free(&c);
	assert_true(inode(DIR_ "/foreign/keep") != 0);
}

/* Returns whether path and other are the same file (hard links). */
static int
same_file(const char *path, const char *other)
{
	struct stat a, b;

	return stat(path, &a) == 0 && stat(other, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Symbolic links planted as folders of the live site, at any depth, are
 * never followed: no published file becomes a link to a file outside the
 * site, and what is outside stays as it was. */
static void
links_in_live_site(void)
{
	struct publish_stats st;
	struct publish *p;
	struct diag d;
	char cmd[1024];

	publish("<p>b</p>");
	assert_int_equal(system("cp -r " OUT "/dir " DIR_ "/elsewhere && "
	    "rm -r " OUT "/dir && ln -s ../elsewhere " OUT "/dir"), 0);
	st = publish("<p>b</p>");
	assert_int_equal(st.carried, 2);	/* the marker and a.html */
	assert_false(same_file(OUT "/dir/sub/b.html",
	    DIR_ "/elsewhere/sub/b.html"));
	assert_int_equal(system("test ! -L " OUT "/dir && grep -qx '<p>b</p>' "
	    DIR_ "/elsewhere/sub/b.html"), 0);

	/* one level down, through publish_carry() and publish_adopt() */
	assert_int_equal(system("rm -r " OUT "/dir/sub && "
	    "ln -s ../../elsewhere/sub " OUT "/dir/sub"), 0);
	diag_init(&d, stderr);
	assert_non_null(p = publish_begin(OUT, &d));
	assert_int_equal(publish_carry(p, "dir/sub/b.html"), 0);
	snprintf(cmd, sizeof(cmd), "mkdir -p %s/dir/sub && printf '<p>b</p>' "
	    "> %s/dir/sub/b.html", publish_folder(p), publish_folder(p));
	assert_int_equal(system(cmd), 0);
	assert_int_equal(publish_adopt(p, "dir/sub/b.html"), 0);
	assert_int_equal(publish_commit(p, &st), 0);
	assert_int_equal(st.carried, 1);	/* the marker */
	assert_false(same_file(OUT "/dir/sub/b.html",
	    DIR_ "/elsewhere/sub/b.html"));
	assert_int_equal(system("test ! -L " OUT "/dir/sub"), 0);
	assert_int_equal(strays(), 1);		/* elsewhere */
}

static void
test_links_in_live_site_are_not_followed(void **state)
{
	(void)state;
	links_in_live_site();
	assert_true(openat2_calls > 0);		/* openat2 was used */
}

/* A live file that another user owns is written afresh, never shared:
 * that user could change it once published. */
static void
test_foreign_live_files_are_not_carried(void **state)
{
	struct publish_stats st;
	ino_t a;

	(void)state;
	if (geteuid() != 0)
		skip();		/* only root can give a file away */
	publish("<p>b</p>");
	a = inode(OUT "/a.html");
	assert_int_equal(chown(OUT "/a.html", 65534, 65534), 0);
	st = publish("<p>b</p>");
	assert_int_equal(st.carried, 2);
	assert_true(inode(OUT "/a.html") != a);
}

/* The new folder is written without following links: one planted there
 * fails the file (it is not written outside), and a PDF read back from
 * it is not read through one. */
static void
test_links_in_new_folder_are_not_followed(void **state)
{
	struct publish *p;
	struct diag d;
	char cmd[1024];

	(void)state;
	publish("<p>b</p>");
	assert_int_equal(system("mkdir -p " DIR_ "/outside/sub && "
	    "echo '<p>a</p>' > " DIR_ "/outside/sub/x.pdf"), 0);
	diag_init(&d, stderr);
	assert_non_null(p = publish_begin(OUT, &d));
	snprintf(cmd, sizeof(cmd), "ln -s \"$PWD/%s\" %s/dir && "
	    "ln -s \"$PWD/%s\" %s/handbooks", DIR_ "/outside",
	    publish_folder(p), DIR_ "/outside/sub", publish_folder(p));
	assert_int_equal(system(cmd), 0);
	assert_int_equal(publish_file(p, "dir/sub/b.html", "<p>b</p>", 8, &d),
	    -1);
	assert_int_equal(publish_adopt(p, "handbooks/x.pdf"), -1);
	publish_abort(p);
	assert_int_equal(diag_status(&d), EXIT_IO);
	diag_free(&d);
	assert_int_equal(system("test \"$(find " DIR_ "/outside | wc -l)\" "
	    "= 3"), 0);			/* outside, sub, x.pdf */
	assert_int_equal(inode(DIR_ "/outside/sub/b.html"), 0);
}

/* Links named like folders of killed runs, or inside them, are removed,
 * never followed. */
static void
test_stale_links_are_not_followed(void **state)
{
	(void)state;
	assert_int_equal(system("mkdir -p " DIR_ "/precious " DIR_
	    "/.site.skillsite-Ab12Cd && touch " DIR_ "/precious/keep && "
	    "ln -s precious " DIR_ "/.site.skillsite-Zz99Zz && "
	    "ln -s ../precious " DIR_ "/.site.skillsite-Ab12Cd/link"), 0);
	publish("<p>b</p>");
	assert_true(inode(DIR_ "/precious/keep") != 0);
	assert_int_equal(system("test ! -e " DIR_ "/.site.skillsite-Zz99Zz -a "
	    "! -L " DIR_ "/.site.skillsite-Zz99Zz -a "
	    "! -e " DIR_ "/.site.skillsite-Ab12Cd"), 0);
}

/* A symbolic link, a folder or a FIFO planted at the lock's path is
 * refused: nothing is created where a link points, nothing blocks. */
static void
test_lock_must_be_a_plain_file(void **state)
{
	static const char *const planted[] = {
		"ln -s victim " DIR_ "/.site.skillsite-lock",
		"ln -s " DIR_ "/victim " DIR_ "/.site.skillsite-lock",
		"mkdir " DIR_ "/.site.skillsite-lock",
		"mkfifo " DIR_ "/.site.skillsite-lock",
	};
	struct diag d;
	size_t i;

	(void)state;
	alarm(20);
	for (i = 0; i < sizeof(planted) / sizeof(*planted); i++) {
		assert_int_equal(system("rm -rf " DIR_ "/.site.skillsite-lock"),
		    0);
		assert_int_equal(system(planted[i]), 0);
		diag_init(&d, stderr);
		assert_null(publish_begin(OUT, &d));
		assert_int_equal(diag_status(&d), EXIT_IO);
		diag_free(&d);
		assert_int_equal(system("test ! -e " DIR_ "/victim -a "
		    "! -L " DIR_ "/victim -a ! -e " OUT), 0);
	}
	alarm(0);
}

/* The target must name a folder: not empty, not the root, not "." or
 * ".." as its last name, not named like a temporary folder or lock, nor
 * inside a folder named like one (by its path or its real path);
 * publish_begin() refuses it, creating nothing. */
static void
test_bad_targets_are_refused(void **state)
{
	static const char *const bad[] = { "", "/", "//", ".", "..", "./",
	    "../", "/.", "/..", DIR_ "/.", DIR_ "/..", DIR_ "/./",
	    DIR_ "/..//", DIR_ "/site/.", ".site.skillsite-Ab12Cd",
	    DIR_ "/.www.skillsite-2026", DIR_ "/www.skillsite-b/",
	    "a.skillsite-lock", "x.skillsite-", DIR_ "/.www.skillsite-Ab12Cd/s",
	    "a/.b.skillsite-Ab12Cd.old/c/", DIR_ "/temp-link/site" };
	static const char *const good[] = { "x", "x/", "./x", "a/b", "/a",
	    "..a", ".a", "a.", "a/...", "a//", "a.skillsite", "skillsite-a",
	    "a/.skillsite-x/b", ".skillsite", "a/.b.skillsite-Ab12C/c",
	    "a/.skillsite-Ab12Cd/c", "a/.b.skillsite-Ab12Cd7/c" };
	struct diag d;
	size_t i;

	(void)state;
	assert_int_equal(system("mkdir " DIR_ "/.www.skillsite-Ab12Cd && "
	    "ln -s .www.skillsite-Ab12Cd " DIR_ "/temp-link"), 0);
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (publish_target_error(bad[i]) == NULL)
			fail_msg("%s accepted", bad[i]);
		diag_init(&d, stderr);
		assert_null(publish_begin(bad[i], &d));
		assert_int_equal(diag_status(&d), EXIT_IO);
		diag_free(&d);
	}
	for (i = 0; i < sizeof(good) / sizeof(*good); i++)
		assert_null(publish_target_error(good[i]));
	assert_int_equal(system("rm -r " DIR_ "/.www.skillsite-Ab12Cd " DIR_
	    "/temp-link && test -z \"$(ls -A " DIR_ ")\" && "
	    "test ! -e /..skillsite-lock -a ! -e build/..skillsite-lock"), 0);
}

/* Inputs inside the target, the target inside an input, or one the
 * other, by any path: they overlap. */
static void
test_overlaps(void **state)
{
	static const struct {
		const char	*out, *path;
		int		 overlap;
	} cases[] = {
		{ DIR_ "/site", DIR_ "/site/in", 1 },
		{ DIR_ "/site/", DIR_ "/site/in/a.xml", 1 },
		{ DIR_ "/site", DIR_ "/site", 1 },
		{ DIR_ "/site/in/new", DIR_ "/site", 1 },
		{ DIR_ "/other/new", DIR_ "/other", 1 },
		{ DIR_ "/alias/in", DIR_ "/site/in/a.xml", 1 },
		{ DIR_ "/site", DIR_ "/link.xml", 1 },
		{ DIR_ "/../write-tests/site/in", DIR_ "/site/in/a.xml", 1 },
		{ "new", ".", 1 },
		{ DIR_ "/x", "/", 1 },
		{ DIR_ "/site", DIR_ "/other", 0 },
		{ DIR_ "/other", DIR_ "/site/in", 0 },
		{ DIR_ "/sit", DIR_ "/site/in", 0 },
		{ DIR_ "/site/i", DIR_ "/site/in", 0 },
		{ DIR_ "/site", DIR_ "/missing", 0 },
		/* what the removal of stale folders would take */
		{ DIR_ "/site", DIR_ "/.site.skillsite-In0000", 1 },
		{ DIR_ "/site", DIR_ "/.site.skillsite-In0000/a.xml", 1 },
		{ DIR_ "/site", DIR_ "/.site.skillsite-In0000.old", 1 },
		{ DIR_ "/site", DIR_ "/.site.skillsite-lock", 0 },
		{ DIR_ "/sit", DIR_ "/.site.skillsite-In0000", 0 },
		/* named alike, but not the build's own: never removed */
		{ DIR_ "/site", DIR_ "/.site.skillsite-in", 0 },
		{ DIR_ "/site", DIR_ "/.site.skillsite-In00000", 0 },
		/* a link as the target is not followed (publish_begin then
		 * refuses it) */
		{ DIR_ "/alias", DIR_ "/site/in", 0 },
	};
	size_t i;

	(void)state;
	assert_int_equal(system("mkdir -p " DIR_ "/site/in " DIR_ "/other && "
	    "touch " DIR_ "/site/in/a.xml && ln -s site " DIR_ "/alias && "
	    "ln -s site/in/a.xml " DIR_ "/link.xml && mkdir " DIR_
	    "/.site.skillsite-in " DIR_ "/.site.skillsite-In0000 " DIR_
	    "/.site.skillsite-In0000.old " DIR_ "/.site.skillsite-In00000 && "
	    "touch " DIR_ "/.site.skillsite-In0000/a.xml "
	    DIR_ "/.site.skillsite-lock"), 0);
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		if (publish_overlaps(cases[i].out, cases[i].path) !=
		    cases[i].overlap)
			fail_msg("%s and %s", cases[i].out, cases[i].path);
}

/* Where the kernel has no openat2, the walk name by name keeps the
 * promise: the first test again, openat2 failing with ENOSYS (which
 * write.c then remembers: this test runs last). */
static void
test_links_not_followed_without_openat2(void **state)
{
	(void)state;
	no_openat2 = 1;
	openat2_calls = 0;
	links_in_live_site();
	assert_true(openat2_calls <= 2);	/* then the walk only */
	test_links_in_new_folder_are_not_followed(state);
	no_openat2 = 0;
}

/* The size of the files of the stream tests: parts of 16 KB (write.c's
 * chunk), 64 KB (the downloads') and their edges all fall inside it. */
#define BIG 200000

/* Returns BIG letters drawn from seed, malloc'd. */
static char *
big_text(unsigned seed)
{
	char *s = malloc(BIG + 16);
	size_t i;

	assert_non_null(s);
	for (i = 0; i < BIG + 16; i++) {
		seed = seed * 1103515245u + 12345u;
		s[i] = (char)('a' + (seed >> 16) % 26);
	}
	return s;
}

/* Publishes to OUT the file dl/big.txt alone, its len bytes of data
 * given in parts of part bytes; returns what publish_close() did. */
static int
stream(const char *data, size_t len, size_t part)
{
	struct publish_stream *s;
	struct publish *p;
	struct diag d;
	size_t i, n;
	int rc;

	diag_init(&d, stderr);
	assert_non_null(p = publish_begin(OUT, &d));
	assert_non_null(s = publish_open(p, "dl/big.txt", &d));
	for (i = 0; i < len; i += n) {
		n = len - i < part ? len - i : part;
		assert_int_equal(publish_write(s, data + i, n), 0);
	}
	rc = publish_close(s);
	assert_int_equal(publish_commit(p, NULL), 0);
	assert_int_equal(diag_status(&d), EXIT_OK);
	return rc;
}

/* Asserts that the file path holds exactly the len bytes of data. */
static void
assert_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(len + 1);

	assert_non_null(f);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, len + 1, f), len);
	fclose(f);
	if (len > 0)
		assert_memory_equal(buf, data, len);
	free(buf);
}

/* A file given in parts of any size comes out whole; given again the
 * same, it keeps its inode. */
static void
test_stream_parts_of_every_size(void **state)
{
	static const size_t parts[] = { 1, 7, 4096, 16383, 16384, 16385,
	    65536, BIG };
	char *text = big_text(1);
	size_t i;
	ino_t ino;

	(void)state;
	for (i = 0; i < sizeof(parts) / sizeof(*parts); i++) {
		assert_int_equal(system("rm -rf " OUT), 0);
		assert_int_equal(stream(text, BIG, parts[i]), 0);
		assert_file(OUT "/dl/big.txt", text, BIG);
		ino = inode(OUT "/dl/big.txt");
		assert_int_equal(stream(text, BIG, parts[i]), 1);
		assert_true(inode(OUT "/dl/big.txt") == ino);
		assert_int_equal(stream(text, BIG, parts[BIG % (i + 2)]), 1);
		assert_true(inode(OUT "/dl/big.txt") == ino);
	}
	assert_int_equal(strays(), 0);
	free(text);
}

/* A file that differs from the live one anywhere (its first byte, at a
 * chunk's edge, its last byte; longer, shorter) is written anew, whole:
 * its same beginning copied from the live file. */
static void
test_stream_differences_are_written(void **state)
{
	static const size_t at[] = { 0, 1, 16383, 16384, 65536, 70001,
	    BIG - 1 };
	char *text = big_text(1), *other = malloc(BIG + 16);
	size_t i;

	(void)state;
	assert_non_null(other);
	for (i = 0; i < sizeof(at) / sizeof(*at); i++) {
		assert_int_equal(system("rm -rf " OUT), 0);
		assert_int_equal(stream(text, BIG, 5000), 0);
		memcpy(other, text, BIG);
		other[at[i]] ^= 1;
		assert_int_equal(stream(other, BIG, i % 2 ? 4096 : 65536), 0);
		assert_file(OUT "/dl/big.txt", other, BIG);
	}
	assert_int_equal(stream(text, BIG, 3000), 0);
	assert_int_equal(stream(text, BIG + 16, 3000), 0);	/* longer */
	assert_file(OUT "/dl/big.txt", text, BIG + 16);
	assert_int_equal(stream(text, BIG, 3000), 0);		/* shorter */
	assert_file(OUT "/dl/big.txt", text, BIG);
	assert_int_equal(stream(text, 65536, 65536), 0);	/* at a part */
	assert_file(OUT "/dl/big.txt", text, 65536);
	free(other);
	free(text);
}

/* An empty file is made, carried, and replaced like any other. */
static void
test_stream_empty_file(void **state)
{
	ino_t ino;

	(void)state;
	assert_int_equal(stream("", 0, 1), 0);
	assert_file(OUT "/dl/big.txt", "", 0);
	ino = inode(OUT "/dl/big.txt");
	assert_int_equal(stream("", 0, 1), 1);
	assert_true(inode(OUT "/dl/big.txt") == ino);
	assert_int_equal(stream("x", 1, 1), 0);
	assert_file(OUT "/dl/big.txt", "x", 1);
	assert_int_equal(stream("", 0, 1), 0);
	assert_file(OUT "/dl/big.txt", "", 0);
	assert_int_equal(strays(), 0);
}

/* Streams BIG bytes of text as dl/big.txt into a new publication of OUT
 * under a file size limit of 100,000 bytes: the write that crosses it
 * fails, reported as a write error; the stream is dropped, leaving no
 * file, then the publication.  Checks what d reported. */
static void
stream_past_a_limit(const char *text)
{
	struct rlimit old, lim;
	struct publish_stream *s;
	struct publish *p;
	struct capture c;
	struct diag d;
	size_t i;
	int rc = 0;

	capture_open(&c);
	diag_init(&d, c.f);
	assert_non_null(p = publish_begin(OUT, &d));
	assert_non_null(s = publish_open(p, "dl/big.txt", &d));
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = 100000;
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	for (i = 0; rc == 0 && i < BIG; i += 4096)
		rc = publish_write(s, text + i, BIG - i < 4096 ? BIG - i : 4096);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	assert_int_equal(rc, -1);
	assert_true(i <= 102400);
	assert_true(new_has_big(p));
	publish_discard(s);
	assert_false(new_has_big(p));
	publish_abort(p);
	assert_int_equal(diag_status(&d), EXIT_IO);
	diag_flush(&d);
	assert_non_null(strstr(capture_close(&c), "cannot write dl/big.txt"));
	capture_free(&c);
}

/* A file whose write fails is reported and leaves no file, and the
 * publication given up leaves the old site as it was. */
static void
test_stream_failure_leaves_no_file(void **state)
{
	char *text = big_text(2);
	ino_t a;

	(void)state;
	publish("<p>b</p>");
	a = inode(OUT "/a.html");
	stream_past_a_limit(text);		/* no live file to compare */
	assert_int_equal(inode(OUT "/dl/big.txt"), 0);
	assert_true(inode(OUT "/a.html") == a);
	assert_int_equal(stream(text, 90000, 4096), 0);
	stream_past_a_limit(text);		/* past the live file's end */
	assert_file(OUT "/dl/big.txt", text, 90000);
	assert_int_equal(strays(), 0);
	free(text);
}

/* A live file reached through a link is never compared nor carried: the
 * file is written anew, a regular file. */
static void
test_stream_live_links_not_followed(void **state)
{
	char *text = big_text(3);
	struct stat st;

	(void)state;
	assert_int_equal(stream(text, BIG, 65536), 0);
	assert_int_equal(system("cp " OUT "/dl/big.txt " DIR_ "/copy && "
	    "ln -sf ../../copy " OUT "/dl/big.txt"), 0);
	assert_int_equal(stream(text, BIG, 65536), 0);
	assert_int_equal(lstat(OUT "/dl/big.txt", &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_file(OUT "/dl/big.txt", text, BIG);
	free(text);
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
		cmocka_unit_test_setup(
		    test_stale_cleaning_takes_only_own_folders, setup),
		cmocka_unit_test_setup(test_links_in_live_site_are_not_followed,
		    setup),
		cmocka_unit_test_setup(test_foreign_live_files_are_not_carried,
		    setup),
		cmocka_unit_test_setup(
		    test_links_in_new_folder_are_not_followed, setup),
		cmocka_unit_test_setup(test_stale_links_are_not_followed,
		    setup),
		cmocka_unit_test_setup(test_lock_must_be_a_plain_file, setup),
		cmocka_unit_test_setup(test_bad_targets_are_refused, setup),
		cmocka_unit_test_setup(test_overlaps, setup),
		cmocka_unit_test_setup(test_stream_parts_of_every_size, setup),
		cmocka_unit_test_setup(test_stream_differences_are_written,
		    setup),
		cmocka_unit_test_setup(test_stream_empty_file, setup),
		cmocka_unit_test_setup(test_stream_failure_leaves_no_file,
		    setup),
		cmocka_unit_test_setup(test_stream_live_links_not_followed,
		    setup),
		/* last: it turns openat2 off for good */
		cmocka_unit_test_setup(test_links_not_followed_without_openat2,
		    setup),
	};

	return cmocka_run_group_tests_name("write", tests, NULL, NULL);
}
