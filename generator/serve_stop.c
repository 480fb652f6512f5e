/* serve_stop.c: stopping the live preview; see serve_stop.h. */
#include "serve_stop.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "write.h"

struct serve_stop {
	int		 sigfd;
	int		 pipe[2];	/* [0] readable once a signal came */
	int		 quit[2];	/* [0] readable: the thread ends */
	char		*priv;
	atomic_int	 building;
	FILE		*out;
	pthread_t	 thread;
	int		 started;
};

/* Reads the next signal from s into *si; returns 0, or -1 when none can
 * be read or the thread is to end. */
static int
S_read(struct serve_stop *s, struct signalfd_siginfo *si)
{
	struct pollfd pf[2] = { { s->sigfd, POLLIN, 0 },
	    { s->quit[0], POLLIN, 0 } };
	ssize_t n;

	while (poll(pf, 2, -1) < 0)
		if (errno != EINTR)
			return -1;
	if (pf[1].revents != 0)
		return -1;
	while ((n = read(s->sigfd, si, sizeof(*si))) < 0 && errno == EINTR)
		;
	return n == (ssize_t)sizeof(*si) ? 0 : -1;
}

/* The thread of s: the first signal asks the preview to stop, the
 * second stops the process. */
static void *
S_thread(void *arg)
{
	struct serve_stop *s = arg;
	struct signalfd_siginfo si;
	int tries;

	if (S_read(s, &si) < 0)
		return NULL;
	if (write(s->pipe[1], "x", 1) < 0)
		return NULL;
	if (atomic_load(&s->building)) {
		fprintf(s->out, "skillsite: stopping after this build "
		    "(Ctrl-C again stops at once)\n");
		fflush(s->out);
	}
	if (S_read(s, &si) < 0)
		return NULL;
	/* the build's threads may still make files in it: once each folder
	 * is gone they can make no more */
	for (tries = 0; tries < 1000 && publish_remove(s->priv) < 0 &&
	    errno != ENOENT; tries++)
		;
	fprintf(s->out, "skillsite: stopped at once\n");
	fflush(s->out);
	_exit(128 + (int)si.ssi_signo);
}

/* Makes the pipe fd, closed on exec; returns 0 or -1. */
static int
S_pipe(int fd[2])
{
	if (pipe(fd) < 0)
		return -1;
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

struct serve_stop *
serve_stop_new(const char *priv, FILE *out, FILE *err)
{
	struct serve_stop *s = xcalloc(1, sizeof(*s));
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	s->pipe[0] = s->pipe[1] = s->quit[0] = s->quit[1] = -1;
	if ((s->sigfd = signalfd(-1, &set, SFD_CLOEXEC)) < 0 ||
	    S_pipe(s->pipe) < 0 || S_pipe(s->quit) < 0) {
		diag_plain(err, "cannot wait for signals: %s", strerror(errno));
		serve_stop_free(s);
		return NULL;
	}
	s->priv = xstrdup(priv);
	s->out = out;
	if (pthread_create(&s->thread, NULL, S_thread, s) != 0) {
		diag_plain(err, "cannot wait for signals: no thread");
		serve_stop_free(s);
		return NULL;
	}
	s->started = 1;
	return s;
}

int
serve_stop_fd(const struct serve_stop *s)
{
	return s->pipe[0];
}

void
serve_stop_building(struct serve_stop *s, int building)
{
	atomic_store(&s->building, building);
}

/* Closes fd unless it is -1. */
static void
S_close(int fd)
{
	if (fd >= 0)
		close(fd);
}

void
serve_stop_free(struct serve_stop *s)
{
	if (s == NULL)
		return;
	if (s->started) {
		if (write(s->quit[1], "x", 1) != 1)
			return;		/* the thread still reads s: leave it */
		pthread_join(s->thread, NULL);
	}
	S_close(s->sigfd);
	S_close(s->pipe[0]);
	S_close(s->pipe[1]);
	S_close(s->quit[0]);
	S_close(s->quit[1]);
	free(s->priv);
	free(s);
}
