/* synth.c: synthetic frameworks of any size, for the benchmark.
 *
 *   synth [-k realistic|adversarial] SEED.xml OUT PAGES
 *         [SPECIALTIES COMMON SPECIFIC]
 *
 * Writes, from one deterministic framework of about PAGES pages:
 *   OUT/content/   skillsite content: framework.xml and one file per job
 *                  type (SPECIALTIES specialties, COMMON common skills and
 *                  SPECIFIC specific skills per specialty; 4, 6, 8 unless
 *                  given);
 *   OUT/hugo/      the equivalent Hugo site: one Markdown page per page
 *                  skillsite makes, with the same Markdown, under a minimal
 *                  layout and no theme;
 *   OUT/all.md     all of that Markdown, concatenated, for cmark alone.
 * The descriptions, skill names and knowledge items are the seed's
 * (a skillsite content file), recombined, with the seed's specialty names
 * replaced by each synthetic specialty's, so the texts have the seed's
 * lengths and words and common skills differ across specialties as in the
 * source.  The kind (-k) says how a skill's levels are chosen:
 *   adversarial  (the default) each level's description is drawn on its
 *                own from the seed's descriptions of that level, so
 *                neighbouring levels share little;
 *   realistic    a skill takes one seed entry's whole level sequence, as
 *                in ITSS: each level grows from the one below (the scope
 *                and role phrases change, the rest mostly stays), and only
 *                the names differ from the seed.
 * Prints the number of pages skillsite will make.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpath.h>

#define MIN_LEVEL 3
#define MAX_LEVEL 7
#define NLEVELS (MAX_LEVEL - MIN_LEVEL + 1)

/* A list of strings taken from the seed. */
struct pool {
	char	**v;
	size_t	  n;
};

/* One seed entry: a skill's descriptions in one specialty, by level
 * (NULL where the level is not described). */
struct entry {
	char	*text[NLEVELS];
};

/* The entries of one seed skill, one per specialty that lists it. */
struct seedskill {
	struct entry	*v;
	size_t		 n;
};

/* The seed skills of one scope, in the order of their names' pool. */
struct seedskills {
	struct seedskill	*v;
	size_t			 n;
};

/* Everything the synthetic framework is made of. */
struct synth {
	struct pool	 desc[NLEVELS];	/* descriptions by level */
	struct pool	 common;	/* names of common skills */
	struct pool	 specific;	/* names of specific skills */
	struct seedskills seed_common;	/* their entries (realistic) */
	struct seedskills seed_specific;
	int		 realistic;	/* levels as one entry's sequence */
	int		 levels_described; /* levels the kind ever describes */
	struct pool	 knowledge;	/* knowledge items */
	const char	*out;
	int		 jobtypes, specialties, ncommon, nspecific;
	FILE		*all;		/* OUT/all.md */
	long		 pages;
};

/* A growing string. */
struct buf {
	char	*s;
	size_t	 len, cap;
};

