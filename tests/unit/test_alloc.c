/* test_alloc.c: an allocation that fails, ours or a library's, ends the
 * run with "out of memory" and status 3: no abort, no crash, one message
 * however many threads fail, the clean-up run first.  Each case runs in
 * a child process. */
#include "helpers.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/xmlmemory.h>

#include "alloc.h"
#include "markdown.h"
#include "write.h"

#define OOM_LINE "skillsite: error: out of memory\n"
#define HUGE_SIZE (SIZE_MAX / 4)	/* more than any machine has */

/* Sanitizers report a huge request instead of returning NULL, unless
 * told otherwise. */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

/* What a child wrote to stderr, and how it ended. */
struct ending {
	char	err[512];
	int	status;		/* wait status */
};

/* Runs fn in a child with alloc_setup() done and stderr captured;
 * fills *e. */
static void
run_child(void (*fn)(void), struct ending *e)
{
	int fds[2];
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], STDERR_FILENO);
		alloc_setup();
		fn();
		_exit(0);
	}
	close(fds[1]);
	while (len < sizeof(e->err) - 1 &&
	    (n = read(fds[0], e->err + len, sizeof(e->err) - 1 - len)) > 0)
		len += (size_t)n;
	e->err[len] = '\0';
	close(fds[0]);
	assert_int_equal(waitpid(pid, &e->status, 0), pid);
}

/* Returns err past the warnings of AddressSanitizer ("==PID==..."). */
static const char *
past_sanitizer(const char *err)
{
	while (strncmp(err, "==", 2) == 0 && strchr(err, '\n') != NULL)
		err = strchr(err, '\n') + 1;
	return err;
}

/* Checks that the child ended with status 3 and the one message. */
static void
assert_out_of_memory(void (*fn)(void))
{
	struct ending e;

	run_child(fn, &e);
	assert_true(WIFEXITED(e.status));
	assert_int_equal(WEXITSTATUS(e.status), EXIT_IO);
	assert_string_equal(past_sanitizer(e.err), OOM_LINE);
}

static void
fail_xcalloc(void)
{
	(void)xcalloc(HUGE_SIZE, 2);
}

static void
fail_xreallocarray(void)
{
	(void)xreallocarray(NULL, HUGE_SIZE, 1);
}

static void
fail_libxml2_malloc(void)
{
	(void)xmlMalloc(HUGE_SIZE);
}

static void
fail_libxml2_realloc(void)
{
	void *p = xmlMalloc(16);

	(void)xmlRealloc(p, HUGE_SIZE);
}

static void
fail_jansson(void)
{
	json_malloc_t m;
	json_free_t f;

	json_get_alloc_funcs(&m, &f);
	(void)m(HUGE_SIZE);
}

static void
test_ours(void **state)
{
	(void)state;
	assert_out_of_memory(fail_xcalloc);
	assert_out_of_memory(fail_xreallocarray);
}

static void
test_libraries(void **state)
{
	(void)state;
	assert_out_of_memory(fail_libxml2_malloc);
	assert_out_of_memory(fail_libxml2_realloc);
	assert_out_of_memory(fail_jansson);
}

#define DIR_ "build/alloc-tests"
#define OUT DIR_ "/site"

/* Publishes OUT holding old.html; returns 0 or -1. */
static int
publish_old(void)
{
	struct publish *p;
	struct diag d;

	diag_init(&d, stderr);
	if (system("rm -rf " DIR_ " && mkdir -p " DIR_) != 0 ||
	    (p = publish_begin(OUT, &d)) == NULL ||
	    publish_file(p, "old.html", "old", 3, &d) < 0)
		return -1;
	return publish_commit(p, NULL);
}

/* Starts publishing the new site: two pages in folders, then no memory
 * left at all (when it can be taken away), then the end. */
static void
fail_publishing(void)
{
	struct publish *p;
	struct diag d;

	diag_init(&d, stderr);
	if ((p = publish_begin(OUT, &d)) == NULL ||
	    publish_file(p, "a/b/new.html", "new", 3, &d) < 0 ||
	    publish_file(p, "c/new.html", "new", 3, &d) < 0)
		_exit(94);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
	{
		struct rlimit rl;

		rl.rlim_cur = rl.rlim_max = 0;	/* no more address space */
		if (setrlimit(RLIMIT_AS, &rl) < 0)
			_exit(93);
		while (malloc(4096) != NULL)
			continue;	/* and the heap used up */
	}
#endif
	xalloc_die();
}

/* Running out of memory while publishing: the old site stays, the new
 * folder is removed. */
static void
test_publishing(void **state)
{
	struct stat st;

	(void)state;
	assert_int_equal(publish_old(), 0);
	assert_out_of_memory(fail_publishing);
	assert_int_equal(stat(OUT "/old.html", &st), 0);
	assert_int_not_equal(stat(OUT "/c", &st), 0);
	assert_int_equal(publish_strays(DIR_), 0);
}

