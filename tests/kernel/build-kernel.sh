#!/bin/bash
# build-kernel.sh FLAVOR [OUTDIR]
#
# Build a kernel for the lttng-dt QEMU test harness from Debian 12's
# linux-source-6.1 package:
#   make tinyconfig + fragments (merge_config.sh -m) + make olddefconfig,
#   check that every option requested by the fragments really is set,
#   make all (bzImage + modules), then check that an out-of-tree module builds.
#
# FLAVOR:  test    -> base.config
#          debug   -> base.config + debug.config
#          builtin -> base.config + builtin.config, with lttng-dt wired into
#                     the source tree (scripts/wire-into-kernel.sh --copy)
#                     and so compiled into bzImage
# OUTDIR:  default ${LTTNG_DT_KERNEL_CACHE:-/var/cache/lttng-dt/kernels}/FLAVOR
#
# OUTDIR ends up as a complete, in-tree kernel build: use it as KERNELDIR
# (`make -C OUTDIR M=$PWD modules`), boot OUTDIR/bzImage, and read the
# release string from OUTDIR/kernel.release.
#
# Cache: OUTDIR/lttng-dt-build.key records what the tree was built from
# (build recipe version, flavor, linux-source-6.1 package version, compiler,
# sha256 of each fragment, and for builtin the lttng-dt sources).  If it
# matches, nothing is rebuilt; if only the lttng-dt sources differ, the
# built-in tree is rebuilt in place.
#
# Environment:
#   LTTNG_DT_KERNEL_CACHE   default cache root (see OUTDIR above)
#   LTTNG_DT_JOBS           make -j value (default: nproc)
#   LTTNG_DT_KERNEL_TARBALL kernel source tarball (default
#                           /usr/src/linux-source-6.1.tar.xz, from the package)
#   LTTNG_DT_NO_APT=1       never run apt-get; fail if something is missing
#   LTTNG_DT_VERBOSE=1      stream the full make output instead of a log file
set -euo pipefail

# A build of its own, even when a make runs this script (make check): the
# caller's MAKEFLAGS would hand its jobserver and -w to every make below,
# and "make[2]: Entering directory" lines would land in kernel.release.
unset MAKEFLAGS MAKELEVEL MFLAGS MAKEOVERRIDES

# Bump when a change to this script changes what gets built.
RECIPE_VERSION=1
SOURCE_PKG=linux-source-6.1
DEFAULT_TARBALL=/usr/src/linux-source-6.1.tar.xz
BUILD_DEPS=(linux-source-6.1 make gcc libc6-dev bc flex bison libelf-dev libssl-dev
	dwarves cpio xz-utils kmod perl)

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROG=$(basename "$0")
KEY_FILE=lttng-dt-build.key
MARKER=.lttng-dt-kernel-tree

die() { echo "$PROG: error: $*" >&2; exit 1; }
log() { echo "[$PROG $(date +%H:%M:%S)] $*"; }
usage() {
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
	exit 2
}
fmt_secs() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# --- arguments -----------------------------------------------------------------
[ $# -ge 1 ] && [ $# -le 2 ] || usage
case "$1" in -h|--help) usage ;; esac
FLAVOR=$1
case "$FLAVOR" in
	test)  FRAGMENTS=(base.config) ;;
	debug) FRAGMENTS=(base.config debug.config) ;;
	builtin) FRAGMENTS=(base.config builtin.config) ;;
	*) die "unknown flavor '$FLAVOR' (expected: test, debug, builtin)" ;;
