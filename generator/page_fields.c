/* page_fields.c: the fields of each kind of page; see page_fields.h.
 *
 * Keep in step with what the page builders set (page_*.c): rendering reports a field set that is not declared
 * here, and loading templates a directive that names a field that is
 * not.
 */
#include "page_fields.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

#define TEXT(name, about)		{ name, FIELD_TEXT, about, NULL }
#define HTML(name, about)		{ name, FIELD_HTML, about, NULL }
#define FLAG(name, about)		{ name, FIELD_FLAG, about, NULL }
#define LIST(name, items, about)	{ name, FIELD_LIST, about, items }
#define JSON(name, about)		{ name, FIELD_JSON, about, NULL }
#define END				{ NULL, FIELD_TEXT, NULL, NULL }

/* A learning resource that a tailoring gives a level. */
static const struct field_decl S_resource[] = {
	TEXT("title", "its title"),
	TEXT("kind", "its kind (label resource-training, resource-exam, "
	    "resource-book, resource-e-learning or resource-ojt)"),
	TEXT("href", "its address (http or https; \"\" when none): a link, "
	    "never loaded"),
	HTML("link", "its title linked to its address (a link that leaves "
	    "the site, marked external; empty when it has none): the one way "
	    "a page may link it"),
	TEXT("hours", "its hours as written (\"1.5\"), or \"\""),
	END
};

/* What tailorings give a level, in every list of a skill's levels
 * (page_level_company()). */
#define LEVEL_COMPANY \
	FLAG("hidden", "a tailoring hides the level: the standard's text is " \
	    "not shown (\"defined\" is off)"), \
	FLAG("company", "a tailoring gives it company text or learning " \
	    "resources"), \
	HTML("meaning", "the company's text: what the level means there " \
	    "(empty when none)"), \
	HTML("evidence", "the company's examples of evidence (empty when " \
	    "none)"), \
	LIST("resources", S_resource, "its learning resources, in the order " \
	    "the tailorings give them")

/* What tells a skill the company's from the standard's, wherever its
 * name stands (page_skill_source()). */
#define SKILL_SOURCE \
	TEXT("standard-name", "the standard's name of a skill a tailoring " \
	    "renamed (\"name\" is the company's), else \"\""), \
	FLAG("company-skill", "the skill is a tailoring's own: the company " \
	    "mark goes beside its name")

/* Items that are links: name and href. */
static const struct field_decl S_link[] = {
	TEXT("name", "the link's text"),
	TEXT("href", "the link"),
	END
};

/* Items that are links to a skill: name, href and the skill's source. */
static const struct field_decl S_skill_link[] = {
	TEXT("name", "the skill's name"),
	TEXT("href", "the link"),
	SKILL_SOURCE,
	END
};

static const struct field_decl S_note[] = {
	HTML("html", "the note"),
	END
};

static const struct field_decl S_stylesheet[] = {
	TEXT("href", "link to the stylesheet"),
	TEXT("media", "its media: all, or print for handbook.css"),
	END
};

static const struct field_decl S_script[] = {
	TEXT("src", "link to the script"),
	END
};

static const struct field_decl S_crumb[] = {
	TEXT("label", "the crumb's text"),
	TEXT("href", "link to its page (\"\" for the current page)"),
	END
};

const struct field_decl page_fields_shared[] = {
	TEXT("title", "the `<title>`: label title (title-home on the home page)"),
	TEXT("heading", "the page's heading"),
	TEXT("site-name", "the framework's name"),
	TEXT("home", "link to the home page"),
	TEXT("about-href", "link to the page about the text (about.html)"),
	TEXT("stylesheet", "link to assets/style.css"),
	LIST("stylesheets", S_stylesheet, "style.css for all media; on "
	    "handbooks also handbook.css for print"),
	TEXT("icon", "link to assets/icon.svg"),
	LIST("scripts", S_script, "assets/search.js on every page, "
	    "assets/assess.js on the self-assessment sheets, "
	    "assets/knowledge.js on the knowledge indexes: the only scripts "
	    "a page may load"),
	TEXT("generator", "\"skillsite VERSION\""),
	LIST("breadcrumbs", S_crumb, "the way from the home page"),
	FLAG("tailored", "the page is of a job type that tailorings change: "
	    "the layout shows the legend of the company's mark"),
	TEXT("tailoring-names", "the names of those tailorings (\"\" when "
	    "none)"),
	TEXT("tailoring-href", "link to the job type's tailoring report "
	    "(\"\" when none)"),
	JSON("structured-data", "the page's schema.org JSON-LD "
	    "(generator/jsonld_pages.h: DefinedTermSets and DefinedTerms of "
	    "what it shows), for a `<script type=\"application/ld+json\">` "
	    "with data-json"),
	END
};

/* The home page. */
static const struct field_decl S_home_specific[] = {
	TEXT("name", "the specialty's name"),
	TEXT("href", "link to its page"),
	LIST("skills", S_skill_link, "its specific skills, linked to their "
	    "pages"),
	END
};

static const struct field_decl S_home_tailoring[] = {
	TEXT("name", "the tailoring's name"),
	HTML("summary", "its summary (empty when none)"),
	END
};

