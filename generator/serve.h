/* serve.h: "skillsite serve", the live preview for editors.
 *
 * The command builds the site into a private folder, serves it over HTTP
 * (GNU libmicrohttpd), watches the content and the templates, rebuilds
 * after each save (incrementally, as "build" does), publishes the new site
 * atomically and only then tells open pages to reload, over Server-Sent
 * Events.  A build that fails leaves the last good site served and shows
 * its diagnostics over every open page.  Pieces:
 *
 *	serve_url.c	what a request's path may name (pure, tested alone)
 *	serve_http.c	the HTTP server: files, headers, limits, events
 *	serve_watch.c	inotify, or polling, over the inputs
 *	cmd_serve.c	the command: arguments, builds, signals, clean-up
 */
#ifndef SKILLSITE_SERVE_H
#define SKILLSITE_SERVE_H

#include <stddef.h>

/* The URL prefix of what exists only in serve mode: the reload script and
 * the event stream.  No file of a site can be there: content IDs and the
 * generator's own names never begin with an underscore. */
#define SERVE_PREFIX		"/__skillsite/"
#define SERVE_SCRIPT_URL	SERVE_PREFIX "reload.js"
#define SERVE_EVENTS_URL	SERVE_PREFIX "events"

/* The policy of every served response: the site's own (TEMPLATE_CSP), and
 * the event stream, which the reload script reads from the same origin. */
#define SERVE_CSP_EXTRA		"; connect-src 'self'"

/* Turns the path of a request, as sent (percent-encoded, without the
 * query), into the path of a file of the site relative to its folder, in
 * out (size bytes): decoded, without its leading '/', "" for the root.
 * Sets *dir when it ends with '/' (a folder: its index.html is meant).
 * Refuses (returns -1) whatever could reach outside the site or name a
 * file the site does not publish: a path not beginning with '/', a bad or
 * encoded separator (%2F, %5C), NUL (raw or %00), controls, backslashes,
 * bytes that are not UTF-8 (overlong forms included), empty, "." and ".."
 * segments and hidden names (beginning with '.'), and what does not fit.
 * Returns 0 when out holds the path. */
int	serve_url_path(const char *raw, char *out, size_t size, int *dir);

/* Returns the Content-Type of a file named name, by its extension (the
 * text types with charset=utf-8); application/octet-stream when the
 * extension is unknown. */
const char *serve_content_type(const char *name);

#endif
