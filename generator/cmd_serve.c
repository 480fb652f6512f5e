/* cmd_serve.c: the "serve" command; see serve.h and cli.h.
 *
 * The main thread builds and watches; libmicrohttpd's threads serve;
 * a thread of serve_stop.h reads SIGINT, SIGTERM and SIGHUP: the first
 * ends the preview after the build under way, the private folder
 * removed on the way out; a second ends it at once.
 */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "preview.h"
#include "serve.h"
#include "serve_http.h"
#include "serve_stop.h"
#include "serve_watch.h"
#include "write.h"

#define SERVE_PORT_DEFAULT	8000
#define SERVE_ADDR_DEFAULT	"127.0.0.1"

/* A preview running: its builds, its server and what it last told
 * pages. */
struct preview_run {
	struct preview		*pv;
	struct serve_http	*http;
	struct serve_watch	*w;
	pthread_mutex_t		 w_lock;	/* for w, while a build runs */
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

/* Prints the diagnostics d holds to the terminal, and returns them as
 * text, malloc'd (a failed build shows them on the pages). */
static char *
S_flush(struct diag *d, FILE *err)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	if (mem == NULL)
		xalloc_die();
	d->out = mem;
	diag_flush(d);
	if (fclose(mem) != 0)
		xalloc_die();
	fputs(text, err);
	fflush(err);
	return text;
}

/* preview_data()'s give_way: whether a save has ended since the build
 * began (the next build remakes the data). */
static int
S_give_way(void *ctx)
{
	struct preview_run *p = ctx;
	int changed;

	pthread_mutex_lock(&p->w_lock);
	changed = serve_watch_changed(p->w);
	pthread_mutex_unlock(&p->w_lock);
	return changed;
}

/* Rebuilds p's site in place (preview.h) and tells open pages: reload
 * after pages changed (or after the first good build since one failed),
 * then "refresh" once the search index and downloads changed; or the
 * diagnostics when the build failed.  Prints what happened as "build"
 * would, and the time from the start to the pages served. */
static void
S_rebuild(struct preview_run *p)
{
	double start = cmd_now();
	struct preview_stats st, data;
	struct diag d;
	char *text;
	int ok;

	diag_init(&d, p->err);
	ok = preview_pages(p->pv, &d, &st) == 0;
	text = S_flush(&d, p->err);
	if (!ok) {
		serve_http_failed(p->http, *text != '\0' ? text :
		    "skillsite: error: the build failed");
		p->failed = 1;
		fprintf(p->out, "skillsite: build failed: the last good site is "
		    "still served\n");
	} else {
		if (st.changed > 0 || p->failed)
			serve_http_published(p->http);
		p->failed = 0;
		fprintf(p->out, "skillsite: site ready in %.0f ms: %zu pages, "
		    "%zu files changed\n", (cmd_now() - start) * 1e3, st.pages,
		    st.changed);
		fflush(p->out);
		if (preview_data(p->pv, &d, &data, S_give_way, p) == 0 &&
		    data.changed > 0)
			serve_http_refreshed(p->http);
		free(text);
		text = S_flush(&d, p->err);
	}
	fflush(p->out);
	free(text);
	diag_free(&d);
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

/* Serves p until stop says a signal came: a build now, then one after
 * each change that w sees. */
static void
S_serve(struct preview_run *p, struct serve_watch *w, struct serve_stop *stop,
    const char *addr)
{
	const char *colon = strchr(addr, ':');

	fprintf(p->out, "skillsite: serving http://%s%s%s:%u/ (Ctrl-C stops)\n",
	    colon ? "[" : "", addr, colon ? "]" : "",
	    serve_http_port(p->http));
	if (serve_watch_polls(w))
		fprintf(p->out, "skillsite: looking for changes every %d ms\n",
		    SERVE_POLL_MS);
	fflush(p->out);
	do {
		serve_stop_building(stop, 1);
		S_rebuild(p);
		serve_stop_building(stop, 0);
	} while (serve_watch_wait(w, serve_stop_fd(stop)));
	fprintf(p->out, "skillsite: stopped\n");
	fflush(p->out);
}

/* Makes p's builds (into the folder site, staging in the folder
 * scratch) and its server of args on addr and port, the server opening
 * files under lock; returns 0, or -1 after reporting to err. */
static int
S_start(struct preview_run *p, const struct cmd_args *args,
    const char *templates, const char *priv, pthread_rwlock_t *lock,
    const char *addr, unsigned port)
{
	char *site = xpath_join(priv, "site"), *scratch = xpath_join(priv,
	    "stage");
	struct preview_config c = { args->paths, args->npaths, templates,
	    cmd_threads(args), site, scratch, lock };
	struct diag d;

	diag_init(&d, p->err);
	p->pv = preview_new(&c, &d);
	diag_flush(&d);
	diag_free(&d);
	if (p->pv != NULL)
		p->http = serve_http_start(addr, port, site, lock, p->err);
	free(site);
	free(scratch);
	return p->http != NULL ? 0 : -1;
}

int
cmd_serve(const struct cmd_args *args, FILE *out, FILE *err)
{
	struct preview_run p = { NULL, NULL, NULL,
	    PTHREAD_MUTEX_INITIALIZER, 0, out, err };
	pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
	struct serve_stop *stop;
	struct serve_watch *w;
	char *priv, *templates;
	const char *addr;
	unsigned port;
	int status;

	if ((status = S_options(args, &addr, &port, err)) != EXIT_OK)
		return status;
	signal(SIGPIPE, SIG_IGN);	/* a closed terminal pipe: go on */
	if ((priv = S_private_folder(err)) == NULL)
		return EXIT_IO;
	if ((stop = serve_stop_new(priv, out, err)) == NULL) {
		publish_remove(priv);
		free(priv);
		return EXIT_IO;
	}
	templates = cmd_templates(args);
	if (!serve_http_loopback(addr))
		diag_plain_as(err, "warning", "serving on %s: anyone who can "
		    "reach this address can read the site", addr);
	status = EXIT_IO;
	if (S_start(&p, args, templates, priv, &lock, addr, port) == 0) {
		p.w = w = serve_watch_new(args->paths, args->npaths, templates,
		    (args->longs & 1) != 0, err);
		S_serve(&p, w, stop, addr);
		serve_watch_free(w);
		status = EXIT_OK;
	}
	serve_http_stop(p.http);
	preview_free(p.pv);
	if (publish_remove(priv) < 0)
		diag_plain(err, "cannot remove %s: %s", priv, strerror(errno));
	serve_stop_free(stop);
	free(templates);
	free(priv);
	return status;
}
