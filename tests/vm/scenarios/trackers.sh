# SPDX-License-Identifier: GPL-2.0-only
# Trackers with the stock lttng: one session per tracker (pid, vpid, uid,
# vuid, gid, vgid) and one tracking nothing, all recording the same
# workloads' openat syscalls and test events; four known processes, of
# root, of user 1000 and of user 1001 in group 2000. babeltrace2 shows
# that each session kept exactly the events of what it tracks. Then
# lttng list, untrack, --all, the errors lttng reports, a gated session
# with a tracker (only what both admit), and the ioctls directly (the
# old pid-only ones, the lists, the bounds) through lttng-abi-probe.
# check-kernels: debian debug
# timeout: 900
. /lib/vmtest.sh

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
check "the test trigger module loads" modprobe lttng-test
lttng() { timeout 120 /usr/bin/lttng "$@"; }
T=/tmp/tr
X=sc-exercise

# A session recording openat and the test event, with the ids as context.
session() {
	lttng create "$1" --output="$T/$1" >/dev/null &&
	lttng enable-channel -k -s "$1" --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -s "$1" -c ch --syscall openat >/dev/null &&
	lttng enable-event -k -s "$1" -c ch lttng_test_filter_event >/dev/null &&
	lttng add-context -k -s "$1" -c ch -t pid -t uid -t gid >/dev/null
}
SESSIONS="all sp svp su svu sg svg gt"
for s in $SESSIONS; do
	check "create session $s" session $s
done

# The workloads wait on a FIFO, so that they can be tracked first; each
# opens its own file N times (sc-exercise, exec'd: same pid).
for w in a b c d e a2 b2; do
	: >/tmp/w$w
	chmod 644 /tmp/w$w
	mkfifo -m 666 /tmp/f$w
done
# work W N: open /tmp/wW N times once /tmp/fW says go.
work() { sh -c "read x </tmp/f$1; exec $X repeat $2 /tmp/w$1 >/dev/null"; }
go() { timeout 20 sh -c "echo go >/tmp/f$1" || echo "# nobody read /tmp/f$1"; }
# A (root) also fires 20 test events; E (root, tracked by nothing) 25.
sh -c "read x </tmp/fa; echo 20 >/proc/lttng-test-filter-event
	exec $X repeat 30 /tmp/wa >/dev/null" &
A=$!
run-as 1000 sh -c "read x </tmp/fb; exec $X repeat 40 /tmp/wb >/dev/null" &
B=$!
run-as 1001:2000 sh -c "read x </tmp/fc; exec $X repeat 50 /tmp/wc >/dev/null" &
C=$!
run-as 1000 sh -c "read x </tmp/fd; exec $X repeat 60 /tmp/wd >/dev/null" &
D=$!
sh -c "read x </tmp/fe; echo 25 >/proc/lttng-test-filter-event" &
E=$!
echo "# A=$A B=$B C=$C D=$D E=$E"

check "track --pid A in sp" lttng track -k -s sp --pid $A
check "track --vpid A in svp" lttng track -k -s svp --vpid $A
check "track --uid 1000 in su" lttng track -k -s su --uid 1000
check "track --vuid 1000 in svu" lttng track -k -s svu --vuid 1000
check "track --gid 2000 in sg" lttng track -k -s sg --gid 2000
check "track --vgid 2000 in svg" lttng track -k -s svg --vgid 2000
# gt: gated, tracking user 1000; A (root) and D (user 1000) flagged.
check_eq "gate gt" 0 lttng-dt-ctl gate-set gt 1
check "track --uid 1000 in gt" lttng track -k -s gt --uid 1000
check_eq "flag A" 0 lttng-dt-ctl track-pid $A
check_eq "flag D" 0 lttng-dt-ctl track-pid $D

# lttng list shows what sessiond sent us.
listed() { lttng list "$1" | sed -n 's/^  \([A-Za-z ]*IDs\): *\(.*\)$/\1: \2/p'; }
check_eq "lttng list sp: the pid" "Process IDs: $A
Virtual process IDs: all
User IDs: all
Virtual user IDs: all
Group IDs: all
Virtual group IDs: all" listed sp
check_has "lttng list svp: the vpid" "^Virtual process IDs: $A\$" listed svp
check_has "lttng list su: the uid" "^User IDs: 1000\$" listed su
check_has "lttng list svu: the vuid" "^Virtual user IDs: 1000\$" listed svu
check_has "lttng list sg: the gid" "^Group IDs: 2000\$" listed sg
check_has "lttng list svg: the vgid" "^Virtual group IDs: 2000\$" listed svg

# Duplicates as lttng reports them: sessiond keeps its own copy and
# refuses them before the kernel (whose EEXIST and ENOENT are checked
# through the ioctls below); the lttng CLI warns and exits 0.
says() {
	local msg=$1
	shift
	capture "$@"
	printf '%s\n' "$captured_all" | grep -q "$msg" || { echo "$captured_all"; return 1; }
}
check "track the same pid again: lttng warns it is already tracked" \
	says "Warning: $A is already in the process ID inclusion set" lttng track -k -s sp --pid $A
check "untrack a pid never tracked: lttng warns it is not tracked" \
	says "Warning: 999999 is not in the process ID" lttng untrack -k -s sp --pid 999999
check_has "the pid tracker is unchanged" "^Process IDs: $A\$" listed sp

for s in $SESSIONS; do
	lttng start $s >/dev/null
done
for w in a b c d e; do go $w; done
wait $A $B $C $D $E

