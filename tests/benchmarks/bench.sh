# SPDX-License-Identifier: GPL-2.0-only
# Benchmark: our tracer against upstream lttng-modules 2.13.9, both driven by
# the stock lttng CLI in one VM boot, switching between the module sets with
# switch-tracer (doc/upstream-yardstick.md) for several rounds.
#   (a) ns per recorded lttng_test_filter_event fired through
#       /proc/lttng-test-filter-event (traced - not started) / N
#   (b) ns per recorded sched_switch/sched_wakeup event during a pipe
#       ping-pong of two processes pinned to one CPU
#       (traced - not started) / events recorded
#   (c) events lost by a small discard channel under a flood of test events
#   (d) ns per test event refused before reserving: by our distributed-trace
#       gate (gated session, no thread flagged) and by upstream's PID
#       tracker (only pid 1 tracked); and ns per test event recorded through
#       our gate (this shell tracked, the helper inheriting its flag)
#   (e) ns per recorded syscall event: a getpid loop, --syscall getpid
#       (entry and exit: two events per call)
#   (f) ns per syscall event refused: by our gate (gated session, no
#       thread flagged) and by upstream's PID tracker (pid 1 only)
#   (g) ns per test event refused by the PID tracker (pid 1 only), ours
#       and upstream's
#   (e) to (g) subtract the same loop timed with no session at all, so
#   that each tracer's whole cost is counted, callbacks included
#   (h) ns per test event through a filter (lttng enable-event --filter):
#       one that keeps every event ('intfield >= 0 && stringfield == "te*"')
#       and one that keeps none ('intfield < 0'); the difference with (a)
#       is the filter's cost
# Prints "# bench TRACER METRIC VALUE" per measurement, then a table of the
# medians with ours/upstream ratios. Needs the upstream set in the
# initramfs: LTTNG_DT_UPSTREAM=1 (tests/benchmarks/run.sh does that).
# Never adds the prio context: upstream 2.13.9 oopses with it.
# vms: 1
# timeout: 3600
. /lib/vmtest.sh

ROUNDS=3
N=200000           # (a) test events per write
PP=20000           # (b) ping-pong round trips
NSC=100000         # (e), (f) getpid calls (two events each)
FLOOD=100000       # (c) test events into the small channel
BIG="--subbuf-size 8M --num-subbuf 8"     # (a), (b): 64 MiB per CPU
SMALL="--subbuf-size 16K --num-subbuf 4"  # (c): 64 KiB per CPU
H=bench-helper
RES=/tmp/bench.res
: >"$RES"

lttng() { timeout 300 /usr/bin/lttng "$@"; }
# counts FILE: "EVENTS DISCARDED_EVENT_MESSAGES" from babeltrace2's counter.
counts() {
	babeltrace2 -c sink.utils.counter "$1" 2>/tmp/bt.err |
		awk '$2 == "Event" { e = $1 } $2 == "Discarded" && $3 == "event" { d = $1 }
		     END { print e + 0, d + 0 }'
}
# result TRACER METRIC VALUE
result() {
	echo "# bench $1 $2 $3"
	echo "$1 $2 $3" >>"$RES"
}
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "nan"; else printf "%.1f\n", a / b }'; }
min() { if [ "$1" -lt "$2" ]; then echo "$1"; else echo "$2"; fi; }

use_tracer() {
	switch-tracer "$1" 2>&1 | sed 's/^/# /'
	check "$1 r$2: switch-tracer $1" sh -c "switch-tracer status | grep -qx $1"
	lttng-sessiond --background >"/tmp/sessiond.$1.$2.log" 2>&1
	check "$1 r$2: lttng-sessiond starts" wait_for 60 /usr/bin/lttng list
	check "$1 r$2: modprobe lttng-test" /sbin/modprobe lttng-test
}

