/* template.c: loading templates and checking assets; see template.h.
 *
 * A template file is read with the one capped reader, parsed from memory
 * by the positioned reader (xmlread.h) and checked whole (policy, directives, data-each nesting)
 * before any page uses it; template_compile.c then joins a page with the
 * layout into a program, and template_render.c runs it per page.
 */
#include "template.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "alloc.h"
#include "load.h"
#include "template_private.h"
#include "text.h"

static const char *const S_directives[] = { "data-text", "data-html",
    "data-json", "data-each", "data-if", "data-unless", "data-content", "data-page",
    "data-omit-tag" };

/* Returns whether name is a known directive. */
static int
S_is_known(const char *name)
{
	size_t i;

	if (strncmp(name, "data-attr-", 10) == 0 && name[10] != '\0')
		return !S_is_known(name + 10);	/* may not make a directive */
	for (i = 0; i < sizeof(S_directives) / sizeof(*S_directives); i++)
		if (strcmp(name, S_directives[i]) == 0)
			return 1;
	return 0;
}

/* Returns whether s holds U+E000 or U+E001, which compiled templates use
 * as markers. */
static int
S_has_marker_char(const xmlChar *s)
{
	return s != NULL && (strstr((const char *)s, "\xee\x80\x80") != NULL ||
	    strstr((const char *)s, "\xee\x80\x81") != NULL);
}

/* Reports text or an attribute value of node n that holds a character
 * reserved for markers; returns 1 if it did, else 0. */
static int
S_reserved(const xmlNode *n, struct diag *d)
{
	const xmlAttr *a;
	int bad = S_has_marker_char(n->content);

	for (a = n->type == XML_ELEMENT_NODE ? n->properties : NULL; a != NULL;
	    a = a->next)
		bad |= a->children != NULL &&
		    S_has_marker_char(a->children->content);
	if (bad) {
		struct pos p = template_node_pos(n);

		diag_msg(d, MSG_TEMPLATE, &p, "U+E000 and U+E001 are reserved "
		    "for skillsite's own use");
	}
	return bad;
}

/* Returns whether element n stands inside <body>. */
static int
S_in_body(const xmlNode *n)
{
	for (n = n->parent; n != NULL && n->type == XML_ELEMENT_NODE;
	    n = n->parent)
		if (xmlStrEqual(n->name, BAD_CAST "body"))
			return 1;
	return 0;
}

/* Reports data-omit-tag on element n where leaving out n's tags would
 * lose more than the element: outside <body>, or beside an attribute
 * but data-each, data-if, data-unless, data-text and data-html (or an
 * unknown directive, reported as such).  Returns the number of problems
 * reported. */
static int
S_check_omit(const xmlNode *n, struct diag *d)
{
	static const char *const kept[] = { "data-omit-tag", "data-each",
	    "data-if", "data-unless", "data-text", "data-html" };
	const xmlAttr *a;
	struct pos p;
	size_t i, nkept = sizeof(kept) / sizeof(*kept);
	int bad = 0;

	if (xmlHasProp(n, BAD_CAST "data-omit-tag") == NULL)
		return 0;
	p = template_node_pos(n);
	if (!S_in_body(n)) {
		diag_msg(d, MSG_TEMPLATE, &p, "data-omit-tag outside <body>");
		bad++;
	}
	for (a = n->properties; a != NULL; a = a->next) {
		for (i = 0; i < nkept && (a->ns != NULL ||
		    strcmp((const char *)a->name, kept[i]) != 0); i++)
			;
		if (i < nkept || (template_is_directive(a->name) &&
		    !S_is_known((const char *)a->name)))
			continue;	/* kept, or reported as unknown */
		diag_msg(d, MSG_TEMPLATE, &p, "data-omit-tag would lose "
		    "attribute '%s'", (const char *)a->name);
		bad++;
	}
	return bad;
}

/* Reports unknown directives, breaches of the policy and data-each
 * nested as template_each_enter() refuses (n inside the blocks up) in n
 * and its descendants, placed by S_parse(); removes comments.  Returns
 * the number of problems reported. */
