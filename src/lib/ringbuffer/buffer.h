/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ring-buffer objects: a channel is one buffer per possible CPU (or a
 * single one), each split in sub-buffers that become CTF packets.
 *
 * Concurrency model, in short:
 * - Writers of a per-CPU buffer run on that CPU with preemption disabled,
 *   possibly nested (interrupts, NMIs). They move the write position with
 *   local_cmpxchg() and account committed bytes per sub-buffer with
 *   local_add(), so reserve and commit take no lock.
 * - Work that must happen "as a writer" from elsewhere (flushing a packet
 *   on behalf of the consumer, the switch timer) runs on the owning CPU
 *   through an IPI or a pinned timer.
 * - The reader (the consumer daemon, through a stream file) serialises on
 *   reader_lock. It owns the consumed position, whose bit 0 says that it
 *   is taking or giving back a sub-buffer; an overwriting writer must
 *   advance the consumed position before it may reuse a sub-buffer, and
 *   cannot while that bit is set.
 * - Sub-buffers are logical: each maps to a physical slot of the memory.
 *   An overwrite buffer has one slot more, the reader's spare. Taking a
 *   sub-buffer swaps its slot with the spare, so the writer goes on
 *   overwriting the oldest data (into the former spare) while the reader
 *   reads a slot no writer can reach. A discard buffer never swaps: its
 *   writers cannot pass the consumed position, so the bit is kept for as
 *   long as the sub-buffer is held.
 * - A sub-buffer is complete for its lap L when its cumulative commit
 *   count reaches (L + 1) * subbuf_size. Writers publish data with
 *   smp_wmb() before local_add(); readers pair it with smp_rmb().
 */
#ifndef _LTTNG_RB_BUFFER_H
#define _LTTNG_RB_BUFFER_H

#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <asm/local.h>

#include <lttng/transport.h>

#include "layout.h"

#define LTTNG_RB_HELD	1UL	/* consumed bit 0: reader holds a sub-buffer */

struct lttng_rb_channel;
struct lttng_rb_buffer;

/*
 * What a client writes at the edges of a packet. Called by whoever opens
 * or closes a packet: a writer (in any context), the switch timer or a
 * flush. Each callback writes disjoint fields, so open and close of the
 * same packet may run in either order.
 */
/* The header fields of a closed packet, as the consumer asks for them. */
struct lttng_rb_packet_info {
	u64 timestamp_begin;
	u64 timestamp_end;
	u64 events_discarded;
	u64 content_size;		/* bits */
	u64 packet_size;		/* bits */
	u64 seq_num;
};

struct lttng_rb_packet_ops {
	size_t header_size;
	void (*info)(const void *packet, struct lttng_rb_packet_info *info);
	void (*open)(struct lttng_rb_buffer *buf, void *packet, u64 ts,
		     unsigned long pos);
	void (*close)(struct lttng_rb_buffer *buf, void *packet, u64 ts,
		      size_t data_size, unsigned long lost);
};

struct lttng_rb_subbuf {
	local_t commit;			/* committed bytes, all laps */
	unsigned long slot;		/* physical slot it is written to */
};

struct lttng_rb_buffer {
	/* Writer side, touched on every record. */
	local_t offset;			/* write position */
	local_t lost;			/* records dropped, cumulative */
	unsigned long lost_closed;	/* lost, as the last closed packet says */
	u64 last_ts;			/* timestamp of the latest reservation */
	bool switched;			/* a switch has closed a packet here */
	char *mem;			/* the slots, virtually contiguous */
	struct lttng_rb_subbuf *subbuf;
	struct lttng_rb_channel *chan;
	int cpu;			/* the CPU whose writers fill it */

	/* Shared with the reader. */
	atomic_long_t consumed;		/* position | LTTNG_RB_HELD */
	/* A flush had drops to report and no room: redo it after a read. */
	bool flush_pending;

	/* Reader side, under reader_lock. */
	struct mutex reader_lock;
	bool held;
	unsigned long held_pos;
	unsigned long held_slot;	/* what the reader reads */
	unsigned long spare_slot;	/* overwrite: the reader's slot */
	unsigned long snap_consumed;
	unsigned long snap_produced;
	atomic_t has_reader;		/* a stream file was opened on it */
	wait_queue_head_t read_wait;

	struct timer_list switch_timer;
};

struct lttng_rb_channel {
	struct lttng_rb_layout layout;
	const struct lttng_rb_client_config *config;
	const struct lttng_rb_packet_ops *ops;
	void *priv;			/* the owner's, for release */
	u64 id;				/* stream_id, for GET_STREAM_ID */
	u8 uuid[16];			/* trace the packets belong to */

