/* test_par.c: work on threads: every piece once, messages in order. */
#include "helpers.h"

#include <pthread.h>

#include "par.h"

#define PIECES 200

/* What the pieces of one run did. */
struct record {
	pthread_mutex_t	 lock;
	int		 done[PIECES];	/* times each piece ran */
	int		 begun;		/* threads started ... */
	int		 ended;		/* ... and finished */
};

static void *
begin(void *ctx)
{
	struct record *r = ctx;
	int *count = calloc(1, sizeof(*count));

	pthread_mutex_lock(&r->lock);
	r->begun++;
	pthread_mutex_unlock(&r->lock);
	return count;
}

/* Piece i: counts itself and reports one message at line i + 1 (and a
 * second, unsorted by position, for every tenth piece; every seventh
 * registers a file of its own, pI.xml, and reports in it too). */
static void
run(void *ctx, void *state, size_t i, struct diag *d)
{
	struct record *r = ctx;
	struct pos p = { 0, (int)i + 1, 1 };
	int *count = state;
	char name[32];

	(*count)++;
	pthread_mutex_lock(&r->lock);
	r->done[i]++;
	pthread_mutex_unlock(&r->lock);
	diag_msg(d, MSG_TEMPLATE, &p, "piece %zu", i);
	if (i % 10 == 0)
		diag_msg(d, MSG_IO_WRITE, NULL, "no position, piece %zu", i);
	if (i % 7 == 0) {
		snprintf(name, sizeof(name), "p%zu.xml", i);
		p.file = diag_add_file(d, name);
		diag_msg(d, MSG_EDITORIAL_NOTE, &p, "own file of piece %zu",
		    i);	/* a notice: the errors hit the cap */
	}
}

static void
end(void *ctx, void *state)
{
	struct record *r = ctx;

	pthread_mutex_lock(&r->lock);
	r->ended++;
	pthread_mutex_unlock(&r->lock);
	free(state);
}

/* Runs PIECES pieces on nthreads threads; returns the flushed messages
 * (malloc'd) and checks that each piece ran once. */
static char *
run_on(unsigned nthreads)
{
	struct par_job job = { begin, run, end, NULL };
	struct record r;
	struct capture c;
	struct diag d;
	size_t i;

	memset(&r, 0, sizeof(r));
	pthread_mutex_init(&r.lock, NULL);
	job.ctx = &r;
	capture_open(&c);
	diag_init(&d, c.f);
	diag_add_file(&d, "f");
	par_run(&job, PIECES, nthreads, &d);
	for (i = 0; i < PIECES; i++)
		assert_int_equal(r.done[i], 1);
	assert_true(r.begun >= 1 && r.begun <= (int)(nthreads ? nthreads : 1));
	assert_int_equal(r.ended, r.begun);
	assert_int_equal(diag_status(&d), EXIT_IO);
	diag_flush(&d);
	diag_free(&d);
	pthread_mutex_destroy(&r.lock);
	return (char *)capture_close(&c);
}

static void
test_messages_are_the_same_on_any_number_of_threads(void **state)
{
	char *one = run_on(1), *many = run_on(8), *zero = run_on(0);

	(void)state;
	assert_string_equal(one, many);
	assert_string_equal(one, zero);
	/* the messages without a position come in the pieces' order */
	assert_true(strstr(one, "no position, piece 10\n") <
	    strstr(one, "no position, piece 20\n"));
	/* files registered on threads keep their messages, in piece order */
	assert_non_null(strstr(one, "skillsite: p7.xml:8:1: notice: "
	    "editorial note: own file of piece 7\n"));
	assert_non_null(strstr(one, "skillsite: f:8:1: error: template "
	    "error: piece 7\n"));
	assert_true(strstr(one, "p7.xml:") < strstr(one, "p14.xml:"));
	assert_true(strstr(one, "p189.xml:") < strstr(one, "p196.xml:"));
	free(one);
	free(many);
	free(zero);
}

static void
test_no_pieces(void **state)
{
	struct par_job job = { NULL, run, NULL, NULL };
	struct diag d;

	(void)state;
	diag_init(&d, NULL);
	par_run(&job, 0, 4, &d);	/* run is never called: ctx is NULL */
	assert_int_equal(diag_status(&d), EXIT_OK);
	assert_true(par_processors() >= 1 &&
	    par_processors() <= PAR_THREADS_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_messages_are_the_same_on_any_number_of_threads),
		cmocka_unit_test(test_no_pieces),
	};

	return cmocka_run_group_tests_name("par", tests, NULL, NULL);
}
