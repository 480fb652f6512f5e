/* measure.c: runs one command and reports what it cost.
 *
 *   measure [-o FILE] [-C DIR] -- COMMAND [ARG ...]
 *
 * Runs COMMAND (in DIR, with its standard output to FILE, default
 * /dev/null; standard error to /dev/null) and prints one line:
 *
 *   WALL_S CPU_S USER_S SYS_S MAXRSS_KB STATUS
 *
 * wall time from fork to exit (CLOCK_MONOTONIC), CPU time and peak
 * resident memory of the command and its children (wait4), and its exit
 * status.  Exits 0 when the command could be run, whatever its status.
 */
#define _DEFAULT_SOURCE		/* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Returns seconds of tv. */
static double
S_seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

/* Returns the monotonic clock in seconds. */
static double
S_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child: sets up the descriptors and directory, runs argv. */
static void
S_child(const char *out, const char *dir, char **argv)
{
	int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int n = open("/dev/null", O_WRONLY);

	if (o < 0 || n < 0 || dup2(o, 1) < 0 || dup2(n, 2) < 0 ||
	    (dir != NULL && chdir(dir) < 0))
		_exit(126);
	execvp(argv[0], argv);
	_exit(127);
}

int
main(int argc, char **argv)
{
	const char *out = "/dev/null", *dir = NULL;
	struct rusage ru;
	double start;
	pid_t pid;
	int i = 1, status;

	for (; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
		if (i + 1 >= argc)
			break;
		if (strcmp(argv[i], "-o") == 0)
			out = argv[i + 1];
		else if (strcmp(argv[i], "-C") == 0)
			dir = argv[i + 1];
		else
			break;
	}
	if (i + 1 >= argc || strcmp(argv[i], "--") != 0) {
		fputs("usage: measure [-o FILE] [-C DIR] -- COMMAND [ARG ...]\n",
		    stderr);
		return 2;
	}
	fflush(NULL);
	start = S_now();
	if ((pid = fork()) < 0) {
		perror("measure: fork");
		return 2;
	}
	if (pid == 0)
		S_child(out, dir, argv + i + 1);
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("measure: wait4");
			return 2;
		}
	printf("%.4f %.4f %.4f %.4f %ld %d\n", S_now() - start,
	    S_seconds(&ru.ru_utime) + S_seconds(&ru.ru_stime),
	    S_seconds(&ru.ru_utime), S_seconds(&ru.ru_stime), ru.ru_maxrss,
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
