#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Host driver of the TCP-mark benchmark (`make bench-tcp`,
# doc/performance.md): build our modules and the initramfs
# (tests/vm/prepare.sh; iperf3 goes in when installed, as
# .ci/install-deps does), boot one VM running tests/benchmarks/tcp-mark.sh,
# and print its measurements and the table of medians with their ratio to
# the module not loaded.
#
# The ratios are reported, not judged; the exit status is non-zero only if
# the build or a sanity check fails.
#
# Environment: KERNEL (default debian), VM_BUILD_ROOT (default REPO/build;
# the build goes to VM_BUILD_ROOT/bench-tcp-KERNEL).
#
# usage: run-tcp.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
kernel=${KERNEL:-debian}
build=${VM_BUILD_ROOT:-$repo/build}/bench-tcp-$kernel
command -v iperf3 >/dev/null || { echo "error: iperf3 is not installed (.ci/install-deps installs it)" >&2; exit 2; }

mkdir -p "$build/logs"
echo "Building our modules and the initramfs in $build ..."
if ! settings=$("$repo/tests/vm/prepare.sh" "$build" 2>"$build/prepare.log"); then
	sed 's/^/# /' "$build/prepare.log"
	echo "error: build failed (log: $build/prepare.log)" >&2
	exit 1
fi
eval "$settings"
echo "Booting $VM_KIMAGE (accelerator: ${VM_ACCEL:-tcg}) ..."
start=$(date +%s)
"$repo/tests/vm/run-scenario.sh" "$VM_KIMAGE" "$VM_INITRD" "$build/logs" "$here/tcp-mark.sh" \
	>"$build/logs/tcp-mark.result"
echo "VM run: $(( $(date +%s) - start )) s; log: $build/logs/tcp-mark.vm0.log"
echo
echo "Measurements (CONFIG METRIC VALUE):"
sed -n 's/^# tcpbench \(off\|idle\|marked\) /  \1 /p' "$build/logs/tcp-mark.result"
echo
sed -n 's/^# tcpbench table/table/p' "$build/logs/tcp-mark.result"
printf '  %-10s %-7s %10s %19s %7s\n' metric config median min-max ratio
sed -n 's/^# tcpbench median //p' "$build/logs/tcp-mark.result" |
	while read -r m c v s r; do printf '  %-10s %-7s %10s %19s %7s\n' "$m" "$c" "$v" "$s" "$r"; done
echo
echo "Sanity checks: $(grep -c '^ok ' "$build/logs/tcp-mark.result") ok, $(grep -c '^not ok ' "$build/logs/tcp-mark.result") not ok"
if grep -q '^not ok' "$build/logs/tcp-mark.result"; then
	grep -A5 '^not ok' "$build/logs/tcp-mark.result" | sed 's/^/  /'
	exit 1
fi
