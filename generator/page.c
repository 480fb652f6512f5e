/* page.c: the page toolkit: what every page family uses; see page.h. */
#include "page.h"

#include <stdlib.h>
#include <string.h>

#include "apart.h"
#include "cli.h"
#include "diff.h"
#include "jsonld_pages.h"
#include "markdown.h"
#include "paths.h"

const char *
page_label(struct builder *b, enum label l, const struct label_args *args)
{
	return labels_format(b->labels, &b->arena, l, args);
}

const char *
page_level_label(struct builder *b, int n)
{
	return page_label(b, LABEL_LEVEL, &(struct label_args){ .n = n });
}

/* Returns the names of levels from to to, all defined: a range (label
 * level-range) when they are three or more, else each level's name. */
static const char *
S_level_run(struct builder *b, int from, int to)
{
	if (to - from >= 2)
		return page_label(b, LABEL_LEVEL_RANGE, &(struct label_args){
		    .from = page_level_label(b, from),
		    .to = page_level_label(b, to) });
	if (to > from)
		return arena_printf(&b->arena, "%s%s%s", page_level_label(b,
		    from), page_label(b, LABEL_LEVEL_JOIN, NULL),
		    page_level_label(b, to));
	return page_level_label(b, from);
}

const char *
page_join(struct builder *b, const char *const *names, size_t n)
{
	const char *sep = page_label(b, LABEL_LEVEL_JOIN, NULL);
	size_t i, len = 0, seplen = strlen(sep);
	char *s, *p;

	for (i = 0; i < n; i++)
		len += strlen(names[i]) + (i > 0 ? seplen : 0);
	p = s = arena_calloc(&b->arena, len + 1, 1);
	for (i = 0; i < n; i++) {
		size_t k = strlen(names[i]);

		if (i > 0) {
			memcpy(p, sep, seplen);
			p += seplen;
		}
		memcpy(p, names[i], k);
		p += k;
	}
	return s;
}

const char *
page_levels_defined(struct builder *b, const struct jobtype *jt)
{
	const char *list = "", *sep = "";
	int n, last;

	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, last)) {
		for (last = n; jobtype_level_defined(jt, last + 1); last++)
			;
		list = arena_printf(&b->arena, "%s%s%s", list, sep,
		    S_level_run(b, n, last));
		sep = page_label(b, LABEL_LEVEL_JOIN, NULL);
	}
	return *list != '\0' ? page_label(b, LABEL_LEVELS_DEFINED,
	    &(struct label_args){ .levels = list }) : "";
}

const char *
page_scope_label(struct builder *b, enum skill_scope sc)
{
	return page_label(b, sc == SCOPE_COMMON ? LABEL_SCOPE_COMMON :
	    LABEL_SCOPE_SPECIFIC, NULL);
}

void
page_markdown(struct builder *b, struct scope *s, const char *name,
    const char *md)
{
	const struct fragment *f = md_fragment(b->md, md);

	if (f == NULL) {
		if (md_known(b->md, md))
			diag_msg(b->d, MSG_TEMPLATE, NULL, "cmark's HTML does not "
			    "parse as XHTML");
		else
			md_report_unknown(b->d);
		b->failed = 1;
		f = md_fragment(b->md, NULL);
	}
	scope_html(s, name, f);
}

const char *
page_plain(struct builder *b, const char *md)
{
	const char *plain = md_plain_reported(b->md, md, b->d, &b->failed);

	return plain != NULL ? plain : "";
}

void
page_notes(struct builder *b, struct scope *s, const char *name,
    const struct notes *ns)
{
	size_t i;

	scope_list(s, name);
	for (i = 0; i < ns->n; i++)
		page_markdown(b, scope_item(s, name), "html", ns->v[i].markdown);
}

/* Adds a breadcrumb to page scope s: label, linked to target (at
 * fragment, if not NULL) unless it is the page itself (target NULL). */
