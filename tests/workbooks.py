#!/usr/bin/env python3
"""workbooks.py: downloads/framework.xlsx read back against the model.

  python3 tests/workbooks.py BINARY BUILD    (from the top of the repository)

Builds content/ twice, content/ with tests/tailoring/minato, and
tests/site/formulas with tests/site/formulas-tailoring (text that a
spreadsheet could take for a formula in every field), and checks each
framework.xlsx against the framework.json of the same build, following
the layout contract of generator/xlsx_layout.h:
  same-bytes    two builds give the same bytes; every zip entry is dated
                1980-01-01 and the document 2000-01-01
  sheets        the sheet names: contents, one per specialty, knowledge
                items, notes (and company texts, resources, roles when
                tailored), each a valid Excel name
  matrix        per specialty, as LibreOffice Calc shows it (soffice
                headless, converted to ODS): the key row, the header, a
                row per skill not hidden (ID, name, source, each defined
                level's text, empty when undescribed or hidden)
  knowledge, notes, texts, resources, roles
                every row, as Calc shows it
  no-formula    no cell is a formula (openpyxl and Calc), and texts that
                start with = show as written
  print         openpyxl: A4 (9), landscape, 1 page wide, header rows
                repeated, header naming the sheet (&A), footer &P / &N,
                frozen panes, column widths, an autofilter on lists, every
                row as tall as Calc needs to show its longest cell
  pdf           Calc prints the workbook in BIZ UD Gothic, every sheet's
                header on its pages, every skill name in the text
Each soffice run is bounded by timeout.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

binary, build = sys.argv[1], sys.argv[2]
work = os.path.abspath(os.path.join(build, "workbooks-tests"))
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

suite = Suite("workbooks", binary)
ok = suite.ok

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# xlsx_layout.h's rows and columns (0-based)
MATRIX_KEY_ROW, MATRIX_HEADER_ROW, MATRIX_FIRST_ROW = 1, 2, 3
LIST_HEADER_ROW, LIST_FIRST_ROW = 1, 2
FIXED_COLUMNS = 4


def labels():
    """templates/labels.xml's texts, by name."""
    root = ET.parse("templates/labels.xml").getroot()
    return {e.get("name"): e.text for e in root.iter("label")}


L = labels()


def level_label(n):
    return L["level"].replace("{n}", "０１２３４５６７８９"[n])


def build_site(paths, name):
    """Builds paths into work/name; returns the site's directory."""
    site = os.path.join(work, name)
    subprocess.run([binary, "build", "-t", "templates", "-o", site, *paths],
                   check=True, stdout=subprocess.DEVNULL)
    return site


def soffice(path, to, out):
    """Converts path to format to in directory out; returns the file."""
    os.makedirs(out, exist_ok=True)
    env = dict(os.environ, HOME=work)
    subprocess.run(["timeout", "180", "soffice", "--headless", "--norestore",
                    "-env:UserInstallation=file://" + work + "/profile",
                    "--convert-to", to, "--outdir", out, path],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env)
    return os.path.join(out, os.path.splitext(os.path.basename(path))[0]
                        + "." + to)


def calc_sheets(xlsx, label):
    """The sheets of xlsx as Calc shows them: {name: rows of (formula,
    text)}, trailing empty cells and rows dropped."""
    ods = soffice(xlsx, "ods", os.path.join(work, label))
    with zipfile.ZipFile(ods) as z:
        root = ET.fromstring(z.read("content.xml"))
    sheets = {}
    for t in root.iter(TABLE + "table"):
        rows = []
        for row in t.iter(TABLE + "table-row"):
            cells = []
            for c in row.findall(TABLE + "table-cell"):
                repeat = int(c.get(TABLE + "number-columns-repeated", "1"))
                shown = "\n".join("".join(p.itertext())
                                  for p in c.findall(TEXT + "p"))
                cells += [(c.get(TABLE + "formula"), shown)] * min(repeat,
                                                                     64)
            while cells and cells[-1] == (None, ""):
                cells.pop()
            rrep = int(row.get(TABLE + "number-rows-repeated", "1"))
            rows += [cells] * min(rrep, 64)
        while rows and not rows[-1]:
            rows.pop()
        sheets[t.get(TABLE + "name")] = rows
    return sheets


