# SPDX-License-Identifier: GPL-2.0-only
# What a user meets setting up distributed tracing on one host: tracking a
# thread loads the TCP mark (no hidden modprobe) and says so when it
# cannot; a host kept from marking (lttng-dt-tcp blacklisted) is not
# marked; the gate can be set right after lttng create, before any kernel
# channel, on the current session when no name is given, and is kept until
# the session is destroyed; a name lttng does not know is refused.
# timeout: 600
. /lib/vmtest.sh

export PATH=/opt/lttng-dt/bin:$PATH
D=lttng-dt-ctl
T=/tmp/traces

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check "the test trigger module loads" modprobe lttng-test

# --- The TCP mark comes with the first track ------------------------------
sleep 600 &
sleeper=$!
check "lttng-dt-tcp is not loaded before anything is tracked" sh -c '! grep -q "^lttng_dt_tcp " /proc/modules'
if tracer_is_builtin; then
	check_has "dt-status: marking is off, no module" \
		'^TCP mark \(lttng-dt-tcp\): not loaded; marking is off: there is no lttng-dt-tcp module for this kernel$' \
		lttng dt-status
else
	check_has "dt-status: marking is off until a track" \
		'^TCP mark \(lttng-dt-tcp\): not loaded; marking is off until a thread is tracked or a session gated \(which load lttng-dt-tcp\)$' \
		lttng dt-status
fi
if tracer_is_builtin; then
	# The TCP mark is a loadable module only: a built-in tracer has none.
	check "dt-track of a built-in tracer tracks" sh -c \
		"lttng dt-track --pid $sleeper 2>/tmp/track.err >/dev/null"
	check_has "it warns that requests are not followed to other hosts" \
		'^Warning: The TCP mark is off: there is no lttng-dt-tcp module for this kernel: requests of tracked threads are not followed to other hosts$' \
		cat /tmp/track.err
	lttng dt-untrack --pid $sleeper >/dev/null
else
	check "lttng dt-track succeeds, with no warning" sh -c \
		"lttng dt-track --pid $sleeper 2>/tmp/track.err >/dev/null && ! test -s /tmp/track.err"
	check "dt-track loaded lttng-dt-tcp" module_loaded lttng_dt_tcp
	check_has "dt-status: marking is on" '^TCP mark \(lttng-dt-tcp\): loaded, trusted peers: ' lttng dt-status
	check "lttng dt-untrack" lttng dt-untrack --pid $sleeper

	# A host kept from marking: the module blacklisted, as modprobe.d(5) says.
	check "lttng-dt-tcp unloads" rmmod lttng_dt_tcp
	mkdir -p /etc/modprobe.d
	echo "blacklist lttng-dt-tcp" >/etc/modprobe.d/lttng-dt-no-mark.conf
	check_has "dt-status: marking is off, the host kept from it" \
		'^TCP mark \(lttng-dt-tcp\): not loaded; marking is off: this host is kept from marking \(lttng-dt-tcp is blacklisted in modprobe.d\)$' \
		lttng dt-status
	check "dt-track of a host kept from marking still tracks" sh -c \
		"lttng dt-track --pid $sleeper 2>/tmp/track.err >/dev/null"
	check_has "it warns that requests are not followed to other hosts" \
		'^Warning: The TCP mark is off: this host is kept from marking \(lttng-dt-tcp is blacklisted in modprobe.d\): requests of tracked threads are not followed to other hosts$' \
		cat /tmp/track.err
	check "the blacklisted module stays unloaded" sh -c '! grep -q "^lttng_dt_tcp " /proc/modules'
	check "the thread is flagged all the same" sh -c "lttng dt-list | grep -q '^  $sleeper '"
	lttng dt-untrack --pid $sleeper >/dev/null
	rm -f /etc/modprobe.d/lttng-dt-no-mark.conf
	# The trust list lives in the mark: adding to it loads the mark too.
	check "dt-trust add loads lttng-dt-tcp" sh -c \
		'lttng dt-trust add 10.7.0.0/16 >/dev/null && grep -q "^lttng_dt_tcp " /proc/modules'
	check "dt-trust remove" lttng dt-trust remove 10.7.0.0/16
fi
kill $sleeper

