# SPDX-License-Identifier: GPL-2.0-only
# The probe modules added for lttng-modules' remaining tracepoint events:
# writeback, x86 interrupt vectors, x86 page faults, page reclaim
# (vmscan), printk_console, udp_fail_queue_rcv_skb, i2c, gpio, regulator,
# and lttng_logger (/proc/lttng-logger, /dev/lttng-logger). The VMs have
# no I2C, GPIO or regulator device: those are only listed.
# lttng list -k lists each event whose tracepoint this kernel has (tracefs
# is the independent witness) and no other. A workload whose values the
# test knows fires what this VM can fire: a helper writing to fresh pages
# (the faults' addresses are its pages), a tmpfs file appended to (its
# inode is dirtied), a loop device written and flushed where the kernel
# has loop (writeback by its bdi, 7:0), drop_caches (slab shrinkers), a
# line to /dev/kmsg (the console), an unread UDP socket with the smallest
# buffer (datagrams it cannot queue), lines to the logger files. The
# local APIC timer interrupts come by themselves.
# timeout: 900
# check-kernels: debian
. /lib/vmtest.sh

T=/tmp/traces
TF=/sys/kernel/tracing/events

# tracefs system, tracepoint, lttng-modules event name.
cat >/tmp/events <<'EOF'
writeback writeback_dirty_page writeback_dirty_page
writeback writeback_dirty_inode_start writeback_dirty_inode_start
writeback writeback_dirty_inode writeback_dirty_inode
writeback writeback_mark_inode_dirty writeback_mark_inode_dirty
writeback writeback_write_inode_start writeback_write_inode_start
writeback writeback_write_inode writeback_write_inode
writeback writeback_nothread writeback_nothread
writeback writeback_queue writeback_queue
writeback writeback_exec writeback_exec
writeback writeback_start writeback_start
writeback writeback_written writeback_written
writeback writeback_wait writeback_wait
writeback writeback_pages_written writeback_pages_written
writeback writeback_bdi_register writeback_bdi_register
writeback writeback_nowork writeback_nowork
writeback writeback_wake_background writeback_wake_background
writeback writeback_wake_thread writeback_wake_thread
writeback writeback_wake_forker_thread writeback_wake_forker_thread
writeback writeback_bdi_unregister writeback_bdi_unregister
writeback writeback_thread_start writeback_thread_start
writeback writeback_thread_stop writeback_thread_stop
writeback wbc_writepage writeback_wbc_writepage
writeback writeback_queue_io writeback_queue_io
writeback global_dirty_state writeback_global_dirty_state
writeback bdi_dirty_ratelimit writeback_bdi_dirty_ratelimit
writeback balance_dirty_pages writeback_balance_dirty_pages
writeback writeback_sb_inodes_requeue writeback_sb_inodes_requeue
writeback writeback_congestion_wait writeback_congestion_wait
writeback writeback_wait_iff_congested writeback_wait_iff_congested
writeback writeback_single_inode writeback_single_inode
irq_vectors local_timer_entry x86_irq_vectors_local_timer_entry
irq_vectors local_timer_exit x86_irq_vectors_local_timer_exit
irq_vectors reschedule_entry x86_irq_vectors_reschedule_entry
irq_vectors reschedule_exit x86_irq_vectors_reschedule_exit
irq_vectors spurious_apic_entry x86_irq_vectors_spurious_apic_entry
irq_vectors spurious_apic_exit x86_irq_vectors_spurious_apic_exit
irq_vectors error_apic_entry x86_irq_vectors_error_apic_entry
irq_vectors error_apic_exit x86_irq_vectors_error_apic_exit
irq_vectors x86_platform_ipi_entry x86_irq_vectors_ipi_entry
irq_vectors x86_platform_ipi_exit x86_irq_vectors_ipi_exit
irq_vectors irq_work_entry x86_irq_vectors_irq_work_entry
irq_vectors irq_work_exit x86_irq_vectors_irq_work_exit
irq_vectors call_function_entry x86_irq_vectors_call_function_entry
irq_vectors call_function_exit x86_irq_vectors_call_function_exit
irq_vectors call_function_single_entry x86_irq_vectors_call_function_single_entry
irq_vectors call_function_single_exit x86_irq_vectors_call_function_single_exit
irq_vectors threshold_apic_entry x86_irq_vectors_threshold_apic_entry
irq_vectors threshold_apic_exit x86_irq_vectors_threshold_apic_exit
irq_vectors deferred_error_apic_entry x86_irq_vectors_deferred_error_apic_entry
irq_vectors deferred_error_apic_exit x86_irq_vectors_deferred_error_apic_exit
irq_vectors thermal_apic_entry x86_irq_vectors_thermal_apic_entry
irq_vectors thermal_apic_exit x86_irq_vectors_thermal_apic_exit
exceptions page_fault_user x86_exceptions_page_fault_user
exceptions page_fault_kernel x86_exceptions_page_fault_kernel
vmscan mm_vmscan_kswapd_sleep mm_vmscan_kswapd_sleep
vmscan mm_vmscan_kswapd_wake mm_vmscan_kswapd_wake
vmscan mm_vmscan_wakeup_kswapd mm_vmscan_wakeup_kswapd
vmscan mm_vmscan_direct_reclaim_begin mm_vmscan_direct_reclaim_begin
vmscan mm_vmscan_memcg_reclaim_begin mm_vmscan_memcg_reclaim_begin
vmscan mm_vmscan_memcg_softlimit_reclaim_begin mm_vmscan_memcg_softlimit_reclaim_begin
vmscan mm_vmscan_direct_reclaim_end mm_vmscan_direct_reclaim_end
vmscan mm_vmscan_memcg_reclaim_end mm_vmscan_memcg_reclaim_end
vmscan mm_vmscan_memcg_softlimit_reclaim_end mm_vmscan_memcg_softlimit_reclaim_end
vmscan mm_shrink_slab_start mm_vmscan_shrink_slab_start
vmscan mm_shrink_slab_end mm_vmscan_shrink_slab_end
vmscan mm_vmscan_lru_isolate mm_vmscan_lru_isolate
vmscan mm_vmscan_writepage mm_vmscan_writepage
vmscan mm_vmscan_lru_shrink_inactive mm_vmscan_lru_shrink_inactive
printk console printk_console
udp udp_fail_queue_rcv_skb udp_fail_queue_rcv_skb
i2c i2c_write i2c_write
i2c i2c_read i2c_read
i2c i2c_reply i2c_reply
i2c i2c_result i2c_result
gpio gpio_direction gpio_direction
gpio gpio_value gpio_value
regulator regulator_enable regulator_enable
regulator regulator_enable_delay regulator_enable_delay
regulator regulator_enable_complete regulator_enable_complete
regulator regulator_disable regulator_disable
regulator regulator_disable_complete regulator_disable_complete
regulator regulator_set_voltage regulator_set_voltage
regulator regulator_set_voltage_complete regulator_set_voltage_complete
EOF