static const char *const S_seed_specialties[] = {
	"ファシリティマネジメント", "ハードウェア", "ソフトウェア"
};
static const char *const S_specialty_names[] = {
	"ハードウェア", "ソフトウェア", "ファシリティマネジメント",
	"ネットワーク", "データベース", "セキュリティ", "アプリケーション",
	"プラットフォーム"
};
static const char *const S_jobtype_names[] = {
	"マーケティング", "セールス", "コンサルタント", "ITアーキテクト",
	"プロジェクトマネジメント", "ITスペシャリスト",
	"アプリケーションスペシャリスト", "ソフトウェアデベロップメント",
	"カスタマサービス", "ITサービスマネジメント", "エデュケーション"
};
static const char *const S_digits[] = {
	"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Prints a message and exits with status 2. */
static void
S_die(const char *fmt, ...)
{
	va_list ap;

	fputs("synth: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void *
S_alloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		S_die("out of memory");
	return p;
}

static void
S_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = S_alloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Appends printf-formatted text to b. */
static void
S_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[512], *big;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		S_die("format error");
	if ((size_t)n < sizeof(small)) {
		S_add(b, small, (size_t)n);
		return;
	}
	big = S_alloc(NULL, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	S_add(b, big, (size_t)n);
	free(big);
}

/* A 64-bit mix of the numbers a, b, c, d (splitmix64 finaliser). */
static uint64_t
S_hash(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	uint64_t z = a * 0x9e3779b97f4a7c15u ^ b * 0xbf58476d1ce4e5b9u ^
	    c * 0x94d049bb133111ebu ^ d * 0x2545f4914f6cdd1du;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Returns the text of a seed field as Markdown: each line trimmed, lines
 * of a paragraph joined (Japanese has no spaces between them), paragraphs
 * kept apart by a blank line.  malloc'd. */
static char *
S_flatten(const char *text)
{
	struct buf b = { NULL, 0, 0 };
	const char *p = text, *end, *s, *e;
	int blank = 0;

	while (*p != '\0') {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		for (s = p; s < end && (*s == ' ' || *s == '\t'); s++)
			;
		for (e = end; e > s && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\r'); e--)
			;
		if (e == s)
			blank = 1;
		else {
			if (blank && b.len > 0)
				S_add(&b, "\n\n", 2);
			blank = 0;
			S_add(&b, s, (size_t)(e - s));
		}
		p = *end ? end + 1 : end;
	}
	if (b.s == NULL)
		S_add(&b, "", 0);
	return b.s;
}

/* Evaluates xpath in doc; the caller frees the result with
 * xmlXPathFreeObject. */
static xmlXPathObjectPtr
S_select(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r;

	if (ctx == NULL)
		S_die("out of memory");
	r = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
	xmlXPathFreeContext(ctx);
	return r;
}

/* Adds the flattened text of every node that xpath selects in doc to p,
 * skipping empty ones and, when dedup is set, repeats. */
static void
S_collect(xmlDocPtr doc, const char *xpath, struct pool *p, int dedup)
{
	xmlXPathObjectPtr r = S_select(doc, xpath);
	int i;
	size_t j;

	for (i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr; i++) {
		xmlChar *t = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
		char *s = S_flatten((const char *)t);
		int seen = s[0] == '\0';

		xmlFree(t);
		for (j = 0; dedup && !seen && j < p->n; j++)
			seen = strcmp(p->v[j], s) == 0;
		if (seen) {
			free(s);
			continue;
		}
		p->v = S_alloc(p->v, (p->n + 1) * sizeof(*p->v));
		p->v[p->n++] = s;
	}
	xmlXPathFreeObject(r);
}

/* Fills e with the flattened descriptions of the <level> children of the
 * seed's <entry> node. */
static void
S_read_entry(xmlNodePtr node, struct entry *e)
{
	xmlNodePtr c;

	memset(e, 0, sizeof(*e));
	for (c = node->children; c != NULL; c = c->next) {
		xmlChar *v, *t;
		char *text;
		long n;

		if (c->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(c->name, (const xmlChar *)"level"))
			continue;
		v = xmlGetProp(c, (const xmlChar *)"value");
		n = v ? strtol((const char *)v, NULL, 10) : 0;
		xmlFree(v);
		t = xmlNodeGetContent(c);
		text = S_flatten((const char *)t);
		xmlFree(t);
		if (n < MIN_LEVEL || n > MAX_LEVEL || text[0] == '\0' ||
		    e->text[n - MIN_LEVEL] != NULL)
			free(text);
		else
			e->text[n - MIN_LEVEL] = text;
	}
}

/* Adds to out every skill of the seed with the given scope, in document
 * order (the order of its names' pool), each with its entries in the
 * order of the specialties that list it. */
static void
S_collect_entries(xmlDocPtr doc, const char *scope, struct seedskills *out)
{
	xmlXPathObjectPtr skills, entries;
	char xpath[512];
	int i, e;

	snprintf(xpath, sizeof(xpath), "//skill[@scope='%s']", scope);
	skills = S_select(doc, xpath);
	for (i = 0; skills && skills->nodesetval &&
	    i < skills->nodesetval->nodeNr; i++) {
		xmlChar *id = xmlGetProp(skills->nodesetval->nodeTab[i],
		    (const xmlChar *)"id");
		struct seedskill *sk;

		out->v = S_alloc(out->v, (out->n + 1) * sizeof(*out->v));
		sk = &out->v[out->n++];
		memset(sk, 0, sizeof(*sk));
		snprintf(xpath, sizeof(xpath), "//specialty/entry[@skill='%s']",
		    id ? (const char *)id : "");
		xmlFree(id);
		entries = S_select(doc, xpath);
		for (e = 0; entries && entries->nodesetval &&
		    e < entries->nodesetval->nodeNr; e++) {
			sk->v = S_alloc(sk->v, (sk->n + 1) * sizeof(*sk->v));
			S_read_entry(entries->nodesetval->nodeTab[e],
			    &sk->v[sk->n++]);
		}
		xmlXPathFreeObject(entries);
	}
	xmlXPathFreeObject(skills);
}

/* Returns whether some entry of the skills p describes level index n. */
static int
S_describes(const struct seedskills *p, int n)
{
	size_t i, e;

	for (i = 0; i < p->n; i++)
		for (e = 0; e < p->v[i].n; e++)
			if (p->v[i].v[e].text[n] != NULL)
				return 1;
	return 0;
}

/* Reads the seed skills' entries, for the realistic kind: the i-th skill
 * of a scope must be the one its names' pool holds at i. */
static void
S_read_seed_entries(struct synth *s, xmlDocPtr doc, const char *path)
{
	int n;

	S_collect_entries(doc, "common", &s->seed_common);
	S_collect_entries(doc, "specific", &s->seed_specific);
	if (s->seed_common.n != s->common.n ||
	    s->seed_specific.n != s->specific.n)
		S_die("%s: skill names repeat", path);
	s->levels_described = 0;
	for (n = 0; n < NLEVELS; n++)
		s->levels_described += S_describes(&s->seed_common, n) ||
		    S_describes(&s->seed_specific, n);
	if (s->levels_described == 0)
		S_die("%s: no level descriptions", path);
}

/* Reads the pools of s from the seed content file path. */
static void
S_read_seed(struct synth *s, const char *path)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	char xpath[64];
	int n;

	if (doc == NULL)
		S_die("cannot read %s", path);
	for (n = MIN_LEVEL; n <= MAX_LEVEL; n++) {
		snprintf(xpath, sizeof(xpath), "//level[@value='%d']", n);
		S_collect(doc, xpath, &s->desc[n - MIN_LEVEL], 1);
	}
	for (n = MAX_LEVEL; n >= MIN_LEVEL; n--)	/* borrow when empty */
		if (s->desc[n - MIN_LEVEL].n == 0 && n > MIN_LEVEL)
			s->desc[n - MIN_LEVEL] = s->desc[n - MIN_LEVEL - 1];
	S_collect(doc, "//skill[@scope='common']/name", &s->common, 1);
	S_collect(doc, "//skill[@scope='specific']/name", &s->specific, 1);
	S_collect(doc, "//knowledge/item", &s->knowledge, 1);
	s->levels_described = NLEVELS;
	if (s->realistic)
		S_read_seed_entries(s, doc, path);
	xmlFreeDoc(doc);
	for (n = 0; n < NLEVELS; n++)
		if (s->desc[n].n == 0)
			S_die("%s: no level descriptions", path);
	if (s->common.n == 0 || s->specific.n == 0 || s->knowledge.n < 8)
		S_die("%s: too few skills or knowledge items", path);
}

static void
S_free_pool(struct pool *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

static void
S_free_seedskills(struct seedskills *p)
{
	size_t i, e;
	int n;

	for (i = 0; i < p->n; i++) {
		for (e = 0; e < p->v[i].n; e++)
			for (n = 0; n < NLEVELS; n++)
				free(p->v[i].v[e].text[n]);
		free(p->v[i].v);
	}
	free(p->v);
}

/* Frees what S_read_seed read into s (a level's pool may be the one
 * below it, borrowed). */
static void
S_free_seed(struct synth *s)
{
	int n;

	for (n = 0; n < NLEVELS; n++)
		if (n == 0 || s->desc[n].v != s->desc[n - 1].v)
			S_free_pool(&s->desc[n]);
	S_free_pool(&s->common);
	S_free_pool(&s->specific);
	S_free_pool(&s->knowledge);
	S_free_seedskills(&s->seed_common);
	S_free_seedskills(&s->seed_specific);
}

/* Returns text with every seed specialty name replaced by name,
 * malloc'd. */
static char *
S_respecialise(const char *text, const char *name)
{
	struct buf b = { NULL, 0, 0 };
	const char *p = text;
	size_t i;

	while (*p != '\0') {
		for (i = 0; i < NELEM(S_seed_specialties); i++) {
			size_t n = strlen(S_seed_specialties[i]);

			if (strncmp(p, S_seed_specialties[i], n) == 0) {
				S_add(&b, name, strlen(name));
				p += n;
				break;
			}
		}
		if (i == NELEM(S_seed_specialties))
			S_add(&b, p++, 1);
	}
	if (b.s == NULL)
		S_add(&b, "", 0);
	return b.s;
}

/* --- the framework, computed from indices ----------------------------- */

/* Skill k of a job type: common skills first, then each specialty's
 * specific ones. */
static int
S_nskills(const struct synth *s)
{
	return s->ncommon + s->specialties * s->nspecific;
}

static int
S_is_common(const struct synth *s, int k)
{
	return k < s->ncommon;
}

/* The specialty a specific skill k belongs to. */
static int
S_owner(const struct synth *s, int k)
{
	return (k - s->ncommon) / s->nspecific;
}

/* The index of skill k of job type j in its scope's pool of names (and
 * of seed skills): common skills by number, specific ones shifted by job
 * type. */
static size_t
S_pool_index(const struct synth *s, int j, int k)
{
	return S_is_common(s, k) ? (size_t)k :
	    (size_t)(k - s->ncommon) + (size_t)j;
}

/* Returns the seed entry whose level sequence skill k has in specialty sp
 * of job type j (realistic kind), or NULL when its seed skill has none.
 * The seed specialty rotates with sp and j, so a common skill's texts
 * differ across specialties as the seed's do. */
static const struct entry *
S_entry(const struct synth *s, int j, int sp, int k)
{
	const struct seedskills *p = S_is_common(s, k) ? &s->seed_common :
	    &s->seed_specific;
	const struct seedskill *sk = &p->v[S_pool_index(s, j, k) % p->n];

	if (sk->n == 0)
		return NULL;
	return &sk->v[(size_t)(sp + j) % sk->n];
}

static const char *
S_specialty_name(int sp)
{
	return S_specialty_names[sp % NELEM(S_specialty_names)];
}

/* Writes the ID of skill k into id. */
static void
S_skill_id(const struct synth *s, int k, char *id, size_t n)
{
	if (S_is_common(s, k))
		snprintf(id, n, "common-%d", k + 1);
	else
		snprintf(id, n, "s%d-skill-%d", S_owner(s, k) + 1,
		    (k - s->ncommon) % s->nspecific + 1);
}

/* Writes the ID of specialty sp of job type j (unique in the whole site,
 * as handbook file names need). */
static void
S_specialty_id(int j, int sp, char *id, size_t n)
{
	snprintf(id, n, "jt%04d-sp%d", j + 1, sp + 1);
}

/* Writes the name of skill k of job type j into name. */
static void
S_skill_name(const struct synth *s, int j, int k, char *name, size_t n)
{
	const struct pool *p = S_is_common(s, k) ? &s->common : &s->specific;
	size_t i = S_pool_index(s, j, k);
	size_t round = i / p->n;

	if (round == 0)
		snprintf(name, n, "%s", p->v[i % p->n]);
	else
		snprintf(name, n, "%s（%zu）", p->v[i % p->n], round + 1);
}

/* Returns how many knowledge items skill k of job type j has (2 to 8). */
static int
S_nknowledge(int j, int k)
{
	return 2 + (int)(S_hash(j, k, 0, 7) % 7);
}

/* Returns knowledge item i of skill k of job type j: consecutive pool
 * items, so no skill lists one twice. */
static const char *
S_knowledge(const struct synth *s, int j, int k, int i)
{
	return s->knowledge.v[(S_hash(j, k, 0, 11) + (uint64_t)i) %
	    s->knowledge.n];
}

/* Returns the seed text skill k of specialty sp (job type j) has at
 * level n, or NULL when it is not described there.  Realistic: its
 * entry's.  Adversarial: levels 3-6 nearly always, level 7 for one skill
 * in four, each drawn on its own from the seed's texts of that level; a
 * common skill has one per job type, worded for each specialty. */
static const char *
S_seed_text(const struct synth *s, int j, int sp, int k, int n)
{
	const struct pool *p = &s->desc[n - MIN_LEVEL];
	const struct entry *e;
	uint64_t h = S_hash(j, sp, k, (uint64_t)n);

	if (s->realistic) {
		e = S_entry(s, j, sp, k);
		return e ? e->text[n - MIN_LEVEL] : NULL;
	}
	if (n == MAX_LEVEL ? h % 4 != 0 : h % 16 == 0)
		return NULL;
	if (S_is_common(s, k))
		h = S_hash(j, 99, k, (uint64_t)n);
	return p->v[h % p->n];
}

/* Returns whether skill k of specialty sp (job type j) is described at
 * level n. */
static int
S_defined(const struct synth *s, int j, int sp, int k, int n)
{
	return S_seed_text(s, j, sp, k, n) != NULL;
}

/* Returns the description of skill k in specialty sp of job type j at
 * level n, worded for the specialty, malloc'd, or NULL when undefined. */
static char *
S_description(const struct synth *s, int j, int sp, int k, int n)
{
	const char *text = S_seed_text(s, j, sp, k, n);

	return text ? S_respecialise(text, S_specialty_name(sp)) : NULL;
}

/* Returns whether specialty sp lists skill k. */
static int
S_lists(const struct synth *s, int sp, int k)
{
	return S_is_common(s, k) || S_owner(s, k) == sp;
}

/* Returns whether any skill of sp is described at level n. */
static int
S_level_used(const struct synth *s, int j, int sp, int n)
{
	int k;

	for (k = 0; k < S_nskills(s); k++)
		if (S_lists(s, sp, k) && S_defined(s, j, sp, k, n))
			return 1;
	return 0;
}

/* Writes "レベルＮ" into label. */
static void
S_level_label(int n, char *label, size_t size)
{
	snprintf(label, size, "レベル%s", S_digits[n % 10]);
}

/* --- files ------------------------------------------------------------- */

/* Makes every folder of path (a file's path). */
static void
S_mkdirs(const char *path)
{
	char *p = S_alloc(NULL, strlen(path) + 1), *slash;

	strcpy(p, path);
	for (slash = strchr(p + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(p, 0755) < 0 && errno != EEXIST)
			S_die("cannot create %s: %s", p, strerror(errno));
		*slash = '/';
	}
	free(p);
}

/* Writes len bytes of data to the file path, making its folders. */
static void
S_write_file(const char *path, const char *data, size_t len)
{
	FILE *f;

	S_mkdirs(path);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, len, f) != len || fclose(f) != 0)
		S_die("cannot write %s", path);
}

/* Writes one Hugo page (TOML front matter with the title, then md) at
 * content path rel of the Hugo site, and appends md to all.md. */
static void
S_page(struct synth *s, const char *rel, const char *title,
    const struct buf *md)
{
	struct buf b = { NULL, 0, 0 };
	char path[512];
	const char *t;

	S_add(&b, "+++\ntitle = \"", 13);
	for (t = title; *t; t++) {
		if (*t == '"' || *t == '\\')
			S_add(&b, "\\", 1);
		S_add(&b, t, 1);
	}
	S_add(&b, "\"\n+++\n\n", 7);
	S_add(&b, md->s, md->len);
	snprintf(path, sizeof(path), "%s/hugo/content/%s", s->out, rel);
	S_write_file(path, b.s, b.len);
	if (fwrite(md->s, 1, md->len, s->all) != md->len ||
	    fputs("\n\n", s->all) == EOF)
		S_die("cannot write all.md");
	free(b.s);
	s->pages++;
}

/* The Hugo configuration and layouts: the same URLs as skillsite
 * (uglyURLs), only pages and the home page, nothing else. */
static void
S_hugo_skeleton(const struct synth *s)
{
	static const char config[] =
	    "baseURL = \"/\"\n"
	    "languageCode = \"ja\"\n"
	    "title = \"ITスキル標準（ITSS）\"\n"
	    "uglyURLs = true\n"
	    "relativeURLs = true\n"
	    "disableKinds = [\"section\", \"taxonomy\", \"term\", \"RSS\", "
	    "\"sitemap\", \"robotsTXT\", \"404\"]\n";
	static const char single[] =
	    "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>{{ .Title }} | {{ .Site.Title }}"
	    "</title>\n</head>\n<body>\n<main>\n<h1>{{ .Title }}</h1>\n"
	    "{{ .Content }}\n</main>\n</body>\n</html>\n";
	char path[512];

	snprintf(path, sizeof(path), "%s/hugo/config.toml", s->out);
	S_write_file(path, config, sizeof(config) - 1);
	snprintf(path, sizeof(path), "%s/hugo/layouts/_default/single.html",
	    s->out);
	S_write_file(path, single, sizeof(single) - 1);
	snprintf(path, sizeof(path), "%s/hugo/layouts/index.html", s->out);
	S_write_file(path, single, sizeof(single) - 1);
}

/* Starts writing an indented XML file at path. */
static xmlTextWriterPtr
S_xml_open(const char *path)
{
	xmlTextWriterPtr w;

	S_mkdirs(path);
	if ((w = xmlNewTextWriterFilename(path, 0)) == NULL)
		S_die("cannot write %s", path);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	return w;
}

static void
S_xml_close(xmlTextWriterPtr w)
{
	if (xmlTextWriterEndDocument(w) < 0)
		S_die("cannot finish an XML file");
	xmlFreeTextWriter(w);
}

/* Writes <name>text</name>. */
static void
S_xml_element(xmlTextWriterPtr w, const char *name, const char *text)
{
	xmlTextWriterWriteElement(w, (const xmlChar *)name,
	    (const xmlChar *)text);
}

static void
S_xml_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, (const xmlChar *)name,
	    (const xmlChar *)value);
}

