/* test_jsonld.c: the schema.org nodes (jsonld.c): their shape, their
 * text, what a hostile or broken string does to them. */
#include "helpers.h"

#include <jansson.h>

#include "jsonld.h"

/* An empty document is the context and an empty graph, compact. */
static void
test_document_is_context_and_graph(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a);
	assert_string_equal(jsonld_text(&a, jsonld_document()),
	    "{\"@context\":\"https://schema.org\",\"@graph\":[]}");
	arena_free(&a);
}

/* A term holds its properties in a fixed order; an empty description,
 * a NULL name and a NULL set are left out. */
static void
test_terms_in_order(void **state)
{
	struct arena a;
	json_t *doc;

	(void)state;
	arena_init(&a);
	doc = jsonld_document();
	json_array_append_new(json_object_get(doc, "@graph"), jsonld_term(
	    "s.html#level-3", jsonld_level_code(&a, "s", 3), "S L3", "text",
	    "../p.html"));
	json_array_append_new(json_object_get(doc, "@graph"), jsonld_term(
	    "s.html", "s", NULL, "", NULL));
	assert_string_equal(jsonld_text(&a, doc), "{\"@context\":\"https://"
	    "schema.org\",\"@graph\":[{\"@type\":\"DefinedTerm\",\"@id\":\"s."
	    "html#level-3\",\"termCode\":\"s/3\",\"name\":\"S L3\","
	    "\"description\":\"text\",\"inDefinedTermSet\":{\"@id\":\"../p."
	    "html\"}},{\"@type\":\"DefinedTerm\",\"@id\":\"s.html\","
	    "\"termCode\":\"s\"}]}");
	arena_free(&a);
}

/* Nodes and parts: jsonld_node() appends to the graph, jsonld_append()
 * makes the array on first use (an empty one when the item is NULL). */
static void
test_nodes_and_parts(void **state)
{
	struct arena a;
	json_t *doc, *set;

	(void)state;
	arena_init(&a);
	doc = jsonld_document();
	set = jsonld_node(doc, "DefinedTermSet", "#j");
	jsonld_set(set, "name", "J");
	jsonld_set(set, "url", "");
	jsonld_append(set, "hasPart", NULL);
	jsonld_append(set, "hasPart", jsonld_ref("DefinedTermSet", "p.html",
	    "P"));
	jsonld_append(jsonld_node(doc, "AboutPage", NULL), "about", NULL);
	assert_string_equal(jsonld_text(&a, doc), "{\"@context\":\"https://"
	    "schema.org\",\"@graph\":[{\"@type\":\"DefinedTermSet\",\"@id\":"
	    "\"#j\",\"name\":\"J\",\"hasPart\":[{\"@type\":\"DefinedTermSet\","
	    "\"@id\":\"p.html\",\"name\":\"P\"}]},{\"@type\":\"AboutPage\","
	    "\"about\":[]}]}");
	arena_free(&a);
}

/* Markup, quotes, control characters and U+2028 in a name come back the
 * same through jansson; a string that is not UTF-8 is left out, never
 * half written. */
static void
test_hostile_names_read_back(void **state)
{
	static const char *const names[] = {
		"</script><script>alert(1)</script>", "<!-- -->", "a\"b\\c",
		"\x01\n\t", "\xe2\x80\xa8\xe2\x80\xa9", "\xe6\x97\xa5 & <",
	};
	struct arena a;
	json_t *doc, *back;
	size_t i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		doc = jsonld_document();
		json_array_append_new(json_object_get(doc, "@graph"),
		    jsonld_term("x.html", "x", names[i], names[i], "p.html"));
		back = json_loads(jsonld_text(&a, doc), 0, NULL);
		assert_non_null(back);
		assert_string_equal(json_string_value(json_object_get(
		    json_array_get(json_object_get(back, "@graph"), 0), "name")),
		    names[i]);
		json_decref(back);
	}
	doc = jsonld_ref("DefinedTerm", "x.html", "bad \xff");
	assert_null(json_object_get(doc, "name"));
	assert_non_null(json_object_get(doc, "@id"));
	json_decref(doc);
	arena_free(&a);
}

/* The same nodes give the same bytes. */
static void
test_text_is_deterministic(void **state)
{
	struct arena a;
	const char *text[2];
	json_t *doc;
	int i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < 2; i++) {
		doc = jsonld_document();
		jsonld_set(jsonld_node(doc, "DefinedTermSet", "z.html"), "name",
		    "z");
		jsonld_set(jsonld_node(doc, "DefinedTermSet", "a.html"), "name",
		    "a");
		text[i] = jsonld_text(&a, doc);
	}
	assert_string_equal(text[0], text[1]);
	assert_true(strstr(text[0], "z.html") < strstr(text[0], "a.html"));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document_is_context_and_graph),
		cmocka_unit_test(test_terms_in_order),
		cmocka_unit_test(test_nodes_and_parts),
		cmocka_unit_test(test_hostile_names_read_back),
		cmocka_unit_test(test_text_is_deterministic),
	};

	return cmocka_run_group_tests_name("jsonld", tests, NULL, NULL);
}
