# SPDX-License-Identifier: GPL-2.0-only
# The README's demo: the stock lttng-sessiond drives our modules.
# vms: 1
. /lib/vmtest.sh

# Show a shell command line, then its output.
say() { printf '\n$ %s\n' "$1"; sh -c "$1"; }

echo "lttng-dt demo on $(uname -r), stock $(lttng --version | head -n 1)"
lttng-sessiond --background >/tmp/sessiond.log 2>&1
wait_for 30 lttng list || { echo "lttng-sessiond did not start"; cat /tmp/sessiond.log; exit 1; }
say 'lsmod | grep ^lttng'
say 'ls -l /proc/lttng'
say 'lttng-abi-probe version'
say 'lttng list -k'
say 'cat /tmp/sessiond.log'
