/* diag.c: message catalogue, collection and printing; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "alloc.h"

#define DIAG_STORE_MAX	1024	/* messages held before compacting */
#define DIAG_DETAIL_MAX	512	/* bytes of an error's detail printed */
#define DIAG_NOTE_MAX	2048	/* bytes of a notice's detail printed */

enum severity {
	SEV_NOTICE,
	SEV_WARNING,
	SEV_ERROR,		/* the content is rejected */
	SEV_FATAL		/* input, output or the program itself failed */
};

struct diag_item {
	enum msg	 msg;
	struct pos	 pos;
	int		 has_pos;
	int		 secondary;
	int		 dropped;	/* marked while compacting */
	size_t		 seq;		/* order of reporting, breaks ties */
	char		*detail;	/* NULL when none */
};

static const struct {
	enum severity	 sev;
	const char	*text;
} S_catalogue[MSG__COUNT] = {
	[MSG_EDITORIAL_NOTE] = { SEV_NOTICE, "editorial note" },
	[MSG_XML_WARNING] = { SEV_WARNING, "XML warning" },
	[MSG_PDF_NOTE] = { SEV_NOTICE, "weasyprint" },
	[MSG_XML] = { SEV_ERROR, "malformed XML" },
	[MSG_SCHEMA] = { SEV_ERROR, "not valid against the schema" },
	[MSG_DOCTYPE] = { SEV_ERROR,
	    "document type declarations are not allowed" },
	[MSG_ENCODING] = { SEV_ERROR, "content files must be encoded in UTF-8" },
	[MSG_COMPRESSED] = { SEV_ERROR,
	    "compressed file; content files must be plain XML" },
	[MSG_ATTRIBUTES] = { SEV_ERROR, "too many attributes on one element" },
	[MSG_ATTR_MISSING] = { SEV_ERROR, "missing attribute" },
	[MSG_ATTR_UNKNOWN] = { SEV_ERROR, "unknown attribute" },
	[MSG_ATTR_VALUE] = { SEV_ERROR, "invalid attribute value" },
	[MSG_ELEM_MISSING] = { SEV_ERROR, "missing element" },
	[MSG_NUMBER] = { SEV_ERROR, "not a usable whole number" },
	[MSG_TEXT_EMPTY] = { SEV_ERROR, "empty text" },
	[MSG_TEXT_LINEBREAK] = { SEV_ERROR, "line break in a one-line field" },
	[MSG_TEXT_BIDI] = { SEV_ERROR, "bidirectional control character in a "
	    "one-line field" },
	[MSG_TEXT_SIZE] = { SEV_ERROR, "one-line field too long" },
	[MSG_MARKDOWN_SIZE] = { SEV_ERROR, "Markdown field too long" },
	[MSG_MARKDOWN_DEPTH] = { SEV_ERROR, "Markdown nested too deeply" },
	[MSG_MARKDOWN_URL] = { SEV_ERROR, "URL not allowed" },
	[MSG_MARKDOWN_HTML] = { SEV_ERROR, "raw HTML in Markdown would be "
	    "dropped; write \\< for a literal <" },
	[MSG_MARKDOWN_CHAR] = { SEV_ERROR, "character not allowed (a control "
	    "character, a noncharacter or not UTF-8)" },
	[MSG_ID_RESERVED] = { SEV_ERROR, "ID reserved for the site's own pages" },
	[MSG_ID_PATTERN] = { SEV_ERROR,
	    "invalid ID; IDs match [a-z0-9][a-z0-9-]{0,63}" },
	[MSG_ID_DUPLICATE] = { SEV_ERROR, "duplicate ID" },
	[MSG_ID_CASE] = { SEV_ERROR, "IDs differ only by case" },
	[MSG_ID_SHARED] = { SEV_ERROR, "specialty ID used by another job type; "
	    "handbooks/ID.html names a specialty by its ID alone" },
	[MSG_ID_MAP] = { SEV_ERROR, "specialty ID is another specialty's ID "
	    "and \"-map\"; handbooks/ID-map.html is that one's skill map" },
	[MSG_ID_HANDBOOK] = { SEV_ERROR, "job type ID is a specialty's ID, or "
	    "that and \"-map\"; handbooks/ID.html is the job type's handbook" },
	[MSG_NAME_BREACH] = { SEV_ERROR, "name the pages cannot put in an "
	    "attribute (the site loads nothing from elsewhere and runs only "
	    "its own scripts)" },
	[MSG_FRAMEWORK_DUPLICATE] = { SEV_ERROR, "framework defined twice" },
	[MSG_JOBTYPE_NUMBER] = { SEV_ERROR, "job type number used twice" },
	[MSG_LEVEL_RANGE] = { SEV_ERROR, "level outside 1-7" },
	[MSG_LEVEL_BOUNDS] = { SEV_ERROR,
	    "min-level is greater than max-level" },
	[MSG_LEVEL_OUTSIDE] = { SEV_ERROR,
	    "level outside the job type's levels" },
	[MSG_LEVEL_DUPLICATE] = { SEV_ERROR, "level given twice" },
	[MSG_LEVEL_MISSING] = { SEV_ERROR, "level missing; write an empty "
	    "<level> for a level the source leaves undefined" },
	[MSG_ENTRY_EMPTY] = { SEV_ERROR, "no level described" },
	[MSG_SKILL_UNKNOWN] = { SEV_ERROR, "unknown skill" },
	[MSG_SKILL_TWICE] = { SEV_ERROR, "skill listed twice in one specialty" },
	[MSG_SKILL_UNUSED] = { SEV_ERROR, "skill used by no specialty" },
	[MSG_COMMON_MISSING] = { SEV_ERROR, "specialty lacks a common skill" },
	[MSG_KNOWLEDGE_DUPLICATE] = { SEV_ERROR, "knowledge item listed twice" },
	[MSG_SHARED_SIZE] = { SEV_ERROR, "text that every specialty repeats "
	    "too long" },
	[MSG_TAILOR_BASE] = { SEV_ERROR, "tailoring of an unknown job type" },
	[MSG_SPECIALTY_UNKNOWN] = { SEV_ERROR, "unknown specialty" },
	[MSG_SKILL_NOT_LISTED] = { SEV_ERROR, "skill not listed in the "
	    "specialty" },
	[MSG_LEVEL_UNDESCRIBED] = { SEV_ERROR, "level the skill does not "
	    "describe" },
	[MSG_TAILOR_TWICE] = { SEV_ERROR, "changed twice" },
	[MSG_TAILOR_HIDDEN] = { SEV_ERROR, "refers to what a tailoring hides" },
	[MSG_SPREADSHEET] = { SEV_ERROR, "unreadable workbook" },
	[MSG_SHEET_QUOTE] = { SEV_ERROR, "broken quote in CSV; a quoted field "
	    "ends with a quote followed by a comma or the end of the line" },
	[MSG_SHEET_ENCODING] = { SEV_ERROR, "not UTF-8; save the sheet as "
	    "\"CSV UTF-8\" (Excel) or as Text CSV with the character set "
	    "UTF-8 (LibreOffice)" },
	[MSG_SHEET_CELLS] = { SEV_ERROR, "spreadsheet too large" },
	[MSG_SHEET_COLUMN] = { SEV_ERROR, "column not of the download; "
	    "import reads the columns by their header" },
	[MSG_SHEET_COLUMN_MISSING] = { SEV_ERROR, "column missing; import "
	    "needs the download's ID columns" },
	[MSG_SHEET_TWICE] = { SEV_ERROR, "sheet repeats another; import "
	    "cannot tell which one was edited: keep one" },
	[MSG_IMPORT_UNKNOWN] = { SEV_ERROR, "names nothing in the content; "
	    "IDs cannot be changed or added by import" },
	[MSG_IMPORT_LEVEL] = { SEV_ERROR, "level not defined for this skill" },
	[MSG_IMPORT_CONFLICT] = { SEV_ERROR, "text changed in two different "
	    "ways" },
	[MSG_IMPORT_FIXED] = { SEV_ERROR, "cell cannot be changed by import" },
	[MSG_IMPORT_ROW_MISSING] = { SEV_ERROR, "row of the download missing; "
	    "import cannot remove texts" },
	[MSG_IMPORT_ITEMS] = { SEV_ERROR, "knowledge items added or removed; "
	    "import changes their texts only" },
	[MSG_IMPORT_MARKUP] = { SEV_ERROR, "element holds a comment or markup "
	    "import cannot keep; edit it in the XML" },
	[MSG_IMPORT_EMPTY_LEVEL] = { SEV_ERROR, "text for a level the XML "
	    "leaves empty; write it in the XML" },
	[MSG_IMPORT_EMPTIED] = { SEV_ERROR, "text emptied; import cannot "
	    "remove texts: remove it in the XML" },
	[MSG_IO_OPEN] = { SEV_FATAL, "cannot open" },
	[MSG_IO_READ] = { SEV_FATAL, "cannot read" },
	[MSG_IO_NOT_FILE] = { SEV_FATAL, "not a regular file" },
	[MSG_IO_TOO_LARGE] = { SEV_FATAL, "file too large" },
	[MSG_IO_NO_CONTENT] = { SEV_FATAL,
	    "no content files (*.xml) in directory" },
	[MSG_IO_WRITE] = { SEV_FATAL, "cannot publish the site" },
	[MSG_IO_IMPORT] = { SEV_FATAL, "cannot write the content file; "
	    "no file was changed" },
	[MSG_PDF] = { SEV_FATAL, "cannot make the PDF handbooks" },
	[MSG_PDF_SAID] = { SEV_FATAL, "weasyprint" },
	[MSG_INTERNAL] = { SEV_FATAL, "internal error" },
	[MSG_TEMPLATE] = { SEV_FATAL, "template error" },
};

