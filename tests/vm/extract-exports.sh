#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Save the files a VM exported on its console (export_file in
# tests/lib/checks.sh) into DIR; print each file's path.
#
# usage: extract-exports.sh CONSOLE_LOG DIR
set -euo pipefail

log=$1
dir=$2
mkdir -p "$dir"
names=$(tr -d '\r' <"$log" | sed -n 's/^=== EXPORT BEGIN \([A-Za-z0-9._-]*\)$/\1/p')
for name in $names; do
	# Only base64 lines: a kernel message printed meanwhile is left out.
	tr -d '\r' <"$log" |
		sed -n "/^=== EXPORT BEGIN $name\$/,/^=== EXPORT END $name\$/p" |
		grep -E '^[A-Za-z0-9+/=]+$' | base64 -d >"$dir/$name"
	echo "$dir/$name"
done
