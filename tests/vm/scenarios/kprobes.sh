# SPDX-License-Identifier: GPL-2.0-only
# Dynamic kernel probes with the stock lttng: `enable-event -k --probe`
# by symbol, by symbol+offset and by address (event NAME, field ip), and
# `--function` (a kretprobe: NAME_entry and NAME_exit, fields ip and
# parent_ip). The opens of a helper process are counted
# exactly; ip is the probed function's address from /proc/kallsyms;
# disable-event stops a probe; bad symbols, duplicate names and filters
# are refused; a gated session keeps only a tracked process's hits.
# check-kernels: debian debug
# timeout: 900
. /lib/vmtest.sh
# The dt commands as users type them: the lttng front first in PATH
# ("command lttng dt-...": the lttng function below is the stock lttng).
export PATH=/opt/lttng-dt/bin:$PATH

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
lttng() { timeout 120 /usr/bin/lttng "$@"; }
T=/tmp/tr
F=/tmp/kp-file.txt
echo hello >$F
SYM=do_sys_openat2
# A symbol's address as babeltrace2 prints a hex field.
addr_of() { awk -v s="$1" '$3 == s { print $1; exit }' /proc/kallsyms | sed 's/^0*//' | tr a-f A-F; }
A=$(addr_of $SYM)
check "/proc/kallsyms gives $SYM's address" test -n "$A"
X=sc-exercise
# run N: a helper process opening the file N times; prints its pid. The
# dynamic loader's opens come on top: run 0 counts them.
run() { $X repeat "$1" $F >/dev/null & p=$!; wait $p; echo $p; }
# rsh SECONDS N: the same from a shell that sleeps first (so that it can
# be tracked before it opens anything); prints the pid.
rsh() { sh -c "sleep $1; exec $X repeat $2 $F >/dev/null" & p=$!; wait $p; echo $p; }
# Events named $1 recorded for thread $2.
of() { grep " $1: .*tid = $2 }" /tmp/bt.txt; }
count() { of "$1" "$2" | wc -l; }
mk() {
	lttng create k --output="$T/k" >/dev/null &&
	lttng enable-channel -k ch >/dev/null &&
	lttng enable-event -k -c ch --probe $SYM kp_sym >/dev/null &&
	lttng enable-event -k -c ch --probe $SYM+0x0 kp_off >/dev/null &&
	lttng enable-event -k -c ch --probe 0x$A kp_addr >/dev/null &&
	lttng enable-event -k -c ch --function $SYM kr >/dev/null &&
	lttng add-context -k -c ch -t procname -t tid >/dev/null
}
check "session k: three kprobes and a kretprobe on $SYM" mk
check "a symbol that does not exist is refused" sh -c \
	"! lttng enable-event -k -c ch --probe no_such_symbol_lttng_dt kp_bad"
check "a name already recorded is refused" sh -c \
	"! lttng enable-event -k -c ch --probe $SYM kp_sym"
check "a filter on a kprobe is refused" sh -c \
	"! lttng enable-event -k -c ch --probe $SYM kp_filt --filter 'ip == 0'"
check "start k" lttng start k
T0=$(run 0)
T20=$(run 20)
check "disable kp_off" sh -c "lttng disable-event -k -c ch kp_off >/dev/null"
T5=$(run 5)
R0=$(rsh 0 0)
lttng stop k >/dev/null
check "babeltrace2 reads k" sh -c "babeltrace2 $T/k >/tmp/bt.txt 2>/tmp/bt.err"
of kp_sym $T20 | head -n 1 | sed 's/^/# /'
of kr_entry $T20 | head -n 1 | sed 's/^/# /'
of kr_exit $T20 | head -n 1 | sed 's/^/# /'
L=$(count kp_sym $T0)
LR=$(count kp_sym $R0)
check "the loader's opens were seen ($L)" test "$L" -gt 0
for e in kp_sym kp_addr kr_entry kr_exit; do
	check_eq "$e: 20 hits more for 20 opens" "$((L + 20))" count $e $T20
	check_eq "$e: 5 hits more for 5 opens" "$((L + 5))" count $e $T5
