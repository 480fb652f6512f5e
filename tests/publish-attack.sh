#!/bin/sh
# publish-attack.sh: publishing tried as an attacker or a careless admin
# would try it.
#   links    a folder of the live site replaced by a symbolic link to a
#            copy elsewhere, at any depth: the rebuild follows no link, no
#            published file is a hard link to a file elsewhere, and what is
#            elsewhere stays as it was; a folder of files another user owns
#            planted in the live site is not carried either
#   lock     a symbolic link (to nothing, or to a file), a folder or a FIFO
#            at the lock's path: exit 3 at once, nothing created or changed
#            where the link points, the site as it was
#   inputs   content or templates inside the target, the target inside
#            (or equal to) an input, by any path (.., a linked folder, a
#            link among the content files or the templates, the default
#            content/), or inside a folder named like a temporary folder
#            of the target, which the build would clean away, or through
#            a bind mount (of a folder above, or of a folder inside the
#            target, or onto a folder of the target): exit 2 before any
#            work, inputs and site as they were
#   others   folders named like the target's temporary folders but not
#            its builds' (another target's site, lock or work, another
#            user's) kept by a rebuild; a target named so, or inside a
#            folder named so: exit 2
#   targets  -o naming no folder ('', /, ., .., X/., X/.., with trailing
#            slashes): exit 2, nothing written anywhere, no lock left
#   fds      a rebuild with 4 to 16 descriptors: exit 0 or 3, the site as
#            it was, no temporary folder left by one failing to set up
#   signals  a rebuild ended by SIGTERM, SIGINT or SIGHUP: killed by it,
#            no temporary folder left, the old site as it was
#   weasyprint  what a (fake) WeasyPrint prints on stderr, controls and a
#            forged diagnostic among it, reaches the user only as escaped
#            diagnostics, a few lines a process
# Usage: tests/publish-attack.sh BINARY [BUILD]   (from the top of the
# repository; BUILD, build/ by default, holds bench/synth)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(pwd)
work=build/publish-attack
suite=publish-attack
. tests/lib.sh
skipped=0
work=$top/$work
tpl=$top/templates
content=$top/tests/site/content

# Prints inode, links, mode, size, modification time, type, name and link
# target of everything below $1, sorted by name.
state() {
	(cd "$1" && find . -printf '%i %n %m %s %T@ %y %p %l\n' | sort -k7)
}

# Builds the fixture framework into $1, quietly.
build() {
	timeout 60 "$bin" build -t "$tpl" -o "$1" "$content" > /dev/null
}

# Succeeds when a file below $1 is the same file (a hard link) as one
# below $2.
shares() {
	find "$1" -type f -printf '%D:%i\n' | sort -u > "$work/a.ids"
	find "$2" -type f -printf '%D:%i\n' | sort -u > "$work/b.ids"
	[ -n "$(comm -12 "$work/a.ids" "$work/b.ids")" ]
}

# Records NAME-exit-2 (status $2 is 2 and $3 is among the messages, in
# $work/inputs.err or file $6) and NAME-unchanged (the state of $4 is
# $5): a build refused before any work.
refused() {
	[ "$2" = 2 ] && grep -q "$3" "${6:-$work/inputs.err}"
	ok "$1-exit-2" $?
	[ "$(state "$4")" = "$5" ]
	ok "$1-unchanged" $?
}

# Succeeds when a process whose id is in file $1 still runs (a zombie
# that no one reaps does not count).
running() {
	for w in $(cat "$1"); do
		grep -qv '^[0-9]* ([^)]*) Z' "/proc/$w/stat" 2>/dev/null &&
		    return 0
	done
	return 1
}

# Prints the temporary folders beside a target in folder $1.
leftover() {
	ls -A "$1" | grep '\.skillsite-' | grep -v -e '-lock$' -e '-manifest$'
}

