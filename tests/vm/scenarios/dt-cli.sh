# SPDX-License-Identifier: GPL-2.0-only
# The lttng front and lttng-dt against the real kernel: the front hands
# stock commands to /usr/bin/lttng byte for byte (output, errors, exit
# status) and runs the dt-* commands; they report a missing tracer and a
# non-root caller clearly; they track, list (reasons, inheritance),
# untrack, gate a session by name and read its counters; they add,
# remove and list the TCP mark's trusted networks, with the kernel's
# errors (listed, not listed, full, module not loaded) said clearly.
# vms: 1
# timeout: 600
. /lib/vmtest.sh

front_dir=/opt/lttng-dt/bin
export PATH=$front_dir:$PATH
check_eq "the front is the lttng found in PATH" "$front_dir/lttng" command -v lttng
check "lttng-dt is installed where the front looks for it" test -x /usr/local/bin/lttng-dt

# same_as_stock WHAT ARG...: the front and the stock lttng print the same
# bytes on stdout and stderr and exit with the same status.
same_as_stock() {
	local what=$1 a b
	shift
	lttng "$@" >/tmp/front.out 2>/tmp/front.err </dev/null
	a=$?
	/usr/bin/lttng "$@" >/tmp/stock.out 2>/tmp/stock.err </dev/null
	b=$?
	check_eq "front: $what: same exit status as the stock lttng" "$b" echo "$a"
	check "front: $what: same output" cmp /tmp/stock.out /tmp/front.out
	check "front: $what: same errors" cmp /tmp/stock.err /tmp/front.err
}

# No tracer loaded yet (a built-in one is always there).
if ! tracer_is_builtin; then
	out=$(lttng dt-status 2>&1)
	check_eq "dt-status without the tracer: exit status 1" 1 echo $?
	check "dt-status without the tracer: not loaded, no /proc/lttng" \
		grep -q "^Error: The lttng-dt extension is not loaded (no /proc/lttng" <<EOF_OUT
$out
EOF_OUT
fi
same_as_stock "lttng version" version
same_as_stock "an unknown command" no-such-command
same_as_stock "a bad option" list --bogus

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
same_as_stock "lttng list -k" list -k
same_as_stock "lttng --mi xml list -k" --mi xml list -k
same_as_stock "lttng -q list" -q list
lttng create "dt cli" --output "/tmp/dt cli" >/dev/null
check "front: lttng create with a space in the name" /usr/bin/lttng list "dt cli"
lttng enable-event -k sched_switch,sched_process_fork -s "dt cli" >/dev/null
same_as_stock "lttng list SESSION" list "dt cli"
same_as_stock "lttng status" status

out=$(run-as 65534 lttng dt-list 2>&1)
check_eq "dt-list as nobody: exit status 1" 1 echo $?
check "dt-list as nobody: root is needed" grep -qxF "Error: Permission denied: root is needed" <<EOF_OUT
$out
EOF_OUT

check "the tracer has the dt extension (lists lttng_dt_flag)" \
	sh -c 'lttng list -k | grep -q "^ *lttng_dt_flag "'
check_has "dt-status: the extension answers" '^lttng-dt extension: ABI 1\.' lttng dt-status
check_has "dt-list: nothing flagged at first" '^No flagged threads\.$' lttng dt-list

# A process that forks once it is told to, so the child comes after the track.
mkfifo /tmp/go1 /tmp/go2
sh -c 'read x </tmp/go1; sleep 300 & wait' &
p1=$!
sh -c 'read x </tmp/go2; sleep 300 & wait' &
p2=$!
check "dt-track --pid" lttng dt-track --pid "$p1"
check "dt-track --pid --no-inherit" lttng dt-track --pid "$p2" --no-inherit
echo go >/tmp/go1
echo go >/tmp/go2
# children_of PID: the pids whose parent is PID (field 4 of stat).
children_of() { awk -v p="$1" '$4 == p { print $1 }' /proc/[0-9]*/stat 2>/dev/null; }
both_forked() { [ -n "$(children_of "$p1")" ] && [ -n "$(children_of "$p2")" ]; }
check "the tracked processes forked" wait_for 10 both_forked
c1=$(children_of "$p1")
c2=$(children_of "$p2")
echo "# tracked $p1 (child $c1), tracked --no-inherit $p2 (child $c2)"
lttng dt-list >/tmp/list
sed 's/^/# /' /tmp/list
check "dt-list: the tracked process, manual" grep -qE "^  $p1 +$p1 +sh +manual since [0-9]+\.[0-9]{9}" /tmp/list
check "dt-list: --no-inherit shown" grep -qE "^  $p2 +$p2 +sh +manual, no inherit, since" /tmp/list
check "dt-list: the child of the tracked process, inherited" grep -qE "^  $c1 +$c1 +sleep +inherited since" /tmp/list
check "dt-list: the child under --no-inherit is not flagged" sh -c "! grep -qE '^  $c2 ' /tmp/list"

