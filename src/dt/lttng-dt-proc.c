// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/lttng-dt: a read-only view of the gate for scripts, what the
 * seed prototype's list_pid, probe and trace files showed.
 *
 *   threads   one flagged thread a line: TID PID REASON@SINCE[,...]
 *             inherit|no-inherit COMM (global ids, CLOCK_MONOTONIC ns)
 *   sessions  one named session a line: NAME GATED GATED_OUT PASSED
 *   stats     "key value" lines: flagged_threads, flags_set_<reason>,
 *             flags_cleared, then the TCP mark's marks_sent,
 *             marks_received, marks_untrusted, marks_ratelimited,
 *             net_cleared_response, net_expired
 *
 * Readable by everyone: nothing here that ps does not show, except the
 * session names. Changes go through the ioctls on /proc/lttng (root).
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "lttng-dt.h"

#define DT_PROC_DIR	"lttng-dt"

static struct proc_dir_entry *dt_dir;

static int threads_show(struct seq_file *m, void *v)
{
	lttng_dt_flag_show(m);
	return 0;
}

static int sessions_show(struct seq_file *m, void *v)
{
	lttng_dt_gate_show(m);
	return 0;
}

static int stats_show(struct seq_file *m, void *v)
{
	struct lttng_dt_abi_stats s = {};

	lttng_dt_flag_stats(&s);
	lttng_dt_net_stats(&s);
	seq_printf(m, "flagged_threads %llu\n", s.flagged_threads);
	seq_printf(m, "flags_set_manual %llu\n", s.flags_set[LTTNG_DT_REASON_MANUAL]);
	seq_printf(m, "flags_set_inherited %llu\n",
		   s.flags_set[LTTNG_DT_REASON_INHERITED]);
	seq_printf(m, "flags_set_network %llu\n", s.flags_set[LTTNG_DT_REASON_NETWORK]);
	seq_printf(m, "flags_cleared %llu\n", s.flags_cleared);
	seq_printf(m, "marks_sent %llu\n", s.marks_sent);
	seq_printf(m, "marks_received %llu\n", s.marks_received);
	seq_printf(m, "marks_untrusted %llu\n", s.marks_untrusted);
	seq_printf(m, "marks_ratelimited %llu\n", s.marks_ratelimited);
	seq_printf(m, "net_cleared_response %llu\n", s.net_cleared_response);
	seq_printf(m, "net_expired %llu\n", s.net_expired);
	return 0;
}

int lttng_dt_proc_init(void)
{
	/*
	 * Root only, like /proc/lttng: the files name host pids and the
	 * sessions of every user, and a container must not read them.
	 */
	dt_dir = proc_mkdir_mode(DT_PROC_DIR, 0500, NULL);
	if (!dt_dir)
		return -ENOMEM;
	if (!proc_create_single("threads", 0400, dt_dir, threads_show) ||
	    !proc_create_single("sessions", 0400, dt_dir, sessions_show) ||
	    !proc_create_single("stats", 0400, dt_dir, stats_show)) {
		proc_remove(dt_dir);
		return -ENOMEM;
	}
	return 0;
}

void lttng_dt_proc_exit(void)
{
	proc_remove(dt_dir);
}
