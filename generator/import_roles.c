/* import_roles.c: roles.csv read back, by its header, as edits of the
 * roles' texts: the names (the job type's, the specialty's, the
 * role's, the skill's) and the role's description; see import.h.  A
 * target's skill and level are the XML's.
 */
#include "import.h"

#include <string.h>

#include "export.h"
#include "text.h"

/* The columns that say which row it is, in the order of a row's key. */
static const int S_ids[] = { CSV_RCOL_JOBTYPE_ID, CSV_RCOL_ROLE_ID,
	CSV_RCOL_SKILL_ID, CSV_RCOL_SOURCE };

/* The columns the XML alone says. */
static const int S_fixed[] = { CSV_RCOL_SPECIALTY_ID, CSV_RCOL_LEVEL };

/* Returns the role of jt called id, or NULL. */
static const struct role *
S_role(const struct jobtype *jt, const char *id)
{
	size_t i;

	for (i = 0; jt != NULL && i < jt->nroles; i++)
		if (strcmp(jt->roles[i]->id, id) == 0)
			return jt->roles[i];
	return NULL;
}

/* Returns the occurrence-th target of role r for skill id, or NULL. */
static const struct role_target *
S_target(const struct role *r, const char *id, unsigned occurrence)
{
	size_t i;

	for (i = 0; r != NULL && i < r->ntargets; i++)
		if (strcmp(r->targets[i].skill_id, id) == 0 &&
		    occurrence-- == 0)
			return &r->targets[i];
	return NULL;
}

/* import_kind unknown: reports the first ID of row of L that names
 * nothing, else the row as one the download does not have. */
static void
S_unknown(struct import *im, const struct import_layout *L, unsigned row)
{
	const struct jobtype *jt = import_jobtype(im->m,
	    import_at(L, row, CSV_RCOL_JOBTYPE_ID));
	const struct role *r = S_role(jt, import_at(L, row, CSV_RCOL_ROLE_ID));
	int c = jt == NULL ? CSV_RCOL_JOBTYPE_ID : r == NULL ?
	    CSV_RCOL_ROLE_ID : CSV_RCOL_SKILL_ID;
	struct pos p = import_cell(L, row, c);

	diag_msg(im->d, MSG_IMPORT_UNKNOWN, &p, "%s \"%s\"",
	    c == CSV_RCOL_JOBTYPE_ID ? "job type" : c == CSV_RCOL_ROLE_ID ?
	    "role" : "target", import_at(L, row, c));
}

/* import_kind row: observes the names and description of row of L. */
static void
S_row(struct import *im, const struct import_layout *L, unsigned row,
    unsigned occurrence)
{
	const struct jobtype *jt = import_jobtype(im->m,
	    import_at(L, row, CSV_RCOL_JOBTYPE_ID));
	const struct role *r = S_role(jt, import_at(L, row, CSV_RCOL_ROLE_ID));
	const struct role_target *g = S_target(r,
	    import_at(L, row, CSV_RCOL_SKILL_ID), occurrence);
	struct pos p = import_cell(L, row, CSV_RCOL_DESCRIPTION), at;
	const char *child;

	if (r == NULL)
		return;
	import_observe_cell(im, L, row, CSV_RCOL_JOBTYPE, &jt->pos, "name", 0,
	    jt->name);
	if (r->specialty != NULL)
		import_observe_cell(im, L, row, CSV_RCOL_SPECIALTY,
		    &r->specialty->pos, "name", 0, r->specialty->name);
	import_observe_cell(im, L, row, CSV_RCOL_ROLE, &r->pos, "name", 0,
	    r->name);
	if (r->description != NULL)
		import_observe_cell(im, L, row, CSV_RCOL_DESCRIPTION,
		    &r->description_pos, NULL, 1, r->description);
	else if (text_has_visible(import_at(L, row, CSV_RCOL_DESCRIPTION)))
		diag_msg(im->d, MSG_IMPORT_FIXED, &p, "%s", "the role has no "
		    "description in the XML; write it there");
	if (g != NULL && g->skill != NULL) {
		at = import_skill_name_at(g->skill, &child);
		import_observe_cell(im, L, row, CSV_RCOL_SKILL, &at, child, 0,
		    g->skill->name);
	}
}

void
import_roles_sheet(struct import *im, const struct grid_sheet *s,
    const char *header, const struct grid_sheet *expected)
{
	struct import_kind k = { header, S_ids, sizeof(S_ids) / sizeof(*S_ids),
	    S_fixed, sizeof(S_fixed) / sizeof(*S_fixed), S_row, S_unknown };

	import_csv_rows(im, s, expected, &k);
}
