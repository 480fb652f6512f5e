/* import_layout.c: a CSV download read back by its header, each row
 * found among the download's by its IDs; see import.h (import_csv.c
 * and import_roles.c say what the rows of each download carry).
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "export.h"

const char *
import_at(const struct import_layout *L, unsigned row, int c)
{
	const struct grid_cell *cell = L->col[c] == 0 ? NULL :
	    grid_cell_at(L->s, row, L->col[c]);

	return cell != NULL ? cell->text : "";
}

struct pos
import_cell(const struct import_layout *L, unsigned row, int c)
{
	struct pos p = { L->s->file, (int)row, (int)L->col[c] };

	return p;
}

const char *
import_unguard(const char *s)
{
	return s[0] == '\'' && export_csv_needs_guard(s + 1) ? s + 1 : s;
}

void
import_observe_cell(struct import *im, const struct import_layout *L,
    unsigned row, int c, const struct pos *at, const char *child,
    int markdown, const char *old)
{
	struct pos p = import_cell(L, row, c);

	if (L->col[c] != 0)
		import_observe(im, at, child, markdown, old,
		    import_unguard(import_at(L, row, c)), &p);
}

/* Returns the index of the column called name (n bytes) in the
 * comma-separated header, or -1. */
static int
S_column(const char *header, const char *name, size_t n)
{
	const char *p;
	int i;

	for (i = 0, p = header; p != NULL; i++, p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return i;
	}
	return -1;
}

size_t
import_header_matches(const struct grid_sheet *s, const char *header)
{
	size_t i, n = 0;

	for (i = 0; i < s->ncells && s->cells[i].row == 1; i++)
		n += S_column(header, s->cells[i].text,
		    strlen(s->cells[i].text)) >= 0;
	return n;
}

/* Reports each ID column of k that L lacks, by its name in the header.
 * Returns 0, or -1 when one is missing. */
static int
S_ids_present(struct import *im, const struct import_layout *L,
    const struct import_kind *k)
{
	struct pos p = { L->s->file, 1, 0 };
	const char *name;
	size_t i;
	int j, rc = 0;

	for (i = 0; i < k->nids; i++) {
		if (L->col[k->ids[i]] != 0)
			continue;
		for (j = 0, name = k->header; j < k->ids[i]; j++)
			name = strchr(name, ',') + 1;
		diag_msg(im->d, MSG_SHEET_COLUMN_MISSING, &p, "\"%.*s\"",
		    (int)strcspn(name, ","), name);
		rc = -1;
	}
	return rc;
}

/* Reads row 1 of s as the header of kind k into L.  Returns 0, or -1
 * after reporting an unknown or repeated column or an ID column
 * missing. */
static int
S_header(struct import *im, const struct grid_sheet *s,
    const struct import_kind *k, struct import_layout *L)
{
	size_t i;
	int c, rc = 0;

	memset(L, 0, sizeof(*L));
	L->s = s;
	for (i = 0; i < s->ncells && s->cells[i].row == 1; i++) {
		struct pos p = { s->file, 1, (int)s->cells[i].col };
		const char *t = s->cells[i].text;

		c = S_column(k->header, t, strlen(t));
		if (c < 0 || c >= IMPORT_COLUMNS_MAX || L->col[c] != 0) {
			diag_msg(im->d, MSG_SHEET_COLUMN, &p, "\"%s\"%s", t,
			    c < 0 ? "" : " twice");
			rc = -1;
		} else
			L->col[c] = s->cells[i].col;
	}
	return S_ids_present(im, L, k) < 0 ? -1 : rc;
}

/* Returns the rows of L's sheet after its header, keyed by their IDs
 * (malloc'd, *n of them, sorted by key). */
static struct import_keyed *
S_keys(struct import *im, const struct import_layout *L,
    const struct import_kind *k, size_t *n)
{
	unsigned cols[IMPORT_COLUMNS_MAX];
	size_t i;

	for (i = 0; i < k->nids; i++)
		cols[i] = L->col[k->ids[i]];
	return import_keyed_rows(im, L->s, 2, cols, k->nids, n);
}

/* Reports each cell of row of L that the XML alone says and that
 * differs from row erow of the download E. */
static void
S_check_fixed(struct import *im, const struct import_layout *L,
    unsigned row, const struct import_layout *E, unsigned erow,
    const struct import_kind *k)
{
	size_t i;

	for (i = 0; i < k->nfixed; i++) {
		int c = k->fixed[i];
		struct pos p = import_cell(L, row, c);

		if (L->col[c] != 0 && strcmp(import_at(L, row, c),
		    import_at(E, erow, c)) != 0)
			diag_msg(im->d, MSG_IMPORT_FIXED, &p, "\"%s\"; the "
			    "download has \"%s\"", import_at(L, row, c),
			    import_at(E, erow, c));
	}
}

/* Reports each row of the download (keys v, n, of E) that no row
 * matched, by its IDs. */
static void
S_missing(struct import *im, const struct import_layout *L,
    const struct import_layout *E, const struct import_keyed *v, size_t n,
    const struct import_kind *k)
{
	struct pos p = { L->s->file, 0, 0 };
	size_t i, j;

	for (i = 0; i < n; i++) {
		struct strbuf b = { NULL, 0, 0 };

		if (v[i].seen)
			continue;
		for (j = 0; j < k->nids; j++) {
			const char *t = import_at(E, v[i].row, k->ids[j]);

			if (j > 0)
				strbuf_add(&b, " ", 1);
			strbuf_add(&b, t, strlen(t));
		}
		strbuf_reserve(&b, 0);
		diag_msg(im->d, MSG_IMPORT_ROW_MISSING, &p, "%s", b.s);
		free(b.s);
	}
}

/* Orders keyed rows by row. */
static int
S_by_row(const void *a, const void *b)
{
	const struct import_keyed *x = a, *y = b;

	return (x->row > y->row) - (x->row < y->row);
}

void
import_csv_rows(struct import *im, const struct grid_sheet *s,
    const struct grid_sheet *expected, const struct import_kind *k)
{
	struct import_keyed *mine, *theirs, *t;
	struct import_layout L, E;
	size_t nmine, ntheirs, i;

	if (S_header(im, s, k, &L) < 0)
		return;
	memset(&E, 0, sizeof(E));
	E.s = expected;
	for (i = 0; i < IMPORT_COLUMNS_MAX; i++)
		E.col[i] = (unsigned)i + 1;
	mine = S_keys(im, &L, k, &nmine);
	theirs = S_keys(im, &E, k, &ntheirs);
	qsort(mine, nmine, sizeof(*mine), S_by_row);
	for (i = 0; i < nmine; i++) {
		if ((t = import_keyed_find(theirs, ntheirs, mine[i].key,
		    mine[i].occurrence)) == NULL) {
			k->unknown(im, &L, mine[i].row);
			continue;
		}
		t->seen = 1;
		S_check_fixed(im, &L, mine[i].row, &E, t->row, k);
		k->row(im, &L, mine[i].row, mine[i].occurrence);
	}
	S_missing(im, &L, &E, theirs, ntheirs, k);
	free(mine);
	free(theirs);
}
