#!/bin/sh
# serve-apache.sh: the site served by Apache httpd 2.4 under a sub-path,
# with the settings the README gives (its "Alias /itss/" block is used as
# it stands): every file answers 200 with its bytes, the security headers
# (the policy exactly as in the README's nginx block) and the type and
# charset of its extension; /itss/ is the home page; a folder without an
# index.html is never listed; a link planted in the served copy is not
# followed out of it; no "..", however encoded, climbs out of it.
# Usage: tests/serve-apache.sh BINARY   (from the top of the repository)
set -u
bin=$1
. tests/apache.sh
. tests/serve-types.sh
if [ ! -x "$(apache_bin)" ] ||
    [ ! -f /usr/lib/apache2/modules/mod_headers.so ]; then
	echo "apache2 not installed: serving with Apache is not tested"
	exit 0
fi
root=$(mktemp -d /tmp/skillsite-serve-apache.XXXXXX)
chmod 755 "$root"
site=$root/site
"$bin" build -t templates -o "$site" content > /dev/null || exit 1
# A file of every other type the README lists (the seed, built without
# -p, has no PDF and no image but the SVG), and outside the site a
# secret that nothing may serve.
mkdir -p "$site/types" "$root/outside"
for ext in pdf txt png jpg jpeg gif webp ico woff woff2 ttf otf; do
	echo "a .$ext" > "$site/types/file.$ext"
done
secret=secret-$$-outside
echo "$secret" > "$root/outside/secret.txt"
chmod -R a+rX "$root"
csp=$(sed -n "s/^ *add_header Content-Security-Policy \"\(.*\)\" always;$/\1/p" README.md)
[ -n "$csp" ] || { echo "no policy in the README's nginx block"; exit 1; }
apache_start "$root" "$site" || { rm -rf "$root"; exit 1; }
# Links planted once the server runs, as into a live copy.
ln -s "$root/outside/secret.txt" "$site/planted.txt"
ln -s "$root/outside" "$site/planted"

url=http://127.0.0.1:$port
pass=0
fail=0
# check NAME STATUS: counts one check; on failure, shows the headers.
check() {
	if [ "$2" = 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1"
		sed 's/^/    /' "$root/headers"
	fi
}
# get PATH: fetches PATH as it is (no dot segment resolved by curl) into
# $root/body and $root/headers; prints the status code.
get() {
	curl -s --path-as-is --max-time 5 -D "$root/headers" -o "$root/body" \
	    -w '%{http_code}' "$url$1"
}
header() {
	tr -d '\r' < "$root/headers" | sed -n "s/^$1: //Ip" | tail -n 1
}
# The three headers, each once, the policy exactly the README's.
has_headers() {
	[ "$(grep -ci -e '^content-security-policy:' -e '^x-content-type-options:' \
	    -e '^referrer-policy:' "$root/headers")" = 3 ] &&
	    [ "$(header Content-Security-Policy)" = "$csp" ] &&
	    [ "$(header X-Content-Type-Options)" = nosniff ] &&
	    [ "$(header Referrer-Policy)" = no-referrer ]
}
# refused PATH: not served (403 or 404 and none of the secret, the
# password file or a listing in the body).
refused() {
	code=$(get "$1")
	case $code in
	400 | 403 | 404) ;;
	*) return 1 ;;
	esac
	! grep -q -e "$secret" -e '^root:' -e 'Index of' "$root/body"
}

# Every file: 200, its bytes, the headers, its type.
for f in $(cd "$site" && find . -type f ! -name '.*' | sed 's|^\./||' | sort); do
	code=$(get "/itss/$f")
	[ "$code" = 200 ] && cmp -s "$root/body" "$site/$f" && has_headers &&
	    type_ok "$f" "$(header Content-Type)"
	check "/itss/$f ($code, $(header Content-Type))" $?
done

# Every folder: its index.html, else 403 or 404 and no listing.
for d in / $(cd "$site" && find . -mindepth 1 -type d ! -name '.*' | sed 's|^\./||; s|$|/|' | sort); do
	[ "$d" = / ] && d=
	code=$(get "/itss/$d")
	if [ -f "$site/${d}index.html" ]; then
		[ "$code" = 200 ] && cmp -s "$root/body" "$site/${d}index.html" &&
		    has_headers
	else
		case $code in 403 | 404) true ;; *) false ;; esac &&
		    ! grep -q 'Index of' "$root/body" && has_headers
	fi
	check "/itss/$d is its index or refused ($code)" $?
done

# A 404 carries the headers too ("always").
code=$(get /itss/no-such-page.html)
[ "$code" = 404 ] && has_headers
check "/itss/no-such-page.html: 404 with the headers ($code)" $?

# Links planted in the served copy, to a file and a folder outside.
for p in /itss/planted.txt /itss/planted/secret.txt /itss/planted/; do
	refused "$p"
	check "link not followed: $p ($code)" $?
done

# Dot segments, plain and encoded, never climb out of the copy.
for p in /itss/../outside/secret.txt /itss/../site/../outside/secret.txt \
    /itss/assets/../../outside/secret.txt /itss//../outside/secret.txt \
    /itss/%2e%2e/outside/secret.txt /itss/.%2e/outside/secret.txt \
    /itss/%2E%2E/outside/secret.txt /itss/..%2foutside%2fsecret.txt \
    /itss/%2e%2e%2foutside%2fsecret.txt /itss/%252e%252e/outside/secret.txt \
    '/itss/..%5coutside%5csecret.txt' '/itss/..\outside\secret.txt' \
    /itss/../../../../../../etc/passwd \
    /itss/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd \
    /itss/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd \
    /itss..//outside/secret.txt /itss/...//outside/secret.txt; do
	refused "$p"
	check "no way out: $p ($code)" $?
done

apache_stop "$root"
rm -rf "$root"
echo "serve (apache): $pass passed, $fail failed"
[ "$fail" = 0 ]
