/* xlsx_assess.c: the self-assessment workbook, made with the shared
 * layer (xlsx.h: temporary folder, close, read-back); see
 * xlsx_assess.h. */
#include "xlsx_assess_private.h"

#include <string.h>

/* Returns the roles of x's specialty, in order, in x's arena; sets
 * x->nroles. */
static const struct role **
S_roles(struct xa *x)
{
	const struct role **v = arena_calloc(x->a, x->jt->nroles + 1,
	    sizeof(*v));
	size_t i;

	x->nroles = 0;
	for (i = 0; i < x->jt->nroles; i++)
		if (x->jt->roles[i]->specialty_id != NULL &&
		    strcmp(x->jt->roles[i]->specialty_id, x->sp->id) == 0)
			v[x->nroles++] = x->jt->roles[i];
	return v;
}

/* Writes the sheets of x into its open workbook; returns 0, or -1 after
 * reporting to d (x->err, or a sheet's name refused). */
static int
S_sheets(struct xa *x, struct diag *d)
{
	xa_formats(x);
	if (x->err == LXW_NO_ERROR && xa_sheet_assess(x) == 0 &&
	    xa_sheet_team(x) == 0 && x->err == LXW_NO_ERROR)
		return 0;
	diag_msg(d, MSG_IO_WRITE, NULL, "%s-assessment.xlsx: %s", x->sp->id,
	    x->err != LXW_NO_ERROR ? lxw_strerror(x->err) :
	    "a sheet's name is not allowed");
	return -1;
}

char *
xlsx_assess_workbook(const struct jobtype *jt, const struct specialty *sp,
    const struct labels *lb, size_t *len, struct diag *d)
{
	struct arena a;
	struct xa x = { .jt = jt, .sp = sp, .lb = lb, .a = &a };
	char *bytes = NULL;

	arena_init(&a);
	x.title = xa_label(&x, LABEL_BOOK_TITLE, &(struct label_args){
	    .jobtype = jt->name, .specialty = sp->name });
	x.scale = xlsx_assess_scale(&a, lb, jt, &x.nscale);
	x.roles = S_roles(&x);
	x.book = xlsx_open(x.title, NULL, labels_text(lb, LABEL_XLSX_FONT), d);
	if (x.book != NULL) {
		x.wb = x.book->wb;
		if (S_sheets(&x, d) < 0)
			xlsx_discard(x.book);
		else
			bytes = xlsx_bytes(x.book, arena_printf(&a,
			    "%s-assessment.xlsx", sp->id), len, d);
	}
	arena_free(&a);
	return bytes;
}
