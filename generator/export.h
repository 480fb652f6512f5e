/* export.h: the framework as data, for download.
 *
 * The whole model as JSON (written as text, byte for byte as jansson
 * writes the whole document compact, strings escaped by jsontext.h;
 * described by the JSON Schema compiled in from
 * generator/framework.schema.json) and as CSV, one row per specialty x
 * skill x level, UTF-8 with a byte order mark (so spreadsheet programs
 * read the Japanese right) and every field quoted as RFC 4180 says.
 * Descriptions and notes are the content's Markdown, verbatim; in the
 * CSV, a field that could run as a formula has a ' before it.  Both
 * are given out in parts as they are made, never held whole.
 *
 * A tailored job type (tailor.h) carries the source of every text: the
 * standard's (EXPORT_STANDARD) or the ID of the tailoring that added or
 * changed it.  The JSON lists everything the standard has, verbatim,
 * what a tailoring hides with the tailoring's ID as "hiddenBy", and
 * what tailorings add (company skills, renames, knowledge items, level
 * texts, learning resources, the tailorings and their roles) each with
 * its "source".  The CSV is the company's table: what a tailoring hides
 * is left out; a level's company meaning, evidence and resources and a
 * skill's added knowledge items are rows of their own after its level
 * rows, each naming what it is (EXPORT_ROW_...) and its source.  The
 * roles have a CSV of their own, one row per role x target.
 */
#ifndef SKILLSITE_EXPORT_H
#define SKILLSITE_EXPORT_H

#include <stddef.h>

#include "model.h"

#define PATH_JSON	"downloads/framework.json"
#define PATH_JSON_SCHEMA "downloads/framework.schema.json"
#define PATH_CSV	"downloads/framework.csv"
#define PATH_ROLES_CSV	"downloads/roles.csv"

/* The source of the standard's texts, where a tailoring's are its ID. */
#define EXPORT_STANDARD	"standard"

/* What a row of the CSV holds in its text column (the column "kind"). */
#define EXPORT_ROW_LEVEL	"level"		/* a level's description */
#define EXPORT_ROW_MEANING	"meaning"	/* its company meaning */
#define EXPORT_ROW_EVIDENCE	"evidence"	/* its company evidence */
#define EXPORT_ROW_RESOURCE	"resource"	/* a learning resource's title */
#define EXPORT_ROW_KNOWLEDGE	"knowledge"	/* a knowledge item added */

/* The columns of the CSV, in order: labels.xml's csv-header names
 * them. */
enum csv_column {
	CSV_COL_JOBTYPE_ID, CSV_COL_JOBTYPE, CSV_COL_SPECIALTY_ID,
	CSV_COL_SPECIALTY, CSV_COL_SKILL_ID, CSV_COL_SKILL, CSV_COL_SCOPE,
	CSV_COL_LEVEL, CSV_COL_TEXT, CSV_COL_KNOWLEDGE, CSV_COL_KIND,
	CSV_COL_SOURCE, CSV_COL_SKILL_SOURCE, CSV_COL_STANDARD_NAME,
	CSV_COL_NAME_SOURCE, CSV_COL_RESOURCE_KIND, CSV_COL_HOURS,
	CSV_COL_HREF, CSV_COL__COUNT
};

/* The columns of the roles' CSV, in order: csv-roles-header names
 * them. */
enum csv_role_column {
	CSV_RCOL_JOBTYPE_ID, CSV_RCOL_JOBTYPE, CSV_RCOL_SPECIALTY_ID,
	CSV_RCOL_SPECIALTY, CSV_RCOL_ROLE_ID, CSV_RCOL_ROLE,
	CSV_RCOL_DESCRIPTION, CSV_RCOL_SKILL_ID, CSV_RCOL_SKILL,
	CSV_RCOL_LEVEL, CSV_RCOL_SOURCE, CSV_RCOL__COUNT
};

/* Where export_json() and export_csv() put their text: in parts of
 * about EXPORT_PART bytes, so that neither is ever held whole.  write()
 * gets the len bytes at data (the caller's) and returns 0, or -1 to stop
 * (having reported why). */
struct export_out {
	int	(*write)(void *ctx, const char *data, size_t len);
	void	*ctx;
};

#define EXPORT_PART	65536

/* Writes m (resolved) as JSON to out, in parts; only one job type's
 * fields and one skill or specialty are held at a time.  Returns 0, or
 * -1 when out stopped. */
int		 export_json(const struct model *m, const struct export_out *out);

/* Writes m (resolved) as CSV to out, in parts; its header row holds the
 * comma-separated column names of header (labels.xml's "csv-header"),
 * each a field.  Per specialty x skill x level, a row of the columns
 * LABEL_CSV_COLUMNS counts: the job type's, specialty's and skill's IDs
 * and names, the scope, the level, its text, the skill's own knowledge
 * items (one a line), what the text is, its source, the skill's source,
 * a renamed skill's standard name, the source of its name, and for a
 * learning resource its kind, hours and address.  A field that a spreadsheet could run as a formula (see
 * export_csv_needs_guard()) gets a ' before it, as OWASP advises against
 * CSV injection; the JSON stays verbatim.  Returns 0, or -1 when out
 * stopped. */
int		 export_csv(const struct model *m, const char *header,
		    const struct export_out *out);

/* Returns whether some job type of m has roles (so that there is a
 * roles' CSV to write). */
int		 export_has_roles(const struct model *m);

/* Writes the roles of m (resolved) as CSV to out, in parts, as
 * export_csv() writes: its header row holds the names of header
 * (labels.xml's "csv-roles-header"), then per role and target a row of
 * LABEL_CSV_ROLE_COLUMNS fields: the job type's, specialty's and role's
 * IDs and names, the role's description, the skill's ID and name, the
 * level and the role's source.  Returns 0, or -1 when out stopped. */
int		 export_roles_csv(const struct model *m, const char *header,
		    const struct export_out *out);

/* Returns whether the CSV field s begins, after any spaces, with = + - @,
 * their full-width forms ＝ ＋ － ＠, a tab, CR or LF (what Excel and
 * LibreOffice may read as a formula), or with ' before one of those (so
 * that taking the one ' off gives back the text). */
int		 export_csv_needs_guard(const char *s);

/* Returns the JSON Schema of export_json()'s output, NUL-terminated, and
 * sets *len. */
const char	*export_json_schema(size_t *len);

/* Returns the source of what tailoring from added or changed (the
 * CSV's and the workbook's source columns): its ID,
 * or EXPORT_STANDARD when from is NULL (the standard's). */
const char *export_source(const struct tailoring *from);

#endif
