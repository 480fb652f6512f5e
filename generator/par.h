/* par.h: independent pieces of work on all cores, with ordered messages.
 *
 * Loading, checking and rendering each split into pieces that share
 * nothing but read-only data: a content file, a job type, a specialty.
 * par_run() hands the pieces to threads; each piece reports into a diag
 * of its own (and registers there the files it reads), and the diags are
 * merged in the pieces' order once all are done, so the messages and the
 * files' numbers are the same, in the same order, whatever the number of
 * threads.
 */
#ifndef SKILLSITE_PAR_H
#define SKILLSITE_PAR_H

#include <stddef.h>

#include "diag.h"

#define PAR_THREADS_MAX 64
/* Each thread's stack, whatever ulimit -s was at start (threads take
 * their default size from it, and a tiny one crashed them). */
#define PAR_STACK (8 * 1024 * 1024)

/* A kind of work.  begin() (optional) makes a thread's state, end()
 * (optional) frees it; run() does piece i, reporting to d. */
struct par_job {
	void	*(*begin)(void *ctx);
	void	 (*run)(void *ctx, void *state, size_t i, struct diag *d);
	void	 (*end)(void *ctx, void *state);
	void	 *ctx;
};

/* Runs pieces 0 to n - 1 of job on up to nthreads threads, the calling
 * one included (0 counts as 1), then merges their messages into d in
 * order. */
void		par_run(const struct par_job *job, size_t n, unsigned nthreads,
		    struct diag *d);

/* Returns the number of processors online, at least 1, at most
 * PAR_THREADS_MAX. */
unsigned	par_processors(void);

#endif