static void
S_crumb(struct builder *b, struct scope *s, const char *label,
    const char *target, const char *fragment)
{
	struct scope *c = scope_item(s, "breadcrumbs");

	scope_text(c, "label", label);
	scope_text(c, "href", target ? path_href(&b->arena, b->self, target,
	    fragment) : "");
}

const char *
page_pdf_href(struct builder *b, const char *id)
{
	return b->pdf ? path_href(&b->arena, b->self, path_handbook(&b->arena,
	    id, "pdf"), NULL) : "";
}

const char *
page_map_href(struct builder *b, const struct specialty *sp, const char *ext)
{
	return b->pdf || strcmp(ext, "pdf") != 0 ? path_href(&b->arena, b->self,
	    path_map(&b->arena, sp->id, ext), NULL) : "";
}

const char *
page_jobtype_anchor(struct builder *b, const struct jobtype *jt)
{
	return path_jobtype_anchor(&b->arena, jt->id);
}

const char *
page_tailoring_anchor(struct builder *b, const struct jobtype *jt,
    const struct tailoring *t)
{
	size_t i;

	for (i = 0; i < jt->ntailorings; i++)
		if (jt->tailorings[i] == t)
			return arena_printf(&b->arena, "tailoring-%zu", i + 1);
	return "";
}

const char *
page_tailoring_href(struct builder *b, const struct jobtype *jt,
    const struct tailoring *t)
{
	const char *anchor = page_tailoring_anchor(b, jt, t);

	return path_href(&b->arena, b->self, path_tailoring(&b->arena, jt->id),
	    *anchor != '\0' ? anchor : NULL);
}

void
page_stylesheet(struct builder *b, struct scope *s, const char *self,
    const char *path, const char *media)
{
	struct scope *it = scope_item(s, "stylesheets");

	scope_text(it, "href", path_href(&b->arena, self, path, NULL));
	scope_text(it, "media", media);
}

void
page_script(struct builder *b, struct scope *s, const char *self,
    const char *path)
{
	scope_text(scope_item(s, "scripts"), "src", path_href(&b->arena, self,
	    path, NULL));
}

/* Returns a new page scope for page b->self of kind, headed heading,
 * with the fields every page has. */
static struct scope *
S_scope(struct builder *b, enum page_kind kind, const char *heading)
{
	struct scope *s = scope_new(&b->arena, NULL);
	const char *self = b->self;

	scope_text(s, "title", page_label(b, kind == PAGE_HOME ?
	    LABEL_TITLE_HOME : LABEL_TITLE, &(struct label_args){
	    .page = heading, .site = b->site_name }));
	scope_text(s, "heading", heading);
	scope_text(s, "site-name", b->site_name);
	scope_text(s, "home", path_href(&b->arena, self, PATH_HOME, NULL));
	scope_text(s, "about-href", path_href(&b->arena, self, PATH_ABOUT,
	    NULL));
	scope_text(s, "stylesheet", path_href(&b->arena, self, PATH_STYLE, NULL));
	page_stylesheet(b, s, self, PATH_STYLE, "all");
	scope_text(s, "icon", path_href(&b->arena, self, PATH_ICON, NULL));
	scope_list(s, "scripts");
	page_script(b, s, self, PATH_SEARCH_SCRIPT);
	scope_text(s, "generator", "skillsite " SKILLSITE_VERSION);
	scope_list(s, "breadcrumbs");
	return s;
}

/* Returns the site path of the page of kind at at. */
static const char *
S_self(struct builder *b, enum page_kind kind, const struct page_at *at)
{
	struct arena *a = &b->arena;

	switch (kind) {
	case PAGE_SPECIALTY:
		return path_specialty(a, at->jt->id, at->sp->id);
	case PAGE_SKILL:
		return path_skill(a, at->jt->id, at->sp->id, at->k->id);
	case PAGE_LEVEL:
		return path_level(a, at->jt->id, at->sp->id, at->n);
	case PAGE_KNOWLEDGE:
		return path_knowledge(a, at->jt->id);
	case PAGE_COMPARE:
		return path_compare(a, at->jt->id, at->k->id);
	case PAGE_HANDBOOK:	/* a specialty's, or the job type's */
		return path_handbook(a, at->sp ? at->sp->id : at->jt->id,
		    "html");
	case PAGE_ASSESSMENT:
		return path_assessment(a, at->jt->id, at->sp->id);
	case PAGE_ABOUT:
		return PATH_ABOUT;
	case PAGE_MAP:
		return path_map(a, at->sp->id, "html");
	case PAGE_TAILORING:
		return path_tailoring(a, at->jt->id);
	default:
		return PATH_HOME;
	}
}

