/* xlsx_framework_lists.c: the list sheets of framework.xlsx (knowledge
 * items, notes, and of a tailored model the company's texts, learning
 * resources and roles; their columns are xlsx_layout.h's) and the parts
 * of a sheet xlsx_framework.c shares: headers, contents rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#include "export.h"
#include "xlsx_framework_private.h"
#include "xlsx_layout.h"

/* Each list's column widths (Excel's units) and keys (bit n: column n
 * is an ID or a source, small and grey). */
static const double S_knowledge_w[XLSX_KN__COUNT] = { 11, 12, 22, 5, 70,
    10 };
static const struct list S_knowledge = { S_knowledge_w, 0x23,
    XLSX_KN__COUNT };
static const double S_notes_w[XLSX_NOTE__COUNT] = { 10, 11, 12, 12, 88 };
static const struct list S_notes = { S_notes_w, 0x0F, XLSX_NOTE__COUNT };
static const double S_texts_w[XLSX_TX__COUNT] = { 11, 11, 14, 12, 16, 5,
    45, 45, 10 };
static const struct list S_texts = { S_texts_w, 0x10B, XLSX_TX__COUNT };
static const double S_resources_w[XLSX_RS__COUNT] = { 11, 11, 14, 12, 16,
    5, 10, 36, 6, 36, 10 };
static const struct list S_resources = { S_resources_w, 0x40B,
    XLSX_RS__COUNT };
static const double S_roles_w[LABEL_CSV_ROLE_COLUMNS] = { 11, 14, 11, 14,
    12, 16, 40, 12, 16, 6, 10 };
static const struct list S_roles = { S_roles_w, 0x495,
    LABEL_CSV_ROLE_COLUMNS };

/* The labels naming the fixed sheets. */
static const enum label S_fixed_label[XF__COUNT] = {
	LABEL_XLSX_SHEET_CONTENTS, LABEL_XLSX_SHEET_KNOWLEDGE,
	LABEL_XLSX_SHEET_NOTES, LABEL_XLSX_SHEET_TEXTS,
	LABEL_XLSX_SHEET_RESOURCES, LABEL_XLSX_SHEET_ROLES
};

enum label
xf_fixed_label(enum xf_fixed f)
{
	return S_fixed_label[f];
}

int
xf_header(struct book *b, lxw_worksheet *ws, int row, int col, enum label l,
    const double *width)
{
	const char *p = labels_text(b->l, l), *comma, *name;
	double h = 0, t;

	for (;; col++) {
		comma = strchr(p, ',');
		name = comma != NULL ? arena_strndup(&b->a, p,
		    (size_t)(comma - p)) : p;
		xlsx_text(ws, row, col, name, b->x->f.header);
		if (width != NULL && (t = xlsx_row_height(name, width[col],
		    XLSX_FONT_POINTS)) > h)
			h = t;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	if (h > 0)
		worksheet_set_row(ws, (lxw_row_t)row, h, NULL);
	return col + 1;
}

void
xf_contents_row(struct book *b, const char *name, const char *about)
{
	char *ref = xcalloc(2 * strlen(name) + 16, 1), *q = ref;
	const char *p;

	memcpy(ref, "internal:'", 10);
	q += 10;
	for (p = name; *p != '\0'; p++) {
		if (*p == '\'')
			*q++ = '\'';	/* a quote doubled, in a reference */
		*q++ = *p;
	}
	strcpy(q, "'!A1");
	worksheet_write_url_opt(b->contents, (lxw_row_t)b->row, 0, ref,
	    b->x->f.link, name, NULL);
	xlsx_text(b->contents, b->row, 1, about, b->x->f.cell);
	worksheet_set_row(b->contents, (lxw_row_t)b->row,
	    xlsx_row_height(about, W_CONTENTS_ABOUT, XLSX_FONT_POINTS), NULL);
	b->row++;
	free(ref);
}

lxw_worksheet *
xf_list_sheet(struct book *b, enum xf_fixed f, enum label a, enum label h,
    const struct list *c)
{
	lxw_worksheet *ws = xlsx_add_sheet(b->x, b->fixed[f]);
	int i;

	xf_contents_row(b, b->fixed[f], labels_text(b->l, a));
	xlsx_text(ws, XLSX_LIST_TITLE_ROW, 0, labels_text(b->l,
	    xf_fixed_label(f)), b->x->f.title);
	worksheet_set_row(ws, XLSX_LIST_TITLE_ROW, 24, NULL);
	xf_header(b, ws, XLSX_LIST_HEADER_ROW, 0, h, c->width);
	for (i = 0; i < c->n; i++)
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
		    c->width[i], NULL);
	worksheet_freeze_panes(ws, XLSX_LIST_FIRST_ROW, 0);
	xlsx_print_setup(ws, b->x->font, b->title, XLSX_LIST_HEADER_ROW,
	    XLSX_LIST_HEADER_ROW);
	return ws;
}

