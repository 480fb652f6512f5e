/* labels.c: the words of the pages, read from labels.xml; see labels.h. */
#include "labels.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "alloc.h"
#include "load.h"
#include "template.h"
#include "text.h"
#include "xmlread.h"

/* The placeholders, as bits of a label's declaration. */
enum label_arg { ARG_N, ARG_SKILL, ARG_SPECIALTY, ARG_JOBTYPE, ARG_SITE,
    ARG_LEVEL, ARG__COUNT };
#define A(x)	(1u << (x))

static const char *const S_arg_names[ARG__COUNT] = { "n", "skill",
    "specialty", "jobtype", "site", "level" };

/* Every label: its name in labels.xml and the placeholders it may use. */
static const struct {
	const char	*name;
	unsigned	 args;
} S_decl[LABEL__COUNT] = {
	[LABEL_SITE_NAME] = { "site-name", 0 },
	[LABEL_HOME] = { "home", 0 },
	[LABEL_LEVEL] = { "level", A(ARG_N) },
	[LABEL_LEVEL_SHORT] = { "level-short", A(ARG_N) },
	[LABEL_SCOPE_COMMON] = { "scope-common", 0 },
	[LABEL_SCOPE_SPECIFIC] = { "scope-specific", 0 },
	[LABEL_TITLE_SKILL] = { "title-skill", A(ARG_SKILL) | A(ARG_SPECIALTY) },
	[LABEL_TITLE_LEVEL] = { "title-level", A(ARG_LEVEL) | A(ARG_SPECIALTY) },
	[LABEL_KNOWLEDGE] = { "knowledge", 0 },
	[LABEL_TITLE_COMPARE] = { "title-compare", A(ARG_SKILL) },
	[LABEL_TITLE_HANDBOOK] = { "title-handbook", A(ARG_SPECIALTY) },
	[LABEL_HANDBOOK] = { "handbook", 0 },
	[LABEL_HANDBOOK_SOURCE] = { "handbook-source", A(ARG_SITE) |
	    A(ARG_JOBTYPE) },
	[LABEL_TITLE_ASSESSMENT] = { "title-assessment", A(ARG_SPECIALTY) },
	[LABEL_ASSESSMENT] = { "assessment", 0 },
	[LABEL_LEGEND_CURRENT] = { "legend-current", A(ARG_SKILL) },
	[LABEL_LEGEND_TARGET] = { "legend-target", A(ARG_SKILL) },
	[LABEL_ASSESS_GAP] = { "assess-gap", A(ARG_N) },
	[LABEL_USES_MORE] = { "uses-more", A(ARG_N) },
	[LABEL_SEARCH_CONTEXT] = { "search-context", A(ARG_JOBTYPE) |
	    A(ARG_SPECIALTY) },
	[LABEL_CSV_HEADER] = { "csv-header", 0 },
};

struct labels {
	char	*text[LABEL__COUNT];	/* malloc'd */
	char	 digits[10][8];		/* each a UTF-8 character */
};

/* The state of reading one labels file. */
struct reader {
	struct labels	*l;
	size_t		 file;
	struct srcmap	 map;		/* where each element starts */
	struct diag	*d;
	int		 bad;		/* problems reported */
	xmlNode		*where[LABEL__COUNT];	/* each label's element */
};

const char *
labels_name(enum label l)
{
	return S_decl[l].name;
}

/* Reports a problem, fmt and its arguments, at element n (NULL: the
 * file) of r. */
