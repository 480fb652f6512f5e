/* xlsx_assess_parts.c: the parts of the self-assessment workbook its
 * sheets share: the choices, the gap formula, the formats, the words;
 * see xlsx_assess.h and xlsx_assess_private.h. */
#include "xlsx_assess_private.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* Returns the choice below jt's lowest defined level (label
 * assess-none), in a. */
static const char *
S_none(struct arena *a, const struct labels *lb, const struct jobtype *jt)
{
	int lowest = jobtype_next_level(jt, 0);

	return labels_format(lb, a, LABEL_ASSESS_NONE, &(struct label_args){
	    .level = lowest != 0 ? labels_format(lb, a, LABEL_LEVEL,
	    &(struct label_args){ .n = lowest }) : "" });
}

/* Returns the none choice and the levels of jt that e describes (all
 * of jt's when e is NULL), NULL-terminated, in a; sets *n. */
static const char **
S_levels(struct arena *a, const struct labels *lb, const struct jobtype *jt,
    const struct entry *e, size_t *n)
{
	const char **v = arena_calloc(a, (size_t)jobtype_count_levels(jt) + 2,
	    sizeof(*v));
	int level;

	*n = 0;
	v[(*n)++] = S_none(a, lb, jt);
	for (level = jobtype_next_level(jt, 0); level != 0;
	    level = jobtype_next_level(jt, level))
		if (e == NULL || entry_level_text(e, level) != NULL)
			v[(*n)++] = labels_format(lb, a, LABEL_LEVEL,
			    &(struct label_args){ .n = level });
	return v;
}

const char **
xlsx_assess_scale(struct arena *a, const struct labels *lb,
    const struct jobtype *jt, size_t *n)
{
	return S_levels(a, lb, jt, NULL, n);
}

const char **
xlsx_assess_choices(struct arena *a, const struct labels *lb,
    const struct jobtype *jt, const struct entry *e)
{
	size_t n;

	return S_levels(a, lb, jt, e, &n);
}

/* Returns v as a formula's array constant, {"a","b"}, each " doubled,
 * in a. */
static const char *
S_array(struct arena *a, const char *const *v)
{
	struct strbuf b = { NULL, 0, 0 };
	const char *p, *q, *s;
	size_t i;

	strbuf_add(&b, "{", 1);
	for (i = 0; v[i] != NULL; i++) {
		strbuf_add(&b, i > 0 ? ",\"" : "\"", i > 0 ? 2 : 1);
		for (p = v[i]; (q = strchr(p, '"')) != NULL; p = q + 1) {
			strbuf_add(&b, p, (size_t)(q - p) + 1);
			strbuf_add(&b, "\"", 1);	/* a quote doubled */
		}
		strbuf_add(&b, p, strlen(p));
		strbuf_add(&b, "\"", 1);
	}
	strbuf_add(&b, "}", 1);
	s = arena_strndup(a, b.s, b.len);
	free(b.s);
	return s;
}

const char *
xlsx_assess_gap_formula(struct arena *a, unsigned row,
    const char *const *scale)
{
	const char *arr = S_array(a, scale);
	unsigned r = row + 1;

	return arena_printf(a, "IF(OR(B%u=\"\",C%u=\"\"),\"\","
	    "IFERROR(MATCH(C%u,%s,0)-MATCH(B%u,%s,0),\"\"))", r, r, r, arr,
	    r, arr);
}

const char *
xlsx_assess_copy_range(struct arena *a, size_t nskills)
{
	return arena_printf(a, "A%d:D%zu", XLSX_ASSESS_FIRST_ROW + 1,
	    XLSX_ASSESS_FIRST_ROW + (nskills > 0 ? nskills : 1));
}

const char *
xlsx_assess_paste_cell(struct arena *a, size_t nskills)
{
	return arena_printf(a, "A%zu", XA_TEAM_PASTE_ROW(nskills) + 1);
}

