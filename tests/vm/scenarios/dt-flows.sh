# SPDX-License-Identifier: GPL-2.0-only
# lttng-dt-flows on a real trace: three network namespaces on veth as in
# dt-tcp-netns, a tracked client (cli, 10.1.0.1) calls a server (srv)
# that calls a backend (be) over IPv6, an untracked client calls too; a
# gated session records sched_switch, lttng_dt_flag and the mark events
# with pid/tid/procname contexts. The analysis must show the server's and
# backend's serving threads flagged for reason network, for a time within
# the session's, nothing of the untracked client's, connection counts
# equal to the mark events babeltrace2 prints, every receipt matched to
# its send; and refuse a bad path and a trace without lttng-dt events.
# kernels: debian debug
# (the TCP mark is a loadable module only: a built-in tracer has none)
# timeout: 900
. /lib/vmtest.sh

# The dt commands as users type them: the lttng front first in PATH.
export PATH=/opt/lttng-dt/bin:$PATH
F=lttng-dt-flows
IP=/usr/sbin/ip
T=/tmp/traces

netns_setup() {
	for n in cli srv be; do
		$IP netns add $n && $IP -n $n link set lo up || return 1
	done
	netns_link cli 10.1.0.1/24 srv 10.1.0.2/24 &&
	netns_link srv fd00:2::1/64 be fd00:2::2/64 nodad
}
check "three namespaces on veth" netns_setup
check "modprobe lttng-dt-tcp" modprobe lttng-dt-tcp
# Marks from the namespaces' veth addresses: trusted by name (the
# default trusts loopback only).
check "lttng dt-trust add 10.1.0.0/24 fd00:2::/64" lttng dt-trust add 10.1.0.0/24 fd00:2::/64
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list

check "gated session g" gated_session g "$T/g"

$IP netns exec be dt-rpc serve 7000 be >/tmp/be.log 2>&1 &
S1=$!
$IP netns exec srv dt-rpc serve 6000 srv fd00:2::2 7000 >/tmp/srv.log 2>&1 &
S2=$!
check "services listen" wait_for 20 sh -c \
	'grep -q listening /tmp/be.log && grep -q listening /tmp/srv.log'

# The session's duration in ns, from uptime around start and stop.
ns_now() { awk '{ printf "%.0f\n", $1 * 1000000000 }' /proc/uptime; }
t0=$(ns_now)
check "start g" lttng start g
check_eq "untracked client: 10 calls" "ok 10 calls" \
	$IP netns exec cli dt-rpc call 10.1.0.2 6000 untracked 10
check_eq "tracked client: 10 calls" "ok 10 calls" \
	tracked_call cli 10.1.0.2 6000 tracked 10
check "stop g" lttng stop g
t1=$(ns_now)
DUR=$(( t1 - t0 + 10000000 ))	# uptime has 10 ms steps
check "untrack every thread" lttng dt-untrack --all
kill $S1 $S2 2>/dev/null

check "babeltrace2 reads g" sh -c "babeltrace2 $T/g >/tmp/g.txt 2>/tmp/g.err"
# The analysis, on the directory that holds the session's output.
check "lttng-dt-flows reads $T" sh -c "$F $T >/tmp/flows.txt 2>/tmp/flows.err"
sed 's/^/# /' /tmp/flows.txt /tmp/flows.err | head -n 200

# "  thread TID pid PID NAME: REASONS; N intervals, flagged S s, on CPU C s"
thread_line() { grep "^  thread [0-9]* pid [0-9]* $1: " /tmp/flows.txt; }
flagged_ns() {
	thread_line "$1" | sed 's/.*, flagged \([0-9]*\)\.\([0-9]*\) s,.*/\1\2/' |
	sed 's/^0*//' | awk '{ s += $1 } END { printf "%.0f\n", s }'
}
oncpu_ns() {
	thread_line "$1" | sed 's/.*, on CPU \([0-9]*\)\.\([0-9]*\) s$/\1\2/' |
	sed 's/^0*//' | awk '{ s += $1 } END { printf "%.0f\n", s }'
}
for n in srv-tracked be-tracked; do
	check "flows: $n flagged, reason network" sh -c \
		"grep -q '^  thread [0-9]* pid [0-9]* $n: [a-z,]*network' /tmp/flows.txt"
	fns=$(flagged_ns $n)
	check "flows: $n flagged time ($fns ns) > 0 and <= the session's ($DUR ns)" sh -c \
		"[ $fns -gt 0 ] && [ $fns -le $DUR ]"
	check "flows: $n on-CPU time ($(oncpu_ns $n) ns) measured, <= its flagged time" sh -c \
		"grep -q '^  thread [0-9]* pid [0-9]* $n: .*on CPU [0-9]*\.[0-9]* s$' /tmp/flows.txt &&
		 [ $(oncpu_ns $n) -le $fns ]"
done
check "flows: the tracked client flagged, reason manual" sh -c \
	"grep -q '^  thread [0-9]* pid [0-9]* dt-rpc: manual' /tmp/flows.txt"
check "flows: nothing of srv-untracked" sh -c "! grep -q 'srv-untracked' /tmp/flows.txt"
check "flows: nothing of be-untracked" sh -c "! grep -q 'be-untracked' /tmp/flows.txt"
check_lacks "flows: every interval has an end >= its begin" . \
	awk '/^    \+/ && $3 < $1' /tmp/flows.txt

# Connection counts against what babeltrace2 prints.
flows_totals /tmp/g.txt /tmp/flows.txt 40
check "flows: client to srv:6000 (IPv4) matched" sh -c \
	"grep -q '^  10\.1\.0\.1:[0-9]* -> 10\.1\.0\.2:6000: [1-9][0-9]* sent on .*, [1-9][0-9]* matched; first segment' /tmp/flows.txt"
check "flows: srv to be:7000 (IPv6) matched" sh -c \
	"grep -q '^  \[fd00:2::1\]:[0-9]* -> \[fd00:2::2\]:7000: [1-9][0-9]* sent on .*, [1-9][0-9]* matched; first segment' /tmp/flows.txt"
check_eq "flows --hosts: the VM's hostname" "$(uname -n)" pipe_sh "$F --hosts $T/g | cut -d: -f1"

# Options and errors.
check_has "flows --help" '^Usage: lttng-dt-flows' $F --help
check_has "flows --version" '^lttng-dt-flows \(lttng-dt\) ' $F --version
check "flows: a bad path is an error" sh -c \
	"! $F /nonexistent 2>/tmp/e.txt && grep -q '^Error: /nonexistent: ' /tmp/e.txt"
check "flows: no path is an error" sh -c "! $F 2>/tmp/e.txt && grep -q '^Error: ' /tmp/e.txt"
check "flows: a bad option is an error" sh -c "! $F --bogus $T 2>/tmp/e.txt && grep -q '^Error: ' /tmp/e.txt"
lttng destroy g >/dev/null
mk_plain() {
	lttng create p --output="$T-plain/p" >/dev/null &&
	lttng enable-event -k sched_switch >/dev/null &&
	lttng start p >/dev/null && sleep 1 && lttng stop p >/dev/null &&
	lttng destroy p >/dev/null
}
check "an ungated session with sched_switch only" mk_plain
check "flows: a trace without lttng-dt events is an error" sh -c \
	"! $F $T-plain 2>/tmp/e.txt && grep -q '^Error: .*no lttng-dt event' /tmp/e.txt"
sed 's/^/# /' /tmp/e.txt
