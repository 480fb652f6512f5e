#!/bin/sh
# lowmem.sh: "build" and "check" under address-space limits (ulimit -v),
# swept from the least limit at which the program starts to 48 MB above
# it, and on until every build succeeds:
#   seed      the seed content, every MB, built once on 1 thread and
#             REPS times on 2 (a thread that cannot be made leaves its
#             share to the others, so success is not monotonic), the live
#             site rebuilt alternately from two versions of the content;
#             "check" once per limit on 1 and on 2 threads
#   large     a synthetic framework of 1000 pages (tests/bench/synth) on
#             4 threads, every 2 MB: more threads still writing when one
#             runs out
#   fsize     the seed rebuilt under ulimit -f limits from 1 block up to
#             more than any page: a file too large is reported (status 3),
#             not a kill by SIGXFSZ
#   stack     the seed rebuilt under ulimit -s from 8 KiB to 1 MiB: below
#             256 KiB status 3 and a message, from it a build; a soft
#             limit alone (ulimit -Ss) is raised and the build succeeds
# Every run must end with status 0, or 3 (as "out of memory"), never by a
# signal; print nothing but diagnostics ("skillsite: ...: error: ...") on
# stderr; leave the live site byte for byte as the old one or as the
# complete new one (status 0), and no folder of its own beside it.  The
# closing line counts the limits whose runs all passed.
# Needs a binary without sanitizers (they reserve terabytes of address
# space).  Usage: tests/lowmem.sh BINARY BUILD   (from the top of the
# repository)
set -u
bin=$1
build=$2
work=$build/lowmem-tests
suite=lowmem
. tests/lib.sh

REPS=3			# seed builds per limit on 2 threads
CLEAR=6			# the last limits: every run succeeds
kind=-v			# the limit swept: ulimit -v, in MB ...
scale=1024
units=MB

# Runs "$@" under a limit of $1 units; sets status, leaves stderr in
# $work/err.
limited() {
	value=$1
	shift
	(ulimit $kind $((value * scale)) && exec "$@") > "$work/out" \
	    2> "$work/err"
	status=$?
}

# Prints the lines of $work/err that are not diagnostics.
stray_lines() {
	grep -Ev '^skillsite: ([^ ].*: )?(error|warning|notice): .' \
	    "$work/err"
}

# Prints the folders of runs left beside the live site (not its lock).
leftovers() {
	ls -a "$work" | grep '^\.live\.skillsite-' | grep -v -e '-lock$' -e '-manifest$'
}

# Checks the run just made (NAME): its status and stderr.  Sets bad.
check_run() {
	case $status in
	0|3) ;;
	*) echo "lowmem: $1: exit status $status"; bad=1 ;;
	esac
	if stray_lines > /dev/null; then
		echo "lowmem: $1: not a diagnostic: $(stray_lines | head -n 3)"
		bad=1
	fi
	[ $status = 0 ] || all_ok=0
}

# Rebuilds the live site, which holds version $live, from version $3
# under a limit of $1 units on $2 threads, and checks the run, the site and
# what is beside it.  Sets bad, all_ok and live.
build_at() {
	limited "$1" "$bin" build -j "$2" -t templates -o "$work/live" \
	    "$work/$3"
	check_run "build $3 -j $2 at $1 $units"
	[ $status = 0 ] && live=$3
	if ! diff -r "$work/site-$live" "$work/live" > /dev/null 2>&1; then
		echo "lowmem: build $3 -j $2 at $1 $units (status $status):" \
		    "the live site is not site-$live"
		bad=1
		rm -rf "$work/live"
		cp -a "$work/site-$live" "$work/live"
	fi
	if leftovers > /dev/null; then
		echo "lowmem: build $3 -j $2 at $1 $units: left" \
		    "$(leftovers | tr '\n' ' ')"
		bad=1
		leftovers | while read -r f; do
			rm -rf "${work:?}/$f"
		done
	fi
}

