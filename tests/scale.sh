#!/bin/sh
# scale.sh: a synthetic framework of about 1000 pages (tests/bench/synth)
# through "skillsite build".
#   threads      built on 1 and on 3 threads: identical trees and
#                identical diagnostics (a template error on every page)
#   well-formed  every page parses as XML (xmllint)
#   links        every relative link of every page names a file of the
#                site
#   unchanged    a rebuild of the same content rewrites no file: every
#                inode and mtime stays, and rsync then sends nothing
#   one change   after one description changes, exactly the files whose
#                bytes changed are new files
#   incremental  50 random edit sequences (tests/edits.py; SCALE_SEQUENCES
#                to change) on a copy of the content and the templates,
#                each built into one site (-o inc, each rebuild from the
#                last) and into a fresh folder: the same exit status, the
#                same diagnostics and the same tree, every file's bytes,
#                type and mode; a sequence that makes the input invalid
#                leaves inc as it was; every kind of edit occurs.  Then
#                a rebuild of nothing changed and of a few kinds of edit
#                alone; the manifest beside inc truncated, garbage, a bit
#                flipped, another target's, an older one of its own,
#                deleted, a FIFO (no hang), a folder, a link (not
#                followed); the templates and the content read from
#                other folders and back; pages of the live site deleted,
#                changed, given another mode or made a link: each
#                rebuild equals a full build
# Usage: tests/scale.sh BINARY BUILD    (from the top of the repository)
set -u
bin=$1
build=$2
work=$build/scale-tests
suite=scale
. tests/lib.sh

# Lists inode, mtime, size and path of every file below $1, sorted.
inodes() {
	(cd "$1" && find . -type f -printf '%i %T@ %s %p\n' | sort -k4)
}

"$build/bench/synth" content/customer-service.xml "$work/synth" 1000 \
    > "$work/pages"
ok synth $?
content=$work/synth/content

