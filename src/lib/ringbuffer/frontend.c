// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ring-buffer writer slow path and channel life cycle: opening and
 * closing packets, making room in full buffers, flushes, timers.
 */
#include <linux/cpu.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>

#include "compat/timer.h"
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
	const struct lttng_rb_layout *l = &buf->chan->layout;

	return buf->mem + lttng_rb_buf_offset(l, lttng_rb_subbuf_trunc(l, pos));
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

	buf->chan->ops->close(buf, packet_addr(buf, end - 1), ts, used,
			      local_read(&buf->lost));
	commit_bytes(buf, end - 1, l->subbuf_size - used);
}

/*
 * May a packet be opened at pkt? In discard mode only if the reader has
 * consumed that sub-buffer's previous lap. In overwrite mode the oldest
 * data is given up instead, by advancing the consumed position, unless
 * the reader holds a sub-buffer or the previous lap is still being
 * written by an interrupted writer. -EAGAIN: the consumed position moved,
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
	res->dst = buf->mem + lttng_rb_buf_offset(l, rec);
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
 * reader sees a packet boundary with current timestamps.
 */
static void switch_packet(struct lttng_rb_buffer *buf, bool flush_empty)
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
			int ret;

			if (!flush_empty)
				return;
			ret = make_room(buf, old);
			if (ret == -EAGAIN)
				continue;
			if (ret)
				return;
		}
		end = empty ? old + l->subbuf_size : lttng_rb_subbuf_next(l, old);
		if (local_cmpxchg(&buf->offset, old, end) == old)
			break;
	}
	buf->last_ts = ts;
	if (empty) {
		open_packet(buf, old, ts);
		close_packet(buf, old + hdr, ts);
	} else {
		close_packet(buf, old, ts);
	}
}

struct switch_args {
	struct lttng_rb_buffer *buf;
	bool flush_empty;
};

static void switch_on_cpu(void *info)
{
	struct switch_args *args = info;

	switch_packet(args->buf, args->flush_empty);
}

void lttng_rb_buffer_flush(struct lttng_rb_buffer *buf, bool flush_empty)
{
	struct switch_args args = { .buf = buf, .flush_empty = flush_empty };

	/* After finalisation the buffer only drains. */
	if (READ_ONCE(buf->chan->finalized))
		return;
	cpus_read_lock();
	if (buf->cpu >= 0 && cpu_online(buf->cpu)) {
		smp_call_function_single(buf->cpu, switch_on_cpu, &args, 1);
	} else {
		preempt_disable();
		switch_packet(buf, flush_empty);
		preempt_enable();
	}
	cpus_read_unlock();
}

void lttng_rb_channel_flush(struct lttng_rb_channel *chan, bool flush_empty)
{
	unsigned int i;

	for (i = 0; i < chan->nr_bufs; i++)
		if (chan->bufs[i])
			lttng_rb_buffer_flush(chan->bufs[i], flush_empty);
}

/* Switch timer: close each packet periodically so readers see data. */
static void switch_timer_fn(struct timer_list *t)
{
	struct lttng_rb_buffer *buf = lttng_from_timer(buf, t, switch_timer);
	struct lttng_rb_channel *chan = buf->chan;

	switch_packet(buf, false);
	if (READ_ONCE(chan->timers_running))
		mod_timer(&buf->switch_timer, jiffies + chan->switch_interval);
}

/* Read timer: wake readers that have a complete packet to read. */
static void read_timer_fn(struct timer_list *t)
{
	struct lttng_rb_channel *chan = lttng_from_timer(chan, t, read_timer);
	unsigned int i;

	for (i = 0; i < chan->nr_bufs; i++) {
		struct lttng_rb_buffer *buf = chan->bufs[i];

		if (buf && atomic_read(&buf->has_reader) && lttng_rb_data_ready(buf))
			wake_up_interruptible(&buf->read_wait);
	}
	if (READ_ONCE(chan->timers_running))
		mod_timer(&chan->read_timer, jiffies + chan->read_interval);
}

void lttng_rb_channel_start_timers(struct lttng_rb_channel *chan)
{
	unsigned int i;

	if (chan->timers_running)
		return;
	WRITE_ONCE(chan->timers_running, true);
	mod_timer(&chan->read_timer, jiffies + chan->read_interval);
	if (!chan->switch_interval)
		return;
	cpus_read_lock();
	for (i = 0; i < chan->nr_bufs; i++) {
		struct lttng_rb_buffer *buf = chan->bufs[i];

		if (!buf || !cpu_online(buf->cpu))
			continue;
		buf->switch_timer.expires = jiffies + chan->switch_interval;
		add_timer_on(&buf->switch_timer, buf->cpu);
	}
	cpus_read_unlock();
}

void lttng_rb_channel_stop_timers(struct lttng_rb_channel *chan)
{
	unsigned int i;

	if (!chan->timers_running)
		return;
	WRITE_ONCE(chan->timers_running, false);
	lttng_timer_delete_sync(&chan->read_timer);
	for (i = 0; i < chan->nr_bufs; i++)
		if (chan->bufs[i])
			lttng_timer_delete_sync(&chan->bufs[i]->switch_timer);
}

/*
 * No writer will come again (the tracer unregistered its probes and
 * waited for running ones): close the last packets and let readers drain
 * what is left, then see end of stream.
 */
