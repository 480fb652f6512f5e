/* template_compile.c: a page template and the layout into a program;
 * see template_private.h.
 *
 * The page's content goes into a copy of the layout.  Each directive
 * becomes a marker the serializer passes through unchanged: a comment
 * for content and blocks, the attribute's value for data-attr-*.  libxml2
 * serializes the document once, as XHTML; the text between markers
 * becomes literal ops, each marker the op it stands for.
 */
#include "template_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>

#include "alloc.h"

/* A marker: U+E000, the slot's number, U+E001 (template.c refuses
 * templates that use either character). */
#define MARK_OPEN	"\xee\x80\x80"
#define MARK_CLOSE	"\xee\x80\x81"

/* What a marker stands for. */
struct slot {
	enum op_kind	 kind;
	char		*field;
	char		*boolean;
	enum template_url url;
	char		*attr;
	struct pos	 pos;
};

/* The state of one compilation. */
struct compiler {
	struct diag	*d;
	xmlDoc		*doc;
	const struct field_scope *top;	/* the page's declared fields */
	struct slot	*slots;
	size_t		 nslots;
	size_t		 cap;
	int		 errors;
};

/* Copies the _private marks (where each node stands: template_node_pos())
 * of the tree at from onto its copy at to: libxml2 2.9.14's copies keep
 * an element's line but neither _private nor the line of other nodes. */
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

/* Puts a copy of the content of page's data-page element into the
 * data-content element of doc; returns -1 after reporting when either
 * is missing. */
static int
S_insert_page(struct compiler *c, const struct template *layout,
    const struct template *page)
{
	xmlNode *slot = S_find(xmlDocGetRootElement(c->doc), "data-content");
	xmlNode *body = S_find(xmlDocGetRootElement(page->doc), "data-page");
	xmlNode *n, *copy;

	if (slot == NULL || body == NULL) {
		struct pos p = { slot ? page->file : layout->file, 0, 0 };

		diag_msg(c->d, MSG_TEMPLATE, &p, "no element with %s",
		    slot ? "data-page" : "data-content");
		return -1;
	}
	c->errors += template_check_tree(slot->children, c->top, NULL, c->d);
	S_clear(slot);
	xmlUnsetProp(slot, BAD_CAST "data-content");
	for (n = body->children; n != NULL; n = n->next) {
		copy = xmlDocCopyNode(n, c->doc, 1);
		S_copy_marks(n, copy);
		copy = xmlAddChild(slot, copy);
		S_adopt_ns(copy);
	}
	return 0;
}

/* Returns whether element n may show the white space of its text as
 * written: <pre>, <textarea> and their kin, xml:space="preserve" on it or
 * above it, or an element not of XHTML (SVG's text drops line breaks
 * where HTML reads a space). */
static int
S_keeps_space(xmlNode *n)
{
	static const char *const kept[] = { "pre", "textarea", "listing",
	    "plaintext", "xmp", NULL };
	size_t i;

	if (n->ns == NULL || !xmlStrEqual(n->ns->href,
	    BAD_CAST "http://www.w3.org/1999/xhtml"))
		return 1;
	for (i = 0; kept[i] != NULL; i++)
		if (xmlStrEqual(n->name, BAD_CAST kept[i]))
			return 1;
	return xmlNodeGetSpacePreserve(n) == 1;
}

/* Makes each run of white space in text node t that holds a line break
 * one line break. */
static void
S_collapse_breaks(xmlNode *t)
{
	const char *from = (const char *)t->content;
	char *to, *out;
	size_t run;

	if (from == NULL || strchr(from, '\n') == NULL)
		return;
	out = to = xstrdup(from);
	while (*from != '\0') {
		run = strspn(from, " \t\n\r");
		if (run == 0)
			*to++ = *from++;
		else if (memchr(from, '\n', run) != NULL) {
			*to++ = '\n';
			from += run;
		} else {
			memmove(to, from, run);
			to += run;
			from += run;
		}
	}
	*to = '\0';
	xmlNodeSetContent(t, BAD_CAST out);
	free(out);
}

/* Makes the text below n, but where white space shows
 * (S_keeps_space()), hold each line break and the indentation after it
 * as one line break, which every browser shows as the same space: the
 * templates' layout is not written into every page.  Joins neighbouring
 * text nodes (a removed comment leaves them) first. */
static void
S_tidy_space(xmlNode *n)
{
	xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && !S_keeps_space(c))
			S_tidy_space(c);
		else if (c->type == XML_TEXT_NODE) {
			while (c->next != NULL && c->next->type == XML_TEXT_NODE)
				xmlTextMerge(c, c->next);
			S_collapse_breaks(c);
		}
	}
}

