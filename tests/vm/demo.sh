# SPDX-License-Identifier: GPL-2.0-only
# The README's demo: the stock lttng tools record a kernel session with
# our modules, and babeltrace2 reads it back.
# vms: 1
. /lib/vmtest.sh

# Show a shell command line, then its output.
say() { printf '\n$ %s\n' "$1"; sh -c "$1"; }
# say_all COMMAND: the same, and a "not ok" line when any command of the
# pipeline fails (babeltrace2, which the grep or wc after it would hide).
say_all() { printf '\n$ %s\n' "$1"; sh -c "set -o pipefail; $1" || echo "not ok - demo: $1"; }

echo "lttng-dt demo on $(uname -r), stock $(lttng --version | head -n 1)"
lttng-sessiond --background >/tmp/sessiond.log 2>&1
wait_for 30 lttng list || { echo "lttng-sessiond did not start"; cat /tmp/sessiond.log; exit 1; }
say 'lsmod | grep ^lttng'
say 'lttng list -k | head -n 12'
say 'lttng create s1 --output=/tmp/s1'
say 'lttng enable-channel -k --subbuf-size 256K --num-subbuf 4 ch0'
say 'lttng enable-event -k -c ch0 sched_switch,sched_wakeup,sched_process_fork,sched_process_exit,sched_process_exec'
say 'lttng add-context -k -c ch0 -t pid -t tid -t procname -t ppid -t prio -t vpid -t vtid'
say 'lttng start'
say 'for i in 1 2 3; do sh -c "echo child \$\$"; done'
say 'lttng stop'
say 'lttng destroy'
say_all 'babeltrace2 /tmp/s1 | grep -E "sched_process_(fork|exec|exit)"'
say_all 'babeltrace2 /tmp/s1 | wc -l'
