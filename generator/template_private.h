/* template_private.h: what the template engine's files share: template.c
 * loads and checks, template_node.c reads nodes, template_compile.c
 * compiles, template_render.c renders, template_policy.c judges.
 *
 * A page template joined with the layout compiles into a program: the
 * document serialized once by libxml2, cut at the places directives fill
 * in, so that rendering a page only appends literal bytes and escaped
 * field values.
 */
#ifndef SKILLSITE_TEMPLATE_PRIVATE_H
#define SKILLSITE_TEMPLATE_PRIVATE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "template.h"
#include "xmlread.h"

enum op_kind {
	OP_LIT,		/* literal bytes */
	OP_TEXT,	/* a text field, escaped as element content */
	OP_ATTR,	/* a text field, escaped as an attribute value */
	OP_HTML,	/* an HTML field (a prepared fragment) */
	OP_JSON,	/* a JSON field, escaped as a script's data */
	OP_EACH,	/* the ops up to end, once per item of a list */
	OP_IF,		/* the ops up to end, if a field is set */
	OP_UNLESS,	/* the ops up to end, if a field is not set */
	OP_END
};

/* How an attribute holds URLs. */
enum template_url {
	TEMPLATE_URL_NONE,
	TEMPLATE_URL_ONE,	/* href, src, ...: one URL, whole */
	TEMPLATE_URL_SRCSET,	/* srcset, imagesrcset: HTML's srcset */
	TEMPLATE_URL_SPACED	/* ping: URLs between white space */
};

/* One step of a program. */
struct op {
	enum op_kind	 kind;
	const char	*lit;		/* LIT: bytes in the program's text */
	size_t		 len;
	char		*field;		/* the field a directive names */
	const char	*name;		/* field, or the same name as the
					   page's declarations spell it (most
					   often the generator's literal:
					   found by address) */
	unsigned	 hash;		/* of field: template_hash() */
	char		*boolean;	/* ATTR of a boolean attribute: its
					   name, written when the value is "" */
	enum template_url url;		/* ATTR: how its attribute holds URLs */
	char		*attr;		/* ATTR: the attribute's name */
	size_t		 end;		/* EACH, IF, UNLESS: index of OP_END */
	struct pos	 pos;		/* where the directive's element stands */
};

/* A compiled page: ops over the serialized text. */
struct program {
	char		*text;		/* the serialized document */
	size_t		 textlen;	/* its bytes */
	struct op	*ops;
	size_t		 nops;
	xmlDoc		*doc;		/* UTF-8, for libxml2's attribute escaping */
};

/* A loaded template file.  Each node's _private holds the address of
 * its position (in map, or where), which copies carry along. */
struct template {
	xmlDoc			*doc;
	size_t			 file;		/* its number in the diag */
	char			*buf;		/* the file as read */
	struct srcmap		 map;		/* where each element starts */
	struct pos		 where;		/* the file, line 0 */
	struct program		*program;	/* compiled with ... */
	const struct template	*layout;	/* ... this layout */
	const struct field_decl	*own;		/* the page's fields, */
	const struct field_decl	*shared;	/* every page's (or NULL:
						   not declared) */
	struct decl_index	*own_index;	/* the same, hashed, for */
	struct decl_index	*shared_index;	/* checking scopes */
};

/* How deep data-each may nest, layout and page together: the site's
 * templates nest five deep (a job type's handbook: its maps, their
 * groups, rows, cells and words); each level multiplies a page's work. */
#define TEMPLATE_EACH_DEPTH_MAX	5

/* The data-each blocks an element stands in, innermost first. */
struct each_scope {
	xmlChar			*list;	/* its data-each, or NULL */
	int			 depth;	/* data-each blocks, this one too */
	int			 repeats; /* a list of a block around it
					     (reported, so not below) */
	const struct each_scope	*up;
};

/* Fills *self for element n inside the blocks up (its data-each,
 * malloc'd by libxml2, for the caller to xmlFree() after n's
 * descendants); reports, at n's template line, a data-each one deeper
 * than TEMPLATE_EACH_DEPTH_MAX, or of a list that a block around it
 * repeats (each item would repeat the list again), each once per branch.
 * Returns the number of problems reported. */
int		 template_each_enter(const xmlNode *n,
		    const struct each_scope *up, struct each_scope *self,
		    struct diag *d);

/* The declared fields seen where a directive stands: a scope's own and
 * shared fields (either NULL when none), then those of the scope that
 * holds the list it is an item of (up; NULL for a page's scope). */
struct field_scope {
	const struct field_decl		*own;
	const struct field_decl		*shared;
	const struct field_scope	*up;
};

/* Checks the directives of element n, standing in scope fs (NULL: not
 * declared, nothing to check), against the declared fields, as
 * template_declare() tells; sets *sees to the scope n's other
 * directives and its content see (inner, filled, for a data-each; NULL
 * when its list is unknown).  Returns the number of problems reported
 * at n's template line. */
