#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# switch-tracer.sh ours|upstream|status
#
# Runs inside a test VM (busybox sh + kmod). Chooses which lttng module set
# `modprobe lttng-tracer` (and lttng-sessiond, which loads modules by name
# through libkmod from /lib/modules/$(uname -r)) resolves to: ours, or
# upstream lttng-modules 2.13.9 (tests/benchmarks/build-upstream.sh). Both
# sets use the same module names, so only one may be visible at a time.
#
# Layout (doc/upstream-yardstick.md):
#   /lib/lttng-sets/KVER/ours       our modules
#   /lib/lttng-sets/KVER/upstream   upstream's modules
#   /lib/modules/KVER/extra         symlink to one of the two
# The first switch moves a real /lib/modules/KVER/extra directory (ours, as
# the harness installs it today) to /lib/lttng-sets/KVER/ours.
#
# Steps: stop lttng-sessiond (and wait for its consumer daemons), unload
# every lttng* module and fail if any stays loaded, point extra at the set,
# rerun depmod, check that lttng-tracer now resolves into the set. Start
# lttng-sessiond again afterwards.
#
# Environment (for testing outside a VM): LTTNG_SWITCH_ROOT prefixes every
# path and skips the process and module steps; LTTNG_SWITCH_KVER replaces
# $(uname -r); LTTNG_SWITCH_PROC replaces /proc when reading the module list.

die() { echo "switch-tracer: error: $*" >&2; exit 1; }
say() { echo "switch-tracer: $*"; }

# kmod's tools by path: busybox sh runs its own depmod, modinfo and rmmod
# applets before looking at PATH, and busybox's depmod writes modules.dep
# but not the modules.dep.bin that libkmod (lttng-sessiond) reads first.
for t in depmod modinfo rmmod; do
	case "$(readlink -f /sbin/$t)" in
	*/kmod) ;;
	*) die "/sbin/$t is not kmod" ;;
	esac
done

root=${LTTNG_SWITCH_ROOT:-}
kver=${LTTNG_SWITCH_KVER:-$(uname -r)}
moddir=$root/lib/modules/$kver
sets=$root/lib/lttng-sets/$kver
extra=$moddir/extra

# Which set extra points at now: ours, upstream, or "ours (not switched)".
current() {
	if [ -L "$extra" ]; then
		basename "$(readlink "$extra")"
	elif [ -d "$extra" ]; then
		echo "ours (not switched yet)"
	else
		echo "none"
	fi
}

case "${1:-}" in
ours|upstream) want=$1 ;;
status) current; exit 0 ;;
*) echo "usage: switch-tracer.sh ours|upstream|status" >&2; exit 2 ;;
esac

if grep -qs '/lttng-tracer\.ko$' "$moddir/modules.builtin"; then
	die "the tracer is built into this kernel: there is nothing to switch"
fi

# wait_gone SECONDS NAME: wait until no process is called NAME.
wait_gone() {
	n=$(($1 * 10))
	while pidof "$2" >/dev/null 2>&1; do
		[ "$n" -le 0 ] && return 1
		n=$((n - 1))
		sleep 0.1
	done
	return 0
}

proc=${LTTNG_SWITCH_PROC:-/proc}
lttng_modules() { awk '$1 ~ /^lttng/ { print $1 }' "$proc/modules"; }

# Process and module lists are split into words on purpose below.
# shellcheck disable=SC2086,SC2046
if [ -z "$root" ]; then
	[ -r "$proc/modules" ] || die "cannot read $proc/modules (is /proc mounted?)"
	# 1. lttng-sessiond unloads what it loaded when it exits; its consumer
	#    daemons hold the tracer's files and end with it.
	if pids=$(pidof lttng-sessiond); then
		say "stopping lttng-sessiond ($pids)"
		kill -TERM $pids
		wait_gone 20 lttng-sessiond || {
			say "lttng-sessiond still running after 20 s: killing it"
			kill -KILL $(pidof lttng-sessiond) 2>/dev/null
			wait_gone 5 lttng-sessiond || die "cannot stop lttng-sessiond"
		}
	fi
	if pids=$(pidof lttng-consumerd); then
		wait_gone 10 lttng-consumerd || {
			kill -KILL $pids 2>/dev/null
			wait_gone 5 lttng-consumerd || die "cannot stop lttng-consumerd"
		}
	fi

	# 2. Unload every lttng module, users first: retry until nothing is
	#    left or a round unloads nothing.
	left=$(lttng_modules)
	while [ -n "$left" ]; do
		for m in $left; do
			/sbin/rmmod "$m" 2>/dev/null
		done
		now=$(lttng_modules)
		[ "$now" = "$left" ] && break
		left=$now
	done
	if [ -n "$left" ]; then
		grep '^lttng' "$proc/modules" >&2
		die "still loaded, not switching:" $left
	fi
fi

# 3. Point extra at the chosen set.
if [ -d "$extra" ] && [ ! -L "$extra" ]; then
	[ -e "$sets/ours" ] && die "$extra is a directory and $sets/ours exists: which one is ours?"
	mkdir -p "$sets" || die "cannot create $sets"
	mv "$extra" "$sets/ours" || die "cannot move $extra to $sets/ours"
	say "moved our modules from $extra to $sets/ours"
fi
[ -f "$sets/$want/lttng-tracer.ko" ] || die "no $sets/$want/lttng-tracer.ko: set '$want' is not installed"
rm -f "$extra" || die "cannot remove $extra"
# Relative, so that the link also resolves under depmod -b / modprobe -d.
ln -s "../../lttng-sets/$kver/$want" "$extra" || die "cannot link $extra"

# 4. Reindex, then check what a modprobe would load.
if [ -n "$root" ]; then
	/sbin/depmod -b "$root" "$kver" 2>/dev/null || die "depmod failed"
	file=$(/sbin/modinfo -b "$root" -k "$kver" -F filename lttng-tracer)
else
	/sbin/depmod "$kver" || die "depmod failed"
	file=$(/sbin/modinfo -k "$kver" -F filename lttng-tracer)
fi
[ -n "$file" ] || die "modinfo does not find lttng-tracer after depmod"
real=$(readlink -f "$file")
case "$real" in
"$(readlink -f "$sets/$want")"/*) ;;
*) die "lttng-tracer resolves to $real, not into $sets/$want" ;;
esac
say "tracer set: $want (lttng-tracer -> $real)"