# threads
"$bin" build -j 1 -t templates -o "$work/one" "$content" > /dev/null 2>&1
ok build-j1 $?
"$bin" build -j 3 -t templates -o "$work/three" "$content" > /dev/null 2>&1
ok build-j3 $?
diff -r "$work/one" "$work/three" > /dev/null
ok same-tree $?
[ "$(find "$work/one" -name '*.html' | wc -l)" = "$(cat "$work/pages")" ]
ok page-count $?
mkdir -p "$work/bad-templates"
cp templates/* "$work/bad-templates/"
sed 's/data-text="name"/data-text="nmae"/' templates/skill.xhtml \
    > "$work/bad-templates/skill.xhtml"
"$bin" build -j 1 -t "$work/bad-templates" -o "$work/bad" "$content" \
    > /dev/null 2> "$work/bad-1.err"
s1=$?
"$bin" build -j 3 -t "$work/bad-templates" -o "$work/bad" "$content" \
    > /dev/null 2> "$work/bad-3.err"
s3=$?
[ "$s1" = 3 ] && [ "$s3" = 3 ] && [ ! -e "$work/bad" ] &&
    grep -q "skill.xhtml:[0-9]*:[0-9]*: error: .*'nmae'" "$work/bad-3.err" &&
    cmp -s "$work/bad-1.err" "$work/bad-3.err"
ok same-diagnostics $?

# well-formed
if command -v xmllint > /dev/null 2>&1; then
	find "$work/one" -name '*.html' -print0 |
	    xargs -0 xmllint --noout --nonet > "$work/xmllint.log" 2>&1
	ok well-formed $?
fi

# links: every href="..." that is not a URL names an existing file
find "$work/one" -name '*.html' | while read -r page; do
	dir=$(dirname "$page")
	grep -o 'href="[^"#]*' "$page" | sed 's/^href="//' | sort -u |
	    while read -r target; do
		case $target in
		''|*:*) continue ;;
		esac
		[ -f "$dir/$target" ] || echo "$page: $target"
	done
done > "$work/broken-links"
[ ! -s "$work/broken-links" ]
ok links $?

# unchanged
inodes "$work/one" > "$work/before"
cp -a "$work/one" "$work/mirror"
"$bin" build -t templates -o "$work/one" "$content" > "$work/rebuild.out" \
    2>/dev/null
ok rebuild $?
inodes "$work/one" > "$work/after"
cmp -s "$work/before" "$work/after"
ok same-inodes $?
files=$(wc -l < "$work/after")
grep -q "($files files unchanged)" "$work/rebuild.out"
ok summary-says-unchanged $?
if command -v rsync > /dev/null 2>&1; then
	rsync -a --dry-run --stats "$work/one/" "$work/mirror/" |
	    grep -q '^Number of regular files transferred: 0$'
	ok rsync-sends-nothing $?
fi

# one change: the first level-6 description of the first job type
first=$(ls "$content"/jt*.xml | head -1)
awk '!done && /<level value="6">/ { sub(/<level value="6">/, "&改訂。"); done = 1 } 1' \
    "$first" > "$work/changed.xml" && mv "$work/changed.xml" "$first"
"$bin" build -t templates -o "$work/one" "$content" > /dev/null 2>&1
ok rebuild-changed $?
inodes "$work/one" > "$work/changed"
# each file: new inode exactly when its bytes differ from the old site's
awk '{ print $1, $4 }' "$work/changed" | while read -r ino path; do
	old=$(awk -v p="$path" '$4 == p { print $1 }' "$work/after")
	if cmp -s "$work/mirror/$path" "$work/one/$path"; then
		[ "$ino" = "$old" ] || echo "rewritten, same bytes: $path"
	else
		[ "$ino" != "$old" ] || echo "changed in place: $path"
		echo "changed: $path" >> "$work/changed-files"
	fi
done > "$work/wrong-files"
[ ! -s "$work/wrong-files" ] && [ -s "$work/changed-files" ] &&
    [ "$(wc -l < "$work/changed-files")" -lt 20 ]
ok only-changed-files-rewritten $?

# incremental
inc_content=$work/inc-content
inc_templates=$work/inc-templates
inc_state=$work/inc-state
manifest=$work/.inc.skillsite-manifest
cp -r "$content" "$inc_content"
cp -r templates "$inc_templates"
"$bin" build -t "$inc_templates" -o "$work/inc" "$inc_content" \
    > /dev/null 2>&1
ok inc-first-build $?
[ -f "$manifest" ] ||
    echo "scale: no manifest beside $work/inc (every build a full build)"

# tree DIR: every file and folder below DIR with its type and mode.
tree() {
	(cd "$1" && find . -printf '%y %m %P\n' | sort)
}

# same_site A B: A and B hold the same tree, file for file and byte for
# byte (no file excluded), each file and folder of the same type and
# mode; prints the files that differ.
same_site() {
	tree "$1" > "$work/tree-a"
	tree "$2" > "$work/tree-b"
	diff -rq "$1" "$2" > "$work/differ"
	differ=$?
	head -20 "$work/differ"
	diff "$work/tree-a" "$work/tree-b" | grep '^[<>]' | head -20
	[ "$differ" = 0 ] && cmp -s "$work/tree-a" "$work/tree-b"
}

# rebuild_and_compare [OPTION...]: builds the edited content into inc
# (with OPTION...) and, with the default options, into a fresh folder;
# prints what differs and returns 1 unless both succeeded with the same
# diagnostics and the same tree, or both failed with the same status and
# diagnostics and inc is still the last good site ($work/good/site).
rebuild_and_compare() {
	timeout 300 "$bin" build "$@" -t "$inc_templates" -o "$work/inc" \
	    "$inc_content" > /dev/null 2> "$work/inc.err"
	inc_status=$?
	fresh=$(mktemp -d "$work/full.XXXXXX")
	timeout 300 "$bin" build -t "$inc_templates" -o "$fresh/site" \
	    "$inc_content" > /dev/null 2> "$work/full.err"
	full_status=$?
	if [ "$inc_status" != "$full_status" ]; then
		echo "exit status $inc_status, a full build's $full_status"
		head -5 "$work/inc.err" "$work/full.err"
		rm -rf "$fresh"
		return 1
	fi
	if ! cmp -s "$work/inc.err" "$work/full.err"; then
		echo "diagnostics differ from a full build's:"
		diff "$work/inc.err" "$work/full.err" | head -10
		rm -rf "$fresh"
		return 1
	fi
	if [ "$full_status" != 0 ]; then
		rm -rf "$fresh"
		same_site "$work/inc" "$work/good/site"
		return
	fi
	same_site "$work/inc" "$fresh/site" || { rm -rf "$fresh"; return 1; }
	rm -rf "$work/good"
	mv "$fresh" "$work/good"
}

# inc_ok NAME [OPTION...]: rebuild_and_compare as the check NAME; a
# failure shows what differs.
inc_ok() {
	name=$1
	shift
	rebuild_and_compare "$@" > "$work/compare.log" 2>&1
	status=$?
	[ "$status" = 0 ] || sed "s|^|$name: |" "$work/compare.log"
	ok "$name" "$status"
}

fresh=$(mktemp -d "$work/full.XXXXXX")
mv "$fresh" "$work/good"
cp -a "$work/inc" "$work/good/site"
sequences=${SCALE_SEQUENCES:-50}
: > "$work/kinds"
for seq in $(seq 1 "$sequences"); do
	python3 tests/edits.py "$seq" "$inc_content" "$inc_templates" \
	    "$inc_state" > "$work/edits.log" 2>&1 ||
	    { ok "edits-$seq" 1; cat "$work/edits.log"; continue; }
	sed "s/^/$seq /" "$work/edits.log" >> "$work/edits-all.log"
	sed -n 's/^edit \([a-z-]*\):.*/\1/p' "$work/edits.log" >> "$work/kinds"
	# the rebuild alternates between one thread and the default
	jobs=
	[ $((seq % 2)) = 1 ] && jobs="-j 1"
	rebuild_and_compare $jobs > "$work/compare.log" 2>&1
	status=$?
	expected=$(sed -n 's/^expect //p' "$work/edits.log")
	if [ "$expected" = invalid ] && [ "$full_status" = 0 ]; then
		echo "the edits should have made the input invalid"
		status=1
	elif [ "$expected" = valid ] && [ "$full_status" != 0 ]; then
		echo "the edits should have kept the input valid"
		head -5 "$work/full.err"
		status=1
	fi >> "$work/compare.log"
	if [ "$status" != 0 ]; then
		echo "sequence $seq:"
		sed 's/^/  /' "$work/edits.log" "$work/compare.log"
	fi
	ok "incremental-$seq" "$status"
