/* load_tree.c: a parsed content document to model structs.
 *
 * The walk is tolerant: the schema reports structure problems, so here a
 * missing part is left empty and only what the model needs is reported
 * (a required attribute or element, a bad number, an oversized field).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "load.h"
#include "load_private.h"
#include "text.h"

/* The walk's state for one document. */
struct tree {
	struct loader		*l;
	struct model		*model;		/* what the document joins */
	struct arena		*arena;
	const struct srcmap	*map;
};

/* Returns whether node is an element named name in no namespace. */
static int
S_is(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
	    strcmp((const char *)node->name, name) == 0;
}

/* Returns the number of child elements of parent named name. */
static size_t
S_count(const xmlNode *parent, const char *name)
{
	const xmlNode *c;
	size_t n = 0;

	for (c = parent->children; c != NULL; c = c->next)
		n += S_is(c, name);
	return n;
}

/* Returns the first child element of parent named name, or NULL. */
static xmlNode *
S_child(const xmlNode *parent, const char *name)
{
	xmlNode *c;

	for (c = parent->children; c != NULL; c = c->next)
		if (S_is(c, name))
			return c;
	return NULL;
}

/* Returns the position of node's start tag. */
static struct pos
S_pos(const struct tree *t, const xmlNode *node)
{
	return node_pos(t->map, node);
}

/* Returns attribute name of node as an arena string, or NULL when absent;
 * reports a required one that is absent. */
static const char *
S_attr(struct tree *t, const xmlNode *node, const char *name, int required)
{
	xmlChar *v = xmlGetNoNsProp(node, BAD_CAST name);
	char *s;

	if (v == NULL) {
		if (required) {
			struct pos p = S_pos(t, node);

			diag_msg(t->l->diag, MSG_ATTR_MISSING, &p, "%s on <%s>",
			    name, (const char *)node->name);
		}
		return NULL;
	}
	s = arena_strdup(t->arena, (const char *)v);
	xmlFree(v);
	return s;
}

/* Reports each attribute of node whose name is not in the NULL-terminated
 * list known: the schema names only the first of several bad attributes. */
static void
S_known_attributes(struct tree *t, const xmlNode *node,
    const char *const *known)
{
	const xmlAttr *a;
	size_t i;

	for (a = node->properties; a != NULL; a = a->next) {
		for (i = 0; known[i] != NULL; i++)
			if (a->ns == NULL &&
			    strcmp((const char *)a->name, known[i]) == 0)
				break;
		if (known[i] == NULL) {
			struct pos p = S_pos(t, node);

			diag_msg(t->l->diag, MSG_ATTR_UNKNOWN, &p, "%s%s%s on <%s>",
			    a->ns && a->ns->prefix ? (const char *)a->ns->prefix : "",
			    a->ns && a->ns->prefix ? ":" : "",
			    (const char *)a->name, (const char *)node->name);
		}
	}
}

/* Returns the integer value of attribute name of node (white space around
 * it ignored, as the schema's xsd:integer does), or LEVEL_NONE when absent
 * or not a usable whole number (reported). */
static int
S_int_attr(struct tree *t, const xmlNode *node, const char *name, int required)
{
	const char *s = S_attr(t, node, name, required), *p;
	char *end;
	long v;
	int brk;

	if (s == NULL)
		return LEVEL_NONE;
	p = text_trim(t->arena, s, &brk);
	errno = 0;
	v = strtol(p, &end, 10);
	if (end == p || *end != '\0' || errno == ERANGE ||
	    v < -INT_MAX / 2 || v > INT_MAX / 2) {
		struct pos pos = S_pos(t, node);

		diag_msg(t->l->diag, MSG_NUMBER, &pos, "%s=\"%s\" on <%s>%s",
		    name, s, (const char *)node->name,
		    end != p && *end == '\0' ? " (too large)" : "");
		return LEVEL_NONE;
	}
	return (int)v;
}

/* Returns the text content of node (the caller frees it with xmlFree). */
static char *
S_content(const xmlNode *node)
{
	xmlChar *v = xmlNodeGetContent(node);

	return v != NULL ? (char *)v : (char *)xmlStrdup(BAD_CAST "");
}

/* Reports what keeps the one-line text s of node from showing as written:
 * a Unicode line break, a bidirectional control character, a
 * noncharacter, or nothing visible. */
static void
S_line_flaws(struct tree *t, const xmlNode *node, const char *s,
    const struct pos *p)
{
	unsigned c;

	switch (text_line_flaw(s, &c)) {
	case TEXT_BREAK:
		diag_msg(t->l->diag, MSG_TEXT_LINEBREAK, p, "<%s> (U+%04X)",
		    (const char *)node->name, c);
		break;
	case TEXT_BIDI:
		diag_msg(t->l->diag, MSG_TEXT_BIDI, p, "U+%04X in <%s>", c,
		    (const char *)node->name);
		break;
	case TEXT_NONCHAR:
		diag_msg(t->l->diag, MSG_MARKDOWN_CHAR, p, "U+%04X in <%s>", c,
		    (const char *)node->name);
		break;
	case TEXT_INVISIBLE:
		diag_msg(t->l->diag, MSG_TEXT_EMPTY, p, "<%s> holds only white "
		    "space or invisible characters", (const char *)node->name);
		break;
	default:
		break;
	}
}

