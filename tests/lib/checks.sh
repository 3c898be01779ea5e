# SPDX-License-Identifier: GPL-2.0-only
# Sourced by host tests and by scenarios inside the VM. Each check prints one TAP-style line,
# "ok - WHAT" or "not ok - WHAT" followed by the evidence as "# " lines;
# the host counts them.

# check WHAT COMMAND...: passes when COMMAND exits 0.
check() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		echo "ok - $what"
	else
		echo "not ok - $what"
		printf '%s\n' "$out" | sed 's/^/# /'
	fi
}

# check_eq WHAT EXPECTED COMMAND...: passes when COMMAND prints EXPECTED.
check_eq() {
	local what=$1 expected=$2 out
	shift 2
	out=$("$@" 2>&1)
	if [ "$out" = "$expected" ]; then
		echo "ok - $what"
	else
		echo "not ok - $what"
		printf 'expected: %s\ngot: %s\n' "$expected" "$out" | sed 's/^/# /'
	fi
}

# The helpers below run the command that produces what they inspect
# themselves, instead of reading it from a pipe: "! cmd | grep -q x"
# passes when cmd fails, and "cmd | grep -c x" hides cmd's exit status.
# Each fails when the producer exits non-zero, and shows its output.

# capture COMMAND...: run COMMAND, its standard output in $captured and
# both streams in $captured_all; returns COMMAND's status.
capture() {
	local errf rc
	errf=$(mktemp) || return 1
	captured=$("$@" 2>"$errf")
	rc=$?
	captured_all=$(cat "$errf"; printf '%s\n' "$captured")
	rm -f "$errf"
	return $rc
}

# check_fail_evidence WHAT WHY: the "not ok" line and what the producer said.
check_fail_evidence() {
	echo "not ok - $1"
	{ echo "$2"; printf '%s\n' "$captured_all" | head -n 40; } | sed 's/^/# /'
}

# lines_check WHAT OP N WHY REGEX COMMAND...: passes when COMMAND exits 0
# and the number of lines of its standard output that match the extended
# regular expression REGEX compares to N by OP (a test(1) operator).
lines_check() {
	local what=$1 op=$2 want=$3 why=$4 re=$5 rc matched
	shift 5
	capture "$@"; rc=$?
	matched=$(printf '%s\n' "$captured" | grep -cE -- "$re")
	if [ $rc -ne 0 ]; then
		check_fail_evidence "$what" "producer exited with status $rc: $*"
	elif [ "$matched" "$op" "$want" ]; then
		echo "ok - $what"
	else
		check_fail_evidence "$what" "$why /$re/ ($matched do) in the output of: $*"
	fi
}

# check_has WHAT REGEX COMMAND...: COMMAND exits 0 and a line of its
# standard output matches REGEX.
check_has() {
	local what=$1 re=$2
	shift 2
	lines_check "$what" -ge 1 "no line matches" "$re" "$@"
}

# check_lacks WHAT REGEX COMMAND...: COMMAND exits 0 and no line of its
# standard output matches REGEX.
check_lacks() {
	local what=$1 re=$2
	shift 2
	lines_check "$what" -eq 0 "no line may match" "$re" "$@"
}

# check_count WHAT N REGEX COMMAND...: COMMAND exits 0 and exactly N lines
# of its standard output match REGEX.
check_count() {
	local what=$1 want=$2 re=$3
	shift 3
	lines_check "$what" -eq "$want" "$want lines must match" "$re" "$@"
}

# pipe_sh SCRIPT: run the shell pipeline SCRIPT with pipefail, so that it
# fails when any of its commands fails (for check and check_eq:
# check WHAT pipe_sh 'babeltrace2 t | sed ... >t.txt'). On failure it
# says so on standard error, so that check_eq, which compares the output
# only, sees it too. The shell is bash on the host (Debian's sh has no
# pipefail) and busybox sh in the VMs; PIPE_SH overrides it.
pipe_sh() {
	local shell=${PIPE_SH:-} rc
	if [ -z "$shell" ]; then
		shell=sh
		command -v bash >/dev/null 2>&1 && shell=bash
	fi
	$shell -c "set -o pipefail; $1"
	rc=$?
	[ $rc -eq 0 ] || echo "pipe_sh: exit status $rc: $1" >&2
	return $rc
}

