#!/usr/bin/env python3
"""assessment_xlsx.py: the self-assessment workbooks
(downloads/S-assessment.xlsx) read back and computed by a real
spreadsheet.

  python3 tests/assessment_xlsx.py BINARY BUILD   (from the top of the repository)

Builds the seed (content/) and the seed tailored by
tests/tailoring/minato, then for every specialty's workbook of both:
  set         one workbook per specialty of the model, and no other
  same        a second build makes the same bytes
  sheets      the sheet to fill in and the team sheet, named by labels.xml
  skills      the table's rows: the specialty's skills (the tailored
              table: hidden ones out, company ones in, company names)
  choices     each row's drop-down list: the levels the skill defines
              (framework.json) and the choice below the lowest level
  texts       each defined level's text beside the row (or the label
              book-undefined), as framework.json gives it
  roles       (tailored) a column per role of the specialty, its targets
  formulas    the gap and the team sheet's counts are formulas
  protect     the sheet protected without a password, the fill-in cells
              and the choices unlocked, the rest locked, the gap hidden
  print       A4 (paperSize 9), portrait, fit to one page, margins, the
              print area the form; the team sheet A4 landscape on a page
  paste-doc   the team sheet names exactly the range of the table to copy
              and the first cell of its paste area
and the same for the seed built with a level label holding a comma and
quotes, sheets labelled with characters a sheet's name cannot hold,
and a skill named with "<", "*", "?", "~" past 255 characters
(hostile), and, without LibreOffice, with a level label that makes the
list of choices shorter than 255 characters but longer than 255 bytes
(long); then, with openpyxl, fills in choices, has LibreOffice Calc (headless)
recalculate the workbook and checks the gaps it computed; pastes two
members' rows into the team sheet and checks LibreOffice's counts,
members below target and average gaps; converts each workbook to PDF
(pdfinfo: one A4 page per sheet; pdftotext: the title, the fields and
every skill name on the form, the level texts not).
"""
import json
import re
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import openpyxl

binary, build = sys.argv[1], sys.argv[2]
work = os.path.abspath(os.path.join(build, "assessment-xlsx-tests"))
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

suite = Suite("assessment-xlsx", binary)
ok = suite.ok
FIRST = 13          # the row of the first skill (1-based)
TEAM_FIRST = 6      # the team sheet's first skill
DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def labels(templates="templates"):
    """The labels of TEMPLATES/labels.xml, by name."""
    root = ET.parse(os.path.join(templates, "labels.xml")).getroot()
    return {e.get("name"): e.text for e in root.iter("label")}


L = labels()


def level(n):
    return L["level"].replace("{n}", str(n).translate(DIGITS))


def build_site(paths, name, templates="templates"):
    """Builds paths into work/name; returns the site's folder."""
    site = os.path.join(work, name)
    subprocess.run([binary, "build", "-t", templates, "-o", site, *paths],
                   check=True, stdout=subprocess.DEVNULL)
    return site


def model(site):
    """The job types of the site's framework.json."""
    with open(os.path.join(site, "downloads", "framework.json"),
              encoding="utf-8") as f:
        return json.load(f)["jobtypes"]


def defined(lv):
    return lv.get("description") is not None and not lv.get("hiddenBy")


def expected(jt, sp):
    """The rows the workbook of sp should have: (name, {level: text})."""
    names = {k["id"]: k["name"] for k in jt["skills"]}
    rows = []
    for e in sp["entries"]:
        if e.get("hiddenBy"):
            continue
        rows.append((e["skill"], names[e["skill"]],
                     {lv["level"]: lv["description"] for lv in e["levels"]
                      if defined(lv)}))
    return rows


def scale(jt):
    """The job type's defined levels, upwards."""
    return sorted({lv["level"] for sp in jt["specialties"]
                   for e in sp["entries"] if not e.get("hiddenBy")
                   for lv in e["levels"] if defined(lv)})


def none_label(jt):
    return L["assess-none"].replace("{level}", level(scale(jt)[0]))


def plain(md):
    """A level's text as a cell shows it: its paragraphs one a line (the
    seed's texts have no other Markdown)."""
    return re.sub(r"\n\s*\n", "\n", md.strip())


def list_items(ws, formula):
    """The choices of a list rule: its words ("a,b") or the values of the
    cells of its range ("$I$13:$M$13")."""
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    return [c.value for row in ws[formula.replace("$", "")] for c in row]


