# SPDX-License-Identifier: GPL-2.0-only
# The stock lttng-sessiond starts on our modules: it loads the six required
# ring-buffer clients (and the core through them), accepts the tracer's
# versions, answers `lttng list -k`, and unloads everything at exit.
# kernels: debian debug
# (loadable modules: sessiond-builtin is its built-in counterpart)
# vms: 1
. /lib/vmtest.sh

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
for m in lttng_tracer $LTTNG_CONTROL_MODULES; do
	check "sessiond loaded $m" module_loaded "$m"
done
# Triggers need the event-notifier group, which the tracer does not provide
# yet: sessiond says so once and carries on. Nothing else may complain.
# The complaints but that one (awk fails on a missing log, unlike a
# negated pipe).
complaints() {
	awk 'tolower($0) ~ /error|warn|no kernel tracer/ &&
		!/Failed to create kernel event notifier group/' /tmp/sessiond.log
}
check_lacks "only the event-notifier group is reported missing" . complaints
check "kernel domain available" lttng list -k
check "lttng list -k lists the scheduler events" \
	sh -c 'lttng list -k | grep -q "sched_switch (loglevel: TRACE_EMERG (0)) (type: tracepoint)"'
check_lacks "lttng list -k lists each event once" . \
	pipe_sh 'lttng list -k | grep "(type: tracepoint)" | sort | uniq -d'

kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits on SIGTERM" wait_for 30 sh -c '! pidof lttng-sessiond'
check "sessiond unloaded our modules" sh -c '! grep -q "^lttng" /proc/modules'
echo "# sessiond log:"
sed 's/^/# /' /tmp/sessiond.log