# --- The gate before the first kernel channel -------------------------------
check "lttng create early" lttng create early --output=$T/early
check_eq "the session has no kernel session yet" ENOENT $D gate-get early
check "lttng dt-gate early on, before any channel" sh -c \
	"lttng dt-gate early on >/tmp/gate.out"
check_has "it says the gate applies from the first kernel channel" \
	'^The session has no kernel channel yet: the gate applies from the first one$' \
	cat /tmp/gate.out
check_has "dt-gate early shows the kept gate" \
	'^Session early: gate on \(from its first kernel channel, which it does not have yet\)$' \
	lttng dt-gate early
check "enable-channel -k then makes the kernel session" \
	lttng enable-channel -k -s early --subbuf-size 1M --num-subbuf 8 ch
check_eq "the kernel session starts gated" "gated 1 gated_out 0 passed 0" $D gate-get early
check "enable-event -k lttng_test_filter_event" \
	lttng enable-event -k -s early -c ch lttng_test_filter_event
check "lttng start early" lttng start early
echo 7 >/proc/lttng-test-filter-event
check "lttng stop early" lttng stop early
check_eq "its 7 events from an untracked thread were gated out" \
	"gated 1 gated_out 7 passed 0" $D gate-get early
check_lacks "the trace holds none of them" lttng_test_filter_event babeltrace2 $T/early
check "lttng destroy early" lttng destroy early
check_eq "the kept gate went with the session" ENOENT $D gate-get early
check "lttng create early again" lttng create early --output=$T/early2
check "enable-channel -k" lttng enable-channel -k -s early ch
check_eq "a new session of the same name starts ungated" \
	"gated 0 gated_out 0 passed 0" $D gate-get early
lttng destroy early >/dev/null

# --- The current session, as lttng keeps it ---------------------------------
check "lttng create cur (now the current session)" lttng create cur --output=$T/cur
check "lttng dt-gate on: the current session" sh -c "lttng dt-gate on >/tmp/gate.out"
check_has "it names the current session" '^Gate of session cur is on' cat /tmp/gate.out
check "enable-channel -k" lttng enable-channel -k ch
check_eq "cur is gated" "gated 1 gated_out 0 passed 0" $D gate-get cur
check_has "lttng dt-gate alone shows the current session's gate" \
	'^Session cur: gate on \(gated out: 0 events, passed: 0\)$' lttng dt-gate
check "lttng dt-gate off" lttng dt-gate off
check_eq "cur is ungated" "gated 0 gated_out 0 passed 0" $D gate-get cur
lttng destroy cur >/dev/null
check "with no current session dt-gate on fails" sh -c '! lttng dt-gate on 2>/tmp/gate.err'
check_has "and says why" '^Error: No session given and no current session' cat /tmp/gate.err

# --- Names lttng does not know, and the raw ABI -----------------------------
check "dt-gate of an unknown session fails" sh -c '! lttng dt-gate nosuch on 2>/tmp/gate.err'
check_has "and names it" '^Error: No tracing session named nosuch' cat /tmp/gate.err
check_eq "nothing is kept for it" ENOENT $D gate-get nosuch
check_eq "GATE_SET KEEP on a name with no session" 0 $D gate-set kept 1 1
check_eq "GATE_GET answers from the kept state" "gated 1 gated_out 0 passed 0 kept" $D gate-get kept
check_eq "GATE_SET FORGET" 0 $D gate-set kept 0 2
check_eq "forgotten" ENOENT $D gate-get kept
check_eq "FORGET of nothing kept: ENOENT" ENOENT $D gate-set kept 0 2
check_eq "KEEP and FORGET together: EINVAL" EINVAL $D gate-set kept 1 3
check_eq "an unknown flag: EINVAL" EINVAL $D gate-set kept 1 0x80
check "64 names can be kept" sh -c \
	'for i in $(seq 1 64); do [ "$(lttng-dt-ctl gate-set k$i 1 1)" = 0 ] || exit 1; done'
check_eq "the 65th: ENOSPC" ENOSPC $D gate-set k65 1 1
check "they can all be forgotten" sh -c \
	'for i in $(seq 1 64); do [ "$(lttng-dt-ctl gate-set k$i 0 2)" = 0 ] || exit 1; done'

