// SPDX-License-Identifier: GPL-2.0-only
/*
 * Scheduler probes of the distributed-trace gate: sched_switch refreshes
 * the per-CPU "current is flagged" bit, sched_process_fork passes flags on
 * to children, sched_process_exit drops the exiting thread's flag.
 *
 * They go on the tracepoints at the first track and stay until the tracer
 * unloads: before anything was ever flagged, they cost nothing. They run
 * after every other probe of their tracepoint (lowest priority), so that
 * a session recording sched_switch still sees the previous thread's bit,
 * and sched_process_exit is recorded while the thread is still flagged.
 */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/tracepoint.h>
#include <trace/events/sched.h>

#include <lttng/dt.h>
#include <lttng/dt-mark.h>

#include "lib/lttng-tracepoints.h"
#include "lttng-dt.h"

#define DT_PROBE_PRIO	(TRACEPOINT_DEFAULT_PRIO - 10)

#ifdef LTTNG_HAVE_SCHED_SWITCH_PREV_STATE
static void dt_switch(void *data, bool preempt, struct task_struct *prev,
		      struct task_struct *next, unsigned int prev_state)
#else
static void dt_switch(void *data, bool preempt, struct task_struct *prev,
		      struct task_struct *next)
#endif
{
	this_cpu_write(lttng_dt_current_flagged, lttng_dt_task_flagged(next));
}

static void dt_fork(void *data, struct task_struct *parent,
		    struct task_struct *child)
{
	lttng_dt_flag_inherit(parent, child);
}

static void dt_exit(void *data, struct task_struct *p)
{
	lttng_dt_flag_exit(p);
}

static inline void dt_check_prototypes(void)
{
	check_trace_callback_type_sched_switch(dt_switch);
	check_trace_callback_type_sched_process_fork(dt_fork);
	check_trace_callback_type_sched_process_exit(dt_exit);
}

/* Exit first so that no flag can be set that its exit would not see. */
static struct lttng_tracepoint_probe dt_probes[] = {
	{ .name = "sched_process_exit", .func = dt_exit, .prio = DT_PROBE_PRIO },
	{ .name = "sched_process_fork", .func = dt_fork, .prio = DT_PROBE_PRIO },
	{ .name = "sched_switch", .func = dt_switch, .prio = DT_PROBE_PRIO },
};

static DEFINE_MUTEX(dt_probes_lock);
static bool dt_probes_on;

int lttng_dt_sched_start(void)
{
	int ret = 0;

	mutex_lock(&dt_probes_lock);
	if (!dt_probes_on) {
		ret = lttng_tracepoint_probes_register(dt_probes,
						       ARRAY_SIZE(dt_probes), NULL);
		dt_probes_on = !ret;
	}
	mutex_unlock(&dt_probes_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_dt_sched_start);

void lttng_dt_sched_stop(void)
{
	mutex_lock(&dt_probes_lock);
	if (dt_probes_on)
		lttng_tracepoint_probes_unregister(dt_probes,
						   ARRAY_SIZE(dt_probes), NULL);
	dt_probes_on = false;
	mutex_unlock(&dt_probes_lock);
}