done
# 50 sequences take every kind of edit first at least once
if [ "$sequences" -ge "$(python3 tests/edits.py --kinds | wc -l)" ]; then
	python3 tests/edits.py --kinds | while read -r kind; do
		grep -qx "$kind" "$work/kinds" || echo "never made: $kind"
	done > "$work/missing-kinds"
	cat "$work/missing-kinds"
	[ ! -s "$work/missing-kinds" ]
	ok every-edit-kind $?
fi

# edit SEQ [KIND]: one edit alone (a level text by default)
edit() {
	python3 tests/edits.py "$1" "$inc_content" "$inc_templates" \
	    "$inc_state" "${2:-level-text}" > /dev/null
}

# settle NAME: waits past the second before a build in which a manifest
# may not trust a change it saw, then rebuilds inc, which must still equal
# the last good site (the check NAME-settle), so that the rebuild after it
# may skip every unchanged page
settle() {
	sleep 2.1
	timeout 300 "$bin" build -t "$inc_templates" -o "$work/inc" \
	    "$inc_content" > /dev/null 2>&1 &&
	    same_site "$work/inc" "$work/good/site" > "$work/compare.log"
	status=$?
	[ "$status" = 0 ] || sed "s|^|$1-settle: |" "$work/compare.log"
	ok "$1-settle" "$status"
}

# edits that change few pages or none, each alone (no other edit to make
# the rebuild a full one), and no edit at all
settle nothing-changed
inc_ok nothing-changed
n=900
for kind in touch same-size-old-mtime revert stray-file level-text \
    label-text asset-text add-asset; do
	n=$((n + 1))
	settle "alone-$kind"
	edit "$n" "$kind"
	inc_ok "alone-$kind"
done

# damaged manifests: after a valid edit each time (a level text), so that
# a manifest wrongly trusted would keep an old page
edit 1001
[ -f "$manifest" ] && head -c "$(($(wc -c < "$manifest") / 2))" \
    "$manifest" > "$work/cut" && mv "$work/cut" "$manifest"
inc_ok manifest-truncated
edit 1002
[ -f "$manifest" ] && sed '$d' "$manifest" > "$work/cut" &&
    mv "$work/cut" "$manifest"
inc_ok manifest-truncated-line
edit 1003
head -c 4096 /dev/urandom > "$manifest"
inc_ok manifest-garbage
edit 1004
if [ -f "$manifest" ]; then
	python3 -c 'import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 2] ^= 1
open(p, "wb").write(b)' "$manifest"
fi
inc_ok manifest-bit-flipped
# another target's manifest, made from the content as it is now, over
# inc's, made from the content before the edit (the wait: so that the
# other build trusts what it saw of the edited file)
edit 1005
sleep 2.1
"$bin" build -t "$inc_templates" -o "$work/other" "$inc_content" \
    > /dev/null 2>&1
[ -f "$work/.other.skillsite-manifest" ] &&
    cp "$work/.other.skillsite-manifest" "$manifest"
