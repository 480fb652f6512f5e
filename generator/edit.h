/* edit.h: texts of a content file replaced in place, every other byte
 * kept (comments, indentation, attribute quoting, the XML declaration),
 * for "import" (import.h).
 *
 * An edit names an element by the position of its start tag, as the
 * model keeps it (struct pos), or a child element of it by name (a
 * skill's <name>), and the text its content is to read as once loaded:
 * a one-line field trimmed, a Markdown field dedented (text.h).  The
 * new content is escaped by libxml2 and laid out as the old: its
 * leading and trailing white space kept, a Markdown text's lines
 * indented as its first line is.  Only the loader sees libxml2 trees:
 * edit_apply() lives with it (load_edit.c).
 */
#ifndef SKILLSITE_EDIT_H
#define SKILLSITE_EDIT_H

#include <stddef.h>

#include "diag.h"

struct edit {
	struct pos	 at;		/* the element's start tag */
	const char	*child;		/* NULL: the element; else the name of
					 * its first child element replaced */
	const char	*text;		/* the new text, as the loader reads it */
	const char	*old;		/* the text it replaces, as read */
	int		 markdown;	/* a Markdown field: lines indented */
	struct pos	 cell;		/* where the new text came from */
	/* Set by edit_apply(): the replaced element in the new bytes, from
	 * its start tag to the end of its content. */
	struct pos	 from, to;
};

/* Applies the n edits at edits, all of the file numbered file whose len
 * bytes are at buf, and checks that each replaced element reads back,
 * loaded from the new bytes, as its edit's text.  Returns the new bytes
 * (malloc'd, NUL-terminated, *newlen of them), or NULL after reporting
 * to d at the edit's cell what cannot be edited in place: an element
 * not found, one holding a comment or markup, an empty one. */
char	*edit_apply(const char *buf, size_t len, size_t file,
	    struct edit *const *edits, size_t n, struct diag *d,
	    size_t *newlen);

#endif
