/* paths.c: site paths and page-relative links; see paths.h. */
#include "paths.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "model.h"

/* Returns the concatenation of the strings given, up to a NULL, in arena
 * a. */
static char *
S_concat(struct arena *a, ...)
{
	va_list ap;
	const char *part;
	size_t n = 0;
	char *s;

	va_start(ap, a);
	while ((part = va_arg(ap, const char *)) != NULL)
		n += strlen(part);
	va_end(ap);
	s = arena_calloc(a, n + 1, 1);
	va_start(ap, a);
	while ((part = va_arg(ap, const char *)) != NULL)
		strcat(s, part);
	va_end(ap);
	return s;
}

/* The folders at the top of the site that hold its own files; a job
 * type's folder must be none of them. */
static const char *const S_site_folders[] = { "assets", "downloads",
    "handbooks", "search" };

int
path_is_reserved_jobtype(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof(S_site_folders) / sizeof(*S_site_folders); i++)
		if (strcmp(id, S_site_folders[i]) == 0)
			return 1;
	return 0;
}

int
path_is_reserved_specialty(const char *id)
{
	return strcmp(id, "knowledge") == 0 || strcmp(id, "compare") == 0 ||
	    strcmp(id, "roles") == 0 || strcmp(id, "tailoring") == 0;
}

char *
path_specialty(struct arena *a, const char *jt, const char *sp)
{
	return S_concat(a, jt, "/", sp, ".html", (char *)NULL);
}

char *
path_skill(struct arena *a, const char *jt, const char *sp, const char *skill)
{
	return S_concat(a, jt, "/", sp, "/skills/", skill, ".html", (char *)NULL);
}

char *
path_assessment(struct arena *a, const char *jt, const char *sp)
{
	return S_concat(a, jt, "/", sp, "/assessment.html", (char *)NULL);
}

char *
path_search_shard(struct arena *a, char kind, unsigned n)
{
	char s[32];

	snprintf(s, sizeof(s), "search/%c-%u.js", kind, n);
	return arena_strdup(a, s);
}

char *
path_level(struct arena *a, const char *jt, const char *sp, int level)
{
	char n[16];

	snprintf(n, sizeof(n), "%d", level);
	return S_concat(a, jt, "/", sp, "/levels/", n, ".html", (char *)NULL);
}

char *
path_knowledge(struct arena *a, const char *jt)
{
	return S_concat(a, jt, "/knowledge.html", (char *)NULL);
}

char *
path_compare(struct arena *a, const char *jt, const char *skill)
{
	return S_concat(a, jt, "/compare/", skill, ".html", (char *)NULL);
}

char *
path_role(struct arena *a, const char *jt, const char *role)
{
	return S_concat(a, jt, "/roles/", role, ".html", (char *)NULL);
}

char *
path_tailoring(struct arena *a, const char *jt)
{
	return S_concat(a, jt, "/tailoring.html", (char *)NULL);
}

char *
path_handbook(struct arena *a, const char *id, const char *ext)
{
	return S_concat(a, "handbooks/", id, ".", ext, (char *)NULL);
}

char *
path_map(struct arena *a, const char *sp, const char *ext)
{
	return S_concat(a, "handbooks/", sp, "-map.", ext, (char *)NULL);
}

char *
path_assessment_xlsx(struct arena *a, const char *sp)
{
	return S_concat(a, "downloads/", sp, "-assessment.xlsx", (char *)NULL);
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

int
path_depth(const char *path)
{
	int n = 0;

	for (; *path != '\0'; path++)
		n += *path == '/';
	return n;
}

char *
path_level_anchor(struct arena *a, int n)
{
	char s[32];

	snprintf(s, sizeof(s), "level-%d", n);
	return arena_strdup(a, s);
}

uint64_t
path_text_hash(const char *text)
{
	uint64_t h = 14695981039346656037u;	/* FNV-1a, 64 bits */

	for (; *text != '\0'; text++) {
		h ^= (unsigned char)*text;
		h *= 1099511628211u;
	}
	return h;
}

/* Returns the anchor of a text of hash h, the nth (from 0) distinct text
 * of that hash, in a. */
static char *
S_hash_anchor(struct arena *a, uint64_t h, size_t nth)
{
	char s[48];

	if (nth == 0)
		snprintf(s, sizeof(s), "k-%016llx", (unsigned long long)h);
	else
		snprintf(s, sizeof(s), "k-%016llx-%zu", (unsigned long long)h,
		    nth + 1);
	return arena_strdup(a, s);
}

char *
path_text_anchor(struct arena *a, const char *text)
{
	return S_hash_anchor(a, path_text_hash(text), 0);
}

/* A text to anchor: its hash, and where it stands. */
struct hashed_text {
	uint64_t	 h;
	const char	*text;
	size_t		 i;
};

/* Orders hashed texts by hash, then by text, bytewise. */
static int
S_hashed_cmp(const void *a, const void *b)
{
	const struct hashed_text *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return strcmp(x->text, y->text);
}

void
path_text_anchors(struct arena *a, const char *const *texts, size_t n,
    uint64_t (*hash)(const char *), const char **anchors)
{
	struct hashed_text *v = xcalloc(n + 1, sizeof(*v));
	size_t i, nth = 0;
	char *anchor = NULL;

	for (i = 0; i < n; i++) {
		v[i].h = hash(texts[i]);
		v[i].text = texts[i];
		v[i].i = i;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), S_hashed_cmp);
	for (i = 0; i < n; i++) {
		if (i == 0 || v[i].h != v[i - 1].h)
			nth = 0;
		else if (strcmp(v[i].text, v[i - 1].text) != 0)
			nth++;
		if (i == 0 || S_hashed_cmp(&v[i], &v[i - 1]) != 0)
			anchor = S_hash_anchor(a, v[i].h, nth);
		anchors[v[i].i] = anchor;
	}
	free(v);
}

char *
path_jobtype_anchor(struct arena *a, const char *jt_id)
{
	return arena_printf(a, "jobtype-%s", jt_id);
}

char *
path_uses_more(struct arena *a, const char *self, const char *jt,
    const char *skill, int common)
{
	return common ? path_href(a, self, path_compare(a, jt, skill), NULL) :
	    path_href(a, self, PATH_HOME, path_jobtype_anchor(a, jt));
}
