# deps.sh: what the browser checks need (sourced by tests/browser.sh and
# tests/preview.sh).
#
# browser_ready NAME TOOL...: returns 0 when each TOOL is installed and the
#   npm packages of tests/browser/package-lock.json are (npm ci, when
#   missing or older than the lock); else says "NAME: TOOL missing: the
#   browser checks are skipped" and returns 1, or returns 2 when npm ci
#   failed.
browser_ready() {
	_name=$1
	shift
	for _tool in "$@"; do
		if ! command -v "$_tool" >/dev/null 2>&1; then
			echo "$_name: $_tool missing: the browser checks are skipped"
			return 1
		fi
	done
	if [ ! -d tests/browser/node_modules ] ||
	    [ tests/browser/package-lock.json -nt tests/browser/node_modules ]; then
		(cd tests/browser && npm ci --no-audit --no-fund \
		    --loglevel=error) || return 2
		touch tests/browser/node_modules
	fi
	return 0
}
