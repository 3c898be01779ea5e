# SPDX-License-Identifier: GPL-2.0-only
# The README's quick start, typed on three VMs: a client (vm0) calls a
# front tier (vm1), which calls a back tier (vm2); vm1 also collects the
# traces with the stock lttng-relayd. Every host runs lttng-sessiond,
# dt-trust add, dt-create --set-url and start; the client is tracked;
# then stop and destroy, and lttng-dt-flows on the relayd's tree. The
# tracked request's handlers are recorded on every tier, the untracked
# request's on none, and the tracked request is one chain of spans
# across the three hosts.
# vms: 3
# kernels: debian debug
# (the TCP mark is a loadable module only: a built-in tracer has none)
# timeout: 1200
. /lib/vmtest.sh

export PATH=/opt/lttng-dt/bin:$PATH
export HOME=/root
mkdir -p $HOME
reach() {
	check "$1 answers ping" sh -c \
		"i=0; until ping -c 1 -W 1 $1; do i=\$((i + 1)); [ \$i -lt 60 ] || exit 1; done"
}
# The collector's address as each host sees it, and the networks of the
# hosts that send it requests (responses count as such too).
case "$VM_ROLE" in
0) collector=$(link_ip 0 1); nets="192.0.2.0/24"; reach "$collector" ;;
1) collector=127.0.0.1; nets="192.0.2.0/24 198.51.100.0/24"
   reach "$(link_ip 0 0)"; reach "$(link_ip 1 2)" ;;
2) collector=$(link_ip 1 1); nets="198.51.100.0/24"; reach "$collector" ;;
esac

# --- The quick start -------------------------------------------------------
if [ "$VM_ROLE" = 1 ]; then
	check "lttng-relayd --daemonize" lttng-relayd --daemonize
else
	check "the collector's relayd listens" wait_for 180 sh -c \
		"nc -w 2 $collector 5342 </dev/null"
fi
check "lttng-sessiond --daemonize" lttng-sessiond --daemonize
check "lttng dt-trust add $nets" lttng dt-trust add $nets
check "lttng dt-create web --set-url=net://$collector" sh -c \
	"lttng dt-create web --set-url=net://$collector >/tmp/create.out 2>&1"
sed 's/^/# /' /tmp/create.out
check_lacks "dt-create gives no warning" '^Warning' cat /tmp/create.out
check "lttng start" lttng start
check_has "dt-status: marking is on, the peers trusted" \
	'^TCP mark \(lttng-dt-tcp\): loaded, trusted peers: loopback and [12] networks? ' lttng dt-status

# --- The requests ----------------------------------------------------------
# sync_to_collector WHAT: tell vm1 this host is done (after its destroy).
sync_to_collector() {
	dt-rpc call "$collector" 6100 "$1" 1
}
case "$VM_ROLE" in
0)
	front=$(link_ip 0 1)
	check_eq "an untracked request through vm1 and vm2" "ok 3 calls" \
		dt-rpc call "$front" 6000 untracked 3
	# tracked_call: lttng dt-track --pid of the client before its first byte.
	check_eq "the tracked request through vm1 and vm2" "ok 3 calls" \
		tracked_call - "$front" 6000 tracked 3
	check_eq "tell vm1 and vm2 the requests are over" "ok 1 calls" \
		dt-rpc call "$front" 6000 done 1
	check "lttng stop && lttng destroy" sh -c "lttng stop && lttng destroy"
	check_eq "tell the collector vm0's trace is in" "ok 1 calls" sync_to_collector vm0
	;;
1)
	dt-rpc serve 6100 sync >/tmp/sync.log 2>&1 &
	dt-rpc serve 6000 front "$(link_ip 1 2)" 7000 >/tmp/front.log 2>&1 &
	S=$!
	check "vm0's requests served" wait_for 900 grep -q "^served done" /tmp/front.log
	kill $S
	check "lttng stop && lttng destroy" sh -c "lttng stop && lttng destroy"
	check "vm0 and vm2 destroyed their sessions" wait_for 600 sh -c \
		'grep -q "^served vm0 1$" /tmp/sync.log && grep -q "^served vm2 1$" /tmp/sync.log'
	check "lttng-dt-flows ~/lttng-traces" sh -c \
		"lttng-dt-flows ~/lttng-traces >/tmp/flows.txt 2>/tmp/flows.err"
	grep -v '^    +' /tmp/flows.txt | sed 's/^/# /'
	sed 's/^/# /' /tmp/flows.err
	check_eq "the relayd wrote a folder per host" "vm0
vm1
vm2" sh -c 'ls ~/lttng-traces'
	check_eq "flows: the three hosts" "vm0
vm1
vm2" sh -c 'lttng-dt-flows --hosts ~/lttng-traces | cut -d: -f1'
	# flagged_on HOST: the threads lttng-dt-flows shows flagged on HOST.
	flagged_on() {
		awk -v want="$1" '/^Host / { h = $2; sub(":", "", h) }
		     /^  thread / && h == want { sub(";", "", $6); print $5, $6 }' /tmp/flows.txt
	}
	check_eq "vm0: the tracked client only" "dt-rpc: manual,network" flagged_on vm0
	check_eq "vm1: the front's handler of the tracked request only" \
		"front-tracked: network" flagged_on vm1
	check_eq "vm2: the back tier's handler of the tracked request only" \
		"be-tracked: network" flagged_on vm2
	# One request, one chain: its spans ("  span ID HOST ...") on the
	# three hosts, linked by the marked bytes written and read.
	check_eq "flows: the tracked request's spans on the three hosts" "vm0
vm1
vm2" sh -c "awk '/^Request 1:/ { on = 1; next } /^[^ ]/ { on = 0 }
		on && /^  span / { print \$3 }' /tmp/flows.txt | sort -u"
	check_eq "flows: one tracked request" "Requests: 1" sh -c \
		"grep -o '^Requests: [0-9]*' /tmp/flows.txt"
	# The front tier reads vm2's marked reply while flagged by vm0's
	# call: that must not make its next call to vm2 end the next call's
	# flag (every call of the three, and its handlers, in the request).
	check_lacks "flows: no flagged span outside the tracked request" \
		'^Flagged in no tracked request' cat /tmp/flows.txt
	check_count "vm1: the front tier's two writes to vm2 recorded for each of the 3 calls" 6 \
		'lttng_dt_mark_write: .*procname = "front-tracked".*dport = 7000,' \
		babeltrace2 ~/lttng-traces/vm1
	check "babeltrace2 reads vm2's trace from the relayd" sh -c \
		'babeltrace2 ~/lttng-traces/vm2 >/tmp/vm2.txt 2>/tmp/vm2.err'
	check "vm2: the back tier's handler recorded" grep -q 'procname = "be-tracked"' /tmp/vm2.txt
	check_lacks "vm2: the untracked request's handler not" 'procname = "be-untracked"' cat /tmp/vm2.txt
	;;
2)
	dt-rpc serve 7000 be >/tmp/be.log 2>&1 &
	S=$!
	check "vm1's requests served" wait_for 900 grep -q "^served done" /tmp/be.log
	kill $S
	check "lttng stop && lttng destroy" sh -c "lttng stop && lttng destroy"
	check_eq "tell the collector vm2's trace is in" "ok 1 calls" sync_to_collector vm2
	;;
esac
