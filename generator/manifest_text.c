/* manifest_text.c: the text of a build's record; see manifest_private.h.
 *
 * One item per line, fields separated by one space, a path last with
 * every byte up to space, "%" and DEL written as %XX:
 *
 *	skillsite-manifest 1
 *	generator HEX		options HEX		start NS
 *	quiet 0|1		tree HEX	(the site's, mf_tree())
 *	totals PAGES FILES BYTES
 *	input SIZE MTIME CTIME DEV INO DIGEST PATH	(a file read)
 *	folder SIZE MTIME CTIME DEV INO PATH		(a folder listed)
 *	unit KEY PAGES NFILES, then NFILES lines: file KIND LEN PATH
 *	end HEX		(the digest of every byte before this line)
 *
 * HEX and KEY are 128-bit XXH3 digests, 32 hexadecimal digits.
 */
#include "manifest_private.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "text.h"

/* A text being written. */
struct out {
	char	*buf;
	size_t	 len, cap;
};

/* Appends the n bytes at s to o, keeping a NUL after them. */
static void
S_put(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = o->len + n + 1 > 2 * o->cap ? o->len + n + 1 :
		    2 * o->cap;
		o->buf = xreallocarray(o->buf, o->cap, 1);
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/* Appends the formatted text (at most 255 bytes) to o. */
static void
S_printf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
S_printf(struct out *o, const char *fmt, ...)
{
	char s[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	S_put(o, s, n < 0 ? 0 : (size_t)n < sizeof(s) ? (size_t)n :
	    sizeof(s) - 1);
}

/* Returns whether byte c of a path is written as %XX. */
static int
S_escaped(unsigned char c)
{
	return c <= ' ' || c == '%' || c == 0x7f;
}

/* Appends path to o, escaped, and a newline. */
static void
S_path(struct out *o, const char *path)
{
	const char *p = path, *run;

	while (*p != '\0') {
		for (run = p; *p != '\0' && !S_escaped((unsigned char)*p); p++)
			;
		S_put(o, run, (size_t)(p - run));
		if (*p != '\0')
			S_printf(o, "%%%02X", (unsigned char)*p++);
	}
	S_put(o, "\n", 1);
}

/* Appends the digest h to o, as 32 hexadecimal digits. */
static void
S_hex(struct out *o, XXH128_hash_t h)
{
	S_printf(o, "%016" PRIx64 "%016" PRIx64, (uint64_t)h.high64,
	    (uint64_t)h.low64);
}

/* Appends the status s to o, after a space. */
static void
S_status(struct out *o, const struct mf_status *s)
{
	S_printf(o, " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %"
	    PRIu64, s->size, s->mtime, s->ctime, s->dev, s->ino);
}

/* Appends the inputs of r to o. */
static void
S_inputs(struct out *o, const struct mf_record *r)
{
	size_t i;

	for (i = 0; i < r->ninputs; i++) {
		S_printf(o, r->inputs[i].folder ? "folder" : "input");
		S_status(o, &r->inputs[i].st);
		if (!r->inputs[i].folder) {
			S_printf(o, " ");
			S_hex(o, r->inputs[i].digest);
		}
		S_printf(o, " ");
		S_path(o, r->inputs[i].path);
	}
}

/* Appends the keyed units of r to o. */
static void
S_units(struct out *o, const struct mf_record *r)
{
	const struct mf_unit *u;
	size_t i, k;

	for (i = 0; i < r->nunits; i++) {
		u = &r->units[i];
		if (!u->keyed)
			continue;
		S_printf(o, "unit ");
		S_hex(o, u->key);
		S_printf(o, " %zu %zu\n", u->pages, u->nfiles);
		for (k = 0; k < u->nfiles; k++) {
			S_printf(o, "file %d %zu ", (int)u->files[k].kind,
			    u->files[k].len);
			S_path(o, u->files[k].path);
		}
	}
}

char *
mf_format(const struct mf_record *r, size_t *len)
{
	struct out o = { NULL, 0, 0 };
	XXH128_hash_t sum;

	S_printf(&o, MANIFEST_MAGIC "\ngenerator ");
	S_hex(&o, r->generator);
	S_printf(&o, "\noptions ");
	S_hex(&o, r->options);
	S_printf(&o, "\nstart %" PRIu64 "\nquiet %d\ntree ", r->start,
	    r->quiet);
	S_hex(&o, r->tree);
	S_printf(&o, "\ntotals %zu %zu %zu\n", r->totals.pages,
	    r->totals.files, r->totals.bytes);
	S_inputs(&o, r);
	S_units(&o, r);
	sum = XXH3_128bits(o.buf, o.len);
	S_printf(&o, "end ");
	S_hex(&o, sum);
	S_printf(&o, "\n");
	*len = o.len;
	return o.buf;
}

/* A text being read. */
struct in {
	const char	*p, *end;
	int		 bad;
};

/* Reads the word w and the space after it. */
static void
S_word(struct in *in, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(in->end - in->p) <= n || memcmp(in->p, w, n) != 0 ||
	    in->p[n] != ' ')
		in->bad = 1;
	else
		in->p += n + 1;
}

/* Returns whether the next line begins with the word w and a space. */
static int
S_next_is(const struct in *in, const char *w)
{
	size_t n = strlen(w);

	return !in->bad && (size_t)(in->end - in->p) > n &&
	    memcmp(in->p, w, n) == 0 && in->p[n] == ' ';
}

/* Reads the character c. */
static void
S_char(struct in *in, char c)
{
	if (in->p >= in->end || *in->p != c)
		in->bad = 1;
	else
		in->p++;
}

/* Reads a decimal number and the space or newline after it (not read). */
static uint64_t
S_num(struct in *in)
{
	uint64_t v = 0;
	const char *start = in->p;

	while (in->p < in->end && *in->p >= '0' && *in->p <= '9') {
		if (v > (UINT64_MAX - 9) / 10)
			in->bad = 1;
		v = v * 10 + (uint64_t)(*in->p++ - '0');
	}
	if (in->p == start || in->p - start > 20)
		in->bad = 1;
	return in->bad ? 0 : v;
}

/* Reads 32 hexadecimal digits. */
static XXH128_hash_t
S_digest(struct in *in)
{
	XXH128_hash_t h = { 0, 0 };
	int i, x;

	if (in->end - in->p < 32) {
		in->bad = 1;
		return h;
	}
	for (i = 0; i < 32; i++) {
		if ((x = text_xdigit(in->p[i])) < 0) {
			in->bad = 1;
			return h;
		}
		if (i < 16)
			h.high64 = h.high64 << 4 | (uint64_t)x;
		else
			h.low64 = h.low64 << 4 | (uint64_t)x;
	}
	in->p += 32;
	return h;
}

/* Reads an escaped path and its newline; returns it, malloc'd. */
static char *
S_rpath(struct in *in)
{
	const char *nl = memchr(in->p, '\n', (size_t)(in->end - in->p));
	char *s, *q;
	int hi, lo;

	if (nl == NULL || nl == in->p) {
		in->bad = 1;
		return xstrdup("");
	}
	q = s = xcalloc((size_t)(nl - in->p) + 1, 1);
	while (in->p < nl) {
		if (*in->p != '%') {
			*q++ = *in->p++;
			continue;
		}
		if (nl - in->p < 3 || (hi = text_xdigit(in->p[1] | 0x20)) < 0 ||
		    (lo = text_xdigit(in->p[2] | 0x20)) < 0 || hi * 16 + lo == 0) {
			in->bad = 1;
			break;
		}
		*q++ = (char)(hi * 16 + lo);
		in->p += 3;
	}
	in->p = nl + 1;
	return s;
}

/* Reads a status: five numbers, separated by spaces. */
static struct mf_status
S_rstatus(struct in *in)
{
	struct mf_status s;

	s.size = S_num(in);
	S_char(in, ' ');
	s.mtime = S_num(in);
	S_char(in, ' ');
	s.ctime = S_num(in);
	S_char(in, ' ');
	s.dev = S_num(in);
	S_char(in, ' ');
	s.ino = S_num(in);
	return s;
}

/* Reads the lines before the inputs into r. */
static void
S_rhead(struct in *in, struct mf_record *r)
{
	S_word(in, "generator");
	r->generator = S_digest(in);
	S_char(in, '\n');
	S_word(in, "options");
	r->options = S_digest(in);
	S_char(in, '\n');
	S_word(in, "start");
	r->start = S_num(in);
	S_char(in, '\n');
	S_word(in, "quiet");
	r->quiet = S_num(in) == 1;
	S_char(in, '\n');
	S_word(in, "tree");
	r->tree = S_digest(in);
	S_char(in, '\n');
	S_word(in, "totals");
	r->totals.pages = (size_t)S_num(in);
	S_char(in, ' ');
	r->totals.files = (size_t)S_num(in);
	S_char(in, ' ');
	r->totals.bytes = (size_t)S_num(in);
	S_char(in, '\n');
}

/* Reads the inputs and folders into r. */
static void
S_rinputs(struct in *in, struct mf_record *r)
{
	struct mf_input *x;
	int folder;

	while ((folder = S_next_is(in, "folder")) || S_next_is(in, "input")) {
		if (r->ninputs == r->capinputs) {
			r->capinputs = r->capinputs ? 2 * r->capinputs : 64;
			r->inputs = xreallocarray(r->inputs, r->capinputs,
			    sizeof(*r->inputs));
		}
		x = &r->inputs[r->ninputs++];
		memset(x, 0, sizeof(*x));
		S_word(in, folder ? "folder" : "input");
		x->folder = folder;
		x->st = S_rstatus(in);
		S_char(in, ' ');
		if (!folder) {
			x->digest = S_digest(in);
			S_char(in, ' ');
		}
		x->path = S_rpath(in);
	}
}

/* Returns whether path may name a file a unit makes: relative, each
 * name neither empty nor beginning with a dot (no "..", no hidden file
 * such as the site's marker). */
static int
S_site_path(const char *path)
{
	const char *p = path;

	for (;;) {
		if (*p == '\0' || *p == '/' || *p == '.')
			return 0;
		if ((p = strchr(p, '/')) == NULL)
			return 1;
		p++;
	}
}

/* Reads a unit's files into u. */
static void
S_rfiles(struct in *in, struct mf_unit *u, uint64_t nfiles)
{
	struct manifest_file *f;
	uint64_t kind;

	u->files = xcalloc(nfiles + 1, sizeof(*u->files));
	while (!in->bad && u->nfiles < nfiles) {
		f = &u->files[u->nfiles++];
		S_word(in, "file");
		kind = S_num(in);
		if (kind > SINK_SEARCH)
			in->bad = 1;
		f->kind = (enum sink_kind)kind;
		S_char(in, ' ');
		f->len = (size_t)S_num(in);
		S_char(in, ' ');
		f->path = S_rpath(in);
		if (!S_site_path(f->path))
			in->bad = 1;
	}
}

/* Reads the units into r. */
static void
S_runits(struct in *in, struct mf_record *r)
{
	size_t cap = 0;
	uint64_t nfiles;
	struct mf_unit *u;

	while (S_next_is(in, "unit")) {
		if (r->nunits == cap) {
			cap = cap ? 2 * cap : 64;
			r->units = xreallocarray(r->units, cap,
			    sizeof(*r->units));
		}
		u = &r->units[r->nunits++];
		memset(u, 0, sizeof(*u));
		S_word(in, "unit");
		u->key = S_digest(in);
		u->keyed = 1;
		S_char(in, ' ');
		u->pages = (size_t)S_num(in);
		S_char(in, ' ');
		nfiles = S_num(in);
		S_char(in, '\n');
		if (nfiles > (uint64_t)(in->end - in->p) / 8)
			in->bad = 1;	/* more lines than bytes left */
		else
			S_rfiles(in, u, nfiles);
	}
}

int
mf_parse(struct mf_record *r, const char *text, size_t len)
{
	static const char magic[] = MANIFEST_MAGIC "\n";
	const size_t tail = 4 + 32 + 1;		/* "end HEX\n" */
	struct in in = { text, NULL, 0 };
	XXH128_hash_t sum;

	memset(r, 0, sizeof(*r));
	if (len < sizeof(magic) - 1 + tail ||
	    memcmp(text, magic, sizeof(magic) - 1) != 0)
		return -1;
	in.p = text + len - tail;
	in.end = text + len;
	S_word(&in, "end");
	sum = S_digest(&in);
	S_char(&in, '\n');
	if (in.bad || !XXH128_isEqual(sum, XXH3_128bits(text, len - tail)))
		return -1;
	in.p = text + sizeof(magic) - 1;
	in.end = text + len - tail;
	S_rhead(&in, r);
	S_rinputs(&in, r);
	S_runits(&in, r);
	if (in.bad || in.p != in.end) {
		mf_record_free(r);
		return -1;
	}
	if (r->nunits > 1)
		qsort(r->units, r->nunits, sizeof(*r->units), mf_unit_cmp);
	return 0;
}

void
mf_record_free(struct mf_record *r)
{
	size_t i, k;

	for (i = 0; i < r->ninputs; i++)
		free(r->inputs[i].path);
	free(r->inputs);
	for (i = 0; i < r->nunits; i++) {
		for (k = 0; k < r->units[i].nfiles; k++)
			free(r->units[i].files[k].path);
		free(r->units[i].files);
	}
	free(r->units);
	memset(r, 0, sizeof(*r));
}

int
mf_input_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mf_input *)a)->path,
	    ((const struct mf_input *)b)->path);
}

int
mf_unit_cmp(const void *a, const void *b)
{
	const struct mf_unit *x = a, *y = b;

	if (x->key.high64 != y->key.high64)
		return x->key.high64 < y->key.high64 ? -1 : 1;
	if (x->key.low64 != y->key.low64)
		return x->key.low64 < y->key.low64 ? -1 : 1;
	return 0;
}
