/* site_pages.c: the pages of the site and their fields; see site.h. */
#include "site_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "cli.h"
#include "export.h"
#include "memo.h"
#include "paths.h"
#include "template.h"
#include "diff.h"
#include "markdown.h"

const char *
page_level_label(struct arena *a, int n)
{
	static const char *const digits[] = { "０", "１", "２", "３", "４",
	    "５", "６", "７", "８", "９" };
	char s[64];

	snprintf(s, sizeof(s), "レベル%s", n >= 0 && n <= 9 ? digits[n] : "?");
	return arena_strdup(a, s);
}

/* Returns the label of a skill's scope. */
static const char *
S_scope_label(enum skill_scope sc)
{
	return sc == SCOPE_COMMON ? "職種共通スキル項目" : "専門分野固有スキル項目";
}

/* Sets field name of s to the HTML of Markdown md ("" when NULL). */
static void
S_markdown(struct builder *b, struct scope *s, const char *name,
    const char *md)
{
	const struct fragment *f = memo_fragment(&b->memo, md);

	if (f == NULL) {
		diag_msg(b->d, MSG_TEMPLATE, NULL, "cmark's HTML does not parse "
		    "as XHTML");
		b->failed = 1;
		f = memo_fragment(&b->memo, NULL);
	}
	scope_html(s, name, f);
}

/* Adds the notes of ns to list name of s, each as "html". */
static void
S_notes(struct builder *b, struct scope *s, const char *name,
    const struct notes *ns)
{
	size_t i;

	scope_list(s, name);
	for (i = 0; i < ns->n; i++)
		S_markdown(b, scope_item(s, name), "html", ns->v[i].markdown);
}

/* Adds a breadcrumb to page scope s: label, linked to target (at
 * fragment, if not NULL) unless it is the page itself (target NULL). */
static void
S_crumb_at(struct builder *b, struct scope *s, const char *self,
    const char *label, const char *target, const char *fragment)
{
	struct scope *c = scope_item(s, "breadcrumbs");

	scope_text(c, "label", label);
	scope_text(c, "href", target ? path_href(&b->arena, self, target,
	    fragment) : "");
}

void
page_crumb(struct builder *b, struct scope *s, const char *self,
    const char *label, const char *target)
{
	S_crumb_at(b, s, self, label, target, NULL);
}

/* Returns the anchor of job type jt's section of the home page. */
static const char *
S_jobtype_anchor(struct builder *b, const struct jobtype *jt)
{
	return path_jobtype_anchor(&b->arena, jt->id);
}

void
page_crumb_jobtype(struct builder *b, struct scope *s, const char *self,
    const struct jobtype *jt)
{
	S_crumb_at(b, s, self, jt->name, PATH_HOME, S_jobtype_anchor(b, jt));
}

void
page_reset(struct builder *b)
{
	arena_free(&b->arena);
	arena_init(&b->arena);
}

/* Adds stylesheet path (for media) to the page scope s of page self. */
static void
S_stylesheet(struct builder *b, struct scope *s, const char *self,
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

struct scope *
page_scope(struct builder *b, const char *self, const char *title)
{
	struct scope *s = scope_new(&b->arena, NULL);
	char *full;
	size_t n;

	n = strlen(title) + strlen(b->site_name) + 8;
	full = arena_calloc(&b->arena, n, 1);
	snprintf(full, n, "%s | %s", title, b->site_name);
	scope_text(s, "title", full);
	scope_text(s, "heading", title);
	scope_text(s, "site-name", b->site_name);
	scope_text(s, "home", path_href(&b->arena, self, PATH_HOME, NULL));
	scope_text(s, "stylesheet", path_href(&b->arena, self, PATH_STYLE, NULL));
	S_stylesheet(b, s, self, PATH_STYLE, "all");
	scope_text(s, "icon", path_href(&b->arena, self, PATH_ICON, NULL));
	scope_list(s, "scripts");
	page_script(b, s, self, PATH_SEARCH_SCRIPT);
	scope_text(s, "generator", "skillsite " SKILLSITE_VERSION);
	scope_list(s, "breadcrumbs");
	if (strcmp(self, PATH_HOME) != 0)
		page_crumb(b, s, self, "ホーム", PATH_HOME);
	return s;
}

void
page_emit(struct builder *b, enum page_kind kind, const char *self,
    const struct scope *s)
{
	size_t len;
	char *html;

	if (b->stopped)
		return;
	html = template_render(b->layout, b->pages[kind], path_depth(self), s,
	    b->d, &len);
	if (html == NULL)
		b->failed = 1;
	else if (b->out->put(b->out->ctx, kind == PAGE_HANDBOOK ?
	    SINK_HANDBOOK : SINK_PAGE, self, html, len, b->d) < 0)
		b->failed = b->stopped = 1;
	else
		b->npages++;
	free(html);
}

/* Returns whether any entry of sp describes level n. */
static int
S_level_used(const struct specialty *sp, int n)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++) {
		const struct level *lv = entry_find_level(&sp->entries[i], n);

		if (lv != NULL && lv->markdown != NULL)
			return 1;
	}
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

