/* import_xlsx.c: framework.xlsx read back, by its layout
 * (xlsx_layout.h), as edits of the model's texts; see import.h.
 * Sheets are found by what they hold, wherever they are: a matrix per
 * job type x specialty by its key row, the knowledge items, the notes
 * and, for a tailored build, the company texts and the learning
 * resources by their header row (the roles are not read); a sheet whose
 * key or header was edited, by its place in the download.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "labels.h"
#include "text.h"
#include "xlsx_layout.h"

#define ROW(r)	((unsigned)(r) + 1)	/* layout rows and columns count */
#define COL(c)	((unsigned)(c) + 1)	/* from 0, grid ones from 1 */

/* Returns the text at layout row r, column c of s ("" when empty). */
static const char *
S_at(const struct grid_sheet *s, unsigned r, unsigned c)
{
	const struct grid_cell *cell = grid_cell_at(s, r, c);

	return cell != NULL ? cell->text : "";
}

/* Returns the position of grid row r, column c of s. */
static struct pos
S_cell(const struct grid_sheet *s, unsigned r, unsigned c)
{
	struct pos p = { s->file, (int)r, (int)c };

	return p;
}

/* Observes the cell at row r, column c of s as the text old of the
 * field at at (child: its child element so named). */
static void
S_observe(struct import *im, const struct grid_sheet *s, unsigned r,
    unsigned c, const struct pos *at, const char *child, int markdown,
    const char *old)
{
	struct pos p = S_cell(s, r, c);

	import_observe(im, at, child, markdown, old, S_at(s, r, c), &p);
}

/* Returns the source column's text of what from added: its ID, or
 * "standard". */
static const char *
S_source(const struct tailoring *from)
{
	return from != NULL ? from->id : "standard";
}

/* Reports the cell at r, c of s when it is not want: a cell the XML
 * alone says. */
static void
S_fixed(struct import *im, const struct grid_sheet *s, unsigned r,
    unsigned c, const char *want)
{
	struct pos p = S_cell(s, r, c);

	if (strcmp(S_at(s, r, c), want) != 0)
		diag_msg(im->d, MSG_IMPORT_FIXED, &p, "\"%s\"; the download "
		    "has \"%s\"", S_at(s, r, c), want);
}

/* Observes the level cells of row r of matrix s, entry e of jt: the
 * i-th defined level in column XLSX_COL_FIRST_LEVEL + i. */
static void
S_matrix_levels(struct import *im, const struct grid_sheet *s, unsigned r,
    const struct jobtype *jt, const struct entry *e)
{
	unsigned c = COL(XLSX_COL_FIRST_LEVEL);
	int n;

	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n), c++) {
		const struct level *lv = entry_find_level(e, n);
		struct pos p = S_cell(s, r, c);

		if (lv != NULL && lv->hidden_by == NULL)
			S_observe(im, s, r, c, &lv->pos, NULL, 1, lv->markdown);
		else if (text_has_visible(S_at(s, r, c)))
			diag_msg(im->d, MSG_IMPORT_EMPTY_LEVEL, &p, NULL);
	}
}

/* Reads matrix sheet s as that of specialty sp of jt: its key row, then
 * a row per skill; reports a skill of sp no row has. */
