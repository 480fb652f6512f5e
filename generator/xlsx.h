/* xlsx.h: what the site's Excel workbooks share (libxlsxwriter).
 *
 * A workbook module (xlsx_framework.c, the assessment's) opens a
 * workbook with xlsx_open(), adds its sheets with xlsx_add_sheet() and
 * writes cells with the shared formats (struct xlsx_formats), sets each
 * sheet's printing with xlsx_print_setup(), then hands the bytes to the
 * site's sink with xlsx_put().  libxlsxwriter 1.1.4 writes only to a
 * file: the workbook goes to a temporary file under $TMPDIR or /tmp,
 * removed as soon as it is made and written through /proc/self/fd, and
 * libxlsxwriter removes each of its scratch files there as soon as it
 * makes it: a killed build leaves nothing behind, but for a kill that
 * falls between a file's making and its removal.  The bytes depend only on
 * what is written: the document's times are fixed (XLSX_CREATED), and
 * libxlsxwriter dates the package's entries 1980-01-01.  Not in
 * libxlsxwriter's constant memory mode, which keeps a file open per
 * sheet (a framework of thousands of specialties would run out of file
 * descriptors): cells may be written in any order.
 */
#ifndef SKILLSITE_XLSX_H
#define SKILLSITE_XLSX_H

#include <stddef.h>
#include <time.h>

#include <xlsxwriter.h>

#include "diag.h"
#include "sink.h"

/* The creation time every workbook states: 2000-01-01T00:00:00Z, so
 * that two builds give the same bytes. */
#define XLSX_CREATED		((time_t)946684800)

/* The most characters (code points) of an Excel sheet name. */
#define XLSX_SHEET_NAME_MAX	31

/* Excel's tallest row, in points. */
#define XLSX_ROW_MAX_POINTS	409.0

/* The size of the body text, in points, and of the small keys. */
#define XLSX_FONT_POINTS	10.0
#define XLSX_KEY_POINTS		8.0

/* The shared formats, all in the workbook's font; every one of them
 * (but link) wraps its text and aligns it to the top. */
struct xlsx_formats {
	lxw_format	*title;		/* a sheet's title: bold, larger */
	lxw_format	*header;	/* a table's header: bold, shaded, boxed */
	lxw_format	*cell;		/* a table's cell: boxed */
	lxw_format	*key;		/* an ID: small, grey, boxed */
	lxw_format	*plain;		/* text outside tables */
	lxw_format	*link;		/* an internal hyperlink */
};

/* The sheet names given so far in one workbook (xlsx_sheet_name()). */
struct xlsx_names {
	char	**v;		/* malloc'd */
	char	**folded;	/* each case-folded, malloc'd */
	size_t	  n;
};

/* A workbook being made. */
struct xlsx {
	lxw_workbook		*wb;
	struct xlsx_formats	 f;
	struct xlsx_names	 names;
	int			 fd;	/* the workbook's file, open */
	char			*file;	/* its name for libxlsxwriter:
					 * /proc/self/fd/N, or the file's
					 * own (malloc'd) */
	char			*named;	/* file when the file has a name
					 * to remove at the end, or NULL */
	const char		*font;	/* xlsx_open()'s */
};

/* Opens a workbook with the document title and subject given (author
 * "skillsite", created XLSX_CREATED) whose formats set text in font
 * (a family name both Excel and LibreOffice know, from labels.xml).
 * Returns it, or NULL after reporting to d (MSG_IO_WRITE).  End it with
 * xlsx_put() or xlsx_discard(). */
struct xlsx	*xlsx_open(const char *title, const char *subject,
		    const char *font, struct diag *d);

/* Adds the sheet name, which xlsx_sheet_name(&x->names, ...) made, to
 * x (a module may name every sheet first, so that some keep their names,
 * then add them in its order); returns it (libxlsxwriter's, freed with
 * the workbook), or NULL when libxlsxwriter refuses. */
lxw_worksheet	*xlsx_add_sheet(struct xlsx *x, const char *name);

/* Returns a valid Excel sheet name made from name and records it in
 * names: name's characters but []:*?/\ and controls (each replaced by
 * "_"), an apostrophe at an edge dropped, cut to XLSX_SHEET_NAME_MAX
 * characters, "_" when nothing is left, then, while it equals an
 * earlier one regardless of case, cut further to end in " (2)",
 * " (3)", ...  The name lives as long as names (free with
 * xlsx_names_free()). */
const char	*xlsx_sheet_name(struct xlsx_names *names, const char *name);
void		 xlsx_names_free(struct xlsx_names *names);

/* Returns the height in points of a row whose tallest cell holds text
 * wrapped in a column width wide (Excel's units) at size points: its
 * lines, each wrapped, times the line's height, at most
 * XLSX_ROW_MAX_POINTS, at least one line. */
double		 xlsx_row_height(const char *text, double width,
		    double points);

/* Sets ws's print header, naming left (the workbook, may be NULL) and
 * the sheet, and its footer "page / pages", both in font. */
void		 xlsx_print_header(lxw_worksheet *ws, const char *font,
		    const char *left);

/* Sets ws to print on A4 landscape paper, 1 page wide, rows first_row
 * to last_row repeated atop every page, with a header naming left (the
 * workbook, may be NULL) and the sheet, and a footer "page / pages",
 * in font.  Tables print their cells' borders (no gridlines). */
void		 xlsx_print_setup(lxw_worksheet *ws, const char *font,
		    const char *left, int first_row, int last_row);

/* Writes text (NULL: nothing) to row, col of ws as a string in format
 * f: never a formula or a number, whatever it starts with. */
void		 xlsx_text(lxw_worksheet *ws, int row, int col,
		    const char *text, lxw_format *f);

/* Closes x's workbook (libxlsxwriter prints its own messages on
 * stderr: run it in xlsx_in_child(), which silences them), frees x
 * and its file, and returns the workbook's bytes, malloc'd (the caller
 * frees them), setting *len; or NULL after reporting to d, naming the
 * workbook what. */
char		*xlsx_bytes(struct xlsx *x, const char *what, size_t *len,
		    struct diag *d);

/* Closes x's workbook as xlsx_bytes() does, gives its bytes to sink as
 * site path path (SINK_DOWNLOAD) and frees x and its file.
 * Returns 0, or -1 after reporting to d or when the sink stopped. */
int		 xlsx_put(struct xlsx *x, struct site_sink *sink,
		    const char *path, struct diag *d);

/* Frees x unwritten, and its file. */
void		 xlsx_discard(struct xlsx *x);

/* Makes a workbook: returns its bytes, malloc'd, and sets *len, or
 * returns NULL after reporting to d. */
typedef char	*xlsx_make_fn(void *ctx, size_t *len, struct diag *d);

/* Runs make(ctx), under a limit on memory in a forked child process
 * (xlsx_child.c), its stderr silenced, and returns the bytes it made, malloc'd, setting *len; or
 * NULL after reporting to d, naming the workbook what, when the child
 * failed or died (libxlsxwriter out of memory). */
char		*xlsx_in_child(xlsx_make_fn *make, void *ctx, const char *what,
		    size_t *len, struct diag *d);

/* Returns whether this process is a child xlsx_in_child() forked. */
int		 xlsx_child_process(void);

#endif