# (a) ns per test event.
bench_test_event() {
	t=$1 r=$2 d=/tmp/tr/a.$t.$r
	lttng create a --output="$d" >/dev/null
	lttng enable-channel -k $BIG big >/dev/null
	lttng enable-event -k -c big lttng_test_filter_event >/dev/null
	b1=$($H fire $N)
	b2=$($H fire $N)
	base=$(min "$b1" "$b2")
	lttng start >/dev/null
	traced=$($H fire $N)
	lttng stop >/dev/null
	lttng destroy a >/dev/null
	# shellcheck disable=SC2046 # two numbers, split on purpose
	set -- $(counts "$d")
	ev=$1 disc=$2
	check_eq "$t r$r: (a) $N test events recorded" "$N" echo "$ev"
	check_eq "$t r$r: (a) nothing discarded" 0 echo "$disc"
	result "$t" test_base_ns "$(div "$base" $N)"
	result "$t" test_event_ns "$(div $((traced - base)) "$ev")"
	rm -rf "$d"
}

# (b) ns per sched_switch/sched_wakeup event.
bench_sched() {
	t=$1 r=$2 d=/tmp/tr/b.$t.$r
	lttng create b --output="$d" >/dev/null
	lttng enable-channel -k $BIG big >/dev/null
	lttng enable-event -k -c big sched_switch,sched_wakeup >/dev/null
	b1=$($H pingpong $PP)
	b2=$($H pingpong $PP)
	base=$(min "$b1" "$b2")
	lttng start >/dev/null
	traced=$($H pingpong $PP)
	lttng stop >/dev/null
	lttng destroy b >/dev/null
	# shellcheck disable=SC2046 # two numbers, split on purpose
	set -- $(counts "$d")
	ev=$1 disc=$2
	check "$t r$r: (b) sched events recorded" test "$ev" -ge $((2 * PP))
	check_eq "$t r$r: (b) nothing discarded" 0 echo "$disc"
	result "$t" sched_events "$ev"
	result "$t" sched_base_ns_per_roundtrip "$(div "$base" $PP)"
	result "$t" sched_event_ns "$(div $((traced - base)) "$ev")"
	rm -rf "$d"
}

# (c) losses of a small discard channel under a flood.
bench_flood() {
	t=$1 r=$2 d=/tmp/tr/c.$t.$r
	lttng create c --output="$d" >/dev/null
	lttng enable-channel -k $SMALL small >/dev/null
	lttng enable-event -k -c small lttng_test_filter_event >/dev/null
	lttng start >/dev/null
	$H fire $FLOOD >/dev/null
	lttng stop >/dev/null
	lttng destroy c >/dev/null
	rec=$(babeltrace2 "$d" 2>/tmp/bt.flood.err | grep -c ' lttng_test_filter_event: ')
	disc=$(sed -n 's/.*Tracer discarded \([0-9]*\) events.*/\1/p' /tmp/bt.flood.err |
		awk '{ s += $1 } END { print s + 0 }')
	check_eq "$t r$r: (c) recorded + discarded = $FLOOD" $FLOOD echo $((rec + disc))
	result "$t" flood_recorded "$rec"
	result "$t" flood_discarded "$disc"
	echo "$disc" >"/tmp/flood.$t.$r"
	rm -rf "$d"
}

# (d) events refused by our gate or upstream's PID tracker.
bench_gate() {
	t=$1 r=$2 d=/tmp/tr/d.$t.$r
	lttng create d --output="$d" >/dev/null
	lttng enable-channel -k $BIG big >/dev/null
	lttng enable-event -k -c big lttng_test_filter_event >/dev/null
	if [ "$t" = ours ]; then
		check_eq "ours r$r: (d) gate the session" 0 lttng-dt-ctl gate-set d 1
	else
		check "upstream r$r: (d) track pid 1 only" lttng track -k --pid=1
	fi
	b1=$($H fire $N)
	b2=$($H fire $N)
	base=$(min "$b1" "$b2")
	lttng start >/dev/null
	refused=$($H fire $N)
	if [ "$t" = ours ]; then
		check_eq "ours r$r: (d) the gate refused all $N" \
			"gated 1 gated_out $N passed 0" lttng-dt-ctl gate-get d
		lttng-dt-ctl track-pid $$ >/dev/null
		gated_in=$($H fire $N)
		lttng-dt-ctl untrack-pid $$ >/dev/null
	fi
	lttng stop >/dev/null
	lttng destroy d >/dev/null
	# shellcheck disable=SC2046 # two numbers, split on purpose
	set -- $(counts "$d")
	if [ "$t" = ours ]; then
		check_eq "ours r$r: (d) only the tracked run recorded" "$N 0" echo "$1 $2"
		result ours gate_in_event_ns "$(div $((gated_in - base)) "$N")"
	else
		check_eq "upstream r$r: (d) nothing recorded" "0 0" echo "$1 $2"
	fi
	result "$t" refused_event_ns "$(div $((refused - base)) "$N")"
	rm -rf "$d"
}

