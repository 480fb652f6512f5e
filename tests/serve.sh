#!/bin/sh
# serve.sh: the site served by nginx under a sub-path, with the settings
# the README gives (its "location /itss/" block is used as it stands):
# every page and asset answers 200 with the security headers and the
# type and charset of its extension (tests/serve-types.sh).
# Usage: tests/serve.sh BINARY   (from the top of the repository)
set -u
bin=$1
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
	echo "nginx not installed: serving is not tested"
	exit 0
fi
root=$(mktemp -d /tmp/skillsite-serve.XXXXXX)
chmod 755 "$root"
"$bin" build -t templates -o "$root/site" content > /dev/null || exit 1
chmod -R a+rX "$root"
. tests/nginx.sh
. tests/serve-types.sh
nginx_start "$root" "$root/site" || exit 1

pass=0
fail=0
for f in $(cd "$root/site" && find . -type f ! -name '.*' | sed 's|^\./||' | sort); do
	headers=$(curl -s -D - -o /dev/null --max-time 5 \
	    "http://127.0.0.1:$port/itss/$f")
	type=$(echo "$headers" | tr -d '\r' | sed -n 's/^content-type: //Ip')
	if echo "$headers" | grep -q '^HTTP/1.1 200' &&
	    type_ok "$f" "$type" &&
	    echo "$headers" | grep -qi "^content-security-policy: default-src 'none'" &&
	    echo "$headers" | grep -qi '^x-content-type-options: nosniff' &&
	    echo "$headers" | grep -qi '^referrer-policy: no-referrer'; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: /itss/$f"
		echo "$headers" | sed 's/^/    /'
	fi
done
nginx_stop "$root"
rm -rf "$root"
echo "serve (files over http): $pass passed, $fail failed"
[ "$fail" = 0 ]
