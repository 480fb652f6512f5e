/* Fixture of tests/lint.py (not compiled): function bodies that a
 * macro supplies, so that no "{" of the function stands in the file,
 * and a macro that defines a whole function. */
#define BODY { /* expect: length */ \
	/* 61 lines from the "{" line to the "}" line */ \
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	return 1; \
}
#define SHORT { return 0; }
#define BODY_OF(x) { return (x); }
#define DEFINE(name) int name(void) { return 0; }
#define ATTR(n) __attribute__((cold))
#define OPEN {	/* expect: braces */
#define CLOSE }	/* expect: braces */

int S_long(void) BODY	/* expect: body */

static int
S_short(void)	/* expect: body */
SHORT

static int S_call(int x) BODY_OF(x)	/* expect: body */
int S_separate;

DEFINE(S_whole)	/* expect: body */
static int S_attr(void) ATTR(1) SHORT	/* expect: body */

int S_open(void) OPEN return 0; CLOSE	/* expect: body */

int S_last(void) BODY	/* expect: body */
