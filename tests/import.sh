#!/bin/sh
# import.sh: "skillsite import" against the seed content and the example
# tailoring, with the downloads a build makes.
#   round-trip   importing the site's own framework.csv changes no byte of
#                content/ (and of content/ with tests/tailoring/minato)
#   edit         a level text, a skill name and a knowledge item changed
#                in the CSV (Python's csv): the diff printed shows each,
#                the XML changes on those lines only, checks, and a
#                rebuilt site shows the new texts
#   libreoffice  the CSV opened in LibreOffice, saved as xlsx and again as
#                CSV UTF-8, as a user would: no change (also for texts
#                guarded against running as formulas)
#   invalid      an edit that breaks the content writes nothing (status 1)
#   roles        roles.csv of the tailored build: round trip, a role's name
#                and description edited, a target level refused
#   atomic       a write that fails (a file size limit) leaves every file
#                as it was, and no temporary file (status 3)
#   xlsx         (when the build makes downloads/framework.xlsx) its round
#                trip, plain and tailored, also as LibreOffice saves it
#                again; with Debian's python3-openpyxl, an edit of a
#                matrix's skill name and level text, a knowledge item and
#                a note, only those lines changing, the same edits found
#                with the sheets moved, one renamed and one added, a
#                copied sheet refused (which copy was edited cannot be
#                told), and an unknown skill ID refused at its cell of
#                its sheet
# Usage: tests/import.sh BINARY    (from the top of the repository)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=build/import-tests
suite=import
. tests/lib.sh
run() { "$bin" import -t templates "$@"; }

"$bin" build -j 2 -t templates -o "$work/site" content > /dev/null
ok build $?
"$bin" build -j 2 -t templates -o "$work/tsite" content tests/tailoring/minato \
    > /dev/null
ok build-tailored $?
csv=$work/site/downloads/framework.csv

# round trip: nothing changes
cp -r content "$work/content"
cp -r tests/tailoring/minato "$work/minato"
run "$csv" "$work/content" > "$work/rt.out" &&
    grep -qx 'skillsite: 0 texts changed' "$work/rt.out" &&
    diff -r content "$work/content"
ok round-trip $?
run "$work/tsite/downloads/framework.csv" "$work/content" "$work/minato" \
    > "$work/rt2.out" &&
    grep -qx 'skillsite: 0 texts changed' "$work/rt2.out" &&
    diff -r content "$work/content" && diff -r tests/tailoring/minato "$work/minato"
ok round-trip-tailored $?

# roles.csv: round trip, a role's name and description, a level refused
roles=$work/tsite/downloads/roles.csv
run -n "$roles" content "$work/minato" > "$work/roles.out" &&
    grep -qx 'skillsite: 0 texts would change' "$work/roles.out"
ok roles-round-trip $?
python3 - "$roles" "$work/roles-edited.csv" "$work/roles-level.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
h = rows[0]
for r in rows[1:]:
    if r[h.index('役割ID')] == rows[1][h.index('役割ID')]:
        r[h.index('役割')] += '（改）'
rows[1][h.index('役割の説明')] += '\n\n役割の説明に追記した。'
csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(rows)
rows[2][h.index('目標レベル')] = '7'
csv.writer(open(sys.argv[3], 'w', encoding='utf-8-sig', newline='')).writerows(rows)
PY
cp -r tests/tailoring/minato "$work/minato-roles"
run "$work/roles-edited.csv" content "$work/minato-roles" > "$work/re.out" &&
    grep -qx 'skillsite: 2 texts changed' "$work/re.out" &&
    [ "$(diff tests/tailoring/minato/10-company.xml \
    "$work/minato-roles/10-company.xml" | grep -c '^[<>]')" = 4 ] &&
    grep -q '^      役割の説明に追記した。$' "$work/minato-roles/10-company.xml"
ok roles-edit $?
run -n "$work/roles-level.csv" content tests/tailoring/minato \
    > /dev/null 2> "$work/rl.err"
[ $? = 1 ] && grep -q 'roles-level.csv:3:J: error: cell cannot be changed' \
    "$work/rl.err"
ok roles-target-level-refused $?

# an edit of a level text, a skill name and a knowledge item
python3 - "$csv" "$work/edited.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
h = rows[0]
c = {n: h.index(n) for n in ('スキル項目ID', 'スキル項目', 'レベル', '説明', '知識項目')}
for r in rows[1:]:
    if r[c['スキル項目ID']] == 'technology':
        r[c['スキル項目']] = 'テクノロジ（改訂）'
        items = r[c['知識項目']].split('\n')
        items[1] = '最新技術動向 & 標準化 <2026>'
        r[c['知識項目']] = '\n'.join(items)
        if r[c['レベル']] == '5' and r[c['説明']].startswith('広域地域全体') \
                and 'ハードウェアサービス責任者' in r[c['説明']]:
            r[c['説明']] += '\n\n改訂：**新しい段落**を加えた。'
csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(rows)
PY
run "$work/edited.csv" "$work/content" > "$work/edit.out"
ok edit-status $?
grep -qx -- '-テクノロジ' "$work/edit.out" &&
    grep -qx -- '+テクノロジ（改訂）' "$work/edit.out" &&
    grep -qx -- '+最新技術動向 & 標準化 <2026>' "$work/edit.out" &&
    grep -qx -- '+改訂：\*\*新しい段落\*\*を加えた。' "$work/edit.out" &&
    grep -qx 'skillsite: 3 texts changed' "$work/edit.out"
ok edit-diff-printed $?
diff content/customer-service.xml "$work/content/customer-service.xml" \
    > "$work/edit.diff"
grep '^[<>]' "$work/edit.diff" > "$work/edit.lines"
cat > "$work/edit.want" <<'TXT'
<     <name>テクノロジ</name>
>     <name>テクノロジ（改訂）</name>
<       <item>最新技術動向</item>
>       <item>最新技術動向 &amp; 標準化 &lt;2026&gt;</item>
> 
>         改訂：**新しい段落**を加えた。
TXT
diff "$work/edit.want" "$work/edit.lines"
ok edit-only-those-lines $?
"$bin" check "$work/content" > /dev/null 2>&1
ok edit-checks $?
"$bin" build -j 2 -t templates -o "$work/site2" "$work/content" > /dev/null &&
    grep -q 'テクノロジ（改訂）' "$work/site2/customer-service/hardware/skills/technology.html" &&
    grep -q '<strong>新しい段落</strong>' "$work/site2/customer-service/hardware/skills/technology.html" &&
    grep -rq '最新技術動向 &amp; 標準化 &lt;2026&gt;' "$work/site2/customer-service/hardware/skills/technology.html"
ok edit-rebuilt-shows-it $?
run "$work/edited.csv" "$work/content" > "$work/again.out" &&
    grep -qx 'skillsite: 0 texts changed' "$work/again.out"
ok edit-twice-no-change $?

# LibreOffice: CSV -> xlsx -> CSV UTF-8, as a user saves it
if command -v soffice > /dev/null 2>&1; then
	lo() {
		timeout 180 soffice -env:UserInstallation=file://$PWD/$work/lo \
		    --headless "$@" > /dev/null 2>&1
	}
	mkdir -p "$work/lo-out"
	lo --infilter=CSV:44,34,76,1 --convert-to xlsx --outdir "$work/lo-out" \
	    "$csv" &&
	    lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false' \
	    --outdir "$work/lo-out/csv" "$work/lo-out/framework.xlsx"
	ok libreoffice-converts $?
	cp -r content "$work/content-lo"
	run "$work/lo-out/csv/framework.csv" "$work/content-lo" > "$work/lo.out" &&
	    grep -qx 'skillsite: 0 texts changed' "$work/lo.out" &&
	    diff -r content "$work/content-lo"
	ok libreoffice-no-change $?
	# texts a spreadsheet could run as formulas keep their guard
	"$bin" build -j 2 -t templates -o "$work/fsite" tests/site/formulas \
	    > /dev/null &&
	    lo --infilter=CSV:44,34,76,1 --convert-to xlsx --outdir \
	    "$work/lo-f" "$work/fsite/downloads/framework.csv" &&
	    lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false' \
	    --outdir "$work/lo-f/csv" "$work/lo-f/framework.xlsx" &&
	    grep -q "'=1+1" "$work/lo-f/csv/framework.csv" &&
	    run -n "$work/lo-f/csv/framework.csv" tests/site/formulas \
	    > "$work/lo-f.out" &&
	    grep -qx 'skillsite: 0 texts would change' "$work/lo-f.out"
	ok libreoffice-formulas-no-change $?
fi

# an invalid edit writes nothing
cp -r content "$work/content-bad"
sed 's/改訂：\*\*新しい段落\*\*を加えた。/<div>HTML<\/div>/' "$work/edited.csv" \
    > "$work/bad.csv"
run "$work/bad.csv" "$work/content-bad" > /dev/null 2> "$work/bad.err"
[ $? = 1 ] && diff -r content "$work/content-bad" &&
    grep -q 'bad.csv:[0-9]*:I: error: raw HTML' "$work/bad.err"
ok invalid-writes-nothing $?

# a failing write changes nothing and leaves no temporary file
cp -r content "$work/content-full"
(ulimit -f 8; run "$work/edited.csv" "$work/content-full") > /dev/null \
    2> "$work/full.err"
[ $? = 3 ] && diff -r content "$work/content-full" &&
    grep -q 'cannot write the content file' "$work/full.err"
ok atomic-write-fails-cleanly $?
if [ "$(id -u)" != 0 ]; then
	cp -r content "$work/content-ro" && chmod a-w "$work/content-ro"
	run "$work/edited.csv" "$work/content-ro" > /dev/null 2>&1
	[ $? = 3 ] && diff -r content "$work/content-ro"
	ok read-only-folder $?
	chmod u+w "$work/content-ro"
fi

