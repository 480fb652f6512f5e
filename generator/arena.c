/* arena.c: region allocator; see arena.h. */
#include "arena.h"

#include "alloc.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
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

void *
arena_calloc(struct arena *a, size_t n, size_t size)
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
	return memset(b->data + start, 0, total);
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_calloc(a, len + 1, 1);

	memcpy(p, s, len);
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *s, *kept;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	if (s == NULL)
		xalloc_die();	/* no string of ours is near INT_MAX */
	kept = arena_strdup(a, s);
	free(s);
	return kept;
}