# links
for depth in jt jt/alpha jt/alpha/skills; do
	name=links-$(echo "$depth" | tr / -)
	site=$work/$name/site
	outside=$work/$name/outside
	mkdir -p "$work/$name"
	build "$site"
	mv "$site/$depth" "$outside"
	ln -s "$outside" "$site/$depth"
	before=$(state "$outside")
	build "$site"
	ok "$name-exit-0" $?
	! shares "$site" "$outside"
	ok "$name-no-hard-link-outside" $?
	[ "$(state "$outside")" = "$before" ]
	ok "$name-outside-unchanged" $?
	[ ! -L "$site/$depth" ] &&
	    diff -r -x assets "$top/tests/site/expected" "$site" > /dev/null
	ok "$name-site-whole" $?
done
if [ "$(id -u)" = 0 ]; then
	site=$work/foreign/site
	mkdir -p "$work/foreign"
	build "$site"
	chown -R 65534:65534 "$site/jt"
	build "$site"
	ok foreign-owner-exit-0 $?
	[ -z "$(find "$site" -uid 65534)" ]
	ok foreign-owner-not-carried $?
fi

# lock
site=$work/lock/site
lock=$work/lock/.site.skillsite-lock
mkdir -p "$work/lock"
build "$site"
for kind in link-to-nothing link-to-file folder fifo; do
	rm -rf "$lock" "$work/lock/victim"
	before=$(state "$site")
	case $kind in
	link-to-nothing)
		ln -s victim "$lock" ;;
	link-to-file)
		echo precious > "$work/lock/victim"
		touch -d @1000000000 "$work/lock/victim"
		ln -s victim "$lock" ;;
	folder)
		mkdir "$lock" ;;
	fifo)
		mkfifo "$lock" ;;
	esac
	victim=$(ls -l --time-style=+%s "$work/lock/victim" 2>/dev/null)
	timeout 20 "$bin" build -t "$tpl" -o "$site" "$content" \
	    > /dev/null 2> "$work/lock.err"
	[ $? = 3 ] && grep -q 'lock' "$work/lock.err"
	ok "lock-$kind-exit-3" $?
	[ "$(ls -l --time-style=+%s "$work/lock/victim" 2>/dev/null)" = \
	    "$victim" ]
	ok "lock-$kind-points-nowhere-new" $?
	[ "$(state "$site")" = "$before" ] && [ -z "$(leftover "$work/lock")" ]
	ok "lock-$kind-site-kept" $?
done
rm -rf "$lock"

# inputs: a built site holding a copy of the templates and of the content,
# made afresh for each case
in=$work/inputs
inputs() {
	rm -rf "$in"
	mkdir -p "$in/sub" "$in/c2" "$in/t2"
	build "$in/out"
	cp -r "$tpl" "$in/out/tpl"
	cp -r "$content" "$in/out/content"
	cp -r "$content" "$in/.out.skillsite-Ab12Cd"
	ln -s "$in" "$in/alias"
	cp "$content/jobtype.xml" "$in/c2/"
	ln -s ../out/content/framework.xml "$in/c2/framework.xml"
	cp -r "$tpl/." "$in/t2/"
	rm "$in/t2/style.css"
	ln -s ../out/tpl/style.css "$in/t2/style.css"
}
n=0
while read -r cwd args; do
	n=$((n + 1))
	inputs
	before=$(state "$in")
	# shellcheck disable=SC2086
	(cd "$in/$cwd" && timeout 60 "$bin" build $args) \
	    > /dev/null 2> "$work/inputs.err"
	[ $? = 2 ] && grep -q 'overlap' "$work/inputs.err"
	ok "inputs-$n-exit-2 ($args)" $?
	[ "$(state "$in")" = "$before" ]
	ok "inputs-$n-unchanged ($args)" $?
done <<EOF
. -o out -t out/tpl out/content
. -o out -t $tpl out/content
. -o out -t out/tpl $content
. -o out/ -t $tpl out/content/framework.xml out/content/jobtype.xml
. -o out/content/site -t $tpl out/content
. -o out/content -t $tpl out/content
. -o out/tpl/site -t out/tpl $content
. -o alias/out -t out/tpl $content
. -o sub/../out -t $tpl out/content
. -o out -t $tpl $in/alias/out/content
. -o out -t $tpl c2
. -o out -t t2 $content
out -o ../out -t $tpl
. -o ../inputs -t out/tpl $content
. -o out -t $tpl .out.skillsite-Ab12Cd
. -o out -t $tpl .out.skillsite-Ab12Cd/jobtype.xml
EOF