static const char *const S_severity_word[] = {
	[SEV_NOTICE] = "notice",
	[SEV_WARNING] = "warning",
	[SEV_ERROR] = "error",
	[SEV_FATAL] = "error",
};

/* Returns the exit status that message m implies. */
static enum exit_status
S_msg_status(enum msg m)
{
	switch (S_catalogue[m].sev) {
	case SEV_ERROR:
		return EXIT_CONTENT;
	case SEV_FATAL:
		return EXIT_IO;
	default:
		return EXIT_OK;
	}
}

/* Returns whether the detail of message m is prose whose line breaks are
 * layout, printed as spaces: an editorial note's text, libxml2's words. */
static int
S_msg_folds(enum msg m)
{
	switch (m) {
	case MSG_EDITORIAL_NOTE:
	case MSG_XML_WARNING:
	case MSG_XML:
	case MSG_SCHEMA:
	case MSG_ENCODING:
		return 1;
	default:
		return 0;
	}
}

/* Returns the cap class of message m: 0 notices and warnings, 1 errors. */
static int
S_msg_class(enum msg m)
{
	return S_catalogue[m].sev >= SEV_ERROR;
}

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

/* Frees the messages of d. */
static void
S_free_items(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->nitems; i++)
		free(d->items[i].detail);
	free(d->items);
	d->items = NULL;
	d->nitems = d->capitems = 0;
}

