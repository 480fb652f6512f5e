#!/bin/sh
# growth.sh: content within the documented limits that once made the
# work or the output grow faster than the content: each build must end
# within a generous time (timeout) and write a site of a bounded size
# (du), bounds that quadratic work breaks by far.
#   search:    3 MB of random kanji (a million distinct bigrams): the
#              search index's term table must grow
#   flood:     100,000 words crafted to share the low bits of an unkeyed
#              FNV-1a hash (tests/fnv-flood.c): no table of terms that
#              such words can flood
#   compare:   100 specialties share a common skill, 5 levels of 1,500
#              different characters each: no diff of every pair
#   links:     Markdown nesting 15 deep with links, and 60,000 links side
#              by side: marking external links must be linear
#   listings:  2,000 specialties share a skill of 30 knowledge items:
#              skill pages, the knowledge index and search results list
#              a bounded number of specialties; its downloads (a
#              workbook of 2,001 sheets) import back unchanged
#   shared:    300 skills list the same 30 knowledge items: the
#              knowledge index names a bounded number of other skills
#              with each item
#   handbooks: -p runs at most -j WeasyPrint processes at a time (a fake
#              weasyprint first on PATH counts them)
#   tailored:  100,000 changes a tailoring makes to one skill of 2,000
#              specialties, most of them again: reported in linear time
# Usage: tests/growth.sh SKILLSITE [BUILD]  (from the top of the repository;
# GROWTH_KEEP=1 keeps the inputs and sites in BUILD/growth)
set -u
bin=$1
build=${2:-build}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
suite=growth
work=$build/growth
. tests/lib.sh
export LC_ALL=C	# awk writes bytes: the kanji are spelled out in UTF-8

# awk functions: kanji(n) is n random characters of U+4E00..U+6DFF.
kanji='function kanji(n,  s, c, i) { s = ""
	for (i = 0; i < n; i++) { c = 19968 + int(rand() * 8192)
	    s = s sprintf("%c%c%c", 224 + int(c / 4096), 128 + int(c / 64) % 64,
		128 + c % 64) }
	return s }'

# Writes folder $1 with a framework file; the job type comes on stdin.
content() {
	mkdir -p "$work/$1"
	echo '<framework id="f"><name>n</name></framework>' \
	    > "$work/$1/framework.xml"
	cat > "$work/$1/jobtype.xml"
}

# Builds case $1 within $2 seconds (extra options in $3); the site must
# be at most $4 KiB.  Records NAME-time and NAME-size.
build_within() {
	timeout "$2" "$bin" build $3 -t templates -o "$work/$1-site" \
	    "$work/$1" > "$work/$1.out" 2>&1
	status=$?
	[ "$status" = 0 ] || { cat "$work/$1.out"; echo "$1: status $status"; }
	ok "$1-time" "$status"
	size=$(du -sk --apparent-size "$work/$1-site" 2>/dev/null | cut -f1)
	[ -n "$size" ] && [ "$size" -le "$4" ]
	s=$?
	[ "$s" = 0 ] || echo "$1: site of ${size:-no} KiB, more than $4"
	ok "$1-size" "$s"
}

# 3 MB of level text in one specialty, 400 skills.
awk "$kanji"'BEGIN { srand(9)
    print "<jobtype id=\"j\" min-level=\"1\" max-level=\"5\"><name>n</name>"
    for (k = 0; k < 400; k++)
	printf "<skill id=\"s%d\" scope=\"specific\"><name>%s</name>" \
	    "<knowledge><item>%s</item></knowledge></skill>\n", k, kanji(4),
	    kanji(6)
    print "<specialty id=\"p\"><name>n</name>"
    for (k = 0; k < 400; k++) {
	printf "<entry skill=\"s%d\">", k
	for (l = 5; l >= 1; l--)
	    printf "<level value=\"%d\">%s</level>", l, kanji(500)
	print "</entry>"
    }
    print "</specialty></jobtype>" }' | content search
# 55 MB before the structured data (the skill pages' JSON-LD repeats
# their level texts as the terms' descriptions) and the workbooks
# (framework.xlsx and the specialty's self-assessment workbook, 2 MB
# each): 63 MB, still linear in the text
build_within search 15 "" 68000

# 100,000 words that an unkeyed FNV-1a table puts in one run of slots,
# 1,800 a level (about 900 KB): 24 s with such a table, 0.3 s now.
cc -O2 -o "$work/fnv-flood" tests/fnv-flood.c
"$work/fnv-flood" 100000 | awk '
    BEGIN { print "<jobtype id=\"j\" min-level=\"1\" max-level=\"5\"><name>n</name>"
	for (k = 0; k < 12; k++)
	    printf "<skill id=\"s%d\" scope=\"specific\"><name>s%d</name>" \
		"<knowledge><item>i</item></knowledge></skill>\n", k, k
	print "<specialty id=\"p\"><name>n</name>" }
    { w[NR] = $0 }
    END { n = 1
	for (k = 0; k < 12; k++) {
	    printf "<entry skill=\"s%d\">", k
	    for (l = 5; l >= 1; l--) {
		printf "<level value=\"%d\">x", l
		for (i = 0; i < 1800 && n <= NR; i++)
		    printf " %s", w[n++]
		printf "</level>"
	    }
	    print "</entry>"
	}
	print "</specialty></jobtype>" }' | content flood
