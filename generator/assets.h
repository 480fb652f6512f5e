/* assets.h: the files of the templates folder that the site publishes
 * as they are: stylesheets, scripts, images, fonts.
 *
 * Each file at the top of the templates folder is a template (*.xhtml,
 * and labels.xml, the words of the pages), its documentation (README.md),
 * hidden (a name that starts with '.': never read), or an asset,
 * published at assets/NAME.  An asset
 *  - has a name of at most ASSET_NAME_MAX ASCII letters, digits, '.',
 *    '-' and '_' (safe in a URL and on every file system), not starting
 *    with '.', ending in one of the extensions of asset_media_type()
 *    (lower case): so no page (.html, .xhtml, .xml), compressed image
 *    (.svgz) or unknown file is published;
 *  - is a regular file (no FIFO, device, socket or folder), read with
 *    load_read_confined(): one reached through a symbolic link must
 *    resolve inside the folder;
 *  - if text (.css, .js, .svg, .txt), is at most TEMPLATE_FILE_MAX bytes
 *    and passes template_check_asset(): nothing compressed, CSS that
 *    loads nothing off the site, SVG held to the templates' policy;
 *  - if binary (images, fonts), is at most ASSET_FILE_MAX bytes and
 *    begins with its format's signature, so that a gzip stream, or a
 *    page, named logo.png is refused; the compression a format holds
 *    inside (PNG's deflate, WOFF2's Brotli) is part of it, never inflated
 *    by a server or a browser as a Content-Encoding would be.
 * A folder holds at most ASSETS_FOLDER_MAX files (hidden ones aside); a
 * folder in it, but a hidden one, is refused.  Assets are read and put in
 * bytewise name order, one at a time, so directory order never matters
 * and memory holds one asset.
 */
#ifndef SKILLSITE_ASSETS_H
#define SKILLSITE_ASSETS_H

#include <stddef.h>

#include "diag.h"
#include "sink.h"

/* Bytes of a binary asset: a full Japanese font, one weight, runs to
 * several MiB (up to about 16 MB as OpenType), a photograph to a few. */
#define ASSET_FILE_MAX		(16 * 1024 * 1024)
#define ASSETS_DIR		"assets"	/* in the site */
#define ASSET_NAME_MAX		128
#define ASSETS_FOLDER_MAX	256	/* files in the templates folder */

/* Returns the media type of the asset called name ("font/woff2"), or
 * NULL when its extension is not one an asset may have. */
const char	*asset_media_type(const char *name);

/* Returns whether the file called name in the templates folder is
 * published as an asset: not a template, README.md or hidden. */
int		 asset_is_published(const char *name);

/* Returns NULL when name may name an asset, else why not (a phrase). */
const char	*asset_name_error(const char *name);

/* Checks the len bytes at data of the asset read from path (registered
 * as file) against the rules above; returns 0, or -1 after reporting. */
int		 asset_check(const char *path, const char *data, size_t len,
		    size_t file, struct diag *d);

/* Puts every asset of the templates folder dir into sink at
 * assets/NAME, in name order; the files the pages link to (style.css,
 * handbook.css, search.js, assess.js, knowledge.js, icon.svg) must be
 * among them.
 * Paths join m's source files, for diagnostics.  Returns 0, or -1 after
 * reporting every asset that fails (none is put after the first). */
int		 assets_publish(const char *dir, struct site_sink *sink,
		    struct diag *d);

#endif
