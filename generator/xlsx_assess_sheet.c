/* xlsx_assess_sheet.c: the sheet of the self-assessment workbook that
 * one person fills in; see xlsx_assess.h. */
#include "xlsx_assess_private.h"

#include <stdlib.h>
#include <string.h>

#include "markdown.h"

/* Column widths, in characters of the default font. */
#define XA_W_SKILL	27.0
#define XA_W_CHOICE	20.0
#define XA_W_GAP	10.0
#define XA_W_ROLE	11.0
#define XA_W_TEXT	60.0

/* The size of the level texts. */
#define XA_TEXT_PT	8.0

/* The last column of the form (the gap, or the last role's). */
static lxw_col_t
S_last_form_col(const struct xa *x)
{
	return (lxw_col_t)(XA_COL_GAP + x->nroles);
}

/* The first of the hidden columns that hold each row's choices (when
 * x->choice_cells), after the level texts. */
static lxw_col_t
S_choice_col(const struct xa *x)
{
	return (lxw_col_t)(XA_COL_AFTER + x->nroles + x->nscale - 1);
}

/* Writes the label of l at (row, col) and a field to fill in from col+1
 * to last. */
static void
S_field(struct xa *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
    lxw_col_t last, enum label l)
{
	xa_ok(x, worksheet_write_string(ws, row, col, xa_label(x, l, NULL),
	    x->f.label));
	if (last > col + 1)
		xa_ok(x, worksheet_merge_range(ws, row, col + 1, row, last, "",
		    x->f.input));
	else
		xa_ok(x, worksheet_write_blank(ws, row, col + 1, x->f.input));
	xa_ok(x, worksheet_set_row(ws, row, 22, NULL));
}

/* Writes the title, how to fill in, the person's fields and the
 * supervisor's confirmation, with the box for a seal. */
static void
S_head(struct xa *x, lxw_worksheet *ws)
{
	lxw_col_t last = S_last_form_col(x);

	xa_ok(x, worksheet_merge_range(ws, XA_ROW_TITLE, 0, XA_ROW_TITLE, last,
	    x->title, x->f.title));
	xa_ok(x, worksheet_set_row(ws, XA_ROW_TITLE, 26, NULL));
	xa_ok(x, worksheet_merge_range(ws, XA_ROW_HOW, 0, XA_ROW_HOW, last,
	    xa_label(x, LABEL_BOOK_HOW, NULL), x->f.how));
	xa_ok(x, worksheet_set_row(ws, XA_ROW_HOW, 40, NULL));
	S_field(x, ws, XA_ROW_NAME, 0, XA_COL_TARGET, LABEL_BOOK_NAME);
	S_field(x, ws, XA_ROW_UNIT, 0, XA_COL_TARGET, LABEL_BOOK_UNIT);
	S_field(x, ws, XA_ROW_DATE, 0, XA_COL_TARGET, LABEL_BOOK_DATE);
	xa_ok(x, worksheet_write_string(ws, XA_ROW_BOSS, 0,
	    xa_label(x, LABEL_BOOK_BOSS, NULL), x->f.section));
	xa_ok(x, worksheet_set_row(ws, XA_ROW_BOSS, 24, NULL));
	xa_ok(x, worksheet_write_string(ws, XA_ROW_BOSS, XA_COL_GAP,
	    xa_label(x, LABEL_BOOK_SEAL, NULL), x->f.label));
	S_field(x, ws, XA_ROW_BOSS_NAME, 0, XA_COL_TARGET,
	    LABEL_BOOK_BOSS_NAME);
	S_field(x, ws, XA_ROW_BOSS_DATE, 0, XA_COL_TARGET,
	    LABEL_BOOK_BOSS_DATE);
	S_field(x, ws, XA_ROW_COMMENT, 0, XA_COL_TARGET, LABEL_BOOK_COMMENT);
	xa_ok(x, worksheet_merge_range(ws, XA_ROW_BOSS_NAME, XA_COL_GAP,
	    XA_ROW_COMMENT, XA_COL_GAP, "", x->f.seal));
}

/* Writes the table's header row: skill, current, target, gap, each
 * role's target, each defined level. */
static void
S_table_head(struct xa *x, lxw_worksheet *ws)
{
	static const enum label heads[] = { LABEL_BOOK_SKILL,
	    LABEL_BOOK_CURRENT, LABEL_BOOK_TARGET, LABEL_BOOK_GAP };
	double h, height = 30;
	lxw_col_t c;
	size_t i;

	for (c = 0; c < XA_COL_AFTER; c++)
		xa_ok(x, worksheet_write_string(ws, XA_ROW_HEAD, c,
		    xa_label(x, heads[c], NULL), x->f.head));
	for (i = 0; i < x->nroles; i++) {
		const char *head = xa_label(x, LABEL_BOOK_ROLE,
		    &(struct label_args){ .role = x->roles[i]->name });

		xa_ok(x, worksheet_write_string(ws, XA_ROW_HEAD,
		    (lxw_col_t)(XA_COL_AFTER + i), head, x->f.head_small));
		h = xlsx_row_height(head, XA_W_ROLE, 9);
		height = h > height ? h : height;
	}
	for (i = 1; i < x->nscale; i++)
		xa_ok(x, worksheet_write_string(ws, XA_ROW_HEAD,
		    (lxw_col_t)(XA_COL_AFTER + x->nroles + i - 1), x->scale[i],
		    x->f.head));
	xa_ok(x, worksheet_set_row(ws, XA_ROW_HEAD, height, NULL));
}