static void
S_matrix(struct import *im, const struct grid_sheet *s,
    const struct jobtype *jt, const struct specialty *sp)
{
	unsigned key = ROW(XLSX_MATRIX_KEY_ROW), r = 0, a = COL(0);
	char *seen = xcalloc(sp->nentries + 1, 1);
	const char *child;
	struct pos at, p;
	size_t i;

	S_fixed(im, s, key, COL(0), jt->id);
	S_fixed(im, s, key, COL(2), sp->id);
	S_observe(im, s, key, COL(1), &jt->pos, "name", 0, jt->name);
	S_observe(im, s, key, COL(3), &sp->pos, "name", 0, sp->name);
	for (i = 0; i < s->ncells; i++) {
		const struct entry *e;

		if (s->cells[i].row < ROW(XLSX_MATRIX_FIRST_ROW) ||
		    s->cells[i].row == r)
			continue;
		r = s->cells[i].row;
		p = S_cell(s, r, a);
		if ((e = import_entry(sp, S_at(s, r, a))) == NULL) {
			diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "skill \"%s\"",
			    S_at(s, r, a));
			continue;
		}
		seen[e - sp->entries] = 1;
		at = import_skill_name_at(e->skill, &child);
		S_observe(im, s, r, COL(XLSX_COL_SKILL_NAME), &at, child, 0,
		    e->skill->name);
		S_fixed(im, s, r, COL(XLSX_COL_SOURCE), S_source(e->from));
		S_matrix_levels(im, s, r, jt, e);
	}
	p = S_cell(s, 0, 0);
	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill != NULL && !seen[i])
			diag_msg(im->d, MSG_IMPORT_ROW_MISSING, &p, "skill %s",
			    sp->entries[i].skill_id);
	free(seen);
}

/* Returns the number of the whole number s (digits only), or 0. */
static size_t
S_number(const char *s)
{
	size_t n = 0;

	if (*s == '\0' || strspn(s, "0123456789") != strlen(s) ||
	    strlen(s) > 6)
		return 0;
	for (; *s != '\0'; s++)
		n = n * 10 + (size_t)(*s - '0');
	return n;
}

/* Reads row r of the knowledge items' sheet s. */
static void
S_knowledge_row(struct import *im, const struct grid_sheet *s, unsigned r)
{
	const struct jobtype *jt = import_jobtype(im->m, S_at(s, r,
	    COL(XLSX_KN_JOBTYPE_ID)));
	const struct skill *k = jt != NULL ? jobtype_find_skill(jt,
	    S_at(s, r, COL(XLSX_KN_SKILL_ID))) : NULL;
	size_t n = S_number(S_at(s, r, COL(XLSX_KN_NUMBER)));
	unsigned c = jt == NULL ? COL(XLSX_KN_JOBTYPE_ID) : k == NULL ?
	    COL(XLSX_KN_SKILL_ID) : COL(XLSX_KN_NUMBER);
	struct pos p = S_cell(s, r, c), at;
	const struct knowledge *item;
	const char *child;

	if (k == NULL || n == 0 || n > k->nknowledge) {
		diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "\"%s\"",
		    S_at(s, r, c));
		return;
	}
	item = &k->knowledge[n - 1];
	S_fixed(im, s, r, COL(XLSX_KN_SOURCE), S_source(item->from));
	at = import_skill_name_at(k, &child);
	S_observe(im, s, r, COL(XLSX_KN_SKILL), &at, child, 0, k->name);
	S_observe(im, s, r, COL(XLSX_KN_TEXT), &item->pos, NULL, 0,
	    item->text);
}

/* Returns the notes row r of the notes' sheet s belongs to, or NULL
 * (reported at the cell that names nothing). */
static const struct notes *
S_note_owner(struct import *im, const struct grid_sheet *s, unsigned r)
{
	const char *kind = S_at(s, r, COL(XLSX_NOTE_KIND_COL));
	const struct jobtype *jt = import_jobtype(im->m,
	    S_at(s, r, COL(XLSX_NOTE_JOBTYPE_ID)));
	const struct specialty *sp = import_specialty(jt,
	    S_at(s, r, COL(XLSX_NOTE_SPECIALTY_ID)));
	const char *skill = S_at(s, r, COL(XLSX_NOTE_SKILL_ID));
	const struct skill *k = jt ? jobtype_find_skill(jt, skill) : NULL;
	const struct entry *e = import_entry(sp, skill);
	struct pos p = S_cell(s, r, COL(XLSX_NOTE_KIND_COL));

	if (strcmp(kind, XLSX_NOTE_FRAMEWORK) == 0 && im->m->framework)
		return &im->m->framework->notes;
	if (strcmp(kind, XLSX_NOTE_JOBTYPE) == 0 && jt != NULL)
		return &jt->notes;
	if (strcmp(kind, XLSX_NOTE_SKILL) == 0 && k != NULL)
		return &k->notes;
	if (strcmp(kind, XLSX_NOTE_SPECIALTY) == 0 && sp != NULL)
		return &sp->notes;
	if (strcmp(kind, XLSX_NOTE_ENTRY) == 0 && e != NULL)
		return &e->notes;
	diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "a note of %s %s %s %s",
	    kind, S_at(s, r, COL(XLSX_NOTE_JOBTYPE_ID)), S_at(s, r,
	    COL(XLSX_NOTE_SPECIALTY_ID)), skill);
	return NULL;
}

