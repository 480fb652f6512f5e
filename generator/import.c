/* import.c: what cells say about the model's texts, turned into edits;
 * see import.h.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "text.h"

/* A cell's text for a field of the model. */
struct import_obs {
	struct pos	 at;
	const char	*child;
	int		 markdown;
	const char	*old;		/* as the model has it */
	const char	*text;		/* as the cell has it, normalised */
	struct pos	 cell;
	size_t		 seq;		/* order observed */
};

void
import_init(struct import *im, const struct model *m, struct diag *d)
{
	memset(im, 0, sizeof(*im));
	im->m = m;
	im->d = d;
	arena_init(&im->arena);
}

void
import_free(struct import *im)
{
	free(im->obs);
	free(im->edits);
	arena_free(&im->arena);
}

/* Returns text as the loader would read it from an element: CR LF and
 * lone CRs made LFs, then dedented (Markdown) or trimmed. */
static const char *
S_normalise(struct import *im, const char *text, int markdown)
{
	char *s = arena_strdup(&im->arena, text), *w = s;
	const char *r;

	for (r = s; *r != '\0'; r++)
		if (*r != '\r')
			*w++ = *r;
		else if (r[1] != '\n')
			*w++ = '\n';
	*w = '\0';
	return markdown ? text_dedent(&im->arena, s) :
	    text_trim(&im->arena, s, &(int){ 0 });
}

void
import_observe(struct import *im, const struct pos *at, const char *child,
    int markdown, const char *old, const char *cell_text,
    const struct pos *cell)
{
	struct import_obs *o;

	if (im->nobs == im->capobs) {
		im->capobs = im->capobs ? im->capobs * 2 : 256;
		im->obs = xreallocarray(im->obs, im->capobs, sizeof(*im->obs));
	}
	o = &im->obs[im->nobs];
	o->at = *at;
	o->child = child;
	o->markdown = markdown;
	o->old = old != NULL ? old : "";
	o->text = S_normalise(im, cell_text != NULL ? cell_text : "",
	    markdown);
	o->cell = *cell;
	o->seq = im->nobs++;
}

struct pos
import_skill_name_at(const struct skill *k, const char **child)
{
	const struct tailoring *t = k->renamed_by;
	size_t i;

	*child = "name";
	for (i = 0; t != NULL && i < t->nrenames; i++)
		if (strcmp(t->renames[i].at.skill_id, k->id) == 0)
			return t->renames[i].at.pos;
	return k->pos;
}

void
import_observe_items(struct import *im, const struct knowledge *v,
    size_t n, const char *cell_text, const struct pos *cell)
{
	const char *s = cell_text != NULL ? cell_text : "", *nl;
	size_t i, k = 0, lines = 0;

	for (i = 0; i < n; i++)
		k += v[i].from == NULL;
	for (nl = s; *s != '\0' && nl != NULL; nl = strchr(nl + 1, '\n'))
		lines++;	/* a line, then one more per line break */
	lines += *s == '\n';	/* the loop steps over a first one */
	if (lines != k) {
		diag_msg(im->d, MSG_IMPORT_ITEMS, cell, "%zu %s, %zu %s",
		    lines, lines == 1 ? "line" : "lines", k, k == 1 ? "item" :
		    "items");
		return;
	}
	for (i = 0; i < n; i++) {
		if (v[i].from != NULL)
			continue;
		nl = strchr(s, '\n');
		import_observe(im, &v[i].pos, NULL, 0, v[i].text,
		    arena_strndup(&im->arena, s, nl != NULL ?
		    (size_t)(nl - s) : strlen(s)), cell);
		s = nl != NULL ? nl + 1 : s + strlen(s);
	}
}

/* Orders observations by field, then as observed. */
static int
S_by_field(const void *a, const void *b)
{
	const struct import_obs *x = a, *y = b;
	int c;

	if (x->at.file != y->at.file)
		return x->at.file < y->at.file ? -1 : 1;
	if (x->at.line != y->at.line)
		return x->at.line < y->at.line ? -1 : 1;
	if (x->at.col != y->at.col)
		return x->at.col < y->at.col ? -1 : 1;
	if ((c = strcmp(x->child ? x->child : "", y->child ? y->child : "")))
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Reports the cells of the n observations at v, of one field, that
 * change it otherwise than the first change, first, does; each at its
 * cell, with where the first is. */
static int
S_conflicts(struct import *im, const struct import_obs *v, size_t n,
    const struct import_obs *first)
{
	char col[8], col2[8];
	size_t i;
	int found = 0;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i].text, v[i].old) == 0 ||
		    strcmp(v[i].text, first->text) == 0)
			continue;
		if (!found)
			diag_msg(im->d, MSG_IMPORT_CONFLICT, &first->cell,
			    "as at %d:%s", v[i].cell.line, diag_column_letters(
			    (unsigned)v[i].cell.col, col));
		found = 1;
		diag_msg(im->d, MSG_IMPORT_CONFLICT, &v[i].cell, "as at %d:%s",
		    first->cell.line, diag_column_letters(
		    (unsigned)first->cell.col, col2));
	}
	return found;
}

