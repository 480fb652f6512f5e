/* test_links.c: the whole real site, as a browser would follow it.
 *
 * Builds content/ into build/links-site in-process, parses every page with
 * libxml2's HTML parser and checks that every link and #fragment resolves
 * to a file of the site, that every page is reachable from index.html,
 * that no URL leaves the site and that every page declares lang="ja".
 * Run from the top of the repository.
 */
#include "helpers.h"

#include <dirent.h>
#include <sys/stat.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "cli.h"

#define SITE "build/links-site"
#define MAX_PAGES 512

/* A page of the built site. */
struct page {
	char	 path[1024];	/* site path */
	xmlDoc	*doc;
	int	 reached;
};

static struct page pages[MAX_PAGES];
static size_t npages;
static char *files[MAX_PAGES * 2];	/* every file's site path */
static size_t nfiles;

/* Collects the files below SITE/rel. */
static void
scan(const char *rel)
{
	char dir[2048], sub[1024];
	DIR *dp;
	struct dirent *de;
	struct stat st;

	snprintf(dir, sizeof(dir), "%s%s%s", SITE, *rel ? "/" : "", rel);
	assert_non_null(dp = opendir(dir));
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "",
		    de->d_name);
		snprintf(dir, sizeof(dir), "%s/%s", SITE, sub);
		assert_int_equal(stat(dir, &st), 0);
		if (S_ISDIR(st.st_mode)) {
			scan(sub);
			snprintf(dir, sizeof(dir), "%s%s%s", SITE, *rel ? "/" : "",
			    rel);
			continue;
		}
		assert_true(nfiles < MAX_PAGES * 2);
		files[nfiles++] = strdup(sub);
		if (strstr(sub, ".html") != NULL) {
			assert_true(npages < MAX_PAGES);
			snprintf(pages[npages].path, sizeof(pages[npages].path),
			    "%s", sub);
			pages[npages].doc = htmlReadFile(dir, "UTF-8",
			    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			    HTML_PARSE_NONET);
			assert_non_null(pages[npages].doc);
			npages++;
		}
	}
	closedir(dp);
}

static int
setup(void **state)
{
	char *argv[] = { "skillsite", "build", "-t", "templates", "-o", SITE,
	    "content" };
	struct capture o, e;

	(void)state;
	capture_open(&o);
	capture_open(&e);
	if (skillsite_main(7, argv, o.f, e.f) != 0)
		return -1;
	capture_close(&o);
	capture_close(&e);
	capture_free(&o);
	capture_free(&e);
	scan("");
	return 0;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < npages; i++)
		xmlFreeDoc(pages[i].doc);
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	return 0;
}

/* Returns the page at site path, or NULL. */
static struct page *
find_page(const char *path)
{
	size_t i;

	for (i = 0; i < npages; i++)
		if (strcmp(pages[i].path, path) == 0)
			return &pages[i];
	return NULL;
}

/* Returns whether site path names a file of the site. */
static int
is_file(const char *path)
{
	size_t i;

	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i], path) == 0)
			return 1;
	return 0;
}

/* Resolves href (no scheme) against the page at site path from into out
 * (site path, without fragment); returns the fragment or NULL; fails the
 * test when the link climbs out of the site. */
static const char *
resolve_href(const char *from, const char *href, char *out, size_t size)
{
	char buf[1024], *seg, *save = NULL;
	const char *hash = strchr(href, '#'), *slash = strrchr(from, '/');
	size_t n = 0;

	if (href[0] == '#') {		/* this page */
		snprintf(out, size, "%s", from);
		return href + 1;
	}
	snprintf(buf, sizeof(buf), "%.*s%s%.*s", slash ? (int)(slash - from) : 0,
	    from, slash ? "/" : "", hash ? (int)(hash - href) : (int)strlen(href),
	    href);
	out[0] = '\0';
	for (seg = strtok_r(buf, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, "..") == 0) {
			char *up = strrchr(out, '/');

			if (n == 0)
				fail_msg("%s: %s leaves the site", from, href);
			if (up != NULL)
				*up = '\0';
			else
				out[0] = '\0';
			n--;
		} else if (strcmp(seg, ".") != 0) {
			size_t len = strlen(out);

			snprintf(out + len, size - len, "%s%s", len ? "/" : "",
			    seg);
			n++;
		}
	}
	return hash ? hash + 1 : NULL;
}

/* Returns whether doc has an element with id. */
static int
has_id(xmlNode *n, const char *id)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			xmlChar *v = xmlGetProp(n, BAD_CAST "id");
			int hit = v != NULL && strcmp((char *)v, id) == 0;

			xmlFree(v);
			if (hit || has_id(n->children, id))
				return 1;
		}
	}
	return 0;
}

