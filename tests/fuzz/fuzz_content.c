/* fuzz_content.c: libFuzzer harness over the whole pipeline.
 *
 * Each input is one content file, loaded from memory, resolved, checked
 * against the Markdown policy and, when accepted, rendered into every page
 * with the templates in templates/ (nothing is written).  Any crash, leak
 * or sanitizer report is a finding; each becomes a case of tests/corpus.
 * Run from the top of the repository: make fuzz SECONDS=N.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "load.h"
#include "load_private.h"
#include "markdown.h"
#include "model.h"
#include "resolve.h"
#include "site.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The site's sink: renders are checked, not kept. */
static int
S_discard(void *ctx, const char *path, const char *data, size_t len,
    struct diag *d)
{
	(void)d;
	(void)ctx;
	(void)path;
	(void)data;
	(void)len;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	static struct loader *loader;	/* the schema compiles once */
	struct model m;
	struct diag d;
	struct site_sink s = { S_discard, NULL, 0 };

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
		site_render(&m, "templates", 0, 1, &s, &d);
	}
	diag_flush(&d, m.files, m.nfiles);
	model_free(&m);
	return 0;
}
