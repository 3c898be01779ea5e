/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CTF packet header and context of data packets, as the metadata
 * describes them (struct packet_context) and the consumer reads them back
 * through the stream ioctls.
 */
#ifndef _LTTNG_PACKET_H
#define _LTTNG_PACKET_H

#include <linux/mm.h>
#include <linux/string.h>
#include <linux/types.h>

#include "lib/ringbuffer/buffer.h"

#define LTTNG_CTF_MAGIC		0xC1FC1FC1

struct lttng_packet_header {
	/* CTF packet header */
	u32 magic;
	u8 uuid[16];
	u32 stream_id;
	u64 stream_instance_id;
	/* CTF packet context */
	u64 timestamp_begin;
	u64 timestamp_end;
	u64 content_size;		/* bits */
	u64 packet_size;		/* bits */
	u64 packet_seq_num;
	unsigned long events_discarded;
	u32 cpu_id;
} __packed;

/* Fields known when the packet opens; the closing ones are left alone. */
static inline void lttng_packet_open(void *packet, const u8 *uuid, u32 stream_id,
				     int cpu, u64 ts, u64 seq_num)
{
	struct lttng_packet_header *h = packet;

	h->magic = LTTNG_CTF_MAGIC;
	memcpy(h->uuid, uuid, sizeof(h->uuid));
	h->stream_id = stream_id;
	h->stream_instance_id = cpu;
	h->timestamp_begin = ts;
	h->packet_seq_num = seq_num;
	h->cpu_id = cpu;
}

static inline void lttng_packet_close(struct lttng_rb_buffer *buf, void *packet,
				      u64 ts, size_t data_size,
				      unsigned long lost)
{
	struct lttng_packet_header *h = packet;

	h->timestamp_end = ts;
	h->content_size = (u64)data_size * 8;
	h->packet_size = (u64)PAGE_ALIGN(data_size) * 8;
	h->events_discarded = lost;
}

static inline void lttng_packet_info(const void *packet,
				     struct lttng_rb_packet_info *info)
{
	const struct lttng_packet_header *h = packet;

	info->timestamp_begin = h->timestamp_begin;
	info->timestamp_end = h->timestamp_end;
	info->events_discarded = h->events_discarded;
	info->content_size = h->content_size;
	info->packet_size = h->packet_size;
	info->seq_num = h->packet_seq_num;
}

#endif /* _LTTNG_PACKET_H */
