/* search_index.c: the search index of the site; see search_index.h. */
#include "search_index.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "alloc.h"
#include "markdown.h"
#include "paths.h"
#include "search.h"
#include "site.h"

/* A token in a document: len bytes at tok (in the writer's texts
 * arena), in document number doc. */
struct occurrence {
	uint64_t	 key;		/* first 8 bytes, big-endian, 0-padded */
	const char	*tok;
	uint32_t	 len;		/* a field is at most 16 KiB */
	uint32_t	 doc;
};

/* The tokens of the documents, in the order they come.  Sorting them
 * gathers each token's documents in O(n log n) however the tokens are
 * spelled: no hash table that crafted words could flood. */
struct occurrences {
	struct occurrence	*v;
	size_t			 n, cap;
};

/* Bytes that grow: the postings of every term, one after another. */
struct buf {
	char	*v;
	size_t	 len, cap;
};

/* A token with its postings, for writing in order. */
struct term {
	uint64_t	 shard_prefix;	/* shard, then the token's */
	const char	*token;		/* first bytes, for sorting; NUL-ended */
	size_t		 toklen;
	size_t		 post, postlen;	/* its postings in the postings buf */
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
	struct arena		 texts;		/* normalised texts, tokens */
	struct occurrences	 occ;
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

/* Returns the first 8 bytes of the len at tok as a number that orders
 * as they do (0 for the bytes past len). */
static uint64_t
S_prefix_key(const char *tok, size_t len)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		v = v << 8 | (i < len ? (unsigned char)tok[i] : 0);
	return v;
}

/* search_token_fn: notes that the document being made (w->ndocs)
 * holds the token. */
static void
S_post(void *ctx, const char *tok, size_t len)
{
	struct writer *w = ctx;
	struct occurrences *o = &w->occ;

	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 4096;
		o->v = xreallocarray(o->v, o->cap, sizeof(*o->v));
	}
	o->v[o->n].key = S_prefix_key(tok, len);
	o->v[o->n].tok = tok;
	o->v[o->n].len = (uint32_t)len;
	o->v[o->n].doc = w->ndocs;
	o->n++;
}

/* Adds a document: its tokens to the postings, and [kind, level, skill,
 * text] followed by refs (specialty, link, ...; taken) to the current
 * shard. */
