/* alloc.h: allocation that cannot fail.
 *
 * The generator has no useful way to go on without memory: these print
 * "skillsite: error: out of memory" and end the process with status 3
 * instead of returning NULL.  alloc_setup() gives libxml2 and jansson the
 * same allocators (markdown.c gives cmark its own), so that no library
 * aborts, crashes or half-handles an allocation that failed.  Ending the
 * process before the new site is swapped in leaves the old one as it was;
 * the folder being written is removed on the way out (see
 * alloc_on_exhaustion), as it is when SIGTERM, SIGINT or SIGHUP ends the
 * run.
 */
#ifndef SKILLSITE_ALLOC_H
#define SKILLSITE_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Returns n * size bytes of zeroed memory (at least one byte); free with
 * free().  Exits on overflow or exhaustion. */
void	*xcalloc(size_t n, size_t size);

/* Returns p resized to n * size bytes, as realloc() does.  Exits on
 * overflow or exhaustion. */
void	*xreallocarray(void *p, size_t n, size_t size);

/* Reports exhaustion and ends the process with status 3: for allocations
 * made by other means (open_memstream, a library) that failed.  Safe on
 * any thread, at any moment: the first thread to call it runs the
 * clean-up set by alloc_on_exhaustion(), writes the message and calls
 * _exit(); any other thread calling it waits for that end. */
_Noreturn void xalloc_die(void);

/* Returns whether xalloc_die() is ending the run: a thread about to make
 * files then calls xalloc_die() too, to wait for the end. */
int	 alloc_exhausted(void);

/* A growing string of bytes, NUL-ended; { NULL, 0, 0 } is empty. */
struct strbuf {
	char	*s;		/* malloc'd: the owner frees it */
	size_t	 len, cap;
};

/* Makes room in b for n more bytes and a NUL; b->s is NUL-ended after
 * it. */
void	strbuf_reserve(struct strbuf *b, size_t n);

/* Appends the n bytes at s to b. */
void	strbuf_add(struct strbuf *b, const char *s, size_t n);

/* Returns a malloc'd copy of s. */
char	*xstrdup(const char *s);

/* Returns a malloc'd string formatted as vprintf() would, or NULL when
 * vsnprintf() fails (a result over INT_MAX bytes).  Exits on
 * exhaustion. */
char	*xvasprintf(const char *fmt, va_list ap);

/* Returns a malloc'd string formatted as printf() would.  Exits on
 * exhaustion (and on a result vsnprintf() cannot make). */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/* Returns the file path "dir/name", malloc'd: name alone when dir is ""
 * or ".", one slash between them when dir ends with one. */
char	*xpath_join(const char *dir, const char *name);

/* Sets up, once, before any other work: libxml2's and jansson's
 * allocators, and malloc's arenas under an address-space limit. */
void	 alloc_setup(void);

/* Has xalloc_die(), and SIGTERM, SIGINT or SIGHUP, call fn(arg) before
 * they end the process (NULL: nothing; a thread clearing fn while a signal
 * or xalloc_die() runs it waits for the end instead).  The first fn set
 * installs the signals' handler, which then ends the process by the
 * signal's default action (a signal ignored at start stays ignored).  fn
 * runs once, must use only async-signal-safe calls (no allocation), and
 * must bear other threads still running. */
void	 alloc_on_exhaustion(void (*fn)(void *), void *arg);

/* Prepares a new thread to use the libraries: call first thing on every
 * thread but the main one.  libxml2 gives each thread its state on first
 * use and, if that allocation fails, recurses until the stack is gone;
 * here it is made while memory is known to be there, or the run ends
 * with "out of memory". */
void	 alloc_thread_begin(void);

#endif
