/* load_tailor.c: a <tailoring> element to model structs
 * (model_tailor.h).  As load_tree.c, tolerant: the schema reports the
 * structure; here only what the model needs is read and reported.
 */
#include <string.h>

#include <libxml/tree.h>

#include "load.h"
#include "load_private.h"

/* Returns the level attribute (attr) of node, 0 when absent. */
static int
S_level(struct tree *t, const xmlNode *node, const char *attr, int required)
{
	int n = tree_int_attr(t, node, attr, required);

	return n == LEVEL_NONE ? 0 : n;
}

/* Fills at from node's skill, specialty and (named level_attr, when not
 * NULL) level attributes. */
static void
S_at(struct tree *t, const xmlNode *node, const char *level_attr,
    int level_required, struct tailor_at *at)
{
	at->pos = tree_pos(t, node);
	at->skill_id = tree_attr(t, node, "skill", 1);
	at->specialty_id = tree_attr(t, node, "specialty", 0);
	if (level_attr != NULL)
		at->level = S_level(t, node, level_attr, level_required);
}

/* Fills h from a <hide> element. */
static void
S_hide(struct tree *t, const xmlNode *node, struct tailor_hide *h)
{
	static const char *const known[] = { "skill", "specialty", "level",
	    NULL };

	tree_known_attributes(t, node, known);
	S_at(t, node, "level", 0, &h->at);
}

/* Fills r from a <rename> element. */
static void
S_rename(struct tree *t, const xmlNode *node, struct tailor_rename *r)
{
	static const char *const known[] = { "skill", NULL };

	tree_known_attributes(t, node, known);
	S_at(t, node, NULL, 0, &r->at);
	r->name = tree_child_line(t, node, "name");
}

/* Fills cs from a company <skill> element. */
static void
S_company_skill(struct tree *t, const xmlNode *node, struct company_skill *cs)
{
	static const char *const known[] = { "id", "specialty", NULL };
	const xmlNode *k = tree_child(node, "knowledge");
	struct skill *sk = arena_calloc(t->arena, 1, sizeof(*sk));

	cs->skill = sk;
	sk->pos = tree_pos(t, node);
	tree_known_attributes(t, node, known);
	sk->id = tree_attr(t, node, "id", 1);
	cs->specialty_id = tree_attr(t, node, "specialty", 0);
	sk->scope = cs->specialty_id == NULL ? SCOPE_COMMON : SCOPE_SPECIFIC;
	sk->name = tree_child_line(t, node, "name");
	tree_notes(t, node, &sk->notes);
	if (k != NULL)
		sk->knowledge = tree_knowledge(t, k, &sk->nknowledge);
	else
		diag_msg(t->l->diag, MSG_ELEM_MISSING, &sk->pos,
		    "<knowledge> in <skill>");
	cs->levels = tree_levels(t, node, &cs->nlevels);
}

/* Fills k from a <knowledge skill="..."> element. */
static void
S_knowledge(struct tree *t, const xmlNode *node, struct tailor_knowledge *k)
{
	static const char *const known[] = { "skill", NULL };

	tree_known_attributes(t, node, known);
	S_at(t, node, NULL, 0, &k->at);
	k->items = tree_knowledge(t, node, &k->nitems);
}

/* Fills x from a <level> element of company text. */
static void
S_text(struct tree *t, const xmlNode *node, struct tailor_text *x)
{
	static const char *const known[] = { "skill", "specialty", "value",
	    NULL };
	const xmlNode *c;

	tree_known_attributes(t, node, known);
	S_at(t, node, "value", 1, &x->at);
	if ((c = tree_child(node, "meaning")) != NULL) {
		x->meaning = tree_markdown(t, c);
		x->meaning_pos = tree_pos(t, c);
	}
	if ((c = tree_child(node, "evidence")) != NULL) {
		x->evidence = tree_markdown(t, c);
		x->evidence_pos = tree_pos(t, c);
	}
	if (x->meaning == NULL && x->evidence == NULL)
		diag_msg(t->l->diag, MSG_TEXT_EMPTY, &x->at.pos,
		    "<level> of a tailoring needs <meaning> or <evidence>");
}

/* Returns whether s is a number of hours as a resource gives it: 1 to
 * 9999.9, or 0.1 to 0.9, with at most one decimal ("8", "1.5"). */
static int
S_hours_ok(const char *s)
{
	size_t n = strspn(s, "0123456789");

	if (n == 0 || n > 4 || (s[0] == '0' && n > 1))
		return 0;
	if (s[n] == '\0')
		return s[0] != '0';
	return s[n] == '.' && s[n + 1] >= '0' && s[n + 1] <= '9' &&
	    s[n + 2] == '\0' && (s[0] != '0' || s[n + 1] != '0');
}

