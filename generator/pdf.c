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

/* Waits for process pid, which makes pdf; returns 0, or -1 after
 * reporting. */
static int
S_wait(pid_t pid, const char *pdf, struct diag *d)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			diag_msg(d, MSG_PDF, NULL, "%s: %s", pdf, strerror(errno));
			return -1;
		}
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

int
pdf_handbooks(char *const *pages, size_t n, const char *root, struct diag *d)
{
	pid_t *pids = xcalloc(n, sizeof(*pids));
	char **pdfs = xcalloc(n, sizeof(*pdfs));
	size_t i;
	int rc = 0;

	/* all at once: WeasyPrint is single-threaded and slow with CJK fonts */
	for (i = 0; i < n; i++) {
		char *html = xreallocarray(NULL, strlen(root) +
		    strlen(pages[i]) + 2, 1);

		sprintf(html, "%s/%s", root, pages[i]);
		pdfs[i] = pdf_path(html);
		if ((pids[i] = S_start(html, pdfs[i], d)) < 0)
			rc = -1;
		free(html);
	}
	for (i = 0; i < n; i++) {
		if (pids[i] > 0 && S_wait(pids[i], pdfs[i], d) < 0)
			rc = -1;
		free(pdfs[i]);
	}
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
