// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the interrupt tracepoints (include/instrumentation/events/irq.h). */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <trace/events/irq.h>

#define LTTNG_PROBE_SUBSYSTEM	irq
#define LTTNG_PROBE_EVENTS	<instrumentation/events/irq.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: interrupt events");
