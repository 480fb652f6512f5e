#!/bin/sh
# corpus.sh: golden tests of whole runs.  Each case in tests/corpus is
#   NAME.xml or NAME/   an input, checked with "skillsite check PATH", or
#   NAME.args           the arguments of the run (one line, word-split),
# beside NAME.expected: the diagnostics the run prints (standard error),
# then "[stdout]" and what it printed there, if anything, then "[exit N]".
# Outputs are compared byte for byte.
#
# Usage: tests/corpus.sh [--update] BINARY [WRAPPER ...]
#   --update rewrites the .expected files from BINARY's output.
# Run from the top of the repository.
set -u

update=0
if [ "${1:-}" = --update ]; then
	update=1
	shift
fi
[ $# -ge 1 ] || { echo "usage: tests/corpus.sh [--update] BINARY [WRAPPER ...]" >&2; exit 2; }
bin=$1
shift

dir=tests/corpus
scratch=build/corpus
# The large inputs below are kept between runs; made again when this
# script, which writes them, is newer than they are.
if [ ! -f "$scratch/.made" ] || [ tests/corpus.sh -nt "$scratch/.made" ]; then
	rm -rf "$scratch"
fi
mkdir -p "$scratch"
touch "$scratch/.made"
# Inputs too large or too special to keep in git.
if [ ! -f "$scratch/too-large.xml" ]; then
	head -c 9000000 /dev/zero | tr '\0' ' ' > "$scratch/too-large.xml"
fi
if [ ! -f "$scratch/huge-text-node.xml" ]; then
	{
		printf '<framework id="f">\n  <name>'
		head -c 2000000 /dev/zero | tr '\0' 'a'
		printf '</name>\n</framework>\n'
	} > "$scratch/huge-text-node.xml"
fi
# Hostile to time: a 5 MB file on one line; 20000 skills x 20000 specialties.
if [ ! -f "$scratch/long-line.xml" ]; then
	awk 'BEGIN { printf "<framework id=\"f\"><name>n</name>"
	    for (i = 0; i < 150000; i++) printf "<editorial-note>x</editorial-note>"
	    printf "</framework>\n" }' > "$scratch/long-line.xml"
fi
if [ ! -f "$scratch/wide-jobtype.xml" ]; then
	awk 'BEGIN { n = 20000
	    print "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\"><name>n</name>"
	    for (i = 0; i < n; i++)
		printf "<skill id=\"s%d\" scope=\"common\"><name>n</name>" \
		    "<knowledge><item>i</item></knowledge></skill>\n", i
	    for (i = 0; i < n; i++)
		printf "<specialty id=\"p%d\"><name>n</name><entry skill=\"s%d\">" \
		    "<level value=\"3\">x</level></entry></specialty>\n", i, i
	    print "</jobtype>" }' > "$scratch/wide-jobtype.xml"
fi
# cmark's pathological patterns, each filling a Markdown field to its cap
if [ ! -f "$scratch/markdown-pathological.xml" ]; then
	awk 'function note(s, n,  i, t) { t = ""; for (i = 0; i < n; i++) t = t s
	    printf "  <editorial-note>%s</editorial-note>\n", t }
	BEGIN { print "<framework id=\"f\">"; print "  <name>n</name>"
	    note("*a ", 5400); note("_a_", 5400); note("**", 8100)
	    note("[a", 8000); note("[a](", 4000); note("a`", 8100)
	    note("&amp;#x31;", 1600); note("- a\n", 4000); note("a\\", 8100)
	    note("[a]: http://b\n[a]\n", 900); note("&lt;!--", 4000)
	    print "</framework>" }' > "$scratch/markdown-pathological.xml"
