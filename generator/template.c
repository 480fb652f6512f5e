/* template.c: the template engine; see template.h. */
#include "template.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "alloc.h"
#include "load.h"
#include "template_private.h"
#include "text.h"

struct field {
	const char	*name;
	enum field_kind	 kind;
	unsigned	 hash;		/* of name */
	const char	*text;		/* TEXT; HTML: the prepared XHTML */
	int		 on;		/* FLAG */
	struct scope	*first;		/* LIST items, in order */
	struct scope	*last;
	struct field	*next;
};

struct scope {
	struct arena		*arena;
	const struct scope	*parent;
	struct field		*fields;
	struct scope		*next;	/* next item of the same list */
};

/* A prepared HTML fragment. */
struct fragment {
	char	*xhtml;
};

/* The state of one rendering. */
struct render {
	struct diag		*diag;
	const struct program	*p;
	int			 depth;		/* of the page: folders below
						   the site's root */
	char			*out;		/* the page so far */
	size_t			 len;
	size_t			 cap;
	int			 errors;
};

static const char *const S_directives[] = { "data-text", "data-html",
    "data-each", "data-if", "data-unless", "data-content", "data-page" };

struct scope *
scope_new(struct arena *a, const struct scope *parent)
{
	struct scope *s = arena_calloc(a, 1, sizeof(*s));

	s->arena = a;
	s->parent = parent;
	return s;
}

unsigned
template_hash(const char *name)
{
	unsigned h = 2166136261u;

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h;
}

