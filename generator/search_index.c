/* search_index.c: the search index of the site; see search_index.h. */
#include "search_index.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "alloc.h"
#include "hash.h"
#include "jsontext.h"
#include "markdown.h"
#include "paths.h"
#include "search.h"

/* A token and the documents that hold it, as search.js reads them:
 * ascending numbers written as differences in base 36, joined by
 * commas. */
struct postings {
	const char	*token;		/* in the posts arena of its table */
	size_t		 toklen;
	char		*text;		/* small, or malloc'd; NUL-ended */
	size_t		 len, cap;
	uint32_t	 first;		/* the first number added */
	uint32_t	 last;		/* the last number added */
	char		 small[16];	/* most terms' postings */
};

/* A token with its postings, for writing in order. */
struct term {
	uint64_t		 shard_prefix;	/* shard, then the token's */
	const char		*token;		/* first bytes, for sorting */
	const struct postings	*p;
};

/* The terms of the index, listed for writing. */
struct terms {
	struct term	*v;
	size_t		 n;
};

/* The links of a document, as the JSON it ends with: ,"specialty","link"
 * ... and ,["label","link"] of the rest. */
struct refs {
	struct strbuf	 text;
	size_t			 bytes;		/* counted to the shard's size */
};

/* A specialty that has the skill being indexed, as its documents link
 * to it (S_use_ref()). */
struct use_ref {
	const char	*text;		/* NULL: not made yet */
	size_t		 len;
	size_t		 bytes;		/* counted to the shard's size */
};

/* A slot of the writer's cache of recent short tokens. */
struct recent {
	uint64_t		 word;		/* S_pack() of the token */
	size_t			 len;
	struct postings		*p;		/* NULL: empty */
};

/* Slots in the cache of recent tokens: a power of two. */
#define RECENT_SLOTS	4096

/* A token's postings as a part keeps them to be taken, followed by
 * the token's toklen bytes and then the len bytes of the postings but
 * the first number (from its comma on), in a part's packed. */
struct packed_head {
	uint32_t	 first, last;
	size_t		 toklen, len;
};

/* Parts made ahead of their turn, at most, about (S_claim()): they wait
 * in memory to be taken. */
#define PARTS_AHEAD	4

/* A document of a part, its skill's number not yet known: the text in
 * the part's docs from start (kind, level, skill, text and a comma) and
 * from split on (the links and "]"), the skill's number coming between;
 * the document ends where the next begins. */
struct part_doc {
	size_t		 start, split;
	size_t		 bytes;		/* counted to the shard's size */
	uint32_t	 skill;		/* the part's number of the skill */
};

/* The state of making a part of the index: the documents of a run of
 * skills, numbered from 0 in the part; or, when the part is in its turn
 * as it begins (direct), numbered on from the parts before and written
 * into the index as they are made, as if in one part. */
struct writer {
	struct search_build	*s;		/* the index */
	int			 direct;
	uint32_t		 base;		/* number of the first
						 * document: 0 unless direct */
	const struct model	*m;
	const struct md_table	*md;		/* the fields' plain text */
	const struct labels	*labels;	/* the words of the pages */
	struct diag		*d;
	struct arena		 arena;		/* links of the current skill */
	struct arena		 posts;		/* struct postings */
	struct hash_table	 terms;		/* struct postings, by token;
						 * keyed anew each run (hash.h) */
	struct arena		*store;		/* posts, or the index's when
						 * direct */
	struct hash_table	*table;		/* terms, or the index's */
	struct recent		*recent;	/* RECENT_SLOTS: S_recent();
						 * the index's when direct */
	uint32_t		 ndocs;
	uint32_t		 nskills;	/* skills indexed, the current's
						 * number (its group) */
	struct strbuf	 docs;		/* the documents' text (when
						 * direct, the current's) */
	struct strbuf	 packed;	/* the postings once made, not
						 * direct: S_pack_terms() */
	struct part_doc		*v;		/* ndocs of cap; none when
						 * direct */
	size_t			 cap;
	struct refs		 refs;		/* of the document being made */
	struct use_ref		*uses;		/* of the skill being indexed,
						 * in arena */
	int			 failed;
};

/* A part of the index: the skills from skill k of job type jt on, up to
 * the next part's first. */
struct part {
	size_t		 jt, k;
	struct writer	*w;		/* made, waiting for its turn */
	int		 done;		/* made (under the build's lock) */
};

/* The index being built in parts: the parts are made on any threads,
 * then taken in turn, in the order of the site (S_take()), their
 * documents numbered on from the previous part's, written into shards
 * and their postings added to the index's. */