static const struct field_decl S_home_specialty[] = {
	TEXT("name", "the specialty's name"),
	TEXT("href", "link to its page"),
	TEXT("assessment-href", "link to its self-assessment sheet"),
	TEXT("book-href", "link to its self-assessment workbook "
	    "(downloads/S-assessment.xlsx)"),
	TEXT("handbook-href", "link to its handbook"),
	TEXT("pdf-href", "link to its PDF handbook, \"\" when no PDFs are "
	    "made"),
	TEXT("map-href", "link to its skill map"),
	TEXT("map-pdf-href", "link to its skill map's PDF, \"\" when no PDFs "
	    "are made"),
	LIST("roles", S_link, "the roles the tailorings define in it, linked "
	    "to their pages"),
	END
};

static const struct field_decl S_home_jobtype[] = {
	TEXT("name", "the job type's name"),
	TEXT("anchor", "the id of its section"),
	HTML("annotation", "its annotation"),
	LIST("tailorings", S_home_tailoring, "the tailorings that apply to "
	    "it, in the order they apply (empty when none)"),
	TEXT("report-href", "link to its tailoring report, \"\" when no "
	    "tailoring applies"),
	TEXT("knowledge-href", "link to its knowledge-item index"),
	TEXT("handbook-href", "link to its handbook (of every specialty)"),
	TEXT("pdf-href", "link to that handbook's PDF, \"\" when no PDFs are "
	    "made"),
	LIST("specialties", S_home_specialty, "its specialties, with the links "
	    "of their tasks"),
	LIST("common-skills", S_skill_link, "its common skills, linked to "
	    "their comparisons"),
	LIST("specific", S_home_specific, "per specialty, its specific skills"),
	END
};

static const struct field_decl S_home[] = {
	HTML("summary", "the framework's summary"),
	TEXT("json-href", "link to the framework as JSON"),
	TEXT("schema-href", "link to the JSON's JSON Schema"),
	TEXT("csv-href", "link to the framework as CSV"),
	TEXT("xlsx-href", "link to the framework as an Excel workbook "
	    "(downloads/framework.xlsx)"),
	LIST("jobtypes", S_home_jobtype, "every job type"),
	END
};

/* The page about the text. */
static const struct field_decl S_about_jobtype[] = {
	TEXT("name", "the job type's name"),
	TEXT("href", "link to its section of the home page"),
	LIST("notes", S_note, "its editorial notes"),
	END
};

static const struct field_decl S_about[] = {
	LIST("notes", S_note, "the framework's editorial notes"),
	LIST("jobtypes", S_about_jobtype, "every job type"),
	END
};

/* A specialty's page. */
static const struct field_decl S_specialty_level[] = {
	TEXT("label", "the level's name (label level)"),
	TEXT("href", "link to the level's page, or \"\" when none"),
	END
};

static const struct field_decl S_specialty_word[] = {
	TEXT("head", "the start of a phrase that is cut, or \"\""),
	FLAG("cut", "whether the phrase is cut: an ellipsis after head"),
	TEXT("text", "the phrase of the level's text, or the end of one cut"),
	END
};

static const struct field_decl S_specialty_cell[] = {
	FLAG("defined", "whether the skill describes this level"),
	FLAG("hidden", "whether a tailoring hides this level of the skill "
	    "(\"defined\" is off)"),
	TEXT("label", "the level's name (label level)"),
	TEXT("href", "link to the description, or \"\""),
	LIST("words", S_specialty_word, "the few words of the level's own "
	    "text that set it apart from the skill's level below (the lowest: "
	    "above), in text order (generator/apart.h)"),
	FLAG("same", "whether the level is described but nothing sets it "
	    "apart: its text is its neighbour's"),
	FLAG("within", "whether the level is described and differs from its "
	    "neighbour but no phrase sets it apart (it only drops words, "
	    "changes kana or punctuation, or adds words too short to show)"),
	TEXT("full", "the whole description as plain text, or \"\""),
	END
};

static const struct field_decl S_specialty_row[] = {
	TEXT("name", "the skill's name"),
	SKILL_SOURCE,
	TEXT("href", "link to the skill's page"),
	LIST("cells", S_specialty_cell, "per level the job type defines"),
	END
};

static const struct field_decl S_specialty[] = {
	TEXT("jobtype", "the job type's name"),
	TEXT("handbook-href", "link to the handbook"),
	TEXT("assessment-href", "link to the self-assessment sheet"),
	TEXT("book-href", "link to the self-assessment workbook "
	    "(downloads/S-assessment.xlsx)"),
	TEXT("pdf-href", "link to the PDF handbook, \"\" when no PDFs are made"),
	TEXT("xlsx-href", "link to the framework's Excel workbook (a sheet "
	    "per specialty)"),
	TEXT("map-href", "link to the skill map"),
	TEXT("map-pdf-href", "link to the skill map's PDF, \"\" when no PDFs "
	    "are made"),
	LIST("notes", S_note, "the specialty's editorial notes"),
	LIST("roles", S_link, "the roles the tailorings define in the "
	    "specialty, linked to their pages (empty when none)"),
	LIST("common-skills", S_skill_link, "its common skills, linked"),
	LIST("specific-skills", S_skill_link, "its specific skills, linked"),
	TEXT("levels-defined", "the sentence naming the levels the job type "
	    "defines (label levels-defined), or \"\" when none"),
	LIST("levels", S_specialty_level, "the levels the job type defines "
	    "(some skill of a specialty describes them)"),
	LIST("rows", S_specialty_row, "per skill, the skill x level matrix"),
	END
};

/* A skill's page. */
static const struct field_decl S_skill_knowledge[] = {
	TEXT("name", "the knowledge item"),
	TEXT("href", "link into the knowledge-item index"),
	TEXT("anchor", "the item's id, which search results link to"),
	FLAG("company", "a tailoring added the item: the company mark goes "
	    "beside it"),
	END
};

