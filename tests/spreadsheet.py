#!/usr/bin/env python3
"""spreadsheet.py: the CSV downloads opened in a real spreadsheet.

  python3 tests/spreadsheet.py BINARY BUILD    (from the top of the repository)

Builds tests/site/formulas (text that a spreadsheet could run as a formula
in every field that reaches the CSV), and it again with
tests/site/formulas-tailoring (formulas in every company text, resource
and role), opens downloads/framework.csv of both and downloads/roles.csv
of the second in LibreOffice Calc
headless (soffice from the Debian package libreoffice-calc-nogui), as
Excel does: UTF-8, formulas evaluated, in an English and a Japanese
locale, saves it as ODS and reads the cells back:
  no-formula  no cell holds a formula (no computed result, no live
              HYPERLINK)
  shows-text  every cell shows the CSV's text as written (with its ')
  rows        as many rows as the CSV
and, as a control that the check can fail, the same CSV with the ' taken
off opens with formulas in it.  Each soffice run is bounded by timeout.
"""
import csv
import io
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

binary, build = sys.argv[1], sys.argv[2]
work = os.path.abspath(os.path.join(build, "spreadsheet-tests"))
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

suite = Suite("spreadsheet", binary)
ok = suite.ok

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# The CSV import filter's options: comma, double quote, UTF-8 (76), from
# line 1, standard columns, the locale, quoted fields not forced to text,
# special numbers detected, ..., formulas evaluated (as Excel does).
FILTER = "CSV Text - txt - csv (StarCalc):44,34,76,1,,%d,false,true,false,false,false,-1,true"
LOCALES = {"en-US": 1033, "ja-JP": 1041}


def open_in_calc(csv_path, locale, label):
    """The cells of csv_path as Calc shows them: rows of (formula, text)."""
    out = os.path.join(work, label)
    os.makedirs(out)
    env = dict(os.environ, HOME=work)
    subprocess.run(["timeout", "120", "soffice", "--headless", "--norestore",
                    "-env:UserInstallation=file://" + work + "/profile",
                    "--infilter=" + FILTER % LOCALES[locale],
                    "--convert-to", "ods", "--outdir", out, csv_path],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env)
    ods = os.path.splitext(os.path.basename(csv_path))[0] + ".ods"
    with zipfile.ZipFile(os.path.join(out, ods)) as z:
        root = ET.fromstring(z.read("content.xml"))
    rows = []
    for row in root.iter(TABLE + "table-row"):
        cells = []
        for c in row.findall(TABLE + "table-cell"):
            repeat = int(c.get(TABLE + "number-columns-repeated", "1"))
            shown = "\n".join("".join(p.itertext())
                              for p in c.findall(TEXT + "p"))
            cells += [(c.get(TABLE + "formula"), shown)] * repeat
        while cells and cells[-1] == (None, ""):
            cells.pop()
        rows.append(cells)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def check_in_calc(path, label):
    """Opens the CSV at path in Calc in each locale and checks its cells;
    returns its bytes."""
    raw = open(path, "rb").read()
    fields = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"),
                                         newline="")))
    for r in fields:	# Calc keeps no empty cells at a row's end
        while r and r[-1] == "":
            r.pop()
    for locale in LOCALES:
        rows = open_in_calc(path, locale, label + "-" + locale)
        ok(label + "/" + locale + "/rows", len(rows) == len(fields))
        ok(label + "/" + locale + "/no-formula",
           all(f is None for r in rows for f, _ in r))
        ok(label + "/" + locale + "/shows-text",
           [[t for _, t in r] for r in rows] == fields)
    return raw


def build(paths, name):
    """Builds paths into the site work/name; returns its downloads."""
    site = os.path.join(work, name)
    subprocess.run([binary, "build", "-t", "templates", "-o", site, *paths],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return os.path.join(site, "downloads")


def main():
    if shutil.which("soffice") is None:
        ok("soffice-installed (apt-get install libreoffice-calc-nogui)",
           False)
        return
    plain = build(["tests/site/formulas"], "site")
    raw = check_in_calc(os.path.join(plain, "framework.csv"), "guarded")
    tailored = build(["tests/site/formulas", "tests/site/formulas-tailoring"],
                     "tailored")
    check_in_calc(os.path.join(tailored, "framework.csv"), "tailored")
    check_in_calc(os.path.join(tailored, "roles.csv"), "roles")
    # The control: the same file with the guards taken off runs formulas.
    bare = os.path.join(work, "framework.csv")
    with open(bare, "wb") as f:
        f.write(raw.replace(b'"\'', b'"'))
    rows = open_in_calc(bare, "en-US", "control")
    ok("control-has-formulas",
       sum(1 for r in rows for f, _ in r if f is not None) > 0)


main()
suite.finish()