/* The home page: every job type with its overview. */
static void
S_home(struct builder *b)
{
	const struct model *m = b->m;
	struct scope *s;
	size_t i, j, k;

	page_reset(b);
	s = page_scope(b, PATH_HOME, b->site_name);
	S_markdown(b, s, "summary", m->framework ? m->framework->summary : NULL);
	scope_text(s, "json-href", path_href(&b->arena, PATH_HOME, PATH_JSON,
	    NULL));
	scope_text(s, "schema-href", path_href(&b->arena, PATH_HOME,
	    PATH_JSON_SCHEMA, NULL));
	scope_text(s, "csv-href", path_href(&b->arena, PATH_HOME, PATH_CSV,
	    NULL));
	S_notes(b, s, "notes", m->framework ? &m->framework->notes :
	    &(struct notes){ NULL, 0 });
	scope_list(s, "jobtypes");
	for (i = 0; i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];
		struct scope *j_s = scope_item(s, "jobtypes");

		scope_text(j_s, "name", jt->name);
		scope_text(j_s, "anchor", S_jobtype_anchor(b, jt));
		S_markdown(b, j_s, "annotation", jt->annotation);
		S_notes(b, j_s, "notes", &jt->notes);
		scope_text(j_s, "knowledge-href", path_href(&b->arena, PATH_HOME,
		    path_knowledge(&b->arena, jt->id), NULL));
		scope_list(j_s, "specialties");
		scope_list(j_s, "common-skills");
		scope_list(j_s, "specific");
		for (j = 0; j < jt->nskills; j++)
			if (jt->skills[j].scope == SCOPE_COMMON)
				page_link(b, j_s, "common-skills", PATH_HOME,
				    jt->skills[j].name, path_compare(&b->arena,
				    jt->id, jt->skills[j].id), NULL);
		for (j = 0; j < jt->nspecialties; j++) {
			const struct specialty *sp = &jt->specialties[j];
			struct scope *row;

			page_link(b, j_s, "specialties", PATH_HOME, sp->name,
			    path_specialty(&b->arena, jt->id, sp->id), NULL);
			row = page_link(b, j_s, "specific", PATH_HOME, sp->name,
			    path_specialty(&b->arena, jt->id, sp->id), NULL);
			scope_list(row, "skills");
			for (k = 0; k < sp->nentries; k++) {
				const struct skill *sk = sp->entries[k].skill;

				if (sk->scope == SCOPE_SPECIFIC)
					page_link(b, row, "skills", PATH_HOME,
					    sk->name, path_skill(&b->arena,
					    jt->id, sp->id, sk->id), NULL);
			}
		}
	}
	page_emit(b, PAGE_HOME, PATH_HOME, s);
}

