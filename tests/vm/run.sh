#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run VM scenarios (default: all of tests/vm/scenarios) on the kernel
# chosen by KERNEL and print their checks as TAP lines.
#
# usage: run.sh [SCENARIO_NAME...]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${VM_BUILD_ROOT:-$repo/build}/vm-${KERNEL:-debian}

mkdir -p "$build"
if ! settings=$("$here/prepare.sh" "$build" 2>"$build/prepare.log"); then
	echo "not ok - vm: build modules and initramfs"
	sed 's/^/# /' "$build/prepare.log"
	exit 1
fi
eval "$settings"
echo "ok - vm: build modules and initramfs"

if [ $# -eq 0 ]; then
	set -- $(cd "$here/scenarios" && ls *.sh | sed 's/\.sh$//')
fi
for s in "$@"; do
	"$here/run-scenario.sh" "$VM_KIMAGE" "$VM_INITRD" "$build/logs" \
		"$here/scenarios/$s.sh"
done
