# SPDX-License-Identifier: GPL-2.0-only
# The kernel's socket and TCP tracepoints, recorded by lttng-probe-sock:
# inet_sock_set_state, tcp_retransmit_skb, tcp_probe and
# tcp_rcv_space_adjust, with the kernel's field names in the kernel's
# order. Two namespaces on veth; a client makes requests to a server
# over IPv4 (10.3.0.1 -> 10.3.0.2:6100) and over IPv6 (fd00:3::1 ->
# fd00:3::2:6101), then pushes a large request over a lossy link
# (netem) so that segments are retransmitted. The fields are checked
# against what the test knows of each connection: addresses, ports,
# family, states, request sizes.
# timeout: 900
. /lib/vmtest.sh

IP=/usr/sbin/ip
TC=/usr/sbin/tc
T=/tmp/traces
E=inet_sock_set_state,tcp_retransmit_skb,tcp_probe,tcp_rcv_space_adjust

netns_setup() {
	$IP netns add a && $IP netns add b &&
	netns_link a 10.3.0.1/24 b 10.3.0.2/24 &&
	$IP -n a addr add fd00:3::1/64 dev v-a-b nodad &&
	$IP -n b addr add fd00:3::2/64 dev v-b-a nodad &&
	$IP -n a link set lo up && $IP -n b link set lo up
}
check "two namespaces on veth" netns_setup

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
for e in inet_sock_set_state tcp_retransmit_skb tcp_probe tcp_rcv_space_adjust; do
	check "lttng list -k lists $e" sh -c "lttng list -k | grep -q '^ *$e '"
done
mk() {
	lttng create t --output="$T/t" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch "$E" >/dev/null &&
	lttng add-context -k -c ch -t tid >/dev/null &&
	lttng start t >/dev/null
}
check "session t records the four events" mk

$IP netns exec b dt-rpc serve 6100 srv4 >/tmp/srv4.log 2>&1 &
S4=$!
$IP netns exec b dt-rpc serve 6101 srv6 >/tmp/srv6.log 2>&1 &
S6=$!
check "servers listen" wait_for 20 sh -c 'grep -q listening /tmp/srv4.log && grep -q listening /tmp/srv6.log'
# 5 requests of 1006 bytes ("cN I " + 1000 bytes + '\n') over IPv4, then
# over IPv6; each client writes its local port and socket cookie.
check_eq "5 calls over IPv4" "ok 5 calls" \
	env DT_RPC_SOCK=/tmp/c4.sock $IP netns exec a dt-rpc call 10.3.0.2 6100 c4 5 0 1000
check_eq "5 calls over IPv6" "ok 5 calls" \
	env DT_RPC_SOCK=/tmp/c6.sock $IP netns exec a dt-rpc call fd00:3::2 6101 c6 5 0 1000
# The server logs "served" once the client has closed.
check "servers saw both clients close" wait_for 30 sh -c \
	'grep -q "^served c4 5" /tmp/srv4.log && grep -q "^served c6 5" /tmp/srv6.log'
sleep 1
lttng stop t >/dev/null
check "babeltrace2 reads t" sh -c "babeltrace2 $T/t >/tmp/t.txt 2>/tmp/t.err"
P4=$(sed -n 's/^port \([0-9]*\) .*/\1/p' /tmp/c4.sock)
P6=$(sed -n 's/^port \([0-9]*\) .*/\1/p' /tmp/c6.sock)
C4=$(sed -n 's/.* cookie \([0-9]*\)$/\1/p' /tmp/c4.sock)

# One line per event, arrays without their indexes:
# "saddr = [ 0xA, 0x3, 0x0, 0x1 ]".
sed 's/\[[0-9]*\] = //g' /tmp/t.txt >/tmp/t.flat
ev() { grep " $1: " /tmp/t.flat; }
# The payload's field names, in order.
names() {
	ev "$1" | head -n 1 | sed 's/^.* '"$1"': { [^}]* }, { [^}]* }, { //; s/ }$//' |
		sed 's/ \[[^]]*\]//g; s/ =[^,]*//g; s/,//g'
}
check_eq "inet_sock_set_state: the kernel's fields, in its order" \
	"skaddr oldstate newstate sport dport family protocol saddr daddr saddr_v6 daddr_v6" \
	names inet_sock_set_state
