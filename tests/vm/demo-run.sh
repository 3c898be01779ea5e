#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The README's demo: build our modules and the initramfs, boot a VM where
# the stock lttng-sessiond loads them, and show what it does.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${VM_BUILD_ROOT:-$repo/build}/vm-${KERNEL:-debian}

echo "Building modules and initramfs in $build ..."
eval "$("$here/prepare.sh" "$build")"
echo "Booting $VM_KIMAGE ..."
mkdir -p "$build/logs"
"$here/run-scenario.sh" "$VM_KIMAGE" "$VM_INITRD" "$build/logs" "$here/demo.sh" \
	>"$build/logs/demo.result"
tr -d '\r' <"$build/logs/demo.vm0.log" |
	sed -n '/=== VMTEST BEGIN/,/^=== VMTEST END/{/=== VMTEST/d;p}'
echo
cat "$build/logs/demo.result"
! grep -q '^not ok' "$build/logs/demo.result"
