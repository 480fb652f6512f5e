/* jsonld.c: schema.org JSON-LD written as JSON text; see jsonld.h. */
#include "jsonld.h"

#include <stdlib.h>
#include <string.h>

#include "jsontext.h"

/* Appends the literal s to w. */
static void
S_lit(struct jsonld *w, const char *s)
{
	strbuf_add(&w->b, s, strlen(s));
}

/* Starts the next member or item of the innermost open object or array:
 * a comma after the first, then "key": unless key is NULL. */
static void
S_member(struct jsonld *w, const char *key)
{
	unsigned bit = 1u << w->depth;

	if (w->more & bit)
		S_lit(w, ",");
	w->more |= bit;
	if (key != NULL) {
		jsontext_string(&w->b, key, strlen(key));
		S_lit(w, ":");
	}
}

/* Opens an object or array (open: "{" or "[") as member key. */
static void
S_open(struct jsonld *w, const char *key, const char *open)
{
	S_member(w, key);
	S_lit(w, open);
	if (w->depth + 1 >= JSONLD_DEPTH)
		abort();	/* the pages nest at most five deep */
	w->depth++;
	w->close[w->depth] = open[0] == '{' ? '}' : ']';
	w->more &= ~(1u << w->depth);
}

void
jsonld_begin(struct jsonld *w)
{
	memset(w, 0, sizeof(*w));
	strbuf_reserve(&w->b, 4096);
	S_open(w, NULL, "{");
	jsonld_string(w, "@context", JSONLD_CONTEXT);
	jsonld_array(w, "@graph");
}

void
jsonld_object(struct jsonld *w, const char *key, const char *type,
    const char *id)
{
	S_open(w, key, "{");
	jsonld_string(w, "@type", type);
	jsonld_string(w, "@id", id);
}

void
jsonld_array(struct jsonld *w, const char *key)
{
	S_open(w, key, "[");
}

void
jsonld_end(struct jsonld *w)
{
	if (w->depth <= 0)	/* more ends than beginnings: a caller's bug */
		abort();
	strbuf_add(&w->b, &w->close[w->depth], 1);
	w->depth--;
}

void
jsonld_string(struct jsonld *w, const char *key, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	S_member(w, key);
	jsontext_string(&w->b, value, strlen(value));
}

void
jsonld_ref(struct jsonld *w, const char *key, const char *type,
    const char *id, const char *name)
{
	jsonld_object(w, key, type, id);
	jsonld_string(w, "name", name);
	jsonld_end(w);
}

void
jsonld_term(struct jsonld *w, const char *id, const char *code,
    const char *name, const char *description, const char *set)
{
	jsonld_object(w, NULL, "DefinedTerm", id);
	jsonld_string(w, "termCode", code);
	jsonld_string(w, "name", name);
	jsonld_string(w, "description", description);
	if (set != NULL)
		jsonld_ref(w, "inDefinedTermSet", NULL, set, NULL);
	jsonld_end(w);
}

const char *
jsonld_level_code(struct arena *a, const char *skill_id, int n)
{
	return arena_printf(a, "%s/%d", skill_id, n);
}

const char *
jsonld_finish(struct jsonld *w, struct arena *a)
{
	const char *text;

	while (w->depth > 0)
		jsonld_end(w);
	text = arena_strndup(a, w->b.s, w->b.len);
	free(w->b.s);
	memset(w, 0, sizeof(*w));
	return text;
}