static const struct field_decl S_skill_level[] = {
	TEXT("label", "the level's name (label level)"),
	TEXT("anchor", "the id of its section"),
	FLAG("defined", "whether the skill describes it"),
	HTML("html", "the description (empty when none)"),
	TEXT("level-href", "link to the level's page, or \"\""),
	LEVEL_COMPANY,
	END
};

static const struct field_decl S_change_side[] = {
	TEXT("text", "the segment's text (\"\" for a line break)"),
	FLAG("break", "a line break"),
	FLAG("same", "in both levels"),
	FLAG("differs", "words that go (before) or come (after)"),
	END
};

static const struct field_decl S_change_row[] = {
	FLAG("shared", "the same in both levels (shown once)"),
	LIST("before", S_change_side, "the row in the level before"),
	LIST("after", S_change_side, "the row in this level (a shared "
	    "row's: as before)"),
	END
};

static const struct field_decl S_skill_change[] = {
	TEXT("from-label", "the level before"),
	TEXT("from-href", "its anchor on the page"),
	TEXT("to-label", "this level"),
	TEXT("to-href", "its anchor on the page"),
	LIST("rows", S_change_row, "the two descriptions aligned by phrase "
	    "(cut after the punctuation both share): phrases the same in "
	    "both, and changes"),
	END
};

static const struct field_decl S_skill[] = {
	TEXT("name", "the skill's name"),
	SKILL_SOURCE,
	TEXT("specialty", "the specialty's name"),
	TEXT("scope", "the skill's scope (label scope-common or scope-specific)"),
	FLAG("common", "whether the skill is common to the job type"),
	TEXT("compare-href", "link to the comparison of a common skill, or "
	    "\"\""),
	LIST("knowledge", S_skill_knowledge, "the skill's knowledge items"),
	TEXT("levels-defined", "as on the specialty page"),
	LIST("levels", S_skill_level, "every level the job type defines"),
	LIST("changes", S_skill_change, "per level described after the "
	    "first, the change from the level before"),
	LIST("notes", S_note, "the editorial notes of the skill, then of the "
	    "entry"),
	LIST("others", S_link, "the same skill in other specialties, the "
	    "first 20"),
	TEXT("others-more-label", "how many more there are (label uses-more), or \"\""),
	TEXT("others-more-href", "link to all of them (the comparison page "
	    "of a common skill, else the job type's section of the home "
	    "page), or \"\""),
	TEXT("prev-name", "the previous skill of the specialty, or \"\""),
	TEXT("prev-href", "link to it, or \"\""),
	TEXT("next-name", "the next skill of the specialty, or \"\""),
	TEXT("next-href", "link to it, or \"\""),
	FLAG("prev-company", "the previous skill is a tailoring's own"),
	FLAG("next-company", "the next skill is a tailoring's own"),
	END
};

/* A level's page. */
static const struct field_decl S_level_rest[] = {
	TEXT("text", "a paragraph"),
	FLAG("first", "whether it is the first"),
	END
};

static const struct field_decl S_level_page_entry[] = {
	TEXT("name", "the skill's name"),
	SKILL_SOURCE,
	TEXT("href", "link to the description on the skill's page"),
	HTML("html", "the description"),
	LEVEL_COMPANY,
	FLAG("shared", "whether the description is plain paragraphs that "
	    "start with the page's opening"),
	LIST("rest", S_level_rest, "when shared, the paragraphs of what "
	    "follows the opening"),
	END
};

static const struct field_decl S_level[] = {
	TEXT("label", "the level's name (label level)"),
	TEXT("specialty", "the specialty's name"),
	TEXT("opening", "the opening most of the level's descriptions share "
	    "(the longest shared by at least half of them and two, cut at a "
	    "phrase's end; generator/apart.h), or \"\""),
	FLAG("shortened", "whether some description leaves the opening out "
	    "(its entry is shared)"),
	LIST("entries", S_level_page_entry, "the skills that describe the "
	    "level"),
	LIST("undefined", S_skill_link, "the skills that do not"),
	LIST("hidden", S_skill_link, "the skills whose level a tailoring "
	    "hides"),
	TEXT("prev-label", "the nearest level before with descriptions, or "
	    "\"\""),
	TEXT("prev-href", "link to it, or \"\""),
	TEXT("next-label", "the nearest level after with descriptions, or "
	    "\"\""),
	TEXT("next-href", "link to it, or \"\""),
	END
};

/* The knowledge-item index. */
static const struct field_decl S_knowledge_other[] = {
	TEXT("name", "the other skill's name"),
	SKILL_SOURCE,
	TEXT("href", "link to its group (\"#skill-ID\")"),
	END
};

static const struct field_decl S_knowledge_item[] = {
	TEXT("text", "the knowledge item"),
	FLAG("company", "a tailoring added the item: the company mark goes "
	    "beside it"),
	TEXT("anchor", "its id: the item's anchor (as the skill pages and "
	    "search link to it) under the first skill that lists it, the "
	    "anchor and \"_SKILL\" under the others"),
	TEXT("key", "the item's anchor under every skill, for "
	    "assets/knowledge.js to count items once"),
	LIST("others", S_knowledge_other, "the other skills that list it, "
	    "the first 8"),
	TEXT("others-more", "how many more (digits), or \"\""),
	END
};

