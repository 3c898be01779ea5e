# SPDX-License-Identifier: GPL-2.0-only
# The conformance comparator (tests/conformance/ctf-compare) on two small
# metadata texts written by hand (tests/host/ctf-compare/): upstream's
# style (inline integers, the trace block first) against ours (aliases,
# typedefs, named structs, the trace block last). Each verdict is proved
# by its own event: identical through aliases, automatic enum values and
# byte orders spelled differently; missing; extra (ours only); reordered;
# a different type, at the top and deep in a variant; a syscall whose
# argument moved from exit to entry; a missing compat syscall; contexts
# identical, missing, different (a sequence with its length field counted
# once) and extra. Then the accepted list: rows outside the markers
# ignored, globs, stale rows, everything accepted (exit 0), a row without
# a reason and an unknown kind (exit 2), and a text that does not parse.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cmp=${TOP_BUILDDIR:-$repo}/tests/conformance/ctf-compare
fx=$here/ctf-compare
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out bad=$tmp/bad.tsdl

if [ ! -x "$cmp" ]; then
	echo "not ok - ctf-compare: $cmp is built (make)"
	exit 0
fi

# run WANT_STATUS ARGS...: the comparator's output goes to $out.
run() {
	local want=$1 rc
	shift
	"$cmp" "$@" >"$out" 2>&1
	rc=$?
	if [ "$rc" = "$want" ]; then
		echo "ok - ctf-compare: exit status $want from: ${*##*/}"
	else
		echo "not ok - ctf-compare: exit status $want from: ${*##*/} (got $rc)"
		sed 's/^/# /' "$out"
	fi
}

# has WHAT LINE: the last output has exactly this line.
has() {
	if grep -qxF -- "$2" "$out"; then
		echo "ok - ctf-compare: $1"
	else
		echo "not ok - ctf-compare: $1"
		echo "# wanted: $2"
		sed 's/^/# /' "$out"
	fi
}

lacks() {
	if grep -qF -- "$2" "$out"; then
		echo "not ok - ctf-compare: $1"
		grep -F -- "$2" "$out" | sed 's/^/# got: /'
	else
		echo "ok - ctf-compare: $1"
	fi
}

run 1 "$fx/upstream.tsdl" "$fx/ours.tsdl"
has "counts of events" "Tracepoint events: 2 of upstream's 7 identical, 2 missing, 3 different (0 of them accepted); ours only: 1"
has "counts of syscalls" "Native syscalls: 1 of upstream's 2 identical, 0 missing, 1 different (0 of them accepted); ours only: 1"
has "counts of compat syscalls" "Compat syscalls: 0 of upstream's 1 identical, 1 missing, 0 different (0 of them accepted); ours only: 0"
has "counts of contexts" "Contexts: 3 of upstream's 5 identical, 1 missing, 1 different (0 of them accepted); ours only: 1"
lacks "identical through aliases, typedefs, named structs, auto enum values, byte orders" "sched_same"
lacks "identical: enum, sequence, struct, variant" "nested_same"
lacks "identical syscall" "sendmsg"
lacks "identical contexts" "context pid"
has "missing" "missing event writeback_gone"
has "reordered" "different event order_swap: order b, a, upstream a, b"
has "a different type" "different event type_change: len is s32, upstream u32"
has "a different enum mapping deep in a variant" \
	'different event nested_diff: net is variant<type>{v4: struct{e: enum<u8>{"A"=0, "B"=2}}}, upstream variant<type>{v4: struct{e: enum<u8>{"A"=0, "B"=1}}}'
has "an argument moved from exit to entry" "different syscall read: entry: adds buf (u64/hex); exit: lacks buf (u64/hex)"
has "a missing compat syscall" "missing compat_syscall read"
has "a missing context" "missing context prio"
has "a context's sequence with its length field, different" \
	"different context callstack_kernel: callstack_kernel is u64[_callstack_kernel_length], upstream u64/hex[_callstack_kernel_length]"
has "extra event, not a difference" "extra event lttng_dt_flag"
has "extra syscall" "extra syscall openat2"
has "extra context" "extra context interruptible"
has "the failing count" "Differences not accepted: 9"

run 0 "$fx/upstream.tsdl" "$fx/upstream.tsdl"
has "a text against itself: all identical" "Tracepoint events: 7 of upstream's 7 identical, 0 missing, 0 different (0 of them accepted); ours only: 0"

run 1 --accepted "$fx/accept-some.md" "$fx/upstream.tsdl" "$fx/ours.tsdl"
has "an accepted row, its reason given" "missing event writeback_gone (accepted: the fixture's tracepoint is absent)"
has "a glob accepts" "missing event kvm_gone (accepted: a glob)"
has "a row outside the markers is not read" "different event order_swap: order b, a, upstream a, b"
has "the failing count after acceptance" "Differences not accepted: 7"
has "accepted counted" "Tracepoint events: 2 of upstream's 7 identical, 2 missing, 3 different (2 of them accepted); ours only: 1"
has "a stale row is named" "stale acceptance (no such difference): context perf_cpu_cycles"

run 0 --accepted "$fx/accept-all.md" "$fx/upstream.tsdl" "$fx/ours.tsdl"
has "everything accepted" "Differences not accepted: 0"

run 2 --accepted "$fx/accept-no-reason.md" "$fx/upstream.tsdl" "$fx/ours.tsdl"
has "a row without a reason is refused" "ctf-compare: a name and a reason are required: | event | writeback_gone |  |"
run 2 --accepted "$fx/accept-bad-kind.md" "$fx/upstream.tsdl" "$fx/ours.tsdl"
has "an unknown kind is refused" "ctf-compare: unknown kind in: | tracepoint | writeback_gone | a kind the test does not know |"
run 2 --accepted "$fx/ours.tsdl" "$fx/upstream.tsdl" "$fx/ours.tsdl"
has "a document without the table is refused" "ctf-compare: $fx/ours.tsdl has no conformance-accepted table"

printf 'event { name = "x"; fields := struct { uint32_t _a; }; };\n' >"$bad"
run 2 "$bad" "$fx/ours.tsdl"
has "an unknown type is an error, with its line" "ctf-compare: $bad: line 1: unknown type 'uint32_t' (at 'uint32_t')"
printf 'event {\n name = "x"; fields := struct { integer { size = 8; } _a[ ; }; };\n' >"$bad"
run 2 "$bad" "$fx/ours.tsdl"
has "a syntax error, with its line" "ctf-compare: $bad: line 2: expected a name (at ';')"
