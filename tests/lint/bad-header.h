/* Fixture of tests/lint.py (not compiled): a header breaks the rules
 * as a source does; headers are linted too. */
#ifndef BAD_HEADER_H
#define BAD_HEADER_H
#include <stdio.h>

#define PAGE_HOME_WORD "ホーム"	/* expect: japanese */
#define PAGE_LEVEL_WORD "\u30ec\u30d9\u30eb"	/* expect: japanese */
#define PAGE_FORMAT sprintf	/* expect: sprintf */
#define PAGE_JOIN(a, b) a ## b	/* expect: paste */
#define PAGE_WORD(x) #x

extern int page_ホーム;	/* expect: ascii */

static inline int
page_long(int n)
{	/* expect: length */
	/* 51 lines from the "{" line to the "}" line */
















































}

static inline int page_short(void) PAGE_BODY	/* expect: body */

#endif
