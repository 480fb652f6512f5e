/* page_specialty.c: the page of a specialty (its skills and the skill x
 * level matrix, each cell the words that set its level apart) and its
 * level pages (the opening most descriptions share, then each skill's
 * description at that level); see page.h. */
#include "page.h"

#include <string.h>

#include "apart.h"
#include "paths.h"
#include "xlsx_layout.h"

/* Adds list "levels" to specialty page s: each level jt defines, linked
 * to its page when sp describes it. */
static void
S_levels(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp)
{
	int n;

	scope_list(s, "levels");
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n)) {
		struct scope *lv = scope_item(s, "levels");

		scope_text(lv, "label", page_level_label(b, n));
		scope_text(lv, "href", page_level_used(sp, n) ?
		    path_href(&b->arena, b->self, path_level(&b->arena, jt->id,
		    sp->id, n), NULL) : "");
	}
}

/* Adds entry e of sp to specialty page s: a link in its scope's list
 * and a row of the matrix, a cell per level jt defines, showing the
 * words that set that level apart; both with the skill's source
 * (page_skill_source()). */
static void
S_row(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e)
{
	const char *self = b->self;
	const char *page = path_skill(&b->arena, jt->id, sp->id, e->skill->id);
	struct scope *row;

	page_skill_source(b, page_link(b, s, e->skill->scope == SCOPE_COMMON ?
	    "common-skills" : "specific-skills", self, e->skill->name, page,
	    NULL), e->skill);
	row = page_link(b, s, "rows", self, e->skill->name, page, NULL);
	page_skill_source(b, row, e->skill);
	page_matrix_cells(b, row, jt, sp, e, page);
}

void
pages_specialty(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct page_at at = { jt, sp, NULL, 0 };
	struct scope *s = page_begin(b, PAGE_SPECIALTY, &at);
	const char *self = b->self;
	size_t i;

	scope_text(s, "jobtype", jt->name);
	scope_text(s, "handbook-href", path_href(&b->arena, self,
	    path_handbook(&b->arena, sp->id, "html"), NULL));
	scope_text(s, "assessment-href", path_href(&b->arena, self,
	    path_assessment(&b->arena, jt->id, sp->id), NULL));
	scope_text(s, "book-href", path_href(&b->arena, self,
	    path_assessment_xlsx(&b->arena, sp->id), NULL));
	scope_text(s, "pdf-href", page_pdf_href(b, sp->id));
	scope_text(s, "xlsx-href", path_href(&b->arena, self,
	    XLSX_FRAMEWORK_PATH, NULL));
	scope_text(s, "map-href", page_map_href(b, sp, "html"));
	scope_text(s, "map-pdf-href", page_map_href(b, sp, "pdf"));
	scope_text(s, "levels-defined", page_levels_defined(b, jt));
	page_notes(b, s, "notes", &sp->notes);
	page_roles(b, s, jt, sp);
	scope_list(s, "common-skills");
	scope_list(s, "specific-skills");
	S_levels(b, s, jt, sp);
	scope_list(s, "rows");
	for (i = 0; i < sp->nentries; i++)
		S_row(b, s, jt, sp, &sp->entries[i]);
	page_emit(b, PAGE_SPECIALTY, s);
}

/* Returns the nearest level from n in direction step (+1 or -1) that sp
 * describes, or 0. */
static int
S_next_level(const struct jobtype *jt, const struct specialty *sp, int n,
    int step)
{
	for (n += step; n >= jt->min_level && n <= jt->max_level; n += step)
		if (page_level_used(sp, n))
			return n;
	return 0;
}

/* Sets field prefix-label and prefix-href of s to level n's page, or to
 * "" when n is 0. */
static void
S_level_link(struct builder *b, struct scope *s, const char *prefix,
    const struct jobtype *jt, const struct specialty *sp, int n)
{
	/* field names outlive s: in the builder's arena */
	const char *label = arena_printf(&b->arena, "%s-label", prefix);
	const char *href = arena_printf(&b->arena, "%s-href", prefix);

	scope_text(s, label, n ? page_level_label(b, n) : "");
	scope_text(s, href, n ? path_href(&b->arena, b->self,
	    path_level(&b->arena, jt->id, sp->id, n), NULL) : "");
}

/* Returns the opening that most descriptions of level n of sp share
 * (apart_opening() on their plain texts), or NULL. */
static const char *
S_level_opening(struct builder *b, const struct specialty *sp, int n)
{
	const char **plain = arena_calloc(&b->arena, sp->nentries ?
	    sp->nentries : 1, sizeof(*plain));
	size_t i;

	for (i = 0; i < sp->nentries; i++) {
		const char *md = entry_level_text(&sp->entries[i], n);

		plain[i] = md != NULL ? page_plain(b, md) : NULL;
	}
	return apart_opening(&b->arena, plain, sp->nentries);
}

