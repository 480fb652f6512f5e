/* page_home.c: the home page, which offers the tasks (browse, assess,
 * print, download, search) and every job type with its overview, its
 * specialties and its skills; and the page about the text, which holds
 * the editorial notes; see page.h. */
#include "page.h"

#include <string.h>

#include "export.h"
#include "paths.h"
#include "xlsx_layout.h"

/* Adds the row of specialty sp of jt to list "specific" of j_s: a link
 * to its page and to each of its specific skills. */
static void
S_specific(struct builder *b, struct scope *j_s, const struct jobtype *jt,
    const struct specialty *sp)
{
	const char *page = path_specialty(&b->arena, jt->id, sp->id);
	struct scope *row = page_link(b, j_s, "specific", PATH_HOME, sp->name,
	    page, NULL);
	size_t k;

	scope_list(row, "skills");
	for (k = 0; k < sp->nentries; k++) {
		const struct skill *sk = sp->entries[k].skill;

		if (sk->scope == SCOPE_SPECIFIC)
			page_skill_source(b, page_link(b, row, "skills",
			    PATH_HOME, sk->name, path_skill(&b->arena, jt->id,
			    sp->id, sk->id), NULL), sk);
	}
}

/* Adds specialty sp of jt to list "specialties" of j_s with the links
 * of its tasks: its page, its self-assessment sheet and workbook, its
 * handbook and
 * skill map and, when PDFs are made, their PDFs; and its roles. */
static void
S_tasks(struct builder *b, struct scope *j_s, const struct jobtype *jt,
    const struct specialty *sp)
{
	struct scope *item = page_link(b, j_s, "specialties", PATH_HOME,
	    sp->name, path_specialty(&b->arena, jt->id, sp->id), NULL);

	page_roles(b, item, jt, sp);
	scope_text(item, "assessment-href", path_href(&b->arena, PATH_HOME,
	    path_assessment(&b->arena, jt->id, sp->id), NULL));
	scope_text(item, "book-href", path_href(&b->arena, PATH_HOME,
	    path_assessment_xlsx(&b->arena, sp->id), NULL));
	scope_text(item, "handbook-href", path_href(&b->arena, PATH_HOME,
	    path_handbook(&b->arena, sp->id, "html"), NULL));
	scope_text(item, "pdf-href", page_pdf_href(b, sp->id));
	scope_text(item, "map-href", page_map_href(b, sp, "html"));
	scope_text(item, "map-pdf-href", page_map_href(b, sp, "pdf"));
}

/* Adds to job type item j_s the tailorings of jt (list "tailorings",
 * each {name, summary}) and the link to its tailoring report
 * ("report-href", "" when none applies). */
static void
S_tailorings(struct builder *b, struct scope *j_s, const struct jobtype *jt)
{
	size_t i;

	scope_list(j_s, "tailorings");
	for (i = 0; i < jt->ntailorings; i++) {
		struct scope *t = scope_item(j_s, "tailorings");

		scope_text(t, "name", jt->tailorings[i]->name ?
		    jt->tailorings[i]->name : "");
		page_markdown(b, t, "summary", jt->tailorings[i]->summary);
	}
	scope_text(j_s, "report-href", jt->ntailorings > 0 ? path_href(
	    &b->arena, PATH_HOME, path_tailoring(&b->arena, jt->id), NULL) :
	    "");
}

/* Adds job type jt to list "jobtypes" of s. */
static void
S_jobtype(struct builder *b, struct scope *s, const struct jobtype *jt)
{
	struct scope *j_s = scope_item(s, "jobtypes");
	size_t j;

	scope_text(j_s, "name", jt->name);
	scope_text(j_s, "anchor", page_jobtype_anchor(b, jt));
	page_markdown(b, j_s, "annotation", jt->annotation);
	S_tailorings(b, j_s, jt);
	scope_text(j_s, "knowledge-href", path_href(&b->arena, PATH_HOME,
	    path_knowledge(&b->arena, jt->id), NULL));
	scope_text(j_s, "handbook-href", path_href(&b->arena, PATH_HOME,
	    path_handbook(&b->arena, jt->id, "html"), NULL));
	scope_text(j_s, "pdf-href", page_pdf_href(b, jt->id));
	scope_list(j_s, "specialties");
	scope_list(j_s, "common-skills");
	scope_list(j_s, "specific");
	for (j = 0; j < jt->nskills; j++)
		if (jt->skills[j].scope == SCOPE_COMMON)
			page_skill_source(b, page_link(b, j_s, "common-skills",
			    PATH_HOME, jt->skills[j].name, path_compare(
			    &b->arena, jt->id, jt->skills[j].id), NULL),
			    &jt->skills[j]);
	for (j = 0; j < jt->nspecialties; j++) {
		S_tasks(b, j_s, jt, &jt->specialties[j]);
		S_specific(b, j_s, jt, &jt->specialties[j]);
	}
}

void
pages_home(struct builder *b)
{
	const struct model *m = b->m;
	struct page_at at = { NULL, NULL, NULL, 0 };
	struct scope *s;
	size_t i;

	s = page_begin(b, PAGE_HOME, &at);
	for (i = 0; i < m->njobtypes; i++)
		if (m->jobtypes[i].ntailorings > 0) {
			/* the legend of the first job type tailored */
			page_tailoring_fields(b, s, &m->jobtypes[i]);
			break;
		}
	page_markdown(b, s, "summary", m->framework ? m->framework->summary :
	    NULL);
	scope_text(s, "json-href", path_href(&b->arena, PATH_HOME, PATH_JSON,
	    NULL));
	scope_text(s, "schema-href", path_href(&b->arena, PATH_HOME,
	    PATH_JSON_SCHEMA, NULL));
	scope_text(s, "csv-href", path_href(&b->arena, PATH_HOME, PATH_CSV,
	    NULL));
	scope_text(s, "xlsx-href", path_href(&b->arena, PATH_HOME,
	    XLSX_FRAMEWORK_PATH, NULL));
	scope_list(s, "jobtypes");
	for (i = 0; i < m->njobtypes; i++)
		S_jobtype(b, s, &m->jobtypes[i]);
	page_emit(b, PAGE_HOME, s);
}

void
pages_about(struct builder *b)
{
	const struct model *m = b->m;
	struct page_at at = { NULL, NULL, NULL, 0 };
	struct scope *s;
	size_t i;

	s = page_begin(b, PAGE_ABOUT, &at);
	page_notes(b, s, "notes", m->framework ? &m->framework->notes :
	    &(struct notes){ NULL, 0 });
	scope_list(s, "jobtypes");
	for (i = 0; i < m->njobtypes; i++) {
		const struct jobtype *jt = &m->jobtypes[i];
		struct scope *j_s = scope_item(s, "jobtypes");

		scope_text(j_s, "name", jt->name);
		scope_text(j_s, "href", path_href(&b->arena, PATH_ABOUT,
		    PATH_HOME, page_jobtype_anchor(b, jt)));
		page_notes(b, j_s, "notes", &jt->notes);
	}
	page_emit(b, PAGE_ABOUT, s);
}
