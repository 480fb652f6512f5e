#!/bin/sh
# tailoring.sh: the pages tailorings add, built from content/ and the
# example tailoring tests/tailoring/minato.
#   pages        the role pages and the tailoring report read back against
#                the XML (tests/tailoring.py): a page per role, every
#                target at its level and linked to that level's section,
#                every operation of the two files in the report under its
#                kind with its file and line, the standard's words beside
#                it verbatim, every link reaching a file and an id
#   plain        content/ alone has neither page
#   anywhere     the tailoring files copied elsewhere give the same pages
#                (the report names files by base name only), byte for byte
# Usage: tests/tailoring.sh BINARY    (from the top of the repository)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=build/tailoring-tests
suite=tailoring
. tests/lib.sh
jt=customer-service

"$bin" build -t templates -o "$work/site" content tests/tailoring/minato \
    > /dev/null
ok build-tailored $?
python3 tests/tailoring.py "$work/site" content tests/tailoring/minato \
    > "$work/pages.out"
ok pages-read-back $?
cat "$work/pages.out"

"$bin" build -t templates -o "$work/plain" content > /dev/null &&
    [ ! -e "$work/plain/$jt/tailoring.html" ] &&
    [ ! -e "$work/plain/$jt/roles" ]
ok plain-has-none $?

mkdir -p "$work/elsewhere/deeper"
cp -r tests/tailoring/minato "$work/elsewhere/deeper/files"
"$bin" build -t templates -o "$work/site-b" content \
    "$work/elsewhere/deeper/files" > /dev/null &&
    diff "$work/site/$jt/tailoring.html" "$work/site-b/$jt/tailoring.html" &&
    diff -r "$work/site/$jt/roles" "$work/site-b/$jt/roles"
ok same-from-anywhere $?

echo "tailoring (build tests): $pass passed, $fail failed"
[ "$fail" = 0 ]
