/* hash.h: the one hash table of the generator.
 *
 * An open-addressing table (linear probing) of items, each stored with
 * its hash; it doubles when half full, so adding or finding an item
 * takes constant time however many there are.  Its hash is keyed anew
 * for each table from the kernel's random source, so no keys can be
 * chosen in advance to fall on the same slots (content cannot flood
 * it); nothing may depend on the order of the slots.  The table holds
 * pointers: the items belong to the caller.
 */
#ifndef SKILLSITE_HASH_H
#define SKILLSITE_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash_slot {
	size_t	 hash;
	void	*item;		/* NULL: free */
};

struct hash_table {
	struct hash_slot	*v;	/* cap slots */
	size_t			 cap;	/* a power of two, or 0 */
	size_t			 n;	/* items */
	uint64_t		 key[2];
};

/* Returns whether item is the one that key stands for. */
typedef int	hash_same_fn(const void *item, const void *key);

/* Makes t empty, with a new random key. */
void	 hash_init(struct hash_table *t);

/* Frees the slots of t (not the items). */
void	 hash_free(struct hash_table *t);

/* Returns the hash of the len bytes at p under t's key: FNV-1a from a
 * keyed start, then the key mixed into every bit (MurmurHash3's
 * finalizer), so the slot bits follow from the whole hash. */
size_t	 hash_bytes(const struct hash_table *t, const void *p, size_t len);

/* Returns the hash under t's key of a key of len bytes (at most 8) that
 * the caller packed into v, the same bytes always giving the same v: v
 * mixed with one half of the key by MurmurHash3's finalizer, then with
 * the other half and len by it again.  Cheaper than hash_bytes() for
 * short keys; a table must hash each key one way. */
size_t	 hash_word(const struct hash_table *t, uint64_t v, size_t len);

/* Returns the item of hash h for which same(item, key) holds, or
 * NULL. */
void	*hash_get(const struct hash_table *t, size_t h, hash_same_fn *same,
	    const void *key);

/* Adds item (not NULL, not in t yet) under hash h. */
void	 hash_put(struct hash_table *t, size_t h, void *item);

/* Returns the next item of t from slot *i on, advancing *i past it, or
 * NULL when none is left: start with *i = 0.  The order is the slots',
 * which the key makes random. */
void	*hash_next(const struct hash_table *t, size_t *i);

#endif