def texts(rows):
    """The texts of rows (of (formula, text)), empty cells at row ends
    dropped."""
    return [[t for _, t in r] for r in rows]


def trim(row):
    row = list(row)
    while row and row[-1] in ("", None):
        row.pop()
    return ["" if v is None else v for v in row]


def defined_levels(jt):
    """The levels some entry of jt describes, ascending."""
    found = set()
    for sp in jt["specialties"]:
        for e in sp["entries"]:
            for lv in e["levels"]:
                if lv["description"]:
                    found.add(lv["level"])
    return sorted(found)


def expected_matrix(jt, sp, skills):
    """The rows a specialty's sheet should show, from the header on."""
    levels = defined_levels(jt)
    rows = [trim(L["xlsx-matrix-header"].split(",")
                 + [level_label(n) for n in levels])]
    for e in sp["entries"]:
        k = skills.get(e["skill"])
        if k is None or e.get("hiddenBy") or k.get("hiddenBy"):
            continue
        by = {lv["level"]: lv for lv in e["levels"]}
        cells = [k["id"], k["name"],
                 L["xlsx-scope-common" if k["scope"] == "common"
                   else "xlsx-scope-specific"], k["source"]]
        for n in levels:
            lv = by.get(n)
            cells.append(lv["description"] or "" if lv and not
                         lv["hiddenBy"] else "")
        rows.append(trim(cells))
    return rows


def expected_lists(j):
    """The rows of the list sheets, by the label naming the sheet."""
    out = {"xlsx-sheet-knowledge": [], "xlsx-sheet-notes": [],
           "xlsx-sheet-texts": [], "xlsx-sheet-resources": [],
           "xlsx-sheet-roles": []}
    notes = out["xlsx-sheet-notes"]
    notes += [trim(["framework", "", "", "", n]) for n in j["editorialNotes"]]
    for jt in j["jobtypes"]:
        skills = {k["id"]: k for k in jt["skills"]}
        notes += [trim(["jobtype", jt["id"], "", "", n])
                  for n in jt["editorialNotes"]]
        for k in jt["skills"]:
            if k.get("hiddenBy"):
                continue
            items = [(t, "standard") for t in k["knowledge"]] + \
                [(a["text"], a["source"]) for a in k["addedKnowledge"]]
            for i, (t, src) in enumerate(items):
                out["xlsx-sheet-knowledge"].append(
                    [jt["id"], k["id"], k["name"], str(i + 1), t, src])
            notes += [trim(["skill", jt["id"], "", k["id"], n])
                      for n in k["editorialNotes"]]
        for sp in jt["specialties"]:
            notes += [trim(["specialty", jt["id"], sp["id"], "", n])
                      for n in sp["editorialNotes"]]
            for e in sp["entries"]:
                if e.get("hiddenBy") or skills.get(e["skill"], {}).get(
                        "hiddenBy"):
                    continue
                notes += [trim(["entry", jt["id"], sp["id"], e["skill"], n])
                          for n in e["editorialNotes"]]
                company_rows(out, jt, sp, skills[e["skill"]], e)
        for r in jt.get("roles") or []:
            for g in r["targets"]:
                out["xlsx-sheet-roles"].append(trim([
                    jt["id"], jt["name"], r["specialty"],
                    next(s["name"] for s in jt["specialties"]
                         if s["id"] == r["specialty"]),
                    r["id"], r["name"], r["description"] or "", g["skill"],
                    skills[g["skill"]]["name"], str(g["level"]),
                    r.get("source", "")]))
    return out


def company_rows(out, jt, sp, k, e):
    """Adds the company texts' and resources' rows of entry e."""
    levels = defined_levels(jt)
    for lv in e["levels"]:
        if lv["level"] not in levels:
            continue
        where = [jt["id"], sp["id"], sp["name"], k["id"], k["name"],
                 str(lv["level"])]
        c = lv["company"]
        if c:
            out["xlsx-sheet-texts"].append(trim(where + [
                c["meaning"] or "", c["evidence"] or "", c["source"]]))
        for r in lv["resources"]:
            out["xlsx-sheet-resources"].append(trim(where + [
                r["kind"], r["title"], r["hours"] or "", r["href"] or "",
                r["source"]]))


