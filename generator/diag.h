/* diag.h: the one way skillsite reports problems.
 *
 * Every message comes from one catalogue, ordered by severity, and is printed
 * in one format:
 *
 *	skillsite: FILE:LINE:COL: error: MESSAGE: DETAIL
 *
 * Messages are collected during a run and printed by diag_flush() sorted by
 * file (in the order the files were registered), line and column, so the
 * order never depends on which pass found a problem.  At most
 * DIAG_SHOW_MAX errors and as many notices are printed, the first in that
 * order; a line counts the rest.  File names and text
 * from content are printed on one line, so no input can forge a diagnostic
 * or reach the terminal as a command: controls (C0, DEL, C1), U+2028,
 * U+2029 and invisible formatting characters (Cf, bidi controls among
 * them) become \xHH (ASCII), \uXXXX or \UXXXXXXXX escapes, bytes that are
 * not UTF-8 \xHH escapes; a run of line breaks in an editorial note or
 * libxml2's words prints as one space.  The exit status is the worst
 * severity seen.
 */
#ifndef SKILLSITE_DIAG_H
#define SKILLSITE_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define DIAG_SHOW_MAX	100	/* messages printed per class */

/* Exit statuses of the skillsite command. */
enum exit_status {
	EXIT_OK = 0,		/* everything loaded and checked */
	EXIT_CONTENT = 1,	/* the content was rejected */
	EXIT_USAGE = 2,		/* the command line was wrong */
	EXIT_IO = 3		/* a file could not be read or written */
};

/* The message catalogue, ordered by severity. */
enum msg {
	/* notices and warnings: reported, never fatal */
	MSG_EDITORIAL_NOTE,
	MSG_XML_WARNING,
	MSG_PDF_NOTE,		/* what WeasyPrint said, the PDF made */

	/* content errors: exit status 1 */
	MSG_CONTENT_FIRST,
	MSG_XML = MSG_CONTENT_FIRST,
	MSG_SCHEMA,
	MSG_DOCTYPE,
	MSG_ENCODING,
	MSG_COMPRESSED,
	MSG_ATTRIBUTES,
	MSG_ATTR_MISSING,
	MSG_ATTR_UNKNOWN,
	MSG_ATTR_VALUE,
	MSG_ELEM_MISSING,
	MSG_NUMBER,
	MSG_TEXT_EMPTY,
	MSG_TEXT_LINEBREAK,
	MSG_TEXT_BIDI,
	MSG_TEXT_SIZE,
	MSG_MARKDOWN_SIZE,
	MSG_MARKDOWN_DEPTH,
	MSG_MARKDOWN_URL,
	MSG_MARKDOWN_HTML,
	MSG_MARKDOWN_CHAR,
	MSG_ID_RESERVED,
	MSG_ID_PATTERN,
	MSG_ID_DUPLICATE,
	MSG_ID_CASE,
	MSG_ID_SHARED,
	MSG_ID_MAP,
	MSG_ID_HANDBOOK,
	MSG_NAME_BREACH,
	MSG_FRAMEWORK_DUPLICATE,
	MSG_JOBTYPE_NUMBER,
	MSG_LEVEL_RANGE,
	MSG_LEVEL_BOUNDS,
	MSG_LEVEL_OUTSIDE,
	MSG_LEVEL_DUPLICATE,
	MSG_LEVEL_MISSING,
	MSG_ENTRY_EMPTY,
	MSG_SKILL_UNKNOWN,
	MSG_SKILL_TWICE,
	MSG_SKILL_UNUSED,
	MSG_COMMON_MISSING,
	MSG_KNOWLEDGE_DUPLICATE,
	MSG_SHARED_SIZE,
	MSG_TAILOR_BASE,
	MSG_SPECIALTY_UNKNOWN,
	MSG_SKILL_NOT_LISTED,
	MSG_LEVEL_UNDESCRIBED,
	MSG_TAILOR_TWICE,
	MSG_TAILOR_HIDDEN,
	MSG_SPREADSHEET,	/* a workbook import cannot read */
	MSG_SHEET_QUOTE,	/* import: the spreadsheet's own problems */
	MSG_SHEET_CELLS,
	MSG_SHEET_ENCODING,
	MSG_SHEET_COLUMN,
	MSG_SHEET_COLUMN_MISSING,
	MSG_SHEET_TWICE,
	MSG_IMPORT_UNKNOWN,	/* import: what a cell says */
	MSG_IMPORT_LEVEL,
	MSG_IMPORT_CONFLICT,
	MSG_IMPORT_FIXED,
	MSG_IMPORT_ROW_MISSING,
	MSG_IMPORT_ITEMS,
	MSG_IMPORT_MARKUP,
	MSG_IMPORT_EMPTY_LEVEL,
	MSG_IMPORT_EMPTIED,

