#!/usr/bin/env python3
"""tailoring.py: the role pages and the tailoring report of a tailored
site read back against the XML they were built from.

  roles    one page per role of the tailoring files, at JT/roles/ID.html;
           a row per skill of the role's specialty (the skill pages of
           that specialty), each target of the XML at its level, linked
           to that level's section of the skill page, with the level's
           text as the content file has it (the company skill's, for a
           company skill), and every other row saying 目標なし
  report   JT/tailoring.html has a group per tailoring file, in load
           order, each listing every operation of its file (counted from
           the XML) under its kind, in source order, each with the file's
           base name and the line of its element; beside each, the
           standard's words as the content file has them: a hidden
           skill's name, a hidden level's and a level text's standard
           texts (per specialty), a renamed skill's standard name, the
           standard's knowledge items of a skill that gets more; the
           company's words as its file has them: new names, items,
           company skills' level texts, resources
  links    every link of those pages that stays in the site reaches a
           file of the site, and its fragment an id of that file; no id
           is given twice on one page

Texts are compared without white space (the pages wrap lines).  Usage:
tests/tailoring.py SITE_DIR CONTENT_DIR TAILORING_DIR; prints what it
checked and each failure, exits 1 on any."""
import glob
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from xml.parsers import expat

X = '{http://www.w3.org/1999/xhtml}'
KINDS = {'hide': None, 'rename': 'renames', 'skill': 'company-skills',
         'knowledge': 'knowledge', 'level': 'texts',
         'resource': 'resources', 'role': 'roles'}


def squeeze(s):
    """s without white space."""
    return re.sub(r'\s+', '', s or '')


def read_xml(path):
    """Returns (root, lines): the document at path and the line of each
    element's start tag."""
    lines, builder = {}, ET.TreeBuilder()
    parser = expat.ParserCreate()

    def start(tag, attrs):
        lines[builder.start(tag, attrs)] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    with open(path, 'rb') as f:
        parser.Parse(f.read(), True)
    return builder.close(), lines


def classes(el):
    return (el.get('class') or '').split()


def inner(el, skip=('side',)):
    """The text inside el (not its tail), without skipped elements."""
    out = el.text or ''
    for c in el:
        if not any(k in skip for k in classes(c)):
            out += inner(c, skip)
        out += c.tail or ''
    return out


def find_class(el, cls, tag=None):
    """The descendants of el of class cls (and tag, without namespace)."""
    return [e for e in el.iter()
            if cls in classes(e) and (tag is None or e.tag == X + tag)]


class Standard:
    """The job type of the content files: names, items and level texts."""

    def __init__(self, content, jt_id):
        self.names, self.items, self.texts = {}, {}, {}
        self.specialties, self.sp_names = [], {}
        for path in sorted(glob.glob(os.path.join(content, '*.xml'))):
            root, _ = read_xml(path)
            if root.tag == 'jobtype' and root.get('id') == jt_id:
                self.read(root)

    def read(self, root):
        for k in root.findall('skill'):
            self.names[k.get('id')] = k.findtext('name').strip()
            self.items[k.get('id')] = [i.text.strip() for i in
                                       k.findall('knowledge/item')]
        for sp in root.findall('specialty'):
            self.specialties.append(sp.get('id'))
            self.sp_names[sp.get('id')] = sp.findtext('name').strip()
            for e in sp.findall('entry'):
                for lv in e.findall('level'):
                    if (lv.text or '').strip():
                        self.texts[(sp.get('id'), e.get('skill'),
                                    int(lv.get('value')))] = lv.text

    def level_texts(self, skill, sp, n):
        """{squeezed text: set of specialty names} of level n of skill in
        specialty sp, or in each specialty when sp is None."""
        out = {}
        for s in self.specialties:
            t = self.texts.get((s, skill, n))
            if t is not None and (sp is None or sp == s):
                out.setdefault(squeeze(t), set()).add(self.sp_names[s])
        return out


class Check:
    def __init__(self):
        self.failures, self.cases = [], 0

    def ok(self, cond, what):
        self.cases += 1
        if not cond:
            self.failures.append(what)
        return cond


def where_of(el):
    """(file, line) of the first "FILE N行目" under el."""
    for code in el.iter(X + 'code'):
        m = re.fullmatch(r'(\S+\.xml)(\d+)行目', squeeze(inner(code)))
        if m:
            return m.group(1), int(m.group(2))
    return None


def report_items(section, kind):
    """The items of a kind's section: a tbody per change, a row per
    resource or role."""
    if kind in ('resources', 'roles'):
        return [tr for tb in section.iter(X + 'tbody') for tr in tb]
    return find_class(section, 'tl-change', 'tbody')


def op_kind(op):
    if op.tag == 'hide':
        return 'hidden-levels' if op.get('level') else 'hidden-skills'
    return KINDS[op.tag]


def std_cell(item):
    return find_class(item, 'tl-std', 'td')[0]


def co_cell(item):
    return find_class(item, 'tl-co', 'td')[0]


