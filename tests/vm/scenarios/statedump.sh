# SPDX-License-Identifier: GPL-2.0-only
# The statedump: starting a session that enables lttng_statedump_* records
# the threads (with their namespaces and open files), network interfaces,
# block devices, interrupts and CPUs, between one start and one end, with
# lttng-modules 2.13.9's event and field names; `lttng regenerate
# statedump` records it again; other active sessions get none of it.
# timeout: 600
. /lib/vmtest.sh

lttng() { timeout 120 /usr/bin/lttng "$@"; }
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check "lttng list -k shows the statedump events" \
	sh -c 'lttng list -k | grep -q "lttng_statedump_process_state "'

# Known state: a sleeping process holding /tmp/known-file open on fd 7,
# and (Debian's kernel, which has the loop module) a loop block device.
sh -c 'exec 7>/tmp/known-file; exec sleep 1000' &
child=$!
wait_for 10 sh -c "[ \"\$(readlink /proc/$child/fd/7)\" = /tmp/known-file ]"
echo "# known process: pid $child, parent $$"
disk=
if modprobe loop 2>/dev/null; then
	dd if=/dev/zero of=/tmp/disk.img bs=1M count=4 2>/dev/null
	disk=$(losetup -f)
	losetup "$disk" /tmp/disk.img
	echo "# block device: $disk"
fi

# The known process's namespaces, as /proc shows them (before it exits).
for ns in /proc/$child/ns/*; do
	echo "${ns##*/} $(readlink "$ns" | sed 's/.*\[\([0-9]*\)\]/\1/')"
done >/tmp/child-ns

# s3 records the scheduler only, s2 the statedump; both are active when
# s1 starts and runs its statedump, then regenerates it.
lttng create s3 --output=/tmp/tr/s3 >/dev/null
lttng enable-event -k -s s3 sched_switch >/dev/null
lttng start s3 >/dev/null
lttng create s2 --output=/tmp/tr/s2 >/dev/null
lttng enable-event -k -s s2 'lttng_statedump_*' >/dev/null
lttng start s2 >/dev/null
check "create s1" lttng create s1 --output=/tmp/tr/s1
check "enable lttng_statedump_* in s1" lttng enable-event -k -s s1 'lttng_statedump_*'
check "start s1" lttng start s1
check "lttng regenerate statedump" lttng regenerate statedump -s s1
for s in s1 s2 s3; do
	lttng stop $s >/dev/null
	lttng destroy $s >/dev/null
done
kill "$child"
[ -n "$disk" ] && losetup -d "$disk"

babeltrace2 /tmp/tr/s1 >/tmp/s1.txt 2>/tmp/bt.err
check "babeltrace2 reads s1" test $? -eq 0
check_eq "babeltrace2 prints no warning" "" cat /tmp/bt.err
# The checks of s3's and the metadata's absences need the whole text.
check "babeltrace2 reads s2 and s3" sh -c \
	'babeltrace2 /tmp/tr/s2 >/tmp/s2.txt && babeltrace2 /tmp/tr/s3 >/tmp/s3.txt'
check "babeltrace2 prints s1's metadata" \
	sh -c 'babeltrace2 --output-format=ctf-metadata /tmp/tr/s1/kernel >/tmp/meta.txt'
echo "# s1: $(wc -l </tmp/s1.txt) events"

count() { grep -c " $1: " "${2:-/tmp/s1.txt}"; }
# The first statedump, from its start to its end.
grep -n '' /tmp/s1.txt | awk '/ lttng_statedump_start: / { n++ } n == 1' >/tmp/d1.txt
sed -i 's/^[0-9]*://' /tmp/d1.txt

# --- One start and one end per statedump, in order.
check_eq "two starts in s1 (start, regenerate)" 2 count lttng_statedump_start
check_eq "two ends in s1" 2 count lttng_statedump_end
check_eq "start, end, start, end" "start end start end" sh -c \
	"grep -o ' lttng_statedump_\(start\|end\): ' /tmp/s1.txt | sed 's/.*_\(start\|end\): /\1/' | tr '\n' ' ' | sed 's/ \$//'"
check "the first dump has process states between start and end" \
	sh -c "sed -n '/ lttng_statedump_end: /q;p' /tmp/d1.txt | grep -q ' lttng_statedump_process_state: '"
