#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# build-upstream.sh OUTDIR [KERNELDIR]
#
# Build upstream lttng-modules 2.13.9, as shipped in Debian 12's
# lttng-modules-dkms package, against KERNELDIR, as a yardstick for the
# benchmarks (doc/upstream-yardstick.md). The package is fetched with
# `apt-get download` and unpacked with `dpkg-deb -x`: it is never installed
# (installing it starts a DKMS build that fails on Debian's current 6.1
# kernel and leaves dpkg half-configured). Nothing under /usr is touched.
#
#   OUTDIR     receives the build copy (OUTDIR/build/) and the modules,
#              installed INSTALL_MOD_PATH style into
#              OUTDIR/lib/modules/KVER/extra/lttng-upstream/
#   KERNELDIR  kernel build tree (default: the newest /lib/modules/*/build,
#              i.e. Debian's linux-headers-amd64)
#
# Prints the installed .ko files on stdout, one absolute path a line;
# progress goes to stderr, the full make output to OUTDIR/build/build.log.
#
# What is left out: every upstream probe whose object fails to compile
# against KERNELDIR, and nothing else (a failure anywhere else is an error).
# On Debian's 6.1.0-xx kernels (6.1.192) that is lttng-probe-timer only: their
# hrtimer_start tracepoint has a third argument (bool was_armed) that
# lttng-modules 2.13.9 does not know. The probes are dropped by appending a filter-out
# line to the build copy's src/probes/Kbuild; no upstream C file is changed.
# The list and the compiler's reason are kept in
# OUTDIR/lib/modules/KVER/extra/lttng-upstream/LEFT-OUT.
#
# Cache: the downloaded .deb is kept in $LTTNG_DT_UPSTREAM_CACHE (default
# /var/cache/lttng-dt/upstream) and reused; OUTDIR/upstream.key records the
# .deb, the kernel (release, .config, Module.symvers), the compiler and
# this script. If it matches and the
# modules are there, nothing is rebuilt.
#
# Environment:
#   LTTNG_DT_UPSTREAM_CACHE  where the .deb is cached
#   LTTNG_DT_JOBS            make -j value (default: nproc)
#   LTTNG_DT_NO_APT=1        never run apt-get; fail if the .deb is not cached
#
# Needs, beyond .ci/install-deps: nothing. It uses apt-get and dpkg-deb (apt,
# dpkg), make and gcc, the kernel headers, kmod (modinfo), flock
# (util-linux), sha256sum (coreutils); linux-headers-amd64 pulls in gcc-12,
# the compiler Debian's kernel Makefile asks for. Run as root on a fresh
# Debian 12 machine: root is needed for the cache directory and apt-get.
set -euo pipefail

PKG=lttng-modules-dkms
UPSTREAM_VERSION=2.13.9
# Modules the yardstick must provide (checked after every build).
REQUIRED_MODULES=(
	lttng-tracer
	lttng-ring-buffer-client-discard
	lttng-ring-buffer-client-overwrite
	lttng-ring-buffer-client-mmap-discard
	lttng-ring-buffer-client-mmap-overwrite
	lttng-ring-buffer-metadata-client
	lttng-ring-buffer-metadata-mmap-client
	lttng-probe-sched
	lttng-test
)

PROG=$(basename "$0")
SELF=$(realpath "$0")
die() { echo "$PROG: error: $*" >&2; exit 1; }
log() { echo "[$PROG $(date +%H:%M:%S)] $*" >&2; }
usage() {
	sed -n '4,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
	exit 2
}

