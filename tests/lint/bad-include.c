/* Fixture of tests/lint.py (not compiled): files pasted in that the
 * lint never reads: a body, words, bytes. */
#include <stdio.h>
#include "words.inc"	/* expect: include */
#include "../content/page.h"	/* expect: include */
#include <words.txt>	/* expect: include */
#define WORDS "words.inc"
#include WORDS	/* expect: include */
#embed "home.txt"	/* expect: include */
#include_next <stdio.h>	/* expect: include */

static int
S_long(void)
{
#include "body.c"	/* expect: include */
}

static const char S_home[] = {
  # include "home.bytes"	/* expect: include */
};
