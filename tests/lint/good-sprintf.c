/* Fixture of tests/lint.py (not compiled): sprintf in comments and
 * literals, and the sized printf family, are fine. */
#include <stdarg.h>
#include <stdio.h>

/* Never sprintf(buf, ...): snprintf into a buffer of known size. */
static void
S_fill(char *buf, size_t size, const char *fmt, va_list ap)
{
	snprintf(buf, size, "%s", "sprintf(buf)");	// not vsprintf
	vsnprintf(buf, size, fmt, ap);
	(snprintf)(buf, size, "%c", 'x');
}

static const char *S_advice = "sprintf: use arena_printf";
static const char *S_sized = "snprintf";
int S_renamed(char *, size_t, const char *, ...) __asm__("snprintf");