def validations(ws):
    """Each cell's drop-down list: {"B13": [choices]}."""
    lists = {}
    for dv in ws.data_validations.dataValidation:
        items = list_items(ws, dv.formula1)
        for rng in dv.sqref.ranges:
            for row in ws.iter_rows(min_row=rng.min_row, max_row=rng.max_row,
                                    min_col=rng.min_col, max_col=rng.max_col):
                for c in row:
                    lists[c.coordinate] = (dv.type, items)
    return lists


def check_form(tag, ws, jt, sp, roles):
    """The sheet to fill in of sp's workbook."""
    rows = expected(jt, sp)
    levels = scale(jt)
    title = L["book-title"].replace("{jobtype}", jt["name"]).replace(
        "{specialty}", sp["name"])
    ok(tag + "/title", ws["A1"].value == title)
    last = FIRST + len(rows) - 1
    ok(tag + "/skills", [ws.cell(r, 1).value for r in range(FIRST, last + 1)]
       == [name for _, name, _ in rows] and ws.cell(last + 1, 1).value is None)
    lists = validations(ws)
    choices = texts = formulas = unlocked = True
    for i, (sid, _, lv) in enumerate(rows):
        r = FIRST + i
        want = ("list", [none_label(jt)] + [level(n) for n in sorted(lv)])
        choices &= lists.get("B%d" % r) == want == lists.get("C%d" % r)
        col = 5 + len(roles)
        for k, n in enumerate(levels):
            got = ws.cell(r, col + k).value
            texts &= got == (plain(lv[n]) if n in lv else
                             L["book-undefined"])
        formulas &= str(ws.cell(r, 4).value).startswith("=IF(OR(B%d" % r)
        unlocked &= not ws.cell(r, 2).protection.locked and \
            not ws.cell(r, 3).protection.locked and \
            ws.cell(r, 1).protection.locked and \
            ws.cell(r, 4).protection.locked and ws.cell(r, 4).protection.hidden
    ok(tag + "/choices", choices)
    ok(tag + "/texts", texts)
    ok(tag + "/formulas", formulas)
    heads = [ws.cell(FIRST - 1, 5 + len(roles) + k).value
             for k in range(len(levels))]
    ok(tag + "/level-heads", heads == [level(n) for n in levels])
    targets = True
    for k, role in enumerate(roles):
        want = {t["skill"]: level(t["level"]) for t in role["targets"]}
        targets &= ws.cell(FIRST - 1, 5 + k).value == L["book-role"].replace(
            "{role}", role["name"])
        for i, (sid, _, _) in enumerate(rows):
            targets &= ws.cell(FIRST + i, 5 + k).value == want.get(
                sid, L["book-no-target"])
    ok(tag + "/roles", targets)
    fields = [ws.cell(r, 2).protection.locked for r in (4, 5, 6, 8, 9, 10)]
    ok(tag + "/protect", ws.protection.sheet and not ws.protection.password
       and unlocked and fields == [False] * 6 and ws["A1"].protection.locked
       and not ws["D8"].protection.locked)
    ok(tag + "/gap-colours", len(ws.conditional_formatting) >= 1)
    ps = ws.page_setup
    m = ws.page_margins
    ok(tag + "/print", str(ps.paperSize) == "9"
       and ps.orientation == "portrait"
       and ws.sheet_properties.pageSetUpPr.fitToPage
       and ps.fitToWidth in (None, 1) and ps.fitToHeight in (None, 1)
       and 0.4 <= m.left <= 0.8 and 0.4 <= m.top <= 1.0
       and "".join(ws.print_area).replace("'", "").endswith(
           "$A$1:$%s$%d" % (openpyxl.utils.get_column_letter(
               4 + len(roles)), last + 2))
       and "&A" in (ws.oddHeader.right.text or "")
       and "&P" in (ws.oddFooter.center.text or ""))
    return rows


def check_team(tag, ws, jt, sp, rows):
    """The team sheet of sp's workbook."""
    n = len(rows)
    names = [ws.cell(TEAM_FIRST + i, 1).value for i in range(n)]
    ok(tag + "/team-skills", names == [name for _, name, _ in rows])
    copy = "A%d:D%d" % (FIRST, FIRST + n - 1)
    paste = "A%d" % (TEAM_FIRST + n + 3)
    how = L["book-team-how"].replace("{range}", copy).replace("{cell}", paste)
    ok(tag + "/paste-doc", ws["A2"].value == how
       and ws.cell(TEAM_FIRST + n + 2, 1).value == L["book-skill"])
    heads = [ws.cell(TEAM_FIRST - 1, 3 + k).value
             for k in range(len(scale(jt)) + 1)]
    ok(tag + "/team-heads", heads == [none_label(jt)] +
       [level(k) for k in scale(jt)])
    ok(tag + "/team-formulas", all(
        str(ws.cell(TEAM_FIRST + i, c).value).startswith("=")
        for i in range(n) for c in range(2, len(heads) + 5)))
    ps = ws.page_setup
    ok(tag + "/team-print", str(ps.paperSize) == "9"
       and ps.orientation == "landscape"
       and ws.sheet_properties.pageSetUpPr.fitToPage)


