/* template.h: XHTML templates, compiled once, filled per page.
 *
 * A template is a well-formed XHTML file that opens in a browser with
 * sample content.  Directives are data-* attributes on ordinary elements:
 *
 *	data-text="F"		the element's content becomes the text of F
 *	data-html="F"		the element's content becomes F's HTML (cmark's)
 *	data-json="F"		a <script type="application/ld+json"> holds
 *				F's JSON, <, >, & and U+2028/9 as \uXXXX
 *	data-attr-NAME="F"	attribute NAME gets the text of F
 *	data-each="F"		the element repeats once per item of list F
 *	data-if="F"		the element stays only if F is set
 *	data-unless="F"		the element stays only if F is not set
 *	data-content		(layout) the page's content goes here
 *	data-page		(page) this element is the page's content
 *
 * Text goes in only through calls that escape on output (libxml2's
 * escaping for element content and attribute values), HTML only as a
 * fragment that libxml2 has parsed and serialized; directive attributes
 * never reach the output; an unknown directive or field is an error at
 * template:line.  Values live in scopes: a page's fields, and per list
 * item the item's fields, which see their parents' too.
 *
 * A page template is compiled with the layout on first use: libxml2
 * serializes the joined document once, as XHTML, and rendering appends
 * its literal pieces and the escaped field values, with no DOM per page.
 */
#ifndef SKILLSITE_TEMPLATE_H
#define SKILLSITE_TEMPLATE_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

struct template;
struct scope;
struct fragment;

/* The kinds of field a scope holds. */
enum field_kind { FIELD_TEXT, FIELD_HTML, FIELD_FLAG, FIELD_LIST, FIELD_JSON };

/* A declared field: what a page's scope may hold (page_fields.h).  An
 * array of them ends with an entry whose name is NULL. */
struct field_decl {
	const char			*name;
	enum field_kind			 kind;
	const char			*about;	/* one line, for the docs */
	const struct field_decl		*items;	/* LIST: its items' fields */
};

/* The Content-Security-Policy of every page, as the layout must state it
 * (and the README's nginx block). */
#define TEMPLATE_CSP	"default-src 'none'; style-src 'self'; " \
	"img-src 'self'; font-src 'self'; script-src 'self'; " \
	"base-uri 'none'; form-action 'none'"

/* Returns the name of kind k ("text", "HTML", "flag", "list", "JSON"). */
const char	*template_kind_name(enum field_kind k);

/* Loads the template at path (registered in d for diagnostics); returns
 * it, or NULL after reporting.  Free with template_free(). */
struct template	*template_load(const char *path, struct diag *d);
void		 template_free(struct template *);

/* Templates and assets are at most this many bytes. */
#define TEMPLATE_FILE_MAX	(1024 * 1024)

/* Makes layout (checked by template_check_layout(), not yet compiled
 * with a page) load the script at url, last in its head, and state csp
 * as its Content-Security-Policy: the live preview's pages. */
void		 template_live_reload(struct template *layout,
		    const char *url, const char *csp);

/* Checks that layout states the site's Content-Security-Policy in its
 * head; returns 0, or -1 after reporting. */
int		 template_check_layout(const struct template *layout,
		    struct diag *d);

/* Checks an asset read from path (registered as file), its len bytes at
 * data, against the policy: nothing compressed; in a stylesheet (.css)
 * no @import, url() or the like off the site; an SVG image (.svg) as a
 * template's elements.  Returns 0, or -1 after reporting. */
int		 template_check_asset(const char *path, const char *data,
		    size_t len, size_t file, struct diag *d);

/* Returns a new empty scope in arena a, below parent (or NULL). */
struct scope	*scope_new(struct arena *a, const struct scope *parent);

/* Returns cmark's HTML as a fragment for data-html: parsed as XHTML,
 * links that leave the site marked (class "external", rel "external
 * noopener noreferrer"), serialized once.  Returns NULL if it does not
 * parse.  Free with fragment_free(). */
struct fragment	*fragment_new(const char *html);

/* Returns fragment_new(html), taking html (malloc'd, as cmark's output
 * is) instead of copying it: the fragment keeps it, or it is freed. */
struct fragment	*fragment_adopt(char *html);
void		 fragment_free(struct fragment *);

/* Sets field name of s: text (NULL leaves it unset), a fragment (NULL
 * leaves it unset), or a flag.  Neither the name nor the text is copied:
 * both must outlive the rendering of s (literals, the model's strings,
 * strings in s's arena).  Names are hashed once per address in the tree
 * of one scope_new(), so no name passed to it may be freed before it. */
void		 scope_text(struct scope *s, const char *name, const char *text);
void		 scope_html(struct scope *s, const char *name,
		    const struct fragment *f);
void		 scope_flag(struct scope *s, const char *name, int on);

/* Sets field name of s to json, the text of one JSON value (as jansson
 * or jsonld.h writes it; NULL leaves it unset), for data-json: not
 * copied, as scope_text().  Rendering writes it as a script's data with
 * '<', '>', '&' and U+2028, U+2029 escaped as \uXXXX (the same value
 * to a JSON parser), so no text in it can end the script element or
 * open a comment. */
void		 scope_json(struct scope *s, const char *name, const char *json);

/* Declares list name of s (empty until items are added); name is not
 * copied. */
void		 scope_list(struct scope *s, const char *name);

/* Appends an item to list name of s (declared if need be) and returns the
 * item's scope, whose parent is s. */
struct scope	*scope_item(struct scope *s, const char *name);

/* Declares the fields of page's scope: its own, then those every page
 * has (both arrays static, NULL-terminated).  From then on compiling page
 * reports, at its template line, each directive that names no field of
 * the right kind where it stands (data-text and data-attr-* a text,
 * data-html an HTML field, data-each a list, data-if and data-unless any
 * field; inside a data-each the item's fields, then those of the scopes
 * around the list), and rendering reports a field set in the scope that
 * the declarations do not hold (an internal error). */
void		 template_declare(struct template *page,
		    const struct field_decl *own, const struct field_decl *shared);

/* Compiles page with layout, unless done; returns 0, or -1 after
 * reporting.  Rendering a compiled page changes nothing, so threads may
 * render it at once. */
int		 template_compile(const struct template *layout,
		    struct template *page, struct diag *d);

/* Renders page inside layout with the fields of s into a malloc'd,
 * NUL-terminated HTML document (*len bytes); returns NULL after reporting
 * a template error.  The page stands depth folders below the site's
 * root: a URL field may climb with ".." no higher than that.  Compiles
 * page with layout on first use and keeps the program in page. */
char		*template_render(const struct template *layout,
		    struct template *page, int depth, const struct scope *s,
		    struct diag *d, size_t *len);

/* Returns the reason an attribute value breaks the policy wherever it
 * stands, or NULL: a script URL anywhere in it (an SVG <set to=...> can
 * make one a link), or a CSS url() off the site (checked only when it
 * holds a '(').  The reason (static) ends in "in attribute".  Resolve
 * refuses names it would refuse: the pages put names in attributes. */
const char	*template_value_breach(const char *value);

#endif
