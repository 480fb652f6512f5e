/* serve_http.c: the live preview's HTTP server; see serve_http.h.  One
 * thread per connection (libmicrohttpd's), so that an event stream may
 * wait for the next build inside its reader. */
#include "serve_http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "alloc.h"
#include "cli.h"
#include "diag.h"
#include "jsontext.h"
#include "serve.h"
#include "template.h"
#include "write.h"

/* The reload script (serve_reload.js, embedded by the Makefile). */
extern const unsigned char skillsite_reload_js[];
extern const size_t skillsite_reload_js_len;

/* Seconds between two comments on an idle event stream: traffic that
 * keeps it from the idle timeout and tells a dead client. */
#define STREAM_PING_SECONDS	10

/* How many addresses the rate limit remembers (the least recently seen
 * is forgotten first). */
#define RATE_SLOTS		64

/* What the 503 page says while there is no site yet. */
#define FIRST_PENDING	"The first build has not ended yet: this page " \
	"reloads when it has."
#define FIRST_FAILED	"The first build failed: fix the errors shown in " \
	"the terminal (or on this page once it reloads) and save; this page " \
	"reloads when a build succeeds."

/* What open pages are told: the sites published (the generation), the
 * builds failed and the refreshes, and the last failure's diagnostics
 * (JSON; NULL once a site is published after it). */
struct hub {
	pthread_mutex_t	 lock;
	pthread_cond_t	 changed;
	unsigned long	 generation;
	unsigned long	 failures;
	unsigned long	 refreshes;
	char		*errors;
	int		 stopping;
};

/* One address's bucket of requests. */
struct rate_slot {
	unsigned char	 addr[16];
	double		 tokens;
	double		 last;		/* when tokens was reckoned */
	int		 used;
};

struct serve_http {
	struct MHD_Daemon	*daemon;
	char			*site;
	char			*addr;		/* as given */
	unsigned		 port;
	pthread_rwlock_t	*publish;	/* the caller's, or NULL */
	struct sockaddr_storage	 bound;
	int			 loopback;	/* so Host is checked */
	struct hub		 hub;
	pthread_mutex_t		 rate_lock;
	struct rate_slot	 rate[RATE_SLOTS];
};

/* An event stream being sent: the generation of the page it serves
 * (known: from its request), what it last told and what is left of the
 * event being written. */
struct stream {
	struct serve_http	*s;
	unsigned long		 generation, failures, refreshes;
	int			 known;
	int			 started;
	char			*event;
	size_t			 off, len;
};

/* Adds the headers every response carries to r. */
static void
S_headers(struct MHD_Response *r, const char *type)
{
	MHD_add_response_header(r, "Content-Security-Policy",
	    TEMPLATE_CSP SERVE_CSP_EXTRA);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	if (type != NULL)
		MHD_add_response_header(r, "Content-Type", type);
}

/* Queues r on c with status and drops our reference to it. */
static enum MHD_Result
S_queue(struct MHD_Connection *c, unsigned status, struct MHD_Response *r)
{
	enum MHD_Result ret;

	if (r == NULL)
		return MHD_NO;
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* Returns a response of text (malloc'd; the response owns it, or it is
 * freed when libmicrohttpd fails: NULL) of type, with every response's
 * headers. */
static struct MHD_Response *
S_text(char *text, const char *type)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text),
	    text, MHD_RESPMEM_MUST_FREE);

	if (r == NULL) {
		free(text);
		return NULL;
	}
	S_headers(r, type);
	return r;
}

/* Returns a short page for status, headed by title (the status line, as
 * web servers word it) with text (NULL: none) below, with the reload
 * script: a page missing now reloads when a build makes it, and shows a
 * failed build's errors (worded for a page of no site when status, which
 * the page states, is 503).  Returns NULL when libmicrohttpd fails. */
