// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the module loader tracepoints (include/instrumentation/events/module.h). */
#include <linux/module.h>
#include <trace/events/module.h>

#define LTTNG_PROBE_SUBSYSTEM	module
#define LTTNG_PROBE_EVENTS	<instrumentation/events/module.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: module loader events");
