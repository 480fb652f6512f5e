/* Fixture of tests/lint.py (not compiled): branches of #if that
 * close the braces they open. */
#ifndef GOOD_BRACES
#define GOOD_BRACES
#include <stddef.h>

static int
S_open(const char *path)
{
#ifdef __linux__
	if (path != NULL) {
#if defined(O_PATH)
		return 1;
#else
		return 2;
#endif
	}
#elif 0
	{ return 3; }
#else
	(void)path;
#endif
	return 0;
}

#endif

#define ROW(name) { name, 0 }
#define BLOCK(x) do { (x)++; } while (0)
#define LEFT "{"
