# SPDX-License-Identifier: GPL-2.0-only
# The other flows of a kernel session, driven by the stock lttng CLI and
# checked with babeltrace2: the test trigger's event and values, --all,
# disable-event, overwrite and discard buffers under a flood, mmap
# output, timers, every context, snapshot, rotate, clear, live with a
# local relay daemon, and unloading after destroy.
# check-kernels: debian debug
# timeout: 600
. /lib/vmtest.sh

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check "the test trigger module loads" modprobe lttng-test
fire() { echo "$1" >/proc/lttng-test-filter-event; }
check_eq "its trigger is root's only (0600)" "600 0" stat -c '%a %u' /proc/lttng-test-filter-event
check "another user cannot fire it" sh -c \
	'! run-as 65534 sh -c "echo 1 >/proc/lttng-test-filter-event" 2>/dev/null'
# A hung command fails its step instead of the whole scenario.
lttng() { timeout 120 /usr/bin/lttng "$@"; }
bt() { babeltrace2 "$@" 2>/tmp/bt.err; }
count() { grep -c " $1: " "${2:-/tmp/bt.txt}"; }

# --- The test event: every field kind, lttng-modules' names and values.
lttng create t1 --output=/tmp/tr/t1 >/dev/null
lttng enable-event -k lttng_test_filter_event >/dev/null
lttng start >/dev/null
fire 1000
lttng stop >/dev/null
lttng destroy t1 >/dev/null
bt /tmp/tr/t1 >/tmp/bt.txt
check_eq "1000 test events recorded" 1000 count lttng_test_filter_event
check_eq "no warning reading them" "" cat /tmp/bt.err
check_eq "intfield runs 0 to 999 in order" "$(seq 0 999)" \
	sh -c "sed -n 's/.* intfield = \([0-9]*\),.*/\1/p' /tmp/bt.txt"
ev=$(grep -m1 'intfield = 7,' /tmp/bt.txt)
echo "# $ev" | cut -c1-1500
for want in 'intfield2 = 0x7,' 'longfield = 7,' 'signedfield = -1,' \
	'netintfield = 7,' 'netintfieldhex = 0x7,' \
	'arrfield1 = \[ \[0\] = 1, \[1\] = 2, \[2\] = 3 \]' 'arrfield2 = "test"' \
	'arrfield3 = \[ \[0\] = 1, \[1\] = 2, \[2\] = 3 \]' \
	'seqfield2 = "test"' 'seqfield4 = \[ \[0\] = 1, \[1\] = 2, \[2\] = 3 \]' \
	'stringfield = "test"' \
	'enum0 = ( "AUTO: EXPECT 0" : container = 0 )' \
	'enum202 = ( "RANGE: 101 TO 303" : container = 202 )' \
	'enumnegative = ( "VALUE: -1" : container = -1 )'; do
	check "test event has $want" sh -c "printf '%s\n' '$ev' | grep -q -- '$want'"
done
check_eq 'stringfield2 is the escaped text \*' '"\\*"' \
	sh -c "printf '%s\n' '$ev' | sed -n 's/.*stringfield2 = \(\"[^\"]*\"\).*/\1/p'"

# --- --all records every kind of event.
lttng create t2 --output=/tmp/tr/t2 >/dev/null
check "enable-event -k --all" lttng enable-event -k --all
lttng start >/dev/null
fire 10
sh -c true
lttng stop >/dev/null
lttng destroy t2 >/dev/null
bt /tmp/tr/t2 >/tmp/bt.txt
check_eq "--all records the test events" 10 count lttng_test_filter_event
check "--all records forks" sh -c "grep -q ' sched_process_fork: ' /tmp/bt.txt"
check "--all records switches" sh -c "grep -q ' sched_switch: ' /tmp/bt.txt"
check "--all records interrupts" sh -c "grep -q ' irq_handler_entry: \\| irq_softirq_entry: ' /tmp/bt.txt"
echo "# --all: $(sed 's/.* \([a-z_0-9]*\): {.*/\1/' /tmp/bt.txt | sort -u | wc -l) kinds of events"

# --- disable-event: a disabled event stops being recorded, others go on.
lttng create t2b --output=/tmp/tr/t2b >/dev/null
lttng enable-event -k sched_switch,lttng_test_filter_event >/dev/null
lttng start >/dev/null
check "disable-event -k sched_switch while tracing" lttng disable-event -k sched_switch
sleep 0.2
fire 10
lttng stop >/dev/null
lttng destroy t2b >/dev/null
bt /tmp/tr/t2b >/tmp/bt.txt
check_eq "the enabled event is still recorded" 10 count lttng_test_filter_event
check_lacks "no switch after the last test event" ' sched_switch: ' \
	sed -n '/lttng_test_filter_event/,$p' /tmp/bt.txt

