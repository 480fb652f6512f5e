/* xlsx_assess.c: the self-assessment workbook, made with the shared
 * layer (xlsx.h: temporary folder, close, read-back); see
 * xlsx_assess.h. */
#include "xlsx_assess_private.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

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
 * reporting libxlsxwriter's first error (x->err) to d. */
static int
S_sheets(struct xa *x, struct diag *d)
{
	xa_formats(x);
	if (x->err == LXW_NO_ERROR) {
		xa_sheet_assess(x);
		xa_sheet_team(x);
	}
	if (x->err == LXW_NO_ERROR)
		return 0;
	diag_msg(d, MSG_IO_WRITE, NULL, "%s-assessment.xlsx: %s", x->sp->id,
	    lxw_strerror(x->err));
	return -1;
}

/* The workbook being made in a child: its specialty and labels. */
struct assess_job {
	const struct jobtype	*jt;
	const struct specialty	*sp;
	const struct labels	*lb;
};

/* xlsx_make_fn: makes the workbook of the assess_job ctx. */
static char *
S_make(void *ctx, size_t *len, struct diag *d)
{
	const struct assess_job *job = ctx;
	struct arena a;
	struct xa x = { .jt = job->jt, .sp = job->sp, .lb = job->lb, .a = &a };
	char *bytes = NULL;

	arena_init(&a);
	x.title = xa_label(&x, LABEL_BOOK_TITLE, &(struct label_args){
	    .jobtype = x.jt->name, .specialty = x.sp->name });
	x.scale = xlsx_assess_scale(&a, x.lb, x.jt, &x.nscale);
	x.roles = S_roles(&x);
	x.book = xlsx_open(x.title, NULL, labels_text(x.lb, LABEL_XLSX_FONT), d);
	if (x.book != NULL) {
		x.wb = x.book->wb;
		if (S_sheets(&x, d) < 0)
			xlsx_discard(x.book);
		else
			bytes = xlsx_bytes(x.book, arena_printf(&a,
			    "%s-assessment.xlsx", x.sp->id), len, d);
	}
	arena_free(&a);
	return bytes;
}

char *
xlsx_assess_workbook(const struct jobtype *jt, const struct specialty *sp,
    const struct labels *lb, size_t *len, struct diag *d)
{
	struct assess_job job = { jt, sp, lb };
	char *what = xasprintf("%s-assessment.xlsx", sp->id);
	char *bytes = xlsx_in_child(S_make, &job, what, len, d);

	free(what);
	return bytes;
}
