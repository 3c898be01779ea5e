# SPDX-License-Identifier: GPL-2.0-only
# Marked bytes stay marked after their thread stops being traced. A
# tracked client writes the first 256 KiB of a request over a lossy,
# slow link (netem: 30 ms, 15% loss), is untracked while most of it is
# still queued or in flight, then writes 256 KiB more. On the receiver,
# the marked receipts cover the first part without a hole, retransmits
# included, and end within one segment of the point where tracking
# stopped: the second part arrives unmarked. On the sender, marked
# segments, retransmits among them, still leave after the untrack. With
# every segment duplicated (netem), the copies' marks are not honoured.
# kernels: debian debug
# (the TCP mark is a loadable module only: a built-in tracer has none)
# timeout: 600
. /lib/vmtest.sh

# The dt commands as users type them: the lttng front first in PATH.
export PATH=/opt/lttng-dt/bin:$PATH
IP=/usr/sbin/ip
TC=/usr/sbin/tc
T=/tmp/traces
HALF=262144

netns_setup() {
	$IP netns add a && $IP netns add b &&
	$IP link add v-ab type veth peer name v-ba &&
	$IP link set v-ab netns a && $IP link set v-ba netns b &&
	$IP -n a addr add 10.2.0.1/24 dev v-ab &&
	$IP -n b addr add 10.2.0.2/24 dev v-ba &&
	$IP -n a link set lo up && $IP -n b link set lo up &&
	$IP -n a link set v-ab up && $IP -n b link set v-ba up
}
check "two namespaces on veth" netns_setup
check "modprobe lttng-dt-tcp" modprobe lttng-dt-tcp
# a's marks reach b from 10.2.0.1: trusted by name (the default trusts
# loopback only).
check "lttng dt-trust add 10.2.0.0/24" lttng dt-trust add 10.2.0.0/24
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
mk() {
	lttng create r --output="$T/r" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch lttng_dt_flag,lttng_dt_mark_send,lttng_dt_mark_recv >/dev/null &&
	lttng start r >/dev/null
}
check "session r records" mk
check "netem: 30 ms and 15% loss from a" \
	$IP netns exec a $TC qdisc add dev v-ab root netem delay 30ms loss 15%

$IP netns exec b dt-rpc serve 6000 srv >/tmp/srv.log 2>&1 &
S=$!
check "server listens" wait_for 20 grep -q listening /tmp/srv.log
rtx() { $IP netns exec a awk '/^Tcp:/ { if (h) print $13; h = 1 }' /proc/net/snmp; }
X0=$(rtx)

mkfifo /tmp/go /tmp/go2
$IP netns exec a sh -c "read x </tmp/go; exec dt-rpc push 10.2.0.2 6000 rtx $HALF $HALF </tmp/go2" \
	>/tmp/push.log 2>&1 &
C=$!
check "track the client" lttng dt-track --pid $C
echo go >/tmp/go
exec 3>/tmp/go2
check "the client wrote the first half" wait_for 60 grep -q '^half' /tmp/push.log
check "untrack the client" lttng dt-untrack --pid $C
echo go >&3
exec 3>&-
wait $C
check "the whole request was answered" grep -q "^ok pushed" /tmp/push.log
lttng stop r >/dev/null
check "a retransmitted" sh -c "[ $(rtx) -gt $X0 ]"
check "babeltrace2 reads r" sh -c "babeltrace2 --clock-cycles $T/r >/tmp/r.txt 2>/tmp/r.err"

