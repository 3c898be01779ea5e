# SPDX-License-Identifier: GPL-2.0-only
# The metadata's failure paths (issue 14, item 14) under failed slab
# allocations (the kernel's fail-nth, helper lttng-abi-faults): the N-th
# allocation of SESSION_START, and of EVENT+ENABLE in an active session,
# fails, alone and with the next one (kvmalloc() survives one failure),
# for N = 1, 2, ... until the call completes unfaulted. For every N the
# trace reads in babeltrace2 (no record of an event the metadata does not
# declare), its metadata has the trace and stream blocks once and the
# event's at most once, it holds the 10 test events when the call
# answered 0 and the metadata describes the event and none otherwise, a
# call that answered 0 left the event described, and a START sent again
# after a failed one succeeds. Needs fault injection
# (CONFIG_FAULT_INJECTION, CONFIG_FAILSLAB, CONFIG_FAULT_INJECTION_DEBUG_FS:
# our debug kernel); skipped elsewhere.
# check-kernels: debug
# timeout: 900
. /lib/vmtest.sh

if [ ! -e /proc/thread-self/fail-nth ] || [ ! -d /sys/kernel/debug/failslab ]; then
	echo "# skipped: this kernel has no per-task slab fault injection" \
		"(/proc/thread-self/fail-nth, /sys/kernel/debug/failslab:" \
		"CONFIG_FAULT_INJECTION, CONFIG_FAILSLAB, CONFIG_FAULT_INJECTION_DEBUG_FS)"
	exit 0
fi

T=/tmp/mf
mkdir -p $T
check "the tracer, its clients and lttng-test load" sh -c \
	'modprobe lttng-ring-buffer-client-discard &&
	 modprobe lttng-ring-buffer-metadata-client && modprobe lttng-test'

# field LINE KEY: the value of KEY=VALUE in one of the helper's lines.
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# Per run (a line of the helper): its trace read by babeltrace2 once.
read_traces() {
	local line dir
	while read -r line; do
		dir=$(field "$line" dir)
		babeltrace2 "$dir" >"$dir.txt" 2>"$dir.err"
		echo $? >"$dir.rc"
	done <"$T/$1.runs"
}

# each_run CASE PREDICATE: PREDICATE LINE holds for every run; the runs
# where it does not are printed, with what it says.
each_run() {
	local line bad=0
	[ -s "$T/$1.runs" ] || { echo "no run"; return 1; }
	while read -r line; do
		if ! out=$($2 "$line" 2>&1); then
			printf '%s\n  %s\n' "$line" "$out"
			bad=1
		fi
	done <"$T/$1.runs"
	return $bad
}

reads() {
	local dir
	dir=$(field "$1" dir)
	[ "$(cat "$dir.rc")" = 0 ] || { head -n 5 "$dir.err"; return 1; }
}
blocks() { grep -c "^$2 {\$" "$(field "$1" dir)/metadata"; }
trace_once() { n=$(blocks "$1" trace); echo "$n trace blocks"; [ "$n" = 1 ]; }
stream_once() { n=$(blocks "$1" stream); echo "$n stream blocks"; [ "$n" = 1 ]; }
event_at_most_once() { n=$(blocks "$1" event); echo "$n event blocks"; [ "$n" -le 1 ]; }
described() {
	grep -q 'name = "lttng_test_filter_event";' "$(field "$1" dir)/metadata"
}
# Whether the run's last call answered 0: START (sent again after a
# failure) or ENABLE.
answered_0() {
	case "$1" in
	start*) [ "$(field "$1" START)" = 0 ] || [ "$(field "$1" START-again)" = 0 ] ;;
	*) [ "$(field "$1" ENABLE)" = 0 ] ;;
	esac
}
# 10 test events when the last call answered 0 and the metadata
# describes the event, else none.
records() {
	local dir want got
	dir=$(field "$1" dir)
	want=0
	answered_0 "$1" && described "$1" && want=10
	got=$(grep -c ' lttng_test_filter_event: ' "$dir.txt")
	echo "$got records, $want expected"
	[ "$got" = "$want" ]
}
# The run without a fault: described, its 10 events recorded.
unfaulted() {
	local line
	line=$(grep " n=0 " "$T/$1.runs")
	[ -n "$line" ] && described "$line" && records "$line"
}
# A last call that answered 0 left the event described (and recording).
kept() { ! answered_0 "$1" || described "$1"; }

# series CASE K: the runs of CASE with bursts of K failed allocations.
series() {
	local c=$1 k=$2 r=$1-$2 injected in_metadata
	check "$r: the helper fails each allocation in turn until the call completes" \
		pipe_sh "lttng-abi-faults --burst $k $c $T | tee $T/$r.out"
	sed 's/^/# /' "$T/$r.out"
	grep -E "^$c n=[0-9]+ " "$T/$r.out" >"$T/$r.runs"
	read_traces "$r"
	injected=$(grep -c 'fault=injected' "$T/$r.runs")
	in_metadata=$(grep -c 'fault=injected .* metadata=1' "$T/$r.runs")
	echo "# $r: $injected faults injected, $in_metadata in the metadata's emit"
	check "$r: without a fault, the event is described and its 10 events recorded" \
		unfaulted "$r"
	check "$r: faults were injected" [ "$injected" -gt 0 ]
	check_has "$r: the last run reached no fault" 'fault=missed' tail -n 1 "$T/$r.runs"
	check "$r: babeltrace2 reads every run's trace" each_run "$r" reads
	check "$r: the trace block once in every metadata" each_run "$r" trace_once
	check "$r: the stream block once in every metadata" each_run "$r" stream_once
	check "$r: the event's block at most once in every metadata" \
		each_run "$r" event_at_most_once
	check "$r: 10 test events when the call answered 0 and the metadata describes the event, else none" \
		each_run "$r" records
	check "$r: a call that answered 0 left the event described" each_run "$r" kept
}

# One failed allocation, then two in a row (what makes kvmalloc() fail).
for c in start event-while-active; do
	series $c 1
	series $c 2
	check_has "$c: a fault was injected in the metadata's emit" \
		'fault=injected .* metadata=1' cat $T/$c-1.runs $T/$c-2.runs
done
for k in 1 2; do
	check "start-$k: a START sent again after a failed one succeeds" \
		each_run start-$k answered_0
done

check "rmmod lttng-test" rmmod lttng_test
check "every module unloads" unload_lttng_modules
