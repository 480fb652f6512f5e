/* xlsx_framework_private.h: what the two files of framework.xlsx share:
 * xlsx_framework.c (the contents and the matrices) and
 * xlsx_framework_lists.c (the list sheets, and the parts of a sheet
 * both use), which xlsx_framework.c calls, never the other way round.
 */
#ifndef SKILLSITE_XLSX_FRAMEWORK_PRIVATE_H
#define SKILLSITE_XLSX_FRAMEWORK_PRIVATE_H

#include "labels.h"
#include "model.h"
#include "xlsx.h"

/* The sheets of fixed names, in the order they are named. */
enum xf_fixed { XF_CONTENTS, XF_KNOWLEDGE, XF_NOTES, XF_TEXTS,
    XF_RESOURCES, XF_ROLES, XF__COUNT };

/* The contents' columns' widths, in Excel's units. */
#define W_CONTENTS_SHEET 24.0
#define W_CONTENTS_ABOUT 80.0

/* The workbook being made. */
struct book {
	struct xlsx		*x;
	const struct model	*m;
	const struct labels	*l;
	struct arena		 a;
	const char		*title;		/* the framework's name */
	const char		*fixed[XF__COUNT];	/* sheet names */
	const char		**matrix;	/* per job type x specialty */
	lxw_worksheet		*contents;
	int			 row;		/* the contents' next row */
};

/* A list sheet's columns: their widths, and which are keys (IDs, the
 * source: small grey). */
struct list {
	const double	*width;
	unsigned	 keys;		/* bit n: column n */
	int		 n;
};

/* Returns the label naming fixed sheet f. */
enum label xf_fixed_label(enum xf_fixed f);

/* Writes the comma-separated names of label l to row of ws from
 * column col on, in the header format, the row tall enough for them
 * when width (the columns' widths, from column 0) is not NULL; returns
 * the next column. */
int	xf_header(struct book *b, lxw_worksheet *ws, int row, int col,
	    enum label l, const double *width);

/* Adds a row to the contents: a link to sheet name, and about. */
void	xf_contents_row(struct book *b, const char *name, const char *about);

/* Adds list sheet f to b with its contents row (about: label a), a
 * title, the header of label h, the columns of c, frozen below the
 * header, printed; returns it. */
lxw_worksheet *xf_list_sheet(struct book *b, enum xf_fixed f, enum label a,
	    enum label h, const struct list *c);

/* Writes the c->n fields v as row of ws, tall enough to show them. */
void	xf_list_row(struct book *b, lxw_worksheet *ws, int row,
	    const char *const *v, const struct list *c);

/* Ends list sheet ws of c's columns, its last row last: a filter on its
 * header. */
void	xf_list_end(lxw_worksheet *ws, const struct list *c, int last);

/* The list sheets (xlsx_framework_lists.c): the knowledge items, the
 * notes, and of a tailored model the company texts, the resources and
 * the roles. */
void	xf_knowledge(struct book *b);
void	xf_notes(struct book *b);
void	xf_texts(struct book *b);
void	xf_resources(struct book *b);
void	xf_roles(struct book *b);

#endif
