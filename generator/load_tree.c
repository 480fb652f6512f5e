/* load_tree.c: a parsed content document to model structs.
 *
 * The walk is tolerant: the schema reports structure problems, so here a
 * missing part is left empty and only what the model needs is reported
 * (a required attribute or element, a bad number, an oversized field).
 */
#include <string.h>

#include <libxml/tree.h>

#include "load.h"
#include "load_private.h"

/* Fills sk from a <skill> element. */
static void
S_skill(struct tree *t, const xmlNode *node, struct skill *sk)
{
	const xmlNode *k = tree_child(node, "knowledge");
	const char *scope;

	static const char *const known[] = { "id", "scope", NULL };

	sk->pos = tree_pos(t, node);
	tree_known_attributes(t, node, known);
	sk->id = tree_attr(t, node, "id", 1);
	scope = tree_attr(t, node, "scope", 1);
	if (scope != NULL && strcmp(scope, "common") == 0)
		sk->scope = SCOPE_COMMON;
	else if (scope != NULL && strcmp(scope, "specific") == 0)
		sk->scope = SCOPE_SPECIFIC;
	else if (scope != NULL)
		diag_msg(t->l->diag, MSG_ATTR_VALUE, &sk->pos,
		    "scope=\"%s\" on <skill>; use common or specific", scope);
	sk->name = tree_child_line(t, node, "name");
	tree_notes(t, node, &sk->notes);
	if (k == NULL) {
		diag_msg(t->l->diag, MSG_ELEM_MISSING, &sk->pos,
		    "<knowledge> in <skill>");
		return;
	}
	sk->knowledge = tree_knowledge(t, k, &sk->nknowledge);
}

/* Fills e from an <entry> element. */
static void
S_entry(struct tree *t, const xmlNode *node, struct entry *e)
{
	static const char *const known[] = { "skill", NULL };

	e->pos = tree_pos(t, node);
	tree_known_attributes(t, node, known);
	e->skill_id = tree_attr(t, node, "skill", 1);
	tree_notes(t, node, &e->notes);
	e->levels = tree_levels(t, node, &e->nlevels);
}

/* Fills sp from a <specialty> element. */
static void
S_specialty(struct tree *t, const xmlNode *node, struct specialty *sp)
{
	const xmlNode *c;

	static const char *const known[] = { "id", NULL };

	sp->pos = tree_pos(t, node);
	tree_known_attributes(t, node, known);
	sp->id = tree_attr(t, node, "id", 1);
	sp->name = tree_child_line(t, node, "name");
	tree_notes(t, node, &sp->notes);
	sp->entries = arena_calloc(t->arena, tree_count(node, "entry"),
	    sizeof(*sp->entries));
	for (c = node->children; c != NULL; c = c->next)
		if (tree_is(c, "entry"))
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

	jt->pos = tree_pos(t, node);
	tree_known_attributes(t, node, known);
	jt->id = tree_attr(t, node, "id", 1);
	if ((jt->number = tree_int_attr(t, node, "number", 0)) < 1) {
		if (jt->number != LEVEL_NONE)
			diag_msg(t->l->diag, MSG_ATTR_VALUE, &jt->pos,
			    "number=\"%d\" on <jobtype>; numbers start at 1",
			    jt->number);
		jt->number = 0;
	}
	jt->min_level = tree_int_attr(t, node, "min-level", 1);
	jt->max_level = tree_int_attr(t, node, "max-level", 1);
	jt->name = tree_child_line(t, node, "name");
	if ((c = tree_child(node, "annotation")) != NULL) {
		jt->annotation = tree_markdown(t, c);
		jt->annotation_pos = tree_pos(t, c);
	}
	tree_notes(t, node, &jt->notes);
	jt->skills = arena_calloc(t->arena, tree_count(node, "skill"),
	    sizeof(*jt->skills));
	jt->specialties = arena_calloc(t->arena, tree_count(node, "specialty"),
	    sizeof(*jt->specialties));
	for (c = node->children; c != NULL; c = c->next) {
		if (tree_is(c, "skill"))
			S_skill(t, c, &jt->skills[jt->nskills++]);
		else if (tree_is(c, "specialty"))
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
	struct pos p = tree_pos(t, node);

	if (m->framework != NULL) {
		load_report_framework(t->l->diag, &p, &m->framework->pos);
		return;
	}
	fw = m->framework = arena_calloc(t->arena, 1, sizeof(*fw));
	fw->pos = p;
	tree_known_attributes(t, node, known);
	fw->id = tree_attr(t, node, "id", 1);
	fw->name = tree_child_line(t, node, "name");
	if ((c = tree_child(node, "summary")) != NULL) {
		fw->summary = tree_markdown(t, c);
		fw->summary_pos = tree_pos(t, c);
	}
	tree_notes(t, node, &fw->notes);
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
	if (tree_is(root, "jobtype"))
		S_jobtype(&t, root);
	else if (tree_is(root, "tailoring"))
		load_tailoring(&t, root);
	else if (tree_is(root, "framework"))
		S_framework(&t, root);
	/* any other root: the schema has said so */
}
