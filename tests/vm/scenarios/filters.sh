# SPDX-License-Identifier: GPL-2.0-only
# Event filters (lttng enable-event --filter): the stock lttng CLI compiles
# expressions of the kind its manual shows into bytecode, our tracer
# validates, links and runs them, and babeltrace2 shows that exactly the
# matching events were kept: none refused wrongly, none extra.
# The workload is lttng_test_filter_event, fired by writing N to
# /proc/lttng-test-filter-event: intfield = 0..N-1, netintfield the same
# in network order, stringfield and the text fields "test".
# timeout: 1500
# check-kernels: debian debug
. /lib/vmtest.sh

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check "the test trigger module loads" modprobe lttng-test

ev=lttng_test_filter_event
: >/tmp/sessions
# session NAME FILTER...: a session recording $ev once per filter (one
# event rule each; "-" for none) in its own trace directory.
session() {
	local name=$1 f
	shift
	lttng create "$name" --output=/tmp/traces/$name >/dev/null || return 1
	echo "$name" >>/tmp/sessions
	for f in "$@"; do
		if [ "$f" = - ]; then
			lttng enable-event -k -s "$name" $ev >/dev/null || return 1
		else
			lttng enable-event -k -s "$name" $ev --filter "$f" >/dev/null || return 1
		fi
	done
}

check "int range"     session s_range 'intfield > 10 && intfield <= 20'
check "or"            session s_or 'intfield == 3 || intfield == 97'
check "bitwise"       session s_bits '(intfield & 4) && intfield < 16'
check "plain string with trailing star" \
		      session s_str 'stringfield == "te*" && intfield < 5'
check "star-glob"     session s_glob 'stringfield == "*es*" && intfield >= 95'
check "string inequality" \
		      session s_ne 'stringfield != "test" || intfield == 50'
check "network-order field in host order" \
		      session s_net 'netintfield == 42'
check "double literal" session s_dbl 'intfield > 97.5'
# (Arithmetic, 'intfield * 2 == 6', is refused by lttng itself: "Generate IR error".)
check "procname context" session s_ctx '$ctx.procname == "dd"'
check "integer context" session s_pid '$ctx.pid > 0 && intfield == 1'
check "text array and sequence" \
		      session s_text 'arrfield2 == "test" && seqfield2 == "te*" && intfield == 8'
check "array index"   session s_idx 'arrfield1[2] == 3 && seqfield4[0] == 1 && intfield == 9'
check "negation and unary minus" \
		      session s_not '!(intfield < 98) && -intfield < 0'
check "two filters on one event: either" \
		      session s_two 'intfield == 1' 'intfield == 2'
check "a filter and none on one event: all" \
		      session s_all 'intfield == 1' -
check "unknown field: nothing recorded, as lttng-modules" \
		      session s_unknown 'nosuchfield == 1'
check "star-glob event name with a filter" pipe_sh \
	"lttng create s_evglob --output=/tmp/traces/s_evglob >/dev/null &&
	 echo s_evglob >>/tmp/sessions &&
	 lttng enable-event -k 'lttng_test_*' --filter 'intfield == 4' >/dev/null"

# sched_switch, as in lttng-enable-event(1): 'prev_tid != 0' drops idle.
check "sched_switch filtered" pipe_sh \
	"lttng create s_sched --output=/tmp/traces/s_sched >/dev/null &&
	 echo s_sched >>/tmp/sessions &&
	 lttng enable-event -k sched_switch --filter 'prev_tid != 0' >/dev/null"
check "sched_switch unfiltered" pipe_sh \
	"lttng create s_sched_all --output=/tmp/traces/s_sched_all >/dev/null &&
	 echo s_sched_all >>/tmp/sessions &&
	 lttng enable-event -k sched_switch >/dev/null"

# Syscall events: their fields are the arguments, and ret on exit. A
# filter naming a field of the entry only drops every exit (and back).
check "syscall filter on arguments" pipe_sh \
	"lttng create s_sc --output=/tmp/traces/s_sc >/dev/null &&
	 echo s_sc >>/tmp/sessions &&
	 lttng enable-event -k --syscall openat \
		--filter 'dfd == -100 && filename == \"/tmp/filt-*\" && flags == 0' >/dev/null"
check "syscall filter on the return value" pipe_sh \
	"lttng create s_scret --output=/tmp/traces/s_scret >/dev/null &&
	 echo s_scret >>/tmp/sessions &&
	 lttng enable-event -k --syscall openat --filter 'ret == -2' >/dev/null"

