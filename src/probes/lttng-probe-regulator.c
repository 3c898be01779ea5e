// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the regulator tracepoints (include/instrumentation/events/regulator.h). */
#include <linux/module.h>
#include <trace/events/regulator.h>

#define LTTNG_PROBE_SUBSYSTEM	regulator
#define LTTNG_PROBE_EVENTS	<instrumentation/events/regulator.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: regulator events");