static struct MHD_Response *
S_page(unsigned status, const char *title, const char *text)
{
	struct MHD_Response *r;
	char *page = xasprintf("<!DOCTYPE html>\n<html lang=\"en\" "
	    "data-skillsite-status=\"%u\"><head>"
	    "<meta charset=\"utf-8\"/><meta name=\"viewport\" content=\""
	    "width=device-width, initial-scale=1\"/><title>%s - skillsite "
	    "serve</title><script src=\"" SERVE_SCRIPT_URL "\" defer=\"defer\">"
	    "</script></head><body><main><h1>%s</h1>%s%s%s</main></body>"
	    "</html>\n", status, title, title, text != NULL ? "<p>" : "",
	    text != NULL ? text : "", text != NULL ? "</p>" : "");

	if ((r = S_text(page, "text/html; charset=utf-8")) == NULL)
		return NULL;
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, "Allow", "GET, HEAD");
	if (status == MHD_HTTP_TOO_MANY_REQUESTS)
		MHD_add_response_header(r, "Retry-After", "1");
	return r;
}

/* Answers with status and S_page(status, title, text). */
static enum MHD_Result
S_reply(struct MHD_Connection *c, unsigned status, const char *title,
    const char *text)
{
	return S_queue(c, status, S_page(status, title, text));
}

/* Returns a redirect to the folder url names (url + "/"), or NULL. */
static struct MHD_Response *
S_to_folder(const char *url)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL,
	    MHD_RESPMEM_PERSISTENT);
	char *where = xasprintf("%s/", url);

	if (r != NULL) {
		S_headers(r, NULL);
		MHD_add_response_header(r, "Location", where);
	}
	free(where);
	return r;
}

/* Opens path (checked by serve_url_path()) under the folder root,
 * following no link (publish_open_beneath()); for a folder, its
 * index.html when want_dir is set.  Returns a descriptor of a regular
 * file and sets *st, or -1: *is_dir is set when path names a folder and
 * want_dir is not (the request lacks its final '/'). */
