/* test_handbooks.c: the PDF handbooks, as a trainer would hand them out.
 *
 * Builds the real site with PDFs (skillsite build -p) and reads each PDF
 * back with poppler-utils and mupdf-tools: every knowledge item and level
 * description of the specialty in order, every note, no text of another
 * specialty only, every font embedded, every skill and level in the
 * outline, the page budget, no near-empty page, and the skill named on
 * every page that holds its levels.  The job type's handbook (all
 * specialties at once) likewise: every text of every specialty, the
 * common skills compared then each specialty's part in order, its
 * outline of compared skills and parts, its budget, its pages, and the
 * running header 「SPECIALTY：SKILL」 in the parts.  The company's
 * edition too, built with the example tailoring (tests/tailoring/minato):
 * all of the above on its handbooks, and every company text, learning
 * resource and role in place and in order, each marked as the
 * company's (the HTML: inside a box with the 社内 mark), the legend on
 * the cover, 社内版 and the tailorings' names on every page, no hidden
 * skill or level's standard text.  Skipped where WeasyPrint or the
 * readers are missing (CI installs them).  Run from the top of the
 * repository.
 */
#include "helpers.h"

#include <sys/stat.h>

#include <ctype.h>
#include <stdarg.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "alloc.h"
#include "cli.h"
#include "markdown.h"

#define SITE "build/handbooks-site"
#define TSITE "build/handbooks-tailored"	/* the company's edition */
#define TAILORING "tests/tailoring/minato"

static struct loaded content, tailored;
static int available;

/* A handbook: a specialty's, or the job type's as a whole, of the
 * standard's edition (site SITE) or the company's (TSITE). */
struct handbook {
	const struct jobtype	*jt;
	const struct specialty	*sp;	/* NULL: the job type's */
	const char		*id;	/* its PDF: handbooks/ID.pdf */
	const char		*site;
};

/* Returns the handbook of specialty sp of jt (of jt as a whole when sp
 * is NULL) in site. */
static struct handbook
handbook_in(const char *site, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct handbook h = { jt, sp, sp != NULL ? sp->id : jt->id, site };

	return h;
}

/* Returns the handbook of specialty sp of jt of the same edition as h. */
static struct handbook
handbook_of(const struct handbook *h, const struct specialty *sp)
{
	return handbook_in(h->site, h->jt, sp);
}

/* Returns the output of command cmd (malloc'd), or NULL. */
static char *
run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char *buf = NULL;
	size_t len = 0, n;
	char chunk[4096];

	if (p == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0) {
		buf = realloc(buf, len + n + 1);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	if (pclose(p) != 0) {
		free(buf);
		return NULL;
	}
	if (buf == NULL)
		buf = calloc(1, 1);
	buf[len] = '\0';
	return buf;
}

/* Returns a malloc'd copy of s without any white space (line breaks of
 * the PDF's text, Markdown paragraph breaks, the ideographic space, which
 * pdftotext reads as a space). */
static char *
squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++)
		if (strncmp(s, "\u3000", 3) == 0)
			s += 2;
		else if (!isspace((unsigned char)*s))
			*o++ = *s;
	*o = '\0';
	return out;
}

/* Builds site afresh (no PDF kept) with -p from the argc content
 * folders at from; returns skillsite's status. */
static int
build_site(const char *site, int argc, char **from)
{
	char *argv[10] = { "skillsite", "build", "-p", "-t", "templates",
	    "-o", (char *)site };
	struct capture o, e;
	char cmd[256];
	int i, status;

	snprintf(cmd, sizeof(cmd), "rm -rf %s", site);
	if (system(cmd) != 0)
		return -1;
	for (i = 0; i < argc; i++)
		argv[7 + i] = from[i];
	capture_open(&o);
	capture_open(&e);
	status = skillsite_main(7 + argc, argv, o.f, e.f);
	capture_close(&o);
	capture_close(&e);
	if (status != 0)
		fprintf(stderr, "%s", e.text);
	capture_free(&o);
	capture_free(&e);
	return status;
}

/* Loads and resolves content/ with the example tailoring into l. */
static int
load_tailored(struct loaded *l)
{
	struct loader *ld = loaded_begin(l);

	loader_path(ld, "content");
	loader_path(ld, TAILORING);
	loaded_end(l, ld, 1);
	return l->status == EXIT_OK ? 0 : -1;
}

static int
setup(void **state)
{
	char *plain[] = { "content" }, *company[] = { "content", TAILORING };

	(void)state;
	available = system("command -v weasyprint pdftotext pdffonts pdfinfo "
	    "mutool >/dev/null 2>&1") == 0;
	if (!available)
		return 0;
	if (build_site(SITE, 1, plain) != 0 ||
	    build_site(TSITE, 2, company) != 0)
		return -1;
	if (load_seed(&content) != 0 || load_tailored(&tailored) != 0 ||
	    tailored.m.jobtypes[0].ntailorings == 0)
		return -1;
	return 0;
}

/* Returns the inode of the PDF handbook of each specialty of the content,
 * in order, then of the job type's, in v (room for n); returns how many
 * it found. */
static size_t
pdf_inodes(ino_t *v, size_t n)
{
	const struct jobtype *jt = &content.m.jobtypes[0];
	size_t i, found = 0;
	char path[512];
	struct stat st;

	for (i = 0; i <= jt->nspecialties && i < n; i++) {
		snprintf(path, sizeof(path), "%s/handbooks/%s.pdf", SITE,
		    i < jt->nspecialties ? jt->specialties[i].id : jt->id);
		if (stat(path, &st) == 0)
			v[found++] = st.st_ino;
	}
	return found;
}

static int
teardown(void **state)
{
	(void)state;
	if (available) {
		loaded_free(&content);
		loaded_free(&tailored);
	}
	return 0;
}

/* The area of an A4 page (in points) that holds the body of the handbook
 * and not its running header and page number: those are set in the
 * margins, at least 17 mm (48 pt) high. */
#define BODY_CROP	"-x 0 -y 47 -W 595 -H 748"

/* How pdftotext reads the PDFs: in the order WeasyPrint draws the text
 * (the document's, cell by cell), not by the page's geometry, so that
 * the three columns of a compared skill's table (a specialty each) stay
 * whole whatever the gaps between them.  Measured on customer-service.pdf,
 * of the 72 level descriptions of its compared tables -raw reads all 72
 * whole, as does the default mode (by guessing the columns), -layout
 * none (it interleaves the columns' lines). */
#define TEXT_MODE	"-raw"

/* Returns the squeezed text of the PDF of handbook h, without the page
 * headers and footers (so a note running on to the next page is whole). */
static char *
pdf_text(const struct handbook *h)
{
	char cmd[512], *raw, *s;

	snprintf(cmd, sizeof(cmd), "pdftotext " TEXT_MODE " -enc UTF-8 "
	    BODY_CROP " %s/handbooks/%s.pdf -", h->site, h->id);
	raw = run(cmd);
	assert_non_null(raw);
	s = squeeze(raw);
	free(raw);
	return s;
}

/* Returns whether some entry of sp describes a level with text md. */
static int
describes(const struct specialty *sp, const char *md)
{
	size_t i, j;

	for (i = 0; i < sp->nentries; i++)
		for (j = 0; j < sp->entries[i].nlevels; j++)
			if (sp->entries[i].levels[j].markdown != NULL &&
			    strcmp(sp->entries[i].levels[j].markdown, md) == 0)
				return 1;
	return 0;
}

/* ---- Texts of the content, squeezed, as the PDF must (or must not) hold
 * them ---- */

