/* Fixture of tests/lint.py (not compiled): "##" in comments and
 * literals, and the stringizing "#", are no pasting. */
#define J(x) #x
#define HASHES # #

/* a ## b */
static const char *heading = "## Fields";
static const char *word = J(home);
static const char *digraph = "%:%:";