struct search_build {
	const struct model	*m;
	const struct labels	*labels;
	const struct md_table	*md;
	struct site_sink	*sink;
	pthread_mutex_t		 lock;		/* for the parts' done,
						 * taken, taking, making */
	pthread_cond_t		 moved;		/* taken, taking or making
						 * changed */
	size_t			 making;	/* parts being made */
	struct part		*parts;		/* nparts, and an end */
	size_t			 nparts;
	size_t			 taken;		/* parts taken so far */
	int			 taking;	/* a thread is taking parts */
	int			 failed;
	int			 written;	/* index.js put */
	struct arena		 posts;		/* struct postings */
	struct hash_table	 terms;		/* struct postings, by token */
	struct recent		*recent;	/* the direct writers' cache of
						 * recent tokens, in terms */
	uint32_t		 ndocs;		/* of the parts taken */
	uint32_t		 nskills;
	struct strbuf	 shard;		/* the script of the documents
						 * not yet put; empty: none */
	size_t			 shard_bytes;
	unsigned		 nshards;	/* of documents, put */
	json_t			*starts;	/* each one's first document */
};

/* Appends "skillsiteSearch.put("NAME"," to b, NAME being kind then n
 * ("d-3"), as the file of that name begins. */
static void
S_script_head(struct strbuf *b, char kind, unsigned n)
{
	char head[64];
	int len = snprintf(head, sizeof(head), "skillsiteSearch.put(\"%c-%u\",",
	    kind, n);

	strbuf_add(b, head, (size_t)len);
}

/* Puts script b, ending it with close then ");\n", at the site path of
 * shard n of kind into s's sink; empties b.  Returns 0, or -1 after
 * reporting to d. */
static int
S_put_shard(struct search_build *s, struct strbuf *b, const char *close,
    char kind, unsigned n, struct diag *d)
{
	struct arena a;
	int rc;

	strbuf_add(b, close, strlen(close));
	strbuf_add(b, ");\n", 3);
	arena_init(&a);
	rc = s->sink->put(s->sink->ctx, SINK_SEARCH, path_search_shard(&a,
	    kind, n), b->s, b->len, d);
	arena_free(&a);
	b->len = 0;
	return rc;
}

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
	rc = sink->put(sink->ctx, SINK_SEARCH, path, script, len, d);
	free(script);
	free(json);
	return rc;
}

/* Puts the documents of s not yet put as the next shard, reporting to
 * d. */
static void
S_flush_docs(struct search_build *s, struct diag *d)
{
	if (s->shard.len == 0)
		return;
	if (!s->failed && S_put_shard(s, &s->shard, "]", 'd',
	    s->nshards, d) != 0)
		s->failed = 1;
	s->shard.len = 0;
	s->nshards++;
}

/* Makes room in p's text for n more bytes (at most its size). */
static inline void
S_room(struct postings *p, size_t n)
{
	char *grown;

	if (p->len + n <= p->cap)
		return;
	grown = xreallocarray(p->text == p->small ? NULL : p->text,
	    2 * p->cap, 1);
	if (p->text == p->small)
		memcpy(grown, p->small, p->len + 1);
	p->text = grown;
	p->cap *= 2;
}

/* Appends document number id to p, if not there yet. */
static inline void
S_append(struct postings *p, uint32_t id)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	char *out;
	uint32_t v = id, t;
	size_t k = 1;

	if (p->text == NULL) {
		p->text = p->small;
		p->cap = sizeof(p->small);
		p->first = id;
	} else if (id == p->last)
		return;
	else
		v = id - p->last;
	for (t = v; t >= 36; t /= 36)
		k++;
	S_room(p, k + 2);		/* a comma, the digits, the NUL */
	out = p->text + p->len;
	if (p->len > 0)
		*out++ = ',';
	out += k;
	if (k == 1)			/* most differences */
		out[-1] = digits[v];
	else
		for (t = 1; t <= k; t++, v /= 36)
			out[-(ptrdiff_t)t] = digits[v % 36];
	*out = '\0';
	p->len = (size_t)(out - p->text);
	p->last = id;
}

/* A token being looked up: len bytes at s. */
struct token {
	const char	*s;
	size_t		 len;
};

/* Returns the len bytes at tok packed into a number, when they are at
 * most 8 (most tokens: a word, or one or two characters), else 0. */