/* Returns the one-line text of node, trimmed; reports empty text and line
 * breaks.  Returns NULL for empty text. */
static const char *
S_line(struct tree *t, const xmlNode *node)
{
	int has_break;
	char *raw = S_content(node);
	char *s = text_trim(t->arena, raw, &has_break);
	struct pos p = S_pos(t, node);

	xmlFree(raw);
	if (*s == '\0') {
		diag_msg(t->l->diag, MSG_TEXT_EMPTY, &p, "<%s>",
		    (const char *)node->name);
		return NULL;
	}
	if (strlen(s) > LINE_SIZE_MAX)
		diag_msg(t->l->diag, MSG_TEXT_SIZE, &p,
		    "<%s> holds %zu bytes; the limit is %d",
		    (const char *)node->name, strlen(s), LINE_SIZE_MAX);
	else if (has_break)
		diag_msg(t->l->diag, MSG_TEXT_LINEBREAK, &p, "<%s>",
		    (const char *)node->name);
	else
		S_line_flaws(t, node, s, &p);
	return s;
}

/* Returns the one-line text of parent's child element name; reports it
 * missing. */
static const char *
S_child_line(struct tree *t, const xmlNode *parent, const char *name)
{
	const xmlNode *c = S_child(parent, name);

	if (c == NULL) {
		struct pos p = S_pos(t, parent);

		diag_msg(t->l->diag, MSG_ELEM_MISSING, &p, "<%s> in <%s>", name,
		    (const char *)parent->name);
		return NULL;
	}
	return S_line(t, c);
}

/* Returns the content of node as Markdown with XML indentation removed,
 * or NULL when blank; reports text over the size cap and returns "" for
 * it, so no later stage parses it and none takes it for missing
 * (md_check measures nesting on cmark's tree). */
static const char *
S_markdown(struct tree *t, const xmlNode *node)
{
	char *raw = S_content(node);
	char *s = text_dedent(t->arena, raw);
	size_t len = strlen(s);
	struct pos p;

	xmlFree(raw);
	if (len == 0)
		return NULL;
	p = S_pos(t, node);
	if (len > MARKDOWN_SIZE_MAX) {
		diag_msg(t->l->diag, MSG_MARKDOWN_SIZE, &p,
		    "<%s> holds %zu bytes; the limit is %d",
		    (const char *)node->name, len, MARKDOWN_SIZE_MAX);
		return "";
	}
	return s;
}

/* Collects the <editorial-note> children of parent; a blank one is
 * reported, one over a cap is left out (reported). */
static void
S_notes(struct tree *t, const xmlNode *parent, struct notes *out)
{
	const xmlNode *c;

	out->n = 0;
	out->v = arena_calloc(t->arena, S_count(parent, "editorial-note"),
	    sizeof(*out->v));
	for (c = parent->children; c != NULL; c = c->next) {
		const char *md;

		if (!S_is(c, "editorial-note"))
			continue;
		if ((md = S_markdown(t, c)) == NULL) {
			struct pos p = S_pos(t, c);

			diag_msg(t->l->diag, MSG_TEXT_EMPTY, &p,
			    "<editorial-note>");
			continue;
		}
		if (*md == '\0')
			continue;
		out->v[out->n].markdown = md;
		out->v[out->n].pos = S_pos(t, c);
		out->n++;
	}
}

/* Fills sk from a <skill> element. */
static void
S_skill(struct tree *t, const xmlNode *node, struct skill *sk)
{
	const xmlNode *k = S_child(node, "knowledge"), *c;
	const char *scope;

	static const char *const known[] = { "id", "scope", NULL };

	sk->pos = S_pos(t, node);
	S_known_attributes(t, node, known);
	sk->id = S_attr(t, node, "id", 1);
	scope = S_attr(t, node, "scope", 1);
	if (scope != NULL && strcmp(scope, "common") == 0)
		sk->scope = SCOPE_COMMON;
	else if (scope != NULL && strcmp(scope, "specific") == 0)
		sk->scope = SCOPE_SPECIFIC;
	else if (scope != NULL)
		diag_msg(t->l->diag, MSG_ATTR_VALUE, &sk->pos,
		    "scope=\"%s\" on <skill>; use common or specific", scope);
	sk->name = S_child_line(t, node, "name");
	S_notes(t, node, &sk->notes);
	if (k == NULL) {
		diag_msg(t->l->diag, MSG_ELEM_MISSING, &sk->pos,
		    "<knowledge> in <skill>");
		return;
	}
	sk->knowledge = arena_calloc(t->arena, S_count(k, "item"),
	    sizeof(*sk->knowledge));
	for (c = k->children; c != NULL; c = c->next) {
		struct knowledge *ki;

		if (!S_is(c, "item"))
			continue;
		ki = &sk->knowledge[sk->nknowledge];
		if ((ki->text = S_line(t, c)) == NULL)
			continue;
		ki->pos = S_pos(t, c);
		sk->nknowledge++;
	}
}