	unsigned long nr_slots;		/* num_subbuf, + 1 spare if overwrite */
	struct lttng_rb_buffer **bufs;	/* indexed by CPU; NULL if absent */
	unsigned int nr_bufs;		/* array length */

	unsigned long switch_interval;	/* jiffies, 0 = none */
	unsigned long read_interval;	/* jiffies */
	struct timer_list read_timer;
	bool timers_running;
	/*
	 * While the timers run, the channel follows CPU hotplug: each
	 * online CPU runs its own buffer's switch timer (frontend.c).
	 */
	struct hlist_node cpuhp_online;
	struct hlist_node cpuhp_dead;

	bool finalized;			/* no writer will ever come again */
	struct kref ref;		/* channel owner + each stream file */
	/*
	 * After the last reference, once the channel is freed: the owner
	 * drops what config and ops point into (their client module).
	 */
	void (*release)(void *priv);
};

struct lttng_rb_channel_attr {
	unsigned long subbuf_size;
	unsigned long num_subbuf;
	unsigned int switch_timer_us;
	unsigned int read_timer_us;
};

/* Channel life cycle (frontend.c). */
struct lttng_rb_channel *
lttng_rb_channel_create(const struct lttng_rb_client_config *config,
			const struct lttng_rb_packet_ops *ops,
			const struct lttng_rb_channel_attr *attr, void *priv);
int lttng_rb_hotplug_init(void);
void lttng_rb_hotplug_exit(void);
void lttng_rb_channel_start_timers(struct lttng_rb_channel *chan);
void lttng_rb_channel_stop_timers(struct lttng_rb_channel *chan);
void lttng_rb_channel_finalize(struct lttng_rb_channel *chan);
void lttng_rb_channel_get(struct lttng_rb_channel *chan);
void lttng_rb_channel_put(struct lttng_rb_channel *chan);

/* Close the open packet of every buffer (empty ones too if flush_empty). */
void lttng_rb_channel_flush(struct lttng_rb_channel *chan, bool flush_empty);
void lttng_rb_buffer_flush(struct lttng_rb_buffer *buf, bool flush_empty);
/* Is there a buffer no stream file was opened on yet? */
bool lttng_rb_channel_has_unread_buffer(struct lttng_rb_channel *chan);
struct lttng_rb_buffer *lttng_rb_channel_open_next_buffer(struct lttng_rb_channel *chan);

/* Writer slow path (writer.c), see frontend.h. */
struct lttng_rb_reservation;
int lttng_rb_reserve_slow(struct lttng_rb_buffer *buf,
			  struct lttng_rb_reservation *res);
/* Close the open packet as a writer of buf would (on its CPU). */
void lttng_rb_switch_packet(struct lttng_rb_buffer *buf, bool flush_empty);

/* Reader side (reader.c). */
int lttng_rb_snapshot(struct lttng_rb_buffer *buf);
int lttng_rb_get_subbuf(struct lttng_rb_buffer *buf, unsigned long pos);
void lttng_rb_put_subbuf(struct lttng_rb_buffer *buf, bool advance);
int lttng_rb_clear(struct lttng_rb_buffer *buf);
bool lttng_rb_data_ready(struct lttng_rb_buffer *buf);
unsigned long lttng_rb_consumed(struct lttng_rb_buffer *buf);
unsigned long lttng_rb_write_pos(struct lttng_rb_buffer *buf);
void *lttng_rb_held_packet(struct lttng_rb_buffer *buf);

/* The stream file (vfs.c). */
int lttng_rb_stream_fd(struct lttng_rb_buffer *buf);

static inline unsigned long lttng_rb_subbuf_size(const struct lttng_rb_channel *c)
{
	return c->layout.subbuf_size;
}

/* Bytes of a buffer's memory: what the reader maps. */
static inline unsigned long lttng_rb_mem_size(const struct lttng_rb_channel *c)
{
	return c->nr_slots << c->layout.subbuf_order;
}

/* Where the sub-buffer holding pos is written now. */
static inline char *lttng_rb_subbuf_addr(struct lttng_rb_buffer *buf,
					 unsigned long pos)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	unsigned long slot = READ_ONCE(buf->subbuf[lttng_rb_subbuf_index(l, pos)].slot);

	return buf->mem + (slot << l->subbuf_order);
}

/* Is the sub-buffer at pos complete for pos's lap? */
static inline bool lttng_rb_subbuf_complete(struct lttng_rb_buffer *buf,
					    unsigned long pos)
{
	const struct lttng_rb_layout *l = &buf->chan->layout;
	unsigned long cc = local_read(&buf->subbuf[lttng_rb_subbuf_index(l, pos)].commit);

	return lttng_rb_commit_complete(l, cc, pos);
}

#endif /* _LTTNG_RB_BUFFER_H */