/* Adds a slot for a directive of node n; returns its marker, malloc'd. */
static char *
S_slot(struct compiler *c, const xmlNode *n, enum op_kind kind,
    const xmlChar *field)
{
	struct slot *s;
	char *marker = xreallocarray(NULL, 32, 1);

	if (c->nslots == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->slots = xreallocarray(c->slots, c->cap, sizeof(*c->slots));
	}
	s = &c->slots[c->nslots];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->field = field ? xstrdup((const char *)field) : NULL;
	s->pos = template_node_pos(n);
	snprintf(marker, 32, MARK_OPEN "%zu" MARK_CLOSE, c->nslots++);
	return marker;
}

/* Returns a comment node holding a new marker for n. */
static xmlNode *
S_mark_node(struct compiler *c, const xmlNode *n, enum op_kind kind,
    const xmlChar *field)
{
	char *marker = S_slot(c, n, kind, field);
	xmlNode *m = xmlNewDocComment(c->doc, BAD_CAST marker);

	free(marker);
	return m;
}

/* Puts block markers (kind, on the field of attribute attr) before n and
 * an end marker after it.  Returns the slot of the block. */
static struct slot *
S_block(struct compiler *c, xmlNode *n, enum op_kind kind, const char *attr)
{
	xmlChar *field = xmlGetProp(n, BAD_CAST attr);

	xmlAddPrevSibling(n, S_mark_node(c, n, kind, field));
	xmlAddNextSibling(n, S_mark_node(c, n, OP_END, NULL));
	xmlFree(field);
	xmlUnsetProp(n, BAD_CAST attr);
	return &c->slots[c->nslots - 2];
}

/* Replaces the data-attr-NAME directives of n with attribute NAME holding
 * a marker. */
static void
S_attributes(struct compiler *c, xmlNode *n)
{
	xmlAttr *a, *next;

	for (a = n->properties; a != NULL; a = next) {
		const char *name = (const char *)a->name;
		xmlChar *field;
		char *marker;

		next = a->next;
		if (strncmp(name, "data-attr-", 10) != 0)
			continue;
		field = xmlNodeGetContent((xmlNode *)a);
		marker = S_slot(c, n, OP_ATTR, field);
		if (htmlIsBooleanAttr(BAD_CAST name + 10))
			c->slots[c->nslots - 1].boolean = xstrdup(name + 10);
		c->slots[c->nslots - 1].url = template_url_kind(name + 10);
		c->slots[c->nslots - 1].attr = xstrdup(name + 10);
		xmlSetProp(n, BAD_CAST name + 10, BAD_CAST marker);
		free(marker);
		xmlFree(field);
	}
}

/* Replaces the content of n, which stands in declared scope fs, with a
 * marker of kind for the field that attribute attr names. */
static void
S_content(struct compiler *c, xmlNode *n, enum op_kind kind, const char *attr,
    const struct field_scope *fs)
{
	xmlChar *field = xmlGetProp(n, BAD_CAST attr);

	c->errors += template_check_tree(n->children, fs, NULL, c->d);
	S_clear(n);
	xmlAddChild(n, S_mark_node(c, n, kind, field));
	xmlFree(field);
}

/* Returns whether white space follows element n and the block markers
 * after it: then the white space before n may go with n, leaving words
 * around it apart. */
static int
S_space_after(const xmlNode *n)
{
	const xmlNode *after = n->next;

	while (after != NULL && after->type == XML_COMMENT_NODE)
		after = after->next;
	return after != NULL && after->type == XML_TEXT_NODE &&
	    after->content != NULL && after->content[0] != '\0' &&
	    strchr(" \t\n\r", after->content[0]) != NULL;
}

/* Puts the block markers of n's data-each, then data-if or data-unless,
 * around n (S_block()).  The line break before n, when white space
 * follows too, goes inside the innermost block: it is written with each
 * item and dropped with n, so no blank line stays where n was left out. */
static void
S_blocks(struct compiler *c, xmlNode *n)
{
	xmlNode *blank = n->prev != NULL && xmlIsBlankNode(n->prev) ?
	    n->prev : NULL;

	if (xmlHasProp(n, BAD_CAST "data-each"))
		S_block(c, n, OP_EACH, "data-each");
	if (xmlHasProp(n, BAD_CAST "data-if"))
		S_block(c, n, OP_IF, "data-if");
	else if (xmlHasProp(n, BAD_CAST "data-unless"))
		S_block(c, n, OP_UNLESS, "data-unless");
	if (blank != NULL && blank->next != n && S_space_after(n)) {
		xmlUnlinkNode(blank);
		xmlAddPrevSibling(n, blank);
	}
}

/* Removes the directive attributes of element n; a data-* attribute
 * that data-attr-data-* made holds a marker and stays (directives cannot:
 * templates may not hold the markers). */
