#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build what the VMs boot with, for the kernel chosen by KERNEL: our
# modules (in a private copy of the tree, so builds for several kernels
# do not mix objects), the test helpers and the initramfs.
# Prints the shell assignments VM_KIMAGE=... VM_INITRD=... on stdout.
#
# usage: prepare.sh BUILD_DIR
# Environment: LTTNG_DT_UPSTREAM=1 adds upstream lttng-modules as a second
# module set (doc/upstream-yardstick.md); VM_INITRD_NAME names the image.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(realpath -m "$1")
. "$here/kernel-env.sh"
vm_kernel_select

# Our modules (none when the tracer is built into the kernel), then the
# test-only modules, which go into the VM image only.
build_modules() {
	if [ "$VM_BUILTIN" = 1 ]; then
		echo "tracer built into $VM_KIMAGE: no modules to build" >"$build/modules.log"
	elif ! make -C "$build/tree/src" KERNELDIR="$VM_KERNELDIR" modules \
		>"$build/modules.log" 2>&1 ||
	   ! make -C "$build/tree/src" KERNELDIR="$VM_KERNELDIR" \
		INSTALL_MOD_PATH="$build/modroot" modules_install \
		>>"$build/modules.log" 2>&1; then
		tail -n 40 "$build/modules.log" >&2
		echo "error: module build failed against $VM_KERNELDIR" >&2
		exit 1
	fi
	if ! make -C "$VM_KERNELDIR" M="$build/tree/test-modules" modules \
		INSTALL_MOD_PATH="$build/modroot" modules_install \
		>>"$build/modules.log" 2>&1; then
		tail -n 40 "$build/modules.log" >&2
		echo "error: test module build failed against $VM_KERNELDIR" >&2
		exit 1
	fi
}

mkdir -p "$build"
rm -rf "$build/helpers" "$build/tree.new"
mkdir -p "$build/helpers" "$build/tree.new"
cp -r "$repo/src" "$repo/include" "$build/tree.new/"
cp -r "$here/modules" "$build/tree.new/test-modules"

# The modules are built again only when what goes into them changed: the
# copied sources, the kernel they are built against, the compiler. A
# repeated `make demo` or scenario run skips about 90 s of kbuild. The
# key is taken from the copy, so an edit made during the run is not
# mistaken for what was built.
modules_key() {
	{
		echo "$VM_KVER $VM_BUILTIN $(realpath -m "$VM_KERNELDIR")"
		[ -f "$VM_KERNELDIR/Module.symvers" ] && sha256sum <"$VM_KERNELDIR/Module.symvers"
		gcc --version | head -n 1
		cd "$build/tree.new" && find . -type f -print0 | sort -z | xargs -0 sha256sum
	} | sha256sum | cut -d ' ' -f 1
}
key=$(modules_key)
if [ -d "$build/modroot" ] && [ -d "$build/tree" ] &&
   [ "$(cat "$build/modules.key" 2>/dev/null)" = "$key" ]; then
	rm -rf "$build/tree.new"
	echo "modules unchanged since the last build: reusing $build/modroot" >&2
else
	rm -rf "$build/tree" "$build/modroot" "$build/modules.key"
	mv "$build/tree.new" "$build/tree"
	build_modules
	echo "$key" >"$build/modules.key"
fi
# Opt-in (LTTNG_DT_UPSTREAM=1): upstream lttng-modules 2.13.9 as a second
# module set, for the benchmarks (doc/upstream-yardstick.md). $build/upstream
# is its build cache: it is not removed above.
upstream=""
if [ "${LTTNG_DT_UPSTREAM:-0}" = 1 ] && [ "$VM_BUILTIN" = 0 ]; then
	if ! "$repo/tests/benchmarks/build-upstream.sh" "$build/upstream" \
		"$VM_KERNELDIR" >>"$build/modules.log" 2>&1; then
		tail -n 40 "$build/modules.log" >&2
		echo "error: upstream lttng-modules build failed against $VM_KERNELDIR" >&2
		exit 1
	fi
	upstream=$build/upstream/lib/modules/$VM_KVER/extra/lttng-upstream
fi

# Helpers named *-m32.c are 32-bit programs (what a 32-bit lttng-tools
# does on a 64-bit kernel), static so that the VM needs no i386 libc:
# gcc-multilib (.ci/install-deps). Helpers named lttng-ctl-*.c talk to
# the stock session daemon through liblttng-ctl, which the VM has for
# the lttng command.
for c in "$here"/helpers/*.c; do
	m32="" libs=""
	case $c in
	*-m32.c) m32="-m32 -static" ;;
	*/lttng-ctl-*.c) libs="-llttng-ctl" ;;
	esac
	if ! gcc $m32 -O2 -Wall -Wextra -Werror -I"$repo/include" \
		-o "$build/helpers/$(basename "$c" .c)" "$c" $libs; then
		[ -n "$m32" ] && echo "error: $c needs gcc -m32 -static: install gcc-multilib" >&2
		exit 1
	fi
done
# The benchmarks' helper goes with the upstream set only (the other .c
# there, gen-flows-trace, runs on the host: make bench-flows).
if [ -n "$upstream" ]; then
	gcc -O2 -Wall -Wextra -Werror -o "$build/helpers/bench-helper" \
		"$repo/tests/benchmarks/bench-helper.c"
fi

# The userspace tools from the configured build tree (make builds them
# first): lttng-dt goes with the helpers to /usr/local/bin, where the
# front's default looks for it; the front itself goes to
# /opt/lttng-dt/bin, which only the scenarios that want it put in PATH.
top=${TOP_BUILDDIR:-$repo}
front=""
if [ -x "$top/tools/lttng-dt/lttng-dt" ]; then
	cp "$top/tools/lttng-dt/lttng-dt" "$build/helpers/"
	[ -x "$top/tools/lttng-front/lttng" ] && front=$top/tools/lttng-front/lttng
else
	echo "warning: $top/tools/lttng-dt/lttng-dt not built: the VM has no lttng-dt" >&2
fi
# lttng-dt-flows, the analysis, runs on the traces inside the VM too.
if [ -x "$top/tools/analysis/lttng-dt-flows" ]; then
	cp "$top/tools/analysis/lttng-dt-flows" "$build/helpers/"
else
	echo "warning: $top/tools/analysis/lttng-dt-flows not built: the VM has no lttng-dt-flows" >&2
fi

# VM_INITRD_NAME: another file name, for a second image beside the first
# (tests/vm/run.sh makes one with upstream for the scenarios that need it).
initrd=$build/${VM_INITRD_NAME:-initramfs.cpio.gz}
VM_FRONT=$front "$here/mkinitramfs.sh" "$initrd" "$VM_KVER" \
	"$build/modroot" "$build/helpers" "$VM_MODINDEX" "$VM_DISTRO_MODULES" \
	"$upstream" >&2
echo "VM_KIMAGE=$VM_KIMAGE"
echo "VM_INITRD=$initrd"
