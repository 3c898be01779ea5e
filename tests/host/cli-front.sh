# SPDX-License-Identifier: GPL-2.0-only
# The lttng front: every command but dt-* reaches the stock lttng with
# the same argv (argv[0] included), standard input and output, and its exit
# status; the global options are skipped as lttng reads them to find the
# command; dt-* commands run lttng-dt and are not forwarded; the front
# never runs itself. The stock lttng and lttng-dt are replaced by a
# recorder (helpers/argv-recorder.c).
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/../lib/checks.sh"
top=${TOP_BUILDDIR:-$repo}
front=$top/tools/lttng-front/lttng
cli=$top/tools/lttng-dt/lttng-dt

if [ ! -x "$front" ] || [ ! -x "$cli" ]; then
	echo "not ok - front: lttng front and lttng-dt built ($front, $cli)"
	return 0 2>/dev/null || exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Two recorders, told apart by their executable's name: stock and dt.
mkdir -p "$tmp/bin"
gcc -O2 -Wall -Wextra -Werror -o "$tmp/bin/stock" "$here/helpers/argv-recorder.c"
cp "$tmp/bin/stock" "$tmp/bin/dt"
rec=$tmp/rec

# run_front ARGV0 ARG...: the front with argv[0] = ARGV0; what the stock
# lttng and lttng-dt receive lands in $rec/stock and $rec/dt.
run_front() {
	local argv0=$1
	shift
	rm -rf "$rec"
	mkdir -p "$rec/stock" "$rec/dt"
	(
		export REC_DIR=$rec LTTNG_DT_STOCK_LTTNG=$tmp/bin/stock \
			LTTNG_DT_CLI=$tmp/bin/dt
		exec -a "$argv0" "$front" "$@"
	)
}

# expected_argv ARG...: the NUL-terminated bytes a recorder writes.
expected_argv() { printf '%s\0' "$@" > "$tmp/expected"; }

# forwarded WHAT ARGV0 ARG...: the stock recorder got exactly that argv.
forwarded() {
	local what=$1
	shift
	expected_argv "$@"
	run_front "$@" </dev/null >/dev/null 2>&1
	check "front: forwards $what byte for byte" cmp "$tmp/expected" "$rec/stock/argv"
	check "front: $what did not run lttng-dt" test ! -e "$rec/dt/argv"
}

forwarded "a plain command" lttng list -k
forwarded "arguments with spaces" lttng create "my session" --output "/tmp/a b"
forwarded "empty arguments" lttng enable-event -k "" "" --filter ""
forwarded "arguments with newlines" lttng add-context -k -t $'pid\nprocname' $'\n'
forwarded "non-UTF-8 bytes" lttng create $'\xff\xfe\x80' $'caf\xe9' $'\x01\x7f'
forwarded "argv[0] as given" /some/other/name version
forwarded "global options before the command" lttng -v -vv --group tracing -n \
	--sessiond-path=/usr/bin/lttng-sessiond --relayd-path /x --mi xml list
forwarded "bundled short options" lttng -qvng grp -m xml status
forwarded "a global option's value that looks like dt-" lttng --group dt-track list
forwarded "a short option's value that looks like dt-" lttng -gdt-track -m dt-list list
forwarded "an abbreviated long option" lttng --gro dt-x --sessiond-p dt-y version
forwarded "an unknown global option" lttng --bogus dt-track
forwarded "--help before a dt- command" lttng --help dt-track
forwarded "no command at all" lttng
forwarded "a command with dt- inside" lttng enable-event -k dt-track
forwarded "help of a stock command" lttng help list

# Standard input, output and the exit status are the stock lttng's.
head -c 300000 /dev/urandom > "$tmp/input"
REC_OUT=$'out\xff\n' REC_STATUS=42 run_front lttng list \
	<"$tmp/input" >"$tmp/out" 2>"$tmp/err"
rc=$?
check_eq "front: exit status of the stock lttng" 42 echo "$rc"
check "front: standard input reaches the stock lttng unchanged" cmp "$tmp/input" "$rec/stock/stdin"
printf 'out\xff\n' > "$tmp/expected-out"
check "front: standard output of the stock lttng unchanged" cmp "$tmp/expected-out" "$tmp/out"
check "front: nothing of its own on stderr" test ! -s "$tmp/err"
REC_STATUS=0 run_front lttng list </dev/null >/dev/null
check_eq "front: exit status 0 passes" 0 echo $?

# dt-* commands go to lttng-dt, with the same argv, and not to the stock.
dt_run() {
	local what=$1
	shift
	expected_argv "$@"
	REC_STATUS=3 run_front "$@" </dev/null >/dev/null 2>&1
	local rc=$?
	check "front: runs lttng-dt for $what" cmp "$tmp/expected" "$rec/dt/argv"
	check "front: $what not forwarded to the stock lttng" test ! -e "$rec/stock/argv"
	check_eq "front: exit status of lttng-dt for $what" 3 echo "$rc"
}
dt_run "dt-track" lttng dt-track --pid 1234
dt_run "dt-* after global options" lttng -q --group tracing -v --mi xml dt-status
dt_run "dt-* after --" lttng -n -- dt-list
dt_run "dt-trust" lttng dt-trust add 10.0.0.0/8 fd00::/8
dt_run "help dt-*" lttng help dt-gate
dt_run "an unknown dt- command" lttng dt-nothing

# With the real lttng-dt: the command runs (and fails clearly on a host
# without the tracer).
if [ ! -e /proc/lttng ]; then
	out=$(LTTNG_DT_CLI=$cli LTTNG_DT_STOCK_LTTNG=$tmp/bin/stock "$front" dt-status 2>&1)
	rc=$?
	check_eq "front: lttng dt-status runs lttng-dt (exit 1 without the tracer)" 1 echo "$rc"
	check "front: lttng dt-status says the extension is not loaded" \
		grep -q "^Error: The lttng-dt extension is not loaded" <<<"$out"
fi
out=$(LTTNG_DT_CLI=$cli "$front" dt-track --help 2>&1)
check "front: lttng dt-track --help shows the dt-track manual" \
	grep -q "lttng-dt-track - Flag threads" <<<"$out"

# Loop guard: the stock lttng must not be the front itself, directly, by a
# symlink, or through a wrapper that runs the front again.
ln -s "$front" "$tmp/lttng-link"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$front" > "$tmp/wrapper"
chmod +x "$tmp/wrapper"
for stock in "$front" "$tmp/lttng-link" "$tmp/wrapper"; do
	out=$(LTTNG_DT_STOCK_LTTNG=$stock timeout 10 "$front" list 2>&1)
	rc=$?
	check_eq "front: refuses to run itself as the stock lttng ($(basename "$stock"))" 126 echo "$rc"
	check "front: says why ($(basename "$stock"))" grep -q "leads back to the lttng front" <<<"$out"
done
out=$(LTTNG_DT_STOCK_LTTNG=$tmp/missing "$front" list 2>&1)
rc=$?
check_eq "front: a missing stock lttng exits 127" 127 echo "$rc"
check "front: and names it" grep -q "Cannot run the stock lttng $tmp/missing" <<<"$out"
