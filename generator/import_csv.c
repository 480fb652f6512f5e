/* import_csv.c: framework.csv read back, by its header, as edits of
 * the model's texts; see import.h.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "export.h"
#include "text.h"

/* The columns that say which row it is, in the order of a row's key. */
static const enum csv_column S_ids[] = { CSV_COL_JOBTYPE_ID,
	CSV_COL_SPECIALTY_ID, CSV_COL_SKILL_ID, CSV_COL_LEVEL, CSV_COL_KIND,
	CSV_COL_SOURCE };
#define NIDS	(sizeof(S_ids) / sizeof(S_ids[0]))

/* The columns derived from the XML that no edit may change: only the
 * XML's IDs and attributes say them. */
static const enum csv_column S_fixed[] = { CSV_COL_SCOPE,
	CSV_COL_SKILL_SOURCE, CSV_COL_STANDARD_NAME, CSV_COL_NAME_SOURCE,
	CSV_COL_RESOURCE_KIND, CSV_COL_HOURS, CSV_COL_HREF };

/* A sheet read by its header: the sheet column of each CSV column (0:
 * absent). */
struct layout {
	const struct grid_sheet	*s;
	unsigned		 col[CSV_COL__COUNT];
};

/* Returns the text of column c of row of L's sheet: "" when empty or
 * absent. */
static const char *
S_at(const struct layout *L, unsigned row, enum csv_column c)
{
	const struct grid_cell *cell = L->col[c] == 0 ? NULL :
	    grid_cell_at(L->s, row, L->col[c]);

	return cell != NULL ? cell->text : "";
}

/* Returns the position of column c of row of L's sheet. */
static struct pos
S_cell(const struct layout *L, unsigned row, enum csv_column c)
{
	struct pos p = { L->s->file, (int)row, (int)L->col[c] };

	return p;
}

/* Returns the index of the column called name in the comma-separated
 * header, or -1. */
static int
S_column(const char *header, const char *name)
{
	size_t n = strlen(name);
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

/* Reads row 1 of s as the header into L.  Returns 0, or -1 after
 * reporting an unknown or repeated column or an ID column missing. */
static int
S_header(struct import *im, const struct grid_sheet *s, const char *header,
    struct layout *L)
{
	size_t i;
	int k, rc = 0;

	memset(L, 0, sizeof(*L));
	L->s = s;
	for (i = 0; i < s->ncells && s->cells[i].row == 1; i++) {
		struct pos p = { s->file, 1, (int)s->cells[i].col };

		k = S_column(header, s->cells[i].text);
		if (k < 0 || L->col[k] != 0) {
			diag_msg(im->d, MSG_SHEET_COLUMN, &p, "\"%s\"%s",
			    s->cells[i].text, k < 0 ? "" : " twice");
			rc = -1;
		} else
			L->col[k] = s->cells[i].col;
	}
	for (i = 0; i < NIDS; i++)
		if (L->col[S_ids[i]] == 0) {
			struct pos p = { s->file, 1, 0 };
			const char *name = header;

			for (k = 0; k < (int)S_ids[i]; k++)
				name = strchr(name, ',') + 1;
			diag_msg(im->d, MSG_SHEET_COLUMN_MISSING, &p, "\"%.*s\"",
			    (int)strcspn(name, ","), name);
			rc = -1;
		}
	return rc;
}

/* Orders keyed rows by row. */
static int
S_by_row(const void *a, const void *b)
{
	const struct import_keyed *x = a, *y = b;

	return (x->row > y->row) - (x->row < y->row);
}

/* Returns the rows of L's sheet after its header, keyed by their IDs
 * (malloc'd, *n of them, sorted by key). */
static struct import_keyed *
S_keys(struct import *im, const struct layout *L, size_t *n)
{
	unsigned cols[NIDS];
	size_t i;

	for (i = 0; i < NIDS; i++)
		cols[i] = L->col[S_ids[i]];
	return import_keyed_rows(im, L->s, 2, cols, NIDS, n);
}

/* What a row of framework.csv is about, found in the model. */
struct row {
	const struct jobtype	*jt;
	const struct specialty	*sp;
	const struct entry	*e;
	const struct level	*lv;	/* its level row's level, or NULL */
	unsigned		 occurrence;	/* among rows of its IDs */
};

/* Returns the text of a cell as exported, its formula guard (a ' that
 * export_csv_needs_guard() adds) taken off. */
static const char *
S_unguard(const char *s)
{
	return s[0] == '\'' && export_csv_needs_guard(s + 1) ? s + 1 : s;
}

/* Finds the job type, specialty and entry the IDs of row of L name, as
 * r.  Returns the column of the first that names nothing (reported),
 * or CSV_COL__COUNT. */
static enum csv_column
S_find_row(struct import *im, const struct layout *L, unsigned row,
    struct row *r)
{
	memset(r, 0, sizeof(*r));
	r->jt = import_jobtype(im->m, S_at(L, row, CSV_COL_JOBTYPE_ID));
	if (r->jt == NULL)
		return CSV_COL_JOBTYPE_ID;
	r->sp = import_specialty(r->jt, S_at(L, row, CSV_COL_SPECIALTY_ID));
	if (r->sp == NULL)
		return CSV_COL_SPECIALTY_ID;
	r->e = import_entry(r->sp, S_at(L, row, CSV_COL_SKILL_ID));
	return r->e == NULL ? CSV_COL_SKILL_ID : CSV_COL__COUNT;
}

/* Reports why row of L, found in no row of the download, fits
 * nothing: at the first ID cell that names nothing, else at its kind
 * (a row added). */
static void
S_unknown_row(struct import *im, const struct layout *L, unsigned row)
{
	static const char *const what[] = { "job type", "", "specialty", "",
	    "skill" };
	enum csv_column c;
	struct row r;
	struct pos p;

	c = S_find_row(im, L, row, &r);
	if (c != CSV_COL__COUNT) {
		p = S_cell(L, row, c);
		diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "%s \"%s\"", what[c],
		    S_at(L, row, c));
		return;
	}
	p = S_cell(L, row, CSV_COL_LEVEL);
	if (strcmp(S_at(L, row, CSV_COL_KIND), EXPORT_ROW_KNOWLEDGE) != 0 &&
	    !jobtype_level_defined(r.jt, atoi(S_at(L, row, CSV_COL_LEVEL)))) {
		diag_msg(im->d, MSG_IMPORT_LEVEL, &p, "\"%s\"",
		    S_at(L, row, CSV_COL_LEVEL));
		return;
	}
	p = S_cell(L, row, CSV_COL_KIND);
	diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "a row of kind \"%s\" from "
	    "\"%s\" that the download does not have here",
	    S_at(L, row, CSV_COL_KIND), S_at(L, row, CSV_COL_SOURCE));
}

