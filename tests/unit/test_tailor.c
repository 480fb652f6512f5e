/* test_tailor.c: tailorings applied to a job type (tailor.h): what the
 * tailored job type holds, that the standard's stays as it was, the order
 * of several tailorings, and that a build of the model again (the live
 * preview's) gives the same. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "helpers.h"

#define JOBTYPE \
	"<jobtype id=\"jt\" min-level=\"3\" max-level=\"5\"><name>職種</name>" \
	"<skill id=\"c\" scope=\"common\"><name>共通</name>" \
	"<knowledge><item>共通知識</item></knowledge></skill>" \
	"<skill id=\"a\" scope=\"specific\"><name>アルファ</name>" \
	"<knowledge><item>アルファ知識</item></knowledge></skill>" \
	"<skill id=\"b\" scope=\"specific\"><name>ベータ</name>" \
	"<knowledge><item>ベータ知識</item></knowledge></skill>" \
	"<specialty id=\"one\"><name>一</name>" \
	"<entry skill=\"c\"><level value=\"5\">c5</level>" \
	"<level value=\"4\">c4</level><level value=\"3\">c3</level></entry>" \
	"<entry skill=\"a\"><level value=\"5\"/>" \
	"<level value=\"4\">a4</level><level value=\"3\">a3</level></entry>" \
	"</specialty>" \
	"<specialty id=\"two\"><name>二</name>" \
	"<entry skill=\"c\"><level value=\"5\"/>" \
	"<level value=\"4\">c4-2</level><level value=\"3\">c3-2</level></entry>" \
	"<entry skill=\"b\"><level value=\"5\">b5</level>" \
	"<level value=\"4\">b4</level><level value=\"3\">b3</level></entry>" \
	"</specialty></jobtype>"

/* Every operation once; the second file adds to what the first made. */
#define FIRST \
	"<tailoring id=\"t1\" base=\"jt\"><name>社内一</name>" \
	"<hide skill=\"b\"/>" \
	"<hide skill=\"c\" level=\"3\" specialty=\"two\"/>" \
	"<rename skill=\"a\"><name>社内アルファ</name></rename>" \
	"<skill id=\"own\" specialty=\"one\"><name>社内スキル</name>" \
	"<knowledge><item>社内知識</item></knowledge>" \
	"<level value=\"3\">own3</level></skill>" \
	"<knowledge skill=\"c\"><item>追加知識</item></knowledge>" \
	"<level skill=\"c\" value=\"4\"><meaning>意味</meaning></level>" \
	"<resource skill=\"a\" level=\"4\" kind=\"exam\" hours=\"1.5\">" \
	"<title>試験</title></resource>" \
	"<role id=\"r\" specialty=\"one\"><name>役割</name>" \
	"<target skill=\"a\" level=\"4\"/><target skill=\"own\" level=\"3\"/>" \
	"</role></tailoring>"
#define SECOND \
	"<tailoring id=\"t2\" base=\"jt\"><name>社内二</name>" \
	"<resource skill=\"a\" level=\"4\" kind=\"book\">" \
	"<title>本</title></resource>" \
	"<resource skill=\"own\" level=\"3\" kind=\"ojt\">" \
	"<title>現場</title></resource></tailoring>"

/* Loads the job type and the tailorings (in order) into l, resolved. */
static void
S_load(struct loaded *l, const char *first, const char *second)
{
	struct loader *ld = loaded_begin(l);

	loader_buffer(ld, "jt.xml", JOBTYPE, strlen(JOBTYPE));
	loader_buffer(ld, "t1.xml", first, strlen(first));
	if (second != NULL)
		loader_buffer(ld, "t2.xml", second, strlen(second));
	loaded_end(l, ld, 1);
}

/* Returns the entry of skill id in sp, or NULL. */
static const struct entry *
S_entry(const struct specialty *sp, const char *id)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (strcmp(sp->entries[i].skill_id, id) == 0)
			return &sp->entries[i];
	return NULL;
}

/* A hidden skill leaves the job type and every specialty; a level hidden
 * in one specialty is empty there only, marked by its tailoring. */
static void
test_hides(void **state)
{
	struct loaded l;
	const struct jobtype *jt;
	const struct level *lv;

	(void)state;
	S_load(&l, FIRST, NULL);
	assert_int_equal(l.status, EXIT_OK);
	jt = &l.m.jobtypes[0];
	assert_null(jobtype_find_skill(jt, "b"));
	assert_null(S_entry(&jt->specialties[1], "b"));
	assert_int_equal(jt->specialties[1].nentries, 1);
	lv = entry_find_level(S_entry(&jt->specialties[1], "c"), 3);
	assert_null(lv->markdown);
	assert_ptr_equal(lv->hidden_by, &l.m.tailorings[0]);
	lv = entry_find_level(S_entry(&jt->specialties[0], "c"), 3);
	assert_string_equal(lv->markdown, "c3");
	assert_null(lv->hidden_by);
	loaded_free(&l);
}

