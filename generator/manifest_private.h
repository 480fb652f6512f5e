/* manifest_private.h: what manifest.c (the record's use) and
 * manifest_text.c (its text) share. */
#ifndef SKILLSITE_MANIFEST_PRIVATE_H
#define SKILLSITE_MANIFEST_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <xxhash.h>

#include "manifest.h"

#define MANIFEST_MAGIC	"skillsite-manifest 1"
#define MANIFEST_MAX	((size_t)1 << 30)	/* bytes of a record read */

/* A file's or folder's status, as compared between builds. */
struct mf_status {
	uint64_t	size, mtime, ctime, dev, ino;	/* times in ns */
};

/* An input file read, or a folder listed for inputs. */
struct mf_input {
	char		*path;
	struct mf_status st;
	XXH128_hash_t	 digest;	/* of the bytes read; 0 for a folder */
	int		 folder;
	int		 jobtype;	/* it holds a job type */
};

/* A unit's key and files. */
struct mf_unit {
	XXH128_hash_t		 key;
	size_t			 pages;
	struct manifest_file	*files;
	size_t			 nfiles, cap;
	int			 keyed;		/* key computed */
};

/* A build's record. */
struct mf_record {
	XXH128_hash_t	 generator, options;
	uint64_t	 start;		/* when the build began, ns */
	int		 quiet;		/* it reported nothing */
	XXH128_hash_t	 tree;		/* the site's folder tree (mf_tree()) */
	struct manifest_totals totals;
	struct mf_input	*inputs;	/* files and folders, by path */
	size_t		 ninputs, capinputs;
	struct mf_unit	*units;		/* by key (the last build's) or by
					 * unit number (this build's) */
	size_t		 nunits;
};

/* Sets *h to the digest of the folder tree at folder: each entry's
 * path, type, mode, owner, size, modification time and inode, in name
 * order, links not followed; each of its own entries is walked on one of
 * up to nthreads threads (the digest is the same whatever their number).
 * Returns 0, or -1 when some part of it cannot be read. */
int	 mf_tree(const char *folder, unsigned nthreads, XXH128_hash_t *h);

/* Parses the len bytes of text into r; returns 0, or -1 when they are
 * not a sound record (r is then freed). */
int	 mf_parse(struct mf_record *r, const char *text, size_t len);

/* Returns the text of r, malloc'd, and sets *len. */
char	*mf_format(const struct mf_record *r, size_t *len);

/* Frees what r holds. */
void	 mf_record_free(struct mf_record *r);

/* Order inputs by path, and units by key. */
int	 mf_input_cmp(const void *a, const void *b);
int	 mf_unit_cmp(const void *a, const void *b);

#endif