/* Fills r from a <resource> element. */
static void
S_resource(struct tree *t, const xmlNode *node, struct resource *r)
{
	static const char *const known[] = { "skill", "specialty", "level",
	    "kind", "href", "hours", NULL };
	const char *kind;
	size_t i;

	tree_known_attributes(t, node, known);
	S_at(t, node, "level", 1, &r->at);
	if ((kind = tree_attr(t, node, "kind", 1)) != NULL) {
		for (i = 0; i < RESOURCE__COUNT; i++)
			if (strcmp(kind,
			    resource_kind_name((enum resource_kind)i)) == 0)
				break;
		if (i == RESOURCE__COUNT)
			diag_msg(t->l->diag, MSG_ATTR_VALUE, &r->at.pos,
			    "kind=\"%s\" on <resource>; use training, exam, "
			    "book, e-learning or ojt", kind);
		r->kind = i == RESOURCE__COUNT ? RESOURCE_TRAINING :
		    (enum resource_kind)i;
	}
	r->href = tree_attr(t, node, "href", 0);
	r->hours = tree_attr(t, node, "hours", 0);
	if (r->hours != NULL && !S_hours_ok(r->hours)) {
		diag_msg(t->l->diag, MSG_ATTR_VALUE, &r->at.pos,
		    "hours=\"%s\" on <resource>; write 0.1 to 9999.9 hours, "
		    "one decimal at most (8, 1.5, 0.5)", r->hours);
		r->hours = NULL;
	}
	r->title = tree_child_line(t, node, "title");
}

/* Fills r from a <role> element. */
static void
S_role(struct tree *t, const xmlNode *node, struct role *r)
{
	static const char *const known[] = { "id", "specialty", NULL };
	static const char *const target_known[] = { "skill", "level", NULL };
	const xmlNode *c;

	r->pos = tree_pos(t, node);
	tree_known_attributes(t, node, known);
	r->id = tree_attr(t, node, "id", 1);
	r->specialty_id = tree_attr(t, node, "specialty", 1);
	r->name = tree_child_line(t, node, "name");
	if ((c = tree_child(node, "description")) != NULL) {
		r->description = tree_markdown(t, c);
		r->description_pos = tree_pos(t, c);
	}
	r->targets = arena_calloc(t->arena, tree_count(node, "target"),
	    sizeof(*r->targets));
	for (c = node->children; c != NULL; c = c->next) {
		struct role_target *g;

		if (!tree_is(c, "target"))
			continue;
		g = &r->targets[r->ntargets++];
		g->pos = tree_pos(t, c);
		tree_known_attributes(t, c, target_known);
		g->skill_id = tree_attr(t, c, "skill", 1);
		g->level = S_level(t, c, "level", 1);
	}
}

/* Makes room in ta for each kind of operation node's children hold. */
static void
S_allocate(struct tree *t, const xmlNode *node, struct tailoring *ta)
{
	struct arena *a = t->arena;

	ta->hides = arena_calloc(a, tree_count(node, "hide"),
	    sizeof(*ta->hides));
	ta->renames = arena_calloc(a, tree_count(node, "rename"),
	    sizeof(*ta->renames));
	ta->skills = arena_calloc(a, tree_count(node, "skill"),
	    sizeof(*ta->skills));
	ta->knowledge = arena_calloc(a, tree_count(node, "knowledge"),
	    sizeof(*ta->knowledge));
	ta->texts = arena_calloc(a, tree_count(node, "level"),
	    sizeof(*ta->texts));
	ta->resources = arena_calloc(a, tree_count(node, "resource"),
	    sizeof(*ta->resources));
	ta->roles = arena_calloc(a, tree_count(node, "role"),
	    sizeof(*ta->roles));
}

/* Reads operation c, a child of a <tailoring>, into ta. */
static void
S_operation(struct tree *t, const xmlNode *c, struct tailoring *ta)
{
	if (tree_is(c, "hide"))
		S_hide(t, c, &ta->hides[ta->nhides++]);
	else if (tree_is(c, "rename"))
		S_rename(t, c, &ta->renames[ta->nrenames++]);
	else if (tree_is(c, "skill"))
		S_company_skill(t, c, &ta->skills[ta->nskills++]);
	else if (tree_is(c, "knowledge"))
		S_knowledge(t, c, &ta->knowledge[ta->nknowledge++]);
	else if (tree_is(c, "level"))
		S_text(t, c, &ta->texts[ta->ntexts++]);
	else if (tree_is(c, "resource"))
		S_resource(t, c, &ta->resources[ta->nresources++]);
	else if (tree_is(c, "role"))
		S_role(t, c, &ta->roles[ta->nroles++]);
}

void
load_tailoring(struct tree *t, const xmlNode *node)
{
	static const char *const known[] = { "id", "base", NULL };
	struct tailoring *ta = model_add_tailoring(t->model);
	const xmlNode *c;

	ta->pos = tree_pos(t, node);
	tree_known_attributes(t, node, known);
	ta->id = tree_attr(t, node, "id", 1);
	ta->base = tree_attr(t, node, "base", 1);
	ta->name = tree_child_line(t, node, "name");
	if ((c = tree_child(node, "summary")) != NULL) {
		ta->summary = tree_markdown(t, c);
		ta->summary_pos = tree_pos(t, c);
	}
	tree_notes(t, node, &ta->notes);
	S_allocate(t, node, ta);
	for (c = node->children; c != NULL; c = c->next)
		S_operation(t, c, ta);
}
