# SPDX-License-Identifier: GPL-2.0-only
# The distributed-trace gate: two processes A and B fire test events and
# get scheduled; A is tracked. The gated session holds A's events (and
# its child's, by inheritance) plus the scheduler events that name them;
# the ungated session beside it holds everything. Untracking A stops its
# recording; the gate counters match what was refused; lttng_dt_flag says
# when and why each thread was flagged. Then the ioctls' errors, the
# non-root refusal, NO_INHERIT, pid reuse and the dt_gate_default
# parameter.
# check-kernels: debian debug
# timeout: 900
. /lib/vmtest.sh

# Gates are set and read, threads tracked, untracked and listed with the
# commands users type (lttng dt-gate, dt-track, dt-untrack, dt-list,
# dt-status: the lttng front first in PATH); the helper lttng-dt-ctl
# issues what no command does: malformed and refused ioctls, a non-root
# caller holding root's file, LIST_THREADS with a short buffer.
export PATH=/opt/lttng-dt/bin:$PATH
D=lttng-dt-ctl
# dt_list: the threads lttng dt-list shows, one "TID PID REASONS FLAGS
# COMM" line each (REASONS comma-separated, FLAGS inherit or no-inherit),
# by tid; nothing when none is flagged. Fails, with what dt-list said,
# when dt-list fails.
dt_list() {
	capture lttng dt-list || { printf '%s\n' "$captured_all"; return 1; }
	printf '%s\n' "$captured" | awk '
		function out() { if (tid != "") print tid, pid, r, f, comm }
		/^  [0-9]/ { out(); tid = $1; pid = $2; comm = $3; r = $4; sub(/,$/, "", r)
			f = $0 ~ /  manual, no inherit, since / ? "no-inherit" : "inherit"; next }
		/^   +[a-z]/ { r = r "," $1 }
		END { out() }' | sort -n
}
# listed TID: TID's line of dt_list.
listed() {
	local l
	l=$(dt_list) || { printf '%s\n' "$l"; return 1; }
	printf '%s\n' "$l" | grep "^$1 "
}
# unlisted TID: dt-list works and does not show TID.
unlisted() {
	local l
	l=$(dt_list) && ! printf '%s\n' "$l" | grep -q "^$1 "
}
# manual_since TID: the whole seconds of the time dt-list shows for TID's
# manual reason.
manual_since() {
	capture lttng dt-list || { printf '%s\n' "$captured_all"; return 1; }
	printf '%s\n' "$captured" |
		awk -v t="$1" '$1 == t && $4 ~ /^manual,?$/ {
			for (i = 5; i < NF; i++) if ($i == "since") { sub(/\..*/, "", $(i + 1)); print $(i + 1) } }'
}
# gate_of SESSION: lttng dt-gate SESSION's line as "gated 0|1 gated_out N
# passed M"; fails, with what it said, when dt-gate fails.
gate_of() {
	capture lttng dt-gate "$1" || { printf '%s\n' "$captured_all"; return 1; }
	printf '%s\n' "$captured" | sed -E \
		"s/^Session $1: gate (on|off) \(gated out: ([0-9]+) events, passed: ([0-9]+)\)\$/gated \1 gated_out \2 passed \3/
		 s/^gated on /gated 1 /; s/^gated off /gated 0 /"
}
# dt_stats: lttng dt-status's thread counters as "flagged F set
# MANUAL/INHERITED/NETWORK cleared C".
dt_stats() {
	capture lttng dt-status || { printf '%s\n' "$captured_all"; return 1; }
	printf '%s\n' "$captured" | awk '
		/^Flagged threads: / { f = $3 }
		/^Flags set since load: / { m = $5; i = $7; n = $9 }
		/^Flags cleared since load: / { c = $5 }
		END { printf "flagged %s set %s/%s/%s cleared %s\n", f, m, i, n, c }'
}
T=/tmp/traces
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check "the test trigger module loads" modprobe lttng-test
check "lttng list -k lists lttng_dt_flag" sh -c 'lttng list -k | grep -q "lttng_dt_flag "'
check_has "dt extension version 1.0" '^lttng-dt extension: ABI 1\.0 ' lttng dt-status
check "/proc/lttng-dt has threads, sessions, stats" \
	test -r /proc/lttng-dt/threads -a -r /proc/lttng-dt/sessions -a -r /proc/lttng-dt/stats
