/* Fixture of tests/lint.py (not compiled): token pasting, which spells
 * a name (sprintf) from pieces that no rule sees. */
#include <stdio.h>

#define P(a, b) a ## b	/* expect: paste */
#define Q(a, b) a%:%:b	/* expect: paste */
%:define R(a, b) a %:%: b	/* expect: paste */
#define NAME(x) S_ ##x	/* expect: paste */

static void
S_fill(char *buf, int n)
{
	P(spr, intf)(buf, "%d", n);
	Q(spr, intf)(buf, "%d", n);
}
