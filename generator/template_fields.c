/* template_fields.c: the directives of a template against the fields its
 * pages declare; see template_private.h.
 *
 * A directive's field is looked up as rendering looks it up: in the
 * scope it stands in (a page's, or a list item's), then in the scope
 * that holds the list around it, and so up to the page.
 */
#include "template_private.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* The names of the kinds, for messages and the docs. */
static const char *const S_kind_names[] = { "text", "HTML", "flag",
    "list", "JSON" };

/* The same, in a sentence. */
static const char *const S_kind_phrases[] = { "text", "HTML", "a flag",
    "a list", "JSON" };

const char *
template_kind_name(enum field_kind k)
{
	return S_kind_names[k];
}

const struct field_decl *
template_decl_find(const struct field_decl *v, const char *name)
{
	for (; v != NULL && v->name != NULL; v++)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

const char *
template_decl_name(const struct field_decl *v, const char *name)
{
	const char *hit;

	for (; v != NULL && v->name != NULL; v++)
		if (strcmp(v->name, name) == 0)
			return v->name;
		else if ((hit = template_decl_name(v->items, name)) != NULL)
			return hit;
	return NULL;
}

struct decl_index *
template_decl_index(const struct field_decl *v)
{
	struct decl_index *x;
	size_t i;

	if (v == NULL)
		return NULL;
	x = xcalloc(1, sizeof(*x));
	x->v = v;
	while (v[x->n].name != NULL)
		x->n++;
	x->hash = xcalloc(x->n + 1, sizeof(*x->hash));
	x->items = xcalloc(x->n + 1, sizeof(*x->items));
	for (i = 0; i < x->n; i++) {
		x->hash[i] = template_hash(v[i].name);
		x->items[i] = template_decl_index(v[i].items);
	}
	return x;
}

void
template_decl_index_free(struct decl_index *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->n; i++)
		template_decl_index_free(x->items[i]);
	free(x->items);
	free(x->hash);
	free(x);
}

long
template_decl_index_find(const struct decl_index *x, const char *name,
    unsigned hash)
{
	size_t i;

	for (i = 0; x != NULL && i < x->n; i++)
		if (x->hash[i] == hash && (x->v[i].name == name ||
		    strcmp(x->v[i].name, name) == 0))
			return (long)i;
	return -1;
}

/* Returns the declaration of field name where scope fs stands, and sets
 * *where to the scope that holds it; NULL when none does. */
static const struct field_decl *
S_lookup(const struct field_scope *fs, const char *name,
    const struct field_scope **where)
{
	const struct field_decl *f;

	for (; fs != NULL; fs = fs->up)
		if ((f = template_decl_find(fs->own, name)) != NULL ||
		    (f = template_decl_find(fs->shared, name)) != NULL) {
			*where = fs;
			return f;
		}
	return NULL;
}

/* Checks that attribute attr of element n names a field of fs of a kind
 * in the bit set kinds (a field of any kind when ~0); returns the field,
 * or NULL after reporting.  Sets *where as S_lookup() does. */
static const struct field_decl *
S_check(const xmlNode *n, const char *attr, const struct field_scope *fs,
    int kinds, const struct field_scope **where, struct diag *d)
{
	xmlChar *name = xmlGetProp(n, BAD_CAST attr);
	const struct field_decl *f = S_lookup(fs, (const char *)name, where);
	struct pos p = template_node_pos(n);

	if (f == NULL)
		diag_msg(d, MSG_TEMPLATE, &p, "unknown field '%s' in %s "
		    "(templates/README.md lists each page's fields)",
		    (const char *)name, attr);
	else if (!(kinds & (1 << f->kind))) {
		diag_msg(d, MSG_TEMPLATE, &p, "field '%s' is %s; %s needs %s",
		    (const char *)name, S_kind_phrases[f->kind], attr,
		    S_kind_phrases[kinds == 1 << FIELD_LIST ? FIELD_LIST :
		    kinds == 1 << FIELD_HTML ? FIELD_HTML :
		    kinds == 1 << FIELD_JSON ? FIELD_JSON : FIELD_TEXT]);
		f = NULL;
	}
	xmlFree(name);
	return f;
}

/* Checks the data-attr-*, data-if, data-unless, data-text, data-html and
 * data-json directives of element n in scope fs; returns the problems reported. */
static int
S_check_fields(const xmlNode *n, const struct field_scope *fs,
    struct diag *d)
{
	static const struct {
		const char	*attr;
		int		 kinds;
	} plain[] = {
		{ "data-if", ~0 }, { "data-unless", ~0 },
		{ "data-text", 1 << FIELD_TEXT }, { "data-html", 1 << FIELD_HTML },
		{ "data-json", 1 << FIELD_JSON },
	};
	const struct field_scope *where;
	const xmlAttr *a;
	size_t i;
	int bad = 0;

	for (a = n->properties; a != NULL; a = a->next)
		if (strncmp((const char *)a->name, "data-attr-", 10) == 0)
			bad += S_check(n, (const char *)a->name, fs,
			    1 << FIELD_TEXT, &where, d) == NULL;
	for (i = 0; i < sizeof(plain) / sizeof(*plain); i++)
		if (xmlHasProp(n, BAD_CAST plain[i].attr))
			bad += S_check(n, plain[i].attr, fs, plain[i].kinds,
			    &where, d) == NULL;
	return bad;
}

int
template_check_directives(const xmlNode *n, const struct field_scope *fs,
    struct field_scope *inner, const struct field_scope **sees,
    struct diag *d)
{
	const struct field_decl *list;
	const struct field_scope *where;

	*sees = fs;
	if (fs == NULL)
		return 0;
	if (xmlHasProp(n, BAD_CAST "data-each")) {
		if ((list = S_check(n, "data-each", fs, 1 << FIELD_LIST, &where,
		    d)) == NULL) {
			*sees = NULL;	/* nothing inside can be told */
			return 1;
		}
		inner->own = list->items;
		inner->shared = NULL;
		inner->up = where;
		*sees = inner;
	}
	return S_check_fields(n, *sees, d);
}

int
template_check_tree(const xmlNode *n, const struct field_scope *fs,
    const char *skip, struct diag *d)
{
	struct field_scope inner;
	const struct field_scope *sees;
	int bad = 0;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || (skip != NULL &&
		    xmlHasProp(n, BAD_CAST skip)))
			continue;
		bad += template_check_directives(n, fs, &inner, &sees, d);
		bad += template_check_tree(n->children, sees, skip, d);
	}
	return bad;
}
