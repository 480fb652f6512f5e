/* page_fields.h: the fields of each kind of page, declared.
 *
 * What the generator sets in a page's scope, and so what its template
 * (and the layout) may name: every page's fields, then each kind's own,
 * each field with its kind and, for a list, its items' fields.  The
 * template compiler checks every directive against these when templates
 * load (template_declare()); rendering reports a field the generator sets
 * that is not declared here; templates/README.md's "Fields" section is
 * written from them (page_fields_markdown()).
 */
#ifndef SKILLSITE_PAGE_FIELDS_H
#define SKILLSITE_PAGE_FIELDS_H

#include "page.h"
#include "template.h"

/* A kind of page: its template and its own fields. */
struct page_decl {
	const char		*template;	/* in the templates folder */
	const char		*about;		/* one line, for the docs */
	const struct field_decl	*fields;
};

/* The fields every page has (the layout's). */
extern const struct field_decl	page_fields_shared[];

/* Each kind of page, by enum page_kind. */
extern const struct page_decl	page_decls[PAGE__COUNT];

/* Returns whether name is the file name of a template: layout.xhtml or
 * the template of a kind of page. */
int	page_template_known(const char *name);

/* Returns the "Fields" section of templates/README.md, written from the
 * declarations: malloc'd, NUL-terminated. */
char	*page_fields_markdown(void);

/* Returns readme (the text of templates/README.md) with its "Fields"
 * section, up to the next "## " heading or the end, written again by
 * page_fields_markdown(): malloc'd; NULL when it has no such section. */
char	*page_fields_readme(const char *readme);

#endif
