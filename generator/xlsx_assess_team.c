/* xlsx_assess_team.c: the team sheet of the self-assessment workbook,
 * which sums the members' rows pasted into it; see xlsx_assess.h. */
#include "xlsx_assess_private.h"

/* The width of the skill column, in characters of the default font. */
#define XA_W_TEAM_SKILL	30.0

/* Returns the absolute range of column col of the paste area of a
 * specialty of nskills skills: "$A$21:$A$1120". */
static const char *
S_paste(struct arena *a, size_t nskills, char col)
{
	size_t first = XA_TEAM_PASTE_ROW(nskills) + 1;

	return arena_printf(a, "$%c$%zu:$%c$%zu", col, first, col,
	    first + XLSX_ASSESS_PASTE_MEMBERS * (nskills > 0 ? nskills : 1) - 1);
}

const char *
xlsx_assess_count_formula(struct arena *a, size_t nskills,
    const char *name_cell, const char *level_cell)
{
	return arena_printf(a, "SUMPRODUCT((%s=%s)*(%s=%s))",
	    S_paste(a, nskills, 'A'), name_cell, S_paste(a, nskills, 'B'),
	    level_cell);
}

const char *
xlsx_assess_below_formula(struct arena *a, size_t nskills,
    const char *name_cell)
{
	const char *gaps = S_paste(a, nskills, 'D');

	return arena_printf(a, "SUMPRODUCT((%s=%s)*ISNUMBER(%s)*(%s>0))",
	    S_paste(a, nskills, 'A'), name_cell, gaps, gaps);
}

const char *
xlsx_assess_average_formula(struct arena *a, size_t nskills,
    const char *name_cell)
{
	const char *gaps = S_paste(a, nskills, 'D');
	const char *mine = arena_printf(a, "(%s=%s)*ISNUMBER(%s)",
	    S_paste(a, nskills, 'A'), name_cell, gaps);

	return arena_printf(a, "IFERROR(SUMPRODUCT(%s,%s)/SUMPRODUCT(%s),"
	    "\"\")", mine, gaps, mine);
}

/* Writes the title, what to paste where, and the headers of the table:
 * skill, answers, one column per choice of the scale, below target,
 * average gap. */
static void
S_head(struct xa *x, lxw_worksheet *ws, lxw_col_t last, const char *title)
{
	size_t n = x->sp->nentries;
	lxw_row_t r = XA_TEAM_FIRST_ROW - 1;
	size_t i;

	xa_ok(x, worksheet_merge_range(ws, 0, 0, 0, last, title, x->f.title));
	xa_ok(x, worksheet_set_row(ws, 0, 26, NULL));
	xa_ok(x, worksheet_merge_range(ws, 1, 0, 1, last, xa_label(x,
	    LABEL_BOOK_TEAM_HOW, &(struct label_args){
	    .range = xlsx_assess_copy_range(x->a, n),
	    .cell = xlsx_assess_paste_cell(x->a, n) }), x->f.how));
	xa_ok(x, worksheet_set_row(ws, 1, 44, NULL));
	xa_ok(x, worksheet_merge_range(ws, r - 1, 2, r - 1,
	    (lxw_col_t)(1 + x->nscale), xa_label(x, LABEL_BOOK_TEAM_COUNTS,
	    NULL), x->f.head));
	xa_ok(x, worksheet_write_string(ws, r, 0, xa_label(x, LABEL_BOOK_SKILL,
	    NULL), x->f.head));
	xa_ok(x, worksheet_write_string(ws, r, 1, xa_label(x,
	    LABEL_BOOK_TEAM_ANSWERS, NULL), x->f.head));
	for (i = 0; i < x->nscale; i++)
		xa_ok(x, worksheet_write_string(ws, r, (lxw_col_t)(2 + i),
		    x->scale[i], x->f.head));
	xa_ok(x, worksheet_write_string(ws, r, last - 1, xa_label(x,
	    LABEL_BOOK_TEAM_BELOW, NULL), x->f.head));
	xa_ok(x, worksheet_write_string(ws, r, last, xa_label(x,
	    LABEL_BOOK_TEAM_AVERAGE, NULL), x->f.head));
	xa_ok(x, worksheet_set_row(ws, r, 44, NULL));
}

