/* cmd_check.c: the "check" command; see cli.h. */
#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "load.h"
#include "markdown.h"
#include "model.h"
#include "par.h"
#include "resolve.h"

/* md_field_fn: reports field f as a notice (diag prints it on one
 * line) when it is an editorial note. */
static void
S_report_note(void *ctx, const struct md_field *f)
{
	switch (f->kind) {
	case MD_FRAMEWORK_NOTE:
	case MD_JOBTYPE_NOTE:
	case MD_SKILL_NOTE:
	case MD_SPECIALTY_NOTE:
	case MD_ENTRY_NOTE:
	case MD_TAILORING_NOTE:
	case MD_COMPANY_SKILL_NOTE:
		diag_msg(ctx, MSG_EDITORIAL_NOTE, f->pos, "%s", f->text);
		break;
	default:
		break;
	}
}

int
cmd_threads_valid(const struct cmd_args *args, FILE *err)
{
	if (cmd_threads(args) != 0)
		return 1;
	diag_plain(err, "-j %s: not a number of threads from 1 to %d",
	    args->opt['j' - 'a'], PAR_THREADS_MAX);
	return 0;
}

unsigned
cmd_threads(const struct cmd_args *args)
{
	const char *j = args->opt['j' - 'a'];
	char *end;
	long n;

	if (j == NULL)
		return par_processors();
	n = strtol(j, &end, 10);
	if (*j == '\0' || *end != '\0' || n < 1 || n > PAR_THREADS_MAX)
		return 0;
	return (unsigned)n;
}

void
cmd_load_paths(struct loader *l, char *const *paths, int npaths)
{
	int i;

	if (npaths == 0)
		loader_path(l, DEFAULT_CONTENT);
	for (i = 0; i < npaths; i++)
		loader_path(l, paths[i]);
}

void
check_content(const struct cmd_args *args, struct model *m, struct diag *d,
    unsigned nthreads, int notes, struct md_table **md)
{
	struct md_table *table;
	struct loader *l;

	if ((l = loader_new(m, d)) == NULL)
		return;
	loader_set_threads(l, nthreads);
	cmd_load_paths(l, args->paths, args->npaths);
	loader_free(l);
	resolve(m, d);
	table = md_prepare(m, nthreads, md != NULL, d);
	if (md != NULL)
		*md = table;
	if (notes)
		model_each_markdown(m, S_report_note, d);
}

int
cmd_check(const struct cmd_args *args, FILE *out, FILE *err)
{
	unsigned nthreads = cmd_threads(args);
	struct model m;
	struct diag d;
	int status;

	(void)out;
	if (!cmd_threads_valid(args, err))
		return EXIT_USAGE;
	model_init(&m);
	diag_init(&d, err);
	check_content(args, &m, &d, nthreads, 1, NULL);
	status = diag_status(&d);
	if (diag_flush(&d) < 0)
		status = EXIT_IO;
	diag_free(&d);
	model_free(&m);
	return status;
}
