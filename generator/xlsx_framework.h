/* xlsx_framework.h: downloads/framework.xlsx, the framework as an Excel
 * workbook; its layout is xlsx_layout.h's contract.
 */
#ifndef SKILLSITE_XLSX_FRAMEWORK_H
#define SKILLSITE_XLSX_FRAMEWORK_H

#include "diag.h"
#include "labels.h"
#include "model.h"
#include "sink.h"

/* Writes the framework workbook of m, in the words of labels, and gives
 * it to sink as XLSX_FRAMEWORK_PATH.  Returns 0, or -1 after reporting
 * to d or when the sink stopped. */
int	xlsx_framework(const struct model *m, const struct labels *labels,
	    struct site_sink *sink, struct diag *d);

#endif