/* Writes the content file of job type j. */
static void
S_content_jobtype(const struct synth *s, int j, const char *id,
    const char *name)
{
	char path[512], buf[256], num[16];
	xmlTextWriterPtr w;
	int k, sp, i, n;

	snprintf(path, sizeof(path), "%s/content/%s.xml", s->out, id);
	w = S_xml_open(path);
	xmlTextWriterStartElement(w, (const xmlChar *)"jobtype");
	S_xml_attr(w, "id", id);
	snprintf(num, sizeof(num), "%d", j + 1);
	S_xml_attr(w, "number", num);
	snprintf(num, sizeof(num), "%d", MIN_LEVEL);
	S_xml_attr(w, "min-level", num);
	snprintf(num, sizeof(num), "%d", MAX_LEVEL);
	S_xml_attr(w, "max-level", num);
	S_xml_element(w, "name", name);
	for (k = 0; k < S_nskills(s); k++) {
		xmlTextWriterStartElement(w, (const xmlChar *)"skill");
		S_skill_id(s, k, buf, sizeof(buf));
		S_xml_attr(w, "id", buf);
		S_xml_attr(w, "scope", S_is_common(s, k) ? "common" : "specific");
		S_skill_name(s, j, k, buf, sizeof(buf));
		S_xml_element(w, "name", buf);
		xmlTextWriterStartElement(w, (const xmlChar *)"knowledge");
		for (i = 0; i < S_nknowledge(j, k); i++)
			S_xml_element(w, "item", S_knowledge(s, j, k, i));
		xmlTextWriterEndElement(w);
		xmlTextWriterEndElement(w);
	}
	for (sp = 0; sp < s->specialties; sp++) {
		xmlTextWriterStartElement(w, (const xmlChar *)"specialty");
		S_specialty_id(j, sp, buf, sizeof(buf));
		S_xml_attr(w, "id", buf);
		S_xml_element(w, "name", S_specialty_name(sp));
		for (k = 0; k < S_nskills(s); k++) {
			if (!S_lists(s, sp, k))
				continue;
			xmlTextWriterStartElement(w, (const xmlChar *)"entry");
			S_skill_id(s, k, buf, sizeof(buf));
			S_xml_attr(w, "skill", buf);
			for (n = MAX_LEVEL; n >= MIN_LEVEL; n--) {
				char *d = S_description(s, j, sp, k, n);

				xmlTextWriterStartElement(w,
				    (const xmlChar *)"level");
				snprintf(num, sizeof(num), "%d", n);
				S_xml_attr(w, "value", num);
				if (d != NULL)
					xmlTextWriterWriteString(w,
					    (const xmlChar *)d);
				xmlTextWriterEndElement(w);
				free(d);
			}
			xmlTextWriterEndElement(w);
		}
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
	S_xml_close(w);
}

/* Appends "label: description" sections of skill k of sp at every level
 * to md, headed at depth hashes. */
static void
S_md_levels(const struct synth *s, struct buf *md, int j, int sp, int k,
    const char *hashes)
{
	char label[64];
	int n;

	for (n = MAX_LEVEL; n >= MIN_LEVEL; n--) {
		char *d = S_description(s, j, sp, k, n);

		S_level_label(n, label, sizeof(label));
		S_printf(md, "%s %s\n\n%s\n\n", hashes, label, d ? d : "－");
		free(d);
	}
}

/* Appends skill k of specialty sp of job type j as a handbook holds it:
 * its name under heading, its knowledge items, then its levels under
 * sub. */
static void
S_md_handbook_skill(const struct synth *s, struct buf *md, int j, int sp,
    int k, const char *heading, const char *sub)
{
	char name[256];
	int i;

	S_skill_name(s, j, k, name, sizeof(name));
	S_printf(md, "%s %s\n\n", heading, name);
	for (i = 0; i < S_nknowledge(j, k); i++)
		S_printf(md, "- %s\n", S_knowledge(s, j, k, i));
	S_add(md, "\n", 1);
	S_md_levels(s, md, j, sp, k, sub);
}

/* The Hugo page of job type j's handbook: the common skills, each level
 * with every specialty's description, then each specialty's own skills
 * with their levels. */
static void
S_hugo_jobtype_handbook(struct synth *s, int j, const char *jid)
{
	struct buf md = { NULL, 0, 0 };
	char name[256], label[64], rel[512];
	int sp, k, n;

	for (k = 0; k < s->ncommon; k++) {
		S_skill_name(s, j, k, name, sizeof(name));
		S_printf(&md, "## %s\n\n", name);
		for (n = MAX_LEVEL; n >= MIN_LEVEL; n--) {
			S_level_label(n, label, sizeof(label));
			S_printf(&md, "### %s\n\n", label);
			for (sp = 0; sp < s->specialties; sp++) {
				char *d = S_description(s, j, sp, k, n);

				S_printf(&md, "- %s: %s\n", S_specialty_name(sp),
				    d ? d : "－");
				free(d);
			}
			S_add(&md, "\n", 1);
		}
	}
	for (sp = 0; sp < s->specialties; sp++) {
		S_printf(&md, "## %s\n\n", S_specialty_name(sp));
		for (k = 0; k < S_nskills(s); k++) {
			if (S_lists(s, sp, k) && !S_is_common(s, k))
				S_md_handbook_skill(s, &md, j, sp, k, "###",
				    "####");
		}
	}
	snprintf(rel, sizeof(rel), "handbooks/%s.md", jid);
	S_page(s, rel, "全専門分野 ハンドブック", &md);
	free(md.s);
}

/* The Hugo pages of job type j: specialties, skills, levels, handbooks,
 * the knowledge index and the comparisons. */
static void
S_hugo_jobtype(struct synth *s, int j, const char *jid)
{
	struct buf md = { NULL, 0, 0 };
	char spid[64], kid[64], name[256], label[64], rel[512], title[512];
	int sp, k, n, i, o;

	for (sp = 0; sp < s->specialties; sp++) {
		S_specialty_id(j, sp, spid, sizeof(spid));
		/* the specialty: a skill x level table */
		md.len = 0;
		S_add(&md, "| スキル項目 |", strlen("| スキル項目 |"));
		for (n = MAX_LEVEL; n >= MIN_LEVEL; n--) {
			S_level_label(n, label, sizeof(label));
			S_printf(&md, " %s |", label);
		}
		S_printf(&md, "\n|---|---|---|---|---|---|\n");
		for (k = 0; k < S_nskills(s); k++) {
			if (!S_lists(s, sp, k))
				continue;
			S_skill_id(s, k, kid, sizeof(kid));
			S_skill_name(s, j, k, name, sizeof(name));
			S_printf(&md, "| [%s](%s/skills/%s.html) |", name, spid,
			    kid);
			for (n = MAX_LEVEL; n >= MIN_LEVEL; n--)
				S_printf(&md, S_defined(s, j, sp, k, n) ?
				    " [●](%s/skills/%s.html#level-%d) |" : " － |",
				    spid, kid, n);
			S_add(&md, "\n", 1);
		}
		snprintf(rel, sizeof(rel), "%s/%s.md", jid, spid);
		S_page(s, rel, S_specialty_name(sp), &md);
		/* its skills */
		for (k = 0; k < S_nskills(s); k++) {
			if (!S_lists(s, sp, k))
				continue;
			md.len = 0;
			S_skill_id(s, k, kid, sizeof(kid));
			S_skill_name(s, j, k, name, sizeof(name));
			S_printf(&md, "## 知識項目\n\n");
			for (i = 0; i < S_nknowledge(j, k); i++)
				S_printf(&md, "- [%s](../../knowledge.html)\n",
				    S_knowledge(s, j, k, i));
			S_add(&md, "\n", 1);
			S_md_levels(s, &md, j, sp, k, "##");
			for (o = 0; S_is_common(s, k) && o < s->specialties; o++)
				if (o != sp) {
					S_specialty_id(j, o, rel, sizeof(rel));
					S_printf(&md, "- [%s](../../%s/skills/"
					    "%s.html)\n", S_specialty_name(o), rel,
					    kid);
				}
			snprintf(rel, sizeof(rel), "%s/%s/skills/%s.md", jid, spid,
			    kid);
			snprintf(title, sizeof(title), "%s（%s）", name,
			    S_specialty_name(sp));
			S_page(s, rel, title, &md);
		}
		/* its self-assessment sheet: each skill and its levels */
		md.len = 0;
		for (k = 0; k < S_nskills(s); k++) {
			if (!S_lists(s, sp, k))
				continue;
			S_skill_id(s, k, kid, sizeof(kid));
			S_skill_name(s, j, k, name, sizeof(name));
			S_printf(&md, "- [%s](skills/%s.html):", name, kid);
			for (n = MIN_LEVEL; n <= MAX_LEVEL; n++) {
				char *d = S_description(s, j, sp, k, n);

				if (d != NULL)
					S_printf(&md, " [%d](skills/%s.html#level-%d)",
					    n, kid, n);
				free(d);
			}
			S_add(&md, "\n", 1);
		}
		snprintf(rel, sizeof(rel), "%s/%s/assessment.md", jid, spid);
		snprintf(title, sizeof(title), "自己評価シート（%s）",
		    S_specialty_name(sp));
		S_page(s, rel, title, &md);
		/* its levels */
		for (n = MAX_LEVEL; n >= MIN_LEVEL; n--) {
			if (!S_level_used(s, j, sp, n))
				continue;
			md.len = 0;
			for (k = 0; k < S_nskills(s); k++) {
				char *d;

				if (!S_lists(s, sp, k) ||
				    (d = S_description(s, j, sp, k, n)) == NULL)
					continue;
				S_skill_id(s, k, kid, sizeof(kid));
				S_skill_name(s, j, k, name, sizeof(name));
				S_printf(&md, "## [%s](../skills/%s.html)\n\n%s\n\n",
				    name, kid, d);
				free(d);
			}
			S_level_label(n, label, sizeof(label));
			snprintf(rel, sizeof(rel), "%s/%s/levels/%d.md", jid, spid,
			    n);
			snprintf(title, sizeof(title), "%s（%s）", label,
			    S_specialty_name(sp));
			S_page(s, rel, title, &md);
		}
		/* its handbook: every skill, each with its levels */
		md.len = 0;
		for (k = 0; k < S_nskills(s); k++) {
			if (S_lists(s, sp, k))
				S_md_handbook_skill(s, &md, j, sp, k, "##",
				    "###");
		}
		snprintf(rel, sizeof(rel), "handbooks/%s.md", spid);
		snprintf(title, sizeof(title), "%s ハンドブック",
		    S_specialty_name(sp));
		S_page(s, rel, title, &md);
		/* its skill map: a row per skill */
		md.len = 0;
		for (k = 0; k < S_nskills(s); k++)
			if (S_lists(s, sp, k)) {
				S_skill_name(s, j, k, name, sizeof(name));
				S_printf(&md, "- %s\n", name);
			}
		snprintf(rel, sizeof(rel), "handbooks/%s-map.md", spid);
		snprintf(title, sizeof(title), "%s スキルマップ",
		    S_specialty_name(sp));
		S_page(s, rel, title, &md);
	}
	/* the knowledge index: each skill's items, linked to the skill */
	md.len = 0;
	for (k = 0; k < S_nskills(s); k++) {
		sp = S_is_common(s, k) ? 0 : S_owner(s, k);
		S_specialty_id(j, sp, spid, sizeof(spid));
		S_skill_id(s, k, kid, sizeof(kid));
		S_skill_name(s, j, k, name, sizeof(name));
		for (i = 0; i < S_nknowledge(j, k); i++)
			S_printf(&md, "- %s: [%s](%s/skills/%s.html)\n",
			    S_knowledge(s, j, k, i), name, spid, kid);
	}
	snprintf(rel, sizeof(rel), "%s/knowledge.md", jid);
	S_page(s, rel, "知識項目索引", &md);
	/* the comparisons of the common skills */
	for (k = 0; k < s->ncommon; k++) {
		md.len = 0;
		for (n = MAX_LEVEL; n >= MIN_LEVEL; n--) {
			S_level_label(n, label, sizeof(label));
			S_printf(&md, "## %s\n\n", label);
			for (sp = 0; sp < s->specialties; sp++) {
				char *d = S_description(s, j, sp, k, n);

				S_printf(&md, "### %s\n\n%s\n\n",
				    S_specialty_name(sp), d ? d : "－");
				free(d);
			}
		}
		S_skill_id(s, k, kid, sizeof(kid));
		S_skill_name(s, j, k, name, sizeof(name));
		snprintf(rel, sizeof(rel), "%s/compare/%s.md", jid, kid);
		snprintf(title, sizeof(title), "%s：専門分野の比較", name);
		S_page(s, rel, title, &md);
	}
	free(md.s);
}

/* Writes the framework file, every job type's content file and Hugo
 * pages, and the Hugo home page and page about the text. */
static void
S_write_all(struct synth *s)
{
	static const char summary[] = "ITスキル標準（ITSS）の職種、専門分野、"
	    "スキル項目、知識項目とスキル熟達度を、職種ごとの表から閲覧できる"
	    "形にしたものです。";
	struct buf home = { NULL, 0, 0 };
	char path[512], jid[32], name[256], spid[64];
	xmlTextWriterPtr w;
	int j, sp;

	snprintf(path, sizeof(path), "%s/content/framework.xml", s->out);
	w = S_xml_open(path);
	xmlTextWriterStartElement(w, (const xmlChar *)"framework");
	S_xml_attr(w, "id", "itss");
	S_xml_element(w, "name", "ITスキル標準（ITSS）");
	S_xml_element(w, "summary", summary);
	xmlTextWriterEndElement(w);
	S_xml_close(w);
	S_hugo_skeleton(s);
	S_printf(&home, "%s\n\n", summary);
	for (j = 0; j < s->jobtypes; j++) {
		snprintf(jid, sizeof(jid), "jt%04d", j + 1);
		snprintf(name, sizeof(name), "%s（%d）",
		    S_jobtype_names[j % NELEM(S_jobtype_names)], j + 1);
		S_content_jobtype(s, j, jid, name);
		S_hugo_jobtype(s, j, jid);
		S_hugo_jobtype_handbook(s, j, jid);
		S_printf(&home, "## %s\n\n[知識項目索引](%s/knowledge.html)\n\n",
		    name, jid);
		for (sp = 0; sp < s->specialties; sp++) {
			S_specialty_id(j, sp, spid, sizeof(spid));
			S_printf(&home, "- [%s](%s/%s.html)\n",
			    S_specialty_name(sp), jid, spid);
		}
		S_add(&home, "\n", 1);
	}
	S_page(s, "_index.md", "ITスキル標準（ITSS）", &home);
	free(home.s);
	home = (struct buf){ NULL, 0, 0 };	/* the page about the text */
	S_printf(&home, "%s\n", summary);
	S_page(s, "about.md", "このサイトの内容について", &home);
	free(home.s);
}

/* Returns argument i of argv as a number in [lo, hi], or dflt when
 * absent. */
static int
S_number(int argc, char **argv, int i, int dflt, int lo, int hi)
{
	char *end;
	long v;

	if (i >= argc)
		return dflt;
	v = strtol(argv[i], &end, 10);
	if (*end != '\0' || v < lo || v > hi)
		S_die("%s: not a number from %d to %d", argv[i], lo, hi);
	return (int)v;
}

/* Reads the options into s; returns the index of the first operand. */
static int
S_options(struct synth *s, int argc, char **argv)
{
	static const char usage[] = "usage: synth [-k realistic|adversarial] "
	    "SEED.xml OUT PAGES [SPECIALTIES COMMON SPECIFIC]";
	int c;

	while ((c = getopt(argc, argv, "k:")) != -1) {
		if (c == 'k' && strcmp(optarg, "realistic") == 0)
			s->realistic = 1;
		else if (c == 'k' && strcmp(optarg, "adversarial") == 0)
			s->realistic = 0;
		else
			S_die("%s", usage);
	}
	if (argc - optind < 3 || argc - optind > 6)
		S_die("%s", usage);
	return optind;
}

int
main(int argc, char **argv)
{
	struct synth s;
	char path[512];
	int pages, per;

	memset(&s, 0, sizeof(s));
	argv += S_options(&s, argc, argv) - 1;
	argc -= optind - 1;
	s.out = argv[2];
	pages = S_number(argc, argv, 3, 0, 1, 10000000);
	s.specialties = S_number(argc, argv, 4, 4, 1,
	    (int)NELEM(S_specialty_names));
	s.ncommon = S_number(argc, argv, 5, 6, 0, 100);
	s.nspecific = S_number(argc, argv, 6, 8, 1, 100);
	S_read_seed(&s, argv[1]);
	/* a job type: per specialty its page, handbook, skill map,
	 * self-assessment sheet, skills and a page per level described; then
	 * its knowledge index and comparisons */
	per = s.specialties * (4 + s.ncommon + s.nspecific +
	    s.levels_described) + 1 + s.ncommon;
	s.jobtypes = pages > per ? (pages - 1 + per / 2) / per : 1;
	if (mkdir(s.out, 0755) < 0 && errno != EEXIST)
		S_die("cannot create %s: %s", s.out, strerror(errno));
	snprintf(path, sizeof(path), "%s/all.md", s.out);
	if ((s.all = fopen(path, "wb")) == NULL)
		S_die("cannot write %s", path);
	S_write_all(&s);
	if (fclose(s.all) != 0)
		S_die("cannot write %s", path);
	S_free_seed(&s);
	printf("%ld\n", s.pages);
	return 0;
}