/* A list of malloc'd squeezed texts. */
struct texts {
	char	**v;
	size_t	  n;
};

/* Adds s (malloc'd, squeezed; taken over) to t, unless it is empty. */
static void
texts_add(struct texts *t, char *s)
{
	if (*s == '\0') {
		free(s);
		return;
	}
	t->v = realloc(t->v, (t->n + 1) * sizeof(*t->v));
	t->v[t->n++] = s;
}

/* Adds the plain text of Markdown md (if any) to t. */
static void
texts_add_md(struct texts *t, const char *md)
{
	char *plain;

	if (md == NULL)
		return;
	plain = md_plain_text(md);
	texts_add(t, squeeze(plain));
	free(plain);
}

/* Adds the plain text of every note of ns to t. */
static void
texts_add_notes(struct texts *t, const struct notes *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		texts_add_md(t, ns->v[i].markdown);
}

/* Adds every text of entry e to t: its skill's knowledge items and notes,
 * its level descriptions and notes. */
static void
texts_add_entry(struct texts *t, const struct entry *e)
{
	size_t i;

	for (i = 0; i < e->skill->nknowledge; i++)
		texts_add(t, squeeze(e->skill->knowledge[i].text));
	for (i = 0; i < e->nlevels; i++)
		texts_add_md(t, e->levels[i].markdown);
	texts_add_notes(t, &e->skill->notes);
	texts_add_notes(t, &e->notes);
}

/* Returns whether handbook h holds specialty sp (the job type's holds
 * every one). */
static int
holds_specialty(const struct handbook *h, const struct specialty *sp)
{
	return h->sp == NULL || h->sp == sp;
}

/* Fills t with every text handbook h holds: the entries' and notes of
 * its specialty (of every specialty, the job type's), the job type's
 * annotation and notes. */
static void
texts_of(struct texts *t, const struct handbook *h)
{
	size_t i, j;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < h->jt->nspecialties; i++) {
		const struct specialty *sp = &h->jt->specialties[i];

		if (!holds_specialty(h, sp))
			continue;
		for (j = 0; j < sp->nentries; j++)
			texts_add_entry(t, &sp->entries[j]);
		texts_add_notes(t, &sp->notes);
	}
	texts_add_md(t, h->jt->annotation);
	texts_add_notes(t, &h->jt->notes);
}

/* Fills t with the descriptions of handbook h: the level descriptions
 * and every note, but not the knowledge items (short phrases, which may
 * be a skill's name). */
static void
descriptions_of(struct texts *t, const struct handbook *h)
{
	size_t i, j, k;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < h->jt->nspecialties; i++) {
		const struct specialty *sp = &h->jt->specialties[i];

		for (j = 0; holds_specialty(h, sp) && j < sp->nentries; j++) {
			const struct entry *e = &sp->entries[j];

			for (k = 0; k < e->nlevels; k++)
				texts_add_md(t, e->levels[k].markdown);
			texts_add_notes(t, &e->skill->notes);
			texts_add_notes(t, &e->notes);
		}
		if (holds_specialty(h, sp))
			texts_add_notes(t, &sp->notes);
	}
	texts_add_md(t, h->jt->annotation);
	texts_add_notes(t, &h->jt->notes);
}

/* Returns whether s is part of some text of t. */
static int
texts_have(const struct texts *t, const char *s)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strstr(t->v[i], s) != NULL)
			return 1;
	return 0;
}

static void
texts_free(struct texts *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

/* Returns the squeezed text of each page of the PDF of handbook h
 * (malloc'd array of malloc'd strings, NULL-terminated), only of its
 * body when body is set; *n is set to the number of pages. */
static char **
pdf_pages(const struct handbook *h, int body, size_t *n)
{
	char cmd[512], *raw, *page, *next, **v = NULL;

	snprintf(cmd, sizeof(cmd), "pdftotext " TEXT_MODE " -enc UTF-8 %s "
	    "%s/handbooks/%s.pdf -", body ? BODY_CROP : "", h->site, h->id);
	assert_non_null(raw = run(cmd));
	*n = 0;
	for (page = raw; (next = strchr(page, '\f')) != NULL; page = next + 1) {
		*next = '\0';
		v = realloc(v, (*n + 2) * sizeof(*v));
		v[(*n)++] = squeeze(page);
	}
	free(raw);
	assert_non_null(v);
	v[*n] = NULL;
	return v;
}

static void
pages_free(char **v)
{
	size_t i;

	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* Returns the number of characters of UTF-8 text s. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Runs check on the handbook of each specialty of the job type of l
 * built into site, then, when whole is set, on the job type's (skipped
 * where the PDFs cannot be made). */
static void
each_handbook_in(const char *site, struct loaded *l,
    void (*check)(const struct handbook *), int whole)
{
	const struct jobtype *jt;
	struct handbook h;
	size_t i;

	if (!available)
		skip();
	jt = &l->m.jobtypes[0];
	for (i = 0; i < jt->nspecialties; i++) {
		h = handbook_in(site, jt, &jt->specialties[i]);
		check(&h);
	}
	h = handbook_in(site, jt, NULL);
	if (whole)
		check(&h);
}

/* Runs check on the handbook of each specialty of both editions, the
 * standard's and the company's, and when whole is set on their job
 * type's. */
static void
each_handbook_of(void (*check)(const struct handbook *), int whole)
{
	each_handbook_in(SITE, &content, check, whole);
	each_handbook_in(TSITE, &tailored, check, whole);
}

/* Runs check on every handbook of both editions: each specialty's, the
 * job type's. */
static void
each_handbook(void (*check)(const struct handbook *))
{
	each_handbook_of(check, 1);
}

/* Runs check on every handbook of the company's edition. */
static void
each_tailored_handbook(void (*check)(const struct handbook *))
{
	each_handbook_in(TSITE, &tailored, check, 1);
}

/* Every text of handbook h is in its PDF: knowledge items, level
 * descriptions, every note (the skills', the entries', the specialty's
 * or every specialty's, the job type's) and the annotation. */
static void
check_every_text_present(const struct handbook *h)
{
	char *text = pdf_text(h);
	struct texts own;
	size_t j;

	texts_of(&own, h);
	assert_true(own.n > 0);
	for (j = 0; j < own.n; j++)
		if (strstr(text, own.v[j]) == NULL)
			fail_msg("%s.pdf: missing %s", h->id, own.v[j]);
	texts_free(&own);
	free(text);
}

/* No text of another specialty (a knowledge item, level description or
 * note) that is not also h's own is in the PDF of specialty handbook h
 * (the job type's holds every specialty's). */
static void
check_no_foreign_text(const struct handbook *h)
{
	const struct jobtype *jt = h->jt;
	char *text = pdf_text(h);
	struct texts own, other;
	struct handbook oh;
	size_t o, j;

	texts_of(&own, h);
	for (o = 0; o < jt->nspecialties; o++) {
		if (&jt->specialties[o] == h->sp)
			continue;
		oh = handbook_of(h, &jt->specialties[o]);
		texts_of(&other, &oh);
		for (j = 0; j < other.n; j++)
			if (!texts_have(&own, other.v[j]) &&
			    strstr(text, other.v[j]) != NULL)
				fail_msg("%s.pdf holds %s's %s", h->id,
				    oh.id, other.v[j]);
		texts_free(&other);
	}
	texts_free(&own);
	free(text);
}

/* Each specialty's handbook takes at most 65 % of the pages the
 * one-skill-a-page layout took (26, 29 and 33 pages).  The job type's
 * holds the common skills once, compared, where the three specialties'
 * handbooks take 12 + 14 + 15 = 41 pages: at most 30 (26 today).  The
 * company's edition adds its roles, skills, texts and resources: 17, 16,
 * 16 and 33 pages today, a sixth more at most. */
static void
check_page_budget(const struct handbook *h)
{
	static const struct {
		const char	*site;
		const char	*id;
		size_t		 pages;
	} budget[] = {
		{ SITE, "hardware", 16 }, { SITE, "software", 19 },
		{ SITE, "facility-management", 23 },
		{ SITE, "customer-service", 30 },
		{ TSITE, "hardware", 20 }, { TSITE, "software", 19 },
		{ TSITE, "facility-management", 19 },
		{ TSITE, "customer-service", 38 },
	};
	size_t j, n;

	pages_free(pdf_pages(h, 0, &n));
	for (j = 0; j < sizeof(budget) / sizeof(budget[0]); j++)
		if (strcmp(budget[j].id, h->id) == 0 &&
		    strcmp(budget[j].site, h->site) == 0)
			break;
	if (j == sizeof(budget) / sizeof(budget[0]))
		fail_msg("%s.pdf: no page budget", h->id);
	if (n > budget[j].pages)
		fail_msg("%s.pdf: %zu pages, more than %zu", h->id, n,
		    budget[j].pages);
}

/* Characters (white space aside) of a full page of skills: measured on
 * software.pdf's fullest page of level tables, 1269. */
#define FULL_PAGE	1270

/* No page but the cover and the last holds less than a third of a full
 * page of text. */
static void
check_no_near_empty_page(const struct handbook *h)
{
	size_t p, n;
	char **pages = pdf_pages(h, 1, &n);

	for (p = 1; p + 1 < n; p++)
		if (chars(pages[p]) < FULL_PAGE / 3)
			fail_msg("%s.pdf: page %zu holds %zu characters, less "
			    "than %d", h->id, p + 1, chars(pages[p]),
			    FULL_PAGE / 3);
	pages_free(pages);
}

/* Returns whether page (squeezed) holds a level description of e. */
static int
holds_levels_of(const char *page, const struct entry *e)
{
	size_t i;
	int found = 0;

	for (i = 0; i < e->nlevels && !found; i++) {
		char *plain, *want;

		if (e->levels[i].markdown == NULL)
			continue;
		plain = md_plain_text(e->levels[i].markdown);
		want = squeeze(plain);
		found = strstr(page, want) != NULL;
		free(want);
		free(plain);
	}
	return found;
}

/* Returns a malloc'd copy of page with every text of t blotted out. */
static char *
blot(const char *page, const struct texts *t)
{
	char *out = strdup(page), *hit;
	size_t i;

	for (i = 0; i < t->n; i++)
		while ((hit = strstr(out, t->v[i])) != NULL)
			memset(hit, '\1', strlen(t->v[i]));
	return out;
}

/* Returns the entry of skill k in sp, or NULL. */
static const struct entry *
entry_of(const struct specialty *sp, const struct skill *k)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill == k)
			return &sp->entries[i];
	return NULL;
}

