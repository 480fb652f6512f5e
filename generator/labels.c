/* labels.c: the words of the pages, read from labels.xml; see labels.h. */
#include "labels.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <unictype.h>
#include <unistr.h>

#include "alloc.h"
#include "load.h"
#include "template.h"
#include "text.h"
#include "xlsx_layout.h"
#include "xmlread.h"

/* The most bytes of an unknown label's name a message shows: the
 * longest known name has 16 characters. */
#define LABEL_NAME_SHOWN	40

/* The placeholders, as bits of a label's declaration. */
enum label_arg { ARG_N, ARG_PAGE, ARG_SITE, ARG_LEVEL, ARG_SKILL,
    ARG_JOBTYPE, ARG_SPECIALTY, ARG_LEVELS, ARG_FROM, ARG_TO, ARG_QUERY,
    ARG_SKILLS, ARG_TOTAL, ARG_ROLE, ARG_RANGE, ARG_CELL, ARG__COUNT };
#define A(x)	(1u << (x))

/* Their names, in the order templates/README.md lists them. */
static const char *const S_arg_names[ARG__COUNT] = { "n", "page", "site",
    "level", "skill", "jobtype", "specialty", "levels", "from", "to",
    "query", "skills", "total", "role", "range", "cell" };

/* A label of the self-assessment workbook without placeholders. */
#define BOOK(l, name, about)	[l] = { name, 0, 0, \
	    "the self-assessment workbook: " about, 0, 0 }

/* Every label: its name in labels.xml, the placeholders it may use,
 * those of them it must use (what tells its pages or items apart),
 * where the pages use it (for templates/README.md), for a
 * comma-separated list of names, how many it names (else 0), and a group
 * (else 0) whose labels must differ from each other, as the pages or
 * items they name do. */