static int
S_open_under(int root, const char *path, int want_dir, struct stat *st,
    int *is_dir)
{
	int fd, index;

	*is_dir = 0;
	fd = *path == '\0' ? dup(root) : publish_open_beneath(root, path,
	    O_RDONLY | O_NONBLOCK);
	if (fd >= 0 && fstat(fd, st) == 0 && S_ISDIR(st->st_mode)) {
		*is_dir = !want_dir;
		index = want_dir ? publish_open_beneath(fd, "index.html",
		    O_RDONLY | O_NONBLOCK) : -1;
		close(fd);
		if ((fd = index) >= 0 && fstat(fd, st) < 0) {
			close(fd);
			fd = -1;
		}
	}
	if (fd >= 0 && !S_ISREG(st->st_mode)) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Returns the current generation; sets *failed when the last build
 * failed. */
static unsigned long
S_generation(struct hub *h, int *failed)
{
	unsigned long gen;

	pthread_mutex_lock(&h->lock);
	gen = h->generation;
	*failed = h->errors != NULL;
	pthread_mutex_unlock(&h->lock);
	return gen;
}

/* Returns the response for url in the site's folder (NULL when
 * libmicrohttpd fails) and sets *status: the file, a redirect to a
 * folder's '/', 404, or 503 while there is no site yet (no generation
 * published; failed: the last build failed). */
static struct MHD_Response *
S_site_response(const struct serve_http *s, const char *url,
    unsigned long gen, int failed, unsigned *status)
{
	char path[4096];
	struct MHD_Response *r;
	struct stat st;
	int want_dir, is_dir, root, fd;

	*status = MHD_HTTP_NOT_FOUND;
	if (serve_url_path(url, path, sizeof(path), &want_dir) < 0)
		return S_page(*status, "404 Not Found", NULL);
	if (gen == 0 ||
	    (root = open(s->site, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		*status = MHD_HTTP_SERVICE_UNAVAILABLE;
		return S_page(*status, "503 Service Unavailable",
		    failed ? FIRST_FAILED : FIRST_PENDING);
	}
	fd = S_open_under(root, path, want_dir, &st, &is_dir);
	close(root);
	if (is_dir) {
		*status = MHD_HTTP_MOVED_PERMANENTLY;
		return S_to_folder(url);
	}
	if (fd < 0)
		return S_page(*status, "404 Not Found", NULL);
	*status = MHD_HTTP_OK;
	if ((r = MHD_create_response_from_fd64((uint64_t)st.st_size, fd)) ==
	    NULL) {
		close(fd);
		return NULL;
	}
	S_headers(r, serve_content_type(want_dir ? "index.html" : path));
	return r;
}

/* Answers a request for url, a file of the site, saying in Server-Timing
 * which generation it comes from (read before the file is opened: a
 * newer file labelled older costs a page one more reload, never a missed
 * one).  Holds s->publish for reading while it resolves and opens. */
static enum MHD_Result
S_file(struct serve_http *s, struct MHD_Connection *c, const char *url)
{
	struct MHD_Response *r;
	char timing[48];
	unsigned long gen;
	unsigned status;
	int failed;

	if (s->publish != NULL)
		pthread_rwlock_rdlock(s->publish);
	gen = S_generation(&s->hub, &failed);
	r = S_site_response(s, url, gen, failed, &status);
	if (s->publish != NULL)
		pthread_rwlock_unlock(s->publish);
	if (r == NULL)
		return MHD_NO;
	snprintf(timing, sizeof(timing), "skillsite;desc=\"%lu\"", gen);
	MHD_add_response_header(r, "Server-Timing", timing);
	return S_queue(c, status, r);
}

/* Returns an event (malloc'd): name, with data, and the generation gen
 * as its id, which the browser sends back as Last-Event-ID when its
 * stream reconnects. */
static char *
S_event(const char *name, unsigned long gen, const char *data)
{
	return xasprintf("id: %lu\nevent: %s\ndata: %s\n\n", gen, name, data);
}

/* Returns the first event of st (malloc'd; h locked): "reload" when its
 * page shows another generation than the current one, else "hello" with
 * the generation, then the errors when the last build failed. */
static char *
S_first_event(struct stream *st, const struct hub *h)
{
	char num[24], *hello, *event;
	int stale = st->known && st->generation != h->generation;

	st->started = 1;
	st->generation = h->generation;
	st->failures = h->failures;
	st->refreshes = h->refreshes;
	snprintf(num, sizeof(num), "%lu", h->generation);
	hello = S_event(stale ? "reload" : "hello", h->generation, num);
	if (stale || h->errors == NULL)
		event = xasprintf("retry: 1000\n%s", hello);
	else
		event = xasprintf("retry: 1000\n%sevent: errors\ndata: %s\n\n",
		    hello, h->errors);
	free(hello);
	return event;
}

/* Returns whether h has news for st: a site published, a build failed or
 * a refresh since st last told. */
static int
S_news(const struct stream *st, const struct hub *h)
{
	return h->generation != st->generation ||
	    h->failures != st->failures || h->refreshes != st->refreshes;
}

/* Returns the next event of st (malloc'd; h locked, S_news() true):
 * "reload" for a site published (which outdates the rest), else "errors"
 * for a failed build, else "refresh". */
static char *
S_later_event(struct stream *st, const struct hub *h)
{
	char num[24];

	snprintf(num, sizeof(num), "%lu", h->generation);
	if (h->generation != st->generation) {
		st->generation = h->generation;
		st->failures = h->failures;
		st->refreshes = h->refreshes;
		return S_event("reload", h->generation, num);
	}
	if (h->failures != st->failures) {
		st->failures = h->failures;
		if (h->errors != NULL)
			return S_event("errors", h->generation, h->errors);
	}
	if (h->refreshes == st->refreshes)
		return xstrdup(": ping\n\n");
	st->refreshes = h->refreshes;
	return S_event("refresh", h->generation, num);
}

/* Sets st's event to the next thing to tell, waiting for news when there
 * is none yet (a comment after STREAM_PING_SECONDS).  Returns -1 when
 * the server is stopping. */
static int
S_next_event(struct stream *st)
{
	struct hub *h = &st->s->hub;
	struct timespec until;
	int rc = 0;

	free(st->event);
	st->event = NULL;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += STREAM_PING_SECONDS;
	pthread_mutex_lock(&h->lock);
	if (!st->started)
		st->event = S_first_event(st, h);
	else {
		while (!h->stopping && !S_news(st, h) &&
		    pthread_cond_timedwait(&h->changed, &h->lock, &until) !=
		    ETIMEDOUT)
			;
		if (h->stopping)
			rc = -1;
		else
			st->event = S_news(st, h) ? S_later_event(st, h) :
			    xstrdup(": ping\n\n");
	}
	pthread_mutex_unlock(&h->lock);
	if (st->event != NULL) {
		st->off = 0;
		st->len = strlen(st->event);
	}
	return rc;
}

/* The event stream's reader: the next bytes of the current event. */
static ssize_t
S_stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *st = cls;
	size_t n;

	(void)pos;
	if ((st->event == NULL || st->off == st->len) && S_next_event(st) < 0)
		return MHD_CONTENT_READER_END_OF_STREAM;
	n = st->len - st->off < max ? st->len - st->off : max;
	memcpy(buf, st->event + st->off, n);
	st->off += n;
	return (ssize_t)n;
}

/* Frees an event stream. */
static void
S_stream_free(void *cls)
{
	struct stream *st = cls;

	free(st->event);
	free(st);
}

/* Sets *v from s, a decimal number of at most 18 digits; returns 0, or -1
 * when s is not one. */
static int
S_decimal(const char *s, unsigned long *v)
{
	size_t n = s != NULL ? strspn(s, "0123456789") : 0;

	if (n == 0 || n > 18 || s[n] != '\0')
		return -1;
	*v = strtoul(s, NULL, 10);
	return 0;
}

/* Answers with the event stream, for a page of the generation its
 * Last-Event-ID header (a reconnection) or else its since argument
 * gives, if any. */
static enum MHD_Result
S_events(struct serve_http *s, struct MHD_Connection *c)
{
	struct stream *st = xcalloc(1, sizeof(*st));
	struct MHD_Response *r;

	st->s = s;
	st->known = S_decimal(MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Last-Event-ID"), &st->generation) == 0 ||
	    S_decimal(MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND,
	    "since"), &st->generation) == 0;
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096,
	    S_stream_read, st, S_stream_free);
	if (r == NULL) {
		S_stream_free(st);
		return MHD_NO;
	}
	S_headers(r, "text/event-stream; charset=utf-8");
	return S_queue(c, MHD_HTTP_OK, r);
}

/* Answers with the reload script. */
static enum MHD_Result
S_script(struct MHD_Connection *c)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
	    skillsite_reload_js_len, (void *)skillsite_reload_js,
	    MHD_RESPMEM_PERSISTENT);

	if (r != NULL)
		S_headers(r, "application/javascript; charset=utf-8");
	return S_queue(c, MHD_HTTP_OK, r);
}

