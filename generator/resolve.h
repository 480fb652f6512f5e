/* resolve.h: links and checks a loaded model.
 *
 * Second pass after loading, as mandoc resolves cross-references: IDs are
 * checked for form and uniqueness, entries are linked to their skills, and
 * the rules a schema cannot express are enforced (levels per entry, common
 * skills in every specialty).  Each problem is reported where it occurs.
 */
#ifndef SKILLSITE_RESOLVE_H
#define SKILLSITE_RESOLVE_H

#include "diag.h"
#include "model.h"

/* Returns whether id is a valid ID: [a-z0-9][a-z0-9-]{0,63}. */
int	id_is_valid(const char *id);

/* Links the entries of m to their skills and reports every inconsistency
 * to d. */
void	resolve(struct model *m, struct diag *d);

#endif
