# SPDX-License-Identifier: GPL-2.0-only
# User-space probes with the stock lttng: `enable-event -k
# --userspace-probe=elf:PATH:FUNC NAME` (event NAME, field ip). A helper
# calls the probed function a known number of times: every call is
# recorded once, with ip the function's address in that process (PIE:
# different per run); other processes of the same binary count too;
# disable-event stops it; a missing function is refused; a gated session
# keeps only a tracked process's calls.
# check-kernels: debian debug
# timeout: 600
. /lib/vmtest.sh
# The dt commands as users type them: the lttng front first in PATH
# ("command lttng dt-...": the lttng function below is the stock lttng).
export PATH=/opt/lttng-dt/bin:$PATH

lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
lttng() { timeout 120 /usr/bin/lttng "$@"; }
T=/tmp/tr
BIN=$(command -v up-target)
check "the helper is installed" test -x "$BIN"
# run N: the helper calls the function N times; prints "PID ADDR" with
# ADDR as babeltrace2 prints a hex field.
run() {
	up-target "$1" >/tmp/up.out &&
	sed -n 's/^pid \([0-9]*\) hit 0x0*\([0-9a-f]*\)$/\1 0x\2/p' /tmp/up.out | tr a-f A-F |
		sed 's/^\([0-9]*\) 0X/\1 0x/'
}
of() { grep " $1: .*tid = $2 }" /tmp/bt.txt; }
# count EVENT PID: not 0 when the helper that was to give PID failed.
count() { [ -n "$2" ] || { echo "no helper pid"; return 1; }; of "$1" "$2" | wc -l; }

mk() {
	lttng create u --output="$T/u" >/dev/null &&
	lttng enable-channel -k ch >/dev/null &&
	lttng enable-event -k -c ch --userspace-probe="elf:$BIN:up_target_hit" up_hit >/dev/null &&
	lttng add-context -k -c ch -t procname -t tid >/dev/null
}
check "session u: a uprobe on up_target_hit" mk
check "a function the binary lacks is refused" sh -c \
	"! lttng enable-event -k -c ch --userspace-probe='elf:$BIN:no_such_function' up_bad"
check "a name already recorded is refused" sh -c \
	"! lttng enable-event -k -c ch --userspace-probe='elf:$BIN:up_target_hit' up_hit"
check "start u" lttng start u
set -- $(run 30)
P1=$1 A1=$2
set -- $(run 12)
P2=$1 A2=$2
check "disable up_hit" sh -c "lttng disable-event -k -c ch up_hit >/dev/null"
set -- $(run 9)
P3=$1
lttng stop u >/dev/null
check "babeltrace2 reads u" sh -c "babeltrace2 $T/u >/tmp/bt.txt 2>/tmp/bt.err"
of up_hit "$P1" | head -n 1 | sed 's/^/# /'
check_eq "30 calls, 30 events" "30" count up_hit "$P1"
check_eq "a second process of the binary: 12 events" "12" count up_hit "$P2"
check_eq "none after disable-event" "0" count up_hit "$P3"
ips() { of up_hit "$1" | sed 's/.* ip = \(0x[0-9A-F]*\).*/\1/' | sort -u; }
check_eq "ip is the function's address in the first process" "$A1" ips "$P1"
check_eq "ip is the function's address in the second process" "$A2" ips "$P2"
check_eq "fields: ip" "ip" sh -c "grep -m 1 ' up_hit: ' /tmp/bt.txt | sed 's/.*}, { \(.*\) }$/\1/; s/ = [^,]*//g'"
check_eq "nothing else recorded" "42" sh -c "grep -c ' up_hit: ' /tmp/bt.txt"
check_lacks "nothing was lost" '[Dd]iscarded' cat /tmp/bt.err
lttng destroy u >/dev/null

# A gated session: only the tracked process's calls.
mkg() {
	lttng create g --output="$T/g" >/dev/null &&
	lttng enable-channel -k ch >/dev/null &&
	lttng enable-event -k -c ch --userspace-probe="elf:$BIN:up_target_hit" up_g >/dev/null &&
	lttng add-context -k -c ch -t tid >/dev/null &&
	command lttng dt-gate g on >/dev/null && lttng start g >/dev/null
}
check "gated session g with a uprobe" mkg
mkfifo /tmp/go
up-target -w /tmp/go 7 >/tmp/up-g.out &
P=$!
check "track a helper" command lttng dt-track --pid $P
echo go >/tmp/go
wait $P
set -- $(run 4)
Q=$1
lttng stop g >/dev/null
check "babeltrace2 reads g" sh -c "babeltrace2 $T/g >/tmp/bt.txt 2>/tmp/bt.err"
check_eq "g: the tracked helper's 7 calls" "7" count up_g $P
check_eq "g: none of the untracked helper's" "0" count up_g "$Q"
lttng destroy g >/dev/null

# Filters on a uprobe. The stock lttng command refuses --filter with
# --userspace-probe; the session daemon passes one on to the tracer, and
# lttng-ctl-probe-filter asks it through liblttng-ctl. A hard link to
# the helper is the same probed inode under another process name.
PF=lttng-ctl-probe-filter
OTHER=${BIN%/*}/up-other
check "a hard link to the helper, up-other" ln -f "$BIN" "$OTHER"
mkf() {
	lttng create f --output="$T/f" >/dev/null &&
	lttng enable-channel -k ch >/dev/null &&
	$PF f ch uprobe up_name "$BIN:up_target_hit" '$ctx.procname == "up-target"' &&
	$PF f ch uprobe up_none "$BIN:up_target_hit" 'ip == 0' &&
	$PF f ch uprobe up_ctx "$BIN:up_target_hit" '$ctx.procname == "up-*" && $ctx.tid > 0' &&
	lttng add-context -k -c ch -t procname -t tid >/dev/null
}
check "session f: uprobes with filters, through liblttng-ctl" mkf
check "a filter on a field the uprobe lacks is taken (it keeps nothing)" \
	$PF f ch uprobe up_nofield "$BIN:up_target_hit" 'no_such_field == 1'
check "start f" lttng start f
set -- $(run 6)
P1=$1
"$OTHER" 5 >/tmp/up-other.out
P2=$(sed -n 's/^pid \([0-9]*\) .*/\1/p' /tmp/up-other.out)
lttng stop f >/dev/null
check "babeltrace2 reads f" sh -c "babeltrace2 $T/f >/tmp/bt.txt 2>/tmp/bt.err"
check_eq "up_name (\$ctx.procname): the helper's 6 calls" "6" count up_name "$P1"
check_eq "up_name: none under the other name" "0" count up_name "$P2"
check_eq "up_ctx (glob && \$ctx.tid): the helper's 6 calls" "6" count up_ctx "$P1"
check_eq "up_ctx: the other name's 5 calls" "5" count up_ctx "$P2"
check_eq "up_none (ip == 0): nothing" "0" sh -c "grep -c ' up_none: ' /tmp/bt.txt"
check_eq "up_nofield: nothing" "0" sh -c "grep -c ' up_nofield: ' /tmp/bt.txt"
lttng destroy f >/dev/null
