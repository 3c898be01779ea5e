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

# Channel geometry: what the machine cannot hold is refused before any
# allocation, with no kernel log (the harness checks it at the end).
check "the channel clients are loaded" sh -c \
	'modprobe lttng-ring-buffer-client-discard && modprobe lttng-ring-buffer-metadata-mmap-client'
check_eq "CHANNEL 4 x 64 KiB: an fd" "fd" lttng-abi-probe channel 65536 4
check_eq "CHANNEL 2^40 x 2^15 bytes (2^55): ENOMEM" "ENOMEM" \
	lttng-abi-probe channel 0x10000000000 0x8000
check_eq "CHANNEL 2^12 x 2^30 sub-buffers: ENOMEM" "ENOMEM" \
	lttng-abi-probe channel 4096 0x40000000
check_eq "CHANNEL 4 GiB x 2 (more than the VM's memory): ENOMEM" "ENOMEM" \
	lttng-abi-probe channel 0x100000000 2
check_eq "CHANNEL 2^62 bytes, past what positions can count: EINVAL" "EINVAL" \
	lttng-abi-probe channel 0x4000000000000000 2
check_eq "CHANNEL size not a power of two: EINVAL" "EINVAL" \
	lttng-abi-probe channel 65537 4

# A stream outlives its channel and session (the consumer reads on after
# destroy): its buffers call the client's code, so the client stays.
mkfifo /tmp/hold.in
lttng-abi-probe hold-stream </tmp/hold.in >/tmp/hold.out &
H=$!
exec 4>/tmp/hold.in
check "a stream whose channel and session are closed" wait_for 10 grep -qx holding /tmp/hold.out
if ! tracer_is_builtin; then
	check "the client cannot unload under the stream" sh -c \
		'! rmmod lttng_ring_buffer_client_discard 2>/dev/null'
fi
echo go >&4
exec 4>&-
wait $H
check_eq "the stream still answers FLUSH and GET_CURRENT_TIMESTAMP, ENOTTY to an unknown command" \
	"holding
FLUSH 0
GET_CURRENT_TIMESTAMP 0
unknown ENOTTY
GET_SUBBUF_SIZE unheld EINVAL" cat /tmp/hold.out
check_eq "a metadata stream: ENOTTY for an unknown command, EINVAL unheld" \
	"unknown ENOTTY
GET_SUBBUF_SIZE unheld EINVAL" lttng-abi-probe metadata-unknown
if ! tracer_is_builtin; then
	check "the clients unload once the stream is closed" \
		rmmod lttng_ring_buffer_client_discard lttng_ring_buffer_metadata_mmap_client
fi

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
