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

/* What open pages are told: a count of the builds done and the last
 * one's diagnostics (JSON, NULL when it published). */
struct hub {
	pthread_mutex_t	 lock;
	pthread_cond_t	 changed;
	unsigned long	 builds;
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
	pthread_rwlock_t	*lock;		/* held to open a file */
	unsigned		 port;
	struct hub		 hub;
	pthread_mutex_t		 rate_lock;
	struct rate_slot	 rate[RATE_SLOTS];
};

/* An event stream being sent: what it last told and what is left of the
 * event being written. */
struct stream {
	struct serve_http	*s;
	unsigned long		 builds;
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

/* Answers with status and a short page saying what (the status line, as
 * web servers word it), with the reload script: a page missing now
 * reloads when a build makes it. */
static enum MHD_Result
S_reply(struct MHD_Connection *c, unsigned status, const char *what)
{
	static const char head[] = "<!DOCTYPE html>\n<html lang=\"en\"><head>"
	    "<meta charset=\"utf-8\"/><title>skillsite serve</title>"
	    "<script src=\"" SERVE_SCRIPT_URL "\" defer=\"defer\"></script>"
	    "</head><body><p>";
	static const char tail[] = "</p></body></html>\n";
	struct MHD_Response *r;
	char *page = xasprintf("%s%s%s", head, what, tail);

	r = MHD_create_response_from_buffer(strlen(page), page,
	    MHD_RESPMEM_MUST_FREE);
	if (r == NULL)
		free(page);
	else {
		S_headers(r, "text/html; charset=utf-8");
		if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
			MHD_add_response_header(r, "Allow", "GET, HEAD");
		if (status == MHD_HTTP_TOO_MANY_REQUESTS)
			MHD_add_response_header(r, "Retry-After", "1");
	}
	return S_queue(c, status, r);
}

/* Answers with a redirect to the folder url names (url + "/"). */
static enum MHD_Result
S_to_folder(struct MHD_Connection *c, const char *url)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL,
	    MHD_RESPMEM_PERSISTENT);
	char *where = xasprintf("%s/", url);

	if (r != NULL) {
		S_headers(r, NULL);
		MHD_add_response_header(r, "Location", where);
	}
	free(where);
	return S_queue(c, MHD_HTTP_MOVED_PERMANENTLY, r);
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

/* Answers a request for url, a file of the site. */
static enum MHD_Result
S_file(struct serve_http *s, struct MHD_Connection *c, const char *url)
{
	char path[4096];
	struct MHD_Response *r;
	struct stat st;
	int want_dir, is_dir, root, fd;

	if (serve_url_path(url, path, sizeof(path), &want_dir) < 0)
		return S_reply(c, MHD_HTTP_NOT_FOUND,
		    "404 Not Found");
	if (s->lock != NULL)
		pthread_rwlock_rdlock(s->lock);
	if ((root = open(s->site, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fd = S_open_under(root, path, want_dir, &st, &is_dir);
		close(root);
	}
	if (s->lock != NULL)
		pthread_rwlock_unlock(s->lock);
	if (root < 0)
		return S_reply(c, MHD_HTTP_SERVICE_UNAVAILABLE,
		    "503 Service Unavailable: the first build has not ended");
	if (is_dir)
		return S_to_folder(c, url);
	if (fd < 0)
		return S_reply(c, MHD_HTTP_NOT_FOUND,
		    "404 Not Found");
	r = MHD_create_response_from_fd64((uint64_t)st.st_size, fd);
	if (r == NULL) {
		close(fd);
		return MHD_NO;
	}
	S_headers(r, serve_content_type(want_dir ? "index.html" : path));
	return S_queue(c, MHD_HTTP_OK, r);
}

/* Sets st's event to the next thing to tell, waiting for a build when
 * there is nothing yet (a comment after STREAM_PING_SECONDS).  Returns
 * -1 when the server is stopping. */
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
	if (!st->started) {
		st->started = 1;
		st->builds = h->builds;
		st->event = h->errors == NULL ? xstrdup("retry: 1000\n\n") :
		    xasprintf("retry: 1000\n\nevent: errors\ndata: %s\n\n",
		    h->errors);
	} else {
		while (!h->stopping && h->builds == st->builds &&
		    pthread_cond_timedwait(&h->changed, &h->lock, &until) !=
		    ETIMEDOUT)
			;
		if (h->stopping)
			rc = -1;
		else if (h->builds == st->builds)
			st->event = xstrdup(": ping\n\n");
		else {
			st->builds = h->builds;
			st->event = h->errors != NULL ?
			    xasprintf("event: errors\ndata: %s\n\n", h->errors) :
			    xasprintf("event: reload\ndata: %lu\n\n", h->builds);
		}
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

/* Answers with the event stream. */
static enum MHD_Result
S_events(struct serve_http *s, struct MHD_Connection *c)
{
	struct stream *st = xcalloc(1, sizeof(*st));
	struct MHD_Response *r;

	st->s = s;
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

/* libmicrohttpd's handler of every request, answered on its first call,
 * once the headers are in: a body is never asked for ("100 Continue") nor
 * read, and libmicrohttpd closes a connection whose body it skipped. */
static enum MHD_Result
S_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **req_cls)
{
	struct serve_http *s = cls;

	(void)upload_data;
	(void)upload_data_size;
	(void)req_cls;
	if (strcmp(version, MHD_HTTP_VERSION_1_1) != 0 &&
	    strcmp(version, MHD_HTTP_VERSION_1_0) != 0)
		return S_reply(c, MHD_HTTP_HTTP_VERSION_NOT_SUPPORTED,
		    "505 HTTP Version Not Supported");
	if (S_has_body(c))
		return S_reply(c, MHD_HTTP_BAD_REQUEST,
		    "400 Bad Request: a request with a body");
	if (!S_rate_allows(s, c))
		return S_reply(c, MHD_HTTP_TOO_MANY_REQUESTS,
		    "429 Too Many Requests");
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return S_reply(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "405 Method Not Allowed: GET and HEAD only");
	if (strcmp(url, SERVE_EVENTS_URL) == 0)
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

int
serve_http_address_ok(const char *addr)
{
	struct sockaddr_storage ss;

	return S_address(addr, 0, &ss) != 0;
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
	s = xcalloc(1, sizeof(*s));
	s->site = xstrdup(site);
	s->lock = lock;
	pthread_mutex_init(&s->hub.lock, NULL);
	pthread_cond_init(&s->hub.changed, NULL);
	pthread_mutex_init(&s->rate_lock, NULL);
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

/* Sets what open pages are told next (errors: JSON, or NULL) and wakes
 * their streams. */
static void
S_tell(struct serve_http *s, char *errors)
{
	pthread_mutex_lock(&s->hub.lock);
	free(s->hub.errors);
	s->hub.errors = errors;
	s->hub.builds++;
	pthread_cond_broadcast(&s->hub.changed);
	pthread_mutex_unlock(&s->hub.lock);
}

void
serve_http_published(struct serve_http *s)
{
	S_tell(s, NULL);
}

void
serve_http_refreshed(struct serve_http *s)
{
	(void)s;
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
	S_tell(s, b.s);
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
	free(s->site);
	free(s);
}