static const struct {
	const char	*name;
	unsigned	 args;
	unsigned	 required;
	const char	*about;
	int		 columns;
	int		 group;
} S_decl[LABEL__COUNT] = {
	[LABEL_SITE_NAME] = { "site-name",
	    0, 0,
	    "the site's name when the framework has none", 0 },
	[LABEL_HOME] = { "home",
	    0, 0,
	    "the home page's breadcrumb", 0 },
	[LABEL_LEVEL] = { "level",
	    A(ARG_N), A(ARG_N),
	    "a level, everywhere", 0 },
	[LABEL_LEVEL_SHORT] = { "level-short",
	    A(ARG_N), A(ARG_N),
	    "a level on the assessment sheet's radios (`short`)", 0 },
	[LABEL_LEVEL_RANGE] = { "level-range",
	    A(ARG_FROM) | A(ARG_TO), A(ARG_FROM) | A(ARG_TO),
	    "three or more levels in a row in `levels-defined`; `{from}` and "
	    "`{to}` are `level` labels", 0 },
	[LABEL_LEVEL_JOIN] = { "level-join",
	    0, 0,
	    "what separates levels and ranges in `levels-defined`", 0 },
	[LABEL_LEVELS_DEFINED] = { "levels-defined",
	    A(ARG_LEVELS), A(ARG_LEVELS),
	    "the sentence naming the levels the job type defines "
	    "(`levels-defined` of the specialty and skill pages and the "
	    "handbook); `{levels}` lists them", 0 },
	[LABEL_SCOPE_COMMON] = { "scope-common",
	    0, 0,
	    "the scope of a common skill (skill page, handbook)", 0, 2 },
	[LABEL_SCOPE_SPECIFIC] = { "scope-specific",
	    0, 0,
	    "the scope of a specialty's own skill", 0, 2 },
	[LABEL_TITLE] = { "title",
	    A(ARG_PAGE) | A(ARG_SITE), A(ARG_PAGE),
	    "the document title (`title`) of every page but the home page; "
	    "`{page}` is the page's heading", 0 },
	[LABEL_TITLE_HOME] = { "title-home",
	    A(ARG_SITE), A(ARG_SITE),
	    "the home page's document title", 0 },
	[LABEL_TITLE_SPECIALTY] = { "title-specialty",
	    A(ARG_SPECIALTY), A(ARG_SPECIALTY),
	    "a specialty page's heading", 0, 1 },
	[LABEL_TITLE_SKILL] = { "title-skill",
	    A(ARG_SKILL) | A(ARG_SPECIALTY),
	    A(ARG_SKILL) | A(ARG_SPECIALTY),
	    "a skill page's heading", 0 },
	[LABEL_TITLE_LEVEL] = { "title-level",
	    A(ARG_LEVEL) | A(ARG_SPECIALTY),
	    A(ARG_LEVEL) | A(ARG_SPECIALTY),
	    "a level page's heading; `{level}` is the `level` label", 0 },
	[LABEL_KNOWLEDGE] = { "knowledge",
	    0, 0,
	    "the knowledge index's heading and breadcrumb", 0 },
	[LABEL_TITLE_COMPARE] = { "title-compare",
	    A(ARG_SKILL), A(ARG_SKILL),
	    "a comparison page's heading and breadcrumb", 0 },
	[LABEL_TITLE_HANDBOOK] = { "title-handbook",
	    A(ARG_SPECIALTY), A(ARG_SPECIALTY),
	    "a handbook's heading", 0, 1 },
	[LABEL_HANDBOOK] = { "handbook",
	    0, 0,
	    "a handbook's breadcrumb", 0 },
	[LABEL_HANDBOOK_SOURCE] = { "handbook-source",
	    A(ARG_SITE) | A(ARG_JOBTYPE), 0,
	    "a handbook's `source`", 0 },
	[LABEL_TITLE_ASSESSMENT] = { "title-assessment",
	    A(ARG_SPECIALTY), A(ARG_SPECIALTY),
	    "an assessment sheet's heading", 0, 1 },
	[LABEL_ASSESSMENT] = { "assessment",
	    0, 0,
	    "an assessment sheet's breadcrumb", 0 },
	[LABEL_LEGEND_CURRENT] = { "legend-current",
	    A(ARG_SKILL), A(ARG_SKILL),
	    "an assessment row's `current-legend`", 0, 3 },
	[LABEL_LEGEND_TARGET] = { "legend-target",
	    A(ARG_SKILL), A(ARG_SKILL),
	    "an assessment row's `target-legend`", 0, 3 },
	[LABEL_ASSESS_GAP] = { "assess-gap",
	    A(ARG_N), A(ARG_N),
	    "a gap of n levels in the sheet's gap list (`gaps`)", 0 },
	[LABEL_USES_MORE] = { "uses-more",
	    A(ARG_N), A(ARG_N),
	    "`others-more-label`, `more-label` and the search results' link "
	    "to the rest of a skill's specialties", 0 },
	[LABEL_SEARCH_CONTEXT] = { "search-context",
	    A(ARG_JOBTYPE) | A(ARG_SPECIALTY),
	    A(ARG_JOBTYPE) | A(ARG_SPECIALTY),
	    "a search result's specialty when the site has several job "
	    "types", 0 },
	[LABEL_CSV_HEADER] = { "csv-header",
	    0, 0,
	    "the CSV download's column names, comma-separated, one per "
	    "column", LABEL_CSV_COLUMNS },
	[LABEL_CSV_ROLES_HEADER] = { "csv-roles-header",
	    0, 0,
	    "the roles' CSV download's column names, comma-separated, one "
	    "per column", LABEL_CSV_ROLE_COLUMNS },
	[LABEL_ABOUT] = { "about",
	    0, 0,
	    "the title and breadcrumb of the page about the text (about.html) "
	    "and the footer's link to it", 0 },
	[LABEL_ASSESS_NONE] = { "assess-none",
	    A(ARG_LEVEL), 0,
	    "the sheet's choice below the job type's lowest level `{level}` "
	    "(`none`)", 0 },
	[LABEL_ASSESS_CLEAR] = { "assess-clear",
	    A(ARG_SKILL), A(ARG_SKILL),
	    "an assessment row's clear button (`clear-label`)", 0 },
	[LABEL_SEARCH_NAME] = { "search-name",
	    0, 0,
	    "search.js: the title of a hit on a skill's name", 0, 4 },
	[LABEL_SEARCH_KNOWLEDGE] = { "search-knowledge",
	    0, 0,
	    "search.js: what a hit on a knowledge item is", 0, 4 },
	[LABEL_SEARCH_LEVEL] = { "search-level",
	    A(ARG_LEVEL), A(ARG_LEVEL),
	    "search.js: the title of a hit on a level's text; `{level}` is "
	    "the `level` label", 0 },
	[LABEL_SEARCH_FOUND] = { "search-found",
	    A(ARG_QUERY) | A(ARG_N) | A(ARG_SKILLS), A(ARG_QUERY) | A(ARG_N),
	    "search.js's status: `{n}` items hold the query as written, in "
	    "`{skills}` skills", 0 },
	[LABEL_SEARCH_PARTIAL] = { "search-partial",
	    A(ARG_QUERY) | A(ARG_N) | A(ARG_SKILLS), A(ARG_N),
	    "search.js's status: `{n}` more items hold some of the query's "
	    "words, in `{skills}` skills", 0 },
	[LABEL_SEARCH_NONE] = { "search-none",
	    A(ARG_QUERY), 0,
	    "search.js's status when nothing is found", 0 },
	[LABEL_SEARCH_SHOWN] = { "search-shown",
	    A(ARG_N) | A(ARG_TOTAL), A(ARG_N),
	    "search.js's status: `{n}` of `{total}` hits are shown", 0 },
	[LABEL_SEARCH_MORE] = { "search-more",
	    A(ARG_N), 0,
	    "search.js's button that shows more hits; `{n}` are left", 0 },
	[LABEL_SEARCH_FILTER] = { "search-filter",
	    0, 0,
	    "search.js: the label of the filter by specialty", 0 },
	[LABEL_SEARCH_ALL] = { "search-all",
	    A(ARG_N), 0,
	    "search.js: the filter's choice of every specialty, `{n}` hits",
	    0 },
	[LABEL_SEARCH_ONE] = { "search-one",
	    A(ARG_SPECIALTY) | A(ARG_N), A(ARG_SPECIALTY),
	    "search.js: the filter's choice of one specialty, `{n}` hits", 0 },
	[LABEL_SEARCH_FILTERED] = { "search-filtered",
	    A(ARG_SPECIALTY) | A(ARG_N), A(ARG_SPECIALTY),
	    "search.js's status: `{n}` hits of `{specialty}` are kept", 0 },
	[LABEL_SEARCH_ALSO] = { "search-also",
	    0, 0,
	    "search.js: before a hit's links to its other specialties", 0 },
	[LABEL_SEARCH_UNCHECKED] = { "search-unchecked",
	    A(ARG_N), A(ARG_N),
	    "search.js's status: `{n}` more items hold the query's words but "
	    "are not checked yet (show more checks them)", 0 },
	[LABEL_TITLE_MAP] = { "title-map",
	    A(ARG_SPECIALTY), A(ARG_SPECIALTY),
	    "a skill map's heading", 0, 1 },
	[LABEL_MAP] = { "map",
	    0, 0,
	    "a skill map's breadcrumb", 0 },
	[LABEL_ALL_SPECIALTIES] = { "all-specialties",
	    0, 0,
	    "the job type's handbook in place of a specialty's name; its "
	    "common skills' specialty in a handbook's table of skills", 0 },
	[LABEL_RESOURCE_TRAINING] = { "resource-training",
	    0, 0,
	    "the kind of a learning resource given as `training`", 0, 3 },
	[LABEL_RESOURCE_EXAM] = { "resource-exam",
	    0, 0,
	    "the kind of a learning resource given as `exam`", 0, 3 },
	[LABEL_RESOURCE_BOOK] = { "resource-book",
	    0, 0,
	    "the kind of a learning resource given as `book`", 0, 3 },
	[LABEL_RESOURCE_ELEARNING] = { "resource-e-learning",
	    0, 0,
	    "the kind of a learning resource given as `e-learning`", 0, 3 },
	[LABEL_RESOURCE_OJT] = { "resource-ojt",
	    0, 0,
	    "the kind of a learning resource given as `ojt`", 0, 3 },
	[LABEL_TITLE_ROLE] = { "title-role",
	    A(ARG_ROLE) | A(ARG_SPECIALTY), A(ARG_ROLE),
	    "a role profile's page", 0 },
	[LABEL_ROLE] = { "role",
	    0, 0,
	    "a role profile page's breadcrumb", 0 },
	[LABEL_TITLE_TAILORING] = { "title-tailoring",
	    A(ARG_JOBTYPE), 0,
	    "the tailoring report of a job type", 0 },
	[LABEL_TAILORING] = { "tailoring",
	    0, 0,
	    "the tailoring report's breadcrumb", 0 },
	[LABEL_XLSX_FONT] = { "xlsx-font",
	    0, 0,
	    "the font family of the Excel workbooks' text, a name both Excel "
	    "and LibreOffice know", 0 },
	[LABEL_XLSX_SHEET_CONTENTS] = { "xlsx-sheet-contents",
	    0, 0,
	    "framework.xlsx: the contents sheet's name", 0, 5 },
	[LABEL_XLSX_SHEET_KNOWLEDGE] = { "xlsx-sheet-knowledge",
	    0, 0,
	    "framework.xlsx: the knowledge items' sheet's name (and title)",
	    0, 5 },
	[LABEL_XLSX_SHEET_NOTES] = { "xlsx-sheet-notes",
	    0, 0,
	    "framework.xlsx: the editorial notes' sheet's name (and title)",
	    0, 5 },
	[LABEL_XLSX_SHEET_TEXTS] = { "xlsx-sheet-texts",
	    0, 0,
	    "framework.xlsx: the company level texts' sheet's name (and "
	    "title)", 0, 5 },
	[LABEL_XLSX_SHEET_RESOURCES] = { "xlsx-sheet-resources",
	    0, 0,
	    "framework.xlsx: the learning resources' sheet's name (and "
	    "title)", 0, 5 },
	[LABEL_XLSX_SHEET_ROLES] = { "xlsx-sheet-roles",
	    0, 0,
	    "framework.xlsx: the roles' sheet's name (and title)", 0, 5 },
	[LABEL_XLSX_CONTENTS_HEADER] = { "xlsx-contents-header",
	    0, 0,
	    "framework.xlsx: the contents table's column names (sheet, what "
	    "it holds)", 2 },
	[LABEL_XLSX_MATRIX_HEADER] = { "xlsx-matrix-header",
	    0, 0,
	    "framework.xlsx: a matrix sheet's first column names (before "
	    "the `level` columns; see generator/xlsx_layout.h)",
	    XLSX_MATRIX_FIXED_COLUMNS },
	[LABEL_XLSX_KNOWLEDGE_HEADER] = { "xlsx-knowledge-header",
	    0, 0,
	    "framework.xlsx: the knowledge items' column names",
	    XLSX_KN__COUNT },
	[LABEL_XLSX_NOTES_HEADER] = { "xlsx-notes-header",
	    0, 0,
	    "framework.xlsx: the notes' column names", XLSX_NOTE__COUNT },
	[LABEL_XLSX_TEXTS_HEADER] = { "xlsx-texts-header",
	    0, 0,
	    "framework.xlsx: the company level texts' column names",
	    XLSX_TX__COUNT },
	[LABEL_XLSX_RESOURCES_HEADER] = { "xlsx-resources-header",
	    0, 0,
	    "framework.xlsx: the learning resources' column names",
	    XLSX_RS__COUNT },
	[LABEL_XLSX_SCOPE_COMMON] = { "xlsx-scope-common",
	    0, 0,
	    "framework.xlsx: a common skill's scope cell", 0, 6 },
	[LABEL_XLSX_SCOPE_SPECIFIC] = { "xlsx-scope-specific",
	    0, 0,
	    "framework.xlsx: a specialty's own skill's scope cell", 0, 6 },
	[LABEL_XLSX_ABOUT_MATRIX] = { "xlsx-about-matrix",
	    A(ARG_JOBTYPE) | A(ARG_SPECIALTY), A(ARG_SPECIALTY),
	    "framework.xlsx's contents: what a matrix sheet holds", 0 },
	[LABEL_XLSX_ABOUT_KNOWLEDGE] = { "xlsx-about-knowledge",
	    0, 0,
	    "framework.xlsx's contents: what the knowledge items' sheet "
	    "holds", 0 },
	[LABEL_XLSX_ABOUT_NOTES] = { "xlsx-about-notes",
	    0, 0,
	    "framework.xlsx's contents: what the notes' sheet holds", 0 },
	[LABEL_XLSX_ABOUT_TEXTS] = { "xlsx-about-texts",
	    0, 0,
	    "framework.xlsx's contents: what the company texts' sheet "
	    "holds", 0 },
	[LABEL_XLSX_ABOUT_RESOURCES] = { "xlsx-about-resources",
	    0, 0,
	    "framework.xlsx's contents: what the learning resources' sheet "
	    "holds", 0 },
	[LABEL_XLSX_ABOUT_ROLES] = { "xlsx-about-roles",
	    0, 0,
	    "framework.xlsx's contents: what the roles' sheet holds", 0 },
	[LABEL_XLSX_PRINT] = { "xlsx-print",
	    0, 0,
	    "framework.xlsx's contents: how its sheets print", 0 },
	[LABEL_XLSX_VERBATIM] = { "xlsx-verbatim",
	    0, 0,
	    "framework.xlsx's contents: that texts are the source's "
	    "Markdown, and edits go back with skillsite import", 0 },
	[LABEL_BOOK_TITLE] = { "book-title",
	    A(ARG_JOBTYPE) | A(ARG_SPECIALTY), A(ARG_SPECIALTY),
	    "the self-assessment workbook's title, above its sheet and in "
	    "its print header", 0, 0 },
	[LABEL_BOOK_SHEET] = { "book-sheet", 0, 0,
	    "the self-assessment workbook: the name of the sheet to fill in "
	    "(31 characters at most, none of `[]:*?/\\`)", 0, 5 },
	[LABEL_BOOK_TEAM_SHEET] = { "book-team-sheet", 0, 0,
	    "the self-assessment workbook: the name of the team sheet", 0, 5 },
	BOOK(LABEL_BOOK_HOW, "book-how", "how to fill it in"),
	BOOK(LABEL_BOOK_NAME, "book-name", "the field of one's name"),
	BOOK(LABEL_BOOK_UNIT, "book-unit", "the field of one's department"),
	BOOK(LABEL_BOOK_DATE, "book-date", "the field of the date filled in"),
	BOOK(LABEL_BOOK_BOSS, "book-boss", "the heading of the supervisor's "
	    "confirmation"),
	BOOK(LABEL_BOOK_BOSS_NAME, "book-boss-name", "the field of the "
	    "supervisor's name"),
	BOOK(LABEL_BOOK_BOSS_DATE, "book-boss-date", "the field of the date "
	    "confirmed"),
	BOOK(LABEL_BOOK_COMMENT, "book-comment", "the supervisor's comment"),
	BOOK(LABEL_BOOK_SEAL, "book-seal", "above the box for a seal or "
	    "signature"),
	BOOK(LABEL_BOOK_SKILL, "book-skill", "the column of skills"),
	BOOK(LABEL_BOOK_CURRENT, "book-current", "the column of current "
	    "levels"),
	BOOK(LABEL_BOOK_TARGET, "book-target", "the column of target levels"),
	BOOK(LABEL_BOOK_GAP, "book-gap", "the column of gaps"),
	[LABEL_BOOK_ROLE] = { "book-role",
	    A(ARG_ROLE), A(ARG_ROLE),
	    "the self-assessment workbook: the column of a role's targets", 0, 0 },
	BOOK(LABEL_BOOK_GAP_NOTE, "book-gap-note", "what a gap means, under "
	    "the table"),
	BOOK(LABEL_BOOK_NO_TARGET, "book-no-target", "a role's cell for a "
	    "skill it sets no target for"),
	BOOK(LABEL_BOOK_UNDEFINED, "book-undefined", "a level's cell for a "
	    "skill that does not define it"),
	BOOK(LABEL_BOOK_CHOOSE, "book-choose", "the message when a choice "
	    "is not one of the list's"),
	[LABEL_BOOK_TEAM_TITLE] = { "book-team-title",
	    A(ARG_JOBTYPE) | A(ARG_SPECIALTY), A(ARG_SPECIALTY),
	    "the self-assessment workbook: the team sheet's title", 0, 0 },
	[LABEL_BOOK_TEAM_HOW] = { "book-team-how",
	    A(ARG_RANGE) | A(ARG_CELL), A(ARG_RANGE) | A(ARG_CELL),
	    "the self-assessment workbook: what a team lead copies (`{range}` "
	    "of the sheet filled in) and where to paste it (from `{cell}` of "
	    "the team sheet down)", 0, 0 },
	BOOK(LABEL_BOOK_TEAM_COUNTS, "book-team-counts", "above the team "
	    "sheet's counts of members per current level"),
	BOOK(LABEL_BOOK_TEAM_ANSWERS, "book-team-answers", "the team sheet's "
	    "column of members who chose a current level"),
	BOOK(LABEL_BOOK_TEAM_BELOW, "book-team-below", "the team sheet's "
	    "column of members below their target"),
	BOOK(LABEL_BOOK_TEAM_AVERAGE, "book-team-average", "the team sheet's "
	    "column of average gaps"),
	BOOK(LABEL_BOOK_TEAM_PASTE, "book-team-paste", "the heading of the "
	    "team sheet's area to paste into"),
	BOOK(LABEL_BOOK_TEAM_MEMBER, "book-team-member", "the paste area's "
	    "column for a member's name"),
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
	struct arena	 a;		/* scratch text */
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

/* Checks that label l (element n) uses each placeholder it must, those
 * in seen. */
static void
S_check_required(struct reader *r, const xmlNode *n, enum label l,
    unsigned seen)
{
	int k;

	for (k = 0; k < ARG__COUNT; k++)
		if ((S_decl[l].required & A(k)) && !(seen & A(k)))
			S_error(r, n, "label '%s' must use the placeholder "
			    "'{%s}'", S_decl[l].name, S_arg_names[k]);
}

/* Checks the placeholder of label l (element n) that opens at p, closed
 * at end, where seen holds those used before it: one l may use, not used
 * yet.  Returns it, or ARG__COUNT after reporting why not. */
static enum label_arg
S_check_arg(struct reader *r, const xmlNode *n, enum label l,
    const char *p, const char *end, unsigned seen)
{
	enum label_arg k = S_find_arg(p + 1, (size_t)(end - p - 1));
	int len = (int)(end - p + 1);

	if (k == ARG__COUNT || !(S_decl[l].args & A(k)))
		S_error(r, n, "label '%s' has no placeholder '%.*s'",
		    S_decl[l].name, len, p);
	else if (seen & A(k))
		S_error(r, n, "label '%s' uses the placeholder '%.*s' twice",
		    S_decl[l].name, len, p);
	else
		return k;
	return ARG__COUNT;
}

/* Checks the text of label l (element n): every '{' opens a placeholder
 * l may use and has not used yet, closed by the next '}', no '}' stands
 * alone, and every placeholder l must use is there.  Reports the first
 * problem only. */
static void
S_check_text(struct reader *r, const xmlNode *n, enum label l,
    const char *text)
{
	const char *p, *end, *what = NULL;
	enum label_arg k;
	unsigned seen = 0;

	for (p = text; *p != '\0' && what == NULL; p++) {
		if (*p == '}')
			what = "a '}' that closes no placeholder";
		else if (*p != '{')
			continue;
		else if ((end = strpbrk(p + 1, "{}")) == NULL || *end == '{')
			what = "a '{' that no '}' closes";
		else if ((k = S_check_arg(r, n, l, p, end, seen)) == ARG__COUNT)
			return;
		else {
			seen |= A(k);
			p = end;
		}
	}
	if (what != NULL)
		S_error(r, n, "label '%s': %s", S_decl[l].name, what);
	else
		S_check_required(r, n, l, seen);
}

/* Returns what keeps text (trimmed) from being one line of visible
 * text, setting *c to the character at fault (0: none), or NULL: a line
 * break, a control character (a tab, C1), a bidirectional control, a
 * default-ignorable character (U+200B, U+00AD, U+FEFF), a noncharacter,
 * or nothing visible at all. */
static const char *
S_line_flaw(const char *text, unsigned *c)
{
	const uint8_t *u = (const uint8_t *)text, *end = u + strlen(text);
	ucs4_t uc;
	int n;

	switch (text_line_flaw(text, c)) {
	case TEXT_INVISIBLE:	*c = 0; return "is empty";
	case TEXT_BREAK:	return "holds a line break";
	case TEXT_BIDI:		return "holds a bidirectional control";
	case TEXT_NONCHAR:	return "holds a noncharacter";
	default:		break;
	}
	for (; u < end; u += n) {
		n = u8_mbtouc(&uc, u, (size_t)(end - u));
		*c = uc;
		if (uc == '\n' || uc == '\r')
			return "holds a line break";
		if (uc_is_general_category(uc, UC_CATEGORY_Cc))
			return "holds a control character";
		if (uc_is_property_default_ignorable_code_point(uc))
			return "holds an invisible character";
	}
	return NULL;
}

/* Returns whether the name of len bytes at s starts or ends with white
 * space (U+0020, U+3000, ...). */
static int
S_padded(const char *s, size_t len)
{
	const uint8_t *u = (const uint8_t *)s;
	const uint8_t *last = u8_prev(&(ucs4_t){ 0 }, u + len, u);
	ucs4_t first, end;

	if (len == 0 || last == NULL)
		return 0;
	u8_mbtouc(&first, u, len);
	u8_mbtouc(&end, last, (size_t)(u + len - last));
	return uc_is_property_white_space(first) ||
	    uc_is_property_white_space(end);
}

/* Checks that the text of label l (element n), a list of names, names
 * S_decl[l].columns, none of them empty or with white space at its
 * edges. */
static void
S_check_columns(struct reader *r, const xmlNode *n, enum label l,
    const char *text)
{
	const char *p = text, *comma;
	const char *flaw;
	size_t len;
	int count = 0;

	for (;; p = comma + 1) {
		comma = strchr(p, ',');
		len = comma != NULL ? (size_t)(comma - p) : strlen(p);
		count++;
		flaw = !text_has_visible(arena_strndup(&r->a, p, len)) ?
		    "has no name" : S_padded(p, len) ?
		    "has white space at an edge of its name" : NULL;
		if (flaw != NULL) {
			S_error(r, n, "label '%s': column %d %s",
			    S_decl[l].name, count, flaw);
			return;
		}
		if (comma == NULL)
			break;
	}
	if (count != S_decl[l].columns)
		S_error(r, n, "label '%s' must name %d columns, not %d",
		    S_decl[l].name, S_decl[l].columns, count);
}

/* Sets the text of label l from element n, trimmed of XML white space,
 * and checks it: one line of visible text of at most LABELS_TEXT_MAX
 * characters whose placeholders l may and must use (and, for a list, its
 * names). */
static void
S_set_text(struct reader *r, xmlNode *n, enum label l)
{
	xmlChar *content = xmlNodeGetContent(n);
	const char *text, *flaw;
	unsigned c = 0;
	int has_break;

	text = text_trim(&r->a, content != NULL ? (const char *)content : "",
	    &has_break);
	xmlFree(content);
	r->where[l] = n;
	r->l->text[l] = xstrdup(text);
	if ((flaw = S_line_flaw(text, &c)) != NULL && c != 0)
		S_error(r, n, "label '%s' %s (U+%04X)", S_decl[l].name, flaw, c);
	else if (flaw != NULL)
		S_error(r, n, "label '%s' %s", S_decl[l].name, flaw);
	else if (u8_mbsnlen((const uint8_t *)text, strlen(text)) >
	    LABELS_TEXT_MAX)
		S_error(r, n, "label '%s' is longer than %d characters",
		    S_decl[l].name, LABELS_TEXT_MAX);
	else {
		if (S_decl[l].columns > 0)
			S_check_columns(r, n, l, text);
		S_check_text(r, n, l, text);
	}
}

/* Reports each attribute of element n but the one called allowed (in
 * no namespace), by its name as written (prefix:name); returns how many
 * there are. */
static int
S_check_attrs(struct reader *r, const xmlNode *n, const char *allowed)
{
	const xmlAttr *at;
	int bad = 0;

	for (at = n->properties; at != NULL; at = at->next)
		if (at->ns != NULL || strcmp((const char *)at->name,
		    allowed) != 0) {
			S_error(r, n, "unknown attribute '%s%s%s' on <%s>",
			    at->ns != NULL && at->ns->prefix != NULL ?
			    (const char *)at->ns->prefix : "",
			    at->ns != NULL && at->ns->prefix != NULL ? ":" : "",
			    (const char *)at->name, (const char *)n->name);
			bad++;
		}
	return bad;
}

/* Returns whether element n holds anything but text and comments. */
static int
S_holds_markup(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type != XML_TEXT_NODE && c->type != XML_COMMENT_NODE)
			return 1;
	return 0;
}

