# SPDX-License-Identifier: GPL-2.0-only
# The harness must catch a sanitizer report: a test-only module writes one
# byte past a 16-byte allocation, and KASAN on the debug kernel must say so.
# kernels: debug
# check-kernels: debug
# expect-kernel-report: BUG: KASAN: slab-out-of-bounds
# vms: 1
. /lib/vmtest.sh

check "load the deliberate-bug module" modprobe lttng-dt-test-oob
check "trigger the out-of-bounds write" sh -c 'echo 0 > /proc/lttng-dt-test-oob'
