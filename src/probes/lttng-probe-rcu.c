// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the RCU tracepoints (include/instrumentation/events/rcu.h). */
#include <linux/module.h>
#include <trace/events/rcu.h>

#define LTTNG_PROBE_SUBSYSTEM	rcu
#define LTTNG_PROBE_EVENTS	<instrumentation/events/rcu.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: RCU events");
