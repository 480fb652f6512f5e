#!/bin/sh
# embed.sh: writes C source defining NAME, the bytes of FILE followed by a
# NUL, and NAME_len, their count without the NUL.
# Usage: generator/embed.sh NAME FILE > out.c
set -eu
name=$1
file=$2
printf '/* Generated from %s by generator/embed.sh; do not edit. */\n' "$file"
printf '#include <stddef.h>\n\n'
printf 'const unsigned char %s[] = {\n' "$name"
od -An -v -tx1 "$file" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
printf '0x00\n};\n\n'
printf 'const size_t %s_len = sizeof(%s) - 1;\n' "$name" "$name"
