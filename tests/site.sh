#!/bin/sh
# site.sh: whole-site tests of "skillsite build".
#   golden       the fixture framework (tests/site/content) builds to exactly
#                tests/site/expected (diff -r, whitespace included); its
#                assets are the templates' stylesheets, search script and
#                icon, byte for byte; content/ with the example
#                tailoring (tests/tailoring/minato) builds to exactly
#                tests/site/expected-minato, but for search/ and downloads/
#   determinism  content/ built twice in different time zones, locales,
#                umasks and folders gives identical trees, modes included
#   atomicity    bad content leaves the old site as it was; a stale folder
#                of a killed run is removed; a folder skillsite did not
#                write is never replaced; a page gone from the content is
#                gone from the site
#   assets       a font and a logo added to a copy of templates/ are
#                published at assets/NAME (the stylesheet's url() reaches
#                the font), templates, README.md and hidden files are not;
#                a FIFO, a file over the cap, a bad name, a refused
#                extension, a link out of the folder or a folder fails
#                the build with exit 3 naming the file, the site untouched
#   changes      every skill page's level changes read back as its levels
#                (tests/changes.py), on the fixture and on content/
#   levels       every matrix cell's words taken whole from its own text,
#                "same" only beside the same text, and every level page's
#                shortened description read back as the whole
#                (tests/levels.py), on the fixture, on content/ and on
#                tests/site/levels (Markdown, dropped words, combining
#                marks, punctuation after the shared opening)
#   tailored     content/ with tests/tailoring/minato: the 社内 mark on
#                company skills, added knowledge items, level texts and
#                roles and nowhere else (not on a standard page, not in
#                a plain build); renamed skills with the standard's name
#                beside; hidden skills and levels gone, a hidden level
#                said so; each level's company box after the standard's
#                text, verbatim, with its meaning, evidence and
#                resources (links off the site marked external, hours);
#                on the skill, level, specialty, home, comparison,
#                knowledge and map pages, and in the handbooks (the
#                company's edition: the legend naming the tailorings, a
#                section per role with its targets, each level's company
#                box, hidden skills gone; tests/unit/test_handbooks.c
#                reads their PDFs); every id once; each map one
#                A4 landscape page (with WeasyPrint and poppler-utils)
#   unique ids   no page of the fixture, of content/ or of skills whose
#                IDs meet an anchor's suffix ("a" and "a-level-3") holds
#                one id twice; nor the job type's handbook of five
#                specialties sharing a skill, whose compared table then
#                lists the specialties one under another
# Usage: tests/site.sh [--update] BINARY    (from the top of the repository)
set -u
update=0
if [ "${1:-}" = --update ]; then
	update=1
	shift
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(pwd)
work=build/site-tests
suite=site
. tests/lib.sh

# Prints the type, mode and path of everything below $1, sorted.
tree() {
	(cd "$1" && find . -printf '%y %m %p\n' | sort)
}

# golden
"$bin" build -t templates -o "$work/fixture" tests/site/content > /dev/null
ok build-fixture $?
if [ "$update" = 1 ]; then
	rm -rf tests/site/expected
	cp -r "$work/fixture" tests/site/expected
	rm -rf tests/site/expected/assets	# copies of templates' files
fi
diff -r -x assets tests/site/expected "$work/fixture"
ok golden $?
# golden, tailored: content/ with the example tailoring builds to exactly
# tests/site/expected-minato (its search index and downloads are read
# back by search.sh, downloads.py and verbatim.py instead)
"$bin" build -t templates -o "$work/minato" content tests/tailoring/minato \
    > /dev/null 2>&1
ok build-minato $?
if [ "$update" = 1 ]; then
	rm -rf tests/site/expected-minato
	cp -r "$work/minato" tests/site/expected-minato
	rm -rf tests/site/expected-minato/assets \
	    tests/site/expected-minato/search tests/site/expected-minato/downloads
fi
diff -r -x assets -x search -x downloads tests/site/expected-minato \
    "$work/minato"
ok golden-minato $?
for f in style.css handbook.css search.js icon.svg assess.js knowledge.js; do
	cmp "templates/$f" "$work/fixture/assets/$f" || break
done
ok assets-copied $?
# level changes: the before and after columns read back as the levels
python3 tests/changes.py "$work/fixture" > "$work/changes.out"
ok changes-fixture $?

# determinism
(umask 022 && TZ=UTC LC_ALL=C "$bin" build -t templates -o "$work/det-a" \
    content > /dev/null)
ok build-a $?
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && umask 077 && TZ=Asia/Tokyo LC_ALL=C.UTF-8 \
    LANG=ja_JP.UTF-8 "$bin" build -t "$top/templates" -o ../det-b \
    "$top/content" > /dev/null)
