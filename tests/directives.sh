#!/bin/sh
# directives.sh: every directive of every template is checked when the
# templates load.  For each directive attribute (data-text, data-html,
# data-attr-*, data-each, data-if, data-unless) of each template in
# templates/ (the layout and every page), a copy of templates/ with that
# one directive's field name corrupted must make "skillsite build"
# (without -p, on content/) exit 3 naming that template and the line and
# column of the '<' of the directive's start tag, and leave the output
# folder uncreated.  The directives are found by Python's expat, with the
# positions of their start tags (each checked against a count of the
# characters before it); the untouched copy must build.  Prints how long
# the builds took.
# Usage: tests/directives.sh BINARY    (from the top of the repository)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=build/directives-tests
suite=directives
. tests/lib.sh

# Writes one case per directive: $work/cases/N/t (the copy, corrupted),
# $work/cases/N/where ("FILE:LINE:COL", as diagnostics name it),
# $work/cases/N/field (the corrupted name, quoted as messages quote it)
# and $work/cases/N/what (the directive, for failures).
python3 - "$work/cases" <<'PY' || exit 1
import os, re, shutil, sys
import xml.parsers.expat

out = sys.argv[1]
names = sorted(n for n in os.listdir("templates") if n.endswith(".xhtml"))
directive = re.compile(r"data-(text|html|each|if|unless|attr-.+)$")
n = 0
for name in names:
    data = open(os.path.join("templates", name), "rb").read()
    found = []
    p = xml.parsers.expat.ParserCreate()
    p.ordered_attributes = True

    def start(tag, attrs):
        for k, v in zip(attrs[0::2], attrs[1::2]):
            if directive.match(k):
                found.append((p.CurrentLineNumber, p.CurrentColumnNumber + 1,
                    p.CurrentByteIndex, k, v))
    p.StartElementHandler = start
    p.Parse(data, True)
    if not found:
        sys.exit("directives: no directive found in templates/" + name)
    for line, col, at, attr, value in found:
        # the '<' of the start tag: expat's line and column (characters,
        # from 1) must be those counted here
        assert data[at:at + 1] == b"<", (name, at)
        start = data.rfind(b"\n", 0, at) + 1
        assert line == data.count(b"\n", 0, at) + 1, (name, line)
        assert col == len(data[start:at].decode("utf-8")) + 1, (name, col)
        end = data.index(b">", at)
        tag = data[at:end]
        m = list(re.finditer(rb"(\s" + re.escape(attr.encode()) +
            rb"\s*=\s*)([\"'])(.*?)\2", tag, re.S))
        assert len(m) == 1, (name, line, attr)
        s, e = at + m[0].start(3), at + m[0].end(3)
        case = os.path.join(out, str(n))
        shutil.copytree("templates", os.path.join(case, "t"))
        with open(os.path.join(case, "t", name), "wb") as f:
            f.write(data[:s] + data[s:e] + b"-corrupted" + data[e:])
        with open(os.path.join(case, "where"), "w") as f:
            f.write("%s:%d:%d\n" % (name, line, col))
        with open(os.path.join(case, "field"), "w") as f:
            f.write("'%s-corrupted'\n" % value)
        with open(os.path.join(case, "what"), "w") as f:
            f.write('%s:%d:%d %s="%s"\n' % (name, line, col, attr, value))
        n += 1
PY

# The untouched templates build.
timeout 60 "$bin" build -t templates -o "$work/untouched" content \
    > /dev/null 2> "$work/untouched.err"
ok untouched $?

# Runs each case, two at a time: status 3, a message at the directive's
# start tag naming the corrupted field, no output folder; writes "ok" or the reason to
# CASE/result.
start=$(date +%s)
export bin
ls "$work/cases" | sed "s|^|$work/cases/|" | xargs -P2 -n1 sh -c '
	c=$1
	timeout 60 "$bin" build -t "$c/t" -o "$c/out" content > /dev/null \
	    2> "$c/err"
	status=$?
	where=$(cat "$c/where")
	field=$(cat "$c/field")
	if [ "$status" != 3 ]; then
		echo "exit $status" > "$c/result"
	elif ! grep -F "skillsite: $c/t/$where: error: template error: " \
	    "$c/err" | grep -qF "unknown field $field in "; then
		# the load-time check names the directive ("in data-text"):
		# a render-time error alone does not pass
		echo "no load-time error at $where naming $field" > "$c/result"
	elif [ -e "$c/out" ]; then
		echo "output folder made" > "$c/result"
	else
		echo ok > "$c/result"
	fi' sh
for c in "$work"/cases/*; do
	result=$(cat "$c/result" 2> /dev/null || echo "not run")
	[ "$result" = ok ]
	status=$?
	if [ "$status" != 0 ]; then
		echo "$(cat "$c/what"): $result"
		sed 's/^/    /' "$c/err"
	fi
	ok "$(cut -d' ' -f1 "$c/what")" $status
done
echo "directives: $(ls "$work/cases" | wc -l) corrupted, in" \
    "$(($(date +%s) - start)) s"

echo "directives (corrupted fields): $pass passed, $fail failed"
[ "$fail" = 0 ]
