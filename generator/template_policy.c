/* template_policy.c: what a template may publish; see template_private.h.
 *
 * The site loads nothing from elsewhere and runs only its own scripts:
 * the policy below is the Content-Security-Policy every page carries,
 * enforced on the templates and assets before anything is published.
 * Pages are served as text/html, so names are compared as an HTML parser
 * compares them, ASCII case ignored and whatever the namespace (a <script>
 * inside <svg> runs too).
 */
#include "template_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "text.h"

/* Elements that run, embed or redirect what a page holds. */
static const char *const S_refused_elements[] = { "style", "base",
    "iframe", "frame", "frameset", "object", "embed", "applet", "portal",
    "fencedframe" };

/* Attributes whose value is one URL that a browser loads or follows. */
static const char *const S_url_attributes[] = { "href", "src", "action",
    "formaction", "poster", "data", "cite", "background", "longdesc",
    "usemap", "manifest", "codebase", "archive", "classid", "profile",
    "icon", "lowsrc", "dynsrc", "attributionsrc", "itemtype", "itemid",
    "base" };

/* Attributes that hold a srcset (URLs with descriptors, comma-separated). */
static const char *const S_srcset_attributes[] = { "srcset", "imagesrcset" };

/* Returns whether name is one of the n names of list, case ignored. */
static int
S_in_list(const char *name, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(name, list[i]) == 0)
			return 1;
	return 0;
}

#define S_IN(name, list) S_in_list((name), (list), sizeof(list) / sizeof(*(list)))

enum template_url
template_url_kind(const char *name)
{
	if (S_IN(name, S_url_attributes))
		return TEMPLATE_URL_ONE;
	if (S_IN(name, S_srcset_attributes))
		return TEMPLATE_URL_SRCSET;
	if (strcasecmp(name, "ping") == 0)
		return TEMPLATE_URL_SPACED;
	return TEMPLATE_URL_NONE;
}

/* Returns whether c is ASCII white space as HTML counts it. */
static int
S_html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* Returns whether the n bytes at s are a ".." path segment, as the URL
 * parser reads one ("%2e" is a dot, case ignored). */
static int
S_dot_dot(const char *s, size_t n)
{
	size_t dots = 0, i = 0;

	while (i < n)
		if (s[i] == '.')
			dots++, i++;
		else if (n - i >= 3 && strncasecmp(s + i, "%2e", 3) == 0)
			dots++, i += 3;
		else
			return 0;
	return dots == 2;
}

/* Returns why the n bytes of url at u, as a browser reads them (C0
 * controls and spaces trimmed at both ends, tab and newlines dropped
 * anywhere), break the policy, or NULL: a scheme (javascript:, data:,
 * https:, ...), a path from the server's root ("/", "//host", or
 * backslashes for slashes), a ".." segment after another segment, or
 * more than ups of them at its start (above the site's root). */
static const char *
S_url_breach(const char *u, size_t n, int ups)
{
	char small[256];	/* most URLs: no allocation */
	char *v = n < sizeof(small) ? small : xreallocarray(NULL, n + 1, 1);
	const char *why = NULL;
	size_t i, k = 0, seg = 0;
	int lead = 1;

	while (n > 0 && (unsigned char)*u <= 0x20)
		u++, n--;
	while (n > 0 && (unsigned char)u[n - 1] <= 0x20)
		n--;
	if (memchr(u, '\t', n) == NULL && memchr(u, '\n', n) == NULL &&
	    memchr(u, '\r', n) == NULL)
		memcpy(v, u, k = n);	/* most URLs: nothing to drop */
	else
		for (i = 0; i < n; i++)
			if (u[i] != '\t' && u[i] != '\n' && u[i] != '\r')
				v[k++] = u[i];
	v[k] = '\0';
	if (v[0] == '/' || v[0] == '\\')
		why = v[1] == '/' || v[1] == '\\' ? "URL off the site in attribute" :
		    "URL from the server's root in attribute";
	else if (v[strcspn(v, ":/\\?#")] == ':')
		why = "URL off the site in attribute";
	for (i = 0; why == NULL && i <= k; i++) {
		char c = v[i += strcspn(v + i, "/\\?#")];	/* or the NUL */

		if (S_dot_dot(v + seg, i - seg)) {
			if (!lead || ups-- == 0)
				why = "URL that climbs with '..' in attribute";
		} else
			lead = 0;
		if (c != '/' && c != '\\')
			break;	/* the query and fragment hold no path */
		seg = i + 1;
	}
	if (v != small)
		free(v);
	return why;
}