fi
# Text repeated per specialty past the site's total (16 MiB plus 16 per
# byte of level text): a 16,000-byte annotation in 2,000 handbooks; 64
# knowledge items of 120 bytes on 2,300 specialties' pages of the skill
# and CSV rows, refused with 8-byte levels, accepted with 600-byte ones.
repeated() {	# FILE ANNOTATION-BYTES ITEM-BYTES SPECIALTIES LEVEL-BYTES
	[ -f "$1" ] || awk -v ab="$2" -v ib="$3" -v ns="$4" -v lb="$5" '
	function text(n,  t) { t = ""; while (length(t) < n) t = t "word "
	    return substr(t, 1, n - 1) "." }
	BEGIN { print "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\">"
	    print "<name>n</name>"
	    if (ab > 0) printf "<annotation>%s</annotation>\n", text(ab)
	    printf "<skill id=\"c\" scope=\"common\"><name>n</name><knowledge>"
	    for (i = 0; i < 64; i++) printf "<item>%d %s</item>", i, text(ib - 3)
	    print "</knowledge></skill>"
	    for (p = 0; p < ns; p++)
		printf "<specialty id=\"p%d\"><name>p%d</name><entry skill=\"c\">" \
		    "<level value=\"3\">%s</level></entry></specialty>\n", p, p,
		    text(lb)
	    print "</jobtype>" }' > "$1"
}
repeated "$scratch/repeated-annotation.xml" 16000 8 2000 8
repeated "$scratch/repeated-items.xml" 0 120 2300 8
repeated "$scratch/repeated-items-ok.xml" 0 120 2300 600
# Names shown with every knowledge item (the knowledge index, the search):
# 60 skills of 64 short items, each on 21 specialties whose names and
# the skills' are 1,000 bytes: 170 KB that would write 160 MB.
[ -f "$scratch/repeated-names.xml" ] || awk '
    function text(c, n,  t) { t = ""; while (length(t) < n) t = t c
	return t }
    BEGIN { print "<jobtype id=\"j\" min-level=\"3\" max-level=\"3\">"
	print "<name>n</name>"
	for (k = 0; k < 60; k++) {
	    printf "<skill id=\"s%d\" scope=\"specific\"><name>%d%s</name>" \
		"<knowledge>", k, k, text("s", 1000)
	    for (i = 0; i < 64; i++) printf "<item>i%d</item>", i
	    print "</knowledge></skill>" }
	for (p = 0; p < 21; p++) {
	    printf "<specialty id=\"p%d\"><name>%d%s</name>", p, p,
		text("p", 1000)
	    for (k = 0; k < 60; k++)
		printf "<entry skill=\"s%d\"><level value=\"3\">t</level>" \
		    "</entry>", k
	    print "</specialty>" }
	print "</jobtype>" }' > "$scratch/repeated-names.xml"
[ -p "$scratch/fifo.xml" ] || { rm -f "$scratch/fifo.xml"; mkfifo "$scratch/fifo.xml"; }
# File names that would forge a line or drive the terminal if printed raw:
# a line break; ESC, BEL, DEL; C1 CSI; a bidi override; U+2028; a stray
# byte.  Made afresh: git keeps such names badly.
rm -rf "$scratch/odd-names"
mkdir -p "$scratch/odd-names"
odd=$(printf 'z\nskillsite: forged.xml:1:1: error: x.xml')
printf '<framework id="f"><name>n</name><colour/></framework>\n' \
    > "$scratch/odd-names/$odd"
odd=$(printf 'e\033[2J\a\177\302\233\342\200\256\342\200\250\377.xml')
printf '<framework id="f"><name>n</name></framework>\n' \
    > "$scratch/odd-names/$odd"