static inline uint64_t
S_pack(const char *tok, size_t len)
{
	uint64_t v = 0;

	switch (len) {		/* copies of known sizes: no call */
	case 1: memcpy(&v, tok, 1); break;
	case 2: memcpy(&v, tok, 2); break;
	case 3: memcpy(&v, tok, 3); break;
	case 4: memcpy(&v, tok, 4); break;
	case 5: memcpy(&v, tok, 5); break;
	case 6: memcpy(&v, tok, 6); break;
	case 7: memcpy(&v, tok, 7); break;
	case 8: memcpy(&v, tok, 8); break;
	default: break;
	}
	return v;
}

/* hash_same_fn: whether postings item are those of token key. */
static int
S_same_token(const void *item, const void *key)
{
	const struct postings *p = item;
	const struct token *k = key;

	return p->toklen == k->len && memcmp(p->token, k->s, k->len) == 0;
}

/* Returns the postings of the len bytes at tok in table t, added
 * (empty, in posts) when new.  A short token is hashed as word, the
 * number it packs into (S_pack()). */
static struct postings *
S_term(struct hash_table *t, struct arena *posts, const char *tok,
    size_t len, uint64_t word)
{
	struct token key = { tok, len };
	size_t h = len <= sizeof(word) ? hash_word(t, word, len) :
	    hash_bytes(t, tok, len);
	struct postings *p = hash_get(t, h, S_same_token, &key);

	if (p == NULL) {
		p = arena_calloc(posts, 1, sizeof(*p));
		p->token = arena_strndup(posts, tok, len);
		p->toklen = len;
		hash_put(t, h, p);
	}
	return p;
}

/* Returns the slot of w's cache of recent tokens for the short token
 * packed as word, of len bytes.  The cache only spares looking up
 * tokens seen lately: its unkeyed hash can make crafted tokens share a
 * slot, which costs them no more than the table's lookup. */
static struct recent *
S_recent(struct writer *w, uint64_t word, size_t len)
{
	uint64_t h = (word ^ len) * 0x9E3779B97F4A7C15u;

	return &w->recent[h >> 52 & (RECENT_SLOTS - 1)];
}

/* search_token_fn: adds the document being made (w->ndocs) to the
 * token's postings. */
static void
S_post(void *ctx, const char *tok, size_t len)
{
	struct writer *w = ctx;
	struct recent *r;
	uint64_t word;

	if (len > sizeof(word)) {
		S_append(S_term(w->table, w->store, tok, len, 0),
		    w->base + w->ndocs);
		return;
	}
	word = S_pack(tok, len);
	r = S_recent(w, word, len);
	if (r->p == NULL || r->word != word || r->len != len) {
		r->p = S_term(w->table, w->store, tok, len, word);
		r->word = word;
		r->len = len;
	}
	S_append(r->p, w->base + w->ndocs);
}

/* Appends the number n to b in decimal, as jansson writes it. */
static void
S_number(struct strbuf *b, long n)
{
	unsigned long v = n < 0 ? 0 - (unsigned long)n : (unsigned long)n;
	char num[24];
	size_t k = sizeof(num);

	do
		num[--k] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (n < 0)
		num[--k] = '-';
	strbuf_add(b, num + k, sizeof(num) - k);
}

/* Writes document doc, its text in docs up to end, into s's shards,
 * numbering it and its skill on from s's, reporting to d. */
static void
S_take_doc(struct search_build *s, const char *docs,
    const struct part_doc *doc, size_t end, struct diag *d)
{
	if (s->shard.len == 0) {
		S_script_head(&s->shard, 'd', s->nshards);
		strbuf_add(&s->shard, "[[", 2);
		s->shard_bytes = 0;
		json_array_append_new(s->starts, json_integer(s->ndocs));
	} else
		strbuf_add(&s->shard, ",[", 2);
	strbuf_add(&s->shard, docs + doc->start, doc->split - doc->start);
	S_number(&s->shard, (long)(s->nskills + doc->skill));
	strbuf_add(&s->shard, docs + doc->split, end - doc->split);
	s->shard_bytes += doc->bytes;
	s->ndocs++;
	if (s->shard_bytes >= SEARCH_SHARD_BYTES)
		S_flush_docs(s, d);
}

/* Keeps document doc of w, made last, for its part's turn; or, when w
 * is direct, writes it into the index at once. */
static void
S_keep_doc(struct writer *w, const struct part_doc *doc)
{
	if (w->direct) {
		if (!w->s->failed)
			S_take_doc(w->s, w->docs.s, doc, w->docs.len, w->d);
		w->docs.len = 0;
	} else {
		if (w->ndocs == w->cap) {
			w->cap = w->cap == 0 ? 64 : 2 * w->cap;
			w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
		}
		w->v[w->ndocs] = *doc;
	}
	w->ndocs++;
}

