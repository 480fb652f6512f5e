#!/usr/bin/env python3
"""maps.py: the skill maps as printed, one A4 landscape page each.

Usage: tests/maps.py SKILLSITE BUILD

Builds the seed content with PDFs (skillsite build -p) into BUILD/maps-site
and reads each handbooks/ID-map.pdf back with poppler-utils: exactly one
page, landscape A4 (842 x 595 pt), every font embedded, the specialty's
name (from its HTML map), every skill name and every word of every cell
of the specialty page's matrix in the text, and no skill or specialty name
that only another specialty has; each handbook's map table the same as
its specialty's map page's, and the job type's handbook holding each of
its specialties' map tables, in the content's order, each the same as
that specialty's map page's.  First proves that the checks fail: the
hardware map made again with a portrait page, which then takes two pages;
the job type's maps read with two of them swapped.
Skipped, with a message, where WeasyPrint or poppler-utils is missing.
Prints "maps (skill map PDFs): N passed, M failed".
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET


class MapPage(html.parser.HTMLParser):
    """Reads a map page: the specialty, the skill names, the cells' words."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.specialty = ""
        self.skills = []
        self.words = []
        self.capture = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        what = None
        if tag == "span" and "map-specialty" in cls:
            what = "specialty"
        elif tag == "th" and a.get("scope") == "row":
            what = "skill"
        elif tag == "span" and "word" in cls:
            what = "word"
        elif tag == "span" and "sep" in cls:
            what = "sep"
        self.stack.append(what)
        if what in ("specialty", "skill", "word") and self.capture is None:
            self.capture, self.text = what, ""

    def handle_endtag(self, tag):
        what = self.stack.pop() if self.stack else None
        if what is not None and what == self.capture:
            text = self.text.strip()
            if what == "specialty":
                self.specialty = text
            elif what == "skill":
                self.skills.append(text)
            else:
                self.words.append(text)
            self.capture = None

    def handle_data(self, data):
        if self.capture is not None and "sep" not in self.stack:
            self.text += data


def squeeze(s):
    """Returns s without white space."""
    return re.sub(r"\s+", "", s)


def run(*cmd):
    """Returns the output of cmd, or None when it fails."""
    try:
        return subprocess.run(cmd, check=True, capture_output=True,
                              timeout=300).stdout.decode("utf-8")
    except (subprocess.SubprocessError, OSError):
        return None


def read_map(path):
    """Returns the MapPage read from the HTML map at path."""
    p = MapPage()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def read_matrix(site, sp, page):
    """Sets the skills and words of MapPage page to those of the matrix
    on the page of specialty sp (SITE/JOBTYPE/sp.html), which the map must
    show; returns page."""
    for jt in sorted(os.listdir(site)):
        if jt in ("assets", "downloads", "handbooks", "search"):
            continue	# the site's own folders, no job type's
        path = os.path.join(site, jt, sp + ".html")
        if os.path.isfile(path):
            matrix = read_map(path)
            page.skills, page.words = matrix.skills, matrix.words
    return page


