# SPDX-License-Identifier: GPL-2.0-only
# The README's flow: the stock lttng CLI records scheduler events with
# contexts into a channel of our tracer, and babeltrace2 reads the trace
# back with the fields lttng-modules 2.13 gives and the right values.
# timeout: 400
. /lib/vmtest.sh

trace=/tmp/traces/s1
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list

check "create a session" lttng create s1 --output=$trace
check "enable-channel ch0, 4 x 256 KiB" \
	lttng enable-channel -k --subbuf-size 256K --num-subbuf 4 ch0
check "enable the scheduler events" lttng enable-event -k -c ch0 \
	sched_switch,sched_wakeup,sched_process_fork,sched_process_exit,sched_process_exec
check "add the pid, tid, procname, ppid, prio, vpid, vtid contexts" \
	lttng add-context -k -c ch0 -t pid -t tid -t procname -t ppid -t prio -t vpid -t vtid
check "start" lttng start

# Workload: 10 children that each report their own pid, then exit.
: >/tmp/pids
for i in 1 2 3 4 5 6 7 8 9 10; do
	sh -c 'echo $$ >>/tmp/pids'
done
sleep 1
check "stop" lttng stop
check "destroy" lttng destroy s1

babeltrace2 $trace >/tmp/bt.txt 2>/tmp/bt.err
check "babeltrace2 reads the trace" test $? -eq 0
check_eq "babeltrace2 prints no warning" "" cat /tmp/bt.err
echo "# $(wc -l </tmp/bt.txt) events; first ones:"
head -n 5 /tmp/bt.txt | cut -c1-400 | sed 's/^/# /'

# Field names of the first record of an event, in order, context first.
fields_of() {
	grep -m1 " $1: " /tmp/bt.txt |
		sed 's/^[^{]*//; s/"[^"]*"//g; s/\[[0-9]*\] =//g' |
		grep -o '[a-z_0-9]* =' | tr -d ' =' | tr '\n' ' '
}
ctx="cpu_id pid tid procname ppid prio vpid vtid"
check_eq "sched_switch fields" \
	"$ctx prev_comm prev_tid prev_prio prev_state next_comm next_tid next_prio " \
	fields_of sched_switch
check_eq "sched_wakeup fields" "$ctx comm tid prio target_cpu " fields_of sched_wakeup
check_eq "sched_process_fork fields" \
	"$ctx parent_comm parent_tid parent_pid parent_ns_inum child_comm child_tid _vtids_length vtids child_pid child_ns_inum " \
	fields_of sched_process_fork
check_eq "sched_process_exec fields" "$ctx filename tid old_tid " fields_of sched_process_exec
check_eq "sched_process_exit fields" "$ctx comm tid prio " fields_of sched_process_exit

# Every child shows up once in each lifecycle event, with its own pid.
for pid in $(cat /tmp/pids); do
	check_eq "fork of child $pid recorded once" 1 \
		sh -c "grep ' sched_process_fork: ' /tmp/bt.txt | grep -c 'child_tid = $pid,'"
	check_eq "exit of child $pid recorded once" 1 \
		sh -c "grep ' sched_process_exit: ' /tmp/bt.txt | grep -c ' tid = $pid, prio'"
	check "exec of child $pid recorded, in its own context" \
		sh -c "grep ' sched_process_exec: ' /tmp/bt.txt | grep 'pid = $pid, tid = $pid,' | grep -q 'filename = \"/'"
done
check "switches name the children" \
	sh -c "grep ' sched_switch: ' /tmp/bt.txt | grep -q 'next_tid = $(head -n1 /tmp/pids),'"
# babeltrace2 reports discarded events and lost packets on its standard
# error, not among the events.
check_lacks "no event lost" '[Dd]iscarded|[Ll]ost' cat /tmp/bt.err

# The clock's UUID is the kernel's boot_id, as lttng-modules gives it:
# the clock block of the metadata babeltrace2 reads says it (the kernel
# domain's trace is in kernel/, the directory of its metadata).
clock_uuid() {
	babeltrace2 --output-format=ctf-metadata $trace/kernel >/tmp/md.txt || return 1
	sed -n '/^clock {/,/^}/s/^[[:space:]]*uuid = "\(.*\)";.*/\1/p' /tmp/md.txt
}
check_eq "the clock's uuid is the boot_id" \
	"$(cat /proc/sys/kernel/random/boot_id)" clock_uuid
# Each stream class's clock class prints its UUID indented by 6, the
# trace's by 4.
check_eq "babeltrace2 reads it as the clock class's UUID" \
	"$(cat /proc/sys/kernel/random/boot_id)" pipe_sh \
	"babeltrace2 -c sink.text.details --params=with-data=false $trace | sed -n 's/^      UUID: //p' | sort -u"

kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
check "every module unloads" sh -c '! grep -q "^lttng" /proc/modules'
grep -iE "error|warn" /tmp/sessiond.log | sed 's/^/# sessiond: /'
