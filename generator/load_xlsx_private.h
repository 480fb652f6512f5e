/* load_xlsx_private.h: the parts of an xlsx package, read by load_xlsx.c
 * (the package) and load_xlsx_parts.c (the XML of its parts).
 */
#ifndef SKILLSITE_LOAD_XLSX_PRIVATE_H
#define SKILLSITE_LOAD_XLSX_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>
#include <zip.h>

#include "grid.h"
#include "load.h"

/* Limits, as for content (load.h): the package is read whole from
 * memory, at most GRID_FILE_MAX bytes, of at most XLSX_ENTRIES_MAX parts
 * (framework.xlsx has about a part per sheet, a sheet per specialty;
 * ZIP's own limit without its 64-bit extension is 65,535); a part
 * inflates to at most XLSX_PART_MAX bytes (sheet XML is bulkier than the text it holds) and
 * to at most XLSX_RATIO_MAX times its compressed size (plus a little,
 * for tiny parts): both checked on the sizes the package declares
 * before inflating, and libzip stops at the declared size and checks
 * the CRC. */
#define XLSX_FILE_MAX		GRID_FILE_MAX
#define XLSX_PART_MAX		(4 * LOAD_FILE_MAX)
#define XLSX_RATIO_MAX		100
#define XLSX_ENTRIES_MAX	20000
#define XLSX_ROW_MAX		1048576u	/* Excel's: rows ... */
#define XLSX_COL_MAX		16384u		/* ... and columns (XFD) */

/* Relationship types, by the end of their URI (transitional and strict
 * differ before it). */
#define XLSX_REL_DOCUMENT	"/officeDocument"
#define XLSX_REL_STRINGS	"/sharedStrings"

/* A relationship of a part (base: the part's name, "" for the package). */
struct xlsx_rel {
	const char	*base;
	const char	*id;
	const char	*type;
	const char	*target;	/* resolved: a part name */
};

/* A package being read: its strings and arrays in g's arena. */
struct xlsx_package {
	zip_t		*zip;
	struct grid	*g;
	struct diag	*d;
	size_t		 file;		/* the workbook's diag file */
	const char	*workbook;	/* the workbook part's name */
	const char	*rels_base;	/* whose relationships are read */
	struct xlsx_rel	*rels;
	size_t		 nrels, caprels;
	const char	**sheet_rids;	/* per sheet of g: its r:id */
	const char	**strings;	/* the shared strings */
	size_t		 nstrings;
};

void	 xlsx_package_init(struct xlsx_package *, struct grid *g,
	    struct diag *d, size_t file);
void	 xlsx_package_free(struct xlsx_package *);

/* Returns whether a part of size bytes, comp bytes compressed, is
 * within the limits. */
int	 xlsx_part_size_ok(uint64_t size, uint64_t comp);

/* Returns the name of the relationships part of part ("xl/workbook.xml"
 * -> "xl/_rels/workbook.xml.rels"), for the caller to free. */
char	*xlsx_rels_name(const char *part);

/* Returns the target of the relationship of part base with the given id
 * (when id is not NULL), else the first whose type ends in type; NULL
 * when none is. */
const char *xlsx_rel_target(const struct xlsx_package *, const char *base,
	    const char *id, const char *type);

/* Each reads the part whose root is given into p (and g); each returns
 * 0, or -1 after reporting to p->d.  xlsx_read_rels() reads the
 * relationships of p->rels_base. */
int	 xlsx_read_rels(struct xlsx_package *p, xmlNode *root);
int	 xlsx_read_workbook(struct xlsx_package *p, xmlNode *root);
int	 xlsx_read_strings(struct xlsx_package *p, xmlNode *root);
int	 xlsx_read_cells(struct xlsx_package *p, xmlNode *root,
	    struct grid_sheet *s);

/* Reports problem fmt (printf-style) of p's workbook as
 * MSG_SPREADSHEET; returns -1. */
int	 xlsx_fail(struct xlsx_package *p, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Returns whether n is an element with local name name. */
int	 xlsx_is(const xmlNode *n, const char *name);

/* Returns the first child element of n with local name name, or NULL. */
xmlNode	*xlsx_child(const xmlNode *n, const char *name);

/* Returns the text of a string item (a shared string's si, an inline
 * string's is): its t, or the t of each of its runs, without the
 * phonetic readings (rPh) Japanese Excel adds, unescaped; in p's
 * arena. */
const char *xlsx_string_item(struct xlsx_package *p, const xmlNode *item);

/* Returns s (in p's arena) with each _xHHHH_ escape of ECMA-376's
 * ST_Xstring made its character and each CR LF an LF. */
const char *xlsx_unescape(struct arena *a, const char *s);

#endif