check_eq "tcp_probe: the kernel's fields, in its order" \
	"saddr daddr sport dport family mark data_len snd_nxt snd_una snd_cwnd ssthresh snd_wnd srtt rcv_wnd sock_cookie" \
	names tcp_probe
check_eq "tcp_rcv_space_adjust: the kernel's fields, in its order" \
	"skaddr sport dport family saddr daddr saddr_v6 daddr_v6 sock_cookie" \
	names tcp_rcv_space_adjust

# Addresses as the arrays print: a4 10.3.0.1, mapped 10.3.0.1
# (::ffff:10.3.0.1, the form the kernel stores for IPv4), v6 N (fd00:3::N).
hex() { for b; do printf ', 0x%X' "$b"; done; }
a4() { echo "[ $(hex $(echo "$1" | tr . ' ') | cut -c3-) ]"; }
mapped() { echo "[ $(hex 0 0 0 0 0 0 0 0 0 0 255 255 $(echo "$1" | tr . ' ') | cut -c3-) ]"; }
v6() { echo "[ $(hex 253 0 0 3 0 0 0 0 0 0 0 0 0 0 0 "$1" | cut -c3-) ]"; }

# --- inet_sock_set_state ---------------------------------------------------
# TCP states: 1 ESTABLISHED, 2 SYN_SENT, 3 SYN_RECV, 4 FIN_WAIT1,
# 5 FIN_WAIT2, 7 CLOSE, 8 CLOSE_WAIT, 9 LAST_ACK, 10 LISTEN.
# A socket's address from one of its transitions; then all its
# transitions, in order, as "OLD>NEW".
sk_of() { ev inet_sock_set_state | grep -F "$1" | head -n 1 | sed 's/.*skaddr = \(0x[0-9A-F]*\),.*/\1/'; }
states() {
	ev inet_sock_set_state | grep "skaddr = $1, " | grep -E "$2" |
		sed 's/.*oldstate = \([0-9]*\), newstate = \([0-9]*\),.*/\1>\2/' | head -n 5 | tr '\n' ' '
}
has() { ev inet_sock_set_state | grep -F "$1" | grep -qF "$2"; }
SK4=$(sk_of "newstate = 1, sport = $P4, dport = 6100, ")
check_eq "IPv4 client socket: CLOSE, SYN_SENT, ESTABLISHED, FIN_WAIT1, FIN_WAIT2, CLOSE" \
	"7>2 2>1 1>4 4>5 5>7 " states "$SK4" "dport = 6100, family = 2, protocol = 6, "
check "IPv4 client socket's addresses" has "skaddr = $SK4, oldstate = 2, newstate = 1, sport = $P4, dport = 6100, " \
	"saddr = $(a4 10.3.0.1), daddr = $(a4 10.3.0.2), saddr_v6 = $(mapped 10.3.0.1), daddr_v6 = $(mapped 10.3.0.2) }"
# The server's child of its dual-stack listener is an AF_INET6 socket
# with v4-mapped addresses. It enters SYN_RECV as a copy of the listener,
# before its peer's port is set.
SV4=$(sk_of "newstate = 1, sport = 6100, dport = $P4, ")
check_eq "server's IPv4 connection: LISTEN, SYN_RECV, ESTABLISHED, CLOSE_WAIT, LAST_ACK, CLOSE" \
	"10>3 3>1 1>8 8>9 9>7 " states "$SV4" "sport = 6100, dport = (0|$P4), family = 10, protocol = 6, "
check "server's IPv4 connection's addresses" has "skaddr = $SV4, oldstate = 3, newstate = 1, " \
	"saddr = $(a4 10.3.0.2), daddr = $(a4 10.3.0.1), saddr_v6 = $(mapped 10.3.0.2), daddr_v6 = $(mapped 10.3.0.1) }"
SK6=$(sk_of "newstate = 1, sport = $P6, dport = 6101, ")
check_eq "IPv6 client socket: CLOSE, SYN_SENT, ESTABLISHED, FIN_WAIT1, FIN_WAIT2, CLOSE" \
	"7>2 2>1 1>4 4>5 5>7 " states "$SK6" "dport = 6101, family = 10, protocol = 6, "