/* Returns the newest field of s itself called name, or NULL. */
static struct field *
S_own(const struct scope *s, const char *name, unsigned hash)
{
	struct field *f;

	for (f = s->fields; f != NULL; f = f->next)
		if (f->hash == hash && strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* Returns a new field of s called name, of kind k; it hides any older
 * field of s with that name. */
static struct field *
S_field(struct scope *s, const char *name, enum field_kind k)
{
	struct field *f = arena_calloc(s->arena, 1, sizeof(*f));

	f->name = name;
	f->hash = template_hash(name);
	f->kind = k;
	f->next = s->fields;
	s->fields = f;
	return f;
}

void
scope_text(struct scope *s, const char *name, const char *text)
{
	if (text != NULL)
		S_field(s, name, FIELD_TEXT)->text = text;
}

void
scope_html(struct scope *s, const char *name, const struct fragment *f)
{
	if (f != NULL)
		S_field(s, name, FIELD_HTML)->text = f->xhtml;
}

void
scope_flag(struct scope *s, const char *name, int on)
{
	S_field(s, name, FIELD_FLAG)->on = on;
}

/* Returns list name of s, declared if need be. */
static struct field *
S_list(struct scope *s, const char *name)
{
	struct field *f = S_own(s, name, template_hash(name));

	return f != NULL && f->kind == FIELD_LIST ? f :
	    S_field(s, name, FIELD_LIST);
}

void
scope_list(struct scope *s, const char *name)
{
	S_list(s, name);
}

struct scope *
scope_item(struct scope *s, const char *name)
{
	struct field *f = S_list(s, name);
	struct scope *item = scope_new(s->arena, s);

	if (f->last != NULL)
		f->last->next = item;
	else
		f->first = item;
	f->last = item;
	return item;
}

/* Returns the field called name (of the given hash) in s or its
 * ancestors, or NULL. */
static const struct field *
S_lookup(const struct scope *s, const char *name, unsigned hash)
{
	const struct field *f;

	for (; s != NULL; s = s->parent)
		if ((f = S_own(s, name, hash)) != NULL)
			return f;
	return NULL;
}

/* Returns whether f counts as set for data-if. */
static int
S_is_set(const struct field *f)
{
	switch (f->kind) {
	case FIELD_FLAG:
		return f->on;
	case FIELD_LIST:
		return f->first != NULL;
	default:
		return f->text[0] != '\0';
	}
}

/* Returns whether attribute name is a directive (any data-* is). */
int
template_is_directive(const xmlChar *name)
{
	return strncmp((const char *)name, "data-", 5) == 0;
}

/* Returns whether name is a known directive. */
static int
S_is_known(const char *name)
{
	size_t i;

	if (strncmp(name, "data-attr-", 10) == 0 && name[10] != '\0')
		return !S_is_known(name + 10);	/* may not make a directive */
	for (i = 0; i < sizeof(S_directives) / sizeof(*S_directives); i++)
		if (strcmp(name, S_directives[i]) == 0)
			return 1;
	return 0;
}

/* Returns whether s holds U+E000 or U+E001, which compiled templates use
 * as markers. */
static int
S_has_marker_char(const xmlChar *s)
{
	return s != NULL && (strstr((const char *)s, "\xee\x80\x80") != NULL ||
	    strstr((const char *)s, "\xee\x80\x81") != NULL);
}

/* Reports text or an attribute value of node n that holds a character
 * reserved for markers; returns 1 if it did, else 0. */
static int
S_reserved(const xmlNode *n, struct diag *d)
{
	const xmlAttr *a;
	int bad = S_has_marker_char(n->content);

	for (a = n->type == XML_ELEMENT_NODE ? n->properties : NULL; a != NULL;
	    a = a->next)
		bad |= a->children != NULL &&
		    S_has_marker_char(a->children->content);
	if (bad) {
		struct pos p = template_node_pos(n);

		diag_msg(d, MSG_TEMPLATE, &p, "U+E000 and U+E001 are reserved "
		    "for skillsite's own use");
	}
	return bad;
}

/* Sets _private of n and its descendants to t, marking where they came
 * from; reports unknown directives, breaches of the policy and data-each
 * nested as template_each_enter() refuses (n inside the blocks up);
 * removes comments.  Returns the number of problems reported. */
static int
S_mark(xmlNode *n, const struct template *t, const struct each_scope *up,
    struct diag *d)
{
	struct each_scope each = { NULL, 0, 0, up };
	xmlNode *c, *next;
	xmlAttr *a;
	int bad = 0;

	n->_private = (void *)t;
	if (n->type == XML_ELEMENT_NODE)
		bad += template_each_enter(n, up, &each, d);
	for (a = n->type == XML_ELEMENT_NODE ? n->properties : NULL; a != NULL;
	    a = a->next)
		if (template_is_directive(a->name) && !S_is_known((const char *)a->name)) {
			struct pos p = template_node_pos(n);

			diag_msg(d, MSG_TEMPLATE, &p, "unknown directive '%s'",
			    (const char *)a->name);
			bad++;
		}
	bad += S_reserved(n, d);
	bad += template_policy_node(n, t->file, d);
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else
			bad += S_mark(c, t, &each, d);
	}
	xmlFree(each.list);
	return bad;
}

/* Reports the len bytes at buf, read from file, when they are compressed
 * (libxml2 would inflate them from a file, never from memory); returns
 * whether they were. */
static int
S_compressed(const char *buf, size_t len, size_t file, struct diag *d)
{
	const unsigned char *b = (const unsigned char *)buf;
	struct pos p = { file, 0, 0 };
	const char *what = NULL;

	if (len >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		what = "gzip";
	else if (len >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0)
		what = "xz";
	else if (len >= 3 && memcmp(b, "BZh", 3) == 0)
		what = "bzip2";
	else if (len >= 4 && memcmp(b, "\x28\xb5\x2f\xfd", 4) == 0)
		what = "zstd";
	if (what != NULL)
		diag_msg(d, MSG_TEMPLATE, &p, "%s data; templates and assets "
		    "are read as they are, never inflated", what);
	return what != NULL;
}

/* The first error libxml2 reports while parsing a template. */
struct parse_error {
	int		 seen;
	int		 line, col;
	int		 namespace;	/* in XML_FROM_NAMESPACE */
	char		*message;	/* malloc'd */
};

/* Keeps the first error of a parse (libxml2's last one is often only a
 * consequence, lines further on) in ctx, a struct parse_error; warnings
 * are let pass. */
static void
S_on_error(void *ctx, xmlErrorPtr e)
{
	struct parse_error *pe = ctx;

	if (pe->seen || e->level < XML_ERR_ERROR)
		return;
	pe->seen = 1;
	pe->line = e->line;
	pe->col = e->int2;
	pe->namespace = e->domain == XML_FROM_NAMESPACE;
	pe->message = xstrdup(e->message != NULL ? e->message : "cannot read");
}

/* Parses the len bytes at buf, the template file path, from memory (so
 * libxml2 never inflates, fetches or opens anything); returns the
 * document, or NULL after reporting its first error.  A namespace error
 * (an undeclared prefix, a name with two colons) is one: libxml2 would
 * keep such a name whole, which the policy reads by its local part and a
 * browser by the whole. */
static xmlDoc *
S_parse(const char *path, const char *buf, size_t len, size_t file,
    struct diag *d)
{
	struct parse_error pe = { 0, 0, 0, 0, NULL };
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	struct pos p = { file, 0, 0 };
	xmlDoc *doc;

	if (len > INT_MAX)
		return NULL;
	/* NOCDATA: a CDATA section would reach the page as one, which an
	 * HTML parser ends at the first '>' */
	xmlSetStructuredErrorFunc(&pe, S_on_error);
	doc = xmlReadMemory(buf, (int)len, path, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL || pe.seen) {
		if (pe.line > 0) {
			p.line = pe.line;
			p.col = pe.col;
		}
		diag_msg(d, MSG_TEMPLATE, &p, "not %swell-formed XHTML: %s",
		    pe.namespace ? "namespace-" : "", pe.message != NULL ?
		    pe.message : "cannot read");
		free(pe.message);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Turns the lone CRs of the len bytes at buf into LFs, as XML reads them
 * (libxml2 counts only LFs), unless a NUL byte shows UTF-16 or UTF-32. */
static void
S_read_line_ends(char *buf, size_t len)
{
	if (memchr(buf, '\0', len) == NULL)
		text_normalise_line_ends(buf, len);
}

/* Returns the line of offset at in the bytes at s. */
static int
S_line_at(const char *s, size_t at)
{
	int line = 1;
	size_t i;

	for (i = 0; i < at; i++)
		line += s[i] == '\n';
	return line;
}

/* Reports a start tag with more attributes than content may have, in
 * the len bytes at buf (line ends made LF), read from file; returns
 * whether there was one. */
static int
S_crowded(const char *buf, size_t len, size_t file, struct diag *d)
{
	size_t tag = load_crowded_tag(buf, len);
	struct pos p = { file, 0, 0 };

	if (tag == (size_t)-1)
		return 0;
	p.line = S_line_at(buf, tag);
	diag_msg(d, MSG_TEMPLATE, &p, "more than %d attributes on one element",
	    LOAD_ATTRIBUTES_MAX);
	return 1;
}

/* Returns the line of the first "<!DOCTYPE" in the len bytes at buf
 * (NUL-terminated; libxml2 keeps no line for it), or 0. */
static int
S_doctype_line(const char *buf, size_t len)
{
	const char *at = strstr(buf, "<!DOCTYPE");

	return at != NULL && (size_t)(at - buf) < len ?
	    S_line_at(buf, (size_t)(at - buf)) : 0;
}

struct template *
template_load(const char *path, struct model *m, struct diag *d)
{
	struct template *t = xcalloc(1, sizeof(*t));
	size_t len;
	char *buf;

	t->file = model_add_file(m, path);
	if ((buf = load_read_confined(path, TEMPLATE_FILE_MAX, m, d, &len)) ==
	    NULL || S_compressed(buf, len, t->file, d) ||
	    (S_read_line_ends(buf, len), S_crowded(buf, len, t->file, d)) ||
	    (t->doc = S_parse(path, buf, len, t->file, d)) == NULL ||
	    template_policy_document(t->doc, t->file, S_doctype_line(buf,
	    len), d) + S_mark(xmlDocGetRootElement(t->doc), t, NULL, d) > 0) {
		free(buf);
		template_free(t);
		return NULL;
	}
	free(buf);
	return t;
}

int
template_check_layout(const struct template *layout, struct diag *d)
{
	return template_policy_csp(layout->doc, layout->file, d) > 0 ? -1 : 0;
}

/* Checks element n of an SVG asset and its descendants against the
 * policy; returns how many breaches it reported. */
static int
S_check_svg(const xmlNode *n, size_t file, struct diag *d)
{
	const xmlNode *c;
	int bad = template_policy_node(n, file, d);

	for (c = n->children; c != NULL; c = c->next)
		bad += S_check_svg(c, file, d);
	return bad;
}

int
template_check_asset(const char *path, const char *data, size_t len,
    size_t file, struct diag *d)
{
	size_t n = strlen(path);
	xmlDoc *doc = NULL;
	char *copy;
	int bad, line;

	if (S_compressed(data, len, file, d))
		return -1;
	if (n >= 4 && strcmp(path + n - 4, ".css") == 0 &&
	    template_css_offsite(data, len, &line)) {
		struct pos p = { file, line, 0 };

		diag_msg(d, MSG_TEMPLATE, &p, "@import, url() or the like "
		    "off the site, from the server's root or climbing with "
		    "'..', or a backslash outside a string (the site loads "
		    "nothing from elsewhere)");
		return -1;
	}
	if (n < 4 || strcmp(path + n - 4, ".svg") != 0)
		return 0;
	copy = xreallocarray(NULL, len + 1, 1);	/* lines as XML counts them */
	memcpy(copy, data, len);
	copy[len] = '\0';
	S_read_line_ends(copy, len);
	bad = S_crowded(copy, len, file, d) ||
	    (doc = S_parse(path, copy, len, file, d)) == NULL ? 1 :
	    template_policy_document(doc, file, S_doctype_line(copy, len), d) +
	    S_check_svg(xmlDocGetRootElement(doc), file, d);
	xmlFreeDoc(doc);
	free(copy);
	return bad > 0 ? -1 : 0;
}

void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	program_free(t->program);
	xmlFreeDoc(t->doc);
	free(t);
}

/* Returns the field that op o names, or NULL after reporting it unknown
 * or of none of the kinds in the bit set kinds. */
static const struct field *
S_field_of(struct render *r, const struct op *o, const struct scope *s,
    int kinds)
{
	const struct field *f = S_lookup(s, o->field, o->hash);
	const char *what = f == NULL ? "unknown field" :
	    "field of the wrong kind for this directive";

	if (f != NULL && (kinds & (1 << f->kind)))
		return f;
	diag_msg(r->diag, MSG_TEMPLATE, o->pos.line > 0 ? &o->pos : NULL,
	    "%s '%s'", what, o->field);
	r->errors++;
	return NULL;
}

/* Appends the n bytes at s to the page. */
static void
S_put(struct render *r, const char *s, size_t n)
{
	if (n > r->cap - r->len) {
		r->cap = (r->len + n) * 2;
		r->out = xreallocarray(r->out, r->cap, 1);
	}
	memcpy(r->out + r->len, s, n);
	r->len += n;
}

/* Appends text escaped as element content by libxml2 (< > & and CR),
 * or as it is when it holds none of those. */
static void
S_text(struct render *r, const char *text)
{
	xmlOutputBuffer *esc;

	if (strpbrk(text, "<>&\r") == NULL) {
		S_put(r, text, strlen(text));
		return;
	}
	if ((esc = xmlAllocOutputBuffer(NULL)) == NULL)
		xalloc_die();
	xmlOutputBufferWriteEscape(esc, BAD_CAST text, NULL);
	S_put(r, (const char *)xmlOutputBufferGetContent(esc),
	    xmlOutputBufferGetSize(esc));
	xmlOutputBufferClose(esc);
}

/* Appends the text of field f as the value of attribute op o, escaped by
 * libxml2 (as the serializer does), or as it is when it holds nothing to
 * escape. */
static void
S_attribute(struct render *r, const struct op *o, const struct field *f)
{
	xmlBuffer *esc;

	if (f->text[0] == '\0' && o->boolean != NULL) {
		/* as libxml2 writes an empty boolean attribute */
		S_put(r, o->boolean, strlen(o->boolean));
		return;
	}
	if (strpbrk(f->text, "<>&\"\n\r\t") == NULL) {
		S_put(r, f->text, strlen(f->text));
		return;
	}
	if ((esc = xmlBufferCreate()) == NULL)
		xalloc_die();
	xmlAttrSerializeTxtContent(esc, r->p->doc, NULL, BAD_CAST f->text);
	S_put(r, (const char *)xmlBufferContent(esc),
	    (size_t)xmlBufferLength(esc));
	xmlBufferFree(esc);
}

/* Runs attribute op o in scope s: appends its field's text, unless it
 * breaks the policy in that attribute (reported). */
static void
S_attribute_op(struct render *r, const struct op *o, const struct scope *s)
{
	const struct field *f = S_field_of(r, o, s, 1 << FIELD_TEXT);
	const char *why;

	if (f == NULL)
		return;
	if ((why = template_url_breach(f->text, o->url, r->depth)) != NULL ||
	    (why = template_value_breach(f->text)) != NULL) {
		diag_msg(r->diag, MSG_TEMPLATE, &o->pos, "field '%s' would make "
		    "a %s '%s' (the site loads nothing from elsewhere and runs "
		    "only its own scripts)", o->field, why, o->attr);
		r->errors++;
	} else
		S_attribute(r, o, f);
}

/* Runs ops [from, to) of the program in scope s. */
static void
S_run(struct render *r, size_t from, size_t to, const struct scope *s)
{
	const struct field *f;
	const struct scope *item;
	size_t i;

	for (i = from; i < to; i++) {
		const struct op *o = &r->p->ops[i];

		switch (o->kind) {
		case OP_LIT:
			S_put(r, o->lit, o->len);
			break;
		case OP_TEXT:
			if ((f = S_field_of(r, o, s, 1 << FIELD_TEXT)) != NULL)
				S_text(r, f->text);
			break;
		case OP_ATTR:
			S_attribute_op(r, o, s);
			break;
		case OP_HTML:
			if ((f = S_field_of(r, o, s, 1 << FIELD_HTML)) != NULL)
				S_put(r, f->text, strlen(f->text));
			break;
		case OP_EACH:
			f = S_field_of(r, o, s, 1 << FIELD_LIST);
			for (item = f ? f->first : NULL; item; item = item->next) {
				if (item != f->first && o->sep != NULL)
					S_text(r, o->sep);
				S_run(r, i + 1, o->end, item);
			}
			i = o->end;
			break;
		case OP_IF:
		case OP_UNLESS:
			f = S_field_of(r, o, s, ~0);
			if (f == NULL || S_is_set(f) != (o->kind == OP_IF))
				i = o->end;
			break;
		case OP_END:
			break;
		}
	}
}

void
template_declare(struct template *page, const struct field_decl *own,
    const struct field_decl *shared)
{
	page->own = own;
	page->shared = shared;
	program_free(page->program);	/* compiled again, checked */
	page->program = NULL;
}

/* Reports each field of s, and of its lists' items, that neither own nor
 * shared (NULL-terminated arrays, or NULL) declares with its kind, as a
 * field of page file that the generator sets undeclared; returns how many
 * it reported. */
static int
S_undeclared(const struct scope *s, const struct field_decl *own,
    const struct field_decl *shared, size_t file, struct diag *d)
{
	const struct field_decl *decl;
	const struct field *f;
	const struct scope *item;
	struct pos p = { file, 0, 0 };
	int bad = 0;

	for (f = s->fields; f != NULL; f = f->next) {
		if ((decl = template_decl_find(own, f->name)) == NULL)
			decl = template_decl_find(shared, f->name);
		if (decl == NULL || decl->kind != f->kind) {
			diag_msg(d, MSG_INTERNAL, &p, "the generator sets %s field "
			    "'%s', which generator/page_fields.c does not declare "
			    "so", template_kind_name(f->kind), f->name);
			bad++;
		} else
			for (item = f->first; item != NULL; item = item->next)
				bad += S_undeclared(item, decl->items, NULL, file,
				    d);
	}
	return bad;
}

int
template_compile(const struct template *layout, struct template *page,
    struct diag *d)
{
	if (page->program != NULL && page->layout == layout)
		return 0;
	program_free(page->program);
	page->layout = layout;
	page->program = program_compile(layout, page, d);
	return page->program != NULL ? 0 : -1;
}

char *
template_render(const struct template *layout, struct template *page,
    int depth, const struct scope *s, struct diag *d, size_t *len)
{
	struct render r;
	char *html = NULL;

	if (template_compile(layout, page, d) < 0)
		return NULL;
	memset(&r, 0, sizeof(r));
	r.diag = d;
	r.depth = depth;
	r.p = page->program;
	S_run(&r, 0, r.p->nops, s);
	if (page->own != NULL || page->shared != NULL)
		r.errors += S_undeclared(s, page->own, page->shared, page->file,
		    d);
	S_put(&r, "", 1);	/* the NUL */
	if (r.errors == 0) {
		*len = r.len - 1;
		html = r.out;
	} else
		free(r.out);
	return html;
}

/* Marks links that leave the site in the node n, its following siblings
 * and their descendants, each visited once: any href with a scheme or
 * another host ("//") gets class "external" and rel "external noopener
 * noreferrer". */
static void
S_mark_external(xmlNode *n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(n->name, BAD_CAST "a") == 0) {
			xmlChar *href = xmlGetProp(n, BAD_CAST "href");
			const char *h = (const char *)href;

			if (h != NULL && (h[strcspn(h, ":/?#")] == ':' ||
			    strncmp(h, "//", 2) == 0)) {
				xmlSetProp(n, BAD_CAST "class", BAD_CAST "external");
				xmlSetProp(n, BAD_CAST "rel",
				    BAD_CAST "external noopener noreferrer");
			}
			xmlFree(href);
		}
		S_mark_external(n->children);
	}
}

/* Returns html, fragment_new()'s argument, parsed as XHTML with the
 * links that leave the site marked and serialized again; NULL if it does
 * not parse. */
static char *
S_mark_links(const char *html)
{
	xmlDoc *doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNode *div = xmlNewDocNode(doc, NULL, BAD_CAST "div", NULL);
	xmlNode *list = NULL, *c, *next;
	xmlBuffer *buf = xmlBufferCreate();
	xmlSaveCtxt *save;
	char *out = NULL;

	doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
	xmlDocSetRootElement(doc, div);
	xmlSetNs(div, xmlNewNs(div, BAD_CAST "http://www.w3.org/1999/xhtml",
	    NULL));
	if (xmlParseInNodeContext(div, html, (int)strlen(html),
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING,
	    &list) == XML_ERR_OK) {
		S_mark_external(list);
		for (c = list; c != NULL; c = next) {
			next = c->next;
			xmlUnlinkNode(c);
			xmlAddChild(div, c);
		}
		save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_XHTML |
		    XML_SAVE_NO_DECL);
		for (c = div->children; c != NULL; c = c->next)
			xmlSaveTree(save, c);
		xmlSaveClose(save);
		out = xreallocarray(NULL, (size_t)xmlBufferLength(buf) + 1, 1);
		memcpy(out, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
		out[xmlBufferLength(buf)] = '\0';
	} else
		xmlFreeNodeList(list);
	xmlBufferFree(buf);
	xmlFreeDoc(doc);
	return out;
}

struct fragment *
fragment_new(const char *html)
{
	struct fragment *f;
	char *xhtml;

	/* cmark's safe output is well-formed XHTML; only links need work */
	if (strstr(html, "<a ") == NULL)
		xhtml = xstrdup(html);
	else if ((xhtml = S_mark_links(html)) == NULL)
		return NULL;
	f = xcalloc(1, sizeof(*f));
	f->xhtml = xhtml;
	return f;
}

void
fragment_free(struct fragment *f)
{
	if (f != NULL) {
		free(f->xhtml);
		free(f);
	}
}

