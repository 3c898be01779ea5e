#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# lttng-dt-flows' time against the size of the traces (`make bench-flows`,
# doc/performance.md), on this machine, no VM: for each size, generate
# two hosts' traces with gen-flows-trace (MARKS marked segments, each
# recorded as a send on one host and as a receipt on the other: 2 x MARKS
# mark events, over MARKS / 10 connections, a flag set and cleared per
# connection on each host), time the whole report, and check its totals.
# Prints a table of the elapsed time and the CPU time (user + system) the
# tool took; fails if a report's totals are wrong, or if the largest size
# (1,000,000 marks) took more than LIMIT seconds (10 by default) of CPU.
# CPU time, not elapsed: on a machine shared with other jobs (kernel
# builds, VMs) the elapsed time of this one-threaded tool varies with
# their load, up to twice its CPU time; its CPU time does not.
#
# Environment: TOP_BUILDDIR (the build tree: the generator and the tool),
# SIZES (marks, default "125000 250000 500000 1000000"), LIMIT (seconds),
# TMPDIR (the traces, about 160 MB per million marks, removed after).
#
# usage: bench-flows.sh
set -euo pipefail

top=${TOP_BUILDDIR:-.}
gen=$top/tests/benchmarks/gen-flows-trace
flows=$top/tools/analysis/lttng-dt-flows
sizes=${SIZES:-125000 250000 500000 1000000}
limit=${LIMIT:-10}
for p in "$gen" "$flows"; do
	[ -x "$p" ] || { echo "error: $p not built (make)" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-flows.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "# bench-flows: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%10s %12s %12s %8s %10s %10s\n' marks connections events MB elapsed_s cpu_s
fail=0
last=0
TIMEFORMAT='%R %U %S'
for m in $sizes; do
	c=$((m / 10))
	rm -rf "$work/t" && mkdir "$work/t"
	"$gen" "$work/t" "$m" "$c"
	mb=$(du -sm "$work/t" | cut -f1)
	{ time "$flows" --quiet "$work/t" >"$work/report"; } 2>"$work/time"
	read -r real user sys <"$work/time"
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	# each mark is a send and a receipt; a flag on and off per connection and host
	printf '%10d %12d %12d %8d %10.2f %10.2f\n' "$m" "$c" $((2 * m + 4 * c)) "$mb" "$real" "$cpu"
	want="Total: $m marked segments sent, $m received, $m matched"
	if ! grep -qx "$want" "$work/report"; then
		echo "error: $m marks: the report's last line is not \"$want\"" >&2
		tail -1 "$work/report" >&2
		fail=1
	fi
	last=$m
	last_cpu=$cpu
done
if [ "$last" -ge 1000000 ] && awk -v s="$last_cpu" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
	echo "error: $last marks took $last_cpu s of CPU, more than $limit s" >&2
	fail=1
fi
exit $fail
