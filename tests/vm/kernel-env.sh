# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the VM harness: chooses the kernel that VMs boot and the tree
# our modules are built against, from KERNEL (default: debian).
#
#   KERNEL=debian  Debian's linux-image-amd64 + linux-headers-amd64: what
#                  users run. Modules are loaded from the initramfs.
#   KERNEL=debug   our own 6.1 kernel from Debian's linux-source-6.1 with
#                  KASAN, lockdep, kmemleak, UBSAN (tests/kernel/); modules
#                  are built against it and loaded from the initramfs.
#   KERNEL=builtin our own 6.1 kernel with the tracer compiled in
#                  (scripts/wire-into-kernel.sh); nothing to load.
# Own kernels are built on first use and cached (tests/kernel/README.md).
#
# Sets VM_KVER (module directory name), VM_KIMAGE (kernel image),
# VM_KERNELDIR (build tree for out-of-tree modules), VM_MODINDEX (where
# modules.builtin and friends are), VM_DISTRO_MODULES (1 if the kernel's
# own modules are installed under /lib/modules/VM_KVER) and VM_BUILTIN (1
# if the tracer is compiled into the kernel).

vm_kernel_debian() {
	local v
	# Newest version that has both an installed image and its headers.
	for v in $(ls /boot/vmlinuz-* 2>/dev/null | sed 's|/boot/vmlinuz-||' | sort -rV); do
		if [ -d "/lib/modules/$v/build" ] && [ -d "/lib/modules/$v/kernel" ]; then
			VM_KVER=$v
			VM_KIMAGE=/boot/vmlinuz-$v
			VM_KERNELDIR=/lib/modules/$v/build
			VM_MODINDEX=/lib/modules/$v
			VM_DISTRO_MODULES=1
			VM_BUILTIN=0
			return 0
		fi
	done
	echo "error: no Debian kernel with headers; install linux-image-amd64 linux-headers-amd64" >&2
	return 1
}

# vm_kernel_own FLAVOR: build (or reuse) one of our kernels.
vm_kernel_own() {
	local flavor=$1 tests dir
	tests=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	dir=${LTTNG_DT_KERNEL_CACHE:-/var/cache/lttng-dt/kernels}/$flavor
	"$tests/kernel/build-kernel.sh" "$flavor" "$dir" >&2 || return 1
	VM_KVER=$(cat "$dir/kernel.release")
	VM_KIMAGE=$dir/bzImage
	VM_KERNELDIR=$dir
	VM_MODINDEX=$dir
	VM_DISTRO_MODULES=0
	VM_BUILTIN=0
	[ "$flavor" = builtin ] && VM_BUILTIN=1
	return 0
}

vm_kernel_select() {
	case "${KERNEL:-debian}" in
	debian) vm_kernel_debian ;;
	debug|builtin) vm_kernel_own "$KERNEL" ;;
	*) echo "error: unknown KERNEL=${KERNEL} (known: debian, debug, builtin)" >&2; return 1 ;;
	esac
}