# One content in every line-end style (XML reads CR, LF and CR LF alike),
# and a 5 MB line between lone CRs.
line_ends() {
	# shellcheck disable=SC2059
	printf "%s$1" '<?xml version="1.0" encoding="UTF-8"?>' \
	    '<jobtype id="jt" min-level="3" max-level="4">' \
	    '  <name>職種</name>' '  <editorial-note>注：' '二行目</editorial-note>' \
	    '  <skill id="Bad" scope="common">' '    <name>名</name>' \
	    '    <knowledge><item>項目</item><item>項目</item></knowledge>' \
	    '  </skill>' '  <colour/>' '  <specialty id="sp" oops="1">' \
	    '    <name>専門' '分野</name>' \
	    '    <entry skill="Bad"><level value="3">x</level></entry>' \
	    '  </specialty>' '</jobtype>'
}
line_ends '\r' > "$scratch/line-ends-cr.xml"
line_ends '\r\n' > "$scratch/line-ends-crlf.xml"
line_ends '\n' | awk '{ printf "%s%s", $0, NR % 3 == 0 ? "\n" : \
    NR % 3 == 1 ? "\r" : "\r\n" }' > "$scratch/line-ends-mixed.xml"
printf '<framework id="f">\r\r  <name>n</name>\n\r  <name>x</nam>\r</framework>\r' \
    > "$scratch/line-ends-malformed.xml"
if [ ! -f "$scratch/long-line-cr.xml" ]; then
	{
		printf '<framework id="f">\r  <!-- '
		head -c 5000000 /dev/zero | tr '\0' 'x'
		printf ' --><name>n</name><editorial-note>a</editorial-note>\r'
		printf '  <editorial-note>b</editorial-note><colour/>\r</framework>\r'
	} > "$scratch/long-line-cr.xml"
fi
# Templates folders (copies of templates/, made afresh) with a FIFO as the
# layout or the stylesheet (a build must not wait on them), and with a
# gzip-compressed page template.
for f in layout.xhtml style.css; do
	t=$scratch/fifo-${f%%.*}-templates
	rm -rf "$t"
	cp -r templates "$t" && rm "$t/$f" && mkfifo "$t/$f"
done
# Links in a templates folder: out of it, to a file elsewhere and to
# procfs (either would be published as an asset), and within it (fine:
# into a hidden folder, which is not published).
t=$scratch/link-templates
rm -rf "$t"
cp -r templates "$t" && mkdir "$t/.sub" && mv "$t/assess.js" "$t/.sub/" &&
    ln -s .sub/assess.js "$t/assess.js" &&
    ln -sf /etc/passwd "$t/style.css" &&
    ln -sf /proc/self/environ "$t/search.js"
# Templates folders (copies of templates/) each with one asset refused:
# a FIFO, a font over 16 MiB, a name unsafe in a URL, an extension no
# asset may have, a link out of the folder, a folder, a PNG that is gzip
# data, and more files than a folder may hold.
for k in fifo large name ext link folder signature many; do
	t=$scratch/asset-$k-templates
	rm -rf "$t"
	cp -r templates "$t" || continue
	case $k in
	fifo)	mkfifo "$t/font.woff2" ;;
	large)	{ printf wOF2; head -c 16777213 /dev/zero; } > "$t/font.woff2" ;;
	name)	printf '\211PNG\r\n\032\n' > "$t/my logo.png" ;;
	ext)	printf '<p/>' > "$t/page.html" ;;
	link)	ln -s /etc/hostname "$t/host.txt" ;;
	folder)	mkdir "$t/fonts" ;;
	signature) printf '\211PNG' | gzip -n > "$t/logo.png" ;;
	many)	i=0; while [ $i -lt 250 ]; do : > "$t/f$i.txt"; i=$((i + 1)); done ;;
	esac
done
rm -rf "$scratch/gzip-templates"
cp -r templates "$scratch/gzip-templates" &&
    gzip -n -c templates/skill.xhtml > "$scratch/gzip-templates/skill.xhtml"
# Templates folders whose labels.xml is broken: an unknown label (so
# "home" is missing), a placeholder its label may not use and a brace
# that nothing closes; digits that are not ten characters; ten zeros
# for digits, a blank label, one over two lines, a bidirectional
# control in one, and a CSV header of two columns.
rm -rf "$scratch/labels-templates" "$scratch/digits-templates" \
    "$scratch/label-text-templates"
