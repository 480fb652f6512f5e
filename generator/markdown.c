/* markdown.c: Markdown to HTML with cmark; see markdown.h. */
#include "markdown.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "alloc.h"
#include "hash.h"
#include "par.h"
#include "template.h"
#include "text.h"

#define MD_OPTIONS (CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)

/* realloc() for cmark: returns p resized, or ends the run. */
static void *
S_md_realloc(void *p, size_t size)
{
	return xreallocarray(p, size, 1);
}

/* cmark's allocator: alloc.h's, which ends the run with "out of memory"
 * (exit status 3) where cmark's own would abort. */
static cmark_mem S_md_mem = { xcalloc, S_md_realloc, free };

/* Returns the code point at the end (last != 0) or the start of the
 * text nearest to n on that side, descending into n's inlines, or 0
 * when that is not text. */
static ucs4_t
S_edge_char(cmark_node *n, int last)
{
	const char *s;
	ucs4_t c = 0;

	while (n != NULL && cmark_node_first_child(n) != NULL)
		n = last ? cmark_node_last_child(n) : cmark_node_first_child(n);
	if (n == NULL || (cmark_node_get_type(n) != CMARK_NODE_TEXT &&
	    cmark_node_get_type(n) != CMARK_NODE_CODE))
		return 0;
	s = cmark_node_get_literal(n);
	if (s == NULL || *s == '\0')
		return 0;
	if (last)
		u8_prev(&c, (const uint8_t *)s + strlen(s), (const uint8_t *)s);
	else
		u8_mbtouc(&c, (const uint8_t *)s, strlen(s));
	return c;
}

/* Returns whether c is a character beside which a line break is no
 * space: of East Asian Width F, W or H (full-width, wide, half-width:
 * ｱ too), and not Hangul, which Korean separates by spaces (CSS Text 3,
 * segment breaks). */
static int
S_is_wide(ucs4_t c)
{
	const uc_script_t *script = uc_script(c);

	if (c == 0 || (script != NULL && strcmp(script->name, "Hangul") == 0))
		return 0;
	return uc_width(c, "UTF-8") == 2 || (c >= 0xFF61 && c <= 0xFFDC) ||
	    (c >= 0xFFE8 && c <= 0xFFEE);
}

/* Removes from doc each soft line break between two wide characters: a
 * line break in Japanese prose is not a space (CSS Text's segment break
 * rule, which browsers do not apply), so 「を、\n職種」 reads 「を、職種」. */
static void
S_join_wide_lines(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node **breaks = NULL;
	size_t n = 0, cap = 0, i;
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(node) != CMARK_NODE_SOFTBREAK)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			breaks = xreallocarray(breaks, cap, sizeof(*breaks));
		}
		breaks[n++] = node;
	}
	cmark_iter_free(it);
	for (i = 0; i < n; i++)
		if (S_is_wide(S_edge_char(cmark_node_previous(breaks[i]), 1)) &&
		    S_is_wide(S_edge_char(cmark_node_next(breaks[i]), 0)))
			cmark_node_free(breaks[i]);
	free(breaks);
}

/* Returns the tree of md, parsed with S_md_mem, with soft line breaks
 * between wide characters removed; free with cmark_node_free().  Nodes,
 * iterators and the HTML rendered from it allocate with S_md_mem too. */
static cmark_node *
S_md_parse(const char *md)
{
	cmark_parser *parser = cmark_parser_new_with_mem(MD_OPTIONS, &S_md_mem);
	cmark_node *doc;

	cmark_parser_feed(parser, md, strlen(md));
	doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	S_join_wide_lines(doc);
	return doc;
}

char *
md_to_html(const char *md)
{
	cmark_node *doc = S_md_parse(md);
	char *html = cmark_render_html(doc, MD_OPTIONS);

	cmark_node_free(doc);
	if (html == NULL)
		html = xstrdup("");
	return html;
}

/* Returns whether a node of type t is a block that ends a line of plain
 * text. */
static int
S_is_line_block(cmark_node_type t)
{
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
	    t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_THEMATIC_BREAK;
}

/* Returns the plain text of the tree at doc (see md_plain_text()),
 * malloc'd. */
static char *
S_plain_text(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	struct strbuf b = { NULL, 0, 0 };

	strbuf_reserve(&b, 0);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		const char *lit;

		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT ||
		    t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK)) {
			lit = cmark_node_get_literal(n);
			strbuf_add(&b, lit, strlen(lit));
		} else if ((ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK ||
		    t == CMARK_NODE_LINEBREAK)) ||
		    (ev == CMARK_EVENT_EXIT && S_is_line_block(t)))
			strbuf_add(&b, "\n", 1);
	}
	cmark_iter_free(it);
	while (b.len > 0 && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	return b.s;
}

