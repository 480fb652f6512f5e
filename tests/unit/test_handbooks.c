/* test_handbooks.c: the PDF handbooks, as a trainer would hand them out.
 *
 * Builds the real site with PDFs (skillsite build -p) and reads each PDF
 * back with poppler-utils and mupdf-tools: page count, every knowledge
 * item and level description of the specialty in order, no description
 * of another specialty only, every font embedded, every skill and level
 * in the outline.  Skipped where WeasyPrint or the readers are missing
 * (CI installs them).  Run from the top of the repository.
 */
#include "helpers.h"

#include <sys/stat.h>

#include <ctype.h>
#include <unistd.h>

#include "cli.h"

#define SITE "build/handbooks-site"

static struct loaded content;
static int available;

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
 * the PDF's text, Markdown paragraph breaks). */
static char *
squeeze(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			*o++ = *s;
	*o = '\0';
	return out;
}

static int
setup(void **state)
{
	char *argv[] = { "skillsite", "build", "-p", "-t", "templates", "-o",
	    SITE, "content" };
	struct capture o, e;
	int status;

	(void)state;
	available = system("command -v weasyprint pdftotext pdffonts pdfinfo "
	    "mutool >/dev/null 2>&1") == 0;
	if (!available)
		return 0;
	if (system("rm -rf " SITE) != 0)	/* PDFs made afresh, not kept */
		return -1;
	capture_open(&o);
	capture_open(&e);
	status = skillsite_main(8, argv, o.f, e.f);
	capture_close(&o);
	capture_close(&e);
	if (status != 0)
		fprintf(stderr, "%s", e.text);
	capture_free(&o);
	capture_free(&e);
	if (status != 0)
		return -1;
	load_seed(&content);
	return 0;
}

/* Returns the inode of the PDF handbook of each specialty of the content,
 * in order, in v (room for n); returns how many it found. */
static size_t
pdf_inodes(ino_t *v, size_t n)
{
	const struct jobtype *jt = &content.m.jobtypes[0];
	size_t i, found = 0;
	char path[512];
	struct stat st;

	for (i = 0; i < jt->nspecialties && i < n; i++) {
		snprintf(path, sizeof(path), "%s/handbooks/%s.pdf", SITE,
		    jt->specialties[i].id);
		if (stat(path, &st) == 0)
			v[found++] = st.st_ino;
	}
	return found;
}

static int
teardown(void **state)
{
	(void)state;
	if (available)
		loaded_free(&content);
	return 0;
}

/* Returns the squeezed text of the PDF of specialty sp. */
static char *
pdf_text(const struct specialty *sp)
{
	char cmd[512], *raw, *s;

	snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 %s/handbooks/%s.pdf -",
	    SITE, sp->id);
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

static void
test_text_is_complete_and_in_order(void **state)
{
	const struct jobtype *jt;
	size_t i, j, k;
	int n;

	(void)state;
	if (!available)
		skip();
	jt = &content.m.jobtypes[0];
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];
		char *text = pdf_text(sp), *at = text, *hit, *want;

		for (j = 0; j < sp->nentries; j++) {
			const struct entry *e = &sp->entries[j];

			for (k = 0; k < e->skill->nknowledge; k++) {
				want = squeeze(e->skill->knowledge[k].text);
				if ((hit = strstr(at, want)) == NULL)
					fail_msg("%s.pdf: %s/%s missing or out of "
					    "order", sp->id, e->skill->id, want);
				at = hit + strlen(want);
				free(want);
			}
			for (n = jt->min_level; n <= jt->max_level; n++) {
				const struct level *lv = entry_find_level(e, n);

				if (lv == NULL || lv->markdown == NULL)
					continue;
				want = squeeze(lv->markdown);
				if ((hit = strstr(at, want)) == NULL)
					fail_msg("%s.pdf: %s level %d missing or out "
					    "of order", sp->id, e->skill->id, n);
				at = hit + strlen(want);
				free(want);
			}
		}
		free(text);
	}
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
		char *text = pdf_text(sp);

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

