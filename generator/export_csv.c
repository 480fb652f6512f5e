/* export_csv.c: the framework as CSV, and the roles as CSV; see
 * export.h.  Shares the text being made with export.c
 * (export_private.h).
 */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "alloc.h"
#include "export_private.h"
#include "labels.h"

int
export_csv_needs_guard(const char *s)
{
	/* full-width = + - @, which spreadsheets read as the ASCII ones */
	static const ucs4_t wide[] = { 0xFF1D, 0xFF0B, 0xFF0D, 0xFF20 };
	ucs4_t c;
	size_t i;

	if (s == NULL)
		return 0;
	s += strspn(s, "' ");	/* a ' already there: one more, to tell */
	if (*s != '\0' && strchr("=+-@\t\r\n", *s) != NULL)
		return 1;
	if (*s == '\0' || u8_mbtoucr(&c, (const uint8_t *)s, strlen(s)) < 0)
		return 0;
	for (i = 0; i < sizeof(wide) / sizeof(*wide); i++)
		if (c == wide[i])
			return 1;
	return 0;
}

/* Appends s ("" when NULL) as a quoted field, its quotes doubled and a
 * ' before it when a spreadsheet could take it for a formula, then the
 * separator sep (a comma, or the record's CRLF). */
static void
S_field(struct text *t, const char *s, const char *sep)
{
	const char *q;

	text_add(t, "\"", 1);
	if (export_csv_needs_guard(s))
		text_add(t, "'", 1);
	for (; s != NULL && (q = strchr(s, '"')) != NULL; s = q + 1) {
		text_add(t, s, (size_t)(q - s) + 1);
		text_add(t, "\"", 1);
	}
	if (s != NULL)
		text_add(t, s, strlen(s));
	text_add(t, "\"", 1);
	text_add(t, sep, strlen(sep));
}

_Static_assert(CSV_COL__COUNT == LABEL_CSV_COLUMNS,
    "the csv-header label names each column of the CSV");

_Static_assert(CSV_RCOL__COUNT == LABEL_CSV_ROLE_COLUMNS,
    "the csv-roles-header label names each column of the roles' CSV");

/* Appends a record of the n fields at f (NULL: empty) to t. */
static void
S_record(struct text *t, const char *const *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		S_field(t, f[i], i + 1 < n ? "," : "\r\n");
}

/* Appends a row of the CSV to t: the fields f, with text its text, kind
 * what that text is (EXPORT_ROW_...) and from the tailoring it comes
 * from (NULL: the standard). */
static void
S_row(struct text *t, const char **f, const char *kind, const char *text,
    const struct tailoring *from)
{
	f[CSV_COL_KIND] = kind;
	f[CSV_COL_TEXT] = text;
	f[CSV_COL_SOURCE] = export_source(from);
	S_record(t, f, CSV_COL__COUNT);
}

/* Appends the rows of what tailorings give level lv to t, its fields f
 * (those of its level row): its company meaning, evidence and each
 * learning resource. */
static void
S_company_rows(struct text *t, const char **f, const struct level *lv)
{
	const struct tailor_text *x = lv->company;
	size_t i;

	if (x != NULL && x->meaning != NULL)
		S_row(t, f, EXPORT_ROW_MEANING, x->meaning, x->at.from);
	if (x != NULL && x->evidence != NULL)
		S_row(t, f, EXPORT_ROW_EVIDENCE, x->evidence, x->at.from);
	for (i = 0; i < lv->nresources; i++) {
		const struct resource *r = lv->resources[i];

		f[CSV_COL_RESOURCE_KIND] = resource_kind_name(r->kind);
		f[CSV_COL_HOURS] = r->hours;
		f[CSV_COL_HREF] = r->href;
		S_row(t, f, EXPORT_ROW_RESOURCE, r->title, r->at.from);
	}
	f[CSV_COL_RESOURCE_KIND] = f[CSV_COL_HOURS] = f[CSV_COL_HREF] = NULL;
}

/* Sets the fields f of the rows of entry e of specialty sp of jt that
 * every row of it shares; items gets the text of the skill's own
 * knowledge items, a line each (the caller frees it). */
static void
S_entry_fields(const char **f, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e, struct strbuf *items)
{
	const struct skill *k = e->skill;
	size_t i;

	for (i = 0; i < k->nknowledge; i++)
		if (k->knowledge[i].from == NULL) {
			if (items->len > 0)
				strbuf_add(items, "\n", 1);
			strbuf_add(items, k->knowledge[i].text,
			    strlen(k->knowledge[i].text));
		}
	f[CSV_COL_JOBTYPE_ID] = jt->id;
	f[CSV_COL_JOBTYPE] = jt->name;
	f[CSV_COL_SPECIALTY_ID] = sp->id;
	f[CSV_COL_SPECIALTY] = sp->name;
	f[CSV_COL_SKILL_ID] = k->id;
	f[CSV_COL_SKILL] = k->name;
	f[CSV_COL_SCOPE] = k->scope == SCOPE_COMMON ? "common" : "specific";
	f[CSV_COL_KNOWLEDGE] = items->s;
	f[CSV_COL_SKILL_SOURCE] = export_source(k->from);
	f[CSV_COL_STANDARD_NAME] = k->standard_name;
	f[CSV_COL_NAME_SOURCE] = export_source(k->renamed_by != NULL ? k->renamed_by :
	    k->from);
}