/* The page of specialty sp: its skills and the skill x level matrix. */
static void
S_specialty(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	const char *self;
	struct scope *s;
	size_t i;
	int n;

	page_reset(b);
	self = path_specialty(&b->arena, jt->id, sp->id);
	s = page_scope(b, self, sp->name);
	page_crumb_jobtype(b, s, self, jt);
	page_crumb(b, s, self, sp->name, NULL);
	scope_text(s, "jobtype", jt->name);
	scope_text(s, "handbook-href", path_href(&b->arena, self,
	    path_handbook(&b->arena, sp->id, "html"), NULL));
	scope_text(s, "assessment-href", path_href(&b->arena, self,
	    path_assessment(&b->arena, jt->id, sp->id), NULL));
	scope_text(s, "pdf-href", b->pdf ? path_href(&b->arena, self,
	    path_handbook(&b->arena, sp->id, "pdf"), NULL) : "");
	S_notes(b, s, "notes", &sp->notes);
	scope_list(s, "common-skills");
	scope_list(s, "specific-skills");
	scope_list(s, "levels");
	scope_list(s, "rows");
	for (n = jt->min_level; n <= jt->max_level; n++) {
		struct scope *lv = scope_item(s, "levels");

		scope_text(lv, "label", page_level_label(&b->arena, n));
		scope_text(lv, "href", S_level_used(sp, n) ? path_href(&b->arena,
		    self, path_level(&b->arena, jt->id, sp->id, n), NULL) : "");
	}
	for (i = 0; i < sp->nentries; i++) {
		const struct entry *e = &sp->entries[i];
		const char *page = path_skill(&b->arena, jt->id, sp->id,
		    e->skill->id);
		struct scope *row;

		page_link(b, s, e->skill->scope == SCOPE_COMMON ? "common-skills" :
		    "specific-skills", self, e->skill->name, page, NULL);
		row = page_link(b, s, "rows", self, e->skill->name, page, NULL);
		scope_list(row, "cells");
		for (n = jt->min_level; n <= jt->max_level; n++) {
			const struct level *lv = entry_find_level(e, n);
			struct scope *cell = scope_item(row, "cells");
			int defined = lv != NULL && lv->markdown != NULL;

			scope_flag(cell, "defined", defined);
			scope_text(cell, "label", page_level_label(&b->arena, n));
			scope_text(cell, "href", defined ? path_href(&b->arena,
			    self, page, path_level_anchor(&b->arena, n)) : "");
		}
	}
	page_emit(b, PAGE_SPECIALTY, self, s);
}

/* Adds level n of entry e to list "levels" of s: its label, anchor,
 * whether it is described and its description; sets *defined and
 * returns the item. */
static struct scope *
S_level_item(struct builder *b, struct scope *s, const struct entry *e,
    int n, const char *anchor, int *defined)
{
	const struct level *lv = entry_find_level(e, n);
	struct scope *l_s = scope_item(s, "levels");

	*defined = lv != NULL && lv->markdown != NULL;
	scope_text(l_s, "label", page_level_label(&b->arena, n));
	scope_text(l_s, "anchor", anchor);
	scope_flag(l_s, "defined", *defined);
	S_markdown(b, l_s, "html", *defined ? lv->markdown : NULL);
	return l_s;
}

/* Sets list "notes" of s to the editorial notes of entry e's skill, then
 * of e itself. */
static void
S_skill_notes(struct builder *b, struct scope *s, const struct entry *e)
{
	S_notes(b, s, "notes", &e->skill->notes);
	S_notes(b, s, "notes", &e->notes);
}

/* Sets prev-/next- fields of s for the neighbours of entry i of sp. */
static void
S_neighbours(struct builder *b, struct scope *s, const char *self,
    const struct jobtype *jt, const struct specialty *sp, size_t i)
{
	const struct skill *prev = i > 0 ? sp->entries[i - 1].skill : NULL;
	const struct skill *next = i + 1 < sp->nentries ?
	    sp->entries[i + 1].skill : NULL;

	scope_text(s, "prev-name", prev ? prev->name : "");
	scope_text(s, "prev-href", prev ? path_href(&b->arena, self,
	    path_skill(&b->arena, jt->id, sp->id, prev->id), NULL) : "");
	scope_text(s, "next-name", next ? next->name : "");
	scope_text(s, "next-href", next ? path_href(&b->arena, self,
	    path_skill(&b->arena, jt->id, sp->id, next->id), NULL) : "");
}

/* The flags of a marked piece of text, by the templates' names. */
static const char *const S_flag_names[] = { "same", "del", "ins",
    "differs" };
enum { FLAG_SAME, FLAG_DEL, FLAG_INS, FLAG_DIFFERS };