# bare_times: the getpid loop and the test trigger with no session (the
# faster of two each), as the baselines of (e) to (g).
bare_times() {
	b1=$($H getpid $NSC)
	b2=$($H getpid $NSC)
	bare_getpid=$(min "$b1" "$b2")
	b1=$($H fire $N)
	b2=$($H fire $N)
	bare_fire=$(min "$b1" "$b2")
	result "$1" bare_getpid_ns "$(div "$bare_getpid" $NSC)"
}

# (e) ns per recorded syscall event.
bench_sc_event() {
	t=$1 r=$2 d=/tmp/tr/e.$t.$r
	lttng create e --output="$d" >/dev/null
	lttng enable-channel -k $BIG big >/dev/null
	lttng enable-event -k -c big --syscall getpid >/dev/null
	lttng start >/dev/null
	traced=$($H getpid $NSC)
	lttng stop >/dev/null
	lttng destroy e >/dev/null
	# shellcheck disable=SC2046 # two numbers, split on purpose
	set -- $(counts "$d")
	ev=$1 disc=$2
	check "$t r$r: (e) two syscall events per getpid" test "$ev" -ge $((2 * NSC))
	check_eq "$t r$r: (e) nothing discarded" 0 echo "$disc"
	result "$t" sc_event_ns "$(div $((traced - bare_getpid)) "$ev")"
	rm -rf "$d"
}

# (f) syscall events refused by our gate or upstream's PID tracker.
bench_sc_refused() {
	t=$1 r=$2 d=/tmp/tr/f.$t.$r
	lttng create f --output="$d" >/dev/null
	lttng enable-channel -k $BIG big >/dev/null
	lttng enable-event -k -c big --syscall getpid >/dev/null
	if [ "$t" = ours ]; then
		check_eq "ours r$r: (f) gate the session" 0 lttng-dt-ctl gate-set f 1
	else
		check "upstream r$r: (f) track pid 1 only" lttng track -k --pid=1
	fi
	# Enabled, not started: a tracer whose callbacks are already in place
	# pays them here.
	notstarted=$($H getpid $NSC)
	lttng start >/dev/null
	refused=$($H getpid $NSC)
	if [ "$t" = ours ]; then
		capture lttng-dt-ctl gate-get f
		check "ours r$r: (f) the gate refused every getpid event" sh -c \
			"echo '$captured' | awk '\$4 >= $((2 * NSC)) && \$6 == 0 { ok = 1 } END { exit !ok }'"
	fi
	lttng stop >/dev/null
	lttng destroy f >/dev/null
	check_eq "$t r$r: (f) nothing recorded" "0 0" counts "$d"
	result "$t" sc_notstarted_ns "$(div $((notstarted - bare_getpid)) "$NSC")"
	result "$t" sc_refused_ns "$(div $((refused - bare_getpid)) $((2 * NSC)))"
	rm -rf "$d"
}

# (g) test events refused by the PID tracker, ours and upstream's.
bench_tracker() {
	t=$1 r=$2 d=/tmp/tr/g.$t.$r
	lttng create g --output="$d" >/dev/null
	lttng enable-channel -k $BIG big >/dev/null
	lttng enable-event -k -c big lttng_test_filter_event >/dev/null
	check "$t r$r: (g) track pid 1 only" lttng track -k --pid=1
	lttng start >/dev/null
	refused=$($H fire $N)
	lttng stop >/dev/null
	lttng destroy g >/dev/null
	check_eq "$t r$r: (g) nothing recorded" "0 0" counts "$d"
	result "$t" tracker_refused_ns "$(div $((refused - bare_fire)) $N)"
	rm -rf "$d"
}

