// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the UDP tracepoint (include/instrumentation/events/udp.h). */
#include <linux/module.h>
#include <trace/events/udp.h>

#define LTTNG_PROBE_SUBSYSTEM	udp
#define LTTNG_PROBE_EVENTS	<instrumentation/events/udp.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: UDP events");
