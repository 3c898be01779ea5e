// SPDX-License-Identifier: GPL-2.0-only
/*
 * Session trackers (lttng/id-tracker.h): `lttng track -k` and `untrack -k`
 * for process, user and group ids, and the lookup the probes make.
 *
 * Copy on write: a change builds a new set and a new struct
 * lttng_trackers around it, publishes it with rcu_assign_pointer(), and
 * frees what it replaced after a grace period (probes read under
 * preemption off, which RCU waits for). Sets are sorted arrays, looked
 * up by bisection; a tracker holds at most LTTNG_TRACKER_MAX_IDS ids, so
 * a change costs at most one copy of 16 KiB.
 */
#include <linux/bsearch.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uidgid.h>

#include <lttng/objects.h>
#include <lttng/id-tracker.h>

static bool set_has(const struct lttng_id_set *s, s32 id)
{
	unsigned int lo = 0, hi = s->nr;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (s->ids[mid] == id)
			return true;
		if (s->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* The current task's id of each kind, as lttng-modules takes them. */
static s32 current_id(unsigned int type)
{
	switch (type) {
	case LTTNG_ABI_TRACKER_PID:
		return task_tgid_nr(current);
	case LTTNG_ABI_TRACKER_VPID:
		return task_tgid_vnr(current);
	case LTTNG_ABI_TRACKER_UID:
		return from_kuid_munged(&init_user_ns, current_uid());
	case LTTNG_ABI_TRACKER_VUID:
		return from_kuid_munged(current_user_ns(), current_uid());
	case LTTNG_ABI_TRACKER_GID:
		return from_kgid_munged(&init_user_ns, current_gid());
	default:
		return from_kgid_munged(current_user_ns(), current_gid());
	}
}

bool lttng_trackers_admit_current(const struct lttng_trackers *t)
{
	unsigned int type;

	for (type = 0; type < LTTNG_TRACKER_NR; type++) {
		const struct lttng_id_set *s = t->set[type];

		if (s && !set_has(s, current_id(type)))
			return false;
	}
	return true;
}
EXPORT_SYMBOL_GPL(lttng_trackers_admit_current);

static struct lttng_trackers *trackers_locked(struct lttng_session *session)
{
	return rcu_dereference_protected(session->trackers,
					 lockdep_is_held(&lttng_sessions_lock));
}

static struct lttng_id_set *set_alloc(unsigned int nr)
{
	struct lttng_id_set *s = kvmalloc(struct_size(s, ids, nr), GFP_KERNEL);

	if (s)
		s->nr = nr;
	return s;
}

/* Where id is, or would go, in s. */
static unsigned int set_pos(const struct lttng_id_set *s, s32 id)
{
	unsigned int lo = 0, hi = s->nr;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (s->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* s with id added (old NULL: {id}); ERR_PTR when it cannot be. */
static struct lttng_id_set *set_with(const struct lttng_id_set *old, s32 id)
{
	struct lttng_id_set *s;
	unsigned int pos, nr = old ? old->nr : 0;

	pos = old ? set_pos(old, id) : 0;
	if (pos < nr && old->ids[pos] == id)
		return ERR_PTR(-EEXIST);
	if (nr >= LTTNG_TRACKER_MAX_IDS)
		return ERR_PTR(-ENOSPC);
	s = set_alloc(nr + 1);
	if (!s)
		return ERR_PTR(-ENOMEM);
	if (nr) {
		memcpy(s->ids, old->ids, pos * sizeof(s32));
		memcpy(s->ids + pos + 1, old->ids + pos, (nr - pos) * sizeof(s32));
	}
	s->ids[pos] = id;
	return s;
}

/* s without id (old NULL: every id, which has no absent id to remove). */
static struct lttng_id_set *set_without(const struct lttng_id_set *old, s32 id)
{
	struct lttng_id_set *s;
	unsigned int pos;

	if (!old)
		return ERR_PTR(-ENOENT);
	pos = set_pos(old, id);
	if (pos == old->nr || old->ids[pos] != id)
		return ERR_PTR(-ENOENT);
	s = set_alloc(old->nr - 1);
	if (!s)
		return ERR_PTR(-ENOMEM);
	memcpy(s->ids, old->ids, pos * sizeof(s32));
	memcpy(s->ids + pos, old->ids + pos + 1, (old->nr - pos - 1) * sizeof(s32));
	return s;
}

/*
 * Publish the session's trackers with set[type] replaced by s (NULL:
 * every id), and free what was replaced once no probe can see it. A
 * session whose trackers all admit every id publishes NULL.
 */
static int replace_set_locked(struct lttng_session *session, unsigned int type,
			      struct lttng_id_set *s)
{
	struct lttng_trackers *old = trackers_locked(session), *t = NULL;
	struct lttng_id_set *set[LTTNG_TRACKER_NR] = {};
	unsigned int i;

	if (old)
		memcpy(set, old->set, sizeof(set));
	set[type] = s;
	for (i = 0; i < LTTNG_TRACKER_NR && !set[i]; i++)
		;
	if (i < LTTNG_TRACKER_NR) {
		t = kmalloc(sizeof(*t), GFP_KERNEL);
		if (!t) {
			kvfree(s);
			return -ENOMEM;
		}
		memcpy(t->set, set, sizeof(set));
	}
	rcu_assign_pointer(session->trackers, t);
	if (old && old->set[type])
		kvfree_rcu(old->set[type], rcu);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

int lttng_tracker_track(struct lttng_session *session, unsigned int type, int id)
{
	struct lttng_trackers *t;
	struct lttng_id_set *s = NULL;
	int ret;

	if (type >= LTTNG_TRACKER_NR || id < -1)
		return -EINVAL;
	mutex_lock(&lttng_sessions_lock);
	t = trackers_locked(session);
	if (id == -1) {
		ret = t && t->set[type] ? replace_set_locked(session, type, NULL) : 0;
		goto out;
	}
	s = set_with(t ? t->set[type] : NULL, id);
	ret = IS_ERR(s) ? PTR_ERR(s) : replace_set_locked(session, type, s);
out:
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

int lttng_tracker_untrack(struct lttng_session *session, unsigned int type, int id)
{
	struct lttng_trackers *t;
	struct lttng_id_set *s;
	int ret;

	if (type >= LTTNG_TRACKER_NR || id < -1)
		return -EINVAL;
	mutex_lock(&lttng_sessions_lock);
	t = trackers_locked(session);
	if (id == -1)
		s = set_alloc(0) ?: ERR_PTR(-ENOMEM);
	else
		s = set_without(t ? t->set[type] : NULL, id);
	ret = IS_ERR(s) ? PTR_ERR(s) : replace_set_locked(session, type, s);
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

s32 *lttng_tracker_ids(struct lttng_session *session, unsigned int type, int *nr)
{
	const struct lttng_trackers *t;
	const struct lttng_id_set *s;
	s32 *ids = NULL;

	if (type >= LTTNG_TRACKER_NR)
		return ERR_PTR(-EINVAL);
	mutex_lock(&lttng_sessions_lock);
	t = trackers_locked(session);
	s = t ? t->set[type] : NULL;
	*nr = s ? s->nr : -1;
	if (s && s->nr) {
		ids = kvmalloc_array(s->nr, sizeof(*ids), GFP_KERNEL);
		if (ids)
			memcpy(ids, s->ids, s->nr * sizeof(*ids));
		else
			ids = ERR_PTR(-ENOMEM);
	}
	mutex_unlock(&lttng_sessions_lock);
	return ids;
}

void lttng_trackers_free(struct lttng_session *session)
{
	struct lttng_trackers *t = rcu_dereference_protected(session->trackers, 1);
	unsigned int i;

	if (!t)
		return;
	for (i = 0; i < LTTNG_TRACKER_NR; i++)
		kvfree(t->set[i]);
	kfree(t);
	RCU_INIT_POINTER(session->trackers, NULL);
}
