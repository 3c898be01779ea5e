// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the block layer tracepoints (include/instrumentation/events/block.h). */
#include <linux/module.h>
#include <trace/events/block.h>

#define LTTNG_PROBE_SUBSYSTEM	block
#define LTTNG_PROBE_EVENTS	<instrumentation/events/block.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: block layer events");
