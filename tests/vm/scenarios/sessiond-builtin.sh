# SPDX-License-Identifier: GPL-2.0-only
# The tracer compiled into the kernel: the stock lttng-sessiond finds every
# module it asks for as a built-in (through modules.builtin), loads nothing,
# and drives the tracer as usual. Without modules.builtin, kmod cannot load
# its indexes and sessiond starts without a kernel tracer.
# kernels: builtin
# vms: 1
. /lib/vmtest.sh

modules=/lib/modules/$(uname -r)
check "the tracer is built in" tracer_is_builtin
for m in $LTTNG_CONTROL_MODULES; do
	check_eq "kmod knows $m as built-in" "modprobe: module $m is builtin" \
		modprobe --show-depends "$m"
done

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check_eq "nothing was loaded" "" sh -c 'cat /proc/modules'
# The complaints but that one (awk fails on a missing log, unlike a
# negated pipe).
complaints() {
	awk 'tolower($0) ~ /error|warn|no kernel tracer/ &&
		!/Failed to create kernel event notifier group/' /tmp/sessiond.log
}
check_lacks "only the event-notifier group is reported missing" . complaints
# The probes are built in too and registered at boot: the list holds the
# tracer's own events and theirs.
lttng list -k | sed "/^$/d; s/^ *//; s/ (loglevel.*//" >/tmp/list-k.txt
for e in lttng_dt_flag lttng_dt_mark_send lttng_dt_mark_recv lttng_dt_mark_write \
	lttng_dt_mark_read sched_switch \
	irq_handler_entry lttng_statedump_process_state tcp_probe lttng_test_filter_event; do
	check "lttng list -k lists $e" grep -qx "$e" /tmp/list-k.txt
done
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits on SIGTERM" wait_for 30 sh -c '! pidof lttng-sessiond'
check "the tracer stays after sessiond exits" test -e /proc/lttng
echo "# sessiond log:"
sed 's/^/# /' /tmp/sessiond.log

# Without the built-in index, kmod looks for files and sessiond gives up.
rm -f "$modules"/modules.builtin*
depmod
lttng-sessiond --background >/tmp/sessiond-noindex.log 2>&1
check "without modules.builtin: sessiond still starts" wait_for 30 lttng list
check "without modules.builtin: no kernel tracer available" \
	grep -q "No kernel tracer available" /tmp/sessiond-noindex.log
check "without modules.builtin: no kernel domain" sh -c '! lttng list -k'
echo "# sessiond log without modules.builtin:"
sed 's/^/# /' /tmp/sessiond-noindex.log
