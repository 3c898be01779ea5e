# SPDX-License-Identifier: GPL-2.0-only
# lttng-tracer alone: /proc/lttng, the version ioctls as lttng-modules 2.13
# answers them, clear errors, root only, a 32-bit consumer's stream
# ioctls, clean unload (when a module).
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
event { name = lttng_dt_mark_recv; };
event { name = lttng_dt_mark_write; };
event { name = lttng_dt_mark_read; };
event { name = lttng_logger; };"
if tracer_is_builtin; then
	# The probes are built in too, registered at boot, listed after the
	# tracer's own events.
	list_builtin() {
		lttng-abi-probe list tracepoint >/tmp/tp.txt &&
		[ "$(head -n 5 /tmp/tp.txt)" = "$(echo "$dt_events" | head -n 5)" ] &&
		grep -qx "event { name = lttng_logger; };" /tmp/tp.txt &&
		grep -qx "event { name = sched_switch; };" /tmp/tp.txt &&
		grep -qx "event { name = tcp_probe; };" /tmp/tp.txt &&
		grep -qx "event { name = lttng_test_filter_event; };" /tmp/tp.txt
	}
	check "built in: the tracer's own events, then the built-in probes' events listed" list_builtin
else
	check_eq "no probe loaded: only the tracer's own events listed (dt, lttng_logger)" \
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

# --- A 32-bit consumer (lttng-tools built for i386) on this 64-bit
# kernel. lttng-abi-m32 (gcc -m32 -static) makes its session through
# /proc/lttng, records 10 test events, holds a packet of CPU 0's data
# stream and of the metadata stream through the 32-bit numbers and reads
# them through mmap; for the same stream files the 64-bit lttng-abi-probe
# must answer the same values. /proc/sys/abi/vsyscall32 exists only where
# the kernel runs i386 programs (CONFIG_IA32_EMULATION).
if [ ! -e /proc/sys/abi/vsyscall32 ]; then
	echo "# skipped: 32-bit consumer: this kernel cannot run i386 programs (no CONFIG_IA32_EMULATION)"
else
	check "the test trigger and the mmap clients are loaded" sh -c \
		'modprobe lttng-test && modprobe lttng-ring-buffer-client-mmap-discard &&
		 modprobe lttng-ring-buffer-metadata-mmap-client'
	mkdir -p /tmp/m32
	check_eq "32-bit: GET_SUBBUF at its consumed position, the packet through mmap, put; the metadata packet" \
		"data get_subbuf 0
data magic c1fc1fc1
data stream_id matches
data events recorded
data put_subbuf 0
data packets 1
meta get_next_subbuf 0
meta magic 75d11d57
meta put_next_subbuf 0" lttng-abi-m32 /tmp/m32
	check_count "32-bit data stream: the 15 positions, sizes and packet fields read" \
		15 '^[a-z_]+ [0-9]+$' cat /tmp/m32/data.m32
	check_count "32-bit metadata stream: the 7 positions and sizes and the version read" \
		8 '^[a-z_]+ [0-9]+$' cat /tmp/m32/meta.m32
	check "32-bit and 64-bit answers are the same for one data stream" \
		diff /tmp/m32/data.native /tmp/m32/data.m32
	check "32-bit and 64-bit answers are the same for one metadata stream" \
		diff /tmp/m32/meta.native /tmp/m32/meta.m32
	check_eq "GET_SUBBUF with a packet held: EBUSY; on metadata: ENOSYS (32-bit)" \
		"get_subbuf EBUSY
get_subbuf ENOSYS" grep -h '^get_subbuf ' /tmp/m32/data.m32 /tmp/m32/meta.m32
	if ! tracer_is_builtin; then
		check "the test trigger and the mmap clients unload" rmmod lttng_test \
			lttng_ring_buffer_client_mmap_discard lttng_ring_buffer_metadata_mmap_client
	fi
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