ok build-b $?
diff -r "$work/det-a" "$work/det-b"
ok identical-bytes $?
[ "$(tree "$work/det-a")" = "$(tree "$work/det-b")" ]
ok identical-modes $?
python3 tests/changes.py "$work/det-a" >> "$work/changes.out"
ok changes-seed $?
grep '^FAIL' "$work/changes.out"
# the matrix and the level pages read back as the texts they show
"$bin" build -t templates -o "$work/levels" tests/site/levels > /dev/null
ok build-levels $?
: > "$work/levels.out"
for site in fixture det-a levels; do
	python3 tests/levels.py "$work/$site" >> "$work/levels.out"
	ok "levels-$site" $?
done
python3 tests/changes.py "$work/levels" >> "$work/changes.out"
ok changes-levels $?
grep '^FAIL' "$work/levels.out" "$work/changes.out"

# atomicity: bad content changes nothing
cp -r "$work/det-a" "$work/site-copy"
"$bin" build -t templates -o "$work/det-a" tests/corpus/duplicate-id.xml \
    > /dev/null 2>&1
[ $? = 1 ]
ok bad-content-exit-1 $?
diff -r "$work/site-copy" "$work/det-a"
ok bad-content-keeps-site $?

# atomicity: a missing template changes nothing either
mkdir -p "$work/broken-templates"
cp templates/layout.xhtml "$work/broken-templates/"
"$bin" build -t "$work/broken-templates" -o "$work/det-a" content \
    > /dev/null 2>&1
[ $? = 3 ]
ok bad-templates-exit-3 $?
diff -r "$work/site-copy" "$work/det-a"
ok bad-templates-keep-site $?

# a stale folder of a killed run goes; a page gone from the content goes
mkdir -p "$work/.det-a.skillsite-KILLED/x"
"$bin" build -t templates -o "$work/det-a" tests/site/content > /dev/null
ok rebuild $?
[ ! -e "$work/.det-a.skillsite-KILLED" ]
ok stale-folder-removed $?
[ ! -e "$work/det-a/customer-service" ] && [ -e "$work/det-a/jt/alpha.html" ]
ok old-pages-gone $?
[ -z "$(ls -A "$work" | grep '\.skillsite-' | grep -v -e '-lock$' -e '-manifest$')" ]
ok no-temporary-left $?

# a template without data-page changes nothing
cp -r templates "$work/no-page-templates"
sed 's/data-page=""//' templates/level.xhtml > "$work/no-page-templates/level.xhtml"
cp -r "$work/det-a" "$work/site-copy2"
"$bin" build -t "$work/no-page-templates" -o "$work/det-a" \
    tests/site/content > "$work/no-page.out" 2>&1
[ $? = 3 ] && ! grep -q wrote "$work/no-page.out"
ok no-data-page-exit-3 $?
diff -r "$work/site-copy2" "$work/det-a"
ok no-data-page-keeps-site $?

# a second build to the same place while one publishes fails at once
if command -v flock >/dev/null 2>&1; then
	flock "$work/.det-a.skillsite-lock" sleep 3 &
	sleep 1
	"$bin" build -t templates -o "$work/det-a" tests/site/content \
	    > /dev/null 2> "$work/locked.err"
	[ $? = 3 ] && grep -q 'another build is publishing' "$work/locked.err"
	ok concurrent-build-refused $?
	wait
	diff -r "$work/site-copy2" "$work/det-a"
	ok concurrent-build-keeps-site $?
fi

# a folder skillsite did not write is never replaced
mkdir -p "$work/precious"
echo keep > "$work/precious/file"
"$bin" build -t templates -o "$work/precious" content > /dev/null 2>&1
[ $? = 3 ] && [ "$(cat "$work/precious/file")" = keep ] &&
    [ ! -e "$work/precious/index.html" ]
ok foreign-folder-kept $?

# hostile text comes out inert: no element or attribute that runs code,
# styles inline or loads anything, whatever the content's text says; each
# page has the layout's one script, the search's, and no other, and one
# data block in its head, the structured data, with no '<' in it
"$bin" build -t templates -o "$work/hostile" tests/site/hostile > /dev/null
ok build-hostile $?
inert=0
own="(substring(@src,string-length(@src)-15)='assets/search.js' or
    substring(@src,string-length(@src)-15)='assets/assess.js' or
    substring(@src,string-length(@src)-18)='assets/knowledge.js') and
    normalize-space(.)='' and count(@*)=2 and @defer"
