# SPDX-License-Identifier: GPL-2.0-only
# The TCP mark in one VM: three network namespaces on veth, a client
# (cli, 10.1.0.1) calls a server (srv) that calls a backend (be) over
# IPv6 (fd00:2::/64). A tracked client's requests are marked; the
# server's and backend's threads that serve them are flagged with reason
# network and recorded by a gated session, those serving an untracked
# client are not, and nothing is marked for it. The trust list is empty
# at first: marks from loopback only are honoured, the veth peers' are
# not until lttng dt-trust adds their networks. Then: a pool server's
# flag lapses after the idle timeout, an untrusted source sets no flag,
# the rate limit holds per source (one flooding, the other served),
# retransmits under netem loss stay marked,
# checksums stay right, lttng dt-trust changes the trust list and
# dt-status shows the counters of /proc/lttng-dt/stats, and the module
# unloads clean.
# kernels: debian debug
# (the TCP mark is a loadable module only: a built-in tracer has none)
# check-kernels: debian debug
# timeout: 1500
. /lib/vmtest.sh

D=lttng-dt-ctl
# The dt commands as users type them: the lttng front first in PATH.
export PATH=/opt/lttng-dt/bin:$PATH
# iproute2's ip and tc, not busybox's (namespaces, netem), by path:
# busybox's sh prefers its applets to PATH, and "$!" of a shell function
# run in the background is a subshell, not the command.
IP=/usr/sbin/ip
TC=/usr/sbin/tc
T=/tmp/traces
P=/sys/module/lttng_dt_tcp/parameters
stat() { awk -v k="$1" '$1 == k { print $2 }' /proc/lttng-dt/stats; }
csum_errors() { $IP netns exec "$1" awk '/^Tcp:/ { if (h) print $NF; h = 1 }' /proc/net/snmp; }

netns_setup() {
	$IP netns add cli && $IP netns add srv && $IP netns add be &&
	$IP link add v-cs type veth peer name v-sc &&
	$IP link set v-cs netns cli && $IP link set v-sc netns srv &&
	$IP link add v-sb type veth peer name v-bs &&
	$IP link set v-sb netns srv && $IP link set v-bs netns be &&
	$IP -n cli addr add 10.1.0.1/24 dev v-cs &&
	$IP -n srv addr add 10.1.0.2/24 dev v-sc &&
	$IP -n srv addr add fd00:2::1/64 dev v-sb nodad &&
	$IP -n be addr add fd00:2::2/64 dev v-bs nodad &&
	for n in cli srv be; do $IP -n $n link set lo up || return 1; done &&
	$IP -n cli link set v-cs up && $IP -n srv link set v-sc up &&
	$IP -n srv link set v-sb up && $IP -n be link set v-bs up
}
check "three namespaces on veth" netns_setup
check "modprobe lttng-dt-tcp" modprobe lttng-dt-tcp
check_eq "idle timeout defaults to 1 s" "1000" cat $P/idle_timeout_ms
check_eq "trust list starts empty" "" cat $P/trust

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
lttng list -k >/tmp/list-k.txt
for e in send recv write read; do
	check "lttng list -k lists lttng_dt_mark_$e" grep -q "lttng_dt_mark_$e " /tmp/list-k.txt
done
mk() {
	lttng create g --output="$T/g" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch sched_switch,lttng_dt_flag,lttng_dt_mark_send,lttng_dt_mark_recv >/dev/null &&
	lttng enable-event -k -c ch lttng_dt_mark_write,lttng_dt_mark_read >/dev/null &&
	lttng add-context -k -c ch -t pid -t tid -t procname >/dev/null
}
check "create session g" mk
check "gate g" lttng dt-gate g on

$IP netns exec be dt-rpc serve 7000 be >/tmp/be.log 2>&1 &
S1=$!
$IP netns exec srv dt-rpc serve 6000 srv fd00:2::2 7000 >/tmp/srv.log 2>&1 &
S2=$!
$IP netns exec srv dt-rpc serve-pool 6001 pool >/tmp/pool.log 2>&1 &
S3=$!
# A server with no backend, for the loopback and rate-limit checks.
$IP netns exec srv dt-rpc serve 6002 plain >/tmp/plain.log 2>&1 &
S4=$!
check "services listen" wait_for 20 sh -c \
	'grep -q listening /tmp/be.log && grep -q listening /tmp/srv.log &&
	 grep -q listening /tmp/pool.log && grep -q listening /tmp/plain.log'

