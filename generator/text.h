/* text.h: plain-text helpers for content fields (no XML, no Markdown
 * rendering): trimming, removing XML indentation, measuring nesting.
 */
#ifndef SKILLSITE_TEXT_H
#define SKILLSITE_TEXT_H

#include <stddef.h>

#include "arena.h"

#define MARKDOWN_SIZE_MAX	(16 * 1024)	/* bytes per Markdown field */
#define MARKDOWN_DEPTH_MAX	16		/* nested blocks or brackets */
#define LINE_SIZE_MAX		1024		/* bytes per one-line field */
/* Text that every specialty's pages repeat, bounded so that the site
 * grows with the content by a small factor: a skill's knowledge items
 * (how many) and their bytes with its editorial notes' (on each
 * specialty's page of the skill, in each handbook and CSV row), and the
 * bytes of a job type's annotation and editorial notes (in each
 * handbook). */
#define SKILL_ITEMS_MAX		64
#define SKILL_SHARED_MAX	(8 * 1024)
#define JOBTYPE_SHARED_MAX	(32 * 1024)

/* Returns whether c is XML white space (space, tab, CR, LF). */
int	 text_is_space(int c);

/* Returns a copy of s without leading and trailing white space; sets
 * *has_break when the remaining text contains a line break. */
char	*text_trim(struct arena *, const char *s, int *has_break);

/* Returns a copy of s as Markdown: the indentation that XML nesting adds is
 * removed (the longest run of spaces and tabs shared by every non-blank
 * line), as are blank lines before and after the text and white space at
 * the end of lines.  Returns "" for blank text. */
char	*text_dedent(struct arena *, const char *s);

/* Returns how deeply the Markdown text s nests: block quotes, list items
 * and indentation at the start of a line, or open brackets within it,
 * whichever is deepest.  An upper bound, cheap to compute before the text
 * reaches a Markdown parser. */
int	 text_markdown_depth(const char *s);

/* Returns the number of characters (UTF-8 code points) in the n bytes at s. */
size_t	 text_utf8_count(const char *s, size_t n);

#endif