def check_sheets(name, site, sheets):
    """Compares Calc's sheets of site's workbook with its JSON."""
    j = json.load(open(os.path.join(site, "downloads", "framework.json")))
    tailored = any(jt["tailorings"] for jt in j["jobtypes"])
    names = [L["xlsx-sheet-contents"]]
    order = list(sheets)
    for jt in j["jobtypes"]:
        skills = {k["id"]: k for k in jt["skills"]}
        for sp in jt["specialties"]:
            # the matrices follow the contents, in the model's order
            names.append(order[len(names)] if len(order) > len(names)
                         else None)
            rows = sheets.get(names[-1], [])
            ok(name + "/matrix/" + sp["id"] + "/keys",
               len(rows) > MATRIX_KEY_ROW and
               texts(rows)[MATRIX_KEY_ROW] == [jt["id"], jt["name"],
                                               sp["id"], sp["name"]])
            ok(name + "/matrix/" + sp["id"] + "/rows",
               [trim(r) for r in texts(rows)[MATRIX_HEADER_ROW:]] ==
               expected_matrix(jt, sp, skills))
    lists = expected_lists(j)
    for label in ("xlsx-sheet-knowledge", "xlsx-sheet-notes") + (
            ("xlsx-sheet-texts", "xlsx-sheet-resources") if tailored
            else ()) + (("xlsx-sheet-roles",) if any(
                jt.get("roles") for jt in j["jobtypes"]) else ()):
        names.append(L[label])
        rows = [trim(r) for r in texts(sheets.get(L[label], []))]
        ok(name + "/" + label + "/rows", rows[LIST_FIRST_ROW:] ==
           lists[label] and (len(lists[label]) > 0 or name == "formulas"))
        if os.environ.get("WORKBOOKS_DEBUG") and \
                rows[LIST_FIRST_ROW:] != lists[label]:
            for a, b in zip(rows[LIST_FIRST_ROW:], lists[label]):
                if a != b:
                    print("  got", a, "\n  want", b)
    ok(name + "/sheets", list(sheets) == names)
    ok(name + "/no-formula/calc",
       all(f is None for rows in sheets.values() for r in rows
           for f, _ in r))
    return j


def check_openpyxl(name, path, j):
    """Checks the cells' types and the print settings with openpyxl."""
    wb = openpyxl.load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows()
             for c in row if c.value is not None]
    ok(name + "/no-formula/openpyxl",
       all(c.data_type == "s" for c in cells))
    ok(name + "/sheet-names", all(
        len(ws.title) <= 31 and not re.search(r"[\[\]:*?/\\]", ws.title)
        for ws in wb.worksheets))
    nmatrix = sum(len(jt["specialties"]) for jt in j["jobtypes"])
    for i, ws in enumerate(wb.worksheets):
        matrix = 1 <= i <= nmatrix
        ps, pp = ws.page_setup, ws.sheet_properties.pageSetUpPr
        ok(name + "/print/" + ws.title + "/a4-landscape",
           str(ps.paperSize) == "9" and ps.orientation == "landscape")
        ok(name + "/print/" + ws.title + "/fit-width",
           pp is not None and pp.fitToPage and
           ps.fitToWidth in (None, 1, "1") and str(ps.fitToHeight) == "0")
        ok(name + "/print/" + ws.title + "/header-footer",
           "&A" in (ws.oddHeader.right.text or "") and
           "&P / &N" in (ws.oddFooter.center.text or ""))
        if i == 0:
            continue
        ok(name + "/print/" + ws.title + "/titles",
           ws.print_title_rows == ("$1:$3" if matrix else "$2:$2"))
        ok(name + "/freeze/" + ws.title,
           ws.freeze_panes == ("C4" if matrix else "A3"))
        ok(name + "/row-heights/" + ws.title,
           tall_enough(ws, 4 if matrix else 3))
        ok(name + "/widths/" + ws.title,
           all(widths(ws).get(i, 0) > 4 for i in range(1, 6)))
        if not matrix:
            ok(name + "/autofilter/" + ws.title,
               (ws.auto_filter.ref or "").startswith("A2:"))


