/* pdf.c: PDF handbooks with WeasyPrint; see pdf.h. */
#define _GNU_SOURCE		/* O_TMPFILE, prctl's PR_SET_PDEATHSIG */
#include "pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"

#define WEASYPRINT	"weasyprint"
#define SAID_LINES	20		/* lines of a process's stderr shown */
#define SAID_BYTES	(64 * 1024)	/* bytes of it read */

int
pdf_available(void)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL, *full;
	int found = 0;

	if (path == NULL)
		return 0;
	copy = xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir != NULL && !found;
	    dir = strtok_r(NULL, ":", &save)) {
		full = xpath_join(dir, WEASYPRINT);
		found = access(full, X_OK) == 0;
		free(full);
	}
	free(copy);
	return found;
}

/* A WeasyPrint process: what it makes and what it said. */
struct run {
	char	*pdf;		/* the PDF it writes, malloc'd */
	pid_t	 pid;		/* running, else 0 (or -1: not started) */
	int	 err;		/* its stderr: an unlinked file, or -1 */
	int	 status;	/* how it ended, once reaped */
};

/* Returns a new unlinked file, read-write, for a process's stderr: in
 * the folder root (the site's, on a disk the build writes anyway), else
 * where tmpfile() makes it.  Returns its descriptor, or -1. */
static int
S_said_file(const char *root)
{
	FILE *f;
	int fd = open(root, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);

	if (fd >= 0 || (f = tmpfile()) == NULL)
		return fd;
	fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, 0);
	fclose(f);
	return fd;
}

/* Starts weasyprint on html, writing r->pdf, its stdout and stderr into
 * a file of its own (r->err, made in root) so that nothing it prints
 * reaches the user unescaped; it dies with the build.  Sets r->pid; returns 0, or -1
 * after reporting. */
static int
S_start(struct run *r, const char *html, const char *root, struct diag *d)
{
	pid_t parent = getpid();

	if ((r->err = S_said_file(root)) < 0) {
		diag_msg(d, MSG_PDF, NULL, "cannot make a file for %s's "
		    "messages: %s", WEASYPRINT, strerror(errno));
		return -1;
	}
	fflush(NULL);
	if ((r->pid = fork()) < 0) {
		diag_msg(d, MSG_PDF, NULL, "cannot start %s: %s", WEASYPRINT,
		    strerror(errno));
		return -1;
	}
	if (r->pid == 0) {
		char *argv[] = { WEASYPRINT, "--quiet", (char *)html,
		    r->pdf, NULL };

		int null = open("/dev/null", O_RDONLY);

		/* a build ended by a signal ends its WeasyPrints too; they
		 * read nothing of the build's and print only into r->err */
		if (prctl(PR_SET_PDEATHSIG, SIGTERM) < 0 ||
		    getppid() != parent || null < 0 ||
		    dup2(null, STDIN_FILENO) < 0 ||
		    dup2(r->err, STDOUT_FILENO) < 0 ||
		    dup2(r->err, STDERR_FILENO) < 0)
			_exit(127);
		if (getenv("SOURCE_DATE_EPOCH") == NULL)
			setenv("SOURCE_DATE_EPOCH", "0", 1);
		execvp(WEASYPRINT, argv);
		_exit(127);
	}
	return 0;
}

/* Waits for one of the running processes of runs[0..n) and notes how it
 * ended; returns 0, or -1 after reporting that waiting failed. */
static int
S_wait_one(struct run *runs, size_t n, struct diag *d)
{
	size_t i;
	int status;
	pid_t pid;

	for (;;) {
		while ((pid = waitpid(-1, &status, 0)) < 0)
			if (errno != EINTR) {
				diag_msg(d, MSG_PDF, NULL, "waiting for %s: %s",
				    WEASYPRINT, strerror(errno));
				return -1;
			}
		for (i = 0; i < n && runs[i].pid != pid; i++)
			;
		if (i < n)	/* not another child's end */
			break;
	}
	runs[i].pid = 0;
	runs[i].status = status;
	return 0;
}

/* Reports each non-empty line that r's process wrote to its stderr, as
 * an error when it failed, else as a notice: at most SAID_LINES of them
 * from its first SAID_BYTES, then how many more there were.  diag
 * escapes them, so no byte reaches the terminal raw. */
