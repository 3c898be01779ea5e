# SPDX-License-Identifier: GPL-2.0-only
# System-call events with the stock lttng and babeltrace2: the syscall
# list; a known program's openat/read/write/close as entry/exit pairs with
# their values; connect and accept with their decoded addresses; a bad
# and a NULL filename; fields that follow lttng-modules' hand-made choices
# (pipe2, socketpair, setsockopt, sendmsg, wait4, getxattr, mmap) and a
# filter on two of them; numbers without description (unknown); --syscall
# -a and -k -a; disable-event; the distributed-trace gate; entry or exit
# only and SYSCALL_MASK through the ABI (helper sc-abi).
# timeout: 900
. /lib/vmtest.sh
# The dt commands as users type them: the lttng front first in PATH
# ("command lttng dt-...": the lttng function below is the stock lttng).
export PATH=/opt/lttng-dt/bin:$PATH

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
lttng() { timeout 120 /usr/bin/lttng "$@"; }
bt() { babeltrace2 "$@" 2>/tmp/bt.err; }
X=sc-exercise
T=/tmp/tr
F=/tmp/sc-file.txt
printf 'hello, syscall world\n' >$F

# "EVENT { PAYLOAD }" of the events of thread $1 in /tmp/bt.txt.
of() {
	grep "{ pid = $1, tid = $1 }" /tmp/bt.txt |
		sed 's/^.* \(syscall_[a-z0-9_]*\): {.*}, { pid = [0-9]*, tid = [0-9]* }, \(.*\)$/\1 \2/'
}
# Simple sessions: NAME, then enable-event arguments.
session() {
	local name=$1
	shift
	lttng create "$name" --output="$T/$name" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 8 ch >/dev/null &&
	lttng enable-event -k -c ch "$@" >/dev/null &&
	lttng add-context -k -c ch -t pid -t tid >/dev/null
}
# finish NAME: stop, destroy, read the trace into /tmp/bt.txt.
finish() {
	lttng stop >/dev/null
	lttng destroy "$1" >/dev/null
	bt "$T/$1" >/tmp/bt.txt
}

# --- The list: every described syscall by number, 64-bit, no "unknown".
lttng-abi-probe list syscall >/tmp/sc.list
check "SYSCALL_LIST: openat is number 257, 64-bit" \
	grep -qx "syscall { index = 257; name = openat; bitness = 64; };" /tmp/sc.list
check_eq "SYSCALL_LIST starts with read, number 0" \
	"syscall { index = 0; name = read; bitness = 64; };" head -n 1 /tmp/sc.list
check "SYSCALL_LIST: over 300 syscalls, each named once" sh -c \
	'[ $(wc -l </tmp/sc.list) -gt 300 ] &&
	 [ -z "$(sed "s/.*name = \([a-z0-9_]*\);.*/\1/" /tmp/sc.list | sort | uniq -d)" ]'
check "SYSCALL_LIST: numbers increase" sh -c \
	"sed 's/.*index = \([0-9]*\);.*/\1/' /tmp/sc.list | sort -n -c"
check_lacks "SYSCALL_LIST: no unknown, no ni_syscall" \
	'name = (unknown|ni_syscall);' lttng-abi-probe list syscall
lttng list -k --syscall >/tmp/sc.lttng
grep -E '^ *(openat|read|execve) ' /tmp/sc.lttng | sed 's/^/# /'
check "lttng list -k --syscall: openat, 64-bit" grep -qE '^ *openat .*64-bit' /tmp/sc.lttng
check "lttng list -k --syscall: as many as SYSCALL_LIST" sh -c \
	"[ \$(grep -cE '^ +[a-z0-9_]+ .*-bit' /tmp/sc.lttng) -eq \$(wc -l </tmp/sc.list) ]"
check_lacks "lttng list -k: no syscall among the tracepoints" syscall_ lttng list -k

# --- A known program: openat, read, write, close, with their values.
check "enable-event -k --syscall openat,read,write,close" \
	session s1 --syscall openat,read,write,close