# A bad expression: the CLI says why and fails; no event rule is made.
check "bad filter: lttng enable-event fails" pipe_sh \
	"lttng create s_bad >/dev/null && ! lttng enable-event -k $ev --filter 'intfield >' >/tmp/bad.out 2>&1"
check_has "bad filter: a clear error" 'Error.*[Ff]ilter' cat /tmp/bad.out
check_lacks "bad filter: no event rule" "$ev" lttng list s_bad

# lttng start takes one session at a time.
each() {
	local s rc=0
	for s in $(cat /tmp/sessions); do lttng "$1" "$s" >/dev/null || rc=1; done
	return $rc
}
check "start every session" each start

# The workload: 100 events from sh, 3 more (intfield 0..2) from dd.
echo 100 >/proc/lttng-test-filter-event
echo 3 | dd of=/proc/lttng-test-filter-event 2>/dev/null
echo a >/tmp/filt-a
echo b >/tmp/filt-b
cat /tmp/filt-a /tmp/filt-b /proc/version /tmp/filt-nosuch >/dev/null 2>&1
sleep 1
check "stop every session" each stop

# The intfield values of a session's events, sorted, on one line.
values() {
	babeltrace2 /tmp/traces/$1 >/tmp/$1.txt 2>/tmp/$1.err || return 1
	grep " $ev: " /tmp/$1.txt | sed -n 's/.* intfield = \([0-9]*\),.*/\1/p' |
		sort -n | tr '\n' ' ' | sed 's/ $//'
}
check_eq "s_range: 11..20" "11 12 13 14 15 16 17 18 19 20" values s_range
check_eq "s_or: 3, 97" "3 97" values s_or
check_eq "s_bits" "4 5 6 7 12 13 14 15" values s_bits
check_eq "s_str: 0..4, and 0..2 from dd" "0 0 1 1 2 2 3 4" values s_str
check_eq "s_glob: 95..99" "95 96 97 98 99" values s_glob
check_eq "s_ne: 50" "50" values s_ne
check_eq "s_net: 42" "42" values s_net
check_eq "s_dbl: 98, 99" "98 99" values s_dbl
check_eq "s_ctx: dd's three" "0 1 2" values s_ctx
check_eq "s_pid: 1 from sh and dd" "1 1" values s_pid
check_eq "s_text: 8" "8" values s_text
check_eq "s_idx: 9" "9" values s_idx
check_eq "s_not: 98, 99" "98 99" values s_not
check_eq "s_two: 1 and 2 from each writer" "1 1 2 2" values s_two
check_eq "s_all: all 103" 103 pipe_sh "babeltrace2 /tmp/traces/s_all | grep -c ' $ev: '"
check_eq "s_unknown: none" "" values s_unknown
check_eq "s_evglob: 4" "4" values s_evglob
check_lacks "s_sched: no idle switch-out" 'prev_tid = 0,' babeltrace2 /tmp/traces/s_sched
check_has "s_sched: other switches kept" 'sched_switch:' babeltrace2 /tmp/traces/s_sched
check_has "s_sched_all: idle switches there without the filter" \
	'prev_tid = 0,' babeltrace2 /tmp/traces/s_sched_all
# What a session's syscall events say, one line each, sorted.
sc_events() {
	babeltrace2 /tmp/traces/$1 >/tmp/$1.txt 2>/tmp/$1.err || return 1
	sed -n 's/.* \(syscall_[a-z_]*\): .*filename = \("[^"]*"\).*/\1 \2/p
		s/.* \(syscall_exit_[a-z_]*\): .*ret = \(-*[0-9]*\).*/\1 \2/p' /tmp/$1.txt | sort
}
# The shell's redirections open /tmp/filt-a and -b too, for writing.
check_eq "s_sc: cat's read-only opens of /tmp/filt-*, no exit" \
	"syscall_entry_openat \"/tmp/filt-a\"
syscall_entry_openat \"/tmp/filt-b\"
syscall_entry_openat \"/tmp/filt-nosuch\"" sc_events s_sc
sc_kinds() { sc_events "$1" | sort -u; }
check_eq "s_scret: failed opens, exits only" "syscall_exit_openat -2" sc_kinds s_scret
for s in s_range s_str s_ctx s_two; do
	check_lacks "$s: no event lost" '[Dd]iscarded|[Ll]ost' cat /tmp/$s.err
done

check "destroy all" lttng destroy --all
rmmod lttng_test
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
check "every module unloads" sh -c '! grep -q "^lttng" /proc/modules'
grep -iE "error|warn" /tmp/sessiond.log | sed 's/^/# sessiond: /'