/* Adds a document: its tokens to the postings, and kind, level, skill,
 * text and refs (emptied) to w's documents, to be written with the
 * skill's number when the part's turn comes (S_take_docs()), or at once
 * when w is direct. */
static void
S_doc(struct writer *w, enum search_kind kind, int level, const char *skill,
    const char *text, struct refs *refs)
{
	size_t len;
	char *norm = search_normalize(text, strlen(text), &len);
	struct part_doc doc;

	if (norm == NULL) {
		diag_msg(w->d, MSG_INTERNAL, NULL, "cannot index a text that is "
		    "not UTF-8");
		w->failed = 1;
		refs->text.len = refs->bytes = 0;
		return;
	}
	search_tokens(norm, len, SEARCH_INDEX, S_post, w);
	free(norm);
	doc.start = w->docs.len;
	S_number(&w->docs, (long)kind);
	strbuf_add(&w->docs, ",", 1);
	S_number(&w->docs, level);
	strbuf_add(&w->docs, ",", 1);
	jsontext_string(&w->docs, skill, strlen(skill));
	strbuf_add(&w->docs, ",", 1);
	jsontext_string(&w->docs, text, strlen(text));
	strbuf_add(&w->docs, ",", 1);
	doc.split = w->docs.len;
	strbuf_add(&w->docs, refs->text.s, refs->text.len);
	strbuf_add(&w->docs, "]", 1);
	doc.bytes = strlen(skill) + strlen(text) + 16 + refs->bytes;
	doc.skill = w->nskills;
	refs->text.len = refs->bytes = 0;
	S_keep_doc(w, &doc);
}

/* Returns use j of skill k of jt as a document's link begins:
 * ,"specialty","link to k's page (without a fragment nor the closing
 * quote), made once per skill (w->uses). */
static const struct use_ref *
S_use_ref(struct writer *w, const struct jobtype *jt, const struct skill *k,
    size_t j)
{
	struct use_ref *u = &w->uses[j];
	const struct specialty *sp = k->uses[j].specialty;
	struct arena *a = &w->arena;
	struct strbuf b = { NULL, 0, 0 };
	const char *label, *href;

	if (u->text != NULL)
		return u;
	if (w->m->njobtypes > 1) {
		label = labels_format(w->labels, a, LABEL_SEARCH_CONTEXT,
		    &(struct label_args){ .jobtype = jt->name,
		    .specialty = sp->name });
	} else
		label = sp->name;
	href = path_href(a, PATH_HOME, path_skill(a, jt->id, sp->id, k->id),
	    NULL);
	strbuf_add(&b, ",", 1);
	jsontext_string(&b, label, strlen(label));
	strbuf_add(&b, ",\"", 2);
	jsontext_escape(&b, href, strlen(href));
	u->text = arena_strndup(a, b.s, b.len);
	u->len = b.len;
	u->bytes = strlen(label) + strlen(href);
	free(b.s);
	return u;
}

/* Appends to refs use j of skill k of jt, the specialty and the link to
 * its page of k, at fragment (none when NULL). */
static void
S_ref(struct writer *w, struct refs *refs, const struct jobtype *jt,
    const struct skill *k, size_t j, const char *fragment)
{
	const struct use_ref *u = S_use_ref(w, jt, k, j);

	strbuf_add(&refs->text, u->text, u->len);
	refs->bytes += u->bytes + 8;
	if (fragment != NULL) {
		strbuf_add(&refs->text, "#", 1);
		jsontext_escape(&refs->text, fragment, strlen(fragment));
		refs->bytes += 1 + strlen(fragment);
	}
	strbuf_add(&refs->text, "\"", 1);
}

/* Appends to refs the link to "the rest" of skill k's specialties, when
 * k has more than USES_SHOWN, as an array [label, link]: its comparison
 * page when it is a common skill, else the job type's section of the
 * home page, labelled with how many it stands for. */
static void
S_ref_more(struct writer *w, struct refs *refs, const struct jobtype *jt,
    const struct skill *k)
{
	const char *label, *href;

	if (k->nuses <= USES_SHOWN)
		return;
	label = labels_format(w->labels, &w->arena, LABEL_USES_MORE,
	    &(struct label_args){ .n = (long)(k->nuses - USES_SHOWN) });
	href = path_uses_more(&w->arena, PATH_HOME, jt->id, k->id,
	    k->scope == SCOPE_COMMON);
	strbuf_add(&refs->text, ",[", 2);
	jsontext_string(&refs->text, label, strlen(label));
	strbuf_add(&refs->text, ",", 1);
	jsontext_string(&refs->text, href, strlen(href));
	strbuf_add(&refs->text, "]", 1);
	refs->bytes += 4;
}