check_eq "/proc/lttng-dt is root's only (0500, files 0400)" "500 0 400 400 400" sh -c \
	'echo $(stat -c %a /proc/lttng-dt) $(stat -c %u /proc/lttng-dt) $(stat -c %a /proc/lttng-dt/threads /proc/lttng-dt/sessions /proc/lttng-dt/stats)'
check "another user cannot read its threads" sh -c \
	'! run-as 65534 cat /proc/lttng-dt/threads 2>/dev/null'

# Three sessions with the same channel: g (gated) and u (ungated) record
# the test event, the scheduler and lttng_dt_flag; gx (gated) only the
# test event, so that its counters can be compared exactly.
sched=sched_switch,sched_wakeup,sched_process_fork,sched_process_exit
mk() {
	lttng create "$1" --output="$T/$1" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch "$2" >/dev/null &&
	lttng add-context -k -c ch -t pid -t tid -t procname >/dev/null
}
check "create session u (ungated)" mk u "lttng_test_filter_event,lttng_dt_flag,$sched"
check "create session g" mk g "lttng_test_filter_event,lttng_dt_flag,$sched"
check "create session gx" mk gx lttng_test_filter_event
check "GATE_SET g on" lttng dt-gate g on
check "GATE_SET gx on" lttng dt-gate gx on
check_eq "u starts ungated" "gated 0 gated_out 0 passed 0" gate_of u
check_eq "g is gated" "gated 1 gated_out 0 passed 0" gate_of g
check "sessions view shows the gates" sh -c \
	'grep -qx "g 1 0 0" /proc/lttng-dt/sessions && grep -qx "u 0 0 0" /proc/lttng-dt/sessions'
check "start u, g, gx" sh -c 'lttng start u && lttng start g && lttng start gx'

# A and B wait on FIFOs between steps, so that each step's events come
# from a known process at a known time; A's child C waits on its own.
mkfifo /tmp/fa /tmp/fb /tmp/fc /tmp/ack
# go FIFO: let a waiting process go on; acked: wait for its step's end.
# Bounded, so that a process out of step fails the checks, not the run.
go() { timeout 20 sh -c "echo go >$1" || echo "# nobody read $1"; }
acked() { timeout 30 sh -c 'read x </tmp/ack' || echo "# no ack"; }
# A waits for C before it opens a FIFO again: C's SIGCHLD would interrupt
# the open.
sh -c 'read x </tmp/fa; echo 100 >/proc/lttng-test-filter-event
	sh -c "echo 50 >/proc/lttng-test-filter-event; echo \$\$ >/tmp/c.pid; read x </tmp/fc" &
	echo a1 >/tmp/ack; wait
	read x </tmp/fa; echo 70 >/proc/lttng-test-filter-event; echo a2 >/tmp/ack
	read x </tmp/fa' &
A=$!
sh -c 'read x </tmp/fb; echo 100 >/proc/lttng-test-filter-event; echo b1 >/tmp/ack
	read x </tmp/fb' &
B=$!
echo "# A=$A B=$B"

check "track A" lttng dt-track --pid $A
check_eq "A listed as manual, inheriting" "$A $A manual inherit sh" dt_list
check "threads view shows A" grep -q "^$A $A manual@[0-9]* inherit sh$" /proc/lttng-dt/threads
since_ok() {
	local s
	s=$(manual_since $A) && [ -n "$s" ] && [ "$s" -le "$(cut -d. -f1 /proc/uptime)" ] ||
		{ echo "since: $s, uptime: $(cat /proc/uptime)"; false; }
}
check "since is a CLOCK_MONOTONIC time (s since boot)" since_ok
go /tmp/fa; acked
check "C started" wait_for 10 test -s /tmp/c.pid
C=$(cat /tmp/c.pid)
check_eq "child C inherited the flag" "$C $C inherited inherit sh" listed $C
go /tmp/fb; acked
go /tmp/fc
check "C's exit clears its flag" wait_for 10 unlisted $C
check "untrack A" lttng dt-untrack --pid $A
check_eq "nothing flagged after untrack" "" dt_list
go /tmp/fa; acked
go /tmp/fa; go /tmp/fb
wait $A $B
check "stop g, gx, u" sh -c 'lttng stop g && lttng stop gx && lttng stop u'
G=$(gate_of g)
GX=$(gate_of gx)
echo "# g: $G"
echo "# gx: $GX"
check "sessions view shows g's counters" grep -qx "g 1 $(echo "$G" | cut -d' ' -f4,6)" \
	/proc/lttng-dt/sessions
check "destroy" sh -c 'lttng destroy g && lttng destroy gx && lttng destroy u'