# The untracked client first: nothing is marked, nothing flagged.
check_eq "untracked client: 20 calls" "ok 20 calls" \
	$IP netns exec cli dt-rpc call 10.1.0.2 6000 untracked 20
check_eq "untracked: no mark sent" "0" stat marks_sent
check_eq "untracked: no network flag" "0" stat flags_set_network

# The trust list is empty: a marked request from 10.1.0.1 (veth, not
# loopback) is counted as untrusted and flags nobody.
check_has "dt-status: loopback only by default" \
	'^TCP mark \(lttng-dt-tcp\): loaded, trusted peers: loopback only \(default\); add networks with lttng dt-trust add$' \
	lttng dt-status
F0=$(stat flags_set_network) U0=$(stat marks_untrusted)
check_eq "default trust: tracked client from 10.1.0.1, 5 calls" "ok 5 calls" \
	tracked_call cli 10.1.0.2 6000 untrusted0 5
check "default trust: its marks are counted untrusted" sh -c \
	"[ $(stat marks_untrusted) -ge $((U0 + 5)) ]"
check_eq "default trust: no network flag set" "$F0" stat flags_set_network
# Over loopback, in the same state, marks are honoured: 127.0.0.1 (the
# server's socket is IPv6: the peer is v4-mapped), then ::1. The check
# fails where the empty list honours every source: 10.1.0.1 counted
# untrusted above is part of it.
F1=$(stat flags_set_network) U1=$(stat marks_untrusted)
check_eq "default trust: tracked client over 127.0.0.1, 5 calls" "ok 5 calls" \
	tracked_call srv 127.0.0.1 6002 loop4 5
check_eq "default trust: tracked client over ::1, 5 calls" "ok 5 calls" \
	tracked_call srv ::1 6002 loop6 5
check "default trust: loopback marks flag the readers, 10.1.0.1's did not" sh -c \
	"[ $(stat flags_set_network) -ge $((F1 + 10)) ] && [ $(stat marks_untrusted) -eq $U1 ] && [ $U1 -gt $U0 ]"
check "untrack every thread" lttng dt-untrack --all
# What a user does on a cross-host set-up: trust the peers' networks.
check "lttng dt-trust add 10.1.0.0/24 fd00:2::/64" lttng dt-trust add 10.1.0.0/24 fd00:2::/64
check_has "dt-status: loopback and 2 networks" \
	'^TCP mark \(lttng-dt-tcp\): loaded, trusted peers: loopback and 2 networks \(lttng dt-trust list\)$' \
	lttng dt-status
check "start g" lttng start g
U0=$(stat marks_untrusted) R0=$(stat marks_ratelimited)

# The tracked client waits on a FIFO until it is tracked.
mkfifo /tmp/go
$IP netns exec cli sh -c 'read x </tmp/go; exec dt-rpc call 10.1.0.2 6000 tracked 20' \
	>/tmp/cli.log 2>&1 &
C=$!
check "track the client" lttng dt-track --pid $C
echo go >/tmp/go
wait $C
check_eq "tracked client: 20 calls" "ok 20 calls" cat /tmp/cli.log
check "tracked: marks sent" sh -c "[ $(stat marks_sent) -ge 60 ]"
check "tracked: marks received" sh -c "[ $(stat marks_received) -ge 60 ]"
check "network flags set (server, backend, client per call)" sh -c \
	"[ $(stat flags_set_network) -ge 40 ]"
check "network flags cleared by the responses" sh -c \
	"[ $(stat net_cleared_response) -ge 40 ]"
check_eq "trusted: nothing ignored" "$U0 $R0" echo "$(stat marks_untrusted) $(stat marks_ratelimited)"
check_eq "no thread left flagged" "" $D list
# An untracked client while g records: its connection has no mark event.
$IP netns exec cli sh -c 'DT_RPC_SOCK=/tmp/u2.sock exec dt-rpc call 10.1.0.2 6000 untracked2 3' \
	>/tmp/u2.log 2>&1 &
