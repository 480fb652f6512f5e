/* xlsx.c: what the site's Excel workbooks share; see xlsx.h. */
#include "xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicase.h>
#include <unistr.h>
#include <uniwidth.h>

#include "alloc.h"

/* The height of a line of text per point of the font's size: what
 * LibreOffice gives BIZ UD Gothic (1.02) and Excel a little more, with
 * some to spare. */
#define LINE_FACTOR	1.22

/* Room a row keeps above and below its lines, in points. */
#define ROW_PADDING	4.0

/* How many columns of text (a wide character two) a column's width
 * holds once wrapped: with the workbook's font as the default, a unit
 * is a digit's width, half a wide character; LibreOffice fits 1.13
 * per unit, Excel about 1. */
#define FILL_FACTOR	1.05

/* Reports that the workbook at what could not be made: errno's
 * reason, or libxlsxwriter's error e when not LXW_NO_ERROR. */
static void
S_fail(struct diag *d, const char *what, lxw_error e)
{
	diag_msg(d, MSG_IO_WRITE, NULL, "cannot make the workbook %s: %s",
	    what, e != LXW_NO_ERROR ? lxw_strerror(e) : strerror(errno));
}

/* Makes the formats of x, text in font.  The workbook's default
 * format (libxlsxwriter's first, the "Normal" style) gets the font
 * too: Excel and LibreOffice measure column widths in the width of its
 * digits, so both then measure the same font, whatever they have in
 * place of Calibri. */
static void
S_formats(struct xlsx *x, const char *font)
{
	lxw_format **all[] = { &x->f.title, &x->f.header, &x->f.cell,
	    &x->f.key, &x->f.plain, &x->f.link };
	lxw_format *normal = STAILQ_FIRST(x->wb->formats);
	size_t i;

	format_set_font_name(normal, font);
	format_set_font_charset(normal, 128);
	format_set_font_size(normal, XLSX_FONT_POINTS);
	for (i = 0; i < sizeof(all) / sizeof(*all); i++) {
		lxw_format *f = workbook_add_format(x->wb);

		if (f == NULL)		/* memory ran out */
			xalloc_die();
		format_set_font_name(f, font);
		format_set_font_charset(f, 128);	/* Japanese */
		format_set_font_size(f, XLSX_FONT_POINTS);
		if (i > 0)	/* a title runs over the cells beside */
			format_set_text_wrap(f);
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
		*all[i] = f;
	}
	format_set_bold(x->f.title);
	format_set_font_size(x->f.title, 14);
	format_set_bold(x->f.header);
	format_set_bg_color(x->f.header, 0xDDE6F0);
	format_set_border(x->f.header, LXW_BORDER_THIN);
	format_set_border(x->f.cell, LXW_BORDER_THIN);
	format_set_border(x->f.key, LXW_BORDER_THIN);
	format_set_font_size(x->f.key, XLSX_KEY_POINTS);
	format_set_font_color(x->f.key, 0x666666);
	format_set_underline(x->f.link, LXW_UNDERLINE_SINGLE);
	format_set_font_color(x->f.link, 0x1F4E99);
}

/* Returns the folder for temporary files: $TMPDIR, or /tmp. */
static const char *
S_tmp_base(void)
{
	const char *tmp = getenv("TMPDIR");

	return tmp != NULL && *tmp != '\0' ? tmp : "/tmp";
}

/* Makes x's workbook file: a new file under S_tmp_base(), removed at
 * once where /proc/self/fd can open it again by its descriptor (kept
 * in x->fd), so that no file is left behind even by a build killed
 * with SIGKILL; elsewhere kept by name until xlsx_discard().  Sets
 * x->file to the name libxlsxwriter writes to; returns 0, or -1 after
 * reporting to d. */
static int
S_scratch_file(struct xlsx *x, struct diag *d)
{
	char *path = xasprintf("%s/skillsite-xlsx-XXXXXX", S_tmp_base());

	if ((x->fd = mkstemp(path)) < 0) {
		S_fail(d, path, LXW_NO_ERROR);
		free(path);
		return -1;
	}
	(void)fcntl(x->fd, F_SETFD, FD_CLOEXEC);	/* not for a converter */
	if (access("/proc/self/fd", X_OK) == 0 && unlink(path) == 0) {
		free(path);
		x->file = xasprintf("/proc/self/fd/%d", x->fd);
	} else
		x->named = x->file = path;
	return 0;
}

struct xlsx *
xlsx_open(const char *title, const char *subject, const char *font,
    struct diag *d)
{
	struct xlsx *x = xcalloc(1, sizeof(*x));
	lxw_workbook_options o = { 0 };
	lxw_doc_properties p = { 0 };

