#!/bin/sh
# corpus.sh: golden tests of whole runs.  Each case in tests/corpus is
#   NAME.xml or NAME/   an input, checked with "skillsite check PATH", or
#   NAME.args           the arguments of the run (one line, word-split),
# beside NAME.expected: the diagnostics the run prints, then "[exit N]".
# Outputs are compared byte for byte.
#
# Usage: tests/corpus.sh [--update] BINARY [WRAPPER ...]
#   --update rewrites the .expected files from BINARY's output.
# Run from the top of the repository.
set -u

update=0
if [ "${1:-}" = --update ]; then
	update=1
	shift
fi
[ $# -ge 1 ] || { echo "usage: tests/corpus.sh [--update] BINARY [WRAPPER ...]" >&2; exit 2; }
bin=$1
shift

dir=tests/corpus
scratch=build/corpus
mkdir -p "$scratch"
# Inputs too large or too special to keep in git, made afresh each run.
if [ ! -f "$scratch/too-large.xml" ]; then
	head -c 9000000 /dev/zero | tr '\0' ' ' > "$scratch/too-large.xml"
fi
if [ ! -f "$scratch/huge-text-node.xml" ]; then
	{
		printf '<framework id="f">\n  <name>'
		head -c 2000000 /dev/zero | tr '\0' 'a'
		printf '</name>\n</framework>\n'
	} > "$scratch/huge-text-node.xml"
fi
[ -p "$scratch/fifo.xml" ] || { rm -f "$scratch/fifo.xml"; mkfifo "$scratch/fifo.xml"; }

pass=0
fail=0
for expected in "$dir"/*.expected; do
	name=${expected%.expected}
	name=${name##*/}
	if [ -f "$dir/$name.args" ]; then
		args=$(cat "$dir/$name.args")
	elif [ -e "$dir/$name.xml" ]; then
		args="check $dir/$name.xml"
	else
		args="check $dir/$name"
	fi
	# shellcheck disable=SC2086
	actual=$(timeout 60 "$@" "$bin" $args 2>&1 >/dev/null; echo "[exit $?]")
	if [ "$update" = 1 ]; then
		printf '%s\n' "$actual" > "$expected"
	fi
	if [ "$actual" = "$(cat "$expected")" ] &&
	    [ "$(tail -c 1 "$expected" | od -An -c | tr -d ' ')" = '\n' ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: corpus/$name ($* $bin $args)"
		printf '%s\n' "$actual" | diff -u "$expected" - | sed 's/^/    /'
	fi
done
echo "corpus ($* ${bin##*/}): $pass passed, $fail failed"
[ "$fail" = 0 ]
