# SPDX-License-Identifier: GPL-2.0-only
# The contexts with state of their own, added with the stock
# `lttng add-context` and read back with babeltrace2: callstack-kernel and
# callstack-user (lttng-modules' sequence layout; a known program's
# frames, kernel frames named by /proc/kallsyms); the perf software
# counters (lttng-modules' field names; page faults, context switches,
# clocks and migrations counted between two events of a workload, helper
# ctx-work); hardware counters refused on a machine without a PMU, with
# no kernel report; a perf counter through a CPU going offline and back;
# interruptible as lttng-modules defines it (interrupts on at the probe).
# check-kernels: debian
# timeout: 1200
. /lib/vmtest.sh

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check "the test trigger module loads" modprobe lttng-test
lttng() { timeout 120 /usr/bin/lttng "$@"; }
T=/tmp/tr
CPU1=/sys/devices/system/cpu/cpu1/online

# session NAME EVENT-ARGS...: channel ch recording the events (a comma list).
session() {
	local name=$1
	shift
	lttng create "$name" --output="$T/$name" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch "$@" >/dev/null
}
# finish NAME: stop, destroy, read the trace into /tmp/NAME.txt.
finish() {
	lttng stop >/dev/null
	lttng destroy "$1" >/dev/null
	babeltrace2 "$T/$1" >"/tmp/$1.txt" 2>"/tmp/$1.err"
}
# val NAME LINE: the decimal value of field NAME in a babeltrace2 line.
val() { printf '%s\n' "$2" | sed -n "s/.*[{ ]$1 = \([0-9]*\)[,} ].*/\1/p"; }
# test_events FILE TID: the test events of thread TID, in order.
test_events() { grep " lttng_test_filter_event: .* tid = $2[,} ]" "$1"; }
# seq_of NAME LINE: the elements of sequence NAME, one a line.
seq_of() {
	printf '%s\n' "$2" | sed "s/.* $1 = \[//; s/ \] *[,}].*//" | grep -o '0x[0-9a-fA-F]*'
}
# in_range ADDR START END: START <= ADDR < END (user addresses).
in_range() { [ $(($1)) -ge $(($2)) ] && [ $(($1)) -lt $(($3)) ]; }

# --- Call stacks and interruptible, on a known program and the scheduler.
session cs lttng_test_filter_event,sched_switch
check "add-context callstack-kernel, callstack-user, interruptible" \
	lttng add-context -k -c ch -t tid -t interruptible -t callstack-kernel -t callstack-user
check "callstack-kernel twice is accepted (lttng ignores EEXIST)" \
	lttng add-context -k -c ch -t callstack-kernel
lttng start >/dev/null
ctx-work stack >/tmp/stack.out
sleep 1
finish cs
check_eq "babeltrace2 reads the call stacks without complaint" "" cat /tmp/cs.err
babeltrace2 --output-format=ctf-metadata "$T/cs/kernel" >/tmp/cs.md 2>&1
check_has "metadata: the kernel stack's length, unsigned int" \
	'integer \{ size = 32; align = 8; signed = 0; encoding = none; base = 10; \} __callstack_kernel_length;' cat /tmp/cs.md
check_has "metadata: the kernel stack, hex unsigned longs of that length" \
	'integer \{ size = 64; align = 8; signed = 0; encoding = none; base = 16; \} _callstack_kernel\[ __callstack_kernel_length \];' cat /tmp/cs.md
check_has "metadata: the user stack likewise" \
	'_callstack_user\[ __callstack_user_length \];' cat /tmp/cs.md
check_has "metadata: interruptible is an int8_t" \
	'integer \{ size = 8; align = 8; signed = 1; encoding = none; base = 10; \} _interruptible;' cat /tmp/cs.md
tid=$(sed -n 's/^tid //p' /tmp/stack.out)
ev=$(test_events /tmp/cs.txt "$tid")
echo "# $ev" | cut -c1-1500
check_eq "ctx-work's one test event" 1 sh -c "printf '%s\n' \"\$1\" | grep -c ." _ "$ev"
seq_of callstack_user "$ev" >/tmp/ustack
check_eq "_callstack_user_length is the number of user addresses" \
	"$(wc -l </tmp/ustack)" val _callstack_user_length "$ev"
