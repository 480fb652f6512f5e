/* par.c: pieces of work on threads; see par.h. */
#include "par.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "alloc.h"

/* The shared state of one par_run(). */
struct pool {
	const struct par_job	*job;
	struct diag		*diags;		/* one per piece */
	size_t			 n;
	size_t			 next;		/* the next piece to take */
	pthread_mutex_t		 lock;
};

/* Returns the next piece to do, or n when none is left. */
static size_t
S_take(struct pool *p)
{
	size_t i;

	pthread_mutex_lock(&p->lock);
	i = p->next < p->n ? p->next++ : p->n;
	pthread_mutex_unlock(&p->lock);
	return i;
}

/* A thread: does pieces until none is left. */
static void *
S_worker(void *arg)
{
	struct pool *p = arg;
	const struct par_job *job = p->job;
	void *state = job->begin != NULL ? job->begin(job->ctx) : NULL;
	size_t i;

	while ((i = S_take(p)) < p->n)
		job->run(job->ctx, state, i, &p->diags[i]);
	if (job->end != NULL)
		job->end(job->ctx, state);
	return NULL;
}

/* A thread of its own: made ready for the libraries, then a worker. */
static void *
S_thread(void *arg)
{
	alloc_thread_begin();
	return S_worker(arg);
}

void
par_run(const struct par_job *job, size_t n, unsigned nthreads,
    struct diag *d)
{
	struct pool p;
	pthread_attr_t attr;
	pthread_t *tids;
	unsigned t, started = 0;
	size_t i;

	if (n == 0)
		return;
	p.job = job;
	p.n = n;
	p.next = 0;
	p.diags = xcalloc(n, sizeof(*p.diags));
	for (i = 0; i < n; i++)
		diag_fork(&p.diags[i], d);
	pthread_mutex_init(&p.lock, NULL);
	if (nthreads > n)
		nthreads = (unsigned)n;
	if (nthreads == 0)
		nthreads = 1;
	tids = xcalloc(nthreads, sizeof(*tids));
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, PAR_STACK);
	for (t = 1; t < nthreads; t++)
		if (pthread_create(&tids[started], &attr, S_thread, &p) == 0)
			started++;	/* else the others do its share */
	pthread_attr_destroy(&attr);
	S_worker(&p);
	for (t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	for (i = 0; i < n; i++)
		diag_merge(d, &p.diags[i]);
	pthread_mutex_destroy(&p.lock);
	free(p.diags);
	free(tids);
}

unsigned
par_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > PAR_THREADS_MAX ? PAR_THREADS_MAX : (unsigned)n;
}
