/* fuzz_content.c: libFuzzer harness over the whole pipeline.
 *
 * Each input is one content file, loaded from memory, resolved, checked
 * against the Markdown policy and, when accepted, rendered into every page
 * with the templates in templates/ (nothing is written).  Any crash, leak
 * or sanitizer report is a finding; each becomes a case of tests/corpus.
 * So is a breach of the promise that what check accepts, build builds:
 * the render failing, two files at one path, a file that is not UTF-8
 * (but a workbook: one that import's own reader refuses), or a page
 * that libxml2 does not parse as XML within its default limits (256
 * deep); each aborts.  So does a diagnostic line that does
 * not start with "skillsite: " or holds a raw control, C1 or format
 * character (content must never forge or hide a line).
 * Run from the top of the repository: make fuzz SECONDS=N.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <unictype.h>
#include <unistr.h>

#include "diag.h"
#include "grid.h"
#include "load.h"
#include "load_private.h"
#include "markdown.h"
#include "model.h"
#include "resolve.h"
#include "site.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns whether the page data (len bytes) parses as XML within
 * libxml2's default limits: no XML_PARSE_HUGE, so at most 256 deep. */
static int
S_page_parses(const char *path, const char *data, size_t len)
{
	xmlDoc *doc = xmlReadMemory(data, (int)len, path, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	xmlFreeDoc(doc);
	return doc != NULL;
}

/* Returns whether the workbook at path (len bytes at data) reads back
 * through import's reader, each sheet with cells; if not, prints what
 * the reader reported. */
static int
S_workbook_reads(const char *path, const char *data, size_t len)
{
	struct grid g;
	struct diag d;
	size_t i;
	int ok;

	grid_init(&g);
	diag_init(&d, stderr);
	ok = grid_parse_xlsx(&g, path, data, len, &d) == 0 &&
	    diag_status(&d) == EXIT_OK && g.nsheets > 0;
	for (i = 0; ok && i < g.nsheets; i++)
		ok = g.sheets[i].ncells > 0;
	diag_flush(&d);
	diag_free(&d);
	grid_free(&g);
	return ok;
}

/* Returns whether path names a workbook (.xlsx). */
static int
S_is_workbook(const char *path)
{
	size_t n = strlen(path);

	return n > 5 && strcmp(path + n - 5, ".xlsx") == 0;
}

/* The site's sink (ctx: a hash of the paths put so far): renders are
 * checked, not kept; a breach of the properties above aborts. */
static int
S_check_file(void *ctx, enum sink_kind kind, const char *path,
    const char *data, size_t len, struct diag *d)
{
	(void)d;
	if (xmlHashAddEntry(ctx, (const xmlChar *)path, (void *)path) != 0) {
		fprintf(stderr, "fuzz: two files at %s\n", path);
		abort();
	}
	if (kind == SINK_DOWNLOAD && S_is_workbook(path)) {
		if (!S_workbook_reads(path, data, len)) {
			fprintf(stderr, "fuzz: %s does not read back\n", path);
			abort();
		}
	} else if (kind != SINK_ASSET &&	/* an image or font: binary */
	    u8_check((const uint8_t *)data, len) != NULL) {
		fprintf(stderr, "fuzz: %s is not UTF-8\n", path);
		abort();
	}
	if ((kind == SINK_PAGE || kind == SINK_HANDBOOK) &&
	    !S_page_parses(path, data, len)) {
		fprintf(stderr, "fuzz: %s does not parse as XML\n", path);
		abort();
	}
	return 0;
}

/* Returns whether the line of len bytes at s holds a character that a
 * diagnostic must print escaped: C0 but tab, DEL, C1, or a format (Cf)
 * or line-separating character; or bytes that are not UTF-8. */
static int
S_line_hides(const char *s, size_t len)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + len;
	ucs4_t uc;
	int n;

	for (; u < end; u += n) {
		if ((n = u8_mbtoucr(&uc, u, (size_t)(end - u))) < 0)
			return 1;
		if ((uc < 0x20 && uc != '\t') || (uc >= 0x7F && uc < 0xA0) ||
		    uc == 0x2028 || uc == 0x2029 ||
		    uc_is_general_category(uc, UC_CATEGORY_Cf))
			return 1;
	}
	return 0;
}

/* Aborts unless every line of the diagnostics out (len bytes) starts
 * with "skillsite: " and shows every character it quotes. */
static void
S_check_diagnostics(const char *out, size_t len)
{
	const char *line = out, *end = out + len, *nl;

	for (; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		if (strncmp(line, "skillsite: ", 11) != 0 ||
		    S_line_hides(line, (size_t)(nl - line))) {
			fprintf(stderr, "fuzz: diagnostic line forged or "
			    "hiding characters: %.*s\n", (int)(nl - line), line);
			abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct loader *loader;	/* the schema compiles once */
	struct md_table *md;
	struct model m;
	struct diag d;
	struct site_sink s = { .put = S_check_file };
	char *out = NULL;
	size_t outlen = 0;
	FILE *sink = open_memstream(&out, &outlen);

	if (sink == NULL)
		return 0;
	model_init(&m);
	diag_init(&d, sink);
	if (loader == NULL && (loader = loader_new(&m, &d)) == NULL) {
		fclose(sink);
		free(out);
		return 0;
	}
	loader->model = &m;
	loader->diag = &d;
	loader_buffer(loader, "fuzz.xml", (const char *)data, size);
	resolve(&m, &d);
	md = md_prepare(&m, 1, 1, &d);
	if (diag_status(&d) == EXIT_OK && m.njobtypes > 0) {
		s.ctx = xmlHashCreate(0);
		if (site_render(&m, md, "templates", 0, 1, &s, &d) != 0 ||
		    diag_status(&d) != EXIT_OK) {
			fprintf(stderr, "fuzz: check accepted what build cannot "
			    "render\n");
			abort();
		}
		xmlHashFree(s.ctx, NULL);
	}
	diag_flush(&d);
	diag_free(&d);
	md_table_free(md);
	model_free(&m);
	if (fclose(sink) == 0)
		S_check_diagnostics(out, outlen);
	free(out);
	return 0;
}