# xlsx: the workbook download read back
xlsx=$work/site/downloads/framework.xlsx
if [ -f "$xlsx" ]; then
	cp -r content "$work/content-x"
	run "$xlsx" "$work/content-x" > "$work/x.out" &&
	    grep -qx 'skillsite: 0 texts changed' "$work/x.out" &&
	    diff -r content "$work/content-x"
	ok xlsx-round-trip $?
	run -n "$work/tsite/downloads/framework.xlsx" content \
	    tests/tailoring/minato > "$work/xt.out" &&
	    grep -qx 'skillsite: 0 texts would change' "$work/xt.out"
	ok xlsx-round-trip-tailored $?
	if command -v soffice > /dev/null 2>&1; then
		lo --convert-to xlsx --outdir "$work/lo-x" "$xlsx" &&
		    run -n "$work/lo-x/framework.xlsx" content > "$work/lo-x.out" &&
		    grep -qx 'skillsite: 0 texts would change' "$work/lo-x.out"
		ok xlsx-libreoffice-no-change $?
	fi
fi
if [ -f "$xlsx" ] && /usr/bin/python3 -c 'import openpyxl' 2> /dev/null; then
	/usr/bin/python3 - "$xlsx" "$work/edited.xlsx" "$work/unknown.xlsx" \
	    "$work/moved.xlsx" "$work/copied.xlsx" <<'PY'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[1]            # the first matrix
assert ws['A4'].value == 'system-maintenance', ws['A4'].value
ws['B4'] = 'システム保守管理（改）'
ws['E4'] = ws['E4'].value + '\n\n追記：xlsx から。'
kn = wb.worksheets[len(wb.worksheets) - 2]   # knowledge, notes last
assert kn['B3'].value == 'system-maintenance' and kn['D3'].value == '1'
kn['E3'] = 'リモートメンテナンス（改）'
no = wb.worksheets[-1]
assert no['A3'].value == 'jobtype'
no['E3'] = '注記を書き換えた。'
wb.save(sys.argv[2])
ws['A5'] = 'no-such-skill'
wb.save(sys.argv[3])
ws['A5'] = wb.worksheets[1]['A5'].value
wb = openpyxl.load_workbook(sys.argv[2])
# an editor's own sheet first, the notes before the knowledge items,
# the matrices in reverse order, one renamed
memo = wb.create_sheet('メモ', 0)
memo['A1'] = '社内の作業メモ'
matrices = wb.worksheets[2:len(wb.worksheets) - 2]
for k, sheet in enumerate(reversed(matrices)):
    wb.move_sheet(sheet, offset=2 + k - wb.worksheets.index(sheet))
wb.move_sheet(wb.worksheets[-1], offset=-1)
wb.worksheets[2].title = '改名したシート'
wb.save(sys.argv[4])
# a copy of a matrix and of the notes, as Excel's "create a copy" makes
wb = openpyxl.load_workbook(sys.argv[2])
notes = wb.worksheets[-1]
assert notes.title == '注記', notes.title
wb.copy_worksheet(wb.worksheets[1]).title = 'ハードウェア (2)'
wb.copy_worksheet(notes).title = '注記 (2)'
wb.save(sys.argv[5])
PY
	ok xlsx-edited $?
	cp -r content "$work/content-xe"
	run "$work/edited.xlsx" "$work/content-xe" > "$work/xe.out"
	ok xlsx-edit-status $?
	diff content/customer-service.xml "$work/content-xe/customer-service.xml" |
	    grep '^[<>]' > "$work/xe.lines"
	[ "$(grep -c '^<' "$work/xe.lines")" = 3 ] &&
	    grep -q '^>   <editorial-note>注記を書き換えた。</editorial-note>$' \
	    "$work/xe.lines" &&
	    grep -q '^>     <name>システム保守管理（改）</name>$' "$work/xe.lines" &&
	    grep -q '^>       <item>リモートメンテナンス（改）</item>$' \
	    "$work/xe.lines" &&
	    grep -q '^>         追記：xlsx から。$' "$work/xe.lines" &&
	    grep -qx 'skillsite: 4 texts changed' "$work/xe.out"
	ok xlsx-edit-only-those-lines $?
	cp -r content "$work/content-xm"
	run "$work/moved.xlsx" "$work/content-xm" > "$work/xm.out" &&
	    grep -qx 'skillsite: 4 texts changed' "$work/xm.out" &&
	    diff -r "$work/content-xe" "$work/content-xm"
	ok xlsx-sheets-moved-added-renamed $?
	twice='error: sheet repeats another; .*'
	run -n "$work/copied.xlsx" content > /dev/null 2> "$work/xc.err"
	[ $? = 1 ] && grep -q "copied.xlsx\\[ハードウェア (2)\\]:2:A: $twice: \
specialty hardware, as sheet \"ハードウェア\"\$" "$work/xc.err" &&
	    grep -q "copied.xlsx\\[注記 (2)\\]:2:A: $twice: the notes, \
as sheet \"注記\"\$" "$work/xc.err"
	ok xlsx-copied-sheet-refused $?
	run -n "$work/unknown.xlsx" content > /dev/null 2> "$work/xu.err"
	[ $? = 1 ] && grep -q 'unknown.xlsx\[.*\]:5:A: error: names nothing' \
	    "$work/xu.err"
	ok xlsx-unknown-skill-at-its-cell $?
fi

echo "import (import tests): $pass passed, $fail failed"
[ "$fail" = 0 ]
