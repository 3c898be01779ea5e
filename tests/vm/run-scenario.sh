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
#   # expect-kernel-report: TEXT
#                   the scenario provokes a kernel report on purpose (to
#                   prove the harness catches it): the log must contain TEXT,
#                   and the "kernel log clean" check becomes "kernel report
#                   caught"
#
# Environment: VM_ACCEL (tcg; kvm opts in), VM_MEM, VM_CPUS, VM_QEMU_ARGS
# (more QEMU options, split on blanks).
#
# usage: run-scenario.sh KERNEL_IMAGE INITRAMFS LOGDIR SCENARIO_FILE
set -uo pipefail

kimage=$1 initrd=$2 logdir=$3 file=$4
name=$(basename "$file" .sh)
header() { sed -n "s/^# $1: *//p" "$file" | head -n 1; }
vms=$(header vms); vms=${vms:-1}
timeout=$(header timeout); timeout=${timeout:-300}

expected_report=$(header expect-kernel-report)

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
accel=${VM_ACCEL:-tcg}
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
	timeout --kill-after=10 "$timeout" qemu-system-x86_64 -accel "$accel" \
		-machine q35 -cpu max,la57=off \
		-m "${VM_MEM:-1536}" -smp "${VM_CPUS:-2}" -nographic -no-reboot \
		-kernel "$kimage" -initrd "$initrd" "${net[@]}" ${VM_QEMU_ARGS:-} \
		-append "console=ttyS0 panic=-1 quiet loglevel=4 random.trust_cpu=on vmtest.scenario=$name vmtest.role=$i vmtest.vms=$vms" \
		</dev/null >"$logdir/$name.vm$i.log" 2>&1
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
		report 0 "$tag: finished" "$(tail -n 30 "$log")"
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
