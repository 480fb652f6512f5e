/* load_edit.c: texts of a content file replaced in place; see edit.h.
 * The file is parsed as the loader parses it (xmlread.h), with where
 * each element's content begins and ends; the content of each edited
 * element is replaced, and the new bytes parsed again to check that
 * each reads back as its edit's text.
 */
#include "edit.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "arena.h"
#include "text.h"
#include "xmlread.h"

/* An element of a parsed buffer: its node and its content's bytes. */
struct span {
	const xmlNode	*node;
	size_t		 begin, end;
};

/* A buffer parsed, each element's span kept by its mark number. */
struct parsed {
	char		*norm;		/* the bytes, lone CRs made LFs */
	struct srcmap	 map;
	xmlDoc		*doc;
	struct span	*spans;		/* by mark number */
	size_t		 nspans;
};

/* An edit found in the old bytes. */
struct target {
	struct edit	*e;
	const struct span *s;
	size_t		 tag;		/* the '<' of its start tag */
};

/* xmlread_hooks span: keeps node's span by its mark. */
static void
S_span(void *arg, const xmlNode *node, size_t begin, size_t end)
{
	struct parsed *p = arg;
	size_t m = node_mark(node), n;

	if (m == 0)
		return;
	if (m >= p->nspans) {
		n = m * 2 + 16;
		p->spans = xreallocarray(p->spans, n, sizeof(*p->spans));
		memset(p->spans + p->nspans, 0,
		    (n - p->nspans) * sizeof(*p->spans));
		p->nspans = n;
	}
	p->spans[m].node = node;
	p->spans[m].begin = begin;
	p->spans[m].end = end;
}

/* xmlread_hooks error: the file loaded once; a problem shows in the
 * document missing. */
static void
S_ignore(void *arg, const xmlError *e, struct pos at)
{
	(void)arg;
	(void)e;
	(void)at;
}

/* Parses the len bytes at buf, file number file, into p.  Returns 0, or
 * -1 when they do not parse (p freed). */
static int
S_parse(struct parsed *p, const char *buf, size_t len, size_t file)
{
	struct xmlread_hooks hooks = { S_ignore, 1, NULL, S_span };
	struct diag quiet;

	memset(p, 0, sizeof(*p));
	hooks.arg = p;
	p->norm = xreallocarray(NULL, len + 1, 1);
	memcpy(p->norm, buf, len);
	p->norm[len] = '\0';
	text_normalise_line_ends(p->norm, len);
	srcmap_init(&p->map, file, p->norm, len);
	diag_init(&quiet, NULL);
	p->doc = xmlread_parse(&p->map, "XML", &hooks, &quiet);
	diag_free(&quiet);
	if (p->doc != NULL)
		return 0;
	srcmap_free(&p->map);
	free(p->norm);
	free(p->spans);
	return -1;
}

static void
S_parsed_free(struct parsed *p)
{
	xmlFreeDoc(p->doc);
	srcmap_free(&p->map);
	free(p->norm);
	free(p->spans);
}

/* Returns the number of the mark of p at position at (an element's start
 * tag), or 0: marks are in document order. */
static size_t
S_mark_at(const struct parsed *p, const struct pos *at)
{
	size_t lo = 0, hi = p->map.nmarks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct pos *q = &p->map.marks[mid];

		if (q->line == at->line && q->col == at->col)
			return mid + 1;
		if (q->line < at->line || (q->line == at->line &&
		    q->col < at->col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Returns the span of the element edit e names in p, or NULL. */
static const struct span *
S_find(const struct parsed *p, const struct edit *e)
{
	size_t m = S_mark_at(p, &e->at);
	const xmlNode *c;

	if (m == 0 || m >= p->nspans || p->spans[m].node == NULL)
		return NULL;
	if (e->child == NULL)
		return &p->spans[m];
	for (c = p->spans[m].node->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, e->child) == 0) {
			m = node_mark(c);
			return m > 0 && m < p->nspans &&
			    p->spans[m].node != NULL ? &p->spans[m] : NULL;
		}
	return NULL;
}

/* Returns the number of white-space bytes at the start (from 1) or end
 * (from 0) of the n bytes at s. */
static size_t
S_space(const char *s, size_t n, int from_start)
{
	size_t k = 0;

	while (k < n && text_is_space((unsigned char)(from_start ? s[k] :
	    s[n - 1 - k])))
		k++;
	return k;
}

/* Appends to out the content replacing the n bytes at old: old's leading
 * and trailing white space around text (escaped), each line of it after
 * the first indented as old's first line is and ended as old's line ends
 * are (CR LF or LF). */
static void
S_compose(struct strbuf *out, const char *old, size_t n, const char *text)
{
	size_t lead = S_space(old, n, 1), trail, indent = 0, len;
	const char *nl = "\n", *line, *next;

	trail = lead == n ? 0 : S_space(old, n, 0);
	while (indent < lead && old[lead - 1 - indent] != '\n')
		indent++;
	if (indent == lead)		/* on the start tag's line */
		indent = 0;
	if (memchr(old, '\r', lead) != NULL)
		nl = "\r\n";
	strbuf_add(out, old, lead);
	for (line = text;; line = next + 1) {
		next = strchr(line, '\n');
		len = next != NULL ? (size_t)(next - line) : strlen(line);
		if (line != text && len > 0)
			strbuf_add(out, old + lead - indent, indent);
		strbuf_add(out, line, len);
		if (next == NULL)
			break;
		strbuf_add(out, nl, strlen(nl));
	}
	strbuf_add(out, old + n - trail, trail);
}

/* Orders targets by where their content begins. */
static int
S_by_begin(const void *a, const void *b)
{
	const struct target *x = a, *y = b;

	return x->s->begin < y->s->begin ? -1 : x->s->begin > y->s->begin;
}

/* Finds the element of each of the n edits in p, into t (room for n),
 * sorted by position.  Returns 0, or -1 after reporting at an edit's
 * cell an element not found, empty, or holding markup. */
static int
S_targets(const struct parsed *p, struct edit *const *edits, size_t n,
    struct target *t, struct diag *d)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < n; i++) {
		const struct span *s = S_find(p, edits[i]);

		t[i].e = edits[i];
		t[i].s = s;
		if (s == NULL) {
			diag_msg(d, MSG_INTERNAL, &edits[i]->cell, "%s",
			    "the element of this text is not in its file");
			return -1;
		}
		t[i].tag = s->begin;
		while (t[i].tag > 0 && p->norm[t[i].tag] != '<')
			t[i].tag--;
		if (s->begin == s->end) {
			diag_msg(d, MSG_IMPORT_EMPTY_LEVEL, &edits[i]->cell, NULL);
			rc = -1;
		} else if (memchr(p->norm + s->begin, '<', s->end - s->begin)) {
			diag_msg(d, MSG_IMPORT_MARKUP, &edits[i]->cell, NULL);
			rc = -1;
		}
	}
	qsort(t, n, sizeof(*t), S_by_begin);
	for (i = 1; rc == 0 && i < n; i++)
		if (t[i].s == t[i - 1].s) {
			diag_msg(d, MSG_INTERNAL, &t[i].e->cell, "%s",
			    "one element edited twice");
			rc = -1;
		}
	return rc;
}

