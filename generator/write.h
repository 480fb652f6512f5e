/* write.h: publishing the site atomically.
 *
 * The files are written into a fresh folder beside the target
 * (".NAME.skillsite-XXXXXX"), every write, flush and close checked, then
 * swapped into place with renameat2(RENAME_EXCHANGE): readers see the old
 * site or the new one, never half of either, a failed or interrupted
 * build leaves the old site as it was, and pages no longer in the content
 * disappear.  A folder left by a killed run is removed by the next; a
 * lock (".NAME.skillsite-lock", flock) keeps two builds to the same
 * target apart: the second fails at once.  An
 * existing target is replaced only if skillsite wrote it (it holds the
 * marker file ".skillsite") or it is empty.  Files get mode 0644 and
 * folders 0755 whatever the umask.
 */
#ifndef SKILLSITE_WRITE_H
#define SKILLSITE_WRITE_H

#include <stddef.h>

#include "diag.h"
#include "site.h"

#define WRITE_MARKER ".skillsite"

/* Called with the folder the site was written to, before it is published;
 * returns 0, or -1 (after reporting) to publish nothing. */
typedef int (*write_hook)(const struct site *s, const char *folder,
    struct diag *d);

/* Publishes the files of s as the folder out, running hook (if not NULL)
 * on the written folder first; sets *bytes to the bytes of s written.
 * Returns 0, or -1 after reporting (out is then unchanged). */
int	write_site(const struct site *s, const char *out, write_hook hook,
	    struct diag *d, size_t *bytes);

#endif