/* Writes the row of entry e at row: its name, the members who answered
 * (the counts' sum), the count at each choice, those below target, the
 * average gap. */
static void
S_row(struct xa *x, lxw_worksheet *ws, lxw_row_t row, const struct entry *e,
    lxw_col_t last)
{
	size_t n = x->sp->nentries, i;
	char name[LXW_MAX_CELL_NAME_LENGTH], head[LXW_MAX_CELL_NAME_LENGTH];
	char first[LXW_MAX_CELL_NAME_LENGTH], end[LXW_MAX_CELL_NAME_LENGTH];

	lxw_rowcol_to_cell_abs(name, row, 0, 0, 1);
	xa_ok(x, worksheet_write_string(ws, row, 0, e->skill->name,
	    x->f.skill));
	for (i = 0; i < x->nscale; i++) {
		lxw_rowcol_to_cell_abs(head, XA_TEAM_FIRST_ROW - 1,
		    (lxw_col_t)(2 + i), 1, 0);
		xa_ok(x, worksheet_write_formula_num(ws, row, (lxw_col_t)(2 + i),
		    xlsx_assess_count_formula(x->a, n, name, head), x->f.count,
		    0));
	}
	lxw_rowcol_to_cell(first, row, 2);
	lxw_rowcol_to_cell(end, row, (lxw_col_t)(1 + x->nscale));
	xa_ok(x, worksheet_write_formula_num(ws, row, 1, arena_printf(x->a,
	    "SUM(%s:%s)", first, end), x->f.count, 0));
	xa_ok(x, worksheet_write_formula_num(ws, row, last - 1,
	    xlsx_assess_below_formula(x->a, n, name), x->f.count, 0));
	xa_ok(x, worksheet_write_formula_str(ws, row, last,
	    xlsx_assess_average_formula(x->a, n, name), x->f.average, ""));
	xa_ok(x, worksheet_set_row(ws, row, xlsx_row_height(e->skill->name,
	    XA_W_TEAM_SKILL - XA_INDENT_COLS, 10), NULL));
}

/* Writes the paste area's heading and column names at row. */
static void
S_paste_head(struct xa *x, lxw_worksheet *ws, lxw_row_t row)
{
	static const enum label heads[] = { LABEL_BOOK_SKILL,
	    LABEL_BOOK_CURRENT, LABEL_BOOK_TARGET, LABEL_BOOK_GAP,
	    LABEL_BOOK_TEAM_MEMBER };
	lxw_col_t c;

	xa_ok(x, worksheet_write_string(ws, row, 0, xa_label(x,
	    LABEL_BOOK_TEAM_PASTE, NULL), x->f.title));
	xa_ok(x, worksheet_set_row(ws, row, 24, NULL));
	for (c = 0; c < sizeof(heads) / sizeof(heads[0]); c++)
		xa_ok(x, worksheet_write_string(ws, row + 1, c, xa_label(x,
		    heads[c], NULL), x->f.head));
}

void
xa_sheet_team(struct xa *x)
{
	lxw_worksheet *ws = xlsx_add_sheet(x->book, xlsx_sheet_name(
	    &x->book->names, xa_label(x, LABEL_BOOK_TEAM_SHEET, NULL)));
	lxw_col_t last = (lxw_col_t)(3 + x->nscale);
	lxw_row_t row = XA_TEAM_FIRST_ROW;
	const char *title = xa_label(x, LABEL_BOOK_TEAM_TITLE,
	    &(struct label_args){ .jobtype = x->jt->name,
	    .specialty = x->sp->name });
	size_t i;

	xa_ok(x, worksheet_set_column(ws, 0, 0, XA_W_TEAM_SKILL,
	    x->f.how));
	xa_ok(x, worksheet_set_column(ws, 1, last, 12, x->f.how));
	S_head(x, ws, last, title);
	for (i = 0; i < x->sp->nentries; i++, row++)
		S_row(x, ws, row, &x->sp->entries[i], last);
	S_paste_head(x, ws, (lxw_row_t)XA_TEAM_PASTE_ROW(x->sp->nentries) - 2);
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	worksheet_fit_to_pages(ws, 1, 1);
	xa_ok(x, worksheet_print_area(ws, 0, 0, row - 1, last));
	xlsx_print_header(ws, x->book->font, title);
}
