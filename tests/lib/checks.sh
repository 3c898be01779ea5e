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

module_loaded() { grep -q "^$1 " /proc/modules; }

# True when the tracer is compiled into the running kernel.
tracer_is_builtin() {
	grep -q '/lttng-tracer\.ko$' "/lib/modules/$(uname -r)/modules.builtin" 2>/dev/null
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
