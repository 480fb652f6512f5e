/* export.c: the framework as JSON and CSV; see export.h. */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "alloc.h"
#include "jsontext.h"

/* The schema text, generated from generator/framework.schema.json. */
extern const unsigned char skillsite_json_schema[];
extern const size_t skillsite_json_schema_len;

const char *
export_json_schema(size_t *len)
{
	*len = skillsite_json_schema_len;
	return (const char *)skillsite_json_schema;
}

/* A text being made, given to out (when not NULL) by parts. */
struct text {
	struct strbuf	 b;
	const struct export_out	*out;
	int			 stopped;	/* out stopped */
};

/* Appends the n bytes at s to t. */
static void
S_add(struct text *t, const char *s, size_t n)
{
	strbuf_add(&t->b, s, n);
}

/* Appends the NUL-terminated s to t. */
static void
S_puts(struct text *t, const char *s)
{
	strbuf_add(&t->b, s, strlen(s));
}

/* Gives the text of t to its output and empties t, when t holds at
 * least min bytes (and some).  Returns 0, or -1 once the output stopped. */
static int
S_flush(struct text *t, size_t min)
{
	if (!t->stopped && t->b.len > 0 && t->b.len >= min) {
		if (t->out->write(t->out->ctx, t->b.s, t->b.len) < 0)
			t->stopped = 1;
		t->b.len = 0;
	}
	if (t->stopped)
		t->b.len = 0;	/* nothing more goes out */
	return t->stopped ? -1 : 0;
}

/* Appends s to t as a JSON string, or null when s is NULL, then gives
 * t out when it holds a part. */
static void
S_str(struct text *t, const char *s)
{
	if (s != NULL)
		jsontext_string(&t->b, s, strlen(s));
	else
		S_add(t, "null", 4);
	S_flush(t, EXPORT_PART);
}

/* Appends n to t as a JSON number. */
static void
S_int(struct text *t, int n)
{
	char num[16];

	S_add(t, num, (size_t)snprintf(num, sizeof(num), "%d", n));
}

/* Appends the Markdown of each note of ns to t, as an array. */
static void
S_notes(struct text *t, const struct notes *ns)
{
	size_t i;

	S_add(t, "[", 1);
	for (i = 0; i < ns->n; i++) {
		if (i > 0)
			S_add(t, ",", 1);
		S_str(t, ns->v[i].markdown);
	}
	S_add(t, "]", 1);
}

/* Appends skill k to t as an object. */
static void
S_skill(struct text *t, const struct skill *k)
{
	size_t i;

	S_puts(t, "{\"id\":");
	S_str(t, k->id);
	S_puts(t, ",\"name\":");
	S_str(t, k->name);
	S_puts(t, k->scope == SCOPE_COMMON ? ",\"scope\":\"common\"" :
	    ",\"scope\":\"specific\"");
	S_puts(t, ",\"knowledge\":[");
	for (i = 0; i < k->nknowledge; i++) {
		if (i > 0)
			S_add(t, ",", 1);
		S_str(t, k->knowledge[i].text);
	}
	S_puts(t, "],\"editorialNotes\":");
	S_notes(t, &k->notes);
	S_add(t, "}", 1);
}

/* Appends entry e of job type jt to t as an object: each level jt
 * defines with its description, null where the source defines none
 * for e. */
static void
S_entry(struct text *t, const struct jobtype *jt, const struct entry *e)
{
	const struct level *lv;
	const char *open = "{\"level\":";
	int n;

	S_puts(t, "{\"skill\":");
	S_str(t, e->skill_id);
	S_puts(t, ",\"levels\":[");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		lv = entry_find_level(e, n);
		S_puts(t, open);
		open = ",{\"level\":";
		S_int(t, n);
		S_puts(t, ",\"description\":");
		S_str(t, lv ? lv->markdown : NULL);
		S_add(t, "}", 1);
	}
	S_puts(t, "],\"editorialNotes\":");
	S_notes(t, &e->notes);
	S_add(t, "}", 1);
}

/* Appends specialty sp of job type jt to t as an object. */
static void
S_specialty(struct text *t, const struct jobtype *jt,
    const struct specialty *sp)
{
	size_t j;

	S_puts(t, "{\"id\":");
	S_str(t, sp->id);
	S_puts(t, ",\"name\":");
	S_str(t, sp->name);
	S_puts(t, ",\"entries\":[");
	for (j = 0; j < sp->nentries && !t->stopped; j++) {
		if (j > 0)
			S_add(t, ",", 1);
		S_entry(t, jt, &sp->entries[j]);
	}
	S_puts(t, "],\"editorialNotes\":");
	S_notes(t, &sp->notes);
	S_add(t, "}", 1);
}

/* Appends the fields of job type jt to t, but its skills and
 * specialties, which follow them: an object left open. */
