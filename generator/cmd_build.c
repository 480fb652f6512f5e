/* cmd_build.c: the "build" command; see cli.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "cli.h"
#include "diag.h"
#include "model.h"
#include "pdf.h"
#include "site.h"
#include "write.h"

#define DEFAULT_OUTPUT "output"

#ifndef SKILLSITE_DATADIR
#define SKILLSITE_DATADIR "/usr/local/share/skillsite"
#endif

/* Returns whether dir holds a layout template. */
static int
S_has_templates(const char *dir)
{
	char *path = xreallocarray(NULL, strlen(dir) + 16, 1);
	int ok;

	sprintf(path, "%s/layout.xhtml", dir);
	ok = access(path, R_OK) == 0;
	free(path);
	return ok;
}

/* Returns the templates folder to use, malloc'd: -t DIR, else the one
 * beside the executable (the source tree's templates/, or an installed
 * share/skillsite/templates), else the compiled-in data folder. */
static char *
S_templates(const struct cmd_args *args)
{
	static const char *const near[] = { "../templates",
	    "../share/skillsite/templates" };
	char exe[PATH_MAX], path[PATH_MAX + 64];
	ssize_t n;
	size_t i;

	if (args->opt['t' - 'a'] != NULL)
		return xstrdup(args->opt['t' - 'a']);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; i < sizeof(near) / sizeof(*near); i++) {
			snprintf(path, sizeof(path), "%s/%s", exe, near[i]);
			if (S_has_templates(path))
				return xstrdup(path);
		}
	}
	return xstrdup(SKILLSITE_DATADIR "/templates");
}

/* Returns seconds since an arbitrary start, for the summary. */
static double
S_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
cmd_build(const struct cmd_args *args, FILE *out, FILE *err)
{
	const char *dest = args->opt['o' - 'a'] ? args->opt['o' - 'a'] :
	    DEFAULT_OUTPUT;
	char *templates = S_templates(args);
	double start = S_now();
	struct model m;
	struct diag d;
	struct site s;
	size_t bytes = 0;
	int status, ok = 0, pdf = args->opt['p' - 'a'] != NULL;

	model_init(&m);
	diag_init(&d, err);
	site_init(&s);
	check_content(args, &m, &d, 0);
	if (pdf && !pdf_available())
		diag_msg(&d, MSG_PDF, NULL, "-p needs the weasyprint program "
		    "(Debian package weasyprint)");
	else if (diag_status(&d) == EXIT_OK &&
	    site_render(&m, templates, pdf, &s, &d) == 0 &&
	    write_site(&s, dest, pdf ? pdf_handbooks : NULL, &d, &bytes) == 0)
		ok = 1;
	status = diag_status(&d);
	if (diag_flush(&d, m.files, m.nfiles) < 0)
		status = EXIT_IO;
	if (ok)
		fprintf(out, "skillsite: wrote %zu pages, %zu files, %zu bytes%s "
		    "to %s in %.2f s\n", s.pages, s.nfiles + 1, bytes,
		    pdf ? " and the PDF handbooks" : "", dest, S_now() - start);
	site_free(&s);
	model_free(&m);
	free(templates);
	return status;
}
