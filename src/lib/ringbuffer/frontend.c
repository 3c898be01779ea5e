// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ring-buffer channel life cycle: buffers, flushes on the owning CPU,
 * timers. The writer's slow path is in writer.c.
 */
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>

#include "compat/timer.h"
#include "frontend.h"

struct switch_args {
	struct lttng_rb_buffer *buf;
	bool flush_empty;
};

static void switch_on_cpu(void *info)
{
	struct switch_args *args = info;

	lttng_rb_switch_packet(args->buf, args->flush_empty);
}

void lttng_rb_buffer_flush(struct lttng_rb_buffer *buf, bool flush_empty)
{
	struct switch_args args = { .buf = buf, .flush_empty = flush_empty };

	/* After finalisation the buffer only drains. */
	if (READ_ONCE(buf->chan->finalized))
		return;
	cpus_read_lock();
	if (cpu_online(buf->cpu)) {
		smp_call_function_single(buf->cpu, switch_on_cpu, &args, 1);
	} else {
		preempt_disable();
		lttng_rb_switch_packet(buf, flush_empty);
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

/*
 * Switch timer: close each packet periodically so readers see data. It
 * switches its buffer with the writers' CPU-local operations, so it must
 * run on the buffer's CPU: it is pinned there, and stopped before the CPU
 * goes offline (the kernel would move it to another CPU).
 */
static void switch_timer_fn(struct timer_list *t)
{
	struct lttng_rb_buffer *buf = lttng_from_timer(buf, t, switch_timer);
	struct lttng_rb_channel *chan = buf->chan;

	if (WARN_ON_ONCE(buf->cpu != smp_processor_id()))
		return;
	lttng_rb_switch_packet(buf, false);
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

/*
 * CPU hotplug. Two multi-instance states; a running channel is an
 * instance of both:
 *  - online (on the CPU itself, as it comes up and before it goes down):
 *    start its buffer's switch timer, or stop it;
 *  - dead (on a control CPU, once the CPU is gone): close the open packet
 *    of its buffer, whose writers are all gone, so that the reader gets
 *    what was recorded there. Hotplug callbacks run under the hotplug
 *    lock, which lttng_rb_buffer_flush() takes too: two remote switches
 *    of one buffer never overlap.
 */
static enum cpuhp_state rb_online_state;
static enum cpuhp_state rb_dead_state;

static struct lttng_rb_buffer *cpu_buffer(struct lttng_rb_channel *chan,
					  unsigned int cpu)
{
	return cpu < chan->nr_bufs ? chan->bufs[cpu] : NULL;
}

static int rb_cpu_online(unsigned int cpu, struct hlist_node *node)
{
	struct lttng_rb_channel *chan =
		hlist_entry_safe(node, struct lttng_rb_channel, cpuhp_online);
	struct lttng_rb_buffer *buf = cpu_buffer(chan, cpu);

	if (buf && chan->switch_interval) {
		buf->switch_timer.expires = jiffies + chan->switch_interval;
		add_timer_on(&buf->switch_timer, cpu);
	}
	return 0;
}

static int rb_cpu_offline(unsigned int cpu, struct hlist_node *node)
{
	struct lttng_rb_channel *chan =
		hlist_entry_safe(node, struct lttng_rb_channel, cpuhp_online);
	struct lttng_rb_buffer *buf = cpu_buffer(chan, cpu);

	if (buf)
		lttng_timer_delete_sync(&buf->switch_timer);
	return 0;
}

static int rb_cpu_dead(unsigned int cpu, struct hlist_node *node)
{
	struct lttng_rb_channel *chan =
		hlist_entry_safe(node, struct lttng_rb_channel, cpuhp_dead);
	struct lttng_rb_buffer *buf = cpu_buffer(chan, cpu);

	if (buf && !READ_ONCE(chan->finalized))
		lttng_rb_switch_packet(buf, false);
	return 0;
}

int lttng_rb_hotplug_init(void)
{
	int ret;

	ret = cpuhp_setup_state_multi(CPUHP_AP_ONLINE_DYN, "lttng/rb:online",
				      rb_cpu_online, rb_cpu_offline);
	if (ret < 0)
		return ret;
	rb_online_state = ret;
	ret = cpuhp_setup_state_multi(CPUHP_BP_PREPARE_DYN, "lttng/rb:dead",
				      NULL, rb_cpu_dead);
	if (ret < 0) {
		cpuhp_remove_multi_state(rb_online_state);
		return ret;
	}
	rb_dead_state = ret;
	return 0;
}

void lttng_rb_hotplug_exit(void)
{
	cpuhp_remove_multi_state(rb_dead_state);
	cpuhp_remove_multi_state(rb_online_state);
}

/*
 * Start the read timer, and a switch timer on each online CPU (the online
 * callback, run now for each and later for each CPU that comes up).
 */
void lttng_rb_channel_start_timers(struct lttng_rb_channel *chan)
{
	if (chan->timers_running)
		return;
	WRITE_ONCE(chan->timers_running, true);
	mod_timer(&chan->read_timer, jiffies + chan->read_interval);
	cpuhp_state_add_instance_nocalls(rb_dead_state, &chan->cpuhp_dead);
	cpuhp_state_add_instance(rb_online_state, &chan->cpuhp_online);
}

void lttng_rb_channel_stop_timers(struct lttng_rb_channel *chan)
{
	if (!chan->timers_running)
		return;
	WRITE_ONCE(chan->timers_running, false);
	lttng_timer_delete_sync(&chan->read_timer);
	/* The offline callback, on each online CPU: their timers stop. */
	cpuhp_state_remove_instance(rb_online_state, &chan->cpuhp_online);
	cpuhp_state_remove_instance_nocalls(rb_dead_state, &chan->cpuhp_dead);
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
	kvfree(buf->subbuf);
	kfree(buf);
}

static struct lttng_rb_buffer *alloc_buffer(struct lttng_rb_channel *chan, int cpu)
{
	const struct lttng_rb_layout *l = &chan->layout;
	struct lttng_rb_buffer *buf;
	unsigned long i;

	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return NULL;
	buf->subbuf = kvcalloc(l->num_subbuf, sizeof(*buf->subbuf), GFP_KERNEL);
	/* vmalloc_user: zeroed, and mappable by the reader as it is. */
	buf->mem = vmalloc_user(lttng_rb_mem_size(chan));
	if (!buf->subbuf || !buf->mem) {
		free_buffer(buf);
		return NULL;
	}
	for (i = 0; i < l->num_subbuf; i++)
		buf->subbuf[i].slot = i;
	buf->spare_slot = l->num_subbuf;	/* overwrite buffers only */
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

/*
 * Admission of a channel's memory before any of it is allocated: the
 * buffers of every possible CPU must fit in what the machine has
 * available now. A geometry lttng-tools accepts (up to 2^62 bytes) would
 * otherwise reach vmalloc, which warns in the kernel log before it fails.
 */
static int admit_memory(const struct lttng_rb_channel *chan)
{
	unsigned long per_buf = lttng_rb_mem_size(chan) >> PAGE_SHIFT;
	unsigned long pages;

	if (check_mul_overflow(per_buf, (unsigned long)chan->nr_bufs, &pages))
		return -ENOMEM;
	if (pages > si_mem_available())
		return -ENOMEM;
	return 0;
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
	chan->nr_slots = chan->layout.num_subbuf +
			 (config->mode == LTTNG_RB_MODE_OVERWRITE);
	chan->ops = ops;
	chan->priv = priv;
	chan->switch_interval = attr->switch_timer_us ?
				us_to_jiffies(attr->switch_timer_us, 0) : 0;
	/*
	 * Readers are only ever woken by this timer (waking them from a
	 * probe could deadlock on scheduler locks), so it always runs.
	 */
	chan->read_interval = us_to_jiffies(attr->read_timer_us, 200000);
	timer_setup(&chan->read_timer, read_timer_fn, 0);
	kref_init(&chan->ref);

	chan->nr_bufs = nr_cpu_ids;
	ret = admit_memory(chan);
	if (ret) {
		kfree(chan);
		return ERR_PTR(ret);
	}
	chan->bufs = kcalloc(chan->nr_bufs, sizeof(*chan->bufs), GFP_KERNEL);
	if (!chan->bufs)
		goto nomem;
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
	void (*release)(void *priv) = chan->release;
	void *priv = chan->priv;

	lttng_rb_channel_stop_timers(chan);
	channel_free(chan);
	if (release)
		release(priv);
}

void lttng_rb_channel_put(struct lttng_rb_channel *chan)
{
	kref_put(&chan->ref, channel_release);
}
