# SPDX-License-Identifier: GPL-2.0-only
# CPU hotplug during live sessions: a CPU that comes online after the
# start gets its switch timer (its packets reach the consumer while the
# session runs); CPUs going offline and online again while events are
# recorded on them lose nothing and corrupt nothing (the switch timers
# must never run on another CPU's buffer); the last packets of an
# offline CPU are read.
# timeout: 600
. /lib/vmtest.sh

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
lttng() { timeout 120 /usr/bin/lttng "$@"; }
check "the test trigger module loads" modprobe lttng-test
fire() { echo "$1" >/proc/lttng-test-filter-event; }
CPU1=/sys/devices/system/cpu/cpu1/online
check "CPU 1 can go offline and online" test -w $CPU1
T=/tmp/tr
count() { grep -c " lttng_test_filter_event: " "$1"; }
# start NAME [enable-channel options]: a session recording the test event.
start() {
	local name=$1
	shift
	lttng create "$name" --output="$T/$name" >/dev/null &&
	lttng enable-channel -k --subbuf-size 256K --num-subbuf 8 "$@" ch >/dev/null &&
	lttng enable-event -k -c ch lttng_test_filter_event >/dev/null &&
	lttng start "$name" >/dev/null
}

# --- CPU 1 comes online after the start.
echo 0 >$CPU1
check "CPU 1 is offline" sh -c "[ \$(cat $CPU1) = 0 ]"
check "session late: a 200 ms switch timer, started without CPU 1" \
	start late --switch-timer 200000
echo 1 >$CPU1
check "CPU 1 is online again" sh -c "[ \$(cat $CPU1) = 1 ]"
check "10 events on CPU 1" taskset -c 1 sh -c 'echo 10 >/proc/lttng-test-filter-event'
# The switch timer closes CPU 1's packet; the consumer then writes it.
check "CPU 1's packet is read while the session runs" wait_for 20 test -s $T/late/kernel/ch_1
lttng stop late >/dev/null
lttng destroy late >/dev/null
check "babeltrace2 reads late" sh -c "babeltrace2 $T/late >/tmp/late.txt 2>/tmp/late.err"
check_eq "late: the 10 events, on CPU 1" "10" sh -c \
	"grep ' lttng_test_filter_event: { cpu_id = 1 }' /tmp/late.txt | wc -l"

# --- CPU 1 goes and comes back five times while events are recorded on it.
check "session cycle: a 200 ms switch timer" start cycle --switch-timer 200000
# A writer pinned to CPU 1 fires 10 x 200 events and says so; CPU 1 goes
# offline once it has started (the kernel then moves it to CPU 0).
n=0
: >/tmp/fired
for i in 1 2 3 4 5; do
	rm -f /tmp/started
	taskset -c 1 sh -c 'touch /tmp/started
		for j in 1 2 3 4 5 6 7 8 9 10; do echo 200 >/proc/lttng-test-filter-event; done
		echo 2000 >>/tmp/fired' &
	f=$!
	wait_for 20 test -e /tmp/started
	fire 500
	echo 0 >$CPU1
	fire 500
	wait $f
	echo 1 >$CPU1
	n=$((n + 1000))
done
fire 100
n=$((n + 100))
check_eq "the pinned writer ran its 5 rounds" "5" sh -c 'wc -l </tmp/fired'
n=$((n + $(awk '{ s += $1 } END { print s + 0 }' /tmp/fired)))
check_eq "CPU 1 is online at the end" "1" cat $CPU1
lttng stop cycle >/dev/null
lttng destroy cycle >/dev/null
check "babeltrace2 reads cycle" sh -c "babeltrace2 $T/cycle >/tmp/cycle.txt 2>/tmp/cycle.err"
check_eq "cycle: every event of the $n fired" "$n" count /tmp/cycle.txt
check_eq "cycle: nothing discarded, no error" "" cat /tmp/cycle.err
check "cycle: CPU 1 recorded some of them" grep -q ' lttng_test_filter_event: { cpu_id = 1 }' /tmp/cycle.txt

# --- Events recorded on CPU 1, which then goes offline: with no switch
# timer, only the end of the CPU closes its packet, and the consumer gets
# it while the session still runs.
check "session gone: no switch timer" start gone
check "25 events on CPU 1" taskset -c 1 sh -c 'echo 25 >/proc/lttng-test-filter-event'
echo 0 >$CPU1
check "the offline CPU's last packet is read while the session runs" \
	wait_for 20 test -s $T/gone/kernel/ch_1
lttng stop gone >/dev/null
lttng destroy gone >/dev/null
echo 1 >$CPU1
check "babeltrace2 reads gone" sh -c "babeltrace2 $T/gone >/tmp/gone.txt 2>/tmp/gone.err"
check_eq "gone: the 25 events of the CPU that went offline" "25" sh -c \
	"grep ' lttng_test_filter_event: { cpu_id = 1 }' /tmp/gone.txt | wc -l"

if ! tracer_is_builtin; then
	check "rmmod lttng-test" rmmod lttng_test
fi
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
