/* test_jsonld.c: the JSON-LD writer (jsonld.c): the text it writes, what
 * a hostile string does to it, its determinism. */
#include "helpers.h"

#include <jansson.h>

#include "jsonld.h"

#define DOC	"{\"@context\":\"https://schema.org\",\"@graph\":["

/* An empty document is the context and an empty graph, compact. */
static void
test_document_is_context_and_graph(void **state)
{
	struct arena a;
	struct jsonld w;

	(void)state;
	arena_init(&a);
	jsonld_begin(&w);
	assert_string_equal(jsonld_finish(&w, &a), DOC "]}");
	arena_free(&a);
}

/* A term holds its properties in a fixed order; an empty description,
 * a NULL name and a NULL set are left out; commas only between. */
static void
test_terms_in_order(void **state)
{
	struct arena a;
	struct jsonld w;

	(void)state;
	arena_init(&a);
	jsonld_begin(&w);
	jsonld_term(&w, "s.html#level-3", jsonld_level_code(&a, "s", 3),
	    "S L3", "text", "../p.html");
	jsonld_term(&w, "s.html", "s", NULL, "", NULL);
	assert_string_equal(jsonld_finish(&w, &a), DOC "{\"@type\":"
	    "\"DefinedTerm\",\"@id\":\"s.html#level-3\",\"termCode\":\"s/3\","
	    "\"name\":\"S L3\",\"description\":\"text\",\"inDefinedTermSet\":"
	    "{\"@id\":\"../p.html\"}},{\"@type\":\"DefinedTerm\",\"@id\":"
	    "\"s.html\",\"termCode\":\"s\"}]}");
	arena_free(&a);
}

/* Objects and arrays nest as opened; what is left open is closed by
 * jsonld_finish(); an empty array stays. */
static void
test_nodes_and_parts(void **state)
{
	struct arena a;
	struct jsonld w;

	(void)state;
	arena_init(&a);
	jsonld_begin(&w);
	jsonld_object(&w, NULL, "DefinedTermSet", "#j");
	jsonld_string(&w, "name", "J");
	jsonld_string(&w, "url", "");
	jsonld_array(&w, "hasPart");
	jsonld_ref(&w, NULL, "DefinedTermSet", "p.html", "P");
	jsonld_end(&w);
	jsonld_end(&w);
	jsonld_object(&w, NULL, "AboutPage", NULL);
	jsonld_array(&w, "about");
	assert_string_equal(jsonld_finish(&w, &a), DOC "{\"@type\":"
	    "\"DefinedTermSet\",\"@id\":\"#j\",\"name\":\"J\",\"hasPart\":[{"
	    "\"@type\":\"DefinedTermSet\",\"@id\":\"p.html\",\"name\":\"P\"}]},"
	    "{\"@type\":\"AboutPage\",\"about\":[]}]}");
	arena_free(&a);
}

/* Markup, quotes, control characters and U+2028 in a name come back the
 * same through jansson, and the text is escaped as jansson's own. */
static void
test_hostile_names_read_back(void **state)
{
	static const char *const names[] = {
		"</script><script>alert(1)</script>", "<!-- -->", "a\"b\\c",
		"\x01\n\t\x7f", "\xe2\x80\xa8\xe2\x80\xa9", "\xe6\x97\xa5 & <",
	};
	struct arena a;
	struct jsonld w;
	json_t *back;
	char *again;
	const char *text;
	size_t i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		jsonld_begin(&w);
		jsonld_term(&w, "x.html", "x", names[i], names[i], "p.html");
		text = jsonld_finish(&w, &a);
		back = json_loads(text, 0, NULL);
		assert_non_null(back);
		assert_string_equal(json_string_value(json_object_get(
		    json_array_get(json_object_get(back, "@graph"), 0), "name")),
		    names[i]);
		again = json_dumps(back, JSON_COMPACT | JSON_PRESERVE_ORDER);
		assert_string_equal(again, text);
		free(again);
		json_decref(back);
	}
	arena_free(&a);
}

/* The same calls give the same bytes, in the order written. */
static void
test_text_is_deterministic(void **state)
{
	struct arena a;
	struct jsonld w;
	const char *text[2];
	int i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < 2; i++) {
		jsonld_begin(&w);
		jsonld_ref(&w, NULL, "DefinedTermSet", "z.html", "z");
		jsonld_ref(&w, NULL, "DefinedTermSet", "a.html", "a");
		text[i] = jsonld_finish(&w, &a);
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
