/* helpers.h: shared fixtures for the cmocka unit tests. */
#ifndef SKILLSITE_TEST_HELPERS_H
#define SKILLSITE_TEST_HELPERS_H

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistd.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "resolve.h"

/* A stream whose text can be read back: diagnostics under test go here. */
struct capture {
	FILE	*f;
	char	*text;
	size_t	 len;
};

static inline void
capture_open(struct capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
}

/* Closes the stream; c->text holds everything written. */
static inline const char *
capture_close(struct capture *c)
{
	fclose(c->f);
	c->f = NULL;
	return c->text;
}

static inline void
capture_free(struct capture *c)
{
	free(c->text);
	c->text = NULL;
}

/* Writes text to a fresh file in /tmp; returns its path (malloc'd). */
static inline char *
write_temp(const char *text)
{
	char *path = strdup("/tmp/skillsite-test-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* A model loaded from one in-memory document, with its diagnostics. */
struct loaded {
	struct model	m;
	struct diag	d;
	struct capture	err;
	const char	*text;		/* the flushed diagnostics */
	int		 status;
};

/* Starts loading into l; returns the loader to feed. */
static inline struct loader *
loaded_begin(struct loaded *l)
{
	struct loader *ld;

	model_init(&l->m);
	capture_open(&l->err);
	diag_init(&l->d, l->err.f);
	ld = loader_new(&l->m, &l->d);
	assert_non_null(ld);
	return ld;
}

/* Frees ld, resolves the model when resolve_too is set, and flushes the
 * diagnostics into l->text. */
static inline void
loaded_end(struct loaded *l, struct loader *ld, int resolve_too)
{
	loader_free(ld);
	if (resolve_too)
		resolve(&l->m, &l->d);
	l->status = (int)diag_status(&l->d);
	diag_flush(&l->d);
	l->text = capture_close(&l->err);
}

/* Starts l with an empty model and diagnostics, loading nothing: for a
 * check run on files or bytes of its own. */
static inline void
loaded_open(struct loaded *l)
{
	model_init(&l->m);
	capture_open(&l->err);
	diag_init(&l->d, l->err.f);
}

/* Flushes l's diagnostics into l->text. */
static inline void
loaded_close(struct loaded *l)
{
	diag_flush(&l->d);
	l->text = capture_close(&l->err);
}

/* Loads xml as file "t.xml" (and resolves it when resolve_too is set). */
static inline void
load_string(struct loaded *l, const char *xml, int resolve_too)
{
	struct loader *ld = loaded_begin(l);

	loader_buffer(ld, "t.xml", xml, strlen(xml));
	loaded_end(l, ld, resolve_too);
}

/* Loads and resolves the seed, content/ (tests run from the top of the
 * repository); returns 0 when it loads cleanly, as a cmocka setup. */
static inline int
load_seed(struct loaded *l)
{
	struct loader *ld = loaded_begin(l);

	loader_path(ld, "content");
	loaded_end(l, ld, 1);
	return l->status == EXIT_OK ? 0 : -1;
}

static inline void
loaded_free(struct loaded *l)
{
	model_free(&l->m);
	diag_free(&l->d);
	capture_free(&l->err);
}

/* A small valid job type: two levels, one common and one specific skill. */
#define VALID_JOBTYPE \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<jobtype id=\"jt\" number=\"9\" min-level=\"3\" max-level=\"4\">\n" \
	"  <name>職種</name>\n" \
	"  <annotation>\n    注釈の本文\n  </annotation>\n" \
	"  <skill id=\"common-a\" scope=\"common\">\n" \
	"    <name>共通</name>\n" \
	"    <knowledge>\n      <item>項目一</item>\n      <item>項目二</item>\n" \
	"    </knowledge>\n" \
	"  </skill>\n" \
	"  <skill id=\"spec-b\" scope=\"specific\">\n" \
	"    <name>固有</name>\n" \
	"    <knowledge>\n      <item>項目</item>\n    </knowledge>\n" \
	"    <editorial-note>注</editorial-note>\n" \
	"  </skill>\n" \
	"  <specialty id=\"sp\">\n" \
	"    <name>専門分野</name>\n" \
	"    <entry skill=\"common-a\">\n" \
	"      <level value=\"4\"/>\n" \
	"      <level value=\"3\">\n        一段落目\n\n        又、二段落目\n      </level>\n" \
	"    </entry>\n" \
	"    <entry skill=\"spec-b\">\n" \
	"      <level value=\"4\">記述</level>\n" \
	"      <level value=\"3\">記述</level>\n" \
	"    </entry>\n" \
	"  </specialty>\n" \
	"</jobtype>\n"

/* Returns the number of entries of the folder dir beside the site "site"
 * and its lock: folders that publishing left behind. */
static inline int
publish_strays(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0 &&
		    strcmp(de->d_name, "site") != 0 &&
		    strcmp(de->d_name, ".site.skillsite-lock") != 0)
			n++;
	closedir(dp);
	return n;
}

#endif
