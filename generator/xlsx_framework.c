/* xlsx_framework.c: downloads/framework.xlsx, its contents and matrix
 * sheets; see xlsx_framework.h.
 *
 * The layout (sheets, header rows, columns) is the contract of
 * xlsx_layout.h, which the import and the tests read the workbook by:
 * change the two together.  The list sheets are
 * xlsx_framework_lists.c's; the shared parts (the temporary directory,
 * formats, sheet names, row heights, printing) xlsx.c's.
 */
#include "xlsx_framework.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "export.h"
#include "text.h"
#include "xlsx.h"
#include "xlsx_framework_private.h"
#include "xlsx_layout.h"

/* An Excel cell holds at most 32767 characters (libxlsxwriter writes
 * nothing longer): every text of the content fits. */
_Static_assert(MARKDOWN_SIZE_MAX <= 32767 && LINE_SIZE_MAX <= 32767,
    "a content text fits in a cell");

/* The widths of a matrix's columns, in Excel's units. */
#define W_ID		11.0
#define W_NAME		16.0
#define W_SCOPE		5.0
#define W_SOURCE	8.0
#define W_LEVEL		30.0

/* The widths of the columns before the levels. */
static const double S_fixed_width[XLSX_MATRIX_FIXED_COLUMNS] = { W_ID,
    W_NAME, W_SCOPE, W_SOURCE };


/* The width to wrap the contents' notes at, merged across both
 * columns: less than both, as Latin words (skillsite import) wrap
 * whole. */
#define W_MERGED	(0.85 * (W_CONTENTS_SHEET + W_CONTENTS_ABOUT))

/* Names the sheets of b: the fixed ones first, so that they keep
 * their names, then one per job type x specialty. */
static void
S_names(struct book *b)
{
	size_t i, j, k = 0, n = 0;
	int f;

	for (f = 0; f < XF__COUNT; f++)
		b->fixed[f] = xlsx_sheet_name(&b->x->names,
		    labels_text(b->l, xf_fixed_label((enum xf_fixed)f)));
	for (i = 0; i < b->m->njobtypes; i++)
		n += b->m->jobtypes[i].nspecialties;
	b->matrix = arena_calloc(&b->a, n + 1, sizeof(*b->matrix));
	for (i = 0; i < b->m->njobtypes; i++)
		for (j = 0; j < b->m->jobtypes[i].nspecialties; j++)
			b->matrix[k++] = xlsx_sheet_name(&b->x->names,
			    b->m->jobtypes[i].specialties[j].name);
}

/* Writes the row of entry e of job type jt to matrix ws at row: its
 * skill's ID, name, scope, source and each defined level's text (empty
 * when undescribed or hidden), tall enough to show them. */
static void
S_matrix_row(struct book *b, lxw_worksheet *ws, int row,
    const struct jobtype *jt, const struct entry *e)
{
	const struct skill *k = e->skill;
	double h = xlsx_row_height(k->name, W_NAME, XLSX_FONT_POINTS), t;
	int col = XLSX_COL_FIRST_LEVEL, n;

	xlsx_text(ws, row, XLSX_COL_SKILL_ID, k->id, b->x->f.key);
	xlsx_text(ws, row, XLSX_COL_SKILL_NAME, k->name, b->x->f.cell);
	xlsx_text(ws, row, XLSX_COL_SCOPE, labels_text(b->l,
	    k->scope == SCOPE_COMMON ? LABEL_XLSX_SCOPE_COMMON :
	    LABEL_XLSX_SCOPE_SPECIFIC), b->x->f.cell);
	xlsx_text(ws, row, XLSX_COL_SOURCE, export_source(k->from),
	    b->x->f.key);
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n), col++) {
		const struct level *lv = entry_find_level(e, n);
		const char *text = lv != NULL && lv->hidden_by == NULL ?
		    lv->markdown : NULL;

		xlsx_text(ws, row, col, text, b->x->f.cell);
		if (text != NULL && (t = xlsx_row_height(text, W_LEVEL,
		    XLSX_FONT_POINTS)) > h)
			h = t;
	}
	worksheet_set_row(ws, (lxw_row_t)row, h, NULL);
}

