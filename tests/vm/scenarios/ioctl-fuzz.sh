# SPDX-License-Identifier: GPL-2.0-only
# The tracer's file descriptors under a fuzzer: lttng-abi-fuzz builds
# sessions, channels, streams and events of every kind through the real
# ioctls, then three threads send valid, mutated and random commands with
# bad pointers and huge sizes, read, poll, mmap and splice the streams,
# close descriptors under each other and rebuild, while probe modules
# come and go. The fuzzer must end and print its counts, the modules
# must unload, and the harness's "kernel log clean" check (KASAN,
# lockdep, kmemleak on the debug kernel) is the verdict.
#
# LTTNG_FUZZ_SECONDS (default 120), LTTNG_FUZZ_CALLS, LTTNG_FUZZ_SEED,
# LTTNG_FUZZ_THREADS and LTTNG_FUZZ_ARGS (more options, e.g.
# --quiet-probes), from the guest's environment: the kernel passes
# unknown NAME=VALUE parameters of its command line to init as
# environment: VM_GUEST_ENV="LTTNG_FUZZ_SECONDS=1800 LTTNG_FUZZ_SEED=42"
# (make check-full runs it up to 900 s or 550,000 calls per kernel). The
# seed is printed; doc/testing.md says how to repeat a run.
# check-kernels: debug
# timeout: 600
# timeout-plus: LTTNG_FUZZ_SECONDS
. /lib/vmtest.sh

seconds=${LTTNG_FUZZ_SECONDS:-120}
threads=${LTTNG_FUZZ_THREADS:-3}
set -- --seconds "$seconds" --threads "$threads"
[ -n "${LTTNG_FUZZ_CALLS:-}" ] && set -- "$@" --calls "$LTTNG_FUZZ_CALLS"
[ -n "${LTTNG_FUZZ_SEED:-}" ] && set -- "$@" --seed "$LTTNG_FUZZ_SEED"
[ -n "${LTTNG_FUZZ_ARGS:-}" ] && set -- "$@" $LTTNG_FUZZ_ARGS	# split on blanks

# The clients, the probes whose events it enables (sched, irq, timer,
# signal, statedump), the test trigger and, as a module, the TCP mark
# (its trust-list ioctls).
modules="lttng-ring-buffer-client-discard lttng-ring-buffer-client-overwrite
lttng-ring-buffer-client-mmap-discard lttng-ring-buffer-client-mmap-overwrite
lttng-ring-buffer-metadata-client lttng-ring-buffer-metadata-mmap-client
lttng-probe-sched lttng-probe-irq lttng-probe-timer lttng-probe-signal
lttng-probe-statedump lttng-test"
tracer_is_builtin || modules="$modules lttng-dt-tcp"
load_all() {
	for m in $modules; do
		modprobe "$m" || { echo "modprobe $m failed"; return 1; }
	done
}
check "the tracer, clients and probes load" load_all

# Probe modules come and go under the fuzzer's enablers.
churn() {
	while [ ! -e /tmp/fuzz.done ]; do
		sleep 3
		rmmod lttng_probe_timer lttng_probe_signal 2>/dev/null
		sleep 1
		modprobe lttng-probe-timer
		modprobe lttng-probe-signal
	done
}
tracer_is_builtin || { churn & churn_pid=$!; }

start=$(cut -d. -f1 /proc/uptime)
echo "# lttng-abi-fuzz $*"
lttng-abi-fuzz "$@" >/tmp/fuzz.out 2>/tmp/fuzz.err &
fuzz=$!
# The seed now: a kernel that panics takes the rest of the output along.
wait_for 30 grep -q seed /tmp/fuzz.out
echo "# $(head -n 1 /tmp/fuzz.out)"
# A call that never returns is a kernel bug too: give it 120 s more than
# its time, then show where its threads are.
limit=$((seconds + 120))
n=0
while kill -0 $fuzz 2>/dev/null && [ $n -lt $limit ]; do
	sleep 1
	n=$((n + 1))
done
if kill -0 $fuzz 2>/dev/null; then
	echo "# lttng-abi-fuzz still running after $limit s; its threads' kernel stacks:"
	for s in /proc/$fuzz/task/*/stack; do
		echo "# $s:"
		sed 's/^/#   /' "$s"
	done
	echo w >/proc/sysrq-trigger 2>/dev/null
	kill -KILL $fuzz
fi
wait $fuzz
rc=$?
touch /tmp/fuzz.done
[ -n "${churn_pid:-}" ] && wait "$churn_pid"
echo "# fuzzing took $(($(cut -d. -f1 /proc/uptime) - start)) s"
sed '1d; s/^/# /' /tmp/fuzz.out
head -n 80 /tmp/fuzz.err | sed 's/^/# stderr: /'

check_eq "lttng-abi-fuzz ran to its end" 0 echo $rc
check_has "it printed its seed" '^lttng-abi-fuzz: seed [0-9]+,' cat /tmp/fuzz.out
check_has "it printed its call counts, some ioctls succeeding" \
	'^  ioctls that succeeded +[1-9][0-9]*$' cat /tmp/fuzz.out
check_has "it printed its total" '^  total calls +[1-9][0-9]*$' cat /tmp/fuzz.out
check_count "no command that creates nothing returned a positive value" 0 \
	'^anomaly' cat /tmp/fuzz.err

if tracer_is_builtin; then
	exit 0
fi
# Every lttng module unloads.
check "every lttng module unloads" unload_lttng_modules
check "/proc/lttng gone" test ! -e /proc/lttng
