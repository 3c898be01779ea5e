// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the x86 interrupt vector tracepoints (include/instrumentation/events/arch/x86/irq_vectors.h). */
#include <linux/module.h>
#include <asm/trace/irq_vectors.h>

#define LTTNG_PROBE_SUBSYSTEM	x86_irq_vectors
#define LTTNG_PROBE_EVENTS	<instrumentation/events/arch/x86/irq_vectors.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: x86 interrupt vector events");