/* Returns whether rest (a page, squeezed and blotted) holds the running
 * header of a part's skill 「SPECIALTY：SKILL」 naming the part of some
 * specialty of h that has specific skill k and the skill the page begins
 * in: k or one before it in that part (a page begins in the skill whose
 * levels it holds first, or in the one before, running on). */
static int
names_part_and_skill(const char *rest, const struct handbook *h,
    const struct skill *k)
{
	size_t i, j, at;
	int found = 0;

	for (i = 0; i < h->jt->nspecialties && !found; i++) {
		const struct specialty *sp = &h->jt->specialties[i];
		const struct entry *e = entry_of(sp, k);

		at = e != NULL ? (size_t)(e - sp->entries) : 0;
		for (j = 0; e != NULL && j <= at && !found; j++) {
			char *want, *header;

			if (sp->entries[j].skill->scope != SCOPE_SPECIFIC)
				continue;
			header = xasprintf("%s：%s", sp->name,
			    sp->entries[j].skill->name);
			want = squeeze(header);
			found = strstr(rest, want) != NULL;
			free(want);
			free(header);
		}
	}
	return found;
}

/* Page p of handbook h, holding a level description of skill k of sp,
 * names k in rest (the page, squeezed, its descriptions blotted out);
 * in a part of the job type's handbook, its running header names the
 * part and the skill, 「SPECIALTY：SKILL」. */
static void
check_page_names(const struct handbook *h, size_t p, const char *rest,
    const struct specialty *sp, const struct skill *k)
{
	char *name = squeeze(k->name);

	if (strstr(rest, name) == NULL)
		fail_msg("%s.pdf: page %zu holds levels of %s but does not "
		    "name it", h->id, p + 1, k->name);
	if (h->sp == NULL && k->scope == SCOPE_SPECIFIC &&
	    !names_part_and_skill(rest, h, k))
		fail_msg("%s.pdf: page %zu holds levels of %s of %s, but its "
		    "running header names no 「%s：SKILL」 of that part up to "
		    "%s", h->id, p + 1, k->name, sp->name, sp->name, k->name);
	free(name);
}

/* Every page holding a level description of a skill names the skill
 * outside the descriptions of the handbook (its heading, the running
 * header, the table's header row), so that a trainer on a spill-over page
 * knows where they are (check_page_names()). */
static void
check_level_pages_name_their_skill(const struct handbook *h)
{
	size_t p, i, j, n;
	char **pages = pdf_pages(h, 0, &n);
	struct texts descriptions;

	descriptions_of(&descriptions, h);
	for (p = 0; p < n; p++) {
		char *rest = blot(pages[p], &descriptions);

		for (i = 0; i < h->jt->nspecialties; i++) {
			const struct specialty *sp = &h->jt->specialties[i];

			for (j = 0; holds_specialty(h, sp) &&
			    j < sp->nentries; j++)
				if (holds_levels_of(pages[p], &sp->entries[j]))
					check_page_names(h, p, rest, sp,
					    sp->entries[j].skill);
		}
		free(rest);
	}
	texts_free(&descriptions);
	pages_free(pages);
}

static void
test_every_text_present(void **state)
{
	(void)state;
	each_handbook(check_every_text_present);
}

static void
test_no_foreign_text(void **state)
{
	(void)state;
	each_handbook_of(check_no_foreign_text, 0);
}

static void
test_page_budget(void **state)
{
	(void)state;
	each_handbook(check_page_budget);
}

static void
test_no_near_empty_page(void **state)
{
	(void)state;
	each_handbook(check_no_near_empty_page);
}

static void
test_level_pages_name_their_skill(void **state)
{
	(void)state;
	each_handbook(check_level_pages_name_their_skill);
}

/* Moves *at past text want (squeezed) in the text of the PDF of h,
 * failing when it is not there from *at on; what and n name it. */
static void
advance_past(const struct handbook *h, const char **at, const char *want,
    const char *what, int n)
{
	const char *hit = strstr(*at, want);

	if (hit == NULL)
		fail_msg("%s.pdf: %s %d missing or out of order: %s", h->id,
		    what, n, want);
	*at = hit + strlen(want);
}

/* Moves *at past the plain text of Markdown md (if any) in the text of
 * the PDF of h (advance_past()). */
static void
advance_past_md(const struct handbook *h, const char **at, const char *md,
    const char *what, int n)
{
	char *plain, *want;

	if (md == NULL)
		return;
	plain = md_plain_text(md);
	want = squeeze(plain);
	advance_past(h, at, want, what, n);
	free(want);
	free(plain);
}

/* Moves *at past the knowledge items of skill k in the text of the PDF
 * of h, in order. */
