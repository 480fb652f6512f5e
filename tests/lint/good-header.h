/* Fixture of tests/lint.py (not compiled): a header as the rules want
 * it; Japanese only in comments (ホーム). */
#ifndef GOOD_HEADER_H
#define GOOD_HEADER_H
#include <stdarg.h>
#include <stddef.h>

#define PAGE_WORDS_FILE "labels.xml"

/* Returns the home page's title, from the labels file. */
const char *page_home_title(void);
char *page_printf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
int page_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

static inline int
page_short(int n)
{
	/* 50 lines from the "{" line to the "}" line */














































	return n;
}

#endif