/* Adds text to list of s as items {text, break, and each flag of
 * flags[0..nflags) (indexes into S_flag_names), set when it is on};
 * each line break becomes an item of its own, with break set. */
static void
S_marked(struct builder *b, struct scope *s, const char *list,
    const char *text, const int *flags, size_t nflags, int on)
{
	struct scope *it;
	const char *p, *brk;
	size_t k;

	for (p = text; *p != '\0';) {
		brk = strchr(p, '\n');
		if (brk != p) {
			it = scope_item(s, list);
			scope_text(it, "text", brk ? arena_strndup(&b->arena, p,
			    (size_t)(brk - p)) : p);
			scope_flag(it, "break", 0);
			for (k = 0; k < nflags; k++)
				scope_flag(it, S_flag_names[flags[k]],
				    flags[k] == on);
		}
		if (brk == NULL)
			break;
		it = scope_item(s, list);
		scope_text(it, "text", "");
		scope_flag(it, "break", 1);
		for (k = 0; k < nflags; k++)
			scope_flag(it, S_flag_names[flags[k]], 0);
		p = brk + 1;
	}
}

/* Adds the segments of a compared text to list "segments" of s, each
 * {text, differs, break}. */
static void
S_segments(struct builder *b, struct scope *s, const struct segment *sg)
{
	static const int flags[] = { FLAG_DIFFERS };

	scope_list(s, "segments");
	for (; sg != NULL; sg = sg->next)
		S_marked(b, s, "segments", sg->text, flags, 1,
		    sg->differs ? FLAG_DIFFERS : -1);
}

/* Adds the pieces of a change to list "pieces" of s, each {text, same,
 * del, ins, break}. */
static void
S_pieces(struct builder *b, struct scope *s, const struct diff_piece *p)
{
	static const int flags[] = { FLAG_SAME, FLAG_DEL, FLAG_INS };

	scope_list(s, "pieces");
	for (; p != NULL; p = p->next)
		S_marked(b, s, "pieces", p->text, flags, 3,
		    p->kind == DIFF_DEL ? FLAG_DEL : p->kind == DIFF_INS ?
		    FLAG_INS : FLAG_SAME);
}

/* Returns the plain text of Markdown md, kept by the builder's memo. */
static const char *
S_plain(struct builder *b, const char *md)
{
	return memo_plain(&b->memo, md);
}
/* Adds list "changes" to skill page s of entry e of jt: for
 * each level the entry describes after the first, what changes from the
 * level before it that it describes: {from-label, from-href, to-label,
 * to-href, pieces}. */
static void
S_changes(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct entry *e)
{
	const struct level *prev = NULL;
	int n;

	scope_list(s, "changes");
	for (n = jt->min_level; n <= jt->max_level; n++) {
		const struct level *lv = entry_find_level(e, n);
		struct scope *c;

		if (lv == NULL || lv->markdown == NULL)
			continue;
		if (prev != NULL) {
			c = scope_item(s, "changes");
			scope_text(c, "from-label", page_level_label(&b->arena,
			    prev->value));
			scope_text(c, "from-href", path_href(&b->arena, "", "",
			    path_level_anchor(&b->arena, prev->value)));
			scope_text(c, "to-label", page_level_label(&b->arena, n));
			scope_text(c, "to-href", path_href(&b->arena, "", "",
			    path_level_anchor(&b->arena, n)));
			S_pieces(b, c, diff_pair(&b->arena, S_plain(b,
			    prev->markdown), S_plain(b, lv->markdown)));
		}
		prev = lv;
	}
}

/* Adds to list of s links (self to each page of skill k of jt) for the
 * first USES_SHOWN specialties that list k, leaving out skip (or
 * none when NULL), and sets fields more_label and more_href to a link to
 * all of them when there are more ("" when not): the comparison page of
 * a common skill, else the job type's section of the home page. */
static void
S_uses(struct builder *b, struct scope *s, const char *list,
    const char *more_label, const char *more_href, const char *self,
    const struct jobtype *jt, const struct skill *k,
    const struct specialty *skip)
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
			page_link(b, s, list, self, o->name, path_skill(&b->arena,
			    jt->id, o->id, k->id), NULL);
	}
	if (total > USES_SHOWN)
		href = path_uses_more(&b->arena, self, jt, k, total -
		    USES_SHOWN, &label);
	scope_text(s, more_label, label);
	scope_text(s, more_href, href);
}