/* Returns the heading of the page of kind at at, and sets *here to the
 * label of its own breadcrumb. */
static const char *
S_heading(struct builder *b, enum page_kind kind, const struct page_at *at,
    const char **here)
{
	struct label_args args = { .n = at->n,
	    .skill = at->k ? at->k->name : NULL,
	    .specialty = at->sp ? at->sp->name : NULL,
	    .jobtype = at->jt ? at->jt->name : NULL };
	const char *title;

	switch (kind) {
	case PAGE_SPECIALTY:
		*here = at->sp->name;
		return page_label(b, LABEL_TITLE_SPECIALTY, &args);
	case PAGE_SKILL:
		*here = at->k->name;
		return page_label(b, LABEL_TITLE_SKILL, &args);
	case PAGE_LEVEL:
		*here = args.level = page_level_label(b, at->n);
		return page_label(b, LABEL_TITLE_LEVEL, &args);
	case PAGE_KNOWLEDGE:
		return *here = page_label(b, LABEL_KNOWLEDGE, NULL);
	case PAGE_COMPARE:
		return *here = page_label(b, LABEL_TITLE_COMPARE, &args);
	case PAGE_HANDBOOK:	/* the job type's is named after it */
		if (at->sp == NULL)
			args.specialty = at->jt->name;
		*here = page_label(b, LABEL_HANDBOOK, NULL);
		return page_label(b, LABEL_TITLE_HANDBOOK, &args);
	case PAGE_ASSESSMENT:
		*here = page_label(b, LABEL_ASSESSMENT, NULL);
		return page_label(b, LABEL_TITLE_ASSESSMENT, &args);
	case PAGE_ABOUT:
		return *here = page_label(b, LABEL_ABOUT, NULL);
	case PAGE_MAP:
		*here = page_label(b, LABEL_MAP, NULL);
		return page_label(b, LABEL_TITLE_MAP, &args);
	case PAGE_TAILORING:
		*here = page_label(b, LABEL_TAILORING, NULL);
		return page_label(b, LABEL_TITLE_TAILORING, &args);
	default:
		title = *here = b->site_name;
		return title;
	}
}

/* page_begin() of the page of kind at at, or with r not NULL of role
 * r's page. */
static struct scope *
S_begin(struct builder *b, enum page_kind kind, const struct page_at *at,
    const struct role *r)
{
	const char *heading, *here;
	struct scope *s;

	arena_free(&b->arena);
	arena_init(&b->arena);
	if (r != NULL) {
		b->self = path_role(&b->arena, at->jt->id, r->id);
		here = page_label(b, LABEL_ROLE, NULL);
		heading = page_label(b, LABEL_TITLE_ROLE, &(struct label_args){
		    .role = r->name, .specialty = at->sp->name });
	} else {
		b->self = S_self(b, kind, at);
		heading = S_heading(b, kind, at, &here);
	}
	s = S_scope(b, kind, heading);
	page_tailoring_fields(b, s, at->jt);
	if (kind == PAGE_HOME)
		return s;
	S_crumb(b, s, page_label(b, LABEL_HOME, NULL), PATH_HOME, NULL);
	if (at->jt == NULL) {
		S_crumb(b, s, here, NULL, NULL);	/* a page of the site */
		return s;
	}
	S_crumb(b, s, at->jt->name, PATH_HOME, page_jobtype_anchor(b, at->jt));
	if (at->sp != NULL && kind != PAGE_SPECIALTY)
		S_crumb(b, s, at->sp->name, path_specialty(&b->arena, at->jt->id,
		    at->sp->id), NULL);
	S_crumb(b, s, here, NULL, NULL);
	return s;
}

