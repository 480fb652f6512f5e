/* Fixture of tests/lint.py (not compiled): ASCII outside comments and
 * literals; Japanese in comments only: ホーム、レベル */
#define J(x) #x
#define SUM(a, b) \
	((a) + \
	 (b))

// レベル in a line comment
static const char *escaped = "\\u30db";
static const char slash = '\\';

static const char *
S_home(void)
{
	return J(home);	/* ホーム */
}
