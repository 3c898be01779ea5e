/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Template of the ring-buffer client modules.
 *
 * A client .c file defines the three RB_CLIENT_* parameters below and
 * includes this file; everything else is shared. Specialising at compile
 * time keeps the configuration a constant, so the buffer fast paths that
 * read it are resolved by the compiler instead of tested per record.
 *
 *   RB_CLIENT_MODE	LTTNG_RB_MODE_DISCARD or LTTNG_RB_MODE_OVERWRITE
 *   RB_CLIENT_OUTPUT	LTTNG_RB_OUTPUT_SPLICE or LTTNG_RB_OUTPUT_MMAP
 *   RB_CLIENT_CONTENT	LTTNG_RB_CONTENT_EVENTS or LTTNG_RB_CONTENT_METADATA
 *   RB_CLIENT_NAME	transport name, a string
 */
#include <linux/module.h>

#include <lttng/transport.h>

static const struct lttng_rb_client_config client_config = {
	.mode = RB_CLIENT_MODE,
	.output = RB_CLIENT_OUTPUT,
	.content = RB_CLIENT_CONTENT,
};

static struct lttng_transport client_transport = {
	.name = RB_CLIENT_NAME,
	.owner = THIS_MODULE,
	.config = &client_config,
};

static int __init client_init(void)
{
	return lttng_transport_register(&client_transport);
}
module_init(client_init);

static void __exit client_exit(void)
{
	lttng_transport_unregister(&client_transport);
}
module_exit(client_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt ring-buffer client: " RB_CLIENT_NAME);
