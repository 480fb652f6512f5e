#!/bin/sh
# search.sh: the site's search under node's test runner (node --test):
#   tests/search/tokens.test.mjs   search.js's tokens agree with the
#                                  shared cases (test_search checks C's)
#   tests/search/ranking.test.mjs  queries on the seed's index give the
#                                  right skills first; links resolve
#   tests/search/results.test.mjs  results grouped by skill, titled by
#                                  what matched, the filter, show more,
#                                  the status in labels.xml's words
#   tests/search/hostile.test.mjs  the index of tests/site/hostile is
#                                  data only
#   tests/search/knowledge.test.mjs  the knowledge index's filter
#                                  normalises as search.js does
# The browser test (tests/browser/check.mjs) types a query in Chromium.
# Usage: tests/search.sh BINARY BUILD   (from the top of the repository)
set -u
bin=$1
build=$2
if ! command -v node >/dev/null 2>&1; then
	echo "search: node missing: the search tests are skipped"
	exit 0
fi
out=$build/search-tests
rm -rf "$out"
mkdir -p "$out"
"$bin" build -t templates -o "$out/seed" content > /dev/null &&
    "$bin" build -t templates -o "$out/hostile" tests/site/hostile \
    > /dev/null || exit 1
SKILLSITE_SITE=$out/seed SKILLSITE_HOSTILE=$out/hostile \
    node --test --test-reporter=tap tests/search/ > "$out/tap" 2>&1
status=$?
grep -E '^not ok|^# (pass|fail)' "$out/tap" | sed 's/^/  /'
[ "$status" = 0 ] || cat "$out/tap"
pass=$(sed -n 's/^# pass //p' "$out/tap")
fail=$(sed -n 's/^# fail //p' "$out/tap")
echo "search (node): ${pass:-0} passed, ${fail:-1} failed"
[ "$status" = 0 ]