done
check_eq "kp_off: as many hits as kp_sym before disable-event" "$((L + 20))" count kp_off $T20
check_eq "kp_off: none after disable-event" "0" count kp_off $T5
ips() { grep " $1: " /tmp/bt.txt | sed 's/.* ip = \(0x[0-9A-F]*\).*/\1/' | sort -u; }
check_eq "kp_sym's ip is $SYM's address" "0x$A" ips kp_sym
check_eq "kp_addr's ip is the address given" "0x$A" ips kp_addr
check_eq "kr_entry's ip is $SYM's address" "0x$A" ips kr_entry
check_eq "kr_exit's ip is $SYM's address" "0x$A" ips kr_exit
fields() { grep -m 1 " $1: " /tmp/bt.txt | sed 's/.*}, { \(.*\) }$/\1/; s/ = [^,]*//g'; }
check_eq "kp_sym's fields: ip" "ip" fields kp_sym
check_eq "kr_entry's fields: ip, parent_ip" "ip, parent_ip" fields kr_entry
# The caller's return address: the same at entry and exit, in kernel text.
parents() { of "$1" $T20 | sed 's/.* parent_ip = \(0x[0-9A-F]*\).*/\1/' | sort -u; }
check "kr: entry and exit see the same return address" \
	sh -c "[ \"\$(echo '$(parents kr_entry)')\" = \"\$(echo '$(parents kr_exit)')\" ]"
check "kr: the return address is in kernel text" sh -c \
	"echo '$(parents kr_exit)' | grep -qx '0xFFFFFFFF[0-9A-F]*'"
# An exit follows its entry in the same thread, before the next entry.
pairs_ok() {
	grep ' kr_e[a-z]*: ' /tmp/bt.txt |
		sed 's/.* \(kr_e[a-z]*\): .*tid = \([0-9]*\).*/\2 \1/' |
		awk '{ if ($2 == "kr_entry") { if (open[$1]) bad++; open[$1] = 1 }
		       else { if (!open[$1]) bad++; open[$1] = 0 } }
		     END { exit bad != 0 }'
}
check "kr: entry then exit, per thread" pairs_ok
check_lacks "nothing was lost" '[Dd]iscarded' cat /tmp/bt.err
lttng destroy k >/dev/null

# A gated session keeps exactly what an ungated one records of a tracked
# process from the moment it is tracked, and nothing of an untracked one.
mkg() {
	lttng create u --output="$T/u" >/dev/null &&
	lttng enable-channel -k ch >/dev/null &&
	lttng enable-event -k -c ch --probe $SYM kp_u >/dev/null &&
	lttng enable-event -k -c ch lttng_dt_flag >/dev/null &&
	lttng add-context -k -c ch -t tid >/dev/null &&
	lttng create g --output="$T/g" >/dev/null &&
	lttng enable-channel -k ch >/dev/null &&
	lttng enable-event -k -c ch --probe $SYM kp_g >/dev/null &&
	lttng add-context -k -c ch -t tid >/dev/null &&
	command lttng dt-gate g on >/dev/null &&
	lttng start u >/dev/null && lttng start g >/dev/null
}
check "an ungated session u and a gated session g with a kprobe" mkg
# The shell waits on a FIFO while it is tracked, then becomes the helper
# (a fixed sleep was too short for the track on a loaded host).
mkfifo /tmp/kgo
sh -c "read go </tmp/kgo; exec $X repeat 7 $F >/dev/null" &
P=$!
check "track a helper" command lttng dt-track --pid $P
echo go >/tmp/kgo
wait $P
Q=$(run 4)
lttng stop u >/dev/null
lttng stop g >/dev/null
check "babeltrace2 reads u and g" sh -c \
	"babeltrace2 $T/u >/tmp/u.txt 2>/tmp/bt.err && babeltrace2 $T/g >/tmp/bt.txt 2>>/tmp/bt.err"
# The time of the track, then u's hits of P after it.
t_on=$(grep " lttng_dt_flag: .*{ tid = $P, pid = $P, reason = ( \"manual\" .*on = 1 }" /tmp/u.txt |
	head -n 1 | sed 's/^\[\([^]]*\)\].*/\1/')
check "u recorded the track" test -n "$t_on"
after_track() {
	grep " kp_u: .*tid = $P }" /tmp/u.txt | sed 's/^\[\([^]]*\)\].*/\1/' |
		awk -v t="$t_on" '$1 > t' | wc -l
}
N=$(after_track)
check "u: the helper's 7 opens and its loader's after the track ($N)" test "$N" -gt 7
check_eq "g: exactly u's hits of the tracked helper after the track" "$N" count kp_g $P
check "u: the untracked helper's opens" test "$(grep -c " kp_u: .*tid = $Q }" /tmp/u.txt)" -gt 4
check_eq "g: none of the untracked helper's" "0" count kp_g "$Q"
lttng destroy -a >/dev/null