check "IPv6 client socket's addresses" has "skaddr = $SK6, oldstate = 2, newstate = 1, sport = $P6, dport = 6101, " \
	"saddr_v6 = $(v6 1), daddr_v6 = $(v6 2) }"
check_eq "each server listens once (CLOSE -> LISTEN)" "2" sh -c \
	"grep ' inet_sock_set_state: ' /tmp/t.flat | grep -c 'oldstate = 7, newstate = 10, sport = 610[01], dport = 0, family = 10, protocol = 6, '"

# --- tcp_probe: one per segment received on an established socket -------
# tcp_probe fires in the established fast path only (tcp_rcv_established):
# the server sees each 1006-byte request in one segment there, except the
# first when it overtakes the handshake's last ACK on the other CPU and
# completes the handshake itself. On failure, the segments it did see:
# "data_len snd_nxt snd_una".
requests_at() {
	grep ' tcp_probe: ' /tmp/t.flat | grep "sport = $1, dport = $2, family = 10, mark = 0x0, " |
		sed 's/.*data_len = \([0-9]*\), snd_nxt = \([0-9A-Fx]*\), snd_una = \([0-9A-Fx]*\),.*/\1 \2 \3/' >/tmp/req.txt
	n=$(grep -c '^1006 ' /tmp/req.txt)
	other=$(grep -vc '^1006 \|^0 ' /tmp/req.txt)
	[ "$n" -ge 4 ] && [ "$n" -le 5 ] && [ "$other" = 0 ] ||
		{ echo "$n requests of 1006 bytes; segments:"; cat /tmp/req.txt; false; }
}
check "tcp_probe: the IPv4 requests, 1006 bytes each, at the server" requests_at 6100 "$P4"
check "tcp_probe: the IPv6 requests, 1006 bytes each, at the server" requests_at 6101 "$P6"
# saddr/daddr are a sockaddr_in or sockaddr_in6 in 28 bytes: family
# (host order), port (network order), address.
pb() { hex $(($1 >> 8)) $(($1 & 255)); }
sin() { echo "[ 0x2, 0x0$(pb $1)$(hex $(echo "$2" | tr . ' ') 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0) ]"; }
sin6() { echo "[ 0xA, 0x0$(pb $1)$(hex 0 0 0 0 $2 0 0 0 0) ]"; }
check "tcp_probe: the IPv4 client's sockaddr_in addresses" sh -c \
	"grep ' tcp_probe: ' /tmp/t.flat | grep -qF '{ saddr = $(sin $P4 10.3.0.1), daddr = $(sin 6100 10.3.0.2), sport = $P4, dport = 6100, family = 2, '"
check "tcp_probe: the server's sockaddr_in6 addresses (v4-mapped)" sh -c \
	"grep ' tcp_probe: ' /tmp/t.flat | grep -qF '{ saddr = $(sin6 6100 "0 0 0 0 0 0 0 0 0 0 255 255 10 3 0 2"), daddr = $(sin6 $P4 "0 0 0 0 0 0 0 0 0 0 255 255 10 3 0 1"), sport = 6100, '"
check "tcp_probe: the IPv6 server's sockaddr_in6 addresses" sh -c \
	"grep ' tcp_probe: ' /tmp/t.flat | grep -qF '{ saddr = $(sin6 6101 "253 0 0 3 0 0 0 0 0 0 0 0 0 0 0 2"), daddr = $(sin6 $P6 "253 0 0 3 0 0 0 0 0 0 0 0 0 0 0 1"), sport = 6101, '"
# The socket cookie is the one getsockopt(SO_COOKIE) read after the
# calls: the probe made it when the first response arrived.
C4HEX=$(printf '0x%X' "${C4:-0}")
cookies() { grep ' tcp_probe: ' /tmp/t.flat | grep "sport = $P4, dport = 6100, " | sed 's/.*sock_cookie = \(0x[0-9A-F]*\) }$/\1/' | sort -u; }
check_eq "tcp_probe: the IPv4 client's sock_cookie is its SO_COOKIE" "$C4HEX" cookies
check "the cookie is not 0" test "${C4:-0}" -ne 0
check_lacks "tcp_probe: snd_cwnd never 0" 'sport = 610[01], .*snd_cwnd = 0,' \
	grep ' tcp_probe: ' /tmp/t.flat