# --- One step: lttng dt-create ----------------------------------------------
check "lttng dt-create flows" sh -c "lttng dt-create flows --output=$T/flows >/tmp/create.out 2>&1"
check_eq "it says what it did, step by step" "Session flows created
Kernel channel dt enabled
Kernel events enabled in channel dt: sched_switch, sched_wakeup, sched_waking, sched_process_fork, sched_process_exit, lttng_dt_flag, lttng_dt_mark_send, lttng_dt_mark_recv, lttng_dt_mark_write, lttng_dt_mark_read
Contexts pid, tid, procname added to channel dt
Gate on: the session records the events of flagged threads only (lttng dt-track)
Session flows is ready and current: track threads with lttng dt-track, then lttng start" \
	sh -c "grep -v '^Warning: The TCP mark' /tmp/create.out"
check_has "lttng list shows the channel dt with its events" 'lttng_dt_mark_recv \(loglevel: .*\) \(type: tracepoint\)|lttng_dt_mark_recv \(type: tracepoint\)' lttng list flows
check_eq "the kernel session is gated" "gated 1 gated_out 0 passed 0" $D gate-get flows
check_has "it is the current session" '^Recording session flows: \[inactive\]' lttng status
# A tracked process and an untracked one, both sleeping in turns, each
# waiting on its FIFO until the session runs.
rm -f /tmp/go /tmp/go2; mkfifo /tmp/go /tmp/go2
sh -c 'read x </tmp/go; for i in 1 2 3 4 5; do sleep 0.05; done' &
tracked=$!
sh -c 'read x </tmp/go2; for i in 1 2 3 4 5; do sleep 0.05; done' &
untracked=$!
check "dt-track the first" lttng dt-track --pid $tracked
check "lttng start (the current session)" lttng start
echo go >/tmp/go; echo go >/tmp/go2
wait $tracked $untracked
check "lttng stop" lttng stop
check "babeltrace2 reads the trace" sh -c "babeltrace2 $T/flows >/tmp/flows.txt"
# sched_process_exit names the exiting thread only: the gate keeps the
# tracked one's and refuses the other's.
check "the tracked process's exit is recorded" \
	grep -qE "sched_process_exit: .*[{ ]tid = $tracked," /tmp/flows.txt
check "its switches are recorded" grep -qE "sched_switch: .*(prev|next)_tid = $tracked," /tmp/flows.txt
check "its flag is recorded" grep -qE "lttng_dt_flag: .*[{ ]tid = $tracked," /tmp/flows.txt
check "with the contexts pid, tid, procname" \
	grep -qE "\\{ pid = $tracked, tid = $tracked, procname = \"sh\" \\}" /tmp/flows.txt
check_lacks "the untracked process's exit is not" \
	"sched_process_exit: .*[{ ]tid = $untracked," cat /tmp/flows.txt
lttng dt-untrack --all >/dev/null
check "lttng dt-create of an existing name fails" sh -c '! lttng dt-create flows 2>/tmp/create.err'
check_has "and says why" '^Error: Cannot create the session: ' cat /tmp/create.err
check_has "the existing session is untouched" '^Recording session flows: ' lttng list flows
lttng destroy flows >/dev/null
check "dt-create with no name: the session daemon names it" sh -c \
	"lttng dt-create --output=$T/auto >/tmp/create.out 2>&1"
check_has "auto-NAME" '^Session auto-[0-9]{8}-[0-9]{6} created$' cat /tmp/create.out
lttng destroy -a >/dev/null

# A step that fails: a session daemon without the kernel tracer.
killall lttng-sessiond
check "lttng-sessiond stops" wait_for 30 sh -c '! pgrep -x lttng-sessiond'
lttng-sessiond --background --no-kernel >/tmp/sessiond.log 2>&1
check "lttng-sessiond --no-kernel starts" wait_for 30 lttng list
check "dt-create then fails" sh -c "! lttng dt-create half --output=$T/half >/tmp/create.out 2>&1"
check_has "at the kernel channel, saying so" '^Error: Cannot enable the kernel channel dt: ' cat /tmp/create.out
check_has "and destroys what it made" '^Session half destroyed: nothing of it is left$' cat /tmp/create.out
check_lacks "no session is left" 'half' lttng list

killall lttng-sessiond
check "lttng-sessiond stops" wait_for 30 sh -c '! pgrep -x lttng-sessiond'
if ! tracer_is_builtin; then
	check "the modules unload" unload_lttng_modules
fi