/* Returns why the srcset at v breaks the policy, or NULL: each of its
 * URLs is checked (S_url_breach()), found as HTML's srcset parser finds
 * them. */
static const char *
S_srcset_breach(const char *v, int ups)
{
	const char *why;
	size_t n;
	int paren;

	for (;;) {
		while (S_html_space(*v) || *v == ',')
			v++;
		if (*v == '\0')
			return NULL;
		for (n = 0; v[n] != '\0' && !S_html_space(v[n]); n++)
			;
		if ((why = S_url_breach(v, n, ups)) != NULL)
			return why;
		if (v[n - 1] == ',') {	/* a URL ending in commas ends there */
			v += n;
			continue;
		}
		for (v += n, paren = 0; *v != '\0' && (*v != ',' || paren); v++)
			if (*v == '(' || *v == ')')
				paren = *v == '(';
	}
}

const char *
template_url_breach(const char *value, enum template_url kind, int ups)
{
	const char *why;
	size_t n;

	if (kind == TEMPLATE_URL_ONE)
		return S_url_breach(value, strlen(value), ups);
	if (kind == TEMPLATE_URL_SRCSET)
		return S_srcset_breach(value, ups);
	for (; kind == TEMPLATE_URL_SPACED; value += n) {
		while (S_html_space(*value))
			value++;
		if (*value == '\0')
			break;
		for (n = 0; value[n] != '\0' && !S_html_space(value[n]); n++)
			;
		if ((why = S_url_breach(value, n, ups)) != NULL)
			return why;
	}
	return NULL;
}

/* Returns whether the n bytes at s, ASCII case ignored, start with word. */
static int
S_starts(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	return n >= k && strncasecmp(s, word, k) == 0;
}

/* Returns the length of the CSS string that opens at s[0] (a quote), of
 * the n bytes at s (line ends made LF), its quotes included (to the end
 * of the line or text when unclosed); sets *escaped if it holds a
 * backslash. */
static size_t
S_css_string(const char *s, size_t n, int *escaped)
{
	size_t i;

	for (i = 1; i < n && s[i] != s[0] && s[i] != '\n'; i++)
		if (s[i] == '\\') {
			*escaped = 1;
			if (i + 1 < n)
				i++;	/* the escaped character */
		}
	return i < n && s[i] == s[0] ? i + 1 : i;
}

/* Returns whether the CSS string opening at s[0] (of the n bytes at s)
 * is escaped or a URL off the site; sets *len to its length. */
static int
S_css_string_leaves(const char *s, size_t n, size_t *len)
{
	int escaped = 0;
	size_t k = S_css_string(s, n, &escaped), body = k - 1;

	if (k >= 2 && s[k - 1] == s[0])
		body--;
	*len = k;
	return escaped || S_url_breach(s + 1, body, 0) != NULL;
}

/* Checks the arguments of a CSS function from s[0] to its closing
 * parenthesis (of the n bytes at s, nested ones skipped): every quoted
 * string, and when bare is set (url()) the unquoted URL.  Returns the
 * offset after them, or 0 when one leaves the site or is escaped. */
