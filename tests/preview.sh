#!/bin/sh
# preview.sh: "skillsite serve", the live preview: tests/preview.py over
# HTTP and raw sockets (the whole of it with BINARY; with the sanitized
# binary, PREVIEW_QUICK=1, without the load), then tests/preview-watch.py
# (whole in both): when saves are built; then, but with quick,
# tests/preview-edits.py: after random edit sequences the site equals a
# fresh preview's, a failed build keeps the last good one and prints
# check's errors; and where node and Debian's Chromium are installed,
# tests/browser/preview.mjs: the page reloads, the overlay of errors and
# its fix, in a real browser.
# Usage: tests/preview.sh BINARY BUILD [quick]   (from the top of the
# repository)
set -u
bin=$1
build=$2
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if [ "${3:-}" = quick ]; then
	PREVIEW_QUICK=1 "$py" tests/preview.py "$bin"
	status=$?
	"$py" tests/preview-watch.py "$bin" || status=1
	exit $status
fi
"$py" tests/preview.py "$bin"
status=$?
"$py" tests/preview-watch.py "$bin" || status=1
"$py" tests/preview-edits.py "$bin" "$build" || status=1
. tests/browser/deps.sh
browser_ready preview node npm /usr/bin/chromium
case $? in
1) exit $status ;;
2) exit 1 ;;
esac
top=$(pwd)
case $bin in /*) ;; *) bin=$top/$bin ;; esac
case $build in /*) ;; *) build=$top/$build ;; esac
(cd tests/browser && node preview.mjs "$bin" "$top/content" \
    "$top/templates" "$build/screenshots") || status=1
exit $status