check_eq "no vm_map (lttng-modules 2.13.9 does not walk maps either)" 0 count lttng_statedump_vm_map

# --- Session isolation.
check_eq "s2 (statedump, started before) has only its own start" 1 \
	count lttng_statedump_start /tmp/s2.txt
check_eq "s2 has only its own end" 1 count lttng_statedump_end /tmp/s2.txt
check "s3 (no statedump events) recorded its scheduler events" \
	sh -c "grep -q ' sched_switch: ' /tmp/s3.txt"
check_eq "s3 got no statedump event" 0 sh -c "grep -c lttng_statedump /tmp/s3.txt"

# --- The known process.
ps_line=$(grep " lttng_statedump_process_state: .* tid = $child, " /tmp/d1.txt)
echo "# $ps_line" | cut -c1-400
check "process_state of the known process: tid, pid, ppid, name" sh -c \
	"printf '%s\n' '$ps_line' | grep -q '{ tid = $child, pid = $child, ppid = $$, name = \"sleep\", type = 0, mode = 5, submode = 0, status = 5, '"
check_eq "one process_state per thread: the known process once per dump" 2 \
	sh -c "grep -c ' lttng_statedump_process_state: .* tid = $child, ' /tmp/s1.txt"
check "process_state of init (pid 1, user thread)" \
	sh -c "grep -q ' lttng_statedump_process_state: .*{ tid = 1, pid = 1, ppid = 0, .* type = 0,' /tmp/d1.txt"
check "process_state of kthreadd (pid 2, kernel thread)" \
	sh -c "grep -q ' lttng_statedump_process_state: .*{ tid = 2, pid = 2, ppid = 0, name = \"kthreadd\", type = 1,' /tmp/d1.txt"
table=$(printf '%s\n' "$ps_line" | sed -n 's/.*file_table_address = \(0x[0-9A-Fa-f]*\).*/\1/p')
fd_line=$(grep " lttng_statedump_file_descriptor: .*file_table_address = $table, fd = 7, " /tmp/d1.txt)
echo "# $fd_line" | cut -c1-400
check "file_descriptor: fd 7 of the known process is /tmp/known-file" \
	sh -c "printf '%s\n' '$fd_line' | grep -q 'filename = \"/tmp/known-file\" }'"
has_std_fds() {
	for fd in 0 1 2; do
		grep -q " lttng_statedump_file_descriptor: .*file_table_address = $table, fd = $fd, " \
			/tmp/d1.txt || return 1
	done
}
check "file_descriptor: its fds 0-2 too" has_std_fds

# --- Namespaces: inode numbers as /proc/PID/ns/* shows them.
expect_ns="cgroup ipc net pid user uts"
[ -e /proc/$$/ns/time ] && expect_ns="$expect_ns time"
# lttng-modules records mnt_ns only when built against a full kernel
# tree (struct mnt_namespace is private): our debug kernel, not Debian's.
if uname -v | grep -q Debian; then
	check_eq "no mnt_ns event against Debian's headers (as lttng-modules)" 0 \
		count lttng_statedump_process_mnt_ns
else
	expect_ns="$expect_ns mnt"
fi
inum() { sed -n "s/^$1 //p" /tmp/child-ns; }
for ns in $expect_ns; do
	check "${ns}_ns of the known process: ns_inum $(inum $ns)" sh -c \
		"grep ' lttng_statedump_process_${ns}_ns: ' /tmp/d1.txt | grep -q '{ tid = $child, .*ns_inum = $(inum $ns) }'"
done
check "pid_ns: vtid, vpid and vppid of the known process in the initial namespace" sh -c \
	"grep -q ' lttng_statedump_process_pid_ns: .*{ tid = $child, vtid = $child, vpid = $child, vppid = $$, ns_level = 0, ' /tmp/d1.txt"
check "user_ns: root's ids at level 0" sh -c \
	"grep -q ' lttng_statedump_process_user_ns: .*{ tid = $child, vuid = 0, vgid = 0, ns_level = 0, ' /tmp/d1.txt"

# --- System state.
check "network_interface: lo with 127.0.0.1" \
	sh -c "grep -q ' lttng_statedump_network_interface: .*{ name = \"lo\", address_ipv4 = 0x7F000001 }' /tmp/d1.txt"
check_eq "cpu_topology: one per possible CPU" "$(grep -c ^processor /proc/cpuinfo)" \
	count lttng_statedump_cpu_topology /tmp/d1.txt
