/* markdown.c: Markdown to HTML with cmark; see markdown.h. */
#include "markdown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "alloc.h"
#include "par.h"

#define MD_OPTIONS (CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)

/* realloc() for cmark: returns p resized, or ends the run. */
static void *
S_md_realloc(void *p, size_t size)
{
	return xreallocarray(p, size, 1);
}

/* cmark's allocator: alloc.h's, which ends the run with "out of memory"
 * (exit status 3) where cmark's own would abort. */
static cmark_mem S_md_mem = { xcalloc, S_md_realloc, free };

/* Returns the tree of md, parsed with S_md_mem; free with
 * cmark_node_free().  Nodes, iterators and the HTML rendered from it
 * allocate with S_md_mem too. */
static cmark_node *
S_md_parse(const char *md)
{
	cmark_parser *parser = cmark_parser_new_with_mem(MD_OPTIONS, &S_md_mem);
	cmark_node *doc;

	cmark_parser_feed(parser, md, strlen(md));
	doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	return doc;
}

char *
md_to_html(const char *md)
{
	cmark_node *doc = S_md_parse(md);
	char *html = cmark_render_html(doc, MD_OPTIONS);

	cmark_node_free(doc);
	if (html == NULL)
		html = xstrdup("");
	return html;
}

/* Returns whether a node of type t is a block that ends a line of plain
 * text. */
static int
S_is_line_block(cmark_node_type t)
{
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
	    t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_THEMATIC_BREAK;
}

char *
md_plain_text(const char *md)
{
	cmark_node *doc = S_md_parse(md);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL)
		xalloc_die();
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT ||
		    t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK))
			fputs(cmark_node_get_literal(n), f);
		else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK ||
		    t == CMARK_NODE_LINEBREAK))
			fputc('\n', f);
		else if (ev == CMARK_EVENT_EXIT && S_is_line_block(t))
			fputc('\n', f);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	if (fclose(f) != 0)
		xalloc_die();
	while (len > 0 && text[len - 1] == '\n')
		text[--len] = '\0';
	return text;
}

/* Returns the scheme of url in lower case in buf (of size bytes): "" when
 * it has none, "//" for another host, "?" for one too long to hold. */
static const char *
S_scheme(const char *url, char *buf, size_t size)
{
	size_t n = strcspn(url, ":/?#"), i;

	if (strncmp(url, "//", 2) == 0)
		return "//";
	if (url[n] != ':')
		return "";
	if (n == 0 || n >= size)
		return "?";
	for (i = 0; i < n; i++)
		buf[i] = (char)(url[i] >= 'A' && url[i] <= 'Z' ? url[i] + 32 :
		    url[i]);
	buf[n] = '\0';
	return buf;
}

/* Returns whether a link may use scheme (as S_scheme returns it). */
static int
S_link_allowed(const char *scheme)
{
	return *scheme == '\0' || strcmp(scheme, "http") == 0 ||
	    strcmp(scheme, "https") == 0 || strcmp(scheme, "mailto") == 0 ||
	    strcmp(scheme, "//") == 0;
}

/* Reports characters of html that XML does not allow (control characters
 * from numeric references such as &#1;, U+FFFE, U+FFFF). */
static void
S_check_chars(const char *html, const struct pos *pos, struct diag *d)
{
	const unsigned char *u = (const unsigned char *)html;

	for (; *u != '\0'; u++)
		if ((*u < 0x20 && *u != '\t' && *u != '\n' && *u != '\r') ||
		    (u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE ||
		    u[2] == 0xBF))) {
			diag_msg(d, MSG_MARKDOWN_CHAR, pos, "U+%04X",
			    *u < 0x20 ? *u : 0xFFFE + (u[2] == 0xBF));
			return;
		}
}

void
md_check(const char *md, const struct pos *pos, struct diag *d)
{
	cmark_node *doc = S_md_parse(md);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	char buf[32], *html;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *url = cmark_node_get_url(n), *scheme;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_IMAGE:
			diag_msg(d, MSG_MARKDOWN_URL, pos, "images are not "
			    "supported: %s", url ? url : "");
			break;
		case CMARK_NODE_LINK:
			scheme = S_scheme(url ? url : "", buf, sizeof(buf));
			if (!S_link_allowed(scheme))
				diag_msg(d, MSG_MARKDOWN_URL, pos, "link scheme "
				    "not allowed: %s", url);
			else if (url != NULL && url[0] == '/' && url[1] != '/')
				diag_msg(d, MSG_MARKDOWN_URL, pos, "absolute path "
				    "(breaks under file:// and sub-paths): %s", url);
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			diag_msg(d, MSG_MARKDOWN_HTML, pos, "%s",
			    cmark_node_get_literal(n));
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	html = cmark_render_html(doc, MD_OPTIONS);
	S_check_chars(html, pos, d);
	free(html);
	cmark_node_free(doc);
}

/* Checks each note of ns. */
static void
S_check_notes(const struct notes *ns, struct diag *d)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		md_check(ns->v[i].markdown, &ns->v[i].pos, d);
}

/* par_job run: checks the Markdown fields of job type i of the model
 * ctx. */
static void
S_check_jobtype(void *ctx, void *state, size_t i, struct diag *d)
{
	const struct model *m = ctx;
	const struct jobtype *jt = &m->jobtypes[i];
	size_t j, k, l;

	(void)state;
	if (jt->annotation != NULL)
		md_check(jt->annotation, &jt->annotation_pos, d);
	S_check_notes(&jt->notes, d);
	for (j = 0; j < jt->nskills; j++)
		S_check_notes(&jt->skills[j].notes, d);
	for (j = 0; j < jt->nspecialties; j++) {
		const struct specialty *sp = &jt->specialties[j];

		S_check_notes(&sp->notes, d);
		for (k = 0; k < sp->nentries; k++) {
			const struct entry *e = &sp->entries[k];

			S_check_notes(&e->notes, d);
			for (l = 0; l < e->nlevels; l++)
				if (e->levels[l].markdown != NULL)
					md_check(e->levels[l].markdown,
					    &e->levels[l].pos, d);
		}
	}
}

void
md_check_model(const struct model *m, unsigned nthreads, struct diag *d)
{
	struct par_job job = { NULL, S_check_jobtype, NULL, (void *)m };

	if (m->framework != NULL) {
		if (m->framework->summary != NULL)
			md_check(m->framework->summary, &m->framework->summary_pos,
			    d);
		S_check_notes(&m->framework->notes, d);
	}
	par_run(&job, m->njobtypes, nthreads, d);
}
