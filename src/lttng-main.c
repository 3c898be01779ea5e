// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-tracer: the module that assembles the tracer's parts (the ring
 * buffer, the distributed-trace part, system calls, the lttng-logger
 * files, the ABI). It only orders their start-up and tear-down.
 */
#include <linux/module.h>

#include <lttng/syscalls.h>
#include <lttng/tracer-parts.h>

#include "core/lttng-context.h"
#include "core/lttng-filter-ctx.h"
#include "core/lttng-logger.h"
#include "lib/ringbuffer/buffer.h"

/* /proc/lttng comes last: nothing answers ioctls before all is ready. */
static int __init lttng_tracer_init(void)
{
	int ret;

	ret = lttng_rb_hotplug_init();
	if (ret)
		return ret;
	ret = lttng_dt_init();
	if (ret)
		goto err_hotplug;
	ret = lttng_syscalls_init();
	if (ret)
		goto err_dt;
	ret = lttng_context_perf_init();
	if (ret)
		goto err_syscalls;
	/* Cannot fail: filters only read the context table. */
	lttng_filter_ctx_init();
	ret = lttng_logger_init();
	if (ret)
		goto err_perf;
	ret = lttng_abi_init();
	if (ret)
		goto err_logger;
	return 0;

err_logger:
	lttng_logger_exit();
err_perf:
	lttng_context_perf_exit();
err_syscalls:
	lttng_syscalls_exit();
err_dt:
	lttng_dt_exit();
err_hotplug:
	lttng_rb_hotplug_exit();
	return ret;
}
module_init(lttng_tracer_init);

/* No session is left (their files pin the module), so no recorder either. */
static void __exit lttng_tracer_exit(void)
{
	lttng_abi_exit();
	lttng_logger_exit();
	lttng_context_perf_exit();
	lttng_syscalls_exit();
	lttng_dt_exit();
	lttng_rb_hotplug_exit();
}
module_exit(lttng_tracer_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt: kernel tracer speaking the lttng-modules 2.13 ABI");
MODULE_VERSION("0.1.0");