static size_t
S_css_args(const char *s, size_t n, int bare)
{
	size_t i = 0, k, depth = 0;

	while (i < n && (s[i] != ')' || depth > 0)) {
		if ((s[i] == '(' || s[i] == ')') && !bare) {
			depth += s[i] == '(' ? 1 : (size_t)-1;
			i++;
		} else if (s[i] == '"' || s[i] == '\'') {
			if (S_css_string_leaves(s + i, n - i, &k))
				return 0;
			i += k;
		} else if (s[i] == '\\')
			return 0;
		else if (bare && (unsigned char)s[i] > 0x20) {
			for (k = i; k < n && s[k] != ')' && s[k] != '\\'; k++)
				;
			if ((k < n && s[k] == '\\') ||
			    S_url_breach(s + i, k - i, 0) != NULL)
				return 0;
			i = k;
		} else
			i++;
	}
	return i < n ? i + 1 : n;
}

/* Returns the offset of the end of the CSS comment opening at s[0] (of
 * the n bytes at s): after its closing, or n. */
static size_t
S_css_comment(const char *s, size_t n)
{
	size_t i;

	for (i = 2; i + 1 < n; i++)
		if (s[i] == '*' && s[i + 1] == '/')
			return i + 2;
	return n;
}

/* Does template_css_offsite() on css, whose line ends are LF; sets *at
 * to the offset of the construct. */
static int
S_css_offsite(const char *css, size_t len, size_t *at)
{
	static const char *const calls[] = { "url(", "image-set(", "src(",
	    "image(", "cross-fade(" };
	size_t i = 0, k, w, adv;
	int escaped = 0;	/* allowed in strings that are not URLs */

	while (i < len) {
		const char *s = css + i;
		size_t n = len - i;

		*at = i;
		if (*s == '\\' || *s == '\0')	/* could spell url( or @import */
			return 1;
		if (S_starts(s, n, "/*")) {
			i += S_css_comment(s, n);
			continue;
		}
		if (*s == '"' || *s == '\'') {
			i += S_css_string(s, n, &escaped);
			continue;
		}
		if (S_starts(s, n, "@import")) {
			for (k = 7; k < n; )
				if ((unsigned char)s[k] <= 0x20)
					k++;
				else if (S_starts(s + k, n - k, "/*"))
					k += S_css_comment(s + k, n - k);
				else
					break;
			if (k < n && (s[k] == '"' || s[k] == '\'') &&
			    S_css_string_leaves(s + k, n - k, &adv))
				return 1;
			i += 7;
			continue;
		}
		for (k = 0; k < sizeof(calls) / sizeof(*calls); k++)
			if (S_starts(s, n, calls[k]))
				break;
		if (k == sizeof(calls) / sizeof(*calls)) {
			i++;
			continue;
		}
		w = strlen(calls[k]);
		if ((adv = S_css_args(s + w, n - w, k == 0)) == 0)
			return 1;
		/* url()'s argument is raw; within the others, go on scanning */
		i += k == 0 ? w + adv : w;
	}
	return 0;
}

int
template_css_offsite(const char *css, size_t len, struct pos *where)
{
	char *v = xreallocarray(NULL, len + 1, 1);
	size_t i, k = 0, at = 0, start = 0;
	int off;

	/* CSS reads CR LF, CR and FF as LF (CSS Syntax 3.3), as a string's
	 * end among others */
	for (i = 0; i < len; i++)
		if (css[i] == '\r' && i + 1 < len && css[i + 1] == '\n')
			continue;
		else
			v[k++] = css[i] == '\r' || css[i] == '\f' ? '\n' : css[i];
	v[k] = '\0';
	off = S_css_offsite(v, k, &at);
	for (where->line = 1, i = 0; i < at; i++)
		if (v[i] == '\n') {
			where->line++;
			start = i + 1;
		}
	where->col = (int)text_utf8_count(v + start, at - start) + 1;
	free(v);
	return off;
}

/* Returns the local name of attribute or element name, lower case
 * ignored by the callers: what follows the last ':'. */