/* The page of entry i of specialty sp: a skill with all its levels. */
static void
S_skill(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp, size_t i)
{
	const struct entry *e = &sp->entries[i];
	const struct skill *k = e->skill;
	char *self, *title;
	struct scope *s;
	size_t j;
	int n;

	page_reset(b);
	self = path_skill(&b->arena, jt->id, sp->id, k->id);
	title = arena_printf(&b->arena, "%s（%s）", k->name, sp->name);
	s = page_scope(b, self, title);
	page_crumb_jobtype(b, s, self, jt);
	page_crumb(b, s, self, sp->name, path_specialty(&b->arena, jt->id, sp->id));
	page_crumb(b, s, self, k->name, NULL);
	scope_text(s, "name", k->name);
	scope_text(s, "specialty", sp->name);
	scope_text(s, "scope", S_scope_label(k->scope));
	scope_flag(s, "common", k->scope == SCOPE_COMMON);
	scope_text(s, "compare-href", k->scope == SCOPE_COMMON ?
	    path_href(&b->arena, self, path_compare(&b->arena, jt->id, k->id),
	    NULL) : "");
	scope_list(s, "knowledge");
	for (j = 0; j < k->nknowledge; j++) {
		const char *anchor = k->knowledge[j].anchor;

		scope_text(page_link(b, s, "knowledge", self, k->knowledge[j].text,
		    path_knowledge(&b->arena, jt->id), anchor), "anchor",
		    anchor);
	}
	scope_list(s, "levels");
	for (n = jt->min_level; n <= jt->max_level; n++) {
		int defined;
		struct scope *l_s = S_level_item(b, s, e, n,
		    path_level_anchor(&b->arena, n), &defined);

		scope_text(l_s, "level-href", defined ? path_href(&b->arena, self,
		    path_level(&b->arena, jt->id, sp->id, n), NULL) : "");
	}
	S_changes(b, s, jt, e);
	S_skill_notes(b, s, e);
	S_uses(b, s, "others", "others-more-label", "others-more-href", self,
	    jt, k, sp);
	S_neighbours(b, s, self, jt, sp, i);
	page_emit(b, PAGE_SKILL, self, s);
}

/* Returns the nearest level from n in direction step (+1 or -1) that sp
 * describes, or 0. */
static int
S_next_level(const struct jobtype *jt, const struct specialty *sp, int n,
    int step)
{
	for (n += step; n >= jt->min_level && n <= jt->max_level; n += step)
		if (S_level_used(sp, n))
			return n;
	return 0;
}

/* Sets field prefix-label and prefix-href of s to level n's page, or to
 * "" when n is 0. */
static void
S_level_link(struct builder *b, struct scope *s, const char *self,
    const char *prefix, const struct jobtype *jt, const struct specialty *sp,
    int n)
{
	/* field names outlive s: in the builder's arena */
	const char *label = arena_printf(&b->arena, "%s-label", prefix);
	const char *href = arena_printf(&b->arena, "%s-href", prefix);

	scope_text(s, label, n ? page_level_label(&b->arena, n) : "");
	scope_text(s, href, n ? path_href(&b->arena, self,
	    path_level(&b->arena, jt->id, sp->id, n), NULL) : "");
}