cp -r templates "$scratch/label-text-templates" &&
    sed -i -e 's/digits="０１２３４５６７８９"/digits="0000000000"/' \
    -e 's/>知識項目索引</> </' \
    -e 's/>ハンドブック</>ハンド\n    ブック</' \
    -e 's/>自己評価シート</>自己\xe2\x80\xae評価シート</' \
    -e 's/>職種ID,[^<]*</>a,b</' "$scratch/label-text-templates/labels.xml"
cp -r templates "$scratch/labels-templates" &&
    sed -i -e 's/name="home"/name="homepage"/' \
    -e 's/{skill}（{specialty}）/{skill}（{jobtype}）/' \
    -e 's/レベル{n}/レベル{n/' "$scratch/labels-templates/labels.xml"
cp -r templates "$scratch/digits-templates" &&
    sed -i 's/digits="０１２３４５６７８９"/digits="0123456789０"/' \
    "$scratch/digits-templates/labels.xml"
# Labels that would expand without bound ({page} 160,000 times, under
# the 1 MiB cap; {skill} twice; 300 characters), labels without the
# placeholder that tells their pages apart or reading as another kind
# of page does (title-handbook as title-specialty), and a padded CSV
# column name, text outside the labels and a namespaced attribute.
rm -rf "$scratch/label-bound-templates" "$scratch/label-required-templates" \
    "$scratch/label-stray-templates"
cp -r templates "$scratch/label-bound-templates" &&
    awk '/name="title"/ { printf "  <label name=\"title\">"
	for (i = 0; i < 160000; i++) printf "{page}"; print "</label>"; next }
    /name="knowledge"/ { printf "  <label name=\"knowledge\">"
	for (i = 0; i < 300; i++) printf "索"; print "</label>"; next }
    { sub(/{skill}（/, "{skill}{skill}（"); print }' templates/labels.xml \
    > "$scratch/label-bound-templates/labels.xml"
cp -r templates "$scratch/label-required-templates" &&
    sed -i -e 's/>レベル{n}</>レベル</' -e 's/>{n}</>x</' \
    -e 's/>（{n}段階）</>（段階）</' -e 's/>{skill}（{specialty}）</>{skill}</' \
    -e 's/>{jobtype}／{specialty}</>{jobtype}</' \
    -e 's/>{specialty} ハンドブック</>{specialty}</' \
    "$scratch/label-required-templates/labels.xml"
cp -r templates "$scratch/label-stray-templates" &&
    sed -i -e 's/>職種ID,職種,/>職種ID , 職種,/' \
    -e 's/^  <label name="home">/  stray words <label name="home">/' \
    -e 's/<label \(name="knowledge"\)/<label xmlns:f="urn:f" f:name="x" \1/' \
    "$scratch/label-stray-templates/labels.xml"

