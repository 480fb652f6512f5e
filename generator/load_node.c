/* load_node.c: reading the elements of a parsed content document: names,
 * attributes, one-line texts, Markdown fields and notes, each checked as
 * the model needs it (load_tree.c and load_tailor.c build on these).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "load.h"
#include "load_private.h"
#include "text.h"

/* Returns whether node is an element named name in no namespace. */
int
tree_is(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
	    strcmp((const char *)node->name, name) == 0;
}

/* Returns the number of child elements of parent named name. */
size_t
tree_count(const xmlNode *parent, const char *name)
{
	const xmlNode *c;
	size_t n = 0;

	for (c = parent->children; c != NULL; c = c->next)
		n += tree_is(c, name);
	return n;
}

/* Returns the first child element of parent named name, or NULL. */
xmlNode *
tree_child(const xmlNode *parent, const char *name)
{
	xmlNode *c;

	for (c = parent->children; c != NULL; c = c->next)
		if (tree_is(c, name))
			return c;
	return NULL;
}

/* Returns the position of node's start tag. */
struct pos
tree_pos(const struct tree *t, const xmlNode *node)
{
	return node_pos(t->map, node);
}

/* Returns attribute name of node as an arena string, or NULL when absent;
 * reports a required one that is absent. */
const char *
tree_attr(struct tree *t, const xmlNode *node, const char *name, int required)
{
	xmlChar *v = xmlGetNoNsProp(node, BAD_CAST name);
	char *s;

	if (v == NULL) {
		if (required) {
			struct pos p = tree_pos(t, node);

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
void
tree_known_attributes(struct tree *t, const xmlNode *node,
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
			struct pos p = tree_pos(t, node);

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
int
tree_int_attr(struct tree *t, const xmlNode *node, const char *name, int required)
{
	const char *s = tree_attr(t, node, name, required), *p;
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
		struct pos pos = tree_pos(t, node);

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
const char *
tree_line(struct tree *t, const xmlNode *node)
{
	int has_break;
	char *raw = S_content(node);
	char *s = text_trim(t->arena, raw, &has_break);
	struct pos p = tree_pos(t, node);

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
const char *
tree_child_line(struct tree *t, const xmlNode *parent, const char *name)
{
	const xmlNode *c = tree_child(parent, name);

	if (c == NULL) {
		struct pos p = tree_pos(t, parent);

		diag_msg(t->l->diag, MSG_ELEM_MISSING, &p, "<%s> in <%s>", name,
		    (const char *)parent->name);
		return NULL;
	}
	return tree_line(t, c);
}

/* Returns the content of node as Markdown with XML indentation removed,
 * or NULL when blank; reports text over the size cap and returns "" for
 * it, so no later stage parses it and none takes it for missing
 * (md_check measures nesting on cmark's tree). */
const char *
tree_markdown(struct tree *t, const xmlNode *node)
{
	char *raw = S_content(node);
	char *s = text_dedent(t->arena, raw);
	size_t len = strlen(s);
	struct pos p;

	xmlFree(raw);
	if (len == 0)
		return NULL;
	p = tree_pos(t, node);
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
void
tree_notes(struct tree *t, const xmlNode *parent, struct notes *out)
{
	const xmlNode *c;

	out->n = 0;
	out->v = arena_calloc(t->arena, tree_count(parent, "editorial-note"),
	    sizeof(*out->v));
	for (c = parent->children; c != NULL; c = c->next) {
		const char *md;

		if (!tree_is(c, "editorial-note"))
			continue;
		if ((md = tree_markdown(t, c)) == NULL) {
			struct pos p = tree_pos(t, c);

			diag_msg(t->l->diag, MSG_TEXT_EMPTY, &p,
			    "<editorial-note>");
			continue;
		}
		if (*md == '\0')
			continue;
		out->v[out->n].markdown = md;
		out->v[out->n].pos = tree_pos(t, c);
		out->n++;
	}
}


/* Reads the <item> children of k (a <knowledge> element) into a new
 * array of *n knowledge items; an empty item is left out (reported). */
struct knowledge *
tree_knowledge(struct tree *t, const xmlNode *k, size_t *n)
{
	struct knowledge *v = arena_calloc(t->arena, tree_count(k, "item"),
	    sizeof(*v));
	const xmlNode *c;

	*n = 0;
	for (c = k->children; c != NULL; c = c->next) {
		struct knowledge *ki;

		if (!tree_is(c, "item"))
			continue;
		ki = &v[*n];
		if ((ki->text = tree_line(t, c)) == NULL)
			continue;
		ki->pos = tree_pos(t, c);
		(*n)++;
	}
	return v;
}

/* Reads the <level value="N"> children of node into a new array of *n
 * levels, in source order. */
struct level *
tree_levels(struct tree *t, const xmlNode *node, size_t *n)
{
	static const char *const known[] = { "value", NULL };
	struct level *v = arena_calloc(t->arena, tree_count(node, "level"),
	    sizeof(*v));
	const xmlNode *c;

	*n = 0;
	for (c = node->children; c != NULL; c = c->next) {
		struct level *lv;

		if (!tree_is(c, "level"))
			continue;
		lv = &v[(*n)++];
		lv->pos = tree_pos(t, c);
		tree_known_attributes(t, c, known);
		lv->value = tree_int_attr(t, c, "value", 1);
		lv->markdown = tree_markdown(t, c);
	}
	return v;
}