/* Returns whether a request from c's address may be answered now: a
 * bucket of 2 * SERVE_RATE requests per address, refilled at SERVE_RATE
 * a second. */
static int
S_rate_allows(struct serve_http *s, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	unsigned char addr[16] = { 0 };
	struct rate_slot *slot = NULL, *oldest = &s->rate[0];
	double now = cmd_now();
	size_t i;
	int ok;

	if (ci != NULL && ci->client_addr != NULL) {
		const struct sockaddr *sa = ci->client_addr;

		if (sa->sa_family == AF_INET)
			memcpy(addr, &((const struct sockaddr_in *)(const void *)
			    sa)->sin_addr, 4);
		else if (sa->sa_family == AF_INET6)
			memcpy(addr, &((const struct sockaddr_in6 *)(const void *)
			    sa)->sin6_addr, 16);
	}
	pthread_mutex_lock(&s->rate_lock);
	for (i = 0; i < RATE_SLOTS && slot == NULL; i++) {
		struct rate_slot *r = &s->rate[i];

		if (r->used && memcmp(r->addr, addr, 16) == 0)
			slot = r;
		else if (oldest->used && (!r->used || r->last < oldest->last))
			oldest = r;	/* a free slot, or the least recent */
	}
	if (slot == NULL) {
		slot = oldest;
		memcpy(slot->addr, addr, 16);
		slot->tokens = 2.0 * SERVE_RATE;
		slot->last = now;
		slot->used = 1;
	}
	slot->tokens += (now - slot->last) * SERVE_RATE;
	if (slot->tokens > 2.0 * SERVE_RATE)
		slot->tokens = 2.0 * SERVE_RATE;
	slot->last = now;
	if ((ok = slot->tokens >= 1.0))
		slot->tokens -= 1.0;
	pthread_mutex_unlock(&s->rate_lock);
	return ok;
}

