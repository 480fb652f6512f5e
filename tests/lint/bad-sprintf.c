/* Fixture of tests/lint.py (not compiled): every sprintf or vsprintf
 * token outside comments and literals is reported. */
#include <stdarg.h>
#include <stdio.h>

#define FORMAT sprintf	/* expect: sprintf */
#define FORMAT_ARGS(...) vsprintf(__VA_ARGS__)	/* expect: sprintf */
#define PASTED(b, x) spr ## intf(b, "%d", x)	/* expect: sprintf */	/* expect: paste */

static int (*pointer)(char *, const char *, ...) = sprintf;	/* expect: sprintf */

static void
S_fill(char *buf, int n, const char *fmt, va_list ap)
{
	sprintf(buf, "%d", n);	/* expect: sprintf */
	(sprintf)(buf, "%d", n);	/* expect: sprintf */
	sprintf	/* expect: sprintf */
	    (buf, "%d", n);
	vsprintf(buf, fmt, ap);	/* expect: sprintf */
	__builtin_sprintf(buf, "%d", n);	/* expect: sprintf */
	__builtin___sprintf_chk(buf, 0, 8, "%d", n);	/* expect: sprintf */
	FORMAT(buf, "%d", n);
}

int S_renamed(char *, const char *, ...) __asm__("sprintf");	/* expect: sprintf */
static int S_weak(char *, const char *, ...)
    __attribute__((weakref("vsprintf")));	/* expect: sprintf */
static const char *S_symbol = "_sprintf";	/* expect: sprintf */
static const char *S_versioned = "sprintf@GLIBC_2.2.5";	/* expect: sprintf */
static const char *S_joined = "spr" "intf";	/* expect: sprintf */
