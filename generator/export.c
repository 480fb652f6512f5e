/* export.c: the framework as JSON and CSV; see export.h. */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "alloc.h"
#include "jsontext.h"
#include "labels.h"
#include "export_private.h"

/* The schema text, generated from generator/framework.schema.json. */
extern const unsigned char skillsite_json_schema[];
extern const size_t skillsite_json_schema_len;

const char *
export_json_schema(size_t *len)
{
	*len = skillsite_json_schema_len;
	return (const char *)skillsite_json_schema;
}


/* Appends the n bytes at s to t. */
void
text_add(struct text *t, const char *s, size_t n)
{
	strbuf_add(&t->b, s, n);
}

/* Appends the NUL-terminated s to t. */
void
text_puts(struct text *t, const char *s)
{
	strbuf_add(&t->b, s, strlen(s));
}

/* Gives the text of t to its output and empties t, when t holds at
 * least min bytes (and some).  Returns 0, or -1 once the output stopped. */
int
text_flush(struct text *t, size_t min)
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
		text_add(t, "null", 4);
	text_flush(t, EXPORT_PART);
}

/* Appends n to t as a JSON number. */
static void
S_int(struct text *t, int n)
{
	char num[16];

	text_add(t, num, (size_t)snprintf(num, sizeof(num), "%d", n));
}

/* Appends the Markdown of each note of ns to t, as an array. */
static void
S_notes(struct text *t, const struct notes *ns)
{
	size_t i;

	text_add(t, "[", 1);
	for (i = 0; i < ns->n; i++) {
		if (i > 0)
			text_add(t, ",", 1);
		S_str(t, ns->v[i].markdown);
	}
	text_add(t, "]", 1);
}

/* Returns the source of what tailoring from added or changed: its ID,
 * or EXPORT_STANDARD when from is NULL (the standard's). */
const char *
export_source(const struct tailoring *from)
{
	return from == NULL ? EXPORT_STANDARD : from->id;
}

/* Appends ",\"key\":" and the ID of tailoring from as a JSON string, or
 * null when from is NULL. */
static void
S_by(struct text *t, const char *key, const struct tailoring *from)
{
	text_add(t, ",\"", 2);
	text_puts(t, key);
	text_add(t, "\":", 2);
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
		text_puts(t, sep);
		sep = ",";
		if (added)
			text_puts(t, "{\"text\":");
		S_str(t, it->text);
		if (added) {
			text_puts(t, ",\"source\":");
			S_str(t, export_source(it->from));
			text_add(t, "}", 1);
		}
	}
	text_puts(t, *sep == '[' ? "[]" : "]");
}

/* Appends skill k to t as an object; hidden_by: the tailoring that hides
 * it in every specialty, or NULL. */
static void
S_skill(struct text *t, const struct skill *k,
    const struct tailoring *hidden_by)
{
	text_puts(t, "{\"id\":");
	S_str(t, k->id);
	text_puts(t, ",\"name\":");
	S_str(t, k->name);
	text_puts(t, k->scope == SCOPE_COMMON ? ",\"scope\":\"common\"" :
	    ",\"scope\":\"specific\"");
	text_puts(t, ",\"knowledge\":");
	S_knowledge(t, k, 0);
	text_puts(t, ",\"editorialNotes\":");
	S_notes(t, &k->notes);
	text_puts(t, ",\"source\":");
	S_str(t, export_source(k->from));
	text_puts(t, ",\"standardName\":");
	S_str(t, k->standard_name);
	S_by(t, "renamedBy", k->renamed_by);
	S_by(t, "hiddenBy", hidden_by);
	text_puts(t, ",\"addedKnowledge\":");
	S_knowledge(t, k, 1);
	text_add(t, "}", 1);
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

		text_puts(t, sep);
		sep = ",";
		if (c < jt->nskills && jt->skills[c].from == NULL &&
		    S_same_pos(&jt->skills[c].pos, &k->pos))
			S_skill(t, &jt->skills[c++], NULL);
		else
			S_skill(t, k, S_hidden_by(jt, k->id, NULL));
	}
	for (; c < jt->nskills && !t->stopped; c++) {
		text_puts(t, sep);
		sep = ",";
		S_skill(t, &jt->skills[c], NULL);
	}
	text_puts(t, *sep == '[' ? "[]" : "]");
}

