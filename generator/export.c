/* export.c: the framework as JSON and CSV; see export.h. */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "alloc.h"
#include "jsontext.h"
#include "labels.h"

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

/* Returns the source of what tailoring from added or changed: its ID,
 * or EXPORT_STANDARD when from is NULL (the standard's). */
static const char *
S_source(const struct tailoring *from)
{
	return from == NULL ? EXPORT_STANDARD : from->id;
}

/* Appends ",\"key\":" and the ID of tailoring from as a JSON string, or
 * null when from is NULL. */
static void
S_by(struct text *t, const char *key, const struct tailoring *from)
{
	S_add(t, ",\"", 2);
	S_puts(t, key);
	S_add(t, "\":", 2);
	S_str(t, from != NULL ? from->id : NULL);
}

/* Returns whether positions a and b are the same: the same element. */
static int
S_same_pos(const struct pos *a, const struct pos *b)
{
	return a->file == b->file && a->line == b->line && a->col == b->col;
}

/* Returns the tailoring of jt whose hide hides skill id in specialty sp
 * (all its levels), or in any specialty when sp is NULL; the first in
 * order, or NULL. */
static const struct tailoring *
S_hidden_by(const struct jobtype *jt, const char *id, const char *sp)
{
	size_t i, j;

	for (i = 0; i < jt->ntailorings; i++)
		for (j = 0; j < jt->tailorings[i]->nhides; j++) {
			const struct tailor_at *at = &jt->tailorings[i]->hides[j].at;

			if (at->level == 0 && at->skill_id != NULL && id != NULL &&
			    strcmp(at->skill_id, id) == 0 && (sp == NULL ||
			    at->specialty_id == NULL ||
			    strcmp(at->specialty_id, sp) == 0))
				return jt->tailorings[i];
		}
	return NULL;
}

/* Appends the knowledge items of k to t as an array: its own (the
 * standard's, or a company skill's: those of no tailoring) as strings,
 * or with added set those a tailoring added, each an object with its
 * source. */
static void
S_knowledge(struct text *t, const struct skill *k, int added)
{
	const char *sep = "[";
	size_t i;

	for (i = 0; i < k->nknowledge; i++) {
		const struct knowledge *it = &k->knowledge[i];

		if ((it->from != NULL) != added)
			continue;
		S_puts(t, sep);
		sep = ",";
		if (added)
			S_puts(t, "{\"text\":");
		S_str(t, it->text);
		if (added) {
			S_puts(t, ",\"source\":");
			S_str(t, S_source(it->from));
			S_add(t, "}", 1);
		}
	}
	S_puts(t, *sep == '[' ? "[]" : "]");
}

/* Appends skill k to t as an object; hidden_by: the tailoring that hides
 * it in every specialty, or NULL. */
static void
S_skill(struct text *t, const struct skill *k,
    const struct tailoring *hidden_by)
{
	S_puts(t, "{\"id\":");
	S_str(t, k->id);
	S_puts(t, ",\"name\":");
	S_str(t, k->name);
	S_puts(t, k->scope == SCOPE_COMMON ? ",\"scope\":\"common\"" :
	    ",\"scope\":\"specific\"");
	S_puts(t, ",\"knowledge\":");
	S_knowledge(t, k, 0);
	S_puts(t, ",\"editorialNotes\":");
	S_notes(t, &k->notes);
	S_puts(t, ",\"source\":");
	S_str(t, S_source(k->from));
	S_puts(t, ",\"standardName\":");
	S_str(t, k->standard_name);
	S_by(t, "renamedBy", k->renamed_by);
	S_by(t, "hiddenBy", hidden_by);
	S_puts(t, ",\"addedKnowledge\":");
	S_knowledge(t, k, 1);
	S_add(t, "}", 1);
}

/* Appends the skills of job type jt to t as an array: those of the
 * standard in its order, each it hides with its hiddenBy, then the
 * company's. */
static void
S_skills(struct text *t, const struct jobtype *jt)
{
	const struct jobtype *std = jt->standard;
	const char *sep = "[";
	size_t i, c = 0;

	for (i = 0; std != NULL && i < std->nskills && !t->stopped; i++) {
		const struct skill *k = &std->skills[i];

		S_puts(t, sep);
		sep = ",";
		if (c < jt->nskills && jt->skills[c].from == NULL &&
		    S_same_pos(&jt->skills[c].pos, &k->pos))
			S_skill(t, &jt->skills[c++], NULL);
		else
			S_skill(t, k, S_hidden_by(jt, k->id, NULL));
	}
	for (; c < jt->nskills && !t->stopped; c++) {
		S_puts(t, sep);
		sep = ",";
		S_skill(t, &jt->skills[c], NULL);
	}
	S_puts(t, *sep == '[' ? "[]" : "]");
}