void
xf_list_row(struct book *b, lxw_worksheet *ws, int row, const char *const *v,
    const struct list *c)
{
	double h = 0, t;
	int i;

	for (i = 0; i < c->n; i++) {
		int key = (c->keys >> i) & 1;

		xlsx_text(ws, row, i, v[i], key ? b->x->f.key : b->x->f.cell);
		t = xlsx_row_height(v[i] != NULL ? v[i] : "", c->width[i],
		    key ? XLSX_KEY_POINTS : XLSX_FONT_POINTS);
		if (t > h)
			h = t;
	}
	worksheet_set_row(ws, (lxw_row_t)row, h, NULL);
}

void
xf_list_end(lxw_worksheet *ws, const struct list *c, int last)
{
	worksheet_autofilter(ws, XLSX_LIST_HEADER_ROW, 0,
	    (lxw_row_t)(last > XLSX_LIST_HEADER_ROW ? last :
	    XLSX_LIST_HEADER_ROW), (lxw_col_t)(c->n - 1));
}

/* Returns whether a job type of m is tailored (roles set: has
 * roles). */
static int
S_tailored(const struct model *m, int roles)
{
	size_t i;

	for (i = 0; i < m->njobtypes; i++)
		if (roles ? m->jobtypes[i].nroles > 0 :
		    m->jobtypes[i].ntailorings > 0)
			return 1;
	return 0;
}

void
xf_knowledge(struct book *b)
{
	const struct list *c = &S_knowledge;
	lxw_worksheet *ws = xf_list_sheet(b, XF_KNOWLEDGE,
	    LABEL_XLSX_ABOUT_KNOWLEDGE, LABEL_XLSX_KNOWLEDGE_HEADER, c);
	const char *v[XLSX_KN__COUNT];
	char number[24];
	int row = XLSX_LIST_FIRST_ROW;
	size_t i, j, k;

	v[XLSX_KN_NUMBER] = number;
	for (i = 0; i < b->m->njobtypes; i++) {
		const struct jobtype *jt = &b->m->jobtypes[i];

		v[XLSX_KN_JOBTYPE_ID] = jt->id;
		for (j = 0; j < jt->nskills; j++)
			for (k = 0; k < jt->skills[j].nknowledge; k++) {
				const struct knowledge *kn =
				    &jt->skills[j].knowledge[k];

				v[XLSX_KN_SKILL_ID] = jt->skills[j].id;
				v[XLSX_KN_SKILL] = jt->skills[j].name;
				snprintf(number, sizeof(number), "%zu", k + 1);
				v[XLSX_KN_TEXT] = kn->text;
				v[XLSX_KN_SOURCE] = export_source(kn->from);
				xf_list_row(b, ws, row++, v, c);
			}
	}
	xf_list_end(ws, c, row - 1);
}

/* The notes' sheet being written. */
struct notes_sheet {
	struct book	*b;
	lxw_worksheet	*ws;
	int		 row;
};

/* Writes a row per note of ns: of kind, keyed by the IDs jt, sp, sk. */
static void
S_note_rows(struct notes_sheet *s, const struct notes *ns, const char *kind,
    const char *jt, const char *sp, const char *sk)
{
	const char *v[XLSX_NOTE__COUNT];
	size_t i;

	v[XLSX_NOTE_KIND_COL] = kind;
	v[XLSX_NOTE_JOBTYPE_ID] = jt;
	v[XLSX_NOTE_SPECIALTY_ID] = sp;
	v[XLSX_NOTE_SKILL_ID] = sk;
	for (i = 0; i < ns->n; i++) {
		v[XLSX_NOTE_TEXT] = ns->v[i].markdown;
		xf_list_row(s->b, s->ws, s->row++, v, &S_notes);
	}
}

