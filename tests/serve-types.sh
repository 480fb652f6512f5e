# serve-types.sh: the type each file of the site must be served with, for
# tests/serve.sh (nginx) and tests/serve-apache.sh (sourced by both).
# type_ok FILE TYPE: whether TYPE (a Content-Type header's value) is the
# one FILE's extension calls for; every text type carries charset=utf-8,
# so that neither a browser nor a spreadsheet guesses another encoding.
type_ok() {
	t=$(printf '%s' "$2" | tr '[:upper:]' '[:lower:]' | sed 's/; */; /g')
	case $1 in
	*.html) [ "$t" = "text/html; charset=utf-8" ] ;;
	*.css) [ "$t" = "text/css; charset=utf-8" ] ;;
	*.js) [ "$t" = "application/javascript; charset=utf-8" ] ;;
	*.csv) [ "$t" = "text/csv; charset=utf-8" ] ;;
	*.xlsx) [ "$t" = application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ] ;;
	*.txt) [ "$t" = "text/plain; charset=utf-8" ] ;;
	*.svg) [ "$t" = image/svg+xml ] ;;
	*.pdf) [ "$t" = application/pdf ] ;;
	*.json) [ "$t" = application/json ] ;;
	*.png) [ "$t" = image/png ] ;;
	*.jpg | *.jpeg) [ "$t" = image/jpeg ] ;;
	*.gif) [ "$t" = image/gif ] ;;
	*.webp) [ "$t" = image/webp ] ;;
	*.ico) [ "$t" = image/x-icon ] ;;
	*.woff) [ "$t" = font/woff ] ;;
	*.woff2) [ "$t" = font/woff2 ] ;;
	*.ttf) [ "$t" = font/ttf ] ;;
	*.otf) [ "$t" = font/otf ] ;;
	*) false ;;
	esac
}
