/* load_xlsx_parts.c: the XML parts of an xlsx package (relationships,
 * workbook, shared strings, worksheets) read into a grid; see
 * load_xlsx_private.h.
 */
#include "load_xlsx_private.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>
#include <unistr.h>

#include "alloc.h"

void
xlsx_package_init(struct xlsx_package *p, struct grid *g, struct diag *d,
    size_t file)
{
	memset(p, 0, sizeof(*p));
	p->g = g;
	p->d = d;
	p->file = file;
}

void
xlsx_package_free(struct xlsx_package *p)
{
	free(p->rels);
	p->rels = NULL;
}

int
xlsx_part_size_ok(uint64_t size, uint64_t comp)
{
	return size <= XLSX_PART_MAX &&
	    size <= comp * XLSX_RATIO_MAX + 4096;
}

char *
xlsx_rels_name(const char *part)
{
	const char *slash = strrchr(part, '/');
	int dir = slash != NULL ? (int)(slash - part) + 1 : 0;

	return xasprintf("%.*s_rels/%s.rels", dir, part, part + dir);
}

int
xlsx_fail(struct xlsx_package *p, const char *fmt, ...)
{
	struct pos at = { p->file, 0, 0 };
	va_list ap;

	va_start(ap, fmt);
	diag_vmsg(p->d, MSG_SPREADSHEET, &at, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int
xlsx_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

xmlNode *
xlsx_child(const xmlNode *n, const char *name)
{
	xmlNode *c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (xlsx_is(c, name))
			return c;
	return NULL;
}

/* Returns the value of n's attribute with local name name, in no
 * namespace (ns 0) or in some namespace (ns 1), copied into a's arena;
 * NULL when absent. */
static const char *
S_attr(struct arena *a, const xmlNode *n, const char *name, int ns)
{
	const xmlAttr *at;
	xmlChar *v;
	const char *s;

	for (at = n->properties; at != NULL; at = at->next)
		if ((at->ns != NULL) == ns &&
		    xmlStrcmp(at->name, (const xmlChar *)name) == 0)
			break;
	if (at == NULL || (v = xmlNodeGetContent((const xmlNode *)at)) == NULL)
		return NULL;
	s = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return s;
}

/* Returns target resolved against the folder of part base: a part name
 * without a leading '/', "." and ".." segments applied; in a's arena. */
static const char *
S_resolve(struct arena *a, const char *base, const char *target)
{
	const char *slash = strrchr(base, '/');
	char *path, *out, *seg;
	size_t n;

	if (target[0] == '/')
		path = xasprintf("%s", target + 1);
	else
		path = xasprintf("%.*s%s", slash ? (int)(slash - base) + 1 : 0,
		    base, target);
	out = arena_calloc(a, strlen(path) + 1, 1);
	for (seg = strtok(path, "/"); seg != NULL; seg = strtok(NULL, "/")) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			char *up = strrchr(out, '/');

			*(up != NULL ? up : out) = '\0';
			continue;
		}
		n = strlen(out);
		if (n > 0)
			out[n++] = '/';
		memcpy(out + n, seg, strlen(seg) + 1);
	}
	free(path);
	return out;
}

int
xlsx_read_rels(struct xlsx_package *p, xmlNode *root)
{
	struct arena *a = &p->g->arena;
	const char *id, *type, *target, *mode;
	xmlNode *c;

	if (!xlsx_is(root, "Relationships"))
		return xlsx_fail(p, "%s: not relationships", p->rels_base);
	for (c = root->children; c != NULL; c = c->next) {
		if (!xlsx_is(c, "Relationship"))
			continue;
		id = S_attr(a, c, "Id", 0);
		type = S_attr(a, c, "Type", 0);
		target = S_attr(a, c, "Target", 0);
		mode = S_attr(a, c, "TargetMode", 0);
		if (id == NULL || type == NULL || target == NULL ||
		    (mode != NULL && strcmp(mode, "External") == 0))
			continue;
		if (p->nrels == p->caprels) {
			p->caprels = p->caprels ? 2 * p->caprels : 16;
			p->rels = xreallocarray(p->rels, p->caprels,
			    sizeof(*p->rels));
		}
		p->rels[p->nrels].base = p->rels_base;
		p->rels[p->nrels].id = id;
		p->rels[p->nrels].type = type;
		p->rels[p->nrels++].target = S_resolve(a, p->rels_base, target);
	}
	return 0;
}

