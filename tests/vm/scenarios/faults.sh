# SPDX-License-Identifier: GPL-2.0-only
# Faults around a live trace: the consumer daemon killed, the session
# daemon killed and restarted, modules removed under a running session,
# the trace's disk full. After each, the kernel log stays clean (the
# harness), every module unloads at the end, and what was written before
# the fault still reads.
# timeout: 600
. /lib/vmtest.sh

T=/tmp/tr
lttng() { timeout 120 /usr/bin/lttng "$@"; }
fire() { echo "$1" >/proc/lttng-test-filter-event; }
count() { grep -c " lttng_test_filter_event: " "$1"; }
sessiond() {
	lttng-sessiond --background >/tmp/sessiond.log 2>&1 && wait_for 30 lttng list
}
# start NAME [OUTPUT]: test events and sched_switch, 100 ms switch timer,
# 4 sub-buffers of SUBBUF (default 64K) per CPU.
start() {
	lttng create "$1" --output="${2:-$T/$1}" >/dev/null &&
	lttng enable-channel -k --subbuf-size "${SUBBUF:-64K}" --num-subbuf 4 --switch-timer 100000 ch >/dev/null &&
	lttng enable-event -k -c ch "${EVENTS:-lttng_test_filter_event,sched_switch}" >/dev/null &&
	lttng start "$1" >/dev/null
}
# The consumer has written some of session $1's packets.
written() { [ "$(cat "$T/$1"/kernel/ch_* 2>/dev/null | wc -c)" -gt 0 ]; }
stop_sessiond() {
	kill -TERM "$(pidof lttng-sessiond)" && wait_for 30 sh -c '! pidof lttng-sessiond'
}

check "lttng-sessiond starts" sessiond
check "the test trigger module loads" modprobe lttng-test

# --- kill -9 of the consumer daemon mid-trace.
check "session c" start c
fire 500
check "the consumer wrote packets" wait_for 20 written c
check "kill -9 lttng-consumerd" kill -9 $(pidof lttng-consumerd)
fire 500
# sessiond reports the lost consumer; destroy may fail, it must return.
lttng destroy c >/dev/null 2>&1
check "what was written before the kill reads" sh -c \
	"babeltrace2 $T/c >/tmp/c.txt 2>/tmp/c.err; [ \$(grep -c ' lttng_test_filter_event: ' /tmp/c.txt) -ge 1 ]"
check "lttng-sessiond exits after it" stop_sessiond

# --- kill -9 of the session daemon mid-trace, then a new one traces.
check "lttng-sessiond starts again" sessiond
check "session s" start s
fire 300
check "the consumer wrote packets of s" wait_for 20 written s
# A crash of the daemons: both go at once, and their files close.
check "kill -9 lttng-sessiond and its consumer" kill -9 $(pidof lttng-sessiond lttng-consumerd)
check "both are gone" wait_for 30 sh -c '! pidof lttng-sessiond lttng-consumerd'
check "what s wrote reads" sh -c \
	"babeltrace2 $T/s >/tmp/s.txt 2>/tmp/s.err; [ \$(grep -c ' lttng_test_filter_event: ' /tmp/s.txt) -ge 1 ]"
check "a new lttng-sessiond starts" sessiond
# Room for the 1000 events without the consumer: a loaded host's consumer
# may lag (818 were kept once, the rest discarded, with six VMs on two cores).
SUBBUF=1M
check "session s2 on it" start s2
SUBBUF=
fire 1000
lttng stop s2 >/dev/null
lttng destroy s2 >/dev/null
check "babeltrace2 reads s2" sh -c "babeltrace2 $T/s2 >/tmp/s2.txt 2>/tmp/s2.err"
check_eq "s2: the 1000 events" "1000" count /tmp/s2.txt

# --- Modules removed under a running session: refused, or safe.
check "session m" start m
fire 200
if ! tracer_is_builtin; then
	check "the client cannot go while the session runs" sh -c \
		'! rmmod lttng_ring_buffer_client_discard 2>/dev/null'
	check "the tracer cannot go" sh -c '! rmmod lttng_tracer 2>/dev/null'
	# A probe module may go: its events stop, nothing breaks.
	rmmod lttng_probe_sched 2>/dev/null
	echo "# lttng-probe-sched after rmmod under the session: $(grep -c '^lttng_probe_sched ' /proc/modules) loaded"
fi
fire 200
lttng stop m >/dev/null
lttng destroy m >/dev/null
check "babeltrace2 reads m" sh -c "babeltrace2 $T/m >/tmp/m.txt 2>/tmp/m.err"
check_eq "m: the 400 test events" "400" count /tmp/m.txt

# --- The trace's disk fills up: the first packets are written, then a
# flood fills the file system. Last: the daemons may stay stuck on it.
mkdir -p /tmp/small
check "a 256 KiB file system for the trace" mount -t tmpfs -o size=256k tmpfs /tmp/small
# Only the test event: once its 200 are written, no packet comes.
EVENTS=lttng_test_filter_event
check "session f on it" start f /tmp/small/f
fire 200
check "the consumer wrote f's first packets" wait_for 20 sh -c \
	"[ \$(cat /tmp/small/f/kernel/ch_* 2>/dev/null | wc -c) -gt 0 ]"
sleep 1
# What the consumer wrote before the flood, as it was.
cp -r /tmp/small/f /tmp/f-before
for i in 1 2 3 4 5 6 7 8 9 10; do fire 2000; done
sleep 2
df -k /tmp/small | sed 's/^/# /'
check "the disk is full" sh -c "[ \$(df -k /tmp/small | awk 'NR == 2 { print \$4 }') -lt 64 ]"
# The consumer cannot write what remains: do not wait for it to drain.
check "lttng stop --no-wait on a full disk" lttng stop --no-wait f
check "lttng destroy --no-wait" lttng destroy --no-wait f
# lttng-tools' daemons keep retrying the writes (sessiond does not exit on
# SIGTERM within a minute): they go the hard way, and the tracer's files
# close with them.
check "kill -9 the daemons stuck on the full disk" \
	kill -9 $(pidof lttng-sessiond lttng-consumerd)
check "both are gone" wait_for 30 sh -c '! pidof lttng-sessiond lttng-consumerd'
# The consumer's files end in cut packets (lttng-tools' doing; babeltrace2
# refuses such a stream file). What was written before the disk filled
# must be there unchanged, and read.
intact() {
	local f n
	for f in $(cd /tmp/f-before && find . -type f); do
		n=$(stat -c %s "/tmp/f-before/$f")
		head -c "$n" "/tmp/small/f/$f" | cmp -s - "/tmp/f-before/$f" ||
			{ echo "$f changed"; return 1; }
	done
}
check "what was written before it filled is intact" intact
check "and reads: the 200 events" sh -c \
	"babeltrace2 /tmp/f-before >/tmp/f.txt 2>/tmp/f.err; [ \$(grep -c ' lttng_test_filter_event: ' /tmp/f.txt) -eq 200 ]"
umount /tmp/small

# --- Everything unloads (no sessiond is left to do it).
if ! tracer_is_builtin; then
	check "every lttng module unloads" unload_lttng_modules
fi
