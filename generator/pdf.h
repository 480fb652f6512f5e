/* pdf.h: PDF handbooks, made by WeasyPrint from the handbook pages.
 *
 * Runs the weasyprint program (Debian package weasyprint) on each
 * handbooks/S.html of a site written to a folder, before the folder is
 * published, so the PDFs appear atomically with the pages that link to
 * them.  SOURCE_DATE_EPOCH is passed on, and set to 0 when unset, so the
 * same content gives the same PDF.
 */
#ifndef SKILLSITE_PDF_H
#define SKILLSITE_PDF_H

#include <stddef.h>

#include "diag.h"

/* Returns whether the weasyprint program can be found on PATH. */
int	pdf_available(void);

/* Makes S.pdf beside each of the n pages S.html (site paths) in the
 * folder root, running at most nprocs WeasyPrint processes at a time,
 * those of the heaviest pages first (weights[i] is page i's, such as its
 * size; in page order when weights is NULL), and reporting in page
 * order.  Returns 0, or -1 after reporting. */
int	pdf_handbooks(char *const *pages, const size_t *weights, size_t n,
	    const char *root, unsigned nprocs, struct diag *d);

/* Returns the path of the PDF of page ("x/S.html" gives "x/S.pdf"),
 * malloc'd. */
char	*pdf_path(const char *page);

#endif
