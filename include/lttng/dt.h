/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The distributed-trace gate as the ring-buffer clients see it.
 *
 * A gated session records an event only if a flagged thread is involved:
 * the thread it belongs to (the one running, or the one an interrupt
 * interrupted) or the second thread it names (struct lttng_record.peer).
 * The tracer keeps lttng_dt_current_flagged up to date on every CPU
 * (at each context switch and whenever a running thread's flag changes),
 * so the common case is one per-CPU load; only events naming a peer look
 * the peer up in the flag table.
 */
#ifndef _LTTNG_DT_H
#define _LTTNG_DT_H

#include <linux/percpu.h>
#include <linux/types.h>

#include <lttng/tracer.h>

struct task_struct;

/* Non-zero while the thread running on this CPU is flagged. */
DECLARE_PER_CPU(int, lttng_dt_current_flagged);

/* Is t flagged now? For peers; callable from any context. */
bool lttng_dt_task_flagged(struct task_struct *t);

/*
 * May this event of a gated session be recorded? Counts the answer in
 * the session's per-CPU counters. Runs in the probe, preemption off.
 */
static __always_inline bool lttng_dt_gate_admits(const struct lttng_record *rec,
						 const struct lttng_event_recorder *ev,
						 struct lttng_session *session)
{
	if (likely(this_cpu_read(lttng_dt_current_flagged)) ||
	    (rec->peer && lttng_dt_task_flagged(rec->peer)) ||
	    ev->desc->dt_ungated) {
		this_cpu_inc(session->dt_counters->passed);
		return true;
	}
	this_cpu_inc(session->dt_counters->gated_out);
	return false;
}

#endif /* _LTTNG_DT_H */