U2=$!
wait $U2
check_eq "untracked client while g records: 3 calls" "ok 3 calls" cat /tmp/u2.log
UP=$(sed -n 's/^port \([0-9]*\) .*/\1/p' /tmp/u2.sock)

check "stop g" lttng stop g
check "babeltrace2 reads g" sh -c "babeltrace2 $T/g >/tmp/g.txt 2>/tmp/g.err"
has() { grep -q "$1" /tmp/g.txt; }
check "g: srv-tracked's own events" has 'sched_switch: .*procname = "srv-tracked"'
check "g: be-tracked's own events" has 'sched_switch: .*procname = "be-tracked"'
check "g: nothing of srv-untracked" sh -c '! grep -q "procname = \"srv-untracked\"" /tmp/g.txt'
check "g: nothing of be-untracked" sh -c '! grep -q "procname = \"be-untracked\"" /tmp/g.txt'
check "g: nothing of srv-untrusted0 (started before trust)" sh -c \
	'! grep -q "procname = \"srv-untrusted0\"" /tmp/g.txt'
check "g: srv-tracked flagged reason network" \
	has 'lttng_dt_flag: .*procname = "srv-tracked".*reason = ( "network" : container = 2 ), on = 1'
check "g: be-tracked flagged reason network" \
	has 'lttng_dt_flag: .*procname = "be-tracked".*reason = ( "network" : container = 2 ), on = 1'
check "g: marks sent from cli to srv:6000 (IPv4)" \
	has 'lttng_dt_mark_send: .*family = 2, sport = [0-9]*, dport = 6000'
check "g: marks received from srv by be:7000 (IPv6)" \
	has 'lttng_dt_mark_recv: .*family = 10, sport = [0-9]*, dport = 7000'
check_eq "g: every mark send has a receipt (same seq)" "" sh -c \
	"grep -o 'lttng_dt_mark_send: .*' /tmp/g.txt | sed 's/.*seq = \([0-9]*\).*/\1/' | sort -u >/tmp/s.seq;
	 grep -o 'lttng_dt_mark_recv: .*' /tmp/g.txt | sed 's/.*seq = \([0-9]*\).*/\1/' | sort -u >/tmp/r.seq;
	 grep -vxFf /tmp/r.seq /tmp/s.seq"
# The threads at the ends of the marked bytes: /tmp/g.KIND holds "TID
# SPORT DPORT SEQ LEN" of each lttng_dt_mark_KIND, in the trace's order.
for k in send write read; do
	grep "lttng_dt_mark_$k: " /tmp/g.txt |
	sed -n 's/.* tid = \([0-9]*\),.* sport = \([0-9]*\), dport = \([0-9]*\),.* seq = \([0-9]*\), len = \([0-9]*\) }.*/\1 \2 \3 \4 \5/p' >/tmp/g.$k
done
# sel KIND TID SPORT DPORT COLUMN: that column of the matching lines (TID
# - for any), one a line.
sel() {
	awk -v t="$2" -v s="$3" -v d="$4" -v c="$5" \
		'($1 == t || t == "-") && $2 == s && $3 == d { print $c }' /tmp/g.$1
}
# The tracked client's port, from its writes to 6000 (one connection);
# srv's handler of it, named after its first request.
CP=$(awk -v c=$C '$1 == c && $3 == 6000 { print $2 }' /tmp/g.write | sort -u)
ST=$(grep 'procname = "srv-tracked"' /tmp/g.txt | sed -n 's/.* tid = \([0-9]*\),.*/\1/p' | head -n 1)
echo "# tracked client: tid $C, port ${CP:-none}; its handler in srv: tid ${ST:-none}"
check_eq "g: the client's 20 writes, in its context, of 11 then 12 bytes" \
	"11 11 11 11 11 11 11 11 11 11 12 12 12 12 12 12 12 12 12 12" \
	echo $(sel write $C "$CP" 6000 5)
