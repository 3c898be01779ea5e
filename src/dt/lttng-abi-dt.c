// SPDX-License-Identifier: GPL-2.0-only
/*
 * The distributed-trace commands on /proc/lttng (LTTNG_DT_ABI_*, 0xD0-0xD9
 * in include/lttng/abi.h). /proc/lttng is root-only already; these also
 * need CAP_SYS_ADMIN from the caller, so a file handed to or kept by an
 * unprivileged process cannot change what is traced. Padding and reserved
 * bytes must be zero (EINVAL): that keeps them usable later.
 */
#include <linux/capability.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <lttng/dt.h>

#include "lttng-dt.h"

static bool all_zero(const void *p, size_t len)
{
	return !memchr_inv(p, 0, len);
}

static long get_version(void __user *uarg)
{
	const struct lttng_dt_abi_version v = {
		.major = LTTNG_DT_ABI_MAJOR_VERSION,
		.minor = LTTNG_DT_ABI_MINOR_VERSION,
	};

	return copy_to_user(uarg, &v, sizeof(v)) ? -EFAULT : 0;
}

static int get_track(struct lttng_dt_abi_track *tr, void __user *uarg, bool untrack)
{
	if (copy_from_user(tr, uarg, sizeof(*tr)))
		return -EFAULT;
	if (tr->id <= 0 || !all_zero(tr->padding, sizeof(tr->padding)))
		return -EINVAL;
	if (tr->flags & ~(untrack ? 0 : LTTNG_DT_TRACK_NO_INHERIT))
		return -EINVAL;
	return 0;
}

/* The thread with this tid in the caller's pid namespace, referenced. */
static struct task_struct *get_thread(pid_t tid)
{
	struct task_struct *t;

	rcu_read_lock();
	t = pid_task(find_vpid(tid), PIDTYPE_PID);
	if (t)
		get_task_struct(t);
	rcu_read_unlock();
	return t;
}

static long track_tid(const struct lttng_dt_abi_track *tr)
{
	struct task_struct *t = get_thread(tr->id);
	int ret;

	if (!t)
		return -ESRCH;
	ret = lttng_dt_flag_set(t, LTTNG_DT_REASON_MANUAL, tr->flags, GFP_KERNEL);
	put_task_struct(t);
	return ret;
}

/* Every live thread of the process; -ESRCH if it has none. */
static long track_pid(const struct lttng_dt_abi_track *tr)
{
	struct task_struct *leader, *t;
	int ret = -ESRCH, r;

	rcu_read_lock();
	leader = pid_task(find_vpid(tr->id), PIDTYPE_TGID);
	if (leader) {
		for_each_thread(leader, t) {
			r = lttng_dt_flag_set(t, LTTNG_DT_REASON_MANUAL,
					      tr->flags, GFP_ATOMIC);
			if (ret == -ESRCH || r == -ENOMEM)
				ret = r;
		}
	}
	rcu_read_unlock();
	return ret;
}

/* -ENOENT if the thread is live but was not tracked. */
static long untrack_tid(const struct lttng_dt_abi_track *tr)
{
	struct task_struct *t = get_thread(tr->id);
	u32 cleared;

	if (!t)
		return -ESRCH;
	cleared = lttng_dt_flag_clear(t, LTTNG_DT_USER_REASONS);
	put_task_struct(t);
	return cleared ? 0 : -ENOENT;
}

static long untrack_pid(const struct lttng_dt_abi_track *tr)
{
	struct task_struct *leader, *t;
	u32 cleared = 0;

	rcu_read_lock();
	leader = pid_task(find_vpid(tr->id), PIDTYPE_TGID);
	if (leader)
		for_each_thread(leader, t)
			cleared |= lttng_dt_flag_clear(t, LTTNG_DT_USER_REASONS);
	rcu_read_unlock();
	if (!leader)
		return -ESRCH;
	return cleared ? 0 : -ENOENT;
}

static long track(unsigned int cmd, void __user *uarg)
{
	bool untrack = cmd != LTTNG_DT_ABI_TRACK_PID && cmd != LTTNG_DT_ABI_TRACK_TID;
	struct lttng_dt_abi_track tr;
	long ret;

	ret = get_track(&tr, uarg, untrack);
	if (ret)
		return ret;
	if (!untrack) {
		/* The probes go on first: no flag may outlive its thread. */
		ret = lttng_dt_sched_start();
		if (ret)
			return ret;
	}
	switch (cmd) {
	case LTTNG_DT_ABI_TRACK_PID:
		ret = track_pid(&tr);
		break;
	case LTTNG_DT_ABI_TRACK_TID:
		ret = track_tid(&tr);
		break;
	case LTTNG_DT_ABI_UNTRACK_PID:
		ret = untrack_pid(&tr);
		break;
	default:
		ret = untrack_tid(&tr);
		break;
	}
	lttng_dt_refresh_cpus();
	return ret;
}