srtt_ok() { grep ' tcp_probe: ' /tmp/t.flat | grep "sport = 6100, dport = $P4, " | tail -n 1 | grep -qv 'srtt = 0,'; }
check "tcp_probe: the server has an RTT estimate by its last segment" srtt_ok

# --- tcp_rcv_space_adjust: once per chunk copied to the reader ----------
# dt-rpc reads a byte at a time: 5 requests of 1006 bytes, 5030 reads.
check_eq "tcp_rcv_space_adjust: one per byte the IPv4 server read" "5030" sh -c \
	"grep ' tcp_rcv_space_adjust: ' /tmp/t.flat | grep -cF 'skaddr = $SV4, sport = 6100, dport = $P4, family = 10, saddr = $(a4 10.3.0.2), daddr = $(a4 10.3.0.1), saddr_v6 = $(mapped 10.3.0.2), daddr_v6 = $(mapped 10.3.0.1), sock_cookie = 0x'"
check_eq "tcp_rcv_space_adjust: the client's cookie is its SO_COOKIE" "$C4HEX" sh -c \
	"grep ' tcp_rcv_space_adjust: ' /tmp/t.flat | grep 'sport = $P4, dport = 6100, ' | sed 's/.*sock_cookie = \(0x[0-9A-F]*\) }$/\1/' | sort -u"
check_eq "nothing was lost" "" grep -i "discarded\|lost" /tmp/t.err

# --- tcp_retransmit_skb: a lossy link --------------------------------------
mkr() {
	lttng create r --output="$T/r" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch tcp_retransmit_skb >/dev/null &&
	lttng start r >/dev/null
}
check "session r records tcp_retransmit_skb" mkr
# Both ends count: netem drops a's data and a's ACKs, so b may resend its
# reply too.
rtx1() { $IP netns exec "$1" awk '/^Tcp:/ { if (h) print $13; h = 1 }' /proc/net/snmp; }
rtx() { echo $(($(rtx1 a) + $(rtx1 b))); }
X0=$(rtx)
check "netem: 20 ms and 10% loss from a" \
	$IP netns exec a $TC qdisc add dev v-a-b root netem delay 20ms loss 10%
echo go >/tmp/go.txt
check "a 512 KiB request over the lossy link" sh -c \
	"$IP netns exec a dt-rpc push 10.3.0.2 6100 rtx 262144 262144 </tmp/go.txt | grep -q '^ok pushed'"
X1=$(rtx)
lttng stop r >/dev/null
check "babeltrace2 reads r" pipe_sh "babeltrace2 $T/r 2>/tmp/r.err | sed 's/\[[0-9]*\] = //g' >/tmp/r.flat"
N=$(grep -c ' tcp_retransmit_skb: ' /tmp/r.flat)
# A retransmitted skb can carry several segments (TSO), and the counter
# counts segments.
check "retransmits recorded: 1 <= $N <= $((X1 - X0)) segments retransmitted" \
	sh -c "[ $N -ge 1 ] && [ $N -le $((X1 - X0)) ]"
# The push is the only connection between a and b in this phase; b's end
# is the v4-mapped IPv6 server socket.
check_eq "every retransmit is the lossy connection's, either way, with its addresses" "$N" sh -c \
	"grep ' tcp_retransmit_skb: ' /tmp/r.flat | grep -cF -e 'dport = 6100, family = 2, saddr = $(a4 10.3.0.1), daddr = $(a4 10.3.0.2), saddr_v6 = $(mapped 10.3.0.1), daddr_v6 = $(mapped 10.3.0.2) }' -e 'family = 10, saddr = $(a4 10.3.0.2), daddr = $(a4 10.3.0.1), saddr_v6 = $(mapped 10.3.0.2), daddr_v6 = $(mapped 10.3.0.1) }'"
check "retransmits of established data (state 1)" grep -q ' tcp_retransmit_skb: .*, state = 1, ' /tmp/r.flat
kill $S4 $S6 2>/dev/null
lttng destroy -a >/dev/null
