// SPDX-License-Identifier: GPL-2.0-only
/* Probes of the I2C tracepoints (include/instrumentation/events/i2c.h). */
#include <linux/i2c.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <trace/events/i2c.h>

/* lttng-modules' parameter, under its name: message bytes are opt-in. */
static bool lttng_i2c_extract_sensitive_payload;
module_param_named(extract_sensitive_payload,
		   lttng_i2c_extract_sensitive_payload, bool, 0644);
MODULE_PARM_DESC(extract_sensitive_payload,
		 "Record the bytes of I2C messages (may hold secrets); default off");

#define LTTNG_PROBE_SUBSYSTEM	i2c
#define LTTNG_PROBE_EVENTS	<instrumentation/events/i2c.h>
#define LTTNG_PROBE_TP_CHECKED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: I2C transfer events");