/* Reads the notes' sheet s: the i-th row of an owner is its i-th note. */
static void
S_notes(struct import *im, const struct grid_sheet *s)
{
	static const unsigned key[] = { COL(XLSX_NOTE_KIND_COL),
	    COL(XLSX_NOTE_JOBTYPE_ID), COL(XLSX_NOTE_SPECIALTY_ID),
	    COL(XLSX_NOTE_SKILL_ID) };
	struct import_keyed *v;
	size_t n, i;

	v = import_keyed_rows(im, s, ROW(XLSX_LIST_FIRST_ROW), key,
	    sizeof(key) / sizeof(*key), &n);
	for (i = 0; i < n; i++) {
		const struct notes *ns = S_note_owner(im, s, v[i].row);
		struct pos p = S_cell(s, v[i].row, COL(XLSX_NOTE_TEXT));

		if (ns != NULL && v[i].occurrence < ns->n)
			S_observe(im, s, v[i].row, COL(XLSX_NOTE_TEXT),
			    &ns->v[v[i].occurrence].pos, NULL, 1,
			    ns->v[v[i].occurrence].markdown);
		else if (ns != NULL)
			diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "%s",
			    "a note more than the content has here");
	}
	free(v);
}

/* Returns the level that row r of a tailored list sheet s is about,
 * its first columns as the texts' sheet lays them out, and observes its
 * specialty's and skill's names; NULL when they name nothing
 * (reported). */
static const struct level *
S_tailored_level(struct import *im, const struct grid_sheet *s, unsigned r)
{
	const struct jobtype *jt = import_jobtype(im->m,
	    S_at(s, r, COL(XLSX_TX_JOBTYPE_ID)));
	const struct specialty *sp = import_specialty(jt,
	    S_at(s, r, COL(XLSX_TX_SPECIALTY_ID)));
	const struct entry *e = import_entry(sp, S_at(s, r, COL(XLSX_TX_SKILL_ID)));
	const struct level *lv = e != NULL ? entry_find_level(e,
	    (int)S_number(S_at(s, r, COL(XLSX_TX_LEVEL)))) : NULL;
	unsigned c = jt == NULL ? XLSX_TX_JOBTYPE_ID : sp == NULL ?
	    XLSX_TX_SPECIALTY_ID : e == NULL ? XLSX_TX_SKILL_ID : XLSX_TX_LEVEL;
	struct pos p = S_cell(s, r, COL(c)), at;
	const char *child;

	if (lv == NULL) {
		diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "\"%s\"",
		    S_at(s, r, COL(c)));
		return NULL;
	}
	S_observe(im, s, r, COL(XLSX_TX_SPECIALTY), &sp->pos, "name", 0,
	    sp->name);
	at = import_skill_name_at(e->skill, &child);
	S_observe(im, s, r, COL(XLSX_TX_SKILL), &at, child, 0, e->skill->name);
	return lv;
}

/* Observes company text field text (NULL: none) at pos in column c of
 * row r of s; a text where the XML has none is an error. */
