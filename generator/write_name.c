/* write_name.c: the names publishing uses: a target split into folder
 * and name, and the temporary folders beside a target; see
 * write_private.h. */
#include "write_private.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* Splits out into its folder (*dir) and last name (*base), malloc'd. */
void
write_split(const char *out, char **dir, char **base)
{
	char *copy = xstrdup(out), *slash;
	size_t n = strlen(copy);

	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	if ((slash = strrchr(copy, '/')) == NULL) {
		*dir = xstrdup(".");
		*base = copy;
		return;
	}
	*base = xstrdup(slash + 1);
	*slash = '\0';
	*dir = xstrdup(slash == copy ? "/" : copy);
	free(copy);
}

/* Returns whether s begins with six ASCII letters or digits, as mkdtemp()
 * makes of "XXXXXX". */
int
write_mkdtemp_tail(const char *s)
{
	static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789";
	int i;

	for (i = 0; i < 6; i++)
		if (s[i] == '\0' || strchr(alnum, s[i]) == NULL)
			return 0;
	return 1;
}

/* Returns the length of the temporary folder name of the target base
 * that s begins with: ".BASE.skillsite-" and mkdtemp's six letters or
 * digits, then ".old" when the two-rename swap left the old site so (see
 * S_swap); 0 when s begins with no such name. */
size_t
write_temp_name(const char *s, const char *base)
{
	size_t n = strlen(base), len;

	if (s[0] != '.' || strncmp(s + 1, base, n) != 0 ||
	    strncmp(s + 1 + n, TEMP_TAG, strlen(TEMP_TAG)) != 0)
		return 0;
	len = 1 + n + strlen(TEMP_TAG);
	if (!write_mkdtemp_tail(s + len))
		return 0;
	len += 6;
	if (strncmp(s + len, ".old", 4) == 0)
		len += 4;
	return len;
}
