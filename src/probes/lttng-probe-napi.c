// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the NAPI tracepoints (include/instrumentation/events/napi.h). */
#include <linux/module.h>
#include <trace/events/napi.h>

#define LTTNG_PROBE_SUBSYSTEM	napi
#define LTTNG_PROBE_EVENTS	<instrumentation/events/napi.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: NAPI events");
