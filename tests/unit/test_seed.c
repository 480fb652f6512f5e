/* test_seed.c: content/ holds the source text word for word.
 *
 * Reads the seed (tests/data/seed-customer-service.txt, a copy of the
 * source text) table by table and compares every skill name, knowledge
 * item and level description with the model loaded from content/.  Run
 * from the top of the repository.
 */
#include "helpers.h"

#define SEED_PATH	"tests/data/seed-customer-service.txt"
#define TABLE_HEAD	"カスタマサービスのスキル熟達度・知識項目"
#define OVERVIEW_HEAD	"（９）カスタマサービス"

/* One skill table of the seed. */
struct table {
	char	 name[256];
	char	*items[32];
	size_t	 nitems;
	char	*levels[LEVEL_MAX + 1];	/* paragraphs joined by "\n\n"; NULL */
};

static char *seed;		/* the whole seed text */
static char **lines;		/* its lines, trimmed, in place */
static size_t nlines;
static struct loaded content;

/* Returns s without leading and trailing white space (ASCII and U+3000);
 * modifies s. */
static char *
trim(char *s)
{
	char *end;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		else if (strncmp(s, "\u3000", 3) == 0)
			s += 3;
		else
			break;
	}
	end = s + strlen(s);
	for (;;) {
		if (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
		    end[-1] == '\r'))
			end--;
		else if (end - s >= 3 && strncmp(end - 3, "\u3000", 3) == 0)
			end -= 3;
		else
			break;
	}
	*end = '\0';
	return s;
}

/* Returns the level N of a "レベルＮ" line (full-width digit), or 0. */
static int
level_label(const char *s)
{
	static const char *const digits[] = { "１", "２", "３", "４", "５",
	    "６", "７" };
	int i;

	if (strncmp(s, "レベル", strlen("レベル")) != 0)
		return 0;
	s += strlen("レベル");
	for (i = 0; i < 7; i++)
		if (strcmp(s, digits[i]) == 0)
			return i + 1;
	return 0;
}

/* Appends paragraph p to *acc (malloc'd), separated by a blank line. */
static void
append_paragraph(char **acc, const char *p)
{
	size_t n = *acc ? strlen(*acc) : 0;
	char *s = realloc(*acc, n + strlen(p) + 3);

	assert_non_null(s);
	sprintf(s + n, "%s%s", n ? "\n\n" : "", p);
	*acc = s;
}

/* Parses the table whose lines are [from, to). */
static void
parse_table(struct table *t, size_t from, size_t to)
{
	size_t i;
	int level = 0;

	memset(t, 0, sizeof(*t));
	for (i = from; i < to; i++) {
		const char *s = lines[i];
		int lv = level_label(s);

		if (lv != 0) {
			level = lv;
			continue;
		}
		if (strncmp(s, "●", strlen("●")) == 0) {
			snprintf(t->name, sizeof(t->name), "%s", s + strlen("●"));
			continue;
		}
		if (level == 0 || *s == '\0')
			continue;
		if (level == LEVEL_MAX) {	/* the knowledge items' row */
			assert_true(strncmp(s, "－", strlen("－")) == 0 ||
			    strncmp(s, "―", strlen("―")) == 0);
			assert_true(t->nitems < 32);
			t->items[t->nitems++] = trim((char *)s + strlen("－"));
			continue;
		}
		append_paragraph(&t->levels[level], s);
	}
}

static int
setup(void **state)
{
	FILE *f = fopen(SEED_PATH, "rb");
	long size;
	size_t i, cap = 4096;
	char *p;

	(void)state;
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0)
		return -1;
	rewind(f);
	seed = malloc((size_t)size + 1);
	lines = malloc(cap * sizeof(*lines));
	if (seed == NULL || lines == NULL ||
	    fread(seed, 1, (size_t)size, f) != (size_t)size)
		return -1;
	fclose(f);
	seed[size] = '\0';
	for (p = seed; p != NULL && nlines < cap; ) {
		char *nl = strchr(p, '\n');

		if (nl != NULL)
			*nl = '\0';
		lines[nlines++] = p;
		p = nl ? nl + 1 : NULL;
	}
	for (i = 0; i < nlines; i++)
		lines[i] = trim(lines[i]);
	load_seed(&content);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	loaded_free(&content);
	free(lines);
	free(seed);
	return 0;
}

/* Returns the index of the first line at or after from containing s. */
static size_t
find_line(size_t from, const char *s)
{
	for (; from < nlines; from++)
		if (strstr(lines[from], s) != NULL)
			return from;
	return nlines;
}