/* Adds a document of kind and text for skill k of jt, linked at
 * fragment from the first USES_SHOWN specialties that have the
 * skill, and to the rest (S_ref_more()): so the index grows with skills
 * plus specialties, not with their product. */
static void
S_skill_doc(struct writer *w, const struct jobtype *jt, const struct skill *k,
    enum search_kind kind, const char *text, const char *fragment)
{
	size_t j;

	for (j = 0; j < k->nuses && j < USES_SHOWN; j++)
		S_ref(w, &w->refs, jt, k, j, fragment);
	S_ref_more(w, &w->refs, jt, k);
	S_doc(w, kind, 0, k->name, text, &w->refs);
}

/* A use's description of a level, for grouping equal ones. */
struct level_text {
	const char *text;	/* in the Markdown table, or NULL */
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

/* Returns the plain text of level text md from the Markdown table, or
 * NULL after reporting that the table lacks it. */
static const char *
S_plain(struct writer *w, const char *md)
{
	return md_plain_reported(w->md, md, w->d, &w->failed);
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
		const char *text = entry_level_text(k->uses[j].entry, n);

		t[j].use = j;
		if (text != NULL)
			t[j].text = S_plain(w, text);
	}
	S_group_texts(t, k->nuses);
	for (j = 0; j < k->nuses; j++) {
		if (t[j].text == NULL || *t[j].text == '\0' || t[j].first != j)
			continue;
		for (i = j;; i = t[i].next) {
			S_ref(w, &w->refs, jt, k, i, anchor);
			if (t[i].next == 0)
				break;
		}
		S_doc(w, SEARCH_LEVEL, n, k->name, t[j].text, &w->refs);
	}
	free(t);
}

/* Adds the documents of skill k of jt, when it has a page to link to:
 * its name (and the standard's, when a tailoring renamed it, so that
 * either finds it), its knowledge items, its levels' descriptions. */
static void
S_skill_docs(struct writer *w, const struct jobtype *jt, const struct skill *k)
{
	size_t j;
	int n;

	if (k->nuses == 0)
		return;
	w->uses = arena_calloc(&w->arena, k->nuses, sizeof(*w->uses));
	S_skill_doc(w, jt, k, SEARCH_NAME, k->name, NULL);
	if (k->standard_name != NULL)
		S_skill_doc(w, jt, k, SEARCH_NAME, k->standard_name, NULL);
	for (j = 0; j < k->nknowledge; j++)
		S_skill_doc(w, jt, k, SEARCH_KNOWLEDGE, k->knowledge[j].text,
		    k->knowledge[j].anchor);
	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		S_level_docs(w, jt, k, n);
	w->nskills++;
	arena_free(&w->arena);
	arena_init(&w->arena);
}

/* Returns how many levels jt defines. */
static size_t
S_count_levels(const struct jobtype *jt)
{
	size_t count = 0;
	int n;

	for (n = jobtype_next_level(jt, 0); n != 0;
	    n = jobtype_next_level(jt, n))
		count++;
	return count;
}

/* Cuts the skills of s's model into parts of about part_docs documents
 * at most (a skill's name, knowledge items and levels of every use),
 * the first from the first skill on, and ends them with the end of the
 * model. */
static void
S_plan(struct search_build *s, size_t part_docs)
{
	size_t i, k, docs = 0, cap = 16, nlevels;
	const struct jobtype *jt;

	s->parts = xcalloc(cap, sizeof(*s->parts));
	s->nparts = 1;
	for (i = 0; i < s->m->njobtypes; i++) {
		jt = &s->m->jobtypes[i];
		nlevels = S_count_levels(jt);
		for (k = 0; k < jt->nskills; k++) {
			if (docs >= part_docs) {
				if (s->nparts + 1 == cap)
					s->parts = xreallocarray(s->parts,
					    cap *= 2, sizeof(*s->parts));
				s->parts[s->nparts] = (struct part){ i, k,
				    NULL, 0 };
				s->nparts++;
				docs = 0;
			}
			docs += 1 + (jt->skills[k].standard_name != NULL) +
			    jt->skills[k].nknowledge +
			    jt->skills[k].nuses * nlevels;
		}
	}
	s->parts[s->nparts] = (struct part){ s->m->njobtypes, 0, NULL, 0 };
}