/* The page of level n in specialty sp: each skill's description. */
static void
S_level(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp, int n)
{
	const char *self, *label;
	char *title;
	struct scope *s;
	size_t i;

	page_reset(b);
	self = path_level(&b->arena, jt->id, sp->id, n);
	label = page_level_label(&b->arena, n);
	title = arena_printf(&b->arena, "%s（%s）", label, sp->name);
	s = page_scope(b, self, title);
	page_crumb_jobtype(b, s, self, jt);
	page_crumb(b, s, self, sp->name, path_specialty(&b->arena, jt->id, sp->id));
	page_crumb(b, s, self, label, NULL);
	scope_text(s, "label", label);
	scope_text(s, "specialty", sp->name);
	scope_list(s, "entries");
	scope_list(s, "undefined");
	for (i = 0; i < sp->nentries; i++) {
		const struct entry *e = &sp->entries[i];
		const struct level *lv = entry_find_level(e, n);
		const char *page = path_skill(&b->arena, jt->id, sp->id,
		    e->skill->id);

		if (lv != NULL && lv->markdown != NULL)
			S_markdown(b, page_link(b, s, "entries", self, e->skill->name,
			    page, path_level_anchor(&b->arena, n)), "html",
			    lv->markdown);
		else
			page_link(b, s, "undefined", self, e->skill->name, page, NULL);
	}
	S_level_link(b, s, self, "prev", jt, sp, S_next_level(jt, sp, n, -1));
	S_level_link(b, s, self, "next", jt, sp, S_next_level(jt, sp, n, +1));
	page_emit(b, PAGE_LEVEL, self, s);
}

/* A knowledge item's place: which skill lists it, at which position. */
struct listing {
	const char	*text;
	size_t		 skill;
	size_t		 item;
};

