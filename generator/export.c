/* export.c: the framework as JSON and CSV; see export.h.  The only
 * caller of jansson. */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unistr.h>

#include "alloc.h"

/* The schema text, generated from generator/framework.schema.json. */
extern const unsigned char skillsite_json_schema[];
extern const size_t skillsite_json_schema_len;

const char *
export_json_schema(size_t *len)
{
	*len = skillsite_json_schema_len;
	return (const char *)skillsite_json_schema;
}

/* Returns s as a JSON string, or null when s is NULL. */
static json_t *
S_str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* Returns the Markdown of each note of ns, as an array. */
static json_t *
S_notes(const struct notes *ns)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < ns->n; i++)
		json_array_append_new(a, S_str(ns->v[i].markdown));
	return a;
}

/* Returns skill k as an object. */
static json_t *
S_skill(const struct skill *k)
{
	json_t *o = json_object(), *items = json_array();
	size_t i;

	for (i = 0; i < k->nknowledge; i++)
		json_array_append_new(items, S_str(k->knowledge[i].text));
	json_object_set_new(o, "id", S_str(k->id));
	json_object_set_new(o, "name", S_str(k->name));
	json_object_set_new(o, "scope", json_string(k->scope == SCOPE_COMMON ?
	    "common" : "specific"));
	json_object_set_new(o, "knowledge", items);
	json_object_set_new(o, "editorialNotes", S_notes(&k->notes));
	return o;
}

/* Returns entry e of job type jt as an object: each level jt defines
 * with its description, null where the source defines none for e. */
static json_t *
S_entry(const struct jobtype *jt, const struct entry *e)
{
	json_t *o = json_object(), *levels = json_array();
	int n;

	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		const struct level *lv = entry_find_level(e, n);
		json_t *l = json_object();

		json_object_set_new(l, "level", json_integer(n));
		json_object_set_new(l, "description", S_str(lv ? lv->markdown :
		    NULL));
		json_array_append_new(levels, l);
	}
	json_object_set_new(o, "skill", S_str(e->skill_id));
	json_object_set_new(o, "levels", levels);
	json_object_set_new(o, "editorialNotes", S_notes(&e->notes));
	return o;
}

/* Returns specialty sp of job type jt as an object. */
static json_t *
S_specialty(const struct jobtype *jt, const struct specialty *sp)
{
	json_t *s = json_object(), *entries = json_array();
	size_t j;

	for (j = 0; j < sp->nentries; j++)
		json_array_append_new(entries, S_entry(jt, &sp->entries[j]));
	json_object_set_new(s, "id", S_str(sp->id));
	json_object_set_new(s, "name", S_str(sp->name));
	json_object_set_new(s, "entries", entries);
	json_object_set_new(s, "editorialNotes", S_notes(&sp->notes));
	return s;
}

/* Returns the fields of job type jt as an object, but its skills and
 * specialties, which follow them in the JSON. */
static json_t *
S_jobtype_fields(const struct jobtype *jt)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", S_str(jt->id));
	json_object_set_new(o, "number", jt->number > 0 ?
	    json_integer(jt->number) : json_null());
	json_object_set_new(o, "name", S_str(jt->name));
	json_object_set_new(o, "minLevel", json_integer(jt->min_level));
	json_object_set_new(o, "maxLevel", json_integer(jt->max_level));
	json_object_set_new(o, "annotation", S_str(jt->annotation));
	json_object_set_new(o, "editorialNotes", S_notes(&jt->notes));
	return o;
}

/* A text being made, given to out (when not NULL) by parts. */
struct text {
	char			*s;
	size_t			 len;
	size_t			 cap;
	const struct export_out	*out;
	int			 stopped;	/* out stopped */
};

