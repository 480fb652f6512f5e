/* arena.h: a region allocator that owns every string and array of a model.
 *
 * Everything allocated from an arena lives until arena_free() releases it all
 * at once, so loaders never free piecemeal and a half-built model never leaks.
 */
#ifndef SKILLSITE_ARENA_H
#define SKILLSITE_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;	/* newest block first */
};

void	 arena_init(struct arena *);
void	 arena_free(struct arena *);

/* Returns zeroed storage for n objects of size bytes, aligned for any type.
 * Aborts the process on overflow or when memory is exhausted. */
void	*arena_calloc(struct arena *, size_t n, size_t size);

/* Returns a NUL-terminated copy of the len bytes at s. */
char	*arena_strndup(struct arena *, const char *s, size_t len);

/* Returns a NUL-terminated copy of s. */
char	*arena_strdup(struct arena *, const char *s);

/* Returns a string in a formatted as printf() would. */
char	*arena_printf(struct arena *a, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
