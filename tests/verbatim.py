#!/usr/bin/env python3
"""verbatim.py: a tailored site keeps every word of the standard.

Usage: tests/verbatim.py BINARY BUILD [TAILORING...]
       (from the top of the repository; default tests/tailoring/minato)

Builds content/ alone (the standard) and content/ with the tailorings,
then, for every skill page of the standard site (JOBTYPE/SPECIALTY/skills/
SKILL.html), reads from its markup what the standard says there: the
skill's name, its knowledge items, each level's description.  On the
tailored site the same page must hold each of them, word for word (as
text, whatever the markup around it), unless a tailoring hides it: then
the text must be gone from that page (the page itself gone for a hidden
skill).  The same holds for each specialty's handbook, which carries
every level text of its skills.  What is hidden is read from the
tailorings' <hide> elements.  Ends with the line tests/run-all counts."""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

from suite import Suite


class Text(html.parser.HTMLParser):
    """The text of a page's <main>, white space collapsed, and the texts
    of the elements whose class (or id) the caller asks for."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside <main>: its depth
        self.out = []
        self.stack = []         # (tag, class, id) of open elements
        self.grab = []          # [key, depth, [texts]] being read
        self.found = []         # (key, text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self.depth = 1
        elif self.depth:
            self.depth += tag not in VOID
        if tag in VOID:
            return
        self.stack.append((tag, a.get("class", ""), a.get("id", "")))
        key = self.key(tag, a)
        if key is not None:
            self.grab.append([key, len(self.stack), []])

    def key(self, tag, a):
        """What an element of the standard's skill page holds, or None."""
        cls = a.get("class", "").split()
        if tag == "h1":
            return ("name",)
        if tag == "div" and "prose" in cls and self.level() is not None:
            return ("level", self.level())
        if tag == "li" and self.in_class("knowledge"):
            return ("knowledge",)
        return None

    def level(self):
        for tag, cls, ident in reversed(self.stack):
            if tag == "section" and "level" in cls.split() and \
                    ident.startswith("level-"):
                return int(ident[len("level-"):])
        return None

    def in_class(self, name):
        return any(name in cls.split() for _, cls, _ in self.stack)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.grab and self.grab[-1][1] == len(self.stack):
            key, _, texts = self.grab.pop()
            self.found.append((key, squash("".join(texts))))
        if self.stack:
            self.stack.pop()
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.out.append(data)
        for g in self.grab:
            g[2].append(data)

    def text(self):
        return squash(" ".join(self.out))


VOID = {"br", "img", "input", "meta", "link", "hr", "wbr"}


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def read(path):
    p = Text()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def hides(paths):
    """The hides of the tailoring files under paths: (skill, specialty or
    None, level or None)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += [os.path.join(p, n) for n in sorted(os.listdir(p))
                      if n.endswith(".xml")]
        else:
            files.append(p)
    out = []
    for f in files:
        root = ET.parse(f).getroot()
        for h in root.iter("hide"):
            level = h.get("level")
            out.append((h.get("skill"), h.get("specialty"),
                        int(level) if level else None))
    return out


def hidden(hs, skill, specialty, level=None):
    """Whether a hide in hs covers skill in specialty (at level)."""
    return any(k == skill and sp in (None, specialty) and
               (lv is None or lv == level) for k, sp, lv in hs)


def build(binary, out, paths):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    r = subprocess.run([binary, "build", "-o", out, "content"] + paths,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       encoding="utf-8")
    if r.returncode != 0:
        sys.exit("verbatim.py: build failed:\n" + r.stderr)


def check_skill_page(s, plain, tailored, rel, hs):
    """Checks one skill page of the standard against the tailored
    site."""
    jt, sp, _, name = rel.split("/")
    skill = name[:-len(".html")]
    page = read(os.path.join(plain, rel))
    there = os.path.join(tailored, rel)
    if hidden(hs, skill, sp):
        s.ok("hidden-page/" + rel, not os.path.exists(there))
        return 0
    s.ok("page/" + rel, os.path.exists(there))
    if not os.path.exists(there):
        return 0
    text = read(there).text()
    n = 0
    for key, words in page.found:
        if not words:
            continue
        n += 1
        if key[0] == "level" and hidden(hs, skill, sp, key[1]):
            s.ok("hidden/%s/level-%d" % (rel, key[1]), words not in text)
        else:
            s.ok("verbatim/%s/%s" % (rel, "-".join(map(str, key))),
                 words in text)
    return n


def check_handbook(s, plain, tailored, jt, sp, hs, texts):
    """Each level text of sp's skills is in the tailored handbook of sp
    unless hidden (texts: (skill, level, words) of the standard)."""
    path = os.path.join(tailored, "handbooks", sp + ".html")
    if not os.path.exists(path):
        return
    text = read(path).text()
    for skill, level, words in texts:
        if hidden(hs, skill, sp, level):
            continue
        s.ok("handbook/%s/%s/level-%d" % (sp, skill, level), words in text)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: tests/verbatim.py BINARY BUILD [TAILORING...]")
    binary, work = sys.argv[1], os.path.join(sys.argv[2], "verbatim")
    paths = sys.argv[3:] or ["tests/tailoring/minato"]
    s = Suite("verbatim", os.path.basename(binary))
    plain, tailored = os.path.join(work, "plain"), os.path.join(work, "tailored")
    build(binary, plain, [])
    build(binary, tailored, paths)
    hs = hides(paths)
    checked = 0
    per_sp = {}
    for root, _, names in sorted(os.walk(plain)):
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(root, name), plain)
            parts = rel.split("/")
            if len(parts) != 4 or parts[2] != "skills":
                continue
            checked += check_skill_page(s, plain, tailored, rel, hs)
            page = read(os.path.join(plain, rel))
            per_sp.setdefault((parts[0], parts[1]), []).extend(
                (parts[3][:-5], k[1], w) for k, w in page.found
                if k[0] == "level" and w)
    for (jt, sp), texts in sorted(per_sp.items()):
        check_handbook(s, plain, tailored, jt, sp, hs, texts)
    s.ok("texts-found", checked > 100)
    s.finish()


if __name__ == "__main__":
    main()