# Each write's seq is write_seq then: where the previous one ended.
contiguous() {
	awk -v c=$C -v p="$CP" '$1 == c && $2 == p && $3 == 6000 {
		if (n++ && $4 != (s + l) % 4294967296)
			print "write at " $4 ", expected " (s + l) % 4294967296
		s = $4; l = $5 }
		END { if (n != 20) print n + 0 " writes" }' /tmp/g.write
}
check_eq "g: the client's writes follow each other (seq = the previous seq + len)" "" contiguous
# The segment that carries a write's first byte has its seq.
unsent() {
	sel send - "$CP" 6000 4 | sort -u >/tmp/cs.seq
	sel write $C "$CP" 6000 4 | grep -vxFf /tmp/cs.seq
}
check_eq "g: each client write's first byte left in a marked segment" "" unsent
check_eq "g: srv's handler read each request: its mark_read seqs are the writes' (tid ${ST:-none})" \
	"$(sel write $C "$CP" 6000 4)" sel read "$ST" "$CP" 6000 4
check_eq "g: each of those reads copied at least its first byte" "20" sh -c \
	"awk -v t='$ST' -v p='$CP' '\$1 == t && \$2 == p && \$3 == 6000 && \$5 > 0' /tmp/g.read | wc -l"
# The marked responses, read by the client, flagged manual all along.
check_eq "g: srv's handler wrote 20 responses, in its context" "20" sh -c \
	"awk -v t='$ST' -v p='$CP' '\$1 == t && \$2 == 6000 && \$3 == p' /tmp/g.write | wc -l"
check_eq "g: the tracked client (manual) read each marked response: mark_read in its context" \
	"$(sel write "$ST" 6000 "$CP" 4)" sel read $C 6000 "$CP" 4
check_lacks "g: the untracked client's connection (port ${UP:-?}): no mark event" \
	"lttng_dt_mark_[a-z]+: .*(sport|dport) = ${UP:-unknown}," cat /tmp/g.txt
check_lacks "g: no mark_write or mark_read in the untracked client (tid $U2)" \
	"lttng_dt_mark_(write|read): .* tid = $U2," cat /tmp/g.txt
check_lacks "g: none in its handlers" \
	'lttng_dt_mark_[a-z]+: .*procname = "(srv|be)-untracked2"' cat /tmp/g.txt
check "lttng destroy g" lttng destroy g

# A pool: the thread that reads never answers, so its flag lapses (an
# 8 s timeout here, so that "before" is clearly before under emulation:
# at 3 s, a debug kernel on a host at load 14 saw it lapse before the
# check; the client holds its connection well past it).
E0=$(stat net_expired)
echo 8000 >$P/idle_timeout_ms
$IP netns exec cli sh -c 'read x </tmp/go; exec dt-rpc call 10.1.0.2 6001 tracked 1 25000' \
	>/tmp/pool-cli.log 2>&1 &
C=$!
check "track the pool's client" lttng dt-track --pid $C
echo go >/tmp/go
check "the pool's reader is flagged, network" wait_for 20 sh -c \
	"grep -q ' network@[0-9]* inherit pool-r-tracked$' /proc/lttng-dt/threads"
check "the pool's writer is not flagged" sh -c "! grep -q pool-w-tracked /proc/lttng-dt/threads"
sleep 1
check "still flagged before the timeout" grep -q "pool-r-tracked" /proc/lttng-dt/threads
check "its flag lapses after the idle timeout" wait_for 20 sh -c \
	"! grep -q pool-r-tracked /proc/lttng-dt/threads"
check "expiry counted" sh -c "[ $(stat net_expired) -gt $E0 ]"
wait $C
echo 1000 >$P/idle_timeout_ms
check_eq "pool client done" "ok 1 calls" cat /tmp/pool-cli.log
check "untrack every thread" lttng dt-untrack --all

