/* Fixture of tests/lint.py (not compiled): characters outside ASCII,
 * or universal character names, outside comments and literals.  C11
 * allows them in identifiers; stringized, they are Japanese literals
 * that no literal of the file spells. */
#define J(x) #x
#define WORD ホーム	/* expect: ascii */

int ホーム_count;	/* expect: ascii */
int \u30db\u30fc\u30e0_total;	/* expect: ascii */

static const char *
S_home(void)
{
	return J(ホーム);	/* expect: ascii */
}

static const char *
S_level(void)
{
	return J(\u30ec\u30d9\u30eb);	/* expect: ascii */
}

static int
S_sum(int a, int b)
{
	return a ＋ b;	/* expect: ascii */
}
