#!/usr/bin/env python3
"""jsonld.py: every page's structured data, read back and held to the model.

  python3 tests/jsonld.py BINARY BUILD    (from the top of the repository)

Builds content/, content/ with tests/tailoring/minato, the fixture
tests/site/content and tests/site/hostile (</script>, <!--, & and
U+2028/9 in names and texts), and reads every page with html.parser:
  one-block   exactly one <script type="application/ld+json"> in the head,
              no other script without src; its text holds no < > & (they
              are written \\u003c \\u003e \\u0026) and parses with json
  shape       {"@context": "https://schema.org", "@graph": [...]}; every
              node's @type is DefinedTermSet, DefinedTerm, AboutPage or
              Occupation, with the properties it needs (an Occupation:
              @id, name, url; a DefinedTerm:
              @id, termCode, name, inDefinedTermSet.@id; a set: @id,
              name); every @id and url is page-relative (no scheme, no
              host, not from the root) and resolves, against the page,
              to a file of the site and to an id="..." in it
and against the site's downloads/framework.json (the model as built):
  skills      each skill page carries its skill's term (termCode its ID,
              its name, the standard's name as alternateName when a
              tailoring renamed it), a term per level the page's
              specialty describes and no tailoring hides (termCode
              SKILL/N, the level's text as plain text), one per
              knowledge item (the standard's and the tailorings')
  specialty   each specialty page's set lists its skills' terms in order
  levels      each level page carries the level's term of each skill of
              the specialty describing it, and no other
  knowledge   the knowledge index's set holds every item of the job type
              (but a hidden skill's), each once
  home        the home page's framework set has the job types' sets as
              parts, and each of them the specialties' sets
  hostile     the hostile names and texts read back as they were written
Ends with a count of the terms compared and the summary line.
"""
import html.parser
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

binary, build_dir = sys.argv[1], sys.argv[2]
work = os.path.join(build_dir, "jsonld-tests")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
suite = Suite("jsonld", "structured data")
ok = suite.ok
compared = {"pages": 0, "terms": 0, "levels": 0, "knowledge": 0}

TYPES = {"DefinedTermSet", "DefinedTerm", "AboutPage", "Occupation"}


