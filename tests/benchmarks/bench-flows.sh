#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# lttng-dt-flows' time against the size of the traces (`make bench-flows`,
# doc/performance.md), on this machine, no VM: for each size, generate
# two hosts' traces with gen-flows-trace (MARKS marked segments, each
# recorded as a send on one host and as a receipt on the other: 2 x MARKS
# mark events, over MARKS / 10 connections, a flag set and cleared per
# connection on each host), time the whole report, and check its totals.
# Prints a table of the elapsed (wall) time and the CPU time (user +
# system, all threads) the tool took, and the load average before each
# run; fails if a report's totals are wrong, or if the largest size
# (1,000,000 marks) took more than LIMIT seconds (10 by default) of
# elapsed time or more than CPU_LIMIT seconds (10) of CPU. The target is
# the elapsed time, what a user waits; on a machine shared with other
# jobs (kernel builds, VMs) it varies with their load, which is why the
# load is printed, and the CPU time is checked too: a regression in the
# work done shows there whatever the load.
#
# Environment: TOP_BUILDDIR (the build tree: the generator and the tool),
# SIZES (marks, default "125000 250000 500000 1000000"), LIMIT and
# CPU_LIMIT (seconds), FLOWS_OPTS (more options for the tool, such as
# --jobs 1), TMPDIR (the traces, about 160 MB per million marks, removed
# after).
#
# usage: bench-flows.sh
set -euo pipefail

top=${TOP_BUILDDIR:-.}
gen=$top/tests/benchmarks/gen-flows-trace
flows=$top/tools/analysis/lttng-dt-flows
sizes=${SIZES:-125000 250000 500000 1000000}
limit=${LIMIT:-10}
cpu_limit=${CPU_LIMIT:-10}
opts=${FLOWS_OPTS:-}
for p in "$gen" "$flows"; do
	[ -x "$p" ] || { echo "error: $p not built (make)" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-flows.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "# bench-flows: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%10s %12s %12s %8s %10s %10s %8s\n' marks connections events MB elapsed_s cpu_s load1
fail=0
last=0
TIMEFORMAT='%R %U %S'
for m in $sizes; do
	c=$((m / 10))
	rm -rf "$work/t" && mkdir "$work/t"
	"$gen" "$work/t" "$m" "$c"
	mb=$(du -sm "$work/t" | cut -f1)
	load=$(cut -d' ' -f1 /proc/loadavg)
	# shellcheck disable=SC2086 # FLOWS_OPTS is words
	{ time "$flows" --quiet $opts "$work/t" >"$work/report"; } 2>"$work/time"
	read -r real user sys <"$work/time"
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	# each mark is a send and a receipt; a flag on and off per connection and host
	printf '%10d %12d %12d %8d %10.2f %10.2f %8s\n' "$m" "$c" $((2 * m + 4 * c)) "$mb" "$real" "$cpu" "$load"
	want="Total: $m marked segments sent, $m received, $m matched"
	if ! grep -qx "$want" "$work/report"; then
		echo "error: $m marks: the report's last line is not \"$want\"" >&2
		tail -1 "$work/report" >&2
		fail=1
	fi
	last=$m
	last_real=$real
	last_cpu=$cpu
done
over() { awk -v s="$1" -v l="$2" 'BEGIN { exit !(s > l) }'; }
if [ "$last" -ge 1000000 ] && over "$last_real" "$limit"; then
	echo "error: $last marks took $last_real s elapsed, more than $limit s" >&2
	fail=1
fi
if [ "$last" -ge 1000000 ] && over "$last_cpu" "$cpu_limit"; then
	echo "error: $last marks took $last_cpu s of CPU, more than $cpu_limit s" >&2
	fail=1
fi
exit $fail
