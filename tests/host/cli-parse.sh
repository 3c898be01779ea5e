# SPDX-License-Identifier: GPL-2.0-only
# lttng-dt's command line, as lttng's: --help shows the man page (its
# built-in rendering when man or the page is missing), --list-options
# lists what the man page documents, bad options and arguments give
# "Error: ..." and lttng's exit codes, and a machine without the
# extension gets the "not loaded" error with exit status 1.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/../lib/checks.sh"
top=${TOP_BUILDDIR:-$repo}
cli=$top/tools/lttng-dt/lttng-dt
testcli=$top/tests/host/lttng-dt-test

if [ ! -x "$cli" ] || [ ! -x "$testcli" ]; then
	echo "not ok - cli: lttng-dt and its test copy built ($cli, $testcli)"
	return 0 2>/dev/null || exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run ARG...: lttng-dt's stdout in $tmp/out, stderr in $tmp/err, status in rc.
run() {
	"$cli" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
}
# expect WHAT STATUS STDERR-LINE ARG...: exit status and an exact stderr line.
expect() {
	local what=$1 status=$2 line=$3
	shift 3
	run "$@"
	check_eq "cli: $what: exit status $status" "$status" echo "$rc"
	check "cli: $what: says \"$line\"" grep -qxF -- "$line" "$tmp/err"
}

commands="dt-track dt-untrack dt-list dt-gate dt-create dt-status dt-trust"

# Help: one source, the man page.
for c in $commands; do
	run "$c" --help
	check_eq "cli: $c --help exits 0" 0 echo "$rc"
	check "cli: $c --help shows the lttng-$c page" \
		grep -q "^LTTNG-$(echo "$c" | tr a-z A-Z)(1)" "$tmp/out"
	check "cli: $c --help has the page's synopsis" \
		grep -q "dt-${c#dt-}" "$tmp/out"
	# Every option the command takes is documented in its page.
	# Not an empty list when --list-options fails or lists nothing.
	if "$cli" "$c" --list-options >"$tmp/opts" 2>&1 && grep -qx -- --help "$tmp/opts"; then
		missing=$(grep -- '^--' "$tmp/opts" | while read -r o; do
			grep -q -- "$o" "$tmp/out" || echo "$o"; done)
	else
		missing="$c --list-options failed: $(cat "$tmp/opts")"
	fi
	check_eq "cli: every option of $c is in its manual" "" echo "$missing"
	run "$c" -h
	check "cli: $c -h is --help" grep -q "^LTTNG-" "$tmp/out"
done
run --help
check "cli: lttng-dt --help shows lttng-dt(1)" grep -q "^LTTNG-DT(1)" "$tmp/out"
run help dt-gate
check "cli: lttng-dt help dt-gate shows lttng-dt-gate(1)" grep -q "^LTTNG-DT-GATE(1)" "$tmp/out"
# The built-in text is the page as groff renders it.
groff -man -Tascii -P-cbou -rLL=78n -rHY=0 "$repo/doc/man/lttng-dt-untrack.1" 2>/dev/null |
	grep -c 'dt-untrack' > "$tmp/n-groff"
run dt-untrack --help
check_eq "cli: the built-in help is the rendered man page" "$(cat "$tmp/n-groff")" \
	grep -c 'dt-untrack' "$tmp/out"

run dt-track --list-options
check_eq "cli: dt-track --list-options" "$(printf -- '--help\n-h\n--list-options\n--pid\n-p\n--tid\n-t\n--no-inherit')" cat "$tmp/out"
run dt-untrack --list-options
check "cli: dt-untrack --list-options has --all and -a" sh -c \
	"grep -qx -- --all '$tmp/out' && grep -qx -- -a '$tmp/out'"
run --list-options
check "cli: lttng-dt --list-options lists lttng's global options" sh -c \
	"grep -qx -- --mi '$tmp/out' && grep -qx -- --sessiond-path '$tmp/out' && grep -qx -- -q '$tmp/out'"
run --list-commands
check_eq "cli: lttng-dt --list-commands" "$(printf 'dt-track\ndt-untrack\ndt-list\ndt-gate\ndt-create\ndt-status\ndt-trust\nhelp')" cat "$tmp/out"
run -V
check_eq "cli: lttng-dt -V" "lttng-dt (lttng-dt) $(sed -n 's/^AC_INIT(\[lttng-dt\], \[\([^]]*\)\].*/\1/p' "$repo/configure.ac")" cat "$tmp/out"

