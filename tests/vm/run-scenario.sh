#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the VM(s) of one scenario and report its checks as TAP lines
# ("ok - NAME[vmI]: WHAT" / "not ok - ..."), adding two per VM: the
# scenario finished (no panic, no timeout) and the kernel log is clean.
#
# A scenario states its needs in header comments:
#   # vms: N        VMs linked in a chain (default 1; see boot_vm)
#   # timeout: S    seconds before the VMs are killed (default 300)
#   # kernels: K... only on these kernels (KERNEL=...); skipped elsewhere
#   # timeout-plus: NAME
#                   add the seconds that VM_GUEST_ENV gives NAME, if it does,
#                   to the timeout (a scenario that runs as long as told)
#   # expect-kernel-report: TEXT
#                   the scenario provokes a kernel report on purpose (to
#                   prove the harness catches it): the log must contain TEXT,
#                   and the "kernel log clean" check becomes "kernel report
#                   caught"
#   # host-check: PATH
#                   after the VMs end, run PATH (relative to the repository)
#                   on the host as "PATH LOGDIR NAME": it judges what the VMs
#                   exported (export_file) and prints more checks, tagged
#                   NAME[host]
#
# Environment: VM_ACCEL (tcg,thread=single; kvm opts in), VM_MEM, VM_CPUS, VM_QEMU_ARGS
# (more QEMU options, split on blanks), VM_GUEST_ENV (NAME=VALUE words for
# the kernel command line, which the kernel hands to the scenario as its
# environment, e.g. LTTNG_FUZZ_SECONDS=600).
#
# usage: run-scenario.sh KERNEL_IMAGE INITRAMFS LOGDIR SCENARIO_FILE
set -uo pipefail

