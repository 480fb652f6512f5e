/* grid.h: a spreadsheet as text cells, read back for "import".
 *
 * A CSV file (grid_csv.c) is one sheet named after the file; an xlsx
 * workbook (load_xlsx.c: libzip opens the package, libxml2 reads the
 * sheet XML, under the same limits as content) is one sheet per
 * worksheet, in the workbook's order.  Every string belongs to the
 * grid's arena and is released by grid_free().
 */
#ifndef SKILLSITE_GRID_H
#define SKILLSITE_GRID_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

/* A cell that holds something: its text as the spreadsheet shows it
 * (a number or a formula's cached value as text; a string as stored). */
struct grid_cell {
	unsigned	 row;		/* 1-based, as spreadsheets number rows */
	unsigned	 col;		/* 1-based: 1 is column A */
	const char	*text;		/* UTF-8, never NULL */
};

/* A sheet: its cells in row order, then column order; empty cells are
 * left out. */
struct grid_sheet {
	const char		*name;	/* the worksheet's name; a CSV's: its
					 * file name */
	size_t			 file;	/* diag file number of "PATH" (CSV)
					 * or "PATH[NAME]" (xlsx), marked with
					 * diag_file_cells(): a diagnostic at
					 * a cell prints FILE:ROW:COLUMN, the
					 * column as letters (pos.col 1 = A) */
	struct grid_cell	*cells;
	size_t			 ncells;
};

struct grid {
	struct arena		 arena;
	struct grid_sheet	*sheets;
	size_t			 nsheets;
};

void	 grid_init(struct grid *);
void	 grid_free(struct grid *);

/* Reads the CSV file at path (RFC 4180, UTF-8, a byte order mark
 * allowed, CRLF or LF) into g as one sheet.  Returns 0, or -1 after
 * reporting to d (an I/O error, a broken quote: at its row and column). */
int	 grid_read_csv(struct grid *g, const char *path, struct diag *d);

/* Reads the xlsx workbook at path into g, one sheet per worksheet in
 * workbook order, shared and inline strings resolved.  Refuses (reporting
 * to d, returning -1) a package over the content limits: its size, its
 * number of entries, an entry's uncompressed size and compression ratio,
 * XML nesting depth; a DOCTYPE; a part missing.  Returns 0 otherwise. */
int	 grid_read_xlsx(struct grid *g, const char *path, struct diag *d);

/* Reads the len bytes at buf (the caller's) as grid_read_xlsx() reads a
 * file, reporting to d under the file name name.  Returns 0 or -1. */
int	 grid_parse_xlsx(struct grid *g, const char *name, const char *buf,
	    size_t len, struct diag *d);

/* The largest spreadsheet file read: a download of the framework, CSV
 * or xlsx, spans every content file (a 10,000-page site's framework.csv
 * is 16 MB), so this is more than a content file may be. */
#define GRID_FILE_MAX	(64 * 1024 * 1024)

/* The most cells a sheet may hold (grid_read_csv() refuses more). */
#define GRID_CELLS_MAX	(4 * 1024 * 1024)

/* Parses the len bytes at buf as grid_read_csv() reads a file, as the
 * sheet called name whose diag file number is file (marked as cells by
 * the caller).  Returns 0, or -1 after reporting to d. */
int	 grid_parse_csv(struct grid *g, const char *name, size_t file,
	    const char *buf, size_t len, struct diag *d);

/* Appends a sheet called name (copied), of diag file number file, with
 * the ncells cells at cells (in g's arena, in row then column order),
 * to g and returns it (valid until the next call). */
struct grid_sheet *grid_add_sheet(struct grid *g, const char *name,
	    size_t file, struct grid_cell *cells, size_t ncells);

/* Returns the cell of sheet s at row, col, or NULL when it is empty. */
const struct grid_cell *grid_cell_at(const struct grid_sheet *s,
	    unsigned row, unsigned col);

/* Writes the column letters of 1-based column col ("A", "Z", "AA") to
 * buf (at least 8 bytes) and returns buf. */
char	*grid_col_name(unsigned col, char *buf);

#endif