int		 template_check_directives(const xmlNode *n,
		    const struct field_scope *fs, struct field_scope *inner,
		    const struct field_scope **sees, struct diag *d);

/* Checks the directives of the element n, its following siblings and
 * their descendants (all in scope fs) as template_check_directives()
 * does, but for elements with attribute skip (unless NULL) and below:
 * for sample content that the page never shows.  Returns the number of
 * problems reported. */
int		 template_check_tree(const xmlNode *n,
		    const struct field_scope *fs, const char *skip,
		    struct diag *d);

/* Returns the field called name in the NULL-terminated array v (which
 * may be NULL), or NULL. */
const struct field_decl *template_decl_find(const struct field_decl *v,
		    const char *name);

/* Returns the spelling of name in the declarations v (which may be
 * NULL) or their items', at any depth, or NULL when none declares it. */
const char	*template_decl_name(const struct field_decl *v,
		    const char *name);

/* Declared fields with their names' hashes (template_hash()), and per
 * list the index of its items' fields: what checking a rendered scope
 * against its declarations needs, without hashing or comparing names
 * over and over. */
struct decl_index {
	const struct field_decl	*v;	/* NULL-terminated */
	size_t			 n;
	unsigned		*hash;	/* of v[i].name */
	struct decl_index	**items;	/* of v[i].items, or NULL */
};

/* Returns the index of the NULL-terminated array v (NULL when v is);
 * free with template_decl_index_free(). */
struct decl_index *template_decl_index(const struct field_decl *v);
void		 template_decl_index_free(struct decl_index *);

/* Returns the position in x (which may be NULL) of the field called name,
 * whose hash is hash, or -1. */
long		 template_decl_index_find(const struct decl_index *x,
		    const char *name, unsigned hash);

/* Returns where template node n stands, from the address template_load()
 * left in its _private (and copies carry): an element, the '<' of its
 * start tag; a processing instruction, its "<?"; another node, its
 * element's position; line 0 for a node template_load() never placed. */
struct pos	 template_node_pos(const xmlNode *n);

/* Returns whether attribute name is a directive (any data-* is). */
int		 template_is_directive(const xmlChar *name);

/* Returns the hash of field name by which scopes find fields. */
unsigned	 template_hash(const char *name);

/* The policy (template_policy.c): the site loads nothing from elsewhere
 * and runs only its own scripts.  Each function reports every breach at
 * the node's position (template_node_pos()) and returns how many it
 * found. */

/* Checks node n of file: a processing instruction; an element that runs,
 * embeds or redirects (<style>, <base>, <iframe>, <object>, <embed>, ...,
 * a <script> without src or with content, a <meta http-equiv> but
 * Content-Type and the CSP, an SVG animation of a link); an event-handler
 * (on*), style or srcdoc attribute, or a data-attr-* that sets one (or
 * http-equiv, or attributeName); a URL attribute (href, src,
 * srcset, action, poster, ...) off the site; a script URL or a CSS url()
 * off the site in any attribute.  Names compare as HTML's do. */
int		 template_policy_node(const xmlNode *n, size_t file,
		    struct diag *d);

/* Checks that doc has no DOCTYPE but <!DOCTYPE html> (no subset, no
 * external identifier; reported at doctype, as libxml2 keeps no position
 * for it) and no processing instruction around its root element. */
int		 template_policy_document(const xmlDoc *doc,
		    const struct pos *doctype, struct diag *d);

/* Checks that doc (the layout) states the CSP in a <meta http-equiv> in
 * its <head> before any <link> or <script>, where no data-if, data-unless,
 * data-each or data-content on it or above it could remove it. */
int		 template_policy_csp(const xmlDoc *doc, size_t file,
		    struct diag *d);

/* Returns how attribute name (case ignored) holds URLs. */
enum template_url template_url_kind(const char *name);

/* Returns why value, of an attribute of that kind, breaks the policy,
 * or NULL: a URL in it has a scheme, another host or the server's root
 * ("/..."), read as a browser reads it; or a ".." segment after another
 * segment, or more than ups of them at its start (a template's own URLs
 * may have none: it serves pages at several depths; a field's may climb
 * to the site's root from its page, as the generator's links do).  The
 * reason (static) ends in "in attribute". */
const char	*template_url_breach(const char *value, enum template_url kind,
		    int ups);

/* Returns whether the CSS text css (len bytes, then a NUL) refers to
 * anything off the site: an @import or url(), image-set(), src(),
 * image() or cross-fade() argument that template_url_breach() refuses
 * (no ".." at all) or that is escaped, a backslash outside a string (an escape can spell
 * those), or a NUL.  Line ends are read as CSS reads them (CR LF, CR, FF).
 * Sets the line and column (characters, from 1) of where to those of the
 * construct. */
int		 template_css_offsite(const char *css, size_t len,
		    struct pos *where);

/* Compiles page inside layout; returns the program, or NULL after
 * reporting.  Free with program_free(). */
struct program	*program_compile(const struct template *layout,
		    const struct template *page, struct diag *d);
void		 program_free(struct program *);

#endif
