#!/usr/bin/env python3
"""edits.py: one sequence of random edits to a copy of the synthetic
framework (tests/bench/synth) and its templates, for scale.sh's
incremental builds.

Usage: tests/edits.py SEQ CONTENT_DIR TEMPLATES_DIR STATE_DIR [KIND]
       tests/edits.py --kinds

Sequence SEQ (1, 2, ...) applies 1 to 3 edits drawn by a PRNG seeded with
SEQ, so the same sequences give the same files.  Its first edit is kind
number SEQ - 1 of KINDS (round robin, so that 50 sequences make every
kind at least once); the others are valid kinds drawn at random.  An
INVALID kind (content or templates that a build must refuse) is always
the last edit of its sequence, and the next sequence first puts the files
it broke back.  STATE_DIR keeps what the sequences share: the versions of
every file seen (for "revert"), the files to fix and the counters that
keep new IDs and names fresh.

Prints one line per edit, "edit KIND: what", then "expect valid" or
"expect invalid".  --kinds prints every kind, one a line."""
import json
import os
import random
import re
import shutil
import sys

# Valid kinds, in the order sequences take them first; the invalid kinds
# are spread among them so that two never follow each other.
VALID = [
    "level-text", "common-level-text", "knowledge-item", "specialty-name",
    "editorial-note", "framework-name", "add-skill", "remove-skill",
    "rename-skill", "skill-id", "add-file", "remove-file", "label-text",
    "template-word", "style-rule", "touch", "revert", "same-size-old-mtime",
    "level-defined", "level-emptied", "add-knowledge-item",
    "add-common-skill", "rename-file", "asset-text", "add-asset",
    "stray-file", "editorial-note-removed", "add-tailoring",
    "tailoring-text", "remove-tailoring",
]
INVALID = ["invalid-duplicate-id", "invalid-unknown-skill",
           "invalid-xml", "invalid-template-field", "invalid-tailoring"]
KINDS = (VALID[0:6] + INVALID[0:1] + VALID[6:12] + INVALID[1:2] +
         VALID[12:18] + INVALID[2:3] + VALID[18:24] + INVALID[3:4] +
         VALID[24:28] + INVALID[4:5] + VALID[28:])
TAILORING = "zz-tailoring-"     # a tailoring's file: TAILORING + base.xml
NOTE = r'\n *<editorial-note>([^<]*)</editorial-note>'
WORDS = ["改訂", "広域地域", "チームリーダ", "責任者", "全国または海外",
         "メンバ", "専門性", "設計", "ＩＴ", "品質", "運用", "保守"]


