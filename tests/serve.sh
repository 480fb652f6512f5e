#!/bin/sh
# serve.sh: the site served by nginx under a sub-path, with the settings
# the README gives (its "location /itss/" block is used as it stands):
# every page and asset answers 200 with the security headers.
# Usage: tests/serve.sh BINARY   (from the top of the repository)
set -u
bin=$1
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
	echo "nginx not installed: serving is not tested"
	exit 0
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
root=$(mktemp -d /tmp/skillsite-serve.XXXXXX)
chmod 755 "$root"
port=$((20000 + $$ % 20000))
"$bin" build -t templates -o "$root/site" content > /dev/null || exit 1
chmod -R a+rX "$root"

# the README's location block, pointed at the built site
sed -n '/^    location \/itss\/ {$/,/^    }$/p' README.md |
    sed "s|alias [^;]*;|alias $root/site/;|" > "$root/location.conf"
[ -s "$root/location.conf" ] || { echo "no location block in README.md"; exit 1; }
cat > "$root/nginx.conf" <<CONF
worker_processes 1;
pid $root/nginx.pid;
error_log $root/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $root/tmp;
    proxy_temp_path $root/tmp;
    fastcgi_temp_path $root/tmp;
    uwsgi_temp_path $root/tmp;
    scgi_temp_path $root/tmp;
    server {
        listen 127.0.0.1:$port;
$(cat "$root/location.conf")
    }
}
CONF
mkdir -p "$root/tmp"
"$nginx" -p "$root" -c "$root/nginx.conf" || { cat "$root/error.log"; exit 1; }
sleep 0.5

pass=0
fail=0
for f in $(cd "$root/site" && find . -type f ! -name '.*' | sed 's|^\./||' | sort); do
	headers=$(curl -s -D - -o /dev/null --max-time 5 \
	    "http://127.0.0.1:$port/itss/$f")
	if echo "$headers" | grep -q '^HTTP/1.1 200' &&
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
kill "$(cat "$root/nginx.pid")" 2>/dev/null
sleep 0.2
rm -rf "$root"
echo "serve (files over http): $pass passed, $fail failed"
[ "$fail" = 0 ]