def shown_texts(cell, std, sp):
    """{squeezed text: set of specialty names} a standard cell shows."""
    out = {}
    for t in find_class(cell, 'tl-text'):
        prose = squeeze(inner(find_class(t, 'prose')[0]))
        names = find_class(t, 'tl-names')
        got = ({squeeze(inner(s)) for s in names[0]} if names else
               {std.sp_names.get(sp, '?')})
        out[prose] = {squeeze(n) for n in got}
    return out


def check_standard(c, op, item, std, where):
    """Checks the standard's words beside operation op."""
    skill, sp = op.get('skill') or op.get('id'), op.get('specialty')
    if op.tag == 'hide' and not op.get('level'):
        c.ok('「%s」' % squeeze(std.names.get(skill, '?')) in
             squeeze(inner(std_cell(item))), '%s: hidden skill\'s standard '
             'name' % where)
    elif op.tag in ('hide', 'level'):
        n = int(op.get('level') or op.get('value'))
        want = {t: {squeeze(x) for x in s} for t, s in
                std.level_texts(skill, sp, n).items()}
        c.ok(want and shown_texts(std_cell(item), std, sp) == want,
             '%s: the standard\'s texts of level %d of %s' % (where, n,
                                                              skill))
    elif op.tag == 'rename':
        c.ok(squeeze(inner(std_cell(item))) == squeeze(std.names[skill]) and
             squeeze(inner(co_cell(item))) == squeeze(op.findtext('name')),
             '%s: standard name and company name' % where)
    elif op.tag == 'knowledge':
        got = [squeeze(inner(li)) for li in std_cell(item).iter(X + 'li')]
        new = [squeeze(inner(li)) for li in co_cell(item).iter(X + 'li')]
        c.ok(got == [squeeze(i) for i in std.items[skill]] and
             new == [squeeze(i.text) for i in op.findall('item')],
             '%s: standard and added knowledge items' % where)


def check_company(c, op, item, where):
    """Checks the company's words of operation op as its file has them."""
    if op.tag == 'skill':
        cell = co_cell(item)
        items = [squeeze(inner(li)) for li in cell.iter(X + 'li')]
        levels = [squeeze(inner(dd)) for dd in cell.iter(X + 'dd')]
        c.ok(items == [squeeze(i.text) for i in
                       op.findall('knowledge/item')] and
             levels == [squeeze(lv.text) for lv in op.findall('level')
                        if (lv.text or '').strip()],
             '%s: company skill\'s items and level texts' % where)
    elif op.tag == 'level':
        c.ok(squeeze(inner(co_cell(item))) != '', '%s: company text' % where)
    elif op.tag == 'resource':
        row = squeeze(inner(item))
        links = [(a.get('href'), a.get('class'), squeeze(inner(a)))
                 for a in item.iter(X + 'a')]
        c.ok(squeeze(op.findtext('title')) in row and
             (op.get('href') is None or
              (op.get('href').strip(), 'external',
               squeeze(op.findtext('title'))) in links) and
             (op.get('hours') is None or
              squeeze(op.get('hours')) + '時間' in row),
             '%s: resource title, address and hours' % where)


def check_report(c, site, jt, files, std):
    """Checks the report against the tailoring files, in load order."""
    path = os.path.join(site, jt, 'tailoring.html')
    if not c.ok(os.path.exists(path), 'no report at %s' % path):
        return
    page = ET.parse(path).getroot()
    groups = find_class(page, 'tl-tailoring', 'section')
    c.ok(len(groups) == len(files), 'report: %d groups for %d files' %
         (len(groups), len(files)))
    for n, (group, (name, root, lines)) in enumerate(zip(groups, files)):
        base = os.path.basename(name)
        c.ok(group.get('id') == 'tailoring-%d' % (n + 1) and
             squeeze(root.findtext('name')) in squeeze(inner(group[0])) and
             base in squeeze(inner(find_class(group, 'tl-file')[0])),
             '%s: group %d: id, name or file' % (base, n + 1))
        check_group(c, group, base, root, lines, std)
    print('report: %d groups' % len(groups))


def check_group(c, group, base, root, lines, std):
    """Checks the operations of one tailoring file against its group."""
    ops = {}
    for op in root:
        if op.tag in KINDS:
            ops.setdefault(op_kind(op), []).append(op)
    kinds = {k: s for s in find_class(group, 'tl-kind', 'section')
             for k in [cl[5:] for cl in classes(s) if cl.startswith('tl-k-')]}
    c.ok(set(kinds) == set(ops), '%s: kinds %s, want %s' %
         (base, sorted(kinds), sorted(ops)))
    for kind, want in sorted(ops.items()):
        items = report_items(kinds[kind], kind) if kind in kinds else []
        got = [where_of(it) for it in items]
        c.ok(got == [(base, lines[op]) for op in want],
             '%s: %s at %s, want lines %s' % (base, kind, got,
                                              [lines[op] for op in want]))
        for op, item in zip(want, items):
            where = '%s:%d' % (base, lines[op])
            check_standard(c, op, item, std, where)
            check_company(c, op, item, where)
        print('report: %s: %d %s' % (base, len(items), kind))


