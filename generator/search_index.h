/* search_index.h: the site's search index, built from the model and
 * written as script files that assets/search.js loads with <script src>
 * (so search works from file:// and under any sub-path).
 *
 * A document is a skill's name, one of its knowledge items, or the
 * description of one of its levels, as plain text; a document the same
 * in several specialties (a common skill's name, say) is one document
 * with a link to each.  Each token of a document (see search.h) lists
 * the documents that hold it.  The files:
 *
 *	search/index.js	names of job types, specialties and skills; how
 *			many shards there are
 *	search/t-N.js	tokens whose first code point modulo the count of
 *			shards is N, each with its documents' numbers as
 *			differences in base 36 ("0,3,a")
 *	search/d-N.js	documents, by number, from the Nth start on
 *
 * Each file calls skillsiteSearch.put(name, data) with data made by
 * jansson.  Shards hold about SEARCH_SHARD_BYTES each, so a query loads
 * a few small files whatever the size of the site.
 */
#ifndef SKILLSITE_SEARCH_INDEX_H
#define SKILLSITE_SEARCH_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"
#include "site.h"

#define SEARCH_SHARD_BYTES	(64 * 1024)
#define SEARCH_SHARDS_MAX	256

/* What a document is; search.js ranks them in this order. */
enum search_kind { SEARCH_NAME, SEARCH_KNOWLEDGE, SEARCH_LEVEL };

/* Where a document stands: a specialty (numbered through the site) and
 * the link to it from the site's root. */
struct search_ref {
	size_t		 specialty;
	const char	*href;
};

struct search_doc {
	enum search_kind	 kind;
	size_t			 skill;		/* numbered through the site */
	int			 level;		/* SEARCH_LEVEL; else 0 */
	const char		*text;		/* plain text */
	struct search_ref	*refs;
	size_t			 nrefs;
};

/* The index; every string and array is in arena. */
struct search_index {
	struct arena		 arena;
	struct search_doc	*docs;
	size_t			 ndocs;
	void			*terms;		/* token -> postings */
};

/* Builds the index of the resolved model m into ix (free it with
 * search_index_free()).  Returns 0, or -1 when a text is not UTF-8. */
int	search_index_build(struct search_index *ix, const struct model *m);

/* Returns the numbers of the documents (ascending) that hold the token
 * tok (NUL-terminated, normalised) and sets *n; NULL when none do. */
const uint32_t *search_index_lookup(const struct search_index *ix,
	    const char *tok, size_t *n);

/* Puts the index files of ix, made from model m, into sink.  Returns 0,
 * or -1 after reporting. */
int	search_index_put(const struct search_index *ix, const struct model *m,
	    struct site_sink *sink, struct diag *d);

void	search_index_free(struct search_index *ix);

#endif
