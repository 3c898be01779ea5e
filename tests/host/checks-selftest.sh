# SPDX-License-Identifier: GPL-2.0-only
# The check helpers of tests/lib/checks.sh, under bash (host tests) and
# busybox sh (the VM scenarios): each must report "not ok" when the
# command producing what it inspects fails, even when that command
# printed what a passing check wants, and when the output is wrong.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lib=$here/../lib/checks.sh

# The cases, run by one shell: each line the helper prints is kept; a
# case passes when the helper's first line starts with the expected word.
cases='
expect_verdict() {
	local want=$1 first
	shift
	first=$("$@" | head -n 1)
	case "$first" in
	"$want - "*) echo "ok - $SHELL_NAME: $want from: $*" ;;
	*) echo "not ok - $SHELL_NAME: $want from: $*"; echo "# got: $first" ;;
	esac
}
ok_producer() { echo "event: a"; echo "event: b"; }
failing_producer() { echo "event: a"; echo "event: b"; return 3; }
silent_failure() { return 1; }

expect_verdict ok check_has has_ok "^event: b$" ok_producer
expect_verdict "not ok" check_has has_wrong_output "^event: c$" ok_producer
expect_verdict "not ok" check_has has_failing_producer "^event: b$" failing_producer
expect_verdict "not ok" check_has has_missing_file "x" cat /nonexistent/file

expect_verdict ok check_lacks lacks_ok "discarded" ok_producer
expect_verdict "not ok" check_lacks lacks_wrong_output "event: a" ok_producer
expect_verdict "not ok" check_lacks lacks_failing_producer "discarded" failing_producer
expect_verdict "not ok" check_lacks lacks_silent_failure "discarded" silent_failure
expect_verdict "not ok" check_lacks lacks_missing_file "discarded" cat /nonexistent/bt.err

expect_verdict ok check_count count_ok 2 "^event: " ok_producer
expect_verdict "not ok" check_count count_wrong 3 "^event: " ok_producer
expect_verdict "not ok" check_count count_failing_producer 2 "^event: " failing_producer
expect_verdict "not ok" check_count count_zero_of_failure 0 "^event: " silent_failure

expect_verdict ok check pipe_ok pipe_sh "echo b | grep -q b"
expect_verdict "not ok" check pipe_failing_producer pipe_sh "false | cat"
expect_verdict "not ok" check pipe_failing_middle pipe_sh "echo b | false | cat"
expect_verdict ok check_eq pipe_eq_ok 2 pipe_sh "seq 2 | wc -l | tr -d \" \""
expect_verdict "not ok" check_eq pipe_eq_failing_producer a pipe_sh "(echo a; exit 3) | cat"
expect_verdict "not ok" check_eq pipe_eq_silent_failure "" pipe_sh "false | cat"

expect_verdict ok check check_ok true
expect_verdict "not ok" check check_failing false
expect_verdict ok check_eq eq_ok "event: a" sh -c "echo event: a"
expect_verdict "not ok" check_eq eq_wrong "event: a" sh -c "echo event: b"
'

run_in() {
	local name=$1
	shift
	printf '. %s\nSHELL_NAME=%s\n%s\n' "$lib" "$name" "$cases" |
		"$@" 2>&1 | sed -E "s/^(ok|not ok) - /\1 - checks.sh: /"
}

run_in bash bash -s
# busybox sh is the VMs' shell; pipe_sh's pipelines run in it there too.
if command -v busybox >/dev/null; then
	# pipe_sh runs bash where there is one: not in the VMs.
	PIPE_SH="busybox sh" run_in busybox busybox sh -s
else
	echo "not ok - checks.sh: busybox, the VMs' shell, is installed"
fi