/* Returns the height of a matrix's key row, which shows the IDs and
 * names of jt and sp. */
static double
S_key_height(const struct jobtype *jt, const struct specialty *sp)
{
	const char *v[XLSX_MATRIX_FIXED_COLUMNS] = { jt->id, jt->name, sp->id,
	    sp->name };
	double h = 0, t;
	size_t i;

	for (i = 0; i < XLSX_MATRIX_FIXED_COLUMNS; i++)
		if ((t = xlsx_row_height(v[i], S_fixed_width[i],
		    XLSX_KEY_POINTS)) > h)
			h = t;
	return h;
}

/* Writes the title, key and header rows of specialty sp of jt to
 * matrix ws, and sets its columns; returns the number of columns. */
static int
S_matrix_head(struct book *b, lxw_worksheet *ws, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct label_args args = { 0 };
	int col, n;

	args.jobtype = jt->name;
	args.specialty = sp->name;
	xlsx_text(ws, XLSX_MATRIX_TITLE_ROW, 0, labels_format(b->l, &b->a,
	    LABEL_SEARCH_CONTEXT, &args), b->x->f.title);
	worksheet_set_row(ws, XLSX_MATRIX_TITLE_ROW, 24, NULL);
	xlsx_text(ws, XLSX_MATRIX_KEY_ROW, 0, jt->id, b->x->f.key);
	xlsx_text(ws, XLSX_MATRIX_KEY_ROW, 1, jt->name, b->x->f.key);
	xlsx_text(ws, XLSX_MATRIX_KEY_ROW, 2, sp->id, b->x->f.key);
	xlsx_text(ws, XLSX_MATRIX_KEY_ROW, 3, sp->name, b->x->f.key);
	worksheet_set_row(ws, XLSX_MATRIX_KEY_ROW, S_key_height(jt, sp), NULL);
	col = xf_header(b, ws, XLSX_MATRIX_HEADER_ROW, 0,
	    LABEL_XLSX_MATRIX_HEADER, S_fixed_width);
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n), col++) {
		args.n = n;
		xlsx_text(ws, XLSX_MATRIX_HEADER_ROW, col, labels_format(b->l,
		    &b->a, LABEL_LEVEL, &args), b->x->f.header);
	}
	for (n = 0; n < XLSX_MATRIX_FIXED_COLUMNS; n++)
		worksheet_set_column(ws, (lxw_col_t)n, (lxw_col_t)n,
		    S_fixed_width[n], NULL);
	worksheet_set_column(ws, XLSX_COL_FIRST_LEVEL, (lxw_col_t)(col - 1),
	    W_LEVEL, NULL);
	return col;
}

/* Adds the matrix sheet name of specialty sp of jt to b. */
static void
S_matrix(struct book *b, const char *name, const struct jobtype *jt,
    const struct specialty *sp)
{
	lxw_worksheet *ws = xlsx_add_sheet(b->x, name);
	struct label_args args = { 0 };
	int row = XLSX_MATRIX_FIRST_ROW;
	size_t i;

	args.jobtype = jt->name;
	args.specialty = sp->name;
	xf_contents_row(b, name, labels_format(b->l, &b->a,
	    LABEL_XLSX_ABOUT_MATRIX, &args));
	S_matrix_head(b, ws, jt, sp);
	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill != NULL)
			S_matrix_row(b, ws, row++, jt, &sp->entries[i]);
	worksheet_freeze_panes(ws, XLSX_MATRIX_FIRST_ROW,
	    XLSX_COL_SKILL_NAME + 1);
	xlsx_print_setup(ws, b->x->font, b->title, XLSX_MATRIX_TITLE_ROW,
	    XLSX_MATRIX_HEADER_ROW);
}

