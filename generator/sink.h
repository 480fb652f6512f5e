/* sink.h: where the files of the site go, each as soon as it is made.
 *
 * The renderer (site.h), the search index (search_index.h), the
 * downloads and the assets hand every file to a sink with its kind, so
 * that whoever publishes knows what a file is without reading its path.
 */
#ifndef SKILLSITE_SINK_H
#define SKILLSITE_SINK_H

#include <stddef.h>

#include "diag.h"

/* What a file of the site is. */
enum sink_kind {
	SINK_PAGE,		/* an HTML page, but a handbook */
	SINK_HANDBOOK,		/* a handbook page (handbooks/S.html) */
	SINK_ASSET,		/* a templates folder's file, as it is */
	SINK_DOWNLOAD,		/* the framework as data (downloads/) */
	SINK_SEARCH		/* a file of the search index (search/) */
};

/* put() gets the kind of file, its site path
 * ("customer-service/hardware.html") and the bytes, which stay the
 * caller's (copy them to keep them), and reports to d; it returns 0, or
 * -1 to stop the rendering.  Threads call it at the same time.  pages
 * counts the HTML pages put (handbooks among them).
 *
 * open(), write() and close() take a file in parts instead (the
 * downloads, too big to hold whole), to the same effect: open() returns
 * the file being given, or NULL after reporting to d (stop); write()
 * gives it the len bytes at data (the caller's) and returns 0, or -1
 * after reporting (stop); close() ends it when keep is set (returning 0,
 * or -1 after reporting: stop), or else drops it, given in part, and
 * returns -1.  A file opened is always closed.  A sink without open()
 * (NULL: a test's, the fuzzer's) gets those files whole, through put(). */
struct site_sink {
	int	(*put)(void *ctx, enum sink_kind kind, const char *path,
		    const char *data, size_t len, struct diag *d);
	void	*ctx;
	size_t	 pages;
	void	*(*open)(void *ctx, enum sink_kind kind, const char *path,
		    struct diag *d);
	int	(*write)(void *file, const char *data, size_t len);
	int	(*close)(void *file, int keep);
};

#endif
