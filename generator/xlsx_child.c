/* xlsx_child.c: a workbook made in a child process; see xlsx.h.
 *
 * libxlsxwriter 1.1.4 does not survive every failed allocation (a cell
 * list insert dereferences what malloc() did not give) and prints its
 * own [ERROR] lines on stderr.  malloc() fails under a limit on memory
 * (ulimit -v, -d); there each workbook is made by a forked
 * child, its stderr pointed at /dev/null, which hands the bytes back
 * through a pipe: whatever befalls it, the build reports one diagnostic
 * and goes on or stops as for any failed write, never crashes.  The
 * child only computes (glibc's fork() leaves malloc and stdio usable in
 * it) and ends with _exit(), running none of the parent's clean-ups.
 */
#include "xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"

/* Held from a pipe's making to its write end's closing in the parent. */
static pthread_mutex_t S_forking = PTHREAD_MUTEX_INITIALIZER;

/* Set in a child process xlsx_in_child() forked. */
static int S_is_child;

int
xlsx_child_process(void)
{
	return S_is_child;
}

/* The child's part: makes the workbook with make(ctx) and writes its
 * bytes to fd; ends with status 0, or EXIT_IO when anything failed,
 * having written its diagnostics to fd instead. */
static _Noreturn void
S_child(int fd, xlsx_make_fn *make, void *ctx)
{
	struct diag said;	/* its diagnostics go to the parent */
	int null = open("/dev/null", O_WRONLY);
	size_t len = 0, off = 0;
	ssize_t n;
	char *data;

	S_is_child = 1;
	alloc_on_exhaustion(NULL, NULL);	/* the parent's to run */
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (null >= 0)
		(void)dup2(null, STDERR_FILENO);
	diag_init(&said, fdopen(fd, "w"));
	if ((data = make(ctx, &len, &said)) == NULL) {
		diag_flush(&said);	/* what failed, for the parent */
		_exit(EXIT_IO);
	}
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(EXIT_IO);
		off += (size_t)n;
	}
	_exit(EXIT_OK);
}

/* Reads fd to its end into a malloc'd buffer; sets *len.  Returns the
 * buffer (NULL when nothing came), or NULL with *failed set on a read
 * error. */
static char *
S_drain(int fd, size_t *len, int *failed)
{
	char *data = NULL;
	size_t cap = 0;
	ssize_t n;

	*len = 0;
	for (;;) {
		if (*len == cap)
			data = xreallocarray(data, cap = cap ? 2 * cap : 65536,
			    1);
		n = read(fd, data + *len, cap - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		*len += (size_t)n;
	}
	*failed = n < 0;
	return data;
}

/* Reports that the workbook what could not be made: in the words of
 * the child's first diagnostic when said (len bytes) holds one ("...:
 * error: cannot publish the site: DETAIL"), else as a child that died
 * (libxlsxwriter out of memory). */
static void
S_report(struct diag *d, const char *what, const char *said, size_t len)
{
	static const char mark[] = "error: cannot publish the site: ";
	char *text = said != NULL ? xasprintf("%.*s", (int)len, said) : NULL;
	char *p = text != NULL ? strstr(text, mark) : NULL;

	if (p != NULL) {
		p += sizeof(mark) - 1;
		p[strcspn(p, "\n")] = '\0';
		diag_msg(d, MSG_IO_WRITE, NULL, "%s", p);
	} else
		diag_msg(d, MSG_IO_WRITE, NULL, "cannot make the workbook %s: "
		    "it ran out of memory", what);
	free(text);
}

/* Returns whether the process runs under a limit on its memory
 * (address space or data), where malloc() can fail: on Linux without
 * one, memory is overcommitted and malloc() does not return NULL. */
static int
S_memory_limited(void)
{
	struct rlimit as, data;

	return (getrlimit(RLIMIT_AS, &as) == 0 &&
	    as.rlim_cur != RLIM_INFINITY) ||
	    (getrlimit(RLIMIT_DATA, &data) == 0 &&
	    data.rlim_cur != RLIM_INFINITY);
}

char *
xlsx_in_child(xlsx_make_fn *make, void *ctx, const char *what, size_t *len,
    struct diag *d)
{
	int fds[2] = { -1, -1 }, status = 0, failed = 0;
	char *data;
	pid_t pid;

	*len = 0;
	if (!S_memory_limited())	/* a fork costs ~20 ms in a big build */
		return make(ctx, len, d);
	/* one pipe made and forked at a time, so that no other child
	 * inherits this one's write end and holds its end of file back */
	pthread_mutex_lock(&S_forking);
	pid = pipe(fds) < 0 ? -1 : fork();
	if (pid < 0) {
		int e = errno;

		if (fds[0] >= 0) {
			close(fds[0]);
			close(fds[1]);
		}
		pthread_mutex_unlock(&S_forking);
		diag_msg(d, MSG_IO_WRITE, NULL, "cannot make the workbook %s: "
		    "%s", what, strerror(e));
		return NULL;
	}
	if (pid == 0) {
		close(fds[0]);
		S_child(fds[1], make, ctx);
	}
	close(fds[1]);
	pthread_mutex_unlock(&S_forking);
	data = S_drain(fds[0], len, &failed);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		S_report(d, what, WIFEXITED(status) ? data : NULL, *len);
		free(data);
		*len = 0;
		return NULL;
	}
	return data;
}
