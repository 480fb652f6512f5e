/* paths.c: site paths and page-relative links; see paths.h. */
#include "paths.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Returns a copy of the text fmt formats, in arena a. */
static char *
S_format(struct arena *a, const char *fmt, const char *x, const char *y,
    const char *z)
{
	int n = snprintf(NULL, 0, fmt, x, y, z);
	char *s = arena_calloc(a, (size_t)n + 1, 1);

	snprintf(s, (size_t)n + 1, fmt, x, y, z);
	return s;
}

int
path_is_reserved_jobtype(const char *id)
{
	return strcmp(id, "assets") == 0;
}

int
path_is_reserved_specialty(const char *id)
{
	return strcmp(id, "knowledge") == 0 || strcmp(id, "compare") == 0;
}

char *
path_specialty(struct arena *a, const char *jt, const char *sp)
{
	return S_format(a, "%s/%s.html%s", jt, sp, "");
}

char *
path_skill(struct arena *a, const char *jt, const char *sp, const char *skill)
{
	return S_format(a, "%s/%s/skills/%s.html", jt, sp, skill);
}

char *
path_level(struct arena *a, const char *jt, const char *sp, int level)
{
	char n[16];

	snprintf(n, sizeof(n), "%d", level);
	return S_format(a, "%s/%s/levels/%s.html", jt, sp, n);
}

char *
path_knowledge(struct arena *a, const char *jt)
{
	return S_format(a, "%s/knowledge.html%s%s", jt, "", "");
}

char *
path_compare(struct arena *a, const char *jt, const char *skill)
{
	return S_format(a, "%s/compare/%s.html%s", jt, skill, "");
}

char *
path_href(struct arena *a, const char *from, const char *to,
    const char *fragment)
{
	size_t common = 0, i, ups = 0, n;
	char *s;

	/* the longest run of whole folders the two paths share */
	for (i = 0; from[i] != '\0' && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	for (i = common; from[i] != '\0'; i++)
		ups += from[i] == '/';
	n = ups * 3 + strlen(to + common) + (fragment ? strlen(fragment) + 1 : 0);
	s = arena_calloc(a, n + 1, 1);
	for (i = 0; i < ups; i++)
		memcpy(s + i * 3, "../", 3);
	strcpy(s + ups * 3, to + common);
	if (fragment != NULL) {
		strcat(s, "#");
		strcat(s, fragment);
	}
	return s;
}

char *
path_level_anchor(struct arena *a, int n)
{
	char s[32];

	snprintf(s, sizeof(s), "level-%d", n);
	return arena_strdup(a, s);
}

char *
path_text_anchor(struct arena *a, const char *text)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	char s[16];

	for (; *text != '\0'; text++) {
		h ^= (unsigned char)*text;
		h *= 16777619u;
	}
	snprintf(s, sizeof(s), "k-%08x", (unsigned)h);
	return arena_strdup(a, s);
}
