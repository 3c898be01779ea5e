// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the workqueue tracepoints (include/instrumentation/events/workqueue.h). */
#include <linux/module.h>
#include <trace/events/workqueue.h>

#define LTTNG_PROBE_SUBSYSTEM	workqueue
#define LTTNG_PROBE_EVENTS	<instrumentation/events/workqueue.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: workqueue events");
