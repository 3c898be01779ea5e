// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ring-buffer writer slow path: opening and closing packets, making room
 * in a full buffer, switching packets on behalf of a flush or a timer.
 * Only atomics and the client's packet callbacks: this file also builds
 * in userspace, where tests/unit/test-rb-writers.c runs it with many
 * concurrent writers and a reader.
 */
#include <linux/export.h>

#include "frontend.h"

static void commit_bytes(struct lttng_rb_buffer *buf, unsigned long pos,
			 unsigned long len)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;

	smp_wmb();
	local_add(len, &buf->subbuf[lttng_rb_subbuf_index(l, pos)].commit);
}

static void *packet_addr(struct lttng_rb_buffer *buf, unsigned long pos)
{
	return lttng_rb_subbuf_addr(buf, pos);
}

static void open_packet(struct lttng_rb_buffer *buf, unsigned long pkt, u64 ts)
{
	const struct lttng_rb_packet_ops *ops = buf->chan->ops;

	ops->open(buf, packet_addr(buf, pkt), ts, pkt);
	commit_bytes(buf, pkt, ops->header_size);
}

/* Close the packet holding end - 1; end is where its data stops. */
static void close_packet(struct lttng_rb_buffer *buf, unsigned long end, u64 ts)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	unsigned long used = end - lttng_rb_subbuf_trunc(l, end - 1);

	unsigned long lost = local_read(&buf->lost);

	buf->chan->ops->close(buf, packet_addr(buf, end - 1), ts, used, lost);
	WRITE_ONCE(buf->lost_closed, lost);
	commit_bytes(buf, end - 1, l->subbuf_size - used);
}

/*
 * May a packet be opened at pkt? In discard mode only if the reader has
 * consumed that sub-buffer's previous lap. In overwrite mode the oldest
 * data is given up instead, by advancing the consumed position, unless
 * the reader is swapping a slot at that moment (see reader.c) or the
 * previous lap is still being written by an interrupted writer. -EAGAIN: the consumed position moved,
 * start over.
 */
static int make_room(struct lttng_rb_buffer *buf, unsigned long pkt)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	unsigned long buf_size = lttng_rb_buf_size(l);
	long c = atomic_long_read(&buf->consumed);
	unsigned long clean = c & ~LTTNG_RB_HELD;

	if (pkt - clean < buf_size)
		return 0;
	if (buf->chan->config->mode == LTTNG_RB_MODE_DISCARD)
		return -ENOBUFS;
	if (c & LTTNG_RB_HELD || !lttng_rb_subbuf_complete(buf, pkt - buf_size))
		return -ENOBUFS;
	if (atomic_long_cmpxchg(&buf->consumed, c,
				pkt + l->subbuf_size - buf_size) != c)
		return -EAGAIN;
	return 0;
}

int lttng_rb_reserve_slow(struct lttng_rb_buffer *buf,
			  struct lttng_rb_reservation *res)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	size_t hdr = buf->chan->ops->header_size;
	unsigned long old, off, pkt = 0, rec, end;
	bool open, close_old;
	int ret;

	for (;;) {
		old = local_read(&buf->offset);
		lttng_rb_size_record(buf, res);
		off = lttng_rb_subbuf_offset(l, old);
		open = !off || off + res->len > l->subbuf_size;
		close_old = off && open;
		rec = old;
		if (open) {
			pkt = close_old ? lttng_rb_subbuf_next(l, old) : old;
			if (hdr + res->len > l->subbuf_size) {
				ret = -EMSGSIZE;
				goto drop;
			}
			ret = make_room(buf, pkt);
			if (ret == -EAGAIN)
				continue;
			if (ret)
				goto drop;
			rec = pkt + hdr;
		}
		end = rec + res->len;
		if (local_cmpxchg(&buf->offset, old, end) == old)
			break;
	}
	buf->last_ts = res->ts;
	if (close_old)
		close_packet(buf, old, res->ts);
	if (open)
		open_packet(buf, pkt, res->ts);
	res->pos = rec;
	res->close = !lttng_rb_subbuf_offset(l, end);
	res->dst = lttng_rb_subbuf_addr(buf, rec) + lttng_rb_subbuf_offset(l, rec);
	return 0;

drop:
	local_inc(&buf->lost);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_rb_reserve_slow);

/*
 * Close the open packet, as a writer of this buffer would: on its CPU,
 * or on any CPU while that CPU is offline. With flush_empty, a buffer
 * with no open packet gets an empty one (header only), so that the
 * reader sees a packet boundary with current timestamps; so does one
 * whose records were dropped since its last packet closed, so that the
 * drops are counted, and so does a buffer that no switch has closed a
 * packet in yet. With no room for it (a full discard buffer), the
 * reader redoes the flush once it has consumed a packet.
 *
 * The never-had-a-packet case is for live sessions: lttng-relayd turns
 * the consumer's beacons into "inactive until T" only for a stream that
 * has received a packet, and a live viewer waits on any stream it knows
 * nothing about. A CPU that records nothing must still give one packet
 * at the first flush, or the viewer shows nothing until the session
 * stops.
 */
void lttng_rb_switch_packet(struct lttng_rb_buffer *buf, bool flush_empty)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	size_t hdr = buf->chan->ops->header_size;
	unsigned long old, end;
	bool empty;
	u64 ts;

	for (;;) {
		old = local_read(&buf->offset);
		ts = lttng_rb_clock();
		empty = !lttng_rb_subbuf_offset(l, old);
		if (empty) {
			bool unreported = local_read(&buf->lost) !=
					  READ_ONCE(buf->lost_closed);
			int ret;

			/* Drops since the last packet need one to be counted in. */
			if (!flush_empty && !unreported &&
			    READ_ONCE(buf->switched))
				return;
			ret = make_room(buf, old);
			if (ret == -EAGAIN)
				continue;
			if (ret) {
				if (unreported)
					WRITE_ONCE(buf->flush_pending, true);
				return;
			}
		}
		end = empty ? old + l->subbuf_size : lttng_rb_subbuf_next(l, old);
		if (local_cmpxchg(&buf->offset, old, end) == old)
			break;
	}
	buf->last_ts = ts;
	WRITE_ONCE(buf->switched, true);
	if (empty) {
		open_packet(buf, old, ts);
		close_packet(buf, old + hdr, ts);
	} else {
		close_packet(buf, old, ts);
	}
}
