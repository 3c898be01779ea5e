# SPDX-License-Identifier: GPL-2.0-only
# The README's demo: one request followed across three machines. vm0 runs
# a client, vm1 a front tier that calls a back tier on vm2; vm1 also
# collects the traces with the stock lttng-relayd. Each host records a
# gated session (lttng dt-create); only the client of one of two requests
# is tracked. lttng-dt-flows, on what the relayd collected, shows the
# tracked request's path through the three hosts as one chain of spans
# on one time axis (text, and JSON, Chrome/Perfetto and SVG files copied
# out to the host), and nothing of the other request.
# vms: 3
. /lib/vmtest.sh

export PATH=/opt/lttng-dt/bin:$PATH
export HOME=/root
mkdir -p $HOME
host=$(hostname)
# Show a shell command line, then its output; a "not ok" line if it fails.
say() { printf '\n%s$ %s\n' "$host" "$1"; sh -c "$1" || echo "not ok - demo: $1"; }
until_ok() {
	i=0
	until sh -c "$1" >/dev/null 2>&1; do
		i=$((i + 1)); [ $i -lt 180 ] || { echo "not ok - demo: $1"; return 1; }
		sleep 1
	done
}

case "$VM_ROLE" in
0) collector=$(link_ip 0 1); nets=192.0.2.0/24; role="the client" ;;
1) collector=127.0.0.1; nets="192.0.2.0/24 198.51.100.0/24"; role="the front tier and the collector" ;;
2) collector=$(link_ip 1 1); nets=198.51.100.0/24; role="the back tier" ;;
esac
echo "lttng-dt demo: $host is $role ($(uname -r), stock $(lttng --version | head -n 1))"
if [ "$VM_ROLE" = 1 ]; then
	say 'lttng-relayd --daemonize'
else
	until_ok "nc -w 2 $collector 5342 </dev/null"
fi
say 'lttng-sessiond --daemonize'
say "lttng dt-trust add $nets"
say "lttng dt-create web --set-url=net://$collector"
say 'lttng start'

case "$VM_ROLE" in
0)
	front=$(link_ip 0 1)
	say "dt-rpc call $front 6000 untracked 3"
	rm -f /tmp/go && mkfifo /tmp/go
	sh -c "read x </tmp/go; exec dt-rpc call $front 6000 tracked 3" >/tmp/cli.log 2>&1 &
	C=$!
	say "lttng dt-track --pid $C    # the client of the second request"
	echo go >/tmp/go
	wait $C
	cat /tmp/cli.log
	dt-rpc call "$front" 6000 done 1 >/dev/null
	say 'lttng stop && lttng destroy'
	dt-rpc call "$collector" 6100 vm0 1 >/dev/null
	;;
1)
	dt-rpc serve 6100 sync >/tmp/sync.log 2>&1 &
	dt-rpc serve 6000 front "$(link_ip 1 2)" 7000 >/tmp/front.log 2>&1 &
	until_ok 'grep -q "^served done" /tmp/front.log'
	say 'lttng stop && lttng destroy'
	until_ok 'grep -q "^served vm0 1$" /tmp/sync.log && grep -q "^served vm2 1$" /tmp/sync.log'
	say 'ls ~/lttng-traces'
	# The request on one time axis: the clocks, then its chain of spans.
	say "lttng-dt-flows ~/lttng-traces | sed -n '/^Clocks:/,\$p'"
	lttng-dt-flows ~/lttng-traces >/tmp/flows.txt 2>&1
	# The same as data and as pictures, copied out to the host.
	for f in json chrome svg; do
		say "lttng-dt-flows --format=$f --output=/tmp/flows.$f ~/lttng-traces"
		export_file /tmp/flows.$f "flows.$f"
	done
	flagged() {
		awk -v want="$1" '/^Host / { h = $2; sub(":", "", h) }
		     /^  thread / && h == want { print $5 }' /tmp/flows.txt | tr -d ':' | sort -u |
			tr '\n' ' ' | sed 's/ $//'
	}
	path="vm0 ($(flagged vm0)) -> vm1 ($(flagged vm1)) -> vm2 ($(flagged vm2))"
	echo
	echo "The tracked request, as lttng-dt-flows sees it: $path"
	if grep -q 'untracked' /tmp/flows.txt; then
		echo "not ok - demo: the untracked request shows in lttng-dt-flows"
	else
		echo "The untracked request's handlers (front-untracked, be-untracked) are in no trace."
	fi
	hosts=$(awk '/^Request 1:/ { on = 1; next } /^[^ ]/ { on = 0 }
		on && /^  span / { print $3 }' /tmp/flows.txt | sort -u | tr '\n' ' ')
	if grep -q '^Requests: 1 ' /tmp/flows.txt && [ "$hosts" = "vm0 vm1 vm2 " ] &&
	   ! grep -q '^Flagged in no tracked request' /tmp/flows.txt; then
		echo "ok - demo: the tracked request is one chain of spans on vm0, vm1 and vm2, on one time axis"
	else
		echo "not ok - demo: the tracked request is not one chain of spans on the three hosts ($hosts)"
	fi
	case "$path" in
	*"dt-rpc"*front-tracked*be-tracked*) echo "ok - demo: the tracked request was followed through the three hosts" ;;
	*) echo "not ok - demo: the tracked request was not followed through the three hosts" ;;
	esac
	;;
2)
	dt-rpc serve 7000 be >/tmp/be.log 2>&1 &
	until_ok 'grep -q "^served done" /tmp/be.log'
	say 'lttng stop && lttng destroy'
	dt-rpc call "$collector" 6100 vm2 1 >/dev/null
	;;
esac
