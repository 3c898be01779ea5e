// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the timer tracepoints (include/instrumentation/events/timer.h). */
#include <linux/module.h>
#include <trace/events/timer.h>

#define LTTNG_PROBE_SUBSYSTEM	timer
#define LTTNG_PROBE_EVENTS	<instrumentation/events/timer.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: timer events");
