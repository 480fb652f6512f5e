/* Fixture of tests/lint.py (not compiled): what may follow a parameter
 * list at file scope: a body, ";", ",", "=", attributes, a declarator
 * going on. */
#include <stddef.h>

#define ATTR(n) __attribute__((cold))
#define FORMAT(a, b) __attribute__((format(printf, a, b)))

__attribute__((unused)) static int S_unused(void);
int S_print(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
int S_log(const char *fmt, ...) FORMAT(1, 2);
int S_one(int), S_two(int);
int (*S_pointer)(void) = NULL;
int (*S_table[2])(int);
static int (*S_returns(int n))(int);
typedef int (S_fn)(void);
_Static_assert(sizeof(int) >= 2, "int");
static char S_buf[(int)8];
static int S_x = (int)3, S_y(void);
static const int S_rows[] = { (int)1, (int)2 };

static int
S_cold(int n) ATTR(1)
{
	return (int)n;
}

int S_knr(int n) { return n; } static int S_after(void) { return 0; }
