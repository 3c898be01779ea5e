# SPDX-License-Identifier: GPL-2.0-only
# Our syscall events have lttng-modules 2.13's layout: the table sc-gen
# writes from Debian's kernel headers (and our overrides) is compared,
# event by event, with the events upstream's own headers declare
# (helpers/sc-layout-compare.py). Every syscall both describe must be
# identical, except those doc/upstream-yardstick.md lists with a reason.
# Upstream's source comes from Debian's lttng-modules-dkms package in the
# cache build-upstream.sh fills; without it the comparison is skipped,
# and said so.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/../lib/checks.sh"
. "$here/../vm/kernel-env.sh"

if ! vm_kernel_debian; then
	echo "not ok - host: Debian kernel headers installed"
	return 0 2>/dev/null || exit 0
fi
cache=${LTTNG_DT_UPSTREAM_CACHE:-/var/cache/lttng-dt/upstream}
deb=$(ls "$cache"/lttng-modules-dkms_*.deb 2>/dev/null | sort -V | tail -n 1)
if [ -z "$deb" ]; then
	echo "# skip: no lttng-modules-dkms .deb in $cache (tests/benchmarks/build-upstream.sh" \
		"downloads it): syscall layouts not compared with upstream's"
	return 0 2>/dev/null || exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen=$repo/src/syscalls/gen
build=$VM_KERNELDIR
src=$(readlink -f "/lib/modules/$VM_KVER/source" 2>/dev/null || echo "$build")
table=$build/arch/x86/include/generated/asm/syscalls_64.h

check "host: sc-gen builds" cc -O1 -Wall -o "$tmp/sc-gen" "$gen/sc-gen.c" \
	"$gen/sc-parse.c" "$gen/sc-header.c" "$gen/sc-amend.c"
check "host: sc-gen writes the table of $VM_KVER without warning" sh -c \
	"'$tmp/sc-gen' '$table' '$src/include/linux/syscalls.h' \
	'$build/include/generated/autoconf.h' '$gen/x86_64.overrides' \
	>'$tmp/table-gen.h' 2>'$tmp/gen.err' && ! test -s '$tmp/gen.err' || \
	{ cat '$tmp/gen.err'; false; }"

dpkg-deb -x "$deb" "$tmp/up"
headers=$(ls -d "$tmp"/up/usr/src/lttng-modules-*/include/instrumentation/syscalls/headers)
compare=$here/helpers/sc-layout-compare.py
capture python3 "$compare" "$tmp/table-gen.h" "$headers" \
	--expect "$repo/doc/upstream-yardstick.md"
rc=$?
printf '%s\n' "$captured" | grep -E '^(identical|upstream only|ours only)' | sed 's/^/# /'
if [ $rc -eq 0 ]; then
	echo "ok - host: syscall layouts identical to upstream's but the listed ones"
else
	check_fail_evidence "host: syscall layouts identical to upstream's but the listed ones" \
		"sc-layout-compare.py exited with $rc"
fi

# The comparison itself: a field renamed or shown in another base in our
# table, and not listed, fails it.
sed -e 's/sc_int(pid_t, upid, 0)/sc_int(pid_t, pid, 0)/' \
	-e '/LTTNG_SC(44, sendto,/,/))/s/sc_int(unsigned long, buff, 1)/sc_hex(unsigned long, buff, 1)/' \
	"$tmp/table-gen.h" >"$tmp/broken.h"
capture python3 "$compare" "$tmp/broken.h" "$headers" \
	--expect "$repo/doc/upstream-yardstick.md"
check_eq "host: the comparison fails on an unlisted difference" 1 echo $?
check_has "host: the comparison sees a renamed field" '^UNEXPECTED: entry wait4' \
	printf '%s\n' "$captured"
check_has "host: the comparison sees another base" '^UNEXPECTED: entry sendto' \
	printf '%s\n' "$captured"
