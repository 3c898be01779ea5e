/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Session trackers: which processes a session records, by process id,
 * user id or group id (real or in the task's namespaces), as `lttng
 * track -k` sets them.
 *
 * Each of a session's six trackers admits every id (the default) or the
 * ids of a set, possibly empty. An event is admitted when every tracker
 * admits the current task's id of its kind. The sets a session uses are
 * published together, as one struct lttng_trackers replaced whole under
 * lttng_sessions_lock and read by probes under RCU (preemption off):
 * a session whose six trackers admit everything publishes none, so the
 * probes pay one load and one branch for it.
 */
#ifndef _LTTNG_ID_TRACKER_H
#define _LTTNG_ID_TRACKER_H

#include <linux/compiler.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

#include <lttng/abi.h>
#include <lttng/tracer.h>

#define LTTNG_TRACKER_NR	(LTTNG_ABI_TRACKER_VGID + 1)
/* Ids one tracker may hold: sessiond has no limit, the kernel does. */
#define LTTNG_TRACKER_MAX_IDS	4096

/* The ids one tracker admits, sorted, distinct. */
struct lttng_id_set {
	struct rcu_head rcu;
	unsigned int nr;
	s32 ids[];
};

/* A session's trackers: set[type], NULL when it admits every id. */
struct lttng_trackers {
	struct rcu_head rcu;
	struct lttng_id_set *set[LTTNG_TRACKER_NR];
};

/* Whether the current task has an id of each set (out of line). */
bool lttng_trackers_admit_current(const struct lttng_trackers *t);

/*
 * May the current task's event be recorded by this session, as far as
 * its trackers are concerned? Preemption off (RCU-sched read side).
 */
static __always_inline bool lttng_trackers_admit(struct lttng_session *session)
{
	const struct lttng_trackers *t = rcu_dereference_sched(session->trackers);

	if (likely(!t))
		return true;
	return lttng_trackers_admit_current(t);
}

/*
 * Control, under lttng_sessions_lock (taken here). id -1 on track: every
 * id; on untrack: none. -EINVAL for a bad type or an id below -1,
 * -EEXIST for an id already tracked, -ENOENT for one that is not,
 * -ENOSPC beyond LTTNG_TRACKER_MAX_IDS.
 */
int lttng_tracker_track(struct lttng_session *session, unsigned int type, int id);
int lttng_tracker_untrack(struct lttng_session *session, unsigned int type, int id);
/*
 * A copy of one tracker's ids (kvfree it): *nr ids, or *nr = -1 when it
 * admits every id (then NULL is returned). ERR_PTR on failure.
 */
s32 *lttng_tracker_ids(struct lttng_session *session, unsigned int type, int *nr);
/* The session goes: no probe can run on it any more. */
void lttng_trackers_free(struct lttng_session *session);

#endif /* _LTTNG_ID_TRACKER_H */
