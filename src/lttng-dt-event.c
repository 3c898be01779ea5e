// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lttng_dt_flag event: a tracepoint of lttng-tracer itself and its
 * probe, registered by lttng-tracer so that the stock sessiond lists it
 * (it only loads the module names lttng-modules has) and
 * `lttng enable-event -k lttng_dt_flag` finds it.
 */
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/tracepoint.h>

#include "lttng-dt.h"

DECLARE_TRACE(lttng_dt_flag,
	TP_PROTO(pid_t tid, pid_t pid, unsigned int reason, int on),
	TP_ARGS(tid, pid, reason, on));

DEFINE_TRACE(lttng_dt_flag,
	TP_PROTO(pid_t tid, pid_t pid, unsigned int reason, int on),
	TP_ARGS(tid, pid, reason, on));

#define LTTNG_PROBE_SUBSYSTEM	lttng_dt
#define LTTNG_PROBE_EVENTS	<instrumentation/events/lttng-dt.h>
#define LTTNG_PROBE_CUSTOM_INIT
#define LTTNG_PROBE_UNGATED
#include <lttng/tracepoint-event.h>

void lttng_dt_event_flag(struct task_struct *t, enum lttng_dt_reason reason,
			 bool on)
{
	trace_lttng_dt_flag(task_pid_nr(t), task_tgid_nr(t), reason, on);
}

int lttng_dt_event_init(void)
{
	return lttng_probe_register(&lttng_probe_of_module);
}

void lttng_dt_event_exit(void)
{
	lttng_probe_unregister(&lttng_probe_of_module);
}
