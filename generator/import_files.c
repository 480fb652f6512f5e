/* import_files.c: the content files of an import; see import_files.h. */
#include "import_files.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "load.h"
#include "markdown.h"
#include "resolve.h"

void
import_files_add(struct import_files *fs, const char *path, size_t file,
    const struct stat *st, const char *buf, size_t len)
{
	struct import_file *f;

	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 8;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof(*fs->v));
	}
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->file = file;
	f->mode = st != NULL ? st->st_mode : 0644;
	f->buf = xreallocarray(NULL, len + 1, 1);
	memcpy(f->buf, buf, len);
	f->buf[len] = '\0';
	f->len = len;
}

void
import_files_free(struct import_files *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].path);
		free(fs->v[i].buf);
		free(fs->v[i].newbuf);
		free(fs->v[i].edits);
	}
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
}

int
import_files_apply(struct import_files *fs, struct edit *edits, size_t n,
    struct diag *d)
{
	size_t i, j;
	int rc = 0;

	for (i = 0; i < fs->n; i++) {
		struct import_file *f = &fs->v[i];

		f->edits = xcalloc(n + 1, sizeof(*f->edits));
		for (j = 0; j < n; j++)
			if (edits[j].at.file == f->file)
				f->edits[f->nedits++] = &edits[j];
		if (f->nedits > 0 && (f->newbuf = edit_apply(f->buf, f->len,
		    f->file, f->edits, f->nedits, d, &f->newlen)) == NULL)
			rc = -1;
	}
	return rc;
}

/* Returns whether p is at or after a and at or before b. */
static int
S_within(const struct pos *p, const struct pos *a, const struct pos *b)
{
	return (p->line > a->line || (p->line == a->line &&
	    p->col >= a->col)) && (p->line < b->line || (p->line == b->line &&
	    p->col <= b->col));
}

/* diag_each_position: moves a position in an edited text of the check's
 * load to the cell the text came from. */
static void
S_to_cell(void *ctx, struct pos *p)
{
	const struct import_files *fs = ctx;
	size_t i, j;

	for (i = 0; i < fs->n; i++) {
		const struct import_file *f = &fs->v[i];

		if (f->newbuf == NULL || p->file != f->check)
			continue;
		for (j = 0; j < f->nedits; j++)
			if (S_within(p, &f->edits[j]->from, &f->edits[j]->to)) {
				*p = f->edits[j]->cell;
				return;
			}
	}
}

int
import_files_check(struct import_files *fs, struct diag *d)
{
	struct loader *l;
	struct model m;
	size_t i, before = diag_errors(d);

	model_init(&m);
	if ((l = loader_new(&m, d)) != NULL) {
		for (i = 0; i < fs->n; i++) {
			struct import_file *f = &fs->v[i];

			f->check = diag_nfiles(d);
			loader_buffer(l, f->path, f->newbuf ? f->newbuf : f->buf,
			    f->newbuf ? f->newlen : f->len);
		}
		loader_free(l);
		resolve(&m, d);
		md_table_free(md_prepare(&m, 1, 0, d));
	}
	model_free(&m);
	diag_each_position(d, S_to_cell, fs);
	return diag_errors(d) > before || l == NULL ? -1 : 0;
}

/* Prints each line of text to out after the mark c. */
static void
S_lines(FILE *out, char c, const char *text)
{
	const char *nl;

	do {
		nl = strchr(text, '\n');
		fprintf(out, "%c%.*s\n", c, (int)(nl != NULL ?
		    (size_t)(nl - text) : strlen(text)), text);
		text = nl + 1;
	} while (nl != NULL);
}

void
import_files_print(const struct import_files *fs, const struct diag *d,
    FILE *out)
{
	size_t i, j;
	char col[8];

	for (i = 0; i < fs->n; i++)
		for (j = 0; j < fs->v[i].nedits; j++) {
			const struct edit *e = fs->v[i].edits[j];
			char *path = diag_escape(fs->v[i].path);
			char *sheet = diag_escape(diag_file(d, e->cell.file));

			fprintf(out, "%s:%d: %s:%d:%s\n", path, e->from.line,
			    sheet, e->cell.line, diag_column_letters(
			    (unsigned)e->cell.col, col));
			S_lines(out, '-', e->old);
			S_lines(out, '+', e->text);
			free(path);
			free(sheet);
		}
}

/* Reports that path cannot be written: why, errno's words (EAGAIN:
 * none). */
static void
S_write_failed(struct diag *d, const char *path, const char *why)
{
	struct pos p = { diag_add_file(d, path), 0, 0 };

	if (errno == EAGAIN)
		diag_msg(d, MSG_IO_IMPORT, &p, "%s", why);
	else
		diag_msg(d, MSG_IO_IMPORT, &p, "%s: %s", why, strerror(errno));
}

/* Writes the new bytes of f to a new file beside it, of its mode,
 * flushed; returns its path (malloc'd), or NULL after reporting. */
static char *
S_write_beside(const struct import_file *f, struct diag *d)
{
	char *tmp = xasprintf("%s.import-XXXXXX", f->path);
	size_t done = 0;
	ssize_t w;
	int fd;

	if ((fd = mkstemp(tmp)) < 0) {
		S_write_failed(d, f->path, "cannot create a file beside it");
		free(tmp);
		return NULL;
	}
	while (done < f->newlen && (w = write(fd, f->newbuf + done,
	    f->newlen - done)) > 0)
		done += (size_t)w;
	if (done < f->newlen || fchmod(fd, f->mode & 07777) < 0 ||
	    fsync(fd) < 0) {
		S_write_failed(d, f->path, "cannot write the file beside it");
		close(fd);
		unlink(tmp);
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

/* Returns whether the file of f still holds the bytes read (an editor
 * may have saved it meanwhile); reports to d when not. */
static int
S_unchanged(const struct import_file *f, struct diag *d)
{
	size_t len;
	char *now = load_read_file(f->path, LOAD_FILE_MAX, d, &len);
	int same = now != NULL && len == f->len &&
	    memcmp(now, f->buf, len) == 0;

	free(now);
	if (!same) {
		errno = EAGAIN;
		S_write_failed(d, f->path, "it changed since import read it");
	}
	return same;
}

int
import_files_write(struct import_files *fs, struct diag *d)
{
	char **tmp = xcalloc(fs->n + 1, sizeof(*tmp));
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < fs->n; i++)
		if (fs->v[i].newbuf != NULL && (!S_unchanged(&fs->v[i], d) ||
		    (tmp[i] = S_write_beside(&fs->v[i], d)) == NULL))
			rc = -1;
	for (i = 0; i < fs->n; i++) {
		if (tmp[i] == NULL)
			continue;
		if (rc < 0)
			unlink(tmp[i]);
		else if (rename(tmp[i], fs->v[i].path) < 0) {
			S_write_failed(d, fs->v[i].path, "cannot rename the "
			    "new file over it");
			unlink(tmp[i]);
			rc = -1;
		}
		free(tmp[i]);
	}
	free(tmp);
	return rc;
}