/* Writes role r's target for skill id at (row, col). */
static void
S_role_cell(struct xa *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
    const struct role *r, const char *id)
{
	const char *text = xa_label(x, LABEL_BOOK_NO_TARGET, NULL);
	size_t i;

	for (i = 0; i < r->ntargets; i++)
		if (r->targets[i].skill_id != NULL &&
		    strcmp(r->targets[i].skill_id, id) == 0)
			text = xa_label(x, LABEL_LEVEL, &(struct label_args){
			    .n = r->targets[i].level });
	xa_ok(x, worksheet_write_string(ws, row, col, text, x->f.role));
}

/* Writes the texts of the levels of jt beside e's row; returns the
 * height the row needs for them. */
static double
S_level_texts(struct xa *x, lxw_worksheet *ws, lxw_row_t row,
    const struct entry *e)
{
	lxw_col_t col = (lxw_col_t)(XA_COL_AFTER + x->nroles);
	double h, height = 0;
	int n;

	for (n = jobtype_next_level(x->jt, 0); n != 0;
	    n = jobtype_next_level(x->jt, n), col++) {
		const char *md = entry_level_text(e, n);
		char *text = md != NULL ? md_plain_text(md) : NULL;

		if (text == NULL) {
			xa_ok(x, worksheet_write_string(ws, row, col, xa_label(x,
			    LABEL_BOOK_UNDEFINED, NULL), x->f.undefined));
			continue;
		}
		xa_ok(x, worksheet_write_string(ws, row, col, text,
		    x->f.text));
		h = xlsx_row_height(text, XA_W_TEXT, XA_TEXT_PT);
		height = h > height ? h : height;
		free(text);
	}
	return height;
}

/* The most bytes a list of choices spelled out in its rule may take,
 * commas included: Excel's limit is 255 characters, and libxlsxwriter
 * 1.1.4 counts characters but copies them into 258 bytes (1.1.6 makes
 * room for four bytes a character). */
#define XA_LIST_BYTES	255

/* Returns whether the choices v (NULL-terminated) can be spelled out
 * in a list rule: no comma or quote in any, XA_LIST_BYTES in all. */
static int
S_list_fits(const char *const *v)
{
	size_t i, bytes = 0;

	for (i = 0; v[i] != NULL; i++) {
		if (strpbrk(v[i], ",\"") != NULL)
			return 0;
		bytes += strlen(v[i]) + (i > 0);
	}
	return bytes <= XA_LIST_BYTES;
}

/* Lets the current and target cells of row take one of the choices of
 * entry e, from a drop-down list: the choices spelled out in the rule
 * when the job type's scale fits there (then every skill's does), else
 * written in hidden cells at the end of the row, which the rule names
 * (libxlsxwriter 1.1.4 then leaks a copy of the range's name per rule:
 * it copies it twice, as 1.1.6 no longer does). */
static void
S_choices(struct xa *x, lxw_worksheet *ws, lxw_row_t row,
    const struct entry *e)
{
	const char **v = xlsx_assess_choices(x->a, x->lb, x->jt, e);
	lxw_col_t first = S_choice_col(x), c = first;
	char from[LXW_MAX_CELL_NAME_LENGTH], to[LXW_MAX_CELL_NAME_LENGTH];
	lxw_data_validation dv = { .validate = LXW_VALIDATION_TYPE_LIST,
	    .error_message = (char *)xa_label(x, LABEL_BOOK_CHOOSE, NULL) };

	if (x->choice_cells) {
		for (; v[c - first] != NULL; c++)
			xa_ok(x, worksheet_write_string(ws, row, c,
			    v[c - first], NULL));
		lxw_rowcol_to_cell_abs(from, row, first, 1, 1);
		lxw_rowcol_to_cell_abs(to, row, c - 1, 1, 1);
		dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		dv.value_formula = arena_printf(x->a, "=%s:%s", from, to);
	} else
		dv.value_list = (char **)v;
	xa_ok(x, worksheet_data_validation_range(ws, row, XA_COL_CURRENT, row,
	    XA_COL_TARGET, &dv));
}

/* Writes the row of entry e at row: its name, the two choices, the gap,
 * the roles' targets, the level texts. */