def east_asian_width(line):
    """Columns of line, wide characters counting two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in line)


def widths(ws):
    """The width of each column of ws (1-based), from its <col> ranges
    (openpyxl files a range under its first column)."""
    out = {}
    for d in ws.column_dimensions.values():
        for i in range(d.min or 1, (d.max or d.min or 1) + 1):
            out[i] = d.width
    return out


def tall_enough(ws, first_row):
    """Whether each row from first_row (1-based) on is as tall as
    LibreOffice needs to show its cells (measured on its PDFs: 1.13
    columns of text per unit of width, lines of 10.2 pt at 10 pt)."""
    width_of = widths(ws)
    for row in ws.iter_rows(min_row=first_row):
        need = 0
        for c in row:
            if not isinstance(c.value, str):
                continue
            width = width_of.get(c.column, 8.43)
            size = c.font.sz or 10
            per_line = width * 1.13 * 10 / size
            lines = sum(max(1, -(-east_asian_width(t) // int(per_line)))
                        for t in c.value.split("\n"))
            need = max(need, lines * size * 1.02)
        height = ws.row_dimensions[row[0].row].height
        if need > 0 and (height is None or height < min(need, 409)):
            return False
    return True


def check_pdf(name, path, j):
    """Prints the workbook with Calc: its fonts, pages and texts."""
    pdf = soffice(path, "pdf", os.path.join(work, name + "-pdf"))
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True,
                           text=True).stdout
    ok(name + "/pdf/font", "BIZUDGothic" in fonts and
       "DejaVu" not in fonts)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"],
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    for jt in j["jobtypes"]:
        for sp in jt["specialties"]:
            mine = [p for p in pages if sp["name"] in p.split("\n")[0]]
            ok(name + "/pdf/" + sp["id"] + "/header-repeated", len(mine) > 0
               and all(L["xlsx-matrix-header"].split(",")[1] in p
                       for p in mine))
    raw = subprocess.run(["pdftotext", "-raw", pdf, "-"],
                         capture_output=True, text=True).stdout
    squeezed = re.sub(r"\s+", "", raw)	# a cell's lines, in order
    missing = [k["name"] for jt in j["jobtypes"] for k in jt["skills"]
               if not k.get("hiddenBy") and
               re.sub(r"\s+", "", k["name"]) not in squeezed]
    ok(name + "/pdf/skill-names", not missing)
    if missing and os.environ.get("WORKBOOKS_DEBUG"):
        print("  not in the PDF:", missing)


def check_bytes():
    """Two builds of content/: the same bytes, fixed dates."""
    a = build_site(["content"], "a")
    b = build_site(["content"], "b")
    pa = os.path.join(a, "downloads", "framework.xlsx")
    pb = os.path.join(b, "downloads", "framework.xlsx")
    ok("same-bytes", open(pa, "rb").read() == open(pb, "rb").read())
    with zipfile.ZipFile(pa) as z:
        ok("zip-dates", all(i.date_time[:3] == (1980, 1, 1)
                            for i in z.infolist()))
        core = z.read("docProps/core.xml").decode()
    ok("document-date", "2000-01-01T00:00:00Z" in core and
       "<dc:creator>skillsite</dc:creator>" in core)
    return a


def check_site(name, site, pdf):
    path = os.path.join(site, "downloads", "framework.xlsx")
    j = check_sheets(name, site, calc_sheets(path, name))
    check_openpyxl(name, path, j)
    if pdf:
        check_pdf(name, path, j)


def main():
    if shutil.which("soffice") is None:
        ok("soffice-installed (apt-get install libreoffice-calc-nogui)",
           False)
        return
    check_site("seed", check_bytes(), True)
    check_site("minato", build_site(["content", "tests/tailoring/minato"],
                                    "minato"), True)
    formulas = build_site(["tests/site/formulas",
                           "tests/site/formulas-tailoring"], "formulas")
    check_site("formulas", formulas, False)
    sheets = calc_sheets(os.path.join(formulas, "downloads",
                                      "framework.xlsx"), "formulas-eq")
    ok("formulas/shown-as-text", any(t.startswith("=") for rows in
                                     sheets.values() for r in rows
                                     for _, t in r))
    # The control: a workbook with a formula is seen as one.
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=1+1"
    control = os.path.join(work, "control.xlsx")
    wb.save(control)
    ok("control-has-formula", any(f is not None for rows in
                                  calc_sheets(control, "control").values()
                                  for r in rows for f, _ in r))


main()
suite.finish()
