# SPDX-License-Identifier: GPL-2.0-only
# The network_header variant of net_dev_queue, net_if_rx and
# net_if_receive_skb (lttng-modules' names of the events of the kernel's
# netif_rx and netif_receive_skb tracepoints; what Trace Compass
# synchronises traces on): over
# loopback, a TCP connection over IPv4 and over IPv6, UDP datagrams and
# an ICMP ping, checked against what net-hdr knows (its ports, the ICMP
# id) and against TCP itself (the handshake's SYN, SYN-ACK and ACK with
# their seq/ack_seq); then packets too short for their headers, made
# with a raw IP socket and an AF_PACKET socket, which must give the
# "unknown" choices (the frames only where the kernel has AF_PACKET).
# A filter on the variant is refused cleanly; one on its tag works.
# timeout: 900
# check-kernels: debian
. /lib/vmtest.sh

IP=/usr/sbin/ip
T=/tmp/traces
E=net_dev_queue,net_if_receive_skb,net_if_rx

check "loopback up" $IP link set lo up
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
mk() {
	lttng create "$1" --output="$T/$1" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch "$E" >/dev/null &&
	lttng start "$1" >/dev/null
}
check "session n records $E" mk n

check_eq "TCP over IPv4" "" sh -c 'net-hdr tcp 127.0.0.1 6200 >/tmp/tcp4.txt'
check_eq "TCP over IPv6" "" sh -c 'net-hdr tcp ::1 6201 >/tmp/tcp6.txt'
check_eq "3 UDP datagrams" "" sh -c 'net-hdr udp 127.0.0.1 6202 3 >/tmp/udp.txt'
check_eq "ICMP echo" "" sh -c 'net-hdr ping 127.0.0.1 4660 >/tmp/icmp.txt'
# Short and odd packets, each marked by its IP id or its length.
check "IPv4 header only, protocol TCP (id 0x5A5A)" net-hdr short-ip 127.0.0.1 23130 0
check "IPv4 and 10 bytes of TCP (id 0x5A5B)" net-hdr short-ip 127.0.0.1 23131 10
# Short frames need AF_PACKET, which our debug kernel leaves out.
if net-hdr short-frame lo 0x0800 10 >/tmp/frame4.txt 2>&1 ||
	! grep -q 'Address family not supported' /tmp/frame4.txt; then
	FRAMES=yes
	check_eq "a frame with 10 bytes of IPv4" "short-frame 24 bytes" cat /tmp/frame4.txt
	check "a frame with 33 bytes of IPv6" net-hdr short-frame lo 0x86DD 33
else
	FRAMES=no
	echo "# skipped: short frames: this kernel has no AF_PACKET (CONFIG_PACKET)"
fi
sleep 1
lttng stop n >/dev/null
check "babeltrace2 reads n" pipe_sh "babeltrace2 $T/n >/tmp/n.txt 2>/tmp/n.err"
check_eq "babeltrace2 said nothing" "" cat /tmp/n.err
P4=$(sed -n 's/^tcp client_port //p' /tmp/tcp4.txt)
P6=$(sed -n 's/^tcp client_port //p' /tmp/tcp6.txt)
U=$(sed -n 's/^udp source_port //p' /tmp/udp.txt)
G=$(sed -n 's/^icmp gateway //p' /tmp/icmp.txt)
check "net-hdr gave its ports and ICMP id" test -n "$P4" -a -n "$P6" -a -n "$U" -a -n "$G"

# One line per event, arrays without their indexes.
sed 's/\[[0-9]*\] = //g' /tmp/n.txt >/tmp/n.flat
ev() { grep " $1: " /tmp/n.flat; }
q() { ev net_dev_queue; }
A4='saddr = [ 127, 0, 0, 1 ], daddr_padding = { }, daddr = [ 127, 0, 0, 1 ]'
A6='saddr = [ 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1 ], daddr_padding = { }, daddr = [ 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x1 ]'
TCP='transport_header_type = ( "_tcp" : container = 1 ), transport_header = { { '