/* Returns whether the request on c says it carries a body: none of the
 * site's requests does. */
static int
S_has_body(struct MHD_Connection *c)
{
	const char *n = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);

	return MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_TRANSFER_ENCODING) != NULL ||
	    (n != NULL && strcmp(n, "0") != 0);
}

/* The Host headers of a request: how many, and the first one's value. */
struct hosts {
	unsigned	 n;
	const char	*first;
};

/* Counts the Host headers of a request (libmicrohttpd's iterator over
 * its headers; cls: a struct hosts).  Returns MHD_YES: go on. */
static enum MHD_Result
S_count_host(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct hosts *h = cls;

	(void)kind;
	if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0 && h->n++ == 0)
		h->first = value;
	return MHD_YES;
}

/* Returns whether name, the host of a Host header (v6: it stood in
 * brackets, here removed), is localhost, ::1 or the address s is bound
 * to, compared as addresses, names without regard to case. */
static int
S_host_name_ok(const struct serve_http *s, const char *name, int v6)
{
	const struct sockaddr_in *in4 = (const void *)&s->bound;
	const struct sockaddr_in6 *in6 = (const void *)&s->bound;
	unsigned char a[16];

	if (v6)
		return inet_pton(AF_INET6, name, a) == 1 &&
		    (memcmp(a, &in6addr_loopback, 16) == 0 ||
		    (s->bound.ss_family == AF_INET6 &&
		    memcmp(a, &in6->sin6_addr, 16) == 0));
	if (strcasecmp(name, "localhost") == 0)
		return 1;
	return s->bound.ss_family == AF_INET &&
	    inet_pton(AF_INET, name, a) == 1 &&
	    memcmp(a, &in4->sin_addr, 4) == 0;
}

/* Returns the port that the server of c listens on (libmicrohttpd knows
 * it before any request: s->port is set later). */
static unsigned
S_port_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_DAEMON);
	const union MHD_DaemonInfo *di = ci == NULL ? NULL :
	    MHD_get_daemon_info(ci->daemon, MHD_DAEMON_INFO_BIND_PORT);

	return di != NULL ? di->port : 0;
}

/* Returns whether host, the value of a Host header, names s: a name
 * S_host_name_ok() takes, then its port (listening on port) or nothing. */
static int
S_host_ok(const struct serve_http *s, const char *host, unsigned port_no)
{
	char name[64];
	const char *end, *port;
	unsigned long n;
	int v6 = *host == '[';

	if (v6) {
		if ((end = strchr(++host, ']')) == NULL)
			return 0;
		port = end + 1;
	} else
		port = end = host + strcspn(host, ":");
	if ((size_t)(end - host) >= sizeof(name))
		return 0;
	memcpy(name, host, (size_t)(end - host));
	name[end - host] = '\0';
	if (*port != '\0' && (*port != ':' || S_decimal(port + 1, &n) < 0 ||
	    n != port_no))
		return 0;
	return S_host_name_ok(s, name, v6);
}

/* Returns whether the request on c may be answered, by its Host header:
 * always when s listens off loopback (its user chose to expose it); on
 * loopback only with one Host that S_host_ok() takes, so that a page of
 * another site whose name resolves to this machine (DNS rebinding)
 * cannot read the preview. */
static int
S_host_allows(const struct serve_http *s, struct MHD_Connection *c)
{
	struct hosts h = { 0, NULL };

	if (!s->loopback)
		return 1;
	MHD_get_connection_values(c, MHD_HEADER_KIND, S_count_host, &h);
	return h.n == 1 && h.first != NULL &&
	    S_host_ok(s, h.first, S_port_of(c));
}

/* Answers 403 to a request for another host: a short text saying why,
 * and which address to open instead. */
