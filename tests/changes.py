#!/usr/bin/env python3
"""changes.py: the level changes of every skill page of a built site read
back: down the before column (the phrases both levels share, then each
change's before) is the lower level's text, down the after column the
higher level's, as the page's own level sections show them (white space
aside); no two shared rows follow each other; nothing is marked in a
shared row.  Usage: tests/changes.py SITE_DIR; prints the steps checked
and each failure, exits 1 on any."""
import glob
import html
import re
import sys


def text(fragment):
    """The text of an HTML fragment, the level names of .side left out,
    with no white space."""
    fragment = re.sub(r'<span class="side">.*?</span>', '', fragment)
    return re.sub(r'\s+', '', html.unescape(re.sub(r'<[^>]*>', '', fragment)))


def check_page(path, failures):
    """Checks the changes of the page at path; returns the steps seen."""
    page = open(path, encoding='utf-8').read()
    levels = {n: text(body) for n, body in re.findall(
        r'<section class="level" id="level-(\d+)">(?:(?!<section).)*?'
        r'<div class="prose">(.*?)</div>', page, re.S)}
    steps = page.split('<section class="change">')[1:]
    for step in steps:
        step = step[:step.index('</table>')]
        low, high = re.findall(r'href="#level-(\d+)"', step)[:2]
        before = after = ''
        last = None
        for kind, row in re.findall(r'<tr class="(shared|changed)">(.*?)</tr>',
                                    step, re.S):
            if kind == 'shared':
                if last == 'shared' or '<del>' in row or '<ins>' in row:
                    failures.append(f'{path}: {low}->{high}: shared row {row}')
                before += text(row)
                after += text(row)
            else:
                cells = dict(re.findall(r'<td class="(before|after)">(.*?)'
                                        r'</td>', row, re.S))
                if len(cells) != 2:
                    failures.append(f'{path}: {low}->{high}: row {row}')
                before += text(cells.get('before', ''))
                after += text(cells.get('after', ''))
            last = kind
        for n, got in ((low, before), (high, after)):
            if got != levels.get(n):
                failures.append(f'{path}: {low}->{high}: level {n} reads '
                                f'{got!r}, not {levels.get(n)!r}')
    return len(steps)


def main():
    failures = []
    steps = sum(check_page(p, failures) for p in sorted(glob.glob(
        sys.argv[1] + '/*/*/skills/*.html')))
    for f in failures:
        print('FAIL: ' + f)
    print(f'changes: {steps} steps read back, {len(failures)} failures')
    sys.exit(1 if failures or steps == 0 else 0)


main()
