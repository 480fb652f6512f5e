/* template.c: loading templates and checking assets; see template.h.
 *
 * A template file is read with the one capped reader, parsed by libxml2
 * from memory and checked whole (policy, directives, data-each nesting)
 * before any page uses it; template_compile.c then joins a page with the
 * layout into a program, and template_render.c runs it per page.
 */
#include "template.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "load.h"
#include "template_private.h"
#include "text.h"

static const char *const S_directives[] = { "data-text", "data-html",
    "data-each", "data-if", "data-unless", "data-content", "data-page" };

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

/* Sets _private of n and its descendants to t, marking where they came
 * from; reports unknown directives, breaches of the policy and data-each
 * nested as template_each_enter() refuses (n inside the blocks up);
 * removes comments.  Returns the number of problems reported. */
static int
S_mark(xmlNode *n, const struct template *t, const struct each_scope *up,
    struct diag *d)
{
	struct each_scope each = { NULL, 0, 0, up };
	xmlNode *c, *next;
	xmlAttr *a;
	int bad = 0;

	n->_private = (void *)t;
	if (n->type == XML_ELEMENT_NODE)
		bad += template_each_enter(n, up, &each, d);
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
			bad += S_mark(c, t, &each, d);
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

/* The first error libxml2 reports while parsing a template. */
struct parse_error {
	int		 seen;
	int		 line, col;
	int		 namespace;	/* in XML_FROM_NAMESPACE */
	char		*message;	/* malloc'd */
};

/* Keeps the first error of a parse (libxml2's last one is often only a
 * consequence, lines further on) in ctx, a struct parse_error; warnings
 * are let pass. */
static void
S_on_error(void *ctx, xmlErrorPtr e)
{
	struct parse_error *pe = ctx;

	if (pe->seen || e->level < XML_ERR_ERROR)
		return;
	pe->seen = 1;
	pe->line = e->line;
	pe->col = e->int2;
	pe->namespace = e->domain == XML_FROM_NAMESPACE;
	pe->message = xstrdup(e->message != NULL ? e->message : "cannot read");
}

/* Parses the len bytes at buf, the template file path, from memory (so
 * libxml2 never inflates, fetches or opens anything); returns the
 * document, or NULL after reporting its first error.  A namespace error
 * (an undeclared prefix, a name with two colons) is one: libxml2 would
 * keep such a name whole, which the policy reads by its local part and a
 * browser by the whole. */
static xmlDoc *
S_parse(const char *path, const char *buf, size_t len, size_t file,
    struct diag *d)
{
	struct parse_error pe = { 0, 0, 0, 0, NULL };
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	struct pos p = { file, 0, 0 };
	xmlDoc *doc;

	if (len > INT_MAX)
		return NULL;
	/* NOCDATA: a CDATA section would reach the page as one, which an
	 * HTML parser ends at the first '>' */
	xmlSetStructuredErrorFunc(&pe, S_on_error);
	doc = xmlReadMemory(buf, (int)len, path, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL || pe.seen) {
		if (pe.line > 0) {
			p.line = pe.line;
			p.col = pe.col;
		}
		diag_msg(d, MSG_TEMPLATE, &p, "not %swell-formed XHTML: %s",
		    pe.namespace ? "namespace-" : "", pe.message != NULL ?
		    pe.message : "cannot read");
		free(pe.message);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Turns the lone CRs of the len bytes at buf into LFs, as XML reads them
 * (libxml2 counts only LFs), unless a NUL byte shows UTF-16 or UTF-32. */
static void
S_read_line_ends(char *buf, size_t len)
{
	if (memchr(buf, '\0', len) == NULL)
		text_normalise_line_ends(buf, len);
}

/* Returns the line of offset at in the bytes at s. */
static int
S_line_at(const char *s, size_t at)
{
	int line = 1;
	size_t i;

	for (i = 0; i < at; i++)
		line += s[i] == '\n';
	return line;
}

/* Reports a start tag with more attributes than content may have, in
 * the len bytes at buf (line ends made LF), read from file; returns
 * whether there was one. */
static int
S_crowded(const char *buf, size_t len, size_t file, struct diag *d)
{
	size_t tag = load_crowded_tag(buf, len);
	struct pos p = { file, 0, 0 };

	if (tag == (size_t)-1)
		return 0;
	p.line = S_line_at(buf, tag);
	diag_msg(d, MSG_TEMPLATE, &p, "more than %d attributes on one element",
	    LOAD_ATTRIBUTES_MAX);
	return 1;
}

/* Returns the line of the first "<!DOCTYPE" in the len bytes at buf
 * (NUL-terminated; libxml2 keeps no line for it), or 0. */
static int
S_doctype_line(const char *buf, size_t len)
{
	const char *at = strstr(buf, "<!DOCTYPE");

	return at != NULL && (size_t)(at - buf) < len ?
	    S_line_at(buf, (size_t)(at - buf)) : 0;
}

struct template *
template_load(const char *path, struct diag *d)
{
	struct template *t = xcalloc(1, sizeof(*t));
	size_t len;
	char *buf;

	t->file = diag_add_file(d, path);
	if ((buf = load_read_confined(path, TEMPLATE_FILE_MAX, d, &len)) ==
	    NULL || S_compressed(buf, len, t->file, d) ||
	    (S_read_line_ends(buf, len), S_crowded(buf, len, t->file, d)) ||
	    (t->doc = S_parse(path, buf, len, t->file, d)) == NULL ||
	    template_policy_document(t->doc, t->file, S_doctype_line(buf,
	    len), d) + S_mark(xmlDocGetRootElement(t->doc), t, NULL, d) > 0) {
		free(buf);
		template_free(t);
		return NULL;
	}
	free(buf);
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
	xmlDoc *doc = NULL;
	char *copy;
	int bad, line;

	if (S_compressed(data, len, file, d))
		return -1;
	if (n >= 4 && strcmp(path + n - 4, ".css") == 0 &&
	    template_css_offsite(data, len, &line)) {
		struct pos p = { file, line, 0 };

		diag_msg(d, MSG_TEMPLATE, &p, "@import, url() or the like "
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
	bad = S_crowded(copy, len, file, d) ||
	    (doc = S_parse(path, copy, len, file, d)) == NULL ? 1 :
	    template_policy_document(doc, file, S_doctype_line(copy, len), d) +
	    S_check_svg(xmlDocGetRootElement(doc), file, d);
	xmlFreeDoc(doc);
	free(copy);
	return bad > 0 ? -1 : 0;
}

void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	program_free(t->program);
	xmlFreeDoc(t->doc);
	free(t);
}
