/* tailor_private.h: the state of tailoring one job type, shared by
 * tailor.c (the copy, lookups, the final compaction) and tailor_ops.c
 * (the operations).
 */
#ifndef SKILLSITE_TAILOR_PRIVATE_H
#define SKILLSITE_TAILOR_PRIVATE_H

#include "hash.h"
#include "tailor.h"

#define SLOTS	(LEVEL_MAX + 1)	/* per entry, a slot per level value */

struct tailor_work {
	struct model		*m;
	struct diag		*d;
	struct jobtype		*jt;	/* the copy being tailored */
	struct tailoring	**t;	/* the tailorings of jt, in order */
	size_t			 nt;
	struct hash_table	 skill_ids;	/* struct skill * by id */
	struct hash_table	 specialty_ids;	/* struct specialty * by id */
	struct entry		**entries;	/* every entry, specialty by
						 * specialty */
	size_t			 nentries;
	size_t			*by_skill;	/* entry numbers grouped by
						 * skill, in specialty order */
	size_t			*by_skill_at;	/* skill i's: by_skill[at[i]
						 * .. at[i + 1]) */
	size_t			*specialty_of;	/* per entry */
	int			*level_at;	/* per entry x SLOTS: index in
						 * its levels, or -1 */
	const struct tailor_hide **entry_hide;	/* per entry */
	const struct tailor_hide **level_hide;	/* per entry x SLOTS */
	const struct tailor_rename **renamed;	/* per skill */
	size_t			*nres;		/* per entry x SLOTS */
	size_t			*span;		/* room for a span's entries */
	const struct tailor_hide **skill_hidden; /* per skill: the hide of
						 * its last shown entry, when
						 * none shows (by
						 * tailor_hides()) */
	struct hash_table	 seen;		/* keys tailor_seen() met */
	struct arena		 keys;
};

/* The entries an operation applies to, in w->span (valid until the
 * next span is made). */
struct tailor_span {
	size_t			*v;	/* entry numbers */
	size_t			 n;
};

/* Lookups (tailor.c).  Each returns NULL or 0 after reporting at pos. */

/* Returns the skill of w's job type with id, or NULL. */
struct skill	*tailor_find_skill(const struct tailor_work *w,
		    const char *id);

/* Returns the skill of w's job type with id, or NULL (reported). */
struct skill	*tailor_skill(struct tailor_work *w, const char *id,
		    const struct pos *pos);

/* Returns the number of skill k in w's job type. */
size_t		 tailor_skill_index(const struct tailor_work *w,
		    const struct skill *k);

/* Returns the specialty of w's job type with id, or NULL. */
struct specialty *tailor_specialty_find(const struct tailor_work *w,
		    const char *id);

/* Returns the specialty of w's job type with id, or NULL (reported). */
struct specialty *tailor_specialty(struct tailor_work *w, const char *id,
		    const struct pos *pos);

/* Sets *span to the entries at names: skill k's in the specialty named
 * (k must be listed there: else reported) or, with none named, all of
 * k's, or with shown set those no hide leaves out.  Returns whether
 * there are any. */
int		 tailor_span(struct tailor_work *w, const struct tailor_at *at,
		    const struct skill *k, int shown, struct tailor_span *span);

/* Returns the level of value n of entry number e, or NULL. */
struct level	*tailor_level(const struct tailor_work *w, size_t e, int n);

/* Returns the hide that hides level n of entry e (the entry's own or the
 * level's), or NULL. */
const struct tailor_hide *tailor_hidden(const struct tailor_work *w,
		    size_t e, int n);

/* Reports m at pos with a message formatted from fmt, followed by
 * "(first at FILE:LINE:COL)" naming first, or by "(hidden at ...)". */
void		 tailor_twice(struct tailor_work *w, enum msg m,
		    const struct pos *pos, const struct pos *first,
		    const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));

/* Leaves in span the entries where level n is described and shown, for
 * the operation at at: an operation on one specialty must find it there,
 * one on every specialty in some.  Returns 0 (reported) when it finds
 * none. */
int		 tailor_level_ok(struct tailor_work *w,
		    const struct tailor_at *at, struct tailor_span *span,
		    int n);

/* Returns the position recorded with the key (owner, a, b) when
 * tailor_seen() met it before; else records pos with it and returns
 * NULL.  Owners (a skill, a level) keep the kinds of key apart. */
const struct pos *tailor_seen(struct tailor_work *w, const void *owner,
		    const char *a, const char *b, const struct pos *pos);

/* The operations (tailor_ops.c), each over every tailoring of w. */
void	tailor_hides(struct tailor_work *w);
void	tailor_renames(struct tailor_work *w);
void	tailor_knowledge(struct tailor_work *w);
void	tailor_texts(struct tailor_work *w);
void	tailor_resources(struct tailor_work *w);
void	tailor_roles(struct tailor_work *w);

#endif
