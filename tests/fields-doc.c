/* fields-doc: writes the "Fields" section of templates/README.md from
 * generator/page_fields.c, and the table of its "Labels" section from
 * generator/labels.c ("make fields-doc").  Usage: fields-doc FILE */
#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "labels.h"
#include "page_fields.h"

/* Returns the whole of file path, malloc'd and NUL-terminated, or NULL. */
static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long n;

	if (f != NULL && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		text = xcalloc((size_t)n + 1, 1);
		if (fread(text, 1, (size_t)n, f) != (size_t)n) {
			free(text);
			text = NULL;
		}
	}
	if (f != NULL)
		fclose(f);
	return text;
}

int
main(int argc, char **argv)
{
	char *text, *fields, *out;
	FILE *f;

	if (argc != 2) {
		fprintf(stderr, "usage: fields-doc FILE\n");
		return 2;
	}
	if ((text = read_all(argv[1])) == NULL ||
	    (fields = page_fields_readme(text)) == NULL ||
	    (out = labels_readme(fields)) == NULL) {
		fprintf(stderr, "fields-doc: %s: cannot read a \"## Fields\" "
		    "section, or a \"## Labels\" section with the line "
		    "\"%s\"\n", argv[1], LABELS_README_MARK);
		return 1;
	}
	free(fields);
	if ((f = fopen(argv[1], "wb")) == NULL || fputs(out, f) == EOF ||
	    fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	free(out);
	free(text);
	return 0;
}