lxw_error
xa_ok(struct xa *x, lxw_error e)
{
	if (x->err == LXW_NO_ERROR)
		x->err = e;
	return e;
}

const char *
xa_label(struct xa *x, enum label l, const struct label_args *args)
{
	return labels_format(x->lb, x->a, l, args);
}

/* Returns a new format of x's workbook in its font (xlsx_open()'s, the
 * label xlsx-font) at size pt, wrapped
 * and vertically centred; when libxlsxwriter has no memory for it, sets
 * x->err and returns x->spare, which the sheets then never see. */
static lxw_format *
S_format(struct xa *x, double pt)
{
	lxw_format *f = workbook_add_format(x->wb);

	if (f == NULL) {
		x->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
		f = &x->spare;
	}

	format_set_font_name(f, x->book->font);
	format_set_font_charset(f, 128);	/* Japanese */
	format_set_font_size(f, pt);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

/* Returns a format of x's workbook at size pt with a thin border, unlocked and
 * filled light yellow when fill is set (a cell to fill in). */
static lxw_format *
S_boxed(struct xa *x, double pt, int fill)
{
	lxw_format *f = S_format(x, pt);

	format_set_border(f, LXW_BORDER_THIN);
	if (fill) {
		format_set_bg_color(f, 0xFFF8D6);
		format_set_unlocked(f);
	}
	return f;
}

/* Makes the formats of x's table: its heads, cells and gaps. */
static void
S_table_formats(struct xa *x)
{
	struct xa_formats *f = &x->f;

	f->head = S_boxed(x, 10, 0);
	format_set_bold(f->head);
	format_set_bg_color(f->head, 0xE4EAF2);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	f->head_small = S_boxed(x, 9, 0);
	format_set_bold(f->head_small);
	format_set_bg_color(f->head_small, 0xE4EAF2);
	format_set_align(f->head_small, LXW_ALIGN_CENTER);
	f->skill = S_boxed(x, 10, 0);
	format_set_indent(f->skill, 1);
	f->choice = S_boxed(x, 10, 1);
	format_set_indent(f->choice, 1);
	f->role = S_boxed(x, 9, 0);
	format_set_align(f->role, LXW_ALIGN_CENTER);
	f->text = S_boxed(x, 8, 0);
	format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
	f->undefined = S_boxed(x, 8, 0);
	format_set_font_color(f->undefined, 0x6B6B6B);
	format_set_bg_color(f->undefined, 0xF2F2F2);
	f->gap = S_boxed(x, 11, 0);
	format_set_bold(f->gap);
	format_set_align(f->gap, LXW_ALIGN_CENTER);
	format_set_num_format(f->gap, "+0;-0;0");
	format_set_hidden(f->gap);
	f->count = S_boxed(x, 10, 0);
	format_set_align(f->count, LXW_ALIGN_CENTER);
	f->average = S_boxed(x, 10, 0);
	format_set_align(f->average, LXW_ALIGN_CENTER);
	format_set_num_format(f->average, "+0.0;-0.0;0.0");
	f->gap_up = S_format(x, 11);
	format_set_bg_color(f->gap_up, 0xFCE4C4);
	format_set_font_color(f->gap_up, 0x8A3B00);
	f->gap_met = S_format(x, 11);
	format_set_bg_color(f->gap_met, 0xDDF0DD);
	format_set_font_color(f->gap_met, 0x1E5E1E);
}

void
xa_formats(struct xa *x)
{
	struct xa_formats *f = &x->f;

	f->title = S_format(x, 14);
	format_set_bold(f->title);
	f->section = S_format(x, 11);
	format_set_bold(f->section);
	f->how = S_format(x, 9);
	f->note = S_format(x, 8);
	f->label = S_format(x, 10);
	format_set_bold(f->label);
	f->input = S_boxed(x, 10, 1);
	f->seal = S_boxed(x, 10, 1);
	S_table_formats(x);
}

