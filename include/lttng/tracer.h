/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tracer objects and the recording API.
 *
 * A session holds channels; a channel holds event recorders (one per
 * event it records, each with a channel-wide id) and the contexts
 * prepended to every record. Control operations take lttng_sessions_lock
 * (a mutex). Probes run in any context and only read objects that stay
 * alive until their tracepoint callback is unregistered and
 * tracepoint_synchronize_unregister() has returned.
 *
 * Recording, from a probe:
 *
 *	if (!lttng_event_should_record(ev))
 *		return;
 *	if (!lttng_event_admitted(ev->chan->session, peer, false))
 *		return;			trackers, gate (lttng/admit.h)
 *	if (ev->chan->ops->event_reserve(&rec, ev, payload_len))
 *		return;
 *	lttng_record_write(&rec, &value, sizeof(value));	(each field)
 *	ev->chan->ops->event_commit(&rec);
 */
#ifndef _LTTNG_TRACER_H
#define _LTTNG_TRACER_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/types.h>

#include <lttng/abi.h>
#include <lttng/events.h>
#include <lttng/ringbuffer.h>
#include <lttng/transport.h>

#define LTTNG_MAX_CONTEXTS	40

struct lttng_channel;
struct lttng_channel_syscalls;
struct lttng_event_recorder;
struct lttng_kprobe;
struct lttng_uprobe;
struct lttng_metadata_cache;
struct lttng_filter_set;
struct lttng_trackers;

/* One record being written. */
struct lttng_record {
	struct lttng_rb_reservation res;
	char *p;		/* next byte to write */
};

/* What the probe knows of the moment it records, for the contexts. */
struct lttng_probe_ctx {
	s8 interruptible;		/* interrupts on where the probe hit */
	int nest;			/* stateful contexts' nesting level */
};

/*
 * A context with state of its own (perf counters, call stacks), made by
 * lttng-context-*.c. size() may capture the value for write(); both run
 * in the probe, preemption off, with the same nesting level.
 */
struct lttng_ctx_ops {
	size_t (*size)(void *priv, const struct lttng_probe_ctx *pc);
	size_t (*write)(void *priv, const struct lttng_probe_ctx *pc, char *dst);
	void (*destroy)(void *priv);	/* no probe can be running */
};

/* A context field: written about the current task in every record. */
struct lttng_ctx_field {
	struct lttng_field_desc desc;
	unsigned int type;		/* LTTNG_ABI context type */
	size_t size;			/* bytes it writes; ops: 0 */
	void (*record)(const struct lttng_probe_ctx *pc, char *dst);
	const struct lttng_ctx_ops *ops;	/* instead of record */
	void *priv;
};

struct lttng_ctx {
	struct lttng_ctx_field fields[LTTNG_MAX_CONTEXTS];
	unsigned int nr;
	unsigned int nr_ops;		/* fields with ops */
	size_t size;			/* sum of the fixed field sizes */
};

/* For the ring-buffer clients (lttng-context.c). */
int lttng_context_enter(void);
void lttng_context_exit(void);
size_t lttng_context_size(const struct lttng_ctx *ctx,
			  const struct lttng_probe_ctx *pc);

/* Write the contexts at dst (after lttng_context_size() if nr_ops). */
static __always_inline char *lttng_context_write(const struct lttng_ctx *ctx,
						 const struct lttng_probe_ctx *pc,
						 char *dst)
{
	const struct lttng_ctx_field *f;
	unsigned int i;

	for (i = 0; i < ctx->nr; i++) {
		f = &ctx->fields[i];
		if (f->ops) {
			dst += f->ops->write(f->priv, pc, dst);
		} else {
			f->record(pc, dst);
			dst += f->size;
		}
	}
	return dst;
}

