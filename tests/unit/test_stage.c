/* test_stage.c: updating a site folder in place (stage.h): what a
 * commit writes, keeps and removes, by part, and from several threads. */
#include "helpers.h"

#include <pthread.h>
#include <sys/stat.h>

#include "alloc.h"
#include "stage.h"
#include "write.h"

enum { PAGES = 1, DATA = 2 };

/* A site folder and its scratch folder in a fresh folder of /tmp. */
struct fixture {
	char			*root, *site, *scratch;
	struct stage_site	*s;
	struct diag		 d;
	struct capture		 c;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	f->root = xstrdup("/tmp/skillsite-stage-XXXXXX");
	assert_non_null(mkdtemp(f->root));
	f->site = xpath_join(f->root, "site");
	f->scratch = xpath_join(f->root, "stage");
	capture_open(&f->c);
	diag_init(&f->d, f->c.f);
	f->s = stage_site_new(f->site, f->scratch, &f->d);
	assert_non_null(f->s);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	stage_site_free(f->s);
	diag_free(&f->d);
	capture_close(&f->c);
	capture_free(&f->c);
	assert_int_equal(publish_remove(f->root), 0);
	free(f->site);
	free(f->scratch);
	free(f->root);
	free(f);
	return 0;
}

/* Returns the text of the site file rel of f (malloc'd), or NULL. */
static char *
S_read(const struct fixture *f, const char *rel)
{
	char *path = xpath_join(f->site, rel), *buf = NULL;
	size_t len = 0;
	FILE *in = fopen(path, "r");

	free(path);
	if (in == NULL)
		return NULL;
	buf = xcalloc(1, 4096);
	len = fread(buf, 1, 4095, in);
	buf[len] = '\0';
	fclose(in);
	return buf;
}

/* Asserts that the site file rel of f holds text (NULL: is missing). */
static void
S_holds(const struct fixture *f, const char *rel, const char *text)
{
	char *got = S_read(f, rel);

	if (text == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, text);
	}
	free(got);
}

/* Returns the inode of the site file rel of f, 0 when missing. */
static ino_t
S_inode(const struct fixture *f, const char *rel)
{
	char *path = xpath_join(f->site, rel);
	struct stat st;
	ino_t ino = stat(path, &st) == 0 ? st.st_ino : 0;

	free(path);
	return ino;
}

/* Stages the file rel of part holding text in st, expecting rc. */
static void
S_put(struct fixture *f, struct stage *st, unsigned part, const char *rel,
    const char *text, int rc)
{
	assert_int_equal(stage_file(st, part, rel, text, strlen(text), &f->d),
	    rc);
}

/* Commits st, expecting stats written and removed. */
static void
S_commit(struct fixture *f, struct stage *st, size_t written,
    size_t removed)
{
	pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
	struct stage_stats ss;

	assert_int_equal(stage_commit(st, &lock, &ss, &f->d), 0);
	assert_int_equal(ss.written, written);
	assert_int_equal(ss.removed, removed);
	pthread_rwlock_destroy(&lock);
}

/* Files appear only on commit, folders made; the same bytes again are
 * not written (the file keeps its inode); other bytes replace it. */
static void
test_write_same_replace(void **state)
{
	struct fixture *f = *state;
	struct stage *st = stage_begin(f->s, PAGES);
	ino_t ino;

	S_put(f, st, PAGES, "index.html", "home", 0);
	S_put(f, st, PAGES, "a/b/c.html", "deep", 0);
	S_holds(f, "index.html", NULL);
	S_commit(f, st, 2, 0);
	S_holds(f, "index.html", "home");
	S_holds(f, "a/b/c.html", "deep");
	assert_int_equal(stage_site_files(f->s), 2);
	ino = S_inode(f, "a/b/c.html");

	st = stage_begin(f->s, PAGES);
	S_put(f, st, PAGES, "index.html", "home 2", 0);
	S_put(f, st, PAGES, "a/b/c.html", "deep", 1);
	S_commit(f, st, 1, 0);
	S_holds(f, "index.html", "home 2");
	assert_int_equal(S_inode(f, "a/b/c.html"), ino);
	assert_int_equal(diag_reported(&f->d), 0);
}

/* A commit removes the files of its parts that it neither made nor
 * kept, and the folders they leave empty; other parts' stay. */