out=$(lttng dt-track --pid 999999 2>&1)
check_eq "dt-track of a missing PID: exit status 1" 1 echo $?
check "dt-track of a missing PID: no such process" grep -qxF "Error: Cannot track PID 999999: No such process" <<EOF_OUT
$out
EOF_OUT
lttng dt-track --pid "$p1,999999" >/dev/null 2>&1
check_eq "dt-track of a good and a missing PID: exit status 4" 4 echo $?

# The gate of a session, by name.
check "dt-gate SESSION on" lttng dt-gate "dt cli" on
check_has "dt-gate SESSION shows it on" '^Session dt cli: gate on' lttng dt-gate "dt cli"
out=$(lttng dt-gate nosuch on 2>&1)
check_eq "dt-gate of an unknown session: exit status 1" 1 echo $?
check "dt-gate of an unknown session: says so" grep -qxF \
	"Error: No tracing session named nosuch (see lttng list)" <<EOF_OUT
$out
EOF_OUT
lttng start "dt cli" >/dev/null
sh -c 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done' &
wait $!
lttng stop "dt cli" >/dev/null
lttng dt-gate "dt cli" >/tmp/gate
sed 's/^/# /' /tmp/gate
check "dt-gate: events gated out counted" grep -qE "gated out: [1-9][0-9]* events" /tmp/gate
check_has "dt-status: the session with its gate" \
	'^  dt cli +gate on +gated out: [1-9]' lttng dt-status
check_has "dt-status: flags set counted" \
	'^Flags set since load: [1-9][0-9]* manual, [1-9][0-9]* inherited' lttng dt-status
check "dt-gate SESSION off" lttng dt-gate "dt cli" off

check "dt-untrack --pid" lttng dt-untrack --pid "$p1"
check_lacks "dt-list: the untracked process is gone" "^  $p1 " lttng dt-list
out=$(lttng dt-untrack --pid "$p1" 2>&1)
check_eq "dt-untrack of a process not tracked: exit status 1" 1 echo $?
check "dt-untrack of a process not tracked: says so" grep -qxF "Error: Cannot untrack PID $p1: Not tracked" <<EOF_OUT
$out
EOF_OUT
check "dt-untrack --all" lttng dt-untrack --all
check_has "dt-list: nothing flagged after --all" '^No flagged threads\.$' lttng dt-list

kill "$c1" "$c2" 2>/dev/null
wait
lttng destroy -a >/dev/null

# The trust list of the TCP mark (lttng dt-trust): it lives in lttng-dt-tcp.
P=/sys/module/lttng_dt_tcp/parameters
# fails STATUS STDERR CMD...: CMD exits with STATUS, its stderr is STDERR.
fails() {
	local status=$1 err=$2 rc
	shift 2
	"$@" >/tmp/fails.out 2>/tmp/fails.err </dev/null
	rc=$?
	check_eq "$*: exit status $status" "$status" echo "$rc"
	check_eq "$*: says so" "$err" cat /tmp/fails.err
}
not_loaded="The TCP mark is not loaded (modprobe lttng-dt-tcp)"
# dt-track loaded it (dt-setup checks that): unloaded, for the errors.
if ! tracer_is_builtin; then
	check "lttng-dt-tcp, loaded by dt-track, unloads" rmmod lttng_dt_tcp
fi
check "lttng-dt-tcp is not loaded" sh -c '! grep -q "^lttng_dt_tcp " /proc/modules'
# dt-trust add loads the mark like dt-track: kept from loading here
# (blacklisted), so that the errors of a missing module show.
mkdir -p /etc/modprobe.d
echo "blacklist lttng-dt-tcp" >/etc/modprobe.d/lttng-dt-no-mark.conf
fails 1 "Error: Cannot read the trust list: $not_loaded" lttng dt-trust list
fails 1 "Error: Cannot add 10.9.0.0/16: $not_loaded" lttng dt-trust add 10.9.0.0/16
check_has "dt-status: the TCP mark is not loaded" \
	'^TCP mark \(lttng-dt-tcp\): not loaded; marking is off' lttng dt-status
# The TCP mark is a loadable module only: a built-in tracer has none, and
# its trust list cannot be tried there.
if tracer_is_builtin; then
	echo "# built-in tracer: no lttng-dt-tcp, the trust list is not tried"
	rm -f /etc/modprobe.d/lttng-dt-no-mark.conf
	exit 0
fi
rm -f /etc/modprobe.d/lttng-dt-no-mark.conf
check "modprobe lttng-dt-tcp" modprobe lttng-dt-tcp
check_eq "dt-trust list: empty at first" \
	"The trust list is empty: marks from loopback only are honoured (the default)" lttng dt-trust list
