/* test_manifest.c: the text of a build's record: written and read back
 * the same, odd paths escaped, and any damage refused. */
#include "helpers.h"

#include "alloc.h"
#include "manifest_private.h"

static const char *const PATHS[] = { "content/a b.xml", "x\ny%z",
    "\x7f\x01ü.xml" };
static const char *const SITE_PATHS[] = { "jt/a b.html", "jt/x%y/ü.html" };

/* Fills r with two inputs, a folder and two units. */
static void
fill(struct mf_record *r)
{
	static struct manifest_file files[2] = {
		{ SINK_PAGE, 10, NULL }, { SINK_HANDBOOK, 20, NULL } };
	static struct mf_input inputs[3];
	static struct mf_unit units[2];
	size_t i;

	memset(r, 0, sizeof(*r));
	r->generator.low64 = 1;
	r->generator.high64 = UINT64_MAX;
	r->options.low64 = 0xabcdef;
	r->start = 1796121809559160500ULL;
	r->quiet = 1;
	r->tree.low64 = 17;
	r->tree.high64 = 99;
	r->totals.pages = 3;
	r->totals.files = 5;
	r->totals.bytes = 123456789;
	for (i = 0; i < 3; i++) {
		inputs[i].path = (char *)PATHS[i];
		inputs[i].st.size = i * 1000;
		inputs[i].st.dev = 65024;
		inputs[i].digest.low64 = i + 7;
		inputs[i].folder = i == 2;
	}
	r->inputs = inputs;
	r->ninputs = 3;
	files[0].path = (char *)SITE_PATHS[0];
	files[1].path = (char *)SITE_PATHS[1];
	for (i = 0; i < 2; i++) {
		units[i].key.high64 = 2 - i;	/* read back sorted */
		units[i].keyed = 1;
		units[i].pages = i + 1;
		units[i].files = files;
		units[i].nfiles = i + 1;
	}
	r->units = units;
	r->nunits = 2;
}

static void
test_round_trip(void **state)
{
	struct mf_record r, back;
	char *text, *again;
	size_t len, len2, i;

	(void)state;
	fill(&r);
	qsort(r.units, r.nunits, sizeof(*r.units), mf_unit_cmp);
	text = mf_format(&r, &len);
	assert_null(memchr(text, '\0', len));
	assert_int_equal(mf_parse(&back, text, len), 0);
	assert_int_equal(back.ninputs, 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(back.inputs[i].path, PATHS[i]);
	assert_true(back.inputs[2].folder);
	assert_int_equal(back.inputs[1].digest.low64, 8);
	assert_int_equal(back.tree.high64, 99);
	assert_int_equal(back.totals.bytes, 123456789);
	assert_int_equal(back.units[0].key.high64, 1);
	assert_int_equal(back.units[0].nfiles, 2);
	assert_string_equal(back.units[0].files[1].path, SITE_PATHS[1]);
	assert_int_equal(back.units[0].files[1].kind, SINK_HANDBOOK);
	assert_int_equal(back.generator.high64, UINT64_MAX);
	/* the same record again: the same text */
	again = mf_format(&back, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(text, again, len);
	mf_record_free(&back);
	free(again);
	free(text);
}

static void
test_damage_refused(void **state)
{
	struct mf_record r, back;
	char *text;
	size_t len, i;
	int bit;

	(void)state;
	fill(&r);
	text = mf_format(&r, &len);
	for (i = 0; i < len; i++)	/* cut anywhere */
		assert_int_equal(mf_parse(&back, text, i), -1);
	for (i = 0; i < len; i++)	/* any bit flipped */
		for (bit = 0; bit < 8; bit++) {
			text[i] ^= (char)(1 << bit);
			assert_int_equal(mf_parse(&back, text, len), -1);
			text[i] ^= (char)(1 << bit);
		}
	assert_int_equal(mf_parse(&back, text, len), 0);
	mf_record_free(&back);
	free(text);
}

/* Returns a record of body (the lines after the first) with a sound
 * closing digest, malloc'd, and sets *len. */
static char *
sealed(const char *body, size_t *len)
{
	char *head = xasprintf("%s\n%s", MANIFEST_MAGIC, body), *text;
	XXH128_hash_t h = XXH3_128bits(head, strlen(head));

	text = xasprintf("%send %016llx%016llx\n", head,
	    (unsigned long long)h.high64, (unsigned long long)h.low64);
	*len = strlen(text);
	free(head);
	return text;
}

static void
test_nonsense_refused(void **state)
{
	static const char head[] = "generator 00000000000000000000000000000001\n"
	    "options 00000000000000000000000000000002\nstart 5\nquiet 1\n"
	    "tree 00000000000000000000000000000009\ntotals 1 2 3\n";
	static const char *const bodies[] = {
		"unit 00000000000000000000000000000003 1 99999999999\n",
		"unit 00000000000000000000000000000003 1 1\nfile 9 1 a\n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 a%00b\n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 a%4\n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 \n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 ../x\n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 /etc/x\n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 a//b\n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 a/./b\n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 .skillsite\n",
		"unit 00000000000000000000000000000003 1 1\nfile 0 1 a/\n",
		"input 1 2 3 4 5 0000000000000000000000000000000g a\n",
		"input 99999999999999999999999 1 1 1 1 00000000000000000000000000000001 a\n",
		"folder 1 1 1 1 1 a\nunknown 1\n",
		"folder -1 1 1 1 1 a\n",
		"",
	};
	struct mf_record back;
	char *body, *text;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(bodies) / sizeof(*bodies); i++) {
		body = xasprintf("%s%s", head, bodies[i]);
		text = sealed(body, &len);
		if (bodies[i][0] == '\0') {	/* the sound one */
			assert_int_equal(mf_parse(&back, text, len), 0);
			mf_record_free(&back);
		} else
			assert_int_equal(mf_parse(&back, text, len), -1);
		free(text);
		free(body);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_damage_refused),
		cmocka_unit_test(test_nonsense_refused),
	};

	return cmocka_run_group_tests_name("manifest", tests, NULL, NULL);
}