static const char *
S_local(const xmlChar *name)
{
	const char *s = (const char *)name, *colon = strrchr(s, ':');

	return colon != NULL ? colon + 1 : s;
}

/* Returns the value of the attribute of n called name (case ignored, no
 * prefix: what an HTML parser takes for it), malloc'd by libxml2, or
 * NULL. */
static xmlChar *
S_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && strcasecmp((const char *)a->name, name) == 0)
			return xmlNodeGetContent((const xmlNode *)a);
	return NULL;
}

/* Returns value with tab and newlines dropped and ASCII letters in lower
 * case, malloc'd: as a browser reads a URL's scheme. */
static char *
S_squeezed(const char *value)
{
	char *v = xstrdup(value);
	size_t i, k = 0;

	for (i = 0; v[i] != '\0'; i++)
		if (v[i] != '\t' && v[i] != '\n' && v[i] != '\r')
			v[k++] = v[i] >= 'A' && v[i] <= 'Z' ? v[i] - 'A' + 'a' :
			    v[i];
	v[k] = '\0';
	return v;
}

const char *
template_value_breach(const char *value)
{
	const char *why = NULL;
	struct pos at;
	char *v;

	if (strpbrk(value, ":(") == NULL)	/* most text: at once */
		return NULL;
	v = S_squeezed(value);
	if (strstr(v, "javascript:") != NULL || strstr(v, "vbscript:") != NULL)
		why = "script URL in attribute";
	else if (strchr(v, '(') != NULL &&
	    template_css_offsite(value, strlen(value), &at))
		why = "CSS reference off the site in attribute";
	free(v);
	return why;
}

/* Reports n as a breach of the policy: why (its ':' at the end dropped),
 * then what, where n stands in file. */
static void
S_breach(const xmlNode *n, size_t file, struct diag *d, const char *why,
    const char *what)
{
	struct pos p = template_node_pos(n);
	size_t len = strlen(why);

	p.file = file;
	if (len > 0 && why[len - 1] == ':')	/* S_element_breach()'s mark */
		len--;
	diag_msg(d, MSG_TEMPLATE, &p, "%.*s%s%s%s (the site loads nothing "
	    "from elsewhere and runs only its own scripts)", (int)len, why,
	    what ? " '" : "", what ? what : "", what ? "'" : "");
}

/* Returns the reason the name and literal value of attribute a break the
 * policy, or NULL; *what is set to the name the reason is about. */
static const char *
S_attribute_breach(const xmlAttr *a, const char **what)
{
	const char *name = (const char *)a->name, *why = NULL;
	xmlChar *value;

	*what = name;
	/* the whole name, as the compiler reads it: "data-attr-x:href" is
	 * no "href" (the parser refuses such names; this holds without) */
	if (strncasecmp(name, "data-attr-", 10) == 0) {
		name += 10;	/* the attribute the directive sets */
		if (strchr(name, ':') != NULL)
			return "prefixed attribute may not be set by";
		if (strncasecmp(name, "on", 2) == 0)
			return "event-handler attribute set by";
		if (strcasecmp(name, "style") == 0 ||
		    strcasecmp(name, "srcdoc") == 0 ||
		    strcasecmp(name, "http-equiv") == 0 ||
		    strcasecmp(name, "attributename") == 0)
			return "attribute may not be set by";
		return NULL;	/* values are checked as pages are rendered */
	}
	name = S_local(a->name);
	if (strncasecmp(name, "on", 2) == 0)
		return "event-handler attribute";
	if (strcasecmp(name, "style") == 0)
		return "inline style attribute";
	if (strcasecmp(name, "srcdoc") == 0)
		return "inline document attribute";
	value = xmlNodeGetContent((const xmlNode *)a);
	if (value == NULL)
		return NULL;
	/* a template serves pages at several depths: no ".." of its own */
	why = template_url_breach((const char *)value,
	    template_url_kind(name), 0);
	if (why == NULL)
		why = template_value_breach((const char *)value);
	xmlFree(value);
	return why;
}

