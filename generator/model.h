/* model.h: the skill framework as plain C structs.
 *
 * The loader fills a model from XML; resolve links its references and checks
 * it; renderers only read it.  Every string and array belongs to the model's
 * arena and is released by model_free().  Every node keeps the source
 * position of the element it came from, for diagnostics: a struct pos,
 * whose file is numbered by the diag the loader reported to (diag.h).
 */
#ifndef SKILLSITE_MODEL_H
#define SKILLSITE_MODEL_H

#include <limits.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"		/* struct pos */

#define LEVEL_MIN 1	/* ITSS levels run from 1 ... */
#define LEVEL_MAX 7	/* ... to 7 */
#define LEVEL_NONE INT_MIN	/* a level missing or not a number */

/* The most specialties a page or a search result lists for one skill
 * (the others of a skill page, a knowledge item's skills, a search
 * result), beside one link to where all of them are: the comparison
 * page of a common skill, the job type's section of the home page for
 * the others.  So output grows with skills plus specialties, not with
 * their product. */
#define USES_SHOWN	20

/* An editorial note: Markdown written by the content editors about the
 * source (a typo kept as printed, a discrepancy), not part of the standard. */
struct note {
	const char	*markdown;
	struct pos	 pos;
};

struct notes {
	struct note	*v;
	size_t		 n;
};

#include "model_tailor.h"	/* needs struct notes */

/* A knowledge item (知識項目) of a skill: one line of plain text. */
struct knowledge {
	const char	*text;
	struct pos	 pos;
	const char	*anchor;	/* by resolve(): one per text in the
					 * job type (path_text_anchors()) */
	const struct tailoring *from;	/* added by; NULL: the standard's */
};

enum skill_scope {
	SCOPE_UNKNOWN = 0,	/* missing or invalid in the source */
	SCOPE_COMMON,		/* 職種共通スキル項目: in every specialty */
	SCOPE_SPECIFIC		/* 専門分野固有スキル項目: in one or more */
};

struct entry;
struct specialty;

/* A specialty that lists a skill, with its entry for the skill. */
struct use {
	const struct specialty	*specialty;
	size_t			 index;		/* of the specialty in its job type */
	const struct entry	*entry;
};

/* A skill item (スキル項目), defined once per job type. */
struct skill {
	const char		*id;
	const char		*name;
	enum skill_scope	 scope;
	struct knowledge	*knowledge;
	size_t			 nknowledge;
	struct notes		 notes;
	struct pos		 pos;
	const struct use	*uses;		/* by model_index_uses() */
	size_t			 nuses;
	const struct tailoring	*from;		/* a company skill's; NULL:
						 * the standard's */
	const char		*standard_name;	/* renamed: the standard's
						 * name (name is the
						 * company's); else NULL */
	const struct tailoring	*renamed_by;
};

/* One level of an entry: a Markdown description, or NULL when the source
 * defines nothing at this level. */
struct level {
	int		 value;		/* LEVEL_NONE if missing */
	const char	*markdown;
	struct pos	 pos;
	/* Set by tailor() on a tailored job type: */
	const struct tailoring	*hidden_by;	/* markdown then NULL */
	const struct tailor_text *company;	/* company text, or NULL */
	const struct resource	*const *resources;
	size_t			 nresources;
};

/* A skill as it applies in one specialty: descriptions per level. */
struct entry {
	const char	*skill_id;
	struct skill	*skill;		/* set by resolve; NULL if unknown */
	struct level	*levels;	/* in source order */
	size_t		 nlevels;
	struct notes	 notes;
	struct pos	 pos;
	const struct tailoring *from;	/* a company skill's; NULL: the
					 * standard's */
};

/* A specialty (専門分野) of a job type, with its skills in order. */
struct specialty {
	const char	*id;
	const char	*name;
	struct entry	*entries;
	size_t		 nentries;
	struct notes	 notes;
	struct pos	 pos;
};

/* A job type (職種). */
struct jobtype {
	const char		*id;
	const char		*name;
	int			 number;	/* as numbered in the standard; 0 if none */
	int			 min_level;	/* LEVEL_NONE if missing */
	int			 max_level;	/* LEVEL_NONE if missing */
	unsigned		 defined_levels; /* bit n: some entry of some
						  * specialty describes level n
						  * (model_index_levels()) */
	const char		*annotation;	/* ＜注釈＞ Markdown, or NULL */
	struct pos		 annotation_pos;
	struct skill		*skills;
	size_t			 nskills;
	struct specialty	*specialties;
	size_t			 nspecialties;
	struct notes		 notes;
	struct pos		 pos;
	/* Set by tailor() when tailorings apply: */
	const struct jobtype	*standard;	/* as the standard has it */
	const struct tailoring	*const *tailorings;	/* in order */
	size_t			 ntailorings;
	const struct role	*const *roles;	/* of every tailoring */
	size_t			 nroles;
};

/* The framework as a whole (e.g. ITSS). */
struct framework {
	const char	*id;
	const char	*name;
	const char	*summary;	/* Markdown, or NULL */
	struct pos	 summary_pos;
	struct notes	 notes;
	struct pos	 pos;
};

struct model {
	struct arena		 arena;
	struct framework	*framework;	/* NULL until a framework file loads */
	struct jobtype		*jobtypes;
	size_t			 njobtypes;
	struct tailoring	*tailorings;	/* in load order */
	size_t			 ntailorings;
};