# Sequence numbers relative to the first marked byte sent (the request's
# first byte), so that a wrap cannot matter: "REL LEN" per segment.
first=$(grep -m 1 'lttng_dt_mark_send: .*dport = 6000' /tmp/r.txt | sed 's/.*seq = \([0-9]*\),.*/\1/')
rel() {
	grep "lttng_dt_mark_$1: .*dport = 6000" /tmp/r.txt |
	sed 's/^\[\([0-9]*\)\].*seq = \([0-9]*\), len = \([0-9]*\).*/\1 \2 \3/' |
	awk -v f="$first" '{ print $1, ($2 - f + 4294967296) % 4294967296, $3 }'
}
total=$(sed -n 's/^ok pushed //p' /tmp/push.log)
# The union of the received marked ranges: "covered END" when it starts
# at 0 without a hole.
cover() {
	rel recv | sort -n -k2,2 | awk 'BEGIN { e = 0 }
		{ if ($2 > e) { print "hole at " e; exit }
		  if ($2 + $3 > e) e = $2 + $3 }
		END { print "covered " e }' | head -n 1
}
end=$(cover | sed -n 's/^covered //p')
marked_from_start() { [ -n "$end" ] && [ "$end" -ge $HALF ] || { cover; false; }; }
check "marked receipts cover the first part without a hole" marked_from_start
# Segments never straddle more than 64 KiB (GSO), so all but the first
# 64 KiB of the second part must have come unmarked.
# Not when nothing marked arrived (no end, or 0): that is no evidence.
second_unmarked() { [ -n "$end" ] && [ "$end" -gt 0 ] && [ "$end" -lt $((HALF + 65536 + 64)) ]; }
check "the second part arrived unmarked (marked up to $end of $total)" second_unmarked
# When the client was untracked: the lttng_dt_flag event turning it off.
t_off=$(grep "lttng_dt_flag: .*{ tid = $C, pid = $C, reason = ( \"manual\" .*on = 0" /tmp/r.txt |
	sed 's/^\[\([0-9]*\)\].*/\1/' | head -n 1)
check "the untrack is in the trace" test -n "$t_off"
# Marked segments sent after the untrack, and among them retransmits:
# in time order, a segment starting below the furthest byte already sent.
after_untrack() {
	rel send | sort -n -k1,1 | awk -v t="$t_off" '
		$1 > t { n++; if ($2 < e) r++ }
		$2 + $3 > e { e = $2 + $3 }
		END { print n + 0, r + 0 }'
}
sent_after() { set -- $(after_untrack); [ "$1" -gt 0 ] || { echo "$1 $2"; false; }; }
rtx_after() { set -- $(after_untrack); [ "$2" -gt 0 ] || { echo "$1 $2"; false; }; }
check "marked segments left after the untrack" sent_after
check "retransmits of marked bytes after the untrack stayed marked" rtx_after
check_eq "no TCP checksum errors" "0" \
	$IP netns exec b awk '/^Tcp:/ { if (h) print $NF; h = 1 }' /proc/net/snmp

# Duplicates: only a segment bringing new data has its mark honoured.
# netem now sends every segment from a twice; each copy arrives after its
# original, as old data: it must not count as a second marked receipt.
lttng destroy r >/dev/null
mkd() {
	lttng create d --output="$T/d" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch lttng_dt_mark_send,lttng_dt_mark_recv >/dev/null &&
	lttng start d >/dev/null
}
check "session d records the marks" mkd
check "netem: every segment from a twice, no loss" \
	$IP netns exec a $TC qdisc change dev v-ab root netem duplicate 100%
mkfifo /tmp/go3
echo go >/tmp/go.txt
$IP netns exec a sh -c "read x </tmp/go3; exec dt-rpc push 10.2.0.2 6000 dup 65536 65536 </tmp/go.txt" \
	>/tmp/dup.log 2>&1 &
C=$!
check "track the client" lttng dt-track --pid $C
echo go >/tmp/go3
wait $C
check "the request was answered" grep -q "^ok pushed" /tmp/dup.log
lttng stop d >/dev/null
check "babeltrace2 reads d" sh -c "babeltrace2 $T/d >/tmp/d.txt 2>/tmp/d.err"
check "marked receipts recorded" sh -c "[ \$(grep -c 'lttng_dt_mark_recv: .*dport = 6000' /tmp/d.txt) -gt 0 ]"
# The payloads (addresses, ports, seq, len), whatever CPU recorded them.
# Each copy arrives after its original, as old data, and is not honoured;
# only the copy of a segment that came out of order (still queued, the
# data before it missing) is new data again. Without the check every
# receipt would repeat; allow under a tenth.
grep 'lttng_dt_mark_recv: .*dport = 6000' /tmp/d.txt |
	sed 's/.*lttng_dt_mark_recv: { cpu_id = [0-9]* }, //' | sort >/tmp/d.keys
all=$(wc -l </tmp/d.keys)
twice=$(uniq -d /tmp/d.keys | wc -l)
check "copies of marked segments are not honoured again ($twice of $all receipts repeat)" \
	test $((twice * 10)) -lt "$all"
kill $S 2>/dev/null