	x->fd = -1;
	if (S_scratch_file(x, d) < 0) {
		free(x);
		return NULL;
	}
	x->font = font;
	o.tmpdir = (char *)S_tmp_base();	/* its scratch files, which it
					 * removes as soon as it makes them */
	o.constant_memory = LXW_FALSE;
	if ((x->wb = workbook_new_opt(x->file, &o)) == NULL) {
		S_fail(d, x->file, LXW_NO_ERROR);
		xlsx_discard(x);
		return NULL;
	}
	p.title = (char *)title;
	p.subject = (char *)subject;
	p.author = (char *)"skillsite";
	p.created = XLSX_CREATED;
	workbook_set_properties(x->wb, &p);
	S_formats(x, font);
	return x;
}

lxw_worksheet *
xlsx_add_sheet(struct xlsx *x, const char *name)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);

	if (ws == NULL)		/* the name is valid: memory ran out */
		xalloc_die();
	return ws;
}

/* Returns name case-folded (Unicode), malloc'd. */
static char *
S_fold(const char *name)
{
	size_t n = 0;
	uint8_t *f = u8_casefold((const uint8_t *)name, strlen(name), NULL,
	    NULL, NULL, &n);
	char *out;

	if (f == NULL)
		xalloc_die();
	out = xcalloc(n + 1, 1);
	memcpy(out, f, n);
	free(f);
	return out;
}

/* Returns whether name equals one of names, or Excel's reserved
 * "History", regardless of case: each name is folded once, so naming n
 * sheets compares n * n short strings, no more. */
static int
S_taken(const struct xlsx_names *names, const char *name)
{
	char *f = S_fold(name);
	size_t i;
	int taken = strcmp(f, "history") == 0;

	for (i = 0; !taken && i < names->n; i++)
		taken = strcmp(f, names->folded[i]) == 0;
	free(f);
	return taken;
}

/* Returns name's characters made valid in a sheet name, at most max of
 * them, apostrophes at the edges dropped: malloc'd. */
static char *
S_clean(const char *name, size_t max)
{
	const uint8_t *s = (const uint8_t *)name, *end = s + strlen(name);
	char *out = xcalloc(strlen(name) + 2, 1), *o = out;
	size_t k = 0;
	ucs4_t c;
	int len;

	while (*s == '\'')
		s++;
	for (; s < end && k < max; s += len, k++) {
		if ((len = u8_mbtouc(&c, s, (size_t)(end - s))) < 1)
			len = 1;
		if (c < 0x20 || c == 0x7F || c == 0xFFFD ||
		    strchr("[]:*?/\\", (int)c) != NULL)
			*o++ = '_';
		else {
			memcpy(o, s, (size_t)len);
			o += len;
		}
	}
	while (o > out && o[-1] == '\'')
		o--;
	if (o == out)
		*o++ = '_';
	*o = '\0';
	return out;
}

const char *
xlsx_sheet_name(struct xlsx_names *names, const char *name)
{
	char *s = S_clean(name, XLSX_SHEET_NAME_MAX), *base, *tail;
	unsigned n;

	for (n = 2; S_taken(names, s); n++) {
		tail = xasprintf(" (%u)", n);
		base = S_clean(name, XLSX_SHEET_NAME_MAX - strlen(tail));
		free(s);
		s = xasprintf("%s%s", base, tail);
		free(base);
		free(tail);
	}
	names->v = xreallocarray(names->v, names->n + 1, sizeof(*names->v));
	names->folded = xreallocarray(names->folded, names->n + 1,
	    sizeof(*names->folded));
	names->folded[names->n] = S_fold(s);
	names->v[names->n++] = s;
	return s;
}

void
xlsx_names_free(struct xlsx_names *names)
{
	size_t i;

	for (i = 0; i < names->n; i++) {
		free(names->v[i]);
		free(names->folded[i]);
	}
	free(names->v);
	free(names->folded);
	names->v = names->folded = NULL;
	names->n = 0;
}

/* Returns the width of the len bytes at s in columns, wide characters
 * counting two, controls none. */
static double
S_line_width(const uint8_t *s, size_t len)
{
	const uint8_t *end = s + len;
	double w = 0;
	ucs4_t c;
	int n, cw;

	for (; s < end; s += n) {
		if ((n = u8_mbtouc(&c, s, (size_t)(end - s))) < 1)
			n = 1;
		if ((cw = uc_width(c, "UTF-8")) > 0)
			w += cw;
	}
	return w;
}

/* Returns the least whole number not below v (v > 0). */
static double
S_ceil(double v)
{
	double n = (double)(long)v;

	return n < v ? n + 1 : n;
}

double
xlsx_row_height(const char *text, double width, double points)
{
	double fill = (width - 1) * FILL_FACTOR * XLSX_FONT_POINTS / points;
	double lines = 0, w, h;
	const char *p = text, *nl;

	if (fill < 1)
		fill = 1;
	for (; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		w = S_line_width((const uint8_t *)p, nl != NULL ?
		    (size_t)(nl - p) : strlen(p));
		lines += w > fill ? S_ceil(w / fill) : 1;
	}
	h = lines * points * LINE_FACTOR + ROW_PADDING;
	return h > XLSX_ROW_MAX_POINTS ? XLSX_ROW_MAX_POINTS : h;
}

