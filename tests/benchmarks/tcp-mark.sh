# SPDX-License-Identifier: GPL-2.0-only
# Benchmark: what the TCP mark costs the traffic it rides on. Two network
# namespaces on veth in one VM, three configurations, in rotating order
# for several rounds:
#   off     lttng-dt-tcp and lttng-tracer not loaded
#   idle    lttng-dt-tcp loaded, no thread flagged: nothing is marked
#   marked  the client tracked: every data segment it sends is marked,
#           and the server's reading thread is flagged by the network
# and two workloads:
#   tput_mbps  iperf3 TCP throughput, a -> b, one stream (Mbit/s, receiver)
#   rr_per_s   small request/response pairs on one connection (dt-rpc
#              call: 64-byte requests, each answered before the next)
# Prints "# tcpbench CONFIG METRIC VALUE" per measurement, then the medians
# with their ratio to off. Sanity checks: nothing is marked in idle, every
# configuration moves data, and marked marks on both sides.
# vms: 1
# timeout: 2400
. /lib/vmtest.sh

ROUNDS=5
SECS=5            # iperf3 seconds per run
CALLS=5000        # request/response pairs per run
IP=/usr/sbin/ip
D=lttng-dt-ctl
RES=/tmp/tcpbench.res
: >"$RES"

result() {
	echo "# tcpbench $1 $2 $3"
	echo "$1 $2 $3" >>"$RES"
}
stat() { awk -v k="$1" '$1 == k { print $2 }' /proc/lttng-dt/stats; }
# Seconds since boot in hundredths.
now() { awk '{ printf "%d\n", $1 * 100 }' /proc/uptime; }

netns_setup() {
	$IP netns add a && $IP netns add b &&
	$IP link add v-ab type veth peer name v-ba &&
	$IP link set v-ab netns a && $IP link set v-ba netns b &&
	$IP -n a addr add 10.3.0.1/24 dev v-ab &&
	$IP -n b addr add 10.3.0.2/24 dev v-ba &&
	$IP -n a link set lo up && $IP -n b link set lo up &&
	$IP -n a link set v-ab up && $IP -n b link set v-ba up
}
check "two namespaces on veth" netns_setup
check "iperf3 is in the initramfs" test -x /usr/bin/iperf3
$IP netns exec b iperf3 -s -D --logfile /tmp/iperf3-s.log
$IP netns exec b dt-rpc serve 6000 srv >/tmp/srv.log 2>&1 &
check "servers listen" wait_for 20 grep -q listening /tmp/srv.log

use() {
	case "$1" in
	off)
		modprobe -r lttng-dt-tcp lttng-tracer 2>/dev/null
		! grep -q '^lttng' /proc/modules ;;
	*)
		modprobe lttng-dt-tcp ;;
	esac
}

# run CONFIG CMD...: run CMD in namespace a, tracked when CONFIG is marked.
run() {
	cfg=$1
	shift
	mkfifo /tmp/go
	$IP netns exec a sh -c 'read x </tmp/go; exec "$@"' sh "$@" >/tmp/run.out 2>&1 &
	pid=$!
	[ "$cfg" = marked ] && $D track-pid $pid >/dev/null
	echo go >/tmp/go
	wait $pid
	rc=$?
	rm -f /tmp/go
	[ "$cfg" = marked ] && $D untrack-all >/dev/null
	return $rc
}

tput() {
	run "$1" iperf3 -c 10.3.0.2 -t $SECS -f m || return 1
	awk '/receiver/ { for (i = 1; i < NF; i++) if ($(i + 1) == "Mbits/sec") v = $i }
	     END { if (v == "") exit 1; print v }' /tmp/run.out
}

rr() {
	t0=$(now)
	run "$1" dt-rpc call 10.3.0.2 6000 "rr-$1" $CALLS 0 64 || return 1
	grep -q "^ok $CALLS calls" /tmp/run.out || return 1
	t1=$(now)
	awk -v n=$CALLS -v d=$((t1 - t0)) 'BEGIN { printf "%.0f\n", n * 100 / d }'
}

bench_config() {
	cfg=$1 r=$2
	check "r$r $cfg: set up" use "$cfg"
	if [ "$cfg" != off ]; then
		s0=$(stat marks_sent) m0=$(stat marks_received)
	fi
	v=$(tput "$cfg") && result "$cfg" tput_mbps "$v" ||
		check "r$r $cfg: iperf3 ran" false
	v=$(rr "$cfg") && result "$cfg" rr_per_s "$v" ||
		check "r$r $cfg: request/response ran" false
	case "$cfg" in
	idle)
		check_eq "r$r idle: nothing marked" "0 0" \
			echo "$(( $(stat marks_sent) - s0 )) $(( $(stat marks_received) - m0 ))" ;;
	marked)
		check "r$r marked: marks sent and received" sh -c \
			"[ $(( $(stat marks_sent) - s0 )) -gt $CALLS ] && [ $(( $(stat marks_received) - m0 )) -gt $CALLS ]" ;;
	esac
}

for r in $(seq 1 "$ROUNDS"); do
	case $((r % 3)) in
	1) order="off idle marked" ;;
	2) order="idle marked off" ;;
	0) order="marked off idle" ;;
	esac
	for cfg in $order; do
		bench_config "$cfg" "$r"
	done
done

median() {
	awk -v c="$1" -v m="$2" '$1 == c && $2 == m { print $3 }' "$RES" | sort -n |
		awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2];
		     else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
spread() {
	awk -v c="$1" -v m="$2" '$1 == c && $2 == m { print $3 }' "$RES" | sort -n |
		awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s\n", lo, hi }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "nan"; else printf "%.3f\n", a / b }'; }
echo "# tcpbench table: median of $ROUNDS rounds (min-max), ratio to off"
for m in tput_mbps rr_per_s; do
	off=$(median off $m)
	for cfg in off idle marked; do
		v=$(median $cfg $m)
		echo "# tcpbench median $m $cfg $v $(spread $cfg $m) $(ratio "$v" "$off")"
	done
done
