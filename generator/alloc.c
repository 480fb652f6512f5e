/* alloc.c: allocation that cannot fail; see alloc.h. */
#include "alloc.h"

#include <pthread.h>
#include <stdarg.h>
#include <signal.h>
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

/* The signals that end a run with the clean-up (see alloc_on_exhaustion) */
static const int	 S_signals[] = { SIGTERM, SIGINT, SIGHUP };

static atomic_int	 S_dying;		/* the run is ending */
static pthread_mutex_t	 S_thread_lock = PTHREAD_MUTEX_INITIALIZER;
/* The clean-up: whoever takes it from S_cleanup (atomic_exchange) runs it,
 * once; S_cleanup_arg is set before it and stays until it is taken. */
static void		(*_Atomic S_cleanup)(void *);
static void		*_Atomic S_cleanup_arg;

/* Takes the clean-up and runs it, if one is set and no one took it:
 * async-signal-safe. */
static void
S_run_cleanup(void)
{
	void (*fn)(void *) = atomic_exchange(&S_cleanup, NULL);

	if (fn != NULL)
		fn(atomic_load(&S_cleanup_arg));
}

/* Blocks S_signals in this thread (async-signal-safe), so that a thread
 * ending the run is not interrupted by their handler. */
static void
S_block_signals(void)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(S_signals) / sizeof(*S_signals); i++)
		sigaddset(&set, S_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
}

/* The handler of S_signals: runs the clean-up (removing the new folder;
 * the live site is untouched), then ends the process by the signal's
 * default action, so its status says which signal killed it.  Only
 * async-signal-safe calls.  Another thread already ending the run (out
 * of memory, another signal) is left to end it. */
static void
S_on_signal(int sig)
{
	struct sigaction dfl;
	sigset_t set;

	if (atomic_exchange(&S_dying, 1))
		for (;;)
			pause();
	S_run_cleanup();
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);	/* not reached */
}

/* Installs S_on_signal() for S_signals, once; a signal ignored when the
 * run began (nohup) stays ignored. */
static void
S_catch_signals(void)
{
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = S_on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(S_signals) / sizeof(*S_signals); i++)
		sigaddset(&sa.sa_mask, S_signals[i]);
	for (i = 0; i < sizeof(S_signals) / sizeof(*S_signals); i++)
		if (sigaction(S_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(S_signals[i], &sa, NULL);
}

_Noreturn void
xalloc_die(void)
{
	static const char msg[] = "skillsite: error: out of memory\n";
	ssize_t written;

	S_block_signals();	/* this thread ends the run, or waits */
	if (atomic_exchange(&S_dying, 1))
		for (;;)
			pause();	/* another thread is ending the run */
	S_run_cleanup();
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

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return NULL;
	s = xreallocarray(NULL, (size_t)n + 1, 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	if (s == NULL)
		xalloc_die();	/* no string of ours is near INT_MAX */
	return s;
}

char *
xpath_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n == 0 || strcmp(dir, ".") == 0)
		return xstrdup(name);
	return xasprintf("%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", name);
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
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	if (fn != NULL) {
		pthread_once(&once, S_catch_signals);
		atomic_store(&S_cleanup_arg, arg);
		atomic_store(&S_cleanup, fn);
		return;
	}
	/* taken meanwhile: a signal or xalloc_die() is ending the run with
	 * it, and this thread must not go on to touch what it removes */
	if (atomic_exchange(&S_cleanup, NULL) == NULL &&
	    atomic_load(&S_dying))
		for (;;)
			pause();
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

void
strbuf_reserve(struct strbuf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 256;

	if (b->len + n + 1 <= b->cap)
		return;
	while (b->len + n + 1 > cap)
		cap *= 2;
	b->s = xreallocarray(b->s, cap, 1);
	b->s[b->len] = '\0';	/* NUL-ended from its first allocation */
	b->cap = cap;
}

void
strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	strbuf_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}