# --- arguments -----------------------------------------------------------------
[ $# -ge 1 ] && [ $# -le 2 ] || usage
case "$1" in -h|--help) usage ;; esac
OUTDIR=$(realpath -m "$1")
if [ $# -ge 2 ]; then
	KERNELDIR=$2
else
	KERNELDIR=$(ls -d /lib/modules/*/build 2>/dev/null | sort -V | tail -n 1)
	[ -n "$KERNELDIR" ] || die "no /lib/modules/*/build; install linux-headers-amd64 or pass KERNELDIR"
fi
[ -d "$KERNELDIR" ] || die "KERNELDIR $KERNELDIR: no such directory"
KERNELDIR=$(realpath "$KERNELDIR")
[ -f "$KERNELDIR/.config" ] && [ -f "$KERNELDIR/Module.symvers" ] ||
	die "$KERNELDIR is not a prepared kernel build tree (.config, Module.symvers)"

# The release the modules' vermagic carries and modules_install uses. Debian's
# headers set it in .kernelvariables (include/config/kernel.release there says
# only "6.1.x"), so read what the compiler sees.
KVER=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' \
	"$KERNELDIR/include/generated/utsrelease.h" 2>/dev/null || true)
[ -n "$KVER" ] || die "cannot read UTS_RELEASE from $KERNELDIR/include/generated/utsrelease.h"

CACHE=${LTTNG_DT_UPSTREAM_CACHE:-/var/cache/lttng-dt/upstream}
JOBS=${LTTNG_DT_JOBS:-$(nproc)}
INSTDIR=$OUTDIR/lib/modules/$KVER/extra/lttng-upstream
BUILDDIR=$OUTDIR/build
LOG=$BUILDDIR/build.log
KEYFILE=$OUTDIR/upstream.key

mkdir -p "$OUTDIR" "$CACHE"
# One build per OUTDIR at a time; one download per cache at a time.
exec 9>"$OUTDIR/.lock"
flock 9

# --- the package ---------------------------------------------------------------
# newest cached .deb of the wanted upstream version, if any
cached_deb() {
	ls "$CACHE/${PKG}_${UPSTREAM_VERSION}"-*_all.deb 2>/dev/null | sort -V | tail -n 1 || true
}

fetch_deb() {
	local tmp deb ver
	[ "${LTTNG_DT_NO_APT:-0}" = 1 ] &&
		die "$PKG $UPSTREAM_VERSION is not in $CACHE and LTTNG_DT_NO_APT=1"
	tmp=$(mktemp -d)
	# apt-get download fetches as the _apt user when it can write there.
	chmod 755 "$tmp"
	id _apt >/dev/null 2>&1 && chown _apt "$tmp" 2>/dev/null || true
	log "downloading $PKG with apt-get download (not installing it)"
	if ! (cd "$tmp" && apt-get download -q "$PKG" >&2); then
		rm -rf "$tmp"
		die "apt-get download $PKG failed (run apt-get update first?)"
	fi
	deb=$(ls "$tmp"/${PKG}_*_all.deb 2>/dev/null | head -n 1)
	[ -n "$deb" ] || { rm -rf "$tmp"; die "apt-get download left no .deb"; }
	ver=$(dpkg-deb -f "$deb" Version)
	case "$ver" in
	"$UPSTREAM_VERSION"-*) ;;
	*) rm -rf "$tmp"; die "apt offers $PKG $ver, not $UPSTREAM_VERSION-*" ;;
	esac
	# via .part, so an interrupted copy is never taken for a cached .deb
	cp "$deb" "$CACHE/${PKG}_${ver}_all.deb.part"
	mv "$CACHE/${PKG}_${ver}_all.deb.part" "$CACHE/${PKG}_${ver}_all.deb"
	rm -rf "$tmp"
}

exec 8>"$CACHE/.lock"
flock 8
DEB=$(cached_deb)
if [ -z "$DEB" ]; then
	fetch_deb
	DEB=$(cached_deb)
fi
flock -u 8
[ -n "$DEB" ] || die "no $PKG $UPSTREAM_VERSION .deb in $CACHE"
log "package: $DEB"

# --- cache key -----------------------------------------------------------------
kernel_cc() {
	# The compiler Debian's kernel Makefile uses (CC = gcc-12), else gcc.
	local cc
	cc=$(sed -n 's/^CC = .*\(gcc-[0-9]*\)$/\1/p' "$KERNELDIR/.kernelvariables" 2>/dev/null || true)
	command -v "${cc:-gcc}" >/dev/null && "${cc:-gcc}" --version | head -n 1 || echo none
}
KEY=$(
	echo "deb $(sha256sum <"$DEB" | cut -d' ' -f1)"
	echo "kver $KVER"
	echo "config $(sha256sum <"$KERNELDIR/.config" | cut -d' ' -f1)"
	echo "symvers $(sha256sum <"$KERNELDIR/Module.symvers" | cut -d' ' -f1)"
	echo "cc $(kernel_cc)"
	echo "script $(sha256sum <"$SELF" | cut -d' ' -f1)"
)

list_modules() { find "$INSTDIR" -name '*.ko' | sort; }

required_present() {
	local m
	for m in "${REQUIRED_MODULES[@]}"; do
		[ -n "$(find "$INSTDIR" -name "$m.ko" 2>/dev/null)" ] || return 1
	done
}

if [ -f "$KEYFILE" ] && [ "$(cat "$KEYFILE")" = "$KEY" ] && [ -d "$INSTDIR" ] &&
   required_present; then
	log "up to date: $INSTDIR (built from $(basename "$DEB") for $KVER)"
	[ -s "$INSTDIR/LEFT-OUT" ] && sed 's/^/  left out: /' "$INSTDIR/LEFT-OUT" >&2
	list_modules
	exit 0
fi