/* What a ring-buffer client offers the probes of a channel. */
struct lttng_channel_ops {
	int (*event_reserve)(struct lttng_record *rec,
			     struct lttng_event_recorder *ev,
			     size_t payload_len);
	void (*event_commit)(struct lttng_record *rec);
	/* event_reserve for kprobes and uprobes, which know the regs' IF. */
	int (*event_reserve_irqs)(struct lttng_record *rec,
				  struct lttng_event_recorder *ev,
				  size_t payload_len, s8 interruptible);
};

/* Per-CPU counts of a gated session's events, summed by GATE_GET. */
struct lttng_dt_gate_counters {
	u64 gated_out;			/* refused: no flagged thread */
	u64 passed;			/* let through (recorded or discarded) */
};

struct lttng_session {
	struct list_head node;		/* lttng_sessions */
	int active;			/* read by probes */
	int dt_gated;			/* read by probes: see lttng/dt.h */
	/* NULL: every process is tracked (lttng/id-tracker.h) */
	struct lttng_trackers __rcu *trackers;
	struct lttng_dt_gate_counters __percpu *dt_counters;
	bool been_active;
	bool trace_in_metadata;		/* its trace block was appended */
	char name[LTTNG_ABI_SESSION_NAME_LEN];
	char creation_time[LTTNG_ABI_SESSION_CREATION_TIME_LEN];
	u8 uuid[16];
	struct list_head channels;
	unsigned int next_channel_id;
	struct lttng_metadata_cache *metadata;
};

struct lttng_channel {
	struct list_head node;		/* session->channels */
	struct lttng_session *session;
	unsigned int id;		/* CTF stream_id */
	int enabled;			/* read by probes */
	bool is_metadata;
	bool stream_opened;		/* metadata channels have one stream */
	struct lttng_abi_channel attr;	/* as created */
	bool large_header;		/* chosen at the first start */
	bool stream_in_metadata;	/* its stream block was appended */
	struct lttng_transport *transport;
	const struct lttng_channel_ops *ops;
	struct lttng_rb_channel *rb;
	struct lttng_ctx ctx;
	struct list_head enablers;
	struct list_head recorders;
	unsigned int next_event_id;
	struct lttng_channel_syscalls *syscalls;	/* syscall recorders */
};

/* Records one event of the registry into one channel. */
struct lttng_event_recorder {
	struct list_head node;		/* chan->recorders */
	struct lttng_channel *chan;
	const struct lttng_event_desc *desc;
	unsigned int id;
	int enabled;			/* read by probes */
	bool registered;		/* callback on the tracepoint */
	bool in_metadata;		/* described in the session metadata */
	struct lttng_kprobe *kprobe;	/* KPROBE kind: its probe */
	struct lttng_uprobe *uprobe;	/* UPROBE kind: its probe */
	/* Its enablers' filters (lttng/filter-objects.h); NULL: records all. */
	struct lttng_filter_set __rcu *filter;
};

static inline bool lttng_event_should_record(const struct lttng_event_recorder *ev)
{
	const struct lttng_channel *chan = ev->chan;

	return READ_ONCE(ev->enabled) && READ_ONCE(chan->enabled) &&
	       READ_ONCE(chan->session->active);
}

static __always_inline void lttng_record_write(struct lttng_record *rec,
					       const void *src, size_t len)
{
	memcpy(rec->p, src, len);
	rec->p += len;
}

static __always_inline void lttng_record_zero(struct lttng_record *rec, size_t len)
{
	memset(rec->p, 0, len);
	rec->p += len;
}

/*
 * Copy a string of at most len - 1 bytes and its NUL: len was measured
 * before reserving and the source may have changed since. A string that
 * got shorter is padded with '#' (as lttng-modules does): an early NUL
 * would make the reader take the rest of the record for the next fields.
 */
static __always_inline void lttng_record_string(struct lttng_record *rec,
						const char *src, size_t len)
{
	size_t n = strnlen(src, len - 1);

	memcpy(rec->p, src, n);
	memset(rec->p + n, '#', len - 1 - n);
	rec->p[len - 1] = '\0';
	rec->p += len;
}

#endif /* _LTTNG_TRACER_H */
