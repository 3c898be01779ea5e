/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The distributed-trace extension inside lttng-tracer: which threads are
 * flagged and why (lttng-dt-flags.c), the scheduler probes that keep that
 * state right across switches, forks and exits (lttng-dt-sched.c), the
 * session gates (lttng-dt-gate.c), the lttng_dt_flag event
 * (lttng-dt-event.c), the ioctls (lttng-abi-dt.c) and the /proc/lttng-dt
 * view (lttng-dt-proc.c). The probes' side is include/lttng/dt.h.
 */
#ifndef _LTTNG_DT_INTERNAL_H
#define _LTTNG_DT_INTERNAL_H

#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <linux/types.h>

#include <lttng/abi.h>

struct lttng_session;
struct task_struct;

/* Reasons the user sets and clears (dt-track, dt-untrack). */
#define LTTNG_DT_USER_REASONS	(LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_MANUAL) | \
				 LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_INHERITED))

/* Flags (lttng-dt-flags.c). */
int lttng_dt_flag_set(struct task_struct *t, enum lttng_dt_reason reason,
		      u32 track_flags, gfp_t gfp);
u32 lttng_dt_flag_clear(struct task_struct *t, u32 reasons);
void lttng_dt_flag_clear_all(u32 reasons);
void lttng_dt_flag_inherit(struct task_struct *parent, struct task_struct *child);
void lttng_dt_flag_exit(struct task_struct *t);
void lttng_dt_refresh_cpus(void);
void lttng_dt_flag_stats(struct lttng_dt_abi_stats *stats);
/* Fill at most max entries (tid/pid as the caller sees them); the total. */
u32 lttng_dt_flag_list(struct lttng_dt_abi_thread *out, u32 max);
void lttng_dt_flag_show(struct seq_file *m);
void lttng_dt_flag_exit_module(void);

/*
 * What lttng-dt-tcp uses (exported): the network reason of current, the
 * expiry of idle ones, and the state it needs running.
 */
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
 * One marked segment, for lttng_dt_mark_send / lttng_dt_mark_recv: the
 * addresses as the kernel's TCP tracepoints give them (IPv4 ones also
 * v4-mapped in the v6 fields), saddr being the segment's source.
 */
struct lttng_dt_mark {
	u16 family;
	u16 sport, dport;
	u32 seq;			/* the segment's first sequence number */
	u32 len;			/* its payload bytes (all of a GSO one) */
	u8 saddr[4], daddr[4];
	u8 saddr_v6[16], daddr_v6[16];
};
void lttng_dt_event_mark(const struct lttng_dt_mark *m, bool send);

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

/* Scheduler probes (lttng-dt-sched.c), on the tracepoints from the first track. */
int lttng_dt_sched_start(void);
void lttng_dt_sched_stop(void);

/* Session gates (lttng-dt-gate.c). */
int lttng_dt_gate_session_init(struct lttng_session *session);
void lttng_dt_gate_session_fini(struct lttng_session *session);
int lttng_dt_gate_set(const char *name, bool gated);
int lttng_dt_gate_get(const char *name, struct lttng_dt_abi_gate *out);
void lttng_dt_gate_show(struct seq_file *m);

/* The lttng_dt_flag event (lttng-dt-event.c). */
void lttng_dt_event_flag(struct task_struct *t, enum lttng_dt_reason reason,
			 bool on);
int lttng_dt_event_init(void);
void lttng_dt_event_exit(void);

/* ioctls on /proc/lttng (lttng-abi-dt.c): -ENOIOCTLCMD if cmd is not one. */
long lttng_abi_dt_ioctl(unsigned int cmd, void __user *uarg);

/* /proc/lttng-dt (lttng-dt-proc.c). */
int lttng_dt_proc_init(void);
void lttng_dt_proc_exit(void);

/* All of it, from lttng-tracer's init and exit. */
int lttng_dt_init(void);
void lttng_dt_exit(void);

#endif /* _LTTNG_DT_INTERNAL_H */
