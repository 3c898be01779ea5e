#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The README's demo: build our modules and the initramfs, boot three VMs
# where the stock lttng tools drive them, and show what each does.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${VM_BUILD_ROOT:-$repo/build}/vm-${KERNEL:-debian}

echo "Building modules and initramfs in $build ..."
eval "$("$here/prepare.sh" "$build")"
echo "Booting three VMs on $VM_KIMAGE ..."
mkdir -p "$build/logs"
"$here/run-scenario.sh" "$VM_KIMAGE" "$VM_INITRD" "$build/logs" "$here/demo.sh" \
	>"$build/logs/demo.result"
# Each machine's part, the collector's (vm1) last: it ends with the path.
for vm in vm0 vm2 vm1; do
	echo "=== $vm"
	tr -d '\r' <"$build/logs/demo.$vm.log" |
		sed -n '/=== VMTEST BEGIN/,/^=== VMTEST END/{/=== VMTEST/d;p}' |
		sed '/^=== EXPORT BEGIN /,/^=== EXPORT END /d'
	echo
done
# The JSON, Chrome/Perfetto and SVG reports vm1 made, saved here.
echo "=== lttng-dt-flows' reports of the tracked request, from vm1:"
"$here/extract-exports.sh" "$build/logs/demo.vm1.log" "$build/demo" |
	sed 's/^/    /'
echo "    (open the .svg in a browser; the chrome one in ui.perfetto.dev)"
echo
saved=ok
for f in flows.json flows.chrome; do
	python3 -m json.tool "$build/demo/$f" >/dev/null 2>&1 || saved="not ok"
done
grep -q '<svg' "$build/demo/flows.svg" 2>/dev/null || saved="not ok"
echo "$saved - demo: the JSON, Chrome and SVG reports saved in $build/demo" \
	>>"$build/logs/demo.result"
cat "$build/logs/demo.result"
! grep -q '^not ok' "$build/logs/demo.result"
