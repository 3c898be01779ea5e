# SPDX-License-Identifier: GPL-2.0-only
# Enabling and disabling every kernel event while the machine is busy
# (timers, interrupts, a sender on loopback) must neither hang nor oops:
# each -k -a start and each destroy patches every tracepoint's static
# branch while other CPUs run through them.
# timeout: 900
. /lib/vmtest.sh
export PATH=/opt/lttng-dt/bin:$PATH

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
lttng() { timeout 120 /usr/bin/lttng "$@"; }

# Busy CPUs: short sleeps (hrtimers, scheduler) and loopback traffic.
busy() { while :; do sleep 0.01; done; }
busy & B1=$!
sh -c 'while :; do ping -c 50 -i 0.01 -q 127.0.0.1 >/dev/null 2>&1; done' & B2=$!
# 15 rounds (Debian's kernel hung in its second before the fix); 5 on
# the debug kernel, where a round takes 45 s.
rounds=15
case $(uname -r) in *-debug) rounds=5 ;; esac
i=0
ok=0
while [ $i -lt $rounds ]; do
	i=$((i + 1))
	lttng create a$i --output=/tmp/tr/a$i >/dev/null &&
	lttng enable-event -k -a >/dev/null &&
	lttng start >/dev/null &&
	sleep 1 &&
	lttng enable-event -k -c channel0 'irq_*' >/dev/null &&
	lttng disable-event -k -c channel0 -a >/dev/null &&
	lttng enable-event -k -c channel0 -a >/dev/null &&
	lttng destroy a$i >/dev/null && ok=$((ok + 1))
	echo "# round $i: $ok ok"
done
check_eq "$rounds rounds of -k -a, start, re-enable and destroy" $rounds echo $ok
kill $B1 $B2
check "the last trace reads" sh -c "babeltrace2 /tmp/tr/a$rounds >/dev/null"
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
