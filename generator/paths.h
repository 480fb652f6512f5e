/* paths.h: where each page of the site lives, and links between pages.
 *
 * Site paths are relative to the output folder and name files, never
 * folders, so every link works from file:// and under any sub-path:
 *
 *	index.html			home
 *	about.html			about this text: the editorial notes
 *	assets/style.css		stylesheet
 *	J/S.html			specialty S of job type J
 *	J/S/skills/K.html		skill K in specialty S
 *	J/S/levels/N.html		level N in specialty S
 *	J/S/assessment.html		self-assessment sheet of specialty S
 *	J/knowledge.html		knowledge-item index of J
 *	J/compare/K.html		common skill K compared across specialties
 *	handbooks/S.html		printable handbook of specialty S
 *	handbooks/S.pdf			the same as PDF (made with WeasyPrint)
 *	handbooks/S-map.html		skill map of specialty S (one A4 page)
 *	handbooks/S-map.pdf		the same as PDF
 *	handbooks/J.html, J.pdf		handbook of job type J, every
 *					specialty at once
 *	downloads/framework.*		the framework as data (export.h)
 *	downloads/S-assessment.xlsx	self-assessment workbook of specialty
 *					S (xlsx_assess.h)
 *	assets/icon.svg			the site's icon
 *	assets/search.js		the search box's script
 *	assets/assess.js		the self-assessment sheet's script
 *	assets/knowledge.js		the knowledge index's filter
 *	assets/NAME			every other asset of the templates
 *					folder (assets.h): a font, a logo
 *	search/index.js			the search index: names, shard counts
 *	search/t-N.js, search/d-N.js	its shards of terms and documents
 *
 * IDs match [a-z0-9][a-z0-9-]*, so only the names below can collide with
 * the site's own files; resolve refuses them as IDs: the top folders
 * (assets, downloads, handbooks, search) as job types, knowledge and
 * compare as specialties.  Handbooks are named by specialty or job type
 * alone, so resolve also refuses a specialty ID used by two job types,
 * one that is another's and "-map", and a job type ID that is a
 * specialty's, or one and "-map".
 */
#ifndef SKILLSITE_PATHS_H
#define SKILLSITE_PATHS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct jobtype;
struct skill;

#define PATH_HOME	"index.html"
#define PATH_ABOUT	"about.html"
#define PATH_STYLE	"assets/style.css"
#define PATH_HANDBOOK_STYLE "assets/handbook.css"
#define PATH_MAP_STYLE	"assets/map.css"
#define PATH_ICON	"assets/icon.svg"
#define PATH_SEARCH_SCRIPT "assets/search.js"
#define PATH_SEARCH_INDEX "search/index.js"
#define PATH_ASSESS_SCRIPT "assets/assess.js"
#define PATH_KNOWLEDGE_SCRIPT "assets/knowledge.js"

/* Returns whether id may not name a job type (or a specialty). */
int	 path_is_reserved_jobtype(const char *id);
int	 path_is_reserved_specialty(const char *id);

/* Return the site path of each kind of page, in arena a. */
char	*path_specialty(struct arena *a, const char *jt, const char *sp);
char	*path_skill(struct arena *a, const char *jt, const char *sp,
	    const char *skill);
char	*path_level(struct arena *a, const char *jt, const char *sp, int level);
char	*path_knowledge(struct arena *a, const char *jt);
char	*path_assessment(struct arena *a, const char *jt, const char *sp);
char	*path_compare(struct arena *a, const char *jt, const char *skill);

/* Returns the site path of role role of job type jt's tailorings:
 * JT/roles/ROLE.html. */
char	*path_role(struct arena *a, const char *jt, const char *role);

/* Returns the site path of job type jt's tailoring report:
 * JT/tailoring.html. */
char	*path_tailoring(struct arena *a, const char *jt);
char	*path_handbook(struct arena *a, const char *id, const char *ext);
char	*path_map(struct arena *a, const char *sp, const char *ext);

/* Returns the site path of specialty sp's self-assessment workbook:
 * downloads/SP-assessment.xlsx (specialty IDs are unique across job
 * types, as for the handbooks). */
char	*path_assessment_xlsx(struct arena *a, const char *sp);

/* Returns the path of shard n of the search index's terms (kind 't')
 * or documents (kind 'd'): "search/t-N.js". */
char	*path_search_shard(struct arena *a, char kind, unsigned n);

/* Returns the link from the page at site path from to the file at site
 * path to, with "#fragment" appended when fragment is not NULL: a
 * page-relative URL such as "../skills/x.html#level-3". */
char	*path_href(struct arena *a, const char *from, const char *to,
	    const char *fragment);

/* Returns how many folders below the site's root the file at site path
 * stands: the ".." segments a link from it may climb. */
int	 path_depth(const char *path);

/* Returns the anchor of job type jt_id's section of the home page:
 * "jobtype-ID" (prefixed, so no ID can clash with the layout's ids). */
char	*path_jobtype_anchor(struct arena *a, const char *jt_id);

/* Returns the link from page self to every specialty of skill skill of
 * job type jt: its comparison page when the skill is common, else the
 * job type's section of the home page. */
char	*path_uses_more(struct arena *a, const char *self, const char *jt,
	    const char *skill, int common);

/* Returns the anchor of level n within a skill page: "level-N". */
char	*path_level_anchor(struct arena *a, int n);

/* Returns the 64-bit FNV-1a hash of text, which anchors it. */
uint64_t path_text_hash(const char *text);

/* Returns a stable anchor for a knowledge item's text: "k-" and sixteen
 * hex digits of path_text_hash(text). */
char	*path_text_anchor(struct arena *a, const char *text);

/* Sets anchors[i] to the anchor of texts[i], for the n knowledge item
 * texts of a job type: path_text_anchor()'s, but for the second and later
 * distinct texts of one hash (in byte order), which get "-2", "-3", ...
 * after it; so equal texts share an anchor and different texts never do,
 * however crafted (FNV-1a collisions can be found).  hash is
 * path_text_hash but in tests.  The anchors live in a. */
void	 path_text_anchors(struct arena *a, const char *const *texts,
	    size_t n, uint64_t (*hash)(const char *), const char **anchors);

#endif