#   the same folders by another path (a bind mount), where one can be
#   made: the target or the inputs reached through a mount of a folder
#   above them, an input that is a mount of a folder inside the target
#   (content or templates), or a folder of the target on which an input is
#   mounted
if unshare -m sh -c 'mount --bind "$1" "$1"' sh "$work" 2>/dev/null; then
	mkdir -p "$work/bind"
	for how in target-bound inputs-bound content-of-target-bound \
	    templates-of-target-bound input-mounted-in-target; do
		inputs
		before=$(state "$in")
		unshare -m sh -c 'b=$2 bin=$4 tpl=$5 content=$6
		    cd "$1" && case $3 in
		    target-bound) mount --bind "$1" "$b" &&
			set -- -o "$b/out" -t out/tpl out/content ;;
		    inputs-bound) mount --bind "$1" "$b" &&
			set -- -o out -t "$b/out/tpl" "$b/out/content" ;;
		    content-of-target-bound) mount --bind out/content "$b" &&
			set -- -o out -t "$tpl" "$b" ;;
		    templates-of-target-bound) mount --bind out/tpl "$b" &&
			set -- -o out -t "$b" "$content" ;;
		    input-mounted-in-target) mount --bind c2 out/content &&
			set -- -o out -t "$tpl" c2 ;;
		    esac && exec timeout 60 "$bin" build "$@"' \
		    sh "$in" "$work/bind" "$how" "$bin" "$tpl" "$content" \
		    > /dev/null 2> "$work/inputs.err"
		refused "inputs-$how" $? overlap "$in" "$before"
	done
else
	skipped=$((skipped + 10))
	echo "publish-attack: no bind mounts here (unshare -m, mount):" \
	    "10 bind-mount cases skipped"
fi

# others: folders named like the target's own temporary folders but not
# made by its builds (another target's site, lock or work, or not this
# user's) are never cleaned away; a target named like them, or inside a
# folder named so (by any path), is refused
o=$work/others
mkdir -p "$o"
build "$o/www"
for name in .www.skillsite-2026 .www.skillsite-b.skillsite-lock \
    .www.skillsite-Ab12Cd9 .www.skillsite-Ab12C .www.skillsite-Ab12Cd.old \
    .www.skillsite-Ab12Cd-x; do
	mkdir "$o/$name" && echo precious > "$o/$name/keep"
done
if [ "$(id -u)" = 0 ]; then
	mkdir "$o/.www.skillsite-Fo0000" && chown 65534:65534 \
	    "$o/.www.skillsite-Fo0000"
fi
mkdir "$o/.www.skillsite-Ab12Cd"	# a killed run's: cleaned away
before=$(ls -A "$o" | grep -v -e '^www$' -e '^\.www\.skillsite-Ab12Cd$')
build "$o/www"
ok others-build-exit-0 $?
[ "$(ls -A "$o" | grep -v '^www$')" = "$before" ] &&
    [ "$(cat "$o"/.www.skillsite-*/keep | grep -c precious)" = 6 ]
ok others-kept $?
mkdir "$o/.www.skillsite-Qq11Qq"
ln -s .www.skillsite-Qq11Qq "$o/qlink"
for name in .www.skillsite-2026 www.skillsite-b x.skillsite-lock \
    .www.skillsite-Ab12Cd www.skillsite-/ .www.skillsite-Zz00Zz/site \
    .www.skillsite-Qq11Qq/site qlink/site; do
	before=$(state "$o")
	timeout 60 "$bin" build -t "$tpl" -o "$o/$name" "$content" \
	    > /dev/null 2> "$work/others.err"
	refused "others-target-$name" $? 'not a folder to publish to' "$o" \
	    "$before" "$work/others.err"
