/* xlsx_assess.c: the self-assessment workbook, made in a temporary
 * folder and read back; see xlsx_assess.h. */
#include "xlsx_assess_private.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"

/* The document's creation time, fixed so that the bytes are the same
 * from build to build: 2000-01-01T00:00:00Z, as framework.xlsx's
 * (XLSX_CREATED of the shared xlsx.h, which this file's workbook
 * handling duplicates until the two are merged). */
#define XA_CREATED	((time_t)946684800)

/* The largest workbook read back. */
#define XA_MAX_BYTES	(64L * 1024 * 1024)

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

/* Closes wb (writes and frees it) with the process's stderr pointed at
 * /dev/null, and returns workbook_close()'s result: libxlsxwriter 1.1.4
 * prints its own lines there when it fails (out of memory, a full
 * disk), which it also returns, and skillsite prints nothing but its
 * diagnostics.  Lines other threads print meanwhile are lost; the
 * build's diagnostics are printed after the threads end.  One thread at
 * a time (the workbooks are made on several), so that each puts back
 * the stderr it found. */
static lxw_error
S_close_quietly(lxw_workbook *wb)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	int saved, null;
	lxw_error e;

	pthread_mutex_lock(&lock);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		(void)dup2(null, STDERR_FILENO);
	e = workbook_close(wb);
	fflush(stderr);
	if (saved >= 0 && null >= 0)
		(void)dup2(saved, STDERR_FILENO);
	if (saved >= 0)
		close(saved);
	if (null >= 0)
		close(null);
	pthread_mutex_unlock(&lock);
	return e;
}

/* Writes the workbook of x to path, with its temporary files in dir;
 * returns 0, or -1 with the error in x->err. */
static int
S_write(struct xa *x, const char *path, const char *dir)
{
	lxw_workbook_options opt = { .tmpdir = (char *)dir };
	lxw_doc_properties props = { .title = (char *)x->title,
	    .created = XA_CREATED };
	int rc = 0;

	if ((x->wb = workbook_new_opt(path, &opt)) == NULL) {
		x->err = LXW_ERROR_CREATING_XLSX_FILE;
		return -1;
	}
	xa_ok(x, workbook_set_properties(x->wb, &props));
	xa_formats(x);
	if (x->err != LXW_NO_ERROR || xa_sheet_assess(x) < 0 ||
	    xa_sheet_team(x) < 0)
		rc = -1;
	if (xa_ok(x, S_close_quietly(x->wb)) != LXW_NO_ERROR)
		rc = -1;	/* workbook_close() frees it, written or not */
	return rc == 0 && x->err == LXW_NO_ERROR ? 0 : -1;
}

/* Returns the bytes of the file at path, malloc'd, and sets *len; NULL
 * when it cannot be read (errno set). */
static char *
S_read_back(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    size <= XA_MAX_BYTES && fseek(f, 0, SEEK_SET) == 0) {
		buf = xcalloc((size_t)size + 1, 1);
		if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)size;
	} else
		errno = EFBIG;
	fclose(f);
	return buf;
}

char *
xlsx_assess_workbook(const struct jobtype *jt, const struct specialty *sp,
    const struct labels *lb, size_t *len, struct diag *d)
{
	const char *tmp = getenv("TMPDIR");
	struct arena a;
	struct xa x = { .jt = jt, .sp = sp, .lb = lb, .a = &a };
	char *dir, *path, *bytes = NULL;

	arena_init(&a);
	dir = arena_printf(&a, "%s/skillsite-xlsx-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		diag_msg(d, MSG_IO_WRITE, NULL, "%s: %s", dir, strerror(errno));
		arena_free(&a);
		return NULL;
	}
	path = arena_printf(&a, "%s/book.xlsx", dir);
	x.title = xa_label(&x, LABEL_BOOK_TITLE, &(struct label_args){
	    .jobtype = jt->name, .specialty = sp->name });
	x.scale = xlsx_assess_scale(&a, lb, jt, &x.nscale);
	x.roles = S_roles(&x);
	if (S_write(&x, path, dir) < 0)
		diag_msg(d, MSG_IO_WRITE, NULL, "%s-assessment.xlsx: %s", sp->id,
		    x.err != LXW_NO_ERROR ? lxw_strerror(x.err) :
		    "a sheet's name is not allowed");
	else if ((bytes = S_read_back(path, len)) == NULL)
		diag_msg(d, MSG_IO_READ, NULL, "%s: %s", path, strerror(errno));
	(void)unlink(path);
	(void)rmdir(dir);
	arena_free(&a);
	return bytes;
}