static const struct field_decl S_knowledge_skill[] = {
	TEXT("name", "the skill's name"),
	SKILL_SOURCE,
	TEXT("anchor", "the id of its group (\"skill-ID\")"),
	TEXT("href", "link to its group (\"#skill-ID\")"),
	TEXT("count", "how many items it lists (digits)"),
	LIST("specialties", S_link, "its pages in the specialties, the "
	    "first 20"),
	TEXT("more-label", "as others-more-label of a skill's page"),
	TEXT("more-href", "as others-more-href of a skill's page"),
	LIST("items", S_knowledge_item, "its knowledge items, in its order"),
	END
};

static const struct field_decl S_knowledge[] = {
	TEXT("jobtype", "the job type's name"),
	TEXT("count", "how many distinct knowledge items the job type has "
	    "(digits)"),
	LIST("skills", S_knowledge_skill, "the skills that list knowledge "
	    "items, in the job type's order"),
	END
};

/* The comparison of a common skill. */
static const struct field_decl S_segment[] = {
	TEXT("text", "the segment's text (\"\" for a line break)"),
	FLAG("break", "a line break"),
	FLAG("differs", "whether it differs between the specialties"),
	END
};

static const struct field_decl S_compare_cell[] = {
	FLAG("defined", "whether the specialty describes the level"),
	FLAG("hidden-here", "whether a tailoring hides the level in this "
	    "specialty (\"defined\" is off)"),
	TEXT("specialty", "the specialty's name"),
	TEXT("skill-href", "link to the level on the skill's page"),
	TEXT("level-href", "link to the level's page, or \"\""),
	LIST("segments", S_segment, "the description, the words that differ "
	    "marked"),
	END
};

static const struct field_decl S_compare_row[] = {
	TEXT("label", "the level's name (label level)"),
	LIST("cells", S_compare_cell, "per specialty"),
	FLAG("hidden", "tailorings hide the level wherever the skill "
	    "describes it: the row says so instead of its cells"),
	TEXT("hidden-in", "the specialties where tailorings hide the level "
	    "while others describe it (label level-join between), or \"\""),
	TEXT("span", "how many specialties (digits): the columns a hidden "
	    "row's one cell spans"),
	END
};

static const struct field_decl S_compare[] = {
	TEXT("name", "the skill's name"),
	SKILL_SOURCE,
	LIST("specialties", S_link, "the job type's specialties, linked"),
	LIST("rows", S_compare_row, "per level the job type defines"),
	END
};

/* The skill map (page_matrix_map()): a cell as the specialty page's
 * matrix has it, without links. */
static const struct field_decl S_map_cell[] = {
	FLAG("defined", "whether the skill describes this level"),
	FLAG("hidden", "as on the specialty page's matrix"),
	TEXT("label", "the level's name (label level)"),
	LIST("words", S_specialty_word, "as on the specialty page's matrix"),
	FLAG("same", "as on the specialty page's matrix"),
	FLAG("within", "as on the specialty page's matrix"),
	TEXT("full", "the whole description as plain text, or \"\""),
	END
};

static const struct field_decl S_map_level[] = {
	TEXT("label", "the level's name (label level)"),
	END
};

/* The rows and groups of a skill map (the map page's, a handbook's):
 * as page_matrix_map()'s, with the skill's source. */
static const struct field_decl S_map_page_row[] = {
	TEXT("name", "the skill's name"),
	SKILL_SOURCE,
	LIST("cells", S_map_cell, "per level the job type defines"),
	END
};

static const struct field_decl S_map_page_group[] = {
	TEXT("label", "the skills' scope (label scope-common or "
	    "scope-specific)"),
	LIST("rows", S_map_page_row, "per skill of that scope, in the "
	    "specialty's order"),
	END
};

/* The handbooks: a specialty's, and a job type's. */

static const struct field_decl S_hb_knowledge[] = {
	TEXT("text", "the knowledge item"),
	FLAG("company", "a tailoring added it: the company mark goes beside "
	    "it"),
	END
};

static const struct field_decl S_hb_note[] = {
	HTML("html", "the note"),
	TEXT("specialty", "the specialty it is about, or \"\" (a job type's "
	    "handbook names the specialty of a note on a specialty's text)"),
	END
};

static const struct field_decl S_hb_skill_level[] = {
	TEXT("label", "the level's name (label level)"),
	TEXT("anchor", "the id of its section"),
	FLAG("defined", "whether the skill describes it"),
	HTML("html", "the description (empty when none)"),
	LEVEL_COMPANY,
	END
};

static const struct field_decl S_hb_skill[] = {
	TEXT("name", "the skill's name"),
	TEXT("anchor", "the id of its section"),
	TEXT("level", "its heading's level, \"2\" (\"3\" in a part of a job "
	    "type's handbook, below the part's heading): for aria-level"),
	TEXT("sublevel", "its subheadings' level, one more"),
	TEXT("notelevel", "its notes' heading's level, two more"),
	TEXT("scope", "its scope (label scope-common or scope-specific)"),
	SKILL_SOURCE,
	LIST("knowledge", S_hb_knowledge, "its knowledge items"),
	LIST("levels", S_hb_skill_level, "every level the job type defines"),
	LIST("notes", S_hb_note, "its editorial notes, then the entry's"),
	END
};

static const struct field_decl S_hb_area_skill[] = {
	TEXT("name", "the skill's name"),
	TEXT("href", "link to its section"),
	FLAG("company-skill", "a company skill: the company mark goes beside "
	    "its name"),
	END
};

static const struct field_decl S_hb_area[] = {
	TEXT("scope", "the skills' scope (label scope-common or "
	    "scope-specific)"),
	TEXT("specialty", "their specialty's name, or label all-specialties "
	    "for the common skills"),
	LIST("skills", S_hb_area_skill, "the skills, linked within the "
	    "handbook"),
	END
};