# f1 issued the write; f2 called f1, f3 called f2: the stack, innermost first.
i=0
for f in f1 f2 f3; do
	i=$((i + 1))
	a=$(sed -n "${i}p" /tmp/ustack)
	set -- $(grep "^$f " /tmp/stack.out)
	check "user stack entry $i ($a) is in $f [$2, $3)" in_range "${a:-0}" "$2" "$3"
done
seq_of callstack_kernel "$ev" >/tmp/kstack
check_eq "_callstack_kernel_length is the number of kernel addresses" \
	"$(wc -l </tmp/kstack)" val _callstack_kernel_length "$ev"
ctx-work ksym $(cat /tmp/kstack) >/tmp/kfuncs
sed 's/^/# kernel frame: /' /tmp/kfuncs
check_has "the write's kernel stack passes through vfs_write" '^vfs_write$' cat /tmp/kfuncs
check_has "... and the system call entry (do_syscall_64)" '^do_syscall_64$' cat /tmp/kfuncs
check_has "... and the test trigger's write handler" 'lttng_test' cat /tmp/kfuncs
check_lacks "no kernel frame outside kernel text" '^\?$' cat /tmp/kfuncs
sw=$(grep -m1 " sched_switch: .*prev_tid = $tid," /tmp/cs.txt)
[ -n "$sw" ] || sw=$(grep -m1 " sched_switch: " /tmp/cs.txt)
ctx-work ksym $(seq_of callstack_kernel "$sw") >/tmp/kfuncs
check_has "a sched_switch's kernel stack passes through __schedule" '^__schedule$' cat /tmp/kfuncs
check_count "every test event has interruptible = 1 (interrupts on)" \
	"$(grep -c ' lttng_test_filter_event: ' /tmp/cs.txt)" 'interruptible = 1,' \
	grep ' lttng_test_filter_event: ' /tmp/cs.txt
check_lacks "no sched_switch has interruptible = 1 (the scheduler runs with interrupts off)" \
	'interruptible = 1,' grep ' sched_switch: ' /tmp/cs.txt
check_has "sched_switch events were recorded" 'interruptible = 0,' grep ' sched_switch: ' /tmp/cs.txt

# --- The same under load: every event, both stacks, records nested in
# interrupts; babeltrace2 must read every record.
session nest -a
lttng add-context -k -c ch -t callstack-kernel -t callstack-user >/dev/null
lttng start >/dev/null
ctx-work pingpong 0 100 >/dev/null
ctx-work faults 1 100 >/dev/null
finish nest
check_eq "-a with both stacks: babeltrace2 reads every record" "" cat /tmp/nest.err
check_has "-a with both stacks: interrupt events recorded" ' (irq_handler_entry|irq_softirq_entry|timer_hrtimer_expire_entry): ' \
	cat /tmp/nest.txt

# --- Perf software counters: lttng-modules' names, values from the work.
SW="cpu-clock task-clock page-fault faults major-faults minor-faults
context-switches cs cpu-migrations migrations alignment-faults emulation-faults"
session perf lttng_test_filter_event
lttng add-context -k -c ch -t tid >/dev/null
for c in $SW; do
	check "add-context perf:cpu:$c" lttng add-context -k -c ch -t "perf:cpu:$c"
done
lttng start >/dev/null
ctx-work faults 0 200 >/tmp/faults.out
ctx-work pingpong 0 100 >/tmp/pp.out
ctx-work busy 0 100 >/tmp/busy.out
ctx-work migrate 10 >/tmp/mig.out
finish perf
check_eq "babeltrace2 reads the counters without complaint" "" cat /tmp/perf.err
babeltrace2 --output-format=ctf-metadata "$T/perf/kernel" >/tmp/perf.md 2>&1
for c in $SW; do
	f=perf_cpu_$(echo "$c" | tr - _)
	check_has "metadata: $f, a 64-bit unsigned decimal" \
		"integer \\{ size = 64; align = 8; signed = 0; encoding = none; base = 10; \\} _$f;" cat /tmp/perf.md
