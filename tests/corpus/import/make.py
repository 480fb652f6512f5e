#!/usr/bin/env python3
"""make.py: writes the spreadsheets of the corpus's import cases
(tests/corpus/import-*.args) from the downloads of tests/site/content and
tests/site/formulas, each edited as a case needs.  Run from the top of
the repository after a change to those downloads:
    /usr/bin/python3 tests/corpus/import/make.py generator/skillsite
then tests/corpus.sh --update and review the diff."""
import csv
import io
import os
import subprocess
import sys
import tempfile

here = 'tests/corpus/import'


def download(binary, *content, name='framework.csv'):
    """Returns the rows of framework.csv built from content, or the bytes
    of the download called name."""
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([binary, 'build', '-j', '1', '-o', out + '/site',
                        *content], check=True, stdout=subprocess.DEVNULL)
        if name != 'framework.csv':
            with open(out + '/site/downloads/' + name, 'rb') as f:
                return f.read()
        with open(out + '/site/downloads/framework.csv', encoding='utf-8-sig',
                  newline='') as f:
            return list(csv.reader(f))


def workbooks(binary):
    """Writes the xlsx cases: the workbook as built, edited with openpyxl
    (as a user's Excel saves it again), and bytes that are no workbook."""
    import openpyxl     # Debian's python3-openpyxl: run with /usr/bin/python3
    book = download(binary, 'tests/site/content', name='framework.xlsx')
    with open(f'{here}/unchanged.xlsx', 'wb') as f:
        f.write(book)
    with open(f'{here}/truncated.xlsx', 'wb') as f:
        f.write(book[:len(book) // 2])
    with open(f'{here}/not-a-workbook.xlsx', 'w', encoding='utf-8') as f:
        f.write('"jt","alpha"\r\n')
    edits = {
        'edit': lambda wb: (
            wb.worksheets[1]['E4'].__setattr__(
                'value', wb.worksheets[1]['E4'].value + '（改訂）'),
            wb.worksheets[1]['B4'].__setattr__('value', '共通スキル（改）')),
        'unknown-skill': lambda wb: wb.worksheets[1]['A4'].__setattr__(
            'value', 'no-such-skill'),
        'copied-sheet': lambda wb: wb.copy_worksheet(
            wb.worksheets[1]).__setattr__('title', 'コピー'),
    }
    for name, edit in edits.items():
        wb = openpyxl.load_workbook(io.BytesIO(book))
        edit(wb)
        wb.save(f'{here}/{name}.xlsx')


def write(name, rows, bom=True, eol='\r\n', raw=None):
    """Writes rows (or the text raw) as here/name.csv."""
    text = raw
    if text is None:
        buf = io.StringIO()
        csv.writer(buf, lineterminator=eol).writerows(rows)
        text = buf.getvalue()
    with open(f'{here}/{name}.csv', 'w', encoding='utf-8-sig' if bom else
              'utf-8', newline='') as f:
        f.write(text)


def col(rows, name):
    return rows[0].index(name)


def main():
    binary = sys.argv[1]
    workbooks(binary)
    base = download(binary, 'tests/site/content')
    write('unchanged', base)
    write('formulas', download(binary, 'tests/site/formulas'))
    write('formulas-tailored', download(binary, 'tests/site/formulas',
                                        'tests/site/formulas-tailoring'))
    # an edit: a level text, a skill name on every row of it, an item;
    # saved as Excel saves CSV UTF-8: quotes only where needed, no BOM
    rows = [r[:] for r in base]
    rows[1][col(rows, '説明')] += '\n\n二段落目を追加した。'
    for r in rows[1:]:
        if r[col(rows, 'スキル項目ID')] == 'common':
            r[col(rows, 'スキル項目')] = '共通スキル（改）'
            items = r[col(rows, '知識項目')].split('\n')
            items[0] = '共有項目 & <改>'
            r[col(rows, '知識項目')] = '\n'.join(items)
    buf = io.StringIO()
    csv.writer(buf, lineterminator='\n', quoting=csv.QUOTE_MINIMAL) \
        .writerows(rows)
    write('edit', None, bom=False, raw=buf.getvalue())
    # columns reordered, one deleted, a level text edited
    order = list(reversed(range(len(base[0]))))
    order.remove(col(base, '区分'))
    rows = [[r[i] for i in order] for r in base]
    rows[2][order.index(col(base, '説明'))] = '並べ替えた表で直した記述'
    write('reordered', rows)
    cases = {
        'unknown-skill': lambda r: r[2].__setitem__(col(r, 'スキル項目ID'),
                                                    'no-such-skill'),
        'level-undefined': lambda r: r[2].__setitem__(col(r, 'レベル'), '6'),
        'conflict': lambda r: (r[1].__setitem__(col(r, 'スキル項目'), '名A'),
                               r[2].__setitem__(col(r, 'スキル項目'), '名B')),
        'fixed': lambda r: r[1].__setitem__(col(r, '区分'), 'specific'),
        'items': lambda r: r[1].__setitem__(col(r, '知識項目'), '一つだけ'),
        'empty-level': lambda r: r[1].__setitem__(col(r, '説明'), ' '),
        'html': lambda r: r[1].__setitem__(col(r, '説明'),
                                           '<div>\n段落\n</div>'),
        'line-break': lambda r: r[1].__setitem__(col(r, 'スキル項目'),
                                                 '二行の\n名前'),
        'unknown-header': lambda r: r[0].__setitem__(col(r, '知識項目'),
                                                     '備考'),
        'missing-column': lambda r: [x.pop(col(r, 'レベル'))
                                     for x in r[::-1]],
        'row-removed': lambda r: r.pop(3),
    }
    for name, edit in cases.items():
        rows = [r[:] for r in base]
        edit(rows)
        write(name, rows)
    # saved as a Japanese Excel's plain "CSV": Shift_JIS
    buf = io.StringIO()
    csv.writer(buf, lineterminator='\r\n').writerows(base)
    with open(f'{here}/shift-jis.csv', 'wb') as f:
        f.write(buf.getvalue().encode('cp932', errors='replace'))
    buf = io.StringIO()
    csv.writer(buf, lineterminator='\r\n').writerows(base[:3])
    write('broken-quote', None, raw=buf.getvalue() +
          '"jt","職種","alpha","専門Ａ","common","閉じない引用符\r\n')


main()
