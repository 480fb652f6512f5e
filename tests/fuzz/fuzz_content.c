/* fuzz_content.c: libFuzzer harness over the whole pipeline.
 *
 * Each input is one content file, loaded from memory, resolved, checked
 * against the Markdown policy and, when accepted, rendered into every page
 * with the templates in templates/ (nothing is written).  Any crash, leak
 * or sanitizer report is a finding; each becomes a case of tests/corpus.
 * So is a breach of the promise that what check accepts, build builds:
 * the render failing, two files at one path, a file that is not UTF-8,
 * or a page that libxml2 does not parse as XML within its default
 * limits (256 deep); each aborts.
 * Run from the top of the repository: make fuzz SECONDS=N.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <unistr.h>

#include "diag.h"
#include "load.h"
#include "load_private.h"
#include "markdown.h"
#include "model.h"
#include "resolve.h"
#include "site.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns whether path names a page (XHTML). */
static int
S_is_page(const char *path)
{
	size_t n = strlen(path);

	return n > 5 && strcmp(path + n - 5, ".html") == 0;
}

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

/* The site's sink (ctx: a hash of the paths put so far): renders are
 * checked, not kept; a breach of the properties above aborts. */
static int
S_check_file(void *ctx, const char *path, const char *data, size_t len,
    struct diag *d)
{
	(void)d;
	if (xmlHashAddEntry(ctx, (const xmlChar *)path, (void *)path) != 0) {
		fprintf(stderr, "fuzz: two files at %s\n", path);
		abort();
	}
	if (u8_check((const uint8_t *)data, len) != NULL) {	/* no PDF here */
		fprintf(stderr, "fuzz: %s is not UTF-8\n", path);
		abort();
	}
	if (S_is_page(path) && !S_page_parses(path, data, len)) {
		fprintf(stderr, "fuzz: %s does not parse as XML\n", path);
		abort();
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	static struct loader *loader;	/* the schema compiles once */
	struct model m;
	struct diag d;
	struct site_sink s = { S_check_file, NULL, 0 };

	if (sink == NULL && (sink = fopen("/dev/null", "w")) == NULL)
		return 0;
	model_init(&m);
	diag_init(&d, sink);
	if (loader == NULL && (loader = loader_new(&m, &d)) == NULL)
		return 0;
	loader->model = &m;
	loader->diag = &d;
	loader_buffer(loader, "fuzz.xml", (const char *)data, size);
	resolve(&m, &d);
	md_check_model(&m, 1, &d);
	if (diag_status(&d) == EXIT_OK && m.njobtypes > 0) {
		s.ctx = xmlHashCreate(0);
		if (site_render(&m, "templates", 0, 1, &s, &d) != 0 ||
		    diag_status(&d) != EXIT_OK) {
			fprintf(stderr, "fuzz: check accepted what build cannot "
			    "render\n");
			abort();
		}
		xmlHashFree(s.ctx, NULL);
	}
	diag_flush(&d, m.files, m.nfiles);
	model_free(&m);
	return 0;
}
