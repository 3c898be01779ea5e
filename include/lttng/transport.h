/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ring-buffer transports: the API that the ring-buffer client modules use
 * to offer the tracer one way of buffering a channel.
 *
 * Each client module is the same template specialised at compile time for
 * one combination of buffer mode (discard or overwrite), output (splice or
 * mmap) and content (event data or metadata). It registers itself under
 * the name the tracer looks up when a channel with that configuration is
 * created.
 */
#ifndef _LTTNG_TRANSPORT_H
#define _LTTNG_TRANSPORT_H

#include <linux/list.h>
#include <linux/module.h>

enum lttng_rb_mode {
	LTTNG_RB_MODE_DISCARD,		/* full buffer: drop new records */
	LTTNG_RB_MODE_OVERWRITE,	/* full buffer: overwrite the oldest */
};

enum lttng_rb_output {
	LTTNG_RB_OUTPUT_SPLICE,
	LTTNG_RB_OUTPUT_MMAP,
};

enum lttng_rb_content {
	LTTNG_RB_CONTENT_EVENTS,
	LTTNG_RB_CONTENT_METADATA,
};

struct lttng_rb_client_config {
	enum lttng_rb_mode mode;
	enum lttng_rb_output output;
	enum lttng_rb_content content;
};

struct lttng_rb_packet_ops;
struct lttng_channel_ops;

struct lttng_transport {
	const char *name;
	struct module *owner;
	const struct lttng_rb_client_config *config;
	/* Event clients: packet format and the probes' recording calls. */
	const struct lttng_rb_packet_ops *packet_ops;
	const struct lttng_channel_ops *ops;
	struct list_head node;		/* registry link, owned by the tracer */
};

int lttng_transport_register(struct lttng_transport *transport);
void lttng_transport_unregister(struct lttng_transport *transport);

/* Find the transport of a configuration and pin its module. */
struct lttng_transport *lttng_transport_get(const struct lttng_rb_client_config *config);
/* One more reference on a transport already held. */
void lttng_transport_hold(struct lttng_transport *transport);
void lttng_transport_put(struct lttng_transport *transport);

#endif /* _LTTNG_TRANSPORT_H */
