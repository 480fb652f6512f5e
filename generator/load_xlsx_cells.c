/* load_xlsx_cells.c: the cells of a worksheet part read into a grid
 * sheet; see load_xlsx_private.h.
 */
#include "load_xlsx_private.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "alloc.h"

/* Returns the value of n's attribute name (no namespace) or NULL; the
 * caller xmlFree()s it. */
static char *
S_attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

/* Parses a cell reference "F12" (letters, then digits; "$" allowed)
 * into *col (1 = A) and *row.  Returns 0, or -1 when it is none or
 * beyond Excel's last row or column. */
static int
S_cell_ref(const char *ref, unsigned *row, unsigned *col)
{
	unsigned long r = 0, c = 0;
	const char *s = ref;

	s += *s == '$';
	for (; *s >= 'A' && *s <= 'Z' && c <= XLSX_COL_MAX; s++)
		c = c * 26 + (unsigned long)(*s - 'A' + 1);
	s += *s == '$';
	if (c == 0 || c > XLSX_COL_MAX || *s < '1' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9' && r <= XLSX_ROW_MAX; s++)
		r = r * 10 + (unsigned long)(*s - '0');
	if (*s != '\0' || r > XLSX_ROW_MAX)
		return -1;
	*row = (unsigned)r;
	*col = (unsigned)c;
	return 0;
}

/* Returns the text of cell c of type t (its t attribute, NULL for a
 * number) as the spreadsheet shows it, in p's arena; NULL when it holds
 * nothing; sets *bad when it names a shared string that is none. */
static const char *
S_cell_text(struct xlsx_package *p, const xmlNode *c, const char *t,
    int *bad)
{
	xmlNode *v = xlsx_child(c, "v"), *is = xlsx_child(c, "is");
	xmlChar *x;
	const char *s;
	char *end;
	unsigned long i;

	if (t != NULL && strcmp(t, "inlineStr") == 0)
		return is != NULL ? xlsx_string_item(p, is) : NULL;
	if (v == NULL || (x = xmlNodeGetContent(v)) == NULL)
		return NULL;
	s = (const char *)x;
	if (t != NULL && strcmp(t, "s") == 0) {
		i = strtoul(s, &end, 10);
		*bad = *end != '\0' || end == s || i >= p->nstrings;
		s = *bad ? NULL : p->strings[i];
	} else if (t != NULL && strcmp(t, "b") == 0)
		s = strcmp(s, "1") == 0 ? "TRUE" : "FALSE";
	else
		s = xlsx_unescape(&p->g->arena, s);
	xmlFree(x);
	return s;
}

/* Appends the cell at row, col with text to s, growing *cap. */
static void
S_add(struct grid_sheet *s, size_t *cap, unsigned row, unsigned col,
    const char *text)
{
	if (s->ncells == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		s->cells = xreallocarray(s->cells, *cap, sizeof(*s->cells));
	}
	s->cells[s->ncells].row = row;
	s->cells[s->ncells].col = col;
	s->cells[s->ncells++].text = text;
}

/* Orders cells by row, then column. */
static int
S_order(const void *a, const void *b)
{
	const struct grid_cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* Reads the cells of row element r (its number row) into s.  Returns
 * 0, or -1 after reporting. */
static int
S_row(struct xlsx_package *p, const xmlNode *r, unsigned row,
    struct grid_sheet *s, size_t *cap)
{
	const xmlNode *c;
	unsigned col = 0, rrow;
	char *ref, *t;
	const char *text;
	int bad = 0;

	for (c = r->children; c != NULL; c = c->next) {
		if (!xlsx_is(c, "c"))
			continue;
		ref = S_attr(c, "r");
		if (ref == NULL)
			col++, rrow = row;
		else if (S_cell_ref(ref, &rrow, &col) < 0 || rrow != row) {
			xlsx_fail(p, "sheet %s: a cell at a wrong place", s->name);
			xmlFree(ref);
			return -1;
		}
		xmlFree(ref);
		t = S_attr(c, "t");
		text = S_cell_text(p, c, t, &bad);
		xmlFree(t);
		if (bad)
			return xlsx_fail(p, "sheet %s: a cell names a string the "
			    "workbook lacks", s->name);
		if (text != NULL && *text != '\0' &&
		    s->ncells == GRID_CELLS_MAX)
			return xlsx_fail(p, "sheet %s: more cells than %d",
			    s->name, GRID_CELLS_MAX);
		if (text != NULL && *text != '\0')
			S_add(s, cap, row, col, text);
	}
	return 0;
}

int
xlsx_read_cells(struct xlsx_package *p, xmlNode *root,
    struct grid_sheet *s)
{
	xmlNode *data = xlsx_child(root, "sheetData"), *r;
	unsigned long row = 0;
	struct grid_cell *cells;
	size_t cap = 0;
	char *n, *end;

	if (!xlsx_is(root, "worksheet") || data == NULL)
		return xlsx_fail(p, "sheet %s: not a worksheet", s->name);
	for (r = data->children; r != NULL; r = r->next) {
		if (!xlsx_is(r, "row"))
			continue;
		n = S_attr(r, "r");
		row = n != NULL ? strtoul(n, &end, 10) : row + 1;
		if (n != NULL && (*end != '\0' || end == n))
			row = 0;
		xmlFree(n);
		if (row == 0 || row > XLSX_ROW_MAX ||
		    S_row(p, r, (unsigned)row, s, &cap) < 0) {
			free(s->cells);
			s->cells = NULL;
			s->ncells = 0;
			return row == 0 || row > XLSX_ROW_MAX ? xlsx_fail(p,
			    "sheet %s: a row out of range", s->name) : -1;
		}
	}
	if (s->ncells > 1)
		qsort(s->cells, s->ncells, sizeof(*s->cells), S_order);
	cells = arena_calloc(&p->g->arena, s->ncells, sizeof(*cells));
	if (s->ncells > 0)
		memcpy(cells, s->cells, s->ncells * sizeof(*cells));
	free(s->cells);
	s->cells = cells;
	return 0;
}