static void S_error(struct reader *, const xmlNode *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
S_error(struct reader *r, const xmlNode *n, const char *fmt, ...)
{
	struct pos p = node_pos(&r->map, n);
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(r->d, MSG_TEMPLATE, &p, 0, fmt, ap);
	va_end(ap);
	r->bad++;
}

/* Returns the label called name, or LABEL__COUNT. */
static enum label
S_find(const char *name)
{
	int l;

	for (l = 0; l < LABEL__COUNT; l++)
		if (strcmp(S_decl[l].name, name) == 0)
			return (enum label)l;
	return LABEL__COUNT;
}

/* Returns the placeholder called by the len bytes at name, or
 * ARG__COUNT. */
static enum label_arg
S_find_arg(const char *name, size_t len)
{
	int k;

	for (k = 0; k < ARG__COUNT; k++)
		if (strlen(S_arg_names[k]) == len &&
		    memcmp(S_arg_names[k], name, len) == 0)
			return (enum label_arg)k;
	return ARG__COUNT;
}

/* Checks the text of label l (element n): every '{' opens a placeholder
 * l may use, closed by the next '}', and no '}' stands alone. */
static void
S_check_text(struct reader *r, const xmlNode *n, enum label l,
    const char *text)
{
	const char *p, *end;
	enum label_arg k;

	for (p = text; *p != '\0'; p++) {
		if (*p == '}') {
			S_error(r, n, "label '%s': a '}' that closes no "
			    "placeholder", S_decl[l].name);
			return;
		}
		if (*p != '{')
			continue;
		end = strpbrk(p + 1, "{}");
		if (end == NULL || *end == '{') {
			S_error(r, n, "label '%s': a '{' that no '}' closes",
			    S_decl[l].name);
			return;
		}
		k = S_find_arg(p + 1, (size_t)(end - p - 1));
		if (k == ARG__COUNT || !(S_decl[l].args & A(k))) {
			char *name = xasprintf("%.*s", (int)(end - p - 1), p + 1);

			S_error(r, n, "label '%s' has no placeholder '{%s}'",
			    S_decl[l].name, name);
			free(name);
		}
		p = end;
	}
}

/* Reads element n, a <label>, into r. */
static void
S_read_label(struct reader *r, xmlNode *n)
{
	xmlChar *name = xmlGetProp(n, BAD_CAST "name");
	const xmlNode *c;
	enum label l;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type != XML_TEXT_NODE && c->type != XML_COMMENT_NODE) {
			S_error(r, n, "a label holds text only");
			xmlFree(name);
			return;
		}
	if (name == NULL)
		S_error(r, n, "a label without a name");
	else if ((l = S_find((const char *)name)) == LABEL__COUNT)
		S_error(r, n, "unknown label '%s'", (const char *)name);
	else if (r->where[l] != NULL)
		S_error(r, n, "label '%s' given twice", S_decl[l].name);
	else {
		xmlChar *text = xmlNodeGetContent(n);

		r->where[l] = n;
		r->l->text[l] = xstrdup(text != NULL ? (const char *)text : "");
		xmlFree(text);
		S_check_text(r, n, l, r->l->text[l]);
	}
	xmlFree(name);
}

/* Reads the digits attribute of root into r: ten characters, those of
 * 0 to 9. */
static void
S_read_digits(struct reader *r, xmlNode *root)
{
	xmlChar *v = xmlGetProp(root, BAD_CAST "digits");
	const unsigned char *p = v;
	int k = 0;

	while (p != NULL && *p != '\0' && k < 10) {
		int n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc0 ? 2 : 1;

		memcpy(r->l->digits[k++], p, (size_t)n);
		p += n;
	}
	if (v == NULL || k < 10 || *p != '\0')
		S_error(r, root, "the root's digits must be ten characters, "
		    "0 to 9");
	xmlFree(v);
}

/* Reads the root element of doc into r and reports every label missing;
 * returns the problems found. */
static int
S_read(struct reader *r, xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc), *n;
	int l;

	if (doc->intSubset != NULL || root == NULL ||
	    strcmp((const char *)root->name, "labels") != 0 || root->ns != NULL)
		S_error(r, root, "the root must be <labels>, with no DOCTYPE");
	else {
		S_read_digits(r, root);
		for (n = root->children; n != NULL; n = n->next)
			if (n->type == XML_ELEMENT_NODE &&
			    (strcmp((const char *)n->name, "label") != 0 ||
			    n->ns != NULL))
				S_error(r, n, "unknown element <%s>",
				    (const char *)n->name);
			else if (n->type == XML_ELEMENT_NODE)
				S_read_label(r, n);
		for (l = 0; l < LABEL__COUNT; l++)
			if (r->where[l] == NULL)
				S_error(r, root, "label '%s' is missing",
				    S_decl[l].name);
	}
	return r->bad;
}

