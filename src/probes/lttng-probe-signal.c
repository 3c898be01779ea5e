// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the signal tracepoints (include/instrumentation/events/signal.h). */
#include <linux/module.h>
#include <trace/events/signal.h>

#define LTTNG_PROBE_SUBSYSTEM	signal
#define LTTNG_PROBE_EVENTS	<instrumentation/events/signal.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: signal events");