check_has "dt-status: loopback only by default" \
	'^TCP mark \(lttng-dt-tcp\): loaded, trusted peers: loopback only \(default\); add networks with lttng dt-trust add$' \
	lttng dt-status
check_eq "dt-trust add: the first network" \
	"Network 10.9.0.0/16 added to the trust list" \
	lttng dt-trust add 10.9.0.0/16
check_eq "dt-trust add: IPv6 and a bare address (one host)" \
	"Network fd00:2::/64 added to the trust list
Network 192.0.2.7/32 added to the trust list" \
	lttng dt-trust add fd00:2::/64 192.0.2.7
check_eq "dt-trust list: what was added, one a line" "10.9.0.0/16
fd00:2::/64
192.0.2.7/32" lttng dt-trust list
check_eq "the module parameter shows the same list" \
	"10.9.0.0/16,fd00:2::/64,192.0.2.7/32" cat $P/trust
check_has "dt-status: three trusted networks" \
	'^TCP mark \(lttng-dt-tcp\): loaded, trusted peers: loopback and 3 networks \(lttng dt-trust list\)$' \
	lttng dt-status
fails 1 "Error: Cannot add 10.9.0.0/16: Already in the trust list" lttng dt-trust add 10.9.0.0/16
fails 1 "Error: Cannot add 10.9.0.0/16: Already in the trust list" \
	lttng dt-trust add ::ffff:10.9.0.0/112
fails 4 "Error: Cannot add 10.9.0.0/16: Already in the trust list" \
	lttng dt-trust add 10.8.0.0/16 10.9.0.0/16
check_eq "a new and a listed network: the new one added" \
	"Network 10.8.0.0/16 added to the trust list" cat /tmp/fails.out
fails 1 "Error: Cannot remove 10.1.0.0/24: Not in the trust list" lttng dt-trust remove 10.1.0.0/24
fails 1 "Error: Cannot remove 10.9.1.0/24: Not in the trust list" lttng dt-trust remove 10.9.1.0/24
fails 1 "Error: Invalid network '10.9.1.1/16': bits are set past the prefix length (the network is 10.9.0.0/16)" \
	lttng dt-trust remove 10.9.1.1/16
check_eq "the list is unchanged by the failures" "10.9.0.0/16
fd00:2::/64
192.0.2.7/32
10.8.0.0/16" lttng dt-trust list
check_eq "dt-trust remove" "Network fd00:2::/64 removed from the trust list" \
	lttng dt-trust remove fd00:2::/64
check_eq "dt-trust list after the remove" "10.9.0.0/16
192.0.2.7/32
10.8.0.0/16" lttng dt-trust list
check_eq "the module parameter agrees" "10.9.0.0/16,192.0.2.7/32,10.8.0.0/16" cat $P/trust
fails 1 "Error: Permission denied: root is needed" run-as 65534 lttng dt-trust add 10.6.0.0/16
fails 1 "Error: Permission denied: root is needed" run-as 65534 lttng dt-trust list
check "a list written in the module parameter" sh -c "echo 10.7.0.0/16,fd00::/8 >$P/trust"
check_eq "dt-trust list shows it" "10.7.0.0/16
fd00::/8" lttng dt-trust list
# 64 networks at most.
nets=$(i=0; while [ $i -lt 62 ]; do echo 10.200.$i.0/24; i=$((i + 1)); done)
check "dt-trust add of 62 more networks" sh -c "lttng dt-trust add $(echo $nets) >/dev/null"
check_count "dt-trust list: 64 networks" 64 / lttng dt-trust list
fails 1 "Error: Cannot add 10.201.0.0/24: The trust list is full: remove a network first" \
	lttng dt-trust add 10.201.0.0/24
check_eq "dt-trust remove of every network: the last one goes back to loopback only" \
	"The trust list is empty: marks from loopback only are honoured (the default)" \
	sh -c 'lttng dt-trust remove $(lttng dt-trust list) | tail -n 1'
check_eq "the module parameter is empty" "" cat $P/trust
check_eq "dt-trust list: empty again" \
	"The trust list is empty: marks from loopback only are honoured (the default)" lttng dt-trust list
# Every address, explicitly: ::/0 (IPv4 peers are matched v4-mapped).
check_eq "dt-trust add ::/0 0.0.0.0/0" "Network ::/0 added to the trust list
Network 0.0.0.0/0 added to the trust list" lttng dt-trust add ::/0 0.0.0.0/0
check_has "dt-status: every address" \
	'^TCP mark \(lttng-dt-tcp\): loaded, trusted peers: every address \(::/0 is in the trust list\)$' \
	lttng dt-status
check "dt-trust remove ::/0 0.0.0.0/0" lttng dt-trust remove ::/0 0.0.0.0/0
check "lttng-dt-tcp unloads" rmmod lttng_dt_tcp
fails 1 "Error: Cannot remove 10.9.0.0/16: $not_loaded" lttng dt-trust remove 10.9.0.0/16