check "tracefs lists the kernel's tracepoints" test -d $TF/writeback -a -d $TF/vmscan
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
lttng list -k >/tmp/list.txt 2>&1
# listed: the events lttng list -k shows that the table has; expected:
# those whose tracepoint tracefs has.
awk '{print $1}' /tmp/list.txt | sort -u >/tmp/listed.all
: >/tmp/expected
while read -r sys tp ev; do
	[ -d "$TF/$sys/$tp" ] && echo "$ev" >>/tmp/expected
done </tmp/events
sort -o /tmp/expected /tmp/expected
awk '{print $3}' /tmp/events | sort >/tmp/table
grep -Fxf /tmp/listed.all /tmp/table >/tmp/listed
check_eq "lttng list -k: the table's events whose tracepoint the kernel has, no other" \
	"$(cat /tmp/expected)" cat /tmp/listed
# What both kernels have whatever their options (a list that cannot shrink
# to nothing with tracefs).
for ev in writeback_mark_inode_dirty writeback_single_inode \
	  writeback_global_dirty_state x86_irq_vectors_local_timer_entry \
	  x86_exceptions_page_fault_user mm_vmscan_shrink_slab_start \
	  printk_console udp_fail_queue_rcv_skb lttng_logger; do
	check "lttng list -k lists $ev" grep -q "^ *$ev " /tmp/list.txt