# Templates folders held to xmlread's rules: a page template, an SVG
# asset and labels.xml declaring an entity that holds an element (refused at the
# DOCTYPE, before any entity reaches a tree); a template declared
# ISO-8859-1, a UTF-16 labels.xml and a UTF-16 SVG asset (UTF-8 only);
# '=' in an attribute value and in a comment after a '<', which are no
# attributes (home.xhtml loads: only skill.xhtml's known error shows),
# and a start tag with 65 attributes (refused).
eq=$(awk 'BEGIN { while (n++ < 70) printf "=" }')
svg='<svg xmlns="http://www.w3.org/2000/svg"><title>t</title></svg>'
for k in entity entity-svg entity-labels latin1 utf16-labels utf16-svg \
    attr-text attr-many; do
	t=$scratch/$k-templates
	rm -rf "$t"
	cp -r templates "$t" || continue
	case $k in
	entity)	sed -i -e '1s/.*/<!DOCTYPE html [<!ENTITY e "<b\/>">]>/' \
		    -e 's/^<main data-page="">/&\&e;/' "$t/home.xhtml" ;;
	entity-svg) printf '%s\n%s\n' '<!DOCTYPE svg [<!ENTITY e "<b/>">]>' \
		    "${svg%</svg>}&e;</svg>" > "$t/x.svg" ;;
	entity-labels) sed -i -e '1s/$/\n<!DOCTYPE labels [<!ENTITY e "<b\/>">]>/' \
		    -e 's/>ハンドブック</>\&e;</' "$t/labels.xml" ;;
	latin1)	sed -i '1s/.*/<?xml version="1.0" encoding="ISO-8859-1"?>\n&/' \
		    "$t/home.xhtml" ;;
	utf16-labels) iconv -f UTF-8 -t UTF-16 templates/labels.xml \
		    > "$t/labels.xml" ;;
	utf16-svg) printf '%s\n' "$svg" | iconv -f UTF-8 -t UTF-16LE \
		    > "$t/x.svg" ;;
	attr-text) sed -i -e "s/^<html /<!-- a <$eq -->\n&/" \
		    -e "s/<h1 data-text/<h1 title=\"$eq\" data-text/" \
		    "$t/home.xhtml"
		# a known error elsewhere, so that the run prints no timing
		sed -i '0,/data-text/s//data-txet/' "$t/skill.xhtml" ;;
	attr-many) sed -i "s/<h1 data-text/<h1$(awk 'BEGIN { while (n < 65)
		    printf " a%d=\"%d\"", n, n++ }') data-text/" "$t/home.xhtml" ;;
	esac
done

# Prints the arguments of case $1.
case_args() {
	if [ -f "$dir/$1.args" ]; then
		cat "$dir/$1.args"
	elif [ -e "$dir/$1.xml" ]; then
		echo "check $dir/$1.xml"
	else
		echo "check $dir/$1"
	fi
}

# Runs case $1 with the wrapper words in $@; writes its output, as the
# expected files hold it, to $results/$1.
run_case() {
	name=$1
	shift
	# shellcheck disable=SC2046
	timeout 60 "$@" "$bin" $(case_args "$name") \
	    > "$results/$name.stdout" 2> "$results/$name"
	status=$?
	# a wrapper's notices about itself ("--PID-- WARNING: unhandled
	# syscall" from valgrind before 3.20, which has no openat2 and so
	# runs write.c's walk instead) are not the program's output; its
	# errors still show in the exit status (--error-exitcode)
	if [ $# -gt 0 ]; then
		sed -i '/^--[0-9]*-- /d' "$results/$name"
	fi
	if [ -s "$results/$name.stdout" ]; then
		echo "[stdout]" >> "$results/$name"
		cat "$results/$name.stdout" >> "$results/$name"
	fi
	echo "[exit $status]" >> "$results/$name"
}

results=$scratch/results.$$
rm -rf "$results"
mkdir -p "$results"
jobs=$(nproc 2>/dev/null || echo 1)
n=0
for expected in "$dir"/*.expected; do
	name=${expected%.expected}
	run_case "${name##*/}" "$@" &
	n=$((n + 1))
	[ $((n % jobs)) = 0 ] && wait
done
wait

pass=0
fail=0
for expected in "$dir"/*.expected; do
	name=${expected%.expected}
	name=${name##*/}
	[ "$update" = 1 ] && cp "$results/$name" "$expected"
	if cmp -s "$results/$name" "$expected"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: corpus/$name ($* $bin $(case_args "$name"))"
		diff -u "$expected" "$results/$name" | sed 's/^/    /'
	fi
done
rm -rf "$results"
# The templates folders of the cases are copies of templates/ with one
# fault each; their labels must be the shipped ones, or every case of
# them fails on a missing label and tests nothing else.
for copy in "$dir"/*-templates/labels.xml; do
	if cmp -s "$copy" templates/labels.xml; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: corpus/labels-copy: $copy differs from templates/labels.xml"
	fi
done
echo "corpus ($* ${bin##*/}): $pass passed, $fail failed"
[ "$fail" = 0 ]