# --- Discard mode, flooded: what is lost is counted, the rest reads.
lttng create t3 --output=/tmp/tr/t3 >/dev/null
lttng enable-channel -k --subbuf-size 4096 --num-subbuf 2 small >/dev/null
lttng enable-event -k -c small lttng_test_filter_event >/dev/null
lttng start >/dev/null
fire 100000
lttng stop >/dev/null
lttng destroy t3 >/dev/null
bt /tmp/tr/t3 >/tmp/bt.txt
flood_rc=$?
recorded=$(count lttng_test_filter_event)
discarded=$(sed -n 's/.*Tracer discarded \([0-9]*\) events.*/\1/p' /tmp/bt.err |
	awk '{ s += $1 } END { print s + 0 }')
echo "# discard flood: $recorded recorded, $discarded reported discarded"
check "a flood of a small discard buffer loses events" test "$discarded" -gt 0
check_eq "recorded + discarded = fired" 100000 echo $((recorded + discarded))
# babeltrace2's status, then what it said but its discard reports.
flood_errors() {
	[ "$flood_rc" -eq 0 ] || { echo "babeltrace2 exited with status $flood_rc"; return 1; }
	awk '!/discarded|^ *$|WARNING|Trace|stream|packet|babeltrace|#/' /tmp/bt.err
}
check_lacks "babeltrace2 reads the flooded trace" . flood_errors

# --- Overwrite mode keeps the newest records (flight recorder: the
# consumer reads nothing until the snapshot); mmap output.
lttng create t4 --snapshot --output=/tmp/tr/t4 >/dev/null
check "enable-channel --overwrite --output mmap" \
	lttng enable-channel -k --overwrite --output mmap --subbuf-size 4096 --num-subbuf 4 ow
lttng enable-event -k -c ow lttng_test_filter_event >/dev/null
lttng start >/dev/null
fire 100000
lttng snapshot record >/dev/null
lttng stop >/dev/null
lttng destroy t4 >/dev/null
bt /tmp/tr/t4/*/ >/tmp/bt.txt
check "overwrite keeps the newest record" grep -q 'intfield = 99999,' /tmp/bt.txt
check "what it keeps ends with the newest, in order" sh -c \
	"sed -n 's/.* intfield = \([0-9]*\),.*/\1/p' /tmp/bt.txt |
	 awk 'NR > 1 && \$1 <= prev { bad++ } { prev = \$1 } END { exit bad > 0 || prev != 99999 }'"
echo "# overwrite kept $(count lttng_test_filter_event) of 100000 records"

# --- Overwrite mode read while recording: the consumer keeps up as it can.
lttng create t4b --output=/tmp/tr/t4b >/dev/null
lttng enable-channel -k --overwrite --subbuf-size 4096 --num-subbuf 4 ow >/dev/null
lttng enable-event -k -c ow lttng_test_filter_event >/dev/null
lttng start >/dev/null
fire 100000
lttng stop >/dev/null
lttng destroy t4b >/dev/null
bt /tmp/tr/t4b >/tmp/bt.txt
check "a consumed overwrite channel reads without error" test $? -eq 0 -a -s /tmp/bt.txt

# --- Timers: a switch timer delivers packets while tracing runs.
lttng create t5 --output=/tmp/tr/t5 >/dev/null
check "enable-channel with switch, read and monitor timers" \
	lttng enable-channel -k --switch-timer 100000 --read-timer 50000 --monitor-timer 200000 tm
lttng enable-event -k -c tm lttng_test_filter_event >/dev/null
lttng start >/dev/null
fire 5
sleep 2
check "the switch timer delivered the packet before stop" \
	sh -c 'ls /tmp/tr/t5/kernel/ && [ "$(cat /tmp/tr/t5/kernel/tm_* | wc -c)" -gt 0 ]'
lttng stop >/dev/null
lttng destroy t5 >/dev/null
bt /tmp/tr/t5 >/tmp/bt.txt
check_eq "timer session holds its events" 5 count lttng_test_filter_event

# --- Every context either works or is refused clearly.
lttng create t6 --output=/tmp/tr/t6 >/dev/null
lttng enable-event -k lttng_test_filter_event >/dev/null
ok_ctx="pid procname prio nice vpid tid vtid ppid vppid hostname
 interruptible preemptible need_reschedule migratable cgroup_ns ipc_ns net_ns
 pid_ns user_ns uts_ns time_ns uid euid suid gid egid sgid vuid veuid vsuid
 vgid vegid vsgid"
for c in $ok_ctx; do
	check "add-context -t $c" lttng add-context -k -t "$c"
