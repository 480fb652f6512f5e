# apache.sh: serving a built site from Apache httpd 2.4 (Debian's
# apache2) on 127.0.0.1, for tests (sourced).  The server uses the
# README's "Alias /itss/" block as it stands, pointed at the site, in a
# configuration of its own (not /etc/apache2: a stock apache2 service on
# port 80, running or not, is left alone).
#
# apache_start ROOT SITE: serves folder SITE (under ROOT, a scratch folder
#   anyone may read) at http://127.0.0.1:$port/itss/; sets port.
# apache_stop ROOT: stops it.

apache_bin() {
	command -v apache2 2>/dev/null || echo /usr/sbin/apache2
}

apache_start() {
	_root=$1
	_site=$2
	_apache=$(apache_bin)
	_mods=/usr/lib/apache2/modules
	sed -n '/^    Alias \/itss\/ \/srv\/www\/itss\/$/,/^    <\/Directory>$/p' README.md |
	    sed "s|/srv/www/itss/|$_site/|g" > "$_root/itss.conf"
	grep -q '^    </Directory>$' "$_root/itss.conf" ||
	    { echo "no Alias /itss/ block in README.md"; return 1; }
	mkdir -p "$_root/htdocs"
	# mod_autoindex is loaded and every folder is given Indexes and
	# FollowSymLinks (as Debian's /var/www is), so that only the block's
	# "Options -Indexes -FollowSymLinks" stands between a folder and its
	# listing, and between a link and what it points to.
	# As root, apache binds the port then serves as www-data; as
	# anyone else, as themselves (the User line is then ignored).
	_try=0
	while [ "$_try" -lt 5 ]; do
		port=$((40000 + ($$ + _try * 1009) % 20000))
		cat > "$_root/httpd.conf" <<CONF
ServerRoot $_root
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile $_root/apache.pid
ErrorLog $_root/error.log
LogLevel warn
DefaultRuntimeDir $_root
Mutex file:$_root default
LoadModule mpm_event_module $_mods/mod_mpm_event.so
LoadModule authz_core_module $_mods/mod_authz_core.so
LoadModule alias_module $_mods/mod_alias.so
LoadModule dir_module $_mods/mod_dir.so
LoadModule mime_module $_mods/mod_mime.so
LoadModule headers_module $_mods/mod_headers.so
LoadModule autoindex_module $_mods/mod_autoindex.so
User www-data
Group www-data
StartServers 1
ServerLimit 1
ThreadLimit 8
ThreadsPerChild 8
MaxRequestWorkers 8
MinSpareThreads 1
MaxSpareThreads 8
TypesConfig /dev/null
DocumentRoot $_root/htdocs
<Directory />
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
$(cat "$_root/itss.conf")
CONF
		"$_apache" -d "$_root" -f "$_root/httpd.conf" -k start \
		    2> "$_root/start.log" && break
		_try=$((_try + 1))
		grep -q 'Address already in use' "$_root/start.log" || break
	done
	if [ ! -s "$_root/apache.pid" ]; then
		sleep 0.5
	fi
	if [ ! -s "$_root/apache.pid" ]; then
		cat "$_root/start.log" "$_root/error.log" 2>/dev/null
		return 1
	fi
	sleep 0.5
}

apache_stop() {
	_pid=$(cat "$1/apache.pid" 2>/dev/null) || return 0
	kill "$_pid" 2>/dev/null
	# Waits for the parent to take its children with it (up to 5 s).
	_n=0
	while kill -0 "$_pid" 2>/dev/null && [ "$_n" -lt 25 ]; do
		sleep 0.2
		_n=$((_n + 1))
	done
}