# Errors and exit codes, as lttng's CMD_* codes.
expect "unknown option" 2 "Error: Unrecognized argument used with 'dt-track' command" dt-track --bogus
check "cli: unknown option named" grep -qxF -- "Error: --bogus: unknown option" "$tmp/err"
expect "missing option argument" 2 "Error: --pid: missing argument" dt-track --pid
expect "positional argument" 2 "Error: This command does not accept positional arguments ('1234')" dt-track 1234
expect "bad PID" 1 "Error: Invalid PID 'abc': a positive number is expected" dt-track --pid abc
expect "bad PID in a list" 1 "Error: Invalid PID '': a positive number is expected" dt-track --pid 12,,13
expect "negative TID" 1 "Error: Invalid TID '-5': a positive number is expected" dt-untrack --tid=-5
expect "PID too large" 1 "Error: Invalid PID '99999999999': a positive number is expected" dt-track -p 99999999999
expect "nothing to track" 1 "Error: Please name threads to track with --pid or --tid" dt-track --no-inherit
expect "--all with --pid" 1 "Error: --all cannot be used with --pid or --tid" dt-untrack --all --pid 1
expect "nothing to untrack" 1 "Error: Please name threads to untrack with --pid, --tid or --all" dt-untrack
# No current session: an empty LTTNG_HOME (lttng's .lttngrc is there).
mkdir -p "$tmp/home"
export LTTNG_HOME="$tmp/home"
expect "dt-gate without a session" 1 "Error: No session given and no current session (lttng create, or lttng set-session)" dt-gate on
expect "dt-create with two names" 2 "Error: Too many arguments ('b')" dt-create a b
expect "dt-create --output and --set-url" 2 "Error: --output and --set-url cannot go together" dt-create a --output=/tmp/x --set-url=net://h
expect "dt-gate with a bad state" 1 "Error: Invalid gate state 'yes': on or off is expected" dt-gate s yes
expect "dt-gate with too many arguments" 2 "Error: Too many arguments ('x')" dt-gate s on x
expect "dt-list with an argument" 2 "Error: Unrecognized argument used with 'dt-list' command" dt-list x
expect "--mi" 5 "Error: Machine interface output (--mi) is not supported by dt-status" --mi xml dt-status
expect "unknown command" 2 "lttng-dt: dt-foo is not an lttng-dt command. See 'lttng-dt --help'." dt-foo
run --bogus dt-list
check_eq "cli: unknown global option: exit status 1" 1 echo "$rc"
check "cli: unknown global option: getopt's message" grep -q "lttng-dt: unrecognized option '--bogus'$" "$tmp/err"
run
check_eq "cli: no command: exit status 1" 1 echo "$rc"
check "cli: no command: usage on stderr" grep -q "^Usage: lttng-dt" "$tmp/err"