static void
test_remove_by_part(void **state)
{
	struct fixture *f = *state;
	struct stage *st = stage_begin(f->s, PAGES | DATA);
	char *path;
	struct stat sb;

	S_put(f, st, PAGES, "index.html", "home", 0);
	S_put(f, st, PAGES, "x/y/gone.html", "gone", 0);
	S_put(f, st, PAGES, "x/kept.html", "kept", 0);
	S_put(f, st, DATA, "search/t-0.js", "data", 0);
	S_commit(f, st, 4, 0);

	st = stage_begin(f->s, PAGES);
	S_put(f, st, PAGES, "index.html", "home", 1);
	assert_int_equal(stage_keep(st, "x/kept.html"), 1);
	assert_int_equal(stage_keep(st, "x/never.html"), 0);
	S_commit(f, st, 0, 1);
	S_holds(f, "x/y/gone.html", NULL);
	S_holds(f, "x/kept.html", "kept");
	S_holds(f, "search/t-0.js", "data");	/* not a part of the stage */
	path = xpath_join(f->site, "x/y");
	assert_int_equal(stat(path, &sb), -1);	/* left empty: removed */
	free(path);
	assert_int_equal(stage_site_files(f->s), 3);

	st = stage_begin(f->s, DATA);
	S_commit(f, st, 0, 1);
	S_holds(f, "search/t-0.js", NULL);
	S_holds(f, "index.html", "home");
}

/* An aborted stage leaves the site as it was and no scratch file. */
static void
test_abort(void **state)
{
	struct fixture *f = *state;
	struct stage *st = stage_begin(f->s, PAGES);
	DIR *dp;
	struct dirent *de;
	int files = 0;

	S_put(f, st, PAGES, "index.html", "home", 0);
	S_commit(f, st, 1, 0);
	st = stage_begin(f->s, PAGES);
	S_put(f, st, PAGES, "index.html", "other", 0);
	S_put(f, st, PAGES, "new.html", "new", 0);
	stage_abort(st);
	S_holds(f, "index.html", "home");
	S_holds(f, "new.html", NULL);
	assert_non_null(dp = opendir(f->scratch));
	while ((de = readdir(dp)) != NULL)
		files += de->d_name[0] != '.';
	closedir(dp);
	assert_int_equal(files, 0);
}

/* A live file changed or removed behind the stage's back is made
 * again: it is compared, not trusted. */
static void
test_changed_behind(void **state)
{
	struct fixture *f = *state;
	struct stage *st = stage_begin(f->s, PAGES);
	char *path;
	FILE *out;

	S_put(f, st, PAGES, "a.html", "aaaa", 0);
	S_put(f, st, PAGES, "b.html", "bbbb", 0);
	S_commit(f, st, 2, 0);
	path = xpath_join(f->site, "a.html");
	assert_non_null(out = fopen(path, "w"));
	fputs("AAAA", out);
	fclose(out);
	free(path);
	path = xpath_join(f->site, "b.html");
	assert_int_equal(unlink(path), 0);
	free(path);
	st = stage_begin(f->s, PAGES);
	S_put(f, st, PAGES, "a.html", "aaaa", 0);
	S_put(f, st, PAGES, "b.html", "bbbb", 0);
	S_commit(f, st, 2, 0);
	S_holds(f, "a.html", "aaaa");
	S_holds(f, "b.html", "bbbb");
}

/* What a thread of test_threads stages. */
struct job {
	struct fixture	*f;
	struct stage	*st;
	int		 n;
};

/* Stages 100 files of its own, some the same as live. */
static void *
S_stage_many(void *arg)
{
	struct job *j = arg;
	char rel[64], text[64];
	int i;

	for (i = 0; i < 100; i++) {
		snprintf(rel, sizeof(rel), "t%d/f%d.html", j->n, i);
		snprintf(text, sizeof(text), "%d %d %d", j->n, i, i % 2);
		if (stage_file(j->st, PAGES, rel, text, strlen(text),
		    &j->f->d) < 0)
			return j;	/* any non-NULL */
	}
	return NULL;
}

/* Threads stage at once; a second round with half the files changed
 * writes only those. */
static void
test_threads(void **state)
{
	struct fixture *f = *state;
	struct job jobs[4];
	pthread_t t[4];
	void *ret;
	int round, i;

	for (round = 0; round < 2; round++) {
		struct stage *st = stage_begin(f->s, PAGES);

		for (i = 0; i < 4; i++) {
			jobs[i].f = f;
			jobs[i].st = st;
			jobs[i].n = i + (round == 1 && i >= 2 ? 10 : 0);
			assert_int_equal(pthread_create(&t[i], NULL,
			    S_stage_many, &jobs[i]), 0);
		}
		for (i = 0; i < 4; i++) {
			assert_int_equal(pthread_join(t[i], &ret), 0);
			assert_null(ret);
		}
		/* round 2: t0, t1 the same; t2, t3 gone; t12, t13 new */
		S_commit(f, st, round == 0 ? 400 : 200, round == 0 ? 0 : 200);
	}
	assert_int_equal(stage_site_files(f->s), 400);
	S_holds(f, "t13/f7.html", "13 7 1");
	S_holds(f, "t2/f7.html", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_write_same_replace, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_remove_by_part, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_abort, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changed_behind, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
	};

	return cmocka_run_group_tests_name("stage", tests, NULL, NULL);
}
