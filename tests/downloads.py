#!/usr/bin/env python3
"""downloads.py: the site's data downloads, read back with standard tools.

  python3 tests/downloads.py BINARY BUILD    (from the top of the repository)

Builds content/, tests/site/hostile (quotes, commas and line breaks in
every field), tests/site/formulas (text a spreadsheet could run as a
formula, in every field), content/ with the example tailoring
tests/tailoring/minato and tests/site/formulas with
tests/site/formulas-tailoring (formulas in every company text), and
checks:
  schema      downloads/framework.json validates against the JSON Schema
              the site ships beside it (python3-jsonschema)
  csv         downloads/framework.csv (and downloads/roles.csv, which
              only a site with roles has) starts with a UTF-8 byte order
              mark, ends its records with CRLF, and Python's csv module
              reads a header and rows as wide as it
  guarded     a field that begins, after any ' and spaces, with = + - @,
              ＝ ＋ － ＠, tab, CR or LF (a formula to Excel or LibreOffice)
              has a ' before it
  same-text   the CSV is the JSON, verbatim once that one ' is taken off,
              row for row in order: per specialty x skill x level the job
              type defines and no tailoring hides, its level row (an
              undefined level has an empty description), then a row for
              its company meaning, evidence and each learning resource;
              after a skill's levels a row per knowledge item a tailoring
              added; each with the source of its text and of the skill
              and its name; the roles' CSV a row per role x target
  linked      the home page links to the JSON, its schema and the CSV
and of a tailored build, against the plain build of the same content
and the tailoring files themselves (read with ElementTree):
  standard    every skill, knowledge item, entry and level text of the
              standard is in the JSON verbatim with source "standard";
              each one a tailoring hides has its hiddenBy, the others
              none and a row in the CSV
  company     every company skill, name, knowledge item, level text,
              learning resource, hide and role of the tailoring files is
              in the JSON (and the CSV) with its tailoring as its source
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

binary, build_dir = sys.argv[1], sys.argv[2]
shutil.rmtree(os.path.join(build_dir, "downloads-tests"), ignore_errors=True)
os.makedirs(os.path.join(build_dir, "downloads-tests"))
suite = Suite("downloads", binary)
ok = suite.ok


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n",
                  "\uff1d", "\uff0b", "\uff0d", "\uff20")	# ＝ ＋ － ＠


def needs_guard(text):
    """Whether a spreadsheet could take the field text for a formula, or
    the text starts with ' before such a start (export_csv_needs_guard)."""
    return text.lstrip("' ").startswith(FORMULA_STARTS)


def unguard(field):
    """The text of a CSV field: the ' skillsite puts before a field that
    needs_guard() taken off, and nothing else."""
    if field.startswith("'") and needs_guard(field[1:]):
        return field[1:]
    return field