/* Appends the company text and learning resources of level lv (NULL:
 * none) to t, as the fields "company" and "resources" of its object. */
static void
S_company(struct text *t, const struct level *lv)
{
	const struct tailor_text *x = lv != NULL ? lv->company : NULL;
	size_t i;

	text_puts(t, ",\"company\":");
	if (x != NULL) {
		text_puts(t, "{\"meaning\":");
		S_str(t, x->meaning);
		text_puts(t, ",\"evidence\":");
		S_str(t, x->evidence);
		text_puts(t, ",\"source\":");
		S_str(t, export_source(x->at.from));
		text_add(t, "}", 1);
	} else
		text_add(t, "null", 4);
	text_puts(t, ",\"resources\":[");
	for (i = 0; lv != NULL && i < lv->nresources; i++) {
		const struct resource *r = lv->resources[i];

		text_puts(t, i > 0 ? ",{\"title\":" : "{\"title\":");
		S_str(t, r->title);
		text_puts(t, ",\"kind\":");
		S_str(t, resource_kind_name(r->kind));
		text_puts(t, ",\"href\":");
		S_str(t, r->href);
		text_puts(t, ",\"hours\":");
		S_str(t, r->hours);
		text_puts(t, ",\"source\":");
		S_str(t, export_source(r->at.from));
		text_add(t, "}", 1);
	}
	text_add(t, "]", 1);
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

	text_puts(t, "{\"skill\":");
	S_str(t, e->skill_id);
	text_puts(t, ",\"levels\":[");
	for (n = LEVEL_MIN; n <= LEVEL_MAX; n++) {
		const struct level *lv = entry_find_level(e, n);
		const struct tailoring *by = hidden_by;

		if ((levels & (1u << n)) == 0)
			continue;
		if (by == NULL && lv != NULL)
			by = lv->hidden_by;
		text_puts(t, open);
		open = ",{\"level\":";
		S_int(t, n);
		text_puts(t, ",\"description\":");
		S_str(t, S_description(lv, std, n));
		S_by(t, "hiddenBy", by);
		S_company(t, lv);
		text_add(t, "}", 1);
	}
	text_puts(t, "],\"editorialNotes\":");
	S_notes(t, &e->notes);
	text_puts(t, ",\"source\":");
	S_str(t, export_source(e->from));
	S_by(t, "hiddenBy", hidden_by);
	text_add(t, "}", 1);
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

		text_puts(t, sep);
		sep = ",";
		if (c < sp->nentries && sp->entries[c].from == NULL &&
		    S_same_pos(&sp->entries[c].pos, &se->pos))
			S_entry(t, levels, &sp->entries[c++], se, NULL);
		else
			S_entry(t, levels, se, se, S_hidden_by(jt, se->skill_id,
			    sp->id != NULL ? sp->id : ""));
	}
	for (; c < sp->nentries && !t->stopped; c++) {
		text_puts(t, sep);
		sep = ",";
		S_entry(t, levels, &sp->entries[c], NULL, NULL);
	}
	text_puts(t, *sep == '[' ? "[]" : "]");
}

/* Appends specialty number i of job type jt to t as an object. */
static void
S_specialty(struct text *t, const struct jobtype *jt, unsigned levels,
    size_t i)
{
	const struct specialty *sp = &jt->specialties[i];

	text_puts(t, "{\"id\":");
	S_str(t, sp->id);
	text_puts(t, ",\"name\":");
	S_str(t, sp->name);
	text_puts(t, ",\"entries\":");
	S_entries(t, jt, levels, i);
	text_puts(t, ",\"editorialNotes\":");
	S_notes(t, &sp->notes);
	text_add(t, "}", 1);
}

/* Appends the fields of job type jt to t, but its skills and
 * specialties, which follow them: an object left open. */