struct scope *
page_begin(struct builder *b, enum page_kind kind, const struct page_at *at)
{
	struct scope *s = S_begin(b, kind, at, NULL);

	jsonld_page(b, s, kind, at, NULL);
	return s;
}

struct scope *
page_begin_role(struct builder *b, const struct jobtype *jt,
    const struct role *r)
{
	struct page_at at = { jt, r->specialty, NULL, 0 };
	struct scope *s = S_begin(b, PAGE_ROLE, &at, r);

	jsonld_page(b, s, PAGE_ROLE, &at, r);
	return s;
}

void
page_emit(struct builder *b, enum page_kind kind, const struct scope *s)
{
	size_t len;
	char *html;

	if (b->stopped)
		return;
	html = template_render(b->layout, b->pages[kind], path_depth(b->self),
	    s, b->d, &len);
	if (html == NULL)
		b->failed = 1;
	else if (b->out->put(b->out->ctx, kind == PAGE_HANDBOOK ||
	    kind == PAGE_MAP ? SINK_HANDBOOK : SINK_PAGE, b->self, html, len,
	    b->d) < 0)
		b->failed = b->stopped = 1;
	else
		b->npages++;
	free(html);
}

const struct page_steps *
page_steps(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e)
{
	const struct page_steps *st = steps_get(b->steps, jt, sp, e);

	if (st->unknown) {
		md_report_unknown(b->d);
		b->failed = 1;
	}
	return st;
}

int
page_level_used(const struct specialty *sp, int n)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (entry_level_text(&sp->entries[i], n) != NULL)
			return 1;
	return 0;
}

struct scope *
page_link(struct builder *b, struct scope *s, const char *list,
    const char *self, const char *label, const char *target,
    const char *fragment)
{
	struct scope *it = scope_item(s, list);

	scope_text(it, "name", label);
	scope_text(it, "href", path_href(&b->arena, self, target, fragment));
	return it;
}

struct scope *
page_level_item(struct builder *b, struct scope *s, const struct entry *e,
    int n, const char *anchor, int *defined)
{
	const char *text = entry_level_text(e, n);
	struct scope *l_s = scope_item(s, "levels");

	*defined = text != NULL;
	scope_text(l_s, "label", page_level_label(b, n));
	scope_text(l_s, "anchor", anchor);
	scope_flag(l_s, "defined", *defined);
	page_markdown(b, l_s, "html", text);
	page_level_company(b, l_s, entry_find_level(e, n));
	return l_s;
}

void
page_skill_notes(struct builder *b, struct scope *s, const struct entry *e)
{
	page_notes(b, s, "notes", &e->skill->notes);
	page_notes(b, s, "notes", &e->notes);
}

void
page_uses(struct builder *b, struct scope *s, const char *list,
    const char *more_label, const char *more_href, const struct jobtype *jt,
    const struct skill *k, const struct specialty *skip)
{
	size_t j, shown = 0, total = k->nuses;
	const char *label = "", *href = "";

	scope_list(s, list);
	for (j = 0; j < k->nuses; j++) {
		const struct specialty *o = k->uses[j].specialty;

		if (o == skip) {
			total--;
			continue;
		}
		if (shown++ < USES_SHOWN)
			page_link(b, s, list, b->self, o->name,
			    path_skill(&b->arena, jt->id, o->id, k->id), NULL);
	}
	if (total > USES_SHOWN) {
		label = page_label(b, LABEL_USES_MORE, &(struct label_args){
		    .n = (long)(total - USES_SHOWN) });
		href = path_uses_more(&b->arena, b->self, jt->id, k->id,
		    k->scope == SCOPE_COMMON);
	}
	scope_text(s, more_label, label);
	scope_text(s, more_href, href);
}

/* The flags of a marked piece of text, by the templates' names. */
static const char *const S_mark_names[] = { "same", "del", "ins",
    "differs" };

