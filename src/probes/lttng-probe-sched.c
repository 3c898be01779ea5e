// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the scheduler's tracepoints (include/instrumentation/events/sched.h). */
#include <linux/module.h>
#include <trace/events/sched.h>

#define LTTNG_PROBE_SUBSYSTEM	sched
#define LTTNG_PROBE_EVENTS	<instrumentation/events/sched.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: scheduler events");
