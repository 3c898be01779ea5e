// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the power management tracepoints (include/instrumentation/events/power.h). */
#include <linux/module.h>
#include <trace/events/power.h>

#define LTTNG_PROBE_SUBSYSTEM	power
#define LTTNG_PROBE_EVENTS	<instrumentation/events/power.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: power management events");