# Trust: marks from outside the trust list set no flag, and are counted.
# call_tracked CLIENT N [BYTES [SECONDS]]: N calls by a tracked client,
# given up after SECONDS (default 600).
call_tracked() {
	$IP netns exec cli sh -c "read x </tmp/go; exec timeout ${4:-600} dt-rpc call 10.1.0.2 6000 $1 $2 0 ${3:-0}" \
		>/tmp/c.log 2>&1 &
	C=$!
	lttng dt-track --pid $C >/dev/null || { echo go >/tmp/go; wait $C; return 1; }
	echo go >/tmp/go
	wait $C
	lttng dt-untrack --all >/dev/null || return 1
	grep -q "^ok $2 calls" /tmp/c.log
}
check "trust 10.9.0.0/16 only" sh -c "echo 10.9.0.0/16 >$P/trust"
check_eq "trust list reads back" "10.9.0.0/16" cat $P/trust
check "a bad trust list is refused" sh -c "! echo 10.1.0.0/33 >$P/trust"
F0=$(stat flags_set_network) U0=$(stat marks_untrusted)
check "tracked client, untrusted" call_tracked untrusted 5
check "untrusted: marks ignored, counted" sh -c "[ $(stat marks_untrusted) -ge $((U0 + 5)) ]"
check_eq "untrusted: no network flag set" "$F0" stat flags_set_network
check "trust 10.1.0.0/24 and fd00:2::/64" sh -c "echo 10.1.0.0/24,fd00:2::/64 >$P/trust"
check_eq "trust list reads back" "10.1.0.0/24,fd00:2::/64" cat $P/trust
check "tracked client, trusted" call_tracked trusted 5
check "trusted: network flags again" sh -c "[ $(stat flags_set_network) -ge $((F0 + 10)) ]"
check "empty the trust list" sh -c "echo >$P/trust"

# The same through the TRUST_* ioctls (lttng dt-trust).
check_eq "TRUST_LIST: empty" "" $D trust-list
check_eq "TRUST_ADD 10.9.0.0/16" "0" $D trust-add 10.9.0.0/16
check_eq "TRUST_ADD again: EEXIST" "EEXIST" $D trust-add 10.9.0.0/16
check_eq "TRUST_ADD fd00:2::/64" "0" $D trust-add fd00:2::/64
check_eq "TRUST_LIST" "10.9.0.0/16
fd00:2::/64" $D trust-list
check_eq "the parameter shows the same list" "10.9.0.0/16,fd00:2::/64" cat $P/trust
check_eq "TRUST_ADD prefix 33: EINVAL" "EINVAL" $D trust-add-raw 2 10.0.0.0 33
check_eq "TRUST_ADD unknown family: EINVAL" "EINVAL" $D trust-add-raw 7 10.0.0.0 8
check_eq "TRUST_REMOVE absent: ENOENT" "ENOENT" $D trust-remove 10.1.0.0/24
F0=$(stat flags_set_network) U0=$(stat marks_untrusted)
check "tracked client, untrusted by ioctl" call_tracked untrusted2 5
check "untrusted by ioctl: marks ignored" sh -c "[ $(stat marks_untrusted) -ge $((U0 + 5)) ]"
check_eq "untrusted by ioctl: no network flag set" "$F0" stat flags_set_network
check_eq "TRUST_REMOVE 10.9.0.0/16" "0" $D trust-remove 10.9.0.0/16
check_eq "TRUST_REMOVE fd00:2::/64" "0" $D trust-remove fd00:2::/64
check_eq "TRUST_LIST: empty again" "" $D trust-list

# And as users do it, with lttng dt-trust.
L=/usr/local/bin/lttng-dt
check "lttng dt-trust add 10.9.0.0/16" $L dt-trust add 10.9.0.0/16
check_has "dt-status: one trusted network" \
	'^TCP mark \(lttng-dt-tcp\): loaded, trusted peers: loopback and 1 network \(lttng dt-trust list\)$' $L dt-status
F0=$(stat flags_set_network) U0=$(stat marks_untrusted)
check "tracked client, untrusted by dt-trust" call_tracked untrusted3 5
check "untrusted by dt-trust: marks ignored" sh -c "[ $(stat marks_untrusted) -ge $((U0 + 5)) ]"
check_eq "untrusted by dt-trust: no network flag set" "$F0" stat flags_set_network
check "lttng dt-trust add 10.1.0.0/24 fd00:2::/64" $L dt-trust add 10.1.0.0/24 fd00:2::/64
check "tracked client, trusted by dt-trust" call_tracked trusted3 5
check "trusted by dt-trust: network flags again" sh -c "[ $(stat flags_set_network) -ge $((F0 + 10)) ]"
check "lttng dt-trust remove of all three" $L dt-trust remove 10.9.0.0/16 10.1.0.0/24 fd00:2::/64
check_eq "trust list empty again" "" cat $P/trust