static enum MHD_Result
S_forbidden(const struct serve_http *s, struct MHD_Connection *c)
{
	int v6 = s->bound.ss_family == AF_INET6;
	char *text = xasprintf("403 Forbidden\n\nThis preview answers only "
	    "requests addressed to localhost or to its own address (the Host "
	    "header), so that no other web site can read it.  Open "
	    "http://%s%s%s:%u/\n", v6 ? "[" : "", s->addr, v6 ? "]" : "",
	    S_port_of(c));

	return S_queue(c, MHD_HTTP_FORBIDDEN,
	    S_text(text, "text/plain; charset=utf-8"));
}

/* libmicrohttpd's handler of every request, answered on its first call,
 * once the headers are in: a body is never asked for ("100 Continue") nor
 * read, and libmicrohttpd closes a connection whose body it skipped.  The
 * event stream is not rate limited: a 429 would end a page's EventSource
 * for good, and the connection limits bound the streams. */
static enum MHD_Result
S_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **req_cls)
{
	struct serve_http *s = cls;
	int events = strcmp(url, SERVE_EVENTS_URL) == 0;

	(void)upload_data;
	(void)upload_data_size;
	(void)req_cls;
	if (strcmp(version, MHD_HTTP_VERSION_1_1) != 0 &&
	    strcmp(version, MHD_HTTP_VERSION_1_0) != 0)
		return S_reply(c, MHD_HTTP_HTTP_VERSION_NOT_SUPPORTED,
		    "505 HTTP Version Not Supported", NULL);
	if (!S_host_allows(s, c))
		return S_forbidden(s, c);
	if (S_has_body(c))
		return S_reply(c, MHD_HTTP_BAD_REQUEST, "400 Bad Request",
		    "The request has a body: the preview takes none.");
	if (!events && !S_rate_allows(s, c))
		return S_reply(c, MHD_HTTP_TOO_MANY_REQUESTS,
		    "429 Too Many Requests", NULL);
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return S_reply(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "405 Method Not Allowed", "GET and HEAD only.");
	if (events)
		return S_events(s, c);
	if (strcmp(url, SERVE_SCRIPT_URL) == 0)
		return S_script(c);
	return S_file(s, c, url);
}

/* libmicrohttpd's unescaper, replaced by one that leaves the path as
 * sent: serve_url_path() decodes it, after checking what the encoding
 * hides. */
static size_t
S_keep_escapes(void *cls, struct MHD_Connection *c, char *uri)
{
	(void)cls;
	(void)c;
	return strlen(uri);
}

/* libmicrohttpd's messages: dropped (a bad request is the client's). */
static void
S_quiet(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	(void)fmt;
	(void)ap;
}

/* Fills *ss with addr and port; returns its length, or 0 when addr is
 * not a numeric address. */
static socklen_t
S_address(const char *addr, unsigned port, struct sockaddr_storage *ss)
{
	struct sockaddr_in *in4 = (struct sockaddr_in *)(void *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)(void *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		return sizeof(*in4);
	}
	if (inet_pton(AF_INET6, addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		return sizeof(*in6);
	}
	return 0;
}

/* Returns whether ss holds a loopback address: 127.0.0.0/8, ::1 or
 * ::ffff:127.0.0.0/104. */
static int
S_is_loopback(const struct sockaddr_storage *ss)
{
	const struct sockaddr_in *in4 = (const void *)ss;
	const struct sockaddr_in6 *in6 = (const void *)ss;

	if (ss->ss_family == AF_INET)
		return ((const unsigned char *)&in4->sin_addr)[0] == 127;
	return ss->ss_family == AF_INET6 &&
	    (IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr) ||
	    (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr) &&
	    in6->sin6_addr.s6_addr[12] == 127));
}

int
serve_http_address_ok(const char *addr)
{
	struct sockaddr_storage ss;

	return S_address(addr, 0, &ss) != 0;
}

int
serve_http_loopback(const char *addr)
{
	struct sockaddr_storage ss;

	return S_address(addr, 0, &ss) != 0 && S_is_loopback(&ss);
}

/* Returns a server for site, publish and the address addr, parsed in ss
 * (malloc'd; serve_http_stop() frees it), not yet started. */
