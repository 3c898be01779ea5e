#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Wire lttng-dt into a kernel source tree so that it can be compiled into
# the kernel image (CONFIG_LTTNG_DT=y) or as modules of that kernel (=m).
#
#   scripts/wire-into-kernel.sh [--copy] KERNEL_SOURCE_DIR
#   scripts/wire-into-kernel.sh --list-sources
#
# It adds drivers/lttng-dt/ (Kconfig, Makefile, and src/ + include/ as
# symlinks to this tree, or copies of its sources with --copy), then one
# `source` line in drivers/Kconfig and one `obj-` line in drivers/Makefile.
# Running it again refreshes the tree and changes nothing else. Then
# configure the kernel with CONFIG_LTTNG_DT=y and build it as usual.
# --list-sources prints the files --copy copies (for cache keys).
set -euo pipefail

usage() { echo "usage: $0 [--copy] KERNEL_SOURCE_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)

# The source files only: objects of an out-of-tree build left in src/
# must not reach the kernel tree.
lttng_dt_sources() {
	(cd "$here" && find src include -type f \
		\( -name '*.[ch]' -o -name 'Kbuild*' -o -name Makefile -o -name '*.overrides' \) \
		! -name '*.mod.c' ! -name table-gen.h | LC_ALL=C sort)
}

if [ "${1:-}" = "--list-sources" ]; then
	lttng_dt_sources
	exit 0
fi
copy=0
[ "${1:-}" = "--copy" ] && { copy=1; shift; }
[ $# -eq 1 ] || usage
ksrc=$(realpath "$1")

if [ ! -f "$ksrc/drivers/Kconfig" ] || [ ! -f "$ksrc/drivers/Makefile" ]; then
	echo "error: $ksrc is not a kernel source tree (no drivers/Kconfig)" >&2
	exit 1
fi

dest=$ksrc/drivers/lttng-dt
rm -rf "$dest"
mkdir -p "$dest"
if [ "$copy" = 1 ]; then
	lttng_dt_sources | (cd "$here" && cpio -pdm --quiet "$dest")
else
	ln -s "$here/src" "$dest/src"
	ln -s "$here/include" "$dest/include"
fi

cat > "$dest/Kconfig" <<'KCONFIG'
# SPDX-License-Identifier: GPL-2.0-only
config LTTNG_DT
	tristate "lttng-dt kernel tracer (LTTng 2.13 ABI, distributed-trace gating)"
	depends on PROC_FS && TRACEPOINTS
	help
	  Kernel tracer driven by the stock lttng-tools 2.13 through
	  /proc/lttng, with per-thread distributed-trace gating.

	  Say Y to build it into the kernel: lttng-sessiond then finds
	  its modules as built-ins and loads nothing. Say M for modules.
KCONFIG

cat > "$dest/Makefile" <<'MAKEFILE'
# SPDX-License-Identifier: GPL-2.0-only
obj-$(CONFIG_LTTNG_DT) += src/
MAKEFILE

grep -q 'drivers/lttng-dt/Kconfig' "$ksrc/drivers/Kconfig" ||
	sed -i '$ s|^endmenu$|source "drivers/lttng-dt/Kconfig"\n\nendmenu|' "$ksrc/drivers/Kconfig"
grep -q 'drivers/lttng-dt/Kconfig' "$ksrc/drivers/Kconfig" || {
	echo "error: could not add lttng-dt to drivers/Kconfig" >&2
	exit 1
}
grep -q 'CONFIG_LTTNG_DT' "$ksrc/drivers/Makefile" ||
	echo 'obj-$(CONFIG_LTTNG_DT)		+= lttng-dt/' >> "$ksrc/drivers/Makefile"
echo "lttng-dt wired into $ksrc (drivers/lttng-dt); set CONFIG_LTTNG_DT=y or =m"