static void
advance_past_knowledge(const struct handbook *h, const char **at,
    const struct skill *k)
{
	size_t i;

	for (i = 0; i < k->nknowledge; i++) {
		char *want = squeeze(k->knowledge[i].text);

		advance_past(h, at, want, k->id, (int)i);
		free(want);
	}
}

/* ---- What a tailoring gives a level, as the company's edition prints
 * it ---- */

/* The words the handbook prints for what tailorings add (labels.xml's
 * resource-* labels, handbook.xhtml's words). */
static const char *const kind_labels[RESOURCE__COUNT] = {
	"社内研修", "資格試験", "書籍", "e-learning", "OJT"
};
#define HIDDEN_TEXT	"社内標準では対象外のレベルです"
#define EDITION		"社内版"

/* Returns the squeezed text of learning resource r as the handbook
 * prints it (malloc'd): its kind, title, hours 「（N時間）」 and, when
 * with_href is set, its address. */
static char *
resource_text(const struct resource *r, int with_href)
{
	char *s = xasprintf("%s %s%s%s%s %s", kind_labels[r->kind],
	    r->title, r->hours ? "（" : "", r->hours ? r->hours : "",
	    r->hours ? "時間）" : "", with_href && r->href ? r->href : "");
	char *q = squeeze(s);

	free(s);
	return q;
}

/* Returns whether a tailoring hides level lv (NULL: none) or gives it
 * company text or resources. */
static int
has_company(const struct level *lv)
{
	return lv != NULL && (lv->hidden_by != NULL || lv->company != NULL ||
	    lv->nresources > 0);
}

/* Returns whether levels a and b (either NULL) are given the same by
 * tailorings, so that a compared skill's row shows it once for both. */
static int
same_company(const struct level *a, const struct level *b)
{
	size_t i, n = a != NULL ? a->nresources : 0;

	if ((a != NULL && a->hidden_by) != (b != NULL && b->hidden_by) ||
	    (a ? a->company : NULL) != (b ? b->company : NULL) ||
	    n != (b != NULL ? b->nresources : 0))
		return 0;
	for (i = 0; i < n; i++)
		if (a->resources[i] != b->resources[i])
			return 0;
	return 1;
}

/* Moves *at past what tailorings give level lv (NULL: none) of skill k
 * in the text of the PDF of h: the words saying it is hidden, its
 * company text, its resources with their addresses. */
static void
advance_past_company(const struct handbook *h, const char **at,
    const struct level *lv, const struct skill *k, int n)
{
	size_t i;

	if (lv == NULL)
		return;
	if (lv->hidden_by != NULL)
		advance_past(h, at, HIDDEN_TEXT, k->id, n);
	if (lv->company != NULL) {
		advance_past_md(h, at, lv->company->meaning, k->id, n);
		advance_past_md(h, at, lv->company->evidence, k->id, n);
	}
	for (i = 0; i < lv->nresources; i++) {
		char *want = resource_text(lv->resources[i], 1);

		advance_past(h, at, want, k->id, n);
		free(want);
	}
}

/* Moves *at past entry e in the text of the PDF of h: its skill's
 * knowledge items, then its level descriptions upwards, each followed by
 * what tailorings give it. */
static void
advance_past_entry(const struct handbook *h, const char **at,
    const struct entry *e)
{
	int n;

	advance_past_knowledge(h, at, e->skill);
	for (n = h->jt->min_level; n <= h->jt->max_level; n++) {
		const struct level *lv = entry_find_level(e, n);

		if (lv != NULL)
			advance_past_md(h, at, lv->markdown, e->skill->id, n);
		advance_past_company(h, at, lv, e->skill, n);
	}
}

/* Moves *at past the table of common skill k compared in the job type's
 * handbook h: a row per level, each specialty's description in the
 * specialties' order, then what tailorings give the level, once for
 * each run of specialties given the same. */
static void
advance_past_compared(const struct handbook *h, const char **at,
    const struct skill *k)
{
	const struct level *lv[16] = { NULL };
	const struct entry *e;
	size_t i;
	int n;

	assert_true(h->jt->nspecialties < 16);
	for (n = jobtype_next_level(h->jt, 0); n != 0;
	    n = jobtype_next_level(h->jt, n)) {
		for (i = 0; i < h->jt->nspecialties; i++) {
			e = entry_of(&h->jt->specialties[i], k);
			lv[i] = e != NULL ? entry_find_level(e, n) : NULL;
			if (lv[i] != NULL)
				advance_past_md(h, at, lv[i]->markdown, k->id, n);
		}
		for (i = 0; i < h->jt->nspecialties; i++)
			if (has_company(lv[i]) &&
			    (i == 0 || !same_company(lv[i - 1], lv[i])))
				advance_past_company(h, at, lv[i], k, n);
	}
}

/* Returns level n's name as the labels write it (「レベル３」,
 * malloc'd). */
static char *
level_name(int n)
{
	return xasprintf("レベル\xef\xbc%c", 0x90 + n);	/* U+FF10 + n */
}

/* Moves *at past role ro of sp in the text of the PDF of h: its name and
 * description, then each target sp lists: the skill's name, the level
 * and the level's resources (without their addresses). */
static void
advance_past_role(const struct handbook *h, const char **at,
    const struct role *ro, const struct specialty *sp)
{
	char *role = squeeze(ro->name);
	size_t g, j;

	advance_past(h, at, role, ro->id, 0);
	free(role);
	advance_past_md(h, at, ro->description, ro->id, 0);
	for (g = 0; g < ro->ntargets; g++) {
		const struct role_target *t = &ro->targets[g];
		const struct entry *e = t->skill ? entry_of(sp, t->skill) : NULL;
		const struct level *lv = e ? entry_find_level(e, t->level) : NULL;
		char *name, *level;

		if (e == NULL)
			continue;
		name = squeeze(t->skill->name);
		level = level_name(t->level);
		advance_past(h, at, name, ro->id, (int)g);
		advance_past(h, at, level, ro->id, (int)g);
		for (j = 0; lv != NULL && j < lv->nresources; j++) {
			char *want = resource_text(lv->resources[j], 0);

			advance_past(h, at, want, ro->id, (int)g);
			free(want);
		}
		free(level);
		free(name);
	}
}

/* Moves *at past the role section of handbook h, in the text of its PDF:
 * each role of its specialty (of each specialty in turn, the job
 * type's), in the tailorings' order (advance_past_role()). */
static void
advance_past_roles(const struct handbook *h, const char **at)
{
	const struct jobtype *jt = h->jt;
	size_t i, r;

	for (i = 0; i < jt->nspecialties; i++)
		for (r = 0; holds_specialty(h, &jt->specialties[i]) &&
		    r < jt->nroles; r++) {
			const struct role *ro = jt->roles[r];

			if (ro->specialty == NULL || strcmp(ro->specialty->id,
			    jt->specialties[i].id) != 0)
				continue;
			advance_past_role(h, at, ro, &jt->specialties[i]);
		}
}

/* The PDF of h holds every knowledge item and level description of its
 * specialty in order; the job type's, the common skills compared (in
 * the job type's order), then each specialty's specific skills.  In the
 * company's edition, the roles come first, and each level is followed
 * by what tailorings give it. */
static void
check_text_in_order(const struct handbook *h)
{
	const struct jobtype *jt = h->jt;
	char *text = pdf_text(h);
	const char *at = text;
	size_t i, j;

	advance_past_roles(h, &at);
	for (i = 0; h->sp == NULL && i < jt->nskills; i++)
		if (jt->skills[i].scope == SCOPE_COMMON &&
		    jt->skills[i].nuses > 0) {
			advance_past_knowledge(h, &at, &jt->skills[i]);
			advance_past_compared(h, &at, &jt->skills[i]);
		}
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];

		for (j = 0; holds_specialty(h, sp) && j < sp->nentries; j++)
			if (h->sp != NULL ||
			    sp->entries[j].skill->scope == SCOPE_SPECIFIC)
				advance_past_entry(h, &at, &sp->entries[j]);
	}
	free(text);
}