static void
S_skill_row(struct xa *x, lxw_worksheet *ws, lxw_row_t row,
    const struct entry *e)
{
	double h, height;
	size_t i;

	xa_ok(x, worksheet_write_string(ws, row, XA_COL_SKILL, e->skill->name,
	    x->f.skill));
	xa_ok(x, worksheet_write_blank(ws, row, XA_COL_CURRENT, x->f.choice));
	xa_ok(x, worksheet_write_blank(ws, row, XA_COL_TARGET, x->f.choice));
	S_choices(x, ws, row, e);
	xa_ok(x, worksheet_write_formula_str(ws, row, XA_COL_GAP,
	    xlsx_assess_gap_formula(x->a, row, x->scale), x->f.gap, ""));
	for (i = 0; i < x->nroles; i++)
		S_role_cell(x, ws, row, (lxw_col_t)(XA_COL_AFTER + i),
		    x->roles[i], e->skill->id);
	height = S_level_texts(x, ws, row, e);
	h = xlsx_row_height(e->skill->name, XA_W_SKILL - XA_INDENT_COLS, 10);
	xa_ok(x, worksheet_set_row(ws, row, h > height ? h : height, NULL));
}

/* Colours the gaps: one still to climb, one met (the number says it
 * too: "+2", "0", "-1"). */
static void
S_gap_colours(struct xa *x, lxw_worksheet *ws, lxw_row_t first,
    lxw_row_t last)
{
	lxw_conditional_format up = { .type = LXW_CONDITIONAL_TYPE_FORMULA,
	    .format = x->f.gap_up };
	lxw_conditional_format met = { .type = LXW_CONDITIONAL_TYPE_FORMULA,
	    .format = x->f.gap_met };

	up.value_string = arena_printf(x->a, "AND(ISNUMBER(D%u),D%u>0)",
	    first + 1, first + 1);
	met.value_string = arena_printf(x->a, "AND(ISNUMBER(D%u),D%u<=0)",
	    first + 1, first + 1);
	xa_ok(x, worksheet_conditional_format_range(ws, first, XA_COL_GAP,
	    last, XA_COL_GAP, &up));
	xa_ok(x, worksheet_conditional_format_range(ws, first, XA_COL_GAP,
	    last, XA_COL_GAP, &met));
}

/* Sets the columns' widths and fonts; hides the choices' columns. */
static void
S_columns(struct xa *x, lxw_worksheet *ws)
{
	lxw_col_t c = XA_COL_AFTER + (lxw_col_t)x->nroles;
	lxw_row_col_options hidden = { .hidden = 1 };

	xa_ok(x, worksheet_set_column(ws, XA_COL_SKILL, XA_COL_SKILL,
	    XA_W_SKILL, x->f.how));
	xa_ok(x, worksheet_set_column(ws, XA_COL_CURRENT, XA_COL_TARGET,
	    XA_W_CHOICE, x->f.how));
	xa_ok(x, worksheet_set_column(ws, XA_COL_GAP, XA_COL_GAP, XA_W_GAP,
	    x->f.how));
	if (x->nroles > 0)
		xa_ok(x, worksheet_set_column(ws, XA_COL_AFTER, c - 1,
		    XA_W_ROLE, x->f.how));
	xa_ok(x, worksheet_set_column(ws, c, c + (lxw_col_t)x->nscale - 2,
	    XA_W_TEXT, x->f.how));
	if (x->choice_cells)
		xa_ok(x, worksheet_set_column_opt(ws, S_choice_col(x),
		    S_choice_col(x) + (lxw_col_t)x->nscale - 1, XA_W_CHOICE,
		    NULL, &hidden));
}

/* Sets how the sheet prints: the form's columns on one A4 page,
 * portrait, the title and sheet in the header, the page in the
 * footer. */
static void
S_print(struct xa *x, lxw_worksheet *ws, lxw_row_t last)
{
	worksheet_set_paper(ws, 9);
	worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	worksheet_fit_to_pages(ws, 1, 1);
	worksheet_center_horizontally(ws);
	xa_ok(x, worksheet_print_area(ws, 0, 0, last, S_last_form_col(x)));
	xlsx_print_header(ws, x->book->font, x->title);
}

void
xa_sheet_assess(struct xa *x)
{
	lxw_worksheet *ws = xlsx_add_sheet(x->book, xlsx_sheet_name(
	    &x->book->names, xa_label(x, LABEL_BOOK_SHEET, NULL)));
	lxw_protection prot = { 0 };
	lxw_row_t row = XLSX_ASSESS_FIRST_ROW;
	size_t i;

	x->choice_cells = !S_list_fits(x->scale);
	S_columns(x, ws);
	S_head(x, ws);
	S_table_head(x, ws);
	for (i = 0; i < x->sp->nentries; i++, row++)
		S_skill_row(x, ws, row, &x->sp->entries[i]);
	if (row > XLSX_ASSESS_FIRST_ROW)
		S_gap_colours(x, ws, XLSX_ASSESS_FIRST_ROW, row - 1);
	xa_ok(x, worksheet_merge_range(ws, row + 1, 0, row + 1,
	    S_last_form_col(x), xa_label(x, LABEL_BOOK_GAP_NOTE, NULL),
	    x->f.note));
	xa_ok(x, worksheet_set_row(ws, row + 1, 26, NULL));
	worksheet_freeze_panes(ws, 0, XA_COL_AFTER + (lxw_col_t)x->nroles);
	S_print(x, ws, row + 1);
	worksheet_protect(ws, NULL, &prot);
	worksheet_activate(ws);
}
