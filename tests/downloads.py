#!/usr/bin/env python3
"""downloads.py: the site's data downloads, read back with standard tools.

  python3 tests/downloads.py BINARY BUILD    (from the top of the repository)

Builds content/, tests/site/hostile (quotes, commas and line breaks in
every field) and tests/site/formulas (text a spreadsheet could run as a
formula, in every field), and checks:
  schema      downloads/framework.json validates against the JSON Schema
              the site ships beside it (python3-jsonschema)
  csv         downloads/framework.csv starts with a UTF-8 byte order mark,
              ends its records with CRLF, and Python's csv module reads
              one row per specialty x skill x level, ten fields each
  guarded     a field that begins, after any ' and spaces, with = + - @,
              ＝ ＋ － ＠, tab, CR or LF (a formula to Excel or LibreOffice)
              has a ' before it
  same-text   every row's description, names and knowledge items are the
              JSON's, verbatim once that one ' is taken off, and every
              description of the JSON is in a row; an undefined level has
              an empty description
  linked      the home page links to all three files
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys

import jsonschema

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

binary, build = sys.argv[1], sys.argv[2]
shutil.rmtree(os.path.join(build, "downloads-tests"), ignore_errors=True)
os.makedirs(os.path.join(build, "downloads-tests"))
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


def check(content, label):
    """Builds content into its own site and checks its downloads."""
    site = os.path.join(build, "downloads-tests", label)
    subprocess.run([binary, "build", "-t", "templates", "-o", site, content],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
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

    raw = open(os.path.join(site, "downloads/framework.csv"), "rb").read()
    ok(label + "/csv-bom", raw.startswith(b"\xef\xbb\xbf"))
    ok(label + "/csv-crlf", raw.endswith(b"\r\n"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    ok(label + "/guarded", not any(needs_guard(f) and not f.startswith("'")
                                   for r in rows for f in r))
    rows = [[unguard(f) for f in r] for r in rows]
    header, rows = rows[0], rows[1:]
    ok(label + "/csv-header", header[0] == "職種ID" and len(header) == 10)
    ok(label + "/csv-fields", all(len(r) == 10 for r in rows))

    expected = {}
    for jt in data["jobtypes"]:
        skills = {k["id"]: k for k in jt["skills"]}
        for sp in jt["specialties"]:
            for e in sp["entries"]:
                k = skills[e["skill"]]
                for lv in e["levels"]:
                    expected[(jt["id"], sp["id"], k["id"], str(lv["level"]))] = [
                        jt["id"], jt["name"], sp["id"], sp["name"], k["id"],
                        k["name"], k["scope"], str(lv["level"]),
                        lv["description"] or "", "\n".join(k["knowledge"])]
    got = {(r[0], r[2], r[4], r[7]): r for r in rows}
    ok(label + "/csv-rows", len(rows) == len(expected) == len(got))
    ok(label + "/same-text", got == expected)
    ok(label + "/descriptions", sum(1 for v in expected.values() if v[8]) ==
       sum(1 for r in rows if r[8]) > 0)

    home = open(os.path.join(site, "index.html"), encoding="utf-8").read()
    ok(label + "/linked", all('href="downloads/framework.%s"' % x in home
                     for x in ("json", "schema.json", "csv")))



check("content", "seed")
check("tests/site/hostile", "hostile")	# quotes, commas, line breaks
check("tests/site/formulas", "formulas")	# = + - @ and ＝ ＋ － ＠ first

suite.finish()