# seg FROM TO FLAGS: "seq ack_seq" of the first segment queued FROM -> TO
# (ports) with these TCP flags.
seg() {
	q | grep -F "${TCP}source_port = $1, dest_port = $2, " | grep -F ", flags = $3, " |
		head -n 1 | sed 's/.* seq = \([0-9]*\), ack_seq = \([0-9]*\), .*/\1 \2/'
}
inc() { echo $((($1 + 1) & 0xFFFFFFFF)); }
# handshake CLIENT_PORT SERVER_PORT: the three segments agree with each
# other as TCP requires.
handshake() {
	set -- "$1" "$2" $(seg "$1" "$2" 0x2) $(seg "$2" "$1" 0x12) $(seg "$1" "$2" 0x10)
	echo "SYN $3 $4, SYN-ACK $5 $6, ACK $7 $8" >&2
	[ -n "$3" ] && [ "$4" = 0 ] && [ "$6" = "$(inc "$3")" ] &&
		[ "$7" = "$(inc "$3")" ] && [ "$8" = "$(inc "$5")" ]
}
check "IPv4 handshake: SYN, SYN-ACK acking SYN+1, ACK acking SYN-ACK+1" handshake "$P4" 6200
check "IPv6 handshake: SYN, SYN-ACK acking SYN+1, ACK acking SYN-ACK+1" handshake "$P6" 6201
SYN4=$(seg "$P4" 6200 0x2 | cut -d' ' -f1)
check_eq "the IPv4 SYN in each of the three events, once" "1 1 1" sh -c \
	"for e in net_dev_queue net_if_rx net_if_receive_skb; do grep -F \" \$e: \" /tmp/n.flat | grep -cF 'source_port = $P4, dest_port = 6200, seq = $SYN4, ack_seq = 0, '; done | tr '\n' ' ' | sed 's/ \$//'"
check "the IPv4 SYN's addresses, protocol, header lengths" sh -c \
	"grep -F 'source_port = $P4, dest_port = 6200, seq = $SYN4, ' /tmp/n.flat | grep -F 'network_header_type = ( \"_ipv4\" : container = 1 ), network_header = { { version = 4, ihl = 5, ' | grep -F 'protocol = ( \"_tcp\" : container = 6 ), ' | grep -F '$A4, ' | grep -qF 'data_offset = 10, reserved = 0, flags = 0x2, '"
check "the IPv6 SYN's addresses and next header" sh -c \
	"grep -F 'source_port = $P6, dest_port = 6201, ' /tmp/n.flat | grep -F ', flags = 0x2, ' | grep -F 'network_header_type = ( \"_ipv6\" : container = 2 ), network_header = { { version = 6, ' | grep -F 'nexthdr = ( \"_tcp\" : container = 6 ), hop_limit = 64, ' | grep -qF '$A6, '"
# The client's 10 bytes: IP total length 62 (20 + 20 + 12 of timestamp
# option + 10), right after the SYN's sequence number, PSH+ACK.
check "the client's 10 bytes: seq SYN+1, PSH+ACK, IP tot_len 62" sh -c \
	"grep ' net_dev_queue: ' /tmp/n.flat | grep -F 'tot_len = 62, ' | grep -F 'source_port = $P4, dest_port = 6200, seq = $(inc "$SYN4"), ' | grep -qF ', flags = 0x18, '"

UDP='transport_header_type = ( "_udp" : container = 2 ), transport_header = { { '
check_eq "3 UDP datagrams queued, 100 bytes each, from net-hdr's port" "3" sh -c \
	"grep ' net_dev_queue: ' /tmp/n.flat | grep -F 'protocol = ( \"_udp\" : container = 17 ), ' | grep -cF '$A4, ${UDP}source_port = $U, dest_port = 6202, len = 108, '"
check_eq "... and received" "3" sh -c \
	"grep ' net_if_receive_skb: ' /tmp/n.flat | grep -cF '${UDP}source_port = $U, dest_port = 6202, len = 108, '"

ICMP='transport_header_type = ( "_icmp" : container = 3 ), transport_header = { { '
check_eq "the echo request, once per event" "3" sh -c \
	"grep -F '${ICMP}type = 8, code = 0, ' /tmp/n.flat | grep -cF ', gateway = $G } '"
check_eq "the echo reply, once per event" "3" sh -c \
	"grep -F '${ICMP}type = 0, code = 0, ' /tmp/n.flat | grep -cF ', gateway = $G } '"

