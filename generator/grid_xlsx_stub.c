/* grid_xlsx_stub.c: grid_read_xlsx() until load_xlsx.c (libzip and
 * libxml2) replaces this file in the Makefile's SRCS: refuses every
 * workbook. */
#include "grid.h"

int
grid_read_xlsx(struct grid *g, const char *path, struct diag *d)
{
	struct pos p = { 0, 0, 0 };

	(void)g;
	p.file = diag_add_file(d, path);
	diag_msg(d, MSG_IO_OPEN, &p, "%s", "this skillsite cannot read xlsx "
	    "workbooks; save the sheet as CSV UTF-8");
	return -1;
}
