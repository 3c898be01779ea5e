/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Template of the ring-buffer client modules.
 *
 * A client .c file defines the parameters below and includes this file;
 * everything else is shared. Specialising at compile time keeps the
 * configuration a constant, so the buffer fast paths that read it are
 * resolved by the compiler instead of tested per record.
 *
 *   RB_CLIENT_MODE	LTTNG_RB_MODE_DISCARD or LTTNG_RB_MODE_OVERWRITE
 *   RB_CLIENT_OUTPUT	LTTNG_RB_OUTPUT_SPLICE or LTTNG_RB_OUTPUT_MMAP
 *   RB_CLIENT_CONTENT	LTTNG_RB_CONTENT_EVENTS or LTTNG_RB_CONTENT_METADATA
 *   RB_CLIENT_NAME	transport name, a string
 *   RB_CLIENT_METADATA	defined for the metadata clients
 *
 * Event clients write CTF packets: the packet header and context below,
 * then records made of an event header, the channel's context fields and
 * the event payload. Metadata clients only select the metadata stream's
 * output; its packets are built by the tracer (lttng-metadata.c).
 */
#include <linux/module.h>

#include <lttng/tracer.h>
#include <lttng/transport.h>

static const struct lttng_rb_client_config client_config = {
	.mode = RB_CLIENT_MODE,
	.output = RB_CLIENT_OUTPUT,
	.content = RB_CLIENT_CONTENT,
};

#ifndef RB_CLIENT_METADATA

#include <linux/irqflags.h>
#include <linux/smp.h>

#include "lib/ringbuffer/frontend.h"
#include "lttng-packet.h"

/* Event header: compact (ids 0-30) or large (ids 0-65534), see metadata. */
#define COMPACT_ID_EXTENDED	31
#define LARGE_ID_EXTENDED	65535

static void packet_open(struct lttng_rb_buffer *buf, void *packet, u64 ts,
			unsigned long pos)
{
	struct lttng_rb_channel *chan = buf->chan;

	lttng_packet_open(packet, chan->uuid, chan->id, buf->cpu, ts,
			  pos >> chan->layout.subbuf_order);
}

static const struct lttng_rb_packet_ops client_packet_ops = {
	.header_size = sizeof(struct lttng_packet_header),
	.open = packet_open,
	.close = lttng_packet_close,
	.info = lttng_packet_info,
};

static __always_inline void write_event_header(struct lttng_record *rec,
					       bool large, unsigned int id)
{
	const struct lttng_rb_reservation *res = &rec->res;

	if (!large) {
		if (!res->ext) {
			u32 v = id | (u32)(res->ts << 5);

			lttng_record_write(rec, &v, sizeof(v));
		} else {
			u8 tag = COMPACT_ID_EXTENDED;

			lttng_record_write(rec, &tag, sizeof(tag));
			lttng_record_write(rec, &id, sizeof(u32));
			lttng_record_write(rec, &res->ts, sizeof(u64));
		}
	} else {
		if (!res->ext) {
			u16 sid = id;
			u32 ts = res->ts;

			lttng_record_write(rec, &sid, sizeof(sid));
			lttng_record_write(rec, &ts, sizeof(ts));
		} else {
			u16 tag = LARGE_ID_EXTENDED;

			lttng_record_write(rec, &tag, sizeof(tag));
			lttng_record_write(rec, &id, sizeof(u32));
			lttng_record_write(rec, &res->ts, sizeof(u64));
		}
	}
}

/*
 * Reserve room for one record of ev on this CPU's buffer and write its
 * header and contexts; the probe writes the payload. Whether an event is
 * recorded at all (enabled, active, the distributed-trace gate) is decided
 * in the probe before it calls this, before it even sizes the record.
 * Contexts with state (call stacks) are sized, and captured, first.
 */
static int reserve_with_ctx(struct lttng_record *rec,
			    struct lttng_event_recorder *ev,
			    size_t payload_len, struct lttng_probe_ctx *pc)
{
	struct lttng_channel *chan = ev->chan;
	struct lttng_rb_buffer *buf = chan->rb->bufs[smp_processor_id()];
	struct lttng_rb_reservation *res = &rec->res;
	bool large = chan->large_header;
	size_t ctx_len = chan->ctx.size;
	int ret;

	if (chan->ctx.nr_ops)
		ctx_len = lttng_context_size(&chan->ctx, pc);
	res->base_len = ctx_len + payload_len;
	res->hdr_len = large ? 6 : 4;
	res->hdr_ext_len = large ? 14 : 13;
	res->force_ext = ev->id >= (large ? LARGE_ID_EXTENDED : COMPACT_ID_EXTENDED);
	ret = lttng_rb_reserve(buf, res);
	if (unlikely(ret))
		return ret;
	rec->p = res->dst;
	write_event_header(rec, large, ev->id);
	if (chan->ctx.nr)
		rec->p = lttng_context_write(&chan->ctx, pc, rec->p);
	return 0;
}

static int client_event_reserve_irqs(struct lttng_record *rec,
				     struct lttng_event_recorder *ev,
				     size_t payload_len, s8 interruptible)
{
	struct lttng_probe_ctx pc = { .interruptible = interruptible, .nest = -1 };
	int ret;

	if (likely(!ev->chan->ctx.nr_ops))
		return reserve_with_ctx(rec, ev, payload_len, &pc);
	pc.nest = lttng_context_enter();
	ret = reserve_with_ctx(rec, ev, payload_len, &pc);
	lttng_context_exit();
	return ret;
}

/* Tracepoints and syscalls: interrupts as the probe finds them. */
static int client_event_reserve(struct lttng_record *rec,
				struct lttng_event_recorder *ev,
				size_t payload_len)
{
	return client_event_reserve_irqs(rec, ev, payload_len, !irqs_disabled());
}

static void client_event_commit(struct lttng_record *rec)
{
	lttng_rb_commit(&rec->res);
}

static const struct lttng_channel_ops client_ops = {
	.event_reserve = client_event_reserve,
	.event_commit = client_event_commit,
	.event_reserve_irqs = client_event_reserve_irqs,
};

#define CLIENT_PACKET_OPS	(&client_packet_ops)
#define CLIENT_OPS		(&client_ops)

#else /* metadata */

#define CLIENT_PACKET_OPS	NULL
#define CLIENT_OPS		NULL

#endif

static struct lttng_transport client_transport = {
	.name = RB_CLIENT_NAME,
	.owner = THIS_MODULE,
	.config = &client_config,
	.packet_ops = CLIENT_PACKET_OPS,
	.ops = CLIENT_OPS,
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
