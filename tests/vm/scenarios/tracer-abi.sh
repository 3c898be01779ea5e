# SPDX-License-Identifier: GPL-2.0-only
# lttng-tracer alone: /proc/lttng, the version ioctls as lttng-modules 2.13
# answers them, clear errors, root only, clean unload (when a module).
# vms: 1
. /lib/vmtest.sh

check "modprobe lttng-tracer" modprobe lttng-tracer
check_eq "/proc/lttng is root-only (0600, root)" "600 0" stat -c '%a %u' /proc/lttng
check_eq "TRACER_VERSION is 2.13.9, ABI is 2.6" "tracer 2.13.9
abi 2.6" lttng-abi-probe version
check_eq "unknown command fails with ENOTTY" "ENOTTY" lttng-abi-probe ioctl 0x0000F6EE
check_eq "old-ABI command fails with ENOTTY" "ENOTTY" lttng-abi-probe ioctl 0x0000F640
check_eq "SESSION: a session fd" "fd" lttng-abi-probe ioctl 0x0000F645
check_eq "EVENT_NOTIFIER_GROUP_CREATE: ENOSYS" "ENOSYS" lttng-abi-probe ioctl 0x0000F64C
check_eq "bad user pointer gives EFAULT" "EFAULT" lttng-abi-probe ioctl 0x800CF646 0x10
check_eq "WAIT_QUIESCENT returns 0" "0" lttng-abi-probe ioctl 0x0000F648
check_eq "CALIBRATE kretprobe returns 0" "0" lttng-abi-probe calibrate 0
check_eq "CALIBRATE unknown type: EINVAL" "EINVAL" lttng-abi-probe calibrate 7
check_eq "TRACEPOINT_LIST returns an fd" "fd" lttng-abi-probe ioctl 0x0000F647
dt_events="event { name = lttng_dt_flag; };
event { name = lttng_dt_mark_send; };
event { name = lttng_dt_mark_recv; };"
if tracer_is_builtin; then
	# The probes are built in too, registered at boot, listed after the
	# tracer's own events.
	list_builtin() {
		lttng-abi-probe list tracepoint >/tmp/tp.txt &&
		[ "$(head -n 3 /tmp/tp.txt)" = "$dt_events" ] &&
		grep -qx "event { name = sched_switch; };" /tmp/tp.txt &&
		grep -qx "event { name = tcp_probe; };" /tmp/tp.txt &&
		grep -qx "event { name = lttng_test_filter_event; };" /tmp/tp.txt
	}
	check "built in: the dt events, then the built-in probes' events listed" list_builtin
else
	check_eq "no probe loaded: only the tracer's own dt events listed" \
		"$dt_events" lttng-abi-probe list tracepoint
fi
check_has "SYSCALL_LIST lists the native syscalls (openat is 257, 64-bit)" \
	'^syscall \{ index = 257; name = openat; bitness = 64; \};$' lttng-abi-probe list syscall
check_lacks "SYSCALL_LIST has no unknown" 'name = unknown;' lttng-abi-probe list syscall

check_eq "non-root open is refused" "EACCES" lttng-abi-probe open-as 65534

if tracer_is_builtin; then
	check_eq "built in: not in /proc/modules" "" sh -c 'grep ^lttng /proc/modules'
	exit 0
fi

# A client module pulls the core in through its symbol dependency.
check "rmmod lttng-tracer" rmmod lttng_tracer
check "/proc/lttng gone after unload" test ! -e /proc/lttng
check "modprobe a client loads lttng-tracer" sh -c \
	'modprobe lttng-ring-buffer-client-discard && grep -q "^lttng_tracer " /proc/modules'
check "lttng-tracer cannot unload under a client" sh -c '! rmmod lttng_tracer'
check "clients and core unload" sh -c \
	'rmmod lttng_ring_buffer_client_discard lttng_tracer && ! grep -q ^lttng /proc/modules'
