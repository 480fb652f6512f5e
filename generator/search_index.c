/* search_index.c: the search index of the site; see search_index.h. */
#include "search_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/hash.h>

#include "alloc.h"
#include "markdown.h"
#include "paths.h"
#include "search.h"

/* The documents that hold a token, ascending. */
struct postings {
	uint32_t	*ids;		/* malloc'd */
	size_t		 n, cap;
};

/* A token with its postings, for writing in order. */
struct term {
	const char		*token;
	const struct postings	*p;
	char			*encoded;	/* malloc'd: "0,3,a" */
	unsigned		 shard;
};

/* The state of building: the index and the document being added. */
struct build {
	struct search_index	*ix;
	size_t			 cap;		/* of ix->docs */
	uint32_t		 doc;		/* the document being tokenised */
};

/* Appends a document to ix with room for nrefs references; returns it. */
static struct search_doc *
S_add_doc(struct build *b, enum search_kind kind, size_t skill, int level,
    const char *text, size_t nrefs)
{
	struct search_index *ix = b->ix;
	struct search_doc *doc;

	if (ix->ndocs == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		ix->docs = xreallocarray(ix->docs, b->cap, sizeof(*ix->docs));
	}
	doc = &ix->docs[ix->ndocs++];
	memset(doc, 0, sizeof(*doc));
	doc->kind = kind;
	doc->skill = skill;
	doc->level = level;
	doc->text = text;
	doc->refs = arena_calloc(&ix->arena, nrefs, sizeof(*doc->refs));
	return doc;
}

/* Adds to doc a link to specialty spec's page of skill k of jt, at
 * fragment (or none when NULL). */
static void
S_add_ref(struct search_index *ix, struct search_doc *doc, size_t spec,
    const struct jobtype *jt, const struct specialty *sp,
    const struct skill *k, const char *fragment)
{
	struct search_ref *r = &doc->refs[doc->nrefs++];

	r->specialty = spec;
	r->href = path_href(&ix->arena, PATH_HOME, path_skill(&ix->arena,
	    jt->id, sp->id, k->id), fragment);
}

/* Returns the entry of skill k in specialty sp, or NULL. */
static const struct entry *
S_entry_of(const struct specialty *sp, const struct skill *k)
{
	size_t i;

	for (i = 0; i < sp->nentries; i++)
		if (sp->entries[i].skill == k)
			return &sp->entries[i];
	return NULL;
}

/* Adds the documents of level n of skill k (numbered skill) of jt: one
 * per distinct description, linked from every specialty (numbered from
 * spec0) that gives it. */
static void
S_add_level(struct build *b, const struct jobtype *jt, const struct skill *k,
    size_t skill, size_t spec0, int n)
{
	struct search_index *ix = b->ix;
	size_t j, first = ix->ndocs, i;

	for (j = 0; j < jt->nspecialties; j++) {
		const struct specialty *sp = &jt->specialties[j];
		const struct entry *e = S_entry_of(sp, k);
		const struct level *lv = e ? entry_find_level(e, n) : NULL;
		struct search_doc *doc = NULL;
		char *plain;

		if (lv == NULL || lv->markdown == NULL)
			continue;
		plain = md_plain_text(lv->markdown);
		for (i = first; i < ix->ndocs && doc == NULL; i++)
			if (strcmp(ix->docs[i].text, plain) == 0)
				doc = &ix->docs[i];
		if (doc == NULL && *plain != '\0')
			doc = S_add_doc(b, SEARCH_LEVEL, skill, n,
			    arena_strdup(&ix->arena, plain), jt->nspecialties);
		free(plain);
		if (doc != NULL)
			S_add_ref(ix, doc, spec0 + j, jt, sp, k,
			    path_level_anchor(&ix->arena, n));
	}
}

/* Adds a document of kind and text for skill k (numbered skill) of jt,
 * linked at fragment from every specialty (numbered from spec0) that
 * has the skill. */