/* Orders listings by text, then by where they stand. */
static int
S_listing_cmp(const void *a, const void *b)
{
	const struct listing *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	if (c != 0)
		return c;
	if (x->skill != y->skill)
		return x->skill < y->skill ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

/* Orders groups (their first listing) by where they first stand. */
static int
S_first_cmp(const void *a, const void *b)
{
	const struct listing *x = *(const struct listing *const *)a;
	const struct listing *y = *(const struct listing *const *)b;

	if (x->skill != y->skill)
		return x->skill < y->skill ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

/* Adds to item scope it the skills of the listings [g, end) (one text),
 * each with links to its page in the specialties that have it (see
 * S_uses()). */
static void
S_listers(struct builder *b, struct scope *it, const char *self,
    const struct jobtype *jt, const struct listing *g,
    const struct listing *end)
{
	scope_list(it, "skills");
	for (; g < end; g++) {
		const struct skill *k = &jt->skills[g->skill];
		struct scope *k_s;

		if (g + 1 < end && g[1].skill == g->skill)
			continue;	/* listed twice: reported by resolve */
		k_s = scope_item(it, "skills");
		scope_text(k_s, "name", k->name);
		S_uses(b, k_s, "specialties", "more-label", "more-href", self,
		    jt, k, NULL);
	}
}

/* The knowledge-item index of jt: every item once, with the skills that
 * list it, in the order the skills first list them. */
static void
S_knowledge(struct builder *b, const struct jobtype *jt)
{
	const char *self;
	struct scope *s;
	struct listing *v, **groups;
	size_t k, i, n = 0, ng = 0;

	page_reset(b);
	self = path_knowledge(&b->arena, jt->id);
	s = page_scope(b, self, "知識項目索引");
	page_crumb_jobtype(b, s, self, jt);
	page_crumb(b, s, self, "知識項目索引", NULL);
	scope_text(s, "jobtype", jt->name);
	scope_list(s, "items");
	for (k = 0; k < jt->nskills; k++)
		n += jt->skills[k].nknowledge;
	v = xcalloc(n, sizeof(*v));
	groups = xcalloc(n, sizeof(*groups));
	for (n = 0, k = 0; k < jt->nskills; k++)
		for (i = 0; i < jt->skills[k].nknowledge; i++, n++) {
			v[n].text = jt->skills[k].knowledge[i].text;
			v[n].skill = k;
			v[n].item = i;
		}
	if (n > 1)
		qsort(v, n, sizeof(*v), S_listing_cmp);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(v[i].text, v[i - 1].text) != 0)
			groups[ng++] = &v[i];
	if (ng > 1)
		qsort(groups, ng, sizeof(*groups), S_first_cmp);
	for (i = 0; i < ng; i++) {
		const struct listing *end = groups[i];
		struct scope *it = scope_item(s, "items");

		while (end < v + n && strcmp(end->text, groups[i]->text) == 0)
			end++;
		scope_text(it, "text", groups[i]->text);
		scope_text(it, "anchor", jt->skills[groups[i]->skill].
		    knowledge[groups[i]->item].anchor);
		S_listers(b, it, self, jt, groups[i], end);
	}
	free(groups);
	free(v);
	page_emit(b, PAGE_KNOWLEDGE, self, s);
}

/* The comparison page of common skill k: its description in every
 * specialty, level by level, the differing words marked. */
static void
S_compare(struct builder *b, const struct jobtype *jt, const struct skill *k)
{
	const char *self;
	const char **texts = xcalloc(jt->nspecialties + 1, sizeof(*texts));
	struct segment **segs;
	struct scope *s, *row, *cell;
	size_t i;
	char *title;
	int n;

	page_reset(b);
	self = path_compare(&b->arena, jt->id, k->id);
	title = arena_printf(&b->arena, "%s：専門分野の比較", k->name);
	s = page_scope(b, self, title);
	page_crumb_jobtype(b, s, self, jt);
	page_crumb(b, s, self, title, NULL);
	scope_text(s, "name", k->name);
	scope_list(s, "specialties");
	for (i = 0; i < jt->nspecialties; i++)
		page_link(b, s, "specialties", self, jt->specialties[i].name,
		    path_specialty(&b->arena, jt->id, jt->specialties[i].id), NULL);
	scope_list(s, "rows");
	for (n = jt->min_level; n <= jt->max_level; n++) {
		row = scope_item(s, "rows");
		scope_text(row, "label", page_level_label(&b->arena, n));
		scope_list(row, "cells");
		memset(texts, 0, jt->nspecialties * sizeof(*texts));
		for (i = 0; i < k->nuses; i++) {
			const struct level *lv = entry_find_level(
			    k->uses[i].entry, n);

			if (lv != NULL && lv->markdown != NULL)
				texts[k->uses[i].index] = S_plain(b, lv->markdown);
		}
		segs = diff_marks(&b->arena, texts, jt->nspecialties);
		for (i = 0; i < jt->nspecialties; i++) {
			const struct specialty *sp = &jt->specialties[i];

			cell = scope_item(row, "cells");
			scope_flag(cell, "defined", texts[i] != NULL);
			scope_text(cell, "specialty", sp->name);
			scope_text(cell, "skill-href", path_href(&b->arena, self,
			    path_skill(&b->arena, jt->id, sp->id, k->id),
			    path_level_anchor(&b->arena, n)));
			scope_text(cell, "level-href", texts[i] ? path_href(
			    &b->arena, self, path_level(&b->arena, jt->id, sp->id,
			    n), NULL) : "");
			S_segments(b, cell, segs[i]);
		}
	}
	free(texts);
	page_emit(b, PAGE_COMPARE, self, s);
}

/* Returns "prefix-id" (and ".level-N" when n > 0), an anchor of the
 * handbook, in the builder's arena.  IDs hold no ".", so no skill's
 * anchor is another's level ("a" at level 3, and skill "a-level-3"). */
static const char *
S_hb_anchor(struct builder *b, const char *prefix, const char *id, int n)
{
	return n > 0 ? arena_printf(&b->arena, "%s-%s.level-%d", prefix, id, n) :
	    arena_printf(&b->arena, "%s-%s", prefix, id);
}

/* Adds the skill sections of the handbook of sp to s. */
static void
S_hb_skills(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	size_t i, j;
	int n;

	scope_list(s, "skills");
	for (i = 0; i < sp->nentries; i++) {
		const struct entry *e = &sp->entries[i];
		const struct skill *k = e->skill;
		struct scope *k_s = scope_item(s, "skills");

		scope_text(k_s, "name", k->name);
		scope_text(k_s, "anchor", S_hb_anchor(b, "skill", k->id, 0));
		scope_text(k_s, "href", path_href(&b->arena, "", "",
		    S_hb_anchor(b, "skill", k->id, 0)));
		scope_text(k_s, "scope", S_scope_label(k->scope));
		scope_list(k_s, "knowledge");
		for (j = 0; j < k->nknowledge; j++)
			scope_text(scope_item(k_s, "knowledge"), "text",
			    k->knowledge[j].text);
		scope_list(k_s, "levels");
		for (n = jt->min_level; n <= jt->max_level; n++) {
			int defined;

			S_level_item(b, k_s, e, n, S_hb_anchor(b, "skill", k->id,
			    n), &defined);
		}
		S_skill_notes(b, k_s, e);
		page_link(b, s, k->scope == SCOPE_COMMON ? "common-skills" :
		    "specific-skills", "", k->name, "",
		    S_hb_anchor(b, "skill", k->id, 0));
	}
}

/* Adds the summary by level of the handbook of sp to s: each level any
 * skill describes, with every skill's description. */
static void
S_hb_levels(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	size_t i;
	int n;

	scope_list(s, "levels");
	for (n = jt->min_level; n <= jt->max_level; n++) {
		struct scope *l_s;
		char id[16];

		if (!S_level_used(sp, n))
			continue;
		snprintf(id, sizeof(id), "%d", n);
		l_s = scope_item(s, "levels");
		scope_text(l_s, "label", page_level_label(&b->arena, n));
		scope_text(l_s, "anchor", S_hb_anchor(b, "level", id, 0));
		scope_text(l_s, "href", path_href(&b->arena, "", "",
		    S_hb_anchor(b, "level", id, 0)));
		scope_list(l_s, "entries");
		for (i = 0; i < sp->nentries; i++) {
			const struct entry *e = &sp->entries[i];
			const struct level *lv = entry_find_level(e, n);

			if (lv == NULL || lv->markdown == NULL)
				continue;
			S_markdown(b, page_link(b, l_s, "entries", "", e->skill->name,
			    "", S_hb_anchor(b, "skill", e->skill->id, n)), "html",
			    lv->markdown);
		}
	}
}

/* The printable handbook of specialty sp: cover, contents, overview,
 * every skill, a summary by level, the note and the editorial notes.  Its
 * links are anchors within it, but for those back to the site. */
static void
S_handbook(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	const char *self;
	char *title, *source;
	struct scope *s;

	page_reset(b);
	self = path_handbook(&b->arena, sp->id, "html");
	title = arena_printf(&b->arena, "%s ハンドブック", sp->name);
	s = page_scope(b, self, title);
	S_stylesheet(b, s, self, PATH_HANDBOOK_STYLE, "print");
	page_crumb_jobtype(b, s, self, jt);
	page_crumb(b, s, self, sp->name, path_specialty(&b->arena, jt->id, sp->id));
	page_crumb(b, s, self, "ハンドブック", NULL);
	source = arena_printf(&b->arena, "%s「%s」スキル熟達度・知識項目", b->site_name, jt->name);
	scope_text(s, "jobtype", jt->name);
	scope_text(s, "specialty", sp->name);
	scope_text(s, "source", source);
	scope_text(s, "site-href", path_href(&b->arena, self,
	    path_specialty(&b->arena, jt->id, sp->id), NULL));
	scope_text(s, "pdf-href", b->pdf ? path_href(&b->arena, self,
	    path_handbook(&b->arena, sp->id, "pdf"), NULL) : "");
	scope_list(s, "common-skills");
	scope_list(s, "specific-skills");
	S_hb_skills(b, s, jt, sp);
	S_hb_levels(b, s, jt, sp);
	S_markdown(b, s, "annotation", jt->annotation);
	scope_list(s, "notes");
	S_notes(b, s, "notes", &jt->notes);
	S_notes(b, s, "notes", &sp->notes);
	page_emit(b, PAGE_HANDBOOK, self, s);
}

void
pages_home(struct builder *b)
{
	S_home(b);
}

void
pages_specialty(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	size_t j;
	int n;

	S_specialty(b, jt, sp);
	S_handbook(b, jt, sp);
	pages_assessment(b, jt, sp);
	for (j = 0; j < sp->nentries; j++)
		S_skill(b, jt, sp, j);
	for (n = jt->min_level; n <= jt->max_level; n++)
		if (S_level_used(sp, n))
			S_level(b, jt, sp, n);
}

void
pages_jobtype(struct builder *b, const struct jobtype *jt)
{
	size_t i;

	S_knowledge(b, jt);
	for (i = 0; i < jt->nskills; i++)
		if (jt->skills[i].scope == SCOPE_COMMON)
			S_compare(b, jt, &jt->skills[i]);
}