static int
S_check_tree(xmlNode *n, const struct template *t,
    const struct each_scope *up, struct diag *d)
{
	struct each_scope each = { NULL, 0, 0, up };
	xmlNode *c, *next;
	xmlAttr *a;
	int bad = 0;

	if (n->type == XML_ELEMENT_NODE) {
		bad += template_each_enter(n, up, &each, d);
		bad += S_check_omit(n, d);
	}
	for (a = n->type == XML_ELEMENT_NODE ? n->properties : NULL; a != NULL;
	    a = a->next)
		if (template_is_directive(a->name) && !S_is_known((const char *)a->name)) {
			struct pos p = template_node_pos(n);

			diag_msg(d, MSG_TEMPLATE, &p, "unknown directive '%s'",
			    (const char *)a->name);
			bad++;
		}
	bad += S_reserved(n, d);
	bad += template_policy_node(n, t->file, d);
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else
			bad += S_check_tree(c, t, &each, d);
	}
	xmlFree(each.list);
	return bad;
}

/* Reports the len bytes at buf, read from file, when they are compressed
 * (libxml2 would inflate them from a file, never from memory); returns
 * whether they were. */
static int
S_compressed(const char *buf, size_t len, size_t file, struct diag *d)
{
	const unsigned char *b = (const unsigned char *)buf;
	struct pos p = { file, 0, 0 };
	const char *what = NULL;

	if (len >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		what = "gzip";
	else if (len >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0)
		what = "xz";
	else if (len >= 3 && memcmp(b, "BZh", 3) == 0)
		what = "bzip2";
	else if (len >= 4 && memcmp(b, "\x28\xb5\x2f\xfd", 4) == 0)
		what = "zstd";
	if (what != NULL)
		diag_msg(d, MSG_TEMPLATE, &p, "%s data; templates and assets "
		    "are read as they are, never inflated", what);
	return what != NULL;
}

/* Turns the lone CRs of the len bytes at buf into LFs, as XML reads them
 * (libxml2 counts only LFs), unless a NUL byte shows UTF-16 or UTF-32. */
static void
S_read_line_ends(char *buf, size_t len)
{
	if (memchr(buf, '\0', len) == NULL)
		text_normalise_line_ends(buf, len);
}

/* Returns the position of the first "<!DOCTYPE" in the buffer of map
 * (NUL-terminated; libxml2 keeps none for it), or line 0. */
static struct pos
S_doctype_pos(const struct srcmap *map)
{
	const char *at = strstr(map->buf, "<!DOCTYPE");
	struct pos none = { map->file, 0, 0 };

	return at != NULL && (size_t)(at - map->buf) < map->len ?
	    srcmap_pos(map, (size_t)(at - map->buf)) : none;
}

/* Leaves in n's _private, and in its siblings' and descendants', the
 * address of where it stands, for template_node_pos(): that of its mark
 * in map when xmlread_parse() left one (an element, a processing
 * instruction), else that of the element holding it, or top.  An entity
 * reference's children are its declaration's, never placed (and never
 * parsed: xmlread refuses the DOCTYPE that would declare one). */
static void
S_place(xmlNode *n, const struct srcmap *map, const struct pos *top)
{
	const struct pos *at;

	for (; n != NULL; n = n->next) {
		size_t mark = node_mark(n);

		at = mark >= 1 && mark <= map->nmarks ? &map->marks[mark - 1] :
		    top;
		n->_private = (void *)at;
		if (n->type == XML_ELEMENT_NODE)
			S_place(n->children, map, at);
	}
}

/* Parses the buffer of map (line ends made LF), a template or an SVG
 * asset, places its nodes (S_place(); top for those outside the root)
 * and adds to *bad the breaches of the policy around its root it
 * reports.  Returns the document, or NULL after reporting. */
static xmlDoc *
S_parse(struct srcmap *map, const struct pos *top, struct diag *d,
    int *bad)
{
	xmlDoc *doc;
	struct pos doctype = S_doctype_pos(map);

	if ((doc = xmlread_parse(map, "XHTML", NULL, d)) == NULL)
		return NULL;
	S_place(doc->children, map, top);
	*bad += template_policy_document(doc, &doctype, d);
	return doc;
}

struct template *
template_load(const char *path, struct diag *d)
{
	struct template *t = xcalloc(1, sizeof(*t));
	size_t len;
	int bad = 0;

	t->file = diag_add_file(d, path);
	t->where.file = t->file;
	if ((t->buf = load_read_confined(path, TEMPLATE_FILE_MAX, d, &len)) ==
	    NULL || S_compressed(t->buf, len, t->file, d)) {
		template_free(t);
		return NULL;
	}
	S_read_line_ends(t->buf, len);
	srcmap_init(&t->map, t->file, t->buf, len);
	if ((t->doc = S_parse(&t->map, &t->where, d, &bad)) == NULL ||
	    bad + S_check_tree(xmlDocGetRootElement(t->doc), t, NULL, d) > 0) {
		template_free(t);
		return NULL;
	}
	return t;
}

int
template_check_layout(const struct template *layout, struct diag *d)
{
	return template_policy_csp(layout->doc, layout->file, d) > 0 ? -1 : 0;
}

/* Checks element n of an SVG asset and its descendants against the
 * policy; returns how many breaches it reported. */
static int
S_check_svg(const xmlNode *n, size_t file, struct diag *d)
{
	const xmlNode *c;
	int bad = template_policy_node(n, file, d);

	for (c = n->children; c != NULL; c = c->next)
		bad += S_check_svg(c, file, d);
	return bad;
}

int
template_check_asset(const char *path, const char *data, size_t len,
    size_t file, struct diag *d)
{
	size_t n = strlen(path);
	struct pos top = { file, 0, 0 }, at = { file, 0, 0 };
	struct srcmap map;
	xmlDoc *doc = NULL;
	char *copy;
	int bad;

	if (S_compressed(data, len, file, d))
		return -1;
	if (n >= 4 && strcmp(path + n - 4, ".css") == 0 &&
	    template_css_offsite(data, len, &at)) {
		diag_msg(d, MSG_TEMPLATE, &at, "@import, url() or the like "
		    "off the site, from the server's root or climbing with "
		    "'..', or a backslash outside a string (the site loads "
		    "nothing from elsewhere)");
		return -1;
	}
	if (n < 4 || strcmp(path + n - 4, ".svg") != 0)
		return 0;
	copy = xreallocarray(NULL, len + 1, 1);	/* lines as XML counts them */
	memcpy(copy, data, len);
	copy[len] = '\0';
	S_read_line_ends(copy, len);
	srcmap_init(&map, file, copy, len);
	bad = 0;
	if ((doc = S_parse(&map, &top, d, &bad)) == NULL)
		bad++;
	else
		bad += S_check_svg(xmlDocGetRootElement(doc), file, d);
	xmlFreeDoc(doc);
	srcmap_free(&map);
	free(copy);
	return bad > 0 ? -1 : 0;
}

/* Returns the first child element of parent named name, or NULL. */
static xmlNode *
S_child_named(xmlNode *parent, const char *name)
{
	xmlNode *c;

	for (c = parent != NULL ? parent->children : NULL; c != NULL;
	    c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(c->name, BAD_CAST name) == 0)
			return c;
	return NULL;
}

void
template_live_reload(struct template *layout, const char *url,
    const char *csp)
{
	xmlNode *head = S_child_named(xmlDocGetRootElement(layout->doc),
	    "head"), *c, *script;
	xmlChar *v;

	if (head == NULL)
		return;		/* template_check_layout() refused it */
	for (c = head->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    xmlStrcmp(c->name, BAD_CAST "meta") != 0 ||
		    (v = xmlGetProp(c, BAD_CAST "http-equiv")) == NULL)
			continue;
		if (xmlStrcasecmp(v, BAD_CAST "Content-Security-Policy") == 0)
			xmlSetProp(c, BAD_CAST "content", BAD_CAST csp);
		xmlFree(v);
	}
	script = xmlNewChild(head, head->ns, BAD_CAST "script", NULL);
	xmlSetProp(script, BAD_CAST "src", BAD_CAST url);
	xmlSetProp(script, BAD_CAST "defer", BAD_CAST "defer");
}

void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	program_free(t->program);
	template_decl_index_free(t->own_index);
	template_decl_index_free(t->shared_index);
	xmlFreeDoc(t->doc);
	srcmap_free(&t->map);
	free(t->buf);
	free(t);
}