/* Frees the table t and the postings' texts. */
static void
S_free_terms(struct hash_table *t)
{
	struct postings *p;
	size_t i = 0;

	while ((p = hash_next(t, &i)) != NULL)
		if (p->text != p->small)
			free(p->text);
	hash_free(t);
}

/* Frees writer w, its postings and documents. */
static void
S_writer_free(struct writer *w)
{
	S_free_terms(&w->terms);
	arena_free(&w->posts);
	free(w->docs.s);
	free(w->packed.s);
	free(w->v);
	free(w);
}

/* Packs the postings of w into w->packed (struct packed_head), so that
 * a part waiting for its turn holds a fraction of their table, and
 * frees the table. */
static void
S_pack_terms(struct writer *w)
{
	struct packed_head h;
	const struct postings *p;
	const char *rest;
	size_t i = 0;

	while ((p = hash_next(&w->terms, &i)) != NULL) {
		rest = memchr(p->text, ',', p->len);
		h.first = p->first;
		h.last = p->last;
		h.toklen = p->toklen;
		h.len = rest != NULL ? p->len - (size_t)(rest - p->text) : 0;
		strbuf_add(&w->packed, (const char *)&h, sizeof(h));
		strbuf_add(&w->packed, p->token, p->toklen);
		strbuf_add(&w->packed, rest != NULL ? rest : "", h.len);
	}
	S_free_terms(&w->terms);
	arena_free(&w->posts);
	arena_init(&w->posts);
}

/* Begins part i of s: first waits while it is more than PARTS_AHEAD
 * parts ahead of its turn and other parts are being made or taken (so
 * the parts waiting to be taken hold little memory, whatever the size
 * of the site, and a part never waits for nothing).  Returns whether it
 * is in its turn (every part before it taken, none being taken), and
 * then makes this thread the one taking parts. */
static int
S_claim(struct search_build *s, size_t i)
{
	int direct;

	pthread_mutex_lock(&s->lock);
	while (i > s->taken + PARTS_AHEAD && (s->making > 0 || s->taking))
		pthread_cond_wait(&s->moved, &s->lock);
	s->making++;
	direct = !s->taking && s->taken == i;
	s->taking |= direct;
	pthread_mutex_unlock(&s->lock);
	return direct;
}

/* Returns part i of s made, reporting to d: a writer (to free with
 * S_writer_free()) holding its documents and their tokens' postings,
 * both numbered from 0, or, direct when the part is in its turn, having
 * written them into s. */
static struct writer *
S_make_part(struct search_build *s, size_t i, struct diag *d)
{
	const struct part *from = &s->parts[i], *to = &s->parts[i + 1];
	struct writer *w = xcalloc(1, sizeof(*w));
	size_t jt = from->jt, k = from->k;

	w->s = s;
	w->m = s->m;
	w->md = s->md;
	w->labels = s->labels;
	w->d = d;
	arena_init(&w->arena);
	arena_init(&w->posts);
	if ((w->direct = S_claim(s, i))) {
		w->base = s->ndocs;
		w->table = &s->terms;
		w->store = &s->posts;
		w->recent = s->recent;
	} else {
		hash_init(&w->terms);
		w->table = &w->terms;
		w->store = &w->posts;
		w->recent = xcalloc(RECENT_SLOTS, sizeof(*w->recent));
	}
	while (!w->failed && (jt < to->jt || k < to->k)) {
		if (k == s->m->jobtypes[jt].nskills) {
			jt++;
			k = 0;
			continue;
		}
		S_skill_docs(w, &s->m->jobtypes[jt],
		    &s->m->jobtypes[jt].skills[k++]);
	}
	if (!w->direct) {
		free(w->recent);
		S_pack_terms(w);
	}
	free(w->refs.text.s);
	arena_free(&w->arena);
	return w;
}

/* Adds the postings of part w (packed), its documents numbered from
 * offset on, to those of s: a part's numbers ascend, and follow the
 * earlier parts', so its postings but the first difference stay as
 * they are. */
static void
S_take_terms(struct search_build *s, const struct writer *w,
    uint32_t offset)
{
	struct packed_head h;
	struct postings *to;
	const char *at = w->packed.s, *end = at + w->packed.len;

	while (at < end) {
		memcpy(&h, at, sizeof(h));
		at += sizeof(h);
		to = S_term(&s->terms, &s->posts, at, h.toklen,
		    S_pack(at, h.toklen));
		at += h.toklen;
		S_append(to, offset + h.first);
		while (to->len + h.len + 1 > to->cap)
			S_room(to, h.len + 1);	/* doubles */
		memcpy(to->text + to->len, at, h.len);
		to->len += h.len;
		to->text[to->len] = '\0';
		at += h.len;
		to->last = offset + h.last;
	}
}

