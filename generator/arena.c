/* arena.c: region allocator; see arena.h. */
#include "arena.h"

#include "alloc.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_SIZE (64 * 1024)

struct arena_block {
	struct arena_block	*next;
	size_t			 used;
	size_t			 size;
	alignas(max_align_t) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

/* Returns a new block with room for at least size bytes, linked as head. */
static struct arena_block *
S_block_new(struct arena *a, size_t size)
{
	struct arena_block *b;

	if (size < ARENA_BLOCK_SIZE)
		size = ARENA_BLOCK_SIZE;
	if (size > SIZE_MAX - sizeof(*b))
		size = SIZE_MAX;	/* xreallocarray() refuses it */
	else
		size += sizeof(*b);
	b = xreallocarray(NULL, size, 1);
	size -= sizeof(*b);
	b->next = a->head;
	b->used = 0;
	b->size = size;
	a->head = b;
	return b;
}

/* Returns n * size bytes from a's head block (a new block when they do not
 * fit), aligned for any type and not cleared; a owns them. */
static void *
S_alloc(struct arena *a, size_t n, size_t size)
{
	const size_t align = alignof(max_align_t);
	struct arena_block *b = a->head;
	size_t total, start;

	if (size != 0 && n > (SIZE_MAX - align) / size)
		total = SIZE_MAX;	/* xreallocarray() refuses it */
	else
		total = n * size;
	if (total == 0)
		total = 1;
	start = b == NULL ? 0 : (b->used + align - 1) / align * align;
	if (b == NULL || start > b->size || b->size - start < total) {
		b = S_block_new(a, total);
		start = 0;
	}
	b->used = start + total;
	return b->data + start;
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	void *p = S_alloc(a, n, size);	/* dies when n * size overflows */

	return memset(p, 0, n * size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = S_alloc(a, len + 1, 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* Formats into a short stack buffer first, so that the common short string
 * costs one vsnprintf() and no malloc(); a longer one is formatted again
 * straight into the arena. */
char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	char buf[256], *kept;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_die();	/* no string of ours is near INT_MAX */
	if ((size_t)n < sizeof(buf))
		return arena_strndup(a, buf, (size_t)n);
	kept = S_alloc(a, (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(kept, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return kept;
}
