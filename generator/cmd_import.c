/* cmd_import.c: the "import" command; see cli.h.  Loads the content as
 * "check" does, keeping each file's bytes; reads the spreadsheet and
 * turns what its cells change into edits (import.h); applies them to
 * the bytes (edit.h); checks the new bytes as "check" does, an error in
 * an edited text reported at its cell; then prints the changes and, but
 * for a dry run, writes the changed files (import_write.c).
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cli.h"
#include "export.h"
#include "grid.h"
#include "import.h"
#include "import_files.h"
#include "labels.h"
#include "load.h"
#include "markdown.h"
#include "resolve.h"

/* load_part_fn: keeps a copy of each content file read, in ctx (struct
 * import_files); every file joins the one model. */
static struct model *
S_keep(void *ctx, const char *path, size_t file, const struct stat *st,
    const char *buf, size_t len)
{
	struct import_files *fs = ctx;

	import_files_add(fs, path, file, st, buf, len);
	return fs->model;
}

/* Loads the content paths into m as "check" does, keeping each file's
 * bytes in fs; returns 0, or -1 when the content has errors (reported
 * to d). */
static int
S_load(const struct cmd_args *args, struct model *m, struct diag *d,
    struct import_files *fs)
{
	struct loader *l;

	if ((l = loader_new(m, d)) == NULL)
		return -1;
	fs->model = m;
	loader_set_parts(l, NULL, S_keep, fs);
	cmd_load_paths(l, args->paths + 1, args->npaths - 1);
	loader_free(l);
	resolve(m, d);
	md_table_free(md_prepare(m, 1, 0, d));
	return diag_errors(d) > 0 ? -1 : 0;
}

/* export_out write: appends the len bytes at data to the strbuf ctx. */
static int
S_append(void *ctx, const char *data, size_t len)
{
	strbuf_add(ctx, data, len);
	return 0;
}

/* Reads the CSV g's only sheet as the download whose columns header
 * names, written by fn: compares it with what fn writes of the model. */
static int
S_read_csv(struct import *im, struct grid *g, const char *header,
    int (*fn)(const struct model *, const char *, const struct export_out *),
    void (*sheet)(struct import *, const struct grid_sheet *, const char *,
    const struct grid_sheet *), struct diag *d)
{
	struct strbuf b = { NULL, 0, 0 };
	struct export_out out = { S_append, &b };
	struct grid expected;
	int rc;

	grid_init(&expected);
	fn(im->m, header, &out);
	rc = grid_parse_csv(&expected, "download", g->sheets[0].file, b.s,
	    b.len, d);
	if (rc == 0)
		sheet(im, &g->sheets[0], header, &expected.sheets[0]);
	free(b.s);
	grid_free(&expected);
	return rc;
}

/* Reads the spreadsheet at path into g and has im observe its cells,
 * as the download of m laid out by the labels lb: framework.xlsx,
 * framework.csv or roles.csv (told apart by the header).  Returns 0, or
 * -1 when it cannot be read (reported to d). */
static int
S_read_sheet(struct import *im, struct grid *g, const char *path,
    const struct labels *lb, struct diag *d)
{
	const char *header = labels_text(lb, LABEL_CSV_HEADER);
	const char *roles = labels_text(lb, LABEL_CSV_ROLES_HEADER);
	size_t n = strlen(path);

	if (n > 5 && strcmp(path + n - 5, ".xlsx") == 0) {
		if (grid_read_xlsx(g, path, d) < 0)
			return -1;
		import_xlsx(im, g, lb);
		return 0;
	}
	if (grid_read_csv(g, path, d) < 0)
		return -1;
	if (import_header_matches(&g->sheets[0], roles) >
	    import_header_matches(&g->sheets[0], header))
		return S_read_csv(im, g, roles, export_roles_csv,
		    import_roles_sheet, d);
	return S_read_csv(im, g, header, export_csv, import_csv_sheet, d);
}

/* Applies the edits of im to the files of fs, checks and prints them and,
 * unless dry, writes them.  Returns 0, or -1 (reported to d). */
static int
S_apply(struct import *im, struct import_files *fs, int dry, FILE *out,
    struct diag *d)
{
	if (import_files_apply(fs, im->edits, im->nedits, d) < 0 ||
	    import_files_check(fs, d) < 0)
		return -1;
	import_files_print(fs, d, out);
	if (!dry && im->nedits > 0 && import_files_write(fs, d) < 0)
		return -1;
	fprintf(out, "skillsite: %zu %s %s%s\n", im->nedits, im->nedits == 1 ?
	    "text" : "texts", dry ? "would change" : "changed",
	    dry && im->nedits > 0 ? " (dry run: nothing written)" : "");
	return 0;
}

/* Runs the import of args with the labels lb into m, reporting to d. */
static void
S_import(const struct cmd_args *args, const struct labels *lb,
    struct model *m, FILE *out, struct diag *d)
{
	struct import_files fs;
	struct import im;
	struct grid g;

	memset(&fs, 0, sizeof(fs));
	grid_init(&g);
	import_init(&im, m, d);
	if (S_load(args, m, d, &fs) == 0 &&
	    S_read_sheet(&im, &g, args->paths[0], lb, d) == 0 &&
	    diag_errors(d) == 0) {
		import_edits(&im);
		if (diag_errors(d) == 0)
			S_apply(&im, &fs, args->opt['n' - 'a'] != NULL ||
			    (args->longs & 1), out, d);
	}
	import_free(&im);
	grid_free(&g);
	import_files_free(&fs);
}

int
cmd_import(const struct cmd_args *args, FILE *out, FILE *err)
{
	char *templates, *path;
	struct labels *lb;
	struct model m;
	struct diag d;
	int status;

	if (args->npaths < 1) {
		diag_plain(err, "import needs the spreadsheet: skillsite import "
		    "FILE.csv|FILE.xlsx [FILE|DIR ...]");
		return EXIT_USAGE;
	}
	model_init(&m);
	diag_init(&d, err);
	templates = cmd_templates(args);
	path = xpath_join(templates, "labels.xml");
	if ((lb = labels_load(path, &d)) != NULL)
		S_import(args, lb, &m, out, &d);
	status = diag_status(&d);
	if (diag_flush(&d) < 0)
		status = EXIT_IO;
	labels_free(lb);
	free(path);
	free(templates);
	diag_free(&d);
	model_free(&m);
	return status;
}
