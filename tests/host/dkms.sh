# SPDX-License-Identifier: GPL-2.0-only
# dkms add + build of the source tree works, in private DKMS trees so the
# machine's own DKMS state is left alone.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/../lib/checks.sh"
. "$here/../vm/kernel-env.sh"

if ! command -v dkms >/dev/null || ! vm_kernel_debian; then
	echo "not ok - host: dkms and Debian kernel headers installed"
	return 0 2>/dev/null || exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$repo/dkms.conf")
mkdir -p "$tmp/dkms" "$tmp/source/lttng-dt-$version"
cp -r "$repo/src" "$repo/include" "$repo/dkms.conf" "$tmp/source/lttng-dt-$version/"
dk() { dkms --dkmstree "$tmp/dkms" --sourcetree "$tmp/source" "$@" -m lttng-dt -v "$version"; }

check "host: dkms add" dk add
check "host: dkms build -k $VM_KVER" dk build -k "$VM_KVER"
# dkms builds each module dkms.conf names (module-build.sh checks that it
# names every module Kbuild makes).
listed=$(sed -n '/^_lttng_dt_modules="/,/"$/p' "$repo/dkms.conf" | tr -d '"' |
	sed 's/^_lttng_dt_modules=//; s|.*/||' | sort)
built=$(find "$tmp/dkms/lttng-dt/$version/$VM_KVER" -name '*.ko*' 2>/dev/null |
	sed 's|.*/||; s/\.ko.*//' | sort)
check_eq "host: dkms built every listed module" "$listed" echo "$built"
