#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run VM scenarios (default: all of tests/vm/scenarios) on the kernel
# chosen by KERNEL and print their checks as TAP lines.
#
# Each scenario prints a "# start" line when it boots and, when it ends,
# its checks followed by a "# done" line with its wall time and counts.
# VM_JOBS (default 1) scenarios run at once; a scenario's checks are
# printed together when it ends, so parallel runs do not interleave.
# VM_TIMES, when set, is a file that gets one line per scenario:
# "KERNEL SCENARIO SECONDS PASSED FAILED CPU_SECONDS".
#
# usage: run.sh [SCENARIO_NAME...]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
kernel=${KERNEL:-debian}
build=${VM_BUILD_ROOT:-$repo/build}/vm-$kernel
jobs=${VM_JOBS:-1}

mkdir -p "$build"
t0=$(date +%s)
echo "# [$kernel] building modules and initramfs"
if ! settings=$("$here/prepare.sh" "$build" 2>"$build/prepare.log"); then
	echo "not ok - vm: build modules and initramfs"
	sed 's/^/# /' "$build/prepare.log"
	exit 1
fi
eval "$settings"
echo "ok - vm: build modules and initramfs ($(($(date +%s) - t0)) s)"

if [ $# -eq 0 ]; then
	set -- $(cd "$here/scenarios" && ls *.sh | sed 's/\.sh$//')
fi

# A scenario with the header "# upstream: yes" boots a second image that
# also holds upstream lttng-modules 2.13.9 (doc/upstream-yardstick.md),
# built here the first time and cached in $build/upstream as for the
# benchmarks; the other scenarios keep the image without it.
needs_upstream() { grep -q '^# upstream: *yes' "$here/scenarios/$1.sh" 2>/dev/null; }
VM_INITRD_UPSTREAM=""
for s in "$@"; do
	needs_upstream "$s" || continue
	t0=$(date +%s)
	if ! settings=$(LTTNG_DT_UPSTREAM=1 VM_INITRD_NAME=initramfs-upstream.cpio.gz \
			"$here/prepare.sh" "$build" 2>"$build/prepare-upstream.log"); then
		echo "not ok - vm: build upstream lttng-modules and its initramfs"
		sed 's/^/# /' "$build/prepare-upstream.log"
	else
		VM_INITRD_UPSTREAM=$(sed -n 's/^VM_INITRD=//p' <<<"$settings")
		echo "ok - vm: build upstream lttng-modules and its initramfs ($(($(date +%s) - t0)) s)"
	fi
	break
done

results=$build/results
rm -rf "$results"
mkdir -p "$results"

mmss() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# run_one NAME: boot the scenario, then print its checks and its summary.
run_one() {
	local s=$1 start secs cpu passed failed out=$results/$1.tap initrd=$VM_INITRD
	start=$(date +%s)
	if needs_upstream "$s"; then
		if [ -z "$VM_INITRD_UPSTREAM" ]; then
			echo "not ok - $s: no image with upstream lttng-modules (see above)"
			return 0
		fi
		initrd=$VM_INITRD_UPSTREAM
	fi
	"$here/run-scenario.sh" "$VM_KIMAGE" "$initrd" "$build/logs" \
		"$here/scenarios/$s.sh" >"$out" 2>&1
	secs=$(($(date +%s) - start))
	# The VMs' CPU time (user + system) from this subshell's finished
	# children. "times" writes to a file: in a pipe or $(...) it would run
	# in a fork of its own, which has no finished children.
	times >"$out.times"
	cpu=$(awk 'NR == 2 { split($0, t, /[ ms]+/)
		print int(t[1] * 60 + t[2] + t[3] * 60 + t[4]) }' "$out.times")
	cat "$out"
	grep -q '^# .*: skipped, ' "$out" && return 0
	passed=$(grep -c '^ok - ' "$out" || true)
	failed=$(grep -c '^not ok - ' "$out" || true)
	echo "# [$kernel] done $s in $(mmss "$secs") (CPU $(mmss "$cpu")): $passed passed, $failed failed"
	[ -n "${VM_TIMES:-}" ] && echo "$kernel $s $secs $passed $failed $cpu" >>"$VM_TIMES"
	return 0
}

# The scenarios start in the order given, at most $jobs at a time.
running=0
for s in "$@"; do
	if [ ! -f "$here/scenarios/$s.sh" ]; then
		echo "not ok - $s: no such scenario"
		continue
	fi
	while [ "$running" -ge "$jobs" ]; do
		wait -n || true
		running=$((running - 1))
	done
	echo "# [$kernel] start $s ($(date +%H:%M:%S))"
	run_one "$s" &
	running=$((running + 1))
done
wait
