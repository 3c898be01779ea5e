// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the writeback tracepoints (include/instrumentation/events/writeback.h). */
#include <linux/module.h>
#include <linux/writeback.h>
#include <trace/events/writeback.h>

#define LTTNG_PROBE_SUBSYSTEM	writeback
#define LTTNG_PROBE_EVENTS	<instrumentation/events/writeback.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: writeback events");