/* Returns whether the seed text (all lines) contains s. */
static int
seed_contains(const char *s)
{
	size_t i;

	for (i = 0; i < nlines; i++)
		if (strstr(lines[i], s) != NULL)
			return 1;
	return 0;
}

static void
test_content_loads_cleanly(void **state)
{
	(void)state;
	assert_int_equal(content.status, EXIT_OK);
	assert_null(strstr(content.text, "error:"));
	assert_int_equal(content.m.njobtypes, 1);
	assert_non_null(content.m.framework);
}

static void
test_every_table_is_transcribed_verbatim(void **state)
{
	const struct jobtype *jt = &content.m.jobtypes[0];
	size_t end = find_line(0, OVERVIEW_HEAD), at, next, sp = 0, en = 0;
	size_t tables = 0, described = 0, items = 0, i;

	(void)state;
	assert_int_equal(jt->nspecialties, 3);
	for (at = find_line(0, TABLE_HEAD); at < end; at = next) {
		struct table t;
		const struct entry *e;
		size_t k;
		int lv;

		next = find_line(at + 1, TABLE_HEAD);
		if (next > end)
			next = end;
		parse_table(&t, at, next);
		if (en == jt->specialties[sp].nentries) {
			sp++;
			en = 0;
		}
		assert_true(sp < jt->nspecialties);
		e = &jt->specialties[sp].entries[en++];
		assert_non_null(e->skill);
		assert_string_equal(e->skill->name, t.name);
		for (i = 0, k = 0; i < t.nitems; i++, k++) {
			/* in the model, and in the table's order */
			for (; k < e->skill->nknowledge; k++)
				if (strcmp(e->skill->knowledge[k].text,
				    t.items[i]) == 0)
					break;
			if (k == e->skill->nknowledge)
				fail_msg("%s: knowledge item %s missing or out "
				    "of order", t.name, t.items[i]);
			items++;
		}
		for (lv = 3; lv <= LEVEL_MAX; lv++) {
			const struct level *l = entry_find_level(e, lv);

			assert_non_null(l);
			if (t.levels[lv] == NULL)
				assert_null(l->markdown);
			else {
				assert_non_null(l->markdown);
				assert_string_equal(l->markdown, t.levels[lv]);
				described++;
			}
			free(t.levels[lv]);
		}
		tables++;
	}
	assert_int_equal(tables, 34);
	assert_int_equal(sp, 2);
	assert_int_equal(en, jt->specialties[2].nentries);
	assert_int_equal(jt->specialties[0].nentries, 11);
	assert_int_equal(jt->specialties[1].nentries, 11);
	assert_int_equal(jt->specialties[2].nentries, 12);
	assert_int_equal(described, 128);
	assert_true(items > 150);
}

static void
test_every_model_text_is_in_the_seed(void **state)
{
	const struct jobtype *jt = &content.m.jobtypes[0];
	size_t i, k;

	(void)state;
	assert_true(seed_contains(jt->name));
	assert_true(seed_contains(jt->annotation));
	for (i = 0; i < jt->nskills; i++) {
		const struct skill *sk = &jt->skills[i];

		assert_true(seed_contains(sk->name));
		for (k = 0; k < sk->nknowledge; k++)
			if (!seed_contains(sk->knowledge[k].text))
				fail_msg("%s: %s is not in the seed", sk->name,
				    sk->knowledge[k].text);
	}
	for (i = 0; i < jt->nspecialties; i++)
		assert_true(seed_contains(jt->specialties[i].name));
}

static void
test_overview_items_are_recorded(void **state)
{
	/* ソフトウェア予防保守's table prints one item, the overview four:
	 * all four are in the model, in the overview's order. */
	const struct jobtype *jt = &content.m.jobtypes[0];
	const struct skill *sk = jobtype_find_skill(jt,
	    "software-preventive-maintenance");

	(void)state;
	assert_non_null(sk);
	assert_int_equal(sk->nknowledge, 4);
	assert_string_equal(sk->knowledge[0].text, "メンテナンスの準備");
	assert_string_equal(sk->knowledge[3].text,
	    "ネットワークシステムの運用・保守・管理");
	assert_true(sk->notes.n > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_loads_cleanly),
		cmocka_unit_test(test_every_table_is_transcribed_verbatim),
		cmocka_unit_test(test_every_model_text_is_in_the_seed),
		cmocka_unit_test(test_overview_items_are_recorded),
	};

	return cmocka_run_group_tests_name("seed", tests, setup, teardown);
}