static const struct field_decl S_hb_map[] = {
	TEXT("anchor", "the id of the map's section"),
	TEXT("href", "link to it"),
	TEXT("specialty", "its specialty's name"),
	FLAG("named", "in a job type's handbook (several maps): the contents "
	    "name its specialty"),
	LIST("map-levels", S_map_level, "as on the skill map"),
	LIST("map-groups", S_map_page_group, "as on the skill map, each row "
	    "with its skill's source"),
	END
};

static const struct field_decl S_hb_content[] = {
	TEXT("name", "a skill's name, or a part's heading"),
	TEXT("href", "link to it"),
	FLAG("part", "a part's heading"),
	FLAG("company-skill", "a company skill: the company mark goes beside "
	    "its name"),
	END
};

static const struct field_decl S_hb_compared_cell[] = {
	FLAG("defined", "whether the specialty describes the level"),
	FLAG("hidden-here", "as on the comparison page"),
	TEXT("specialty", "the specialty's name"),
	LIST("segments", S_segment, "the description, the words that differ "
	    "marked"),
	END
};

static const struct field_decl S_hb_company_cell[] = {
	TEXT("specialties", "the names of the specialties it stands for"),
	TEXT("span", "how many columns (specialties) it spans"),
	LEVEL_COMPANY,
	END
};

static const struct field_decl S_hb_compared_row[] = {
	TEXT("label", "the level's name (label level)"),
	TEXT("anchor", "the id of its row"),
	LIST("cells", S_hb_compared_cell, "per specialty"),
	FLAG("all-hidden", "tailorings hide the level in every specialty "
	    "that lists the skill: one cell says so instead of the cells"),
	TEXT("columns", "how many specialties (columns) the table has"),
	LIST("company-cells", S_hb_company_cell, "what tailorings give the "
	    "level (empty when nothing): a cell per run of specialties given "
	    "the same, in their order (past four specialties, only the runs "
	    "given something)"),
	END
};

static const struct field_decl S_hb_name[] = {
	TEXT("name", "the specialty's name"),
	END
};

static const struct field_decl S_hb_compared[] = {
	TEXT("name", "the skill's name"),
	TEXT("anchor", "the id of its section"),
	TEXT("scope", "its scope (label scope-common)"),
	SKILL_SOURCE,
	TEXT("layout", "\"columns\": a column per specialty; \"stacked\" "
	    "past four specialties: each level's specialties one under "
	    "another"),
	LIST("knowledge", S_hb_knowledge, "its knowledge items"),
	LIST("specialties", S_hb_name, "the job type's specialties"),
	LIST("rows", S_hb_compared_row, "per level the job type defines"),
	LIST("notes", S_hb_note, "its editorial notes, then each "
	    "specialty's on its text"),
	END
};

static const struct field_decl S_hb_part[] = {
	TEXT("heading", "the specialty's name in a job type's handbook; \"\" "
	    "in a specialty's (one part)"),
	TEXT("anchor", "the id of the part's heading"),
	TEXT("first-skill", "its first skill's name, which the running header "
	    "of the page the part begins on names"),
	TEXT("scope", "label scope-specific"),
	LIST("skills", S_hb_skill, "the skills: every skill of a specialty, "
	    "or a specialty's own in a job type's handbook"),
	END
};

static const struct field_decl S_hb_target[] = {
	TEXT("name", "the skill's name"),
	SKILL_SOURCE,
	TEXT("level", "the level to reach (label level)"),
	TEXT("href", "link to the level's row in the handbook"),
	LIST("resources", S_resource, "the learning resources of that level"),
	END
};

static const struct field_decl S_hb_role[] = {
	TEXT("name", "the role's name"),
	TEXT("anchor", "the id of its section"),
	TEXT("href", "link to it"),
	TEXT("specialty", "its specialty's name"),
	TEXT("from", "the name of the tailoring that defines it"),
	HTML("description", "its description (empty when none)"),
	LIST("targets", S_hb_target, "the level to reach in each skill, in "
	    "the tailoring's order"),
	END
};

static const struct field_decl S_hb_tailoring[] = {
	TEXT("name", "the tailoring's name"),
	END
};

static const struct field_decl S_handbook[] = {
	TEXT("kind", "\"specialty\", or \"jobtype\" for a job type's"),
	TEXT("jobtype", "the job type's name"),
	TEXT("specialty", "the specialty's name, or label all-specialties in "
	    "a job type's handbook"),
	TEXT("source", "where the text comes from"),
	TEXT("site-href", "link to the specialty's page, or to the job type "
	    "on the home page"),
	TEXT("pdf-href", "link to the PDF handbook, \"\" when no PDFs are made"),
	TEXT("levels-defined", "as on the specialty page"),
	LIST("areas", S_hb_area, "the table of skills: the common skills, then "
	    "each specialty's own"),
	LIST("maps", S_hb_map, "the skill map of each specialty"),
	LIST("contents", S_hb_content, "the compared skills, then each part's "
	    "heading and skills"),
	LIST("compared", S_hb_compared, "a job type's handbook: its common "
	    "skills, described side by side per specialty"),
	LIST("parts", S_hb_part, "the skills described alone"),
	LIST("tailorings", S_hb_tailoring, "the tailorings that apply, in "
	    "order (empty for the standard's handbook): the cover's legend"),
	LIST("roles", S_hb_role, "the roles the tailorings define for the "
	    "specialty (for each specialty in turn, in a job type's "
	    "handbook); empty when none"),
	HTML("annotation", "the job type's annotation"),
	LIST("notes", S_hb_note, "the editorial notes of the job type, then of "
	    "the specialty (of each, named, in a job type's handbook)"),
	END
};

