/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What lttng-tracer's distributed-trace part offers the TCP mark
 * (lttng-dt-tcp, src/dt/tcp/): every function here is exported.
 */
#ifndef _LTTNG_DT_MARK_H
#define _LTTNG_DT_MARK_H

#include <linux/percpu.h>
#include <linux/types.h>

#include <lttng/abi.h>

struct task_struct;

/* The scheduler probes that keep flags right, started on first use. */
int lttng_dt_sched_start(void);
/* Recompute each CPU's "current thread is flagged" bit. */
void lttng_dt_refresh_cpus(void);

/* The network reason of current, and the expiry of idle ones. */
int lttng_dt_flag_network(void);
u32 lttng_dt_flag_reasons(struct task_struct *t);
u32 lttng_dt_flag_clear_current(u32 reasons);
unsigned int lttng_dt_flag_expire_network(u64 cutoff);

/* Counters of the TCP mark, kept here so STATS works without the module. */
enum lttng_dt_net_counter {
	LTTNG_DT_NET_MARKS_SENT,
	LTTNG_DT_NET_MARKS_RECEIVED,
	LTTNG_DT_NET_MARKS_UNTRUSTED,
	LTTNG_DT_NET_MARKS_RATELIMITED,
	LTTNG_DT_NET_CLEARED_RESPONSE,
	LTTNG_DT_NET_EXPIRED,
	LTTNG_DT_NET_NR_COUNTERS,
};

struct lttng_dt_net_counters {
	u64 c[LTTNG_DT_NET_NR_COUNTERS];
};
DECLARE_PER_CPU(struct lttng_dt_net_counters, lttng_dt_net_counters);

static inline void lttng_dt_net_count(enum lttng_dt_net_counter i)
{
	this_cpu_inc(lttng_dt_net_counters.c[i]);
}

void lttng_dt_net_stats(struct lttng_dt_abi_stats *stats);

/*
 * One marked byte range, for the lttng_dt_mark_* events: the addresses as
 * the kernel's TCP tracepoints give them (IPv4 ones also v4-mapped in the
 * v6 fields), saddr being the data's source, on either host.
 */
struct lttng_dt_mark {
	u16 family;
	u16 sport, dport;
	u32 seq;			/* the range's first sequence number */
	u32 len;			/* its bytes */
	u8 saddr[4], daddr[4];
	u8 saddr_v6[16], daddr_v6[16];
};

enum lttng_dt_mark_event {
	LTTNG_DT_MARK_SEND,	/* a segment left marked: its payload */
	LTTNG_DT_MARK_RECV,	/* a marked segment came in, honoured */
	LTTNG_DT_MARK_WRITE,	/* a flagged thread's write: what it asked */
	LTTNG_DT_MARK_READ,	/* a read copied the first new marked byte */
};

void lttng_dt_event_mark(const struct lttng_dt_mark *m,
			 enum lttng_dt_mark_event ev);

/*
 * The trust list belongs to lttng-dt-tcp, which registers these for the
 * TRUST_* ioctls (lttng-dt-trust-abi.c); called under a mutex that
 * unregistering takes, so never after the module is gone.
 */
struct lttng_dt_trust_ops {
	int (*add)(const struct lttng_dt_abi_trust_net *net);
	int (*remove)(const struct lttng_dt_abi_trust_net *net);
	u32 (*list)(struct lttng_dt_abi_trust_net *out, u32 max);
	u32 max;				/* entries the list holds at most */
};
int lttng_dt_trust_register(const struct lttng_dt_trust_ops *ops);
void lttng_dt_trust_unregister(void);
long lttng_dt_trust_ioctl(unsigned int cmd, void __user *uarg);

#endif /* _LTTNG_DT_MARK_H */