def soffice(args, outdir):
    """Runs LibreOffice headless with a profile that recalculates every
    formula on load."""
    profile = os.path.join(work, "profile")
    user = os.path.join(profile, "user")
    if not os.path.exists(user):
        os.makedirs(user)
        with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
                    ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
                    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                    '<prop oor:name="OOXMLRecalcMode" oor:op="fuse">'
                    '<value>0</value></prop></item></oor:items>\n')
    os.makedirs(outdir, exist_ok=True)
    subprocess.run(["timeout", "180", "soffice", "--headless", "--norestore",
                    "-env:UserInstallation=file://" + profile, *args,
                    "--outdir", outdir], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=dict(os.environ, HOME=work))


def recalc(path, name):
    """path recalculated and saved by LibreOffice, read back with values."""
    out = os.path.join(work, "calc-" + name)
    soffice(["--convert-to", "xlsx", path], out)
    return openpyxl.load_workbook(os.path.join(out, os.path.basename(path)),
                                  data_only=True)


def fill(tag, path, jt, rows):
    """Chooses levels in two members' copies, has LibreOffice compute
    their gaps, pastes both into the team sheet and checks its sums."""
    levels = [none_label(jt)] + [level(n) for n in scale(jt)]
    members = []
    for m in range(2):
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        picks = []
        for i, (_, _, lv) in enumerate(rows):
            own = [none_label(jt)] + [level(n) for n in sorted(lv)]
            cur = own[(i + m) % len(own)]
            tgt = own[(i * 2 + 1) % len(own)] if i % 4 != 3 else None
            ws.cell(FIRST + i, 2).value = cur
            ws.cell(FIRST + i, 3).value = tgt
            gap = "" if tgt is None else levels.index(tgt) - levels.index(cur)
            picks.append((cur, tgt, gap))
        filled = os.path.join(work, "%s-member%d.xlsx" % (tag.replace("/", "-"),
                                                          m))
        wb.save(filled)
        got = recalc(filled, "%s-m%d" % (tag.replace("/", "-"), m))
        ws = got.worksheets[0]
        gaps = [ws.cell(FIRST + i, 4).value for i in range(len(rows))]
        ok(tag + "/gaps-computed-%d" % m,
           [("" if v is None else v) for v in gaps] == [p[2] for p in picks])
        members.append([[ws.cell(FIRST + i, c).value for c in range(1, 5)]
                        for i in range(len(rows))])
    wb = openpyxl.load_workbook(path)
    team = wb.worksheets[1]
    r = TEAM_FIRST + len(rows) + 3
    for member in members:
        for values in member:
            for c, v in enumerate(values):
                team.cell(r, c + 1).value = v
            r += 1
    pasted = os.path.join(work, "%s-team.xlsx" % tag.replace("/", "-"))
    wb.save(pasted)
    got = recalc(pasted, tag.replace("/", "-") + "-team").worksheets[1]
    sums = True
    for i, (_, name, _) in enumerate(rows):
        mine = [m[i] for m in members]
        row = TEAM_FIRST + i
        counts = [sum(1 for v in mine if v[1] == lab) for lab in levels]
        gaps = [v[3] for v in mine if isinstance(v[3], (int, float))]
        want = [len(mine)] + counts + [sum(1 for g in gaps if g > 0)]
        have = [got.cell(row, c).value for c in range(2, len(levels) + 4)]
        avg = got.cell(row, len(levels) + 4).value
        sums &= have == want
        if gaps:
            sums &= avg is not None and abs(avg - sum(gaps) / len(gaps)) < 1e-9
        else:
            sums &= avg in (None, "")
    ok(tag + "/team-sums", sums)


def check_pdf(tag, path, rows):
    """The workbook printed by LibreOffice: one A4 page per sheet, the
    form with its words, the level texts left out."""
    out = os.path.join(work, "pdf-" + tag.replace("/", "-"))
    soffice(["--convert-to", "pdf", path], out)
    pdf = os.path.join(out, os.path.basename(path)[:-5] + ".pdf")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9", pdf],
                          capture_output=True, text=True).stdout
    sizes = [line.split(":", 1)[1].split("pts")[0].strip()
             for line in info.splitlines() if line.startswith("Page") and
             "size" in line]
    ok(tag + "/pdf-pages", sizes == ["595.304 x 841.89", "841.89 x 595.304"])
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"],
                          capture_output=True, text=True).stdout
    flat = "".join(text.split())
    words = [L[k] for k in ("book-name", "book-unit", "book-date",
                            "book-boss", "book-seal", "book-gap")]
    ok(tag + "/pdf-words", all("".join(w.split()) in flat for w in words)
       and all("".join(name.split()) in flat for _, name, _ in rows))
    some = next(iter(rows[0][2].values()))
    ok(tag + "/pdf-no-texts", "".join(some.split())[:20] not in flat)


