/* search_index.h: the site's search index, made from the model and
 * written as script files that assets/search.js loads with <script src>
 * (so search works from file:// and under any sub-path).
 *
 * A document is a skill's name, one of its knowledge items, or the
 * description of one of its levels, as plain text; a document the same
 * in several specialties (a common skill's name, say) is one document
 * with a link to each.  Each token of a document (see search.h) lists
 * the documents that hold it.  The files:
 *
 *	search/index.js	{"version", "terms": how many term shards, "docs":
 *			the number of each document shard's first
 *			document, "count": how many documents, "words":
 *			{"levels": {"N": level N's name}, "digits": the
 *			ten digits, "labels": {name: text} of the search's
 *			labels (search-name ... search-also), placeholders
 *			as written}, labels.xml's, for search.js to write
 *			every word, level and count as the pages do}
 *	search/t-N.js	{token: postings} for the tokens of shard N (see
 *			search_shard()); postings are the ascending numbers
 *			of the documents holding the token, as differences
 *			in base 36 joined by commas ("0,3,a")
 *	search/d-N.js	[document, ...] from the Nth start on, each
 *			[kind, level (0 unless a level), skill name, text,
 *			the skill's number (the same for every document of
 *			one skill of one job type: search.js groups by it),
 *			specialty, link from the site's root, specialty,
 *			link, ..., and last, when the skill has more than
 *			USES_SHOWN specialties, [label, link] of the rest];
 *			a specialty is named "job type／specialty" when the
 *			site has several job types
 *
 * Each file calls skillsiteSearch.put(name, data); the shards' data is
 * written as text, strings escaped as jansson writes them
 * (jsontext_string() of jsontext.h), index.js's by jansson.
 * The index is made in parts, on the build's threads, each a run of
 * skills whose documents and postings are numbered from 0 (see
 * search_build_new()); the parts are then taken in the order of the
 * site, their numbers shifted on from the parts before (a posting's
 * differences but its first stay the same), so the files are the same
 * bytes whatever the parts and threads.  Documents are written as their
 * part is taken, so memory holds the tokens' postings, one shard and a
 * few parts made ahead of their turn (a thread waits rather than make
 * more; their postings packed); the tokens are found in the hash table of
 * hash.h, keyed anew on each run, so no words crafted in advance can
 * make indexing slower than linear (a cache of recent short tokens in
 * front of it spares most look-ups; crafted words can only miss it).  Shards hold about
 * SEARCH_SHARD_BYTES each
 * (at most SEARCH_SHARDS_MAX shards of terms), so a query loads a few
 * small files whatever the size of the site.
 */
#ifndef SKILLSITE_SEARCH_INDEX_H
#define SKILLSITE_SEARCH_INDEX_H

#include "labels.h"
#include "model.h"
#include "search.h"
#include "sink.h"

#define SEARCH_SHARD_BYTES	(64 * 1024)
#define SEARCH_SHARDS_MAX	1024
/* Documents a part of the index holds at most, about: enough that
 * merging its tokens costs little next to making them, few enough that
 * a part waiting for its turn holds little. */
#define SEARCH_PART_DOCS	1024

/* What a document is; search.js ranks them in this order. */
enum search_kind { SEARCH_NAME, SEARCH_KNOWLEDGE, SEARCH_LEVEL };

struct md_table;
struct search_build;

/* Returns the search index of the resolved model m (see
 * search_index_put()) to be made in parts of about part_docs documents
 * at most (SEARCH_PART_DOCS), on any threads, in any order: each part
 * (search_build_parts() of them) once, by search_build_part(); the
 * index is written as the parts finish, the same bytes whatever the
 * parts.  Free it with search_build_end(). */
struct search_build *search_build_new(const struct model *m,
	    const struct md_table *md, const struct labels *labels,
	    struct site_sink *sink, size_t part_docs);

/* Returns how many parts s has, at least one. */
size_t	search_build_parts(const struct search_build *s);

/* Makes part i of s, reporting to d; then writes into s's sink the
 * parts made so far in their turn, and the whole index after the last
 * part.  Returns 0, or -1 after reporting (the part, or the index,
 * failed). */
int	search_build_part(struct search_build *s, size_t i, struct diag *d);

/* Frees s; returns 0 when every part was made and the index written,
 * else -1. */
int	search_build_end(struct search_build *s);

/* Puts the search index of the resolved model m, its level texts' plain
 * text from md (md_prepare() of m), into sink, in the words of labels.
 * Returns 0, or -1 after reporting. */
int	search_index_put(const struct model *m, const struct md_table *md,
	    const struct labels *labels,
	    struct site_sink *sink, struct diag *d);

#endif