/* Writes the top of the contents of b: the framework's and the job
 * types' names, the table's header. */
static void
S_contents_head(struct book *b)
{
	size_t i;

	b->contents = xlsx_add_sheet(b->x, b->fixed[XF_CONTENTS]);
	xlsx_text(b->contents, 0, 0, b->title, b->x->f.title);
	worksheet_set_row(b->contents, 0, 24, NULL);
	for (i = 0; i < b->m->njobtypes; i++)
		xlsx_text(b->contents, (int)i + 1, 0, b->m->jobtypes[i].name,
		    b->x->f.plain);
	b->row = (int)b->m->njobtypes + 2;
	xf_header(b, b->contents, b->row++, 0, LABEL_XLSX_CONTENTS_HEADER,
	    NULL);
	worksheet_set_column(b->contents, 0, 0, W_CONTENTS_SHEET, NULL);
	worksheet_set_column(b->contents, 1, 1, W_CONTENTS_ABOUT, NULL);
	xlsx_print_setup(b->contents, b->x->font, b->title, 0, 0);
}

/* Writes the notes below the contents' table: printing, the texts. */
static void
S_contents_tail(struct book *b)
{
	const enum label notes[] = { LABEL_XLSX_PRINT, LABEL_XLSX_VERBATIM };
	const char *text;
	size_t i;

	b->row++;
	for (i = 0; i < sizeof(notes) / sizeof(*notes); i++, b->row++) {
		text = labels_text(b->l, notes[i]);
		worksheet_merge_range(b->contents, (lxw_row_t)b->row, 0,
		    (lxw_row_t)b->row, 1, text, b->x->f.plain);
		worksheet_set_row(b->contents, (lxw_row_t)b->row,
		    xlsx_row_height(text, W_MERGED, XLSX_FONT_POINTS), NULL);
	}
}

/* Adds every sheet of b, in order. */
static void
S_sheets(struct book *b)
{
	size_t i, j, k = 0;

	S_contents_head(b);
	for (i = 0; i < b->m->njobtypes; i++)
		for (j = 0; j < b->m->jobtypes[i].nspecialties; j++)
			S_matrix(b, b->matrix[k++], &b->m->jobtypes[i],
			    &b->m->jobtypes[i].specialties[j]);
	xf_knowledge(b);
	xf_notes(b);
	xf_texts(b);
	xf_resources(b);
	xf_roles(b);
	S_contents_tail(b);
}

/* xlsx_make_fn: makes the workbook of the book ctx (its model and
 * labels set). */
static char *
S_make(void *ctx, size_t *len, struct diag *d)
{
	struct book *b = ctx;
	const struct model *m = b->m;
	char *data;

	b->title = m->framework != NULL && m->framework->name != NULL ?
	    m->framework->name : labels_text(b->l, LABEL_SITE_NAME);
	b->x = xlsx_open(b->title, m->njobtypes > 0 ? m->jobtypes[0].name :
	    NULL, labels_text(b->l, LABEL_XLSX_FONT), d);
	if (b->x == NULL)
		return NULL;
	arena_init(&b->a);
	S_names(b);
	S_sheets(b);
	data = xlsx_bytes(b->x, XLSX_FRAMEWORK_PATH, len, d);
	arena_free(&b->a);
	return data;
}

int
xlsx_framework(const struct model *m, const struct labels *labels,
    struct site_sink *sink, struct diag *d)
{
	struct book b;
	size_t len = 0;
	char *data;
	int rc = -1;

	memset(&b, 0, sizeof(b));
	b.m = m;
	b.l = labels;
	data = xlsx_in_child(S_make, &b, XLSX_FRAMEWORK_PATH, &len, d);
	if (data != NULL)
		rc = sink->put(sink->ctx, SINK_DOWNLOAD, XLSX_FRAMEWORK_PATH,
		    data, len, d);
	free(data);
	return rc;
}
