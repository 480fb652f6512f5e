#!/usr/bin/env python3
"""lint.py: the house rules of generator/*.c that a compiler does not see.

  python3 tests/lint.py [FILE.c...]   (from the top of the repository;
                                       default generator/*.c)

One case per file and rule:
  length    no function longer than 50 lines, from the line of its
            opening "{" to the line of its closing "}" (both in column
            0, as the house style writes them)
  japanese  no string or character literal holding Japanese text
            (kana, kanji, CJK punctuation, full-width forms): the words
            of the pages belong in the templates folder
  sprintf   no bare sprintf or vsprintf: arena_printf, xasprintf,
            xpath_join or snprintf into a buffer of known size
Every breach is printed as FILE:LINE: what, e.g.

  generator/site_pages.c:412: function S_home is 57 lines (over 50)
"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from suite import Suite  # noqa: E402

FUNCTION_MAX = 50
JAPANESE = re.compile("[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff"
                      "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                      "\uff00-\uffef]")
SPRINTF = re.compile(r"\b(v?sprintf)\s*\(")

files = sys.argv[1:] or sorted(glob.glob("generator/*.c"))
suite = Suite("lint", "generator/")


def split_code(text):
    """Returns (code, literals) for C source text: code with comments
    and the insides of literals blanked (line breaks kept), and the
    literals as (line, text) pairs."""
    code, literals, i, line, n = [], [], 0, 1, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            chunk = text[i:end]
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            chunk = text[i:end]
        elif c in "\"'":
            end = i + 1
            while end < n and text[end] != c and text[end] != "\n":
                end += 2 if text[end] == "\\" else 1
            end = min(end + 1, n)
            literals.append((line, text[i:end]))
            chunk = text[i:end]
        else:
            code.append(c)
            line += c == "\n"
            i += 1
            continue
        code.append(c if c in "\"'" else " ")
        code.append(re.sub(r"[^\n]", " ", chunk[1:]))
        line += chunk.count("\n")
        i = end
    return "".join(code), literals


def function_name(lines, brace):
    """Returns the name of the function whose body opens at line index
    brace: the identifier before the first "(" of its declarator."""
    for k in range(brace - 1, max(brace - 8, -1), -1):
        m = re.match(r"([A-Za-z_]\w*)\s*\(", lines[k])
        if m:
            return m.group(1)
    return "?"


def check_lengths(path, code):
    """Prints each function of code over FUNCTION_MAX lines; returns
    how many."""
    lines, bad, start = code.split("\n"), 0, None
    for k, text in enumerate(lines):
        if text.rstrip() == "{":
            start = k
        elif text.rstrip() == "}" and start is not None:
            n = k - start + 1
            if n > FUNCTION_MAX:
                print("%s:%d: function %s is %d lines (over %d)"
                      % (path, start + 1, function_name(lines, start), n,
                         FUNCTION_MAX))
                bad += 1
            start = None
    return bad


def check_japanese(path, literals):
    """Prints each literal holding Japanese text; returns how many."""
    bad = 0
    for line, lit in literals:
        if JAPANESE.search(lit):
            print("%s:%d: Japanese text in a literal: %s" % (path, line, lit))
            bad += 1
    return bad


def check_sprintf(path, code):
    """Prints each call of sprintf or vsprintf; returns how many."""
    bad = 0
    for k, text in enumerate(code.split("\n")):
        for m in SPRINTF.finditer(text):
            print("%s:%d: bare %s" % (path, k + 1, m.group(1)))
            bad += 1
    return bad


for path in files:
    with open(path, encoding="utf-8") as f:
        code, literals = split_code(f.read())
    suite.ok("length/" + path, check_lengths(path, code) == 0)
    suite.ok("japanese/" + path, check_japanese(path, literals) == 0)
    suite.ok("sprintf/" + path, check_sprintf(path, code) == 0)
suite.finish()