static void
S_drop_directives(xmlNode *n)
{
	xmlAttr *a, *next;
	xmlChar *v;
	int made;

	for (a = n->properties; a != NULL; a = next) {
		next = a->next;
		if (!template_is_directive(a->name))
			continue;
		v = xmlNodeGetContent((xmlNode *)a);
		made = v != NULL && strstr((const char *)v, MARK_OPEN) != NULL;
		xmlFree(v);
		if (!made)
			xmlRemoveProp(a);
	}
}

/* Puts the content of element n (markers and all) where n stands and
 * frees n: data-omit-tag. */
static void
S_omit_tag(xmlNode *n)
{
	xmlNode *child;

	while ((child = n->children) != NULL) {
		xmlUnlinkNode(child);
		xmlAddPrevSibling(n, child);
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/* Turns the directives of element n and its descendants into markers,
 * in the order template.h gives; removes every directive attribute, and
 * n's tags where it has data-omit-tag.  n stands in the data-each blocks
 * up and in the declared scope fs; reports their nesting
 * (template_each_enter()) and the fields its directives name
 * (template_check_directives()). */
static void
S_element(struct compiler *c, xmlNode *n, const struct each_scope *up,
    const struct field_scope *fs)
{
	xmlNode *child, *next;
	struct each_scope each;
	struct field_scope inner;
	const struct field_scope *sees;
	int omit = xmlHasProp(n, BAD_CAST "data-omit-tag") != NULL;

	c->errors += template_each_enter(n, up, &each, c->d);
	c->errors += template_check_directives(n, fs, &inner, &sees, c->d);
	S_blocks(c, n);
	S_attributes(c, n);
	if (xmlHasProp(n, BAD_CAST "data-text"))
		S_content(c, n, OP_TEXT, "data-text", sees);
	else if (xmlHasProp(n, BAD_CAST "data-html"))
		S_content(c, n, OP_HTML, "data-html", sees);
	else if (xmlHasProp(n, BAD_CAST "data-json"))
		S_content(c, n, OP_JSON, "data-json", sees);
	else
		for (child = n->children; child != NULL; child = next) {
			next = child->next;
			if (child->type == XML_ELEMENT_NODE)
				S_element(c, child, &each, sees);
		}
	S_drop_directives(n);
	xmlFree(each.list);
	if (omit)
		S_omit_tag(n);
}

/* Returns the document c->doc serialized as XHTML, with the doctype
 * before it and a newline after, malloc'd. */
static char *
S_serialize(struct compiler *c)
{
	static const char doctype[] = "<!DOCTYPE html>\n";
	xmlBuffer *buf = xmlBufferCreate();
	xmlSaveCtxt *save;
	char *text;
	size_t n;

	if (buf == NULL)
		return NULL;
	save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_XHTML | XML_SAVE_NO_DECL);
	xmlSaveTree(save, xmlDocGetRootElement(c->doc));
	xmlSaveClose(save);
	n = (size_t)xmlBufferLength(buf);
	text = xreallocarray(NULL, sizeof(doctype) + n + 1, 1);
	memcpy(text, doctype, sizeof(doctype) - 1);
	memcpy(text + sizeof(doctype) - 1, xmlBufferContent(buf), n);
	strcpy(text + sizeof(doctype) - 1 + n, "\n");
	xmlBufferFree(buf);
	return text;
}

/* Appends an op to p. */
static struct op *
S_op(struct program *p, size_t *cap, enum op_kind kind)
{
	struct op *o;

	if (p->nops == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		p->ops = xreallocarray(p->ops, *cap, sizeof(*p->ops));
	}
	o = &p->ops[p->nops++];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	return o;
}

/* Appends the literal [from, to) to p, unless empty. */
static void
S_literal(struct program *p, size_t *cap, const char *from, const char *to)
{
	struct op *o;

	if (to > from) {
		o = S_op(p, cap, OP_LIT);
		o->lit = from;
		o->len = (size_t)(to - from);
	}
}

/* Returns field (or NULL) as the page's declarations spell it, if they
 * declare it, else field itself: lookups compare names by address
 * first, and the generator sets fields with the same literals. */
static const char *
S_spelling(const struct compiler *c, const char *field)
{
	const char *d = NULL;

	if (field != NULL && c->top != NULL &&
	    (d = template_decl_name(c->top->own, field)) == NULL)
		d = template_decl_name(c->top->shared, field);
	return d != NULL ? d : field;
}

/* Cuts p->text at the markers into ops; a comment marker takes its
 * "<!--" and "-->" with it.  Returns -1 on a marker it cannot read. */
static int
S_split(struct compiler *c, struct program *p)
{
	const char *at = p->text, *m, *after;
	size_t cap = 0, k;
	char *end;

	p->textlen = strlen(p->text);
	while ((m = strstr(at, MARK_OPEN)) != NULL) {
		const char *lit_end = m;
		struct slot *s;
		struct op *o;

		k = strtoul(m + strlen(MARK_OPEN), &end, 10);
		if (k >= c->nslots || strncmp(end, MARK_CLOSE,
		    strlen(MARK_CLOSE)) != 0)
			return -1;
		s = &c->slots[k];
		after = end + strlen(MARK_CLOSE);
		if (s->kind != OP_ATTR) {
			if (m - at < 4 || strncmp(m - 4, "<!--", 4) != 0 ||
			    strncmp(after, "-->", 3) != 0)
				return -1;
			lit_end -= 4;
			after += 3;
		}
		S_literal(p, &cap, at, lit_end);
		o = S_op(p, &cap, s->kind);
		o->field = s->field ? xstrdup(s->field) : NULL;
		o->name = S_spelling(c, o->field);
		o->hash = s->field ? template_hash(s->field) : 0;
		o->boolean = s->boolean ? xstrdup(s->boolean) : NULL;
		o->url = s->url;
		o->attr = s->attr ? xstrdup(s->attr) : NULL;
		o->pos = s->pos;
		at = after;
	}
	S_literal(p, &cap, at, at + strlen(at));
	return 0;
}

/* Points each block op of p at its OP_END; returns -1 when they do not
 * nest. */
static int
S_match_blocks(struct program *p)
{
	size_t *stack = xcalloc(p->nops + 1, sizeof(*stack)), depth = 0, i;
	int rc = 0;

	for (i = 0; i < p->nops && rc == 0; i++) {
		enum op_kind k = p->ops[i].kind;

		if (k == OP_EACH || k == OP_IF || k == OP_UNLESS)
			stack[depth++] = i;
		else if (k == OP_END) {
			if (depth == 0)
				rc = -1;
			else
				p->ops[stack[--depth]].end = i;
		}
	}
	free(stack);
	return rc == 0 && depth == 0 ? 0 : -1;
}

void
program_free(struct program *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nops; i++) {
		free(p->ops[i].field);
		free(p->ops[i].boolean);
		free(p->ops[i].attr);
	}
	free(p->ops);
	free(p->text);
	xmlFreeDoc(p->doc);
	free(p);
}