static void
test_fonts_embedded_pages_and_outline(void **state)
{
	const struct jobtype *jt;
	size_t i, j;

	(void)state;
	if (!available)
		skip();
	jt = &content.m.jobtypes[0];
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];
		char cmd[512], *out, *line, *save = NULL, *p;
		int pages = 0, fonts = 0;

		snprintf(cmd, sizeof(cmd), "pdfinfo %s/handbooks/%s.pdf", SITE,
		    sp->id);
		assert_non_null(out = run(cmd));
		assert_non_null(p = strstr(out, "\nPages:"));
		pages = atoi(p + 7);
		/* cover, contents, overview, a page or two per skill, levels */
		assert_in_range(pages, sp->nentries + 6, sp->nentries * 3 + 12);
		assert_non_null(strstr(out, "ハンドブック"));	/* title */
		free(out);

		snprintf(cmd, sizeof(cmd), "pdffonts %s/handbooks/%s.pdf", SITE,
		    sp->id);
		assert_non_null(out = run(cmd));
		for (line = strtok_r(out, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			if (strncmp(line, "name", 4) == 0 || line[0] == '-')
				continue;
			fonts++;
			if (strstr(line, " yes ") == NULL)
				fail_msg("%s.pdf: font not embedded: %s",
				    sp->id, line);
		}
		assert_true(fonts > 0);
		free(out);

		snprintf(cmd, sizeof(cmd), "mutool show %s/handbooks/%s.pdf "
		    "outline", SITE, sp->id);
		assert_non_null(out = run(cmd));
		for (j = 0; j < sp->nentries; j++) {
			char want[300];

			snprintf(want, sizeof(want), "\"%s\"",
			    sp->entries[j].skill->name);
			if (strstr(out, want) == NULL)
				fail_msg("%s.pdf: no bookmark %s", sp->id, want);
		}
		assert_non_null(strstr(out, "\"レベル３\""));
		assert_non_null(strstr(out, "\"レベル別一覧\""));
		free(out);
	}
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

/* The start page (index.html) links to each specialty's PDF handbook,
 * as "handbooks/ID.pdf". */
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
	for (i = 0; i < jt->nspecialties; i++) {
		snprintf(want, sizeof(want), "href=\"handbooks/%s.pdf\"",
		    jt->specialties[i].id);
		if (strstr(out, want) == NULL)
			fail_msg("index.html: no link %s", want);
	}
	free(out);
}

/* A rebuild of unchanged content keeps every PDF (the same files, so
 * WeasyPrint did not run) and rewrites nothing. */
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
	assert_int_equal(n, content.m.jobtypes[0].nspecialties);
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

/* A changed asset remakes the PDFs, though the pages and stylesheets are
 * the same: here the image the print stylesheet puts behind each page,
 * red, then blue (a kept PDF would show red), then gone. */
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
	assert_int_equal(n, content.m.jobtypes[0].nspecialties);
	build_with_mark(blue, sizeof(blue) - 1);
	assert_int_equal(pdf_inodes(after, 16), n);
	for (i = 0; i < n; i++)
		assert_true(before[i] != after[i]);	/* made anew */
	build_with_mark(NULL, 0);	/* the image gone: no background */
	assert_int_equal(pdf_inodes(before, 16), n);
	for (i = 0; i < n; i++)
		assert_true(before[i] != after[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_is_complete_and_in_order),
		cmocka_unit_test(test_no_description_of_another_specialty_only),
		cmocka_unit_test(test_fonts_embedded_pages_and_outline),
		cmocka_unit_test(test_language_is_japanese),
		cmocka_unit_test(test_start_page_links_every_pdf),
		cmocka_unit_test(test_rebuild_keeps_the_pdfs),
		cmocka_unit_test(test_asset_change_remakes_the_pdfs),
	};

	return cmocka_run_group_tests_name("handbooks", tests, setup, teardown);
}