bt() { babeltrace2 "$T/$1" >"/tmp/$1.txt" 2>"/tmp/$1.err"; }
for s in u g gx; do
	check "babeltrace2 reads $s" bt $s
	check_lacks "no event lost in $s" '[Dd]iscarded|[Ll]ost' cat "/tmp/$s.err"
done
echo "# u: $(wc -l </tmp/u.txt) events, g: $(wc -l </tmp/g.txt), gx: $(wc -l </tmp/gx.txt)"
# test_by FILE PID: test events recorded in PID's context.
test_by() { grep ' lttng_test_filter_event: ' "/tmp/$1.txt" | grep -c "{ pid = $2, "; }
check_eq "gx: A's 100 before untrack" 100 test_by gx $A
check_eq "gx: C's 50, inherited" 50 test_by gx $C
check_eq "gx: nothing of B" 0 test_by gx $B
check_eq "gx: 150 test events in all" 150 grep -c ' lttng_test_filter_event: ' /tmp/gx.txt
check_eq "u: A's 170 (before and after untrack)" 170 test_by u $A
check_eq "u: B's 100" 100 test_by u $B
check_eq "u: C's 50" 50 test_by u $C
check_eq "g: the same test events as gx" 150 grep -c ' lttng_test_filter_event: ' /tmp/g.txt
# gx records only the test event: what it refused is exactly what the
# ungated session saw from unflagged threads (B, and A after untrack).
check_eq "gx counters: gated_out = u's events of unflagged threads, passed = recorded" \
	"gated 1 gated_out 170 passed 150" echo "$GX"
check "g counters: gated_out > 0" sh -c "[ $(echo "$G" | cut -d' ' -f4) -gt 0 ]"
check_eq "g counters: passed = events recorded" "$(wc -l </tmp/g.txt)" \
	sh -c "echo '$G' | cut -d' ' -f6"
check "u saw more scheduler events than g" sh -c \
	"[ \$(grep -c ' sched_switch: ' /tmp/u.txt) -gt \$(grep -c ' sched_switch: ' /tmp/g.txt) ]"

# lttng_dt_flag: A manual on then off, C inherited on then off (its exit).
flag() { grep ' lttng_dt_flag: ' "/tmp/$1.txt" | grep -c "{ tid = $2, pid = $3, reason = ( \"$4\" : container = $5 ), on = $6 }"; }
check_eq "g: lttng_dt_flag A manual on" 1 flag g $A $A manual 0 1
check_eq "g: lttng_dt_flag A manual off (untrack)" 1 flag g $A $A manual 0 0
check_eq "g: lttng_dt_flag C inherited on" 1 flag g $C $C inherited 1 1
check_eq "g: lttng_dt_flag C inherited off (exit)" 1 flag g $C $C inherited 1 0
check_eq "u: the same lttng_dt_flag events" 4 grep -c ' lttng_dt_flag: ' /tmp/u.txt

# Every other event of g names a thread that was flagged (some tid field,
# in the context or the payload: prev/next, waker/wakee, parent/child).
grep ' lttng_dt_flag: ' /tmp/g.txt | sed 's/.*{ tid = \([0-9]*\),.*/\1/' | sort -u >/tmp/flagged
echo "# flagged tids: $(tr '\n' ' ' </tmp/flagged)"
check_lacks "B was never flagged" "^$B\$" cat /tmp/flagged
names_flagged() {
	grep -v ' lttng_dt_flag: ' /tmp/g.txt | awk -v list=/tmp/flagged '
		BEGIN { while ((getline t < list) > 0) f[t] = 1 }
		{ ok = 0; s = $0
		  while (match(s, /(^|[ _])tid = [0-9]+/)) {
			v = substr(s, RSTART, RLENGTH); sub(/.*= /, "", v)
			if (v in f) ok = 1
			s = substr(s, RSTART + RLENGTH) }
		  if (!ok) { bad++; if (bad < 4) print } }
		END { exit bad > 0 }'
}
check "g: every event names a flagged thread" names_flagged
check "g: A's switches recorded" grep -q "sched_switch: .*next_tid = $A," /tmp/g.txt
check "g: A's fork of C recorded" \
	grep -q "sched_process_fork: .*parent_tid = $A, .*child_tid = $C," /tmp/g.txt
check "g: C's exit recorded" grep -q "sched_process_exit: .*{ pid = $C, tid = $C," /tmp/g.txt
check_lacks "g: B's switches are not" "sched_switch: .*next_tid = $B," cat /tmp/g.txt
check "u: B's switches are" grep -q "sched_switch: .*next_tid = $B," /tmp/u.txt

