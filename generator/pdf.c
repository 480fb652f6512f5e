/* pdf.c: PDF handbooks with WeasyPrint; see pdf.h. */
#include "pdf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"

#define WEASYPRINT "weasyprint"

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
		full = xreallocarray(NULL, strlen(dir) + sizeof(WEASYPRINT) + 1, 1);
		sprintf(full, "%s/%s", dir, WEASYPRINT);
		found = access(full, X_OK) == 0;
		free(full);
	}
	free(copy);
	return found;
}

/* Starts weasyprint on html, writing pdf; returns its process, or -1
 * after reporting. */
static pid_t
S_start(const char *html, const char *pdf, struct diag *d)
{
	pid_t pid;

	fflush(NULL);
	if ((pid = fork()) < 0) {
		diag_msg(d, MSG_PDF, NULL, "cannot start %s: %s", WEASYPRINT,
		    strerror(errno));
		return -1;
	}
	if (pid == 0) {
		char *argv[] = { WEASYPRINT, "--quiet", (char *)html,
		    (char *)pdf, NULL };

		if (getenv("SOURCE_DATE_EPOCH") == NULL)
			setenv("SOURCE_DATE_EPOCH", "0", 1);
		execvp(WEASYPRINT, argv);
		_exit(127);
	}
	return pid;
}

/* Waits for any child process; returns its id with its status in
 * *status, or -1 after reporting (pdf names the file being waited for). */
static pid_t
S_reap(int *status, const char *pdf, struct diag *d)
{
	pid_t pid;

	while ((pid = waitpid(-1, status, 0)) < 0)
		if (errno != EINTR) {
			diag_msg(d, MSG_PDF, NULL, "%s: %s", pdf, strerror(errno));
			return -1;
		}
	return pid;
}

/* Checks the end of the process that made pdf, by its status; returns
 * 0, or -1 after reporting. */
static int
S_check(int status, const char *pdf, struct diag *d)
{
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		diag_msg(d, MSG_PDF, NULL, "%s failed making %s (status %d)",
		    WEASYPRINT, pdf, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	if (chmod(pdf, 0644) < 0) {
		diag_msg(d, MSG_PDF, NULL, "%s: %s", pdf, strerror(errno));
		return -1;
	}
	return 0;
}

/* Waits for one of the running processes pids[0..n) (0 when done) and
 * checks it; returns 1 when one ended well, 0 when one ended badly
 * (reported), -1 when waiting failed (reported). */
static int
S_wait_one(pid_t *pids, char *const *pdfs, size_t n, struct diag *d)
{
	size_t i;
	int status;
	pid_t pid;

	for (i = 0; i < n && pids[i] <= 0; i++)
		;
	for (;;) {
		if ((pid = S_reap(&status, i < n ? pdfs[i] : "", d)) < 0)
			return -1;
		for (i = 0; i < n && pids[i] != pid; i++)
			;
		if (i < n)	/* not another child's end */
			break;
	}
	pids[i] = 0;
	return S_check(status, pdfs[i], d) == 0;
}

int
pdf_handbooks(char *const *pages, size_t n, const char *root,
    unsigned nprocs, struct diag *d)
{
	pid_t *pids = xcalloc(n + 1, sizeof(*pids));
	char **pdfs = xcalloc(n + 1, sizeof(*pdfs));
	size_t i, running = 0;
	int rc = 0, r;

	/* WeasyPrint is single-threaded and takes hundreds of MB each: at
	 * most nprocs at a time */
	if (nprocs < 1)
		nprocs = 1;
	for (i = 0; i < n || running > 0;) {
		if (i < n && running < nprocs) {
			char *html = xreallocarray(NULL, strlen(root) +
			    strlen(pages[i]) + 2, 1);

			sprintf(html, "%s/%s", root, pages[i]);
			pdfs[i] = pdf_path(html);
			if ((pids[i] = S_start(html, pdfs[i], d)) < 0)
				rc = -1;
			else
				running++;
			free(html);
			i++;
			continue;
		}
		if ((r = S_wait_one(pids, pdfs, i, d)) < 0)
			break;	/* no child left to wait for */
		running--;
		if (r == 0)
			rc = -1;
	}
	if (running > 0)
		rc = -1;
	for (i = 0; i < n; i++)
		free(pdfs[i]);
	free(pdfs);
	free(pids);
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