static struct serve_http *
S_new(const char *addr, const char *site, pthread_rwlock_t *publish,
    const struct sockaddr_storage *ss)
{
	struct serve_http *s = xcalloc(1, sizeof(*s));

	s->addr = xstrdup(addr);
	s->site = xstrdup(site);
	s->publish = publish;
	s->bound = *ss;
	s->loopback = S_is_loopback(ss);
	pthread_mutex_init(&s->hub.lock, NULL);
	pthread_cond_init(&s->hub.changed, NULL);
	pthread_mutex_init(&s->rate_lock, NULL);
	return s;
}

struct serve_http *
serve_http_start(const char *addr, unsigned port, const char *site,
    pthread_rwlock_t *lock, FILE *err)
{
	struct serve_http *s;
	struct sockaddr_storage ss;
	const union MHD_DaemonInfo *di;
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;

	if (S_address(addr, port, &ss) == 0) {
		diag_plain(err, "-b %s: not a numeric IPv4 or IPv6 address",
		    addr);
		return NULL;
	}
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	s = S_new(addr, site, lock, &ss);
	s->daemon = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL,
	    S_request, s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_CONNECTIONS,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT,
	    (unsigned)SERVE_CONNECTIONS_PER_IP,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_HEADER_BYTES,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_SECONDS,
	    MHD_OPTION_UNESCAPE_CALLBACK, S_keep_escapes, NULL,
	    MHD_OPTION_STRICT_FOR_CLIENT, 1,
	    MHD_OPTION_EXTERNAL_LOGGER, S_quiet, NULL,
	    MHD_OPTION_END);
	if (s->daemon == NULL) {
		diag_plain(err, "cannot listen on %s port %u: %s", addr, port,
		    errno != 0 ? strerror(errno) : "refused");
		serve_http_stop(s);
		return NULL;
	}
	di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di != NULL ? di->port : port;
	return s;
}

unsigned
serve_http_port(const struct serve_http *s)
{
	return s->port;
}

/* What open pages are told. */
enum tell { TELL_PUBLISHED, TELL_FAILED, TELL_REFRESHED };

/* Records what for open pages and wakes their streams: a site published
 * (a generation; the errors cleared), a build failed (errors, its JSON,
 * which the hub takes), or a refresh. */
static void
S_tell(struct serve_http *s, enum tell what, char *errors)
{
	struct hub *h = &s->hub;

	pthread_mutex_lock(&h->lock);
	if (what != TELL_REFRESHED) {
		free(h->errors);
		h->errors = errors;
	}
	if (what == TELL_PUBLISHED)
		h->generation++;
	else if (what == TELL_FAILED)
		h->failures++;
	else
		h->refreshes++;
	pthread_cond_broadcast(&h->changed);
	pthread_mutex_unlock(&h->lock);
}

void
serve_http_published(struct serve_http *s)
{
	S_tell(s, TELL_PUBLISHED, NULL);
}

void
serve_http_refreshed(struct serve_http *s)
{
	S_tell(s, TELL_REFRESHED, NULL);
}

void
serve_http_failed(struct serve_http *s, const char *diagnostics)
{
	struct strbuf b = { NULL, 0, 0 };
	const char *line = diagnostics, *end;
	int first = 1;

	strbuf_add(&b, "{\"errors\":[", 11);
	for (; *line != '\0'; line = *end != '\0' ? end + 1 : end) {
		end = line + strcspn(line, "\n");
		if (end == line)
			continue;
		if (!first)
			strbuf_add(&b, ",", 1);
		jsontext_string(&b, line, (size_t)(end - line));
		first = 0;
	}
	strbuf_add(&b, "]}", 2);
	S_tell(s, TELL_FAILED, b.s);
}

void
serve_http_stop(struct serve_http *s)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&s->hub.lock);
	s->hub.stopping = 1;
	pthread_cond_broadcast(&s->hub.changed);
	pthread_mutex_unlock(&s->hub.lock);
	if (s->daemon != NULL)
		MHD_stop_daemon(s->daemon);
	pthread_cond_destroy(&s->hub.changed);
	pthread_mutex_destroy(&s->hub.lock);
	pthread_mutex_destroy(&s->rate_lock);
	free(s->hub.errors);
	free(s->addr);
	free(s->site);
	free(s);
}