char *
md_plain_text(const char *md)
{
	cmark_node *doc = S_md_parse(md);
	char *text = S_plain_text(doc);

	cmark_node_free(doc);
	return text;
}

/* Returns the scheme of url in lower case in buf (of size bytes): "" when
 * it has none, "?" for one too long to hold. */
static const char *
S_scheme(const char *url, char *buf, size_t size)
{
	size_t n = strcspn(url, ":/?#\\"), i;

	if (url[n] != ':')
		return "";
	if (n == 0 || n >= size)
		return "?";
	for (i = 0; i < n; i++)
		buf[i] = (char)(url[i] >= 'A' && url[i] <= 'Z' ? url[i] + 32 :
		    url[i]);
	buf[n] = '\0';
	return buf;
}

/* Returns why a page may not link to url, or NULL when it may: only an
 * absolute address is right on every page (a Markdown field shows on
 * pages at several depths, so a relative path, a query or a fragment
 * breaks on some), and only http and https with a host, or mailto with
 * an address. */
const char *
md_link_flaw(const char *url)
{
	char buf[32];
	const char *scheme = S_scheme(url, buf, sizeof(buf)), *rest;

	if (*url == '\0')
		return "empty link destination";
	if (*scheme == '\0')
		return "link not absolute (a Markdown field shows on pages at "
		    "several depths: write http://, https:// or mailto:)";
	rest = url + strlen(scheme) + 1;
	if (strcmp(scheme, "mailto") == 0)
		return *rest != '\0' ? NULL : "mailto: without an address";
	if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0)
		return "link scheme not allowed (only http, https and mailto)";
	if (strncmp(rest, "//", 2) != 0 || strchr("/\\?#", rest[2]) != NULL)
		return "link without a host (write scheme://host/...)";
	return NULL;
}

/* Returns the code point that cmark wrote as the byte at u when it is not
 * UTF-8 (cmark 0.30 writes U+FFFE and U+FFFF from a numeric reference as
 * the single bytes FE and FF), or -1 for other bytes. */
static long
S_cmark_byte(const uint8_t *u)
{
	return *u == 0xFE ? 0xFFFE : *u == 0xFF ? 0xFFFF : -1;
}

/* Returns whether uc may not appear in a page: a control character that
 * XML forbids, or a noncharacter (U+FDD0-U+FDEF, U+nFFFE, U+nFFFF). */
static int
S_char_forbidden(ucs4_t uc)
{
	return (uc < 0x20 && uc != '\t' && uc != '\n' && uc != '\r') ||
	    text_is_noncharacter(uc);
}

/* Reports the first character of html that a page may not hold, or its
 * first byte that is not UTF-8: what numeric references such as &#1;
 * or &#xFFFE; make. */
static void
S_check_chars(const char *html, const struct pos *pos, struct diag *d)
{
	const uint8_t *u = (const uint8_t *)html, *end = u + strlen(html);
	ucs4_t uc;
	int n;

	for (; u < end; u += n) {
		if ((n = u8_mbtoucr(&uc, u, (size_t)(end - u))) < 0) {
			if (S_cmark_byte(u) >= 0)
				diag_msg(d, MSG_MARKDOWN_CHAR, pos, "U+%04lX",
				    S_cmark_byte(u));
			else
				diag_msg(d, MSG_MARKDOWN_CHAR, pos, "byte %02X, "
				    "not UTF-8", *u);
			return;
		}
		if (S_char_forbidden(uc)) {
			diag_msg(d, MSG_MARKDOWN_CHAR, pos, "U+%04X",
			    (unsigned)uc);
			return;
		}
	}
}

/* Returns whether a node of type t nests others of its kind without
 * bound: a block quote, a list item (with its list), emphasis, strong
 * emphasis, a link or an image.  Paragraphs and headings hold only
 * inlines; a list holds only items. */
static int
S_is_nesting(cmark_node_type t)
{
	return t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_ITEM ||
	    t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG ||
	    t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE;
}

/* What one walk of a cmark tree measures. */
struct md_shape {
	int	depth;		/* of the deepest nesting node (S_is_nesting) */
	int	visible;	/* some text or code shows a character */
};

/* Returns the shape of the tree at doc, in one walk. */
static struct md_shape
S_shape(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	struct md_shape sh = { 0, 0 };
	int depth = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (!sh.visible && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
		    t == CMARK_NODE_CODE_BLOCK))
			sh.visible = text_has_visible(cmark_node_get_literal(n));
		if (!S_is_nesting(t))
			continue;
		if (ev == CMARK_EVENT_ENTER && ++depth > sh.depth)
			sh.depth = depth;
		else if (ev == CMARK_EVENT_EXIT)
			depth--;
	}
	cmark_iter_free(it);
	return sh;
}