/* Adds an item of text to list of s with flags[0..nflags) set when on. */
static void
S_mark_item(struct scope *s, const char *list, const char *text, int brk,
    const enum page_mark *flags, size_t nflags, int on)
{
	struct scope *it = scope_item(s, list);
	size_t k;

	scope_text(it, "text", text);
	scope_flag(it, "break", brk);
	for (k = 0; k < nflags; k++)
		scope_flag(it, S_mark_names[flags[k]], (int)flags[k] == on);
}

void
page_marked(struct builder *b, struct scope *s, const char *list,
    const char *text, const enum page_mark *flags, size_t nflags, int on)
{
	const char *p, *brk;

	for (p = text; *p != '\0';) {
		brk = strchr(p, '\n');
		if (brk != p)
			S_mark_item(s, list, brk ? arena_strndup(&b->arena, p,
			    (size_t)(brk - p)) : p, 0, flags, nflags, on);
		if (brk == NULL)
			break;
		S_mark_item(s, list, "", 1, flags, nflags, -1);
		p = brk + 1;
	}
}

/* Adds the segments of a compared text to list "segments" of s, each
 * {text, differs, break}. */
static void
S_segments(struct builder *b, struct scope *s, const struct segment *sg)
{
	static const enum page_mark flags[] = { MARK_DIFFERS };

	scope_list(s, "segments");
	for (; sg != NULL; sg = sg->next)
		page_marked(b, s, "segments", sg->text, flags, 1,
		    sg->differs ? MARK_DIFFERS : -1);
}

/* Returns the marked segments of texts[0..jt's specialties), the
 * descriptions of level n of common skill k of jt (none marked when
 * fewer than two describe it): made once while b renders jt's pages
 * (its comparison pages and its handbook show the same), in
 * b->marks_arena, which asking for another job type's empties. */
static struct segment **
S_marks(struct builder *b, const struct jobtype *jt, const struct skill *k,
    int n, const char *const *texts)
{
	size_t slot = (size_t)(k - jt->skills) * (LEVEL_MAX + 1) + (size_t)n;
	size_t i, defined = 0;
	struct segment *sg;

	if (b->marks_of != jt) {
		arena_free(&b->marks_arena);
		arena_init(&b->marks_arena);
		b->marks = arena_calloc(&b->marks_arena, jt->nskills *
		    (LEVEL_MAX + 1) + 1, sizeof(*b->marks));
		b->marks_of = jt;
	}
	if (b->marks[slot] == NULL) {
		b->marks[slot] = diff_marks(&b->marks_arena, texts,
		    jt->nspecialties);
		for (i = 0; i < jt->nspecialties; i++)
			defined += texts[i] != NULL;
		for (i = 0; defined < 2 && i < jt->nspecialties; i++)
			for (sg = b->marks[slot][i]; sg != NULL; sg = sg->next)
				sg->differs = 0;	/* none to differ from */
	}
	return b->marks[slot];
}

/* Returns whether a tailoring hides level n of skill k in specialty sp. */
static int
S_hidden_in(const struct skill *k, const struct specialty *sp, int n)
{
	const struct level *lv;
	size_t i;

	for (i = 0; i < k->nuses; i++)
		if (k->uses[i].specialty == sp)
			return (lv = entry_find_level(k->uses[i].entry, n)) !=
			    NULL && lv->hidden_by != NULL;
	return 0;
}