static void
S_company_field(struct import *im, const struct grid_sheet *s, unsigned r,
    unsigned c, const char *text, const struct pos *pos)
{
	struct pos p = S_cell(s, r, c);

	if (text != NULL)
		S_observe(im, s, r, c, pos, NULL, 1, text);
	else if (text_has_visible(S_at(s, r, c)))
		diag_msg(im->d, MSG_IMPORT_FIXED, &p, "\"%s\"; the download "
		    "has none", S_at(s, r, c));
}

/* Reads the company texts' sheet s. */
static void
S_texts(struct import *im, const struct grid_sheet *s)
{
	const struct tailor_text *x;
	const struct level *lv;
	unsigned r = 0;
	size_t i;

	for (i = 0; i < s->ncells; i++) {
		if (s->cells[i].row < ROW(XLSX_LIST_FIRST_ROW) ||
		    s->cells[i].row == r)
			continue;
		r = s->cells[i].row;
		if ((lv = S_tailored_level(im, s, r)) == NULL)
			continue;
		if ((x = lv->company) == NULL) {
			struct pos p = S_cell(s, r, COL(XLSX_TX_LEVEL));

			diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "%s",
			    "a level with no company text");
			continue;
		}
		S_fixed(im, s, r, COL(XLSX_TX_SOURCE), S_source(x->at.from));
		S_company_field(im, s, r, COL(XLSX_TX_MEANING), x->meaning,
		    &x->meaning_pos);
		S_company_field(im, s, r, COL(XLSX_TX_EVIDENCE), x->evidence,
		    &x->evidence_pos);
	}
}

/* Reads the learning resources' sheet s: the i-th row of a level is its
 * i-th resource. */
static void
S_resources(struct import *im, const struct grid_sheet *s)
{
	static const unsigned key[] = { COL(XLSX_RS_JOBTYPE_ID),
	    COL(XLSX_RS_SPECIALTY_ID), COL(XLSX_RS_SKILL_ID),
	    COL(XLSX_RS_LEVEL) };
	struct import_keyed *v;
	size_t n, i;

	v = import_keyed_rows(im, s, ROW(XLSX_LIST_FIRST_ROW), key,
	    sizeof(key) / sizeof(*key), &n);
	for (i = 0; i < n; i++) {
		const struct level *lv = S_tailored_level(im, s, v[i].row);
		const struct resource *rs;
		unsigned r = v[i].row;
		struct pos p = S_cell(s, r, COL(XLSX_RS_TITLE));

		if (lv == NULL)
			continue;
		if (v[i].occurrence >= lv->nresources) {
			diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "%s",
			    "a learning resource more than the content has");
			continue;
		}
		rs = lv->resources[v[i].occurrence];
		S_fixed(im, s, r, COL(XLSX_RS_KIND), resource_kind_name(rs->kind));
		S_fixed(im, s, r, COL(XLSX_RS_HOURS), rs->hours ? rs->hours : "");
		S_fixed(im, s, r, COL(XLSX_RS_HREF), rs->href ? rs->href : "");
		S_fixed(im, s, r, COL(XLSX_RS_SOURCE), S_source(rs->at.from));
		S_observe(im, s, r, COL(XLSX_RS_TITLE), &rs->at.pos, "title", 0,
		    rs->title);
	}
	free(v);
}

/* Returns whether row r of s holds the comma-separated names of header
 * from column A on, each in its own cell. */
static int
S_header_is(const struct grid_sheet *s, unsigned r, const char *header)
{
	const char *name = header, *cell;
	unsigned c = 1;
	size_t n;

	for (;; c++) {
		n = strcspn(name, ",");
		cell = S_at(s, r, c);
		if (strlen(cell) != n || strncmp(cell, name, n) != 0)
			return 0;
		if (name[n] == '\0')
			return 1;
		name += n + 1;
	}
}

/* Returns whether s is the matrix of specialty sp of jt: its key row
 * names both. */
static int
S_matrix_is(const struct grid_sheet *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	unsigned key = ROW(XLSX_MATRIX_KEY_ROW);

	return strcmp(S_at(s, key, COL(0)), jt->id) == 0 &&
	    strcmp(S_at(s, key, COL(2)), sp->id) == 0;
}