/* Calls fn on every URL attribute (href, src) below n of page p. */
static void
each_url(struct page *p, xmlNode *n, void (*fn)(struct page *, const char *,
    const char *))
{
	static const char *const attrs[] = { "href", "src", "action", "data" };
	size_t i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; i < sizeof(attrs) / sizeof(*attrs); i++) {
			xmlChar *v = xmlGetProp(n, BAD_CAST attrs[i]);

			if (v != NULL)
				fn(p, (const char *)n->name, (const char *)v);
			xmlFree(v);
		}
		each_url(p, n->children, fn);
	}
}

/* Checks one URL: inside the site, to a file, fragment present. */
static void
check_url(struct page *p, const char *element, const char *url)
{
	char target[1024];
	const char *frag;
	struct page *t;

	(void)element;
	if (url[strcspn(url, ":/?#")] == ':' || strncmp(url, "//", 2) == 0)
		fail_msg("%s: URL leaves the site: %s", p->path, url);
	if (url[0] == '/')
		fail_msg("%s: absolute path breaks under file://: %s", p->path,
		    url);
	frag = resolve_href(p->path, url, target, sizeof(target));
	if (!is_file(target))
		fail_msg("%s: link to a missing file: %s (%s)", p->path, url,
		    target);
	if (target[strlen(target) - 1] == '/')
		fail_msg("%s: link to a folder: %s", p->path, url);
	if (frag != NULL && *frag != '\0') {
		t = find_page(target);
		if (t == NULL || !has_id(xmlDocGetRootElement(t->doc), frag))
			fail_msg("%s: no #%s in %s", p->path, frag, target);
	}
}

static void
test_site_has_every_page(void **state)
{
	(void)state;
	/* home, about, 3 specialties, 34 skills, 12 levels, index,
	 * 6 comparisons, 3 handbooks and the job type's, 3 skill maps,
	 * 3 self-assessment sheets */
	assert_int_equal(npages, 68);
	assert_true(is_file("assets/map.css"));
	assert_true(is_file("handbooks/hardware-map.html"));
	assert_true(is_file("assets/style.css"));
	assert_true(is_file("assets/handbook.css"));
	assert_true(is_file("assets/search.js"));
	assert_true(is_file("search/index.js"));
	assert_true(is_file("handbooks/hardware.html"));
	assert_true(is_file("handbooks/customer-service.html"));
}

static void
test_every_link_resolves(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < npages; i++)
		each_url(&pages[i], xmlDocGetRootElement(pages[i].doc), check_url);
}

/* Marks the page a link leads to as reached, and follows it. */
static void
follow(struct page *p, const char *element, const char *url)
{
	char target[1024];
	struct page *t;

	if (strcmp(element, "a") != 0)
		return;
	resolve_href(p->path, url, target, sizeof(target));
	if ((t = find_page(target)) != NULL && !t->reached) {
		t->reached = 1;
		each_url(t, xmlDocGetRootElement(t->doc), follow);
	}
}

static void
test_every_page_is_reachable_from_home(void **state)
{
	struct page *home = find_page("index.html");
	size_t i;

	(void)state;
	assert_non_null(home);
	home->reached = 1;
	each_url(home, xmlDocGetRootElement(home->doc), follow);
	for (i = 0; i < npages; i++)
		if (!pages[i].reached)
			fail_msg("%s is not reachable from index.html",
			    pages[i].path);
}

/* The site paths the home page links to directly. */
static char home_links[MAX_PAGES][1024];
static size_t nhome_links;

/* Records where one link of the home page leads. */
static void
note_home_link(struct page *p, const char *element, const char *url)
{
	if (strcmp(element, "a") != 0 || nhome_links == MAX_PAGES)
		return;
	resolve_href(p->path, url, home_links[nhome_links],
	    sizeof(home_links[0]));
	nhome_links++;
}

/* Returns whether the home page links directly to site path. */
static int
home_links_to(const char *path)
{
	size_t i;

	for (i = 0; i < nhome_links; i++)
		if (strcmp(home_links[i], path) == 0)
			return 1;
	return 0;
}

/* Returns whether site path is a task the start page offers: a
 * specialty's page (J/S.html but the knowledge index), its sheet
 * (J/S/assessment.html), its handbook (handbooks/S.html) or its skill
 * map (handbooks/S-map.html). */
static int
is_task_page(const char *path)
{
	const char *slash = strchr(path, '/'), *base = strrchr(path, '/');

	if (slash == NULL || strcmp(path, "index.html") == 0)
		return 0;
	if (strncmp(path, "handbooks/", 10) == 0)
		return 1;
	if (slash == base)
		return strcmp(base, "/knowledge.html") != 0;
	return strcmp(base, "/assessment.html") == 0 &&
	    strchr(slash + 1, '/') == base;
}