# Rate limit, per source: 4 new network flags a second each (burst 4).
# A tracked client in cli (10.1.0.1) floods srv's plain server; while it
# does, a tracked client in be (fd00:2::2) makes 2 calls to the same
# server, and each of them flags its handler: one source above the rate
# does not spend the other's. (The old limit, one window for the host,
# gave the flooder's handlers every flag.)
check "trust 10.1.0.0/24 and fd00:2::/64 again" lttng dt-trust add 10.1.0.0/24 fd00:2::/64
lttng create rl --output="$T/rl" >/dev/null &&
	lttng enable-event -k lttng_dt_flag >/dev/null &&
	lttng add-context -k -t procname >/dev/null &&
	lttng start rl >/dev/null
check "session rl records lttng_dt_flag" lttng list rl
R0=$(stat marks_ratelimited)
echo 4 >$P/rate_limit
rm -f /tmp/go && mkfifo /tmp/go
$IP netns exec cli sh -c 'read x </tmp/go; exec dt-rpc call 10.1.0.2 6002 flood 100000' \
	>/tmp/flood.log 2>&1 &
FL=$!
check "track the flooding client" lttng dt-track --pid $FL
t0=$(cut -d. -f1 /proc/uptime)
echo go >/tmp/go
ratelimited_past() { [ "$(stat marks_ratelimited)" -gt "$1" ]; }
check "the flood is refused flags" wait_for 60 ratelimited_past $R0
check_eq "the other source: 2 calls during the flood" "ok 2 calls" \
	tracked_call be fd00:2::1 6002 quiet 2
check "the flood was still on" kill -0 $FL
t1=$(cut -d. -f1 /proc/uptime)
kill $FL 2>/dev/null
wait $FL
echo 1000 >$P/rate_limit
check "untrack every thread" lttng dt-untrack --all
lttng stop rl >/dev/null
check "babeltrace2 reads rl" sh -c "babeltrace2 $T/rl >/tmp/rl.txt 2>/tmp/rl.err"
lttng destroy rl >/dev/null
# The network flags set on the handler named NAME, by its tid: dt-rpc
# names a handler after its first request, so that first flag has the
# name of the server.
flags_of() {
	local tid
	tid=$(grep "lttng_dt_flag: .*procname = \"$1\"" /tmp/rl.txt |
	      sed -n 's/.*{ tid = \([0-9]*\), pid = .*/\1/p' | head -n 1)
	[ -n "$tid" ] || { echo 0; return; }
	grep -c "lttng_dt_flag: .*{ tid = $tid, pid = [0-9]*, reason = ( \"network\" : container = 2 ), on = 1" /tmp/rl.txt
}
check_eq "the other source: both its calls flagged their handler" 2 flags_of plain-quiet
n=$(flags_of plain-flood)
check "the flooder: flags within its rate ($n in $((t1 - t0)) s)" sh -c \
	"[ $n -ge 4 ] && [ $n -le $((4 + 4 * (t1 - t0 + 2))) ]"

# Retransmits: 10% loss both ways on the client's link, bulk requests.
# (20% and 20 x 64 KiB did not finish in 25 min on the debug kernel: at
# that loss TCP lives on retransmit timeouts.)
check "netem loss on the client link" sh -c \
	'/usr/sbin/ip netns exec cli /usr/sbin/tc qdisc add dev v-cs root netem loss 10% &&
	 /usr/sbin/ip netns exec srv /usr/sbin/tc qdisc add dev v-sc root netem loss 10%'
