// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ring-buffer reader side: what the consumer daemon does through a
 * stream file. Callers hold the buffer's reader_lock.
 */
#include "frontend.h"

unsigned long lttng_rb_consumed(struct lttng_rb_buffer *buf)
{
	return atomic_long_read(&buf->consumed) & ~LTTNG_RB_HELD;
}

unsigned long lttng_rb_write_pos(struct lttng_rb_buffer *buf)
{
	return local_read(&buf->offset);
}

static bool finalized(struct lttng_rb_buffer *buf)
{
	return READ_ONCE(buf->chan->finalized);
}

/* Is the packet at the consumed position complete? */
bool lttng_rb_data_ready(struct lttng_rb_buffer *buf)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	unsigned long c = lttng_rb_consumed(buf);
	unsigned long w = lttng_rb_write_pos(buf);

	if (lttng_rb_subbuf_trunc(l, w) == c)
		return false;
	return lttng_rb_subbuf_complete(buf, c);
}

/*
 * Sample the consumed position and the start of the packet being
 * written: packets in between are closed (maybe not yet all committed).
 */
int lttng_rb_snapshot(struct lttng_rb_buffer *buf)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	bool fin = finalized(buf);
	unsigned long c, w;

	smp_rmb();
	c = lttng_rb_consumed(buf);
	w = lttng_rb_write_pos(buf);
	buf->snap_consumed = c;
	buf->snap_produced = lttng_rb_subbuf_trunc(l, w);
	if (buf->snap_produced == c)
		return fin ? -ENODATA : -EAGAIN;
	return 0;
}

static bool overwrites(struct lttng_rb_buffer *buf)
{
	return buf->chan->config->mode == LTTNG_RB_MODE_OVERWRITE;
}

/*
 * With the consumed position marked (c | LTTNG_RB_HELD), no writer can
 * start a new lap of the sub-buffers from c on: exchange the slot of the
 * one at pos with the reader's, then let writers go again.
 */
static void swap_slot(struct lttng_rb_buffer *buf, unsigned long pos,
		      unsigned long slot)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	struct lttng_rb_subbuf *sb = &buf->subbuf[lttng_rb_subbuf_index(l, pos)];

	buf->spare_slot = sb->slot;
	WRITE_ONCE(sb->slot, slot);
}

/*
 * Take the packet at pos for reading. It must be closed, fully committed
 * and not overwritten; once taken, writers cannot overwrite it (see
 * buffer.h).
 */
int lttng_rb_get_subbuf(struct lttng_rb_buffer *buf, unsigned long pos)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	unsigned long c, w;
	bool fin;

	if (buf->held)
		return -EBUSY;
	if (lttng_rb_subbuf_offset(l, pos))
		return -EINVAL;
	do {
		fin = finalized(buf);
		smp_rmb();
		c = lttng_rb_consumed(buf);
		w = lttng_rb_write_pos(buf);
		if (lttng_rb_pos_diff(pos, c) < 0)
			return -EAGAIN;		/* consumed or overwritten */
		if (lttng_rb_pos_diff(lttng_rb_subbuf_trunc(l, w), pos) <= 0)
			return fin ? -ENODATA : -EAGAIN;
		if (lttng_rb_pos_diff(w, pos) > (long)lttng_rb_buf_size(l))
			return -EAGAIN;		/* being overwritten */
		if (!lttng_rb_subbuf_complete(buf, pos))
			return -EAGAIN;		/* a writer is still at it */
	} while (atomic_long_cmpxchg(&buf->consumed, c, c | LTTNG_RB_HELD) != c);
	buf->held = true;
	buf->held_pos = pos;
	buf->held_slot = buf->subbuf[lttng_rb_subbuf_index(l, pos)].slot;
	if (overwrites(buf)) {
		swap_slot(buf, pos, buf->spare_slot);
		/* The slot is the reader's now: writers may go on. */
		atomic_long_set_release(&buf->consumed, c);
	}
	return 0;
}

/*
 * Overwrite buffer: give the held slot back to its sub-buffer unless a
 * writer has started a new lap of it meanwhile (it moved the consumed
 * position past it first), in which case the held data is stale and the
 * slot becomes the spare again.
 */
static void put_back_slot(struct lttng_rb_buffer *buf)
{
	long c;

	for (;;) {
		c = atomic_long_read(&buf->consumed);
		if (lttng_rb_pos_diff(c & ~LTTNG_RB_HELD, buf->held_pos) > 0) {
			buf->spare_slot = buf->held_slot;
			return;
		}
		if (atomic_long_cmpxchg(&buf->consumed, c, c | LTTNG_RB_HELD) == c)
			break;
	}
	swap_slot(buf, buf->held_pos, buf->held_slot);
	atomic_long_set_release(&buf->consumed, c);
}

/* Overwrite buffer: consume up to the held packet, unless writers did. */
static void consume_past_held(struct lttng_rb_buffer *buf)
{
	unsigned long next = buf->held_pos + buf->chan->layout.subbuf_size;
	long c;

	buf->spare_slot = buf->held_slot;
	do {
		c = atomic_long_read(&buf->consumed);
		if (lttng_rb_pos_diff(c, next) >= 0)
			return;
	} while (atomic_long_cmpxchg(&buf->consumed, c, next) != c);
}

static void release_held(struct lttng_rb_buffer *buf, bool advance)
{
	unsigned long c = lttng_rb_consumed(buf);

	buf->held = false;
	if (overwrites(buf)) {
		if (advance)
			consume_past_held(buf);
		else
			put_back_slot(buf);
		return;
	}
	if (advance)
		c = buf->held_pos + buf->chan->layout.subbuf_size;
	/* Reading is over before a writer may reuse the packet. */
	atomic_long_set_release(&buf->consumed, c);
}

/* Release the held packet, and consume it if advance. */
void lttng_rb_put_subbuf(struct lttng_rb_buffer *buf, bool advance)
{
	if (!buf->held)
		return;
	release_held(buf, advance);
	/* A flush that found no room to count drops in can now. */
	if (advance && READ_ONCE(buf->flush_pending)) {
		WRITE_ONCE(buf->flush_pending, false);
		lttng_rb_buffer_flush(buf, true);
	}
}

void *lttng_rb_held_packet(struct lttng_rb_buffer *buf)
{
	if (!buf->held)
		return NULL;
	return buf->mem + (buf->held_slot << buf->chan->layout.subbuf_order);
}

/* Drop everything recorded so far: consume up to the write position. */
int lttng_rb_clear(struct lttng_rb_buffer *buf)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	unsigned long w;
	long c;

	if (buf->held)
		return -EBUSY;
	lttng_rb_buffer_flush(buf, false);
	do {
		c = atomic_long_read(&buf->consumed);
		w = lttng_rb_subbuf_trunc(l, lttng_rb_write_pos(buf));
		if (lttng_rb_pos_diff(w, c) <= 0)
			return 0;
	} while (atomic_long_cmpxchg(&buf->consumed, c, w) != c);
	return 0;
}