[ "$(grep -o ' [a-z]\{8\}' "$work/flood/jobtype.xml" | wc -l)" = 100000 ]
ok flood-words $?
build_within flood 8 "-j 1" 20000

# 100 specialties, one common skill, 5 levels of 1,500 characters each.
awk "$kanji"'BEGIN { srand(10)
    print "<jobtype id=\"j\" min-level=\"1\" max-level=\"5\"><name>n</name>"
    print "<skill id=\"c\" scope=\"common\"><name>n</name>" \
	"<knowledge><item>i</item></knowledge></skill>"
    for (p = 0; p < 100; p++) {
	printf "<specialty id=\"p%d\"><name>p%d</name><entry skill=\"c\">", p, p
	for (l = 5; l >= 1; l--)
	    printf "<level value=\"%d\">%s</level>", l, kanji(1500)
	print "</entry></specialty>"
    }
    print "</jobtype>" }' | content compare
build_within compare 15 "" 60000

# Links in deeply nested Markdown (15 block quotes, 3 paragraphs at each
# depth) and 100 fields of 600 links side by side: marking the links
# that leave the site visits each node once.
awk 'BEGIN {
    print "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\"><name>n</name>"
    for (k = 0; k < 101; k++)
	printf "<skill id=\"s%d\" scope=\"specific\"><name>n%d</name>" \
	    "<knowledge><item>i</item></knowledge></skill>\n", k, k
    printf "<specialty id=\"p\"><name>p</name><entry skill=\"s0\">"
    printf "<level value=\"3\">[x](https://e.example/)\n\n"
    for (d = 0; d <= 14; d++) {
	q = ""
	for (i = 0; i < d; i++)
	    q = q "&gt; "
	for (i = 0; i < 3; i++)
	    printf "%sa\n%s\n", q, q
    }
    print "</level></entry>"
    for (k = 1; k < 101; k++) {
	printf "<entry skill=\"s%d\"><level value=\"3\">", k
	for (i = 0; i < 600; i++)
	    printf "[a](https://e.example/) "
	print "</level></entry>"
    }
    print "</specialty></jobtype>" }' | content links
build_within links 20 "" 120000

# 2,000 specialties share one skill of 30 knowledge items (about 210 KB).
awk 'BEGIN {
    print "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\"><name>n</name>"
    printf "<skill id=\"c\" scope=\"common\"><name>n</name><knowledge>"
    for (k = 0; k < 30; k++)
	printf "<item>item %d</item>", k
    print "</knowledge></skill>"
    for (p = 0; p < 2000; p++)
	printf "<specialty id=\"p%d\"><name>specialty %d</name>" \
	    "<entry skill=\"c\"><level value=\"3\">text %d</level>" \
	    "</entry></specialty>\n", p, p, p
    print "</jobtype>" }' | content listings
# (about 86 MB, plus each specialty's self-assessment workbook: 2,000
# of about 9 KB, 18 MB, linear in the specialties)
build_within listings 20 "" 125000
# Below KiB $2 at path $1 of the listings' site: records NAME-size.
part_within() {
	size=$(du -sk --apparent-size "$work/listings-site/$1" 2>/dev/null |
	    cut -f1)
	[ -n "$size" ] && [ "$size" -le "$2" ]
	s=$?
	[ "$s" = 0 ] || echo "listings: $1 of ${size:-no} KiB, more than $2"
	ok "listings-$1-size" "$s"
}
part_within j/knowledge.html 500
part_within search 1000
# The listings' own downloads import back unchanged: framework.xlsx holds
# 2,001 sheets (the import once refused more than 1,024 parts).
for f in framework.xlsx framework.csv; do
	timeout 60 "$bin" import -n "$work/listings-site/downloads/$f" \
	    "$work/listings" > "$work/import.out" 2>&1
	status=$?
	grep -qx 'skillsite: 0 texts would change' "$work/import.out"
	s=$?
	[ "$status$s" = 00 ] || { tail -3 "$work/import.out";
	    echo "listings: import $f: status $status"; }
	ok "listings-import-$f" "$s"
done

# The listings built again from nothing, killed (SIGKILL) 1, 2 and 3 s
# in, while it makes its 2,001 workbooks: no file of the build's is left
# in its TMPDIR (each workbook's file is removed as soon as it is made;
# libxlsxwriter's scratch files, tmp.*, are its own).
mkdir -p "$work/tmp"
for delay in 1 2 3; do
	rm -rf "$work/killed-site"
	TMPDIR=$PWD/$work/tmp "$bin" build -t templates \
	    -o "$work/killed-site" "$work/listings" > /dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