/* Reads element n, a <label>, into r.  A label with a problem of its
 * own (an element in it, an unknown attribute) still counts as given,
 * so that it is not also reported missing. */
static void
S_read_label(struct reader *r, xmlNode *n)
{
	xmlChar *name = xmlGetNoNsProp(n, BAD_CAST "name");
	int bad = S_check_attrs(r, n, "name");
	enum label l;

	if (S_holds_markup(n)) {
		S_error(r, n, "a label holds text only");
		bad++;
	}
	if (name == NULL)
		S_error(r, n, "a label without a name");
	else if ((l = S_find((const char *)name)) == LABEL__COUNT)
		S_error(r, n, "unknown label '%.*s%s'", LABEL_NAME_SHOWN,
		    (const char *)name, strlen((const char *)name) >
		    LABEL_NAME_SHOWN ? "..." : "");
	else if (r->where[l] != NULL)
		S_error(r, n, "label '%s' given twice", S_decl[l].name);
	else if (bad > 0)
		r->where[l] = n;
	else
		S_set_text(r, n, l);
	xmlFree(name);
}

/* Reads the digits attribute of root into r: the ten decimal digits 0
 * to 9 of one script (general category Nd, U+0030-U+0039,
 * U+FF10-U+FF19, ...), in order, one character each. */