static void
test_home_offers_every_task(void **state)
{
	struct page *home = find_page("index.html");
	size_t i, ntasks = 0;

	(void)state;
	assert_non_null(home);
	nhome_links = 0;
	each_url(home, xmlDocGetRootElement(home->doc), note_home_link);
	for (i = 0; i < npages; i++)
		if (is_task_page(pages[i].path)) {
			ntasks++;
			if (!home_links_to(pages[i].path))
				fail_msg("index.html does not link to %s",
				    pages[i].path);
		}
	assert_int_equal(ntasks, 13);	/* 3 specialties, sheets, handbooks,
					 * maps; the job type's handbook */
	assert_true(home_links_to("about.html"));
	assert_true(home_links_to("downloads/framework.json"));
	assert_true(home_links_to("downloads/framework.schema.json"));
	assert_true(home_links_to("downloads/framework.csv"));
}

/* Every page, the home page too, has a footer link to the page about
 * the text. */
static void
test_every_page_links_to_about(void **state)
{
	char target[1024];
	size_t i;
	xmlXPathContext *ctx;
	xmlXPathObject *o;

	(void)state;
	for (i = 0; i < npages; i++) {
		ctx = xmlXPathNewContext(pages[i].doc);
		o = xmlXPathEvalExpression(BAD_CAST
		    "string(//footer//a/@href)", ctx);
		assert_non_null(o);
		resolve_href(pages[i].path, (const char *)o->stringval, target,
		    sizeof(target));
		if (strcmp(target, "about.html") != 0)
			fail_msg("%s: the footer links to \"%s\"", pages[i].path,
			    o->stringval);
		xmlXPathFreeObject(o);
		xmlXPathFreeContext(ctx);
	}
}

static void
test_every_page_is_japanese(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < npages; i++) {
		xmlChar *lang = xmlGetProp(xmlDocGetRootElement(pages[i].doc),
		    BAD_CAST "lang");

		if (lang == NULL || strcmp((char *)lang, "ja") != 0)
			fail_msg("%s: no lang=\"ja\"", pages[i].path);
		xmlFree(lang);
	}
}

#define CSP "default-src 'none'; style-src 'self'; img-src 'self'; " \
    "font-src 'self'; script-src 'self'; base-uri 'none'; " \
    "form-action 'none'"

/* Returns whether element n is the page's structured data: in the head,
 * with no attribute but type="application/ld+json", and JSON that
 * jansson reads, with no '<' in it. */
static int
data_block(xmlNode *n)
{
	xmlChar *type = xmlGetProp(n, BAD_CAST "type");
	xmlChar *text = xmlNodeGetContent(n);
	json_t *v = text != NULL ? json_loads((const char *)text, 0, NULL) :
	    NULL;
	int ok = type != NULL && xmlStrcmp(type, BAD_CAST
	    "application/ld+json") == 0 && n->properties->next == NULL &&
	    n->parent != NULL && xmlStrcmp(n->parent->name, BAD_CAST "head") ==
	    0 && json_is_object(v) && strchr((const char *)text, '<') == NULL;

	json_decref(v);
	xmlFree(type);
	xmlFree(text);
	return ok;
}

/* Returns which of the site's scripts element n of page p is: 1 the
 * search's (assets/search.js), 2 the self-assessment's (assets/assess.js,
 * on assessment pages only), 4 the knowledge index's filter
 * (assets/knowledge.js, on knowledge indexes only), 8 the structured
 * data (a data block, data_block()), 0 none; a script must be in the
 * head, empty and deferred. */
static int
site_script(const struct page *p, xmlNode *n)
{
	xmlChar *src = xmlGetProp(n, BAD_CAST "src");
	xmlChar *defer = xmlGetProp(n, BAD_CAST "defer");
	char target[1024];
	int ok = src != NULL && defer != NULL && n->children == NULL &&
	    n->parent != NULL && xmlStrcmp(n->parent->name, BAD_CAST "head") == 0;

	if (src == NULL && n->properties != NULL)
		ok = data_block(n) ? 8 : 0;
	else if (ok) {
		resolve_href(p->path, (const char *)src, target, sizeof(target));
		ok = strcmp(target, "assets/search.js") == 0 ? 1 :
		    strcmp(target, "assets/assess.js") == 0 &&
		    strstr(p->path, "/assessment.html") != NULL ? 2 :
		    strcmp(target, "assets/knowledge.js") == 0 &&
		    strstr(p->path, "/knowledge.html") != NULL ? 4 : 0;
	}
	xmlFree(src);
	xmlFree(defer);
	return ok;
}

