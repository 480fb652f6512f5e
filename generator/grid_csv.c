/* grid_csv.c: reading a CSV file into a grid (RFC 4180, as Excel and
 * LibreOffice save "CSV UTF-8"); see grid.h.
 */
#include "grid.h"

#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "alloc.h"
#include "load.h"

/* The reading of one CSV buffer. */
struct csv {
	struct grid	*g;
	struct diag	*d;
	size_t		 file;
	const char	*buf;
	size_t		 len;
	size_t		 at;		/* the next byte */
	unsigned	 row, col;	/* of the field being read */
	struct grid_cell *cells;	/* malloc'd while reading */
	size_t		 ncells, capcells;
	struct strbuf	 field;
};

/* Reports message m at the field being read; returns -1. */
static int
S_fail(struct csv *c, enum msg m, const char *detail)
{
	struct pos p = { c->file, (int)c->row, (int)c->col };

	diag_msg(c->d, m, &p, "%s", detail);
	return -1;
}

/* Keeps the field read as a cell when it holds something.  Returns 0,
 * or -1 (reported) over the cap, or when it is not UTF-8 (a Japanese
 * Excel's plain "CSV" is Shift_JIS) or holds a NUL. */
static int
S_keep(struct csv *c)
{
	if (c->field.len == 0)
		return 0;
	if (u8_check((const uint8_t *)c->field.s, c->field.len) != NULL ||
	    memchr(c->field.s, '\0', c->field.len) != NULL)
		return S_fail(c, MSG_SHEET_ENCODING, "this cell");
	if (c->ncells == GRID_CELLS_MAX)
		return S_fail(c, MSG_SHEET_CELLS, "more cells than the limit");
	if (c->ncells == c->capcells) {
		c->capcells = c->capcells ? c->capcells * 2 : 256;
		c->cells = xreallocarray(c->cells, c->capcells,
		    sizeof(*c->cells));
	}
	c->cells[c->ncells].row = c->row;
	c->cells[c->ncells].col = c->col;
	c->cells[c->ncells++].text = arena_strndup(&c->g->arena,
	    c->field.s, c->field.len);
	return 0;
}

/* Reads a quoted field, c->at on its opening quote, up to the byte after
 * its closing quote; a doubled quote is one.  Returns 0, or -1 when no
 * quote closes it or something other than a comma or a line end follows
 * (reported). */
static int
S_quoted(struct csv *c)
{
	const char *q;

	for (c->at++;; c->at = (size_t)(q - c->buf) + 2) {
		q = memchr(c->buf + c->at, '"', c->len - c->at);
		if (q == NULL)
			return S_fail(c, MSG_SHEET_QUOTE, "no quote closes "
			    "this field");
		strbuf_add(&c->field, c->buf + c->at,
		    (size_t)(q - c->buf) - c->at + 1);
		if ((size_t)(q - c->buf) + 1 >= c->len || q[1] != '"')
			break;
	}
	c->field.len--;		/* the closing quote */
	c->at = (size_t)(q - c->buf) + 1;
	if (c->at < c->len && (c->buf[c->at] == '\0' ||
	    strchr(",\r\n", c->buf[c->at]) == NULL))
		return S_fail(c, MSG_SHEET_QUOTE, "text after the closing "
		    "quote");
	return 0;
}

/* Reads the field at c->at and what ends it: returns 1 when a comma
 * does (another field follows), 0 at the end of a record, -1 on a
 * problem (reported). */
static int
S_field(struct csv *c)
{
	size_t n;

	c->field.len = 0;
	if (c->at < c->len && c->buf[c->at] == '"') {
		if (S_quoted(c) < 0)
			return -1;
	} else {
		/* a NUL too goes into the field, which S_keep() refuses
		 * (strchr() would find it a separator) */
		for (n = 0; c->at + n < c->len && (c->buf[c->at + n] == '\0' ||
		    strchr(",\r\n", c->buf[c->at + n]) == NULL); n++)
			continue;
		strbuf_add(&c->field, c->buf + c->at, n);
		c->at += n;
	}
	if (S_keep(c) < 0)
		return -1;
	if (c->at < c->len && c->buf[c->at] == ',') {
		c->at++;
		return 1;
	}
	if (c->at < c->len && c->buf[c->at] == '\r')
		c->at++;
	if (c->at < c->len && c->buf[c->at] == '\n')
		c->at++;
	return 0;
}

/* Reads every record of c; returns 0, or -1 (reported). */
static int
S_records(struct csv *c)
{
	int r;

	if (c->len >= 3 && memcmp(c->buf, "\xef\xbb\xbf", 3) == 0)
		c->at = 3;
	for (c->row = 1; c->at < c->len; c->row++)
		for (c->col = 1;; c->col++) {
			if ((r = S_field(c)) < 0)
				return -1;
			if (r == 0)
				break;
			if (c->col == GRID_CELLS_MAX)
				return S_fail(c, MSG_SHEET_CELLS,
				    "more columns than the limit");
		}
	return 0;
}

int
grid_parse_csv(struct grid *g, const char *name, size_t file,
    const char *buf, size_t len, struct diag *d)
{
	struct csv c;
	struct grid_cell *cells;
	int rc;

	memset(&c, 0, sizeof(c));
	c.g = g;
	c.d = d;
	c.file = file;
	c.buf = buf;
	c.len = len;
	rc = S_records(&c);
	if (rc == 0) {
		cells = arena_calloc(&g->arena, c.ncells + 1, sizeof(*cells));
		if (c.ncells > 0)
			memcpy(cells, c.cells, c.ncells * sizeof(*cells));
		grid_add_sheet(g, name, file, cells, c.ncells);
	}
	free(c.cells);
	free(c.field.s);
	return rc;
}

int
grid_read_csv(struct grid *g, const char *path, struct diag *d)
{
	const char *slash = strrchr(path, '/');
	size_t len, file;
	char *buf;
	int rc;

	if ((buf = load_read_file(path, GRID_FILE_MAX, d, &len)) == NULL)
		return -1;
	file = diag_add_file(d, path);
	diag_file_cells(d, file);
	rc = grid_parse_csv(g, slash != NULL ? slash + 1 : path, file, buf,
	    len, d);
	free(buf);
	return rc;
}