done

mk() {
	lttng create pe --output=$T/pe >/dev/null &&
	lttng enable-channel -k --subbuf-size 4M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch 'writeback_*,mm_vmscan_*,x86_irq_vectors_*,x86_exceptions_*,printk_console,udp_fail_queue_rcv_skb,lttng_logger' >/dev/null &&
	lttng add-context -k -c ch -t pid -t tid >/dev/null &&
	lttng start pe >/dev/null
}
check "session pe records the new events" mk

# Page faults: the helper's pages, written once each.
probe-events pages 16 >/tmp/pages.out
# A tmpfs file whose mtime is old: the append updates it and dirties
# the inode.
echo a >/tmp/wb-file && touch -d '2001-01-01 00:00' /tmp/wb-file &&
	echo b >>/tmp/wb-file
INO=$(stat -c %i /tmp/wb-file)
# A loop device: its page cache is written back by the flusher within a
# second when dirty pages expire at once. It stays open meanwhile (fd 3):
# the last close would write the pages itself, without the flusher.
HAVE_LOOP=0
if modprobe loop 2>/dev/null; then
	dd if=/dev/zero of=/tmp/loop.img bs=1M count=8 2>/dev/null &&
		losetup /dev/loop0 /tmp/loop.img && HAVE_LOOP=1
fi
if [ $HAVE_LOOP = 1 ]; then
	echo 1 >/proc/sys/vm/dirty_expire_centisecs
	echo 50 >/proc/sys/vm/dirty_writeback_centisecs
	exec 3</dev/loop0
	dd if=/dev/urandom of=/dev/loop0 bs=4k count=64 2>/dev/null
	sleep 5
	exec 3<&-
	sync
fi
echo 3 >/proc/sys/vm/drop_caches
# loglevel=4: only messages of level 0 to 3 reach the console.
echo "<3>lttng-dt probe-events console mark 4711" >/dev/kmsg
probe-events udp 6977 200 >/tmp/udp.out
echo "logger line one" >/proc/lttng-logger
echo "logger line two" >/dev/lttng-logger
probe-events write /proc/lttng-logger 2000 >/tmp/long.out
sleep 1
lttng stop pe >/dev/null
check "babeltrace2 reads pe" sh -c "babeltrace2 $T/pe >/tmp/pe.txt 2>/tmp/pe.err"
ev() { grep " $1: " /tmp/pe.txt; }
# The payload's field names, in order.
names() {
	ev "$1" | head -n 1 | sed 's/^.* '"$1"': { [^}]* }, { [^}]* }, { //; s/ }$//' |
		sed 's/ =[^,]*//g; s/,//g'
}

# -- page faults
PID=$(sed -n 's/^pid \([0-9]*\) .*/\1/p' /tmp/pages.out)
ADDR=$(sed -n 's/.* pages 0x\([0-9a-f]*\) .*/\1/p' /tmp/pages.out)
check_eq "page faults: lttng-modules' fields, in its order" "address ip error_code" \
	names x86_exceptions_page_fault_user
# Each page of the helper faulted once on its first write, at its first
# byte: address = the page, error code write|user (0x6), ip in user space.
faults() {
	ev x86_exceptions_page_fault_user | grep "pid = $PID, tid = $PID }" |
		sed -n 's/.*address = 0x\([0-9A-Fa-f]*\), ip = 0x\([0-9A-Fa-f]*\), error_code = 0x\([0-9A-Fa-f]*\).*/\1 \2 \3/p' |
		tr 'A-F' 'a-f'
}
page_faults() {
	local i a
	faults >/tmp/faults
	for i in $(seq 0 15); do
		a=$(printf '%x' $((0x$ADDR + i * 4096)))
		grep "^$a " /tmp/faults | head -n 1 | awk '{print $3, (length($2) <= 12 ? "user-ip" : "kernel-ip")}'
	done | sort | uniq -c | sed 's/^ *//'
}
check_eq "page_fault_user: each of the helper's 16 pages, write from user (0x6)" \
	"16 6 user-ip" page_faults

