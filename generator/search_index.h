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
 *			document, "count": how many documents}
 *	search/t-N.js	{token: postings} for the tokens of shard N (see
 *			search_shard()); postings are the ascending numbers
 *			of the documents holding the token, as differences
 *			in base 36 joined by commas ("0,3,a")
 *	search/d-N.js	[document, ...] from the Nth start on, each
 *			[kind, level (0 unless a level), skill name, text,
 *			specialty, link from the site's root, specialty,
 *			link, ...]; a specialty is named "job type／
 *			specialty" when the site has several job types
 *
 * Each file calls skillsiteSearch.put(name, data), data made by jansson.
 * Documents are written as they are made, so memory holds the tokens'
 * occurrences and one shard; the occurrences are sorted (a radix sort on
 * their first 8 bytes), so indexing takes O(n log n) however the tokens
 * are spelled, with no hash table that crafted words could flood.  Shards hold about SEARCH_SHARD_BYTES each
 * (at most SEARCH_SHARDS_MAX shards of terms), so a query loads a few
 * small files whatever the size of the site.
 */
#ifndef SKILLSITE_SEARCH_INDEX_H
#define SKILLSITE_SEARCH_INDEX_H

#include "model.h"
#include "sink.h"

#define SEARCH_SHARD_BYTES	(64 * 1024)
#define SEARCH_SHARDS_MAX	1024

/* What a document is; search.js ranks them in this order. */
enum search_kind { SEARCH_NAME, SEARCH_KNOWLEDGE, SEARCH_LEVEL };

/* Puts the search index of the resolved model m into sink.  Returns 0,
 * or -1 after reporting. */
int	search_index_put(const struct model *m, struct site_sink *sink,
	    struct diag *d);

#endif
