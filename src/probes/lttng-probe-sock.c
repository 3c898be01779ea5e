// SPDX-License-Identifier: GPL-2.0-only
/*
 * Probes of the socket and TCP tracepoints
 * (include/instrumentation/events/sock.h): here because the stock sessiond
 * loads lttng-probe-sock and has no TCP probe module name.
 */
#include <linux/module.h>
#include <trace/events/sock.h>
#include <trace/events/tcp.h>

#define LTTNG_PROBE_SUBSYSTEM	sock
#define LTTNG_PROBE_EVENTS	<instrumentation/events/sock.h>
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: socket and TCP events");