/* Appends the rows of entry e of specialty sp of jt: per level jt
 * defines that no tailoring hides, its row, then those of what
 * tailorings give it; then a row per knowledge item a tailoring added
 * to the skill. */
static void
S_rows(struct text *t, const struct jobtype *jt, const struct specialty *sp,
    const struct entry *e)
{
	const char *f[CSV_COL__COUNT] = { NULL };
	struct strbuf items = { NULL, 0, 0 };
	const struct skill *k = e->skill;
	char level[16];
	size_t i;
	int n;

	S_entry_fields(f, jt, sp, e, &items);
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		const struct level *lv = entry_find_level(e, n);

		if (lv != NULL && lv->hidden_by != NULL)
			continue;
		snprintf(level, sizeof(level), "%d", n);
		f[CSV_COL_LEVEL] = level;
		S_row(t, f, EXPORT_ROW_LEVEL, lv ? lv->markdown : NULL, e->from);
		if (lv != NULL)
			S_company_rows(t, f, lv);
	}
	f[CSV_COL_LEVEL] = NULL;
	for (i = 0; i < k->nknowledge; i++)
		if (k->knowledge[i].from != NULL)
			S_row(t, f, EXPORT_ROW_KNOWLEDGE, k->knowledge[i].text,
			    k->knowledge[i].from);
	free(items.s);
}

/* Appends the header row: each of the comma-separated names of header
 * as a field. */
static void
S_header(struct text *t, const char *header)
{
	const char *p = header, *comma;
	char *name;
	size_t n;

	for (;;) {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		name = xasprintf("%.*s", (int)n, p);
		S_field(t, name, comma ? "," : "\r\n");
		free(name);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

int
export_csv(const struct model *m, const char *header,
    const struct export_out *out)
{
	struct text t = { { NULL, 0, 0 }, out, 0 };
	size_t i, j, k;
	int rc = 0;

	text_add(&t, "\xef\xbb\xbf", 3);	/* the byte order mark */
	S_header(&t, header);
	for (i = 0; rc == 0 && i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];

		for (j = 0; rc == 0 && j < jt->nspecialties; j++)
			for (k = 0; rc == 0 &&
			    k < jt->specialties[j].nentries; k++) {
				if (jt->specialties[j].entries[k].skill != NULL)
					S_rows(&t, jt, &jt->specialties[j],
					    &jt->specialties[j].entries[k]);
				rc = text_flush(&t, EXPORT_PART);
			}
	}
	if (rc == 0)
		rc = text_flush(&t, 0);
	free(t.b.s);
	return rc;
}

int
export_has_roles(const struct model *m)
{
	size_t i;

	for (i = 0; i < m->njobtypes; i++)
		if (m->jobtypes[i].nroles > 0)
			return 1;
	return 0;
}

/* Appends the rows of role r of job type jt to t: one per target. */
static void
S_role_rows(struct text *t, const struct jobtype *jt, const struct role *r)
{
	const char *f[CSV_RCOL__COUNT] = { NULL };
	char level[16];
	size_t i;

	f[CSV_RCOL_JOBTYPE_ID] = jt->id;
	f[CSV_RCOL_JOBTYPE] = jt->name;
	f[CSV_RCOL_SPECIALTY_ID] = r->specialty_id;
	f[CSV_RCOL_SPECIALTY] = r->specialty != NULL ? r->specialty->name : NULL;
	f[CSV_RCOL_ROLE_ID] = r->id;
	f[CSV_RCOL_ROLE] = r->name;
	f[CSV_RCOL_DESCRIPTION] = r->description;
	f[CSV_RCOL_SOURCE] = export_source(r->from);
	for (i = 0; i < r->ntargets; i++) {
		const struct role_target *g = &r->targets[i];

		snprintf(level, sizeof(level), "%d", g->level);
		f[CSV_RCOL_SKILL_ID] = g->skill_id;
		f[CSV_RCOL_SKILL] = g->skill != NULL ? g->skill->name : NULL;
		f[CSV_RCOL_LEVEL] = level;
		S_record(t, f, CSV_RCOL__COUNT);
	}
}

int
export_roles_csv(const struct model *m, const char *header,
    const struct export_out *out)
{
	struct text t = { { NULL, 0, 0 }, out, 0 };
	size_t i, j;
	int rc = 0;

	text_add(&t, "\xef\xbb\xbf", 3);	/* the byte order mark */
	S_header(&t, header);
	for (i = 0; rc == 0 && i < m->njobtypes; i++)
		for (j = 0; rc == 0 && j < m->jobtypes[i].nroles; j++) {
			S_role_rows(&t, &m->jobtypes[i], m->jobtypes[i].roles[j]);
			rc = text_flush(&t, EXPORT_PART);
		}
	if (rc == 0)
		rc = text_flush(&t, 0);
	free(t.b.s);
	return rc;
}