static void
S_doc(struct writer *w, enum search_kind kind, int level, const char *skill,
    const char *text, json_t *refs)
{
	size_t len, i;
	char *norm = search_normalize(text, strlen(text), &len), *kept;
	json_t *doc;

	if (norm == NULL) {
		diag_msg(w->d, MSG_INTERNAL, NULL, "cannot index a text that is "
		    "not UTF-8");
		w->failed = 1;
		json_decref(refs);
		return;
	}
	kept = arena_strndup(&w->texts, norm, len);	/* the tokens' */
	free(norm);
	search_tokens(kept, len, SEARCH_INDEX, S_post, w);
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

/* Appends to refs the link to "the rest" of skill k's specialties, when
 * k has more than SITE_USES_SHOWN: its comparison page when it is a
 * common skill, else the job type's section of the home page, labelled
 * with how many it stands for. */
static void
S_ref_more(struct writer *w, json_t *refs, const struct jobtype *jt,
    const struct skill *k)
{
	const char *label, *href;

	if (k->nuses <= SITE_USES_SHOWN)
		return;
	href = site_uses_more(&w->arena, PATH_HOME, jt, k, k->nuses -
	    SITE_USES_SHOWN, &label);
	json_array_append_new(refs, json_string(label));
	json_array_append_new(refs, json_string(href));
}

/* Adds a document of kind and text for skill k of jt, linked at
 * fragment from the first SITE_USES_SHOWN specialties that have the
 * skill, and to the rest (S_ref_more()): so the index grows with skills
 * plus specialties, not with their product. */
static void
S_skill_doc(struct writer *w, const struct jobtype *jt, const struct skill *k,
    enum search_kind kind, const char *text, const char *fragment)
{
	json_t *refs = json_array();
	size_t j;

	for (j = 0; j < k->nuses && j < SITE_USES_SHOWN; j++)
		S_ref(w, refs, jt, k->uses[j].specialty, k, fragment);
	S_ref_more(w, refs, jt, k);
	S_doc(w, kind, 0, k->name, text, refs);
}

/* A use's description of a level, for grouping equal ones. */
struct level_text {
	char	*text;		/* malloc'd, or NULL */
	size_t	 use;		/* index into the skill's uses */
	size_t	 first;		/* use of the first equal text */
	size_t	 next;		/* use of the next equal text, or 0 */
};

/* Orders level texts (pointers to) by text, then by use. */
static int
S_level_text_cmp(const void *a, const void *b)
{
	const struct level_text *x = *(const struct level_text *const *)a;
	const struct level_text *y = *(const struct level_text *const *)b;
	int c = strcmp(x->text, y->text);

	if (c != 0)
		return c;
	return (x->use > y->use) - (x->use < y->use);
}

/* Links the equal texts of t[0..n) (first, next), sorting them, in time
 * n log n. */
static void
S_group_texts(struct level_text *t, size_t n)
{
	struct level_text **v = xcalloc(n + 1, sizeof(*v));
	size_t i, nv = 0;

	for (i = 0; i < n; i++)
		if (t[i].text != NULL)
			v[nv++] = &t[i];
	if (nv > 1)
		qsort(v, nv, sizeof(*v), S_level_text_cmp);
	for (i = 0; i < nv; i++)
		if (i > 0 && strcmp(v[i]->text, v[i - 1]->text) == 0) {
			v[i]->first = v[i - 1]->first;
			v[i - 1]->next = v[i]->use;
		} else
			v[i]->first = v[i]->use;
	free(v);
}

/* Adds the documents of level n of skill k of jt: one per distinct
 * description, linked from every specialty that gives it, in the order
 * the specialties first give them. */
static void
S_level_docs(struct writer *w, const struct jobtype *jt, const struct skill *k,
    int n)
{
	struct level_text *t = xcalloc(k->nuses + 1, sizeof(*t));
	const char *anchor = path_level_anchor(&w->arena, n);
	size_t i, j;

	for (j = 0; j < k->nuses; j++) {
		const struct level *lv = entry_find_level(k->uses[j].entry, n);

		t[j].use = j;
		if (lv != NULL && lv->markdown != NULL)
			t[j].text = md_plain_text(lv->markdown);
	}
	S_group_texts(t, k->nuses);
	for (j = 0; j < k->nuses; j++) {
		json_t *refs;

		if (t[j].text == NULL || *t[j].text == '\0' || t[j].first != j)
			continue;
		refs = json_array();
		for (i = j;; i = t[i].next) {
			S_ref(w, refs, jt, k->uses[i].specialty, k, anchor);
			if (t[i].next == 0)
				break;
		}
		S_doc(w, SEARCH_LEVEL, n, k->name, t[j].text, refs);
	}
	for (j = 0; j < k->nuses; j++)
		free(t[j].text);
	free(t);
}

/* Adds the documents of job type jt, a skill at a time. */
static void
S_jobtype_docs(struct writer *w, const struct jobtype *jt)
{
	size_t i, j;
	int n;

	for (i = 0; i < jt->nskills && !w->failed; i++) {
		const struct skill *k = &jt->skills[i];

		if (k->nuses == 0)
			continue;	/* no page to link to */
		S_skill_doc(w, jt, k, SEARCH_NAME, k->name, NULL);
		for (j = 0; j < k->nknowledge; j++)
			S_skill_doc(w, jt, k, SEARCH_KNOWLEDGE,
			    k->knowledge[j].text, k->knowledge[j].anchor);
		for (n = jt->min_level; n <= jt->max_level; n++)
			S_level_docs(w, jt, k, n);
		arena_free(&w->arena);
		arena_init(&w->arena);
	}
}

/* Returns shard in the top 16 bits above the first 6 bytes of the
 * token tok (of len bytes), as a number that orders as they do. */
static uint64_t
S_shard_prefix(unsigned shard, const char *tok, size_t len)
{
	uint64_t v = shard;
	size_t i;

	for (i = 0; i < 6; i++)
		v = v << 8 | (i < len ? (unsigned char)tok[i] : 0);
	return v;
}

/* Orders the len_a bytes at a and the len_b bytes at b bytewise, a
 * prefix first (as strcmp() orders them when NUL-ended). */
static int
S_bytes_cmp(const char *a, size_t len_a, const char *b, size_t len_b)
{
	int c = memcmp(a, b, len_a < len_b ? len_a : len_b);

	if (c != 0)
		return c;
	return (len_a > len_b) - (len_a < len_b);
}

/* Orders occurrences by token, then by document.  Tokens hold no NUL,
 * so equal keys of tokens of at most 8 bytes mean equal tokens. */
static int
S_occ_cmp(const void *a, const void *b)
{
	const struct occurrence *x = a, *y = b;
	int c;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if ((x->len > 8 || y->len > 8) && (c = S_bytes_cmp(x->tok + 8,
	    x->len - 8, y->tok + 8, y->len - 8)) != 0)
		return c;
	return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Orders terms by shard, then by token, bytewise. */
static int
S_term_cmp(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	if (x->shard_prefix != y->shard_prefix)
		return x->shard_prefix < y->shard_prefix ? -1 : 1;
	return S_bytes_cmp(x->token, x->toklen, y->token, y->toklen);
}

/* Sorts v[0..n) by key, stably (so each token's occurrences stay in
 * document order): a radix sort, a byte of the key a pass, in time
 * linear in n whatever the keys. */
static void
S_sort_keys(struct occurrence *v, size_t n)
{
	struct occurrence *tmp = xcalloc(n, sizeof(*tmp)), *from = v, *to = tmp;
	struct occurrence *swap;
	size_t count[257], i;
	unsigned shift, b;

	for (shift = 0; shift < 64; shift += 8) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(from[i].key >> shift & 0xFF) + 1]++;
		for (b = 0; b < 256 && count[b + 1] != n; b++)
			;
		if (b < 256)
			continue;	/* one value: the order stands */
		for (b = 1; b < 256; b++)
			count[b] += count[b - 1];
		for (i = 0; i < n; i++)
			to[count[from[i].key >> shift & 0xFF]++] = from[i];
		swap = from;
		from = to;
		to = swap;
	}
	if (from != v)
		memcpy(v, from, n * sizeof(*v));
	free(tmp);
}

