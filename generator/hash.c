/* hash.c: the one hash table; see hash.h. */
#include "hash.h"

#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"

#define HASH_FIRST_CAP	256

void
hash_init(struct hash_table *t)
{
	struct timespec ts;

	memset(t, 0, sizeof(*t));
	if (getrandom(t->key, sizeof(t->key), GRND_NONBLOCK) ==
	    (ssize_t)sizeof(t->key))
		return;
	/* no entropy yet (early boot): the clock, the process and where
	 * the stack lies */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	t->key[0] = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15u ^
	    (uint64_t)ts.tv_sec;
	t->key[1] = (uint64_t)(uintptr_t)&ts ^ (uint64_t)getpid() << 32;
}

void
hash_free(struct hash_table *t)
{
	free(t->v);
	t->v = NULL;
	t->cap = t->n = 0;
}

/* Returns h with every bit mixed into every other (MurmurHash3's
 * finalizer, a bijection). */
static uint64_t
S_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53u;
	h ^= h >> 33;
	return h;
}

size_t
hash_bytes(const struct hash_table *t, const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = 14695981039346656037u ^ t->key[0];
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= s[i];
		h *= 1099511628211u;
	}
	return (size_t)S_mix(h ^ t->key[1]);
}

size_t
hash_word(const struct hash_table *t, uint64_t v, size_t len)
{
	return (size_t)S_mix(S_mix(v ^ t->key[0]) ^ t->key[1] ^ len);
}

void *
hash_get(const struct hash_table *t, size_t h, hash_same_fn *same,
    const void *key)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = h & (t->cap - 1); t->v[i].item != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (t->v[i].hash == h && same(t->v[i].item, key))
			return t->v[i].item;
	return NULL;
}

/* Puts item of hash h into the first free slot from its own on. */
static void
S_place(struct hash_table *t, size_t h, void *item)
{
	size_t i = h & (t->cap - 1);

	while (t->v[i].item != NULL)
		i = (i + 1) & (t->cap - 1);
	t->v[i].hash = h;
	t->v[i].item = item;
}

/* Doubles the slots of t (or makes its first ones). */
static void
S_grow(struct hash_table *t)
{
	struct hash_slot *old = t->v;
	size_t i, oldcap = t->cap;

	t->cap = oldcap ? 2 * oldcap : HASH_FIRST_CAP;
	t->v = xcalloc(t->cap, sizeof(*t->v));
	for (i = 0; i < oldcap; i++)
		if (old[i].item != NULL)
			S_place(t, old[i].hash, old[i].item);
	free(old);
}

void
hash_put(struct hash_table *t, size_t h, void *item)
{
	if (2 * (t->n + 1) > t->cap)
		S_grow(t);
	S_place(t, h, item);
	t->n++;
}

void *
hash_next(const struct hash_table *t, size_t *i)
{
	for (; *i < t->cap; (*i)++)
		if (t->v[*i].item != NULL)
			return t->v[(*i)++].item;
	return NULL;
}
