/* manifest.h: the record of the last build of a target, so that a
 * rebuild does only what changed.
 *
 * Once a build has published a site, its record (".NAME.skillsite-
 * manifest" beside the target NAME, put in place with the site: see
 * publish_record() in write.h) says what the site was made from and what
 * it holds: the generator (its version and its executable's status), the
 * options (working folder, templates folder, content paths, -p), every
 * input read (content files, templates, labels, assets: status and the
 * XXH3 128-bit digest of the bytes read), the folders listed for inputs,
 * the site folder and each of its folders, and, for each unit (a
 * specialty's pages, a job type's own), its key and the files it made.
 *
 * The next build of the same target
 * - does nothing at all when the generator, the options, the site folder
 *   and its folders, and every input and input folder have the status
 *   recorded, none changed in the second before the last build began (a
 *   change in the same clock tick could not be told), and the last build
 *   reported nothing;
 * - else loads and checks everything as a full build does, and renders
 *   only the units whose key differs from the last build's: a unit's key
 *   digests the generator, the options, every file of the templates
 *   folder, the site's name, the unit's IDs and the bytes of the content
 *   file of its job type, which is all its pages are made of.  The other
 *   units' files are carried from the live site (hard links, write.h);
 *   a unit one of whose files cannot be carried is rendered.  The home
 *   and about pages, the search index and the downloads, which read
 *   every job type, are always made.
 * A record that does not parse or whose closing digest does not match,
 * of another generator, other options or another site folder means a
 * full build.  Either way the site is byte for byte what a full build
 * makes.  The live site's files are trusted to be as the build left
 * them: a file removed from it is made again, one edited in place is not
 * noticed (edit the content, not the site).
 */
#ifndef SKILLSITE_MANIFEST_H
#define SKILLSITE_MANIFEST_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "sink.h"

struct manifest;
struct site_reuse;

/* A unit's file, as recorded. */
struct manifest_file {
	enum sink_kind	 kind;
	size_t		 len;
	char		*path;
};

/* What a site holds, as a build's summary gives it. */
struct manifest_totals {
	size_t	pages, files, bytes;
};

/* Starts the record of a build of dest from templates and the content
 * paths (npaths of them; none: DEFAULT_CONTENT), with the site options
 * (SITE_PDF of site.h), and reads the last build's record, if any and sound; the site is
 * walked on up to nthreads threads.  Observes every input read from now
 * on (load_observe()).  Free with manifest_free(). */
struct manifest	*manifest_new(const char *dest, const char *templates,
		    char *const *paths, int npaths, unsigned options,
		    unsigned nthreads);
void		 manifest_free(struct manifest *);

/* Returns 1 when nothing changed since the last build (see above) and
 * out is at rest (publish_at_rest()), with its totals in *t, else 0. */
int		 manifest_unchanged(const struct manifest *,
		    struct manifest_totals *t);

/* Prepares the record for the units of m, whose files d numbers. */
void		 manifest_units(struct manifest *, const struct model *m,
		    const struct diag *d);

/* Computes the units' keys: called once every template and asset is
 * read, with the site's name (site_reuse's begin()), and with the
 * target's lock held: the last build's units are used only if its
 * record is still the one beside the target and the live site is as it
 * recorded (its tree's digest). */
void		 manifest_begin(struct manifest *, const char *site_name);

/* Returns the files the last build made for the unit of jt and sp (NULL:
 * the job type's own pages) when its key is the same, setting *n and
 * *pages, else NULL. */
const struct manifest_file *manifest_last(const struct manifest *,
		    const struct jobtype *jt, const struct specialty *sp,
		    size_t *n, size_t *pages);

/* Records that the unit's files were carried (after manifest_last()). */
void		 manifest_carried(struct manifest *, const struct jobtype *jt,
		    const struct specialty *sp);

/* Records that the unit made the file path of kind, len bytes. */
void		 manifest_made(struct manifest *, const struct jobtype *jt,
		    const struct specialty *sp, enum sink_kind kind,
		    const char *path, size_t len);

/* Returns the text of the record of the build just made into the new
 * folder (not yet swapped in), which reported quiet (nothing at all) or
 * not, with totals t; malloc'd, *len bytes, or NULL when no sound record
 * can be made (then none is kept). */
char		*manifest_text(struct manifest *, const char *folder,
		    int quiet, const struct manifest_totals *t, size_t *len);

#endif