	/* input, output and internal errors: exit status 3 */
	MSG_IO_FIRST,
	MSG_IO_OPEN = MSG_IO_FIRST,
	MSG_IO_READ,
	MSG_IO_NOT_FILE,
	MSG_IO_TOO_LARGE,
	MSG_IO_NO_CONTENT,
	MSG_IO_WRITE,
	MSG_IO_IMPORT,
	MSG_PDF,
	MSG_PDF_SAID,		/* what WeasyPrint said, failing */
	MSG_INTERNAL,
	MSG_TEMPLATE,
	MSG__COUNT
};

/* A place in a source file: the number diag_add_file() gave the file,
 * 1-based line and column (column counted in characters).  Line 0 means
 * "the file as a whole". */
struct pos {
	size_t	file;
	int	line;
	int	col;
};

struct diag_item;

/* The diagnostics of one run.  Owns its collected messages and the paths
 * of the source files they name. */
struct diag {
	FILE			*out;
	struct diag_item	*items;
	size_t			 nitems;
	size_t			 capitems;
	size_t			 hidden[2];	/* over the cap: notices, errors */
	size_t			 nerrors;	/* errors recorded, shown or not */
	size_t			 seq;		/* messages recorded */
	enum exit_status	 worst;
	char			**files;	/* registered source paths */
	unsigned char		*cells;		/* per file: its positions are
						 * cells (diag_file_cells()) */
	size_t			 nfiles;
	size_t			 capfiles;
	size_t			 file_base;	/* the number of files[0] */
	const struct diag	*parent;	/* of a diag_fork() */
};

void	diag_init(struct diag *, FILE *out);

/* Frees the messages and the registered files of d. */
void	diag_free(struct diag *);

/* Prepares part to collect the messages of one piece of work that runs
 * on a thread while whole waits (par.c): part sees whole's files, and
 * numbers the files it registers after them.  whole must register no
 * file until part is merged into it. */
void	diag_fork(struct diag *part, const struct diag *whole);

/* Moves every message of from into into, after into's own, as if they
 * had been reported there in from's order; the files from registered
 * join into's, renumbered after into's own, and its messages with them;
 * from is left empty.  Lets threads report, and register files, into
 * diags of their own, merged in a fixed order: the numbers and the
 * messages are the same whatever the threads. */
void	diag_merge(struct diag *into, struct diag *from);

/* Registers the source file path (copied) for the positions of messages
 * and returns its number (struct pos file), the next in the order of
 * registration.  A path registered twice gets two numbers. */
size_t	diag_add_file(struct diag *, const char *path);

/* Marks the registered file numbered file (one of d's own) as a sheet
 * whose positions are cells: its messages print FILE:ROW:COLUMN, the
 * column as letters (pos.line is the row, pos.col 1 is column A). */
void	diag_file_cells(struct diag *, size_t file);

/* Writes the letters of 1-based spreadsheet column col ("A", "Z", "AA")
 * to buf (at least 8 bytes) and returns buf. */
char	*diag_column_letters(unsigned col, char *buf);

/* Calls fn with the position of each message d holds (not yet flushed),
 * which fn may change: moves messages found in a file made for a check
 * to where the text came from. */
void	diag_each_position(struct diag *, void (*fn)(void *ctx,
	    struct pos *p), void *ctx);

/* Returns the number of files d knows: its own and, after diag_fork(),
 * the whole's; numbers run from 0 to this minus 1. */
size_t	diag_nfiles(const struct diag *);

/* Returns the path registered as number file, or "?" when none is. */
const char *diag_file(const struct diag *, size_t file);

/* Records message m at pos (NULL: no position).  fmt, if not NULL, formats
 * the detail printed after the message.  A secondary message is dropped
 * when another error is reported at the same position: it marks a generic
 * validator complaint that a precise check explains better. */
void	diag_msg(struct diag *, enum msg m, const struct pos *pos,
	    const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
void	diag_secondary(struct diag *, enum msg m, const struct pos *pos,
	    const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
void	diag_vmsg(struct diag *, enum msg m, const struct pos *pos, int secondary,
	    const char *fmt, va_list);

/* Prints "skillsite: error: MESSAGE" at once, for problems with no file. */
void	diag_plain(FILE *out, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Prints "skillsite: KIND: MESSAGE" at once, KIND "warning" or
 * "notice": what a run wants known and goes on after. */
void	diag_plain_as(FILE *out, const char *kind, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* Returns a malloc'd copy of s escaped as diagnostics print file names,
 * for other output that names files. */
char	*diag_escape(const char *s);

/* Sorts, prints and forgets the collected messages, naming each file by
 * its registered path; the files stay registered.  Returns 0, or -1 when
 * writing failed. */
int	diag_flush(struct diag *);

/* Returns the exit status for the worst message recorded so far. */
enum exit_status diag_status(const struct diag *);

/* Returns the number of errors (not notices) recorded so far. */
size_t	diag_errors(const struct diag *);

/* Returns how many messages of any kind d has recorded. */
size_t	diag_reported(const struct diag *);

/* Returns whether d holds a message at a position in the file numbered
 * file, or has hidden messages over the cap (one of them may be): not
 * yet printed by diag_flush(). */
int	diag_reported_in(const struct diag *, size_t file);

#endif
