#!/bin/sh
# browser.sh: the built site in a real browser and in the Nu HTML Checker.
#   - the Nu HTML Checker (npm vnu-jar, Java 17): no error on any page;
#   - tests/browser/check.mjs in Debian's Chromium through playwright-core:
#     each kind of page from file:// and from nginx under /itss/, with no
#     console error or failed request, no sideways scrolling at 360 px,
#     keyboard navigation, and no axe-core WCAG 2.1 A/AA violation;
#     screenshots at 1280 and 360 px in BUILD/screenshots;
#   - the tailored site (content + tests/tailoring/minato): its
#     self-assessment sheets in the Nu HTML Checker and in check.mjs
#     (roles, resources, the notice of what a link names that is gone).
# npm packages come from tests/browser/package-lock.json (npm ci).
# Usage: tests/browser.sh BINARY BUILD   (from the top of the repository)
set -u
bin=$1
build=$2
. tests/browser/deps.sh
browser_ready browser node npm java /usr/bin/chromium
case $? in
1) exit 0 ;;
2) exit 1 ;;
esac

root=$(mktemp -d /tmp/skillsite-browser.XXXXXX)
chmod 755 "$root"
"$bin" build -t templates -o "$root/site" content > /dev/null || exit 1
"$bin" build -t templates -o "$root/tailored" content tests/tailoring/minato \
    > /dev/null || exit 1
chmod -R a+rX "$root"

# the Nu HTML Checker, errors only, every page (and the tailored sheets)
pages=$(find "$root/site" -name '*.html' | sort;
    find "$root/tailored" -name assessment.html | sort)
npages=$(echo "$pages" | wc -l)
# shellcheck disable=SC2086
if java -jar tests/browser/node_modules/vnu-jar/build/dist/vnu.jar \
    --errors-only $pages; then
	echo "vnu (pages): $npages passed, 0 failed"
	vnu=0
else
	echo "vnu (pages): 0 passed, $npages failed"
	vnu=1
fi

. tests/nginx.sh
nginx_start "$root" "$root/site" || exit 1
(cd tests/browser && node check.mjs "$root/site" \
    "http://127.0.0.1:$port/itss/" "$OLDPWD/$build/screenshots" \
    "$root/tailored")
status=$?
nginx_stop "$root"
rm -rf "$root"
[ "$vnu" = 0 ] && [ "$status" = 0 ]