# Versions a and b of the seed (b: the framework renamed, so every page
# differs), the large framework l, and the site each makes with no limit.
mkdir -p "$work/a" "$work/b"
cp content/*.xml "$work/a/"
cp content/*.xml "$work/b/"
sed 's|</name>|（改）</name>|' content/framework.xml > "$work/b/framework.xml"
"$build/bench/synth" content/customer-service.xml "$work/synth" 1000 \
    > /dev/null
ok synth $?
mv "$work/synth/content" "$work/l"
for v in a b l; do
	"$bin" build -j 2 -t templates -o "$work/site-$v" "$work/$v" \
	    > /dev/null 2>&1
	ok "reference-$v" $?
done
cmp -s "$work/site-a/index.html" "$work/site-b/index.html"
[ $? = 1 ]
ok references-differ $?

# The least limit at which the program starts at all (below it, the
# dynamic loader cannot map the libraries, or a library's constructor
# fails and says so on stderr, as GnuTLS's does, which libmicrohttpd
# loads: nothing of ours runs).
low=8
while [ $low -lt 512 ]; do
	limited $low "$bin" --version
	[ $status = 0 ] && ! [ -s "$work/err" ] && break
	low=$((low + 1))
done
[ $low -lt 512 ]
ok starts $?

limits=0
failed_limits=0
# Sweeps the limits from low to $2 MB above, $3 MB apart, with the runs
# of sweep_$1 at each, and on (up to 256 MB above) until the last CLEAR
# limits have had every run succeed; counts them.
sweep() {
	mb=$low
	clear=0
	while { [ $mb -le $((low + $2)) ] || [ $clear -lt $CLEAR ]; } &&
	    [ $mb -le $((low + 256)) ]; do
		all_ok=1
		bad=0
		"sweep_$1" $mb
		limits=$((limits + 1))
		[ $bad = 0 ] || failed_limits=$((failed_limits + 1))
		[ $all_ok = 1 ] && clear=$((clear + 1)) || clear=0
		mb=$((mb + $3))
	done
	echo "lowmem: $1: limits $low to $((mb - $3)) MB, $3 MB apart"
	[ $clear -ge $CLEAR ]
	ok "$1-succeeds-at-last" $?
}

sweep_seed() {
	for j in 1 2; do
		r=0
		while [ $r -lt $((j == 1 ? 1 : REPS)) ]; do
			[ $live = a ] && build_at $1 $j b || build_at $1 $j a
			r=$((r + 1))
		done
		limited $1 "$bin" check -j $j "$work/a"
		check_run "check -j $j at $1 $units"
	done
}

sweep_large() {
	build_at $1 4 l
}

cp -a "$work/site-a" "$work/live"
live=a
sweep seed 48 1
rm -rf "$work/live"
cp -a "$work/site-l" "$work/live"
live=l
sweep large 48 2

# ... and ulimit -f, in blocks: a page too large to write is reported.
kind=-f
scale=1
units="blocks (ulimit -f)"
rm -rf "$work/live"
cp -a "$work/site-a" "$work/live"
live=a
for blocks in 1 4 16 64 256 1024; do
	all_ok=1
	bad=0
	[ $live = a ] && build_at $blocks 2 b || build_at $blocks 2 a
	limits=$((limits + 1))
	[ $bad = 0 ] || failed_limits=$((failed_limits + 1))
done

# ... and ulimit -s, in KiB: hard limits (ulimit -s) too small end with
# status 3 and a message, larger ones build; a soft limit alone
# (ulimit -Ss) is raised, so the build succeeds; never a SIGSEGV.
kind=-s
scale=1
units="KiB (ulimit -s)"
# the least stack at which the program starts at all (below it, the
# dynamic loader and the C library's start-up crash: nothing of ours
# runs); the sweep starts 8 KiB above, where a longer command line
# still fits
lows=4
while [ $lows -lt 256 ]; do
	# (the shell's own "Segmentation fault" for a start that crashes
	# goes to /dev/null: the crash is expected here)
	limited $lows "$bin" --version 2> /dev/null
	[ $status = 0 ] || [ $status = 3 ] && break
	lows=$((lows + 4))
done
for kib in 8 16 24 32 64 128 256 512 1024; do
	[ $kib -ge $((lows + 8)) ] || continue
	all_ok=1
	bad=0
	[ $live = a ] && build_at $kib 2 b || build_at $kib 2 a
	[ $kib -lt 256 ] || [ $status = 0 ] || {
		echo "lowmem: build at $kib $units: status $status"; bad=1; }
	limits=$((limits + 1))
	[ $bad = 0 ] || failed_limits=$((failed_limits + 1))
done
kind=-Ss
units="KiB (ulimit -Ss)"
for kib in 8 16 24 32; do
	[ $kib -ge $((lows + 8)) ] || continue
	all_ok=1
	bad=0
	[ $live = a ] && build_at $kib 2 b || build_at $kib 2 a
	[ $status = 0 ] || { echo "lowmem: build at $kib $units: status" \
	    "$status"; bad=1; }
	limits=$((limits + 1))
	[ $bad = 0 ] || failed_limits=$((failed_limits + 1))
done

echo "lowmem (limits): $((limits - failed_limits + pass)) passed," \
    "$((failed_limits + fail)) failed"
[ $((failed_limits + fail)) = 0 ]
