/* tailor.h: applies tailorings to their base job types.
 *
 * Part of resolve: after the standard is checked, each job type that
 * tailorings name as their base is replaced by a tailored copy (in the
 * model's arena; the standard's structs are left as they were and stay
 * reachable as jt->standard).  Every tailoring applies in load order, each
 * kind of operation in a fixed order across all of them: company skills,
 * hides, renames, knowledge items, level texts, resources, roles.  So
 * whether an operation refers to what another hides does not depend on
 * the order of the files; the order only sets where additions are
 * listed.  Each problem is reported with both positions where two
 * operations meet.
 */
#ifndef SKILLSITE_TAILOR_H
#define SKILLSITE_TAILOR_H

#include "diag.h"
#include "model.h"

/* Applies the tailorings of m to their job types, reporting to d. */
void	tailor(struct model *m, struct diag *d);

#endif