class Edit:
    """The files, the PRNG and the shared state of one sequence."""

    def __init__(self, seq, content, templates, state_dir):
        self.rng = random.Random(seq)
        self.seq = seq
        self.content = content
        self.templates = templates
        self.state_dir = state_dir
        path = os.path.join(state_dir, "state.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                self.state = json.load(f)
        else:
            self.state = {"counter": 0, "fix": {}, "versions": {}}
        self.touched = set()

    def save(self):
        """Writes the shared state back."""
        with open(os.path.join(self.state_dir, "state.json"), "w",
                  encoding="utf-8") as f:
            json.dump(self.state, f, sort_keys=True)

    def fresh(self):
        """A number never used before in this run of sequences."""
        self.state["counter"] += 1
        return self.state["counter"]

    def word(self):
        return self.rng.choice(WORDS)

    def remember(self, path):
        """Keeps the bytes PATH has before this sequence first changes it
        (a valid version: sequences start from valid content)."""
        if path in self.touched or not os.path.exists(path):
            return
        self.touched.add(path)
        with open(path, "rb") as f:
            data = f.read()
        versions = self.state["versions"].setdefault(path, [])
        blob = os.path.join(self.state_dir, "v%d" % self.fresh())
        with open(blob, "wb") as f:
            f.write(data)
        versions.append(blob)

    def read(self, path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    def write(self, path, text):
        self.remember(path)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def jobtypes(self):
        """The job type files of the content, sorted."""
        return sorted(os.path.join(self.content, n)
                      for n in os.listdir(self.content)
                      if n.endswith(".xml") and n != "framework.xml" and
                      not n.startswith(TAILORING))

    def tailorings(self):
        """The tailoring files of the content, sorted."""
        return sorted(os.path.join(self.content, n)
                      for n in os.listdir(self.content)
                      if n.startswith(TAILORING) and n.endswith(".xml"))

    def jobtype(self):
        return self.rng.choice(self.jobtypes())


def skill_ids(text, scope=None):
    """The IDs of the skills a job type file defines (of one scope)."""
    return [m.group(1) for m in re.finditer(
        r'<skill id="([^"]+)" scope="([^"]+)">', text)
        if scope is None or m.group(2) == scope]


def levels(text, scope_ids=None):
    """The described levels of a job type file as (start, end) of their
    text, optionally only in entries of the skills SCOPE_IDS."""
    out = []
    for entry in re.finditer(r'<entry skill="([^"]+)">(.*?)</entry>', text,
                             re.S):
        if scope_ids is not None and entry.group(1) not in scope_ids:
            continue
        for m in re.finditer(r'<level value="\d">(.*?)</level>',
                             entry.group(2), re.S):
            base = entry.start(2)
            out.append((base + m.start(1), base + m.end(1)))
    return out


def insert_word(e, text, span):
    """TEXT with a word inserted at a random place inside SPAN."""
    start, end = span
    at = e.rng.randint(start, end)
    return text[:at] + e.word() + text[at:]


def edit_level_text(e, common):
    path = e.jobtype()
    text = e.read(path)
    ids = skill_ids(text, "common" if common else "specific")
    spans = levels(text, set(ids))
    e.write(path, insert_word(e, text, e.rng.choice(spans)))
    return "a %s skill's level text in %s" % (
        "common" if common else "specific", os.path.basename(path))


def edit_knowledge_item(e):
    path = e.jobtype()
    text = e.read(path)
    items = list(re.finditer(r'<item>([^<]*)</item>', text))
    m = e.rng.choice(items)
    e.write(path, text[:m.end(1)] + "（%d）" % e.fresh() + text[m.end(1):])
    return "knowledge item %r in %s" % (m.group(1), os.path.basename(path))


def add_knowledge_item(e):
    path = e.jobtype()
    text = e.read(path)
    ends = [m.start() for m in re.finditer(r'\n *</knowledge>', text)]
    at = e.rng.choice(ends)
    e.write(path, text[:at] + "\n      <item>追加知識%d</item>" % e.fresh() +
            text[at:])
    return "a knowledge item added in %s" % os.path.basename(path)


def edit_specialty_name(e):
    path = e.jobtype()
    text = e.read(path)
    names = list(re.finditer(r'<specialty id="[^"]+">\n *<name>([^<]*)</name>',
                             text))
    m = e.rng.choice(names)
    e.write(path, text[:m.end(1)] + e.word() + text[m.end(1):])
    return "specialty name %r in %s" % (m.group(1), os.path.basename(path))


def edit_editorial_note(e):
    """Edits an editorial note, or adds one where a job type, skill,
    specialty or the framework may have one."""
    if e.rng.random() < 0.25:
        path = os.path.join(e.content, "framework.xml")
        places = [m.end() for m in re.finditer(r'</summary>', e.read(path))]
    else:
        path = e.jobtype()
        text = e.read(path)
        places = [m.end() for m in re.finditer(
            r'</knowledge>\n|<specialty id="[^"]+">\n *<name>[^<]*</name>'
            r'|<jobtype [^>]*>\n *<name>[^<]*</name>', text)]
    text = e.read(path)
    notes = list(re.finditer(NOTE, text))
    if notes and e.rng.random() < 0.5:
        m = e.rng.choice(notes)
        e.write(path, text[:m.end(1)] + e.word() + text[m.end(1):])
        return "an editorial note in %s" % os.path.basename(path)
    at = e.rng.choice(places)
    note = "<editorial-note>編集注%d：原典の表記のまま。</editorial-note>" % e.fresh()
    if text[at - 1] == "\n":
        note = "    " + note + "\n"
    else:
        note = "\n    " + note
    e.write(path, text[:at] + note + text[at:])
    return "an editorial note added in %s" % os.path.basename(path)


def remove_editorial_note(e):
    """Removes an editorial note of the content (adds one if none is
    left)."""
    spots = [(path, m) for path in [os.path.join(e.content, "framework.xml")] +
             e.jobtypes() for m in re.finditer(NOTE, e.read(path))]
    if not spots:
        return edit_editorial_note(e)
    path, m = e.rng.choice(spots)
    text = e.read(path)
    e.write(path, text[:m.start()] + text[m.end():])
    return "an editorial note removed from %s" % os.path.basename(path)


def edit_framework_name(e):
    path = os.path.join(e.content, "framework.xml")
    text = e.read(path)
    e.write(path, re.sub(r'<name>([^<]*)</name>',
                         lambda m: "<name>%s%s</name>" % (m.group(1), e.word()),
                         text, count=1))
    return "the framework's name"


def entry_for(e, text, specialty_block, new_id):
    """A copy of a random entry of SPECIALTY_BLOCK for skill NEW_ID."""
    entries = re.findall(r'( *<entry skill="[^"]+">.*?</entry>\n)',
                         specialty_block, re.S)
    body = e.rng.choice(entries)
    return re.sub(r'skill="[^"]+"', 'skill="%s"' % new_id, body, count=1)


def specialties(text):
    """The (start, end) of each specialty block of a job type file."""
    return [(m.start(), m.end()) for m in
            re.finditer(r'  <specialty id=.*?</specialty>\n', text, re.S)]


def add_skill(e, common):
    """Defines a new skill (knowledge items included) and gives it an
    entry in one specialty (specific) or in every one (common)."""
    path = e.jobtype()
    text = e.read(path)
    n = e.fresh()
    new_id = "added-%d" % n
    skill = ('  <skill id="%s" scope="%s">\n    <name>追加スキル%d</name>\n'
             '    <knowledge>\n      <item>追加知識%d</item>\n'
             '    </knowledge>\n  </skill>\n' %
             (new_id, "common" if common else "specific", n, n))
    blocks = specialties(text)
    chosen = blocks if common else [e.rng.choice(blocks)]
    for start, end in reversed(chosen):
        block = text[start:end]
        at = start + block.rindex("  </specialty>")
        text = text[:at] + entry_for(e, text, block, new_id) + text[at:]
    first = text.index("  <specialty id=")
    e.write(path, text[:first] + skill + text[first:])
    return "%s skill %s added in %s" % ("common" if common else "specific",
                                        new_id, os.path.basename(path))


def remove_skill(e):
    """Removes a skill and its entries, keeping every specialty with at
    least one entry and the job type with at least one skill."""
    for path in e.rng.sample(e.jobtypes(), len(e.jobtypes())):
        text = e.read(path)
        ids = skill_ids(text)
        e.rng.shuffle(ids)
        for sid in ids:
            new = re.sub(r'  <skill id="%s" scope=.*?</skill>\n' % sid, '',
                         text, flags=re.S)
            new = re.sub(r' *<entry skill="%s">.*?</entry>\n' % sid, '',
                         new, flags=re.S)
            if len(ids) > 1 and all('<entry ' in new[s:t]
                                    for s, t in specialties(new)):
                e.write(path, new)
                return "skill %s removed from %s" % (
                    sid, os.path.basename(path))
    raise SystemExit("edits.py: no skill can be removed")


def rename_skill(e):
    path = e.jobtype()
    text = e.read(path)
    sid = e.rng.choice(skill_ids(text))
    e.write(path, re.sub(r'(<skill id="%s" scope="[^"]+">\n *<name>)[^<]*'
                         % sid,
                         r'\g<1>改名スキル%d' % e.fresh(), text))
    return "skill %s renamed in %s" % (sid, os.path.basename(path))


def change_skill_id(e):
    path = e.jobtype()
    text = e.read(path)
    sid = e.rng.choice(skill_ids(text))
    new_id = "moved-%d" % e.fresh()
    text = text.replace('<skill id="%s" ' % sid, '<skill id="%s" ' % new_id)
    text = text.replace('<entry skill="%s">' % sid,
                        '<entry skill="%s">' % new_id)
    e.write(path, text)
    return "skill ID %s -> %s in %s" % (sid, new_id, os.path.basename(path))


def add_file(e):
    """A new job type: a copy of one with new job type and specialty IDs,
    a new number and a new name."""
    src = e.jobtype()
    text = e.read(src)
    n = e.fresh()
    old = re.search(r'<jobtype id="([^"]+)"', text).group(1)
    new = "new%d" % n
    text = text.replace('id="%s"' % old, 'id="%s"' % new, 1)
    text = text.replace('<specialty id="%s-' % old, '<specialty id="%s-' % new)
    text = re.sub(r'number="\d+"', 'number="%d"' % (1000 + n), text, count=1)
    text = re.sub(r'(<jobtype [^>]*>\n *<name>)[^<]*',
                  r'\g<1>新職種%d' % n, text, count=1)
    path = os.path.join(e.content, new + ".xml")
    e.write(path, text)
    return "%s added, a copy of %s" % (os.path.basename(path),
                                       os.path.basename(src))


def remove_file(e):
    files = e.jobtypes()
    if len(files) < 4:
        return add_file(e)
    path = e.rng.choice(files)
    e.remember(path)
    os.unlink(path)
    return "%s removed" % os.path.basename(path)


def rename_file(e):
    path = e.jobtype()
    new = os.path.join(e.content, "renamed-%d.xml" % e.fresh())
    e.remember(path)
    os.rename(path, new)
    return "%s renamed %s" % (os.path.basename(path), os.path.basename(new))


def edit_label(e):
    path = os.path.join(e.templates, "labels.xml")
    text = e.read(path)
    plain = [m for m in re.finditer(r'<label name="([^"]+)">([^<{,]+)</label>',
                                    text) if len(m.group(2)) < 200]
    m = e.rng.choice(plain)
    e.write(path, text[:m.end(2)] + "改" + text[m.end(2):])
    return "label %s" % m.group(1)


def edit_template_word(e):
    """A word of a page template's own text (an element with no
    directive) changes."""
    names = sorted(n for n in os.listdir(e.templates) if n.endswith(".xhtml"))
    path = os.path.join(e.templates, e.rng.choice(names))
    text = e.read(path)
    spots = [m for m in re.finditer(r'<(p|h2|th|label|button|title)( [^>]*)?>'
                                    r'([^<>]*[^\x00-\x7f][^<>]*)</\1>', text)
             if "data-" not in (m.group(2) or "")]
    if not spots:
        return edit_template_word(e)
    m = e.rng.choice(spots)
    e.write(path, text[:m.end(3)] + e.word() + text[m.end(3):])
    return "a word of %s" % os.path.basename(path)


def edit_style_rule(e):
    path = os.path.join(e.templates, "style.css")
    text = e.read(path)
    if e.rng.random() < 0.5:
        e.write(path, text + ".edit-%d { margin: 0 %dpx; }\n" %
                (e.fresh(), e.rng.randint(1, 9)))
        return "a rule appended to style.css"
    pixels = list(re.finditer(r'(\d+)px', text))
    m = e.rng.choice(pixels)
    e.write(path, text[:m.start(1)] + str(int(m.group(1)) + 1) +
            text[m.end(1):])
    return "a length in style.css"


def edit_asset(e):
    path = os.path.join(e.templates, e.rng.choice(["search.js", "assess.js",
                                                   "knowledge.js"]))
    e.write(path, e.read(path) + "/* edit %d */\n" % e.fresh())
    return "a comment appended to %s" % os.path.basename(path)


def add_asset(e):
    """Adds an asset (published at assets/NAME), or removes one added
    before."""
    added = sorted(n for n in os.listdir(e.templates)
                   if n.startswith("added-"))
    if added and e.rng.random() < 0.5:
        path = os.path.join(e.templates, e.rng.choice(added))
        e.remember(path)
        os.unlink(path)
        return "asset %s removed" % os.path.basename(path)
    path = os.path.join(e.templates, "added-%d.txt" % e.fresh())
    e.write(path, "追加の資産 %d\n" % e.rng.randint(0, 99))
    return "asset %s added" % os.path.basename(path)


def stray_file(e):
    """A file the build does not read: a template folder's README.md."""
    path = os.path.join(e.templates, "README.md")
    e.write(path, e.read(path) + "\n編集 %d\n" % e.fresh())
    return "templates/README.md changed (not an input of the pages)"


def all_files(e):
    out = [os.path.join(e.content, n) for n in sorted(os.listdir(e.content))]
    return out + [os.path.join(e.templates, n)
                  for n in sorted(os.listdir(e.templates))]


def touch(e):
    path = e.rng.choice(all_files(e))
    os.utime(path)
    return "%s touched (mtime only)" % os.path.basename(path)


def clashes(e, blob):
    """Whether the job type of BLOB (a removed file's last version) is
    defined by a file of the content now (it was renamed, say)."""
    with open(blob, encoding="utf-8") as f:
        m = re.search(r'<jobtype id="([^"]+)"', f.read())
    return m is not None and any('<jobtype id="%s"' % m.group(1) in e.read(p)
                                 for p in e.jobtypes())


def revert(e):
    """Puts back an earlier version of a file, maybe one removed since
    (then the file comes back)."""
    versions = e.state["versions"]
    paths = sorted(p for p in versions
                   if os.path.dirname(p) in (e.content, e.templates) and
                   (os.path.exists(p) or not clashes(e, versions[p][-1])))
    if not paths:
        return edit_level_text(e, False)
    path = e.rng.choice(paths)
    blob = e.rng.choice(versions[path] if os.path.exists(path)
                        else versions[path][-1:])
    with open(blob, "rb") as f:
        data = f.read()
    same = False
    if os.path.exists(path):
        with open(path, "rb") as f:
            same = f.read() == data
    e.remember(path)
    with open(path, "wb") as f:
        f.write(data)
    return "%s reverted to an earlier version%s" % (
        os.path.basename(path), " (its bytes now)" if same else "")


def same_size_old_mtime(e):
    """A level text changes by one character of the same size in UTF-8,
    then the file gets its old mtime back: only its bytes tell."""
    path = e.jobtype()
    st = os.stat(path)
    text = e.read(path)
    spans = [s for s in levels(text) if "ム" in text[s[0]:s[1]]]
    start, end = e.rng.choice(spans)
    at = text.index("ム", start, end)
    e.write(path, text[:at] + "ラ" + text[at + 1:])
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    return "one character of %s, same size, old mtime" % \
        os.path.basename(path)


def level_defined(e, define):
    """Gives an empty level a text, or empties a described one (never an
    entry's last)."""
    path = e.jobtype()
    text = e.read(path)
    if define:
        empties = list(re.finditer(r'<level value="(\d)"/>', text))
        m = e.rng.choice(empties)
        e.write(path, text[:m.start()] +
                '<level value="%s">新たに定義したレベル%d</level>' %
                (m.group(1), e.fresh()) + text[m.end():])
        return "level %s defined in %s" % (m.group(1), os.path.basename(path))
    entries = list(re.finditer(r'<entry skill=.*?</entry>', text, re.S))
    for entry in e.rng.sample(entries, len(entries)):
        described = list(re.finditer(r'<level value="(\d)">.*?</level>',
                                     entry.group(0), re.S))
        if len(described) > 1:
            m = e.rng.choice(described)
            at = entry.start()
            e.write(path, text[:at + m.start()] +
                    '<level value="%s"/>' % m.group(1) + text[at + m.end():])
            return "level %s emptied in %s" % (m.group(1),
                                               os.path.basename(path))
    return edit_level_text(e, False)


def break_file(e, path, new_text, what):
    """Makes PATH invalid, keeping its valid bytes for the next sequence's
    fix."""
    with open(path, encoding="utf-8") as f:
        good = f.read()
    e.state["fix"][path] = good
    e.write(path, new_text)
    return what


def invalid_duplicate_id(e):
    path = e.jobtype()
    text = e.read(path)
    m = re.search(r'  <skill id=.*?</skill>\n', text, re.S)
    return break_file(e, path, text[:m.end()] + m.group(0) + text[m.end():],
                      "a skill defined twice in %s" % os.path.basename(path))


def invalid_unknown_skill(e):
    path = e.jobtype()
    text = e.read(path)
    return break_file(e, path,
                      text.replace('<entry skill="', '<entry skill="no-', 1),
                      "an entry naming no skill in %s" % os.path.basename(path))


def invalid_xml(e):
    path = e.jobtype()
    text = e.read(path)
    return break_file(e, path, text.replace("</knowledge>", "</knowledg>", 1),
                      "a mismatched end tag in %s" % os.path.basename(path))


def invalid_template_field(e):
    path = os.path.join(e.templates, "skill.xhtml")
    text = e.read(path)
    return break_file(e, path,
                      text.replace('data-text="name"', 'data-text="nmae"', 1),
                      "a misspelt field in skill.xhtml")


def tailoring_of(text, word):
    """The tailoring of the job type file TEXT that the sequences keep:
    in the first specialty, its first skill described at some level
    renamed, given company text, a resource and a role, and its second
    skill hidden; WORD sets the company's words.  None when the job type
    has no such skill."""
    jt = re.search(r'<jobtype id="([^"]+)"', text).group(1)
    sp = re.search(r'<specialty id="([^"]+)">(.*?)</specialty>', text, re.S)
    entries = re.findall(r'<entry skill="([^"]+)">(.*?)</entry>',
                         sp.group(2), re.S)
    for i, (sid, body) in enumerate(entries):
        m = re.search(r'<level value="(\d)">\s*\S', body)
        if m is None:
            continue
        at = 'skill="%s" specialty="%s"' % (sid, sp.group(1))
        hide = ''.join('  <hide skill="%s" specialty="%s"/>\n' %
                       (o, sp.group(1)) for o, _ in entries[i + 1:i + 2])
        return (
            '<tailoring id="t-%s" base="%s">\n  <name>社内標準%s</name>\n'
            '%s  <rename skill="%s"><name>社内名%s</name></rename>\n'
            '  <level %s value="%s"><meaning>意味：%s</meaning></level>\n'
            '  <resource %s level="%s" kind="training" hours="1.5">'
            '<title>研修%s</title></resource>\n'
            '  <role id="r-%s" specialty="%s"><name>役割%s</name>'
            '<target skill="%s" level="%s"/></role>\n</tailoring>\n' %
            (jt, jt, word, hide, sid, word, at, m.group(1), word, at,
             m.group(1), word, jt, sp.group(1), word, sid, m.group(1)))
    return None


def sync_tailorings(e):
    """Writes each tailoring again from its base job type as it is now
    (the same bytes when neither changed), removing those whose base is
    gone: so that no valid edit of a job type makes its tailoring
    invalid."""
    bases = {}
    for path in e.jobtypes():
        text = e.read(path)
        bases[re.search(r'<jobtype id="([^"]+)"', text).group(1)] = text
    words = e.state.setdefault("tailor", {})
    for path in e.tailorings():
        base = os.path.basename(path)[len(TAILORING):-len(".xml")]
        new = tailoring_of(bases[base], words.get(base, "一")) \
            if base in bases else None
        if new is None:
            e.remember(path)
            os.unlink(path)
        elif e.read(path) != new:
            e.write(path, new)


def add_tailoring(e):
    """Tailors a job type that has no tailoring yet."""
    have = set(os.path.basename(p) for p in e.tailorings())
    for path in e.rng.sample(e.jobtypes(), len(e.jobtypes())):
        text = e.read(path)
        base = re.search(r'<jobtype id="([^"]+)"', text).group(1)
        word = e.state.setdefault("tailor", {}).setdefault(base, "一")
        new = tailoring_of(text, word)
        name = TAILORING + base + ".xml"
        if name not in have and new is not None:
            e.write(os.path.join(e.content, name), new)
            return "%s tailored" % base
    return edit_level_text(e, False)


def tailoring_text(e):
    """Changes the company's words of a tailoring."""
    files = e.tailorings()
    if not files:
        return add_tailoring(e)
    path = e.rng.choice(files)
    base = os.path.basename(path)[len(TAILORING):-len(".xml")]
    e.state.setdefault("tailor", {})[base] = "%s%d" % (e.word(), e.fresh())
    sync_tailorings(e)
    return "company words of %s changed" % os.path.basename(path)


def remove_tailoring(e):
    files = e.tailorings()
    if not files:
        return add_tailoring(e)
    path = e.rng.choice(files)
    e.remember(path)
    os.unlink(path)
    return "%s removed" % os.path.basename(path)


def invalid_tailoring(e):
    """A role that targets a skill its tailoring hides."""
    files = [p for p in e.tailorings() if "<hide " in e.read(p)]
    if not files:
        add_tailoring(e)
        files = [p for p in e.tailorings() if "<hide " in e.read(p)]
    if not files:
        return invalid_unknown_skill(e)
    path = files[0]
    text = e.read(path)
    hidden = re.search(r'<hide skill="([^"]+)"', text).group(1)
    return break_file(e, path, re.sub(r'<target skill="[^"]+"',
                                      '<target skill="%s"' % hidden, text),
                      "a role targets a hidden skill in %s" %
                      os.path.basename(path))


EDITS = {
    "level-text": lambda e: edit_level_text(e, False),
    "common-level-text": lambda e: edit_level_text(e, True),
    "knowledge-item": edit_knowledge_item,
    "add-knowledge-item": add_knowledge_item,
    "specialty-name": edit_specialty_name,
    "editorial-note": edit_editorial_note,
    "editorial-note-removed": remove_editorial_note,
    "framework-name": edit_framework_name,
    "add-skill": lambda e: add_skill(e, False),
    "add-common-skill": lambda e: add_skill(e, True),
    "remove-skill": remove_skill,
    "rename-skill": rename_skill,
    "skill-id": change_skill_id,
    "add-file": add_file,
    "remove-file": remove_file,
    "rename-file": rename_file,
    "label-text": edit_label,
    "template-word": edit_template_word,
    "style-rule": edit_style_rule,
    "asset-text": edit_asset,
    "add-asset": add_asset,
    "stray-file": stray_file,
    "touch": touch,
    "revert": revert,
    "same-size-old-mtime": same_size_old_mtime,
    "level-defined": lambda e: level_defined(e, True),
    "level-emptied": lambda e: level_defined(e, False),
    "invalid-duplicate-id": invalid_duplicate_id,
    "invalid-unknown-skill": invalid_unknown_skill,
    "invalid-xml": invalid_xml,
    "invalid-template-field": invalid_template_field,
    "add-tailoring": add_tailoring,
    "tailoring-text": tailoring_text,
    "remove-tailoring": remove_tailoring,
    "invalid-tailoring": invalid_tailoring,
}


def fix(e):
    """Puts back the files the last sequence made invalid."""
    for path, good in sorted(e.state["fix"].items()):
        with open(path, "w", encoding="utf-8") as f:
            f.write(good)
        print("edit fix: %s put back" % os.path.basename(path))
    e.state["fix"] = {}


def main():
    if sys.argv[1:] == ["--kinds"]:
        print("\n".join(KINDS))
        return
    args = sys.argv[1:]
    if len(args) not in (4, 5) or args[4:] and args[4] not in EDITS:
        sys.exit("usage: tests/edits.py SEQ CONTENT_DIR TEMPLATES_DIR "
                 "STATE_DIR [KIND]")
    seq = int(args[0])
    os.makedirs(args[3], exist_ok=True)
    e = Edit(seq, *(os.path.abspath(a) for a in args[1:4]))
    fix(e)
    if len(args) == 5:
        kinds = [args[4]]
    else:
        kinds = [KINDS[(seq - 1) % len(KINDS)]]
        kinds += [e.rng.choice(VALID) for _ in range(e.rng.randint(0, 2))]
    first = kinds[0]
    kinds.sort(key=lambda k: k in INVALID)
    for kind in kinds:
        if kind in INVALID:
            sync_tailorings(e)
        print("edit %s: %s" % (kind, EDITS[kind](e)))
    if kinds[-1] not in INVALID:
        sync_tailorings(e)
    e.save()
    print("expect %s" % ("invalid" if first in INVALID else "valid"))


if __name__ == "__main__":
    main()
