/* memo.c: fragments and plain text by Markdown field; see memo.h. */
#include "memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "markdown.h"
#include "template.h"

struct memo_slot {
	const char	*md;		/* NULL: free */
	struct fragment	*f;		/* NULL when it did not parse */
	int		 rendered;	/* f is set */
	char		*plain;		/* the plain text, or NULL if not yet */
};

void
memo_init(struct memo *m)
{
	memset(m, 0, sizeof(*m));
	m->empty = fragment_new("");
}

void
memo_clear(struct memo *m)
{
	size_t i, used = m->n;

	for (i = 0; i < m->cap; i++)
		if (m->slots[i].md != NULL) {
			fragment_free(m->slots[i].f);
			free(m->slots[i].plain);
			memset(&m->slots[i], 0, sizeof(m->slots[i]));
		}
	m->n = 0;
	/* a table grown for one large unit would make every later clear
	 * cost its size: drop it after a small unit, grow again as needed */
	if (m->cap > 1024 && used * 8 < m->cap) {
		free(m->slots);
		m->slots = NULL;
		m->cap = 0;
	}
}

void
memo_free(struct memo *m)
{
	memo_clear(m);
	free(m->slots);
	fragment_free(m->empty);
	memset(m, 0, sizeof(*m));
}

/* Returns the slot of key md in the table: its own, or the free one where
 * it belongs. */
static struct memo_slot *
S_find(const struct memo *m, const char *md)
{
	uint64_t h = (uint64_t)(uintptr_t)md * 0x9e3779b97f4a7c15u;
	size_t i = (size_t)(h >> 17) & (m->cap - 1);

	while (m->slots[i].md != NULL && m->slots[i].md != md)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

/* Doubles the table (keeping it at most half full). */
static void
S_grow(struct memo *m)
{
	struct memo_slot *old = m->slots;
	size_t i, cap = m->cap;

	m->cap = cap ? cap * 2 : 256;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (i = 0; i < cap; i++)
		if (old[i].md != NULL)
			*S_find(m, old[i].md) = old[i];
	free(old);
}

/* Returns the slot of md, made if new. */
static struct memo_slot *
S_slot(struct memo *m, const char *md)
{
	struct memo_slot *s;

	if ((m->n + 1) * 2 > m->cap)
		S_grow(m);
	s = S_find(m, md);
	if (s->md == NULL) {
		s->md = md;
		m->n++;
	}
	return s;
}

const struct fragment *
memo_fragment(struct memo *m, const char *md)
{
	struct memo_slot *s;
	char *html;

	if (md == NULL)
		return m->empty;
	s = S_slot(m, md);
	if (!s->rendered) {
		html = md_to_html(md);
		s->f = fragment_new(html != NULL ? html : "");
		s->rendered = 1;
		free(html);
	}
	return s->f;
}

const char *
memo_plain(struct memo *m, const char *md)
{
	struct memo_slot *s = S_slot(m, md);

	if (s->plain == NULL)
		s->plain = md_plain_text(md);
	return s->plain;
}
