// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the socket buffer tracepoints (include/instrumentation/events/skb.h). */
#include <linux/module.h>
#include <trace/events/skb.h>

#define LTTNG_PROBE_SUBSYSTEM	skb
#define LTTNG_PROBE_EVENTS	<instrumentation/events/skb.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: socket buffer events");
