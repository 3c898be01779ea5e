#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Host driver of the benchmarks (`make bench`, doc/performance.md): build
# upstream lttng-modules 2.13.9 (build-upstream.sh, cached), our modules and
# an initramfs holding both sets (tests/vm/prepare.sh with
# LTTNG_DT_UPSTREAM=1), boot one VM running tests/benchmarks/bench.sh, and
# print its measurements and the table of medians with ours/upstream ratios.
#
# The ratios are reported, not judged. The exit status is non-zero only if
# the build fails or a sanity check fails (a tracer did not record every
# event of a channel sized to lose nothing, the VM did not finish, the
# kernel log is not clean, ...).
#
# Environment: KERNEL (default debian; debug works too, builtin has nothing
# to switch), VM_BUILD_ROOT (default REPO/build; the build goes to
# VM_BUILD_ROOT/bench-KERNEL, apart from the scenario runs'), VM_MEM
# (default 2048 MiB here: (a) and (b) use 64 MiB buffers per CPU).
#
# usage: run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
kernel=${KERNEL:-debian}
[ "$kernel" = builtin ] && { echo "error: KERNEL=builtin has the tracer built in: nothing to compare" >&2; exit 2; }
build=${VM_BUILD_ROOT:-$repo/build}/bench-$kernel

mkdir -p "$build"
echo "Building our modules, upstream lttng-modules 2.13.9 and the initramfs in $build ..."
echo "(the first upstream build takes minutes; later runs reuse $build/upstream)"
if ! settings=$(LTTNG_DT_UPSTREAM=1 "$repo/tests/vm/prepare.sh" "$build" 2>"$build/prepare.log"); then
	sed 's/^/# /' "$build/prepare.log"
	echo "error: build failed (log: $build/prepare.log, $build/modules.log)" >&2
	exit 1
fi
eval "$settings"
echo "Booting $VM_KIMAGE (accelerator: ${VM_ACCEL:-tcg,thread=single}) ..."
mkdir -p "$build/logs"
start=$(date +%s)
VM_MEM=${VM_MEM:-2048} "$repo/tests/vm/run-scenario.sh" "$VM_KIMAGE" "$VM_INITRD" \
	"$build/logs" "$here/bench.sh" >"$build/logs/bench.result"
echo "VM run: $(( $(date +%s) - start )) s; log: $build/logs/bench.vm0.log"
echo
echo "Measurements (TRACER METRIC VALUE):"
sed -n 's/^# bench \(ours\|upstream\) /  \1 /p' "$build/logs/bench.result"
echo
sed -n '/^# bench table/,$p' "$build/logs/bench.result" | grep -v '^# bench median' |
	grep '^# ' | sed 's/^# //' | sed -n '1,/^tracker_refused_ns/p'
echo
grep -E '^(ok|not ok) ' "$build/logs/bench.result" | sort | uniq -c | awk '{ $1 = $1 } 1' |
	sed 's/^/  /' | grep -v '^  [0-9]* ok ' || true
echo "Sanity checks: $(grep -c '^ok ' "$build/logs/bench.result") ok, $(grep -c '^not ok ' "$build/logs/bench.result") not ok"
if grep -q '^not ok' "$build/logs/bench.result"; then
	grep -A5 '^not ok' "$build/logs/bench.result" | sed 's/^/  /'
	exit 1
fi
