/* write_private.h: what write.c (publishing) and write_target.c (which
 * targets and inputs a build may publish to) share: the names of
 * write_name.c. */
#ifndef SKILLSITE_WRITE_PRIVATE_H
#define SKILLSITE_WRITE_PRIVATE_H

#include <stddef.h>

/* Beside a target BASE, ".BASE" TEMP_TAG "XXXXXX" is a build's folder and
 * ".BASE" TEMP_TAG "lock" its lock. */
#define TEMP_TAG ".skillsite-"

/* ".BASE" TEMP_TAG RECORD_TAG is the record of the last build (write.h). */
#define RECORD_TAG "manifest"

/* Splits out into its folder (*dir) and last name (*base), malloc'd. */
void	 write_split(const char *out, char **dir, char **base);

/* Returns the length of the temporary folder name of the target base
 * that s begins with (".BASE.skillsite-XXXXXX", and ".old" after a
 * two-rename swap), or 0 when s begins with no such name. */
size_t	 write_temp_name(const char *s, const char *base);

/* Returns whether s begins with six ASCII letters or digits, as mkdtemp()
 * makes of "XXXXXX". */
int	 write_mkdtemp_tail(const char *s);

/* Returns whether the len bytes of the file fd from offset off equal
 * data. */
int	 write_same_at(int fd, size_t off, const char *data, size_t len);

struct diag;

/* Reports an output problem: what ("cannot write") with path, and
 * errno's text. */
void	 write_fail(struct diag *d, const char *what, const char *path);

/* Writes the len bytes of data to fd, the file rel; returns 0 or -1
 * after reporting to d. */
int	 write_all(int fd, const char *rel, const char *data, size_t len,
	    struct diag *d);

#endif