static void
S_report_said(const struct run *r, int failed, struct diag *d)
{
	enum msg m = failed ? MSG_PDF_SAID : MSG_PDF_NOTE;
	char *buf = xreallocarray(NULL, SAID_BYTES + 1, 1), *line, *nl;
	ssize_t got = pread(r->err, buf, SAID_BYTES, 0);
	size_t shown = 0, more = 0;

	buf[got > 0 ? got : 0] = '\0';
	for (line = buf; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = line + strlen(line) - 1;
		else
			*nl = '\0';
		if (line[strspn(line, " \t\r")] == '\0')
			continue;
		if (shown < SAID_LINES) {
			diag_msg(d, m, NULL, "%s", line);
			shown++;
		} else
			more++;
	}
	if (got == SAID_BYTES)
		diag_msg(d, m, NULL, "%zu more lines not shown, and what "
		    "followed its first %d KiB", more, SAID_BYTES / 1024);
	else if (more > 0)
		diag_msg(d, m, NULL, "%zu more line%s not shown", more,
		    more == 1 ? "" : "s");
	free(buf);
}

/* Reports how r's process ended (what it said, and its failure) and
 * gives its PDF mode 0644; returns 0, or -1 when it failed (reported). */
static int
S_check(const struct run *r, struct diag *d)
{
	int failed = !WIFEXITED(r->status) || WEXITSTATUS(r->status) != 0;

	if (r->err >= 0)
		S_report_said(r, failed, d);
	if (failed) {
		diag_msg(d, MSG_PDF, NULL, "%s failed making %s (status %d)",
		    WEASYPRINT, r->pdf, WIFEXITED(r->status) ?
		    WEXITSTATUS(r->status) : -1);
		return -1;
	}
	if (chmod(r->pdf, 0644) < 0) {
		diag_msg(d, MSG_PDF, NULL, "%s: %s", r->pdf, strerror(errno));
		return -1;
	}
	return 0;
}

/* Returns the order to start the n runs of pages of the given weights
 * in: the heaviest first, ties in page order (malloc'd). */
static size_t *
S_start_order(const size_t *weights, size_t n)
{
	size_t *order = xcalloc(n + 1, sizeof(*order)), i, j, t;

	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = 1; weights != NULL && i < n; i++)	/* n is small */
		for (j = i; j > 0 && weights[order[j]] > weights[order[j - 1]];
		    j--) {
			t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	return order;
}

int
pdf_handbooks(char *const *pages, const size_t *weights, size_t n,
    const char *root, unsigned nprocs, struct diag *d)
{
	struct run *runs = xcalloc(n + 1, sizeof(*runs));
	size_t *order = S_start_order(weights, n);
	size_t i, started = 0, running = 0;
	int rc = 0;

	/* WeasyPrint is single-threaded and takes hundreds of MB each: at
	 * most nprocs at a time, the longest first */
	if (nprocs < 1)
		nprocs = 1;
	for (i = 0; i < n; i++)
		runs[i].err = -1;
	while (started < n || running > 0) {
		if (started < n && running < nprocs && rc == 0) {
			struct run *r = &runs[order[started]];
			char *html = xpath_join(root, pages[order[started++]]);

			r->pdf = pdf_path(html);
			if (S_start(r, html, root, d) < 0) {
				r->pid = -1;
				rc = -1;
			} else
				running++;
			free(html);
			continue;
		}
		if (running == 0)
			break;	/* nothing more will start */
		if (S_wait_one(runs, n, d) < 0) {
			rc = -1;
			break;	/* no child left to wait for */
		}
		running--;
	}
	/* in path order, whichever ended first */
	for (i = 0; i < n; i++) {
		if (runs[i].pdf == NULL)
			continue;	/* not started */
		if (runs[i].pid == 0 && S_check(&runs[i], d) < 0)
			rc = -1;
		if (runs[i].err >= 0)
			close(runs[i].err);
		free(runs[i].pdf);
	}
	free(order);
	free(runs);
	return rc;
}

char *
pdf_path(const char *page)
{
	size_t n = strlen(page);
	char *s = xreallocarray(NULL, n + 4, 1);

	strcpy(s, page);
	if (n >= 5 && strcmp(s + n - 5, ".html") == 0)
		s[n - 5] = '\0';
	strcat(s, ".pdf");
	return s;
}
