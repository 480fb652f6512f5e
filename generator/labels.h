/* labels.h: the words of the pages, from the templates folder.
 *
 * Every word the generator writes into a page (titles, breadcrumbs,
 * level names, scope names, the CSV header, ...) comes from labels.xml
 * beside the templates, never from C:
 *
 *	<labels digits="０１２３４５６７８９">
 *	  <label name="title-skill">{skill}（{specialty}）</label>
 *	  ...
 *	</labels>
 *
 * The set of labels, the placeholders each may use and those it must use
 * (what tells its pages apart: {n} in level, {skill} in title-skill) are
 * declared here and in labels.c: a missing, unknown or repeated label,
 * an unknown placeholder, one used twice or missing where it must be, or
 * a brace that opens or closes nothing is an error at
 * labels.xml:line:col, as is a label that is empty once trimmed of XML
 * white space, longer than LABELS_TEXT_MAX characters, or holds a line
 * break, a control, bidirectional or invisible character, a CSV column
 * name with white space at an edge, two labels of different pages that
 * read the same (title-specialty and title-handbook), and text outside
 * the labels.  So a
 * label expands to at most its own text plus one copy of each value.
 * Numbers ({n}) are written with the ten digits the root declares (the
 * decimal digits 0 to 9 of one script), so the whole site has one digit
 * style.  templates/README.md's table of the
 * labels is written from their declarations (labels_readme()).
 */
#ifndef SKILLSITE_LABELS_H
#define SKILLSITE_LABELS_H

#include "arena.h"
#include "diag.h"