/* Adds the edit, if any, of the n observations at v, of one field. */
static void
S_field(struct import *im, const struct import_obs *v, size_t n)
{
	const struct import_obs *first = NULL;
	struct edit *e;
	size_t i;

	for (i = 0; i < n && first == NULL; i++)
		if (strcmp(v[i].text, v[i].old) != 0)
			first = &v[i];
	if (first == NULL || S_conflicts(im, v, n, first))
		return;
	if (first->text[0] == '\0') {
		diag_msg(im->d, MSG_IMPORT_EMPTIED, &first->cell, NULL);
		return;
	}
	e = &im->edits[im->nedits++];
	memset(e, 0, sizeof(*e));
	e->at = first->at;
	e->child = first->child;
	e->text = first->text;
	e->old = first->old;
	e->markdown = first->markdown;
	e->cell = first->cell;
}

/* Returns whether x and y observe one field. */
static int
S_same_field(const struct import_obs *x, const struct import_obs *y)
{
	return x->at.file == y->at.file && x->at.line == y->at.line &&
	    x->at.col == y->at.col && strcmp(x->child ? x->child : "",
	    y->child ? y->child : "") == 0;
}

size_t
import_edits(struct import *im)
{
	size_t i, j;

	qsort(im->obs, im->nobs, sizeof(*im->obs), S_by_field);
	im->edits = xcalloc(im->nobs + 1, sizeof(*im->edits));
	for (i = 0; i < im->nobs; i = j) {
		for (j = i + 1; j < im->nobs &&
		    S_same_field(&im->obs[i], &im->obs[j]); j++)
			continue;
		S_field(im, &im->obs[i], j - i);
	}
	return im->nedits;
}

/* Orders keyed rows by key, then row. */
static int
S_by_key(const void *a, const void *b)
{
	const struct import_keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x->row > y->row) - (x->row < y->row);
}

struct import_keyed *
import_keyed_rows(struct import *im, const struct grid_sheet *s,
    unsigned first, const unsigned *cols, size_t ncols, size_t *n)
{
	struct import_keyed *v = xcalloc(s->ncells + 1, sizeof(*v));
	const struct grid_cell *c;
	size_t i, j;

	*n = 0;
	for (i = 0; i < s->ncells; i++) {
		struct strbuf b = { NULL, 0, 0 };
		unsigned r = s->cells[i].row;

		if (r < first || (*n > 0 && v[*n - 1].row == r))
			continue;
		for (j = 0; j < ncols; j++) {
			if (cols[j] != 0 && (c = grid_cell_at(s, r, cols[j])))
				strbuf_add(&b, c->text, strlen(c->text));
			strbuf_add(&b, "\x1f", 1);
		}
		v[*n].key = arena_strndup(&im->arena, b.s, b.len);
		v[(*n)++].row = r;
		free(b.s);
	}
	qsort(v, *n, sizeof(*v), S_by_key);
	for (i = 0; i < *n; i++)
		v[i].occurrence = i > 0 && strcmp(v[i].key, v[i - 1].key) == 0 ?
		    v[i - 1].occurrence + 1 : 0;
	return v;
}

struct import_keyed *
import_keyed_find(struct import_keyed *v, size_t n, const char *key,
    unsigned occurrence)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, v[mid].key);

		if (c == 0 && occurrence != v[mid].occurrence)
			c = occurrence < v[mid].occurrence ? -1 : 1;
		if (c == 0)
			return &v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct jobtype *
import_jobtype(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->njobtypes; i++)
		if (strcmp(m->jobtypes[i].id, id) == 0)
			return &m->jobtypes[i];
	return NULL;
}

const struct specialty *
import_specialty(const struct jobtype *jt, const char *id)
{
	size_t i;

	for (i = 0; jt != NULL && i < jt->nspecialties; i++)
		if (strcmp(jt->specialties[i].id, id) == 0)
			return &jt->specialties[i];
	return NULL;
}

const struct entry *
import_entry(const struct specialty *sp, const char *id)
{
	size_t i;

	for (i = 0; sp != NULL && i < sp->nentries; i++)
		if (sp->entries[i].skill != NULL &&
		    strcmp(sp->entries[i].skill_id, id) == 0)
			return &sp->entries[i];
	return NULL;
}
