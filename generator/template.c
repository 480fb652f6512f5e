/* template.c: the template engine; see template.h. */
#include "template.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "alloc.h"

struct template {
	xmlDoc	*doc;
	size_t	 file;		/* index in model.files */
};

enum field_kind { FIELD_TEXT, FIELD_HTML, FIELD_FLAG, FIELD_LIST };

struct field {
	const char	*name;
	enum field_kind	 kind;
	const char	*text;		/* TEXT and HTML */
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

/* The state of one rendering. */
struct render {
	struct diag	*diag;
	xmlDoc		*doc;
	int		 errors;
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

/* Returns field name of s itself, adding it (of kind k) if absent. */
static struct field *
S_field(struct scope *s, const char *name, enum field_kind k)
{
	struct field *f;

	for (f = s->fields; f != NULL; f = f->next)
		if (strcmp(f->name, name) == 0)
			break;
	if (f == NULL) {
		f = arena_calloc(s->arena, 1, sizeof(*f));
		f->name = arena_strdup(s->arena, name);
		f->next = s->fields;
		s->fields = f;
	}
	f->kind = k;
	return f;
}

void
scope_text(struct scope *s, const char *name, const char *text)
{
	if (text != NULL)
		S_field(s, name, FIELD_TEXT)->text = arena_strdup(s->arena, text);
}

void
scope_html(struct scope *s, const char *name, const char *html)
{
	if (html != NULL)
		S_field(s, name, FIELD_HTML)->text = arena_strdup(s->arena, html);
}

void
scope_flag(struct scope *s, const char *name, int on)
{
	S_field(s, name, FIELD_FLAG)->on = on;
}

void
scope_list(struct scope *s, const char *name)
{
	struct field *f;

	for (f = s->fields; f != NULL; f = f->next)
		if (strcmp(f->name, name) == 0 && f->kind == FIELD_LIST)
			return;
	S_field(s, name, FIELD_LIST);
}

struct scope *
scope_item(struct scope *s, const char *name)
{
	struct field *f;
	struct scope *item = scope_new(s->arena, s);

	scope_list(s, name);
	for (f = s->fields; strcmp(f->name, name) != 0; f = f->next)
		;
	if (f->last != NULL)
		f->last->next = item;
	else
		f->first = item;
	f->last = item;
	return item;
}

/* Returns the field called name in s or its ancestors, or NULL. */
static const struct field *
S_lookup(const struct scope *s, const char *name)
{
	const struct field *f;

	for (; s != NULL; s = s->parent)
		for (f = s->fields; f != NULL; f = f->next)
			if (strcmp(f->name, name) == 0)
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

/* Returns the position of template node n, from the template it was
 * copied from (recorded in _private). */
static struct pos
S_pos(const xmlNode *n)
{
	struct pos p = { 0, 0, 0 };
	const struct template *t = n->_private;

	if (t != NULL) {
		p.file = t->file;
		p.line = (int)xmlGetLineNo(n);
	}
	return p;
}

/* Reports a template error at node n. */
static void
S_error(struct render *r, const xmlNode *n, const char *what, const char *name)
{
	struct pos p = S_pos(n);

	diag_msg(r->diag, MSG_TEMPLATE, n->_private ? &p : NULL, "%s '%s'",
	    what, name);
	r->errors++;
}

/* Returns whether attribute name is a directive (any data-* is). */
static int
S_is_directive(const xmlChar *name)
{
	return strncmp((const char *)name, "data-", 5) == 0;
}

/* Returns whether name is a known directive. */
static int
S_is_known(const char *name)
{
	size_t i;

	if (strncmp(name, "data-attr-", 10) == 0 && name[10] != '\0')
		return 1;
	for (i = 0; i < sizeof(S_directives) / sizeof(*S_directives); i++)
		if (strcmp(name, S_directives[i]) == 0)
			return 1;
	return 0;
}

/* Sets _private of n and its descendants to t, marking where they came
 * from; reports unknown directives; removes comments.  Returns the number
 * of unknown directives. */
static int
S_mark(xmlNode *n, const struct template *t, struct diag *d)
{
	xmlNode *c, *next;
	xmlAttr *a;
	int bad = 0;

	n->_private = (void *)t;
	for (a = n->type == XML_ELEMENT_NODE ? n->properties : NULL; a != NULL;
	    a = a->next)
		if (S_is_directive(a->name) && !S_is_known((const char *)a->name)) {
			struct pos p = S_pos(n);

			diag_msg(d, MSG_TEMPLATE, &p, "unknown directive '%s'",
			    (const char *)a->name);
			bad++;
		}
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else
			bad += S_mark(c, t, d);
	}
	return bad;
}

/* Copies the _private marks of the tree at from onto its copy at to. */
static void
S_copy_marks(const xmlNode *from, xmlNode *to)
{
	const xmlNode *f;
	xmlNode *t;

	to->_private = from->_private;
	for (f = from->children, t = to->children; f != NULL && t != NULL;
	    f = f->next, t = t->next)
		S_copy_marks(f, t);
}

/* Makes every element and attribute at or below n that uses namespace
 * from use to instead. */
static void
S_repoint_ns(xmlNode *n, const xmlNs *from, xmlNs *to)
{
	xmlAttr *a;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns == from)
			n->ns = to;
		for (a = n->properties; a != NULL; a = a->next)
			if (a->ns == from)
				a->ns = to;
		S_repoint_ns(n->children, from, to);
	}
}