/* Reports the tree at doc, parsed from md, when it nests deeper than the
 * cap, or shows no text at all (only white space, invisible characters or
 * markup); md "" is a field over a cap, which the loader has reported. */
static void
S_check_shape(cmark_node *doc, const char *md, const struct pos *pos,
    struct diag *d)
{
	struct md_shape sh = S_shape(doc);

	if (sh.depth > MARKDOWN_DEPTH_MAX)
		diag_msg(d, MSG_MARKDOWN_DEPTH, pos, "nests %d deep; the limit "
		    "is %d", sh.depth, MARKDOWN_DEPTH_MAX);
	if (!sh.visible && *md != '\0')
		diag_msg(d, MSG_TEXT_EMPTY, pos, "Markdown that shows no text");
}

/* Reports each node of the tree at doc that the policy forbids: an
 * image, a link it may not make, raw HTML. */
static void
S_check_nodes(cmark_node *doc, const struct pos *pos, struct diag *d)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	const char *flaw;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *url = cmark_node_get_url(n);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_IMAGE:
			diag_msg(d, MSG_MARKDOWN_URL, pos, "images are not "
			    "supported: %s", url ? url : "");
			break;
		case CMARK_NODE_LINK:
			if ((flaw = md_link_flaw(url ? url : "")) != NULL)
				diag_msg(d, MSG_MARKDOWN_URL, pos, "%s%s%s", flaw,
				    url && *url ? ": " : "", url ? url : "");
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			diag_msg(d, MSG_MARKDOWN_HTML, pos, "%s",
			    cmark_node_get_literal(n));
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* What a Markdown field became: the entries of struct md_table. */
struct md_rendered {
	const char	*md;		/* the field, by address */
	struct fragment	*f;		/* NULL when it did not parse */
	char		*plain;		/* NULL when the same as md */
};

/* Parses md once: reports to d what breaks the policy, at pos, and, when
 * out is not NULL, sets out to md's fragment and plain text. */
static void
S_prepare(const char *md, const struct pos *pos, struct diag *d,
    struct md_rendered *out)
{
	cmark_node *doc = S_md_parse(md);
	char *html;

	S_check_nodes(doc, pos, d);
	S_check_shape(doc, md, pos, d);
	html = cmark_render_html(doc, MD_OPTIONS);
	S_check_chars(html != NULL ? html : "", pos, d);
	if (out != NULL) {
		out->md = md;
		out->f = html != NULL ? fragment_adopt(html) :
		    fragment_new("");
		html = NULL;		/* the fragment took it */
		out->plain = S_plain_text(doc);
		if (strcmp(out->plain, md) == 0) {
			free(out->plain);	/* most fields: one line */
			out->plain = NULL;
		}
	}
	free(html);
	cmark_node_free(doc);
}

/* Sets out to the link field of resource r: a link to its address (as
 * cmark writes one: its text and address escaped), its title the plain
 * text.  The address was checked (md_link_flaw()) when it was
 * tailored. */
static void
S_prepare_link(const struct resource *r, struct md_rendered *out)
{
	cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
	cmark_node *text = cmark_node_new(CMARK_NODE_TEXT);
	char *html;

	if (link == NULL || text == NULL)
		xalloc_die();
	cmark_node_set_url(link, r->href);
	cmark_node_set_literal(text, r->title);
	cmark_node_append_child(link, text);
	html = cmark_render_html(link, MD_OPTIONS);
	out->md = r->title;
	out->f = html != NULL ? fragment_adopt(html) : fragment_new("");
	out->plain = NULL;
	cmark_node_free(link);
}

void
md_check(const char *md, const struct pos *pos, struct diag *d)
{
	S_prepare(md, pos, d, NULL);
}

/* The fields of a piece of the model (the framework, a job type), as
 * prepared. */
struct md_piece {
	struct md_rendered	*v;
	size_t			 n, cap;
};

struct md_table {
	struct hash_table	 index;		/* struct md_rendered, by md */
	struct md_piece		*pieces;	/* the framework, the job types */
	size_t			 npieces;
	int			 joined;	/* pieces borrowed (md_join()) */
	struct fragment		*empty;		/* for absent fields */
};

/* The preparing of the fields, shared by the threads. */
struct md_work {
	const struct model	*m;
	struct md_piece		*pieces;	/* NULL: check only */
};

/* What a thread's md_field_fn needs. */
struct md_visit {
	struct md_piece	*piece;		/* NULL: check only */
	struct diag	*d;
};

/* md_field_fn: prepares field f, keeping it in the piece when there is
 * one. */
static void
S_prepare_field(void *ctx, const struct md_field *f)
{
	struct md_visit *v = ctx;
	struct md_piece *p = v->piece;

	if (p == NULL) {
		if (f->kind != MD_RESOURCE_LINK)	/* plain text */
			S_prepare(f->text, f->pos, v->d, NULL);
		return;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->v = xreallocarray(p->v, p->cap, sizeof(*p->v));
	}
	if (f->kind == MD_RESOURCE_LINK)
		S_prepare_link(f->owner, &p->v[p->n++]);
	else
		S_prepare(f->text, f->pos, v->d, &p->v[p->n++]);
}

