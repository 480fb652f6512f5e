/* test_steps.c: the store of every entry's steps (steps.h) on the seed:
 * each entry's levels as the job type defines them, their plain texts
 * from the Markdown table; one copy however many threads ask at once;
 * freed after two releases and made again, the same, when asked again;
 * a text missing from the table marked, never a crash. */
#include "helpers.h"

#include <pthread.h>

#include "markdown.h"
#include "steps.h"

#define THREADS	4

static struct loaded seed;
static struct md_table *md;

static int
setup(void **state)
{
	(void)state;
	if (load_seed(&seed) != 0)
		return -1;
	md = md_prepare(&seed.m, 1, 1, &seed.d);
	return md != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	md_table_free(md);
	loaded_free(&seed);
	return 0;
}

/* Checks steps st of entry e of jt: a level per level jt defines, each
 * the plain text of e's description of it, or NULL. */
static void
check_entry(const struct jobtype *jt, const struct entry *e,
    const struct page_steps *st)
{
	size_t i = 0;
	int n;

	assert_false(st->unknown);
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n), i++) {
		const char *text = entry_level_text(e, n);

		assert_true(i < st->n);
		if (text == NULL)
			assert_null(st->plain[i]);
		else
			assert_string_equal(st->plain[i], md_plain(md, text));
	}
	assert_int_equal(i, st->n);
	assert_non_null(st->words);
}

static void
test_steps_are_the_entries_levels(void **state)
{
	struct steps_store *st = steps_store_new(&seed.m, md);
	const struct jobtype *jt = &seed.m.jobtypes[0];
	size_t i, j;

	(void)state;
	for (i = 0; i < jt->nspecialties; i++)
		for (j = 0; j < jt->specialties[i].nentries; j++)
			check_entry(jt, &jt->specialties[i].entries[j],
			    steps_get(st, jt, &jt->specialties[i],
			    &jt->specialties[i].entries[j]));
	steps_store_free(st);
}

/* What a thread asks for, and what it got. */
struct asker {
	struct steps_store		*st;
	const struct page_steps		*got[64];
	size_t				 n;
};

/* Asks for the steps of every entry of the seed's specialties, the last
 * specialty first. */
static void *
ask_all(void *arg)
{
	struct asker *a = arg;
	const struct jobtype *jt = &seed.m.jobtypes[0];
	size_t i, j;

	for (i = jt->nspecialties; i-- > 0;)
		for (j = 0; j < jt->specialties[i].nentries && a->n < 64; j++)
			a->got[a->n++] = steps_get(a->st, jt,
			    &jt->specialties[i], &jt->specialties[i].entries[j]);
	return NULL;
}

static void
test_threads_share_one_copy(void **state)
{
	struct steps_store *st = steps_store_new(&seed.m, md);
	struct asker a[THREADS];
	pthread_t t[THREADS];
	size_t i, k;

	(void)state;
	memset(a, 0, sizeof(a));
	for (i = 0; i < THREADS; i++) {
		a[i].st = st;
		assert_int_equal(pthread_create(&t[i], NULL, ask_all, &a[i]), 0);
	}
	for (i = 0; i < THREADS; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	assert_true(a[0].n > 20);
	for (i = 1; i < THREADS; i++) {
		assert_int_equal(a[i].n, a[0].n);
		for (k = 0; k < a[0].n; k++)
			assert_ptr_equal(a[i].got[k], a[0].got[k]);
	}
	steps_store_free(st);
}

static void
test_second_release_frees_and_asking_again_remakes(void **state)
{
	struct steps_store *st = steps_store_new(&seed.m, md);
	const struct jobtype *jt = &seed.m.jobtypes[0];
	const struct specialty *sp = &jt->specialties[1];
	const struct page_steps *first;
	char *text;

	(void)state;
	first = steps_get(st, jt, sp, &sp->entries[0]);
	text = strdup(first->plain[0]);
	steps_release(st, jt, sp);
	assert_ptr_equal(steps_get(st, jt, sp, &sp->entries[0]), first);
	steps_release(st, jt, sp);	/* freed: ASan and valgrind see any use */
	check_entry(jt, &sp->entries[0], steps_get(st, jt, sp,
	    &sp->entries[0]));
	assert_string_equal(steps_get(st, jt, sp, &sp->entries[0])->plain[0],
	    text);
	free(text);
	steps_store_free(st);	/* frees what was made again */
}

static void
test_text_missing_from_the_table_is_marked(void **state)
{
	struct loaded other;
	struct steps_store *st;
	const struct jobtype *jt;
	const struct page_steps *s;

	(void)state;
	load_string(&other, VALID_JOBTYPE, 1);
	jt = &other.m.jobtypes[0];
	st = steps_store_new(&other.m, md);	/* the seed's table */
	s = steps_get(st, jt, &jt->specialties[0],
	    &jt->specialties[0].entries[0]);
	assert_true(s->unknown);
	steps_store_free(st);
	loaded_free(&other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_steps_are_the_entries_levels),
		cmocka_unit_test(test_threads_share_one_copy),
		cmocka_unit_test(test_second_release_frees_and_asking_again_remakes),
		cmocka_unit_test(test_text_missing_from_the_table_is_marked),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
