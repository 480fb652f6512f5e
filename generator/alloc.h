/* alloc.h: allocation that cannot fail.
 *
 * The generator has no useful way to go on without memory: these print
 * "skillsite: error: out of memory" and exit with status 3 instead of
 * returning NULL.
 */
#ifndef SKILLSITE_ALLOC_H
#define SKILLSITE_ALLOC_H

#include <stddef.h>

/* Returns n * size bytes of zeroed memory (at least one byte); free with
 * free().  Exits on overflow or exhaustion. */
void	*xcalloc(size_t n, size_t size);

/* Returns p resized to n * size bytes, as realloc() does.  Exits on
 * overflow or exhaustion. */
void	*xreallocarray(void *p, size_t n, size_t size);

/* Reports exhaustion and exits: for allocations made by other means
 * (open_memstream, a library) that failed. */
void	 xalloc_die(void);

/* Returns a malloc'd copy of s. */
char	*xstrdup(const char *s);

#endif