static long untrack_all(void)
{
	lttng_dt_flag_clear_all(LTTNG_DT_USER_REASONS);
	lttng_dt_refresh_cpus();
	return 0;
}

/* Retried while the table grows past what was allocated. */
static long list_threads(void __user *uarg)
{
	struct lttng_dt_abi_thread_list list;
	struct lttng_dt_abi_thread *buf = NULL;
	u32 want, n, total;
	long ret = 0;

	if (copy_from_user(&list, uarg, sizeof(list)))
		return -EFAULT;
	if (list.padding || (list.count && !list.threads))
		return -EINVAL;
	want = list.count;
	do {
		struct lttng_dt_abi_stats stats;

		kvfree(buf);
		lttng_dt_flag_stats(&stats);
		n = min_t(u64, want, stats.flagged_threads + 16);
		buf = kvcalloc(max(n, 1U), sizeof(*buf), GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		total = lttng_dt_flag_list(buf, n);
	} while (total > n && want > n);
	n = min(total, want);
	if (n && copy_to_user(u64_to_user_ptr(list.threads), buf,
			      (size_t)n * sizeof(*buf)))
		ret = -EFAULT;
	list.count = total;
	if (!ret && copy_to_user(uarg, &list, sizeof(list)))
		ret = -EFAULT;
	kvfree(buf);
	return ret;
}

static int get_gate(struct lttng_dt_abi_gate *g, void __user *uarg)
{
	if (copy_from_user(g, uarg, sizeof(*g)))
		return -EFAULT;
	if (!all_zero(g->reserved, sizeof(g->reserved)))
		return -EINVAL;
	if (!g->session_name[0] ||
	    strnlen(g->session_name, sizeof(g->session_name)) == sizeof(g->session_name))
		return -EINVAL;
	return 0;
}

static long gate_set(void __user *uarg)
{
	struct lttng_dt_abi_gate g;
	int ret = get_gate(&g, uarg);

	if (ret)
		return ret;
	if (g.gated > 1 ||
	    g.flags & ~(LTTNG_DT_ABI_GATE_KEEP | LTTNG_DT_ABI_GATE_FORGET) ||
	    g.flags == (LTTNG_DT_ABI_GATE_KEEP | LTTNG_DT_ABI_GATE_FORGET))
		return -EINVAL;
	return lttng_dt_gate_set(g.session_name, g.gated, g.flags);
}

static long gate_get(void __user *uarg)
{
	struct lttng_dt_abi_gate g;
	int ret = get_gate(&g, uarg);

	if (ret)
		return ret;
	if (g.flags)
		return -EINVAL;
	ret = lttng_dt_gate_get(g.session_name, &g);
	if (ret)
		return ret;
	return copy_to_user(uarg, &g, sizeof(g)) ? -EFAULT : 0;
}

static long get_stats(void __user *uarg)
{
	struct lttng_dt_abi_stats s = {};

	lttng_dt_flag_stats(&s);
	lttng_dt_net_stats(&s);
	return copy_to_user(uarg, &s, sizeof(s)) ? -EFAULT : 0;
}

long lttng_abi_dt_ioctl(unsigned int cmd, void __user *uarg)
{
	switch (cmd) {
	case LTTNG_DT_ABI_VERSION:
	case LTTNG_DT_ABI_TRACK_PID:
	case LTTNG_DT_ABI_TRACK_TID:
	case LTTNG_DT_ABI_UNTRACK_PID:
	case LTTNG_DT_ABI_UNTRACK_TID:
	case LTTNG_DT_ABI_UNTRACK_ALL:
	case LTTNG_DT_ABI_LIST_THREADS:
	case LTTNG_DT_ABI_GATE_SET:
	case LTTNG_DT_ABI_GATE_GET:
	case LTTNG_DT_ABI_STATS:
	case LTTNG_DT_ABI_TRUST_ADD:
	case LTTNG_DT_ABI_TRUST_REMOVE:
	case LTTNG_DT_ABI_TRUST_LIST:
		break;
	default:
		return -ENOIOCTLCMD;
	}
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	switch (cmd) {
	case LTTNG_DT_ABI_VERSION:
		return get_version(uarg);
	case LTTNG_DT_ABI_UNTRACK_ALL:
		return untrack_all();
	case LTTNG_DT_ABI_LIST_THREADS:
		return list_threads(uarg);
	case LTTNG_DT_ABI_GATE_SET:
		return gate_set(uarg);
	case LTTNG_DT_ABI_GATE_GET:
		return gate_get(uarg);
	case LTTNG_DT_ABI_STATS:
		return get_stats(uarg);
	case LTTNG_DT_ABI_TRUST_ADD:
	case LTTNG_DT_ABI_TRUST_REMOVE:
	case LTTNG_DT_ABI_TRUST_LIST:
		return lttng_dt_trust_ioctl(cmd, uarg);
	default:
		return track(cmd, uarg);
	}
}
