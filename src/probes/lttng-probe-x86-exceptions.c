// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the x86 page fault tracepoints (include/instrumentation/events/arch/x86/exceptions.h). */
#include <linux/module.h>
#include <asm/ptrace.h>
#include <asm/trace/exceptions.h>

#define LTTNG_PROBE_SUBSYSTEM	x86_exceptions
#define LTTNG_PROBE_EVENTS	<instrumentation/events/arch/x86/exceptions.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: x86 page fault events");