static void
test_text_is_complete_and_in_order(void **state)
{
	(void)state;
	each_handbook(check_text_in_order);
}

static void
test_no_description_of_another_specialty_only(void **state)
{
	const struct jobtype *jt;
	size_t i, o, j, l;

	(void)state;
	if (!available)
		skip();
	jt = &content.m.jobtypes[0];
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];
		struct handbook h = handbook_in(SITE, jt, sp);
		char *text = pdf_text(&h);

		for (o = 0; o < jt->nspecialties; o++) {
			const struct specialty *other = &jt->specialties[o];

			for (j = 0; o != i && j < other->nentries; j++)
				for (l = 0; l < other->entries[j].nlevels; l++) {
					const char *md =
					    other->entries[j].levels[l].markdown;
					char *want;

					if (md == NULL || describes(sp, md))
						continue;
					want = squeeze(md);
					if (strstr(text, want) != NULL)
						fail_msg("%s.pdf holds a description "
						    "of %s only", sp->id, other->id);
					free(want);
				}
		}
		free(text);
	}
}

/* The PDF of handbook h has a title and at least a cover, contents and
 * a skill, and embeds every font it uses. */
static void
check_info_and_fonts(const struct handbook *h)
{
	char cmd[512], *out, *line, *save = NULL, *p;
	int fonts = 0;

	snprintf(cmd, sizeof(cmd), "pdfinfo %s/handbooks/%s.pdf", h->site,
	    h->id);
	assert_non_null(out = run(cmd));
	assert_non_null(p = strstr(out, "\nPages:"));
	assert_true(atoi(p + 7) >= 3);	/* cover, contents, a skill */
	assert_non_null(strstr(out, "ハンドブック"));	/* title */
	free(out);

	snprintf(cmd, sizeof(cmd), "pdffonts %s/handbooks/%s.pdf", h->site,
	    h->id);
	assert_non_null(out = run(cmd));
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "name", 4) == 0 || line[0] == '-')
			continue;
		fonts++;
		if (strstr(line, " yes ") == NULL)
			fail_msg("%s.pdf: font not embedded: %s", h->id, line);
	}
	assert_true(fonts > 0);
	free(out);
}

/* A bookmark of a PDF's outline. */
struct bookmark {
	int	 depth;		/* 1: top level */
	char	*name;
};

/* Returns the bookmarks of the PDF of h, in order, as `mutool show
 * outline` lists them (a line each: a sign, a tab a level, the quoted
 * name, a tab, the link); malloc'd, *n set to their number. */
static struct bookmark *
outline_of(const struct handbook *h, size_t *n)
{
	char cmd[512], *out, *line, *save = NULL, *end = NULL;
	struct bookmark *v = NULL;

	snprintf(cmd, sizeof(cmd), "mutool show %s/handbooks/%s.pdf outline",
	    h->site, h->id);
	assert_non_null(out = run(cmd));
	*n = 0;
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		int depth = 0;

		for (line++; *line == '\t'; line++)
			depth++;
		if (*line != '"' || (end = strchr(line + 1, '"')) == NULL)
			fail_msg("%s.pdf: outline line %s", h->id, line);
		v = realloc(v, (*n + 1) * sizeof(*v));
		v[*n].depth = depth;
		v[(*n)++].name = strndup(line + 1, (size_t)(end - line - 1));
	}
	free(out);
	return v;
}

static void
outline_free(struct bookmark *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* Returns the index of the first bookmark of v (n of them) named name at
 * depth, from index from on and before the next one above depth; n if
 * none. */
static size_t
outline_find(const struct bookmark *v, size_t n, size_t from, int depth,
    const char *name)
{
	for (; from < n && v[from].depth >= depth; from++)
		if (v[from].depth == depth && strcmp(v[from].name, name) == 0)
			return from;
	return n;
}

/* The bookmarks of PDF h below bookmark at of v (n of them) are exactly
 * the levels the job type defines, upwards (「レベル３」...). */
static void
check_outline_levels(const struct handbook *h, const struct bookmark *v,
    size_t n, size_t at)
{
	size_t i = at + 1;
	int lv;

	for (lv = jobtype_next_level(h->jt, 0); lv != 0;
	    lv = jobtype_next_level(h->jt, lv), i++) {
		char want[32];	/* the digit full width: U+FF10 + lv */

		snprintf(want, sizeof(want), "レベル\xef\xbc%c", 0x90 + lv);
		if (i >= n || v[i].depth != v[at].depth + 1 ||
		    strcmp(v[i].name, want) != 0)
			fail_msg("%s.pdf: bookmark %s has no %s below it",
			    h->id, v[at].name, want);
	}
	if (i < n && v[i].depth > v[at].depth)
		fail_msg("%s.pdf: bookmark %s has %s below it", h->id,
		    v[at].name, v[i].name);
}

/* The outline of specialty handbook h holds every skill, in order, each
 * with the levels below it. */
static void
check_specialty_outline(const struct handbook *h, const struct bookmark *v,
    size_t n)
{
	size_t j, at = 0;

	for (j = 0; j < h->sp->nentries; j++) {
		const char *name = h->sp->entries[j].skill->name;

		if ((at = outline_find(v, n, at, 1, name)) == n)
			fail_msg("%s.pdf: no bookmark \"%s\" (in order)",
			    h->id, name);
		check_outline_levels(h, v, n, at);
	}
}

/* The outline of the job type's handbook h holds every common skill
 * (compared), then each specialty's part with its specific skills, in
 * order, each skill with the levels below it. */
static void
check_jobtype_outline(const struct handbook *h, const struct bookmark *v,
    size_t n)
{
	const struct jobtype *jt = h->jt;
	size_t i, j, at = 0, part;

	for (i = 0; i < jt->nskills; i++) {
		if (jt->skills[i].scope != SCOPE_COMMON ||
		    jt->skills[i].nuses == 0)
			continue;
		if ((at = outline_find(v, n, at, 1, jt->skills[i].name)) == n)
			fail_msg("%s.pdf: no bookmark \"%s\" (in order)", h->id,
			    jt->skills[i].name);
		check_outline_levels(h, v, n, at);
	}
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];

		if ((part = outline_find(v, n, at, 1, sp->name)) == n)
			fail_msg("%s.pdf: no part \"%s\" (in order)", h->id,
			    sp->name);
		for (j = 0, at = part; j < sp->nentries; j++) {
			const char *name = sp->entries[j].skill->name;

			if (sp->entries[j].skill->scope != SCOPE_SPECIFIC)
				continue;
			if ((at = outline_find(v, n, at + 1, 2, name)) == n)
				fail_msg("%s.pdf: part \"%s\" has no \"%s\" (in "
				    "order)", h->id, sp->name, name);
			check_outline_levels(h, v, n, at);
		}
		at = part + 1;
	}
}

/* The PDF of h has its fonts embedded and the outline of its kind. */
static void
check_fonts_pages_and_outline(const struct handbook *h)
{
	struct bookmark *v;
	size_t n;

	check_info_and_fonts(h);
	v = outline_of(h, &n);
	if (h->sp != NULL)
		check_specialty_outline(h, v, n);
	else
		check_jobtype_outline(h, v, n);
	outline_free(v, n);
}

