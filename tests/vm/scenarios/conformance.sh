#!/bin/sh
# Conformance with upstream lttng-modules 2.13.9 (doc/upstream-yardstick.md,
# "Conformance"): in one boot, each tracer records the same session with the
# stock lttng-tools (every event, every syscall, every context lttng accepts
# for the kernel domain, a small workload), and the trace's CTF metadata is
# exported on the console. The host compares the two event by event
# (tests/conformance/host-check.sh, named below) and fails on any difference
# the yardstick does not accept with a reason.
#
# Full only: it needs the upstream build and takes minutes under TCG.
# timeout: 1800
# kernels: debian
# check-kernels: none
# upstream: yes
# host-check: tests/conformance/host-check.sh
. /lib/vmtest.sh

# The perf counters perf(1) calls software ones: the only ones a machine
# without a PMU (this VM) can count.
perf_software="cpu-clock task-clock page-fault faults major-faults minor-faults
context-switches cs cpu-migrations migrations alignment-faults emulation-faults"

is_perf_software() {
	for p in $perf_software; do
		[ "$1" = "perf:cpu:$p" ] && return 0
	done
	return 1
}

# skip_context TRACER NAME: the contexts never tried. perf:thread:* belong
# to the user-space domain. On upstream, prio calls a NULL pointer and a
# perf hardware counter oopses without a PMU (both in the yardstick's
# hazards): they would take the kernel down.
skip_context() {
	case $2 in
	perf:thread:*) return 0 ;;
	esac
	[ "$1" = upstream ] || return 1
	case $2 in
	prio) return 0 ;;
	perf:cpu:*) is_perf_software "$2" && return 1; return 0 ;;
	esac
	return 1
}

# A little of what every probe family sees: files, a TCP connection over
# loopback, fork and exec.
workload() {
	echo conformance >/tmp/wl.txt && cat /tmp/wl.txt >/dev/null && rm /tmp/wl.txt
	tcp-xfer serve 5123 4096 >/dev/null &
	tcp-xfer send 127.0.0.1 5123 4096 >/dev/null
	wait
	sh -c 'ls / >/dev/null' &
	wait
	/bin/true
}

# record TRACER: one session of the tracer whose modules kmod sees now;
# leaves TRACER.tsdl (the metadata text) and TRACER.contexts (the contexts
# lttng accepted) in /tmp.
record() {
	t=$1
	check "$t: lttng-test loads" /sbin/modprobe lttng-test
	# Every probe module of the set, also those lttng-sessiond 2.13.9
	# does not know (upstream's 9p): what a set provides is compared,
	# not what sessiond happens to load.
	for m in /lib/modules/$(uname -r)/extra/probes/lttng-probe-*.ko; do
		m=$(basename "$m" .ko)
		/sbin/modprobe "$m" 2>/dev/null || echo "# $t: $m does not load"
	done
	check "$t: lttng-sessiond starts" lttng-sessiond --daemonize
	check "$t: create" lttng create "conf-$t" --output="/tmp/trace-$t"
	# The events in a channel of their own, the contexts in another with
	# one event: a context on every syscall and tracepoint would make the
	# run slow and add nothing to the metadata.
	check "$t: channels" pipe_sh 'lttng enable-channel -k events >/dev/null &&
		lttng enable-channel -k contexts >/dev/null'
	# lttng 2.13's "-k -a" alone enables the syscalls too, and a second
	# "--syscall -a" is then refused: the two kinds are asked for apart.
	check "$t: enable-event -k --tracepoint -a" lttng enable-event -k -c events --tracepoint -a
	check "$t: enable-event -k --syscall -a" lttng enable-event -k -c events --syscall -a
	check "$t: an event in the contexts' channel" \
		lttng enable-event -k -c contexts sched_process_exec
	: >"/tmp/$t.contexts"
	for c in $(lttng add-context --list); do
		skip_context "$t" "$c" && continue
		if lttng add-context -k -c contexts -t "$c" >/dev/null 2>&1; then
			echo "$c" >>"/tmp/$t.contexts"
		fi
	done
	echo "# $t accepted $(wc -l <"/tmp/$t.contexts") contexts"
	check "$t: start" lttng start
	workload
	check "$t: stop" lttng stop
	check "$t: destroy" lttng destroy
	check "$t: babeltrace2 prints the metadata" pipe_sh \
		"babeltrace2 --output-format=ctf-metadata /tmp/trace-$t/kernel >/tmp/$t.tsdl"
	check_has "$t: the metadata declares syscall events" 'name = "?syscall_entry_openat"?;' \
		cat "/tmp/$t.tsdl"
	gzip -c "/tmp/$t.tsdl" >"/tmp/$t.tsdl.gz"
	export_file "/tmp/$t.tsdl.gz" "$t.tsdl.gz"
	export_file "/tmp/$t.contexts" "$t.contexts"
}

record ours
# switch-tracer stops lttng-sessiond, unloads every lttng module (it
# fails if one stays) and points kmod at the other set.
check "switch to upstream" switch-tracer upstream
record upstream
# The tracepoints built into this kernel (and those of the few modules
# loaded now; the others' are in their .ko files): what the yardstick's
# list of events that cannot exist here was checked against.
check "the kernel's tracepoints are listed" pipe_sh \
	"grep -o ' __tracepoint_[A-Za-z0-9_]*' /proc/kallsyms | sed 's/^ __tracepoint_//' |
	sort -u | gzip -c >/tmp/tracepoints.gz"
export_file /tmp/tracepoints.gz tracepoints.gz
check "switch back to ours (upstream unloads)" switch-tracer ours