# Phase 2: sp untracks its only pid (tracks nothing), su tracks every uid.
check "untrack --pid A in sp" lttng untrack -k -s sp --pid $A
check_has "lttng list sp: none" "^Process IDs: none\$" listed sp
check "track --uid --all in su" lttng track -k -s su --uid --all
check_has "lttng list su: all" "^User IDs: all\$" listed su
sh -c "read x </tmp/fa2; exec $X repeat 15 /tmp/wa2 >/dev/null" &
A2=$!
run-as 1000 sh -c "read x </tmp/fb2; exec $X repeat 16 /tmp/wb2 >/dev/null" &
B2=$!
go a2; go b2
wait $A2 $B2
for s in $SESSIONS; do
	lttng stop $s >/dev/null
	lttng destroy $s >/dev/null
	check "babeltrace2 reads $s" sh -c "babeltrace2 $T/$s >/tmp/$s.txt 2>/tmp/$s.err"
	check_lacks "no event lost in $s" '[Dd]iscarded|[Ll]ost' cat /tmp/$s.err
done

# opens S W: openat entries of /tmp/wW in session S; tests S PID: test
# events of PID.
opens() { grep -c "syscall_entry_openat: .*filename = \"/tmp/w$2\"" /tmp/$1.txt; }
tests() { grep ' lttng_test_filter_event: ' /tmp/$1.txt | grep -c "{ pid = $2, "; }
# counts S: the openat counts of every workload and the test events of
# A and E, as "a b c d e a2 b2 / testA testE".
counts() {
	echo "$(opens $1 a) $(opens $1 b) $(opens $1 c) $(opens $1 d) $(opens $1 e)" \
		"$(opens $1 a2) $(opens $1 b2) / $(tests $1 $A) $(tests $1 $E)"
}
check_eq "all: every workload" "30 40 50 60 0 15 16 / 20 25" counts all
check_eq "sp: A's only, none after untrack" "30 0 0 0 0 0 0 / 20 0" counts sp
check_eq "svp: A's only" "30 0 0 0 0 0 0 / 20 0" counts svp
check_eq "su: user 1000's, then everyone's" "0 40 0 60 0 15 16 / 0 0" counts su
check_eq "svu: user 1000's" "0 40 0 60 0 0 16 / 0 0" counts svu
check_eq "sg: group 2000's" "0 0 50 0 0 0 0 / 0 0" counts sg
check_eq "svg: group 2000's" "0 0 50 0 0 0 0 / 0 0" counts svg
check_eq "gt: flagged and user 1000: D's only" "0 0 0 60 0 0 0 / 0 0" counts gt
# others S RE: events of S whose context does not match RE.
others() { grep -v "{ $2 }" /tmp/$1.txt | grep -v ' lttng_dt_flag: ' | head -n 3; }
check_eq "sp: every event is A's" "" others sp "pid = $A, uid = 0, gid = 0"
check_eq "svu: every event is user 1000's" "" others svu "pid = [0-9]*, uid = 1000, gid = 1000"
check_eq "sg: every event is group 2000's" "" others sg "pid = [0-9]*, uid = 1001, gid = 2000"
check_eq "gt: every event is D's" "" others gt "pid = $D, uid = 1000, gid = 1000"
check "all: other processes' events too" sh -c \
	"grep -vE '\\{ pid = ($A|$B|$C|$D|$E|$A2|$B2), ' /tmp/all.txt | grep -q syscall_entry_openat"

# --- The ioctls directly, each list as its lines joined by "|".
P=lttng-abi-probe
check_eq "pid-only ioctls: track, duplicate, absent, lists, old numbers, -1" \
"process { pid = -1; };
0
EEXIST
ENOENT
process { pid = 5; };
0
process { pid = 5; };|process { pid = 9; };
0
process { pid = 9; };
0

0
process { pid = -1; };
EINVAL
EINVAL" $P tracker list-pids track-pid 5 track-pid 5 untrack-pid 7 list-pids \
	old-track-pid 9 list-pids old-untrack-pid 5 list-pids untrack-pid -1 list-pids \
	track-pid -1 list-pids track-pid -2 untrack-pid -2
check_eq "id ioctls: each type's list format, old numbers, bad type, absent" \
"0
user { uid = 1000; };
0
user { vuid = 5; };
0

EINVAL
EINVAL
ENOENT
group { vgid = -1; };
process { vpid = -1; };
0
group { gid = 7; };
EINVAL
0
process { vpid = 3; };" $P tracker track 2 1000 list 2 old-track 3 5 old-list 3 \
	old-untrack 3 5 list 3 track 6 1 list 6 untrack 4 1 list 5 list 1 \
	track 4 7 list 4 raw 0x4008F6A1 4 -5 track 1 3 list 1
# The bound: 4096 ids per tracker.
ids=$(awk 'BEGIN { for (i = 0; i <= 4096; i++) printf "track 4 %d ", 4096 - i }')
# shellcheck disable=SC2086 # the ops, split on purpose
$P tracker $ids list 4 >/tmp/bound.txt
check_eq "4096 ids accepted, the next refused" "4096 ENOSPC" \
	sh -c 'echo $(head -n 4096 /tmp/bound.txt | grep -cx 0) $(sed -n 4097p /tmp/bound.txt)'
check_eq "the list: 4096 ids, sorted" "4096 group { gid = 1; }; group { gid = 4096; };" \
	sh -c 'sed -n 4098p /tmp/bound.txt | tr "|" "\n" >/tmp/bound.list
		echo $(wc -l </tmp/bound.list) $(head -n 1 /tmp/bound.list) $(tail -n 1 /tmp/bound.list)'

rmmod lttng_test
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
check "every module unloads" sh -c '! grep -q "^lttng" /proc/modules'
grep -iE "error|warn" /tmp/sessiond.log | sed 's/^/# sessiond: /'