check "cpu_topology: x86 with a vendor" \
	sh -c "grep -q ' lttng_statedump_cpu_topology: .*{ architecture = \"x86\", cpu_id = 0, vendor = \"[A-Za-z]' /tmp/d1.txt"
check "interrupt: at least one handler, with its chip and action names" \
	sh -c "grep -q ' lttng_statedump_interrupt: .*{ irq = [0-9]*, name = \"[^\"]\+\", action = \"[^\"]\+\", tid = ' /tmp/d1.txt"
if [ -n "$disk" ]; then
	name=${disk#/dev/}
	devt=$(( ($(cat /sys/block/$name/dev 2>/dev/null | cut -d: -f1) << 20) | $(cat /sys/block/$name/dev 2>/dev/null | cut -d: -f2) ))
	check "block_device: $name, dev $devt" sh -c \
		"grep -q ' lttng_statedump_block_device: .*{ dev = $devt, diskname = \"$name\" }' /tmp/d1.txt"
fi

# --- Field names and order: lttng-modules 2.13.9's, for every event
# declared (from the trace's metadata), and as babeltrace2 prints them.
declared() {
	awk -v ev="$1" '
		/^event \{/ { name = ""; next }
		/^[ \t]*name = "/ { n = $0; sub(/.*name = "/, "", n); sub(/".*/, "", n); name = n; next }
		name == ev && /fields := struct/ { on = 1; next }
		on && /^[ \t]*\};/ { exit }
		on && match($0, /_[a-z0-9_]+(\[[^]]*\])?;$/) {
			f = substr($0, RSTART + 1, RLENGTH - 2); sub(/\[.*/, "", f); printf "%s ", f
		}' /tmp/meta.txt
}
printed() {
	grep -m1 " $1: " /tmp/s1.txt | sed 's/^.*}, {//; s/"[^"]*"//g' |
		grep -o '[a-z_0-9]* =' | tr -d ' =' | tr '\n' ' '
}
while read -r ev fields; do
	[ "$ev" = lttng_statedump_process_mnt_ns ] && uname -v | grep -q Debian && continue
	[ "$ev" = lttng_statedump_process_time_ns ] && [ ! -e /proc/$$/ns/time ] && continue
	check_eq "$ev declares: ${fields:-(none)}" "${fields:+$fields }" declared "$ev"
	if [ -n "$fields" ] && grep -q " $ev: " /tmp/s1.txt; then
		check_eq "$ev printed: $fields" "$fields " printed "$ev"
	fi
done <<'EOF'
lttng_statedump_start
lttng_statedump_end
lttng_statedump_process_state tid pid ppid name type mode submode status cpu file_table_address
lttng_statedump_process_cgroup_ns tid ns_inum
lttng_statedump_process_ipc_ns tid ns_inum
lttng_statedump_process_mnt_ns tid ns_inum
lttng_statedump_process_net_ns tid ns_inum
lttng_statedump_process_pid_ns tid vtid vpid vppid ns_level ns_inum
lttng_statedump_process_user_ns tid vuid vgid ns_level ns_inum
lttng_statedump_process_uts_ns tid ns_inum
lttng_statedump_process_time_ns tid ns_inum
lttng_statedump_file_descriptor file_table_address fd flags fmode filename
lttng_statedump_vm_map pid start end flags inode pgoff
lttng_statedump_network_interface name address_ipv4
lttng_statedump_block_device dev diskname
lttng_statedump_interrupt irq name action tid
lttng_statedump_cpu_topology architecture cpu_id vendor family model model_name physical_id core_id cores
EOF
check "file_descriptor flags are octal" \
	sh -c "awk '/name = \"lttng_statedump_file_descriptor\"/,/^};/' /tmp/meta.txt | grep '_flags;' | grep -q 'base = 8;'"
check "address_ipv4 is big-endian hexadecimal" \
	sh -c "awk '/name = \"lttng_statedump_network_interface\"/,/^};/' /tmp/meta.txt | grep '_address_ipv4;' | grep 'base = 16;' | grep -q 'byte_order = be;'"

kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
check "every module unloads" sh -c '! grep -q "^lttng" /proc/modules'
grep -iE "error|warn" /tmp/sessiond.log | sed 's/^/# sessiond: /'
