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
 */
#ifndef SKILLSITE_EXPORT_H
#define SKILLSITE_EXPORT_H

#include <stddef.h>

#include "model.h"

#define PATH_JSON	"downloads/framework.json"
#define PATH_JSON_SCHEMA "downloads/framework.schema.json"
#define PATH_CSV	"downloads/framework.csv"

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
 * each a field.  A field that a spreadsheet could run as a formula (see
 * export_csv_needs_guard()) gets a ' before it, as OWASP advises against
 * CSV injection; the JSON stays verbatim.  Returns 0, or -1 when out
 * stopped. */
int		 export_csv(const struct model *m, const char *header,
		    const struct export_out *out);

/* Returns whether the CSV field s begins, after any spaces, with = + - @,
 * their full-width forms ＝ ＋ － ＠, a tab, CR or LF (what Excel and
 * LibreOffice may read as a formula), or with ' before one of those (so
 * that taking the one ' off gives back the text). */
int		 export_csv_needs_guard(const char *s);

/* Returns the JSON Schema of export_json()'s output, NUL-terminated, and
 * sets *len. */
const char	*export_json_schema(size_t *len);

#endif