/* The labels, each with the placeholders it may use. */
enum label {
	LABEL_SITE_NAME,	/* the site's name when the framework has none */
	LABEL_HOME,		/* breadcrumb of the home page */
	LABEL_LEVEL,		/* a level: {n} */
	LABEL_LEVEL_SHORT,	/* a level, short (assessment sheet): {n} */
	LABEL_LEVEL_RANGE,	/* levels in a row: {from} {to} */
	LABEL_LEVEL_JOIN,	/* between levels, or ranges, in a list */
	LABEL_LEVELS_DEFINED,	/* the levels a job type defines: {levels} */
	LABEL_SCOPE_COMMON,	/* a skill common to the job type */
	LABEL_SCOPE_SPECIFIC,	/* a skill of one specialty */
	LABEL_TITLE,		/* a page's document title: {page} {site} */
	LABEL_TITLE_HOME,	/* the home page's document title: {site} */
	LABEL_TITLE_SPECIALTY,	/* {specialty} */
	LABEL_TITLE_SKILL,	/* {skill} {specialty} */
	LABEL_TITLE_LEVEL,	/* {level} {specialty} */
	LABEL_KNOWLEDGE,	/* title and breadcrumb of the knowledge index */
	LABEL_TITLE_COMPARE,	/* {skill} */
	LABEL_TITLE_HANDBOOK,	/* {specialty} */
	LABEL_HANDBOOK,		/* breadcrumb of a handbook */
	LABEL_HANDBOOK_SOURCE,	/* {site} {jobtype} */
	LABEL_TITLE_ASSESSMENT,	/* {specialty} */
	LABEL_ASSESSMENT,	/* breadcrumb of an assessment sheet */
	LABEL_LEGEND_CURRENT,	/* {skill} */
	LABEL_LEGEND_TARGET,	/* {skill} */
	LABEL_ASSESS_GAP,	/* a gap of {n} levels */
	LABEL_USES_MORE,	/* {n} more specialties */
	LABEL_SEARCH_CONTEXT,	/* {jobtype} {specialty} */
	LABEL_CSV_HEADER,	/* the CSV's column names, comma-separated */
	LABEL_CSV_ROLES_HEADER,	/* the roles' CSV's column names, likewise */
	LABEL_ABOUT,		/* title and breadcrumb of the page about the text */
	LABEL_ASSESS_NONE,	/* below the lowest level: {level} */
	LABEL_ASSESS_CLEAR,	/* a row's clear button: {skill} */
	LABEL_SEARCH_NAME,	/* a search hit on a skill's name */
	LABEL_SEARCH_KNOWLEDGE,	/* a search hit on a knowledge item */
	LABEL_SEARCH_LEVEL,	/* a search hit on a level's text: {level} */
	LABEL_SEARCH_FOUND,	/* {query} {n} {skills}: hits as written */
	LABEL_SEARCH_PARTIAL,	/* {n} {skills}: hits on some of its words */
	LABEL_SEARCH_NONE,	/* nothing found: {query} */
	LABEL_SEARCH_SHOWN,	/* {n} shown of {total} */
	LABEL_SEARCH_MORE,	/* the show-more button: {n} left */
	LABEL_SEARCH_FILTER,	/* the specialty filter's label */
	LABEL_SEARCH_ALL,	/* the filter's choice of all: {n} */
	LABEL_SEARCH_ONE,	/* the filter's choice of one: {specialty} {n} */
	LABEL_SEARCH_FILTERED,	/* {specialty} {n}: the filter's effect */
	LABEL_SEARCH_ALSO,	/* before a hit's other specialties */
	LABEL_SEARCH_UNCHECKED,	/* {n} candidates not checked yet */
	LABEL_TITLE_MAP,	/* {specialty}: a skill map's heading */
	LABEL_MAP,		/* a skill map's breadcrumb */
	LABEL_ALL_SPECIALTIES,	/* the job type's handbook, the common row */
	LABEL_RESOURCE_TRAINING, /* the kinds of learning resource */
	LABEL_RESOURCE_EXAM,
	LABEL_RESOURCE_BOOK,
	LABEL_RESOURCE_ELEARNING,
	LABEL_RESOURCE_OJT,
	LABEL_TITLE_ROLE,	/* a role's page: {role} {specialty} */
	LABEL_ROLE,		/* a role page's breadcrumb */
	LABEL_TITLE_TAILORING,	/* the tailoring report: {jobtype} */
	LABEL_TAILORING,	/* the tailoring report's breadcrumb */
	LABEL_XLSX_FONT,	/* the workbooks' font family */
	LABEL_XLSX_SHEET_CONTENTS, /* framework.xlsx's sheet names */
	LABEL_XLSX_SHEET_KNOWLEDGE,
	LABEL_XLSX_SHEET_NOTES,
	LABEL_XLSX_SHEET_TEXTS,
	LABEL_XLSX_SHEET_RESOURCES,
	LABEL_XLSX_SHEET_ROLES,
	LABEL_XLSX_CONTENTS_HEADER, /* its tables' column names */
	LABEL_XLSX_MATRIX_HEADER,
	LABEL_XLSX_KNOWLEDGE_HEADER,
	LABEL_XLSX_NOTES_HEADER,
	LABEL_XLSX_TEXTS_HEADER,
	LABEL_XLSX_RESOURCES_HEADER,
	LABEL_XLSX_SCOPE_COMMON, /* a matrix's scope cells */
	LABEL_XLSX_SCOPE_SPECIFIC,
	LABEL_XLSX_ABOUT_MATRIX, /* the contents: {jobtype} {specialty} */
	LABEL_XLSX_ABOUT_KNOWLEDGE, /* the contents' words on each sheet */
	LABEL_XLSX_ABOUT_NOTES,
	LABEL_XLSX_ABOUT_TEXTS,
	LABEL_XLSX_ABOUT_RESOURCES,
	LABEL_XLSX_ABOUT_ROLES,
	LABEL_XLSX_PRINT,	/* the contents: how the sheets print */
	LABEL_XLSX_VERBATIM,	/* the contents: texts verbatim, import */
	/* The self-assessment workbook (xlsx_assess.h): */
	LABEL_BOOK_TITLE,	/* its title: {jobtype} {specialty} */
	LABEL_BOOK_SHEET,	/* the name of its sheet to fill in */
	LABEL_BOOK_TEAM_SHEET,	/* the name of its team sheet */
	LABEL_BOOK_HOW,		/* how to fill it in */
	LABEL_BOOK_NAME,	/* the fields to fill in ... */
	LABEL_BOOK_UNIT,
	LABEL_BOOK_DATE,
	LABEL_BOOK_BOSS,
	LABEL_BOOK_BOSS_NAME,
	LABEL_BOOK_BOSS_DATE,
	LABEL_BOOK_COMMENT,
	LABEL_BOOK_SEAL,	/* ... and the box for a seal */
	LABEL_BOOK_SKILL,	/* the table's columns ... */
	LABEL_BOOK_CURRENT,
	LABEL_BOOK_TARGET,
	LABEL_BOOK_GAP,
	LABEL_BOOK_ROLE,	/* a role's targets: {role} */
	LABEL_BOOK_GAP_NOTE,	/* what a gap means */
	LABEL_BOOK_NO_TARGET,	/* a role without a target for a skill */
	LABEL_BOOK_UNDEFINED,	/* a level a skill does not define */
	LABEL_BOOK_CHOOSE,	/* a choice not in the list */
	LABEL_BOOK_TEAM_TITLE,	/* the team sheet's: {jobtype} {specialty} */
	LABEL_BOOK_TEAM_HOW,	/* what to paste: {range} {cell} */
	LABEL_BOOK_TEAM_COUNTS,	/* the team sheet's columns ... */
	LABEL_BOOK_TEAM_ANSWERS,
	LABEL_BOOK_TEAM_BELOW,
	LABEL_BOOK_TEAM_AVERAGE,
	LABEL_BOOK_TEAM_PASTE,
	LABEL_BOOK_TEAM_MEMBER,
	LABEL__COUNT
};