/* par_job run: prepares the fields of piece i of the model ctx: the
 * framework's (0), then job type i - 1's, then the tailorings'. */
static void
S_prepare_piece(void *ctx, void *state, size_t i, struct diag *d)
{
	const struct md_work *w = ctx;
	struct md_visit v = { w->pieces ? &w->pieces[i] : NULL, d };

	(void)state;
	if (i == 0 && w->m->framework != NULL)
		framework_each_markdown(w->m->framework, S_prepare_field, &v);
	else if (i > 0 && i <= w->m->njobtypes)
		jobtype_each_markdown(&w->m->jobtypes[i - 1], S_prepare_field,
		    &v);
	else if (i > w->m->njobtypes)
		tailoring_each_markdown(&w->m->tailorings[i - 1 -
		    w->m->njobtypes], S_prepare_field, &v);
}

/* hash_same_fn: whether item is the rendering of field key. */
static int
S_same_field(const void *item, const void *key)
{
	return ((const struct md_rendered *)item)->md == key;
}

/* Returns the hash of field md (its address) in t. */
static size_t
S_field_hash(const struct md_table *t, const char *md)
{
	return hash_bytes(&t->index, &md, sizeof(md));
}

/* Adds the fields of the pieces of from to t's index (initialising it
 * and t's empty fragment when from is t). */
static void
S_index(struct md_table *t, const struct md_table *from)
{
	size_t i, j;

	if (from == t) {
		hash_init(&t->index);
		t->empty = fragment_new("");
	}
	for (i = 0; i < from->npieces; i++)
		for (j = 0; j < from->pieces[i].n; j++)
			hash_put(&t->index, S_field_hash(t,
			    from->pieces[i].v[j].md), &from->pieces[i].v[j]);
}

struct md_table *
md_prepare(const struct model *m, unsigned nthreads, int keep,
    struct diag *d)
{
	struct md_work w = { m, NULL };
	struct par_job job = { NULL, S_prepare_piece, NULL, &w };
	struct md_table *t;

	if (!keep) {
		par_run(&job, m->njobtypes + m->ntailorings + 1, nthreads, d);
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	t->npieces = m->njobtypes + m->ntailorings + 1;
	t->pieces = w.pieces = xcalloc(t->npieces, sizeof(*t->pieces));
	par_run(&job, t->npieces, nthreads, d);
	S_index(t, t);
	return t;
}

struct md_table *
md_join(struct md_table *const *parts, size_t n)
{
	struct md_table *t = xcalloc(1, sizeof(*t));
	size_t i;

	t->joined = 1;
	hash_init(&t->index);
	for (i = 0; i < n; i++)
		S_index(t, parts[i]);
	t->empty = fragment_new("");
	return t;
}

/* Returns what field md became in t, or NULL if t has no such field. */
static const struct md_rendered *
S_rendered(const struct md_table *t, const char *md)
{
	return hash_get(&t->index, S_field_hash(t, md), S_same_field, md);
}

const struct fragment *
md_fragment(const struct md_table *t, const char *md)
{
	const struct md_rendered *r;

	if (md == NULL)
		return t->empty;
	r = S_rendered(t, md);
	return r != NULL ? r->f : NULL;
}

const char *
md_plain(const struct md_table *t, const char *md)
{
	const struct md_rendered *r = S_rendered(t, md);

	return r == NULL ? NULL : r->plain != NULL ? r->plain : r->md;
}

const char *
md_plain_reported(const struct md_table *t, const char *md, struct diag *d,
    int *failed)
{
	const char *plain = md_plain(t, md);

	if (plain == NULL) {
		md_report_unknown(d);
		*failed = 1;
	}
	return plain;
}

int
md_known(const struct md_table *t, const char *md)
{
	return md != NULL && S_rendered(t, md) != NULL;
}

void
md_report_unknown(struct diag *d)
{
	diag_msg(d, MSG_INTERNAL, NULL, "a Markdown field was not prepared "
	    "(model_markdown.c does not visit it)");
}

void
md_table_free(struct md_table *t)
{
	size_t i, j;

	if (t == NULL)
		return;
	for (i = 0; !t->joined && i < t->npieces; i++) {
		for (j = 0; j < t->pieces[i].n; j++) {
			fragment_free(t->pieces[i].v[j].f);
			free(t->pieces[i].v[j].plain);
		}
		free(t->pieces[i].v);
	}
	if (!t->joined)
		free(t->pieces);
	hash_free(&t->index);
	fragment_free(t->empty);
	free(t);
}