struct labels *
labels_load(const char *path, struct diag *d)
{
	struct reader r;
	char *buf;
	size_t len;
	xmlDoc *doc;

	memset(&r, 0, sizeof(r));
	r.file = diag_add_file(d, path);
	r.d = d;
	if ((buf = load_read_confined(path, TEMPLATE_FILE_MAX, d, &len)) ==
	    NULL)
		return NULL;
	if (memchr(buf, '\0', len) == NULL)
		text_normalise_line_ends(buf, len);
	srcmap_init(&r.map, r.file, buf, len);
	r.l = xcalloc(1, sizeof(*r.l));
	if ((doc = xmlread_parse(&r.map, "XML", NULL, d)) != NULL)
		S_read(&r, doc);
	xmlFreeDoc(doc);
	srcmap_free(&r.map);
	free(buf);
	if (doc == NULL || r.bad > 0) {
		labels_free(r.l);
		return NULL;
	}
	return r.l;
}

void
labels_free(struct labels *l)
{
	int k;

	if (l == NULL)
		return;
	for (k = 0; k < LABEL__COUNT; k++)
		free(l->text[k]);
	free(l);
}

const char *
labels_text(const struct labels *l, enum label k)
{
	return l->text[k];
}

const char *
labels_number(const struct labels *l, struct arena *a, long n)
{
	const char *ascii = arena_printf(a, "%ld", n), *p;
	char *out, *o;

	o = out = arena_calloc(a, strlen(ascii) * sizeof(l->digits[0]) + 1, 1);
	for (p = ascii; *p != '\0'; p++) {
		const char *s = *p >= '0' && *p <= '9' ? l->digits[*p - '0'] : "-";

		memcpy(o, s, strlen(s));
		o += strlen(s);
	}
	return out;
}

/* Returns the value of placeholder k in args (n as written in num). */
static const char *
S_value(const struct label_args *args, enum label_arg k, const char *num)
{
	const char *v = NULL;

	switch (k) {
	case ARG_N:		v = num; break;
	case ARG_SKILL:		v = args->skill; break;
	case ARG_SPECIALTY:	v = args->specialty; break;
	case ARG_JOBTYPE:	v = args->jobtype; break;
	case ARG_SITE:		v = args->site; break;
	case ARG_LEVEL:		v = args->level; break;
	default:		break;
	}
	return v != NULL ? v : "";
}

/* Writes text with its placeholders replaced (checked when loaded) to
 * out, unless NULL; returns the bytes it takes. */
static size_t
S_expand(const char *text, const struct label_args *args, const char *num,
    char *out)
{
	size_t n = 0, len;
	const char *p, *end, *v;

	for (p = text; *p != '\0'; p = end) {
		if (*p == '{' && (end = strchr(p, '}')) != NULL) {
			v = S_value(args, S_find_arg(p + 1, (size_t)(end - p - 1)),
			    num);
			len = strlen(v);
			end++;
		} else {
			v = p;
			end = p + 1 + strcspn(p + 1, "{");
			len = (size_t)(end - p);
		}
		if (out != NULL)
			memcpy(out + n, v, len);
		n += len;
	}
	return n;
}

const char *
labels_format(const struct labels *l, struct arena *a, enum label k,
    const struct label_args *args)
{
	static const struct label_args none;
	const char *num = NULL;
	char *out;

	if (args == NULL)
		args = &none;
	if (S_decl[k].args & A(ARG_N))
		num = labels_number(l, a, args->n);
	out = arena_calloc(a, S_expand(l->text[k], args, num, NULL) + 1, 1);
	S_expand(l->text[k], args, num, out);
	return out;
}
