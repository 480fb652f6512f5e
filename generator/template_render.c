/* template_render.c: a compiled page filled with a scope of fields, and
 * the HTML fragments fields carry; see template.h. */
#include "template.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "alloc.h"
#include "template_private.h"

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

/* Field names seen in a tree of scopes, by address, with their hashes:
 * names outlive the rendering of their scope, so within one tree an
 * address always holds the same name. */
#define NAME_SLOTS	64

/* What the scopes below one scope_new() share: allocation in chunks
 * and the hashes of the names they use.  Only the thread filling the
 * tree touches it. */
struct scope_tree {
	struct arena	*arena;
	struct field	*fields;	/* spare, zeroed */
	size_t		 nfields;
	struct scope	*scopes;	/* spare, zeroed */
	size_t		 nscopes;
	struct {
		const char	*name;
		unsigned	 hash;
	}		 names[NAME_SLOTS];
};

#define FIELD_CHUNK	32
#define SCOPE_CHUNK	16

struct scope {
	struct scope_tree	*tree;
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

/* Returns a zeroed scope of tree t, below parent. */
static struct scope *
S_scope(struct scope_tree *t, const struct scope *parent)
{
	struct scope *s;

	if (t->nscopes == 0) {
		t->scopes = arena_calloc(t->arena, SCOPE_CHUNK, sizeof(*s));
		t->nscopes = SCOPE_CHUNK;
	}
	s = t->scopes++;
	t->nscopes--;
	s->tree = t;
	s->parent = parent;
	return s;
}

struct scope *
scope_new(struct arena *a, const struct scope *parent)
{
	struct scope_tree *t = arena_calloc(a, 1, sizeof(*t));

	t->arena = a;
	return S_scope(t, parent);
}

/* Returns template_hash(name), remembered by name's address in t. */
static unsigned
S_name_hash(struct scope_tree *t, const char *name)
{
	size_t i = ((uintptr_t)name >> 3) % NAME_SLOTS;

	if (t->names[i].name != name) {
		t->names[i].name = name;
		t->names[i].hash = template_hash(name);
	}
	return t->names[i].hash;
}

/* Returns the newest field of s itself called name, or NULL. */
static struct field *
S_own(const struct scope *s, const char *name, unsigned hash)
{
	struct field *f;

	for (f = s->fields; f != NULL; f = f->next)
		if (f->hash == hash && (f->name == name ||
		    strcmp(f->name, name) == 0))
			return f;
	return NULL;
}

/* Returns a new field of s called name, of kind k; it hides any older
 * field of s with that name. */
static struct field *
S_field(struct scope *s, const char *name, enum field_kind k)
{
	struct scope_tree *t = s->tree;
	struct field *f;

	if (t->nfields == 0) {
		t->fields = arena_calloc(t->arena, FIELD_CHUNK, sizeof(*f));
		t->nfields = FIELD_CHUNK;
	}
	f = t->fields++;
	t->nfields--;
	f->name = name;
	f->hash = S_name_hash(t, name);
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

void
scope_json(struct scope *s, const char *name, const char *json)
{
	if (json != NULL)
		S_field(s, name, FIELD_JSON)->text = json;
}

/* Returns list name of s, declared if need be. */
static struct field *
S_list(struct scope *s, const char *name)
{
	struct field *f = S_own(s, name, S_name_hash(s->tree, name));

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
	struct scope *item = S_scope(s->tree, s);

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

/* Reports that op o names no field (f NULL) or field f of a kind its
 * directive cannot use; returns NULL. */
static const struct field *
S_field_refused(struct render *r, const struct op *o, const struct field *f)
{
	const char *what = f == NULL ? "unknown field" :
	    "field of the wrong kind for this directive";

	diag_msg(r->diag, MSG_TEMPLATE, o->pos.line > 0 ? &o->pos : NULL,
	    "%s '%s'", what, o->field);
	r->errors++;
	return NULL;
}

/* Returns the field that op o names, or NULL after reporting it unknown
 * or of none of the kinds in the bit set kinds. */
static inline const struct field *
S_field_of(struct render *r, const struct op *o, const struct scope *s,
    int kinds)
{
	const struct field *f = S_lookup(s, o->name, o->hash);

	if (f != NULL && (kinds & (1 << f->kind)))
		return f;
	return S_field_refused(r, o, f);
}

/* Makes room in the page for n more bytes. */
static void
S_grow(struct render *r, size_t n)
{
	r->cap = (r->len + n) * 2;
	r->out = xreallocarray(r->out, r->cap, 1);
}

/* Appends the n bytes at s to the page. */
static inline void
S_put(struct render *r, const char *s, size_t n)
{
	if (n > r->cap - r->len)
		S_grow(r, n);
	memcpy(r->out + r->len, s, n);
	r->len += n;
}

/* Appends text, which holds < > & or CR, escaped as element content by
 * libxml2. */
static void
S_text_escaped(struct render *r, const char *text)
{
	xmlOutputBuffer *esc;

	if ((esc = xmlAllocOutputBuffer(NULL)) == NULL)
		xalloc_die();
	xmlOutputBufferWriteEscape(esc, BAD_CAST text, NULL);
	S_put(r, (const char *)xmlOutputBufferGetContent(esc),
	    xmlOutputBufferGetSize(esc));
	xmlOutputBufferClose(esc);
}

/* Appends text escaped as element content by libxml2 (< > & and CR),
 * or as it is when it holds none of those. */
static inline void
S_text(struct render *r, const char *text)
{
	size_t plain = strcspn(text, "<>&\r");

	if (text[plain] == '\0')
		S_put(r, text, plain);
	else
		S_text_escaped(r, text);
}

/* Appends json, the text of a JSON value, as a script's data: each '<',
 * '>' and '&' (only ever inside a string) and each U+2028 and U+2029
 * (which old parsers of JavaScript take for line ends) as its \uXXXX
 * escape, which a JSON parser reads as the same character, so that
 * nothing in it can end the script element or open a comment. */
static void
S_json(struct render *r, const char *json)
{
	static const char *const esc[] = { "\\u003c", "\\u003e", "\\u0026",
	    "\\u2028", "\\u2029" };
	size_t n;
	int k;

	for (;;) {
		n = strcspn(json, "<>&\xe2");
		S_put(r, json, n);
		json += n;
		if (*json == '\0')
			return;
		if (*json == '\xe2' && (json[1] != '\x80' ||
		    (json[2] != '\xa8' && json[2] != '\xa9'))) {
			S_put(r, json++, 1);	/* another character */
			continue;
		}
		k = *json == '<' ? 0 : *json == '>' ? 1 : *json == '&' ? 2 :
		    json[2] == '\xa8' ? 3 : 4;
		S_put(r, esc[k], 6);
		json += k < 3 ? 1 : 3;
	}
}

/* Appends the text of field f as the value of attribute op o, escaped by
 * libxml2 (as the serializer does), or as it is when it holds nothing to
 * escape. */
static void
S_attribute(struct render *r, const struct op *o, const struct field *f)
{
	xmlBuffer *esc;
	size_t plain;

	if (f->text[0] == '\0' && o->boolean != NULL) {
		/* as libxml2 writes an empty boolean attribute */
		S_put(r, o->boolean, strlen(o->boolean));
		return;
	}
	plain = strcspn(f->text, "<>&\"\n\r\t");
	if (f->text[plain] == '\0') {
		S_put(r, f->text, plain);
		return;
	}
	if ((esc = xmlBufferCreate()) == NULL)
		xalloc_die();
	xmlAttrSerializeTxtContent(esc, r->p->doc, NULL, BAD_CAST f->text);
	S_put(r, (const char *)xmlBufferContent(esc),
	    (size_t)xmlBufferLength(esc));
	xmlBufferFree(esc);
}

/* Appends the text of field f as the value of attribute op o, unless
 * the policy refuses it there (reported). */
static void
S_attribute_op(struct render *r, const struct op *o, const struct field *f)
{
	const char *why;

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
			if ((f = S_field_of(r, o, s, 1 << FIELD_TEXT)) != NULL)
				S_attribute_op(r, o, f);
			break;
		case OP_HTML:
			if ((f = S_field_of(r, o, s, 1 << FIELD_HTML)) != NULL)
				S_put(r, f->text, strlen(f->text));
			break;
		case OP_JSON:
			if ((f = S_field_of(r, o, s, 1 << FIELD_JSON)) != NULL)
				S_json(r, f->text);
			break;
		case OP_EACH:
			f = S_field_of(r, o, s, 1 << FIELD_LIST);
			for (item = f ? f->first : NULL; item; item = item->next)
				S_run(r, i + 1, o->end, item);
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

/* Reports each field of s that neither own nor shared (either may be
 * NULL) declares with its kind, as a field of page file that the
 * generator sets undeclared; returns how many it reported. */
static int
S_undeclared(const struct scope *s, const struct decl_index *own,
    const struct decl_index *shared, size_t file, struct diag *d)
{
	const struct field *f;
	struct pos p = { file, 0, 0 };
	long k;
	int bad = 0, kind;

	for (f = s->fields; f != NULL; f = f->next) {
		if ((k = template_decl_index_find(own, f->name, f->hash)) >= 0)
			kind = own->v[k].kind;
		else if ((k = template_decl_index_find(shared, f->name,
		    f->hash)) >= 0)
			kind = shared->v[k].kind;
		else
			kind = -1;
		if (kind != (int)f->kind) {
			diag_msg(d, MSG_INTERNAL, &p, "the generator sets %s field "
			    "'%s', which generator/page_fields.c does not declare "
			    "so", template_kind_name(f->kind), f->name);
			bad++;
		}
	}
	return bad;
}

/* Reports each field that x (or NULL) declares but s does not hold
 * itself, as a field of page file that the generator leaves unset (a
 * template could use it and pass every check, then fail as a page is
 * rendered); returns how many it reported. */
static int
S_unset(const struct scope *s, const struct decl_index *x, size_t file,
    struct diag *d)
{
	struct pos p = { file, 0, 0 };
	size_t i;
	int bad = 0;

	for (i = 0; x != NULL && i < x->n; i++)
		if (S_own(s, x->v[i].name, x->hash[i]) == NULL) {
			diag_msg(d, MSG_INTERNAL, &p, "the generator leaves "
			    "field '%s' unset, which generator/page_fields.c "
			    "declares", x->v[i].name);
			bad++;
		}
	return bad;
}

/* Returns whether s holds each field that own and shared (either may
 * be NULL) declare, and no other, each of its kind (what S_unset() and
 * S_undeclared() report nothing on): one pass over s's fields, one
 * lookup in the declarations each. */
static int
S_holds_declared(const struct scope *s, const struct decl_index *own,
    const struct decl_index *shared)
{
	size_t nown = own != NULL ? own->n : 0, held = 0;
	size_t total = nown + (shared != NULL ? shared->n : 0);
	unsigned char small[256], *seen;
	const struct field *f;
	long k;
	int ok = 1, kind;

	seen = total <= sizeof(small) ? small : xcalloc(total, 1);
	memset(seen, 0, total);
	for (f = s->fields; f != NULL && ok; f = f->next) {
		if ((k = template_decl_index_find(own, f->name, f->hash)) >= 0)
			kind = own->v[k].kind;
		else if ((k = template_decl_index_find(shared, f->name,
		    f->hash)) >= 0)
			kind = shared->v[k].kind, k += (long)nown;
		else
			kind = -1;
		if ((ok = kind == (int)f->kind) && !seen[k]) {
			seen[k] = 1;
			held++;
		}
	}
	if (seen != small)
		free(seen);
	return ok && held == total;
}

/* How many items of each list S_check_declared() checks: one piece of
 * code makes all the items of a list, so the first few show what it
 * sets, and a page's check costs the same however long its lists. */
#define CHECKED_ITEMS	4

/* Returns whether a and b hold the same names (by address) of the same
 * kinds in the same order: what one of them holds is declared if the
 * other's is. */
static int
S_same_fields(const struct scope *a, const struct scope *b)
{
	const struct field *f, *g;

	for (f = a->fields, g = b->fields; f != NULL && g != NULL;
	    f = f->next, g = g->next)
		if (f->name != g->name || f->kind != g->kind)
			return 0;
	return f == NULL && g == NULL;
}

/* Checks the fields of scope s (and of the first CHECKED_ITEMS items of
 * each of its lists) against own and shared: S_unset() and
 * S_undeclared() at every level, unless S_holds_declared() accepts s or
 * s holds the same fields as *like (an item before it in its list that
 * S_holds_declared() accepted; NULL if none); sets *like to s when
 * S_holds_declared() accepts it.  Returns the number of problems
 * reported. */
static int
S_check_declared(const struct scope *s, const struct decl_index *own,
    const struct decl_index *shared, const struct scope **like,
    size_t file, struct diag *d)
{
	const struct decl_index *items;
	const struct field *f;
	const struct scope *item, *first;
	long k;
	int n, bad = 0;

	if (*like != NULL && S_same_fields(s, *like))
		;	/* as its sibling: declared */
	else if (S_holds_declared(s, own, shared))
		*like = s;
	else {
		bad = S_unset(s, own, file, d) + S_unset(s, shared, file, d);
		if (bad == 0)
			bad = S_undeclared(s, own, shared, file, d);
	}
	for (f = s->fields; f != NULL && bad == 0; f = f->next) {
		if (f->first == NULL)
			continue;
		k = template_decl_index_find(own, f->name, f->hash);
		items = k >= 0 ? own->items[k] : shared->items[
		    template_decl_index_find(shared, f->name, f->hash)];
		first = NULL;
		for (item = f->first, n = 0; item != NULL && n < CHECKED_ITEMS;
		    item = item->next, n++)
			bad += S_check_declared(item, items, NULL, &first, file,
			    d);
	}
	return bad;
}

char *
template_render(const struct template *layout, struct template *page,
    int depth, const struct scope *s, struct diag *d, size_t *len)
{
	struct render r;
	const struct scope *like = NULL;
	char *html = NULL;

	if (template_compile(layout, page, d) < 0)
		return NULL;
	memset(&r, 0, sizeof(r));
	r.diag = d;
	r.depth = depth;
	r.p = page->program;
	r.cap = 2 * r.p->textlen + 4096;	/* the program's text twice over */
	r.out = xreallocarray(NULL, r.cap, 1);
	S_run(&r, 0, r.p->nops, s);
	if (page->own_index != NULL || page->shared_index != NULL)
		r.errors += S_check_declared(s, page->own_index,
		    page->shared_index, &like, page->file, d);
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
fragment_adopt(char *html)
{
	struct fragment *f;
	char *xhtml;

	/* cmark's safe output is well-formed XHTML; only links need work */
	if (strstr(html, "<a ") == NULL)	/* drop cmark's spare room */
		xhtml = xreallocarray(html, strlen(html) + 1, 1);
	else {
		xhtml = S_mark_links(html);
		free(html);
		if (xhtml == NULL)
			return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->xhtml = xhtml;
	return f;
}

struct fragment *
fragment_new(const char *html)
{
	return fragment_adopt(xstrdup(html));
}

void
fragment_free(struct fragment *f)
{
	if (f != NULL) {
		free(f->xhtml);
		free(f);
	}
}