static void
S_jobtype_fields(struct text *t, const struct jobtype *jt)
{
	S_puts(t, "{\"id\":");
	S_str(t, jt->id);
	S_puts(t, ",\"number\":");
	if (jt->number > 0)
		S_int(t, jt->number);
	else
		S_add(t, "null", 4);
	S_puts(t, ",\"name\":");
	S_str(t, jt->name);
	S_puts(t, ",\"minLevel\":");
	S_int(t, jt->min_level);
	S_puts(t, ",\"maxLevel\":");
	S_int(t, jt->max_level);
	S_puts(t, ",\"annotation\":");
	S_str(t, jt->annotation);
	S_puts(t, ",\"editorialNotes\":");
	S_notes(t, &jt->notes);
}

/* Appends job type jt to t, its skills and specialties one at a time,
 * giving t out by parts. */
static void
S_jobtype(struct text *t, const struct jobtype *jt)
{
	size_t i;

	S_jobtype_fields(t, jt);
	S_puts(t, ",\"skills\":[");
	for (i = 0; i < jt->nskills && !t->stopped; i++) {
		if (i > 0)
			S_add(t, ",", 1);
		S_skill(t, &jt->skills[i]);
	}
	S_puts(t, "],\"specialties\":[");
	for (i = 0; i < jt->nspecialties && !t->stopped; i++) {
		if (i > 0)
			S_add(t, ",", 1);
		S_specialty(t, jt, &jt->specialties[i]);
	}
	S_puts(t, "]}");
}

/* The framework's fields, then its job types, written as jansson's
 * json_dumps() with JSON_COMPACT | JSON_PRESERVE_ORDER would write the
 * whole document (test_export.c reads it back and compares). */
int
export_json(const struct model *m, const struct export_out *out)
{
	struct text t = { { NULL, 0, 0 }, out, 0 };
	const struct framework *fw = m->framework;
	struct notes none = { NULL, 0 };
	size_t i;
	int rc;

	S_puts(&t, "{\"$schema\":\"framework.schema.json\",\"id\":");
	S_str(&t, fw ? fw->id : NULL);
	S_puts(&t, ",\"name\":");
	S_str(&t, fw ? fw->name : NULL);
	S_puts(&t, ",\"summary\":");
	S_str(&t, fw ? fw->summary : NULL);
	S_puts(&t, ",\"editorialNotes\":");
	S_notes(&t, fw ? &fw->notes : &none);
	S_puts(&t, ",\"jobtypes\":[");
	for (i = 0; i < m->njobtypes && !t.stopped; i++) {
		if (i > 0)
			S_add(&t, ",", 1);
		S_jobtype(&t, &m->jobtypes[i]);
	}
	S_puts(&t, "]}\n");
	rc = S_flush(&t, 0);
	free(t.b.s);
	return rc;
}

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

	S_add(t, "\"", 1);
	if (export_csv_needs_guard(s))
		S_add(t, "'", 1);
	for (; s != NULL && (q = strchr(s, '"')) != NULL; s = q + 1) {
		S_add(t, s, (size_t)(q - s) + 1);
		S_add(t, "\"", 1);
	}
	if (s != NULL)
		S_add(t, s, strlen(s));
	S_add(t, "\"", 1);
	S_add(t, sep, strlen(sep));
}

/* Appends the rows of entry e of specialty sp of jt, one per level jt
 * defines. */
static void
S_rows(struct text *t, const struct jobtype *jt, const struct specialty *sp,
    const struct entry *e)
{
	const struct skill *k = e->skill;
	struct text items = { { NULL, 0, 0 }, NULL, 0 };
	char level[16];
	size_t i;
	int n;

	for (i = 0; i < k->nknowledge; i++) {
		if (i > 0)
			S_add(&items, "\n", 1);
		S_add(&items, k->knowledge[i].text,
		    strlen(k->knowledge[i].text));
	}
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		const struct level *lv = entry_find_level(e, n);

		snprintf(level, sizeof(level), "%d", n);
		S_field(t, jt->id, ",");
		S_field(t, jt->name, ",");
		S_field(t, sp->id, ",");
		S_field(t, sp->name, ",");
		S_field(t, k->id, ",");
		S_field(t, k->name, ",");
		S_field(t, k->scope == SCOPE_COMMON ? "common" : "specific", ",");
		S_field(t, level, ",");
		S_field(t, lv ? lv->markdown : NULL, ",");
		S_field(t, items.b.s, "\r\n");
	}
	free(items.b.s);
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

	S_add(&t, "\xef\xbb\xbf", 3);	/* the byte order mark */
	S_header(&t, header);
	for (i = 0; rc == 0 && i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];

		for (j = 0; rc == 0 && j < jt->nspecialties; j++)
			for (k = 0; rc == 0 &&
			    k < jt->specialties[j].nentries; k++) {
				if (jt->specialties[j].entries[k].skill != NULL)
					S_rows(&t, jt, &jt->specialties[j],
					    &jt->specialties[j].entries[k]);
				rc = S_flush(&t, EXPORT_PART);
			}
	}
	if (rc == 0)
		rc = S_flush(&t, 0);
	free(t.b.s);
	return rc;
}