def read_csv(path, label, name):
    """The rows of the CSV at path, each field's guard taken off, after
    checking its byte order mark, CRLF ends, guards and widths."""
    raw = open(path, "rb").read()
    ok(label + "/" + name + "-bom", raw.startswith(b"\xef\xbb\xbf"))
    ok(label + "/" + name + "-crlf", raw.endswith(b"\r\n"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    ok(label + "/" + name + "-guarded",
       not any(needs_guard(f) and not f.startswith("'")
               for r in rows for f in r))
    ok(label + "/" + name + "-fields",
       len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows))
    return [[unguard(f) for f in r] for r in rows]


def defined_levels(jt):
    """The levels the company's pages of job type jt show: those a shown
    level of a shown entry describes."""
    return {lv["level"] for sp in jt["specialties"] for e in sp["entries"]
            if not e["hiddenBy"] for lv in e["levels"]
            if lv["description"] is not None and not lv["hiddenBy"]}


def entry_rows(jt, sp, e, k, levels):
    """The CSV rows of entry e (skill k) of specialty sp, as the JSON
    has them."""
    def row(level, text, kind, source, res=("", "", "")):
        return [jt["id"], jt["name"], sp["id"], sp["name"], k["id"],
                k["name"], k["scope"], level, text or "",
                "\n".join(k["knowledge"]), kind, source, k["source"],
                k["standardName"] or "", k["renamedBy"] or k["source"],
                *res]
    rows = []
    for lv in e["levels"]:
        if lv["level"] not in levels or lv["hiddenBy"]:
            continue
        n = str(lv["level"])
        rows.append(row(n, lv["description"], "level", e["source"]))
        c = lv["company"]
        for kind in ("meaning", "evidence"):
            if c is not None and c[kind] is not None:
                rows.append(row(n, c[kind], kind, c["source"]))
        for r in lv["resources"]:
            rows.append(row(n, r["title"], "resource", r["source"],
                            (r["kind"], r["hours"] or "", r["href"] or "")))
    for a in k["addedKnowledge"]:
        rows.append(row("", a["text"], "knowledge", a["source"]))
    return rows


def expected_rows(data):
    """The rows of framework.csv and of roles.csv, from the JSON."""
    rows, roles = [], []
    for jt in data["jobtypes"]:
        skills = {k["id"]: k for k in jt["skills"]}
        levels = defined_levels(jt)
        for sp in jt["specialties"]:
            for e in sp["entries"]:
                if not e["hiddenBy"]:
                    rows += entry_rows(jt, sp, e, skills[e["skill"]], levels)
        names = {sp["id"]: sp["name"] for sp in jt["specialties"]}
        for r in jt["roles"]:
            for t in r["targets"]:
                roles.append([jt["id"], jt["name"], r["specialty"],
                              names[r["specialty"]], r["id"], r["name"],
                              r["description"] or "", t["skill"],
                              skills[t["skill"]]["name"], str(t["level"]),
                              r["source"]])
    return rows, roles


def build(paths, label):
    """Builds paths into a site of its own; returns its folder."""
    site = os.path.join(build_dir, "downloads-tests", label)
    subprocess.run([binary, "build", "-t", "templates", "-o", site, *paths],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return site


def check(paths, label):
    """Builds paths into their own site and checks its downloads; returns
    the JSON and the rows of both CSVs."""
    site = build(paths, label)
    with open(os.path.join(site, "downloads/framework.json"), encoding="utf-8") as f:
        data = json.load(f)
    with open(os.path.join(site, "downloads/framework.schema.json"),
              encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(data)
        ok(label + "/schema", True)
    except jsonschema.exceptions.ValidationError as e:
        print(e)
        ok(label + "/schema", False)

    rows = read_csv(os.path.join(site, "downloads/framework.csv"), label, "csv")
    header, rows = rows[0], rows[1:]
    ok(label + "/csv-header", header[0] == "職種ID" and len(header) == 18)
    want, want_roles = expected_rows(data)
    ok(label + "/same-text", rows == want)
    ok(label + "/descriptions", sum(1 for r in rows if r[8]) > 0)
    roles_path = os.path.join(site, "downloads/roles.csv")
    ok(label + "/roles-csv-exists", os.path.exists(roles_path) == bool(want_roles))
    roles = []
    if want_roles:
        roles = read_csv(roles_path, label, "roles-csv")
        ok(label + "/roles-header",
           roles[0][0] == "職種ID" and len(roles[0]) == 11)
        roles = roles[1:]
        ok(label + "/roles-same-text", roles == want_roles)

    home = open(os.path.join(site, "index.html"), encoding="utf-8").read()
    ok(label + "/linked", all('href="downloads/framework.%s"' % x in home
                     for x in ("json", "schema.json", "csv")))
    return data, rows, roles


def lines(text):
    """Markdown text as lines without their indentation: how the loader
    keeps a tailoring file's text, compared without its indentation."""
    return [x.strip() for x in (text or "").strip().splitlines()]


def check_standard(plain, tailored, rows, label):
    """Every text of the plain build's JSON is in the tailored one,
    verbatim with source standard; what is not hidden has its CSV rows."""
    have = {(r[2], r[4], r[7], r[10], r[8]) for r in rows}
    for pjt, tjt in zip(plain["jobtypes"], tailored["jobtypes"]):
        tsk = {k["id"]: k for k in tjt["skills"]}
        for k in pjt["skills"]:
            t = tsk.get(k["id"])
            ok("%s/standard-skill/%s" % (label, k["id"]), t is not None and
               t["source"] == "standard" and t["knowledge"] == k["knowledge"]
               and (t["standardName"] or t["name"]) == k["name"])
        for psp, tsp in zip(pjt["specialties"], tjt["specialties"]):
            tent = {e["skill"]: e for e in tsp["entries"]
                    if e["source"] == "standard"}
            for e in psp["entries"]:
                t = tent.get(e["skill"])
                same = t is not None and [
                    (lv["level"], lv["description"]) for lv in e["levels"]
                    ] == [(lv["level"], lv["description"]) for lv in
                          t["levels"] if lv["level"] in
                          {x["level"] for x in e["levels"]}]
                ok("%s/standard-entry/%s/%s" % (label, psp["id"], e["skill"]),
                   same)
                for lv in t["levels"] if t else []:
                    if lv["description"] is None:
                        continue
                    shown = (psp["id"], e["skill"], str(lv["level"]), "level",
                             lv["description"]) in have
                    ok("%s/standard-row/%s/%s/%d" % (label, psp["id"],
                       e["skill"], lv["level"]), shown != bool(lv["hiddenBy"]))


def tailoring_ops(paths):
    """The tailoring files under paths, parsed: (id, root) in load order."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p)
                            if f.endswith(".xml"))
        else:
            files.append(p)
    out = []
    for f in files:
        root = ET.parse(f).getroot()
        if root.tag == "tailoring":
            out.append((root.get("id"), root))
    return out


def where(jt, op):
    """The shown entries (specialty, entry) an operation applies to."""
    sp_id = op.get("specialty")
    skill = op.get("skill")
    return [(sp, e) for sp in jt["specialties"] for e in sp["entries"]
            if e["skill"] == skill and not e["hiddenBy"]
            and (sp_id is None or sp["id"] == sp_id)]


def level_of(e, n):
    """Level n of entry e in the JSON, or None."""
    return next((lv for lv in e["levels"] if lv["level"] == n), None)


def check_company(data, rows, roles, paths, label):
    """Every operation of the tailoring files under paths is in the JSON
    with its tailoring as source, and in the CSVs."""
    jt = data["jobtypes"][0]
    skills = {k["id"]: k for k in jt["skills"]}
    have = {(r[2], r[4], r[7], r[10], r[11], tuple(lines(r[8]))) for r in rows}
    role_rows = {(r[4], r[7], r[9], r[10]) for r in roles}
    for tid, root in tailoring_ops(paths):
        found = [t for t in jt["tailorings"] if t["id"] == tid]
        ok("%s/%s/listed" % (label, tid), len(found) == 1 and
           found[0]["name"] == root.findtext("name") and
           lines(found[0]["summary"]) == lines(root.findtext("summary")) and
           found[0]["base"] == root.get("base"))
        for op in root:
            if op.tag in ("name", "summary", "editorial-note"):
                continue
            name = "%s/%s/%s-%s" % (label, tid, op.tag, op.get("skill") or
                                    op.get("id"))
            ok(name, check_op(jt, skills, have, role_rows, tid, op))


def check_op(jt, skills, have, role_rows, tid, op):
    """Whether tailoring tid's operation op shows in the JSON (jt, its
    skills) and the CSV rows (have, role_rows) with source tid."""
    n = int(op.get("value") or op.get("level") or 0)
    if op.tag == "hide":
        return check_hide(jt, skills, have, tid, op, n)
    if op.tag == "rename":
        k = skills[op.get("skill")]
        return (k["name"] == op.findtext("name") and k["renamedBy"] == tid
                and k["standardName"] and all(
                    r_name_ok(have, sp["id"], k["id"]) for sp, _ in
                    where(jt, op)))
    if op.tag == "skill":
        k = skills.get(op.get("id"))
        es = where(jt, {"skill": op.get("id"),
                        "specialty": op.get("specialty")})
        return (k is not None and k["source"] == tid and k["knowledge"] ==
                [i.text for i in op.iter("item")] and len(es) > 0 and all(
                    e["source"] == tid and all(lines(level_of(
                        e, int(lv.get("value")))["description"]) ==
                        lines(lv.text) for lv in op.findall("level"))
                    for _, e in es))
    if op.tag == "knowledge":
        k = skills[op.get("skill")]
        return all({"text": i.text, "source": tid} in k["addedKnowledge"]
                   and all((sp["id"], k["id"], "", "knowledge", tid,
                            (i.text,)) in have for sp, _ in where(jt, op))
                   for i in op.iter("item"))
    if op.tag == "level":
        return check_text(jt, have, tid, op, n)
    if op.tag == "resource":
        return check_resource(jt, have, tid, op, n)
    if op.tag == "role":
        return check_role(jt, role_rows, tid, op)
    return False


def r_name_ok(have, sp, skill):
    """Whether the CSV has rows of skill in specialty sp."""
    return any(h[0] == sp and h[1] == skill for h in have)


def check_hide(jt, skills, have, tid, op, n):
    """A hide: what it hides has hiddenBy tid in the JSON, no CSV row."""
    sp_id, skill = op.get("specialty"), op.get("skill")
    es = [(sp, e) for sp in jt["specialties"] for e in sp["entries"]
          if e["skill"] == skill and (sp_id is None or sp["id"] == sp_id)]
    if n == 0:
        hidden = [e for _, e in es if e["hiddenBy"] == tid]
        gone = not any(h[0] == sp["id"] and h[1] == skill
                       for sp, e in es for h in have)
        whole = sp_id is not None or skills[skill]["hiddenBy"] == tid
        return len(hidden) == len(es) > 0 and gone and whole and all(
            lv["hiddenBy"] == tid for e in hidden for lv in e["levels"])
    hit = [(sp, level_of(e, n)) for sp, e in es
           if level_of(e, n) and level_of(e, n)["hiddenBy"] == tid]
    return len(hit) > 0 and all(
        lv["description"] and not any(
            h[:3] == (sp["id"], skill, str(n)) for h in have)
        for sp, lv in hit)


def check_text(jt, have, tid, op, n):
    """A level's company text: in the JSON and the CSV with source tid."""
    es = [(sp, level_of(e, n)) for sp, e in where(jt, op)]
    es = [(sp, lv) for sp, lv in es if lv and lv["description"]
          and not lv["hiddenBy"]]
    want = {kind: op.findtext(kind) for kind in ("meaning", "evidence")}
    return len(es) > 0 and all(
        lv["company"] is not None and lv["company"]["source"] == tid and
        all(lines(lv["company"][kind]) == lines(text) and (
            text is None or (sp["id"], op.get("skill"), str(n), kind, tid,
                             tuple(lines(text))) in have)
            for kind, text in want.items())
        for sp, lv in es)


def check_resource(jt, have, tid, op, n):
    """A learning resource: in the JSON and the CSV with source tid."""
    want = {"title": op.findtext("title"), "kind": op.get("kind"),
            "href": op.get("href"), "hours": op.get("hours"), "source": tid}
    es = [(sp, level_of(e, n)) for sp, e in where(jt, op)]
    es = [(sp, lv) for sp, lv in es if lv and lv["description"]
          and not lv["hiddenBy"]]
    return len(es) > 0 and all(
        want in lv["resources"] and (sp["id"], op.get("skill"), str(n),
                                     "resource", tid, (want["title"],)) in have
        for sp, lv in es)


def check_role(jt, role_rows, tid, op):
    """A role: in the JSON and the roles' CSV with source tid."""
    r = next((r for r in jt["roles"] if r["id"] == op.get("id")), None)
    targets = [{"skill": t.get("skill"), "level": int(t.get("level"))}
               for t in op.findall("target")]
    return (r is not None and r["source"] == tid and r["name"] ==
            op.findtext("name") and r["specialty"] == op.get("specialty") and
            lines(r["description"]) == lines(op.findtext("description")) and
            r["targets"] == targets and all(
                (r["id"], t["skill"], str(t["level"]), tid) in role_rows
                for t in targets))


def check_tailored(content, tailoring, label):
    """Builds content plain and with tailoring, and checks both."""
    plain, _, _ = check([content], label + "-plain")
    data, rows, roles = check([content, tailoring], label)
    ok(label + "/has-roles", len(roles) > 0)
    check_standard(plain, data, rows, label)
    check_company(data, rows, roles, [tailoring], label)


check(["content"], "seed")
check(["tests/site/hostile"], "hostile")	# quotes, commas, line breaks
check(["tests/site/formulas"], "formulas")	# = + - @ and ＝ ＋ － ＠ first
check_tailored("content", "tests/tailoring/minato", "minato")
check_tailored("tests/site/formulas", "tests/site/formulas-tailoring",
               "formulas-tailored")

suite.finish()