/* Drops the namespace declarations of copied element n (and below) that
 * repeat one declared above it: xmlDocCopyNode repeats the template
 * root's xmlns on every copy. */
static void
S_adopt_ns(xmlNode *n)
{
	xmlNode *c;
	xmlNs *own, **link;

	if (n->type != XML_ELEMENT_NODE)
		return;
	for (link = &n->nsDef; (own = *link) != NULL;) {
		xmlNs *above = n->parent && n->parent->type == XML_ELEMENT_NODE ?
		    xmlSearchNsByHref(n->doc, n->parent, own->href) : NULL;

		if (above == NULL || !xmlStrEqual(above->prefix, own->prefix)) {
			link = &own->next;
			continue;
		}
		*link = own->next;
		own->next = NULL;
		S_repoint_ns(n, own, above);
		xmlFreeNs(own);
	}
	for (c = n->children; c != NULL; c = c->next)
		S_adopt_ns(c);
}

/* Returns the first element at or below n with attribute name, or NULL. */
static xmlNode *
S_find(xmlNode *n, const char *name)
{
	xmlNode *c, *hit;

	if (n->type == XML_ELEMENT_NODE && xmlHasProp(n, BAD_CAST name))
		return n;
	for (c = n->children; c != NULL; c = c->next)
		if ((hit = S_find(c, name)) != NULL)
			return hit;
	return NULL;
}

struct template *
template_load(const char *path, struct model *m, struct diag *d)
{
	struct template *t = xcalloc(1, sizeof(*t));
	struct pos p;

	t->file = model_add_file(m, path);
	p.file = t->file;
	p.line = p.col = 0;
	t->doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (t->doc == NULL || xmlDocGetRootElement(t->doc) == NULL) {
		const xmlError *e = xmlGetLastError();

		if (e != NULL && e->line > 0) {
			p.line = e->line;
			p.col = e->int2;
		}
		diag_msg(d, MSG_TEMPLATE, &p, "not well-formed XHTML: %s",
		    e != NULL && e->message ? e->message : "cannot read");
		template_free(t);
		return NULL;
	}
	if (S_mark(xmlDocGetRootElement(t->doc), t, d) > 0) {
		template_free(t);
		return NULL;
	}
	return t;
}

void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	xmlFreeDoc(t->doc);
	free(t);
}

/* Returns the field that attribute attr of n names, or NULL after
 * reporting it unknown or of the wrong kind. */
static const struct field *
S_field_of(struct render *r, xmlNode *n, const char *attr,
    const struct scope *s, int kinds)
{
	xmlChar *name = xmlGetProp(n, BAD_CAST attr);
	const struct field *f = S_lookup(s, (const char *)name);

	if (f == NULL)
		S_error(r, n, "unknown field", (const char *)name);
	else if (!(kinds & (1 << f->kind))) {
		S_error(r, n, "field of the wrong kind for this directive",
		    (const char *)name);
		f = NULL;
	}
	xmlFree(name);
	return f;
}