void
diag_free(struct diag *d)
{
	size_t i;

	S_free_items(d);
	for (i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	free(d->cells);
	d->files = NULL;
	d->cells = NULL;
	d->nfiles = d->capfiles = 0;
}

void
diag_fork(struct diag *part, const struct diag *whole)
{
	diag_init(part, NULL);
	part->parent = whole;
	part->file_base = diag_nfiles(whole);
}

/* Appends path (malloc'd, taken over) to the files of d; returns its
 * number. */
static size_t
S_push_file(struct diag *d, char *path)
{
	if (d->nfiles == d->capfiles) {
		d->capfiles = d->capfiles ? d->capfiles * 2 : 16;
		d->files = xreallocarray(d->files, d->capfiles,
		    sizeof(*d->files));
		d->cells = xreallocarray(d->cells, d->capfiles,
		    sizeof(*d->cells));
	}
	d->cells[d->nfiles] = 0;
	d->files[d->nfiles] = path;
	return d->file_base + d->nfiles++;
}

size_t
diag_add_file(struct diag *d, const char *path)
{
	return S_push_file(d, xstrdup(path));
}

size_t
diag_nfiles(const struct diag *d)
{
	return d->file_base + d->nfiles;
}

/* Returns the path registered in d as number file, or NULL. */
static const char *
S_file(const struct diag *d, size_t file)
{
	for (; d != NULL; d = d->parent)
		if (file >= d->file_base)
			return file - d->file_base < d->nfiles ?
			    d->files[file - d->file_base] : NULL;
	return NULL;
}

void
diag_file_cells(struct diag *d, size_t file)
{
	if (file >= d->file_base && file - d->file_base < d->nfiles)
		d->cells[file - d->file_base] = 1;
}

/* Returns whether the file numbered file is one of cells
 * (diag_file_cells()). */
static int
S_is_cells(const struct diag *d, size_t file)
{
	for (; d != NULL; d = d->parent)
		if (file >= d->file_base)
			return file - d->file_base < d->nfiles &&
			    d->cells[file - d->file_base];
	return 0;
}

char *
diag_column_letters(unsigned col, char *buf)
{
	char rev[8];
	size_t n = 0, i;

	for (; col > 0 && n < sizeof(rev) - 1; col = (col - 1) / 26)
		rev[n++] = (char)('A' + (col - 1) % 26);
	for (i = 0; i < n; i++)
		buf[i] = rev[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

void
diag_each_position(struct diag *d, void (*fn)(void *ctx, struct pos *p),
    void *ctx)
{
	size_t i;

	for (i = 0; i < d->nitems; i++)
		if (d->items[i].has_pos)
			fn(ctx, &d->items[i].pos);
}

const char *
diag_file(const struct diag *d, size_t file)
{
	const char *path = S_file(d, file);

	return path != NULL ? path : "?";
}

/* Returns the length of the longest prefix of s, at most max bytes, that
 * ends on a UTF-8 character boundary. */
static size_t
S_utf8_prefix(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

/* Returns whether character c must not reach a terminal or log as is:
 * controls (C0, DEL, C1), line and paragraph separators (U+2028, U+2029)
 * and invisible formatting characters (category Cf: those that reorder
 * bidirectional text, zero-width spaces and joiners, U+FEFF ...). */
static int
S_is_hidden(ucs4_t c)
{
	return uc_is_cntrl(c) || uc_is_general_category(c, UC_CATEGORY_Cf);
}

/* Returns whether c ends a line. */
static int
S_is_break(char c)
{
	return c == '\n' || c == '\r';
}

/* Returns a malloc'd copy of the n bytes at s fit for one line of output:
 * hidden characters become \xHH (ASCII), \uXXXX or \UXXXXXXXX escapes,
 * bytes that are not UTF-8 \xHH escapes.  With fold, a run of line
 * breaks becomes one space instead, none at the start. */
static char *
S_escape(const char *s, size_t n, int fold)
{
	size_t cap = (n + 1) * 4, i = 0, o = 0;	/* 4 bytes a byte at most */
	char *out = xreallocarray(NULL, cap, 1);
	ucs4_t c;
	int len;

	while (i < n) {
		if (fold && S_is_break(s[i])) {
			while (i < n && S_is_break(s[i]))
				i++;
			if (o > 0 && i < n)
				out[o++] = ' ';
			continue;
		}
		len = u8_mbtoucr(&c, (const uint8_t *)s + i, n - i);
		if (len < 0)
			o += (size_t)snprintf(out + o, cap - o, "\\x%02X",
			    (unsigned char)s[i++]);
		else if (S_is_hidden(c)) {
			o += (size_t)snprintf(out + o, cap - o, c < 0x80 ?
			    "\\x%02X" : c < 0x10000 ? "\\u%04X" : "\\U%08X",
			    (unsigned)c);
			i += (size_t)len;
		} else {
			memcpy(out + o, s + i, (size_t)len);
			o += (size_t)len;
			i += (size_t)len;
		}
	}
	out[o] = '\0';
	return out;
}

/* Returns S_escape() of the text s, without the line breaks that end it,
 * cut to at most max bytes at a character and marked "..." when cut;
 * malloc'd. */
static char *
S_clean(const char *s, size_t max, int fold)
{
	size_t n = S_utf8_prefix(s, max);
	int cut = s[n] != '\0';
	char *out;

	while (n > 0 && S_is_break(s[n - 1]))
		n--;
	out = S_escape(s, n, fold);
	if (cut) {
		out = xreallocarray(out, strlen(out) + 4, 1);
		strcat(out, "...");
	}
	return out;
}

char *
diag_escape(const char *s)
{
	return S_escape(s, strlen(s), 0);
}

static void	S_compact(struct diag *, int print);

/* Returns a new zeroed item of d, numbered in reporting order. */
static struct diag_item *
S_append(struct diag *d)
{
	struct diag_item *it;

	if (d->nitems == DIAG_STORE_MAX)
		S_compact(d, 0);
	if (d->nitems == d->capitems) {
		d->capitems = d->capitems ? d->capitems * 2 : 64;
		d->items = xreallocarray(d->items, d->capitems,
		    sizeof(*d->items));
	}
	it = &d->items[d->nitems++];
	memset(it, 0, sizeof(*it));
	it->seq = d->seq++;
	return it;
}

/* Records a message; see diag_msg(). */
void
diag_vmsg(struct diag *d, enum msg m, const struct pos *pos, int secondary,
    const char *fmt, va_list ap)
{
	struct diag_item *it;
	enum exit_status st = S_msg_status(m);
	char *raw;

	if (st > d->worst)
		d->worst = st;
	if (st != EXIT_OK)
		d->nerrors++;
	it = S_append(d);
	it->msg = m;
	it->secondary = secondary;
	if (pos != NULL) {
		it->pos = *pos;
		it->has_pos = 1;
	}
	if (fmt != NULL) {
		if ((raw = xvasprintf(fmt, ap)) == NULL)
			raw = xstrdup("(unprintable message)");
		it->detail = S_clean(raw, S_msg_class(m) ? DIAG_DETAIL_MAX :
		    DIAG_NOTE_MAX, S_msg_folds(m));
		free(raw);
	}
}

/* Moves the files from registered into into, after into's own; returns
 * the number that from's first file has there. */
static size_t
S_move_files(struct diag *into, struct diag *from)
{
	size_t i, at, first = diag_nfiles(into);

	for (i = 0; i < from->nfiles; i++) {
		/* pushed first: the push may move into->cells */
		at = S_push_file(into, from->files[i]) - into->file_base;
		into->cells[at] = from->cells[i];
	}
	return first;
}

void
diag_merge(struct diag *into, struct diag *from)
{
	size_t i, first = S_move_files(into, from);

	for (i = 0; i < from->nitems; i++) {
		struct diag_item *it = S_append(into);
		size_t seq = it->seq;

		*it = from->items[i];
		it->seq = seq;
		if (it->has_pos && it->pos.file >= from->file_base &&
		    it->pos.file - from->file_base < from->nfiles)
			it->pos.file = first + (it->pos.file - from->file_base);
		from->items[i].detail = NULL;
	}
	from->nfiles = 0;	/* into owns the paths now */
	into->hidden[0] += from->hidden[0];
	into->hidden[1] += from->hidden[1];
	into->nerrors += from->nerrors;
	if (from->worst > into->worst)
		into->worst = from->worst;
	diag_free(from);
	if (from->parent != NULL)
		diag_fork(from, from->parent);
	else
		diag_init(from, from->out);
}

void
diag_msg(struct diag *d, enum msg m, const struct pos *pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(d, m, pos, 0, fmt, ap);
	va_end(ap);
}

void
diag_secondary(struct diag *d, enum msg m, const struct pos *pos,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(d, m, pos, 1, fmt, ap);
	va_end(ap);
}

/* Prints "skillsite: KIND: MESSAGE" to out, the message cleaned as every
 * diagnostic is. */
static void
S_plain(FILE *out, const char *kind, const char *fmt, va_list ap)
{
	char *raw, *clean;

	if ((raw = xvasprintf(fmt, ap)) == NULL)
		raw = xstrdup("(unprintable message)");
	clean = S_clean(raw, DIAG_DETAIL_MAX, 0);
	fprintf(out, "skillsite: %s: %s\n", kind, clean);
	free(clean);
	free(raw);
}

void
diag_plain(FILE *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_plain(out, "error", fmt, ap);
	va_end(ap);
}

void
diag_plain_as(FILE *out, const char *kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_plain(out, kind, fmt, ap);
	va_end(ap);
}

/* Orders items by file, line, column, then reporting order. */
static int
S_item_cmp(const void *a, const void *b)
{
	const struct diag_item *x = a, *y = b;

	if (x->has_pos != y->has_pos)
		return x->has_pos ? 1 : -1;
	if (x->pos.file != y->pos.file)
		return x->pos.file < y->pos.file ? -1 : 1;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Returns whether x and y are reported at the same place. */
static int
S_same_pos(const struct diag_item *x, const struct diag_item *y)
{
	return x->has_pos == y->has_pos && x->pos.file == y->pos.file &&
	    x->pos.line == y->pos.line && x->pos.col == y->pos.col;
}

/* Returns whether item i, a secondary message, is explained by a primary
 * error at the same position.  Items are sorted by position. */
static int
S_is_redundant(const struct diag *d, size_t i)
{
	size_t j;

	for (j = i; j > 0 && S_same_pos(&d->items[j - 1], &d->items[i]); j--)
		;
	for (; j < d->nitems && S_same_pos(&d->items[j], &d->items[i]); j++)
		if (!d->items[j].secondary && S_msg_class(d->items[j].msg))
			return 1;
	return 0;
}

/* Returns whether item i repeats an earlier item at its position word for
 * word.  Items are sorted by position. */
static int
S_is_repeat(const struct diag *d, size_t i)
{
	const struct diag_item *x = &d->items[i];
	size_t j;

	for (j = i; j > 0 && S_same_pos(&d->items[j - 1], x); j--) {
		const struct diag_item *p = &d->items[j - 1];

		if (p->msg == x->msg && (p->detail == NULL) ==
		    (x->detail == NULL) && (x->detail == NULL ||
		    strcmp(x->detail, p->detail) == 0))
			return 1;
	}
	return 0;
}

/* Prints one item of d in the common format. */
static void
S_print(const struct diag *d, const struct diag_item *it)
{
	FILE *out = d->out;
	const char *path = it->has_pos ? S_file(d, it->pos.file) : NULL;
	char letters[8];

	fputs("skillsite: ", out);
	if (path != NULL) {
		char *name = diag_escape(path);

		fputs(name, out);
		free(name);
		if (it->pos.line > 0)
			fprintf(out, ":%d", it->pos.line);
		if (it->pos.line > 0 && it->pos.col > 0 &&
		    S_is_cells(d, it->pos.file))
			fprintf(out, ":%s", diag_column_letters(
			    (unsigned)it->pos.col, letters));
		else if (it->pos.line > 0 && it->pos.col > 0)
			fprintf(out, ":%d", it->pos.col);
		fputs(": ", out);
	}
	fprintf(out, "%s: %s", S_severity_word[S_catalogue[it->msg].sev],
	    S_catalogue[it->msg].text);
	if (it->detail != NULL)
		fprintf(out, ": %s", it->detail);
	fputc('\n', out);
}

/* Sorts the items, drops redundant ones and keeps the first DIAG_SHOW_MAX
 * of each class, counting the rest as hidden.  With print, prints the
 * kept items and forgets them all. */
static void
S_compact(struct diag *d, int print)
{
	size_t i, kept = 0, shown[2] = { 0, 0 };

	if (d->nitems > 1)
		qsort(d->items, d->nitems, sizeof(*d->items), S_item_cmp);
	for (i = 0; i < d->nitems; i++) {	/* mark first: both look around */
		struct diag_item *it = &d->items[i];

		it->dropped = (it->secondary && S_is_redundant(d, i)) ||
		    S_is_repeat(d, i);
	}
	for (i = 0; i < d->nitems; i++) {
		struct diag_item *it = &d->items[i];
		int cls = S_msg_class(it->msg);

		if (!it->dropped && shown[cls] == DIAG_SHOW_MAX) {
			d->hidden[cls]++;
			it->dropped = 1;
		}
		if (it->dropped) {
			free(it->detail);
			continue;
		}
		shown[cls]++;
		if (print) {
			S_print(d, it);
			free(it->detail);
		} else
			d->items[kept++] = *it;
	}
	d->nitems = kept;
}

int
diag_flush(struct diag *d)
{
	static const char *const names[2] = { "notices", "errors" };
	int i;

	S_compact(d, 1);
	for (i = 0; i < 2; i++)
		if (d->hidden[i] > 0)
			fprintf(d->out, "skillsite: %s: %zu more %s not shown\n",
			    i ? "error" : "notice", d->hidden[i], names[i]);
	d->hidden[0] = d->hidden[1] = 0;
	S_free_items(d);
	return fflush(d->out) != 0 || ferror(d->out) ? -1 : 0;
}

enum exit_status
diag_status(const struct diag *d)
{
	return d->worst;
}

size_t
diag_errors(const struct diag *d)
{
	return d->nerrors;
}

size_t
diag_reported(const struct diag *d)
{
	return d->seq;
}

int
diag_reported_in(const struct diag *d, size_t file)
{
	size_t i;

	if (d->hidden[0] > 0 || d->hidden[1] > 0)
		return 1;
	for (i = 0; i < d->nitems; i++)
		if (d->items[i].has_pos && d->items[i].pos.file == file)
			return 1;
	return 0;
}
