// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the memory allocator tracepoints (include/instrumentation/events/kmem.h). */
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <trace/events/kmem.h>

#define LTTNG_PROBE_SUBSYSTEM	kmem
#define LTTNG_PROBE_EVENTS	<instrumentation/events/kmem.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: memory allocator events");