static const struct field_decl S_map[] = {
	TEXT("jobtype", "the job type's name"),
	TEXT("specialty", "the specialty's name"),
	TEXT("source", "where the text comes from"),
	TEXT("site-href", "link to the specialty's page"),
	TEXT("handbook-href", "link to the handbook"),
	TEXT("pdf-href", "link to the map's PDF, \"\" when no PDFs are made"),
	LIST("map-levels", S_map_level, "the levels the job type defines "
	    "(as page_matrix_map() sets them for a handbook)"),
	LIST("map-groups", S_map_page_group, "the common skills, then the "
	    "specialty's own; a scope without skills is left out"),
	END
};

/* The self-assessment sheet. */
static const struct field_decl S_assess_level[] = {
	TEXT("value", "the level's number"),
	TEXT("short", "its number alone (label level-short)"),
	TEXT("href", "link to the description"),
	TEXT("label", "its name (label level)"),
	HTML("html", "the skill's description of the level"),
	LEVEL_COMPANY,
	END
};

static const struct field_decl S_assess_role_target[] = {
	TEXT("role", "the role's id"),
	TEXT("value", "the level the role sets as the skill's target, \"\" "
	    "when none"),
	TEXT("label", "its name (label level), \"\" when none"),
	END
};

static const struct field_decl S_assess_role[] = {
	TEXT("name", "the role's name"),
	TEXT("href", "link to its page"),
	TEXT("id", "its id"),
	HTML("description", "its description (empty when none)"),
	END
};

static const struct field_decl S_assess_gone[] = {
	TEXT("id", "the skill's id"),
	TEXT("name", "its name in the standard"),
	END
};

static const struct field_decl S_assess_skill[] = {
	TEXT("name", "the skill's name"),
	TEXT("href", "link to its page"),
	TEXT("id", "its id"),
	TEXT("current-name", "the name of the radio group of its current "
	    "level"),
	TEXT("target-name", "the name of the radio group of its target level"),
	TEXT("current-legend", "the legend of the current level's group "
	    "(label legend-current)"),
	TEXT("target-legend", "the legend of the target level's group "
	    "(label legend-target)"),
	TEXT("clear-label", "the name of its clear button (label "
	    "assess-clear)"),
	TEXT("none", "the choice below the lowest level, value 0 (label "
	    "assess-none)"),
	LIST("levels", S_assess_level, "the levels the skill describes"),
	TEXT("standard-name", "the standard's name of a skill the company "
	    "renamed, else \"\""),
	FLAG("company-skill", "a company's skill, not the standard's"),
	LIST("role-targets", S_assess_role_target, "per role of \"roles\", "
	    "in that order, the skill's target"),
	END
};

static const struct field_decl S_assess_scale[] = {
	TEXT("value", "the level's number"),
	TEXT("label", "its name (label level), for assets/assess.js"),
	END
};

static const struct field_decl S_assess_gaps[] = {
	TEXT("value", "a gap between two levels, from 1"),
	TEXT("label", "its words (label assess-gap), for assets/assess.js"),
	END
};

static const struct field_decl S_assessment[] = {
	TEXT("jobtype", "the job type's name"),
	TEXT("specialty", "the specialty's name"),
	TEXT("storage-key", "the localStorage key"),
	TEXT("book-href", "link to the specialty's self-assessment workbook "
	    "(downloads/S-assessment.xlsx)"),
	TEXT("levels", "the levels the job type defines, \"3,4,5,6\""),
	TEXT("none", "the choice below the lowest level (label assess-none), "
	    "for assets/assess.js"),
	LIST("skills", S_assess_skill, "every skill of the specialty"),
	LIST("scale", S_assess_scale, "every level the job type defines"),
	LIST("gaps", S_assess_gaps, "every gap the sheet can show, in steps "
	    "between defined levels and the choice below them"),
	LIST("level-names", S_assess_scale, "every level a job type may have "
	    "(1 to 7), for assets/assess.js to name a level of a saved state "
	    "that the sheet does not offer"),
	LIST("roles", S_assess_role, "the role profiles of the specialty, in "
	    "the order the tailorings give them (empty when none)"),
	LIST("gone-skills", S_assess_gone, "the skills of the standard's "
	    "specialty that the tailored one does not list, for "
	    "assets/assess.js to name them in a saved state"),
	END
};

/* A role profile's page (page_role.c). */
static const struct field_decl S_role_target[] = {
	TEXT("name", "the skill's name (the company's, when it renamed it)"),
	TEXT("standard-name", "the standard's name of a skill the company "
	    "renamed, else \"\""),
	FLAG("company-skill", "a company skill: its level texts are the "
	    "company's"),
	TEXT("href", "link to the skill's page in the role's specialty"),
	FLAG("targeted", "the role sets a target level in the skill"),
	TEXT("level", "the target level's name (label level), or \"\""),
	TEXT("level-href", "link to that level's section of the skill's "
	    "page, or \"\""),
	HTML("html", "the skill's text of the target level, as its entry "
	    "has it (empty when no target)"),
	LEVEL_COMPANY,
	END
};

