/* Fixture of tests/lint.py (not compiled): headers only, by name. */
#include <stdio.h>
#include <sys/stat.h>
#include <libxml/tree.h>
#  include "page.h"
%:include "page_fields.h"

/* #include "words.inc" in a comment */
static const char *S_name = "#include \"words.inc\"";