done
left=$(ls "$work/tmp" | grep -v '^tmp\.')
[ -z "$left" ] || echo "killed: left in TMPDIR: $left"
[ -z "$left" ]
ok killed-leaves-no-workbook $?

# 300 skills of one specialty list the same 30 items (9,000 listings).
awk 'BEGIN {
    print "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\"><name>n</name>"
    for (k = 0; k < 300; k++) {
	printf "<skill id=\"s%d\" scope=\"specific\"><name>skill %d</name>" \
	    "<knowledge>", k, k
	for (i = 0; i < 30; i++)
	    printf "<item>item %d</item>", i
	print "</knowledge></skill>"
    }
    printf "<specialty id=\"p\"><name>p</name>"
    for (k = 0; k < 300; k++)
	printf "<entry skill=\"s%d\"><level value=\"3\">t</level></entry>", k
    print "</specialty></jobtype>" }' | content shared
build_within shared 20 "" 60000
size=$(du -k --apparent-size "$work/shared-site/j/knowledge.html" 2>/dev/null |
    cut -f1)
[ -n "$size" ] && [ "$size" -le 8000 ]
s=$?
[ "$s" = 0 ] || echo "shared: j/knowledge.html of ${size:-no} KiB, more than 8000"
ok shared-index-size "$s"

# A fake weasyprint that counts the processes running at once.
mkdir -p "$work/bin"
cat > "$work/bin/weasyprint" <<'EOF'
#!/bin/sh
# weasyprint --quiet HTML PDF: notes the processes running at once
count=$GROWTH_PDF_LOG
flock "$count.lock" sh -c 'n=$(($(cat "$1") + 1)); echo $n > "$1"
	echo $n >> "$1.max"' sh "$count"
sleep 0.3
: > "$3"
flock "$count.lock" sh -c 'echo $(($(cat "$1") - 1)) > "$1"' sh "$count"
EOF
chmod +x "$work/bin/weasyprint"
awk 'BEGIN {
    print "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\"><name>n</name>"
    print "<skill id=\"c\" scope=\"common\"><name>n</name>" \
	"<knowledge><item>i</item></knowledge></skill>"
    for (p = 0; p < 8; p++)
	printf "<specialty id=\"p%d\"><name>p%d</name><entry skill=\"c\">" \
	    "<level value=\"3\">t</level></entry></specialty>\n", p, p
    print "</jobtype>" }' | content handbooks
echo 0 > "$work/pdf-count"
: > "$work/pdf-count.max"
path=$PATH
PATH=$work/bin:$PATH
GROWTH_PDF_LOG=$work/pdf-count
export PATH GROWTH_PDF_LOG
build_within handbooks 20 "-p -j 2" 2000
PATH=$path
max=$(sort -n "$work/pdf-count.max" | tail -n 1)
runs=$(wc -l < "$work/pdf-count.max")
[ "${max:-0}" -ge 1 ] && [ "$max" -le 2 ] && [ "$runs" = 17 ]	# 8 handbooks, 8 maps, the job type's
s=$?
[ "$s" = 0 ] || echo "handbooks: $runs WeasyPrint runs, ${max:-0} at once (-j 2)"
ok handbooks-at-once "$s"

# 2,000 specialties share a common skill, and a tailoring of 8 MB at
# most makes 100,000 changes to it, each but the first of a kind again:
# a hide, a text and a resource of every specialty, one knowledge item.
# Each is met once (hash tables, marks per entry), reported once, and
# the run stops within seconds with status 1: quadratic work (each
# change against every other, or every entry) takes minutes.
awk 'BEGIN { print "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\">"
    print "<name>n</name><skill id=\"k\" scope=\"common\"><name>n</name>"
    print "<knowledge><item>i</item></knowledge></skill>"
    for (p = 0; p < 2000; p++)
	printf "<specialty id=\"p%d\"><name>p%d</name><entry skill=\"k\">" \
	    "<level value=\"3\">t</level></entry></specialty>\n", p, p
    print "</jobtype>" }' | content tailored
awk 'BEGIN { print "<tailoring id=\"t\" base=\"j\"><name>n</name>"
    for (i = 0; i < 25000; i++) {
	print "<hide skill=\"k\" level=\"3\"/>"
	print "<level skill=\"k\" value=\"3\"><meaning>m</meaning></level>"
	print "<resource skill=\"k\" level=\"3\" kind=\"book\"><title>b" \
	    "</title></resource>"
	printf "<knowledge skill=\"k\"><item>%d</item><item>i</item>" \
	    "</knowledge>\n", i % 1000 }
    print "</tailoring>" }' > "$work/tailored/tailoring.xml"
timeout 20 "$bin" check "$work/tailored" > "$work/tailored.out" 2>&1
s=$?
[ "$s" = 1 ] || { tail -3 "$work/tailored.out"; echo "tailored: status $s"; }
[ "$s" = 1 ]
ok tailored-time $?

[ -n "${GROWTH_KEEP:-}" ] || rm -rf "$work"
echo "growth (cases): $pass passed, $fail failed"
[ "$fail" = 0 ]
