// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-tracer: the core module. It only orders start-up and tear-down;
 * each part lives in its own file.
 */
#include <linux/module.h>

#include "lttng-abi.h"

static int __init lttng_tracer_init(void)
{
	return lttng_abi_init();
}
module_init(lttng_tracer_init);

static void __exit lttng_tracer_exit(void)
{
	lttng_abi_exit();
}
module_exit(lttng_tracer_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt: kernel tracer speaking the lttng-modules 2.13 ABI");
MODULE_VERSION("0.1.0");
