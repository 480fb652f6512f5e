/* search_index.c: the search index of the site; see search_index.h. */
#include "search_index.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/hash.h>

#include "alloc.h"
#include "markdown.h"
#include "paths.h"
#include "search.h"

/* The documents that hold a token, as search.js reads them: ascending
 * numbers written as differences in base 36, joined by commas. */
struct postings {
	char		*text;		/* malloc'd, NUL-terminated */
	size_t		 len, cap;
	uint32_t	 last;		/* the last number added */
};

/* A token with its postings, for writing in order. */
struct term {
	const char		*token;
	const struct postings	*p;
	unsigned		 shard;
};

/* The terms of the index, listed for writing. */
struct terms {
	struct term	*v;
	size_t		 n;
};

/* The state of writing the index. */
struct writer {
	const struct model	*m;
	struct site_sink	*sink;
	struct diag		*d;
	struct arena		 arena;		/* links of the current skill */
	struct arena		 posts;		/* struct postings */
	xmlHashTable		*terms;		/* token -> struct postings */
	uint32_t		 ndocs;
	json_t			*shard;		/* documents not yet put */
	size_t			 shard_bytes;
	unsigned		 nshards;	/* of documents, put */
	json_t			*starts;	/* each one's first document */
	int			 failed;
};

/* Puts the file "skillsiteSearch.put(NAME,DATA);" at site path into
 * sink, DATA being data as JSON; takes data.  Returns 0, or -1 after
 * reporting. */
static int
S_put_script(struct site_sink *sink, const char *path, const char *name,
    json_t *data, struct diag *d)
{
	char *json = json_dumps(data, JSON_COMPACT);	/* keys in order */
	char *script;
	size_t len;
	int rc;

	json_decref(data);
	if (json == NULL) {
		diag_msg(d, MSG_INTERNAL, NULL, "cannot write %s", path);
		return -1;
	}
	len = strlen(json) + strlen(name) + 64;
	script = xreallocarray(NULL, len, 1);
	len = (size_t)snprintf(script, len, "skillsiteSearch.put(\"%s\",%s);\n",
	    name, json);
	rc = sink->put(sink->ctx, path, script, len, d);
	free(script);
	free(json);
	return rc;
}

/* Puts the documents of w not yet put as the next shard. */
static void
S_flush_docs(struct writer *w)
{
	struct arena a;
	char name[32];

	if (w->shard == NULL)
		return;
	arena_init(&a);
	snprintf(name, sizeof(name), "d-%u", w->nshards);
	if (!w->failed && S_put_script(w->sink, path_search_shard(&a, 'd',
	    w->nshards), name, w->shard, w->d) != 0)
		w->failed = 1;
	else if (w->failed)
		json_decref(w->shard);
	arena_free(&a);
	w->shard = NULL;
	w->nshards++;
}

/* Appends document number id to p, if not there yet. */
static void
S_append(struct postings *p, uint32_t id)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	char tmp[8];
	uint32_t v;
	size_t k = 0;

	if (p->text != NULL && id == p->last)
		return;
	v = p->text != NULL ? id - p->last : id;
	do
		tmp[k++] = digits[v % 36];
	while ((v /= 36) != 0);
	if (p->len + k + 2 > p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->text = xreallocarray(p->text, p->cap, 1);
	}
	if (p->len > 0)
		p->text[p->len++] = ',';
	while (k > 0)
		p->text[p->len++] = tmp[--k];
	p->text[p->len] = '\0';
	p->last = id;
}

/* search_token_fn: adds the document being made (w->ndocs) to the
 * token's postings. */
static void
S_post(void *ctx, const char *tok, size_t len)
{
	struct writer *w = ctx;
	char small[64], *key = len < sizeof(small) ? small :
	    xreallocarray(NULL, len + 1, 1);
	struct postings *p;

	memcpy(key, tok, len);
	key[len] = '\0';
	if ((p = xmlHashLookup(w->terms, (const xmlChar *)key)) == NULL) {
		p = arena_calloc(&w->posts, 1, sizeof(*p));
		if (xmlHashAddEntry(w->terms, (const xmlChar *)key, p) != 0)
			xalloc_die();
	}
	S_append(p, w->ndocs);
	if (key != small)
		free(key);
}

/* Adds a document: its tokens to the postings, and [kind, level, skill,
 * text] followed by refs (specialty, link, ...; taken) to the current
 * shard. */