const char *
xlsx_rel_target(const struct xlsx_package *p, const char *base,
    const char *id, const char *type)
{
	size_t i, n;

	for (i = 0; i < p->nrels; i++) {
		const struct xlsx_rel *r = &p->rels[i];

		if (strcmp(r->base, base) != 0)
			continue;
		if (id != NULL && strcmp(r->id, id) == 0)
			return r->target;
		n = type != NULL ? strlen(type) : 0;
		if (id == NULL && strlen(r->type) >= n &&
		    strcmp(r->type + strlen(r->type) - n, type) == 0)
			return r->target;
	}
	return NULL;
}

int
xlsx_read_workbook(struct xlsx_package *p, xmlNode *root)
{
	struct grid *g = p->g;
	xmlNode *sheets = xlsx_child(root, "sheets"), *c;
	size_t n = 0;

	if (!xlsx_is(root, "workbook") || sheets == NULL)
		return xlsx_fail(p, "%s: no sheets", p->workbook);
	for (c = sheets->children; c != NULL; c = c->next)
		n += xlsx_is(c, "sheet");
	g->sheets = arena_calloc(&g->arena, n, sizeof(*g->sheets));
	p->sheet_rids = arena_calloc(&g->arena, n, sizeof(*p->sheet_rids));
	for (c = sheets->children; c != NULL; c = c->next) {
		struct grid_sheet *s = &g->sheets[g->nsheets];
		char *label;

		if (!xlsx_is(c, "sheet"))
			continue;
		s->name = S_attr(&g->arena, c, "name", 0);
		p->sheet_rids[g->nsheets] = S_attr(&g->arena, c, "id", 1);
		if (s->name == NULL || p->sheet_rids[g->nsheets] == NULL)
			return xlsx_fail(p, "%s: a sheet without a name or part",
			    p->workbook);
		label = xasprintf("%s[%s]", diag_file(p->d, p->file), s->name);
		s->file = diag_add_file(p->d, label);
		diag_file_cells(p->d, s->file);
		free(label);
		g->nsheets++;
	}
	return 0;
}

const char *
xlsx_string_item(struct xlsx_package *p, const xmlNode *item)
{
	xmlBuffer *b = xmlBufferCreate();
	const xmlNode *c, *t;
	const char *s;

	for (c = item->children; c != NULL; c = c->next) {
		t = xlsx_is(c, "t") ? c : xlsx_is(c, "r") ? xlsx_child(c, "t") : NULL;
		if (t != NULL)
			xmlNodeBufGetContent(b, t);
	}
	s = xlsx_unescape(&p->g->arena, (const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	return s;
}

int
xlsx_read_strings(struct xlsx_package *p, xmlNode *root)
{
	xmlNode *c;
	size_t n = 0;

	if (!xlsx_is(root, "sst"))
		return xlsx_fail(p, "%s", "shared strings: not a string table");
	for (c = root->children; c != NULL; c = c->next)
		n += xlsx_is(c, "si");
	p->strings = arena_calloc(&p->g->arena, n, sizeof(*p->strings));
	for (c = root->children; c != NULL; c = c->next)
		if (xlsx_is(c, "si"))
			p->strings[p->nstrings++] = xlsx_string_item(p, c);
	return 0;
}

const char *
xlsx_unescape(struct arena *a, const char *s)
{
	char *out = arena_calloc(a, strlen(s) + 1, 1), *o = out, *s2;
	char hex[5] = { 0 };
	ucs4_t c;
	int n;

	while (*s != '\0') {
		if (s[0] == '_' && s[1] == 'x' && strspn(s + 2,
		    "0123456789abcdefABCDEF") >= 4 && s[6] == '_') {
			memcpy(hex, s + 2, 4);
			c = (ucs4_t)strtoul(hex, NULL, 16);
			n = c != 0 ? u8_uctomb((uint8_t *)o, c, 4) : -1;
			if (n > 0) {
				o += n;
				s += 7;
				continue;
			}
			*o++ = *s++;	/* NUL, a surrogate: as written */
		} else
			*o++ = *s++;
	}
	*o = '\0';
	for (o = s2 = out; *s2 != '\0'; s2++)	/* CR LF, escaped or not */
		if (s2[0] != '\r' || s2[1] != '\n')
			*o++ = *s2;
	*o = '\0';
	return out;
}
