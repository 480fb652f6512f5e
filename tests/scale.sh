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

echo "scale ($bin): $pass passed, $fail failed"
[ "$fail" = 0 ]
