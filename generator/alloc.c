/* alloc.c: allocation that cannot fail; see alloc.h. */
#include "alloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <jansson.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include "diag.h"

#define PROBE_SIZE	(64 * 1024)	/* more than libxml2's thread state */

static atomic_int	 S_dying;		/* xalloc_die() is ending the run */
static pthread_mutex_t	 S_thread_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t	 S_cleanup_lock = PTHREAD_MUTEX_INITIALIZER;
static void		(*S_cleanup)(void *);	/* under S_cleanup_lock */
static void		*S_cleanup_arg;

_Noreturn void
xalloc_die(void)
{
	static const char msg[] = "skillsite: error: out of memory\n";
	void (*fn)(void *);
	void *arg;
	ssize_t written;

	if (atomic_exchange(&S_dying, 1))
		for (;;)
			pause();	/* another thread is ending the run */
	pthread_mutex_lock(&S_cleanup_lock);
	fn = S_cleanup;
	arg = S_cleanup_arg;
	pthread_mutex_unlock(&S_cleanup_lock);
	if (fn != NULL)
		fn(arg);
	/* write(2), not stdio: no lock another thread may hold, no buffer */
	written = write(STDERR_FILENO, msg, sizeof(msg) - 1);
	(void)written;	/* nothing more to do if it failed */
	_exit(EXIT_IO);	/* not exit(): other threads are still running */
}

int
alloc_exhausted(void)
{
	return atomic_load(&S_dying);
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		xalloc_die();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		xalloc_die();
	if ((p = realloc(p, n != 0 && size != 0 ? n * size : 1)) == NULL)
		xalloc_die();
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xreallocarray(NULL, n, 1), s, n);
}

/* malloc() for the libraries: returns size bytes, or ends the run. */
static void *
S_malloc(size_t size)
{
	return xreallocarray(NULL, size, 1);
}

/* realloc() for the libraries: returns p resized, or ends the run. */
static void *
S_realloc(void *p, size_t size)
{
	return xreallocarray(p, size, 1);
}

/* Does alloc_setup()'s work, once. */
static void
S_setup(void)
{
	struct rlimit rl;

#ifdef M_ARENA_MAX
	/* a thread's own arena takes 64 MB of address space at once; under
	 * a limit, the threads share the main one */
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		mallopt(M_ARENA_MAX, 1);
#else
	(void)rl;
#endif
	/* free itself, so libxml2 still frees its state at exit */
	xmlMemSetup(free, S_malloc, S_realloc, xstrdup);
	json_set_alloc_funcs(S_malloc, free);
}

void
alloc_setup(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, S_setup);
}

void
alloc_on_exhaustion(void (*fn)(void *), void *arg)
{
	pthread_mutex_lock(&S_cleanup_lock);
	S_cleanup = fn;
	S_cleanup_arg = arg;
	pthread_mutex_unlock(&S_cleanup_lock);
}

void
alloc_thread_begin(void)
{
	void *probe;

	/* one thread at a time, so the memory just freed is the state's */
	pthread_mutex_lock(&S_thread_lock);
	if ((probe = malloc(PROBE_SIZE)) == NULL)
		xalloc_die();	/* never returns: the lock does not matter */
	free(probe);
	(void)xmlGetLastError();	/* makes this thread's libxml2 state */
	pthread_mutex_unlock(&S_thread_lock);
}