rtx() { $IP netns exec "$1" awk '/^Tcp:/ { if (h) print $13; h = 1 }' /proc/net/snmp; }
X0=$(rtx cli)
lttng create r --output="$T/r" >/dev/null
lttng enable-event -k lttng_dt_mark_send,lttng_dt_mark_recv >/dev/null
lttng start r >/dev/null
# The bulk calls, bounded: on failure, where each side's TCP stands.
bulk_through_loss() {
	call_tracked bulk 20 16384 300 && return 0
	echo "client: $(cat /tmp/c.log)"
	tail -n 3 /tmp/srv.log /tmp/be.log
	for n in cli srv be; do
		echo "== $n"
		$IP netns exec $n awk '/^Tcp:/' /proc/net/snmp
		$IP netns exec $n sh -c 'cat /proc/net/tcp /proc/net/tcp6' | grep -v ' 0A '
	done
	dmesg | tail -n 20
	false
}
check "tracked client, 20 calls of 16 KiB through loss" bulk_through_loss
lttng stop r >/dev/null
check "the client retransmitted" sh -c "[ $(rtx cli) -gt $X0 ]"
check "babeltrace2 reads r" sh -c "babeltrace2 $T/r >/tmp/r.txt 2>/tmp/r.err"
# Every byte the client sent to 6000 reached the server marked: from the
# first byte the client sent (its first mark_send's seq), the received
# marked ranges cover the stream without a hole, handshake losses and
# retransmits included.
seqs() {
	grep "lttng_dt_mark_$1: .*dport = 6000" /tmp/r.txt |
	sed 's/.*seq = \([0-9]*\), len = \([0-9]*\).*/\1 \2/'
}
# Sequence numbers relative to the first sent, so a wrap cannot matter.
cover() {
	first=$(seqs send | head -n 1 | cut -d' ' -f1)
	seqs recv | awk -v f="$first" '{ print ($1 - f + 4294967296) % 4294967296, $2 }' |
	sort -n -k1,1 | awk 'BEGIN { e = 0 }
	     { if ($1 > e) print "hole at " e
	       if ($1 + $2 > e) e = $1 + $2 }
	     END { if (NR == 0) print "no receipt"; else if (e < 20 * 16384) print "covered " e }'
}
check "retransmits were sent marked (a seq sent twice)" sh -c \
	"grep 'lttng_dt_mark_send: .*dport = 6000' /tmp/r.txt | sed 's/.*seq = \([0-9]*\),.*/\1/' | sort | uniq -d | grep -q ."
check_eq "marked receipts cover all 320 KiB sent" "" cover
check "netem off" sh -c '/usr/sbin/ip netns exec cli /usr/sbin/tc qdisc del dev v-cs root &&
	/usr/sbin/ip netns exec srv /usr/sbin/tc qdisc del dev v-sc root'

for n in cli srv be; do
	check_eq "no TCP checksum errors in $n" "0" csum_errors $n
done
kill $S1 $S2 $S3 $S4 2>/dev/null

# dt-status shows the counters of /proc/lttng-dt/stats, in its order and
# names here: every mark counter is non-zero by now.
status_kv() {
	local out
	out=$($L dt-status) || { echo "dt-status exited with status $?"; return 1; }
	printf '%s\n' "$out" | awk '
	/^Flagged threads:/ { print "flagged_threads", $3 }
	/^Flags set since load:/ {
		print "flags_set_manual", $5
		print "flags_set_inherited", $7
		print "flags_set_network", $9 }
	/^Flags cleared since load:/ { print "flags_cleared", $5 }
	/^Marks since load:/ { print "marks_sent", $4; print "marks_received", $6 }
	/^Marks ignored since load:/ {
		print "marks_untrusted", $5
		print "marks_ratelimited", $8 }
	/^Network flags cleared since load:/ {
		print "net_cleared_response", $6
		print "net_expired", $10 }'
}
quiet() {
	a=$(cat /proc/lttng-dt/stats)
	sleep 1
	[ "$a" = "$(cat /proc/lttng-dt/stats)" ]
}
check "the counters settle" wait_for 20 quiet
sed 's/^/# /' /proc/lttng-dt/stats
check_eq "every mark counter is counting" "" awk \
	'$1 ~ /^(marks_|net_)/ && $2 == 0 { print $1 " is 0" }' /proc/lttng-dt/stats
check_eq "dt-status's counters are /proc/lttng-dt/stats'" "$(cat /proc/lttng-dt/stats)" status_kv
mark_kv() {
	local kv
	kv=$(status_kv) || { echo "$kv"; return 1; }
	printf '%s\n' "$kv" | grep -E '^(marks_|net_)'
}
marks_loaded=$(mark_kv)
check "lttng-dt-tcp unloads" rmmod lttng_dt_tcp
check_has "dt-status: the TCP mark is not loaded" \
	'^TCP mark \(lttng-dt-tcp\): not loaded; marking is off until a thread is tracked or a session gated \(which load lttng-dt-tcp\)$' $L dt-status