# --- Short and odd packets -------------------------------------------------
NONE_TH='transport_header_type = ( "_unknown" : container = 0 ), transport_header = { { } } } } }'
short_ip() {
	grep -F "id = $1, " /tmp/n.flat | grep -F 'protocol = ( "_tcp" : container = 6 ), ' >/tmp/short.txt
	n=$(grep -c . /tmp/short.txt)
	none=$(grep -cF "$NONE_TH" /tmp/short.txt)
	echo "$n events, $none without a transport header" >&2
	[ "$n" -ge 3 ] && [ "$n" = "$none" ]
}
check "IPv4 header only: TCP named, no TCP header read (each event)" short_ip 0x5A5A
check "10 bytes of TCP: no TCP header read (each event)" short_ip 0x5A5B
NONE_NH='network_header_type = ( "_unknown" : container = 0 ), network_header = { { } } }'
short_frame() {
	q | grep -F "len = $1, name = \"lo\", " >/tmp/qf.txt
	grep -E ' net_if_(rx|receive_skb): ' /tmp/n.flat | grep -F "len = $2, name = \"lo\", " >/tmp/rf.txt
	echo "queued: $(grep -c . /tmp/qf.txt), $(grep -cF "$NONE_NH" /tmp/qf.txt) unknown; received: $(grep -c . /tmp/rf.txt), $(grep -cF "$NONE_NH" /tmp/rf.txt) unknown" >&2
	[ "$(grep -c . /tmp/qf.txt)" -ge 1 ] && [ "$(grep -c . /tmp/rf.txt)" -ge 2 ] &&
		[ "$(grep -vcF "$NONE_NH" /tmp/qf.txt)" = 0 ] && [ "$(grep -vcF "$NONE_NH" /tmp/rf.txt)" = 0 ]
}
if [ "$FRAMES" = yes ]; then
	check "a frame with 10 bytes of IPv4: no IP header read" short_frame 24 10
	check "a frame with 33 bytes of IPv6: no IP header read" short_frame 47 33
fi

# --- Metadata: the variant's layout in the three events --------------------
check "babeltrace2 prints n's metadata" pipe_sh "babeltrace2 -o ctf-metadata $T/n/kernel >/tmp/n.meta"
check_eq "a network_header variant per event" "3" grep -c 'variant <_network_header_type> {' /tmp/n.meta
check_eq "a transport_header variant per IP version per event" "6" grep -c 'variant <_transport_header_type> {' /tmp/n.meta
# Each event's fields block, without its name and id: all three the same.
fields_of() { awk -v n="\"$1\";" '$1 == "name" && $3 == n { f = 1 } f && /^};/ { exit } f && !/name =|id =/' /tmp/n.meta; }
for n in net_if_rx net_if_receive_skb; do
	fields_of net_dev_queue >/tmp/f.queue
	fields_of "$n" >/tmp/f.other
	check "$n: the same fields as net_dev_queue" sh -c \
		'grep -q "} _network_header;" /tmp/f.queue && cmp -s /tmp/f.queue /tmp/f.other'
done
check "the TCP header's fields, in upstream's order" sh -c \
	"tr -d '\n\t' </tmp/n.meta | grep -q '_source_port;integer { size = 16; align = 8; signed = 0; encoding = none; base = 10; byte_order = be; } _dest_port;integer { size = 32; align = 8; signed = 0; encoding = none; base = 10; byte_order = be; } _seq;integer { size = 32; align = 8; signed = 0; encoding = none; base = 10; byte_order = be; } _ack_seq;integer { size = 4; align = 4; signed = 0; encoding = none; base = 10; byte_order = be; } _data_offset;integer { size = 3; align = 1; signed = 0; encoding = none; base = 10; byte_order = be; } _reserved;integer { size = 9; align = 1; signed = 0; encoding = none; base = 16; byte_order = be; } _flags;'"
lttng destroy n >/dev/null

# --- Filters ---------------------------------------------------------------
mkf() {
	lttng create "$1" --output="$T/$1" >/dev/null &&
	lttng enable-channel -k ch >/dev/null &&
	lttng enable-event -k -c ch net_dev_queue --filter "$2" >/dev/null &&
	lttng start "$1" >/dev/null
}
check "a filter on the tag: network_header_type == 2 (IPv6)" mkf f6 'network_header_type == 2'
check_eq "TCP over IPv6 and IPv4" "" sh -c 'net-hdr tcp ::1 6203 >/dev/null && net-hdr tcp 127.0.0.1 6204 >/dev/null'
lttng stop f6 >/dev/null
check "babeltrace2 reads f6" pipe_sh "babeltrace2 $T/f6 >/tmp/f6.txt"
check_has "IPv6 packets kept" '"_ipv6" : container = 2' cat /tmp/f6.txt
check_lacks "nothing else kept" 'container = [01] \), network_header =' cat /tmp/f6.txt
lttng destroy f6 >/dev/null
check "a filter on the variant itself is accepted by the CLI" mkf fv 'network_header == 1'
check_eq "ICMP echo under it" "" sh -c 'net-hdr ping 127.0.0.1 4661 >/dev/null'
lttng stop fv >/dev/null
check_lacks "... and refused by the tracer: no event recorded" 'net_dev_queue' babeltrace2 "$T/fv"
lttng destroy -a >/dev/null
