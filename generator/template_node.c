/* template_node.c: what loading and compiling both read off a template's
 * nodes: where each stands, which attributes are directives, how its
 * data-each blocks nest; see template_private.h. */
#include "template_private.h"

#include <string.h>

struct pos
template_node_pos(const xmlNode *n)
{
	struct pos none = { 0, 0, 0 };

	/* _private holds what S_place() left (a pointer), or NULL, or a
	 * mark number (tagged odd) in nodes it never reached: only the
	 * first is read, and no node outside the tree is climbed to */
	for (; n != NULL && (n->type == XML_ELEMENT_NODE ||
	    n->type == XML_TEXT_NODE || n->type == XML_PI_NODE ||
	    n->type == XML_COMMENT_NODE || n->type == XML_ENTITY_REF_NODE);
	    n = n->parent)
		if (n->_private != NULL && node_mark(n) == 0)
			return *(const struct pos *)n->_private;
	return none;
}

/* Returns whether attribute name is a directive (any data-* is). */
int
template_is_directive(const xmlChar *name)
{
	return strncmp((const char *)name, "data-", 5) == 0;
}

int
template_each_enter(const xmlNode *n, const struct each_scope *up,
    struct each_scope *self, struct diag *d)
{
	const struct each_scope *e;
	struct pos p = template_node_pos(n);
	int bad = 0;

	self->up = up;
	self->depth = up != NULL ? up->depth : 0;
	self->repeats = 0;
	if ((self->list = xmlGetProp(n, BAD_CAST "data-each")) == NULL)
		return 0;
	if (++self->depth == TEMPLATE_EACH_DEPTH_MAX + 1) {
		diag_msg(d, MSG_TEMPLATE, &p, "data-each nested more than %d "
		    "deep (each level multiplies the work of a page)",
		    TEMPLATE_EACH_DEPTH_MAX);
		bad++;
	}
	for (e = up; e != NULL && !e->repeats; e = e->up)
		if (e->list != NULL && xmlStrEqual(e->list, self->list)) {
			self->repeats = 1;
			diag_msg(d, MSG_TEMPLATE, &p, "data-each of '%s' inside "
			    "a data-each of '%s' (it would repeat the list once "
			    "for each of its items)", (const char *)self->list,
			    (const char *)self->list);
			bad++;
			break;
		}
	return bad;
}

unsigned
template_hash(const char *name)
{
	unsigned h = 2166136261u;

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h;
}
