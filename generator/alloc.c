/* alloc.c: allocation that cannot fail; see alloc.h. */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

void
xalloc_die(void)
{
	fputs("skillsite: error: out of memory\n", stderr);
	exit(EXIT_IO);
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
