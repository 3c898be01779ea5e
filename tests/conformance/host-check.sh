#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The host's half of the conformance scenario (tests/vm/scenarios/
# conformance.sh, "# host-check:"): take the two metadata texts the VM
# exported on its console, compare them with ctf-compare against the
# differences doc/upstream-yardstick.md accepts, and print the checks.
#
# The comparison runs here, not in the VM: the comparator is then an
# ordinary program of the build (GLib, tested by tests/host/ctf-compare.sh),
# the accepted list is read from the document itself rather than from a
# copy in the image, and the metadata stays in build/vm-KERNEL/conformance/
# so that a changed list can be checked again without booting a VM:
#
#   tests/conformance/host-check.sh build/vm-debian/logs conformance
#
# Leaves the report in DIR/report.txt, DIR being LOGDIR/../conformance.
#
# usage: host-check.sh LOGDIR SCENARIO_NAME
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
logdir=$1 name=$2
dir=$(realpath -m "$logdir/../$name")
cmp=${TOP_BUILDDIR:-$repo}/tests/conformance/ctf-compare
doc=$repo/doc/upstream-yardstick.md

rm -rf "$dir"
mkdir -p "$dir"
if ! "$repo/tests/vm/extract-exports.sh" "$logdir/$name.vm0.log" "$dir" >/dev/null; then
	echo "not ok - the VM's exports are readable"
	exit 0
fi
for t in ours upstream; do
	if [ ! -s "$dir/$t.tsdl.gz" ] || ! gzip -dc "$dir/$t.tsdl.gz" >"$dir/$t.tsdl"; then
		echo "not ok - $t: metadata exported"
		exit 0
	fi
	echo "ok - $t: metadata exported ($(wc -l <"$dir/$t.tsdl") lines)"
done
if [ ! -x "$cmp" ]; then
	echo "not ok - $cmp is built (make)"
	exit 0
fi

"$cmp" --accepted "$doc" --contexts "$dir/upstream.contexts" "$dir/ours.contexts" \
	"$dir/upstream.tsdl" "$dir/ours.tsdl" >"$dir/report.txt" 2>&1
rc=$?
sed 's/^/# /' "$dir/report.txt"
case $rc in
0) echo "ok - every difference from upstream is accepted in doc/upstream-yardstick.md" ;;
1) echo "not ok - every difference from upstream is accepted in doc/upstream-yardstick.md (report: $dir/report.txt)" ;;
*) echo "not ok - ctf-compare ran (status $rc)" ;;
esac
exit 0