static void
S_read_digits(struct reader *r, xmlNode *root)
{
	xmlChar *v = xmlGetNoNsProp(root, BAD_CAST "digits");
	const uint8_t *p = v, *end = v != NULL ? p + strlen((char *)v) : v;
	ucs4_t uc, zero = 0;
	int k, n;

	for (k = 0; p != NULL && p < end && k < 10; k++, p += n) {
		n = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (k == 0)
			zero = uc;
		if (!uc_is_general_category(uc, UC_CATEGORY_Nd) ||
		    uc_decimal_value(uc) != k || uc != zero + (ucs4_t)k)
			break;
		memcpy(r->l->digits[k], p, (size_t)n);
	}
	if (k < 10 || p != end)
		S_error(r, root, "the root's digits must be ten characters, "
		    "the decimal digits 0 to 9 of one script, in order");
	xmlFree(v);
}

/* Reports node n of the root element root that is no label, comment or
 * XML white space: libxml2 does not say where text starts, so at the
 * element that follows n, else at the root. */
static void
S_stray(struct reader *r, const xmlNode *root, const xmlNode *n)
{
	const xmlNode *next = n->next;
	const char *text = (const char *)n->content;
	const char *what = n->type == XML_PI_NODE ? "a processing instruction"
	    : "text";

	if (n->type != XML_PI_NODE && (text == NULL ||
	    text[strspn(text, " \t\r\n")] == '\0'))
		return;
	while (next != NULL && next->type != XML_ELEMENT_NODE)
		next = next->next;
	if (next != NULL)
		S_error(r, next, "%s outside the labels, just before this "
		    "element", what);
	else
		S_error(r, root, "%s outside the labels, after the last one",
		    what);
}

