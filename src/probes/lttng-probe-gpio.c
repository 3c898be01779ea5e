// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the gpio tracepoints (include/instrumentation/events/gpio.h). */
#include <linux/module.h>
#include <trace/events/gpio.h>

#define LTTNG_PROBE_SUBSYSTEM	gpio
#define LTTNG_PROBE_EVENTS	<instrumentation/events/gpio.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: GPIO line events");