/* Appends the n bytes at s to t. */
static void
S_add(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = xreallocarray(t->s, t->cap, 1);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* Gives the text of t to its output and empties t, when t holds at
 * least min bytes (and some).  Returns 0, or -1 once the output stopped. */
static int
S_flush(struct text *t, size_t min)
{
	if (!t->stopped && t->len > 0 && t->len >= min) {
		if (t->out->write(t->out->ctx, t->s, t->len) < 0)
			t->stopped = 1;
		t->len = 0;
	}
	return t->stopped ? -1 : 0;
}

/* json_dump_callback()'s callback: appends the size bytes at buf to the
 * text data, giving it out by parts. */
static int
S_dump_part(const char *buf, size_t size, void *data)
{
	S_add(data, buf, size);
	return S_flush(data, EXPORT_PART);
}

#define S_JSON_FLAGS	(JSON_COMPACT | JSON_PRESERVE_ORDER)

/* Appends JSON value v to t as jansson writes it (compact), after a
 * comma when comma is set, and frees v.  Returns 0, -1 when t's output
 * stopped, or EXPORT_JSON_FAILED. */
static int
S_dump(struct text *t, json_t *v, int comma)
{
	int rc;

	if (comma)
		S_add(t, ",", 1);
	rc = json_dump_callback(v, S_dump_part, t, S_JSON_FLAGS);
	json_decref(v);
	if (t->stopped)
		return -1;
	return rc == 0 ? 0 : EXPORT_JSON_FAILED;
}

/* Appends object o to t as S_dump() does but for its closing }, so that
 * more members follow: then next, the name and the opening of the next
 * member, which is last (`,"name":[`).  Frees o; returns as S_dump(). */
static int
S_dump_open(struct text *t, json_t *o, const char *next)
{
	char *piece = json_dumps(o, S_JSON_FLAGS);
	size_t n = piece != NULL ? strlen(piece) : 0;

	json_decref(o);
	if (n < 2 || piece[n - 1] != '}') {
		free(piece);
		return EXPORT_JSON_FAILED;
	}
	S_add(t, piece, n - 1);
	S_add(t, next, strlen(next));
	free(piece);
	return S_flush(t, EXPORT_PART);
}

/* Appends job type jt to t, its skills and specialties one at a time.
 * Returns as S_dump(). */
static int
S_jobtype(struct text *t, const struct jobtype *jt)
{
	size_t i;
	int rc;

	rc = S_dump_open(t, S_jobtype_fields(jt), ",\"skills\":[");
	for (i = 0; rc == 0 && i < jt->nskills; i++)
		rc = S_dump(t, S_skill(&jt->skills[i]), i > 0);
	if (rc == 0)
		S_add(t, "],\"specialties\":[", 17);
	for (i = 0; rc == 0 && i < jt->nspecialties; i++)
		rc = S_dump(t, S_specialty(jt, &jt->specialties[i]), i > 0);
	if (rc == 0)
		S_add(t, "]}", 2);
	return rc;
}

int
export_json(const struct model *m, const struct export_out *out)
{
	struct text t = { NULL, 0, 0, out, 0 };
	const struct framework *fw = m->framework;
	json_t *root = json_object();
	size_t i;
	int rc;

	/* The framework's fields, then its job types, each written as
	 * jansson would write it in the whole document, with the glue
	 * between them written here. */
	json_object_set_new(root, "$schema", json_string("framework.schema.json"));
	json_object_set_new(root, "id", S_str(fw ? fw->id : NULL));
	json_object_set_new(root, "name", S_str(fw ? fw->name : NULL));
	json_object_set_new(root, "summary", S_str(fw ? fw->summary : NULL));
	json_object_set_new(root, "editorialNotes", fw ? S_notes(&fw->notes) :
	    json_array());
	rc = S_dump_open(&t, root, ",\"jobtypes\":[");
	for (i = 0; rc == 0 && i < m->njobtypes; i++) {
		if (i > 0)
			S_add(&t, ",", 1);
		rc = S_jobtype(&t, &m->jobtypes[i]);
	}
	if (rc == 0) {
		S_add(&t, "]}\n", 3);
		rc = S_flush(&t, 0);
	}
	free(t.s);
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
	struct text items = { NULL, 0, 0, NULL, 0 };
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
		S_field(t, items.s, "\r\n");
	}
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
	struct text t = { NULL, 0, 0, out, 0 };
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
	free(t.s);
	return rc;
}