static void
S_doc(struct writer *w, enum search_kind kind, int level, const char *skill,
    const char *text, json_t *refs)
{
	size_t len, i;
	char *norm = search_normalize(text, strlen(text), &len);
	json_t *doc;

	if (norm == NULL) {
		diag_msg(w->d, MSG_INTERNAL, NULL, "cannot index a text that is "
		    "not UTF-8");
		w->failed = 1;
		json_decref(refs);
		return;
	}
	search_tokens(norm, len, SEARCH_INDEX, S_post, w);
	free(norm);
	/* text is UTF-8: search_normalize() checked it */
	doc = json_pack("[i,i,s]", (int)kind, level, skill);
	json_array_append_new(doc, json_stringn_nocheck(text, strlen(text)));
	json_array_extend(doc, refs);
	if (w->shard == NULL) {
		w->shard = json_array();
		w->shard_bytes = 0;
		json_array_append_new(w->starts, json_integer(w->ndocs));
	}
	w->shard_bytes += strlen(skill) + strlen(text) + 16;
	for (i = 0; i < json_array_size(refs); i++)
		w->shard_bytes += json_string_length(json_array_get(refs, i)) + 4;
	json_decref(refs);
	json_array_append_new(w->shard, doc);
	w->ndocs++;
	if (w->shard_bytes >= SEARCH_SHARD_BYTES)
		S_flush_docs(w);
}

/* Appends to refs specialty sp of jt and the link to its page of skill
 * k, at fragment (none when NULL). */
static void
S_ref(struct writer *w, json_t *refs, const struct jobtype *jt,
    const struct specialty *sp, const struct skill *k, const char *fragment)
{
	struct arena *a = &w->arena;
	char *label;

	if (w->m->njobtypes > 1) {
		label = arena_calloc(a, strlen(jt->name) + strlen(sp->name) + 4, 1);
		sprintf(label, "%s／%s", jt->name, sp->name);
	} else
		label = arena_strdup(a, sp->name);
	json_array_append_new(refs, json_string(label));
	json_array_append_new(refs, json_string(path_href(a, PATH_HOME,
	    path_skill(a, jt->id, sp->id, k->id), fragment)));
}

/* Adds a document of kind and text for skill k of jt, linked at
 * fragment from every specialty that has the skill (entries[j] set: the
 * skill's entry in specialty j, or NULL). */
static void
S_skill_doc(struct writer *w, const struct jobtype *jt, const struct skill *k,
    const struct entry *const *entries, enum search_kind kind,
    const char *text, const char *fragment)
{
	json_t *refs = json_array();
	size_t j;

	for (j = 0; j < jt->nspecialties; j++)
		if (entries[j] != NULL)
			S_ref(w, refs, jt, &jt->specialties[j], k, fragment);
	S_doc(w, kind, 0, k->name, text, refs);
}

/* Adds the documents of level n of skill k of jt (entries as for
 * S_skill_doc()): one per distinct description, linked from every
 * specialty that gives it. */
static void
S_level_docs(struct writer *w, const struct jobtype *jt, const struct skill *k,
    const struct entry *const *entries, int n)
{
	char **texts = xcalloc(jt->nspecialties, sizeof(*texts));
	const char *anchor = path_level_anchor(&w->arena, n);
	size_t i, j;

	for (j = 0; j < jt->nspecialties; j++) {
		const struct level *lv = entries[j] ?
		    entry_find_level(entries[j], n) : NULL;

		if (lv != NULL && lv->markdown != NULL)
			texts[j] = md_plain_text(lv->markdown);
	}
	for (j = 0; j < jt->nspecialties; j++) {
		json_t *refs;

		if (texts[j] == NULL || *texts[j] == '\0')
			continue;
		refs = json_array();
		S_ref(w, refs, jt, &jt->specialties[j], k, anchor);
		for (i = j + 1; i < jt->nspecialties; i++)
			if (texts[i] != NULL && strcmp(texts[i], texts[j]) == 0) {
				S_ref(w, refs, jt, &jt->specialties[i], k, anchor);
				texts[i][0] = '\0';	/* said */
			}
		S_doc(w, SEARCH_LEVEL, n, k->name, texts[j], refs);
	}
	for (j = 0; j < jt->nspecialties; j++)
		free(texts[j]);
	free(texts);
}