/* Fails on anything below n that could run code or style inline: a
 * script but the site's (which ones are or'ed into *scripts), embedded
 * objects, event handler or style attributes, style elements. */
static void
check_inert(const struct page *p, xmlNode *n, int *csp, int *scripts)
{
	static const char *const banned[] = { "iframe", "object", "embed",
	    "style", "form", "base" };
	xmlAttr *a;
	size_t i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; i < sizeof(banned) / sizeof(*banned); i++)
			if (xmlStrcasecmp(n->name, BAD_CAST banned[i]) == 0)
				fail_msg("%s: <%s>", p->path, banned[i]);
		if (xmlStrcasecmp(n->name, BAD_CAST "script") == 0) {
			int which = site_script(p, n);

			if (which == 0)
				fail_msg("%s: a <script> not the site's",
				    p->path);
			*scripts |= which;
		}
		for (a = n->properties; a != NULL; a = a->next) {
			if (xmlStrncasecmp(a->name, BAD_CAST "on", 2) == 0 ||
			    xmlStrcasecmp(a->name, BAD_CAST "style") == 0)
				fail_msg("%s: attribute %s on <%s>", p->path,
				    (const char *)a->name, (const char *)n->name);
		}
		if (xmlStrcasecmp(n->name, BAD_CAST "meta") == 0) {
			xmlChar *eq = xmlGetProp(n, BAD_CAST "http-equiv");
			xmlChar *c = xmlGetProp(n, BAD_CAST "content");

			if (eq != NULL && c != NULL && xmlStrcasecmp(eq,
			    BAD_CAST "Content-Security-Policy") == 0 &&
			    strcmp((char *)c, CSP) == 0)
				*csp = 1;
			xmlFree(eq);
			xmlFree(c);
		}
		check_inert(p, n->children, csp, scripts);
	}
}

static void
test_every_page_is_inert_with_a_policy(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < npages; i++) {
		int csp = 0, scripts = 0;

		check_inert(&pages[i], xmlDocGetRootElement(pages[i].doc), &csp,
		    &scripts);
		if (!csp)
			fail_msg("%s: no Content-Security-Policy %s",
			    pages[i].path, CSP);
		if (scripts != (strstr(pages[i].path, "/assessment.html") ?
		    11 : strstr(pages[i].path, "/knowledge.html") ? 13 : 9))
			fail_msg("%s: not the site's scripts (%d)",
			    pages[i].path, scripts);
	}
}

/* How many links from skill pages into knowledge indexes were checked. */
static size_t nlisted;

/* Checks a link of skill page p (J/S/skills/K.html) into the knowledge
 * index: the index lists the item under K's own group (id "skill-K",
 * an item with data-key the fragment), not only under another skill's. */
static void
check_listed(struct page *p, const char *element, const char *url)
{
	char target[1024], expr[1024], skill[256];
	const char *frag = resolve_href(p->path, url, target, sizeof(target));
	const char *base = strrchr(p->path, '/') + 1;
	xmlXPathContext *ctx;
	xmlXPathObject *o;
	struct page *t;

	(void)element;
	if (frag == NULL || strcmp(strchr(target, '/') ? strchr(target, '/') :
	    target, "/knowledge.html") != 0 || (t = find_page(target)) == NULL)
		return;
	snprintf(skill, sizeof(skill), "%.*s", (int)strcspn(base, "."), base);
	snprintf(expr, sizeof(expr), "//*[@id='skill-%s']//li[@data-key='%s']",
	    skill, frag);
	ctx = xmlXPathNewContext(t->doc);
	o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	if (o == NULL || o->nodesetval == NULL || o->nodesetval->nodeNr != 1)
		fail_msg("%s: %s is not listed under its skill in %s", p->path,
		    url, target);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	nlisted++;
}

/* The knowledge index lists every item under each skill that lists it:
 * each skill page's links into it land on an item that its own group
 * holds too. */
static void
test_every_item_under_each_skill(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < npages; i++)
		if (strstr(pages[i].path, "/skills/") != NULL)
			each_url(&pages[i], xmlDocGetRootElement(pages[i].doc),
			    check_listed);
	assert_true(nlisted > 100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_site_has_every_page),
		cmocka_unit_test(test_every_link_resolves),
		cmocka_unit_test(test_every_page_is_reachable_from_home),
		cmocka_unit_test(test_home_offers_every_task),
		cmocka_unit_test(test_every_page_links_to_about),
		cmocka_unit_test(test_every_page_is_japanese),
		cmocka_unit_test(test_every_page_is_inert_with_a_policy),
		cmocka_unit_test(test_every_item_under_each_skill),
	};

	return cmocka_run_group_tests_name("links", tests, setup, teardown);
}
