/* serve_http.h: the live preview's HTTP server (GNU libmicrohttpd).
 *
 * Serves the files of one folder, the published site, and nothing else:
 * GET and HEAD only; paths checked by serve_url_path() and opened one
 * segment at a time without following a link; no listing (a folder
 * serves its index.html or 404); every response carries the site's
 * Content-Security-Policy (with the event stream allowed), nosniff,
 * no-referrer and no-store.  Two URLs exist only here: the reload script
 * (SERVE_SCRIPT_URL) and the event stream (SERVE_EVENTS_URL), which
 * sends "reload" after each build published and "errors" (the
 * diagnostics, as JSON) after each build that failed, and to a page that
 * connects while the last build has failed.  Limits: SERVE_CONNECTIONS
 * connections (SERVE_CONNECTIONS_PER_IP from one address), request
 * headers of SERVE_HEADER_BYTES, SERVE_RATE requests a second from one
 * address (bursts of twice that), idle connections closed after
 * SERVE_IDLE_SECONDS.
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
 * free one).  Returns the server, or NULL after reporting to err. */
struct serve_http *serve_http_start(const char *addr, unsigned port,
		    const char *site, pthread_rwlock_t *lock, FILE *err);

/* Returns whether addr is a numeric IPv4 or IPv6 address. */
int		serve_http_address_ok(const char *addr);

/* Returns the port the server listens on. */
unsigned	serve_http_port(const struct serve_http *s);

/* Tells open pages that a new site is published: they reload. */
void		serve_http_published(struct serve_http *s);

/* Tells open pages that the search index and downloads changed. */
void		serve_http_refreshed(struct serve_http *s);

/* Tells open pages that a build failed, with its diagnostics (lines of
 * text, as printed): they show them until the next build published. */
void		serve_http_failed(struct serve_http *s, const char *diagnostics);

/* Ends every event stream, stops the server and frees it (NULL: none). */
void		serve_http_stop(struct serve_http *s);

#endif
