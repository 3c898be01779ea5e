#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the test initramfs: busybox, kmod (as modprobe: lttng-sessiond
# loads modules through libkmod), the stock lttng-tools and babeltrace2
# from the host's Debian packages, our modules (a staged modules_install
# tree), the distro modules the scenarios need, the test helpers and
# every scenario. The scenario to run is chosen on the kernel command line.
#
# usage: mkinitramfs.sh OUT.cpio.gz KVER MODROOT HELPERDIR MODINDEX DISTRO [UPSTREAM]
#   MODINDEX  directory holding the kernel's modules.builtin*
#   DISTRO    1: copy distro modules from /lib/modules/KVER (Debian's
#             kernel); 0: the kernel has what the scenarios need built in
#   UPSTREAM  optional: upstream lttng-modules' installed modules
#             (tests/benchmarks/build-upstream.sh), added as a second set in
#             /lib/lttng-sets/KVER/upstream with switch-tracer and the
#             benchmark scenario (doc/upstream-yardstick.md)
# VM_FRONT (environment): the lttng front, installed as
# /opt/lttng-dt/bin/lttng (out of the default PATH)
set -euo pipefail

out=$(realpath -m "$1")
kver=$2
modroot=$3
helperdir=$4
modindex=$5
distro=$6
upstream=${7:-}
here=$(cd "$(dirname "$0")" && pwd)

# Distro modules copied with their dependencies: virtio NIC for multi-VM
# scenarios, veth for network namespaces, loop for a block device the
# statedump can list, netem for loss.
distro_mods=""
[ "$distro" = 1 ] && distro_mods="virtio_pci virtio_net veth loop sch_netem"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
# mktemp's 0700 would become the guest's /: no other user could run anything.
chmod 755 "$root"

copy_with_libs() {
	local f l
	for f in "$@"; do
		mkdir -p "$root$(dirname "$f")"
		cp -L "$f" "$root$f"
		for l in $(ldd "$f" 2>/dev/null | awk '/=>/ {print $3} /ld-linux/ {print $1}'); do
			[ -e "$root$l" ] && continue
			mkdir -p "$root$(dirname "$l")"
			cp -L "$l" "$root$l"
		done
	done
}

mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,root,run,var,scenarios,lib/modules/"$kver"}
cp /bin/busybox "$root/bin/busybox"
for a in $(/bin/busybox --list); do
	[ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"
done

libexec=/usr/lib/x86_64-linux-gnu/lttng/libexec
bt2=/usr/lib/x86_64-linux-gnu/babeltrace2
copy_with_libs /usr/bin/lttng /usr/bin/lttng-sessiond /usr/bin/lttng-relayd \
	"$libexec/lttng-consumerd" /usr/bin/babeltrace2 /usr/bin/kmod \
	"$bt2"/plugins/*.so /usr/sbin/ip /usr/sbin/tc
# iperf3 for the TCP-mark benchmark (make bench-tcp), when installed.
[ -x /usr/bin/iperf3 ] && copy_with_libs /usr/bin/iperf3
for t in modprobe insmod rmmod lsmod depmod modinfo; do
	ln -sf /usr/bin/kmod "$root/sbin/$t"
done
mkdir -p "$root/usr/share/xml"
cp -r /usr/share/xml/lttng "$root/usr/share/xml/"

# Our modules, then distro ones at their tree paths, then the index.
[ -d "$modroot/lib/modules/$kver" ] && cp -a "$modroot/lib/modules/$kver/." "$root/lib/modules/$kver/"
if [ -n "$upstream" ]; then
	mkdir -p "$root/lib/lttng-sets/$kver"
	cp -a "$upstream" "$root/lib/lttng-sets/$kver/upstream"
fi
for m in $distro_mods; do
	for f in $(modprobe -S "$kver" --show-depends "$m" | awk '$1 == "insmod" {print $2}'); do
		mkdir -p "$root$(dirname "$f")"
		cp "$f" "$root$f"
	done
done
# modules.builtin tells kmod which names are compiled in (lttng-sessiond's
# modprobe of a built-in tracer module then succeeds at once).
cp "$modindex"/modules.{order,builtin,builtin.modinfo} "$root/lib/modules/$kver/" 2>/dev/null || true
depmod -b "$root" "$kver"

mkdir -p "$root/usr/local/bin"
copy_with_libs "$helperdir"/*
mv "$root$helperdir"/* "$root/usr/local/bin/"
if [ -n "${VM_FRONT:-}" ]; then
	copy_with_libs "$VM_FRONT"
	mkdir -p "$root/opt/lttng-dt/bin"
	mv "$root$VM_FRONT" "$root/opt/lttng-dt/bin/lttng"
fi
if [ -n "$upstream" ]; then
	cp "$here/../benchmarks/switch-tracer.sh" "$root/usr/local/bin/switch-tracer"
	chmod +x "$root/usr/local/bin/switch-tracer"
fi

cat > "$root/etc/passwd" <<'PW'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PW
printf 'root:x:0:\ntracing:x:999:\nnogroup:x:65534:\n' > "$root/etc/group"
echo "127.0.0.1 localhost" > "$root/etc/hosts"

cp "$here"/scenarios/*.sh "$here/demo.sh" "$root/scenarios/"
[ -n "$upstream" ] && cp "$here/../benchmarks/bench.sh" "$root/scenarios/"
cp "$here/../benchmarks/tcp-mark.sh" "$root/scenarios/"
cp "$here/../lib/checks.sh" "$root/lib/vmtest.sh"
cp "$here/guest-init" "$root/init"
chmod +x "$root/init"

(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
