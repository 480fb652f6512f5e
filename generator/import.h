/* import.h: a download's spreadsheet, edited in Excel or LibreOffice,
 * read back as edits of the content files (the "import" command).
 *
 * The sheet's cells are read by the download's own layout (import_csv.c
 * for framework.csv) and each cell that carries a text of the model is
 * observed: the element the text came from (edit.h: its start tag's
 * position, or a child of it), the text as the model has it and as the
 * cell has it, normalised as the loader normalises (a one-line field
 * trimmed, a Markdown field dedented), so that an unedited download
 * changes nothing.  A text shown in many cells (a skill's name on every
 * row of it) changes when some cells change it; two different changes
 * are an error at each cell.  What names nothing in the model, a changed
 * ID or derived cell, a row added or missing is an error at its cell.
 * Strings belong to the import's arena.
 */
#ifndef SKILLSITE_IMPORT_H
#define SKILLSITE_IMPORT_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "edit.h"
#include "grid.h"
#include "labels.h"
#include "model.h"

struct import_obs;

struct import {
	const struct model	*m;
	struct diag		*d;
	struct arena		 arena;
	struct import_obs	*obs;		/* malloc'd */
	size_t			 nobs, capobs;
	struct edit		*edits;		/* by import_edits() */
	size_t			 nedits;
};

/* Prepares im to read sheets against m (resolved, tailored), reporting
 * to d. */
void	import_init(struct import *im, const struct model *m, struct diag *d);
void	import_free(struct import *im);

/* Observes that the cell at cell holds cell_text (as the sheet has it:
 * the caller has taken off a CSV's formula guard) for the field at at
 * (child: NULL, or the name of the child element holding it), whose
 * text the model has as old (NULL: none), a Markdown field when
 * markdown is set. */
void	import_observe(struct import *im, const struct pos *at,
	    const char *child, int markdown, const char *old,
	    const char *cell_text, const struct pos *cell);

/* Returns the position of the element holding the name of skill k and
 * sets *child to the name of the child element holding it: the rename
 * of a renamed skill, else the skill's own <name>. */
struct pos	import_skill_name_at(const struct skill *k,
		    const char **child);

/* Observes the knowledge items a cell lists, one a line: the n items of
 * the skill in v whose from is the standard's.  A different number is
 * an error at the cell. */
void	import_observe_items(struct import *im, const struct knowledge *v,
	    size_t n, const char *cell_text, const struct pos *cell);

/* A row of a sheet known by some of its cells (key: joined by unit
 * separators, in the import's arena), and how many rows with the same
 * key come before it. */
struct import_keyed {
	const char	*key;
	unsigned	 row;
	unsigned	 occurrence;
	int		 seen;
};

/* Returns the rows of sheet s from row first on (malloc'd, *n of them),
 * each keyed by its cells in the ncols columns cols (grid numbers; 0:
 * none, an empty cell), sorted by key, then row, with their
 * occurrence. */
struct import_keyed *import_keyed_rows(struct import *im,
	    const struct grid_sheet *s, unsigned first, const unsigned *cols,
	    size_t ncols, size_t *n);

/* Returns the row of v (n, sorted) with key and occurrence, or NULL. */
struct import_keyed *import_keyed_find(struct import_keyed *v, size_t n,
	    const char *key, unsigned occurrence);

/* The job type of m called id, the specialty of jt called id and the
 * entry of sp for skill id (its skill resolved), or NULL; NULL jt and
 * sp name nothing. */
const struct jobtype	*import_jobtype(const struct model *m,
			    const char *id);
const struct specialty	*import_specialty(const struct jobtype *jt,
			    const char *id);
const struct entry	*import_entry(const struct specialty *sp,
			    const char *id);

/* Turns the observations into im->edits, one per changed field, sorted
 * by file and position; reports each field changed in two different
 * ways at each cell.  Returns the number of edits. */
size_t	import_edits(struct import *im);

/* The most columns a CSV download has. */
#define IMPORT_COLUMNS_MAX	32

/* A CSV sheet read by its header (import_layout.c): the sheet column of
 * each of the download's columns (0: absent). */
struct import_layout {
	const struct grid_sheet	*s;
	unsigned		 col[IMPORT_COLUMNS_MAX];
};

/* A kind of CSV download: its header (labels.xml's comma-separated
 * column names), the columns that say which row it is (in the order of
 * a row's key; the sheet must have them), those the XML alone says (no
 * edit may change them), what observes a row found in the download
 * (occurrence: how many rows with its IDs come before it), and what
 * reports a row the download does not have. */
struct import_kind {
	const char	*header;
	const int	*ids;
	size_t		 nids;
	const int	*fixed;
	size_t		 nfixed;
	void		(*row)(struct import *im, const struct import_layout *L,
			    unsigned row, unsigned occurrence);
	void		(*unknown)(struct import *im,
			    const struct import_layout *L, unsigned row);
};

/* Returns the text of column c of row of L's sheet ("" when empty or
 * absent), and its position. */
const char	*import_at(const struct import_layout *L, unsigned row, int c);
struct pos	 import_cell(const struct import_layout *L, unsigned row,
		    int c);

/* Returns the text of a CSV cell as exported: its formula guard (a '
 * that export_csv_needs_guard() adds) taken off. */
const char	*import_unguard(const char *s);

/* Observes column c of row of L, when the sheet has it, its formula
 * guard taken off, as the text old of the field at at (child: of its
 * child element so named). */
void	import_observe_cell(struct import *im, const struct import_layout *L,
	    unsigned row, int c, const struct pos *at, const char *child,
	    int markdown, const char *old);

/* Reads sheet s as a download of kind k whose rows are, unedited, those
 * of expected (the grid of what the export writes of the model, so that
 * an unedited download is all found): its header names its columns
 * (matched by their text in row 1); each row after is found among the
 * download's by its IDs and observed, its fixed cells checked; a row
 * not found, a row of the download missing and a header that does not
 * fit are reported at their cells. */
void	import_csv_rows(struct import *im, const struct grid_sheet *s,
	    const struct grid_sheet *expected, const struct import_kind *k);

/* Reads sheet s as framework.csv: header (labels.xml's csv-header)
 * names its columns, matched by their header text in row 1; each row
 * after is a row of export_csv(), checked against expected, the grid of
 * the CSV export_csv() writes of the model (so an unedited download is
 * all found).  Reports what does not fit at its cell. */
void	import_csv_sheet(struct import *im, const struct grid_sheet *s,
	    const char *header, const struct grid_sheet *expected);

/* Reads sheet s as roles.csv (import_roles.c), as import_csv_sheet()
 * reads framework.csv: header is labels.xml's csv-roles-header,
 * expected the grid of what export_roles_csv() writes.  The names and a
 * role's description may change; a target's skill and level may not. */
void	import_roles_sheet(struct import *im, const struct grid_sheet *s,
	    const char *header, const struct grid_sheet *expected);

/* Returns how many cells of row 1 of s are names of the comma-separated
 * header: which download s is. */
size_t	import_header_matches(const struct grid_sheet *s, const char *header);

/* Reads the sheets of g as framework.xlsx lays them out (xlsx_layout.h,
 * import_xlsx.c): a matrix per job type x specialty (names, level
 * texts), the knowledge items, the notes and, for a tailored build, the
 * company texts and the learning resources, each found by its key row
 * or by its header (labels lb's), else by its place; reports what does
 * not fit at its cell. */
void	import_xlsx(struct import *im, const struct grid *g,
	    const struct labels *lb);

#endif
