# SPDX-License-Identifier: GPL-2.0-only
# The ring buffer under concurrent writers: four processes fire test
# events on two CPUs while the scheduler's own events (recorded from
# context switches and wake-ups, nested in the writers' records) go to the
# same small buffers, with a 1 ms switch timer closing packets under them
# and the consumer reading. Every event fired is either recorded once, in
# order, or counted as discarded; nothing is duplicated or corrupted.
# check-kernels: debian debug
# timeout: 900
. /lib/vmtest.sh

lttng() { timeout 300 /usr/bin/lttng "$@"; }
lttng-sessiond --background >/tmp/sessiond.log 2>&1
check "lttng-sessiond starts" wait_for 30 lttng list
modprobe lttng-test
writers="1 2 3 4"
per_writer=20000

for mode in discard overwrite; do
	opt=
	[ $mode = overwrite ] && opt=--overwrite
	lttng create st-$mode --output=/tmp/tr/$mode >/dev/null
	lttng enable-channel -k $opt --subbuf-size 4096 --num-subbuf 8 \
		--switch-timer 1000 --read-timer 1000 c >/dev/null
	lttng enable-event -k -c c lttng_test_filter_event,sched_switch,sched_wakeup,sched_waking >/dev/null
	lttng add-context -k -c c -t tid >/dev/null
	lttng start >/dev/null
	for w in $writers; do
		sh -c "echo $per_writer >/proc/lttng-test-filter-event" &
	done
	wait
	lttng stop >/dev/null
	lttng destroy st-$mode >/dev/null
	babeltrace2 /tmp/tr/$mode >/tmp/bt.txt 2>/tmp/bt.err
	check "$mode: babeltrace2 reads the trace" test $? -eq 0
	check_eq "$mode: babeltrace2 reports nothing but discarded events" "" \
		sh -c "grep -v 'discarded\|^ *$' /tmp/bt.err | grep -iv 'warning\|trace\|stream\|packet\|babeltrace\|\bat\b\|^#' | head -n 5"
	recorded=$(grep -c ' lttng_test_filter_event: ' /tmp/bt.txt)
	discarded=$(sed -n 's/.*Tracer discarded \([0-9]*\) events.*/\1/p' /tmp/bt.err |
		awk '{ s += $1 } END { print s + 0 }')
	echo "# $mode: $recorded test events recorded, $discarded events reported discarded, $(wc -l </tmp/bt.txt) records in all"
	check "$mode: records of every writer survive" test "$recorded" -gt 0
	# Each writer's values come in the order it fired them, once each.
	bad=$(sed -n 's/.* tid = \([0-9]*\) }, { intfield = \([0-9]*\),.*/\1 \2/p' /tmp/bt.txt |
		awk '{ if (($1 in last) && $2 <= last[$1]) bad++; last[$1] = $2 } END { print bad + 0 }')
	check_eq "$mode: per writer, values strictly increase (no duplicate, no reordering)" 0 echo "$bad"
	if [ $mode = discard ]; then
		# Discard mode counts every record it drops, scheduler ones included.
		sched=$(grep -c ' sched_' /tmp/bt.txt)
		check "$mode: recorded + discarded covers every test event" \
			test $((recorded + discarded)) -ge $((4 * per_writer))
		echo "# discard: $sched scheduler records"
	else
		# The reader's slot swap lets writers overwrite while it reads.
		check "$mode: the newest records are kept" \
			grep -q "intfield = $((per_writer - 1))," /tmp/bt.txt
	fi
	check "$mode: timestamps never go backwards within a CPU" sh -c \
		"sed -n 's/^\[\([0-9:.]*\)\].*{ cpu_id = \([0-9]*\) }.*/\2 \1/p' /tmp/bt.txt |
		 awk '{ if ((\$1 in t) && \$2 < t[\$1]) bad++; t[\$1] = \$2 } END { exit bad > 0 }'"
done

rmmod lttng_test
kill -TERM "$(pidof lttng-sessiond)"
check "lttng-sessiond exits" wait_for 30 sh -c '! pidof lttng-sessiond'