/* The most characters Excel takes in a header or footer (libxlsxwriter
 * refuses a longer one, leaving none). */
#define HEADER_CHARS_MAX	255

/* Returns s with each & doubled, as a header's text needs, cut short
 * with an ellipsis to at most room characters (none when room < 2):
 * malloc'd. */
static char *
S_header_text(const char *s, long room)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + strlen(s);
	char *out = xcalloc(2 * strlen(s) + 4, 1), *o = out;
	long used = 0, need;
	ucs4_t c;
	int len;

	for (; u < end; u += len) {
		if ((len = u8_mbtouc(&c, u, (size_t)(end - u))) < 1)
			len = 1;
		need = c == '&' ? 2 : 1;
		if (used + need > room - (u + len < end)) {
			if (room >= 2)
				memcpy(o, "\xe2\x80\xa6", 4);	/* "…" */
			return out;
		}
		if (c == '&')
			*o++ = '&';
		memcpy(o, u, (size_t)len);
		o += len;
		used += need;
	}
	return out;
}

void
xlsx_print_header(lxw_worksheet *ws, const char *font, const char *left)
{
	char *frame = xasprintf("&L&\"%s,Regular\"&R&\"%s,Regular\"&A", font,
	    font);
	long room = HEADER_CHARS_MAX - (long)u8_mbsnlen((const uint8_t *)frame,
	    strlen(frame));
	char *l = S_header_text(left != NULL ? left : "", room);
	char *header = xasprintf("&L&\"%s,Regular\"%s&R&\"%s,Regular\"&A",
	    font, l, font);
	char *footer = xasprintf("&C&\"%s,Regular\"&P / &N", font);

	worksheet_set_header(ws, header);
	worksheet_set_footer(ws, footer);
	free(footer);
	free(header);
	free(frame);
	free(l);
}

void
xlsx_print_setup(lxw_worksheet *ws, const char *font, const char *left,
    int first_row, int last_row)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);		/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_repeat_rows(ws, (lxw_row_t)first_row, (lxw_row_t)last_row);
	xlsx_print_header(ws, font, left);
}

void
xlsx_text(lxw_worksheet *ws, int row, int col, const char *text,
    lxw_format *f)
{
	if (text != NULL)
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col,
		    text, f);
	else
		worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f);
}

void
xlsx_discard(struct xlsx *x)
{
	if (x == NULL)
		return;
	if (x->wb != NULL)
		lxw_workbook_free(x->wb);
	if (x->named != NULL)
		unlink(x->named);
	if (x->fd >= 0)
		close(x->fd);
	xlsx_names_free(&x->names);
	free(x->file);
	free(x);
}

/* Reads the file at path whole: returns its bytes, malloc'd, and sets
 * *len, or NULL with errno set. */
static char *
S_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	do {
		if (*len == cap)
			data = xreallocarray(data, cap = cap ? 2 * cap : 65536, 1);
		n = fread(data + *len, 1, cap - *len, fp);
		*len += n;
	} while (n > 0);
	if (ferror(fp)) {
		free(data);
		data = NULL;
	}
	fclose(fp);
	return data;
}

/* Closes wb: one thread at a time, since libxlsxwriter 1.1.4 dates the
 * document with gmtime(), whose result all threads share; in a child
 * process (xlsx_in_child()) without the lock, which another thread may
 * have held when the child was forked. */
static lxw_error
S_close(lxw_workbook *wb)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	lxw_error e;

	if (xlsx_child_process())
		return workbook_close(wb);
	pthread_mutex_lock(&lock);
	e = workbook_close(wb);
	pthread_mutex_unlock(&lock);
	return e;
}

char *
xlsx_bytes(struct xlsx *x, const char *what, size_t *len, struct diag *d)
{
	lxw_error e = S_close(x->wb);
	char *data = NULL;

	x->wb = NULL;		/* workbook_close() freed it */
	*len = 0;
	if (e != LXW_NO_ERROR)
		S_fail(d, what, e);
	else if ((data = S_read(x->file, len)) == NULL)
		S_fail(d, what, LXW_NO_ERROR);
	xlsx_discard(x);
	return data;
}

int
xlsx_put(struct xlsx *x, struct site_sink *sink, const char *path,
    struct diag *d)
{
	size_t len = 0;
	char *data = xlsx_bytes(x, path, &len, d);
	int rc = -1;

	if (data != NULL)
		rc = sink->put(sink->ctx, SINK_DOWNLOAD, path, data, len, d);
	free(data);
	return rc;
}