struct scope *
page_compare_row(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct skill *k, int n, const char **texts, int links)
{
	struct scope *row = scope_item(s, "rows"), *cell;
	struct segment **segs;
	size_t i;

	scope_text(row, "label", page_level_label(b, n));
	scope_list(row, "cells");
	memset(texts, 0, jt->nspecialties * sizeof(*texts));
	for (i = 0; i < k->nuses; i++) {
		const char *text = entry_level_text(k->uses[i].entry, n);

		if (text != NULL)
			texts[k->uses[i].index] = page_plain(b, text);
	}
	segs = S_marks(b, jt, k, n, texts);
	for (i = 0; i < jt->nspecialties; i++) {
		const struct specialty *sp = &jt->specialties[i];

		cell = scope_item(row, "cells");
		scope_flag(cell, "defined", texts[i] != NULL);
		scope_flag(cell, "hidden-here", S_hidden_in(k, sp, n));
		scope_text(cell, "specialty", sp->name);
		if (links) {
			scope_text(cell, "skill-href", path_href(&b->arena,
			    b->self, path_skill(&b->arena, jt->id, sp->id,
			    k->id), path_level_anchor(&b->arena, n)));
			scope_text(cell, "level-href", texts[i] ?
			    path_href(&b->arena, b->self, path_level(&b->arena,
			    jt->id, sp->id, n), NULL) : "");
		}
		S_segments(b, cell, segs[i]);
	}
	return row;
}

/* Adds to cell the words that set its level apart (list "words", each
 * {head, text, cut}), whether it has none and repeats its neighbour's
 * text ("same") or has none but differs ("within"), and its whole plain
 * text. */
static void
S_cell_words(struct scope *cell, const char *plain,
    const struct apart_words *w)
{
	size_t i;

	scope_text(cell, "full", plain != NULL ? plain : "");
	scope_flag(cell, "same", plain != NULL && w->n == 0 && w->same);
	scope_flag(cell, "within", plain != NULL && w->n == 0 && !w->same);
	scope_list(cell, "words");
	for (i = 0; i < w->n; i++) {
		struct scope *word = scope_item(cell, "words");

		scope_text(word, "head", w->v[i].head);
		scope_text(word, "text", w->v[i].text);
		scope_flag(word, "cut", w->v[i].cut);
	}
}

void
page_matrix_cells(struct builder *b, struct scope *row,
    const struct jobtype *jt, const struct specialty *sp,
    const struct entry *e, const char *page)
{
	const struct page_steps *st = page_steps(b, jt, sp, e);
	const char *const *plain = st->plain;
	const struct apart_words *w = st->words;
	size_t i = 0;
	int n;

	scope_list(row, "cells");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n), i++) {
		struct scope *cell = scope_item(row, "cells");
		const struct level *lv = entry_find_level(e, n);

		scope_flag(cell, "defined", plain[i] != NULL);
		scope_flag(cell, "hidden", lv != NULL && lv->hidden_by != NULL);
		scope_text(cell, "label", page_level_label(b, n));
		if (page != NULL)
			scope_text(cell, "href", plain[i] != NULL ?
			    path_href(&b->arena, b->self, page,
			    path_level_anchor(&b->arena, n)) : "");
		S_cell_words(cell, plain[i], &w[i]);
	}
}

/* Adds to list "map-groups" of s the group of the skills of sp of scope sc,
 * labelled, each a row of the map {name, its source (page_skill_source()),
 * cells}; none when sp has no such skill. */
static void
S_map_group(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, enum skill_scope sc)
{
	struct scope *group = NULL;
	size_t i;

	for (i = 0; i < sp->nentries; i++) {
		const struct entry *e = &sp->entries[i];
		struct scope *row;

		if (e->skill->scope != sc)
			continue;
		if (group == NULL) {
			group = scope_item(s, "map-groups");
			scope_text(group, "label", page_scope_label(b, sc));
			scope_list(group, "rows");
		}
		row = scope_item(group, "rows");
		scope_text(row, "name", e->skill->name);
		page_skill_source(b, row, e->skill);
		page_matrix_cells(b, row, jt, sp, e, NULL);
	}
}

void
page_matrix_map(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	int n;

	scope_list(s, "map-levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		scope_text(scope_item(s, "map-levels"), "label",
		    page_level_label(b, n));
	scope_list(s, "map-groups");
	S_map_group(b, s, jt, sp, SCOPE_COMMON);
	S_map_group(b, s, jt, sp, SCOPE_SPECIFIC);
}

