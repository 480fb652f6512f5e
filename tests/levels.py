#!/usr/bin/env python3
"""levels.py: the matrix of every specialty page and the level pages of a
built site read back.  Each word a matrix cell shows is taken from the
cell's own text (its whole text, .full) and is cut at the edges of
characters as a reader sees them (never between a letter and a combining
mark, variation selector, joiner or emoji modifier); a cell says its text
is its neighbour's (.same, not .within) only when it is: the level below
in the row, or for the lowest the one above.  On a level page, each
description that starts with the shared opening, shown as the marker and
the rest, reads as the skill page's description of that level when the
marker is replaced by the opening (white space aside).  Usage:
tests/levels.py SITE_DIR; prints what it checked and each failure, exits
1 on any."""
import glob
import html
import os
import re
import sys
import unicodedata


def text(fragment, squeeze=True):
    """The text of an HTML fragment, without white space if squeeze."""
    t = html.unescape(re.sub(r'<[^>]*>', '', fragment))
    return re.sub(r'\s+', '', t) if squeeze else t


def extends(c):
    """Whether c belongs to the character before it."""
    return (unicodedata.category(c) in ('Mn', 'Mc', 'Me') or
            c in '\u200d\u20e3' or '\ufe00' <= c <= '\ufe0f' or
            '\U0001f3fb' <= c <= '\U0001f3ff')


def whole(word, full):
    """Whether word occurs in full with no extending character after it
    or at its start."""
    if not word:
        return True
    if extends(word[0]):
        return False
    at = full.find(word)
    while at >= 0:
        end = at + len(word)
        if end == len(full) or not extends(full[end]):
            return True
        at = full.find(word, at + 1)
    return False


def check_cell(where, cell, failures):
    """Checks the words of one matrix cell; returns (full, same, within)."""
    full = text(re.search(r'<span class="full">(.*?)</span>', cell,
                          re.S).group(1), False)
    words = re.findall(r'<span class="word"><span class="sep">[^<]*</span>'
                       r'((?:[^<]|<span class="cut">[^<]*</span>)*)</span>',
                       cell)
    if 'class="word"' in cell and not words:
        failures.append(f'{where}: words not read')
    for word in words:
        parts = re.split(r'<span class="cut">[^<]*</span>', word)
        for part in parts:
            if not whole(text(part, False), full):
                failures.append(f'{where}: word {text(part, False)!r} is '
                                f'not whole in {full!r}')
    return (full, 'class="same"' in cell, 'class="same within"' in cell)


def check_matrix(path, failures):
    """Checks the matrix of the specialty page at path; returns cells."""
    page = open(path, encoding='utf-8').read()
    table = re.search(r'<table class="matrix">(.*?)</table>', page, re.S)
    if table is None:
        return 0
    count = 0
    for row in re.findall(r'<tr>(.*?)</tr>', table.group(1), re.S):
        cells = [check_cell(f'{path}: cell {i}', c, failures) for i, c in
                 enumerate(re.findall(r'<td>(<a class="defined".*?)</td>',
                                      row, re.S))]
        count += len(cells)
        for i, (full, same, within) in enumerate(cells):
            near = cells[i - 1] if i > 0 else (cells[1] if len(cells) > 1
                                                else None)
            is_same = near is not None and near[0] == full
            if same != is_same:
                failures.append(f'{path}: cell {i} {full!r} says same: '
                                f'{same}, is {is_same}')
            if within and is_same:
                failures.append(f'{path}: cell {i} {full!r} within but same')
    return count


def check_level(path, failures):
    """Checks the shortened descriptions of the level page at path;
    returns how many it read."""
    page = open(path, encoding='utf-8').read()
    opening = re.search(r'<p class="opening-text">(.*?)</p>', page, re.S)
    count = 0
    for href, body in re.findall(r'<section class="entry">\s*<h2><a href="'
                                 r'([^"]*)">.*?</h2>(.*?)</section>', page,
                                 re.S):
        if 'class="shared-mark"' not in body:
            continue
        count += 1
        got = text(body.replace('<span class="shared-mark">〔共通の冒頭〕'
                                '</span>', opening.group(1) if opening
                                else '〔〕'))
        file, anchor = href.split('#')
        skill = open(os.path.join(os.path.dirname(path), file),
                     encoding='utf-8').read()
        want = re.search(r'<section class="level" id="' + anchor +
                         r'">(?:(?!<section).)*?<div class="prose">(.*?)'
                         r'</div>', skill, re.S)
        if want is None or text(want.group(1)) != got:
            failures.append(f'{path}: {href} reads {got!r}, not '
                            f'{want and text(want.group(1))!r}')
    return count


def main():
    failures = []
    site = sys.argv[1]
    cells = sum(check_matrix(p, failures)
                for p in sorted(glob.glob(site + '/*/*.html')))
    shortened = sum(check_level(p, failures)
                    for p in sorted(glob.glob(site + '/*/*/levels/*.html')))
    for f in failures:
        print('FAIL: ' + f)
    print(f'levels: {cells} matrix cells, {shortened} shortened descriptions'
          f' read back, {len(failures)} failures')
    sys.exit(1 if failures or cells == 0 else 0)


main()