void lttng_rb_channel_finalize(struct lttng_rb_channel *chan)
{
	unsigned int i;

	lttng_rb_channel_stop_timers(chan);
	lttng_rb_channel_flush(chan, false);
	WRITE_ONCE(chan->finalized, true);
	smp_wmb();
	for (i = 0; i < chan->nr_bufs; i++)
		if (chan->bufs[i])
			wake_up_interruptible(&chan->bufs[i]->read_wait);
}

bool lttng_rb_channel_has_unread_buffer(struct lttng_rb_channel *chan)
{
	unsigned int i;

	for (i = 0; i < chan->nr_bufs; i++)
		if (chan->bufs[i] && !atomic_read(&chan->bufs[i]->has_reader))
			return true;
	return false;
}

struct lttng_rb_buffer *lttng_rb_channel_open_next_buffer(struct lttng_rb_channel *chan)
{
	unsigned int i;

	for (i = 0; i < chan->nr_bufs; i++) {
		struct lttng_rb_buffer *buf = chan->bufs[i];

		if (buf && !atomic_cmpxchg(&buf->has_reader, 0, 1))
			return buf;
	}
	return NULL;
}

static void free_buffer(struct lttng_rb_buffer *buf)
{
	if (!buf)
		return;
	vfree(buf->mem);
	kfree(buf->subbuf);
	kfree(buf);
}

static struct lttng_rb_buffer *alloc_buffer(struct lttng_rb_channel *chan, int cpu)
{
	const struct lttng_rb_layout *l = &chan->layout;
	struct lttng_rb_buffer *buf;

	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return NULL;
	buf->subbuf = kcalloc(l->num_subbuf, sizeof(*buf->subbuf), GFP_KERNEL);
	/* vmalloc_user: zeroed, and mappable by the reader as it is. */
	buf->mem = vmalloc_user(lttng_rb_buf_size(l));
	if (!buf->subbuf || !buf->mem) {
		free_buffer(buf);
		return NULL;
	}
	buf->chan = chan;
	buf->cpu = cpu;
	local_set(&buf->offset, 0);
	local_set(&buf->lost, 0);
	atomic_long_set(&buf->consumed, 0);
	mutex_init(&buf->reader_lock);
	init_waitqueue_head(&buf->read_wait);
	timer_setup(&buf->switch_timer, switch_timer_fn, TIMER_PINNED);
	return buf;
}

static void channel_free(struct lttng_rb_channel *chan)
{
	unsigned int i;

	for (i = 0; i < chan->nr_bufs; i++)
		free_buffer(chan->bufs[i]);
	kfree(chan->bufs);
	kfree(chan);
}

static unsigned long us_to_jiffies(unsigned int us, unsigned int fallback_us)
{
	return max(1UL, usecs_to_jiffies(us ? us : fallback_us));
}

struct lttng_rb_channel *
lttng_rb_channel_create(const struct lttng_rb_client_config *config,
			const struct lttng_rb_packet_ops *ops,
			const struct lttng_rb_channel_attr *attr, void *priv)
{
	struct lttng_rb_channel *chan;
	int cpu, ret;

	chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return ERR_PTR(-ENOMEM);
	ret = lttng_rb_layout_init(&chan->layout, attr->subbuf_size,
				   attr->num_subbuf, PAGE_SIZE,
				   config->mode == LTTNG_RB_MODE_OVERWRITE);
	if (ret) {
		kfree(chan);
		return ERR_PTR(ret);
	}
	chan->config = config;
	chan->ops = ops;
	chan->priv = priv;
	chan->per_cpu = attr->per_cpu;
	chan->switch_interval = attr->switch_timer_us ?
				us_to_jiffies(attr->switch_timer_us, 0) : 0;
	/*
	 * Readers are only ever woken by this timer (waking them from a
	 * probe could deadlock on scheduler locks), so it always runs.
	 */
	chan->read_interval = us_to_jiffies(attr->read_timer_us, 200000);
	timer_setup(&chan->read_timer, read_timer_fn, 0);
	kref_init(&chan->ref);

	chan->nr_bufs = attr->per_cpu ? nr_cpu_ids : 1;
	chan->bufs = kcalloc(chan->nr_bufs, sizeof(*chan->bufs), GFP_KERNEL);
	if (!chan->bufs)
		goto nomem;
	if (!attr->per_cpu) {
		chan->bufs[0] = alloc_buffer(chan, -1);
		if (!chan->bufs[0])
			goto nomem;
		return chan;
	}
	for_each_possible_cpu(cpu) {
		chan->bufs[cpu] = alloc_buffer(chan, cpu);
		if (!chan->bufs[cpu])
			goto nomem;
	}
	return chan;

nomem:
	channel_free(chan);
	return ERR_PTR(-ENOMEM);
}

void lttng_rb_channel_get(struct lttng_rb_channel *chan)
{
	kref_get(&chan->ref);
}

static void channel_release(struct kref *ref)
{
	struct lttng_rb_channel *chan = container_of(ref, struct lttng_rb_channel, ref);

	lttng_rb_channel_stop_timers(chan);
	if (chan->release)
		chan->release(chan);
	channel_free(chan);
}

void lttng_rb_channel_put(struct lttng_rb_channel *chan)
{
	kref_put(&chan->ref, channel_release);
}