# wait_for SECONDS COMMAND...: poll until COMMAND succeeds.
wait_for() {
	local n=$(($1 * 10))
	shift
	while [ $n -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

# The modules every lttng-sessiond start loads, in its order.
LTTNG_CONTROL_MODULES="lttng_ring_buffer_client_discard
lttng_ring_buffer_client_overwrite
lttng_ring_buffer_metadata_client
lttng_ring_buffer_client_mmap_discard
lttng_ring_buffer_client_mmap_overwrite
lttng_ring_buffer_metadata_mmap_client"

# export_file FILE NAME: FILE on the console in base64 between two
# markers, for the host to save as NAME next to the VM's logs
# (tests/vm/extract-exports.sh): the VM's own files end with it.
export_file() {
	echo "=== EXPORT BEGIN $2"
	base64 "$1"
	echo "=== EXPORT END $2"
}

module_loaded() { grep -q "^$1 " /proc/modules; }

# True when the tracer is compiled into the running kernel.
tracer_is_builtin() {
	grep -q '/lttng-tracer\.ko$' "/lib/modules/$(uname -r)/modules.builtin" 2>/dev/null
}

# Unload every lttng module, users first (a few passes: the order
# follows the dependencies); what stays is printed. For when no
# lttng-sessiond is left to unload what it loaded.
unload_lttng_modules() {
	local pass m
	for pass in 1 2 3 4 5 6; do
		for m in $(grep -o '^lttng[^ ]*' /proc/modules); do
			rmmod "$m" 2>/dev/null
		done
		grep -q '^lttng' /proc/modules || return 0
		sleep 1
	done
	grep '^lttng' /proc/modules | sed 's/^/# left loaded: /'
	return 1
}

# Multi-VM scenarios: the VMs are linked in a chain, link L joining vmL
# and vmL+1 on its own test network (192.0.2.0/24, 198.51.100.0/24,
# 203.0.113.0/24: documentation ranges, never routed), vmN being host N+1
# on each. link_ip L N: vmN's address on link L.
link_ip() {
	case "$1" in
	0) echo "192.0.2.$(($2 + 1))" ;;
	1) echo "198.51.100.$(($2 + 1))" ;;
	2) echo "203.0.113.$(($2 + 1))" ;;
	*) return 1 ;;
	esac
}

# netns_link NS1 ADDR1 NS2 ADDR2 [FLAGS]: a veth pair between two network
# namespaces (made before), v-NS1-NS2 in NS1 and v-NS2-NS1 in NS2, with
# an address at each end (FLAGS for both, e.g. nodad) and both ends up.
# iproute2's ip by path: busybox's sh prefers its own applet.
netns_link() {
	local ip=/usr/sbin/ip a="v-$1-$3" b="v-$3-$1"
	$ip link add "$a" type veth peer name "$b" &&
	$ip link set "$a" netns "$1" && $ip link set "$b" netns "$3" &&
	$ip -n "$1" addr add "$2" dev "$a" ${5:-} &&
	$ip -n "$3" addr add "$4" dev "$b" ${5:-} &&
	$ip -n "$1" link set "$a" up && $ip -n "$3" link set "$b" up
}

# gated_session and tracked_call use the dt commands as users type them
# (lttng dt-gate, lttng dt-track): the lttng front must come first in
# PATH (in the VMs: export PATH=/opt/lttng-dt/bin:$PATH).

# gated_session NAME OUTPUT: a kernel session recording what the
# request-flow analysis reads (sched_switch, lttng_dt_flag, the TCP mark's
# events, pid/tid/procname contexts), its gate on (lttng dt-gate NAME on,
# once the kernel channel exists); not started.
gated_session() {
	lttng create "$1" --output="$2" >/dev/null &&
	lttng enable-channel -k -s "$1" --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -s "$1" -c ch \
		sched_switch,lttng_dt_flag,lttng_dt_mark_send,lttng_dt_mark_recv >/dev/null &&
	lttng add-context -k -s "$1" -c ch -t pid -t tid -t procname >/dev/null &&
	lttng dt-gate "$1" on >/dev/null
}

# tracked_call NS HOST PORT CLIENT N: N calls of dt-rpc from namespace NS
# (- for none), tracked (lttng dt-track --pid) before its first byte:
# it waits on a FIFO until then. Prints what dt-rpc printed, after what
# dt-track said and its exit status if it failed.
tracked_call() {
	local pid in=""
	[ "$1" = - ] || in="/usr/sbin/ip netns exec $1"
	rm -f /tmp/tracked-go && mkfifo /tmp/tracked-go || return 1
	$in sh -c \
		"read x </tmp/tracked-go; exec dt-rpc call $2 $3 $4 $5" \
		>/tmp/tracked-call.log 2>&1 &
	pid=$!
	lttng dt-track --pid $pid >/dev/null ||
		echo "lttng dt-track --pid $pid failed: exit status $?"
	echo go >/tmp/tracked-go
	wait $pid
	cat /tmp/tracked-call.log
}

# flows_totals BT_TEXT FLOWS_OUT MIN: lttng-dt-flows' report FLOWS_OUT
# against babeltrace2's text BT_TEXT of the same traces: at least MIN mark
# events each way, its totals and its per-connection segment counts equal
# the mark events babeltrace2 printed, and every receipt matched.
flows_totals() {
	local sent recv
	sent=$(grep -c 'lttng_dt_mark_send:' "$1")
	recv=$(grep -c 'lttng_dt_mark_recv:' "$1")
	echo "# babeltrace2: $sent mark sends, $recv mark receipts"
	check "marks were recorded both ways" sh -c "[ $sent -ge $3 ] && [ $recv -ge $3 ]"
	check_eq "flows: totals equal babeltrace2's counts, every receipt matched" \
		"Total: $sent marked segments sent, $recv received, $recv matched" \
		grep '^Total: ' "$2"
	check_eq "flows: per-connection sent segments add up" "$sent" \
		awk '$1 == "sent" && $3 == "segments," { s += $2 } END { print s + 0 }' "$2"
	check_eq "flows: per-connection received segments add up" "$recv" \
		awk '$1 == "received" && $3 == "segments," { s += $2 } END { print s + 0 }' "$2"
}