static const struct field_decl S_role[] = {
	TEXT("name", "the role's name"),
	TEXT("specialty", "its specialty's name"),
	TEXT("specialty-href", "link to the specialty's page"),
	HTML("description", "the role's description (empty when none)"),
	TEXT("from", "the name of the tailoring that defines it"),
	TEXT("from-href", "link to that tailoring on the tailoring report"),
	TEXT("assessment-href", "link to the specialty's self-assessment "
	    "sheet"),
	TEXT("targets-count", "how many skills the role sets a target in "
	    "(digits)"),
	TEXT("skills-count", "how many skills the specialty has (digits)"),
	LIST("targets", S_role_target, "every skill of the specialty, in its "
	    "order, with the role's target or none"),
	END
};

/* The tailoring report (page_report.c).  Each change names where it is
 * written. */
#define REPORT_WHERE \
	TEXT("file", "the base name of the tailoring file that writes it"), \
	TEXT("line", "the line of its element there (digits)")

/* The skill a change applies to, as the pages name it. */
#define REPORT_SKILL \
	TEXT("skill", "the skill's name as the pages show it (the " \
	    "company's when renamed; the standard's when hidden)"), \
	TEXT("standard-name", "the standard's name of a renamed skill, " \
	    "else \"\""), \
	FLAG("company-skill", "a company skill"), \
	TEXT("skill-href", "link to its page (in the change's specialty, " \
	    "else the first that shows it; at the level's section for a " \
	    "change to a level), or \"\" when no page shows it")

static const struct field_decl S_report_name[] = {
	TEXT("name", "a specialty's name"),
	END
};

static const struct field_decl S_report_text[] = {
	HTML("html", "the standard's text of the level, verbatim"),
	LIST("specialties", S_report_name, "the specialties whose text it is"),
	END
};

static const struct field_decl S_report_item[] = {
	TEXT("text", "the knowledge item"),
	END
};

static const struct field_decl S_report_level[] = {
	TEXT("label", "the level's name (label level)"),
	HTML("html", "the company skill's text of the level"),
	END
};

static const struct field_decl S_report_hidden_skill[] = {
	REPORT_WHERE,
	TEXT("skill", "the skill's name in the standard"),
	TEXT("specialty", "the specialty it is hidden in, or label "
	    "all-specialties"),
	LIST("listed", S_report_name, "hidden in every specialty: the "
	    "standard's specialties that list it"),
	END
};

static const struct field_decl S_report_hidden_level[] = {
	REPORT_WHERE,
	REPORT_SKILL,
	TEXT("specialty", "its specialty, or label all-specialties"),
	TEXT("level", "the level's name (label level)"),
	FLAG("several", "the change names no specialty: each text names "
	    "its specialties"),
	LIST("standard", S_report_text, "the standard's texts of the level, "
	    "each once"),
	END
};

static const struct field_decl S_report_rename[] = {
	REPORT_WHERE,
	REPORT_SKILL,
	TEXT("standard", "the standard's name"),
	TEXT("name", "the company's name"),
	END
};

static const struct field_decl S_report_company_skill[] = {
	REPORT_WHERE,
	TEXT("name", "the company skill's name"),
	TEXT("specialty", "its specialty, or label all-specialties"),
	LIST("knowledge", S_report_item, "its knowledge items"),
	LIST("levels", S_report_level, "the levels it describes"),
	LIST("pages", S_link, "its pages, by specialty"),
	END
};

static const struct field_decl S_report_knowledge[] = {
	REPORT_WHERE,
	REPORT_SKILL,
	LIST("standard-items", S_report_item, "the standard's knowledge "
	    "items of the skill"),
	LIST("items", S_report_item, "the items the tailoring adds"),
	END
};

static const struct field_decl S_report_text_change[] = {
	REPORT_WHERE,
	REPORT_SKILL,
	TEXT("specialty", "its specialty, or label all-specialties"),
	TEXT("level", "the level's name (label level)"),
	FLAG("several", "as for a hidden level"),
	LIST("standard", S_report_text, "the standard's texts of the level"),
	HTML("meaning", "the company's text: what the level means there "
	    "(empty when none)"),
	HTML("evidence", "the company's examples of evidence (empty when "
	    "none)"),
	END
};

static const struct field_decl S_report_resource[] = {
	REPORT_WHERE,
	REPORT_SKILL,
	TEXT("specialty", "its specialty, or label all-specialties"),
	TEXT("level", "the level's name (label level)"),
	TEXT("kind", "its kind (label resource-training, ...)"),
	TEXT("title", "its title"),
	TEXT("href", "its address (http or https), or \"\""),
	HTML("link", "its title linked to its address (marked external; "
	    "empty when it has none)"),
	TEXT("hours", "its hours as written, or \"\""),
	END
};

static const struct field_decl S_report_role[] = {
	REPORT_WHERE,
	TEXT("name", "the role's name"),
	TEXT("href", "link to its page"),
	TEXT("specialty", "its specialty's name"),
	TEXT("targets", "how many targets it sets (digits)"),
	END
};

static const struct field_decl S_report_contents[] = {
	TEXT("name", "the tailoring's name"),
	TEXT("href", "link to its section"),
	REPORT_WHERE,
	TEXT("hides", "how many hide operations it has (digits; \"\" for "
	    "none, as the counts below)"),
	TEXT("renames", "how many renames"),
	TEXT("company-skills", "how many company skills"),
	TEXT("knowledge", "how many knowledge additions"),
	TEXT("texts", "how many company level texts"),
	TEXT("resources", "how many learning resources"),
	TEXT("roles", "how many roles"),
	END
};