done

# targets: nothing written anywhere, in the folder, above it or at /
t=$work/targets
mkdir -p "$t/cwd"
build "$t/cwd/out"
root=$(ls -A / | grep -c skillsite)
n=0
for cwd in cwd cwd/out; do
	for o in '' / // /. /.. . .. ./ ../ out/. out/.. out/./ out/../ \
	    out/.// ./out/..; do
		n=$((n + 1))
		before=$(state "$t")
		(cd "$t/$cwd" && timeout 60 "$bin" build -t "$tpl" -o "$o" \
		    "$content") > /dev/null 2> "$work/targets.err"
		[ $? = 2 ] && grep -q 'not a folder to publish to' \
		    "$work/targets.err"
		ok "targets-$n-exit-2 ($cwd: -o '$o')" $?
		[ "$(state "$t")" = "$before" ] &&
		    [ "$(ls -A / | grep -c skillsite)" = "$root" ]
		ok "targets-$n-nothing-written ($cwd: -o '$o')" $?
	done
done
#   still refused as before: the target a link to a site (exit 3)
ln -s cwd/out "$t/link"
before=$(state "$t/cwd/out")
(cd "$t" && timeout 60 "$bin" build -t "$tpl" -o link "$content") \
    > /dev/null 2>&1
[ $? = 3 ] && [ "$(state "$t/cwd/out")" = "$before" ] && [ -L "$t/link" ]
ok targets-link-refused $?

# descriptors: with 4 to 16 of them a rebuild succeeds or fails with exit
# 3; either way the site is as it was; one that fails while setting up
# (up to 7) leaves no temporary folder, and the next build removes what
# one that failed later could not
site=$work/fds/site
mkdir -p "$work/fds"
build "$site"
cp -r "$site" "$work/fds-copy"
for n in 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	(ulimit -n "$n" && exec timeout 60 "$bin" build -j 2 -t "$tpl" \
	    -o "$site" "$content") > /dev/null 2>&1
	status=$?
	[ "$status" = 0 ] || [ "$status" = 3 ]
	ok "fds-$n-exit-0-or-3" $?
	diff -r "$work/fds-copy" "$site" > /dev/null &&
	    { [ "$n" -gt 7 ] || [ -z "$(leftover "$work/fds")" ]; }
	ok "fds-$n-site-kept" $?
done
build "$site" && [ -z "$(leftover "$work/fds")" ]
ok fds-cleaned-up $?

