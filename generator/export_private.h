/* export_private.h: what export.c (the JSON) and export_csv.c (the
 * CSVs) share: the text being made and given out by parts.
 */
#ifndef SKILLSITE_EXPORT_PRIVATE_H
#define SKILLSITE_EXPORT_PRIVATE_H

#include <stddef.h>

#include "export.h"
#include "jsontext.h"		/* struct strbuf */

/* A text being made, given to out (when not NULL) by parts. */
struct text {
	struct strbuf	 b;
	const struct export_out	*out;
	int			 stopped;	/* out stopped */
};

/* Appends the n bytes at s to t. */
void	 text_add(struct text *t, const char *s, size_t n);

/* Appends the NUL-terminated s to t. */
void	 text_puts(struct text *t, const char *s);

/* Gives the text of t to its output and empties t, when t holds at
 * least min bytes (and some).  Returns 0, or -1 once the output
 * stopped. */
int	 text_flush(struct text *t, size_t min);

#endif
