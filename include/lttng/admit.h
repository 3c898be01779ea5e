/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Whether a session keeps an event, as every probe asks it first (after
 * the enabled and active tests, before it sizes or reserves anything):
 * its trackers (lttng/id-tracker.h) must admit the current task, then its
 * distributed-trace gate (lttng/dt.h) the thread or its peer. The gate
 * comes second so that its counters count only what the trackers let
 * through: passed = recorded + discarded still holds for a gated
 * session with trackers.
 *
 * Exempt events (probes generated with LTTNG_PROBE_UNGATED: the
 * statedump, lttng_dt_flag, the TCP mark's events) describe the tracing
 * itself rather than the workload, often from another task's context:
 * neither the trackers nor the gate refuse them.
 */
#ifndef _LTTNG_ADMIT_H
#define _LTTNG_ADMIT_H

#include <lttng/dt.h>
#include <lttng/id-tracker.h>

static __always_inline bool lttng_event_admitted(struct lttng_session *session,
						 struct task_struct *peer,
						 bool exempt)
{
	if (!exempt && !lttng_trackers_admit(session))
		return false;
	return lttng_dt_gate_admits(session, peer, exempt);
}

#endif /* _LTTNG_ADMIT_H */