# dt-trust: actions and networks are checked before the kernel is asked
# (the test copy pointed at a missing /proc/lttng: only the argument
# errors may come out, never "not loaded").
trust() { LTTNG_DT_TEST_PROC=$tmp/none "$testcli" dt-trust "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; rc=$?; }
# trust_err WHAT STATUS STDERR ARG...: that error alone, and that status.
trust_err() {
	local what=$1 status=$2 line=$3
	shift 3
	trust "$@"
	check_eq "cli: dt-trust $what: exit status $status" "$status" echo "$rc"
	check_eq "cli: dt-trust $what: says \"$line\"" "$line" head -n 1 "$tmp/err"
}
trust_err "without an action" 1 "Error: Please give an action: add, remove or list"
trust_err "with a bad action" 1 "Error: Invalid action 'trust': add, remove or list is expected" trust 10.0.0.0/8
trust_err "add without a network" 1 "Error: Please give the network to add (ADDRESS[/PREFIX])" add
trust_err "remove without a network" 1 "Error: Please give the network to remove (ADDRESS[/PREFIX])" remove
trust_err "list with an argument" 2 "Error: Too many arguments ('10.0.0.0/8')" list 10.0.0.0/8
check "cli: dt-trust list with an argument: lttng's unrecognized-argument line" \
	grep -qxF "Error: Unrecognized argument used with 'dt-trust' command" "$tmp/err"
bad_addr() { echo "Error: Invalid network '$1': not an IPv4 or IPv6 address (ADDRESS[/PREFIX] is expected)"; }
for n in 10.0.0 10/8 10.0.0.256 host.example fd00:::1 fe80::1%eth0 "" " 10.0.0.0"; do
	trust_err "add '$n'" 1 "$(bad_addr "$n")" add "$n"
done
bad_prefix() { echo "Error: Invalid network '$1': the prefix length must be 0 to $2"; }
for n in 10.0.0.0/33 10.0.0.0/ 10.0.0.0/-1 10.0.0.0/+8 10.0.0.0/8/8 10.0.0.0/0x8 "10.0.0.0/8 "; do
	trust_err "add '$n'" 1 "$(bad_prefix "$n" 32)" add "$n"
done
trust_err "add fd00::/129" 1 "$(bad_prefix fd00::/129 128)" add fd00::/129
host_bits() { echo "Error: Invalid network '$1': bits are set past the prefix length (the network is $2)"; }
trust_err "add 10.1.2.3/8 (host bits)" 1 "$(host_bits 10.1.2.3/8 10.0.0.0/8)" add 10.1.2.3/8
trust_err "remove fd00:2::1/64 (host bits)" 1 "$(host_bits fd00:2::1/64 fd00:2::/64)" remove fd00:2::1/64
trust_err "add ::ffff:10.1.0.0/104 (mapped, host bits)" 1 "$(host_bits ::ffff:10.1.0.0/104 10.0.0.0/8)" add ::ffff:10.1.0.0/104
# One bad network among good ones: nothing is sent at all.
trust_err "a bad network after good ones" 1 "$(bad_addr bogus)" add 10.0.0.0/8 fd00::/8 bogus
check_eq "cli: dt-trust: one error line only" 1 grep -c . "$tmp/err"
# Good networks get as far as the kernel.
for a in "add 10.0.0.0/8" "add 192.0.2.7" "add fd00:2::/64 ::1 0.0.0.0/0" "remove ::ffff:10.0.0.0/104" "list"; do
	trust $a
	check_eq "cli: dt-trust $a: accepted, then not loaded (exit status 1)" 1 echo "$rc"
	check "cli: dt-trust $a: accepted, then not loaded" grep -q "^Error: The lttng-dt extension is not loaded (no /proc/lttng" "$tmp/err"
done
run dt-trust --list-options
check_eq "cli: dt-trust --list-options" "$(printf -- '--help\n-h\n--list-options')" cat "$tmp/out"

run -q dt-track --bogus
check_eq "cli: -q: exit status still 2" 2 echo "$rc"
check "cli: -q: prints nothing" sh -c "! test -s '$tmp/out' && ! test -s '$tmp/err'"

# Without the extension. The test copy may be pointed at any file.
not_loaded="Error: The lttng-dt extension is not loaded"
for c in "dt-status" "dt-list" "dt-track --pid $$" "dt-untrack --all" "dt-gate s on" "dt-trust list"; do
	LTTNG_DT_TEST_PROC=$tmp/none "$testcli" $c >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check_eq "cli: $c without /proc/lttng: exit status 1" 1 echo "$rc"
	check "cli: $c without /proc/lttng: not loaded" grep -q "^$not_loaded (no /proc/lttng" "$tmp/err"
done
LTTNG_DT_TEST_PROC=/dev/null "$testcli" dt-status >"$tmp/out" 2>"$tmp/err"
rc=$?
check_eq "cli: a /proc/lttng without the dt commands (ENOTTY): exit status 1" 1 echo "$rc"
check "cli: a /proc/lttng without the dt commands: not loaded" \
	grep -q "^$not_loaded (/proc/lttng does not know its commands" "$tmp/err"
LTTNG_DT_TEST_PROC=/dev/null "$testcli" -v dt-list >"$tmp/out" 2>"$tmp/err"
check "cli: -v tells which ioctl failed" grep -q "^DBG1 - ioctl VERSION: Inappropriate ioctl" "$tmp/err"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	touch "$tmp/root-only" && chmod 600 "$tmp/root-only" && chmod 755 "$tmp"
	setpriv --reuid=65534 --regid=65534 --clear-groups env \
		LTTNG_DT_TEST_PROC="$tmp/root-only" "$testcli" dt-list >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check_eq "cli: not root: exit status 1" 1 echo "$rc"
	check "cli: not root: permission denied" grep -qxF "Error: Permission denied: root is needed" "$tmp/err"
	setpriv --reuid=65534 --regid=65534 --clear-groups env \
		LTTNG_DT_TEST_PROC="$tmp/root-only" "$testcli" dt-trust add 10.0.0.0/8 >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check_eq "cli: dt-trust add, not root: exit status 1" 1 echo "$rc"
	check "cli: dt-trust add, not root: permission denied" grep -qxF "Error: Permission denied: root is needed" "$tmp/err"
fi
# The installed program knows no such override.
if [ ! -e /proc/lttng ]; then
	LTTNG_DT_TEST_PROC=/dev/null "$cli" dt-status >"$tmp/out" 2>"$tmp/err"
	check "cli: lttng-dt itself always opens /proc/lttng" grep -q "^$not_loaded (no /proc/lttng" "$tmp/err"
fi
