/* Fixture of tests/lint.py (not compiled): functions of exactly 50
 * lines, and long bodies that are not functions; blank lines count. */
#include <stddef.h>

int
S_bsd(int n)
{
	/* 48 lines in all, this one included */















































}

int S_knr(int n) {
	/* 48 lines in all, this one included */















































}

struct big {
	int first;
	/* 60 lines in all, this one included */



























































};

enum many {
	MANY_FIRST,
	/* 60 lines in all, this one included */



























































};

static const int S_table[] = {
	1,
	/* 60 lines in all, this one included */



























































};

static const struct {
	int first;
	/* 30 lines in all, this one included */





























} S_rows[] = {
	{ 1 },
	/* 30 lines in all, this one included */





























};

union __attribute__((packed)) packed {
	int first;
	/* 60 lines in all, this one included */



























































};

int S_short(int n) { return n; } int S_other(int n) { return -n; }

/* A macro of exactly 50 lines, from "#define" to its last line. */
#define TABLE_ROWS \
	/* 48 lines in all, this one included */ \
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	\
	1, 2, 3