check_eq "dt-status: the mark counters stay after the unload" "$marks_loaded" mark_kv
check_eq "no network flag left" "" $D list
check_eq "TRUST_LIST without lttng-dt-tcp: ENODEV" "ENODEV" $D trust-list

# Unloading while the trust parameter is written: the writer and the
# module's exit both replace the list (a double free before, which
# KASAN reports on the debug kernel).
n=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	modprobe lttng-dt-tcp || break
	sh -c "while echo 10.$i.0.0/16 >$P/trust; do :; done" 2>/dev/null &
	w=$!
	sleep 0.2
	rmmod lttng_dt_tcp && n=$((n + 1))
	wait $w
done
check_eq "20 unloads while the trust list is written" 20 echo $n
check "lttng-dt-tcp loads again after them" modprobe lttng-dt-tcp
check_eq "its trust list starts empty" "" cat $P/trust
check "and unloads" rmmod lttng_dt_tcp

# Three loopback connections of one tracked process each (helper
# tcp-loop). tracked NAME ARGS...: tcp-loop ARGS in a process tracked
# before it starts, its output in /tmp/NAME.out, its pid in $TP. The
# standard input is /tmp/NAME.in, a FIFO the caller may open.
tracked() {
	local name=$1
	shift
	mkfifo /tmp/$name.go /tmp/$name.in
	sh -c "read x </tmp/$name.go; exec tcp-loop $* </tmp/$name.in >/tmp/$name.out 2>&1" &
	TP=$!
	check_eq "track the $name client" "0" $D track-pid $TP
	echo go >/tmp/$name.go
}
marks_sent() { awk '$1 == "marks_sent" { print $2 }' /proc/lttng-dt/stats; }

# Socket state: only a connected socket gets it, and it goes with the
# socket. A tracked client exchanges data on loopback, the server resets
# the connection, then the client writes twice on its reset socket (in
# TCP_CLOSE already: no state change will ever come to forget it).
check "lttng-dt-tcp loads for the socket checks" modprobe lttng-dt-tcp
check_eq "no socket has mark state" "0" cat $P/sockets
tracked reset reset 6500
exec 5>/tmp/reset.in
check "the client wrote on its reset socket" wait_for 20 grep -q "^reset: " /tmp/reset.out
check_eq "both writes failed" "reset: Connection reset by peer Broken pipe" cat /tmp/reset.out
check_eq "the reset socket, still open, has no mark state" "0" cat $P/sockets
echo done >&5
exec 5>&-
wait $TP
check_eq "none once it is closed" "0" cat $P/sockets

# TCP-MD5 (BGP daemons): the signature covers the reserved bits, so a
# marked segment would be dropped by the peer. A tracked process sends
# 1 MiB over a signed loopback connection: it all arrives, unmarked.
m0=$(marks_sent)
tracked md5 md5 6600 1048576
exec 5>/tmp/md5.in
exec 5>&-
wait $TP
if grep -q "^TCP_MD5SIG: Protocol not available" /tmp/md5.out; then
	# A kernel built without TCP-MD5.
	echo "# skipped: this kernel has no CONFIG_TCP_MD5SIG"
else
	check_eq "a tracked TCP-MD5 connection carries 1 MiB" "md5: 1048576 bytes" cat /tmp/md5.out
	check_eq "no segment of it was marked" "$m0" marks_sent
fi

# sendfile() queues pages without sendmsg (do_tcp_sendpages on 6.1): a
# tracked process sending a file that way marks it all the same.
head -c 262144 /dev/urandom >/tmp/sf.bin
m0=$(marks_sent)
tracked sendfile sendfile 6700 /tmp/sf.bin
exec 5>/tmp/sendfile.in
exec 5>&-
wait $TP
check_eq "a tracked sendfile() of 256 KiB arrives" "sendfile: 262144 bytes" cat /tmp/sendfile.out
m1=$(marks_sent)
check "its segments left marked (marks sent: $m0 before, $m1 after)" test "$m1" -gt "$m0"
check_eq "untrack them" "0" $D untrack-all
check "lttng-dt-tcp unloads after the socket checks" rmmod lttng_dt_tcp