# Errors: clean, no crash, no leak.
check_eq "unknown pid: ESRCH" ESRCH $D track-pid 999999
check_eq "unknown tid: ESRCH" ESRCH $D untrack-tid 999999
check_eq "pid 0: EINVAL" EINVAL $D track-pid 0
check_eq "untrack of a live thread not tracked: ENOENT" ENOENT $D untrack-tid 1
check_eq "unknown session: ENOENT" ENOENT $D gate-set nosuch 1
check_eq "unknown session (get): ENOENT" ENOENT $D gate-get nosuch
for b in track-padding track-flags untrack-flags track-negative list-padding \
	list-null gate-reserved gate-padding gate-value gate-unterminated gate-empty; do
	check_eq "bad $b: EINVAL" EINVAL $D bad $b
done
check_eq "bad pointer: EFAULT" EFAULT $D bad efault
check_eq "non-root: open refused" EACCES lttng-abi-probe open-as 65534
check_eq "non-root with root's file: EPERM" EPERM $D as-nobody version
check_eq "non-root with root's file cannot track: EPERM" EPERM $D as-nobody track-pid 1
check_eq "unknown dt-range command: ENOTTY" ENOTTY lttng-abi-probe ioctl 0x0000F6DF

# track-tid, NO_INHERIT, LIST_THREADS capacity.
sh -c 'read x </tmp/fa; sh -c "echo \$\$ >/tmp/e.pid; read x </tmp/fc" & wait' &
P=$!
sh -c 'read x </tmp/fb' &
Q=$!
check "track-pid no-inherit" lttng dt-track --pid $P --no-inherit
check "track-tid" lttng dt-track --tid $Q
go /tmp/fa
check "the no-inherit child started" wait_for 10 test -s /tmp/e.pid
check_eq "no-inherit: the child is not flagged" "$P $P manual no-inherit sh
$Q $Q manual inherit sh" dt_list
check_eq "LIST_THREADS with room for 1 writes 1 of 2" "total 2, untouched 63" $D list-cap 1
check_eq "LIST_THREADS with room for 0" "total 2, untouched 64" $D list-cap 0
check_eq "stats: A, P, Q manual, C inherited; A and C cleared" \
	"flagged 2 set 3/1/0 cleared 2" dt_stats
check_eq "stats view" "flagged_threads 2" sh -c 'grep flagged_threads /proc/lttng-dt/stats'
check "untrack-all" lttng dt-untrack --all
check_eq "nothing flagged" "" dt_list
go /tmp/fc; go /tmp/fb
wait $P $Q

# A reused pid never inherits a stale flag.
if [ -w /proc/sys/kernel/ns_last_pid ]; then
	sh -c 'read x </tmp/fa' &
	R=$!
	check "track R" lttng dt-track --pid $R
	go /tmp/fa; wait $R
	echo $((R - 1)) >/proc/sys/kernel/ns_last_pid
	sh -c 'echo $$ >/tmp/r2.pid; read x </tmp/fa' &
	wait_for 10 test -s /tmp/r2.pid
	check_eq "a new process got R's pid" "$R" cat /tmp/r2.pid
	check_eq "and is not flagged" "" dt_list
	go /tmp/fa; wait
else
	echo "# no ns_last_pid: pid reuse not checked"
fi

# dt_gate_default: new sessions start gated.
param=/sys/module/lttng_tracer/parameters/dt_gate_default
check_eq "dt_gate_default is off" N cat $param
echo 1 >$param
check "create session p with the parameter on" sh -c \
	"lttng create p --output=$T/p >/dev/null && lttng enable-event -k sched_switch >/dev/null"
check_eq "p starts gated" "gated 1 gated_out 0 passed 0" gate_of p
check "GATE_SET p off" lttng dt-gate p off
check_eq "p ungated" "gated 0 gated_out 0 passed 0" gate_of p
lttng destroy p >/dev/null
echo 0 >$param

rmmod lttng_test
# dt-track loaded the TCP mark, which holds lttng-tracer: the user
# removes it, then sessiond's exit unloads the rest.
if ! tracer_is_builtin; then
	check "lttng-dt-tcp, loaded by dt-track, unloads" rmmod lttng_dt_tcp
fi
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
check "every module unloads" sh -c '! grep -q "^lttng" /proc/modules'
tracer_is_builtin || check "/proc/lttng-dt gone" test ! -e /proc/lttng-dt
grep -iE "error|warn" /tmp/sessiond.log | sed 's/^/# sessiond: /'