static void
test_fonts_embedded_pages_and_outline(void **state)
{
	(void)state;
	each_handbook(check_fonts_pages_and_outline);
}

static void
test_language_is_japanese(void **state)
{
	char cmd[512], *out;

	(void)state;
	if (!available)
		skip();
	snprintf(cmd, sizeof(cmd), "mutool show %s/handbooks/hardware.pdf "
	    "trailer/Root/Lang", SITE);
	out = run(cmd);
	assert_non_null(out);
	assert_non_null(strstr(out, "ja"));
	free(out);
}

/* The start page (index.html) links to each specialty's PDF handbook
 * and to the job type's, as "handbooks/ID.pdf". */
static void
test_start_page_links_every_pdf(void **state)
{
	const struct jobtype *jt = &content.m.jobtypes[0];
	char cmd[512], want[256], *out;
	size_t i;

	(void)state;
	if (!available)
		skip();
	snprintf(cmd, sizeof(cmd), "cat %s/index.html", SITE);
	out = run(cmd);
	assert_non_null(out);
	for (i = 0; i <= jt->nspecialties; i++) {
		snprintf(want, sizeof(want), "href=\"handbooks/%s.pdf\"",
		    i < jt->nspecialties ? jt->specialties[i].id : jt->id);
		if (strstr(out, want) == NULL)
			fail_msg("index.html: no link %s", want);
	}
	free(out);
}

/* A rebuild of unchanged content keeps every PDF, the job type's too
 * (the same files, so WeasyPrint did not run) and rewrites nothing. */
static void
test_rebuild_keeps_the_pdfs(void **state)
{
	char *argv[] = { "skillsite", "build", "-p", "-t", "templates", "-o",
	    SITE, "content" };
	ino_t before[16], after[16];
	struct capture o, e;
	size_t n, files, unchanged;
	const char *p;

	(void)state;
	if (!available)
		skip();
	n = pdf_inodes(before, 16);
	assert_int_equal(n, content.m.jobtypes[0].nspecialties + 1);
	capture_open(&o);
	capture_open(&e);
	assert_int_equal(skillsite_main(8, argv, o.f, e.f), 0);
	capture_close(&o);
	capture_close(&e);
	assert_int_equal(pdf_inodes(after, 16), n);
	assert_memory_equal(before, after, n * sizeof(*before));
	assert_non_null(p = strstr(o.text, "pages, "));
	assert_int_equal(sscanf(p, "pages, %zu files", &files), 1);
	assert_non_null(p = strrchr(o.text, '('));
	assert_int_equal(sscanf(p, "(%zu files unchanged)", &unchanged), 1);
	assert_int_equal(unchanged, files);	/* the PDFs included */
	capture_free(&o);
	capture_free(&e);
}

#define TEMPLATES "build/handbooks-templates"

/* Builds SITE with -p and the templates of TEMPLATES, its print
 * stylesheet's page background being the GIF image of len bytes at gif
 * (assets/mark.gif), or none when gif is NULL. */
static void
build_with_mark(const char *gif, size_t len)
{
	char *argv[] = { "skillsite", "build", "-p", "-t", TEMPLATES, "-o",
	    SITE, "content" };
	struct capture o, e;
	FILE *f;

	if (gif == NULL)
		assert_int_equal(unlink(TEMPLATES "/mark.gif"), 0);
	else {
		assert_non_null(f = fopen(TEMPLATES "/mark.gif", "wb"));
		assert_int_equal(fwrite(gif, 1, len, f), len);
		fclose(f);
	}
	capture_open(&o);
	capture_open(&e);
	assert_int_equal(skillsite_main(8, argv, o.f, e.f), 0);
	capture_close(&o);
	capture_close(&e);
	capture_free(&o);
	capture_free(&e);
}

/* A changed asset remakes the PDFs (each specialty's and the job
 * type's), though the pages and stylesheets are the same: here the image
 * the print stylesheet puts behind each page, red, then blue (a kept PDF
 * would show red), then gone. */
static void
test_asset_change_remakes_the_pdfs(void **state)
{
	static const char red[] = "GIF89a\1\0\1\0\200\0\0\377\0\0\0\0\0"
	    ",\0\0\0\0\1\0\1\0\0\2\2D\1\0;";
	static const char blue[] = "GIF89a\1\0\1\0\200\0\0\0\0\377\0\0\0"
	    ",\0\0\0\0\1\0\1\0\0\2\2D\1\0;";
	ino_t before[16], after[16];
	size_t i, n;

	(void)state;
	if (!available)
		skip();
	assert_int_equal(system("rm -rf " TEMPLATES " && cp -r templates "
	    TEMPLATES " && printf '@page { background: url(mark.gif) }\\n' "
	    ">> " TEMPLATES "/handbook.css"), 0);
	build_with_mark(red, sizeof(red) - 1);
	n = pdf_inodes(before, 16);
	assert_int_equal(n, content.m.jobtypes[0].nspecialties + 1);
	build_with_mark(blue, sizeof(blue) - 1);
	assert_int_equal(pdf_inodes(after, 16), n);
	for (i = 0; i < n; i++)
		assert_true(before[i] != after[i]);	/* made anew */
	build_with_mark(NULL, 0);	/* the image gone: no background */
	assert_int_equal(pdf_inodes(before, 16), n);
	for (i = 0; i < n; i++)
		assert_true(before[i] != after[i]);
}

/* ---- The company's edition: its pages read back with libxml2 ---- */

/* Returns the HTML page of handbook h, parsed (free with xmlFreeDoc()). */
static xmlDocPtr
html_of(const struct handbook *h)
{
	char path[512];
	xmlDocPtr doc;

	snprintf(path, sizeof(path), "%s/handbooks/%s.html", h->site, h->id);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	if (doc == NULL)
		fail_msg("%s does not parse", path);
	return doc;
}

/* Fills t with the squeezed text of each element of doc that xpath
 * selects (those with text); returns how many it selects. */
static size_t
html_texts(struct texts *t, xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	size_t i, n;

	memset(t, 0, sizeof(*t));
	if (o == NULL)
		fail_msg("bad XPath %s", xpath);
	n = o->nodesetval != NULL ? (size_t)o->nodesetval->nodeNr : 0;
	for (i = 0; i < n; i++) {
		xmlChar *c = xmlNodeGetContent(o->nodesetval->nodeTab[i]);

		texts_add(t, squeeze((const char *)c));
		xmlFree(c);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return n;
}

/* Returns how many elements of doc the XPath expression that format
 * makes selects. */
static size_t
html_count(xmlDocPtr doc, const char *format, ...)
{
	char xpath[1024];
	struct texts t;
	va_list ap;
	size_t n;

	va_start(ap, format);
	vsnprintf(xpath, sizeof(xpath), format, ap);
	va_end(ap);
	n = html_texts(&t, doc, xpath);
	texts_free(&t);
	return n;
}

/* Returns whether some text of t is s exactly. */
static int
texts_equal(const struct texts *t, const char *s)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i], s) == 0)
			return 1;
	return 0;
}

/* The elements of the company's that carry the 社内 mark: its boxes (a
 * level's company text, in skills and compared rows; the mark in a cell
 * of its own at their side), the knowledge items and skill headings it
 * adds (the mark beside them). */
#define MARKED(what)	"//*[" what "][*[@class='company-mark']]"
#define COMPANY_BOXES	"//*[contains(concat(' ', @class, ' '), ' company ')]" \
			"[*/*[@class='company-mark']]"
#define MARKED_ITEMS	MARKED("local-name() = 'li'")
#define MARKED_HEADS	MARKED("local-name() = 'h2'")
#define RENAMED_HEADS	"//*[local-name() = 'h2'][*[@class='standard-name']]"

