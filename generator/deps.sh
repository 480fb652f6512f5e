#!/bin/sh
# deps.sh: make sure the Debian packages that building (and, with "check",
# testing) skillsite needs are installed.  As root on Debian, missing ones
# are installed with apt-get; otherwise the script says what to install and
# fails.  Usage: generator/deps.sh [build|check|bench]
set -u

build_pkgs="gcc make pkg-config libxml2-dev libcmark-dev libjansson-dev
libunistring-dev libxxhash-dev libmicrohttpd-dev"
# for the PDF handbooks; make site goes on without them when not root
pdf_pkgs="weasyprint fonts-morisawa-bizud-gothic fonts-noto-cjk"
check_pkgs="libcmocka-dev libxml2-utils valgrind poppler-utils mupdf-tools
clang-14 libclang-rt-14-dev nginx-light apache2 curl chromium nodejs
openjdk-17-jre-headless rsync python3 python3-jsonschema
libreoffice-calc-nogui python3-openpyxl"
# for "make bench": the tools measured beside skillsite
bench_pkgs="hugo cmark rsync"

pkgs="$build_pkgs $pdf_pkgs"
[ "${1:-build}" = check ] && pkgs="$build_pkgs $pdf_pkgs $check_pkgs"
[ "${1:-build}" = bench ] && pkgs="$build_pkgs $pdf_pkgs $bench_pkgs"

# Off Debian (no dpkg), trust pkg-config and the compiler.
if ! command -v dpkg-query >/dev/null 2>&1; then
	if pkg-config --exists libxml-2.0 libcmark jansson 2>/dev/null; then
		exit 0
	fi
	echo "skillsite: error: libxml2, cmark and jansson development files not found by pkg-config" >&2
	exit 1
fi

missing=
for p in $pkgs; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case $status in
	*" ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "skillsite: installing missing packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >&2 || exit 1
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >&2 || exit 1
	exit 0
fi
# Without root, only the build packages are required.
required=
for p in $missing; do
	case " $pdf_pkgs " in
	*" $p "*) ;;
	*) required="$required $p" ;;
	esac
done
if [ -z "$required" ]; then
	echo "skillsite: note: without$missing the PDF handbooks are skipped" >&2
	exit 0
fi
echo "skillsite: error: missing packages:$missing" >&2
echo "skillsite: install them with: sudo apt-get install$missing" >&2
exit 1