/* The clean-up: writes a word before the message. */
static void
say_cleaned(void *arg)
{
	if (write(STDERR_FILENO, arg, strlen(arg)) < 0)
		_exit(99);
}

static void
fail_with_cleanup(void)
{
	alloc_on_exhaustion(say_cleaned, "cleaned\n");
	xalloc_die();
}

static void
fail_after_cleanup_unset(void)
{
	alloc_on_exhaustion(say_cleaned, "cleaned\n");
	alloc_on_exhaustion(NULL, NULL);
	xalloc_die();
}

static void
test_cleanup(void **state)
{
	struct ending e;

	(void)state;
	run_child(fail_with_cleanup, &e);
	assert_true(WIFEXITED(e.status));
	assert_int_equal(WEXITSTATUS(e.status), EXIT_IO);
	assert_string_equal(e.err, "cleaned\n" OOM_LINE);
	assert_out_of_memory(fail_after_cleanup_unset);
}

static int S_signal;	/* the signal the child raises */

/* Starts publishing the new site, then is ended by S_signal. */
static void
signal_publishing(void)
{
	struct publish *p;
	struct diag d;

	diag_init(&d, stderr);
	if ((p = publish_begin(OUT, &d)) == NULL ||
	    publish_file(p, "a/b/new.html", "new", 3, &d) < 0)
		_exit(94);
	raise(S_signal);
	_exit(95);
}

static void
signal_with_cleanup(void)
{
	alloc_on_exhaustion(say_cleaned, "cleaned\n");
	raise(S_signal);
	_exit(95);
}

static void
signal_after_cleanup_unset(void)
{
	alloc_on_exhaustion(say_cleaned, "cleaned\n");
	alloc_on_exhaustion(NULL, NULL);
	raise(S_signal);
	_exit(95);
}

/* SIGTERM, SIGINT and SIGHUP run the clean-up (once set, not after it
 * is unset), then end the process by the signal; while publishing, the
 * new folder is removed and the old site stays. */
static void
test_signals(void **state)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
	struct ending e;
	struct stat st;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sigs) / sizeof(*sigs); i++) {
		S_signal = sigs[i];
		run_child(signal_with_cleanup, &e);
		assert_true(WIFSIGNALED(e.status));
		assert_int_equal(WTERMSIG(e.status), sigs[i]);
		assert_string_equal(past_sanitizer(e.err), "cleaned\n");
		run_child(signal_after_cleanup_unset, &e);
		assert_true(WIFSIGNALED(e.status));
		assert_string_equal(past_sanitizer(e.err), "");
		assert_int_equal(publish_old(), 0);
		run_child(signal_publishing, &e);
		assert_true(WIFSIGNALED(e.status));
		assert_int_equal(WTERMSIG(e.status), sigs[i]);
		assert_int_equal(stat(OUT "/old.html", &st), 0);
		assert_int_equal(publish_strays(DIR_), 0);
	}
}

#define THREADS 8

static pthread_barrier_t S_start;

static void *
die_together(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&S_start);
	xalloc_die();
}

/* THREADS threads run out of memory at once: one message, status 3. */
static void
fail_on_threads(void)
{
	pthread_t t[THREADS];
	int i;

	pthread_barrier_init(&S_start, NULL, THREADS);
	for (i = 0; i < THREADS; i++)
		if (pthread_create(&t[i], NULL, die_together, NULL) != 0)
			_exit(98);
	for (i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
}

static void
test_threads(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < 20; i++)
		assert_out_of_memory(fail_on_threads);
}

#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define MD_BYTES (4 * 1024 * 1024)
#define MD_ROOM (24 * 1024 * 1024)	/* bytes cmark may take: too few */

/* Returns the address space the process holds, in bytes. */
static size_t
address_space(void)
{
	unsigned long pages = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	if (f == NULL || fscanf(f, "%lu", &pages) != 1)
		_exit(97);
	fclose(f);
	return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

/* cmark runs out of memory on a large field: its allocator is ours. */
static void
fail_in_cmark(void)
{
	char *md = xcalloc(MD_BYTES + 1, 1);
	struct rlimit rl;
	size_t i;

	for (i = 0; i + 2 < MD_BYTES; i += 2)
		memcpy(md + i, "*a", 2);	/* a node per two bytes */
	rl.rlim_cur = rl.rlim_max = address_space() + MD_ROOM;
	if (setrlimit(RLIMIT_AS, &rl) < 0)
		_exit(96);
	free(md_to_html(md));
	_exit(95);	/* it had room after all: make MD_ROOM smaller */
}

static void
test_cmark(void **state)
{
	(void)state;
	assert_out_of_memory(fail_in_cmark);
}
#endif

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ours),
		cmocka_unit_test(test_libraries),
		cmocka_unit_test(test_cleanup),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_publishing),
		cmocka_unit_test(test_signals),
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
		cmocka_unit_test(test_cmark),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
