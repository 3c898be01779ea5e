# SPDX-License-Identifier: GPL-2.0-only
# The TCP mark across machines, a three-VM chain on the harness's links
# (no checksum offload there: every checksum is computed and verified in
# software): a client on vm0 calls a server on vm1, which calls a backend
# on vm2 over its second link. A tracked client's calls cross vm0 -> vm1
# -> vm2 and back: on each VM the gated trace holds exactly the threads
# that served them (the only lttng_dt_flag events are theirs) and nothing
# of the same services serving an untracked client. Then vm1, the middle,
# unloads every lttng module: the marked calls still work with no
# checksum error, and the mark goes no further than vm1.
# vms: 3
# kernels: debian debug
# (the TCP mark is a loadable module only: a built-in tracer has none)
# timeout: 1200
. /lib/vmtest.sh

# The dt commands as users type them: the lttng front first in PATH.
export PATH=/opt/lttng-dt/bin:$PATH
T=/tmp/traces
stat() { awk -v k="$1" '$1 == k { print $2 }' /proc/lttng-dt/stats; }
csum_errors() { awk '/^Tcp:/ { if (h) print $NF; h = 1 }' /proc/net/snmp; }
reach() {
	check "$1 answers ping" sh -c \
		"i=0; until ping -c 1 -W 1 $1; do i=\$((i + 1)); [ \$i -lt 60 ] || exit 1; done"
}

case "$VM_ROLE" in
0) reach "$(link_ip 0 1)" ;;
1) reach "$(link_ip 0 0)"; reach "$(link_ip 1 2)" ;;
2) reach "$(link_ip 1 1)" ;;
esac
check "modprobe lttng-dt-tcp" modprobe lttng-dt-tcp
# Each VM trusts the links it is on, as a user does on a cross-host
# set-up (the default trusts loopback only).
case "$VM_ROLE" in
0) nets="192.0.2.0/24" ;;
1) nets="192.0.2.0/24 198.51.100.0/24" ;;
2) nets="198.51.100.0/24" ;;
esac
check "lttng dt-trust add $nets" lttng dt-trust add $nets
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
mk() {
	lttng create g --output="$T/g" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch sched_switch,lttng_dt_flag,lttng_dt_mark_send,lttng_dt_mark_recv >/dev/null &&
	lttng add-context -k -c ch -t pid -t tid -t procname >/dev/null &&
	lttng dt-gate g on >/dev/null && lttng start g >/dev/null
}
check "gated session g records" mk
read_g() {
	lttng stop g >/dev/null && babeltrace2 "$T/g" >/tmp/g.txt 2>/tmp/g.err
}
has() { grep -q "$1" /tmp/g.txt; }
hasnt() { ! grep -q "$1" /tmp/g.txt; }
# The threads g saw flagged on, as "TID REASON" (the event's own fields:
# a manual flag is recorded in the context of the thread that set it).
flagged_on() {
	grep ' lttng_dt_flag: .*on = 1' /tmp/g.txt |
	sed 's/.*{ tid = \([0-9]*\), pid = [0-9]*, reason = ( "\([a-z]*\)".*/\1 \2/' |
	sort -u
}
flagged_tids() { flagged_on | cut -d' ' -f1 | sort -u; }
# The threads g saw running as PROCNAME, as "TID REASON".
named() {
	grep "procname = \"$1\"" /tmp/g.txt |
	sed "s/.* tid = \([0-9]*\), procname = .*/\1 $2/" | sort -u
}
# The threads flagged on are exactly those named PROCNAME.
only_flagged() {
	[ -n "$(named "$1" "$2")" ] && [ "$(flagged_on)" = "$(named "$1" "$2")" ] ||
		{ echo "flagged: $(flagged_on)"; echo "$1: $(named "$1" "$2")"; false; }
}