ld="/html/head/script[@type='application/ld+json' and count(@*)=1]"
for f in $(find "$work/hostile" -name '*.html'); do
	# the scripts allowed: the layout's, empty, from assets/search.js
	# (every page), assets/assess.js (assessment sheets) and
	# assets/knowledge.js (knowledge indexes)
	n=$(xmllint --html --xpath "count(//script[not($own)]|//iframe|//style|
	    //svg|//img|//object|//embed|//form|//base|
	    //@*[starts-with(local-name(),'on')]|//@style|//@src[not(parent::
	    script[$own])]|//@*[contains(translate(.,'JAVSCRIPTBDT',
	    'javscriptbdt'),'script:') or starts-with(translate(.,'DAT','dat'),
	    'data:')]) + 1 - count(//script[$own and contains(@src,'search')])
	    + count(//script[$own and contains(@src,'assess')]) -
	    count(self::node()[contains('$f','/assessment.html')]) +
	    count(//script[$own and contains(@src,'knowledge')]) -
	    count(self::node()[contains('$f','/knowledge.html')]) -
	    count($ld) + number(count($ld) != 1) +
	    count(//script[@type='application/ld+json' and contains(.,'<')])" \
	    "$f" \
	    2>/dev/null)
	if [ "$n" != 0 ]; then
		echo "not inert ($n): $f"
		inert=1
	fi
done
ok hostile-inert $inert

# faults: each leaves a clear error, status 3, the published site as it
# was and no temporary folder
leftover() {
	ls -A "$1" | grep '\.skillsite-' | grep -v -e '-lock$' -e '-manifest$'
}

#   the output's parent is a file
echo x > "$work/a-file"
"$bin" build -t templates -o "$work/a-file/out" tests/site/content \
    > /dev/null 2> "$work/parent-file.err"
[ $? = 3 ] && grep -q 'error:' "$work/parent-file.err"
ok parent-is-a-file $?

#   the output folder's parent is not writable (as an unprivileged user,
#   in a scratch folder anyone may read, wherever the repository is)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	ro=$(mktemp -d /tmp/skillsite-ro.XXXXXX)
	chmod 755 "$ro"
	cp "$bin" "$ro/skillsite"
	cp -r templates "$ro/templates"
	cp -r tests/site/content "$ro/content"
	mkdir -p "$ro/out/site"
	cp -r "$work/det-a/." "$ro/out/site/"
	chmod -R a+rX "$ro"
	(cd "$ro" && setpriv --reuid=65534 --regid=65534 --clear-groups \
	    ./skillsite build -t templates -o out/site content) \
	    > /dev/null 2> "$work/ro.err"
	[ $? = 3 ] && grep -q 'cannot publish the site' "$work/ro.err"
	ok unwritable-exit-3 $?
	diff -r "$work/det-a" "$ro/out/site" && [ -z "$(leftover "$ro/out")" ]
	ok unwritable-keeps-site $?
	rm -rf "$ro"
fi

#   the disk fills up (a file size limit, SIGXFSZ ignored)
(trap '' XFSZ; ulimit -f 8; exec "$bin" build -t templates -o "$work/det-a" \
    content) > /dev/null 2> "$work/full.err"
[ $? = 3 ] && grep -q 'cannot write' "$work/full.err"
ok disk-full-exit-3 $?
diff -r "$work/site-copy2" "$work/det-a" && [ -z "$(leftover "$work")" ]
ok disk-full-keeps-site $?

#   SIGKILL while publishing: a stand-in weasyprint that hangs holds the
#   build after every page is written, then the build is killed
mkdir -p "$work/fakebin"
printf '#!/bin/sh\nexec sleep 30\n' > "$work/fakebin/weasyprint"
chmod +x "$work/fakebin/weasyprint"
PATH="$top/$work/fakebin:$PATH" "$bin" build -p -t templates \
    -o "$work/det-a" tests/site/content > /dev/null 2>&1 &
pid=$!
sleep 2
kill -9 "$pid"
wait "$pid" 2>/dev/null
pkill -f "$work/fakebin/weasyprint" 2>/dev/null
pkill -x sleep -P 1 2>/dev/null
diff -r "$work/site-copy2" "$work/det-a" && [ -n "$(leftover "$work")" ]
ok killed-keeps-site $?
"$bin" build -t templates -o "$work/det-a" tests/site/content > /dev/null
[ $? = 0 ] && [ -z "$(leftover "$work")" ]
ok killed-run-cleaned-up $?

# names in what a build prints are escaped: no forged line, no control,
# line separator or bidi control reaches the terminal, on stdout (the
# summary) or stderr
raw_controls() {
	LC_ALL=C grep -q -e "$(printf '[\001-\011\013-\037\177]')" \
	    -e "$(printf '\302[\200-\237]')" \
	    -e "$(printf '\342\200[\213-\217\250-\256]')" "$@"
}
odd=$(printf '%s/odd\033[2J\nskillsite: forged\302\233\342\200\256' "$work")
escaped='odd\x1B[2J\x0Askillsite: forged\u009B\u202E'
"$bin" build -t templates -o "$odd" tests/site/content > "$work/odd.out"
ok odd-name-build $?
[ "$(wc -l < "$work/odd.out")" = 1 ] && ! raw_controls "$work/odd.out" &&
    grep -qF "$escaped in " "$work/odd.out"
ok odd-name-summary-escaped $?
mkdir -p "$odd-templates"
"$bin" build -t "$odd-templates" -o "$work/odd-out" tests/site/content \
    > /dev/null 2> "$work/odd.err"
[ $? = 3 ] && ! grep -qv '^skillsite: ' "$work/odd.err" &&
    ! raw_controls "$work/odd.err" &&
    grep -qF "skillsite: $work/$escaped-templates/layout.xhtml: error:" \
    "$work/odd.err"
ok odd-name-error-escaped $?

# unique ids: every id of every page of site $1 once on its page
ids_unique() {
	find "$1" -name '*.html' | while read -r page; do
		xmllint --xpath '//@id' "$page" 2>/dev/null |
		    tr ' ' '\n' | grep . | sort | uniq -d |
		    sed "s|^|$page: twice: |"
	done | grep . && return 1
	return 0
}
mkdir -p "$work/suffix-ids"
cp tests/site/content/framework.xml "$work/suffix-ids/"
cat > "$work/suffix-ids/jobtype.xml" <<'EOF'
<jobtype id="jt" number="1" min-level="3" max-level="4"><name>職種</name>
  <skill id="a" scope="specific"><name>スキルA</name>
    <knowledge><item>項目</item></knowledge></skill>
  <skill id="a-level-3" scope="specific"><name>スキルA3</name>
    <knowledge><item>項目</item></knowledge></skill>
  <specialty id="sp"><name>専門</name>
    <entry skill="a"><level value="4">四</level><level value="3">三</level></entry>
    <entry skill="a-level-3"><level value="4">四</level><level value="3">三</level></entry>
  </specialty>
</jobtype>
EOF
"$bin" build -t templates -o "$work/suffix-ids-site" "$work/suffix-ids" \
    > /dev/null && ids_unique "$work/suffix-ids-site"
ok ids-unique-suffixes $?
# the job type's handbook of five specialties sharing a specific skill:
# each part's copy of it has ids of its own, and the compared table lists
# the specialties one under another (more than four for columns)
# specialties: the job type's content with N specialties, each listing
# the common skill c and the specific skill x
specialties() {
	awk -v n="$1" 'BEGIN {
    print "<jobtype id=\"jt\" number=\"1\" min-level=\"3\" max-level=\"4\"><name>職種</name>"
    print "<skill id=\"c\" scope=\"common\"><name>共通</name><knowledge><item>項目</item></knowledge></skill>"
    print "<skill id=\"x\" scope=\"specific\"><name>固有</name><knowledge><item>項目</item></knowledge></skill>"
    for (i = 1; i <= n; i++)
	printf "<specialty id=\"s%d\"><name>専門%d</name><entry skill=\"c\">" \
	    "<level value=\"4\">四 %d</level><level value=\"3\">三</level></entry>" \
	    "<entry skill=\"x\"><level value=\"4\">四</level>" \
	    "<level value=\"3\">三 %d</level></entry></specialty>\n", i, i, i, i
    print "</jobtype>" }'
}
mkdir -p "$work/five" "$work/one"
cp tests/site/content/framework.xml "$work/five/"
cp tests/site/content/framework.xml "$work/one/"
specialties 5 > "$work/five/jobtype.xml"
specialties 1 > "$work/one/jobtype.xml"
"$bin" build -t templates -o "$work/five-site" "$work/five" > /dev/null &&
    ids_unique "$work/five-site" &&
    [ "$(grep -c 'data-layout="stacked"' "$work/five-site/handbooks/jt.html")" = 1 ] &&
    [ "$(grep -c 'id="skill-s[1-5]_x"' "$work/five-site/handbooks/jt.html")" = 5 ] &&
    grep -q 'data-layout="columns"' "$work/fixture/handbooks/jt.html"
ok jobtype-handbook-parts $?
# one specialty: nothing to differ from, so no word is marked (the
# legend's sample <mark> aside, once per compared skill and page)
"$bin" build -t templates -o "$work/one-site" "$work/one" > /dev/null &&
    [ "$(grep -o '<mark>' "$work/one-site/handbooks/jt.html" | wc -l)" = 1 ] &&
    [ "$(grep -o '<mark>' "$work/one-site/jt/compare/c.html" | wc -l)" = 1 ]
ok one-specialty-marks-nothing $?
ids_unique "$work/fixture"
ok ids-unique-fixture $?
ids_unique "$work/det-b"
ok ids-unique-seed $?

# tailored: the company's words marked apart from the standard's
# xp XPATH PAGE: the XPath's value on the page (HTML), below $tw
xp() {
	xmllint --html --xpath "$1" "$tw/$2" 2>/dev/null
}
# has N XPATH PAGE: whether the XPath finds N nodes on the page
has() {
	[ "$(xp "count($2)" "$3")" = "$1" ] ||
	    { echo "not $1: $2 in $3"; return 1; }
}
mark="span[@class='company-mark']"
std="span[@class='standard-name']"
tw=$work/tailored
"$bin" build -t templates -o "$tw" content tests/tailoring/minato > /dev/null
ok build-tailored $?
tw=$tw/customer-service
hw=hardware/skills
# the skill page: a company skill's name marked, a renamed one with the
# standard's, the added knowledge items marked and only they
has 1 "//h1[normalize-space(.)='リモート監視・予兆保守 社内']/$mark" \
    $hw/minato-remote-monitoring.html &&
has 1 "//h1[normalize-space(.)='オンサイト障害対応 （標準：障害修理）']/$std" \
    $hw/fault-repair.html && has 0 "//h1/$mark" $hw/fault-repair.html &&
has 2 "//section[@class='knowledge']//$mark" $hw/fault-repair.html &&
has 1 "//li[a='保守部品の手配と返却（部品センタ運用）']/$mark" \
    $hw/fault-repair.html &&
has 0 "//li[a='障害コール受付']/$mark" $hw/fault-repair.html &&
has 0 "//main//$mark" $hw/project-management.html &&
has 0 "//main//$std" $hw/project-management.html
ok tailored-skill-names $?
# a level: the standard's text as a plain build has it, then the
# company's box with its mark, meaning, evidence and resources: a title
# with an address a link off the site, one without plain text, kinds,
# hours
l3="//section[@id='level-3']"
[ "$(xp "string($l3/div[@class='prose'])" $hw/fault-repair.html)" = \
    "$(xmllint --html --xpath "string($l3/div[@class='prose'])" \
    "$work/det-b/customer-service/$hw/fault-repair.html" 2>/dev/null)" ] &&
has 1 "$l3/div[@class='prose']/following-sibling::div[@class='company']" \
    $hw/fault-repair.html &&
has 1 "$l3/div[@class='company']/$mark" $hw/fault-repair.html &&
has 0 "$l3/div[@class='prose']//$mark" $hw/fault-repair.html &&
has 1 "$l3//h4[.='社内での意味']/following-sibling::div[contains(.,'オンサイト修理を一人で完結できる')]" \
    $hw/fault-repair.html &&
has 1 "$l3//h4[.='根拠の例']/following-sibling::div/ul[count(li)=3]" \
    $hw/fault-repair.html &&
has 1 "$l3//ul[@class='resources']/li/a[@href='https://portal.minato-is.example.co.jp/training/mss-basic'][@class='external'][@rel='external noopener noreferrer'][.='MSS準拠 オンサイト修理 基礎研修']" \
    $hw/fault-repair.html &&
has 1 "$l3//ul[@class='resources']/li[a][.//span[@class='resource-kind']='社内研修'][.//span[@class='resource-hours']='21時間']" \
    $hw/fault-repair.html &&
has 1 "$l3//ul[@class='resources']/li[not(a)][starts-with(.,'先輩エンジニア同行によるオンサイト修理OJT（3か月）')][.//span[@class='resource-kind']='OJT'][not(.//span[@class='resource-hours'])]" \
    $hw/fault-repair.html &&
has 3 "$l3//ul[@class='resources']/li" $hw/fault-repair.html &&
has 1 "$l3//span[@class='resource-hours'][.='12.5時間']" \
    software/skills/first-second-line-support.html &&
has 0 "//section[@id='level-6']//div[@class='company']" $hw/fault-repair.html &&
has 4 "//section[@class='level']/div[@class='company company-text']/$mark" \
    facility-management/skills/minato-security-compliance.html
ok tailored-skill-levels $?
# a hidden level says so, its text gone, and no change leads to it
n6=$(xmllint --html --xpath "string(//section[@id='level-6']/div)" \
    "$work/det-b/customer-service/$hw/negotiation.html" 2>/dev/null)
[ -n "$n6" ] && ! grep -qF "$n6" "$tw/$hw/negotiation.html" &&
has 1 "//section[@id='level-6']/p[@class='hidden-level'][.='社内標準では対象外のレベルです']" \
    $hw/negotiation.html &&
has 0 "//section[@id='level-6']/p[@class='undefined']" $hw/negotiation.html &&
has 1 "//section[@id='level-6']/p[@class='undefined']" $hw/fault-repair.html &&
has 2 "//section[@class='change']" $hw/negotiation.html &&
has 0 "//section[@class='change']//a[.='レベル６']" $hw/negotiation.html &&
[ "$(grep -o '社内では対象外' "$tw/hardware.html" | wc -l)" = 1 ] &&
[ "$(grep -o '社内では対象外' "$tw/../handbooks/hardware-map.html" |
    wc -l)" = 1 ]	# the matrix's and the map's cell of that level
ok tailored-hidden-level $?
# hidden skills: no page, no name, no link (but in the report, which
# lists what the tailorings hide, and in the assessment sheet's list of
# skills a saved state may name that are gone, data-gone)
[ ! -e "$tw/facility-management/skills/facility-marketing.html" ] &&
    [ ! -e "$tw/software/skills/customer-service-management.html" ] &&
    [ -e "$tw/$hw/customer-service-management.html" ] &&
    ! grep -rq -e 'ファシリティ・マーケティング' -e 'facility-marketing' \
    $(ls "$tw"/*.html | grep -v '/tailoring\.html$') \
    "$tw"/*/*/*.html "$tw"/compare \
    "$tw"/../handbooks/*-map.html &&
    ! grep -q -e '>ファシリティ・マーケティング<' -e 'facility-marketing' \
    "$tw/../index.html" &&	# the summary names what it hides
    ! grep -rh -e 'カスタマサービスマネジメント<' \
    -e 'customer-service-management' "$tw"/software "$tw/software.html" \
    "$tw/../handbooks/software-map.html" | grep -qv 'data-gone="'
ok tailored-hidden-skills $?
# the level page: names as on the skill page, the company's meaning and
# resources (no evidence: a link to it), a hidden level listed apart
lv=hardware/levels
e="//section[@class='entry']"
has 1 "$e/h2[normalize-space(.)='オンサイト障害対応 （標準：障害修理）']/$std" $lv/3.html &&
has 1 "$e/h2[normalize-space(.)='リモート監視・予兆保守 社内']/$mark" $lv/3.html &&
has 1 "$e[h2/a='リモート監視・予兆保守']/div[@class='company company-text']/$mark" $lv/3.html &&
has 1 "$e[h2/a='オンサイト障害対応']/div[@class='company'][$mark][contains(.,'オンサイト修理を一人で完結できる')][not(contains(.,'作業報告書10件以上'))]/ul[@class='resources']/li/a[@class='external'][@href='https://portal.minato-is.example.co.jp/training/mss-basic']" \
    $lv/3.html &&
has 0 "$e[h2/a='プロジェクトマネジメント']//$mark" $lv/3.html &&
has 1 "//section[h2='このレベルを社内標準で対象外としているスキル項目']//li[a='ネゴシエーション']" \
    $lv/6.html &&
has 0 "//section[h2='このレベルの定義がないスキル項目']//li[a='ネゴシエーション']" $lv/6.html
ok tailored-level-page $?
# the specialty page: its roles linked, the report linked, names marked
has 3 "//section[@class='roles']//li/a[starts-with(@href,'roles/')]" hardware.html &&
has 1 "//section[@class='roles']//a[@href='roles/field-engineer-3y.html'][.='フィールドエンジニア（3年目）']" \
    hardware.html &&
has 1 "//section[@class='roles']//a[@href='roles/remote-monitoring-engineer.html']" hardware.html &&
has 0 "//section[@class='roles']//a[@href='roles/service-desk-engineer.html']" hardware.html &&
has 1 "//main//a[@href='tailoring.html'][.='社内標準の変更点']" hardware.html &&
has 1 "//table//th[a='リモート監視・予兆保守']/$mark" hardware.html &&
has 1 "//table//th[a='オンサイト障害対応']/$std[.='（標準：障害修理）']" hardware.html &&
has 1 "//ul/li[a='オンサイト障害対応']/$std" hardware.html &&
has 0 "//table//th[a='障害修理']" hardware.html &&
has 2 "//table//th/$mark" hardware.html
ok tailored-specialty-page $?
# the home page: the tailorings named, their summaries, the report and
# the roles linked; names marked
home=../index.html
ts="//section[@class='company tailorings']"
has 1 "$ts/$mark" $home &&
has 1 "$ts//h4[.='みなと情報サービス カスタマサービス職 社内スキル基準']/following-sibling::div[1]/ul[count(li)=4]" \
    $home &&
has 1 "$ts//h4[.='みなと情報サービス ハードウェア保守事業部 育成基準']" $home &&
has 1 "$ts//a[@href='customer-service/tailoring.html']" $home &&
has 7 "$ts//dl//a[starts-with(@href,'customer-service/roles/')]" $home &&
has 3 "$ts//dl/div[dd//a[@href='customer-service/roles/field-engineer-3y.html']]/dd//a" $home &&
has 1 "//aside[@class='tailoring-legend']//a[@href='customer-service/tailoring.html']" $home &&
has 2 "//li[a[starts-with(.,'情報セキュリティ・コンプライアンス')]]/$mark" $home &&
has 1 "//li[a='オンサイト障害対応']/$std[.='（標準：障害修理）']" $home &&
has 1 "//li[a='データセンタ設備保守運用']/$std[.='（標準：ファシリティ保守運用）']" $home
ok tailored-home-page $?
# comparisons: a level hidden everywhere said so in one cell; a company
# skill's marked
has 1 "//tr[th='レベル６']/td[@class='hidden-row'][@colspan='3'][.='社内標準では対象外のレベルです']" \
    compare/negotiation.html &&
has 0 "//tr[th='レベル６']/td[not(@class='hidden-row')]" compare/negotiation.html &&
has 3 "//tr[th='レベル５']/td" compare/negotiation.html &&
has 1 "//h1/$mark" compare/minato-security-compliance.html &&
has 0 "//h1/$mark" compare/negotiation.html
ok tailored-compare $?
# a level hidden in one specialty: its row names it, the others' texts stay
mkdir -p "$work/hide-one"
cat > "$work/hide-one/t.xml" <<'EOF'
<tailoring id="t" base="customer-service"><name>基準</name>
  <hide skill="communication" specialty="software" level="5"/>
</tailoring>
EOF
c1=$work/hide-one-site/customer-service/compare/communication.html
r5="//tr[th[starts-with(.,'レベル５')]]"
"$bin" build -t templates -o "$work/hide-one-site" content "$work/hide-one" \
    > /dev/null &&
[ "$(xmllint --html --xpath "string($r5/th/span[@class='hidden-in'])" \
    "$c1" 2>/dev/null)" = '社内標準で対象外：ソフトウェア' ] &&
[ "$(xmllint --html --xpath "count($r5/td[p[@class='undefined']][.//text()[contains(.,'社内では対象外')]])" \
    "$c1" 2>/dev/null)" = 1 ] &&
[ "$(xmllint --html --xpath "count($r5/td)" "$c1" 2>/dev/null)" = 3 ] &&
[ "$(xmllint --html --xpath "count(//span[@class='hidden-in'])" "$c1" \
    2>/dev/null)" = 1 ]
ok tailored-compare-hidden-in-one $?
# the knowledge index: added items marked (2 + 1 + 2), names as elsewhere
has 5 "//li[@data-key]/$mark" knowledge.html &&
has 1 "//li[@data-key][span[@class='kx-text']='生成AIの業務利用と社内ガイドライン']/$mark" knowledge.html &&
has 0 "//li[@data-key][span[@class='kx-text']='障害コール受付']/$mark" knowledge.html &&
has 1 "//section[@id='skill-fault-repair']/h2/$std[.='（標準：障害修理）']" knowledge.html &&
has 1 "//section[@id='skill-minato-remote-monitoring']/h2/$mark" knowledge.html &&
has 0 "//section[@id='skill-technology']/h2/$mark" knowledge.html
ok tailored-knowledge $?
# the skill map: names marked, the legend of the mark beside the source
map=../handbooks/hardware-map.html
has 1 "//th[@scope='row'][starts-with(.,'リモート監視・予兆保守')]/$mark" $map &&
has 1 "//th[@scope='row'][starts-with(.,'情報セキュリティ・コンプライアンス')]/$mark" $map &&
has 1 "//th[@scope='row'][starts-with(.,'オンサイト障害対応')]/$std[.='（標準：障害修理）']" $map &&
has 2 "//th[@scope='row']/$mark" $map &&
has 1 "//p[@class='map-source']/span[@class='map-company']/$mark" $map
ok tailored-map $?
# the handbooks: the company's edition, its legend naming both
# tailorings, a section per role of the specialty (of every specialty,
# the job type's), a target linked to its level's row; the level's
# company box after the standard's text, the resource's address printed;
# hidden skills gone, hidden levels said so
hb=../handbooks
for f in hardware software facility-management customer-service; do
	has 1 "//aside[@class='hb-tailoring-legend'][count(.//li)=2][.//li='みなと情報サービス ハードウェア保守事業部 育成基準']/p/$mark" \
	    $hb/$f.html &&
	has 1 "//p[@class='hb-edition']/$mark" $hb/$f.html &&
	[ "$(xp "count(//title[contains(.,'みなと情報サービス カスタマサービス職 社内スキル基準')])" \
	    $hb/$f.html)" = 1 ] || { echo "no edition: $f"; break; }
done
ok tailored-handbook-edition $?
has 3 "//section[@class='hb-role']" $hb/hardware.html &&
has 2 "//section[@class='hb-role']" $hb/software.html &&
has 2 "//section[@class='hb-role']" $hb/facility-management.html &&
has 7 "//section[@class='hb-role']" $hb/customer-service.html &&
has 1 "//section[@id='role-field-engineer-3y']//tr[th[starts-with(.,'オンサイト障害対応')]]/td/a[@href='#skill-fault-repair.level-3']" \
    $hb/hardware.html &&
has 1 "//section[@id='role-field-engineer-3y']//tr[th[starts-with(.,'オンサイト障害対応')]]/td/a[@href='#skill-hardware_fault-repair.level-3']" \
    $hb/customer-service.html &&
has 0 "//section[@class='hb-role']" $hb/../../det-b/handbooks/hardware.html
ok tailored-handbook-roles $?
f3="//tr[@id='skill-fault-repair.level-3']/td"
has 1 "$f3/div[@class='prose']/following-sibling::div[contains(@class,'hb-company')]/span[@class='hb-company-side']/$mark" \
    $hb/hardware.html &&
has 0 "$f3/div[@class='prose']//$mark" $hb/hardware.html &&
has 1 "$f3//span[@class='hb-resource-href'][.='https://portal.minato-is.example.co.jp/training/mss-basic']" \
    $hb/hardware.html &&
has 1 "//h2[starts-with(.,'リモート監視・予兆保守')]/$mark" $hb/hardware.html &&
has 1 "//h2[starts-with(.,'オンサイト障害対応')]/$std[.='（標準：障害修理）']" \
    $hb/hardware.html &&
has 2 "//section[@id='skill-fault-repair']//li/$mark" $hb/hardware.html &&
has 0 "//*[@id='skill-customer-service-management']" $hb/software.html &&
has 0 "//*[@id='skill-facility-marketing']" $hb/facility-management.html &&
has 0 "//*[@id='skill-facility-management_facility-marketing']" \
    $hb/customer-service.html &&
has 1 "//tr[@id='skill-negotiation.level-6']//p[@class='hb-hidden']" \
    $hb/hardware.html &&
has 1 "//tr[@id='skill-negotiation.level-6']/td[@class='hb-hidden-row']" \
    $hb/customer-service.html
ok tailored-handbook-content $?
# each tailored map (more rows than the standard's) still prints on one
# A4 landscape page, as skillsite build -p makes it (WeasyPrint)
if command -v weasyprint >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1
then
	one=0
	for sp in hardware software facility-management; do
		weasyprint --quiet "$tw/../handbooks/$sp-map.html" \
		    "$work/tailored-$sp-map.pdf" &&
		    pdfinfo "$work/tailored-$sp-map.pdf" | grep -q '^Pages: *1$' &&
		    pdfinfo "$work/tailored-$sp-map.pdf" |
		    grep -q '^Page size: *841.89 x 595.2' ||
		    { echo "not one A4 landscape page: $sp-map"; one=1; }
	done
	ok tailored-maps-one-page $one
fi
# no mark, standard name or hidden level in a build without tailoring
! grep -rlq -e 'company-mark' -e 'standard-name' -e 'hidden-level' \
    -e 'class="company' --include='*.html' "$work/det-b"
ok plain-unmarked $?
ids_unique "$work/tailored"
ok ids-unique-tailored $?
python3 tests/changes.py "$work/tailored" >> "$work/changes.out"
ok changes-tailored $?

# assets
# Prints every file below $1 with its inode, checksum and time, sorted.
stamp() {
	(cd "$1" && find . -type f -printf '%p %i %T@ ' -exec md5sum {} \; | sort)
}
t=$work/asset-templates
cp -r templates "$t"
{ printf 'wOF2'; head -c 3000 /dev/urandom; } > "$t/Font-1_b.woff2"
printf '\211PNG\r\n\032\n0000' > "$t/logo.png"
printf '<p/>' > "$t/.draft.html"
printf '@font-face { font-family: f; src: url(Font-1_b.woff2); }\n' \
    >> "$t/style.css"
"$bin" build -t "$t" -o "$work/asset-site" tests/site/content > /dev/null &&
    cmp "$t/Font-1_b.woff2" "$work/asset-site/assets/Font-1_b.woff2" &&
    cmp "$t/logo.png" "$work/asset-site/assets/logo.png" &&
    cmp "$t/style.css" "$work/asset-site/assets/style.css" &&
    [ -f "$work/asset-site/$(dirname assets/style.css)/Font-1_b.woff2" ] &&
    [ "$(ls -A "$work/asset-site/assets" | tr '\n' ' ')" = "Font-1_b.woff2 \
assess.js handbook.css icon.svg knowledge.js logo.png map.css search.js style.css " ]
ok assets-published $?
before=$(stamp "$work/asset-site")
for k in fifo large name ext link folder; do
	b=$work/asset-$k
	cp -r "$t" "$b"
	case $k in
	fifo)	f=font.woff2; mkfifo "$b/$f" ;;
	large)	f=font.ttf; { printf 'true'; head -c 16777213 /dev/zero; } > "$b/$f" ;;
	name)	f='logo (1).png'; cp "$t/logo.png" "$b/$f" ;;
	ext)	f=page.html; printf '<p/>' > "$b/$f" ;;
	link)	f=passwd.txt; ln -s /etc/passwd "$b/$f" ;;
	folder)	f=fonts; mkdir "$b/$f" ;;
	esac
	timeout 20 "$bin" build -t "$b" -o "$work/asset-site" \
	    tests/site/content > /dev/null 2> "$work/asset-$k.err"
	[ $? = 3 ] && grep -qF "$b/$f: error: " "$work/asset-$k.err" &&
	    [ "$(stamp "$work/asset-site")" = "$before" ]
	ok "asset-refused-$k" $?
done

echo "site (build tests): $pass passed, $fail failed"
[ "$fail" = 0 ]