/* Returns the reason <script> n breaks the policy, or NULL: a script
 * needs a src and no content; a data block, which no browser runs, is
 * <script type="application/ld+json" data-json="F"/>, empty, with no src
 * and its type its own (not set by data-attr-type). */
static const char *
S_script_breach(const xmlNode *n)
{
	xmlChar *v = S_attr(n, "src");
	int has_src = v != NULL || xmlHasProp(n, BAD_CAST "data-attr-src");
	int filled = n->children != NULL ||
	    xmlHasProp(n, BAD_CAST "data-text") != NULL ||
	    xmlHasProp(n, BAD_CAST "data-html") != NULL;
	int json;

	xmlFree(v);
	if (xmlHasProp(n, BAD_CAST "data-json") == NULL)
		return !has_src || filled ?
		    "inline script (a <script> needs src and no content)" : NULL;
	v = S_attr(n, "type");
	json = v != NULL && strcmp((const char *)v, "application/ld+json") == 0;
	xmlFree(v);
	return !json || has_src || filled ||
	    xmlHasProp(n, BAD_CAST "data-attr-type") != NULL ?
	    "data-json on a <script> other than an empty <script "
	    "type=\"application/ld+json\"> without src" : NULL;
}

/* Returns the reason element n (its name, http-equiv, content) breaks
 * the policy, or NULL; a reason ending in ':' is to be followed by the
 * element's name. */
static const char *
S_element_breach(const xmlNode *n)
{
	const char *name = S_local(n->name), *why = NULL;
	xmlChar *v;

	if (S_IN(name, S_refused_elements))
		return "refused element:";
	if (strcasecmp(name, "script") == 0)
		return S_script_breach(n);
	if (xmlHasProp(n, BAD_CAST "data-json") != NULL)
		return "data-json on an element other than <script>:";
	if ((v = S_attr(n, "attributeName")) != NULL) {
		/* an SVG <set> or <animate> could make a link a script */
		why = strcasecmp(S_local(v), "href") == 0 ?
		    "animation of a link:" : NULL;
		xmlFree(v);
		if (why != NULL)
			return why;
	}
	if (strcasecmp(name, "meta") != 0 ||
	    (v = S_attr(n, "http-equiv")) == NULL)
		return NULL;
	if (strcasecmp((const char *)v, "Content-Security-Policy") == 0) {
		xmlChar *content = S_attr(n, "content");

		if (content == NULL || strcmp((const char *)content,
		    TEMPLATE_CSP) != 0 || xmlHasProp(n, BAD_CAST
		    "data-attr-content"))
			why = "Content-Security-Policy other than the site's";
		xmlFree(content);
	} else if (strcasecmp((const char *)v, "Content-Type") != 0)
		why = "<meta http-equiv> other than Content-Type and "
		    "Content-Security-Policy";
	xmlFree(v);
	return why;
}

/* Returns the name attribute a gives the page's element: NAME for
 * data-attr-NAME, its own for an attribute that is no directive; NULL
 * for another directive or a prefixed attribute. */
static const char *
S_page_attribute(const xmlAttr *a)
{
	const char *name = (const char *)a->name;

	if (a->ns != NULL)
		return NULL;
	if (strncmp(name, "data-attr-", 10) == 0)
		return name + 10;
	return template_is_directive(a->name) ? NULL : name;
}

/* Reports each attribute of element n whose page name (S_page_attribute)
 * equals an earlier one's but for ASCII case: a browser reads both as
 * one attribute and keeps the first, so a field would be lost ("ID"
 * beside "id").  The same name twice, a sample value beside the
 * data-attr that replaces it, is fine.  Returns how many it reported. */