/* What a handbook's HTML marks as the company's (squeezed texts). */
struct marked {
	struct texts	boxes, items, heads, renamed;
};

/* Returns s then the text of the mark, 「社内」, squeezed (malloc'd): a
 * name or item marked as the company's. */
static char *
with_mark(const char *s)
{
	char *m = xasprintf("%s社内", s), *q = squeeze(m);

	free(m);
	return q;
}

/* Fails unless t (of handbook h, named what) holds s (squeezed) when
 * want is set, or, when it is not, no text of t is exactly s. */
static void
expect_marked(const struct handbook *h, const struct texts *t, char *s,
    int want, const char *what)
{
	if (want && !texts_have(t, s))
		fail_msg("%s.html: %s not marked as the company's: %s", h->id,
		    what, s);
	if (!want && texts_equal(t, s))
		fail_msg("%s.html: the standard's %s marked as the company's: "
		    "%s", h->id, what, s);
	free(s);
}

/* Skill k's heading and knowledge items in handbook h are marked as the
 * company's where a tailoring added them, and only there; a renamed
 * skill's heading names the standard's name beside the company's. */
static void
check_skill_marked(const struct handbook *h, const struct marked *mk,
    const struct skill *k)
{
	size_t i;

	expect_marked(h, &mk->heads, with_mark(k->name), k->from != NULL,
	    "skill");
	for (i = 0; i < k->nknowledge; i++)
		expect_marked(h, &mk->items, with_mark(k->knowledge[i].text),
		    k->knowledge[i].from != NULL, "knowledge item");
	if (k->standard_name != NULL) {
		char *s = xasprintf("%s（標準：%s）", k->name, k->standard_name);

		expect_marked(h, &mk->renamed, squeeze(s), 1, "renamed skill");
		free(s);
	}
}

/* Level lv of an entry of skill k shows in handbook h whatever
 * tailorings give it inside a box marked as the company's: its text
 * (meaning, evidence) and each resource, its address printed; and its
 * description too when k is a company skill. */
static void
check_level_marked(const struct handbook *h, const struct marked *mk,
    const struct skill *k, const struct level *lv)
{
	const struct tailor_text *x = lv->company;
	size_t i;
	char *plain;

	if (k->from != NULL && lv->markdown != NULL) {
		plain = md_plain_text(lv->markdown);
		expect_marked(h, &mk->boxes, squeeze(plain), 1, "company "
		    "skill's level");
		free(plain);
	}
	for (i = 0; x != NULL && i < 2; i++) {
		const char *md = i == 0 ? x->meaning : x->evidence;

		if (md == NULL)
			continue;
		plain = md_plain_text(md);
		expect_marked(h, &mk->boxes, squeeze(plain), 1, "level text");
		free(plain);
	}
	for (i = 0; i < lv->nresources; i++)
		expect_marked(h, &mk->boxes, resource_text(lv->resources[i], 1),
		    1, "resource");
}

/* Returns the id of the row of level n of entry e of sp in handbook h
 * (malloc'd): in a job type's handbook, a specific skill's is in sp's
 * part. */
static char *
level_row_id(const struct handbook *h, const struct specialty *sp,
    const struct entry *e, int n)
{
	if (h->sp == NULL && e->skill->scope == SCOPE_SPECIFIC)
		return xasprintf("skill-%s_%s.level-%d", sp->id, e->skill->id, n);
	return xasprintf("skill-%s.level-%d", e->skill->id, n);
}

/* Each level of entry e of sp that a tailoring hides says so in
 * handbook h: in its row, or (a compared skill's hidden in some
 * specialties only) in the row of the company's below. */
static void
check_hidden_levels_said(const struct handbook *h, xmlDocPtr doc,
    const struct specialty *sp, const struct entry *e)
{
	size_t i;

	for (i = 0; i < e->nlevels; i++) {
		char *id;

		if (e->levels[i].hidden_by == NULL)
			continue;
		id = level_row_id(h, sp, e, e->levels[i].value);
		if (html_count(doc, "//*[@id='%s']//*[@class='hb-hidden'] | "
		    "//*[@id='%s']/following-sibling::*[1][@class="
		    "'hb-company-row']//*[@class='hb-hidden']", id, id) == 0)
			fail_msg("%s.html: hidden level %s does not say so",
			    h->id, id);
		free(id);
	}
}

/* Everything tailorings add to handbook h is marked as the company's
 * (check_skill_marked(), check_level_marked()), and each hidden level
 * says it is. */
static void
check_company_marked(const struct handbook *h)
{
	xmlDocPtr doc = html_of(h);
	struct marked mk;
	size_t i, j, l;

	html_texts(&mk.boxes, doc, COMPANY_BOXES);
	html_texts(&mk.items, doc, MARKED_ITEMS);
	html_texts(&mk.heads, doc, MARKED_HEADS);
	html_texts(&mk.renamed, doc, RENAMED_HEADS);
	for (i = 0; i < h->jt->nspecialties; i++) {
		const struct specialty *sp = &h->jt->specialties[i];

		for (j = 0; holds_specialty(h, sp) && j < sp->nentries; j++) {
			const struct entry *e = &sp->entries[j];

			check_skill_marked(h, &mk, e->skill);
			for (l = 0; l < e->nlevels; l++)
				check_level_marked(h, &mk, e->skill,
				    &e->levels[l]);
			check_hidden_levels_said(h, doc, sp, e);
		}
	}
	texts_free(&mk.boxes);
	texts_free(&mk.items);
	texts_free(&mk.heads);
	texts_free(&mk.renamed);
	xmlFreeDoc(doc);
}

/* Returns the names of jt's tailorings as the pages join them (「A、B」),
 * squeezed (malloc'd). */
static char *
tailoring_names(const struct jobtype *jt)
{
	char *names = xstrdup(""), *next, *q;
	size_t i;

	for (i = 0; i < jt->ntailorings; i++) {
		next = xasprintf("%s%s%s", names, i ? "、" : "",
		    jt->tailorings[i]->name);
		free(names);
		names = next;
	}
	q = squeeze(names);
	free(names);
	return q;
}

/* Handbook h says it is the company's edition: its document title and
 * the legend on its cover name each tailoring, the legend explains the
 * mark; every page after the cover says 社内版 in its running header and
 * names the tailorings in its footer. */
static void
check_legend(const struct handbook *h)
{
	xmlDocPtr doc = html_of(h);
	struct texts legend, title;
	char *names = tailoring_names(h->jt), *footer, **pages;
	size_t i, n;

	assert_int_equal(html_texts(&legend, doc,
	    "//*[@class='hb-tailoring-legend']"), 1);
	html_texts(&title, doc, "//*[local-name() = 'title']");
	assert_non_null(strstr(legend.v[0], "社内"));
	for (i = 0; i < h->jt->ntailorings; i++) {
		char *name = squeeze(h->jt->tailorings[i]->name);

		if (!texts_have(&legend, name) || !texts_have(&title, name))
			fail_msg("%s.html: legend or title without %s", h->id,
			    name);
		free(name);
	}
	footer = xasprintf(EDITION "：%s", names);
	pages = pdf_pages(h, 0, &n);
	assert_non_null(strstr(pages[0], names));
	for (i = 1; i < n; i++)
		if (strstr(pages[i], footer) == NULL)
			fail_msg("%s.pdf: page %zu does not say %s", h->id,
			    i + 1, footer);
	pages_free(pages);
	free(footer);
	free(names);
	texts_free(&legend);
	texts_free(&title);
	xmlFreeDoc(doc);
}