# -- writeback
check_eq "writeback_mark_inode_dirty: lttng-modules' fields, in its order" \
	"name ino state flags" names writeback_mark_inode_dirty
check_has "writeback_mark_inode_dirty: the appended tmpfs file's inode ($INO), no bdi" \
	"writeback_mark_inode_dirty: .*name = \"\(unknown\)\", ino = $INO, " cat /tmp/pe.txt
if [ $HAVE_LOOP = 1 ]; then
	check_eq "writeback_single_inode: lttng-modules' fields, in its order" \
		"name ino state dirtied_when writeback_index nr_to_write wrote" \
		names writeback_single_inode
	check_has "writeback_single_inode: the loop device's pages written by its bdi (7:0)" \
		'writeback_single_inode: .*name = "7:0", .*wrote = [1-9]' ev writeback_single_inode
	check_has "writeback_written: the flusher's work on bdi 7:0" \
		'writeback_written: .*name = "7:0"' cat /tmp/pe.txt
	# Dirtying pages of a bdi that writes back makes the writer check
	# the dirty limits (tmpfs alone never does).
	check_eq "writeback_global_dirty_state: lttng-modules' fields, in its order" \
		"nr_dirty nr_writeback nr_dirtied nr_written background_thresh dirty_thresh dirty_limit" \
		names writeback_global_dirty_state
fi

# -- vmscan: drop_caches runs every shrinker with objects; each start
# has its end, for the same shrinker.
check_eq "mm_vmscan_shrink_slab_start: lttng-modules' fields, in its order" \
	"shr shrink nid nr_objects_to_shrink gfp_flags cache_items delta total_scan priority" \
	names mm_vmscan_shrink_slab_start
shr_of() { ev "$1" | sed -n 's/.* shr = \(0x[0-9A-Fa-f]*\),.*/\1/p' | sort; }
check "drop_caches: shrink_slab events" test -n "$(shr_of mm_vmscan_shrink_slab_start)"
check_eq "mm_vmscan_shrink_slab_end: the same shrinkers as the starts" \
	"$(shr_of mm_vmscan_shrink_slab_start)" shr_of mm_vmscan_shrink_slab_end

# -- local APIC timer: vector 0xec (236), entries and exits paired.
vec_of() { ev "$1" | sed -n 's/.* vector = \([0-9]*\) }$/\1/p' | sort -u; }
check_eq "local_timer_entry: vector 236" "236" vec_of x86_irq_vectors_local_timer_entry
check_eq "local_timer_exit: vector 236" "236" vec_of x86_irq_vectors_local_timer_exit

# -- console
# A sequence shows its length first (_msg_length), as lttng-modules' does.
check_has "printk_console: lttng-modules' field (msg) holds the line written to /dev/kmsg" \
	'printk_console: .*, msg = "lttng-dt probe-events console mark 4711" }$' \
	ev printk_console

# -- UDP: the datagrams the unread socket could not queue (ENOMEM).
check_eq "udp helper sent its datagrams" "sent 200" cat /tmp/udp.out
check_has "udp_fail_queue_rcv_skb: rc -12 on local port 6977" \
	'udp_fail_queue_rcv_skb: .*\{ rc = -12, lport = 6977 \}' cat /tmp/pe.txt

# -- lttng_logger
check_has "lttng_logger: the line written to /proc/lttng-logger" \
	'lttng_logger: .*msg = "logger line one' cat /tmp/pe.txt
check_has "lttng_logger: the line written to /dev/lttng-logger" \
	'lttng_logger: .*msg = "logger line two' cat /tmp/pe.txt
logger_lens() {
	ev lttng_logger | sed -n 's/.*msg = "\(L*\)" }$/\1/p' | awk '{print length($0)}'
}
check_eq "lttng_logger: a 2000-byte write is cut at 1024 bytes" "1024" logger_lens
check_eq "lttng_logger: the write returns the 1024 bytes recorded" "1024" cat /tmp/long.out
