/* serve_http.h: the live preview's HTTP server (GNU libmicrohttpd).
 *
 * Serves the files of one folder, the published site, and nothing else:
 * GET and HEAD only; paths checked by serve_url_path() and opened one
 * segment at a time without following a link; no listing (a folder
 * serves its index.html or 404); every response carries the site's
 * Content-Security-Policy (with the event stream allowed), nosniff,
 * no-referrer and no-store.  Two URLs exist only here: the reload script
 * (SERVE_SCRIPT_URL) and the event stream (SERVE_EVENTS_URL).
 *
 * Generations: the server counts the sites published (0 before the
 * first: until then every path of the site answers 503).  Each response of the site's folder (files, and the 404, 301
 * and 503 that stand for them) says which generation it came from in
 * "Server-Timing: skillsite;desc=\"N\"".  The event stream sends, each
 * with "id: N" (the current generation): "hello" when it opens (data: N),
 * "reload" after each site published, "errors" (the diagnostics, as
 * JSON) after each build that failed and when it opens while the last
 * build has failed, and "refresh" when the search index or downloads
 * changed but no page did.  A stream opened with "?since=N" or
 * "Last-Event-ID: N" (the latter wins) for another generation than the
 * current one gets "reload" at once: a page never misses a site
 * published between its load and its stream's start.
 *
 * Requests: when the server listens on a loopback address, only a Host
 * of localhost, the bound address or [::1] (with the server's port or
 * none) is answered, anything else gets 403 (DNS rebinding); off
 * loopback any Host is.  Limits: SERVE_CONNECTIONS connections
 * (SERVE_CONNECTIONS_PER_IP from one address), request headers of
 * SERVE_HEADER_BYTES, SERVE_RATE requests a second from one address
 * (bursts of twice that; the event stream, which the connection limits
 * bound, is not counted, so that a page is never locked out of its
 * reloads), idle connections closed after SERVE_IDLE_SECONDS.
 */
#ifndef SKILLSITE_SERVE_HTTP_H
#define SKILLSITE_SERVE_HTTP_H

#include <pthread.h>
#include <stdio.h>

#define SERVE_CONNECTIONS		300
#define SERVE_CONNECTIONS_PER_IP	250
#define SERVE_HEADER_BYTES		(32 * 1024)
#define SERVE_RATE			2000
#define SERVE_IDLE_SECONDS		30

struct serve_http;

/* Starts serving the folder site (its path is kept: the folder may be
 * replaced) on addr (a numeric IPv4 or IPv6 address) and port (0: any
 * free one).  When lock is not NULL, each request holds it for reading
 * while it resolves its path and opens its file (not while the body is
 * sent): a publisher that holds it for writing while it renames files
 * into the site makes its changes atomic for every request; calling
 * serve_http_published() before it lets go labels those files with
 * their generation exactly (after, a request may get the new files
 * labelled older: one reload more, never one less).  The caller keeps
 * lock (initialised) until serve_http_stop().  Returns the server, or
 * NULL after reporting to err. */
struct serve_http *serve_http_start(const char *addr, unsigned port,
		    const char *site, pthread_rwlock_t *lock, FILE *err);

/* Returns whether addr is a numeric IPv4 or IPv6 address. */
int		serve_http_address_ok(const char *addr);

/* Returns whether addr (numeric) is a loopback address: 127.0.0.0/8, ::1
 * or ::ffff:127.x.x.x. */
int		serve_http_loopback(const char *addr);

/* Returns the port the server listens on. */
unsigned	serve_http_port(const struct serve_http *s);

/* Tells open pages that a new site is published: counts a generation,
 * clears the last failure's diagnostics; the pages reload. */
void		serve_http_published(struct serve_http *s);

/* Tells open pages that the search index and downloads were updated
 * after the pages were (no page changed; no new generation): a page
 * that fetched a file under search/ or downloads/ reloads, others do
 * not. */
void		serve_http_refreshed(struct serve_http *s);

/* Tells open pages that a build failed, with its diagnostics (lines of
 * text, as printed): they show them until the next build published. */
void		serve_http_failed(struct serve_http *s, const char *diagnostics);

/* Ends every event stream, stops the server and frees it (NULL: none). */
void		serve_http_stop(struct serve_http *s);

#endif
