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
static const int S_ids[] = { CSV_COL_JOBTYPE_ID,
	CSV_COL_SPECIALTY_ID, CSV_COL_SKILL_ID, CSV_COL_LEVEL, CSV_COL_KIND,
	CSV_COL_SOURCE };

/* The columns derived from the XML that no edit may change: only the
 * XML's IDs and attributes say them. */
static const int S_fixed[] = { CSV_COL_SCOPE,
	CSV_COL_SKILL_SOURCE, CSV_COL_STANDARD_NAME, CSV_COL_NAME_SOURCE,
	CSV_COL_RESOURCE_KIND, CSV_COL_HOURS, CSV_COL_HREF };

/* What a row of framework.csv is about, found in the model. */
struct row {
	const struct jobtype	*jt;
	const struct specialty	*sp;
	const struct entry	*e;
	const struct level	*lv;	/* its level row's level, or NULL */
	unsigned		 occurrence;	/* among rows of its IDs */
};

/* Finds the job type, specialty and entry the IDs of row of L name, as
 * r.  Returns the column of the first that names nothing (reported),
 * or CSV_COL__COUNT. */
static enum csv_column
S_find_row(struct import *im, const struct import_layout *L, unsigned row,
    struct row *r)
{
	memset(r, 0, sizeof(*r));
	r->jt = import_jobtype(im->m, import_at(L, row, CSV_COL_JOBTYPE_ID));
	if (r->jt == NULL)
		return CSV_COL_JOBTYPE_ID;
	r->sp = import_specialty(r->jt, import_at(L, row, CSV_COL_SPECIALTY_ID));
	if (r->sp == NULL)
		return CSV_COL_SPECIALTY_ID;
	r->e = import_entry(r->sp, import_at(L, row, CSV_COL_SKILL_ID));
	return r->e == NULL ? CSV_COL_SKILL_ID : CSV_COL__COUNT;
}

/* Reports why row of L, found in no row of the download, fits
 * nothing: at the first ID cell that names nothing, else at its kind
 * (a row added). */
static void
S_unknown_row(struct import *im, const struct import_layout *L, unsigned row)
{
	static const char *const what[] = { "job type", "", "specialty", "",
	    "skill" };
	enum csv_column c;
	struct row r;
	struct pos p;

	c = S_find_row(im, L, row, &r);
	if (c != CSV_COL__COUNT) {
		p = import_cell(L, row, c);
		diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "%s \"%s\"", what[c],
		    import_at(L, row, c));
		return;
	}
	p = import_cell(L, row, CSV_COL_LEVEL);
	if (strcmp(import_at(L, row, CSV_COL_KIND), EXPORT_ROW_KNOWLEDGE) != 0 &&
	    !jobtype_level_defined(r.jt, atoi(import_at(L, row, CSV_COL_LEVEL)))) {
		diag_msg(im->d, MSG_IMPORT_LEVEL, &p, "\"%s\"",
		    import_at(L, row, CSV_COL_LEVEL));
		return;
	}
	p = import_cell(L, row, CSV_COL_KIND);
	diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "a row of kind \"%s\" from "
	    "\"%s\" that the download does not have here",
	    import_at(L, row, CSV_COL_KIND), import_at(L, row, CSV_COL_SOURCE));
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
S_observe_text(struct import *im, const struct import_layout *L, unsigned row,
    const struct row *r, const char *kind)
{
	const struct level *lv = entry_find_level(r->e,
	    atoi(import_at(L, row, CSV_COL_LEVEL)));
	const struct tailor_text *x = lv != NULL ? lv->company : NULL;
	const char *source = import_at(L, row, CSV_COL_SOURCE);
	const struct resource *rs = S_resource(lv, source, r->occurrence);
	const struct knowledge *item;
	struct pos p = import_cell(L, row, CSV_COL_TEXT);
	const char *text = import_at(L, row, CSV_COL_TEXT);

	if (strcmp(kind, EXPORT_ROW_LEVEL) == 0 && lv != NULL)
		import_observe_cell(im, L, row, CSV_COL_TEXT, &lv->pos, NULL, 1,
		    lv->markdown);
	else if (strcmp(kind, EXPORT_ROW_LEVEL) == 0 && L->col[CSV_COL_TEXT] &&
	    text_has_visible(text))
		diag_msg(im->d, MSG_IMPORT_EMPTY_LEVEL, &p, NULL);
	else if (strcmp(kind, EXPORT_ROW_MEANING) == 0 && x != NULL)
		import_observe_cell(im, L, row, CSV_COL_TEXT, &x->meaning_pos, NULL, 1,
		    x->meaning);
	else if (strcmp(kind, EXPORT_ROW_EVIDENCE) == 0 && x != NULL)
		import_observe_cell(im, L, row, CSV_COL_TEXT, &x->evidence_pos, NULL, 1,
		    x->evidence);
	else if (strcmp(kind, EXPORT_ROW_RESOURCE) == 0 && rs != NULL)
		import_observe_cell(im, L, row, CSV_COL_TEXT, &rs->at.pos, "title", 0,
		    rs->title);
	else if (strcmp(kind, EXPORT_ROW_KNOWLEDGE) == 0 && (item =
	    S_added_item(r->e->skill, source, r->occurrence)) != NULL)
		import_observe_cell(im, L, row, CSV_COL_TEXT, &item->pos, NULL, 0,
		    item->text);
}

/* Observes the texts of row of L, r: the names, the skill's own
 * knowledge items, the text of its kind. */
static void
S_observe_row(struct import *im, const struct import_layout *L, unsigned row,
    const struct row *r)
{
	const struct skill *k = r->e->skill;
	const char *child;
	struct pos at = import_skill_name_at(k, &child);
	struct pos p = import_cell(L, row, CSV_COL_KNOWLEDGE);

	import_observe_cell(im, L, row, CSV_COL_JOBTYPE, &r->jt->pos, "name", 0,
	    r->jt->name);
	import_observe_cell(im, L, row, CSV_COL_SPECIALTY, &r->sp->pos, "name", 0,
	    r->sp->name);
	import_observe_cell(im, L, row, CSV_COL_SKILL, &at, child, 0, k->name);
	if (L->col[CSV_COL_KNOWLEDGE] != 0)
		import_observe_items(im, k->knowledge, k->nknowledge,
		    import_unguard(import_at(L, row, CSV_COL_KNOWLEDGE)), &p);
	S_observe_text(im, L, row, r, import_at(L, row, CSV_COL_KIND));
}

/* import_kind row: observes row of L, occurrence-th of its IDs. */
static void
S_row(struct import *im, const struct import_layout *L, unsigned row,
    unsigned occurrence)
{
	struct row r;

	S_find_row(im, L, row, &r);
	r.occurrence = occurrence;
	S_observe_row(im, L, row, &r);
}

void
import_csv_sheet(struct import *im, const struct grid_sheet *s,
    const char *header, const struct grid_sheet *expected)
{
	struct import_kind k = { header, S_ids, sizeof(S_ids) / sizeof(*S_ids),
	    S_fixed, sizeof(S_fixed) / sizeof(*S_fixed), S_row,
	    S_unknown_row };

	import_csv_rows(im, s, expected, &k);
}
