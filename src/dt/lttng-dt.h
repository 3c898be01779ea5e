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
#include <lttng/dt-mark.h>

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
void lttng_dt_flag_stats(struct lttng_dt_abi_stats *stats);
/* Fill at most max entries (tid/pid as the caller sees them); the total. */
u32 lttng_dt_flag_list(struct lttng_dt_abi_thread *out, u32 max);
void lttng_dt_flag_show(struct seq_file *m);
void lttng_dt_flag_exit_module(void);

/* Scheduler probes (lttng-dt-sched.c), on the tracepoints from the first track. */
void lttng_dt_sched_stop(void);

/* Session gates (lttng-dt-gate.c). */
void lttng_dt_gate_init(void);
void lttng_dt_gate_exit(void);
int lttng_dt_gate_set(const char *name, bool gated, u32 flags);
int lttng_dt_gate_get(const char *name, struct lttng_dt_abi_gate *out);
void lttng_dt_gate_show(struct seq_file *m);

/* Gate states kept for sessions to come (lttng-dt-gate-kept.c). */
int lttng_dt_gate_keep_locked(const char *name, bool gated);
bool lttng_dt_gate_update_kept_locked(const char *name, bool gated);
bool lttng_dt_gate_kept_locked(const char *name, bool *gated);
void lttng_dt_gate_forget_locked(const char *name);
void lttng_dt_gate_forget_all(void);

/* The lttng_dt_flag event (lttng-dt-event.c). */
void lttng_dt_event_flag(struct task_struct *t, enum lttng_dt_reason reason,
			 bool on);
int lttng_dt_event_init(void);
void lttng_dt_event_exit(void);

/* /proc/lttng-dt (lttng-dt-proc.c). */
int lttng_dt_proc_init(void);
void lttng_dt_proc_exit(void);

#endif /* _LTTNG_DT_INTERNAL_H */
