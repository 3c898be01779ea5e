# SPDX-License-Identifier: GPL-2.0-only
# The TCP mark across machines: vm0 runs a client and a backend, vm1 a
# server that calls that backend, over the harness's shared link (no
# checksum offload there: every checksum is computed and verified in
# software). A tracked client's call crosses vm0 -> vm1 -> vm0: each VM's
# gated trace holds the threads that served it and none of those that
# served an untracked client. Then vm1 unloads every lttng module: the
# marked calls still work, with no checksum error, and the mark goes no
# further.
# vms: 2
# kernels: debian debug
# timeout: 900
. /lib/vmtest.sh

D=lttng-dt-ctl
T=/tmp/traces
peer=192.0.2.$((2 - VM_ROLE))
stat() { awk -v k="$1" '$1 == k { print $2 }' /proc/lttng-dt/stats; }
csum_errors() { awk '/^Tcp:/ { if (h) print $NF; h = 1 }' /proc/net/snmp; }

check "peer $peer answers ping" sh -c \
	"i=0; until ping -c 1 -W 1 $peer; do i=\$((i + 1)); [ \$i -lt 60 ] || exit 1; done"
check "modprobe lttng-dt-tcp" modprobe lttng-dt-tcp
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
mk() {
	lttng create g --output="$T/g" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch sched_switch,lttng_dt_flag,lttng_dt_mark_send,lttng_dt_mark_recv >/dev/null &&
	lttng add-context -k -c ch -t pid -t tid -t procname >/dev/null &&
	lttng-dt-ctl gate-set g 1 >/dev/null && lttng start g >/dev/null
}
check "gated session g records" mk
read_g() {
	lttng stop g >/dev/null && babeltrace2 "$T/g" >/tmp/g.txt 2>/tmp/g.err
}
has() { grep -q "$1" /tmp/g.txt; }
hasnt() { ! grep -q "$1" /tmp/g.txt; }

if [ "$VM_ROLE" = 0 ]; then
	dt-rpc serve 7000 be >/tmp/be.log 2>&1 &
	check "backend listens" wait_for 20 grep -q listening /tmp/be.log
	check_eq "untracked client: 10 calls through vm1" "ok 10 calls" \
		dt-rpc call "$peer" 6000 untracked 10
	check_eq "untracked: nothing marked" "0 0" echo "$(stat marks_sent) $(stat marks_received)"
	mkfifo /tmp/go
	sh -c "read x </tmp/go; exec dt-rpc call $peer 6000 tracked 10" >/tmp/cli.log 2>&1 &
	C=$!
	check_eq "track the client" "0" $D track-pid $C
	echo go >/tmp/go
	wait $C
	check_eq "tracked client: 10 calls through vm1" "ok 10 calls" cat /tmp/cli.log
	check_eq "tell vm1 we are done" "ok 1 calls" dt-rpc call "$peer" 6000 done 1
	check "marks sent (the client's requests)" sh -c "[ $(stat marks_sent) -ge 10 ]"
	check "marks received (vm1's responses and requests)" sh -c "[ $(stat marks_received) -ge 20 ]"
	check "read g" read_g
	check "g: be-tracked's own events" has 'sched_switch: .*procname = "be-tracked"'
	check "g: be-tracked flagged by the network" \
		has 'lttng_dt_flag: .*procname = "be-tracked".*reason = ( "network" : container = 2 ), on = 1'
	check "g: nothing of be-untracked" hasnt 'procname = "be-untracked"'
	check "g: marks from vm1 received on 7000" \
		has 'lttng_dt_mark_recv: .*sport = [0-9]*, dport = 7000'

	# vm1 now runs without any lttng module, on port 6001.
	S0=$(stat marks_sent) M0=$(stat marks_received) F0=$(stat flags_set_network)
	sh -c "read x </tmp/go; exec dt-rpc call $peer 6001 tracked 10" >/tmp/cli2.log 2>&1 &
	C=$!
	$D track-pid $C >/dev/null
	echo go >/tmp/go
	wait $C
	check_eq "tracked client: 10 calls through vm1 without modules" "ok 10 calls" cat /tmp/cli2.log
	check "still marked on the way out" sh -c "[ $(stat marks_sent) -ge $((S0 + 10)) ]"
	check_eq "no mark back: vm1 did not pass it on" "$M0" stat marks_received
	check_eq "no network flag: the backend was not flagged" "$F0" stat flags_set_network
	check_eq "tell vm1 we are done again" "ok 1 calls" dt-rpc call "$peer" 6001 done 1
else
	dt-rpc serve 6000 srv 192.0.2.1 7000 >/tmp/srv.log 2>&1 &
	S=$!
	check "vm0's calls served" wait_for 600 grep -q "^served done" /tmp/srv.log
	check "served the tracked and untracked clients" sh -c \
		'grep -q "^served tracked 10$" /tmp/srv.log && grep -q "^served untracked 10$" /tmp/srv.log'
	check "network flags: at least one a call" sh -c "[ $(stat flags_set_network) -ge 10 ]"
	check "cleared by the responses" sh -c "[ $(stat net_cleared_response) -ge 10 ]"
	check "marks received (the requests)" sh -c "[ $(stat marks_received) -ge 10 ]"
	check "marks sent (responses, backend requests)" sh -c "[ $(stat marks_sent) -ge 20 ]"
	check "read g" read_g
	check "g: srv-tracked's own events" has 'sched_switch: .*procname = "srv-tracked"'
	check "g: srv-tracked flagged by the network" \
		has 'lttng_dt_flag: .*procname = "srv-tracked".*reason = ( "network" : container = 2 ), on = 1'
	check "g: nothing of srv-untracked" hasnt 'procname = "srv-untracked"'
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
	dt-rpc serve 6001 srv 192.0.2.1 7000 >/tmp/srv2.log 2>&1 &
	S=$!
	check "vm0's calls served without modules" wait_for 600 grep -q "^served done" /tmp/srv2.log
	check "served the tracked client" grep -q "^served tracked 10$" /tmp/srv2.log
	kill $S
fi
check_eq "no TCP checksum errors" "0" csum_errors
