# nginx.sh: serving a built site from nginx on 127.0.0.1, for tests
# (sourced).  The server uses the README's "location /itss/" block as it
# stands, pointed at the site.
#
# nginx_start ROOT SITE: serves folder SITE (under ROOT, a scratch folder
#   anyone may read) at http://127.0.0.1:$port/itss/; sets port.
# nginx_stop ROOT: stops it.

nginx_start() {
	_root=$1
	_site=$2
	_nginx=$(command -v nginx || echo /usr/sbin/nginx)
	port=$((20000 + $$ % 20000))
	sed -n '/^    location \/itss\/ {$/,/^    }$/p' README.md |
	    sed "s|alias [^;]*;|alias $_site/;|" > "$_root/location.conf"
	[ -s "$_root/location.conf" ] || { echo "no location block in README.md"; return 1; }
	mkdir -p "$_root/tmp"
	cat > "$_root/nginx.conf" <<CONF
worker_processes 1;
pid $_root/nginx.pid;
error_log $_root/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $_root/tmp;
    proxy_temp_path $_root/tmp;
    fastcgi_temp_path $_root/tmp;
    uwsgi_temp_path $_root/tmp;
    scgi_temp_path $_root/tmp;
    server {
        listen 127.0.0.1:$port;
$(cat "$_root/location.conf")
    }
}
CONF
	"$_nginx" -p "$_root" -c "$_root/nginx.conf" || { cat "$_root/error.log"; return 1; }
	sleep 0.5
}

nginx_stop() {
	kill "$(cat "$1/nginx.pid")" 2>/dev/null
	sleep 0.2
}