# --- build ---------------------------------------------------------------------
rm -f "$KEYFILE"
rm -rf "$BUILDDIR" "$INSTDIR"
mkdir -p "$BUILDDIR"
dpkg-deb -x "$DEB" "$BUILDDIR/pkg"
SRC=$BUILDDIR/pkg/usr/src/lttng-modules-$UPSTREAM_VERSION
[ -f "$SRC/src/Kbuild" ] || die "$(basename "$DEB") has no usr/src/lttng-modules-$UPSTREAM_VERSION/src"

# What upstream's own Makefile passes to Kbuild (its "modules" target), plus
# no module signing: Debian's .config asks for it but its key is not shipped.
KMAKE=(make -C "$KERNELDIR" M="$SRC/src" CONFIG_LTTNG=m
	CONFIG_LTTNG_CLOCK_PLUGIN_TEST=m CONFIG_MODULE_SIG_ALL=)

START=$(date +%s)
log "building lttng-modules $UPSTREAM_VERSION for $KVER (-j$JOBS, log: $LOG)"
# Pass 1 builds everything it can (-k) to find what does not compile.
if "${KMAKE[@]}" -k -j"$JOBS" modules >"$LOG" 2>&1; then
	failed=""
else
	# Objects whose compilation failed: "...Makefile.build:NNN: OBJ] Error N".
	failed=$(sed -n 's/^make\[[0-9]*\]: \*\*\* \[[^]]*Makefile\.build:[0-9]*: \(.*\.o\)\] Error [0-9]*$/\1/p' "$LOG" | sort -u)
	[ -n "$failed" ] || { tail -n 40 "$LOG" >&2; die "build failed, see $LOG"; }
fi

: >"$BUILDDIR/LEFT-OUT"
if [ -n "$failed" ]; then
	drop=""
	for o in $failed; do
		case "$o" in
		"$SRC"/src/probes/lttng-probe-*.o) ;;
		*) grep -m 5 -F "$o" "$LOG" >&2 || true
		   die "$o failed to build; only probes may be left out (see $LOG)" ;;
		esac
		obj=$(basename "$o")
		drop="$drop $obj"
		# the compiler's first error after the probe's source is named
		reason=$(sed -n "\\|${obj%.o}\\.c|,\$p" "$LOG" | grep -m 1 'error:' || true)
		reason=${reason//"$SRC/src/probes/../../"/}
		reason=${reason//"$SRC/"/}
		printf '%s: %s\n' "${obj%.o}" "${reason:-see build.log}" >>"$BUILDDIR/LEFT-OUT"
	done
	log "leaving out, as they do not compile against $KVER:$drop"
	{
		echo
		echo "# lttng-dt tests/benchmarks/build-upstream.sh: probes that do not"
		echo "# compile against $KVER (see LEFT-OUT next to the modules)"
		echo "obj-m := \$(filter-out$drop,\$(obj-m))"
	} >>"$SRC/src/probes/Kbuild"
	# Pass 2: the rest was compiled by pass 1; this links and finishes.
	if ! "${KMAKE[@]}" -j"$JOBS" modules >>"$LOG" 2>&1; then
		tail -n 40 "$LOG" >&2
		die "build failed after leaving out$drop, see $LOG"
	fi
fi

log "installing into $INSTDIR"
# Stripped of debug info: the modules go into a VM initramfs.
if ! "${KMAKE[@]}" INSTALL_MOD_PATH="$OUTDIR" INSTALL_MOD_DIR=extra/lttng-upstream \
	INSTALL_MOD_STRIP=1 modules_install >>"$LOG" 2>&1; then
	tail -n 40 "$LOG" >&2
	die "modules_install failed, see $LOG"
fi
[ -d "$INSTDIR" ] || die "modules_install did not create $INSTDIR"
cp "$BUILDDIR/LEFT-OUT" "$INSTDIR/LEFT-OUT"

missing=""
for m in "${REQUIRED_MODULES[@]}"; do
	[ -n "$(find "$INSTDIR" -name "$m.ko")" ] || missing="$missing $m"
done
[ -z "$missing" ] || die "required modules not built:$missing (see $LOG)"
vermagic=$(modinfo -F vermagic "$(find "$INSTDIR" -name lttng-tracer.ko)")
case "$vermagic" in
"$KVER "*) ;;
*) die "lttng-tracer.ko has vermagic '$vermagic', expected $KVER" ;;
esac

echo "$KEY" >"$KEYFILE"
log "built $(list_modules | wc -l) modules in $(($(date +%s) - START)) s"
[ -s "$INSTDIR/LEFT-OUT" ] && sed 's/^/  left out: /' "$INSTDIR/LEFT-OUT" >&2
list_modules