done
# delta FILE.out FIELD: FIELD at the work's second test event minus its first.
delta() {
	local tid ev a b
	tid=$(sed -n 's/^tid //p' "$1")
	ev=$(test_events /tmp/perf.txt "$tid")
	a=$(val "$2" "$(printf '%s\n' "$ev" | sed -n 1p)")
	b=$(val "$2" "$(printf '%s\n' "$ev" | sed -n 2p)")
	[ -n "$a" ] && [ -n "$b" ] || { echo "no two values of $2 for tid $tid"; return 1; }
	echo $((b - a))
}
# at_least WHAT MIN FILE.out FIELD
at_least() {
	local d
	d=$(delta "$3" "$4")
	check "$1 ($4 grew by $d, at least $2)" [ "$d" -ge "$2" ]
}
at_least "200 pages touched" 200 /tmp/faults.out perf_cpu_page_fault
at_least "200 pages touched" 200 /tmp/faults.out perf_cpu_faults
at_least "200 pages touched" 200 /tmp/faults.out perf_cpu_minor_faults
at_least "100 round trips, two switches each" 200 /tmp/pp.out perf_cpu_context_switches
at_least "100 round trips, two switches each" 200 /tmp/pp.out perf_cpu_cs
at_least "100 ms spinning" 90000000 /tmp/busy.out perf_cpu_cpu_clock
at_least "100 ms spinning" 90000000 /tmp/busy.out perf_cpu_task_clock
at_least "10 moves from CPU 0 to 1" 10 /tmp/mig.out perf_cpu_cpu_migrations
at_least "10 moves from CPU 0 to 1" 10 /tmp/mig.out perf_cpu_migrations
check_eq "no page fault was major" 0 delta /tmp/faults.out perf_cpu_major_faults
check_lacks "x86 counts no alignment or emulation fault" \
	'perf_cpu_(alignment|emulation)_faults = [1-9]' cat /tmp/perf.txt

# --- Hardware counters: refused where the machine has no PMU (TCG).
session hw lttng_test_filter_event
if [ -e /sys/bus/event_source/devices/cpu ]; then
	check "a PMU: add-context perf:cpu:cycles works" lttng add-context -k -c ch -t perf:cpu:cycles
else
	for c in cpu-cycles instructions cache-misses L1-dcache-loads; do
		capture lttng add-context -k -c ch -t perf:cpu:$c
		rc=$?
		echo "$captured_all" | sed 's/^/# /'
		check "no PMU: add-context perf:cpu:$c fails" [ $rc -ne 0 ]
		check_has "... saying the context is not available" 'not available|not supported|unavailable' \
			sh -c 'echo "$1"' _ "$captured_all"
	done
fi
check "the session goes on with a software counter" \
	lttng add-context -k -c ch -t tid -t perf:cpu:page-fault
lttng start >/dev/null
ctx-work faults 0 50 >/tmp/hw.out
finish hw
check "... and records it" grep -q 'perf_cpu_page_fault = ' /tmp/hw.txt
check_lacks "... and no hardware counter field" 'perf_cpu_(cpu_cycles|instructions|cache_misses|L1)' cat /tmp/hw.txt

# --- A CPU going offline and back while a counter is on: the counter is
# made again there and counts.
check "CPU 1 can go offline and online" test -w $CPU1
session hp lttng_test_filter_event
lttng add-context -k -c ch -t tid -t perf:cpu:context-switches -t perf:cpu:page-fault >/dev/null
lttng start >/dev/null
ctx-work pingpong 1 50 >/tmp/hp1.out
echo 0 >$CPU1
check_eq "CPU 1 went offline" 0 cat $CPU1
ctx-work faults 0 50 >/tmp/hp0.out
echo 1 >$CPU1
check_eq "CPU 1 came back" 1 cat $CPU1
ctx-work pingpong 1 50 >/tmp/hp2.out
ctx-work faults 1 100 >/tmp/hp3.out
finish hp
check_eq "babeltrace2 reads the hotplug trace without complaint" "" cat /tmp/hp.err
cp /tmp/hp.txt /tmp/perf.txt
at_least "before: 50 round trips on CPU 1" 100 /tmp/hp1.out perf_cpu_context_switches
at_least "CPU 1 offline: 50 pages on CPU 0" 50 /tmp/hp0.out perf_cpu_page_fault
at_least "CPU 1 back: 50 round trips there" 100 /tmp/hp2.out perf_cpu_context_switches
at_least "CPU 1 back: 100 pages there" 100 /tmp/hp3.out perf_cpu_page_fault
check_has "the last works' events are on CPU 1" "cpu_id = 1 .* tid = $(sed -n 's/^tid //p' /tmp/hp3.out)," \
	cat /tmp/hp.txt

# --- Destroying a session releases its counters: the tracer unloads.
if ! tracer_is_builtin; then
	check "rmmod lttng-test" rmmod lttng_test
fi
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
if ! tracer_is_builtin; then
	check "the tracer's modules unload" unload_lttng_modules
fi