lttng start >/dev/null
out=$($X file $F 5)
finish s1
echo "# $out"
set -- $out
pid=$2 fd=$4 nread=$6 nfd=$8 wrote=${10}
check_eq "the helper read and wrote 5 bytes" "5 5" echo "$nread $wrote"
check_eq "no warning reading the trace" "" cat /tmp/bt.err
of "$pid" | sed -n "\\|filename = \"$F\"|,\$p" | head -n 12 >/tmp/seq.txt
sed 's/^/# /' /tmp/seq.txt
check_eq "entry/exit pairs, lttng-modules' fields, the helper's values" \
"syscall_entry_openat { dfd = -100, filename = \"$F\", flags = 0, mode = 0 }
syscall_exit_openat { ret = $fd }
syscall_entry_read { fd = $fd, count = 5 }
syscall_exit_read { ret = 5, buf = B }
syscall_entry_openat { dfd = -100, filename = \"/dev/null\", flags = 1, mode = 0 }
syscall_exit_openat { ret = $nfd }
syscall_entry_write { fd = $nfd, buf = B, count = 5 }
syscall_exit_write { ret = 5 }
syscall_entry_close { fd = $nfd }
syscall_exit_close { ret = 0 }
syscall_entry_close { fd = $fd }
syscall_exit_close { ret = 0 }" sed 's/buf = [0-9]*/buf = B/' /tmp/seq.txt
check_eq "read's buffer is the one written" 1 sh -c \
	"grep -oE 'buf = [0-9]+' /tmp/seq.txt | sort -u | wc -l"
check "buffers are addresses" grep -qE 'buf = [1-9][0-9]{6,}' /tmp/seq.txt
check_eq "only the enabled syscalls recorded" \
"syscall_entry_close
syscall_entry_openat
syscall_entry_read
syscall_entry_write
syscall_exit_close
syscall_exit_openat
syscall_exit_read
syscall_exit_write" sh -c "sed 's/.* \(syscall_[a-z0-9_]*\): .*/\1/' /tmp/bt.txt | sort -u"

# --- Filenames that cannot be read: recorded as such, no oops.
session s2 --syscall openat
lttng start >/dev/null
out=$($X badpath)
finish s2
echo "# $out"
pid=$(echo "$out" | cut -d' ' -f2)
check_eq "the kernel refused both with EFAULT" "-1 14 -1 14" sh -c "echo '$out' | cut -d' ' -f4,6,8,10"
of "$pid" >/tmp/of.txt
check_eq "unmapped filename: (fault); NULL: (null)" \
"syscall_entry_openat { dfd = -100, filename = \"(fault)\", flags = 0, mode = 0 }
syscall_exit_openat { ret = -14 }
syscall_entry_openat { dfd = -100, filename = \"(null)\", flags = 0, mode = 0 }
syscall_exit_openat { ret = -14 }" tail -n 4 /tmp/of.txt

# --- connect and accept: lttng-modules' decoded socket addresses.
session s3 --syscall connect,accept
lttng start >/dev/null
c4=$($X connect4 9)
c6=$($X connect6 9)
ac=$($X accept)
finish s3
echo "# $c4 / $c6 / $ac"
# The addresses of the sockaddr arguments vary: A.
addr() { of "$1" | sed -E 's/(uservaddr|upeer_sockaddr) = 0x[0-9A-F]*/\1 = A/'; }
set -- $c4
addr "$2" >/tmp/of.txt
check_eq "connect IPv4: fd, address, port 9; refused" \
"syscall_entry_connect { fd = $4, uservaddr = A, addrlen = 0x10, family = 2, dport = 9, _v4addr_length = 4, v4addr = [ [0] = 127, [1] = 0, [2] = 0, [3] = 1 ], _v6addr_length = 0, v6addr = [ ] }
syscall_exit_connect { ret = $6 }" cat /tmp/of.txt
set -- $c6
addr "$2" >/tmp/of.txt
check_eq "connect IPv6: ::1, port 9" \
"syscall_entry_connect { fd = $4, uservaddr = A, addrlen = 0x1C, family = 10, dport = 9, _v4addr_length = 0, v4addr = [ ], _v6addr_length = 8, v6addr = [ [0] = 0, [1] = 0, [2] = 0, [3] = 0, [4] = 0, [5] = 0, [6] = 0, [7] = 1 ] }
syscall_exit_connect { ret = $6 }" cat /tmp/of.txt
set -- $ac
addr "$2" | grep accept >/tmp/of.txt
check_eq "accept: the peer's address and port on exit" \
"syscall_entry_accept { fd = $4, upeer_sockaddr = A, upeer_addrlen = 16 }
syscall_exit_accept { ret = ${10}, upeer_addrlen = 16, family = 2, sport = $8, _v4addr_length = 4, v4addr = [ [0] = 127, [1] = 0, [2] = 0, [3] = 1 ], _v6addr_length = 0, v6addr = [ ] }" \
	cat /tmp/of.txt
check_eq "no warning reading them" "" cat /tmp/bt.err

# --- Fields that follow lttng-modules' choices rather than the kernel's
# prototypes (src/syscalls/gen/x86_64.overrides): pointers the kernel
# reads recorded on entry (setsockopt's optval, sendmsg's msg), names
# (wait4's upid, getxattr's pathname), mmap's int prot/flags/fd and hex
# address and result, the fds pipe2 and socketpair return as arrays.
session s5 --syscall pipe2,socketpair,setsockopt,sendmsg,wait4,getxattr,mmap
lttng start >/dev/null
out=$($X layout $F)
finish s5
echo "# $out"
set -- $out
pid=$2
of "$pid" | grep -E '_(pipe2|socketpair|setsockopt|sendmsg|wait4|getxattr) ' >/tmp/of.txt
sed 's/^/# /' /tmp/of.txt
check_eq "pipe2, socketpair, setsockopt, sendmsg, wait4, getxattr: lttng-modules' fields" \
"syscall_entry_pipe2 { flags = 524288 }
syscall_exit_pipe2 { ret = $4, fildes = [ [0] = $5, [1] = $6 ] }
syscall_entry_socketpair { family = 1, type = 2, protocol = 0 }
syscall_exit_socketpair { ret = $8, socket = [ [0] = $9, [1] = ${10} ] }
syscall_entry_setsockopt { fd = $9, level = 1, optname = 8, optval = ${12}, optlen = 4 }
syscall_exit_setsockopt { ret = ${14} }
syscall_entry_sendmsg { fd = $9, msg = ${16}, flags = 0 }
syscall_exit_sendmsg { ret = ${18} }
syscall_entry_wait4 { upid = ${20}, options = 0 }
syscall_exit_wait4 { ret = ${22}, stat_addr = S, ru = 0 }
syscall_entry_getxattr { pathname = \"$F\", name = \"user.lttng\", size = 16 }
syscall_exit_getxattr { ret = ${24}, value = V }" \
	sed -E 's/stat_addr = [0-9]+/stat_addr = S/; s/value = [0-9]+/value = V/' /tmp/of.txt
# The helper's own mmap is its last (the C library maps before main).
of "$pid" | grep _mmap | tail -n 2 >/tmp/of.txt
check_eq "mmap: int prot, flags and fd, hex address and result" \
"syscall_entry_mmap { addr = 0x0, len = 4096, prot = 3, flags = 34, fd = -1, offset = 0 }
syscall_exit_mmap { ret = 0x${26} }" cat /tmp/of.txt
check_eq "no warning reading them" "" cat /tmp/bt.err

# Filters link against the amended names (wait4's upid, getxattr's
# pathname): a run on $F passes both; a run on another file, wait4's only.
# The exit events have neither field: their filters do not link, and
# they are not recorded.
lttng create s6 --output="$T/s6" >/dev/null
lttng enable-channel -k ch >/dev/null
check "filter on wait4's upid" \
	lttng enable-event -k -c ch --syscall wait4 --filter 'upid > 1 && options == 0'
check "filter on getxattr's pathname" \
	lttng enable-event -k -c ch --syscall getxattr --filter "pathname == \"$F\""
lttng add-context -k -c ch -t pid -t tid >/dev/null
lttng start >/dev/null
p1=$($X layout $F | cut -d' ' -f2)
p2=$($X layout /tmp/none | cut -d' ' -f2)
finish s6
of "$p1" | sed 's/ .*//' >/tmp/of.txt
of "$p2" | sed 's/ .*//' >>/tmp/of.txt
check_eq "filters on upid and pathname: the matching entries only" \
"syscall_entry_wait4
syscall_entry_getxattr
syscall_entry_wait4" cat /tmp/of.txt

# --- --syscall -a: every syscall, unknown numbers too.
check "enable-event -k --syscall -a" session s4 --syscall -a
lttng start >/dev/null
out=$($X file $F 5)
un=$($X unknown)
finish s4
echo "# $out / $un"
kinds=$(sed -n 's/.* \(syscall_[a-z0-9_]*\): .*/\1/p' /tmp/bt.txt | sort -u | wc -l)
echo "# --syscall -a: $kinds kinds of syscall events"
check "--syscall -a records many syscalls" test "$kinds" -gt 20
of "$(echo "$out" | cut -d' ' -f2)" >/tmp/of.txt
grep execve /tmp/of.txt | sed 's/^/# /'
check "--syscall -a records the helper's execve" grep -q \
	"^syscall_entry_execve { filename = \"/usr/local/bin/$X\", argv = 0x[0-9A-F]*, envp = 0x[0-9A-F]* }" /tmp/of.txt
check "... and its exit" grep -q "^syscall_exit_execve { ret = 0 }" /tmp/of.txt
of "$(echo "$un" | cut -d' ' -f2)" | grep unknown >/tmp/of.txt
check_eq "syscall 400 (none) is unknown, with its arguments" \
"syscall_entry_unknown { id = 400, args = [ [0] = 1, [1] = 2, [2] = 3, [3] = 4, [4] = 5, [5] = 6 ] }
syscall_exit_unknown { id = 400, ret = -38, args = [ [0] = 1, [1] = 2, [2] = 3, [3] = 4, [4] = 5, [5] = 6 ] }" \
	cat /tmp/of.txt
check_eq "babeltrace2 reads it all" "" cat /tmp/bt.err

# --- The preemptible context: a task in a system call can be preempted
# (the tracer's own pinning to the CPU is not counted).
session sp --syscall openat,close
lttng add-context -k -c ch -t preemptible >/dev/null
lttng start >/dev/null
$X file $F 5 >/dev/null
finish sp
check "syscall entries record preemptible = 1" grep -q ' syscall_entry_openat: .*preemptible = 1 }' /tmp/bt.txt
check "syscall exits record preemptible = 1" grep -q ' syscall_exit_close: .*preemptible = 1 }' /tmp/bt.txt
check_lacks "no syscall event with preemptible = 0" 'syscall_.*preemptible = 0' cat /tmp/bt.txt

# --- -k -a: tracepoints and syscalls.
session s5 -a
lttng start >/dev/null
$X file $F 5 >/dev/null
finish s5
check "-k -a records syscalls" grep -q ' syscall_entry_openat: ' /tmp/bt.txt
check "-k -a records tracepoints" grep -q ' sched_switch: ' /tmp/bt.txt

# --- disable-event: a disabled syscall stops, the others go on.
session s6 --syscall openat,close
lttng start >/dev/null
p1=$($X repeat 3 $F | cut -d' ' -f2)
check "disable-event -k --syscall openat" lttng disable-event -k -c ch --syscall openat
p2=$($X repeat 4 $F | cut -d' ' -f2)
finish s6
of "$p1" >/tmp/of1.txt
of "$p2" >/tmp/of2.txt
check_eq "openat recorded before disable-event" 3 \
	grep -c "syscall_entry_openat { dfd = -100, filename = \"$F\"" /tmp/of1.txt
check_eq "no openat after it" 0 grep -c openat /tmp/of2.txt
check "close still recorded after it" \
	sh -c "[ \$(grep -c 'syscall_exit_close' /tmp/of2.txt) -ge 4 ]"

# --- The gate: a gated session records the tracked process's syscalls only.
session g --syscall openat
session u --syscall openat
check "gate session g" command lttng dt-gate g on
lttng start g >/dev/null
lttng start u >/dev/null
mkfifo /tmp/goa /tmp/gob
$X -w /tmp/goa repeat 5 $F >/tmp/a.out &
A=$!
$X -w /tmp/gob repeat 5 $F >/tmp/b.out &
B=$!
check "track A" command lttng dt-track --pid $A
echo go >/tmp/goa
echo go >/tmp/gob
wait
lttng stop g >/dev/null
lttng stop u >/dev/null
gate=$(lttng-dt-ctl gate-get g)
lttng destroy g >/dev/null
lttng destroy u >/dev/null
bt $T/g >/tmp/bt.txt
of "$A" >/tmp/ofa.txt
of "$B" >/tmp/ofb.txt
check_eq "gated: the tracked process's 5 openat" 5 \
	grep -c "syscall_entry_openat { dfd = -100, filename = \"$F\"" /tmp/ofa.txt
check_eq "gated: none of the other's" 0 grep -c openat /tmp/ofb.txt
# The events of other processes (awk, unlike grep -v, succeeds when
# there is none).
others() { awk -v a="pid = $A," 'index($0, a) == 0' /tmp/bt.txt; }
check_lacks "gated: nothing but the tracked process" syscall_ others
echo "# gate: $gate"
check "the gate counted what it refused" sh -c "echo '$gate' | awk '{ exit !(\$4 > 0 && \$6 >= 10) }'"
bt $T/u >/tmp/bt.txt
of "$B" >/tmp/ofb.txt
check_eq "ungated: the other's 5 openat" 5 \
	grep -c "syscall_entry_openat { dfd = -100, filename = \"$F\"" /tmp/ofb.txt
check "untrack every thread" command lttng dt-untrack --all

# --- Entry or exit only, and SYSCALL_MASK, through the ABI.
sc-abi 1 openat >/tmp/abi.txt
max=$(tail -n 1 /tmp/sc.list | sed 's/.*index = \([0-9]*\);.*/\1/')
check_eq "SYSCALL_MASK: the table's length" "len $((max + 1))" sed -n 1p /tmp/abi.txt
check_eq "entry only: mask has openat, metadata its entry event" "mask 257
event syscall_entry_openat" sed 1d /tmp/abi.txt
check_eq "exit only: its exit event" "mask 257
event syscall_exit_openat" sh -c 'sc-abi 2 openat | sed 1d'
check_eq "both, two names" "mask 0 257
event syscall_entry_read
event syscall_exit_read
event syscall_entry_openat
event syscall_exit_openat" sh -c 'sc-abi 0 read openat | sed 1d'
check_eq "a glob: open*, entry only" \
	"$(sed -n 's/.*name = \(open[a-z0-9_]*\);.*/event syscall_entry_\1/p' /tmp/sc.list | sort)" \
	sh -c 'sc-abi 1 "open*" | sed 1,2d | sort'
check_eq "bad entryexit refused" "EVENT: Invalid argument" sh -c 'sc-abi 3 openat'

# dt-track loaded the TCP mark, which holds lttng-tracer: the user
# removes it, then sessiond's exit unloads the rest.
if ! tracer_is_builtin; then
	check "lttng-dt-tcp, loaded by dt-track, unloads" rmmod lttng_dt_tcp
fi
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
check "no tracer module stays loaded" sh -c '! grep "^lttng" /proc/modules'
grep -iE "error|warn" /tmp/sessiond.log | grep -v "event notifier group" | sed 's/^/# sessiond: /'
