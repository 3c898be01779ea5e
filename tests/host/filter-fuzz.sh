# SPDX-License-Identifier: GPL-2.0-only
# The filter fuzzer (tests/fuzz/fuzz-filter.c): libFuzzer, with AddressSanitizer
# and UBSan, over the validator, linker and interpreter, from the seeds in
# tests/fuzz/corpus/filter for FILTER_FUZZ_SECONDS (default 60). Skipped,
# saying so, when configure found no clang with libFuzzer.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/../lib/checks.sh"

fuzzer=${TOP_BUILDDIR:-$repo}/tests/fuzz/fuzz-filter
secs=${FILTER_FUZZ_SECONDS:-60}
if [ ! -x "$fuzzer" ]; then
	echo "ok - host: filter fuzzer # SKIP no clang with libFuzzer at configure time (Debian: apt-get install clang)"
	return 0 2>/dev/null || exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# New inputs go to the scratch corpus; the seeds in the tree stay as they are.
"$fuzzer" -max_total_time="$secs" -max_len=4096 -print_final_stats=1 \
	-artifact_prefix="$tmp/" "$tmp" "$repo/tests/fuzz/corpus/filter" >"$tmp/log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/log")
check "host: filter fuzzer, ${secs} s, ${runs:-?} inputs: no crash, leak or UB" test "$rc" -eq 0
if [ "$rc" -ne 0 ]; then
	grep -E 'ERROR|SUMMARY|runtime error' "$tmp/log" | head -n 20 | sed 's/^/# /'
	for f in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-*; do
		[ -f "$f" ] && echo "# input: $(od -An -tx1 "$f" | tr -d '\n' | cut -c1-400)"
	done
fi