static void
S_add_skill_doc(struct build *b, const struct jobtype *jt,
    const struct skill *k, size_t skill, size_t spec0, enum search_kind kind,
    const char *text, const char *fragment)
{
	struct search_doc *doc = S_add_doc(b, kind, skill, 0, text,
	    jt->nspecialties);
	size_t j;

	for (j = 0; j < jt->nspecialties; j++)
		if (S_entry_of(&jt->specialties[j], k) != NULL)
			S_add_ref(b->ix, doc, spec0 + j, jt, &jt->specialties[j],
			    k, fragment);
}

/* Adds the documents of job type jt, whose skills and specialties are
 * numbered from skill0 and spec0. */
static void
S_add_jobtype(struct build *b, const struct jobtype *jt, size_t skill0,
    size_t spec0)
{
	struct arena *a = &b->ix->arena;
	size_t i, j, used;
	int n;

	for (i = 0; i < jt->nskills; i++) {
		const struct skill *k = &jt->skills[i];

		for (j = used = 0; j < jt->nspecialties; j++)
			used += S_entry_of(&jt->specialties[j], k) != NULL;
		if (used == 0)
			continue;	/* no page to link to */
		S_add_skill_doc(b, jt, k, skill0 + i, spec0, SEARCH_NAME,
		    k->name, NULL);
		for (j = 0; j < k->nknowledge; j++)
			S_add_skill_doc(b, jt, k, skill0 + i, spec0,
			    SEARCH_KNOWLEDGE, k->knowledge[j].text,
			    path_text_anchor(a, k->knowledge[j].text));
		for (n = jt->min_level; n <= jt->max_level; n++)
			S_add_level(b, jt, k, skill0 + i, spec0, n);
	}
}

/* search_token_fn: adds the document being tokenised to the token's
 * postings. */
static void
S_post(void *ctx, const char *tok, size_t len)
{
	struct build *b = ctx;
	xmlHashTable *h = b->ix->terms;
	char small[64], *key = len < sizeof(small) ? small :
	    xreallocarray(NULL, len + 1, 1);
	struct postings *p;

	memcpy(key, tok, len);
	key[len] = '\0';
	if ((p = xmlHashLookup(h, (const xmlChar *)key)) == NULL) {
		p = arena_calloc(&b->ix->arena, 1, sizeof(*p));
		if (xmlHashAddEntry(h, (const xmlChar *)key, p) != 0)
			xalloc_die();
	}
	if (p->n == 0 || p->ids[p->n - 1] != b->doc) {
		if (p->n == p->cap) {
			p->cap = p->cap ? 2 * p->cap : 4;
			p->ids = xreallocarray(p->ids, p->cap, sizeof(*p->ids));
		}
		p->ids[p->n++] = b->doc;
	}
	if (key != small)
		free(key);
}

int
search_index_build(struct search_index *ix, const struct model *m)
{
	struct build b = { ix, 0, 0 };
	size_t i, skill0 = 0, spec0 = 0, len;
	char *norm;

	memset(ix, 0, sizeof(*ix));
	arena_init(&ix->arena);
	if ((ix->terms = xmlHashCreate(4096)) == NULL)
		xalloc_die();
	for (i = 0; i < m->njobtypes; i++) {
		S_add_jobtype(&b, &m->jobtypes[i], skill0, spec0);
		skill0 += m->jobtypes[i].nskills;
		spec0 += m->jobtypes[i].nspecialties;
	}
	for (i = 0; i < ix->ndocs; i++) {
		const char *text = ix->docs[i].text;

		if ((norm = search_normalize(text, strlen(text), &len)) == NULL)
			return -1;
		b.doc = (uint32_t)i;
		search_tokens(norm, len, SEARCH_INDEX, S_post, &b);
		free(norm);
	}
	return 0;
}

const uint32_t *
search_index_lookup(const struct search_index *ix, const char *tok, size_t *n)
{
	const struct postings *p = xmlHashLookup(ix->terms,
	    (const xmlChar *)tok);

	*n = p ? p->n : 0;
	return p ? p->ids : NULL;
}