def company_levels(files):
    """{(skill, n): squeezed text} of every company skill's levels."""
    out = {}
    for _, root, _ in files:
        for k in root.findall('skill'):
            for lv in k.findall('level'):
                if (lv.text or '').strip():
                    out[(k.get('id'), int(lv.get('value')))] = squeeze(
                        lv.text)
    return out


def check_role(c, site, jt, role, std, company):
    """Checks the page of role (an element of a tailoring file)."""
    rid, sp = role.get('id'), role.get('specialty')
    path = os.path.join(site, jt, 'roles', rid + '.html')
    if not c.ok(os.path.exists(path), 'no page for role %s' % rid):
        return
    page = ET.parse(path).getroot()
    targets = {t.get('skill'): int(t.get('level'))
               for t in role.findall('target')}
    skills = {os.path.basename(p)[:-5] for p in glob.glob(
        os.path.join(site, jt, sp, 'skills', '*.html'))}
    rows = [tr for t in find_class(page, 'role-targets', 'table')
            for tb in t.iter(X + 'tbody') for tr in tb]
    seen = {}
    for tr in rows:
        href = tr.find(X + 'th').find(X + 'a').get('href')
        skill = os.path.basename(href)[:-5]
        level = [a for td in find_class(tr, 'role-level', 'td')
                 for a in td.iter(X + 'a')]
        seen[skill] = None
        if level:
            m = re.fullmatch(r'\.\./%s/skills/%s\.html#level-(\d+)' %
                             (re.escape(sp), re.escape(skill)),
                             level[0].get('href'))
            n = int(m.group(1)) if m else -1
            seen[skill] = n
            want = company.get((skill, n)) or squeeze(
                std.texts.get((sp, skill, n)))
            prose = squeeze(inner(find_class(find_class(
                tr, 'role-text', 'td')[0], 'prose')[0]))
            c.ok(prose == want, '%s: %s: level %d text' % (rid, skill, n))
        else:
            c.ok(squeeze(inner(find_class(tr, 'role-none', 'td')[0])) ==
                 '目標なし', '%s: %s: 目標なし' % (rid, skill))
    c.ok(set(seen) == skills and len(rows) == len(skills),
         '%s: rows %s, want the skills %s' % (rid, sorted(seen),
                                               sorted(skills)))
    c.ok({k: n for k, n in seen.items() if n is not None} == targets,
         '%s: targets %s, want %s' % (rid, seen, targets))


def page_ids(path, cache):
    if path not in cache:
        root = ET.parse(path).getroot()
        cache[path] = [e.get('id') for e in root.iter() if e.get('id')]
    return cache[path]


def check_links(c, site, pages):
    """Every link of pages that stays in the site reaches a file and an
    id; no page gives an id twice."""
    cache, links = {}, 0
    top = os.path.realpath(site)
    for page in pages:
        ids = page_ids(page, cache)
        c.ok(len(ids) == len(set(ids)), '%s: an id given twice' % page)
        for a in ET.parse(page).getroot().iter(X + 'a'):
            href = a.get('href')
            if href is None or urllib.parse.urlsplit(href).scheme:
                continue
            links += 1
            url = urllib.parse.urlsplit(href)
            target = (os.path.normpath(os.path.join(os.path.dirname(page),
                                                    url.path))
                      if url.path else page)
            if not c.ok(os.path.realpath(target).startswith(top + os.sep)
                        and os.path.isfile(target),
                        '%s: link %s reaches no file' % (page, href)):
                continue
            if url.fragment:
                c.ok(url.fragment in page_ids(target, cache),
                     '%s: link %s reaches no id' % (page, href))
    print('links: %d checked on %d pages' % (links, len(pages)))


def main():
    site, content, tailorings = sys.argv[1:4]
    files = []
    for path in sorted(glob.glob(os.path.join(tailorings, '*.xml'))):
        root, lines = read_xml(path)
        files.append((path, root, lines))
    jt = files[0][1].get('base')
    std = Standard(content, jt)
    c = Check()
    check_report(c, site, jt, files, std)
    company = company_levels(files)
    roles = [r for _, root, _ in files for r in root.findall('role')]
    for role in roles:
        check_role(c, site, jt, role, std, company)
    print('roles: %d pages' % len(roles))
    pages = [os.path.join(site, jt, 'tailoring.html')] + [
        os.path.join(site, jt, 'roles', r.get('id') + '.html')
        for r in roles]
    check_links(c, site, [p for p in pages if os.path.exists(p)])
    for f in c.failures:
        print('FAIL: ' + f)
    print('tailoring (pages read back): %d passed, %d failed' %
          (c.cases - len(c.failures), len(c.failures)))
    return 1 if c.failures else 0


if __name__ == '__main__':
    sys.exit(main())