/* Appends the company text and learning resources of level lv (NULL:
 * none) to t, as the fields "company" and "resources" of its object. */
static void
S_company(struct text *t, const struct level *lv)
{
	const struct tailor_text *x = lv != NULL ? lv->company : NULL;
	size_t i;

	S_puts(t, ",\"company\":");
	if (x != NULL) {
		S_puts(t, "{\"meaning\":");
		S_str(t, x->meaning);
		S_puts(t, ",\"evidence\":");
		S_str(t, x->evidence);
		S_puts(t, ",\"source\":");
		S_str(t, S_source(x->at.from));
		S_add(t, "}", 1);
	} else
		S_add(t, "null", 4);
	S_puts(t, ",\"resources\":[");
	for (i = 0; lv != NULL && i < lv->nresources; i++) {
		const struct resource *r = lv->resources[i];

		S_puts(t, i > 0 ? ",{\"title\":" : "{\"title\":");
		S_str(t, r->title);
		S_puts(t, ",\"kind\":");
		S_str(t, resource_kind_name(r->kind));
		S_puts(t, ",\"href\":");
		S_str(t, r->href);
		S_puts(t, ",\"hours\":");
		S_str(t, r->hours);
		S_puts(t, ",\"source\":");
		S_str(t, S_source(r->at.from));
		S_add(t, "}", 1);
	}
	S_add(t, "]", 1);
}

/* Returns the levels the JSON lists for job type jt, as bits: those it
 * defines and, tailored, those the standard defines (so a level hidden
 * everywhere is listed, with its text). */
static unsigned
S_levels(const struct jobtype *jt)
{
	const struct jobtype *std = jt->standard;
	unsigned bits = jt->defined_levels;
	size_t i, j, k;

	for (i = 0; std != NULL && i < std->nspecialties; i++)
		for (j = 0; j < std->specialties[i].nentries; j++) {
			const struct entry *e = &std->specialties[i].entries[j];

			for (k = 0; k < e->nlevels; k++) {
				int v = e->levels[k].value;

				if (e->levels[k].markdown != NULL &&
				    v >= LEVEL_MIN && v <= LEVEL_MAX &&
				    v >= jt->min_level && v <= jt->max_level)
					bits |= 1u << v;
			}
		}
	return bits;
}

/* Returns the description of level lv (of value n; NULL: none) of an
 * entry whose standard form is std: the standard's text of a level a
 * tailoring hides. */
static const char *
S_description(const struct level *lv, const struct entry *std, int n)
{
	if (lv == NULL)
		return NULL;
	if (lv->hidden_by != NULL)
		return std != NULL ? entry_level_text(std, n) : NULL;
	return lv->markdown;
}

/* Appends entry e to t as an object: a level for each of the levels
 * (bits, as S_levels() gives them) with its description, null where e
 * defines none.  std: e as the standard has it (e itself for an entry
 * hidden), or NULL for a company skill's or an untailored one;
 * hidden_by: the tailoring that hides the entry, or NULL. */
static void
S_entry(struct text *t, unsigned levels, const struct entry *e,
    const struct entry *std, const struct tailoring *hidden_by)
{
	const char *open = "{\"level\":";
	int n;

	S_puts(t, "{\"skill\":");
	S_str(t, e->skill_id);
	S_puts(t, ",\"levels\":[");
	for (n = LEVEL_MIN; n <= LEVEL_MAX; n++) {
		const struct level *lv = entry_find_level(e, n);
		const struct tailoring *by = hidden_by;

		if ((levels & (1u << n)) == 0)
			continue;
		if (by == NULL && lv != NULL)
			by = lv->hidden_by;
		S_puts(t, open);
		open = ",{\"level\":";
		S_int(t, n);
		S_puts(t, ",\"description\":");
		S_str(t, S_description(lv, std, n));
		S_by(t, "hiddenBy", by);
		S_company(t, lv);
		S_add(t, "}", 1);
	}
	S_puts(t, "],\"editorialNotes\":");
	S_notes(t, &e->notes);
	S_puts(t, ",\"source\":");
	S_str(t, S_source(e->from));
	S_by(t, "hiddenBy", hidden_by);
	S_add(t, "}", 1);
}

/* Appends the entries of specialty number i of job type jt to t as an
 * array: the standard's in its order, each hidden one with its
 * hiddenBy, then the company skills'. */