# (h) ns per test event through a filter keeping all, then none.
bench_filter() {
	t=$1 r=$2 d=/tmp/tr/h.$t.$r
	lttng create h --output="$d" >/dev/null
	lttng enable-channel -k $BIG big >/dev/null
	lttng enable-event -k -c big lttng_test_filter_event \
		--filter 'intfield >= 0 && stringfield == "te*"' >/dev/null
	b1=$($H fire $N)
	b2=$($H fire $N)
	base=$(min "$b1" "$b2")
	lttng start >/dev/null
	kept=$($H fire $N)
	lttng stop >/dev/null
	lttng destroy h >/dev/null
	# shellcheck disable=SC2046 # two numbers, split on purpose
	set -- $(counts "$d")
	check_eq "$t r$r: (h) the filter kept all $N" "$N 0" echo "$1 $2"
	result "$t" filter_kept_event_ns "$(div $((kept - base)) "$N")"
	rm -rf "$d"
	lttng create h --output="$d" >/dev/null
	lttng enable-channel -k $BIG big >/dev/null
	lttng enable-event -k -c big lttng_test_filter_event --filter 'intfield < 0' >/dev/null
	lttng start >/dev/null
	dropped=$($H fire $N)
	lttng stop >/dev/null
	lttng destroy h >/dev/null
	set -- $(counts "$d")
	check_eq "$t r$r: (h) the filter kept none" "0 0" echo "$1 $2"
	result "$t" filter_dropped_event_ns "$(div $((dropped - base)) "$N")"
	rm -rf "$d"
}

r=1
while [ $r -le $ROUNDS ]; do
	# Alternate which tracer goes first.
	if [ $((r % 2)) = 1 ]; then order="ours upstream"; else order="upstream ours"; fi
	for t in $order; do
		echo "# --- round $r: $t"
		use_tracer "$t" "$r"
		bench_test_event "$t" "$r"
		bench_sched "$t" "$r"
		bench_flood "$t" "$r"
		bench_gate "$t" "$r"
		bare_times "$t"
		bench_sc_event "$t" "$r"
		bench_sc_refused "$t" "$r"
		bench_tracker "$t" "$r"
		bench_filter "$t" "$r"
		grep -iE "error" "/tmp/sessiond.$t.$r.log" | grep -v "event notifier group" |
			head -n 5 | sed "s/^/# sessiond $t: /"
	done
	r=$((r + 1))
done
switch-tracer ours 2>&1 | sed 's/^/# /'
check "no tracer module stays loaded" sh -c '! grep "^lttng" /proc/modules'

# Median of a metric over the rounds.
median() {
	v=$(awk -v t="$1" -v m="$2" '$1 == t && $2 == m { print $3 }' "$RES" | sort -n)
	n=$(echo "$v" | grep -c .)
	[ "$n" -gt 0 ] || { echo nan; return; }
	if [ $((n % 2)) = 1 ]; then
		echo "$v" | sed -n "$(((n + 1) / 2))p"
	else
		echo "$v" | sed -n "$((n / 2))p;$((n / 2 + 1))p" |
			awk '{ s += $1 } END { printf "%.1f\n", s / 2 }'
	fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f\n", a / b }'; }

echo "# bench table: median of $ROUNDS rounds"
printf '# %-28s %12s %12s %8s\n' metric ours upstream ratio
for m in test_event_ns test_base_ns sched_event_ns sched_base_ns_per_roundtrip \
	sched_events flood_recorded flood_discarded refused_event_ns gate_in_event_ns \
	bare_getpid_ns sc_event_ns sc_notstarted_ns sc_refused_ns tracker_refused_ns \
	filter_kept_event_ns filter_dropped_event_ns; do
	o=$(median ours $m) u=$(median upstream $m)
	printf '# %-28s %12s %12s %8s\n' "$m" "$o" "$u" "$(ratio "$o" "$u")"
	echo "# bench median $m $o $u $(ratio "$o" "$u")"
done

# Nothing lost where upstream loses nothing: per round, in (c) ((a) and (b)
# are sized to lose nothing and checked above).
for r in $(seq 1 $ROUNDS); do
	if [ "$(cat /tmp/flood.upstream.$r)" = 0 ]; then
		check_eq "r$r: (c) ours loses nothing where upstream loses nothing" 0 \
			cat /tmp/flood.ours.$r
	else
		echo "# r$r: (c) upstream lost $(cat /tmp/flood.upstream.$r), ours $(cat /tmp/flood.ours.$r)"
	fi
done
