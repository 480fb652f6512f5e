/* cmd_check.c: the "check" command; see cli.h. */
#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "load.h"
#include "markdown.h"
#include "model.h"
#include "par.h"
#include "resolve.h"

/* Reports each note of ns as a notice (diag prints it on one line). */
static void
S_report(struct diag *d, const struct notes *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		diag_msg(d, MSG_EDITORIAL_NOTE, &ns->v[i].pos, "%s",
		    ns->v[i].markdown);
}

/* Reports every editorial note of m as a notice. */
static void
S_report_notes(const struct model *m, struct diag *d)
{
	size_t i, j, k;

	if (m->framework != NULL)
		S_report(d, &m->framework->notes);
	for (i = 0; i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];

		S_report(d, &jt->notes);
		for (j = 0; j < jt->nskills; j++)
			S_report(d, &jt->skills[j].notes);
		for (j = 0; j < jt->nspecialties; j++) {
			const struct specialty *sp = &jt->specialties[j];

			S_report(d, &sp->notes);
			for (k = 0; k < sp->nentries; k++)
				S_report(d, &sp->entries[k].notes);
		}
	}
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
check_content(const struct cmd_args *args, struct model *m, struct diag *d,
    unsigned nthreads, int notes)
{
	struct loader *l;
	int i;

	if ((l = loader_new(m, d)) == NULL)
		return;
	loader_set_threads(l, nthreads);
	if (args->npaths == 0)
		loader_path(l, DEFAULT_CONTENT);
	for (i = 0; i < args->npaths; i++)
		loader_path(l, args->paths[i]);
	loader_free(l);
	resolve(m, d);
	md_check_model(m, nthreads, d);
	if (notes)
		S_report_notes(m, d);
}

int
cmd_check(const struct cmd_args *args, FILE *out, FILE *err)
{
	unsigned nthreads = cmd_threads(args);
	struct model m;
	struct diag d;
	int status;

	(void)out;
	if (nthreads == 0) {
		diag_plain(err, "-j %s: not a number of threads from 1 to %d",
		    args->opt['j' - 'a'], PAR_THREADS_MAX);
		return EXIT_USAGE;
	}
	model_init(&m);
	diag_init(&d, err);
	check_content(args, &m, &d, nthreads, 1);
	status = diag_status(&d);
	if (diag_flush(&d) < 0)
		status = EXIT_IO;
	diag_free(&d);
	model_free(&m);
	return status;
}
