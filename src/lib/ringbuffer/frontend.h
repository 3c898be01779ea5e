/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ring-buffer writer fast path: reserve space for one record, fill it,
 * commit it. Inlined into each client module, where the channel's
 * configuration is a compile-time constant.
 *
 * The caller runs with preemption disabled on the CPU owning the buffer.
 * Only records that stay inside the open packet take the fast path;
 * opening or closing a packet goes through lttng_rb_reserve_slow().
 */
#ifndef _LTTNG_RB_FRONTEND_H
#define _LTTNG_RB_FRONTEND_H

#include <linux/ktime.h>
#include <linux/timekeeping.h>

#include <lttng/ringbuffer.h>

#include "buffer.h"

/*
 * Width of the short timestamp of compact event headers. A record whose
 * timestamp is this many bits or more away from the previous one uses
 * an extended header carrying the full 64-bit value.
 */
#define LTTNG_RB_TS_BITS	27

/* The trace clock: monotonic, NMI-safe. */
static __always_inline u64 lttng_rb_clock(void)
{
	return ktime_get_mono_fast_ns();
}

static __always_inline void lttng_rb_size_record(struct lttng_rb_buffer *buf,
						 struct lttng_rb_reservation *res)
{
	res->ts = lttng_rb_clock();
	res->ext = res->force_ext ||
		   ((res->ts - buf->last_ts) >> LTTNG_RB_TS_BITS);
	res->len = res->base_len + (res->ext ? res->hdr_ext_len : res->hdr_len);
}

static __always_inline int lttng_rb_reserve(struct lttng_rb_buffer *buf,
					    struct lttng_rb_reservation *res)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	unsigned long old, off;

	res->buf = buf;
	do {
		old = local_read(&buf->offset);
		lttng_rb_size_record(buf, res);
		off = lttng_rb_subbuf_offset(l, old);
		/* No open packet, or the record reaches its end: slow path. */
		if (unlikely(!off || off + res->len >= l->subbuf_size))
			return lttng_rb_reserve_slow(buf, res);
	} while (local_cmpxchg(&buf->offset, old, old + res->len) != old);
	buf->last_ts = res->ts;
	res->pos = old;
	res->close = false;
	res->dst = lttng_rb_subbuf_addr(buf, old) + off;
	return 0;
}

/* Publish a filled record; the last byte of a packet also closes it. */
static __always_inline void lttng_rb_commit(const struct lttng_rb_reservation *res)
{
	struct lttng_rb_buffer *buf = res->buf;
	struct lttng_rb_channel *chan = buf->chan;
	const struct lttng_rb_layout *l = &chan->layout;
	unsigned long idx = lttng_rb_subbuf_index(l, res->pos);

	if (unlikely(res->close)) {
		unsigned long lost = local_read(&buf->lost);

		chan->ops->close(buf, lttng_rb_subbuf_addr(buf, res->pos),
				 res->ts, l->subbuf_size, lost);
		WRITE_ONCE(buf->lost_closed, lost);
	}
	smp_wmb();
	local_add(res->len, &buf->subbuf[idx].commit);
}

#endif /* _LTTNG_RB_FRONTEND_H */
