// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the console tracepoint (include/instrumentation/events/printk.h). */
#include <linux/module.h>
#include <trace/events/printk.h>

#define LTTNG_PROBE_SUBSYSTEM	printk
#define LTTNG_PROBE_EVENTS	<instrumentation/events/printk.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: console message events");