static void
S_jobtype_fields(struct text *t, const struct jobtype *jt)
{
	text_puts(t, "{\"id\":");
	S_str(t, jt->id);
	text_puts(t, ",\"number\":");
	if (jt->number > 0)
		S_int(t, jt->number);
	else
		text_add(t, "null", 4);
	text_puts(t, ",\"name\":");
	S_str(t, jt->name);
	text_puts(t, ",\"minLevel\":");
	S_int(t, jt->min_level);
	text_puts(t, ",\"maxLevel\":");
	S_int(t, jt->max_level);
	text_puts(t, ",\"annotation\":");
	S_str(t, jt->annotation);
	text_puts(t, ",\"editorialNotes\":");
	S_notes(t, &jt->notes);
}

/* Appends the tailorings of job type jt to t, as its field
 * "tailorings": an array, in the order they apply. */
static void
S_tailorings(struct text *t, const struct jobtype *jt)
{
	size_t i;

	text_puts(t, ",\"tailorings\":[");
	for (i = 0; i < jt->ntailorings; i++) {
		const struct tailoring *tl = jt->tailorings[i];

		text_puts(t, i > 0 ? ",{\"id\":" : "{\"id\":");
		S_str(t, tl->id);
		text_puts(t, ",\"name\":");
		S_str(t, tl->name);
		text_puts(t, ",\"base\":");
		S_str(t, tl->base);
		text_puts(t, ",\"summary\":");
		S_str(t, tl->summary);
		text_puts(t, ",\"order\":");
		S_int(t, (int)i + 1);
		text_puts(t, ",\"editorialNotes\":");
		S_notes(t, &tl->notes);
		text_add(t, "}", 1);
	}
	text_add(t, "]", 1);
}

/* Appends role r to t as an object. */
static void
S_role(struct text *t, const struct role *r)
{
	size_t i;

	text_puts(t, "{\"id\":");
	S_str(t, r->id);
	text_puts(t, ",\"name\":");
	S_str(t, r->name);
	text_puts(t, ",\"specialty\":");
	S_str(t, r->specialty_id);
	text_puts(t, ",\"description\":");
	S_str(t, r->description);
	text_puts(t, ",\"targets\":[");
	for (i = 0; i < r->ntargets; i++) {
		text_puts(t, i > 0 ? ",{\"skill\":" : "{\"skill\":");
		S_str(t, r->targets[i].skill_id);
		text_puts(t, ",\"level\":");
		S_int(t, r->targets[i].level);
		text_add(t, "}", 1);
	}
	text_puts(t, "],\"source\":");
	S_str(t, export_source(r->from));
	text_add(t, "}", 1);
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
	text_puts(t, ",\"skills\":");
	S_skills(t, jt);
	text_puts(t, ",\"specialties\":[");
	for (i = 0; i < jt->nspecialties && !t->stopped; i++) {
		if (i > 0)
			text_add(t, ",", 1);
		S_specialty(t, jt, levels, i);
	}
	text_puts(t, "],\"roles\":[");
	for (i = 0; i < jt->nroles && !t->stopped; i++) {
		if (i > 0)
			text_add(t, ",", 1);
		S_role(t, jt->roles[i]);
	}
	text_puts(t, "]}");
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

	text_puts(&t, "{\"$schema\":\"framework.schema.json\",\"id\":");
	S_str(&t, fw ? fw->id : NULL);
	text_puts(&t, ",\"name\":");
	S_str(&t, fw ? fw->name : NULL);
	text_puts(&t, ",\"summary\":");
	S_str(&t, fw ? fw->summary : NULL);
	text_puts(&t, ",\"editorialNotes\":");
	S_notes(&t, fw ? &fw->notes : &none);
	text_puts(&t, ",\"jobtypes\":[");
	for (i = 0; i < m->njobtypes && !t.stopped; i++) {
		if (i > 0)
			text_add(&t, ",", 1);
		S_jobtype(&t, &m->jobtypes[i]);
	}
	text_puts(&t, "]}\n");
	rc = text_flush(&t, 0);
	free(t.b.s);
	return rc;
}