/* Frees the slots of c. */
static void
S_free_slots(struct compiler *c)
{
	size_t i;

	for (i = 0; i < c->nslots; i++) {
		free(c->slots[i].field);
		free(c->slots[i].boolean);
		free(c->slots[i].attr);
	}
	free(c->slots);
}

struct program *
program_compile(const struct template *layout, const struct template *page,
    struct diag *d)
{
	struct compiler c;
	struct program *p = NULL;
	struct field_scope top = { page->own, page->shared, NULL };

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.top = page->own != NULL || page->shared != NULL ? &top : NULL;
	c.doc = xmlCopyDoc(layout->doc, 1);
	xmlFree((xmlChar *)c.doc->encoding);	/* UTF-8 out, no &#x...; */
	c.doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
	S_copy_marks(xmlDocGetRootElement(layout->doc),
	    xmlDocGetRootElement(c.doc));
	c.errors += template_check_tree(xmlDocGetRootElement(page->doc), c.top,
	    "data-page", d);	/* the sample chrome around the page */
	if (S_insert_page(&c, layout, page) == 0) {
		S_tidy_space(xmlDocGetRootElement(c.doc));
		S_element(&c, xmlDocGetRootElement(c.doc), NULL, c.top);
		p = xcalloc(1, sizeof(*p));
		p->text = S_serialize(&c);
		p->doc = xmlNewDoc(BAD_CAST "1.0");
		p->doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
		if (c.errors > 0) {
			program_free(p);
			p = NULL;
		} else if (p->text == NULL || S_split(&c, p) < 0 ||
		    S_match_blocks(p) < 0) {
			struct pos at = { page->file, 0, 0 };

			diag_msg(d, MSG_TEMPLATE, &at, "cannot compile the page "
			    "with %s", "the layout");
			program_free(p);
			p = NULL;
		}
	}
	S_free_slots(&c);
	xmlFreeDoc(c.doc);
	return p;
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

void
template_declare(struct template *page, const struct field_decl *own,
    const struct field_decl *shared)
{
	page->own = own;
	page->shared = shared;
	template_decl_index_free(page->own_index);
	template_decl_index_free(page->shared_index);
	page->own_index = template_decl_index(own);
	page->shared_index = template_decl_index(shared);
	program_free(page->program);	/* compiled again, checked */
	page->program = NULL;
}
