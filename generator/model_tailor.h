/* model_tailor.h: a company's tailoring of a job type, as plain C structs
 * (part of the model; model.h includes it).
 *
 * A tailoring file names its base job type and lists operations: hide a
 * skill or a level, rename a skill, add company skills and knowledge
 * items, add company text and learning resources to a level, define role
 * profiles.  The loader fills these structs; tailor.h applies them to
 * the resolved job type, which renderers then read (model.h's fields
 * "from", "company", "resources", "roles").  The standard's texts are
 * never replaced: a tailored job type keeps each of them, verbatim, or
 * hides it.  Strings and arrays belong to the model's arena.
 */
#ifndef SKILLSITE_MODEL_TAILOR_H
#define SKILLSITE_MODEL_TAILOR_H

#include <stddef.h>

#include "diag.h"		/* struct pos */

struct skill;
struct specialty;
struct tailoring;

/* Where an operation applies: a skill of the base, in one specialty or
 * (specialty_id NULL) every specialty that lists it, at one level or
 * (level 0) all of them. */
struct tailor_at {
	const char		*skill_id;
	const char		*specialty_id;
	int			 level;
	struct pos		 pos;	/* of the operation's element */
	const struct tailoring	*from;	/* by tailor(): the operation's */
};

/* Hides a skill, or one level of it, from the company's pages. */
struct tailor_hide {
	struct tailor_at	 at;
};

/* Gives a skill the company's name. */
struct tailor_rename {
	struct tailor_at	 at;
	const char		*name;
	const char		*standard;	/* by tailor(): the standard's */
};

/* Knowledge items added to a standard skill. */
struct tailor_knowledge {
	struct tailor_at	 at;
	struct knowledge	*items;
	size_t			 nitems;
};

/* Company text for a level of a skill: what it means in the company,
 * examples of evidence (Markdown, either may be NULL). */
struct tailor_text {
	struct tailor_at	 at;
	const char		*meaning;
	struct pos		 meaning_pos;
	const char		*evidence;
	struct pos		 evidence_pos;
};

/* The kinds of learning resource. */
enum resource_kind {
	RESOURCE_TRAINING,	/* 社内研修 */
	RESOURCE_EXAM,		/* 資格試験 */
	RESOURCE_BOOK,		/* 書籍 */
	RESOURCE_ELEARNING,	/* e-learning */
	RESOURCE_OJT,		/* OJT */
	RESOURCE__COUNT
};

/* A learning resource for a level of a skill. */
struct resource {
	struct tailor_at	 at;
	const char		*title;
	enum resource_kind	 kind;
	const char		*href;	/* http or https address, or NULL */
	const char		*hours;	/* as written ("1.5"), or NULL */
};

/* A company skill: a skill of its own, with the entry it has in its
 * specialty (specialty_id) or, when that is NULL, in every specialty. */
struct company_skill {
	struct skill		*skill;	/* id, name, knowledge, notes */
	const char		*specialty_id;
	struct level		*levels;
	size_t			 nlevels;
};

/* One target of a role: the level to reach in a skill. */
struct role_target {
	const char		*skill_id;
	int			 level;
	struct pos		 pos;
	const struct skill	*skill;		/* by tailor() */
};

/* A role profile: what a role of a specialty should reach. */
struct role {
	const char		*id;
	const char		*name;
	const char		*specialty_id;
	const char		*description;	/* Markdown, or NULL */
	struct pos		 description_pos;
	struct role_target	*targets;
	size_t			 ntargets;
	struct pos		 pos;
	const struct specialty	*specialty;	/* by tailor() */
	const struct tailoring	*from;
};

/* A tailoring file: its operations in source order per kind. */
struct tailoring {
	const char		*id;
	const char		*name;
	const char		*base;		/* the job type's ID */
	const char		*summary;	/* Markdown, or NULL */
	struct pos		 summary_pos;
	struct notes		 notes;
	struct pos		 pos;
	struct tailor_hide	*hides;
	size_t			 nhides;
	struct tailor_rename	*renames;
	size_t			 nrenames;
	struct company_skill	*skills;
	size_t			 nskills;
	struct tailor_knowledge	*knowledge;
	size_t			 nknowledge;
	struct tailor_text	*texts;
	size_t			 ntexts;
	struct resource		*resources;
	size_t			 nresources;
	struct role		*roles;
	size_t			 nroles;
};

#endif
