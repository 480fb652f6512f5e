/* grid.c: a spreadsheet as text cells; see grid.h. */
#include "grid.h"

#include <stdlib.h>

void
grid_init(struct grid *g)
{
	arena_init(&g->arena);
	g->sheets = NULL;
	g->nsheets = 0;
}

void
grid_free(struct grid *g)
{
	arena_free(&g->arena);
	g->sheets = NULL;
	g->nsheets = 0;
}

/* Orders a row and column against a cell: <0 before it, >0 after. */
static int
S_cmp(unsigned row, unsigned col, const struct grid_cell *c)
{
	if (row != c->row)
		return row < c->row ? -1 : 1;
	if (col != c->col)
		return col < c->col ? -1 : 1;
	return 0;
}

/* The cells are in row, then column order: a binary search. */
const struct grid_cell *
grid_cell_at(const struct grid_sheet *s, unsigned row, unsigned col)
{
	size_t lo = 0, hi = s->ncells;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = S_cmp(row, col, &s->cells[mid]);

		if (c == 0)
			return &s->cells[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

char *
grid_col_name(unsigned col, char *buf)
{
	return diag_column_letters(col, buf);
}

struct grid_sheet *
grid_add_sheet(struct grid *g, const char *name, size_t file,
    struct grid_cell *cells, size_t ncells)
{
	struct grid_sheet *v = arena_calloc(&g->arena, g->nsheets + 1,
	    sizeof(*v));
	size_t i;

	for (i = 0; i < g->nsheets; i++)
		v[i] = g->sheets[i];
	g->sheets = v;
	v[g->nsheets].name = arena_strdup(&g->arena, name);
	v[g->nsheets].file = file;
	v[g->nsheets].cells = cells;
	v[g->nsheets].ncells = ncells;
	return &v[g->nsheets++];
}
