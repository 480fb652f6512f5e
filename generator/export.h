/* export.h: the framework as data, for download.
 *
 * The whole model as JSON (built with jansson, so every string is
 * escaped by the library; described by the JSON Schema compiled in from
 * generator/framework.schema.json) and as CSV, one row per specialty x
 * skill x level, UTF-8 with a byte order mark (so spreadsheet programs
 * read the Japanese right) and every field quoted as RFC 4180 says.
 * Descriptions and notes are the content's Markdown, verbatim; in the
 * CSV, a field that could run as a formula has a ' before it.
 */
#ifndef SKILLSITE_EXPORT_H
#define SKILLSITE_EXPORT_H

#include <stddef.h>

#include "model.h"

#define PATH_JSON	"downloads/framework.json"
#define PATH_JSON_SCHEMA "downloads/framework.schema.json"
#define PATH_CSV	"downloads/framework.csv"

/* Returns m (resolved) as JSON, malloc'd, and sets *len; NULL when out
 * of memory or a string is not UTF-8. */
char		*export_json(const struct model *m, size_t *len);

/* Returns m (resolved) as CSV, malloc'd, and sets *len; its header row
 * holds the comma-separated column names of header (labels.xml's
 * "csv-header"), each a field.  A field that a
 * spreadsheet could run as a formula (see export_csv_needs_guard()) gets
 * a ' before it, as OWASP advises against CSV injection; the JSON stays
 * verbatim. */
char		*export_csv(const struct model *m, const char *header,
		    size_t *len);

/* Returns whether the CSV field s begins, after any spaces, with = + - @,
 * their full-width forms ＝ ＋ － ＠, a tab, CR or LF (what Excel and
 * LibreOffice may read as a formula), or with ' before one of those (so
 * that taking the one ' off gives back the text). */
int		 export_csv_needs_guard(const char *s);

/* Returns the JSON Schema of export_json()'s output, NUL-terminated, and
 * sets *len. */
const char	*export_json_schema(size_t *len);

#endif