# --- Filters on dynamic probes. The stock lttng command refuses --filter
# with --probe and --function before it asks the session daemon (checked
# above), but the daemon passes a filter on to the tracer for them as for
# tracepoints: lttng-ctl-probe-filter asks it through liblttng-ctl.
PF=lttng-ctl-probe-filter
mkf() {
	lttng create f --output="$T/f" >/dev/null &&
	lttng enable-channel -k ch >/dev/null &&
	$PF f ch probe kp_ip $SYM "ip == 0x$A" &&
	$PF f ch probe kp_not_ip $SYM "ip != 0x$A" &&
	$PF f ch probe kp_name $SYM '$ctx.procname == "sc-exercise"' &&
	$PF f ch function kr_glob $SYM '$ctx.procname == "sc-ex*" && ip == '"0x$A" &&
	lttng add-context -k -c ch -t procname -t tid >/dev/null
}
check "session f: kprobes and a kretprobe with filters, through liblttng-ctl" mkf
check "a filter that does not compile is refused" sh -c \
	"! $PF f ch probe kp_bad $SYM 'ip ==' 2>/tmp/pf.err"
sed 's/^/# /' /tmp/pf.err
# As lttng-modules does, a filter that names a field the event lacks is
# taken, and the event is never recorded.
check "a filter on a field the kprobe lacks is taken" \
	$PF f ch probe kp_nofield $SYM 'no_such_field == 1'
check "start f" lttng start f
F0=$(run 0)
F20=$(run 20)
cat $F >/dev/null & C=$!
wait $C
lttng stop f >/dev/null
check "babeltrace2 reads f" sh -c "babeltrace2 $T/f >/tmp/bt.txt 2>/tmp/bt.err"
L=$(count kp_ip $F0)
check "kp_ip: the loader's opens were seen ($L)" test "$L" -gt 0
check_eq "kp_ip (ip == $SYM): every open of the helper" "$((L + 20))" count kp_ip $F20
check "kp_ip: cat's open too" test "$(count kp_ip $C)" -gt 0
check_eq "kp_not_ip (ip != $SYM): nothing at all" "0" sh -c "grep -c ' kp_not_ip: ' /tmp/bt.txt"
# The helper's thread opens /dev/null for its redirection before exec,
# under the shell's name: those opens are not the helper's procname.
named() { of kp_ip "$1" | grep -c 'procname = "sc-exercise"'; }
NF=$(named $F20)
check "kp_ip: the helper's 20 opens and its loader's under its name ($NF)" test "$NF" -gt 20
check_eq "kp_name (\$ctx.procname): every open under the helper's name" "$NF" count kp_name $F20
check_eq "kp_name: none of cat's" "0" count kp_name $C
check_eq "kp_name: only the helper's procname" 'procname = "sc-exercise"' sh -c \
	"grep ' kp_name: ' /tmp/bt.txt | grep -o 'procname = \"[^\"]*\"' | sort -u"
check_eq "kr_glob_entry (a glob && ip): every call under the helper's name" "$NF" count kr_glob_entry $F20
check_eq "kr_glob_exit: every return under the helper's name" "$NF" count kr_glob_exit $F20
check_eq "kp_nofield: nothing" "0" sh -c "grep -c ' kp_nofield: ' /tmp/bt.txt"
glob_of_cat() { { of kr_glob_entry $C; of kr_glob_exit $C; } | wc -l; }
check_eq "kr_glob: none of cat's" "0" glob_of_cat
lttng destroy f >/dev/null

# --- A busy symbol: the probe fires as soon as it is placed. Another CPU
# runs through it all the time while kretprobes and kprobes come and go;
# a handler that ran before its recorders were made would oops.
BUSY=ksys_read
sh -c 'while :; do head -c 65536 /dev/zero >/dev/null; done' &
L=$!
mkbusy() {
	lttng create b$1 --output="$T/b$1" >/dev/null &&
	lttng enable-channel -k --subbuf-size 1M --num-subbuf 4 ch >/dev/null &&
	lttng enable-event -k -c ch sched_switch >/dev/null &&
	lttng start b$1 >/dev/null &&
	lttng enable-event -k -c ch --function $BUSY kr >/dev/null &&
	lttng enable-event -k -c ch --probe $BUSY kp >/dev/null &&
	lttng destroy b$1 >/dev/null
}
# 10 sessions; 3 on the debug kernel, where each takes 20 s.
rounds=10
case $(uname -r) in *-debug) rounds=3 ;; esac
n=0
for i in $(seq $rounds); do mkbusy $i && n=$((n + 1)); done
kill $L
check_eq "$rounds sessions placed a kretprobe and a kprobe on busy $BUSY while started" \
	$rounds echo $n
check "their last trace reads" sh -c "babeltrace2 $T/b$rounds >/dev/null"