void	 model_init(struct model *);
void	 model_free(struct model *);

/* Appends a zeroed job type and returns it; the pointer stays valid only
 * until the next call. */
struct jobtype	*model_add_jobtype(struct model *);

/* Returns the name of resource kind k as content writes it ("training",
 * "exam", "book", "e-learning", "ojt"), or NULL for none. */
const char	*resource_kind_name(enum resource_kind k);

/* Appends a zeroed tailoring and returns it, as model_add_jobtype(). */
struct tailoring *model_add_tailoring(struct model *);

/* Sets the uses of every skill of m: the specialties that list it, in
 * their order, each once (with its first entry for the skill), in m's
 * arena; entries not resolved to a skill are left out.  Time is linear
 * in the number of entries. */
void	 model_index_uses(struct model *);

/* Sets the defined levels of every job type of m: those between its
 * bounds that an entry of one of its specialties describes (a level with
 * a text).  The pages show only these. */
void	 model_index_levels(struct model *);

/* Returns whether some entry of jt describes level n. */
int	 jobtype_level_defined(const struct jobtype *jt, int n);

/* Returns the lowest level above n that jt defines, or 0 when none is:
 * for (n = jobtype_next_level(jt, 0); n != 0;
 *     n = jobtype_next_level(jt, n)) visits the defined levels upwards. */
int	 jobtype_next_level(const struct jobtype *jt, int n);

/* Returns how many levels jt defines. */
int	 jobtype_count_levels(const struct jobtype *jt);

/* Returns the skill of jt whose id equals id, or NULL. */
struct skill	*jobtype_find_skill(const struct jobtype *jt, const char *id);

/* Returns the level of e with the given value, or NULL. */
const struct level *entry_find_level(const struct entry *e, int value);

/* Returns the Markdown text of level value of e, or NULL when e does not
 * describe that level. */
const char	*entry_level_text(const struct entry *e, int value);

/* Returns the entry of skill k in specialty sp, or NULL when sp does not
 * list it. */
const struct entry *specialty_entry(const struct specialty *sp,
		    const struct skill *k);

/* What a Markdown field belongs to. */
enum md_field_kind {
	MD_FRAMEWORK_SUMMARY,	/* owner: struct framework */
	MD_FRAMEWORK_NOTE,	/* owner: struct framework */
	MD_JOBTYPE_ANNOTATION,	/* owner: struct jobtype */
	MD_JOBTYPE_NOTE,	/* owner: struct jobtype */
	MD_SKILL_NOTE,		/* owner: struct skill */
	MD_SPECIALTY_NOTE,	/* owner: struct specialty */
	MD_ENTRY_NOTE,		/* owner: struct entry */
	MD_LEVEL,		/* owner: struct entry (the level: pos) */
	MD_TAILORING_SUMMARY,	/* owner: struct tailoring */
	MD_TAILORING_NOTE,	/* owner: struct tailoring */
	MD_COMPANY_SKILL_NOTE,	/* owner: struct company_skill */
	MD_COMPANY_LEVEL,	/* owner: struct company_skill */
	MD_MEANING,		/* owner: struct tailor_text */
	MD_EVIDENCE,		/* owner: struct tailor_text */
	MD_ROLE,		/* owner: struct role */
	MD_RESOURCE_LINK,	/* owner: struct resource with an address;
				 * text: its title, plain text: the field is
				 * a link to the address, not Markdown */
	MD_FIELD__COUNT
};

/* A Markdown field of the model, as the visitor hands it over. */
struct md_field {
	const char		*text;		/* never NULL */
	const struct pos	*pos;
	enum md_field_kind	 kind;
	const void		*owner;		/* see enum md_field_kind */
	const struct jobtype	*jt;		/* NULL for the framework's
						 * and a tailoring's */
};

typedef void	md_field_fn(void *ctx, const struct md_field *f);

/* The one walk over every Markdown field of the model (model_markdown.c):
 * whatever must see them all (the content policy, the notes listing of
 * "check", the rendered table of markdown.h) walks them here, so a new
 * field is added in one place.  Absent fields (NULL) are left out.
 * model_each_markdown() visits the framework's fields (summary, notes),
 * then each job type's, as jobtype_each_markdown() does: its annotation,
 * its notes, its skills' notes, then per specialty its notes and per
 * entry the entry's notes and its levels' texts, in source order. */
void	 model_each_markdown(const struct model *m, md_field_fn *fn,
	    void *ctx);
void	 framework_each_markdown(const struct framework *fw, md_field_fn *fn,
	    void *ctx);
void	 jobtype_each_markdown(const struct jobtype *jt, md_field_fn *fn,
	    void *ctx);

/* Visits the fields of tailoring t: its summary, its notes, each
 * company skill's notes and level texts, each level text's meaning and
 * evidence, each role's description, each resource's link.  model_each_markdown() visits
 * them after the job types'; jobtype_each_markdown() leaves out what a
 * tailoring added to a job type, so each field is visited once.  Of a
 * tailored job type, jobtype_each_markdown() visits the standard's
 * fields (jt->standard), those a tailoring hides too, so that the
 * tailoring report can show them. */
void	 tailoring_each_markdown(const struct tailoring *t, md_field_fn *fn,
	    void *ctx);

#endif