/* Writes the rows of the notes of job type jt: its own, its skills',
 * its specialties' and their entries'. */
static void
S_jobtype_notes(struct notes_sheet *s, const struct jobtype *jt)
{
	size_t i, j;

	S_note_rows(s, &jt->notes, XLSX_NOTE_JOBTYPE, jt->id, NULL, NULL);
	for (i = 0; i < jt->nskills; i++)
		S_note_rows(s, &jt->skills[i].notes, XLSX_NOTE_SKILL, jt->id,
		    NULL, jt->skills[i].id);
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];

		S_note_rows(s, &sp->notes, XLSX_NOTE_SPECIALTY, jt->id, sp->id,
		    NULL);
		for (j = 0; j < sp->nentries; j++)
			S_note_rows(s, &sp->entries[j].notes, XLSX_NOTE_ENTRY,
			    jt->id, sp->id, sp->entries[j].skill_id);
	}
}

void
xf_notes(struct book *b)
{
	struct notes_sheet s;
	size_t i;

	s.b = b;
	s.ws = xf_list_sheet(b, XF_NOTES, LABEL_XLSX_ABOUT_NOTES,
	    LABEL_XLSX_NOTES_HEADER, &S_notes);
	s.row = XLSX_LIST_FIRST_ROW;
	if (b->m->framework != NULL)
		S_note_rows(&s, &b->m->framework->notes, XLSX_NOTE_FRAMEWORK,
		    NULL, NULL, NULL);
	for (i = 0; i < b->m->njobtypes; i++)
		S_jobtype_notes(&s, &b->m->jobtypes[i]);
	xf_list_end(s.ws, &S_notes, s.row - 1);
}

/* Calls fn for each described level (its number n) of each entry of
 * each specialty of each tailored job type of b, in order. */
static void
S_each_level(struct book *b, void (*fn)(void *ctx, const struct jobtype *,
    const struct specialty *, const struct entry *, const struct level *),
    void *ctx)
{
	size_t i, j, k;
	int n;

	for (i = 0; i < b->m->njobtypes; i++) {
		const struct jobtype *jt = &b->m->jobtypes[i];

		for (j = 0; jt->ntailorings > 0 && j < jt->nspecialties; j++)
			for (k = 0; k < jt->specialties[j].nentries; k++) {
				const struct entry *e =
				    &jt->specialties[j].entries[k];

				for (n = jobtype_next_level(jt, 0); n != 0 &&
				    e->skill != NULL;
				    n = jobtype_next_level(jt, n))
					if (entry_find_level(e, n) != NULL)
						fn(ctx, jt, &jt->specialties[j],
						    e, entry_find_level(e, n));
			}
	}
}

/* A tailored list sheet being written: its fields, the row's level. */
struct tailored_sheet {
	struct notes_sheet	 s;
	const struct list	*c;
	const char		*v[XLSX_RS__COUNT];
	char			 level[16];
};

/* Sets the fields of t that say where level lv of entry e of sp of jt
 * is: the same columns in the texts' and the resources' sheets. */
static void
S_where(struct tailored_sheet *t, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e, const struct level *lv)
{
	_Static_assert((int)XLSX_TX_LEVEL == (int)XLSX_RS_LEVEL,
	    "the texts and the resources share their first columns");
	t->v[XLSX_TX_JOBTYPE_ID] = jt->id;
	t->v[XLSX_TX_SPECIALTY_ID] = sp->id;
	t->v[XLSX_TX_SPECIALTY] = sp->name;
	t->v[XLSX_TX_SKILL_ID] = e->skill->id;
	t->v[XLSX_TX_SKILL] = e->skill->name;
	snprintf(t->level, sizeof(t->level), "%d", lv->value);
	t->v[XLSX_TX_LEVEL] = t->level;
}

