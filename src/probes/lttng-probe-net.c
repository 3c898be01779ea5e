// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the network device tracepoints (include/instrumentation/events/net.h). */
#include <linux/module.h>
#include <trace/events/net.h>

#define LTTNG_PROBE_SUBSYSTEM	net
#define LTTNG_PROBE_EVENTS	<instrumentation/events/net.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: network device events");