/* Adds the documents of job type jt, a skill at a time. */
static void
S_jobtype_docs(struct writer *w, const struct jobtype *jt)
{
	const struct entry **entries = xcalloc(jt->nspecialties + 1,
	    sizeof(*entries));
	size_t i, j, used;
	int n;

	for (i = 0; i < jt->nskills && !w->failed; i++) {
		const struct skill *k = &jt->skills[i];

		for (j = used = 0; j < jt->nspecialties; j++) {
			entries[j] = specialty_find_entry(&jt->specialties[j], k);
			used += entries[j] != NULL;
		}
		if (used == 0)
			continue;	/* no page to link to */
		S_skill_doc(w, jt, k, entries, SEARCH_NAME, k->name, NULL);
		for (j = 0; j < k->nknowledge; j++)
			S_skill_doc(w, jt, k, entries, SEARCH_KNOWLEDGE,
			    k->knowledge[j].text, path_text_anchor(&w->arena,
			    k->knowledge[j].text));
		for (n = jt->min_level; n <= jt->max_level; n++)
			S_level_docs(w, jt, k, entries, n);
		arena_free(&w->arena);
		arena_init(&w->arena);
	}
	free(entries);
}

/* xmlHashScanner: adds a token and its postings to the list data. */
static void
S_list_term(void *payload, void *data, const xmlChar *name)
{
	struct terms *t = data;

	t->v[t->n].token = (const char *)name;
	t->v[t->n].p = payload;
	t->n++;
}

/* Orders terms by shard, then by token, bytewise. */
static int
S_term_cmp(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	return strcmp(x->token, y->token);
}

/* Returns the count of shards for size bytes of data. */
static unsigned
S_nshards(size_t size)
{
	size_t n = (size + SEARCH_SHARD_BYTES - 1) / SEARCH_SHARD_BYTES;

	return n < 1 ? 1 : n > SEARCH_SHARDS_MAX ? SEARCH_SHARDS_MAX :
	    (unsigned)n;
}

/* Puts the shards of the terms of w into its sink; returns how many. */
static unsigned
S_put_terms(struct writer *w)
{
	struct terms t = { NULL, 0 };
	struct arena a;
	size_t i, size = 0;
	unsigned s, nshards;
	char name[32];

	t.v = xcalloc((size_t)xmlHashSize(w->terms) + 1, sizeof(*t.v));
	xmlHashScan(w->terms, S_list_term, &t);
	for (i = 0; i < t.n; i++)
		size += strlen(t.v[i].token) + t.v[i].p->len + 6;
	nshards = S_nshards(size);
	for (i = 0; i < t.n; i++)
		t.v[i].shard = search_shard(t.v[i].token,
		    strlen(t.v[i].token), nshards);
	qsort(t.v, t.n, sizeof(*t.v), S_term_cmp);
	arena_init(&a);
	for (s = 0, i = 0; s < nshards && !w->failed; s++) {
		json_t *o = json_object();

		/* tokens and postings are valid UTF-8 by construction */
		for (; i < t.n && t.v[i].shard == s; i++)
			json_object_set_new_nocheck(o, t.v[i].token,
			    json_stringn_nocheck(t.v[i].p->text,
			    t.v[i].p->len));
		snprintf(name, sizeof(name), "t-%u", s);
		if (S_put_script(w->sink, path_search_shard(&a, 't', s), name,
		    o, w->d) != 0)
			w->failed = 1;
	}
	arena_free(&a);
	free(t.v);
	return nshards;
}

/* xmlHashDeallocator: frees a postings' text. */
static void
S_free_postings(void *payload, const xmlChar *name)
{
	(void)name;
	free(((struct postings *)payload)->text);
}

int
search_index_put(const struct model *m, struct site_sink *sink,
    struct diag *d)
{
	struct writer w;
	json_t *index;
	unsigned nterms;
	size_t i;

	memset(&w, 0, sizeof(w));
	w.m = m;
	w.sink = sink;
	w.d = d;
	arena_init(&w.arena);
	arena_init(&w.posts);
	if ((w.terms = xmlHashCreate(4096)) == NULL)
		xalloc_die();
	w.starts = json_array();
	for (i = 0; i < m->njobtypes && !w.failed; i++)
		S_jobtype_docs(&w, &m->jobtypes[i]);
	S_flush_docs(&w);
	nterms = S_put_terms(&w);
	xmlHashFree(w.terms, S_free_postings);
	arena_free(&w.posts);
	arena_free(&w.arena);
	index = json_pack("{s:i,s:i,s:o,s:I}", "version", 1, "terms",
	    (int)nterms, "docs", w.starts, "count", (json_int_t)w.ndocs);
	if (!w.failed && (index == NULL || S_put_script(sink, PATH_SEARCH_INDEX,
	    "index", index, d) != 0))
		w.failed = 1;
	else if (w.failed)
		json_decref(index);
	return w.failed ? -1 : 0;
}