static const struct field_decl S_report_tailoring[] = {
	TEXT("name", "the tailoring's name"),
	TEXT("anchor", "the id of its section (\"tailoring-N\", N its "
	    "place from 1)"),
	REPORT_WHERE,
	HTML("summary", "its summary (empty when none)"),
	LIST("hidden-skills", S_report_hidden_skill, "skills it hides"),
	LIST("hidden-levels", S_report_hidden_level, "levels it hides"),
	LIST("renames", S_report_rename, "skills it renames"),
	LIST("company-skills", S_report_company_skill, "skills it adds"),
	LIST("knowledge", S_report_knowledge, "knowledge items it adds to "
	    "standard skills"),
	LIST("texts", S_report_text_change, "its company texts of levels"),
	LIST("resources", S_report_resource, "its learning resources"),
	LIST("roles", S_report_role, "its role profiles"),
	END
};

static const struct field_decl S_tailoring[] = {
	TEXT("jobtype", "the job type's name"),
	TEXT("jobtype-href", "link to its section of the home page"),
	LIST("contents", S_report_contents, "the tailorings in the order "
	    "they apply, with their counts"),
	LIST("tailorings", S_report_tailoring, "each tailoring's changes, by "
	    "kind, in the order they apply"),
	END
};

const struct page_decl page_decls[PAGE__COUNT] = {
	[PAGE_HOME] = { "home.xhtml", "the home page (index.html)", S_home },
	[PAGE_SPECIALTY] = { "specialty.xhtml", "a specialty: its skills and "
	    "the skill x level matrix", S_specialty },
	[PAGE_SKILL] = { "skill.xhtml", "a skill within a specialty, every "
	    "level in order", S_skill },
	[PAGE_LEVEL] = { "level.xhtml", "one level within a specialty, every "
	    "skill's description", S_level },
	[PAGE_KNOWLEDGE] = { "knowledge.xhtml", "the knowledge-item index of "
	    "a job type", S_knowledge },
	[PAGE_COMPARE] = { "compare.xhtml", "a common skill compared across "
	    "the specialties", S_compare },
	[PAGE_HANDBOOK] = { "handbook.xhtml", "the printable handbook of a "
	    "specialty (handbooks/ID.html) or of a job type with all its "
	    "specialties (handbooks/JOBTYPE.html); its links are anchors "
	    "within it, but those back to the site", S_handbook },
	[PAGE_ASSESSMENT] = { "assessment.xhtml", "the self-assessment sheet "
	    "of a specialty", S_assessment },
	[PAGE_ABOUT] = { "about.xhtml", "about this text (about.html): the "
	    "editorial notes of the framework and of each job type", S_about },
	[PAGE_MAP] = { "map.xhtml", "the skill map of a specialty, one A4 "
	    "landscape page to print (handbooks/ID-map.html)", S_map },
	[PAGE_ROLE] = { "role.xhtml", "a role profile of a tailored job type "
	    "(JT/roles/ROLE.html): its target level in each skill of its "
	    "specialty", S_role },
	[PAGE_TAILORING] = { "tailoring.xhtml", "the tailoring report of a "
	    "tailored job type (JT/tailoring.html): every change beside the "
	    "standard's words", S_tailoring },
};

/* Appends the rows of fields v, their names after prefix, to *out in
 * arena a, items after their list. */
static void
S_rows(struct arena *a, char **out, const char *prefix,
    const struct field_decl *v)
{
	for (; v->name != NULL; v++) {
		char *name = arena_printf(a, "%s%s", prefix, v->name);

		*out = arena_printf(a, "%s| `%s` | %s | %s |\n", *out, name,
		    template_kind_name(v->kind), v->about);
		if (v->items != NULL)
			S_rows(a, out, arena_printf(a, "%s.", name), v->items);
	}
}

int
page_template_known(const char *name)
{
	int k;

	if (strcmp(name, "layout.xhtml") == 0)
		return 1;
	for (k = 0; k < PAGE__COUNT; k++)
		if (strcmp(name, page_decls[k].template) == 0)
			return 1;
	return 0;
}

/* Appends the table of fields v, under title, to *out in arena a. */
static void
S_table(struct arena *a, char **out, const char *title,
    const struct field_decl *v)
{
	*out = arena_printf(a, "%s\n%s\n\n| field | kind | |\n"
	    "| --- | --- | --- |\n", *out, title);
	S_rows(a, out, "", v);
}

char *
page_fields_markdown(void)
{
	struct arena a;
	char *out, *copy;
	size_t k;

	arena_init(&a);
	out = arena_printf(&a, "## Fields\n\n<!-- Written from "
	    "generator/page_fields.c by `make fields-doc`; edit there. -->\n\n"
	    "A list's item sees its own fields (`list.field` below), then "
	    "those of the scope that holds the list, up to the page's.\n");
	S_table(&a, &out, "Every page (and so `layout.xhtml`) has:",
	    page_fields_shared);
	for (k = 0; k < PAGE__COUNT; k++)
		S_table(&a, &out, arena_printf(&a, "`%s`, %s:",
		    page_decls[k].template, page_decls[k].about),
		    page_decls[k].fields);
	copy = xstrdup(out);
	arena_free(&a);
	return copy;
}

char *
page_fields_readme(const char *readme)
{
	const char *start = strstr(readme, "\n## Fields\n"), *end;
	char *section, *out;

	if (start == NULL)
		return NULL;
	start++;
	if ((end = strstr(start + 1, "\n## ")) != NULL)
		end++;
	else
		end = start + strlen(start);
	section = page_fields_markdown();
	out = xasprintf("%.*s%s%s%s", (int)(start - readme), readme, section,
	    *end != '\0' ? "\n" : "", end);
	free(section);
	return out;
}