/* The most characters (code points) a label may have, trimmed; the
 * longest label skillsite ships, csv-header, has 100. */
#define LABELS_TEXT_MAX		256

/* The columns of the CSV (export_csv() writes each row's eighteen
 * fields): the csv-header label names exactly this many. */
#define LABEL_CSV_COLUMNS	18

/* The columns of the roles' CSV (export_roles_csv() writes each row's
 * eleven fields): the csv-roles-header label names exactly this many. */
#define LABEL_CSV_ROLE_COLUMNS	11

/* The values of the placeholders of a label; those it does not use may
 * stay unset.  n is written with the file's digits. */
struct label_args {
	long		 n;
	const char	*skill;
	const char	*specialty;
	const char	*jobtype;
	const char	*site;
	const char	*level;
	const char	*page;		/* a page's heading, in its title */
	const char	*levels;	/* a list of levels */
	const char	*from;		/* the first level of a range */
	const char	*to;		/* its last level */
	const char	*role;		/* a role's name */
	const char	*range;		/* a range of cells: "A13:D24" */
	const char	*cell;		/* a cell: "A40" */
};

struct labels;

/* Loads the labels file at path (in the templates folder; registered in
 * d), read as templates are; returns the labels, or NULL after reporting
 * every problem (MSG_TEMPLATE).  Free with labels_free(). */
struct labels	*labels_load(const char *path, struct diag *d);
void		 labels_free(struct labels *);

/* Returns label l, whose placeholders become the values of args (NULL
 * when it has none), in arena a. */
const char	*labels_format(const struct labels *, struct arena *a,
		    enum label l, const struct label_args *args);

/* Returns the text of label l as labels.xml gives it, placeholders and
 * all; it lives as long as the labels. */
const char	*labels_text(const struct labels *, enum label l);

/* Returns number n written with the file's digits, in arena a. */
const char	*labels_number(const struct labels *, struct arena *a, long n);

/* Returns the name of label l in labels.xml. */
const char	*labels_name(enum label l);

/* Returns readme (the text of templates/README.md) with the table of
 * labels of its "Labels" section, from the line LABELS_README_MARK to
 * the next "## " heading or the end, written again from the labels'
 * declarations: malloc'd; NULL when it has no such section or line. */
char		*labels_readme(const char *readme);

#define LABELS_README_MARK	"<!-- Written from generator/labels.c by " \
	"`make fields-doc`; edit there. -->"

#endif
