/* xlsx_assess_private.h: what the parts of the self-assessment workbook
 * (xlsx_assess.c calls the sheets, xlsx_assess_sheet.c and
 * xlsx_assess_team.c, which call xlsx_assess_parts.c) share.  The
 * workbook itself (its folder, font, row heights, print header, close
 * and read-back) is the shared layer's, xlsx.h. */
#ifndef SKILLSITE_XLSX_ASSESS_PRIVATE_H
#define SKILLSITE_XLSX_ASSESS_PRIVATE_H

#include <xlsxwriter.h>

#include "xlsx.h"
#include "xlsx_assess.h"

/* The columns of the sheet filled in (and of the team's paste area);
 * the roles' targets and the level texts follow the gap. */
enum { XA_COL_SKILL, XA_COL_CURRENT, XA_COL_TARGET, XA_COL_GAP,
    XA_COL_AFTER };

/* The rows of the sheet filled in (0-based). */
enum { XA_ROW_TITLE, XA_ROW_HOW, XA_ROW_NAME = 3, XA_ROW_UNIT,
    XA_ROW_DATE, XA_ROW_BOSS, XA_ROW_BOSS_NAME, XA_ROW_BOSS_DATE,
    XA_ROW_COMMENT, XA_ROW_HEAD = XLSX_ASSESS_FIRST_ROW - 1 };

/* The columns of a cell's width that the skill format's indent takes
 * (a level of indent and the cell's padding: about three digits of the
 * font), left out when a row's height is estimated. */
#define XA_INDENT_COLS		3.0

/* The rows of the team sheet: its table's first skill, and where its
 * paste area begins after a table of n skills. */
#define XA_TEAM_FIRST_ROW	5
#define XA_TEAM_PASTE_ROW(n)	(XA_TEAM_FIRST_ROW + (n) + 3)

/* The formats of a workbook. */
struct xa_formats {
	lxw_format	*title, *section, *how, *label, *input, *head, *head_small;
	lxw_format	*skill, *choice;
	lxw_format	*gap, *role, *text, *undefined, *note, *seal;
	lxw_format	*count, *average, *gap_up, *gap_met;
};

/* A workbook being made. */
struct xa {
	struct xlsx		*book;	/* xlsx_open()'s: font, folder */
	lxw_workbook		*wb;	/* book's */
	const struct jobtype	*jt;
	const struct specialty	*sp;
	const struct labels	*lb;
	struct arena		*a;
	const char		**scale;	/* xlsx_assess_scale() */
	size_t			 nscale;
	const struct role	**roles;	/* of sp, in order */
	size_t			 nroles;
	const char		*title;		/* label book-title */
	struct xa_formats	 f;
	int			 choice_cells;	/* the choices are written
						 * in hidden cells, the
						 * lists name them */
	lxw_error		 err;		/* the first error, or 0 */
	lxw_format		 spare;		/* a format that could not be
						 * made (S_format()) */
};

/* Keeps e as x's error unless it has one; returns e. */
lxw_error	 xa_ok(struct xa *x, lxw_error e);

/* Returns label l of x with args (NULL: none), in x's arena. */
const char	*xa_label(struct xa *x, enum label l,
		    const struct label_args *args);

/* Makes the formats of x's workbook. */
void		 xa_formats(struct xa *x);

/* Write the sheet filled in and the team sheet of x, named by their
 * labels as xlsx_sheet_name() makes them valid and unique; an error of
 * libxlsxwriter's is kept in x->err. */
void		 xa_sheet_assess(struct xa *x);
void		 xa_sheet_team(struct xa *x);

#endif
