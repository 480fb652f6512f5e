/* Fixture of tests/lint.py (not compiled): branches of #if whose
 * braces do not pair up, so that the lint and the compiler would see
 * different function bodies. */

static int
S_dead(int n)
{
#if 0	/* expect: braces */
}
#endif
	/* 51 lines from the "{" line to the "}" line, as the compiler sees */











































	return n;
}

static int
S_either(int n)
{
#ifdef FAST	/* expect: braces */
	if (n > 0) {
#elif defined(SLOW)	/* expect: braces */
	if (n > 1) {
#else	/* expect: braces */
	if (n > 2) {
#endif
		n--;
	}
	return n;
}

%:if defined(EXTRA)	/* expect: braces */
static int S_extra(void) {
%:endif
	return 0;
}


#define OPEN {	/* expect: braces */
#define CLOSE }	/* expect: braces */
#define THEN(x) if (x) { /* expect: braces */ \
	x++; \
	} }

static int
S_hidden(int n)
{
	if (n > 0) OPEN
		n--;
	}
	return n;
CLOSE

#ifndef CLOSED	/* expect: braces */
static int S_open(void) { return 0; }
