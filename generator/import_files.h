/* import_files.h: the content files of an import, as read, edited,
 * checked and written (import_files.c).
 */
#ifndef SKILLSITE_IMPORT_FILES_H
#define SKILLSITE_IMPORT_FILES_H

#include <sys/types.h>

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "edit.h"
#include "model.h"

struct stat;

/* A content file: its bytes as read and, once edited, as they become. */
struct import_file {
	char		*path;
	size_t		 file;		/* its number in the diag */
	mode_t		 mode;
	char		*buf;		/* as read */
	size_t		 len;
	char		*newbuf;	/* edited, or NULL */
	size_t		 newlen;
	size_t		 check;		/* its number in the check's load */
	struct edit	**edits;	/* its edits, in order; malloc'd */
	size_t		 nedits;
};

struct import_files {
	struct model		*model;		/* what the files join */
	struct import_file	*v;
	size_t			 n, cap;
};

/* Keeps a copy of the content file path, numbered file, of status st,
 * whose len bytes are at buf. */
void	import_files_add(struct import_files *fs, const char *path,
	    size_t file, const struct stat *st, const char *buf, size_t len);
void	import_files_free(struct import_files *fs);

/* Applies the n edits at edits to the files they name (edit.h).
 * Returns 0, or -1 after reporting to d. */
int	import_files_apply(struct import_files *fs, struct edit *edits,
	    size_t n, struct diag *d);

/* Loads every file, the edited ones as edited, into a model of its own
 * and checks it as "check" does; an error inside an edited text is
 * moved to the cell it came from.  Returns 0, or -1 when errors were
 * reported to d. */
int	import_files_check(struct import_files *fs, struct diag *d);

/* Prints each edit to out as a diff of texts: where (the file's line,
 * the cell), the old text's lines after "-", the new text's after "+". */
void	import_files_print(const struct import_files *fs,
	    const struct diag *d, FILE *out);

/* Writes each edited file atomically: every new file is written beside
 * its old one and flushed first (a file that no longer holds the bytes
 * read, saved meanwhile by an editor, is refused), then each is renamed
 * over it, keeping its mode.  Returns 0, or -1 after reporting to d, nothing changed
 * (unless a rename itself fails). */
int	import_files_write(struct import_files *fs, struct diag *d);

#endif