done
check "add-context -t mnt_ns is refused" sh -c '! lttng add-context -k -t mnt_ns'
lttng start >/dev/null
fire 3
lttng stop >/dev/null
lttng destroy t6 >/dev/null
bt /tmp/tr/t6 >/tmp/bt.txt
ev=$(grep -m1 lttng_test_filter_event /tmp/bt.txt)
echo "# $ev" | cut -c1-1200
check_eq "every context recorded, in order" \
	"$(echo $ok_ctx | tr ' ' '\n')" \
	sh -c "printf '%s\n' '$ev' | sed 's/^[^{]*{[^}]*}, {//; s/}.*//; s/\"[^\"]*\"//g' | grep -o '[a-z_]* =' | tr -d ' ='"
check "prio context is the writer's priority" sh -c "printf '%s\n' '$ev' | grep -q ' prio = 20,'"
check "hostname context is the VM's" sh -c "printf '%s\n' '$ev' | grep -q 'hostname = \"$(hostname)\"'"

# --- Snapshot: the latest records of an overwrite mmap buffer on demand.
check "create --snapshot" lttng create snap --snapshot --output=/tmp/tr/snap
lttng enable-event -k lttng_test_filter_event >/dev/null
lttng start >/dev/null
fire 20
check "snapshot record" lttng snapshot record
fire 20
check "second snapshot record" lttng snapshot record
lttng stop >/dev/null
lttng destroy snap >/dev/null
n=0
for d in /tmp/tr/snap/*/; do
	n=$((n + 1))
	bt "$d" >/tmp/bt.snap.$n.txt
done
check_eq "two snapshots" 2 echo $n
check_eq "first snapshot: 20 events" 20 count lttng_test_filter_event /tmp/bt.snap.1.txt
check_eq "second snapshot: 40 events" 40 count lttng_test_filter_event /tmp/bt.snap.2.txt

# --- Rotate: each chunk is a readable trace with its own events.
lttng create rot --output=/tmp/tr/rot >/dev/null
lttng enable-event -k lttng_test_filter_event >/dev/null
lttng start >/dev/null
fire 30
check "rotate" lttng rotate
fire 50
lttng stop >/dev/null
lttng destroy rot >/dev/null
chunks=$(ls -d /tmp/tr/rot/archives/*/ 2>/dev/null | sort)
echo "# chunks: $chunks"
set -- $chunks
check_eq "two archived chunks" 2 echo $#
bt "$1" >/tmp/bt.r1.txt
bt "$2" >/tmp/bt.r2.txt
check_eq "first chunk: 30 events" 30 count lttng_test_filter_event /tmp/bt.r1.txt
check_eq "second chunk: 50 events" 50 count lttng_test_filter_event /tmp/bt.r2.txt

# --- Clear: what was recorded before is gone.
lttng create clr --output=/tmp/tr/clr >/dev/null
lttng enable-event -k lttng_test_filter_event >/dev/null
lttng start >/dev/null
fire 30
lttng stop >/dev/null
check "clear" lttng clear
lttng start >/dev/null
fire 7
lttng stop >/dev/null
lttng destroy clr >/dev/null
bt /tmp/tr/clr >/tmp/bt.txt
check_eq "after clear: only the 7 new events" 7 count lttng_test_filter_event

# --- Live: a local relay daemon, read with babeltrace2 net://.
lttng-relayd --background >/tmp/relayd.log 2>&1
check "lttng-relayd starts" wait_for 20 sh -c 'netstat -ltn 2>/dev/null | grep -q ":5344 "'
check "create --live" lttng create lv --live
lttng enable-event -k lttng_test_filter_event >/dev/null
lttng start >/dev/null
babeltrace2 --input-format=lttng-live "net://localhost/host/$(hostname)/lv" \
	>/tmp/bt.live.txt 2>/tmp/bt.live.err &
btpid=$!
sleep 3
fire 25
sleep 4
lttng stop >/dev/null
lttng destroy lv >/dev/null
kill $btpid 2>/dev/null
wait $btpid 2>/dev/null
check_eq "live viewer saw the 25 events" 25 count lttng_test_filter_event /tmp/bt.live.txt
sed 's/^/# live: /' /tmp/bt.live.err | head -n 5

# --- Destroy while the consumer reads, then unload everything.
lttng create busy --output=/tmp/tr/busy >/dev/null
lttng enable-event -k -a >/dev/null
lttng start >/dev/null
fire 50000 &
check "destroy while tracing and consuming" lttng destroy busy
wait
check "the trace of the destroyed session reads" sh -c 'babeltrace2 /tmp/tr/busy >/dev/null'
kill -TERM "$(pidof lttng-relayd)"
# lttng-test uses the tracer: it goes first, or sessiond cannot unload it.
if ! tracer_is_builtin; then
	check "rmmod lttng-test after destroy" rmmod lttng_test
fi
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
check "no tracer module stays loaded" sh -c '! grep "^lttng" /proc/modules'
grep -iE "error|warn" /tmp/sessiond.log | grep -v "event notifier group" | sed 's/^/# sessiond: /'