def sheet_names(labels):
    """The sheets' names that labels give: each of []:*?/\\ made "_"
    (labels.xml keeps them apart, and short)."""
    return [re.sub(r"[\[\]:*?/\\]", "_", label) for label in labels]


def check_site(tag, site, again, full=True):
    """Every workbook of the site against its framework.json (not full:
    without LibreOffice's print and sums)."""
    for jt in model(site):
        for sp in jt["specialties"]:
            name = sp["id"] + "-assessment.xlsx"
            path = os.path.join(site, "downloads", name)
            t = "%s/%s" % (tag, sp["id"])
            with open(path, "rb") as f, \
                    open(os.path.join(again, "downloads", name), "rb") as g:
                ok(t + "/same", f.read() == g.read())
            wb = openpyxl.load_workbook(path)
            ok(t + "/sheets", wb.sheetnames == sheet_names(
                [L["book-sheet"], L["book-team-sheet"]]))
            roles = [r for r in jt.get("roles", [])
                     if r["specialty"] == sp["id"]]
            rows = check_form(t, wb.worksheets[0], jt, sp, roles)
            check_team(t, wb.worksheets[1], jt, sp, rows)
            if not full:
                continue
            check_pdf(t, path, rows)
            if sp is jt["specialties"][0]:
                fill(t, path, jt, rows)
    books = sorted(f for f in os.listdir(os.path.join(site, "downloads"))
                   if f.endswith(".xlsx") and f != "framework.xlsx")
    ok(tag + "/set", books == sorted(sp["id"] + "-assessment.xlsx"
                                     for jt in model(site)
                                     for sp in jt["specialties"]))


def templates_with(name, labels):
    """A copy of the templates named name with the labels given
    ({name: text}); returns its folder."""
    templates = os.path.join(work, name)
    shutil.copytree("templates", templates)
    path = os.path.join(templates, "labels.xml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for label, value in labels.items():
        text, n = re.subn(r'(<label name="%s">)[^<]*(</label>)' % label,
                          lambda m: m.group(1) + value + m.group(2), text)
        assert n == 1, label
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return templates


def hostile():
    """A copy of the templates whose level label holds a comma and
    quotes, and of the seed whose first skill's name holds COUNTIFS's
    pattern characters and runs past 255 characters; returns (templates,
    content)."""
    templates = templates_with("hostile-templates", {
        "level": 'Level {n}, "grade"', "book-sheet": "自己/評価",
        "book-team-sheet": "チーム:集計?"})
    content = os.path.join(work, "hostile-content")
    shutil.copytree("content", content)
    path = os.path.join(content, "customer-service.xml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    name = "&lt;*システム保守管理?~" + "保守" * 140
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("<name>システム保守管理</name>",
                             "<name>%s</name>" % name, 1))
    return templates, content


def main():
    global L
    if shutil.which("soffice") is None:
        ok("soffice-installed (apt-get install libreoffice-calc-nogui)",
           False)
        return
    for tag, paths in (("plain", ["content"]),
                       ("tailored", ["content", "tests/tailoring/minato"])):
        site = build_site(paths, tag)
        time.sleep(1.1)
        again = build_site(paths, tag + "-again")
        check_site(tag, site, again)
    templates, content = hostile()
    L = labels(templates)
    ok("hostile/label-has-comma", "," in level(3))
    site = build_site([content], "hostile", templates)
    time.sleep(1.1)
    again = build_site([content], "hostile-again", templates)
    check_site("hostile", site, again)
    # a list of choices under 255 characters but over 255 bytes
    templates = templates_with("long-templates", {
        "level": "レベル{n}（上級技術者としての段階）"})
    L = labels(templates)
    scale_bytes = sum(len(c.encode()) + 1 for c in [none_label(
        model(site)[0])] + [level(n) for n in range(3, 7)])
    ok("long/label-bytes", scale_bytes > 258 and len(none_label(
        model(site)[0])) * 5 < 255)
    site = build_site(["content"], "long", templates)
    again = build_site(["content"], "long-again", templates)
    check_site("long", site, again, full=False)


main()
suite.finish()