/* xmlHashDeallocator: frees a postings' numbers. */
static void
S_free_postings(void *payload, const xmlChar *name)
{
	(void)name;
	free(((struct postings *)payload)->ids);
}

void
search_index_free(struct search_index *ix)
{
	if (ix->terms != NULL)
		xmlHashFree(ix->terms, S_free_postings);
	free(ix->docs);
	arena_free(&ix->arena);
	memset(ix, 0, sizeof(*ix));
}

/* Returns ids (n of them, ascending) as differences in base 36 joined by
 * commas, malloc'd. */
static char *
S_encode(const uint32_t *ids, size_t n)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	char *s = xreallocarray(NULL, n, 8), tmp[8];
	size_t i, len = 0, k;
	uint32_t v;

	for (i = 0; i < n; i++) {
		v = ids[i] - (i > 0 ? ids[i - 1] : 0);
		k = 0;
		do
			tmp[k++] = digits[v % 36];
		while ((v /= 36) != 0);
		if (i > 0)
			s[len++] = ',';
		while (k > 0)
			s[len++] = tmp[--k];
	}
	s[len] = '\0';
	return s;
}

/* The terms of an index being listed. */
struct terms {
	struct term	*v;
	size_t		 n;
};

/* xmlHashScanner: adds a token and its postings to the list data. */
static void
S_list_term(void *payload, void *data, const xmlChar *name)
{
	struct terms *t = data;
	const struct postings *p = payload;

	t->v[t->n].token = (const char *)name;
	t->v[t->n].p = p;
	t->v[t->n].encoded = S_encode(p->ids, p->n);
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

/* Puts the file "skillsiteSearch.put(NAME, DATA);" at site path into
 * sink, DATA being data as JSON; takes data.  Returns 0, or -1 after
 * reporting. */
static int
S_put_script(struct site_sink *sink, const char *path, const char *name,
    json_t *data, struct diag *d)
{
	char *json = json_dumps(data, JSON_COMPACT);	/* keys in order */
	char *script;
	size_t len;
	int rc = -1;

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

/* Returns the count of shards for size bytes of data. */
static unsigned
S_nshards(size_t size)
{
	size_t n = (size + SEARCH_SHARD_BYTES - 1) / SEARCH_SHARD_BYTES;

	return n < 1 ? 1 : n > SEARCH_SHARDS_MAX ? SEARCH_SHARDS_MAX :
	    (unsigned)n;
}

/* Puts the shards of the terms of ix into sink; sets *nshards.  Returns
 * 0, or -1 after reporting. */
static int
S_put_terms(const struct search_index *ix, struct site_sink *sink,
    unsigned *nshards, struct diag *d)
{
	struct terms t = { NULL, 0 };
	struct arena a;
	size_t i, size = 0;
	unsigned s;
	int rc = 0;
	char name[32];

	t.v = xcalloc((size_t)xmlHashSize(ix->terms) + 1, sizeof(*t.v));
	xmlHashScan(ix->terms, S_list_term, &t);
	for (i = 0; i < t.n; i++)
		size += strlen(t.v[i].token) + strlen(t.v[i].encoded) + 6;
	*nshards = S_nshards(size);
	for (i = 0; i < t.n; i++)
		t.v[i].shard = search_shard(t.v[i].token,
		    strlen(t.v[i].token), *nshards);
	qsort(t.v, t.n, sizeof(*t.v), S_term_cmp);
	arena_init(&a);
	for (s = 0, i = 0; s < *nshards && rc == 0; s++) {
		json_t *o = json_object();

		for (; i < t.n && t.v[i].shard == s; i++)
			json_object_set_new_nocheck(o, t.v[i].token,
			    json_string_nocheck(t.v[i].encoded));
		snprintf(name, sizeof(name), "t-%u", s);
		rc = S_put_script(sink, path_search_shard(&a, 't', s), name, o,
		    d);
	}
	arena_free(&a);
	for (i = 0; i < t.n; i++)
		free(t.v[i].encoded);
	free(t.v);
	return rc;
}

/* Returns document doc as JSON: [kind, skill, level, text, specialty,
 * href, specialty, href, ...]; sets *size to about its length. */
static json_t *
S_doc_json(const struct search_doc *doc, size_t *size)
{
	json_t *a = json_array();
	size_t i;

	json_array_append_new(a, json_integer(doc->kind));
	json_array_append_new(a, json_integer((json_int_t)doc->skill));
	json_array_append_new(a, json_integer(doc->level));
	json_array_append_new(a, json_string(doc->text));
	*size = strlen(doc->text) + 16;
	for (i = 0; i < doc->nrefs; i++) {
		json_array_append_new(a, json_integer(
		    (json_int_t)doc->refs[i].specialty));
		json_array_append_new(a, json_string(doc->refs[i].href));
		*size += strlen(doc->refs[i].href) + 8;
	}
	return a;
}

/* Puts the shards of the documents of ix into sink, each starting after
 * the previous one reached SEARCH_SHARD_BYTES; appends each shard's first
 * number to starts.  Returns 0, or -1 after reporting. */
static int
S_put_docs(const struct search_index *ix, struct site_sink *sink,
    json_t *starts, struct diag *d)
{
	struct arena a;
	json_t *shard = NULL;
	size_t i, size = 0, one;
	unsigned s = 0;
	int rc = 0;
	char name[32];

	arena_init(&a);
	for (i = 0; i <= ix->ndocs && rc == 0; i++) {
		if (shard != NULL && (i == ix->ndocs ||
		    size >= SEARCH_SHARD_BYTES)) {
			snprintf(name, sizeof(name), "d-%u", s);
			rc = S_put_script(sink, path_search_shard(&a, 'd', s),
			    name, shard, d);
			shard = NULL;
			s++;
		}
		if (i == ix->ndocs || rc != 0)
			break;
		if (shard == NULL) {
			shard = json_array();
			size = 0;
			json_array_append_new(starts, json_integer((json_int_t)i));
		}
		json_array_append_new(shard, S_doc_json(&ix->docs[i], &one));
		size += one;
	}
	arena_free(&a);
	return rc;
}

/* Returns the names of m's job types, specialties and skills as the
 * JSON object of search/index.js, without the shards. */
static json_t *
S_names(const struct model *m)
{
	json_t *o = json_object(), *jts = json_array(), *sps = json_array(),
	    *sks = json_array();
	size_t i, j;

	for (i = 0; i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];

		json_array_append_new(jts, json_string(jt->name));
		for (j = 0; j < jt->nspecialties; j++)
			json_array_append_new(sps, json_pack("[s,I]",
			    jt->specialties[j].name, (json_int_t)i));
		for (j = 0; j < jt->nskills; j++)
			json_array_append_new(sks, json_pack("[s,I]",
			    jt->skills[j].name, (json_int_t)i));
	}
	json_object_set_new(o, "version", json_integer(1));
	json_object_set_new(o, "jobtypes", jts);
	json_object_set_new(o, "specialties", sps);
	json_object_set_new(o, "skills", sks);
	return o;
}

int
search_index_put(const struct search_index *ix, const struct model *m,
    struct site_sink *sink, struct diag *d)
{
	json_t *index = S_names(m), *starts = json_array();
	unsigned nshards = 0;

	if (S_put_terms(ix, sink, &nshards, d) != 0 ||
	    S_put_docs(ix, sink, starts, d) != 0) {
		json_decref(starts);
		json_decref(index);
		return -1;
	}
	json_object_set_new(index, "terms", json_integer(nshards));
	json_object_set_new(index, "docs", starts);
	json_object_set_new(index, "count", json_integer((json_int_t)ix->ndocs));
	return S_put_script(sink, PATH_SEARCH_INDEX, "index", index, d);
}