void
page_print_fields(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	scope_text(s, "jobtype", jt->name);
	scope_text(s, "specialty", sp != NULL ? sp->name :
	    page_label(b, LABEL_ALL_SPECIALTIES, NULL));
	scope_text(s, "source", page_label(b, LABEL_HANDBOOK_SOURCE,
	    &(struct label_args){ .site = b->site_name, .jobtype = jt->name }));
	scope_text(s, "site-href", sp != NULL ? path_href(&b->arena, b->self,
	    path_specialty(&b->arena, jt->id, sp->id), NULL) :
	    path_href(&b->arena, b->self, PATH_HOME, page_jobtype_anchor(b,
	    jt)));
}

/* What tailorings add to every family of pages. */

/* The label of each kind of learning resource. */
static const enum label S_kind_labels[RESOURCE__COUNT] = {
	LABEL_RESOURCE_TRAINING, LABEL_RESOURCE_EXAM, LABEL_RESOURCE_BOOK,
	LABEL_RESOURCE_ELEARNING, LABEL_RESOURCE_OJT
};

const char *
page_tailoring_names(struct builder *b, const struct jobtype *jt)
{
	const char **v = arena_calloc(&b->arena, jt->ntailorings + 1,
	    sizeof(*v));
	size_t i;

	for (i = 0; i < jt->ntailorings; i++)
		v[i] = jt->tailorings[i]->name ? jt->tailorings[i]->name : "";
	return page_join(b, v, jt->ntailorings);
}

void
page_tailoring_fields(struct builder *b, struct scope *s,
    const struct jobtype *jt)
{
	if (jt == NULL || jt->ntailorings == 0) {
		scope_flag(s, "tailored", 0);
		scope_text(s, "tailoring-names", "");
		scope_text(s, "tailoring-href", "");
		return;
	}
	scope_flag(s, "tailored", 1);
	scope_text(s, "tailoring-names", page_tailoring_names(b, jt));
	scope_text(s, "tailoring-href", path_href(&b->arena, b->self,
	    path_tailoring(&b->arena, jt->id), NULL));
}

void
page_skill_source(struct builder *b, struct scope *s, const struct skill *k)
{
	(void)b;
	scope_text(s, "standard-name", k->standard_name ? k->standard_name :
	    "");
	scope_flag(s, "company-skill", k->from != NULL);
}

const char *
page_resource_kind(struct builder *b, enum resource_kind k)
{
	return page_label(b, S_kind_labels[(unsigned)k < RESOURCE__COUNT ?
	    k : 0], NULL);
}

void
page_resources(struct builder *b, struct scope *s, const char *list,
    const struct resource *const *v, size_t n)
{
	size_t i;

	scope_list(s, list);
	for (i = 0; i < n; i++) {
		struct scope *r = scope_item(s, list);

		scope_text(r, "title", v[i]->title ? v[i]->title : "");
		scope_text(r, "kind", page_resource_kind(b, v[i]->kind));
		scope_text(r, "href", v[i]->href ? v[i]->href : "");
		page_markdown(b, r, "link", v[i]->href ? v[i]->title : NULL);
		scope_text(r, "hours", v[i]->hours ? v[i]->hours : "");
	}
}

void
page_level_company(struct builder *b, struct scope *s, const struct level *lv)
{
	const struct tailor_text *x = lv != NULL ? lv->company : NULL;

	scope_flag(s, "hidden", lv != NULL && lv->hidden_by != NULL);
	scope_flag(s, "company", x != NULL || (lv != NULL &&
	    lv->nresources > 0));
	page_markdown(b, s, "meaning", x != NULL ? x->meaning : NULL);
	page_markdown(b, s, "evidence", x != NULL ? x->evidence : NULL);
	page_resources(b, s, "resources", lv != NULL ? lv->resources : NULL,
	    lv != NULL ? lv->nresources : 0);
}

void
page_roles(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	size_t i;

	scope_list(s, "roles");
	for (i = 0; i < jt->nroles; i++)
		if (jt->roles[i]->specialty == sp)
			page_link(b, s, "roles", b->self, jt->roles[i]->name,
			    path_role(&b->arena, jt->id, jt->roles[i]->id),
			    NULL);
}