kimage=$1 initrd=$2 logdir=$3 file=$4
name=$(basename "$file" .sh)
header() { sed -n "s/^# $1: *//p" "$file" | head -n 1; }
vms=$(header vms); vms=${vms:-1}
timeout=$(header timeout); timeout=${timeout:-300}
plus=$(header timeout-plus)
if [ -n "$plus" ]; then
	for kv in ${VM_GUEST_ENV:-}; do
		case $kv in "$plus="[0-9]*) timeout=$((timeout + ${kv#*=})) ;; esac
	done
fi

expected_report=$(header expect-kernel-report)
host_check=$(header host-check)

only=$(header kernels)
if [ -n "$only" ] && ! grep -qw -- "${KERNEL:-debian}" <<<"$only"; then
	echo "# $name: skipped, runs on kernels: $only"
	exit 0
fi

# What in a kernel log fails a run: oopses and warnings (lockdep and RCU
# checks report as "WARNING:" or "BUG:"), sanitizer reports, and leaks
# found by kmemleak (guest-init scans before dumping the log).
bad_kernel_log='BUG:|WARNING:|Oops|general protection|list_del corruption|Kernel panic|KASAN:|UBSAN:|unreferenced object|suspected memory leak'

# TCG unless VM_ACCEL=kvm: a /dev/kvm that opens is not one that works
# (nested KVM here refuses -cpu max's MSR 0x10a and QEMU aborts, or boots
# stall), and every timeout and measurement here is sized for TCG.
#
# One host thread for all vCPUs (thread=single): QEMU 7.2's multi-threaded
# TCG can keep running a stale translation of kernel text that another
# vCPU patched. When a static branch is switched (a tracepoint enabled or
# disabled), a vCPU keeps executing the patch's temporary int3 after it
# is gone from memory; the kernel's int3 handler sees no breakpoint there
# and backs up to run the instruction again, forever, with no kernel
# report. Toggling every ftrace event with no lttng module loaded hangs
# that way within two rounds (doc/testing.md); with thread=single, 30
# rounds pass. A VM used about one host core with either setting.
accel=${VM_ACCEL:-tcg,thread=single}
port=$((20000 + RANDOM % 20000))
mkdir -p "$logdir"

# VMs are linked in a chain, vm0 - vm1 - vm2 ...: link L joins vmL and
# vmL+1 through a QEMU socket pair on loopback (vmL listens, vmL+1
# connects), so a middle VM has two NICs, as a middle tier has. A socket
# netdev joins two ends only; a chain needs no other host network.
link_port() { echo $((port + $1)); }
# The NIC of vmI on link L: MAC 52:54:00:12:LL:II (guest-init finds its
# links by it).
nic_mac() { printf '52:54:00:12:%02x:%02x' "$1" "$((0x10 + $2))"; }
boot_vm() {
	local i=$1 net=()
	if [ "$i" -gt 0 ]; then
		net+=(-netdev "socket,id=up,connect=127.0.0.1:$(link_port $((i - 1)))"
		      -device "virtio-net-pci,netdev=up,mac=$(nic_mac $((i - 1)) "$i")")
	fi
	if [ "$i" -lt $((vms - 1)) ]; then
		net+=(-netdev "socket,id=down,listen=127.0.0.1:$(link_port "$i")"
		      -device "virtio-net-pci,netdev=down,mac=$(nic_mac "$i" "$i")")
	fi
	# -cpu max offers RDRAND and random.trust_cpu=on lets it seed the
	# guest's entropy pool at boot, so getrandom() does not block
	# lttng-sessiond (Debian's kernel trusts the CPU by default, ours not).
	# q35: on the default "pc" machine each virtio-pci device adds ~25 s
	# to a kmemleak kernel's boot (ACPI interrupt-link set-up).
	# la57=off: with 5-level paging, the KASAN kernel once reported a wild
	# access in an interrupt taken during start_kernel, before any test
	# code ran; most machines running Debian page with 4 levels.
	# unknown_nmi_panic: the NMI that hang_report sends makes the guest
	# print where it is stuck, even with interrupts off.
	# no_timer_check: the boot's IO-APIC timer test counts ticks in a
	# busy-wait of fixed length; an emulated CPU on a loaded host misses
	# them and the kernel panics ("IO-APIC + timer doesn't work", seen at
	# load 14). The emulated timer does work: the test is skipped.
	local log=$logdir/$name.vm$i.log mon qemu
	mon=$(monitor_port "$i")
	# Appended to by QEMU and by hang_report: both write at the end.
	: >"$log"
	qemu-system-x86_64 -accel "$accel" \
		-machine q35 -cpu max,la57=off \
		-m "${VM_MEM:-1536}" -smp "${VM_CPUS:-2}" -nographic -no-reboot \
		-kernel "$kimage" -initrd "$initrd" "${net[@]}" ${VM_QEMU_ARGS:-} \
		-monitor "tcp:127.0.0.1:$mon,server,nowait" \
		-append "console=ttyS0 panic=-1 quiet loglevel=4 random.trust_cpu=on unknown_nmi_panic=1 no_timer_check vmtest.scenario=$name vmtest.role=$i vmtest.vms=$vms ${VM_GUEST_ENV:-}" \
		</dev/null >>"$log" 2>&1 &
	qemu=$!
	# The VM gets $timeout seconds; then its hang is reported and it is
	# stopped.
	local t=0
	while kill -0 "$qemu" 2>/dev/null; do
		if [ "$t" -ge "$timeout" ]; then
			hang_report "$mon" "$qemu" >>"$log" 2>&1
			kill -TERM "$qemu" 2>/dev/null
			sleep 10
			kill -KILL "$qemu" 2>/dev/null
			break
		fi
		sleep 1
		t=$((t + 1))
	done
	wait "$qemu"
	return 0
}

# A VM's QEMU monitor, on loopback.
monitor_port() { echo $((port + 100 + $1)); }

# hang_report MONITOR_PORT QEMU_PID: a VM that did not finish in time
# says where it is: its vCPUs' registers from the QEMU monitor, then an
# NMI, which the guest (unknown_nmi_panic) turns into a panic that prints
# the stack it interrupted. Printed into the VM's log.
hang_report() {
	local port=$1 qemu=$2 reader
	echo "=== HARNESS: timeout after $timeout s: vCPU registers, then an NMI"
	exec 3<>"/dev/tcp/127.0.0.1/$port" || return 0
	cat <&3 | tr -d '\r' | grep -aE '^(CPU#|RIP=|RSP=|CR3=)|QEMU' &
	reader=$!
	printf 'info registers -a\n' >&3
	sleep 2
	printf 'nmi\n' >&3
	# The guest panics and QEMU exits (panic=-1 -no-reboot), or not.
	local n=0
	while [ $n -lt 30 ] && kill -0 "$qemu" 2>/dev/null; do
		sleep 1
		n=$((n + 1))
	done
	exec 3>&-
	kill "$reader" 2>/dev/null
	echo "=== HARNESS: end of the hang report"
}

pids=()
for ((i = 0; i < vms; i++)); do
	boot_vm "$i" &
	pids+=($!)
	# Each VM listens on its downstream link before the next connects.
	[ "$i" -lt $((vms - 1)) ] && sleep 1
done
wait "${pids[@]}"

report() {
	local ok=$1 what=$2 log=$3
	if [ "$ok" = 1 ]; then
		echo "ok - $what"
	else
		echo "not ok - $what"
		[ -n "$log" ] && sed 's/^/# /' <<<"$log"
	fi
}

for ((i = 0; i < vms; i++)); do
	log="$logdir/$name.vm$i.log"
	tag="$name[vm$i]"
	tr -d '\r' <"$log" | sed -n '/=== VMTEST BEGIN/,/^=== VMTEST END/p' |
		sed -n -E "s/^(ok|not ok) - /\1 - $tag: /p; /^# /p"
	if grep -q '^=== VMTEST END' "$log"; then
		report 1 "$tag: finished" ""
	else
		report 0 "$tag: finished" "$(tr -d '\r' <"$log" | tail -n 80)"
	fi
	# Kernel text: the dmesg dump, console lines outside the scenario's
	# own output, and timestamped console lines within it (a panic never
	# reaches the dump).
	bad=$(tr -d '\r' <"$log" | awk '
		/=== VMTEST BEGIN/ { in_test = 1 }
		/^=== VMTEST END/ { in_test = 0; next }
		!in_test || /^\[ *[0-9]+\.[0-9]+\]/' |
	      grep -E "$bad_kernel_log" | head -n 20)
	if [ -n "$expected_report" ]; then
		if grep -qF -- "$expected_report" "$log"; then
			report 1 "$tag: kernel report caught: $expected_report" ""
		else
			report 0 "$tag: kernel report caught: $expected_report" \
				"no such report in the kernel log"
		fi
	elif [ -z "$bad" ] && grep -q '^=== DMESG END' "$log"; then
		report 1 "$tag: kernel log clean" ""
	else
		report 0 "$tag: kernel log clean" "${bad:-no kernel log dump}"
	fi
done

# What the VMs exported, judged on the host (# host-check:).
if [ -n "$host_check" ]; then
	repo=$(cd "$(dirname "$0")/../.." && pwd)
	"$repo/$host_check" "$logdir" "$name" 2>&1 |
		sed -E "s/^(ok|not ok) - /\1 - $name[host]: /"
	rc=${PIPESTATUS[0]}
	[ "$rc" = 0 ] || echo "not ok - $name[host]: $host_check exited with status $rc"
fi
