/* Fixture of tests/lint.py (not compiled): each function below is 51
 * lines from its "{" line to its "}" line, one over the limit, in the
 * ways a function can be written; blank lines count. */
#include <stddef.h>

int
S_bsd(int n)
{	/* expect: length */
	/* 49 lines in all, this one included */
















































}

int S_knr(int n) {	/* expect: length */
	/* 49 lines in all, this one included */
















































}

static inline int S_attribute(int n) __attribute__((cold)) {	/* expect: length */
	/* 48 lines in all, this one included */















































	return n;
}

static int (*S_returns_pointer(int n))(int) {	/* expect: length */
	/* 48 lines in all, this one included */















































	return NULL;
}

static int S_column0_blocks(int n)
{	/* expect: length */
	if (n > 0)
{
	/* 20 lines in all, this one included */



















}
	/* } a brace in a comment, and one in a literal: */
	const char *close = "}";
	const char brace = '{';
	/* 24 lines in all, this one included */























}

int
S_old_style(n)	/* expect: body */
	int n;
{	/* expect: length */
	/* 49 lines in all, this one included */
















































}

#define BRACE {	/* expect: braces */
static int S_after_macro(int n) { /* a "{" in a directive is not counted */	/* expect: length */
	/* 49 lines in all, this one included */
















































}

static int
S_digraph_close(int n)
{	/* expect: length */
	if (n > 0)
	<%
		n--;
	}
	/* 51 lines from the "{" line to the "}" line */











































	return n;
%>