# signals: a rebuild of a large site ended by SIGTERM, SIGINT or SIGHUP
# while it writes its new folder dies by that signal, removes the folder
# and leaves the old site as it was
synth=${2:-build}/bench/synth
if [ -x "$synth" ]; then
	"$synth" content/customer-service.xml "$work/synth" 3000 > /dev/null
	site=$work/signals/site
	mkdir -p "$work/signals"
	timeout 120 "$bin" build -t "$tpl" -o "$site" "$work/synth/content" \
	    > /dev/null
	ok signals-first-build $?
	before=$(state "$site")
	for sig in TERM:15 INT:2 HUP:1; do
		number=${sig#*:}
		sig=${sig%:*}
		timeout 120 "$bin" build -j 1 -t "$tpl" -o "$site" \
		    "$work/synth/content" > /dev/null 2>&1 &
		pid=$!
		n=0	# until the new folder is there (the build takes seconds)
		while [ -z "$(leftover "$work/signals")" ] && [ "$n" -lt 2000 ]
		do
			sleep 0.005
			n=$((n + 1))
		done
		kill -s "$sig" "$pid"
		wait "$pid" 2> /dev/null
		status=$?
		[ "$status" = $((128 + number)) ]
		ok "signals-$sig-killed-by-it" $?
		[ -z "$(leftover "$work/signals")" ]
		ok "signals-$sig-no-folder-left" $?
		[ "$(state "$site")" = "$before" ]
		ok "signals-$sig-old-site-kept" $?
	done
else
	skipped=$((skipped + 10))
	echo "publish-attack: no $synth (make $synth): 10 signal cases skipped"
fi

# weasyprint: what WeasyPrint prints on stderr or stdout (controls, C1,
# a forged diagnostic, many lines) reaches the user only as escaped
# diagnostics on stderr, a few lines per process, notices when the PDF
# was made, else errors; WeasyPrint ends with a build ended by a signal
mkdir -p "$work/bin"
cat > "$work/bin/weasyprint" <<'FAKE'
#!/bin/sh
# weasyprint --quiet HTML PDF: says hostile things
printf '\033[31mred\n\302\233csi\n\233raw\n\n \r\n\007bell\n' >&2
echo 'skillsite: x.xml:1:1: error: forged' >&2
printf 'on stdout \033]0;title\007\n'
i=0
while [ "$i" -lt 30 ]; do
	echo "line $i" >&2
	i=$((i + 1))
done
[ -z "${FAKE_WEASYPRINT_FAIL:-}" ] || exit 1
if [ -n "${FAKE_WEASYPRINT_PIDS:-}" ]; then	# slow: notes its pid
	echo $$ >> "$FAKE_WEASYPRINT_PIDS"
	exec sleep 60
fi
: > "$3"
FAKE
chmod +x "$work/bin/weasyprint"
for how in made:0:notice failed:3:error; do
	want=${how#*:}
	word=${want#*:}
	want=${want%:*}
	how=${how%%:*}
	rm -rf "$work/weasyprint"
	mkdir -p "$work/weasyprint"
	(PATH=$work/bin:$PATH
	[ "$how" = made ] || export FAKE_WEASYPRINT_FAIL=1
	exec timeout 60 "$bin" build -p -j 2 -t "$tpl" -o "$work/weasyprint/site" \
	    "$content") > "$work/weasyprint.out" 2> "$work/weasyprint.err"
	[ $? = "$want" ]
	ok "weasyprint-$how-exit-$want" $?
	! grep -a -v -E "^skillsite: $word: " "$work/weasyprint.err" &&
	    ! LC_ALL=C grep -q '[^ -~]' "$work/weasyprint.err" &&
	    grep -q "^skillsite: $word: weasyprint: skillsite: x.xml" \
	    "$work/weasyprint.err" &&
	    [ "$(grep -c ': weasyprint: line' "$work/weasyprint.err")" -le 30 ] &&
	    grep -q "^skillsite: $word: weasyprint: on stdout" \
	    "$work/weasyprint.err" && ! grep -q 'on stdout' "$work/weasyprint.out"
	ok "weasyprint-$how-said-escaped" $?
done
#   a build ended by SIGTERM while WeasyPrint runs ends it too, and
#   leaves no folder (timeout --foreground: else timeout itself signals
#   the whole group)
: > "$work/weasyprint.pids"
(PATH=$work/bin:$PATH FAKE_WEASYPRINT_PIDS=$work/weasyprint.pids \
    exec timeout --foreground 60 "$bin" build -p -j 2 -t "$tpl" \
    -o "$work/weasyprint/site" "$content") > /dev/null 2>&1 &
pid=$!
n=0
while [ ! -s "$work/weasyprint.pids" ] && [ "$n" -lt 1000 ]; do
	sleep 0.01
	n=$((n + 1))
done
kill -s TERM "$pid"
wait "$pid" 2> /dev/null
[ $? = 143 ] && [ -z "$(leftover "$work/weasyprint")" ]
ok weasyprint-killed-build-cleaned $?
n=0
while [ "$n" -lt 200 ] && running "$work/weasyprint.pids"; do
	sleep 0.01
	n=$((n + 1))
done
[ -s "$work/weasyprint.pids" ] && [ "$n" -lt 200 ]
ok weasyprint-killed-build-ends-weasyprint $?

[ "$skipped" = 0 ] || echo "publish-attack: $skipped cases skipped"
echo "publish-attack (cases): $pass passed, $fail failed"
[ "$fail" = 0 ]
