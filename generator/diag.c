/* diag.c: message catalogue, collection and printing; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIAG_STORE_MAX	10000	/* messages kept for sorting */
#define DIAG_SHOW_MAX	100	/* messages printed per severity */

struct diag_item {
	enum msg	 msg;
	struct pos	 pos;
	int		 has_pos;
	int		 secondary;
	size_t		 seq;		/* order of reporting, breaks ties */
	char		*detail;	/* NULL when none */
};

static const char *const S_msg_text[MSG__COUNT] = {
	[MSG_EDITORIAL_NOTE] = "editorial note",
	[MSG_XML] = "malformed XML",
	[MSG_SCHEMA] = "not valid against the schema",
	[MSG_DOCTYPE] = "document type declarations are not allowed",
	[MSG_ENCODING] = "content files must be encoded in UTF-8",
	[MSG_COMPRESSED] = "compressed file; content files must be plain XML",
	[MSG_ATTR_MISSING] = "missing attribute",
	[MSG_ATTR_VALUE] = "invalid attribute value",
	[MSG_ELEM_MISSING] = "missing element",
	[MSG_NUMBER] = "not a whole number",
	[MSG_TEXT_EMPTY] = "empty text",
	[MSG_TEXT_LINEBREAK] = "line break in a one-line field",
	[MSG_TEXT_SIZE] = "one-line field too long",
	[MSG_MARKDOWN_SIZE] = "Markdown field too long",
	[MSG_MARKDOWN_DEPTH] = "Markdown nested too deeply",
	[MSG_ID_PATTERN] = "invalid ID; IDs match [a-z0-9][a-z0-9-]{0,63}",
	[MSG_ID_DUPLICATE] = "duplicate ID",
	[MSG_ID_CASE] = "IDs differ only by case",
	[MSG_FRAMEWORK_DUPLICATE] = "framework defined twice",
	[MSG_JOBTYPE_NUMBER] = "job type number used twice",
	[MSG_LEVEL_RANGE] = "level outside 1-7",
	[MSG_LEVEL_BOUNDS] = "min-level is greater than max-level",
	[MSG_LEVEL_OUTSIDE] = "level outside the job type's levels",
	[MSG_LEVEL_DUPLICATE] = "level given twice",
	[MSG_LEVEL_MISSING] = "level missing; write an empty <level> for "
	    "a level the source leaves undefined",
	[MSG_ENTRY_EMPTY] = "no level described",
	[MSG_SKILL_UNKNOWN] = "unknown skill",
	[MSG_SKILL_TWICE] = "skill listed twice in one specialty",
	[MSG_SKILL_UNUSED] = "skill used by no specialty",
	[MSG_COMMON_MISSING] = "specialty lacks a common skill",
	[MSG_KNOWLEDGE_DUPLICATE] = "knowledge item listed twice",
	[MSG_IO_OPEN] = "cannot open",
	[MSG_IO_READ] = "cannot read",
	[MSG_IO_NOT_FILE] = "not a regular file",
	[MSG_IO_TOO_LARGE] = "file too large",
	[MSG_IO_NO_CONTENT] = "no content files (*.xml) in directory",
};

/* Returns the exit status that message m implies. */
static enum exit_status
S_msg_status(enum msg m)
{
	if (m >= MSG_IO_FIRST)
		return EXIT_IO;
	if (m >= MSG_CONTENT_FIRST)
		return EXIT_CONTENT;
	return EXIT_OK;
}

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

void
diag_free(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->nitems; i++)
		free(d->items[i].detail);
	free(d->items);
	d->items = NULL;
	d->nitems = d->capitems = 0;
}

/* Returns a malloc'd string formatted from fmt and ap, or NULL. */
static char *
S_vformat(const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int len;

	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (len < 0 || (s = malloc((size_t)len + 1)) == NULL)
		return NULL;
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

void
diag_vmsg(struct diag *d, enum msg m, const struct pos *pos, int secondary,
    const char *fmt, va_list ap)
{
	struct diag_item *it;
	enum exit_status st = S_msg_status(m);

	if (st > d->worst)
		d->worst = st;
	if (st != EXIT_OK)
		d->nerrors++;
	if (d->nitems == DIAG_STORE_MAX) {
		d->dropped[st != EXIT_OK]++;
		return;
	}
	if (d->nitems == d->capitems) {
		size_t cap = d->capitems ? d->capitems * 2 : 64;
		void *v = realloc(d->items, cap * sizeof(*d->items));

		if (v == NULL) {
			d->dropped[st != EXIT_OK]++;
			return;
		}
		d->items = v;
		d->capitems = cap;
	}
	it = &d->items[d->nitems];
	memset(it, 0, sizeof(*it));
	it->msg = m;
	it->secondary = secondary;
	it->seq = d->nitems++;
	if (pos != NULL) {
		it->pos = *pos;
		it->has_pos = 1;
	}
	it->detail = fmt == NULL ? NULL : S_vformat(fmt, ap);
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

void
diag_plain(FILE *out, const char *fmt, ...)
{
	va_list ap;

	fputs("skillsite: error: ", out);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputc('\n', out);
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
		if (!d->items[j].secondary &&
		    S_msg_status(d->items[j].msg) != EXIT_OK)
			return 1;
	return 0;
}

/* Returns whether item i repeats item i - 1 word for word. */
static int
S_is_repeat(const struct diag *d, size_t i)
{
	const struct diag_item *x = &d->items[i], *p;

	if (i == 0)
		return 0;
	p = &d->items[i - 1];
	return S_same_pos(x, p) && x->msg == p->msg &&
	    (x->detail == NULL) == (p->detail == NULL) &&
	    (x->detail == NULL || strcmp(x->detail, p->detail) == 0);
}

/* Prints one item in the common format. */
static void
S_print(FILE *out, const struct diag_item *it, const char *const *files,
    size_t nfiles)
{
	const char *sev = S_msg_status(it->msg) == EXIT_OK ? "notice" : "error";

	fputs("skillsite: ", out);
	if (it->has_pos && it->pos.file < nfiles) {
		fputs(files[it->pos.file], out);
		if (it->pos.line > 0)
			fprintf(out, ":%d:%d", it->pos.line, it->pos.col);
		fputs(": ", out);
	}
	fprintf(out, "%s: %s", sev, S_msg_text[it->msg]);
	if (it->detail != NULL)
		fprintf(out, ": %s", it->detail);
	fputc('\n', out);
}

void
diag_flush(struct diag *d, const char *const *files, size_t nfiles)
{
	size_t i, shown[2] = {0, 0}, hidden[2] = {0, 0};

	if (d->nitems > 1)
		qsort(d->items, d->nitems, sizeof(*d->items), S_item_cmp);
	for (i = 0; i < d->nitems; i++) {
		const struct diag_item *it = &d->items[i];
		int cls = S_msg_status(it->msg) != EXIT_OK;

		if ((it->secondary && S_is_redundant(d, i)) || S_is_repeat(d, i))
			continue;
		if (shown[cls] == DIAG_SHOW_MAX) {
			hidden[cls]++;
			continue;
		}
		shown[cls]++;
		S_print(d->out, it, files, nfiles);
	}
	hidden[0] += d->dropped[0];
	hidden[1] += d->dropped[1];
	if (hidden[0] > 0)
		fprintf(d->out, "skillsite: notice: %zu more notices not shown\n",
		    hidden[0]);
	if (hidden[1] > 0)
		fprintf(d->out, "skillsite: error: %zu more errors not shown\n",
		    hidden[1]);
	fflush(d->out);
	diag_free(d);
	d->dropped[0] = d->dropped[1] = 0;
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