class Page(html.parser.HTMLParser):
    """A page's data blocks (where each stands) and its ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.inline, self.ids = [], 0, set()
        self.in_head = self.in_block = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "script" and "src" not in a:
            if a.get("type") == "application/ld+json":
                self.in_block = True
                self.blocks.append([self.in_head, ""])
            else:
                self.inline += 1

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        elif tag == "script":
            self.in_block = False

    def handle_data(self, data):
        if self.in_block:
            self.blocks[-1][1] += data


def read_page(site, rel):
    """The parsed page at rel in site, and its text."""
    with open(os.path.join(site, rel), encoding="utf-8") as f:
        text = f.read()
    p = Page()
    p.feed(text)
    p.close()
    return p, text


def plain(md):
    """The words of Markdown md, without its markup and white space (what
    the generator's plain text holds, compared loosely)."""
    return re.sub(r"[\s*_`\\]", "", md or "")


def nodes(value):
    """Every object with an @type in value, nested ones too."""
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for v in value.values():
            yield from nodes(v)
    elif isinstance(value, list):
        for v in value:
            yield from nodes(v)


def resolves(site, rel, ref, cache):
    """Whether the page-relative IRI ref, from page rel, names a file of
    site (and an id in it when it has a fragment)."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/|^\\\\", ref):
        return False
    path, _, frag = ref.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel),
                                               path)) if path else rel
    if target.startswith("..") or not os.path.isfile(
            os.path.join(site, target)):
        return False
    if frag == "":
        return True
    if target not in cache:
        cache[target] = read_page(site, target)[0].ids
    return frag in cache[target]


def check_node(site, rel, node, cache):
    """Whether node has the properties its @type needs, links that
    resolve, and a known @type."""
    t = node["@type"]
    good = t in TYPES
    if t == "DefinedTerm":
        good = good and all(isinstance(node.get(k), str) and node[k]
                            for k in ("@id", "termCode", "name")) and \
            isinstance(node.get("inDefinedTermSet"), dict) and \
            "@id" in node["inDefinedTermSet"]
    elif t == "DefinedTermSet":
        good = good and all(isinstance(node.get(k), str) and node[k]
                            for k in ("@id", "name"))
    elif t == "Occupation":
        good = good and all(isinstance(node.get(k), str) and node[k]
                            for k in ("@id", "name", "url"))
    elif t == "AboutPage":
        good = good and isinstance(node.get("name"), str)
    refs = [node.get("@id"), node.get("url"),
            (node.get("inDefinedTermSet") or {}).get("@id")]
    return good and all(resolves(site, rel, r, cache)
                        for r in refs if r is not None)


def read_site(site, label):
    """Every page's structured data in site, by path; checks one-block and
    shape on each."""
    docs, cache, bad_block, bad_shape = {}, {}, [], []
    for root, _, files in os.walk(site):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), site)
            if not name.endswith(".html") or rel.startswith("assets"):
                continue
            page, text = read_page(site, rel)
            raw = page.blocks[0][1] if len(page.blocks) == 1 else ""
            try:
                doc = json.loads(raw)
            except ValueError:
                doc = None
            if (len(page.blocks) != 1 or not page.blocks[0][0] or
                    page.inline or doc is None or
                    re.search(r"[<>&]", raw) or
                    text.count("</script>") != text.count("<script")):
                bad_block.append(rel)
                continue
            docs[rel] = doc
            compared["pages"] += 1
            if not (doc.get("@context") == "https://schema.org" and
                    isinstance(doc.get("@graph"), list) and doc["@graph"]
                    and all(check_node(site, rel, n, cache)
                            for n in nodes(doc["@graph"]))):
                bad_shape.append(rel)
    for rel in bad_block:
        print("bad data block: %s/%s" % (label, rel))
    for rel in bad_shape:
        print("bad shape: %s/%s" % (label, rel))
    ok(label + "/pages", len(docs) > 5)
    ok(label + "/one-block", not bad_block)
    ok(label + "/shape", not bad_shape)
    return docs


def terms(doc):
    """The DefinedTerms of doc, by termCode."""
    return {n["termCode"]: n for n in nodes(doc["@graph"])
            if n["@type"] == "DefinedTerm"}


def check_skill(docs, jt, sp, entry, skills):
    """Whether the skill page of entry of sp of jt carries the skill's
    term, its levels' and its knowledge items'."""
    k = skills[entry["skill"]]
    rel = "%s/%s/skills/%s.html" % (jt["id"], sp["id"], k["id"])
    got = terms(docs[rel]) if rel in docs else {}
    t = got.get(k["id"], {})
    good = t.get("name") == k["name"] and \
        t.get("alternateName") == k.get("standardName")
    compared["terms"] += 1
    want_levels = {"%s/%d" % (k["id"], lv["level"]): lv["description"]
                   for lv in entry["levels"]
                   if lv["description"] is not None and not lv["hiddenBy"]}
    for code, text in want_levels.items():
        compared["levels"] += 1
        good = good and code in got and plain(got[code].get(
            "description")) == plain(text)
    levels = [c for c in got if re.match(re.escape(k["id"]) + r"/\d+$", c)]
    items = k["knowledge"] + [a["text"] if isinstance(a, dict) else a
                              for a in k.get("addedKnowledge") or []]
    names = {n["name"] for c, n in got.items() if c.startswith("k-")}
    compared["knowledge"] += len(items)
    return good and sorted(levels) == sorted(want_levels) and \
        set(items) <= names


def check_model(site, docs, label):
    """Holds docs to site's downloads/framework.json."""
    with open(os.path.join(site, "downloads", "framework.json"),
              encoding="utf-8") as f:
        model = json.load(f)
    good = {"skills": True, "specialty": True, "levels": True,
            "knowledge": True, "home": True}
    home = terms_sets(docs.get("index.html"))
    for jt in model["jobtypes"]:
        skills = {k["id"]: k for k in jt["skills"]}
        for sp in jt["specialties"]:
            entries = [e for e in sp["entries"] if not e.get("hiddenBy")]
            for e in entries:
                if not check_skill(docs, jt, sp, e, skills):
                    print("skill page differs: %s/%s/%s" % (label, sp["id"],
                                                           e["skill"]))
                    good["skills"] = False
            good["specialty"] &= check_specialty(docs, jt, sp, entries)
            good["levels"] &= check_levels(docs, jt, sp, entries)
        good["knowledge"] &= check_knowledge(docs, jt)
        parts = [p["name"] for p in home.get(jt["name"], {}).get(
            "hasPart", [])]
        good["home"] &= parts == [sp["name"] for sp in jt["specialties"]]
    framework = [p["name"] for p in home.get(model["name"], {}).get(
        "hasPart", [])]
    good["home"] &= framework == [jt["name"] for jt in model["jobtypes"]]
    for case, cond in good.items():
        ok(label + "/" + case, cond)


def terms_sets(doc):
    """The DefinedTermSets at the top of doc's graph, by name."""
    return {n["name"]: n for n in (doc or {"@graph": []})["@graph"]
            if n["@type"] == "DefinedTermSet"}


def check_specialty(docs, jt, sp, entries):
    """Whether sp's page lists its skills' terms in order."""
    doc = docs.get("%s/%s.html" % (jt["id"], sp["id"]))
    s = terms_sets(doc).get(sp["name"], {})
    return [t["termCode"] for t in s.get("hasDefinedTerm", [])] == \
        [e["skill"] for e in entries]


def check_levels(docs, jt, sp, entries):
    """Whether each level page of sp carries exactly the level's terms."""
    good = True
    for n in range(jt["minLevel"], jt["maxLevel"] + 1):
        rel = "%s/%s/levels/%d.html" % (jt["id"], sp["id"], n)
        want = sorted("%s/%d" % (e["skill"], n) for e in entries
                      for lv in e["levels"] if lv["level"] == n and
                      lv["description"] is not None and not lv["hiddenBy"])
        if rel in docs:
            good = good and sorted(terms(docs[rel])) == want
            # the terms name their skill page, which holds their text
            good = good and not any(
                "description" in t for t in terms(docs[rel]).values())
        else:
            good = good and not want
    return good


def check_knowledge(docs, jt):
    """Whether the knowledge index's set holds every item, each once."""
    doc = docs.get("%s/knowledge.html" % jt["id"])
    sets = [n for n in (doc or {"@graph": []})["@graph"]
            if n["@type"] == "DefinedTermSet"]
    names = [t["name"] for s in sets for t in s.get("hasDefinedTerm", [])]
    items = {i for k in jt["skills"] if not k.get("hiddenBy")
             for i in k["knowledge"] + [
                 a["text"] if isinstance(a, dict) else a
                 for a in k.get("addedKnowledge") or []]}
    return len(sets) == 1 and len(names) == len(set(names)) and \
        set(names) == items


def build(args, label):
    """Builds the content folders args into a new site; returns it."""
    out = os.path.join(work, label)
    r = subprocess.run([binary, "build", "-o", out] + args,
                       capture_output=True, text=True)
    ok(label + "/build", r.returncode == 0)
    return out


def check(args, label):
    """Builds args and checks the site; returns its documents."""
    site = build(args, label)
    if not os.path.isfile(os.path.join(site, "downloads", "framework.json")):
        return {}
    docs = read_site(site, label)
    check_model(site, docs, label)
    return docs


check(["content"], "seed")
check(["content", "tests/tailoring/minato"], "minato")
check(["tests/site/content"], "fixture")
hostile = check(["tests/site/hostile"], "hostile")
skill = terms(hostile.get("j/p/skills/s.html", {"@graph": []}))
ok("hostile/names", skill.get("s", {}).get("name") ==
   "</title><script>alert(1)</script>" and
   "</script><script>alert(1)</script> <!-- --> &" in
   {t["name"] for t in skill.values()})
ok("hostile/level", skill.get("s/3", {}).get("description", "").endswith(
   "</script>\u2028<!--\u2029x"))
print("jsonld: %(pages)d pages, %(terms)d skill terms, %(levels)d level "
      "texts, %(knowledge)d knowledge items compared" % compared)
suite.finish()