esac
OUTDIR=${2:-${LTTNG_DT_KERNEL_CACHE:-/var/cache/lttng-dt/kernels}/$FLAVOR}
# OUTDIR itself is a symbolic link to the tree (see "install" below): only
# its parent is resolved.
OUTDIR="$(realpath -m -- "$(dirname -- "$OUTDIR")")/$(basename -- "$OUTDIR")"
case "$OUTDIR" in
	/|/usr|/usr/*|/bin|/boot|/etc|/home|/root|/var|/tmp)
		die "refusing to use '$OUTDIR' as OUTDIR" ;;
esac
JOBS=${LTTNG_DT_JOBS:-$(nproc)}
TARBALL=${LTTNG_DT_KERNEL_TARBALL:-$DEFAULT_TARBALL}

FRAGMENT_PATHS=()
for f in "${FRAGMENTS[@]}"; do
	[ -r "$SCRIPT_DIR/$f" ] || die "missing config fragment $SCRIPT_DIR/$f"
	FRAGMENT_PATHS+=("$SCRIPT_DIR/$f")
done

T_START=$(date +%s)

# --- build dependencies ----------------------------------------------------------
pkg_installed() {
	[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" = "ii " ]
}
ensure_deps() {
	local missing=() p
	command -v dpkg-query >/dev/null || die "not a Debian system (no dpkg-query)"
	for p in "${BUILD_DEPS[@]}"; do
		pkg_installed "$p" || missing+=("$p")
	done
	# A tarball given explicitly does not need the package.
	if [ -n "${LTTNG_DT_KERNEL_TARBALL:-}" ]; then
		local m=() x
		for x in "${missing[@]}"; do [ "$x" = "$SOURCE_PKG" ] || m+=("$x"); done
		missing=("${m[@]}")
	fi
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ -n "${LTTNG_DT_NO_APT:-}" ] || [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
		die "missing packages: ${missing[*]} (install them: apt-get install ${missing[*]})"
	fi
	log "installing missing packages: ${missing[*]}"
	# Lock::Timeout waits for another apt/dpkg run instead of failing.
	local apt=(apt-get -y -q -o DPkg::Lock::Timeout=1800 install --no-install-recommends)
	if ! DEBIAN_FRONTEND=noninteractive "${apt[@]}" "${missing[@]}"; then
		log "apt-get install failed; retrying after apt-get update"
		apt-get -q -o DPkg::Lock::Timeout=1800 update ||
			die "apt-get update failed"
		DEBIAN_FRONTEND=noninteractive "${apt[@]}" "${missing[@]}" ||
			die "apt-get install ${missing[*]} failed"
	fi
}
ensure_deps
[ -r "$TARBALL" ] || die "kernel source tarball $TARBALL not found (package $SOURCE_PKG)"

# --- cache key -------------------------------------------------------------------
compute_key() {
	echo "recipe=$RECIPE_VERSION"
	echo "flavor=$FLAVOR"
	if [ -n "${LTTNG_DT_KERNEL_TARBALL:-}" ]; then
		echo "source=$TARBALL sha256=$(sha256sum <"$TARBALL" | cut -d' ' -f1)"
	else
		echo "source=$SOURCE_PKG $(dpkg-query -W -f='${Version}' "$SOURCE_PKG")"
	fi
	# Out-of-tree modules must be built by the compiler that built the kernel.
	echo "cc=$(gcc --version | head -n1)"
	local p
	for p in "${FRAGMENT_PATHS[@]}"; do
		echo "fragment $(basename "$p") sha256=$(sha256sum <"$p" | cut -d' ' -f1)"
	done
	# A built-in tracer is part of the image: its sources are inputs too.
	if [ "$FLAVOR" = builtin ]; then
		echo "lttng-dt sources sha256=$(lttng_dt_sources_hash)"
	fi
}
lttng_dt_sources_hash() {
	local repo=$SCRIPT_DIR/../..
	{ cat "$repo/scripts/wire-into-kernel.sh"
	  "$repo/scripts/wire-into-kernel.sh" --list-sources |
		while read -r f; do echo "$f"; cat "$repo/$f"; done
	} | sha256sum | cut -d' ' -f1
}
KEY=$(compute_key)

if [ -f "$OUTDIR/$KEY_FILE" ] && [ "$(cat "$OUTDIR/$KEY_FILE")" = "$KEY" ] &&
	[ -f "$OUTDIR/bzImage" ] && [ -f "$OUTDIR/kernel.release" ]; then
	log "$FLAVOR kernel $(cat "$OUTDIR/kernel.release") is up to date in $OUTDIR (cache key matches); nothing to do"
	exit 0
fi

# OUTDIR gets replaced below: only ever replace a tree this script made.
if [ -e "$OUTDIR" ] && [ ! -e "$OUTDIR/$MARKER" ] &&
	[ -n "$(ls -A "$OUTDIR" 2>/dev/null || echo x)" ]; then
	die "$OUTDIR exists, is not empty and was not made by $PROG; refusing to replace it"
fi
if [ -f "$OUTDIR/$KEY_FILE" ]; then
	log "cache key changed, rebuilding $OUTDIR:"
	diff <(cat "$OUTDIR/$KEY_FILE") <(echo "$KEY") | sed -n 's/^[<>]/   &/p' || true
else
	log "no usable build in $OUTDIR, building"
fi

PARENT=$(dirname "$OUTDIR")
NAME=$(basename "$OUTDIR")
mkdir -p "$PARENT" || die "cannot create $PARENT"

# One build per OUTDIR at a time.
exec 9>"$PARENT/.$NAME.lock"
if ! flock -n 9; then
	log "another build of $OUTDIR is running; waiting for it"
	flock 9
	if [ -f "$OUTDIR/$KEY_FILE" ] && [ "$(cat "$OUTDIR/$KEY_FILE")" = "$KEY" ]; then
		log "the other build produced the same key; nothing to do"
		exit 0
	fi
fi

# A built-in tree that differs from the key only by the lttng-dt sources is
# brought up to date in place: the new sources are wired in and make rebuilds
# them and relinks the image (minutes, where a full build takes most of an
# hour). The key is removed first, so a failure here leaves a tree that the
# next run builds from scratch.
only_sources_changed() {
	[ "$FLAVOR" = builtin ] && [ -f "$OUTDIR/$KEY_FILE" ] && [ -e "$OUTDIR/$MARKER" ] &&
		[ -f "$OUTDIR/.config" ] && [ -f "$OUTDIR/bzImage" ] || return 1
	[ "$(grep -v '^lttng-dt sources ' "$OUTDIR/$KEY_FILE")" = \
		"$(grep -v '^lttng-dt sources ' <<<"$KEY")" ]
}
if only_sources_changed; then
	t0=$(date +%s)
	log "only the lttng-dt sources changed: rebuilding $OUTDIR in place"
	rm -f -- "$OUTDIR/$KEY_FILE"
	"$SCRIPT_DIR/../../scripts/wire-into-kernel.sh" --copy "$OUTDIR" >/dev/null ||
		die "scripts/wire-into-kernel.sh failed"
	if ! make -C "$OUTDIR" -j"$JOBS" all >"$OUTDIR/lttng-dt-build.log" 2>&1; then
		tail -n 60 "$OUTDIR/lttng-dt-build.log" >&2
		die "kernel build failed (full log: $OUTDIR/lttng-dt-build.log)"
	fi
	cp "$OUTDIR/arch/x86/boot/bzImage" "$OUTDIR/bzImage"
	[ "$(make -s --no-print-directory -C "$OUTDIR" kernelrelease)" = "$(cat "$OUTDIR/kernel.release")" ] ||
		die "the kernel release changed in an in-place rebuild"
	echo "$KEY" >"$OUTDIR/$KEY_FILE"
	log "done: $FLAVOR kernel $(cat "$OUTDIR/kernel.release") rebuilt in place ($(fmt_secs $(($(date +%s) - t0))))"
	exit 0
fi

# The tree is built where it stays: OUTDIR becomes a symbolic link to it.
# Kbuild records absolute paths (objtool's among them), so a tree moved
# after its build would be rebuilt whole by the next in-place build.
# Trees of earlier failed or replaced builds go first.
CURRENT=$(readlink -- "$OUTDIR" 2>/dev/null || true)
for old in "$PARENT/.$NAME.work" "$PARENT/.$NAME".tree.*; do
	if [ -e "$old" ] && [ "$(basename -- "$old")" != "$CURRENT" ]; then rm -rf -- "$old"; fi
done
WORK="$PARENT/.$NAME.tree.$(date +%s).$$"
mkdir -p -- "$WORK"
touch "$WORK/$MARKER"
BUILD_LOG="$WORK/lttng-dt-build.log"

# --- extract ---------------------------------------------------------------------
t0=$(date +%s)
log "extracting $TARBALL into $WORK"
tar -xf "$TARBALL" -C "$WORK" --strip-components=1 ||
	die "extracting $TARBALL failed"
[ -f "$WORK/Makefile" ] || die "$TARBALL does not look like a kernel source tree"
T_EXTRACT=$(($(date +%s) - t0))

cd "$WORK"

if [ "$FLAVOR" = builtin ]; then
	log "wiring lttng-dt into the source tree"
	"$SCRIPT_DIR/../../scripts/wire-into-kernel.sh" --copy "$WORK" ||
		die "scripts/wire-into-kernel.sh failed"
fi

# --- configure -------------------------------------------------------------------
t0=$(date +%s)
log "configuring: tinyconfig + ${FRAGMENTS[*]} + olddefconfig"
# Names the flavor in `uname -r`, e.g. 6.1.192-lttngdt-debug.
LOCAL_FRAGMENT="$WORK/.lttng-dt-localversion.config"
printf 'CONFIG_LOCALVERSION="-lttngdt-%s"\n# CONFIG_LOCALVERSION_AUTO is not set\n' \
	"$FLAVOR" >"$LOCAL_FRAGMENT"
ALL_FRAGMENTS=("${FRAGMENT_PATHS[@]}" "$LOCAL_FRAGMENT")
make -s tinyconfig >"$WORK/lttng-dt-config.log" 2>&1 ||
	{ cat "$WORK/lttng-dt-config.log" >&2; die "make tinyconfig failed"; }
scripts/kconfig/merge_config.sh -m .config "${ALL_FRAGMENTS[@]}" \
	>>"$WORK/lttng-dt-config.log" 2>&1 ||
	{ cat "$WORK/lttng-dt-config.log" >&2; die "merge_config.sh failed"; }
make -s olddefconfig >>"$WORK/lttng-dt-config.log" 2>&1 ||
	{ cat "$WORK/lttng-dt-config.log" >&2; die "make olddefconfig failed"; }

# Every CONFIG_ line of the fragments (last one wins, as in merge_config.sh)
# must be in the final .config; "# CONFIG_X is not set" means X must not be set.
verify_config() {
	local bad
	bad=$(awk '
		function sym_of(line,   s) {
			if (line ~ /^CONFIG_[A-Za-z0-9_]+=/) { s = line; sub(/=.*/, "", s); return s }
			if (line ~ /^# CONFIG_[A-Za-z0-9_]+ is not set$/) { s = line; sub(/^# /, "", s); sub(/ .*/, "", s); return s }
			return ""
		}
		FILENAME == ".config" {
			s = sym_of($0)
			if (s != "") actual[s] = ($0 ~ /^#/) ? "n" : substr($0, length(s) + 2)
			next
		}
		{
			s = sym_of($0)
			if (s == "") next
			if (!(s in want)) order[n++] = s
			want[s] = ($0 ~ /^#/) ? "n" : substr($0, length(s) + 2)
			from[s] = FILENAME
		}
		END {
			for (i = 0; i < n; i++) {
				s = order[i]; w = want[s]
				a = (s in actual) ? actual[s] : "n"
				if (w != a) {
					f = from[s]; sub(/.*\//, "", f)
					printf "%s\t%s\t%s\t%s\n", s, w, (s in actual) ? a : "absent", f
				}
			}
		}' "${ALL_FRAGMENTS[@]}" .config)
	[ -z "$bad" ] && return 0
	echo "$PROG: error: options requested by the fragments are not in the final .config" >&2
	echo "  (unmet dependencies, a typo, or a symbol missing from this kernel):" >&2
	local sym want actual from name kc
	while IFS=$'\t' read -r sym want actual from; do
		name=${sym#CONFIG_}
		printf '  %-40s wanted %-8s got %-8s (%s)\n' "$sym" "$want" "$actual" "$from" >&2
		# Prefer the generic or x86 definition over other architectures'.
		kc=$({ grep -rn --include='Kconfig*' -E "^[[:space:]]*(menu)?config[[:space:]]+$name[[:space:]]*$" . |
			grep -v -E '^\./arch/'
			grep -rn --include='Kconfig*' -E "^[[:space:]]*(menu)?config[[:space:]]+$name[[:space:]]*$" ./arch/x86
			} || true)
		kc=$(head -n1 <<<"$kc")
		if [ -z "$kc" ]; then
			echo "      no such Kconfig symbol in this kernel" >&2
			continue
		fi
		local file=${kc%%:*} line
		line=${kc#*:}; line=${line%%:*}
		echo "      defined at ${file#./}:$line" >&2
		awk -v start="$line" 'NR > start && /^[[:space:]]*(menu)?config[[:space:]]|^(menu|endmenu|if|endif|choice|endchoice)/ { exit }
			NR > start && /^[[:space:]]*depends on/ { sub(/^[[:space:]]*/, ""); print "        " $0 }' \
			"$file" >&2
	done <<<"$bad"
	return 1
}
verify_config || die "configuration check failed for flavor $FLAVOR (see above; full log: $WORK/lttng-dt-config.log)"
T_CONFIG=$(($(date +%s) - t0))
log "configuration OK: every option of ${FRAGMENTS[*]} is set ($(fmt_secs $T_CONFIG))"

# --- build -----------------------------------------------------------------------
t0=$(date +%s)
log "building bzImage + modules with make -j$JOBS (log: $BUILD_LOG, then $OUTDIR/${BUILD_LOG##*/})"
if [ -n "${LTTNG_DT_VERBOSE:-}" ]; then
	make -j"$JOBS" all 2>&1 | tee "$BUILD_LOG" || die "kernel build failed"
else
	make -j"$JOBS" all >"$BUILD_LOG" 2>&1 &
	make_pid=$!
	last=$t0
	while kill -0 "$make_pid" 2>/dev/null; do
		sleep 5
		now=$(date +%s)
		if [ $((now - last)) -ge 60 ]; then
			last=$now
			log "  still building ($(fmt_secs $((now - t0)))): $(grep -c '^  CC ' "$BUILD_LOG" || true) files compiled, now $(tail -n1 "$BUILD_LOG" | sed 's/^ *//' | cut -c1-70)"
		fi
	done
	if ! wait "$make_pid"; then
		echo "----- last 60 lines of $BUILD_LOG -----" >&2
		tail -n 60 "$BUILD_LOG" >&2
		die "kernel build failed (full log: $BUILD_LOG)"
	fi
fi
T_BUILD=$(($(date +%s) - t0))
log "build done ($(fmt_secs $T_BUILD))"

cp arch/x86/boot/bzImage bzImage
make -s --no-print-directory kernelrelease >kernel.release
RELEASE=$(cat kernel.release)
[ -n "$RELEASE" ] || die "make kernelrelease printed nothing"
# One line, a release string: anything else would end up in vermagic checks.
[ "$(wc -l <kernel.release)" = 1 ] && grep -qE '^[0-9]+\.[0-9]+[^ ]*$' kernel.release ||
	die "make kernelrelease printed more than a release: $(head -n 3 kernel.release)"
[ -f Module.symvers ] || die "Module.symvers missing: out-of-tree modules could not link"

# --- install into OUTDIR ---------------------------------------------------------
cd /
OLD=
if [ -L "$OUTDIR" ]; then
	OLD="$PARENT/$(readlink -- "$OUTDIR")"
elif [ -e "$OUTDIR" ]; then
	# A tree from before OUTDIR was a link.
	OLD="$PARENT/.$NAME.old.$$"
	mv -- "$OUTDIR" "$OLD"
fi
ln -sfn -- "$(basename -- "$WORK")" "$PARENT/.$NAME.link.$$"
mv -T -- "$PARENT/.$NAME.link.$$" "$OUTDIR"
if [ -n "$OLD" ] && [ "$OLD" != "$WORK" ]; then rm -rf -- "$OLD"; fi

# --- smoke test: an out-of-tree module builds against OUTDIR ------------------------
t0=$(date +%s)
MODTEST=$(mktemp -d)
trap 'rm -rf -- "$MODTEST"' EXIT
cat >"$MODTEST/lttng_dt_kbuild_check.c" <<'EOF'
#include <linux/module.h>
#include <linux/init.h>
static int __init kbuild_check_init(void) { return 0; }
static void __exit kbuild_check_exit(void) { }
module_init(kbuild_check_init);
module_exit(kbuild_check_exit);
MODULE_LICENSE("GPL");
EOF
echo 'obj-m := lttng_dt_kbuild_check.o' >"$MODTEST/Kbuild"
if ! make -C "$OUTDIR" M="$MODTEST" -j"$JOBS" modules >"$MODTEST/build.log" 2>&1; then
	cat "$MODTEST/build.log" >&2
	die "out-of-tree module test build against $OUTDIR failed"
fi
vermagic=$(modinfo -F vermagic "$MODTEST/lttng_dt_kbuild_check.ko")
case "$vermagic" in
	"$RELEASE "*) ;;
	*) die "test module vermagic '$vermagic' does not match kernel release $RELEASE" ;;
esac
T_MODCHECK=$(($(date +%s) - t0))

# The key goes last: only a complete, checked tree is ever reused.
echo "$KEY" >"$OUTDIR/$KEY_FILE"

T_TOTAL=$(($(date +%s) - T_START))
log "done: $FLAVOR kernel $RELEASE"
cat <<EOF
  KERNELDIR      $OUTDIR
  bzImage        $OUTDIR/bzImage ($(du -h "$OUTDIR/bzImage" | cut -f1))
  kernel.release $RELEASE
  timings        extract $(fmt_secs $T_EXTRACT), configure $(fmt_secs $T_CONFIG), build $(fmt_secs $T_BUILD) (make -j$JOBS), module check $(fmt_secs $T_MODCHECK), total $(fmt_secs $T_TOTAL)
EOF
