/* jsonld.c: schema.org JSON-LD nodes built with jansson; see jsonld.h. */
#include "jsonld.h"

#include <stdlib.h>

#include "alloc.h"

/* Sets key of o to a new reference v, dying when jansson cannot
 * allocate; a NULL v (a string that is not UTF-8) is left out. */
static void
S_put(json_t *o, const char *key, json_t *v)
{
	if (v != NULL && json_object_set_new(o, key, v) != 0)
		xalloc_die();
}

json_t *
jsonld_document(void)
{
	json_t *doc = json_object();

	if (doc == NULL)
		xalloc_die();
	S_put(doc, "@context", json_string(JSONLD_CONTEXT));
	S_put(doc, "@graph", json_array());
	return doc;
}

json_t *
jsonld_ref(const char *type, const char *id, const char *name)
{
	json_t *node = json_object();

	if (node == NULL)
		xalloc_die();
	jsonld_set(node, "@type", type);
	jsonld_set(node, "@id", id);
	jsonld_set(node, "name", name);
	return node;
}

json_t *
jsonld_node(json_t *doc, const char *type, const char *id)
{
	json_t *node = jsonld_ref(type, id, NULL);

	if (json_array_append_new(json_object_get(doc, "@graph"), node) != 0)
		xalloc_die();
	return node;
}

void
jsonld_set(json_t *node, const char *key, const char *value)
{
	if (value != NULL && value[0] != '\0')
		S_put(node, key, json_string(value));
}

void
jsonld_append(json_t *node, const char *key, json_t *item)
{
	json_t *v = json_object_get(node, key);

	if (v == NULL) {
		S_put(node, key, json_array());
		v = json_object_get(node, key);
	}
	if (item != NULL && json_array_append_new(v, item) != 0)
		xalloc_die();
}

json_t *
jsonld_term(const char *id, const char *code, const char *name,
    const char *description, const char *set)
{
	json_t *term = jsonld_ref("DefinedTerm", id, NULL);

	jsonld_set(term, "termCode", code);
	jsonld_set(term, "name", name);
	jsonld_set(term, "description", description);
	if (set != NULL)
		S_put(term, "inDefinedTermSet", jsonld_ref(NULL, set, NULL));
	return term;
}

const char *
jsonld_level_code(struct arena *a, const char *skill_id, int n)
{
	return arena_printf(a, "%s/%d", skill_id, n);
}

const char *
jsonld_text(struct arena *a, json_t *doc)
{
	char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	const char *copy = text != NULL ? arena_strdup(a, text) : NULL;

	free(text);
	json_decref(doc);
	return copy;
}