/* Fills e from an <entry> element. */
static void
S_entry(struct tree *t, const xmlNode *node, struct entry *e)
{
	static const char *const level_known[] = { "value", NULL };
	const xmlNode *c;

	static const char *const known[] = { "skill", NULL };

	e->pos = S_pos(t, node);
	S_known_attributes(t, node, known);
	e->skill_id = S_attr(t, node, "skill", 1);
	S_notes(t, node, &e->notes);
	e->levels = arena_calloc(t->arena, S_count(node, "level"),
	    sizeof(*e->levels));
	for (c = node->children; c != NULL; c = c->next) {
		struct level *lv;

		if (!S_is(c, "level"))
			continue;
		lv = &e->levels[e->nlevels++];
		lv->pos = S_pos(t, c);
		S_known_attributes(t, c, level_known);
		lv->value = S_int_attr(t, c, "value", 1);
		lv->markdown = S_markdown(t, c);
	}
}

/* Fills sp from a <specialty> element. */
static void
S_specialty(struct tree *t, const xmlNode *node, struct specialty *sp)
{
	const xmlNode *c;

	static const char *const known[] = { "id", NULL };

	sp->pos = S_pos(t, node);
	S_known_attributes(t, node, known);
	sp->id = S_attr(t, node, "id", 1);
	sp->name = S_child_line(t, node, "name");
	S_notes(t, node, &sp->notes);
	sp->entries = arena_calloc(t->arena, S_count(node, "entry"),
	    sizeof(*sp->entries));
	for (c = node->children; c != NULL; c = c->next)
		if (S_is(c, "entry"))
			S_entry(t, c, &sp->entries[sp->nentries++]);
}

/* Adds the job type of a <jobtype> element to the model. */
static void
S_jobtype(struct tree *t, const xmlNode *node)
{
	struct jobtype *jt = model_add_jobtype(t->model);
	const xmlNode *c;

	static const char *const known[] = { "id", "number", "min-level",
	    "max-level", NULL };

	jt->pos = S_pos(t, node);
	S_known_attributes(t, node, known);
	jt->id = S_attr(t, node, "id", 1);
	if ((jt->number = S_int_attr(t, node, "number", 0)) < 1) {
		if (jt->number != LEVEL_NONE)
			diag_msg(t->l->diag, MSG_ATTR_VALUE, &jt->pos,
			    "number=\"%d\" on <jobtype>; numbers start at 1",
			    jt->number);
		jt->number = 0;
	}
	jt->min_level = S_int_attr(t, node, "min-level", 1);
	jt->max_level = S_int_attr(t, node, "max-level", 1);
	jt->name = S_child_line(t, node, "name");
	if ((c = S_child(node, "annotation")) != NULL) {
		jt->annotation = S_markdown(t, c);
		jt->annotation_pos = S_pos(t, c);
	}
	S_notes(t, node, &jt->notes);
	jt->skills = arena_calloc(t->arena, S_count(node, "skill"),
	    sizeof(*jt->skills));
	jt->specialties = arena_calloc(t->arena, S_count(node, "specialty"),
	    sizeof(*jt->specialties));
	for (c = node->children; c != NULL; c = c->next) {
		if (S_is(c, "skill"))
			S_skill(t, c, &jt->skills[jt->nskills++]);
		else if (S_is(c, "specialty"))
			S_specialty(t, c, &jt->specialties[jt->nspecialties++]);
	}
}

/* Sets the model's framework from a <framework> element; reports a second
 * one. */
static void
S_framework(struct tree *t, const xmlNode *node)
{
	struct model *m = t->model;
	static const char *const known[] = { "id", NULL };
	struct framework *fw;
	const xmlNode *c;
	struct pos p = S_pos(t, node);

	if (m->framework != NULL) {
		load_report_framework(t->l->diag, &p, &m->framework->pos);
		return;
	}
	fw = m->framework = arena_calloc(t->arena, 1, sizeof(*fw));
	fw->pos = p;
	S_known_attributes(t, node, known);
	fw->id = S_attr(t, node, "id", 1);
	fw->name = S_child_line(t, node, "name");
	if ((c = S_child(node, "summary")) != NULL) {
		fw->summary = S_markdown(t, c);
		fw->summary_pos = S_pos(t, c);
	}
	S_notes(t, node, &fw->notes);
}

void
load_report_framework(struct diag *d, const struct pos *again,
    const struct pos *first)
{
	diag_msg(d, MSG_FRAMEWORK_DUPLICATE, again, "first defined at %s:%d:%d",
	    diag_file(d, first->file), first->line, first->col);
}

void
load_tree(struct loader *l, struct model *m, const struct srcmap *map,
    xmlDoc *doc)
{
	struct tree t = { l, m, &m->arena, map };
	const xmlNode *root = xmlDocGetRootElement(doc);

	if (root == NULL)
		return;
	if (S_is(root, "jobtype"))
		S_jobtype(&t, root);
	else if (S_is(root, "framework"))
		S_framework(&t, root);
	/* any other root: the schema has said so */
}
