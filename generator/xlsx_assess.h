/* xlsx_assess.h: a specialty's self-assessment workbook
 * (downloads/S-assessment.xlsx), written with libxlsxwriter.
 *
 * Its first sheet (label book-sheet) is filled in by one person: name,
 * department, date, then per skill of the specialty (in page order; on a
 * tailored job type the company's table: hidden skills out, company
 * skills in, company names) a current and a target level, each chosen
 * from a list (data validation) of the levels the skill defines plus the
 * choice below the lowest level (label assess-none); the gap, counted
 * in the job type's defined levels as on the web sheet, is a formula;
 * each defined level's text stands beside the row, and on a tailored
 * job type each role's target.  Then the supervisor's confirmation:
 * name, date, comment, a box for a seal.  Only the fill-in cells are
 * unlocked; the sheet is protected without a password; it prints on
 * one A4 page (the form's columns, not the level texts).
 *
 * Its second sheet (label book-team-sheet) sums a team: a lead pastes
 * each member's table rows (xlsx_assess_copy_range()) below the cell
 * xlsx_assess_paste_cell() names, and formulas count per skill the
 * members at each level, those below their target and the average gap.
 */
#ifndef SKILLSITE_XLSX_ASSESS_H
#define SKILLSITE_XLSX_ASSESS_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "labels.h"
#include "model.h"

/* The row (0-based) of the first skill of the sheet filled in. */
#define XLSX_ASSESS_FIRST_ROW	12

/* The rows of the team sheet's paste area: members times skills. */
#define XLSX_ASSESS_PASTE_MEMBERS	100

/* Returns the job type's scale, NULL-terminated, in a: the choice below
 * its lowest defined level, then each level it defines (label level),
 * upwards; sets *n to their number. */
const char	**xlsx_assess_scale(struct arena *a, const struct labels *lb,
		    const struct jobtype *jt, size_t *n);

/* Returns the choices of entry e of jt, NULL-terminated, in a: the
 * choice below the lowest level, then each level e describes. */
const char	**xlsx_assess_choices(struct arena *a, const struct labels *lb,
		    const struct jobtype *jt, const struct entry *e);

/* Returns the formula of the gap of the skill at row (0-based) of the
 * sheet filled in, in a: empty until both levels are chosen, else the
 * target's place in scale (xlsx_assess_scale()) minus the current's. */
const char	*xlsx_assess_gap_formula(struct arena *a, unsigned row,
		    const char *const *scale);

/* Returns the range a team lead copies from a member's sheet for a
 * specialty of nskills skills ("A13:D24"), and the first cell of the
 * team sheet's paste area ("A21"), in a. */
const char	*xlsx_assess_copy_range(struct arena *a, size_t nskills);
const char	*xlsx_assess_paste_cell(struct arena *a, size_t nskills);

/* Returns the team sheet's formulas for the skill whose name is in cell
 * name_cell, of a specialty of nskills skills, in a: how many pasted
 * rows have the current level named in cell level_cell; how many are
 * below their target; the average gap (empty when none).  Names and
 * levels are compared whole, as text (SUMPRODUCT of "=", not COUNTIFS,
 * whose criteria read "*", "?", "~" and a leading "<", ">" or "=" as
 * patterns and fail past 255 characters). */
const char	*xlsx_assess_count_formula(struct arena *a, size_t nskills,
		    const char *name_cell, const char *level_cell);
const char	*xlsx_assess_below_formula(struct arena *a, size_t nskills,
		    const char *name_cell);
const char	*xlsx_assess_average_formula(struct arena *a, size_t nskills,
		    const char *name_cell);

/* Returns the bytes of the self-assessment workbook of specialty sp of
 * jt, in the words of lb, malloc'd (the caller frees them), and sets
 * *len; or NULL after reporting to d.  Same input, same bytes: the
 * document's times are fixed.  It is made in a private temporary
 * folder (under $TMPDIR or /tmp), removed before returning. */
char		*xlsx_assess_workbook(const struct jobtype *jt,
		    const struct specialty *sp, const struct labels *lb,
		    size_t *len, struct diag *d);

#endif