inc_ok manifest-foreign
# inc's own manifest of an older build, with the content of that build
# put back (file times too): the live site is newer than that manifest
settle manifest-stale
cp -a "$inc_content" "$work/old-content"
[ -f "$manifest" ] && cp -a "$manifest" "$work/old-manifest"
edit 1006
inc_ok manifest-stale-setup
rm -rf "$inc_content"
cp -a "$work/old-content" "$inc_content"
[ -f "$work/old-manifest" ] && cp -a "$work/old-manifest" "$manifest"
inc_ok manifest-stale
# the same with an edit that keeps every page's size: only the record's
# own check of the live site (its tree) tells its pages are not the ones
# it lists
settle manifest-stale-same-size
rm -rf "$work/old-content"
cp -a "$inc_content" "$work/old-content"
[ -f "$manifest" ] && cp -a "$manifest" "$work/old-manifest"
edit 1007 same-size-old-mtime
inc_ok manifest-stale-same-size-setup
rm -rf "$inc_content"
cp -a "$work/old-content" "$inc_content"
[ -f "$work/old-manifest" ] && cp -a "$work/old-manifest" "$manifest"
inc_ok manifest-stale-same-size
edit 1007
rm -f "$manifest"
inc_ok manifest-deleted
# something else at the manifest's path: a FIFO (never a hang), a folder,
# a link (never written through): a full build, or a failed one that
# leaves inc as it was
other_at_manifest() {
	name=$1
	edit "$2"
	timeout 300 "$bin" build -t "$inc_templates" -o "$work/inc" \
	    "$inc_content" > /dev/null 2> "$work/inc.err"
	inc_status=$?
	fresh=$(mktemp -d "$work/full.XXXXXX")
	timeout 300 "$bin" build -t "$inc_templates" -o "$fresh/site" \
	    "$inc_content" > /dev/null 2>&1
	if [ "$inc_status" = 0 ]; then
		same_site "$work/inc" "$fresh/site" > "$work/compare.log"
	elif [ "$inc_status" = 124 ]; then
		echo "timed out" > "$work/compare.log"
		false
	else
		same_site "$work/inc" "$work/good/site" > "$work/compare.log"
	fi
	status=$?
	if [ "$status" = 0 ] && [ "$inc_status" = 0 ]; then
		rm -rf "$work/good"
		mv "$fresh" "$work/good"
	else
		rm -rf "$fresh"
	fi
	[ "$status" = 0 ] || sed "s|^|$name: |" "$work/compare.log"
	ok "$name" "$status"
}
rm -rf "$manifest"
mkfifo "$manifest"
other_at_manifest manifest-fifo 1008
rm -rf "$manifest"
mkdir "$manifest"
other_at_manifest manifest-folder 1009
rm -rf "$manifest"
echo victim > "$work/victim"
ln -s "$(cd "$work" && pwd)/victim" "$manifest"
other_at_manifest manifest-link 1010
[ "$(cat "$work/victim")" = victim ]
ok manifest-link-not-followed $?
rm -rf "$manifest"
inc_ok manifest-back

# other options: the templates in another folder (a label changed) and
# back; the content in another folder (a job type left out) and back
cp -a "$inc_templates" "$work/inc-templates-2"
sed -i 's|<label name="home">ホーム|<label name="home">ホーム２|' \
    "$work/inc-templates-2/labels.xml"
inc_templates_1=$inc_templates
inc_templates=$work/inc-templates-2
inc_ok templates-moved
inc_templates=$inc_templates_1
inc_ok templates-back
cp -a "$inc_content" "$work/inc-content-2"
rm "$(ls "$work/inc-content-2"/*.xml | grep -v framework.xml | head -1)"
inc_content_1=$inc_content
inc_content=$work/inc-content-2
inc_ok content-moved
inc_content=$inc_content_1
inc_ok content-back

# the live site changed behind the generator's back, the input not
page=$(cd "$work/inc" && find . -name '*.html' -path './jt*' | sort | head -1)
settle live-page-deleted
rm "$work/inc/$page"
inc_ok live-page-deleted
settle live-page-changed
echo '<p>planted</p>' > "$work/planted"
mv "$work/planted" "$work/inc/$page"
inc_ok live-page-changed
settle live-page-mode
chmod 600 "$work/inc/$page"
inc_ok live-page-mode
settle live-page-link
cp "$work/inc/$page" "$work/link-target"
ln -sf "$(cd "$work" && pwd)/link-target" "$work/inc/$page"
inc_ok live-page-link
settle live-page-in-place
printf x >> "$work/inc/$page"
inc_ok live-page-in-place

echo "scale ($bin): $pass passed, $fail failed"
[ "$fail" = 0 ]