/* S_each_level(): the row of level lv's company text, if any. */
static void
S_text_row(void *ctx, const struct jobtype *jt, const struct specialty *sp,
    const struct entry *e, const struct level *lv)
{
	struct tailored_sheet *t = ctx;
	const struct tailor_text *x = lv->company;

	if (x == NULL)
		return;
	S_where(t, jt, sp, e, lv);
	t->v[XLSX_TX_MEANING] = x->meaning;
	t->v[XLSX_TX_EVIDENCE] = x->evidence;
	t->v[XLSX_TX_SOURCE] = export_source(x->at.from);
	xf_list_row(t->s.b, t->s.ws, t->s.row++, t->v, t->c);
}

/* S_each_level(): the rows of level lv's learning resources. */
static void
S_resource_rows(void *ctx, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e, const struct level *lv)
{
	struct tailored_sheet *t = ctx;
	size_t i;

	S_where(t, jt, sp, e, lv);
	for (i = 0; i < lv->nresources; i++) {
		const struct resource *r = lv->resources[i];

		t->v[XLSX_RS_KIND] = resource_kind_name(r->kind);
		t->v[XLSX_RS_TITLE] = r->title;
		t->v[XLSX_RS_HOURS] = r->hours;
		t->v[XLSX_RS_HREF] = r->href;
		t->v[XLSX_RS_SOURCE] = export_source(r->at.from);
		xf_list_row(t->s.b, t->s.ws, t->s.row++, t->v, t->c);
	}
}

/* Adds tailored list sheet f (about a, header h, columns c) to b, a row
 * per described level by fn, when a job type of b is tailored. */
static void
S_tailored_sheet(struct book *b, enum xf_fixed f, enum label a, enum label h,
    const struct list *c, void (*fn)(void *, const struct jobtype *,
    const struct specialty *, const struct entry *, const struct level *))
{
	struct tailored_sheet t;

	if (!S_tailored(b->m, 0))
		return;
	memset(&t, 0, sizeof(t));
	t.s.b = b;
	t.c = c;
	t.s.ws = xf_list_sheet(b, f, a, h, c);
	t.s.row = XLSX_LIST_FIRST_ROW;
	S_each_level(b, fn, &t);
	xf_list_end(t.s.ws, c, t.s.row - 1);
}

void
xf_texts(struct book *b)
{
	S_tailored_sheet(b, XF_TEXTS, LABEL_XLSX_ABOUT_TEXTS,
	    LABEL_XLSX_TEXTS_HEADER, &S_texts, S_text_row);
}

void
xf_resources(struct book *b)
{
	S_tailored_sheet(b, XF_RESOURCES, LABEL_XLSX_ABOUT_RESOURCES,
	    LABEL_XLSX_RESOURCES_HEADER, &S_resources, S_resource_rows);
}

/* Writes the rows of role r of jt to s: one per target, the columns of
 * the roles' CSV. */
static void
S_role_rows(struct notes_sheet *s, const struct jobtype *jt,
    const struct role *r)
{
	const char *v[LABEL_CSV_ROLE_COLUMNS];
	char level[16];
	size_t i;

	v[0] = jt->id;
	v[1] = jt->name;
	v[2] = r->specialty_id;
	v[3] = r->specialty != NULL ? r->specialty->name : NULL;
	v[4] = r->id;
	v[5] = r->name;
	v[6] = r->description;
	v[10] = export_source(r->from);
	for (i = 0; i < r->ntargets; i++) {
		snprintf(level, sizeof(level), "%d", r->targets[i].level);
		v[7] = r->targets[i].skill_id;
		v[8] = r->targets[i].skill != NULL ?
		    r->targets[i].skill->name : NULL;
		v[9] = level;
		xf_list_row(s->b, s->ws, s->row++, v, &S_roles);
	}
}

void
xf_roles(struct book *b)
{
	struct notes_sheet s;
	size_t i, j;

	if (!S_tailored(b->m, 1))
		return;
	s.b = b;
	s.ws = xf_list_sheet(b, XF_ROLES, LABEL_XLSX_ABOUT_ROLES,
	    LABEL_CSV_ROLES_HEADER, &S_roles);
	s.row = XLSX_LIST_FIRST_ROW;
	for (i = 0; i < b->m->njobtypes; i++)
		for (j = 0; j < b->m->jobtypes[i].nroles; j++)
			S_role_rows(&s, &b->m->jobtypes[i],
			    b->m->jobtypes[i].roles[j]);
	xf_list_end(s.ws, &S_roles, s.row - 1);
}
