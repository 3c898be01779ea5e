// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the page reclaim tracepoints (include/instrumentation/events/mm_vmscan.h). */
#include <linux/module.h>
#include <trace/events/vmscan.h>

#define LTTNG_PROBE_SUBSYSTEM	mm_vmscan
#define LTTNG_PROBE_EVENTS	<instrumentation/events/mm_vmscan.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: page reclaim events");
