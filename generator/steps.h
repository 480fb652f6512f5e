/* steps.h: the steps of every entry, made once a build and shared by
 * the threads that render.
 *
 * An entry's steps are its levels, one per level its job type defines,
 * in order: the plain text of each (NULL where the entry has none), each
 * step up's diff (diff_steps()) and the words that set each level apart
 * (apart_levels_of()).  A specialty's pages (its matrix, level changes
 * and skill map) and its job type's handbook (every specialty's map)
 * show them.  Whichever thread asks first makes a specialty's steps, one
 * that asks meanwhile waits, and the second release (its pages', its job
 * type's) frees them.
 */
#ifndef SKILLSITE_STEPS_H
#define SKILLSITE_STEPS_H

#include <stddef.h>

#include "markdown.h"
#include "model.h"

struct page_steps {
	const char			*const *plain;
	const struct diff_piece		*const *steps;
	const struct apart_words	*words;	/* apart_levels_of() */
	size_t				 n;
	int				 unknown; /* a text missing from the
						   * Markdown table */
};

struct steps_store;

/* Returns a store for the steps of m's specialties' entries, their plain
 * texts from md (both outlive it); each specialty's are to be released
 * twice.  Free with steps_store_free(). */
struct steps_store	*steps_store_new(const struct model *m,
			    const struct md_table *md);

/* Returns the steps of entry e of specialty sp of jt, in st (valid until
 * sp's second release). */
const struct page_steps	*steps_get(struct steps_store *st,
			    const struct jobtype *jt,
			    const struct specialty *sp, const struct entry *e);

/* Says that one of the two users of sp's steps (its pages, its job
 * type's handbook) is done with them; the second frees them. */
void			 steps_release(struct steps_store *st,
			    const struct jobtype *jt,
			    const struct specialty *sp);

void			 steps_store_free(struct steps_store *st);

#endif