/* Writes the documents of part w into s's shards, numbering them and
 * their skills on from s's, reporting to d. */
static void
S_take_docs(struct search_build *s, const struct writer *w, struct diag *d)
{
	size_t i;

	for (i = 0; i < w->ndocs && !s->failed; i++)
		S_take_doc(s, w->docs.s, &w->v[i], i + 1 < w->ndocs ?
		    w->v[i + 1].start : w->docs.len, d);
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

/* Orders terms by shard, then by token, bytewise. */
static int
S_term_cmp(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	if (x->shard_prefix != y->shard_prefix)
		return x->shard_prefix < y->shard_prefix ? -1 : 1;
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

/* Puts the shards of the terms of s into its sink, reporting to d;
 * returns how many. */
static unsigned
S_put_terms(struct search_build *w, struct diag *d)
{
	struct terms t = { NULL, 0 };
	struct strbuf b = { NULL, 0, 0 };
	const struct postings *p;
	size_t i, first, size = 0;
	unsigned s, nshards;

	t.v = xcalloc(w->terms.n + 1, sizeof(*t.v));
	for (i = 0; (p = hash_next(&w->terms, &i)) != NULL; t.n++) {
		t.v[t.n].token = p->token;
		t.v[t.n].p = p;
	}
	for (i = 0; i < t.n; i++)
		size += t.v[i].p->toklen + t.v[i].p->len + 6;
	nshards = S_nshards(size);
	for (i = 0; i < t.n; i++)
		t.v[i].shard_prefix = S_shard_prefix(search_shard(
		    t.v[i].token, t.v[i].p->toklen, nshards), t.v[i].token,
		    t.v[i].p->toklen);
	qsort(t.v, t.n, sizeof(*t.v), S_term_cmp);
	for (s = 0, i = 0; s < nshards && !w->failed; s++) {
		S_script_head(&b, 't', s);
		strbuf_add(&b, "{", 1);
		for (first = i; i < t.n && t.v[i].shard_prefix >> 48 == s; i++) {
			p = t.v[i].p;
			if (i > first)
				strbuf_add(&b, ",", 1);
			jsontext_string(&b, p->token, p->toklen);
			strbuf_add(&b, ":", 1);
			jsontext_string(&b, p->text, p->len);
		}
		if (S_put_shard(w, &b, "}", 't', s, d) != 0)
			w->failed = 1;
	}
	free(b.s);
	free(t.v);
	return nshards;
}

/* Returns the words search.js shows, as the pages write them:
 * {"levels": {"N": name of level N, for every level of m's job types},
 * "digits": the ten digits of numbers, "labels": {name: text} of the
 * search's labels (LABEL_SEARCH_NAME on), placeholders and all, for
 * search.js to fill}. */
static json_t *
S_words(const struct search_build *w, struct arena *a)
{
	json_t *levels = json_object(), *texts = json_object();
	const char *digits = "";
	size_t i;
	int n;

	for (i = 0; i < w->m->njobtypes; i++)
		for (n = w->m->jobtypes[i].min_level;
		    n <= w->m->jobtypes[i].max_level; n++) {
			json_object_set_new(levels, arena_printf(a,
			    "%d", n), json_string(
			    labels_format(w->labels, a, LABEL_LEVEL,
			    &(struct label_args){ .n = n })));
		}
	for (n = 0; n < 10; n++)
		digits = arena_printf(a, "%s%s", digits,
		    labels_number(w->labels, a, n));
	for (n = LABEL_SEARCH_NAME; n <= LABEL_SEARCH_UNCHECKED; n++)
		json_object_set_new(texts, labels_name((enum label)n),
		    json_string(labels_text(w->labels, (enum label)n)));
	return json_pack("{s:o,s:s,s:o}", "levels", levels, "digits", digits,
	    "labels", texts);
}

/* Writes the index once every part is taken: the last documents, the
 * terms and index.js, reporting to d; frees the terms. */
static void
S_finish(struct search_build *s, struct diag *d)
{
	struct arena a;
	json_t *index;
	unsigned nterms;

	S_flush_docs(s, d);
	nterms = S_put_terms(s, d);
	S_free_terms(&s->terms);
	free(s->recent);
	s->recent = NULL;
	arena_free(&s->posts);
	arena_init(&a);
	index = json_pack("{s:i,s:i,s:o,s:I,s:o}", "version", 1, "terms",
	    (int)nterms, "docs", s->starts, "count", (json_int_t)s->ndocs,
	    "words", S_words(s, &a));
	s->starts = NULL;
	arena_free(&a);
	if (!s->failed && (index == NULL || S_put_script(s->sink,
	    PATH_SEARCH_INDEX, "index", index, d) != 0))
		s->failed = 1;
	else if (s->failed)
		json_decref(index);
}

/* Takes part w of s in its turn: adds its postings and documents
 * (already there when w is direct), reporting to d, and frees it.
 * Returns -1 when s failed. */
static int
S_take_part(struct search_build *s, struct writer *w, struct diag *d)
{
	if (w->failed)
		s->failed = 1;
	if (!s->failed && !w->direct) {
		S_take_terms(s, w, s->ndocs);
		S_take_docs(s, w, d);
	}
	s->nskills += w->nskills;
	S_writer_free(w);
	return s->failed ? -1 : 0;
}

/* Marks part i of s made, as writer w; then, unless another thread is
 * at it (this one is when w is direct), takes the parts made in their
 * turn (this one, or none, or several), and writes the index after the
 * last, reporting to d.  Returns -1 when s failed in what this thread
 * took. */
static int
S_take(struct search_build *s, size_t i, struct writer *w, struct diag *d)
{
	int rc = 0, last;

	pthread_mutex_lock(&s->lock);
	s->parts[i].w = w;
	s->parts[i].done = 1;
	s->making--;
	pthread_cond_broadcast(&s->moved);
	if (s->taking && !w->direct) {
		pthread_mutex_unlock(&s->lock);
		return 0;
	}
	s->taking = 1;
	while (s->taken < s->nparts && s->parts[s->taken].done) {
		w = s->parts[s->taken].w;
		s->parts[s->taken++].w = NULL;
		pthread_cond_broadcast(&s->moved);
		pthread_mutex_unlock(&s->lock);
		if (S_take_part(s, w, d) < 0)
			rc = -1;
		pthread_mutex_lock(&s->lock);
	}
	s->taking = 0;
	pthread_cond_broadcast(&s->moved);
	last = s->taken == s->nparts && !s->written;
	s->written |= last;
	pthread_mutex_unlock(&s->lock);
	if (last) {
		S_finish(s, d);
		rc = s->failed ? -1 : 0;
	}
	return rc;
}

struct search_build *
search_build_new(const struct model *m, const struct md_table *md,
    const struct labels *labels, struct site_sink *sink, size_t part_docs)
{
	struct search_build *s = xcalloc(1, sizeof(*s));

	s->m = m;
	s->md = md;
	s->labels = labels;
	s->sink = sink;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->moved, NULL);
	arena_init(&s->posts);
	hash_init(&s->terms);
	s->starts = json_array();
	s->recent = xcalloc(RECENT_SLOTS, sizeof(*s->recent));
	S_plan(s, part_docs);
	return s;
}

size_t
search_build_parts(const struct search_build *s)
{
	return s->nparts;
}

int
search_build_part(struct search_build *s, size_t i, struct diag *d)
{
	struct writer *w = S_make_part(s, i, d);
	int failed = w->failed;

	return S_take(s, i, w, d) < 0 || failed ? -1 : 0;
}

int
search_build_end(struct search_build *s)
{
	int rc = s->failed || !s->written ? -1 : 0;
	size_t i;

	for (i = 0; i < s->nparts; i++)
		if (s->parts[i].w != NULL)
			S_writer_free(s->parts[i].w);
	if (!s->written) {
		S_free_terms(&s->terms);
		arena_free(&s->posts);
	}
	json_decref(s->starts);
	free(s->recent);
	free(s->shard.s);
	free(s->parts);
	pthread_cond_destroy(&s->moved);
	pthread_mutex_destroy(&s->lock);
	free(s);
	return rc;
}

int
search_index_put(const struct model *m, const struct md_table *md,
    const struct labels *labels,
    struct site_sink *sink, struct diag *d)
{
	struct search_build *s = search_build_new(m, md, labels, sink,
	    SEARCH_PART_DOCS);
	size_t i;
	int rc = 0;

	for (i = 0; i < s->nparts && rc == 0; i++)
		if (search_build_part(s, i, d) < 0)
			rc = -1;
	return search_build_end(s) < 0 ? -1 : rc;
}