case "$VM_ROLE" in
0)
	srv=$(link_ip 0 1)
	check_eq "untracked client: 10 calls through vm1 and vm2" "ok 10 calls" \
		dt-rpc call "$srv" 6000 untracked 10
	check_eq "untracked: nothing marked" "0 0" echo "$(stat marks_sent) $(stat marks_received)"
	mkfifo /tmp/go
	sh -c "read x </tmp/go; exec dt-rpc call $srv 6000 tracked 10" >/tmp/cli.log 2>&1 &
	C=$!
	check "track the client" lttng dt-track --pid $C
	echo go >/tmp/go
	wait $C
	check_eq "tracked client: 10 calls through vm1 and vm2" "ok 10 calls" cat /tmp/cli.log
	check_eq "tell vm1 and vm2 we are done" "ok 1 calls" dt-rpc call "$srv" 6000 done 1
	check "marks sent (the client's requests)" sh -c "[ $(stat marks_sent) -ge 10 ]"
	check "marks received (vm1's responses)" sh -c "[ $(stat marks_received) -ge 10 ]"
	check "read g" read_g
	# The client is flagged by hand, and by the network too when it reads
	# vm1's marked responses (which never removes the manual reason).
	check_eq "g: only the client was flagged" "$C" flagged_tids
	check "g: the client flagged by hand" has "lttng_dt_flag: .*{ tid = $C, pid = $C, reason = ( \"manual\""
	check "g: the tracked client's events" has "sched_switch: .*pid = $C, tid = $C, procname"
	check "g: marks from vm1 received from 6000" \
		has 'lttng_dt_mark_recv: .*sport = 6000,'

	# vm1 now runs without any lttng module, on port 6001.
	S0=$(stat marks_sent) M0=$(stat marks_received)
	sh -c "read x </tmp/go; exec dt-rpc call $srv 6001 tracked 10" >/tmp/cli2.log 2>&1 &
	C=$!
	check "track the client again" lttng dt-track --pid $C
	echo go >/tmp/go
	wait $C
	check_eq "tracked client: 10 calls through a vm1 without modules" "ok 10 calls" cat /tmp/cli2.log
	check "still marked on the way out" sh -c "[ $(stat marks_sent) -ge $((S0 + 10)) ]"
	check_eq "no mark back: vm1 did not pass it on" "$M0" stat marks_received
	check_eq "tell vm1 and vm2 we are done again" "ok 1 calls" dt-rpc call "$srv" 6001 done 1
	;;
1)
	be=$(link_ip 1 2)
	dt-rpc serve 6000 srv "$be" 7000 >/tmp/srv.log 2>&1 &
	S=$!
	check "vm0's calls served" wait_for 900 grep -q "^served done" /tmp/srv.log
	check "served the tracked and untracked clients" sh -c \
		'grep -q "^served tracked 10$" /tmp/srv.log && grep -q "^served untracked 10$" /tmp/srv.log'
	check "network flags: at least one a call" sh -c "[ $(stat flags_set_network) -ge 10 ]"
	check "cleared by the responses" sh -c "[ $(stat net_cleared_response) -ge 10 ]"
	check "marks received (requests, backend responses)" sh -c "[ $(stat marks_received) -ge 20 ]"
	check "marks sent (responses, backend requests)" sh -c "[ $(stat marks_sent) -ge 20 ]"
	check "read g" read_g
	check "g: exactly srv-tracked was flagged, by the network" only_flagged srv-tracked network
	check "g: srv-tracked's own events" has 'sched_switch: .*procname = "srv-tracked"'
	check "g: nothing of srv-untracked" hasnt 'procname = "srv-untracked"'
	check "g: marks sent to vm2's backend" has 'lttng_dt_mark_send: .*dport = 7000,'
	kill $S
	lttng destroy g >/dev/null
	kill -TERM "$(pidof lttng-sessiond)"
	check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
	unload() {
		for i in 1 2 3 4 5; do
			for m in $(awk '/^lttng/ { print $1 }' /proc/modules); do
				rmmod "$m" 2>/dev/null
			done
		done
		! grep -q '^lttng' /proc/modules
	}
	check "every lttng module unloaded" unload
	dt-rpc serve 6001 srv "$be" 7000 >/tmp/srv2.log 2>&1 &
	S=$!
	check "vm0's calls served without modules" wait_for 900 grep -q "^served done" /tmp/srv2.log
	check "served the tracked client" grep -q "^served tracked 10$" /tmp/srv2.log
	kill $S
	;;
2)
	dt-rpc serve 7000 be >/tmp/be.log 2>&1 &
	S=$!
	check "vm1's calls served" wait_for 900 grep -q "^served done" /tmp/be.log
	check "served vm1 for both clients" sh -c \
		'grep -q "^served tracked 10$" /tmp/be.log && grep -q "^served untracked 10$" /tmp/be.log'
	check "network flags: at least one a call" sh -c "[ $(stat flags_set_network) -ge 10 ]"
	check "marks received (vm1's requests)" sh -c "[ $(stat marks_received) -ge 10 ]"
	check "marks sent (the responses)" sh -c "[ $(stat marks_sent) -ge 10 ]"
	check "read g" read_g
	check "g: exactly be-tracked was flagged, by the network" only_flagged be-tracked network
	check "g: be-tracked's own events" has 'sched_switch: .*procname = "be-tracked"'
	check "g: nothing of be-untracked" hasnt 'procname = "be-untracked"'
	check "g: marks from vm1 received on 7000" has 'lttng_dt_mark_recv: .*dport = 7000,'
	M0=$(stat marks_received) F0=$(stat flags_set_network)
	check "vm1's calls without modules served" wait_for 900 sh -c \
		'[ "$(grep -c "^served done" /tmp/be.log)" -ge 2 ]'
	check "served the tracked client again" sh -c \
		'[ "$(grep -c "^served tracked 10$" /tmp/be.log)" -eq 2 ]'
	check_eq "no mark from a vm1 without modules" "$M0" stat marks_received
	check_eq "no network flag: be-tracked was not flagged" "$F0" stat flags_set_network
	kill $S
	;;
esac
check_eq "no TCP checksum errors" "0" csum_errors
