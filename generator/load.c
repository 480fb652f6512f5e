/* load.c: the loader's lifecycle: the schema compiled once, files queued
 * as load_file.c reads them, parsed and validated on threads
 * (load_xml.c), then turned into model structs in order (load_tree.c);
 * see load.h.
 *
 * Line ends: a lone CR is rewritten as LF before parsing, as XML reads it
 * (text_normalise_line_ends()), so libxml2 and the position map count the
 * same lines whether a file ends its lines in LF, CR LF or CR.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "alloc.h"
#include "load.h"
#include "load_private.h"
#include "par.h"
#include "text.h"

/* The schema text, generated from content/skillsite.rng at build time. */
extern const unsigned char skillsite_schema_rng[];
extern const size_t skillsite_schema_rng_len;

const char *
loader_schema(void)
{
	return (const char *)skillsite_schema_rng;
}

/* Reports schema compilation problems: a build defect, never content. */
static void
S_on_schema_error(void *ctx, xmlErrorPtr err)
{
	struct loader *l = ctx;

	diag_msg(l->diag, MSG_INTERNAL, NULL, "built-in schema: %s",
	    err->message);
}

struct loader *
loader_new(struct model *m, struct diag *d)
{
	struct loader *l = xcalloc(1, sizeof(*l));
	xmlRelaxNGParserCtxtPtr pc;

	l->model = m;
	l->diag = d;
	l->threads = 1;
	xmlInitParser();
	pc = xmlRelaxNGNewMemParserCtxt((const char *)skillsite_schema_rng,
	    (int)skillsite_schema_rng_len);
	if (pc != NULL) {
		xmlRelaxNGSetParserStructuredErrors(pc, S_on_schema_error, l);
		l->schema = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	if (l->schema == NULL) {
		diag_msg(d, MSG_INTERNAL, NULL, "built-in schema does not compile");
		free(l);
		return NULL;
	}
	return l;
}

void
loader_set_parts(struct loader *l, load_same_fn *same, load_part_fn *fn,
    void *ctx)
{
	l->same = same;
	l->part = fn;
	l->part_ctx = ctx;
}

void
loader_set_threads(struct loader *l, unsigned n)
{
	l->threads = n > 0 ? n : 1;
}

void
loader_buffer(struct loader *l, const char *name, const char *buf, size_t len)
{
	struct srcmap map;
	char *copy = NULL;
	xmlDoc *doc;

	if (memchr(buf, '\r', len) != NULL) {	/* buf is the caller's */
		copy = xreallocarray(NULL, len, 1);
		memcpy(copy, buf, len);
		text_normalise_line_ends(copy, len);
		buf = copy;
	}
	srcmap_init(&map, diag_add_file(l->diag, name), buf, len);
	if ((doc = load_document(l->schema, &map, l->diag)) != NULL) {
		load_tree(l, l->model, &map, doc);
		xmlFreeDoc(doc);
	}
	srcmap_free(&map);
	free(copy);
}

/* par_job run: reads queued file i of the loader ctx into its
 * document. */
static void
S_read_queued(void *ctx, void *state, size_t i, struct diag *d)
{
	struct loader *l = ctx;
	struct load_job *j = &l->queue[i];

	(void)state;
	text_normalise_line_ends(j->buf, j->len);
	srcmap_init(&j->map, j->file, j->buf, j->len);
	j->doc = load_document(j->valid ? NULL : l->schema, &j->map, d);
}

void
loader_queue(struct loader *l, const char *name, size_t file,
    const struct stat *st, char *buf, size_t len, int valid)
{
	struct load_job *j;

	if (l->nqueue == l->capqueue) {
		l->capqueue = l->capqueue ? l->capqueue * 2 : 16;
		l->queue = xreallocarray(l->queue, l->capqueue, sizeof(*l->queue));
	}
	j = &l->queue[l->nqueue];
	memset(j, 0, sizeof(*j));
	j->file = file;
	j->model = l->model;
	if (l->part != NULL && (j->model = l->part(l->part_ctx, name,
	    j->file, st, buf, len)) == NULL) {
		free(buf);	/* the caller keeps what it made of it */
		return;
	}
	l->nqueue++;
	j->buf = buf;
	j->len = len;
	j->valid = valid;
	if (l->nqueue >= 4 * (size_t)l->threads)	/* bounds the documents */
		loader_flush(l);
}

void
loader_flush(struct loader *l)
{
	struct par_job job = { NULL, S_read_queued, NULL, l };
	size_t i;

	par_run(&job, l->nqueue, l->threads, l->diag);
	for (i = 0; i < l->nqueue; i++) {
		struct load_job *j = &l->queue[i];

		if (j->doc != NULL) {
			load_tree(l, j->model, &j->map, j->doc);
			xmlFreeDoc(j->doc);
		}
		srcmap_free(&j->map);
		free(j->buf);
	}
	l->nqueue = 0;
}

void
loader_free(struct loader *l)
{
	if (l == NULL)
		return;
	loader_flush(l);
	free(l->queue);
	xmlRelaxNGFree(l->schema);
	free(l);
}