/* Sorts the occurrences o by token, then by document, in time
 * O(n log n) whatever the tokens: by their first 8 bytes, then each run
 * of equal first bytes that has a longer token by the rest. */
static void
S_sort_occurrences(struct occurrences *o)
{
	size_t i, j, k;
	int longer;

	S_sort_keys(o->v, o->n);
	for (i = 0; i < o->n; i = j) {
		longer = 0;
		for (j = i; j < o->n && o->v[j].key == o->v[i].key; j++)
			longer |= o->v[j].len > 8;
		k = j - i;
		if (longer && k > 1)
			qsort(o->v + i, k, sizeof(*o->v), S_occ_cmp);
	}
}

/* Appends to b the number v in base 36, after a comma unless first. */
static void
S_put_number(struct buf *b, uint32_t v, int first)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	char tmp[8];
	size_t k = 0;

	do
		tmp[k++] = digits[v % 36];
	while ((v /= 36) != 0);
	if (b->len + k + 1 > b->cap) {
		b->cap = b->cap ? 2 * b->cap + k : 65536;
		b->v = xreallocarray(b->v, b->cap, 1);
	}
	if (!first)
		b->v[b->len++] = ',';
	while (k > 0)
		b->v[b->len++] = tmp[--k];
}

/* Returns the terms of w's occurrences, sorted by token, each with its
 * postings in posts: the ascending numbers of the documents that hold
 * it, as differences.  Takes (frees) the occurrences. */
static struct terms
S_collect_terms(struct writer *w, struct buf *posts)
{
	struct occurrences *o = &w->occ;
	struct terms t = { NULL, 0 };
	size_t i, j;

	S_sort_occurrences(o);
	t.v = xcalloc(o->n + 1, sizeof(*t.v));
	for (i = 0; i < o->n; i = j) {
		struct term *tm = &t.v[t.n++];
		uint32_t last = o->v[i].doc;

		tm->token = arena_strndup(&w->texts, o->v[i].tok, o->v[i].len);
		tm->toklen = o->v[i].len;
		tm->post = posts->len;
		S_put_number(posts, last, 1);
		for (j = i + 1; j < o->n && o->v[j].len == o->v[i].len &&
		    memcmp(o->v[j].tok, o->v[i].tok, o->v[i].len) == 0; j++)
			if (o->v[j].doc != last) {
				S_put_number(posts, o->v[j].doc - last, 0);
				last = o->v[j].doc;
			}
		tm->postlen = posts->len - tm->post;
	}
	free(o->v);
	memset(o, 0, sizeof(*o));
	return t;
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
	struct buf posts = { NULL, 0, 0 };
	struct terms t = S_collect_terms(w, &posts);
	struct arena a;
	size_t i, size = 0;
	unsigned s, nshards;
	char name[32];

	for (i = 0; i < t.n; i++)
		size += t.v[i].toklen + t.v[i].postlen + 6;
	nshards = S_nshards(size);
	for (i = 0; i < t.n; i++)
		t.v[i].shard_prefix = S_shard_prefix(search_shard(
		    t.v[i].token, t.v[i].toklen, nshards), t.v[i].token,
		    t.v[i].toklen);
	if (t.n > 1)
		qsort(t.v, t.n, sizeof(*t.v), S_term_cmp);
	arena_init(&a);
	for (s = 0, i = 0; s < nshards && !w->failed; s++) {
		json_t *o = json_object();

		/* tokens and postings are valid UTF-8 by construction */
		for (; i < t.n && t.v[i].shard_prefix >> 48 == s; i++)
			json_object_set_new_nocheck(o, t.v[i].token,
			    json_stringn_nocheck(posts.v + t.v[i].post,
			    t.v[i].postlen));
		snprintf(name, sizeof(name), "t-%u", s);
		if (S_put_script(w->sink, path_search_shard(&a, 't', s), name,
		    o, w->d) != 0)
			w->failed = 1;
	}
	arena_free(&a);
	free(posts.v);
	free(t.v);
	return nshards;
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
	arena_init(&w.texts);
	w.starts = json_array();
	for (i = 0; i < m->njobtypes && !w.failed; i++)
		S_jobtype_docs(&w, &m->jobtypes[i]);
	S_flush_docs(&w);
	nterms = S_put_terms(&w);
	free(w.occ.v);		/* when failed before S_put_terms() */
	arena_free(&w.texts);
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