def problems(pdf, page, foreign):
    """Returns what is wrong with map PDF pdf, made from MapPage page;
    foreign: names that must not appear."""
    out = []
    info = run("pdfinfo", pdf) or ""
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    if pages is None or pages.group(1) != "1":
        out.append("pages: %s, not 1" % (pages.group(1) if pages else "?"))
    if size is None or (round(float(size.group(1))),
                        round(float(size.group(2)))) != (842, 595):
        out.append("page size: %s, not 842 x 595 (A4 landscape)"
                   % (size.group(0) if size else "?"))
    fonts = (run("pdffonts", pdf) or "").splitlines()[2:]
    if not fonts:
        out.append("no fonts listed")
    for line in fonts:
        cols = line.split()
        if len(cols) < 5 or cols[-5] != "yes":	# emb sub uni object id
            out.append("font not embedded: %s" % line.strip())
    text = squeeze(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-") or "")
    for want in [page.specialty] + page.skills:
        if squeeze(want) not in text:
            out.append("missing name: %s" % want)
    for word in page.words:
        for part in word.split("\u2026"):	# a cut phrase: head ... end
            if squeeze(part) and squeeze(part) not in text:
                out.append("missing words: %s" % word)
    for name in foreign:
        if squeeze(name) in text:
            out.append("another specialty's name: %s" % name)
    return out


def foreign_names(pages, me):
    """Returns the names of the other maps that map me does not have."""
    mine = {me.specialty, *me.skills, *me.words}
    names = set()
    for p in pages.values():
        if p is not me:
            names.update(n for n in [p.specialty, *p.skills] if n not in mine)
    # a name within one of mine (a specialty's name in its skills', a
    # skill's name in a cell's words) is no sign
    return sorted(n for n in names if not any(n in m for m in mine))


def self_test(site, work, page):
    """Returns whether the checks fail on the hardware map printed on a
    portrait page in a larger type (two pages)."""
    if os.path.exists(work):
        shutil.rmtree(work)
    shutil.copytree(os.path.join(site, "assets"), os.path.join(work, "assets"))
    os.makedirs(os.path.join(work, "handbooks"))
    shutil.copy(os.path.join(site, "handbooks", "hardware-map.html"),
                os.path.join(work, "handbooks"))
    with open(os.path.join(work, "assets", "map.css"), "a") as f:
        f.write("\n@page map { size: A4 portrait; }\n"
                "@media print { .map-sheet .skill-map td { font-size: 12pt; } }\n")
    pdf = os.path.join(work, "handbooks", "hardware-map.pdf")
    if run("weasyprint", "--quiet", os.path.join(work, "handbooks",
                                                 "hardware-map.html"),
           pdf) is None:
        return False
    found = problems(pdf, page, [])
    print("self-test, portrait: %s" % ("; ".join(
        p for p in found if not p.startswith("missing")) or "no problem"))
    return any(p.startswith("pages:") for p in found) and \
        any(p.startswith("page size:") for p in found)


def as_written(table):
    """Returns the HTML of table with its indentation taken out."""
    return re.sub(r"\n\s*", "\n", table)


def map_table(path):
    """Returns the skill map's table in the HTML page at path, as written
    (with its indentation taken out), or ""."""
    with open(path, encoding="utf-8") as f:
        m = re.search(r'<table class="skill-map">.*?</table>', f.read(), re.S)
    return as_written(m.group(0)) if m else ""


def map_tables(path):
    """Returns the skill maps in the HTML page at path (a job type's
    handbook), in order: [(specialty id, table as map_table() gives it)],
    each from its section "map-SPECIALTY"; [] when there is no page."""
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8") as f:
        found = re.findall(r'<section class="map-sheet" id="map-([^"]*)">'
                           r'.*?(<table class="skill-map">.*?</table>)',
                           f.read(), re.S)
    return [(sp, as_written(table)) for sp, table in found]


def jobtypes(content):
    """Returns {job type id: [its specialties' ids, in order]}, read from
    the content's job type files."""
    out = {}
    for name in sorted(os.listdir(content)):
        if name.endswith(".xml"):
            root = ET.parse(os.path.join(content, name)).getroot()
            if root.tag.split("}")[-1] == "jobtype":
                out[root.get("id")] = [
                    sp.get("id") for sp in root
                    if sp.tag.split("}")[-1] == "specialty"]
    return out


def whole_map_problems(folder, jt, specialties, tables):
    """Returns what is wrong with tables, the map tables of the handbook
    of job type jt (map_tables()): not each of specialties' maps in
    order, or one not the same as its map page's (in folder)."""
    out = []
    if [sp for sp, _ in tables] != specialties:
        out.append("%s.html maps: %s, not %s" % (
            jt, [sp for sp, _ in tables], specialties))
    for sp, table in tables:
        page = os.path.join(folder, sp + "-map.html")
        if table == "" or not os.path.isfile(page) or \
                table != map_table(page):
            out.append("%s.html: map of %s not its map page's" % (jt, sp))
    return out


def main():
    skillsite, build = sys.argv[1], sys.argv[2]
    missing = [t for t in ("weasyprint", "pdfinfo", "pdffonts", "pdftotext")
               if shutil.which(t) is None]
    if missing:
        print("maps: skipped, not installed: %s" % " ".join(missing))
        return 0
    site = os.path.join(build, "maps-site")
    if os.path.exists(site):
        shutil.rmtree(site)		# the PDFs made afresh
    if run(skillsite, "build", "-p", "-t", "templates", "-o", site,
           "content") is None:
        print("maps: the build with -p failed")
        return 1
    folder = os.path.join(site, "handbooks")
    pages = {f[:-len("-map.html")]: read_matrix(
        site, f[:-len("-map.html")], read_map(os.path.join(folder, f)))
             for f in sorted(os.listdir(folder)) if f.endswith("-map.html")}
    passed = failed = 0

    def case(name, ok, why=()):
        nonlocal passed, failed
        print("%s: %s%s" % ("ok" if ok else "FAIL", name,
                            "".join("\n  " + w for w in why)))
        passed, failed = passed + ok, failed + (not ok)

    case("maps/self-test-portrait-fails", "hardware" in pages and
         self_test(site, os.path.join(build, "maps-portrait"),
                   pages["hardware"]))
    case("maps/three-maps", len(pages) == 3, sorted(pages))
    if len(pages) == 3:	# the text checks fail on another specialty's map
        wrong = problems(os.path.join(folder, "hardware-map.pdf"),
                         pages["facility-management"],
                         foreign_names(pages, pages["facility-management"]))
        case("maps/self-test-other-map-fails",
             any(w.startswith("missing name") for w in wrong) and
             any(w.startswith("missing words") for w in wrong) and
             any(w.startswith("another specialty") for w in wrong))
    for sp in pages:	# the handbook's map is the wall map, cell for cell
        inside = map_table(os.path.join(folder, sp + ".html"))
        case("maps/%s-in-handbook" % sp, inside != "" and inside ==
             map_table(os.path.join(folder, sp + "-map.html")))
    for jt, specialties in jobtypes("content").items():
        # the job type's handbook: every specialty's map, in order
        tables = map_tables(os.path.join(folder, jt + ".html"))
        if len(specialties) >= 2:	# the checks fail on a wrong order
            swapped = tables[1:2] + tables[:1] + tables[2:]
            case("maps/self-test-%s-order-fails" % jt, len(tables) >= 2 and
                 any(w.startswith(jt + ".html maps:") for w in
                     whole_map_problems(folder, jt, specialties, swapped)))
        found = whole_map_problems(folder, jt, specialties, tables)
        case("maps/%s-in-handbook" % jt, len(tables) == len(specialties)
             and not found, found)
    for sp, page in pages.items():
        case("maps/%s-words" % sp, len(page.skills) >= 11 and
             len(page.words) > len(page.skills))
        found = problems(os.path.join(folder, sp + "-map.pdf"), page,
                         foreign_names(pages, page))
        case("maps/%s" % sp, not found, found)
    print("maps (skill map PDFs): %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
