/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The distributed-trace gate as the probes see it.
 *
 * A gated session records an event only if a flagged thread is involved:
 * the thread it belongs to (the one running, or the one an interrupt
 * interrupted) or the second thread it names (its peer, see
 * LTTNG_EVENT_PEER in lttng/tracepoint-event.h).
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
 * May an event of this session be recorded? Always, unless the session is
 * gated: then only if the running thread or peer (the second thread the
 * event names, or NULL) is flagged, or the event is exempt (ungated). A
 * gated session counts the answer in its per-CPU counters. Called by the
 * probe before it sizes or reserves anything, preemption off.
 */
static __always_inline bool lttng_dt_gate_admits(struct lttng_session *session,
						 struct task_struct *peer,
						 bool ungated)
{
	if (likely(!READ_ONCE(session->dt_gated)))
		return true;
	if (likely(this_cpu_read(lttng_dt_current_flagged)) || ungated ||
	    (peer && lttng_dt_task_flagged(peer))) {
		this_cpu_inc(session->dt_counters->passed);
		return true;
	}
	this_cpu_inc(session->dt_counters->gated_out);
	return false;
}

/*
 * The LTTNG_DT_ABI_* ioctls on /proc/lttng (src/dt/lttng-abi-dt.c), for
 * the ABI's root file: -ENOIOCTLCMD when cmd is not one of them.
 */
long lttng_abi_dt_ioctl(unsigned int cmd, void __user *uarg);

#endif /* _LTTNG_DT_H */
