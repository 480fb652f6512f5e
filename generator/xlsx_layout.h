/* xlsx_layout.h: the layout contract of downloads/framework.xlsx.
 *
 * The framework workbook (xlsx_framework.c) is read by people and by
 * programs (skillsite import, tests/workbooks.py): whoever reads it
 * finds its parts by these constants, never by guessing.  Every cell
 * is a string (never a formula, never a number), so what a cell shows
 * is what the content holds, verbatim (Markdown as written).  Rows and
 * columns are counted from 0, as libxlsxwriter does (row 0 is Excel's
 * row 1, column 0 is column A).
 *
 * Sheets, in order; their names come from templates/labels.xml (the
 * xlsx-sheet-* labels) or, for a matrix, from the specialty's name,
 * made a valid, unique Excel sheet name by xlsx_sheet_name():
 *
 *  1. Contents (目次): the framework's name (A1), the job types'
 *     names, then a table "sheet, what it holds" whose sheet cells are
 *     internal hyperlinks, then how to print, and that the texts are the
 *     standard's Markdown source verbatim (skillsite import takes edits
 *     back).  For people: a reader skips it.
 *
 *  2. One matrix per job type x specialty, in the order of the
 *     content.  A1 (XLSX_MATRIX_TITLE_ROW) is "job type／specialty";
 *     A2..D2 hold the job type ID, its name, the specialty ID and name
 *     (XLSX_MATRIX_KEY_ROW: small grey keys, so that a reader knows
 *     which specialty the sheet is without reading its name); row
 *     XLSX_MATRIX_HEADER_ROW is the header, labels xlsx-matrix-header
 *     for the first XLSX_MATRIX_FIXED_COLUMNS columns, then one column
 *     per level the job type defines, ascending, headed by the "level"
 *     label ("レベル３").  Below, one row per skill of the specialty in
 *     page order:
 *	A  XLSX_COL_SKILL_ID	the skill's ID: the key
 *	B  XLSX_COL_SKILL_NAME	its name (the company's when renamed)
 *	C  XLSX_COL_SCOPE	xlsx-scope-common / xlsx-scope-specific
 *	D  XLSX_COL_SOURCE	export.h's source: "standard", or the
 *				tailoring's ID for a company skill
 *	E.. XLSX_COL_FIRST_LEVEL + i: the i-th defined level's Markdown,
 *				verbatim; empty when the skill does not
 *				describe it or a tailoring hides it
 *     A tailored build leaves hidden skills out and keeps company
 *     skills.
 *
 *  3. Knowledge items (知識項目): header at row XLSX_LIST_HEADER_ROW
 *     (label xlsx-knowledge-header), then one row per knowledge item of
 *     every skill of every job type, in content order: job type ID,
 *     skill ID, skill name, number within the skill (1..n, as text),
 *     the item's text, its source ("standard" or the tailoring's ID).
 *
 *  4. Notes (注記): header at row XLSX_LIST_HEADER_ROW (label
 *     xlsx-notes-header), then one row per editorial note: what it
 *     belongs to (XLSX_NOTE_* below), the job type, specialty and skill
 *     IDs it is keyed by (empty when not part of its key), its Markdown.
 *
 *  5. Only when a job type is tailored: the company's level texts
 *     (xlsx-texts-header: job type ID, specialty ID, specialty, skill
 *     ID, skill, level number, meaning, evidence, source), the learning
 *     resources (xlsx-resources-header: job type ID, specialty ID,
 *     specialty, skill ID, skill, level number, kind as content writes
 *     it, title, hours, address, source) and, when roles exist, the
 *     roles (the roles CSV's columns, label csv-roles-header).
 *
 * Every list sheet (3 to 5) has a title in A1, its header at row
 * XLSX_LIST_HEADER_ROW, an autofilter and frozen panes below the
 * header.  Level numbers in lists are ASCII digits ("3").
 */
#ifndef SKILLSITE_XLSX_LAYOUT_H
#define SKILLSITE_XLSX_LAYOUT_H

/* The workbook's path in the site. */
#define XLSX_FRAMEWORK_PATH	"downloads/framework.xlsx"

/* A matrix sheet. */
#define XLSX_MATRIX_TITLE_ROW	0
#define XLSX_MATRIX_KEY_ROW	1	/* job type ID, name, specialty ID, name */
#define XLSX_MATRIX_HEADER_ROW	2
#define XLSX_MATRIX_FIRST_ROW	3	/* the first skill */
#define XLSX_COL_SKILL_ID	0
#define XLSX_COL_SKILL_NAME	1
#define XLSX_COL_SCOPE		2
#define XLSX_COL_SOURCE		3
#define XLSX_MATRIX_FIXED_COLUMNS 4	/* xlsx-matrix-header names them */
#define XLSX_COL_FIRST_LEVEL	4

/* A list sheet (knowledge items, notes, company texts, resources,
 * roles). */
#define XLSX_LIST_TITLE_ROW	0
#define XLSX_LIST_HEADER_ROW	1
#define XLSX_LIST_FIRST_ROW	2

/* The columns of the knowledge items' sheet. */
enum xlsx_knowledge_column {
	XLSX_KN_JOBTYPE_ID, XLSX_KN_SKILL_ID, XLSX_KN_SKILL, XLSX_KN_NUMBER,
	XLSX_KN_TEXT, XLSX_KN_SOURCE, XLSX_KN__COUNT
};

/* The columns of the notes' sheet. */
enum xlsx_note_column {
	XLSX_NOTE_KIND_COL, XLSX_NOTE_JOBTYPE_ID, XLSX_NOTE_SPECIALTY_ID,
	XLSX_NOTE_SKILL_ID, XLSX_NOTE_TEXT, XLSX_NOTE__COUNT
};

/* What a note belongs to, as the notes' sheet writes it: the
 * framework, a job type, a skill (job type, skill), a specialty (job
 * type, specialty), an entry (job type, specialty, skill). */
#define XLSX_NOTE_FRAMEWORK	"framework"
#define XLSX_NOTE_JOBTYPE	"jobtype"
#define XLSX_NOTE_SKILL		"skill"
#define XLSX_NOTE_SPECIALTY	"specialty"
#define XLSX_NOTE_ENTRY		"entry"

/* The columns of the company texts' sheet. */
enum xlsx_text_column {
	XLSX_TX_JOBTYPE_ID, XLSX_TX_SPECIALTY_ID, XLSX_TX_SPECIALTY,
	XLSX_TX_SKILL_ID, XLSX_TX_SKILL, XLSX_TX_LEVEL, XLSX_TX_MEANING,
	XLSX_TX_EVIDENCE, XLSX_TX_SOURCE, XLSX_TX__COUNT
};

/* The columns of the learning resources' sheet. */
enum xlsx_resource_column {
	XLSX_RS_JOBTYPE_ID, XLSX_RS_SPECIALTY_ID, XLSX_RS_SPECIALTY,
	XLSX_RS_SKILL_ID, XLSX_RS_SKILL, XLSX_RS_LEVEL, XLSX_RS_KIND,
	XLSX_RS_TITLE, XLSX_RS_HOURS, XLSX_RS_HREF, XLSX_RS_SOURCE,
	XLSX_RS__COUNT
};

#endif
