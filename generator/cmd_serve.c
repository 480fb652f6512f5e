/* cmd_serve.c: the "serve" command; see serve.h and cli.h.
 *
 * The main thread builds and watches; libmicrohttpd's threads serve.
 * SIGINT, SIGTERM and SIGHUP are blocked in every thread and read from a
 * signalfd between builds, so a build is never cut short and the private
 * folder is always removed on the way out.
 */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "serve.h"
#include "serve_http.h"
#include "serve_watch.h"
#include "write.h"

#define SERVE_PORT_DEFAULT	8000
#define SERVE_ADDR_DEFAULT	"127.0.0.1"

/* A preview running: where its site is and what it last told pages. */
struct preview {
	const struct cmd_args	*build;		/* the builds' arguments */
	const char		*site;
	struct serve_http	*http;
	int			 failed;	/* the last build failed */
	FILE			*out, *err;
};

/* Sets *port from s, a number from 0 (any free port) to 65535; returns
 * 0, or -1 when s is not one. */
static int
S_port(const char *s, unsigned *port)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 || v > 65535)
		return -1;
	*port = (unsigned)v;
	return 0;
}

/* Returns the inode of the folder at path, 0 when there is none: each
 * publication swaps a new folder in. */
static ino_t
S_identity(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* Builds the site into p->site as "build" does, in this process; prints
 * its summary and diagnostics as "build" would, then tells open pages:
 * reload after a new site is published (or after the first good build
 * since one failed), or the diagnostics when it failed. */
static void
S_rebuild(struct preview *p)
{
	ino_t before = S_identity(p->site);
	char *diags = NULL;
	size_t len = 0;
	double start = cmd_now();
	FILE *mem = open_memstream(&diags, &len);
	int status;

	if (mem == NULL)
		xalloc_die();
	status = cmd_build(p->build, p->out, mem);
	if (fclose(mem) != 0)
		xalloc_die();
	fputs(diags, p->err);
	fflush(p->err);
	if (status == EXIT_OK) {
		if (S_identity(p->site) != before || p->failed)
			serve_http_published(p->http);
		p->failed = 0;
		fprintf(p->out, "skillsite: site ready in %.0f ms\n",
		    (cmd_now() - start) * 1e3);
		publish_sweep(p->site);	/* the old site, once pages reload */
	} else {
		serve_http_failed(p->http, len > 0 ? diags :
		    "skillsite: error: the build failed");
		p->failed = 1;
		fprintf(p->out, "skillsite: build failed: the last good site is "
		    "still served\n");
	}
	fflush(p->out);
	free(diags);
}

/* Blocks SIGINT, SIGTERM and SIGHUP in this thread and the threads it
 * makes; returns a signalfd that reads them, or -1 after reporting. */
static int
S_signals(FILE *err)
{
	sigset_t set;
	int fd;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if ((fd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK)) < 0)
		diag_plain(err, "cannot wait for signals: %s", strerror(errno));
	return fd;
}

/* Makes the private folder (under $TMPDIR, else /tmp); returns its path,
 * malloc'd, or NULL after reporting. */
static char *
S_private_folder(FILE *err)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xpath_join(tmp != NULL && *tmp != '\0' ? tmp : "/tmp",
	    "skillsite-serve.XXXXXX");

	if (mkdtemp(path) == NULL) {
		diag_plain(err, "cannot make a folder in %s: %s",
		    tmp != NULL && *tmp != '\0' ? tmp : "/tmp", strerror(errno));
		free(path);
		return NULL;
	}
	return path;
}

/* Checks serve's own options; sets *addr and *port.  Returns EXIT_OK,
 * or EXIT_USAGE after reporting. */
static int
S_options(const struct cmd_args *args, const char **addr, unsigned *port,
    FILE *err)
{
	*addr = args->opt['b' - 'a'] != NULL ? args->opt['b' - 'a'] :
	    SERVE_ADDR_DEFAULT;
	*port = SERVE_PORT_DEFAULT;
	if (args->opt['p' - 'a'] != NULL &&
	    S_port(args->opt['p' - 'a'], port) < 0) {
		diag_plain(err, "-p %s: not a port number from 0 to 65535",
		    args->opt['p' - 'a']);
		return EXIT_USAGE;
	}
	if (!serve_http_address_ok(*addr)) {
		diag_plain(err, "-b %s: not a numeric IPv4 or IPv6 address",
		    *addr);
		return EXIT_USAGE;
	}
	if (!cmd_threads_valid(args, err))
		return EXIT_USAGE;
	return EXIT_OK;
}

/* Serves p until a signal reads from sigfd: a build now, then one after
 * each change that w sees. */
static void
S_serve(struct preview *p, struct serve_watch *w, int sigfd,
    const char *addr)
{
	struct signalfd_siginfo si;
	const char *colon = strchr(addr, ':');

	fprintf(p->out, "skillsite: serving http://%s%s%s:%u/ (Ctrl-C stops)\n",
	    colon ? "[" : "", addr, colon ? "]" : "",
	    serve_http_port(p->http));
	if (serve_watch_polls(w))
		fprintf(p->out, "skillsite: looking for changes every %d ms\n",
		    SERVE_POLL_MS);
	fflush(p->out);
	S_rebuild(p);
	while (serve_watch_wait(w, sigfd))
		S_rebuild(p);
	while (read(sigfd, &si, sizeof(si)) > 0)
		;
	fprintf(p->out, "skillsite: stopped\n");
	fflush(p->out);
}

int
cmd_serve(const struct cmd_args *args, FILE *out, FILE *err)
{
	struct cmd_args build = *args;
	struct preview p = { &build, NULL, NULL, 0, out, err };
	struct serve_watch *w;
	char *priv, *site, *templates;
	const char *addr;
	unsigned port;
	int sigfd, status;

	if ((status = S_options(args, &addr, &port, err)) != EXIT_OK)
		return status;
	signal(SIGPIPE, SIG_IGN);	/* a closed terminal pipe: go on */
	if ((sigfd = S_signals(err)) < 0)
		return EXIT_IO;
	if ((priv = S_private_folder(err)) == NULL) {
		close(sigfd);
		return EXIT_IO;
	}
	p.site = site = xpath_join(priv, "site");
	templates = cmd_templates(args);
	memset(build.opt, 0, sizeof(build.opt));
	build.opt['j' - 'a'] = args->opt['j' - 'a'];
	build.opt['t' - 'a'] = templates;
	build.opt['o' - 'a'] = site;
	build.longs = 0;
	build.live_reload = 1;
	if (!serve_http_loopback(addr))
		diag_plain_as(err, "warning", "serving on %s: anyone who can "
		    "reach this address can read the site", addr);
	status = EXIT_IO;
	if ((p.http = serve_http_start(addr, port, site, NULL, err)) !=
	    NULL) {
		w = serve_watch_new(args->paths, args->npaths, templates,
		    (args->longs & 1) != 0, err);
		S_serve(&p, w, sigfd, addr);
		serve_watch_free(w);
		serve_http_stop(p.http);
		status = EXIT_OK;
	}
	if (publish_remove(priv) < 0)
		diag_plain(err, "cannot remove %s: %s", priv, strerror(errno));
	close(sigfd);
	free(templates);
	free(site);
	free(priv);
	return status;
}