/* Reports each cell of row of L derived from the XML that differs from
 * row erow of the download E. */
static void
S_check_fixed(struct import *im, const struct layout *L, unsigned row,
    const struct layout *E, unsigned erow)
{
	size_t i;

	for (i = 0; i < sizeof(S_fixed) / sizeof(S_fixed[0]); i++) {
		enum csv_column c = S_fixed[i];
		struct pos p = S_cell(L, row, c);

		if (L->col[c] != 0 && strcmp(S_at(L, row, c),
		    S_at(E, erow, c)) != 0)
			diag_msg(im->d, MSG_IMPORT_FIXED, &p, "\"%s\"; the "
			    "download has \"%s\"", S_at(L, row, c),
			    S_at(E, erow, c));
	}
}

/* Observes column c of row of L, when the sheet has it, as the text old
 * of the field at at (child: of its child element so named). */
static void
S_observe(struct import *im, const struct layout *L, unsigned row,
    enum csv_column c, const struct pos *at, const char *child,
    int markdown, const char *old)
{
	struct pos p = S_cell(L, row, c);

	if (L->col[c] != 0)
		import_observe(im, at, child, markdown, old,
		    S_unguard(S_at(L, row, c)), &p);
}

/* Returns whether from, a tailoring, is source (a row's ID). */
static int
S_from(const struct tailoring *from, const char *source)
{
	return from != NULL && strcmp(from->id, source) == 0;
}

/* Returns the i-th knowledge item of skill k that tailoring source
 * added, or NULL. */
static const struct knowledge *
S_added_item(const struct skill *k, const char *source, size_t i)
{
	size_t j;

	for (j = 0; j < k->nknowledge; j++)
		if (S_from(k->knowledge[j].from, source) && i-- == 0)
			return &k->knowledge[j];
	return NULL;
}

/* Returns the i-th learning resource of level lv that tailoring source
 * gives, or NULL. */
static const struct resource *
S_resource(const struct level *lv, const char *source, size_t i)
{
	size_t j;

	for (j = 0; lv != NULL && j < lv->nresources; j++)
		if (S_from(lv->resources[j]->at.from, source) && i-- == 0)
			return lv->resources[j];
	return NULL;
}