static void
S_entries(struct text *t, const struct jobtype *jt, unsigned levels,
    size_t i)
{
	const struct specialty *sp = &jt->specialties[i];
	const struct specialty *std = jt->standard != NULL ?
	    &jt->standard->specialties[i] : NULL;
	const char *sep = "[";
	size_t j, c = 0;

	for (j = 0; std != NULL && j < std->nentries && !t->stopped; j++) {
		const struct entry *se = &std->entries[j];

		S_puts(t, sep);
		sep = ",";
		if (c < sp->nentries && sp->entries[c].from == NULL &&
		    S_same_pos(&sp->entries[c].pos, &se->pos))
			S_entry(t, levels, &sp->entries[c++], se, NULL);
		else
			S_entry(t, levels, se, se, S_hidden_by(jt, se->skill_id,
			    sp->id != NULL ? sp->id : ""));
	}
	for (; c < sp->nentries && !t->stopped; c++) {
		S_puts(t, sep);
		sep = ",";
		S_entry(t, levels, &sp->entries[c], NULL, NULL);
	}
	S_puts(t, *sep == '[' ? "[]" : "]");
}

/* Appends specialty number i of job type jt to t as an object. */
static void
S_specialty(struct text *t, const struct jobtype *jt, unsigned levels,
    size_t i)
{
	const struct specialty *sp = &jt->specialties[i];

	S_puts(t, "{\"id\":");
	S_str(t, sp->id);
	S_puts(t, ",\"name\":");
	S_str(t, sp->name);
	S_puts(t, ",\"entries\":");
	S_entries(t, jt, levels, i);
	S_puts(t, ",\"editorialNotes\":");
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

/* Appends the tailorings of job type jt to t, as its field
 * "tailorings": an array, in the order they apply. */
static void
S_tailorings(struct text *t, const struct jobtype *jt)
{
	size_t i;

	S_puts(t, ",\"tailorings\":[");
	for (i = 0; i < jt->ntailorings; i++) {
		const struct tailoring *tl = jt->tailorings[i];

		S_puts(t, i > 0 ? ",{\"id\":" : "{\"id\":");
		S_str(t, tl->id);
		S_puts(t, ",\"name\":");
		S_str(t, tl->name);
		S_puts(t, ",\"base\":");
		S_str(t, tl->base);
		S_puts(t, ",\"summary\":");
		S_str(t, tl->summary);
		S_puts(t, ",\"order\":");
		S_int(t, (int)i + 1);
		S_puts(t, ",\"editorialNotes\":");
		S_notes(t, &tl->notes);
		S_add(t, "}", 1);
	}
	S_add(t, "]", 1);
}

/* Appends role r to t as an object. */
static void
S_role(struct text *t, const struct role *r)
{
	size_t i;

	S_puts(t, "{\"id\":");
	S_str(t, r->id);
	S_puts(t, ",\"name\":");
	S_str(t, r->name);
	S_puts(t, ",\"specialty\":");
	S_str(t, r->specialty_id);
	S_puts(t, ",\"description\":");
	S_str(t, r->description);
	S_puts(t, ",\"targets\":[");
	for (i = 0; i < r->ntargets; i++) {
		S_puts(t, i > 0 ? ",{\"skill\":" : "{\"skill\":");
		S_str(t, r->targets[i].skill_id);
		S_puts(t, ",\"level\":");
		S_int(t, r->targets[i].level);
		S_add(t, "}", 1);
	}
	S_puts(t, "],\"source\":");
	S_str(t, S_source(r->from));
	S_add(t, "}", 1);
}

/* Appends job type jt to t, its skills and specialties one at a time,
 * giving t out by parts. */
static void
S_jobtype(struct text *t, const struct jobtype *jt)
{
	unsigned levels = S_levels(jt);
	size_t i;

	S_jobtype_fields(t, jt);
	S_tailorings(t, jt);
	S_puts(t, ",\"skills\":");
	S_skills(t, jt);
	S_puts(t, ",\"specialties\":[");
	for (i = 0; i < jt->nspecialties && !t->stopped; i++) {
		if (i > 0)
			S_add(t, ",", 1);
		S_specialty(t, jt, levels, i);
	}
	S_puts(t, "],\"roles\":[");
	for (i = 0; i < jt->nroles && !t->stopped; i++) {
		if (i > 0)
			S_add(t, ",", 1);
		S_role(t, jt->roles[i]);
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

/* The columns of the CSV, in order: labels.xml's csv-header names
 * them. */
enum column {
	COL_JOBTYPE_ID, COL_JOBTYPE, COL_SPECIALTY_ID, COL_SPECIALTY,
	COL_SKILL_ID, COL_SKILL, COL_SCOPE, COL_LEVEL, COL_TEXT,
	COL_KNOWLEDGE, COL_KIND, COL_SOURCE, COL_SKILL_SOURCE,
	COL_STANDARD_NAME, COL_NAME_SOURCE, COL_RESOURCE_KIND, COL_HOURS,
	COL_HREF, COL__COUNT
};

_Static_assert(COL__COUNT == LABEL_CSV_COLUMNS,
    "the csv-header label names each column of the CSV");

/* The columns of the roles' CSV, in order: csv-roles-header names
 * them. */
enum role_column {
	RCOL_JOBTYPE_ID, RCOL_JOBTYPE, RCOL_SPECIALTY_ID, RCOL_SPECIALTY,
	RCOL_ROLE_ID, RCOL_ROLE, RCOL_DESCRIPTION, RCOL_SKILL_ID, RCOL_SKILL,
	RCOL_LEVEL, RCOL_SOURCE, RCOL__COUNT
};

_Static_assert(RCOL__COUNT == LABEL_CSV_ROLE_COLUMNS,
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
	f[COL_KIND] = kind;
	f[COL_TEXT] = text;
	f[COL_SOURCE] = S_source(from);
	S_record(t, f, COL__COUNT);
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

		f[COL_RESOURCE_KIND] = resource_kind_name(r->kind);
		f[COL_HOURS] = r->hours;
		f[COL_HREF] = r->href;
		S_row(t, f, EXPORT_ROW_RESOURCE, r->title, r->at.from);
	}
	f[COL_RESOURCE_KIND] = f[COL_HOURS] = f[COL_HREF] = NULL;
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
	f[COL_JOBTYPE_ID] = jt->id;
	f[COL_JOBTYPE] = jt->name;
	f[COL_SPECIALTY_ID] = sp->id;
	f[COL_SPECIALTY] = sp->name;
	f[COL_SKILL_ID] = k->id;
	f[COL_SKILL] = k->name;
	f[COL_SCOPE] = k->scope == SCOPE_COMMON ? "common" : "specific";
	f[COL_KNOWLEDGE] = items->s;
	f[COL_SKILL_SOURCE] = S_source(k->from);
	f[COL_STANDARD_NAME] = k->standard_name;
	f[COL_NAME_SOURCE] = S_source(k->renamed_by != NULL ? k->renamed_by :
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
	const char *f[COL__COUNT] = { NULL };
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
		f[COL_LEVEL] = level;
		S_row(t, f, EXPORT_ROW_LEVEL, lv ? lv->markdown : NULL, e->from);
		if (lv != NULL)
			S_company_rows(t, f, lv);
	}
	f[COL_LEVEL] = NULL;
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
	const char *f[RCOL__COUNT] = { NULL };
	char level[16];
	size_t i;

	f[RCOL_JOBTYPE_ID] = jt->id;
	f[RCOL_JOBTYPE] = jt->name;
	f[RCOL_SPECIALTY_ID] = r->specialty_id;
	f[RCOL_SPECIALTY] = r->specialty != NULL ? r->specialty->name : NULL;
	f[RCOL_ROLE_ID] = r->id;
	f[RCOL_ROLE] = r->name;
	f[RCOL_DESCRIPTION] = r->description;
	f[RCOL_SOURCE] = S_source(r->from);
	for (i = 0; i < r->ntargets; i++) {
		const struct role_target *g = &r->targets[i];

		snprintf(level, sizeof(level), "%d", g->level);
		f[RCOL_SKILL_ID] = g->skill_id;
		f[RCOL_SKILL] = g->skill != NULL ? g->skill->name : NULL;
		f[RCOL_LEVEL] = level;
		S_record(t, f, RCOL__COUNT);
	}
}

int
export_roles_csv(const struct model *m, const char *header,
    const struct export_out *out)
{
	struct text t = { { NULL, 0, 0 }, out, 0 };
	size_t i, j;
	int rc = 0;

	S_add(&t, "\xef\xbb\xbf", 3);	/* the byte order mark */
	S_header(&t, header);
	for (i = 0; rc == 0 && i < m->njobtypes; i++)
		for (j = 0; rc == 0 && j < m->jobtypes[i].nroles; j++) {
			S_role_rows(&t, &m->jobtypes[i], m->jobtypes[i].roles[j]);
			rc = S_flush(&t, EXPORT_PART);
		}
	if (rc == 0)
		rc = S_flush(&t, 0);
	free(t.b.s);
	return rc;
}