/* Writes the bytes of buf with the contents of the n sorted targets t
 * replaced to out; sets each edit's from and to by the offsets, in
 * out, of its start tag and its content's end (stored in their line
 * and col until the caller maps them). */
static void
S_splice(const char *buf, size_t len, const xmlDoc *doc, struct target *t,
    size_t n, struct strbuf *out)
{
	size_t at = 0, i;

	for (i = 0; i < n; i++) {
		/* & < > " and CR: not xmlEncodeEntitiesReentrant(), which
		 * writes every other character as &#x...; when the file
		 * declares no encoding */
		xmlChar *esc = xmlEncodeSpecialChars(doc, BAD_CAST t[i].e->text);

		strbuf_add(out, buf + at, t[i].tag - at);
		t[i].e->from.line = (int)out->len;	/* an offset for now */
		strbuf_add(out, buf + t[i].tag, t[i].s->begin - t[i].tag);
		S_compose(out, buf + t[i].s->begin, t[i].s->end - t[i].s->begin,
		    esc != NULL ? (const char *)esc : "");
		t[i].e->to.line = (int)out->len;
		at = t[i].s->end;
		xmlFree(esc);
	}
	strbuf_add(out, buf + at, len - at);
}

/* Sets the positions of the n targets t in the new bytes p (offsets
 * left by S_splice()) and checks that each element reads back as its
 * text.  Returns 0, or -1 after reporting one that does not. */
static int
S_read_back(const struct parsed *p, struct target *t, size_t n,
    struct diag *d)
{
	struct arena a;
	size_t i;
	int rc = 0;

	arena_init(&a);
	for (i = 0; i < n; i++) {
		struct edit *e = t[i].e;
		struct edit found = *e;
		const struct span *s;
		xmlChar *raw;
		const char *got = NULL;

		e->from = srcmap_pos(&p->map, (size_t)e->from.line);
		e->to = srcmap_pos(&p->map, (size_t)e->to.line);
		found.at = e->from;
		found.child = NULL;
		if ((s = S_find(p, &found)) != NULL &&
		    (raw = xmlNodeGetContent(s->node)) != NULL) {
			got = e->markdown ? text_dedent(&a, (const char *)raw) :
			    text_trim(&a, (const char *)raw, &(int){ 0 });
			xmlFree(raw);
		}
		if (got == NULL || strcmp(got, e->text) != 0) {
			diag_msg(d, MSG_INTERNAL, &e->cell, "%s", "the new text "
			    "would not read back from the XML as written");
			rc = -1;
		}
	}
	arena_free(&a);
	return rc;
}

char *
edit_apply(const char *buf, size_t len, size_t file,
    struct edit *const *edits, size_t n, struct diag *d, size_t *newlen)
{
	struct strbuf out = { NULL, 0, 0 };
	struct parsed old, now;
	struct target *t;
	int rc;

	if (S_parse(&old, buf, len, file) < 0) {
		struct pos p = { file, 0, 0 };

		diag_msg(d, MSG_INTERNAL, &p, "%s", "cannot parse it again");
		return NULL;
	}
	t = xcalloc(n + 1, sizeof(*t));
	if ((rc = S_targets(&old, edits, n, t, d)) == 0) {
		S_splice(buf, len, old.doc, t, n, &out);
		strbuf_reserve(&out, 0);
		if ((rc = S_parse(&now, out.s, out.len, file)) == 0) {
			rc = S_read_back(&now, t, n, d);
			S_parsed_free(&now);
		} else
			diag_msg(d, MSG_INTERNAL, &edits[0]->cell, "%s",
			    "the new XML does not parse");
	}
	S_parsed_free(&old);
	free(t);
	if (rc < 0) {
		free(out.s);
		return NULL;
	}
	*newlen = out.len;
	return out.s;
}