/* Returns whether Markdown md is plain paragraphs: its plain text is
 * plain, but that each run of line breaks between paragraphs of md is
 * one line break there. */
static int
S_plain_paragraphs(const char *md, const char *plain)
{
	while (*md != '\0' && *md == *plain) {
		if (*md == '\n' && md[1] == '\n')
			while (md[1] == '\n')
				md++;
		md++;
		plain++;
	}
	return *md == '\0' && *plain == '\0';
}

/* Adds to list "rest" of item the paragraphs of plain Markdown rest, each
 * {text, first}. */
static void
S_rest(struct builder *b, struct scope *item, const char *rest)
{
	const char *end;
	int first = 1;

	scope_list(item, "rest");
	while (*rest != '\0') {
		struct scope *para = scope_item(item, "rest");

		end = strstr(rest, "\n\n");
		if (end == NULL)
			end = rest + strlen(rest);
		scope_text(para, "text", arena_strndup(&b->arena, rest,
		    (size_t)(end - rest)));
		scope_flag(para, "first", first);
		first = 0;
		for (rest = end; *rest == '\n'; rest++)
			;
	}
}

/* Adds entry e's description md of level n to list "entries" of level
 * page s: its name (with its source: page_skill_source()), link and
 * HTML, what tailorings give the level (page_level_company()) and, when
 * it is plain paragraphs that start with opening (not NULL), "shared"
 * and the paragraphs of the "rest" after it; returns whether it is
 * shared. */
static int
S_level_entry(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e, int n,
    const char *md, const char *opening)
{
	const char *page = path_skill(&b->arena, jt->id, sp->id, e->skill->id);
	const char *rest = NULL;
	struct scope *item = page_link(b, s, "entries", b->self,
	    e->skill->name, page, path_level_anchor(&b->arena, n));

	page_skill_source(b, item, e->skill);
	page_level_company(b, item, entry_find_level(e, n));
	if (opening != NULL && S_plain_paragraphs(md, page_plain(b, md)))
		rest = apart_rest(md, opening);
	page_markdown(b, item, "html", md);
	scope_flag(item, "shared", rest != NULL);
	S_rest(b, item, rest != NULL ? rest : "");
	return rest != NULL;
}

/* Adds entry e of sp, which does not describe level n, to list
 * "undefined" of level page s, or to list "hidden" when a tailoring
 * hides the level: a link to the skill's page, with its source. */
static void
S_level_missing(struct builder *b, struct scope *s, const struct jobtype *jt,
    const struct specialty *sp, const struct entry *e, int n)
{
	const struct level *lv = entry_find_level(e, n);

	page_skill_source(b, page_link(b, s, lv != NULL && lv->hidden_by !=
	    NULL ? "hidden" : "undefined", b->self, e->skill->name,
	    path_skill(&b->arena, jt->id, sp->id, e->skill->id), NULL),
	    e->skill);
}

/* The page of level n in specialty sp: what most of its descriptions
 * open with, then each skill's description (without that opening). */
static void
S_level(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp, int n)
{
	struct page_at at = { jt, sp, NULL, n };
	struct scope *s = page_begin(b, PAGE_LEVEL, &at);
	const char *opening = S_level_opening(b, sp, n);
	size_t i;
	int shared = 0;

	scope_text(s, "label", page_level_label(b, n));
	scope_text(s, "specialty", sp->name);
	scope_text(s, "opening", opening != NULL ? opening : "");
	scope_list(s, "entries");
	scope_list(s, "undefined");
	scope_list(s, "hidden");
	for (i = 0; i < sp->nentries; i++) {
		const struct entry *e = &sp->entries[i];
		const char *text = entry_level_text(e, n);

		if (text != NULL)
			shared |= S_level_entry(b, s, jt, sp, e, n, text,
			    opening);
		else
			S_level_missing(b, s, jt, sp, e, n);
	}
	scope_flag(s, "shortened", shared);
	S_level_link(b, s, "prev", jt, sp, S_next_level(jt, sp, n, -1));
	S_level_link(b, s, "next", jt, sp, S_next_level(jt, sp, n, +1));
	page_emit(b, PAGE_LEVEL, s);
}

void
pages_levels(struct builder *b, const struct jobtype *jt,
    const struct specialty *sp)
{
	int n;

	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		if (page_level_used(sp, n))
			S_level(b, jt, sp, n);
}