/* Reads child n of the root element root into r: a <label>, a comment,
 * or XML white space. */
static void
S_read_child(struct reader *r, const xmlNode *root, xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
	    n->type == XML_PI_NODE)
		S_stray(r, root, n);
	else if (n->type != XML_ELEMENT_NODE)
		return;
	else if (strcmp((const char *)n->name, "label") != 0 || n->ns != NULL)
		S_error(r, n, "unknown element <%s>%s", (const char *)n->name,
		    n->ns != NULL ? " (in a namespace)" : "");
	else
		S_read_label(r, n);
}

/* Reports each label read whose text is that of an earlier label of
 * its group: the pages or items they name could not be told apart. */
static void
S_check_groups(struct reader *r)
{
	int l, k;

	for (l = 0; l < LABEL__COUNT; l++)
		for (k = 0; k < l && S_decl[l].group != 0; k++)
			if (S_decl[k].group == S_decl[l].group &&
			    r->l->text[l] != NULL && r->l->text[k] != NULL &&
			    strcmp(r->l->text[l], r->l->text[k]) == 0) {
				S_error(r, r->where[l], "label '%s' reads as "
				    "label '%s' does", S_decl[l].name,
				    S_decl[k].name);
				break;
			}
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
		S_check_attrs(r, root, "digits");
		S_read_digits(r, root);
		for (n = root->children; n != NULL; n = n->next)
			S_read_child(r, root, n);
		for (l = 0; l < LABEL__COUNT; l++)
			if (r->where[l] == NULL)
				S_error(r, root, "label '%s' is missing",
				    S_decl[l].name);
		S_check_groups(r);
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
	arena_init(&r.a);
	if ((doc = xmlread_parse(&r.map, "XML", NULL, d)) != NULL)
		S_read(&r, doc);
	xmlFreeDoc(doc);
	srcmap_free(&r.map);
	arena_free(&r.a);
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
	char ascii[32], *out, *o;
	const char *p;

	snprintf(ascii, sizeof(ascii), "%ld", n);
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
	case ARG_PAGE:		v = args->page; break;
	case ARG_LEVELS:	v = args->levels; break;
	case ARG_FROM:		v = args->from; break;
	case ARG_TO:		v = args->to; break;
	case ARG_ROLE:		v = args->role; break;
	case ARG_RANGE:		v = args->range; break;
	case ARG_CELL:		v = args->cell; break;
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

/* Returns, in arena a, out followed by the placeholders of mask, each
 * in backquotes and braces, separated by commas. */
static char *
S_arg_list(struct arena *a, char *out, unsigned mask)
{
	const char *sep = " ";
	int k;

	for (k = 0; k < ARG__COUNT; k++)
		if (mask & A(k)) {
			out = arena_printf(a, "%s%s`{%s}`", out, sep,
			    S_arg_names[k]);
			sep = ", ";
		}
	return out;
}

/* Returns, in arena a, out followed by the labels label l must differ
 * from, if any: " (must differ from `a`, `b`)". */
static char *
S_group_list(struct arena *a, char *out, int l)
{
	const char *sep = " (must differ from ";
	int k;

	for (k = 0; k < LABEL__COUNT && S_decl[l].group != 0; k++)
		if (k != l && S_decl[k].group == S_decl[l].group) {
			out = arena_printf(a, "%s%s`%s`", out, sep,
			    S_decl[k].name);
			sep = ", ";
		}
	return *sep == ',' ? arena_printf(a, "%s)", out) : out;
}

/* Returns the table of the labels for templates/README.md, in arena a:
 * each label's name, the placeholders it must and may use and where the
 * pages use it. */
static char *
S_table(struct arena *a)
{
	char *out = arena_printf(a, "%s\n\n| label | must use | may use | "
	    "where |\n| --- | --- | --- | --- |\n", LABELS_README_MARK);
	int l;

	for (l = 0; l < LABEL__COUNT; l++) {
		out = arena_printf(a, "%s| `%s` |", out, S_decl[l].name);
		out = arena_printf(a, "%s |", S_arg_list(a, out,
		    S_decl[l].required));
		out = arena_printf(a, "%s | %s", S_arg_list(a, out,
		    S_decl[l].args & ~S_decl[l].required), S_decl[l].about);
		out = S_group_list(a, out, l);
		if (S_decl[l].columns > 0)
			out = arena_printf(a, "%s (exactly %d, none empty or "
			    "with white space at its edges)", out,
			    S_decl[l].columns);
		out = arena_printf(a, "%s |\n", out);
	}
	return out;
}

char *
labels_readme(const char *readme)
{
	const char *start = strstr(readme, "\n## Labels\n"), *end;
	struct arena a;
	char *out;

	if (start == NULL || (end = strstr(start + 1, "\n## ")) == NULL)
		end = start != NULL ? start + strlen(start) : NULL;
	else
		end++;
	if (start == NULL || (start = strstr(start, LABELS_README_MARK)) ==
	    NULL || start > end)
		return NULL;
	arena_init(&a);
	out = xasprintf("%.*s%s%s%s", (int)(start - readme), readme,
	    S_table(&a), *end != '\0' ? "\n" : "", end);
	arena_free(&a);
	return out;
}