/* The standard's job type is kept whole, with every text as written. */
static void
test_standard_kept(void **state)
{
	struct loaded l;
	const struct jobtype *std;

	(void)state;
	S_load(&l, FIRST, NULL);
	std = l.m.jobtypes[0].standard;
	assert_non_null(std);
	assert_int_equal(std->nskills, 3);
	assert_string_equal(jobtype_find_skill(std, "a")->name, "アルファ");
	assert_null(jobtype_find_skill(std, "a")->standard_name);
	assert_int_equal(std->specialties[1].nentries, 2);
	assert_string_equal(entry_level_text(S_entry(&std->specialties[1],
	    "c"), 3), "c3-2");
	assert_null(l.m.jobtypes[0].standard->standard);
	loaded_free(&l);
}

/* Renames keep the standard's name; company skills and items are marked
 * with their tailoring; company text and resources reach the levels. */
static void
test_additions(void **state)
{
	struct loaded l;
	const struct jobtype *jt;
	const struct skill *k;
	const struct level *lv;

	(void)state;
	S_load(&l, FIRST, SECOND);
	assert_int_equal(l.status, EXIT_OK);
	jt = &l.m.jobtypes[0];
	k = jobtype_find_skill(jt, "a");
	assert_string_equal(k->name, "社内アルファ");
	assert_string_equal(k->standard_name, "アルファ");
	k = jobtype_find_skill(jt, "own");
	assert_ptr_equal(k->from, &l.m.tailorings[0]);
	assert_ptr_equal(S_entry(&jt->specialties[0], "own")->skill, k);
	assert_null(S_entry(&jt->specialties[1], "own"));
	k = jobtype_find_skill(jt, "c");
	assert_int_equal(k->nknowledge, 2);
	assert_null(k->knowledge[0].from);
	assert_ptr_equal(k->knowledge[1].from, &l.m.tailorings[0]);
	lv = entry_find_level(S_entry(&jt->specialties[1], "c"), 4);
	assert_string_equal(lv->company->meaning, "意味");
	lv = entry_find_level(S_entry(&jt->specialties[0], "a"), 4);
	assert_int_equal(lv->nresources, 2);
	assert_string_equal(lv->resources[0]->title, "試験");
	assert_string_equal(lv->resources[0]->hours, "1.5");
	assert_int_equal(lv->resources[0]->kind, RESOURCE_EXAM);
	assert_string_equal(lv->resources[1]->title, "本");
	assert_ptr_equal(lv->resources[1]->at.from, &l.m.tailorings[1]);
	assert_true(jobtype_level_defined(jt, 3) && jobtype_level_defined(jt,
	    5));
	loaded_free(&l);
}

/* Roles of every tailoring are listed in order, their targets linked to
 * the tailored skills. */
static void
test_roles(void **state)
{
	struct loaded l;
	const struct jobtype *jt;
	const struct role *r;

	(void)state;
	S_load(&l, FIRST, SECOND);
	jt = &l.m.jobtypes[0];
	assert_int_equal(jt->nroles, 1);
	assert_int_equal(jt->ntailorings, 2);
	r = jt->roles[0];
	assert_ptr_equal(r->specialty, &jt->specialties[0]);
	assert_ptr_equal(r->targets[0].skill, jobtype_find_skill(jt, "a"));
	assert_ptr_equal(r->targets[1].skill, jobtype_find_skill(jt, "own"));
	loaded_free(&l);
}

/* A tailoring of a job type not loaded is an error; one job type's
 * tailoring leaves the others untouched. */
static void
test_unknown_base(void **state)
{
	struct loaded l;

	(void)state;
	S_load(&l, "<tailoring id=\"x\" base=\"nope\"><name>n</name>"
	    "</tailoring>", NULL);
	assert_int_equal(l.status, EXIT_CONTENT);
	assert_non_null(strstr(l.text, "t1.xml:1:1: error: tailoring of an "
	    "unknown job type: base=\"nope\""));
	assert_null(l.m.jobtypes[0].standard);
	assert_int_equal(l.m.jobtypes[0].nskills, 3);
	loaded_free(&l);
}

/* Resolving the same parts again (as the live preview does each build)
 * gives the same tailored job type. */
static void
test_resolve_again(void **state)
{
	struct loaded l;
	struct model again;
	struct diag d;

	(void)state;
	S_load(&l, FIRST, SECOND);
	model_init(&again);
	again.jobtypes = xcalloc(1, sizeof(*again.jobtypes));
	again.jobtypes[0] = *l.m.jobtypes[0].standard;
	again.njobtypes = 1;
	again.tailorings = xcalloc(2, sizeof(*again.tailorings));
	memcpy(again.tailorings, l.m.tailorings, 2 * sizeof(*l.m.tailorings));
	again.ntailorings = 2;
	diag_init(&d, stderr);
	resolve(&again, &d);
	assert_int_equal(diag_status(&d), EXIT_OK);
	assert_int_equal(again.jobtypes[0].nskills,
	    l.m.jobtypes[0].nskills);
	assert_int_equal(again.jobtypes[0].roles[0]->targets[0].skill -
	    again.jobtypes[0].skills, 1);
	diag_free(&d);
	model_free(&again);
	loaded_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hides),
		cmocka_unit_test(test_standard_kept),
		cmocka_unit_test(test_additions),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_unknown_base),
		cmocka_unit_test(test_resolve_again),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
