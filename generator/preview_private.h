/* preview_private.h: what the preview's files share: preview.c (its
 * builds), preview_parts.c (the content files' models) and
 * preview_units.c (the units of pages and the templates). */
#ifndef SKILLSITE_PREVIEW_PRIVATE_H
#define SKILLSITE_PREVIEW_PRIVATE_H

#include <sys/types.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include <xxhash.h>

#include "hash.h"
#include "markdown.h"
#include "model.h"
#include "preview.h"
#include "site.h"
#include "stage.h"

/* The parts of the site that stage.h publishes apart. */
enum { PART_PAGES = 1, PART_ASSETS = 2, PART_DATA = 4 };

/* What a file's status says of its bytes: while all of it stays the
 * same (the change time too, which no one can set back), so do they. */
struct file_id {
	uint64_t	 dev, ino, size;
	int64_t		 mtime, ctime;	/* ns */
};

/* A content file's model. */
struct part {
	char		*path;
	size_t		 file;		/* its number in the builds' diags */
	XXH128_hash_t	 digest;	/* of its bytes */
	struct file_id	 id;		/* its status when read */
	struct model	 model;
	struct md_table	*md;		/* its Markdown, rendered */
	int		 fresh;		/* read in this build */
	int		 kept;		/* preview_keep_parts()'s mark */
	int		 noisy;		/* its reading reported something */
};

/* A unit of pages: what it was made from and what it made. */
struct unit_rec {
	char		*name;		/* "JOBTYPE/SPECIALTY", "JOBTYPE/" */
	XXH128_hash_t	 key;
	char		**files;	/* site paths */
	size_t		 nfiles, cap;
	size_t		 pages;
};

/* A file of the templates folder, as last seen. */
struct stamp {
	char		*path;
	int64_t		 size, mtime, ctime;
	uint64_t	 ino;
};

struct preview {
	char			**paths;
	int			 npaths;
	char			*templates;
	unsigned		 nthreads;
	pthread_rwlock_t	*lock;
	struct stage_site	*site;
	struct stage		*stage;		/* the publication under way */
	int			(*give_way)(void *); /* preview_data()'s */
	void			*give_way_ctx;
	atomic_int		 gave_way;

	struct part		**parts;	/* the last good build's */
	size_t			 nparts;
	struct part		**now;		/* this build's, in file order */
	size_t			 nnow, capnow;
	int			 fresh_failed;	/* a file's model was refused */

	struct model		 joined;	/* the build's model */
	struct md_table		*md;
	const struct part	**jt_part;	/* per job type of joined */
	const struct part	**t_part;	/* per tailoring of joined */
	int			 have_joined;

	struct site_kit		*kit;
	char			**kit_files;	/* registered, in order */
	size_t			 nkit_files, kit_first;
	uint64_t		 kit_gen;	/* kits loaded */
	struct stamp		*stamps;
	size_t			 nstamps;

	pthread_mutex_t		 units_lock;
	struct hash_table	 units;		/* struct unit_rec, by name */
	struct unit_rec		**all_units;
	size_t			 nunits, capunits;
	XXH128_hash_t		 site_name;	/* its digest */
};

/* preview_parts.c */
/* Loads the content of p, reading every file and parsing those whose
 * model p lacks, into p->now; reports to d. */
void	preview_load(struct preview *p, struct diag *d);
/* Makes p->joined (and p->md) of p->now's models, reporting a second
 * framework to d; resolves and checks it. */
void	preview_join(struct preview *p, struct diag *d);
/* Keeps this build's models for the next (after a good build), or drops
 * the new ones (after a failed one). */
void	preview_keep_parts(struct preview *p, int good);
void	part_free(struct part *);
/* Frees p's joined model and its table. */
void	preview_unjoin(struct preview *p);

/* preview_units.c */
/* Returns whether a file of p's templates folder changed since the last
 * call (always on the first); updates the stamps. */
int	preview_templates_changed(struct preview *p);
/* The site_reuse of p's units. */
void	preview_reuse(struct preview *p, struct site_reuse *r);
/* Forgets every unit's files: each is made again by the next build. */
void	preview_units_forget(struct preview *p);
void	preview_units_free(struct preview *p);

#endif