/* Removes every child of n. */
static void
S_clear(xmlNode *n)
{
	xmlNode *c;

	while ((c = n->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/* Marks links in the fragment at n that leave the site: any href with a
 * scheme or another host ("//") gets class "external" and rel "external
 * noopener noreferrer". */
static void
S_mark_external(xmlNode *n)
{
	xmlNode *c;

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
		for (c = n->children; c != NULL; c = c->next)
			S_mark_external(c);
	}
}

/* Replaces the content of n with the HTML fragment html. */
static void
S_put_html(struct render *r, xmlNode *n, const char *html)
{
	xmlNode *list = NULL, *c, *next;

	S_clear(n);
	if (*html == '\0')
		return;
	if (xmlParseInNodeContext(n, html, (int)strlen(html), XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING, &list) != XML_ERR_OK) {
		S_error(r, n, "HTML that does not parse", "data-html");
		xmlFreeNodeList(list);
		return;
	}
	S_mark_external(list);
	for (c = list; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddChild(n, c);
	}
}

static void	S_children(struct render *, xmlNode *, const struct scope *);

/* Applies the directives of element n (and its descendants) in scope s;
 * n may be replaced or removed. */
static void
S_element(struct render *r, xmlNode *n, const struct scope *s)
{
	const struct field *f;
	xmlAttr *a, *anext;

	if (xmlHasProp(n, BAD_CAST "data-each")) {
		const struct scope *item;

		xmlNode *indent = n->prev != NULL && xmlIsBlankNode(n->prev) ?
		    n->prev : NULL;

		if ((f = S_field_of(r, n, "data-each", s, 1 << FIELD_LIST)) != NULL)
			for (item = f->first; item != NULL; item = item->next) {
				xmlNode *copy = xmlDocCopyNode(n, r->doc, 1);

				if (item != f->first && indent != NULL)
					xmlAddPrevSibling(n, xmlDocCopyNode(indent,
					    r->doc, 1));	/* keep the indent */
				S_copy_marks(n, copy);
				xmlUnsetProp(copy, BAD_CAST "data-each");
				xmlAddPrevSibling(n, copy);
				S_adopt_ns(copy);
				S_element(r, copy, item);
			}
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		return;
	}
	if (xmlHasProp(n, BAD_CAST "data-if") || xmlHasProp(n,
	    BAD_CAST "data-unless")) {
		int want = xmlHasProp(n, BAD_CAST "data-if") != NULL;

		f = S_field_of(r, n, want ? "data-if" : "data-unless", s, ~0);
		if (f == NULL || S_is_set(f) != want) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			return;
		}
	}
	for (a = n->properties; a != NULL; a = anext) {
		const char *name = (const char *)a->name;

		anext = a->next;
		if (strncmp(name, "data-attr-", 10) != 0)
			continue;
		if ((f = S_field_of(r, n, name, s, 1 << FIELD_TEXT)) != NULL)
			xmlSetProp(n, BAD_CAST name + 10, BAD_CAST f->text);
	}
	if (xmlHasProp(n, BAD_CAST "data-text")) {
		if ((f = S_field_of(r, n, "data-text", s, 1 << FIELD_TEXT)) != NULL) {
			S_clear(n);
			xmlAddChild(n, xmlNewDocText(r->doc, BAD_CAST f->text));
		}
	} else if (xmlHasProp(n, BAD_CAST "data-html")) {
		if ((f = S_field_of(r, n, "data-html", s, 1 << FIELD_HTML)) != NULL)
			S_put_html(r, n, f->text);
	} else
		S_children(r, n, s);
	for (a = n->properties; a != NULL; a = anext) {
		anext = a->next;
		if (S_is_directive(a->name))
			xmlRemoveProp(a);
	}
}

/* Applies the directives of the children of n in scope s. */
static void
S_children(struct render *r, xmlNode *n, const struct scope *s)
{
	xmlNode *c, *next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE)
			S_element(r, c, s);
	}
}

/* Puts a copy of the content of page's data-page element into the
 * data-content element of doc; returns -1 when either is missing. */
static int
S_insert_page(struct render *r, const struct template *layout,
    const struct template *page)
{
	xmlNode *slot = S_find(xmlDocGetRootElement(r->doc), "data-content");
	xmlNode *body = S_find(xmlDocGetRootElement(page->doc), "data-page");
	xmlNode *c, *copy;

	if (slot == NULL || body == NULL) {
		struct pos p = { slot ? page->file : layout->file, 0, 0 };

		diag_msg(r->diag, MSG_TEMPLATE, &p, "no element with %s",
		    slot ? "data-page" : "data-content");
		return -1;
	}
	S_clear(slot);
	xmlUnsetProp(slot, BAD_CAST "data-content");
	for (c = body->children; c != NULL; c = c->next) {
		copy = xmlDocCopyNode(c, r->doc, 1);
		S_copy_marks(c, copy);
		copy = xmlAddChild(slot, copy);
		S_adopt_ns(copy);
	}
	return 0;
}

char *
template_render(const struct template *layout, const struct template *page,
    const struct scope *s, struct diag *d, size_t *len)
{
	struct render r = { d, NULL, 0 };
	static const char doctype[] = "<!DOCTYPE html>\n";
	xmlBuffer *buf;
	xmlSaveCtxt *save;
	char *out = NULL;

	r.doc = xmlCopyDoc(layout->doc, 1);
	xmlFree((xmlChar *)r.doc->encoding);	/* UTF-8 out, no &#x...; */
	r.doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
	S_copy_marks(xmlDocGetRootElement(layout->doc),
	    xmlDocGetRootElement(r.doc));
	if (S_insert_page(&r, layout, page) == 0)
		S_element(&r, xmlDocGetRootElement(r.doc), s);
	else
		r.errors++;
	if (r.errors == 0 && (buf = xmlBufferCreate()) != NULL) {
		save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_XHTML |
		    XML_SAVE_NO_DECL);
		xmlSaveTree(save, xmlDocGetRootElement(r.doc));
		xmlSaveClose(save);
		*len = sizeof(doctype) - 1 + (size_t)xmlBufferLength(buf) + 1;
		out = xreallocarray(NULL, *len + 1, 1);
		memcpy(out, doctype, sizeof(doctype) - 1);
		memcpy(out + sizeof(doctype) - 1, xmlBufferContent(buf),
		    (size_t)xmlBufferLength(buf));
		out[*len - 1] = '\n';
		out[*len] = '\0';
		xmlBufferFree(buf);
	}
	xmlFreeDoc(r.doc);
	return out;
}
