/* load_xlsx.c: an xlsx workbook read back as a grid of text cells, for
 * "import"; see grid.h.
 *
 * libzip opens the package from memory; each part is read with its
 * declared size checked before it is inflated (XLSX_PART_MAX, and
 * XLSX_RATIO_MAX times its compressed size: a zip bomb is refused
 * unread) and parsed by xmlread.h as content is (no DTD, no entities,
 * no network, libxml2's depth limit).  The package's relationships
 * lead to the workbook, the workbook's to its worksheets and shared
 * strings, as ECMA-376 part 2 says; elements are matched by local name,
 * so transitional and strict workbooks both read.
 */
#include "grid.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "alloc.h"
#include "load.h"
#include "load_xlsx_private.h"
#include "xmlread.h"

/* Returns the bytes of part name of z, NUL-terminated, in a buffer the
 * caller frees, and sets *len; NULL after reporting when the part is
 * missing, too large, compressed too well or unreadable. */
static char *
S_part(struct xlsx_package *p, const char *name, size_t *len)
{
	zip_stat_t st;
	zip_file_t *f;
	char *buf;
	zip_int64_t n;

	zip_stat_init(&st);
	if (zip_stat(p->zip, name, 0, &st) < 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		xlsx_fail(p, "part %s missing", name);
		return NULL;
	}
	if (!xlsx_part_size_ok(st.size, st.comp_size)) {
		xlsx_fail(p, "part %s too large or compressed "
		    "beyond the limits", name);
		return NULL;
	}
	if ((f = zip_fopen(p->zip, name, 0)) == NULL) {
		xlsx_fail(p, "part %s unreadable", name);
		return NULL;
	}
	buf = xcalloc((size_t)st.size + 1, 1);
	n = zip_fread(f, buf, st.size);
	if (zip_fclose(f) != 0 || n != (zip_int64_t)st.size) {
		xlsx_fail(p, "part %s damaged", name);
		free(buf);
		return NULL;
	}
	buf[st.size] = '\0';
	*len = (size_t)st.size;
	return buf;
}

/* Parses part name of p into a document the caller frees with
 * xmlFreeDoc(), or returns NULL after reporting; *map is the part's
 * source map (freed by the caller whatever happens) and *buf its
 * bytes (freed by the caller). */
static xmlDoc *
S_parse(struct xlsx_package *p, const char *name, struct srcmap *map,
    char **buf)
{
	struct xmlread_hooks hooks = { .content = 1 };
	char *label;
	size_t len = 0, file;

	srcmap_init(map, 0, NULL, 0);
	if ((*buf = S_part(p, name, &len)) == NULL)
		return NULL;
	label = xasprintf("%s[%s]", diag_file(p->d, p->file), name);
	file = diag_add_file(p->d, label);
	free(label);
	srcmap_free(map);
	srcmap_init(map, file, *buf, len);
	return xmlread_parse(map, "XML", &hooks, p->d);
}

/* What a part is. */
enum part_kind { PART_RELS, PART_WORKBOOK, PART_STRINGS, PART_SHEET };

/* Reads part name of p, of the given kind, into p (a sheet's into s).
 * Returns 0, or -1 after reporting. */
static int
S_with_part(struct xlsx_package *p, const char *name, enum part_kind kind,
    struct grid_sheet *s)
{
	struct srcmap map;
	xmlDoc *doc;
	xmlNode *root;
	char *buf = NULL;
	int rc = -1;

	if ((doc = S_parse(p, name, &map, &buf)) != NULL) {
		root = xmlDocGetRootElement(doc);
		rc = kind == PART_RELS ? xlsx_read_rels(p, root) :
		    kind == PART_WORKBOOK ? xlsx_read_workbook(p, root) :
		    kind == PART_STRINGS ? xlsx_read_strings(p, root) :
		    xlsx_read_cells(p, root, s);
		xmlFreeDoc(doc);
	}
	srcmap_free(&map);
	free(buf);
	return rc;
}

/* Reads the parts of the open package p into g: the package's and the
 * workbook's relationships, the workbook, the shared strings, each
 * worksheet.  Returns 0, or -1 after reporting. */
static int
S_read(struct xlsx_package *p, struct grid *g)
{
	char *rels;
	const char *path;
	size_t i;
	int rc;

	p->rels_base = "";
	if (S_with_part(p, "_rels/.rels", PART_RELS, NULL) < 0 ||
	    (path = xlsx_rel_target(p, "", NULL, XLSX_REL_DOCUMENT)) == NULL)
		return xlsx_fail(p, "%s", "no workbook");
	p->workbook = arena_strdup(&g->arena, path);
	rels = xlsx_rels_name(p->workbook);
	p->rels_base = p->workbook;
	rc = S_with_part(p, rels, PART_RELS, NULL);
	free(rels);
	if (rc < 0 || S_with_part(p, p->workbook, PART_WORKBOOK, NULL) < 0)
		return -1;
	path = xlsx_rel_target(p, p->workbook, NULL, XLSX_REL_STRINGS);
	if (path != NULL && S_with_part(p, path, PART_STRINGS, NULL) < 0)
		return -1;
	for (i = 0; i < g->nsheets; i++) {
		path = xlsx_rel_target(p, p->workbook, p->sheet_rids[i], NULL);
		if (path == NULL) {
			xlsx_fail(p, "sheet %s has no part",
			    g->sheets[i].name);
			return -1;
		}
		if (S_with_part(p, path, PART_SHEET, &g->sheets[i]) < 0)
			return -1;
	}
	return 0;
}

int
grid_parse_xlsx(struct grid *g, const char *name, const char *buf,
    size_t len, struct diag *d)
{
	struct xlsx_package p;
	zip_source_t *src;
	zip_error_t err;
	int rc = -1;

	xlsx_package_init(&p, g, d, diag_add_file(d, name));
	zip_error_init(&err);
	if ((src = zip_source_buffer_create(buf, len, 0, &err)) == NULL ||
	    (p.zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &err)) == NULL) {
		xlsx_fail(&p, "not a workbook (%s)", zip_error_strerror(
		    &err));
		if (src != NULL)
			zip_source_free(src);
	} else if (zip_get_num_entries(p.zip, 0) > XLSX_ENTRIES_MAX)
		xlsx_fail(&p, "%s", "too many parts");
	else
		rc = S_read(&p, g);
	if (p.zip != NULL)
		zip_discard(p.zip);
	zip_error_fini(&err);
	xlsx_package_free(&p);
	return rc;
}

int
grid_read_xlsx(struct grid *g, const char *path, struct diag *d)
{
	char *buf;
	size_t len = 0;
	int rc;

	if ((buf = load_read_file(path, XLSX_FILE_MAX, d, &len)) == NULL)
		return -1;
	rc = grid_parse_xlsx(g, path, buf, len, d);
	free(buf);
	return rc;
}