static int
S_case_twins(const xmlNode *n, size_t file, struct diag *d)
{
	const xmlAttr *a, *b;
	const char *x, *y;
	struct pos p = template_node_pos(n);
	int bad = 0;

	p.file = file;
	for (a = n->properties; a != NULL; a = a->next) {
		if ((x = S_page_attribute(a)) == NULL)
			continue;
		for (b = n->properties; b != a; b = b->next)
			if ((y = S_page_attribute(b)) != NULL &&
			    strcasecmp(x, y) == 0 && strcmp(x, y) != 0) {
				diag_msg(d, MSG_TEMPLATE, &p, "'%s' and '%s' set "
				    "one attribute to a browser, which ignores "
				    "case in names", (const char *)b->name,
				    (const char *)a->name);
				bad++;
				break;
			}
	}
	return bad;
}

int
template_policy_node(const xmlNode *n, size_t file, struct diag *d)
{
	const xmlAttr *a;
	const char *why, *what;
	int bad = 0;

	if (n->type == XML_PI_NODE) {
		S_breach(n, file, d, "processing instruction", NULL);
		return 1;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if ((why = S_element_breach(n)) != NULL) {
		S_breach(n, file, d, why, why[strlen(why) - 1] == ':' ?
		    (const char *)n->name : NULL);
		bad++;
	}
	for (a = n->properties; a != NULL; a = a->next)
		if ((why = S_attribute_breach(a, &what)) != NULL) {
			S_breach(n, file, d, why, what);
			bad++;
		}
	return bad + S_case_twins(n, file, d);
}

/* Checks the DOCTYPE of doc, as template_policy_document() says;
 * returns 1 after reporting a breach, else 0. */
static int
S_doctype(const xmlDoc *doc, const struct pos *p, struct diag *d)
{
	const xmlDtd *dtd = doc->intSubset;

	if (dtd == NULL || (dtd->name != NULL && strcasecmp((const char *)
	    dtd->name, "html") == 0 && dtd->ExternalID == NULL &&
	    dtd->SystemID == NULL && dtd->children == NULL))
		return 0;
	diag_msg(d, MSG_TEMPLATE, p, "a DOCTYPE other than <!DOCTYPE html> "
	    "(the site loads nothing from elsewhere and runs only its own "
	    "scripts)");
	return 1;
}

int
template_policy_document(const xmlDoc *doc, const struct pos *doctype,
    struct diag *d)
{
	const xmlNode *n;
	int bad = S_doctype(doc, doctype, d);

	for (n = doc->children; n != NULL; n = n->next)
		if (n->type == XML_PI_NODE)	/* <?xml-stylesheet?>, say */
			bad += template_policy_node(n, doctype->file, d);
	return bad;
}

/* Returns whether a directive could remove element n: data-if,
 * data-unless, data-each, or data-content, data-text, data-html or
 * data-json (which
 * replace what an element holds), on it or an element above it. */
static int
S_removable(const xmlNode *n)
{
	static const char *const blocks[] = { "data-if", "data-unless",
	    "data-each", "data-content", "data-text", "data-html",
	    "data-json" };
	size_t i;

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		for (i = 0; i < sizeof(blocks) / sizeof(*blocks); i++)
			if (xmlHasProp(n, BAD_CAST blocks[i]))
				return 1;
	return 0;
}

/* Returns whether n is an element a page shows as <name> (no prefix,
 * ASCII case ignored): what an HTML parser takes for that element. */
static int
S_is_html(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && (n->ns == NULL ||
	    n->ns->prefix == NULL) && strcasecmp((const char *)n->name,
	    name) == 0;
}

/* Returns whether n is text of ASCII white space only, which an HTML
 * parser passes over before and in <head>. */
static int
S_is_blank(const xmlNode *n)
{
	const xmlChar *t = n->content;

	if (n->type != XML_TEXT_NODE)
		return 0;
	while (t != NULL && S_html_space((char)*t))
		t++;
	return t == NULL || *t == '\0';
}

/* Returns why child c of <head> would end <head> where an HTML parser
 * reads the page (moving what follows, the policy's meta too, into
 * <body>, where a browser ignores it), or NULL: only white space,
 * <meta>, <title>, <link> and <script> stay in <head>, the first and
 * last two empty, <title> with text only, none with data-content or
 * data-html, none but <title> with data-text. */
static const char *
S_head_breach(const xmlNode *c)
{
	const xmlNode *k;

	if (c->type == XML_TEXT_NODE)
		return S_is_blank(c) ? NULL : "text in <head>";
	if (!S_is_html(c, "meta") && !S_is_html(c, "title") &&
	    !S_is_html(c, "link") && !S_is_html(c, "script"))
		return "element in <head> other than <meta>, <title>, <link> "
		    "and <script>:";
	if (xmlHasProp(c, BAD_CAST "data-content") ||
	    xmlHasProp(c, BAD_CAST "data-html"))
		return "data-content or data-html in <head>";
	if (!S_is_html(c, "title"))
		return c->children != NULL || xmlHasProp(c, BAD_CAST
		    "data-text") ? "content in an empty element of <head>:" :
		    NULL;
	for (k = c->children; k != NULL; k = k->next)
		if (k->type != XML_TEXT_NODE)
			return "markup in <title>";
	return NULL;
}

/* Checks that <head> is the first thing in the layout's root <html>
 * (white space aside) and holds only what stays in <head> as an HTML
 * parser reads the page (S_head_breach()); returns the number of
 * breaches reported, and sets *head to the <head>, or NULL. */
static int
S_head(const xmlNode *root, size_t file, struct diag *d,
    const xmlNode **head)
{
	const xmlNode *c;
	const char *why;
	char name[512];
	int bad = 0;

	*head = NULL;
	if (root == NULL || !S_is_html(root, "html"))
		return 0;	/* reported by the caller */
	for (c = root->children; c != NULL && S_is_blank(c); c = c->next)
		;
	if (c == NULL || !S_is_html(c, "head")) {
		S_breach(c != NULL ? c : root, file, d, "anything but white "
		    "space before <head>, or no <head> (a browser would start "
		    "<body> there, and ignore the policy in it)", NULL);
		return 1;
	}
	*head = c;
	for (c = c->children; c != NULL; c = c->next)
		if ((why = S_head_breach(c)) != NULL) {
			snprintf(name, sizeof(name), "%s%s%.200s", c->ns &&
			    c->ns->prefix ? (const char *)c->ns->prefix : "",
			    c->ns && c->ns->prefix ? ":" : "",
			    (const char *)c->name);
			S_breach(c, file, d, why, why[strlen(why) - 1] == ':' ?
			    name : NULL);
			bad++;
		}
	return bad;
}

int
template_policy_csp(const xmlDoc *doc, size_t file, struct diag *d)
{
	const xmlNode *root = xmlDocGetRootElement(doc), *head, *c;
	int bad = S_head(root, file, d, &head);
	xmlChar *v;

	if (head == NULL && bad > 0)
		return bad;	/* said so */

	for (c = head != NULL ? head->children : NULL; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (S_is_html(c, "link") || S_is_html(c, "script"))
			break;	/* loads before the policy would apply */
		if (!S_is_html(c, "meta") ||
		    (v = S_attr(c, "http-equiv")) == NULL)
			continue;
		if (strcasecmp((const char *)v, "Content-Security-Policy") == 0) {
			xmlFree(v);
			if (!S_removable(c))
				return bad;	/* its value is checked with c */
			break;
		}
		xmlFree(v);
	}
	S_breach(head != NULL ? head : root, file, d, "no <meta http-equiv="
	    "\"Content-Security-Policy\" content=\"" TEMPLATE_CSP "\"/> "
	    "in <head> before its first <link> or <script>, where no "
	    "directive can remove it", NULL);
	return bad + 1;
}