/* Returns the sheet of g that holds what: the matrix of jt and sp
 * (header NULL), or the one whose list header is header; where none
 * does (a key or header edited), sheet i, its place in the download, or
 * NULL after reporting that the workbook has too few sheets.  So sheets
 * moved, added or renamed in Excel are still found.  A second sheet
 * that holds the same (a copy made in Excel) is reported at its key or
 * header row: which one the editor changed cannot be told. */
static const struct grid_sheet *
S_sheet(struct import *im, const struct grid *g, size_t i, const char *what,
    const struct jobtype *jt, const struct specialty *sp, const char *header)
{
	struct pos p = { g->nsheets > 0 ? g->sheets[0].file : 0, 0, 0 };
	unsigned row = ROW(header != NULL ? XLSX_LIST_HEADER_ROW :
	    XLSX_MATRIX_KEY_ROW);
	const struct grid_sheet *found = NULL;
	size_t k;

	for (k = 0; k < g->nsheets; k++) {
		if (!(header != NULL ? S_header_is(&g->sheets[k], row, header) :
		    S_matrix_is(&g->sheets[k], jt, sp)))
			continue;
		if (found == NULL) {
			found = &g->sheets[k];
			continue;
		}
		p = S_cell(&g->sheets[k], row, COL(0));
		diag_msg(im->d, MSG_SHEET_TWICE, &p, "%s%s, as sheet \"%s\"",
		    header == NULL ? "specialty " : "", what, found->name);
	}
	if (found != NULL)
		return found;
	if (i < g->nsheets)
		return &g->sheets[i];
	diag_msg(im->d, MSG_IMPORT_ROW_MISSING, &p, "the sheet of %s", what);
	return NULL;
}

/* Returns the list sheet of g whose header is label l of lb, as
 * S_sheet() finds it. */
static const struct grid_sheet *
S_list(struct import *im, const struct grid *g, size_t i, const char *what,
    const struct labels *lb, enum label l)
{
	return S_sheet(im, g, i, what, NULL, NULL, labels_text(lb, l));
}

/* Returns whether some job type of m is tailored. */
static int
S_tailored(const struct model *m)
{
	size_t i;

	for (i = 0; i < m->njobtypes; i++)
		if (m->jobtypes[i].ntailorings > 0)
			return 1;
	return 0;
}

void
import_xlsx(struct import *im, const struct grid *g, const struct labels *lb)
{
	const struct grid_sheet *s;
	const struct jobtype *jt;
	size_t i, j, at = 1;	/* sheet 0: the contents */
	unsigned r = 0;

	for (i = 0; i < im->m->njobtypes; i++)
		for (j = 0, jt = &im->m->jobtypes[i]; j < jt->nspecialties; j++)
			if ((s = S_sheet(im, g, at++, jt->specialties[j].id, jt,
			    &jt->specialties[j], NULL)) != NULL)
				S_matrix(im, s, jt, &jt->specialties[j]);
	if ((s = S_list(im, g, at++, "the knowledge items", lb,
	    LABEL_XLSX_KNOWLEDGE_HEADER)) != NULL)
		for (i = 0; i < s->ncells; i++)
			if (s->cells[i].row >= ROW(XLSX_LIST_FIRST_ROW) &&
			    s->cells[i].row != r)
				S_knowledge_row(im, s, r = s->cells[i].row);
	if ((s = S_list(im, g, at++, "the notes", lb,
	    LABEL_XLSX_NOTES_HEADER)) != NULL)
		S_notes(im, s);
	if (!S_tailored(im->m))
		return;
	if ((s = S_list(im, g, at++, "the company texts", lb,
	    LABEL_XLSX_TEXTS_HEADER)) != NULL)
		S_texts(im, s);
	if ((s = S_list(im, g, at++, "the learning resources", lb,
	    LABEL_XLSX_RESOURCES_HEADER)) != NULL)
		S_resources(im, s);
}
