# SPDX-License-Identifier: GPL-2.0-only
# The modules build without a single compiler or sparse warning at W=1 C=2
# against Debian's headers, and the top-level make modules_install puts
# every module sessiond needs where kmod finds it.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/../lib/checks.sh"
. "$here/../vm/kernel-env.sh"

if ! vm_kernel_debian; then
	echo "not ok - host: Debian kernel headers installed"
	return 0 2>/dev/null || exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One build serves both checks: the top-level targets as a user runs them
# from the configured tree, with W=1 C=2 (make hands command-line
# variables down to Kbuild), from clean so that every file is compiled.
top=${TOP_BUILDDIR:-$repo}
make -C "$top" KERNELDIR="$VM_KERNELDIR" modules_clean >"$tmp/build.log" 2>&1 &&
	make -C "$top" KERNELDIR="$VM_KERNELDIR" W=1 C=2 modules >>"$tmp/build.log" 2>&1
rc=$?
check "host: make modules W=1 C=2 from the top of the tree" test "$rc" -eq 0
check_lacks "host: no compiler or sparse warning" 'warning:|error:' cat "$tmp/build.log"
make -C "$top" KERNELDIR="$VM_KERNELDIR" INSTALL_MOD_PATH="$tmp/root" \
	modules_install >"$tmp/install.log" 2>&1
rc=$?
check "host: make modules_install INSTALL_MOD_PATH=..." test "$rc" -eq 0
[ "$rc" -eq 0 ] || tail -n 20 "$tmp/install.log" | sed 's/^/# /'
# DKMS installs what dkms.conf names: it must name every module built.
srcdir=$(cd "$here/../../src" && pwd)
built=$(sed 's|.*/||; s/\.o$//; s/\.ko$//' "$srcdir/modules.order" | sort)
listed=$(sed -n '/^_lttng_dt_modules="/,/"$/p' "$repo/dkms.conf" | tr -d '"' |
	sed 's/^_lttng_dt_modules=//; s|.*/||' | sort)
check_eq "host: dkms.conf lists every module Kbuild builds" "$built" echo "$listed"

# The ring-buffer clients install from src/clients/, the rest from src/.
for m in lttng-tracer $(echo "$LTTNG_CONTROL_MODULES" | tr _ -); do
	case $m in lttng-ring-buffer-*) d=extra/clients ;; *) d=extra ;; esac
	check "host: $m.ko installed under lib/modules/$VM_KVER" \
		test -f "$tmp/root/lib/modules/$VM_KVER/$d/$m.ko"
done
check "host: probe modules installed" \
	test -f "$tmp/root/lib/modules/$VM_KVER/extra/probes/lttng-probe-sched.ko"
check "host: the test trigger module installed" \
	test -f "$tmp/root/lib/modules/$VM_KVER/extra/tests/lttng-test.ko"
check_eq "host: installed modules report their kernel" "$VM_KVER" sh -c \
	"modinfo -F vermagic '$tmp/root/lib/modules/$VM_KVER/extra/lttng-tracer.ko' | cut -d' ' -f1"
# The sock probe takes the cookie through the exported sock_diag API: no
# unexported function called through an address found by a kprobe (a
# sealed ENDBR makes that a fatal #CP on IBT kernels).
sock_ko=$tmp/root/lib/modules/$VM_KVER/extra/probes/lttng-probe-sock.ko
check_has "host: lttng-probe-sock takes cookies with sock_diag_save_cookie" \
	' sock_diag_save_cookie$' nm -u "$sock_ko"
check_lacks "host: lttng-probe-sock places no kprobe" \
	' register_kprobe$' nm -u "$sock_ko"
