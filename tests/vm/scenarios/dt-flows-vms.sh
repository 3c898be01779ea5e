# SPDX-License-Identifier: GPL-2.0-only
# lttng-dt-flows across two machines, each with its own clock: a tracked
# and an untracked client on vm0 call a server on vm1, each VM records a
# gated session; vm1 sends its trace to vm0 (busybox nc), where the
# analysis reads both. It must group them by host (vm0, vm1), show on
# vm0 only the client (reason manual), on vm1 only the tracked handler
# (reason network), match every receipt to its send across the two
# traces, estimate vm1's clock offset from the segments matched both
# ways and give the delays on that common axis, and count what
# babeltrace2 counts.
# kernels: debian debug
# (the TCP mark is a loadable module only: a built-in tracer has none)
# vms: 2
# timeout: 900
. /lib/vmtest.sh
# The dt commands as users type them: the lttng front first in PATH.
export PATH=/opt/lttng-dt/bin:$PATH

F=lttng-dt-flows
T=/tmp/traces
peer=$(link_ip 0 $((1 - VM_ROLE)))
check "$peer answers ping" sh -c \
	"i=0; until ping -c 1 -W 1 $peer; do i=\$((i + 1)); [ \$i -lt 60 ] || exit 1; done"
check "modprobe lttng-dt-tcp" modprobe lttng-dt-tcp
# The peer's marks come over the shared link: trust it, as a user does
# on a cross-host set-up (the default trusts loopback only).
check "lttng dt-trust add 192.0.2.0/24" lttng dt-trust add 192.0.2.0/24
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check "gated session g" gated_session g "$T/g"
check "start g" lttng start g

# flagged_on HOST: "NAME: REASONS" for each thread of the report flagged
# on HOST ("  thread TID pid PID NAME: REASONS; ...").
flagged_on() {
	awk -v want="$1" '/^Host / { h = $2; sub(":", "", h) }
	     /^  thread / && h == want { sub(";", "", $6); print $5, $6 }' /tmp/flows.txt
}

case "$VM_ROLE" in
0)
	# busybox nc ends at the first end of file of either side: its input
	# is a FIFO held open until vm1's trace is in, so that the end is vm1's.
	mkfifo /tmp/hold
	nc -l -p 9000 </tmp/hold >/tmp/vm1.tar &
	N=$!
	exec 3>/tmp/hold
	check_eq "untracked client: 10 calls" "ok 10 calls" \
		dt-rpc call "$peer" 6000 untracked 10
	check_eq "tracked client: 10 calls" "ok 10 calls" \
		tracked_call - "$peer" 6000 tracked 10
	check_eq "tell vm1 we are done" "ok 1 calls" dt-rpc call "$peer" 6000 done 1
	check "stop g" lttng stop g
	# vm1 sends it once it saw "done"; nc ends at its end (or in 5 min).
	(sleep 300; kill $N 2>/dev/null) &
	wait $N
	exec 3>&-
	check "vm1's trace received" test -s /tmp/vm1.tar
	check "vm1's trace unpacked" sh -c "mkdir -p /tmp/vm1 && tar xf /tmp/vm1.tar -C /tmp/vm1"
	check "babeltrace2 reads both" sh -c "babeltrace2 $T/g /tmp/vm1/g >/tmp/all.txt 2>/tmp/all.err"
	check "lttng-dt-flows reads both" sh -c "$F $T /tmp/vm1 >/tmp/flows.txt 2>/tmp/flows.err"
	grep -v '^    +' /tmp/flows.txt | sed 's/^/# /'
	sed 's/^/# /' /tmp/flows.err

	check_eq "flows --hosts: vm0 then vm1" "vm0
vm1" sh -c "$F --hosts $T /tmp/vm1 | cut -d: -f1"
	# The client reads vm1's marked responses: network joins manual.
	check_eq "flows: vm0's only flagged thread is the client, manual" \
		"dt-rpc: manual,network" flagged_on vm0
	check_eq "flows: vm1's only flagged thread is srv-tracked, network" \
		"srv-tracked: network" flagged_on vm1
	flows_totals /tmp/all.txt /tmp/flows.txt 20
	check "flows: requests sent on vm0, received on vm1, matched, delay on the common axis" \
		grep -q "^  $(link_ip 0 0):[0-9]* -> $peer:6000: [1-9][0-9]* sent on vm0, [1-9][0-9]* received on vm1, [1-9][0-9]* matched; first segment's one-way delay -*[0-9]*\.[0-9]* s (common axis, +/- [0-9]*\.[0-9]* s)$" /tmp/flows.txt
	# Both directions matched: vm1's offset is estimated; vm0 is the
	# reference (one pair each, the first name).
	check "flows: vm0's clock is the axis" grep -q "^Clocks: one time axis, the clock of vm0; " /tmp/flows.txt
	check "flows: vm1's clock offset estimated" \
		grep -q "^  vm1: offset -*[0-9]*\.[0-9]* s +/- [0-9]*\.[0-9]* s (estimated with vm0)$" /tmp/flows.txt
	check "flows: responses sent on vm1, received on vm0, matched" \
		grep -q "^  $peer:6000 -> $(link_ip 0 0):[0-9]*: [1-9][0-9]* sent on vm1, [1-9][0-9]* received on vm0, [1-9][0-9]* matched; " /tmp/flows.txt
	;;
1)
	dt-rpc serve 6000 srv >/tmp/srv.log 2>&1 &
	S=$!
	check "vm0's calls served" wait_for 600 grep -q "^served done" /tmp/srv.log
	check "stop g" lttng stop g
	kill $S
	send_trace() {
		tar cf /tmp/g.tar -C "$T" g || return 1
		i=0
		until nc "$peer" 9000 </tmp/g.tar; do
			i=$((i + 1))
			[ $i -lt 30 ] || return 1
			sleep 1
		done
	}
	check "trace sent to vm0" send_trace
	;;
esac
