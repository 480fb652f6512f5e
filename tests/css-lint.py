#!/usr/bin/env python3
"""css-lint.py: the structure of the templates' style sheets.

  python3 tests/css-lint.py [FILE.css...]   (from the top of the
                                            repository; default
                                            templates/*.css)

CSS closes at the end of the file every block left open, so a "}"
missing after "@media print { ... " silently puts every later rule
into print only: no browser or validator complains.  Comments and
strings are skipped; one case per file and rule:
  balance   every "}" closes a "{", and none is left open at the end
  sections  each section comment ("/* ---- NAME ---- */") stands
            outside every block, so a section never begins inside the
            one before it
Every breach is printed as FILE:LINE: what.  Before that, the self-test:
each tests/lint/bad-*.css must draw exactly the findings its lines mark
with a comment "expect: RULE", each good-*.css none.
"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402
from lint import expected  # noqa: E402  (the fixtures' "expect: RULE")

SECTION = "/* ----"


def scan(text):
    """Returns (rule, line, message) for each breach in style sheet
    text."""
    found, opened, i, line, n = [], [], 0, 1, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            if text.startswith(SECTION, i) and opened:
                found.append(("sections", line, "a section begins inside "
                              "the block opened on line %d" % opened[-1]))
            line += text.count("\n", i, end)
            i = end
            continue
        if c in "\"'":
            m = re.compile(r"%s(?:\\.|[^%s\\\n])*%s?" % (c, c, c),
                           re.S).match(text, i)
            line += m.group(0).count("\n")
            i = m.end()
            continue
        if c == "{":
            opened.append(line)
        elif c == "}" and opened:
            opened.pop()
        elif c == "}":
            found.append(("balance", line, "\"}\" closes no block"))
        line += c == "\n"
        i += 1
    found += [("balance", k, "block left open at the end of the file")
              for k in opened]
    return found


def lint(path):
    """Returns the breaches of the style sheet at path."""
    with open(path, encoding="utf-8") as f:
        return scan(f.read())


def self_test(suite):
    """A case per fixture of tests/lint/*.css: passed when it draws
    exactly the findings it marks."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lint")
    fixtures = sorted(glob.glob(os.path.join(here, "*.css")))
    suite.ok("self-test/fixtures", len(fixtures) >= 2)
    for path in fixtures:
        name = os.path.basename(path)
        got = {(line, rule) for rule, line, _ in lint(path)}
        want = expected(path)
        good = name.startswith("good-") and not want
        bad = name.startswith("bad-") and want
        if got != want:
            print("self-test %s: expected %s, found %s"
                  % (name, sorted(want), sorted(got)))
        suite.ok("self-test/" + name, (good or bad) and got == want)


def main():
    """Lints the files named on the command line or templates/*.css."""
    files = sys.argv[1:] or sorted(glob.glob("templates/*.css"))
    suite = Suite("css-lint", "templates/")
    self_test(suite)
    suite.ok("files", bool(files))
    for path in files:
        found = lint(path)
        for rule, line, message in found:
            print("%s:%d: %s" % (path, line, message))
        for rule in ("balance", "sections"):
            suite.ok(rule + "/" + path, not [f for f in found
                                             if f[0] == rule])
    suite.finish()


if __name__ == "__main__":
    main()