/* Returns how many targets of role ro its specialty sp lists. */
static size_t
targets_listed(const struct role *ro, const struct specialty *sp)
{
	size_t g, n = 0;

	for (g = 0; g < ro->ntargets; g++)
		n += ro->targets[g].skill != NULL &&
		    entry_of(sp, ro->targets[g].skill) != NULL;
	return n;
}

/* Handbook h has the role section when some role is of its specialty (of
 * any, the job type's), with a section for each such role, a row per
 * target, and none for a role of another specialty. */
static void
check_roles(const struct handbook *h)
{
	const struct jobtype *jt = h->jt;
	xmlDocPtr doc = html_of(h);
	size_t r, i, held = 0;

	for (r = 0; r < jt->nroles; r++) {
		const struct role *ro = jt->roles[r];
		const struct specialty *sp = NULL;

		for (i = 0; ro->specialty != NULL && i < jt->nspecialties; i++)
			if (strcmp(jt->specialties[i].id, ro->specialty->id) == 0)
				sp = &jt->specialties[i];
		if (sp == NULL || !holds_specialty(h, sp)) {
			if (html_count(doc, "//*[@id='role-%s']", ro->id) != 0)
				fail_msg("%s.html holds role %s", h->id, ro->id);
			continue;
		}
		held++;
		if (html_count(doc, "//*[@id='role-%s']//*[local-name() = 'tbody']"
		    "/*", ro->id) != targets_listed(ro, sp))
			fail_msg("%s.html: role %s without its %zu targets",
			    h->id, ro->id, targets_listed(ro, sp));
	}
	assert_true(held > 0);	/* the example has roles everywhere */
	assert_int_equal(html_count(doc, "//*[@id='roles']"), 1);
	xmlFreeDoc(doc);
}

/* Returns the tailored specialty of h's job type with id, or NULL. */
static const struct specialty *
specialty_with(const struct handbook *h, const char *id)
{
	size_t i;

	for (i = 0; i < h->jt->nspecialties; i++)
		if (strcmp(h->jt->specialties[i].id, id) == 0)
			return &h->jt->specialties[i];
	return NULL;
}

/* Returns the entry of the skill with id in sp, or NULL. */
static const struct entry *
entry_with(const struct specialty *sp, const char *id)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (strcmp(sp->entries[i].skill->id, id) == 0)
			return &sp->entries[i];
	return NULL;
}

/* Returns the id of the section that handbook h would hold for skill k
 * of specialty tsp (malloc'd), or NULL when h holds it anyway: a common
 * skill of the job type's handbook that another specialty lists. */
static char *
section_id(const struct handbook *h, const struct specialty *tsp,
    const struct skill *k)
{
	const struct skill *tk = jobtype_find_skill(h->jt, k->id);

	if (h->sp == NULL && k->scope == SCOPE_SPECIFIC)
		return xasprintf("skill-%s_%s", tsp->id, k->id);
	if (h->sp == NULL && tk != NULL && tk->nuses > 0)
		return NULL;
	return xasprintf("skill-%s", k->id);
}

/* No level text of the standard's entry se that handbook h must not show
 * for specialty tsp is in the text of its PDF: all of them when the
 * company hides the skill in tsp (nor the skill's section, then), else
 * those of the levels it hides.  A text h shows elsewhere (own) does not
 * count. */
static void
check_entry_hidden(const struct handbook *h, xmlDocPtr doc,
    const char *text, const struct texts *own,
    const struct specialty *tsp, const struct entry *se)
{
	const struct entry *te = entry_with(tsp, se->skill->id);
	char *id = te == NULL ? section_id(h, tsp, se->skill) : NULL;
	size_t l;

	if (id != NULL && html_count(doc, "//*[@id='%s']", id) != 0)
		fail_msg("%s.html holds hidden skill %s", h->id, id);
	free(id);
	for (l = 0; l < se->nlevels; l++) {
		const struct level *tl = te != NULL ? entry_find_level(te,
		    se->levels[l].value) : NULL;
		char *plain, *want;

		if (se->levels[l].markdown == NULL ||
		    (te != NULL && (tl == NULL || tl->hidden_by == NULL)))
			continue;
		plain = md_plain_text(se->levels[l].markdown);
		want = squeeze(plain);
		if (!texts_have(own, want) && strstr(text, want) != NULL)
			fail_msg("%s.pdf holds hidden text of %s level %d: %s",
			    h->id, se->skill->id, se->levels[l].value, want);
		free(want);
		free(plain);
	}
}

/* Handbook h of the company's edition holds no skill the company hides
 * in its specialty (in every specialty, a common skill in the job
 * type's), and no standard text of a hidden skill or level, but where
 * it shows the same text for another. */
static void
check_hidden_absent(const struct handbook *h)
{
	const struct jobtype *std = h->jt->standard;
	xmlDocPtr doc = html_of(h);
	char *text = pdf_text(h);
	struct texts own;
	size_t i, j;

	assert_non_null(std);
	descriptions_of(&own, h);
	for (i = 0; i < std->nspecialties; i++) {
		const struct specialty *ssp = &std->specialties[i];
		const struct specialty *tsp = specialty_with(h, ssp->id);

		if (tsp == NULL || !holds_specialty(h, tsp))
			continue;
		for (j = 0; j < ssp->nentries; j++)
			check_entry_hidden(h, doc, text, &own, tsp,
			    &ssp->entries[j]);
	}
	texts_free(&own);
	free(text);
	xmlFreeDoc(doc);
}

/* The standard's edition carries nothing of a company's: no mark, no
 * legend, no roles, no 社内版 on any page. */
static void
check_plain_unmarked(const struct handbook *h)
{
	xmlDocPtr doc = html_of(h);
	char **pages;
	size_t i, n;

	assert_int_equal(html_count(doc, "//*[@class='company-mark' or "
	    "@class='hb-tailoring-legend' or @id='roles']"), 0);
	pages = pdf_pages(h, 0, &n);
	for (i = 0; i < n; i++)
		if (strstr(pages[i], EDITION) != NULL)
			fail_msg("%s.pdf: page %zu says %s", h->id, i + 1,
			    EDITION);
	pages_free(pages);
	xmlFreeDoc(doc);
}

static void
test_company_text_marked(void **state)
{
	(void)state;
	each_tailored_handbook(check_company_marked);
}

static void
test_company_edition_named(void **state)
{
	(void)state;
	each_tailored_handbook(check_legend);
	each_handbook_in(SITE, &content, check_plain_unmarked, 1);
}

static void
test_roles(void **state)
{
	(void)state;
	each_tailored_handbook(check_roles);
}

static void
test_hidden_absent(void **state)
{
	(void)state;
	each_tailored_handbook(check_hidden_absent);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_is_complete_and_in_order),
		cmocka_unit_test(test_no_description_of_another_specialty_only),
		cmocka_unit_test(test_every_text_present),
		cmocka_unit_test(test_no_foreign_text),
		cmocka_unit_test(test_page_budget),
		cmocka_unit_test(test_no_near_empty_page),
		cmocka_unit_test(test_level_pages_name_their_skill),
		cmocka_unit_test(test_fonts_embedded_pages_and_outline),
		cmocka_unit_test(test_language_is_japanese),
		cmocka_unit_test(test_start_page_links_every_pdf),
		cmocka_unit_test(test_rebuild_keeps_the_pdfs),
		cmocka_unit_test(test_asset_change_remakes_the_pdfs),
		cmocka_unit_test(test_company_text_marked),
		cmocka_unit_test(test_company_edition_named),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_hidden_absent),
	};

	return cmocka_run_group_tests_name("handbooks", tests, setup, teardown);
}
