# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the VM harness: chooses the kernel that VMs boot and the tree
# our modules are built against, from KERNEL (default: debian).
#
#   KERNEL=debian  Debian's linux-image-amd64 + linux-headers-amd64: what
#                  users run. Modules are loaded from the initramfs.
#
# Sets VM_KVER (module directory name), VM_KIMAGE (kernel image) and
# VM_KERNELDIR (build tree for out-of-tree modules).

vm_kernel_debian() {
	local v
	# Newest version that has both an installed image and its headers.
	for v in $(ls /boot/vmlinuz-* 2>/dev/null | sed 's|/boot/vmlinuz-||' | sort -rV); do
		if [ -d "/lib/modules/$v/build" ] && [ -d "/lib/modules/$v/kernel" ]; then
			VM_KVER=$v
			VM_KIMAGE=/boot/vmlinuz-$v
			VM_KERNELDIR=/lib/modules/$v/build
			return 0
		fi
	done
	echo "error: no Debian kernel with headers; install linux-image-amd64 linux-headers-amd64" >&2
	return 1
}

vm_kernel_select() {
	case "${KERNEL:-debian}" in
	debian) vm_kernel_debian ;;
	*) echo "error: unknown KERNEL=${KERNEL} (known: debian)" >&2; return 1 ;;
	esac
}