/* Observes the text column of row of L, r, of kind kind. */
static void
S_observe_text(struct import *im, const struct layout *L, unsigned row,
    const struct row *r, const char *kind)
{
	const struct level *lv = entry_find_level(r->e,
	    atoi(S_at(L, row, CSV_COL_LEVEL)));
	const struct tailor_text *x = lv != NULL ? lv->company : NULL;
	const char *source = S_at(L, row, CSV_COL_SOURCE);
	const struct resource *rs = S_resource(lv, source, r->occurrence);
	const struct knowledge *item;
	struct pos p = S_cell(L, row, CSV_COL_TEXT);
	const char *text = S_unguard(S_at(L, row, CSV_COL_TEXT));

	if (strcmp(kind, EXPORT_ROW_LEVEL) == 0 && lv != NULL)
		S_observe(im, L, row, CSV_COL_TEXT, &lv->pos, NULL, 1,
		    lv->markdown);
	else if (strcmp(kind, EXPORT_ROW_LEVEL) == 0 && L->col[CSV_COL_TEXT] &&
	    text_has_visible(text))
		diag_msg(im->d, MSG_IMPORT_EMPTY_LEVEL, &p, NULL);
	else if (strcmp(kind, EXPORT_ROW_MEANING) == 0 && x != NULL)
		S_observe(im, L, row, CSV_COL_TEXT, &x->meaning_pos, NULL, 1,
		    x->meaning);
	else if (strcmp(kind, EXPORT_ROW_EVIDENCE) == 0 && x != NULL)
		S_observe(im, L, row, CSV_COL_TEXT, &x->evidence_pos, NULL, 1,
		    x->evidence);
	else if (strcmp(kind, EXPORT_ROW_RESOURCE) == 0 && rs != NULL)
		S_observe(im, L, row, CSV_COL_TEXT, &rs->at.pos, "title", 0,
		    rs->title);
	else if (strcmp(kind, EXPORT_ROW_KNOWLEDGE) == 0 && (item =
	    S_added_item(r->e->skill, source, r->occurrence)) != NULL)
		S_observe(im, L, row, CSV_COL_TEXT, &item->pos, NULL, 0,
		    item->text);
}

/* Observes the texts of row of L, r: the names, the skill's own
 * knowledge items, the text of its kind. */
static void
S_observe_row(struct import *im, const struct layout *L, unsigned row,
    const struct row *r)
{
	const struct skill *k = r->e->skill;
	const char *child;
	struct pos at = import_skill_name_at(k, &child);
	struct pos p = S_cell(L, row, CSV_COL_KNOWLEDGE);

	S_observe(im, L, row, CSV_COL_JOBTYPE, &r->jt->pos, "name", 0,
	    r->jt->name);
	S_observe(im, L, row, CSV_COL_SPECIALTY, &r->sp->pos, "name", 0,
	    r->sp->name);
	S_observe(im, L, row, CSV_COL_SKILL, &at, child, 0, k->name);
	if (L->col[CSV_COL_KNOWLEDGE] != 0)
		import_observe_items(im, k->knowledge, k->nknowledge,
		    S_unguard(S_at(L, row, CSV_COL_KNOWLEDGE)), &p);
	S_observe_text(im, L, row, r, S_at(L, row, CSV_COL_KIND));
}

/* Reports each row of the download (keys v, n) that no row matched. */
static void
S_missing(struct import *im, const struct layout *L, const struct layout *E,
    const struct import_keyed *v, size_t n)
{
	struct pos p = { L->s->file, 0, 0 };
	size_t i;

	for (i = 0; i < n; i++)
		if (!v[i].seen)
			diag_msg(im->d, MSG_IMPORT_ROW_MISSING, &p, "%s %s %s "
			    "%s %s (%s)", S_at(E, v[i].row, CSV_COL_JOBTYPE_ID),
			    S_at(E, v[i].row, CSV_COL_SPECIALTY_ID),
			    S_at(E, v[i].row, CSV_COL_SKILL_ID),
			    S_at(E, v[i].row, CSV_COL_LEVEL),
			    S_at(E, v[i].row, CSV_COL_KIND),
			    S_at(E, v[i].row, CSV_COL_SOURCE));
}

void
import_csv_sheet(struct import *im, const struct grid_sheet *s,
    const char *header, const struct grid_sheet *expected)
{
	struct import_keyed *mine, *theirs, *k;
	struct layout L, E;
	size_t nmine, ntheirs, i, c;
	struct row r;

	if (S_header(im, s, header, &L) < 0)
		return;
	memset(&E, 0, sizeof(E));
	E.s = expected;
	for (c = 0; c < CSV_COL__COUNT; c++)
		E.col[c] = (unsigned)c + 1;
	mine = S_keys(im, &L, &nmine);
	theirs = S_keys(im, &E, &ntheirs);
	qsort(mine, nmine, sizeof(*mine), S_by_row);
	for (i = 0; i < nmine; i++) {
		if ((k = import_keyed_find(theirs, ntheirs, mine[i].key,
		    mine[i].occurrence)) == NULL) {
			S_unknown_row(im, &L, mine[i].row);
			continue;
		}
		k->seen = 1;
		S_check_fixed(im, &L, mine[i].row, &E, k->row);
		S_find_row(im, &L, mine[i].row, &r);
		r.occurrence = mine[i].occurrence;
		S_observe_row(im, &L, mine[i].row, &r);
	}
	S_missing(im, &L, &E, theirs, ntheirs);
	free(mine);
	free(theirs);
}
