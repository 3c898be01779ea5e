// SPDX-License-Identifier: GPL-2.0-only
/*
 * Flagged threads: the state behind the distributed-trace gate.
 *
 * A flag belongs to one thread and records why it is set: a bit per
 * reason (manual, inherited, network), each with the time it was set, so
 * several reasons coexist and clearing one leaves the others. Entries are
 * keyed by the task_struct pointer and removed when the thread exits
 * (sched_process_exit), before the task can be freed and its memory or
 * its pid reused: a new thread never matches a stale entry. A thread
 * already exiting (PF_EXITING) is never added; the exit probe takes the
 * same lock, so it cannot miss an entry added concurrently.
 *
 * Readers (the sched_switch probe, the probes' peer test) look entries
 * up under RCU; writers serialise on flag_lock, a spinlock because the
 * fork and exit probes write with preemption off. Every change of a
 * reason fires lttng_dt_flag. The per-CPU "current is flagged" bit that
 * the probes read is refreshed by the sched_switch probe, and on every
 * CPU after a change made by the user (lttng_dt_refresh_cpus()).
 */
#include <linux/hashtable.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include <lttng/dt.h>

#include "lttng-dt.h"

#define FLAG_TABLE_BITS	10

struct dt_flag {
	struct hlist_node node;		/* flag_table, RCU */
	struct task_struct *task;	/* the key; valid while in the table */
	u32 reasons;			/* LTTNG_DT_REASON_BIT() mask, never 0 */
	u32 track_flags;		/* LTTNG_DT_TRACK_* of the manual reason */
	u64 since[LTTNG_DT_NR_REASONS];	/* CLOCK_MONOTONIC ns, per reason */
	u64 net_touched;		/* last network (re)flag, for expiry */
	struct rcu_head rcu;
};

static DEFINE_HASHTABLE(flag_table, FLAG_TABLE_BITS);
static DEFINE_SPINLOCK(flag_lock);
/* Entries in the table; read without the lock to skip empty lookups. */
static unsigned int nr_flagged;
static u64 flags_set[LTTNG_DT_NR_REASONS], flags_cleared;	/* flag_lock */

DEFINE_PER_CPU(int, lttng_dt_current_flagged);
EXPORT_PER_CPU_SYMBOL_GPL(lttng_dt_current_flagged);

/* Under rcu_read_lock() or flag_lock (both keep preemption off here). */
static struct dt_flag *find_flag(struct task_struct *t)
{
	struct dt_flag *f;

	hash_for_each_possible_rcu(flag_table, f, node, (unsigned long)t)
		if (f->task == t)
			return f;
	return NULL;
}

bool lttng_dt_task_flagged(struct task_struct *t)
{
	bool flagged;

	if (!READ_ONCE(nr_flagged))
		return false;
	rcu_read_lock();
	flagged = find_flag(t);
	rcu_read_unlock();
	return flagged;
}
EXPORT_SYMBOL_GPL(lttng_dt_task_flagged);

static void set_reason_locked(struct dt_flag *f, enum lttng_dt_reason r,
			      u32 track_flags)
{
	lockdep_assert_held(&flag_lock);
	if (r == LTTNG_DT_REASON_MANUAL)
		WRITE_ONCE(f->track_flags, track_flags);
	if (f->reasons & LTTNG_DT_REASON_BIT(r))
		return;		/* set already: keep its since */
	f->since[r] = ktime_get_mono_fast_ns();
	WRITE_ONCE(f->reasons, f->reasons | LTTNG_DT_REASON_BIT(r));
	flags_set[r]++;
	lttng_dt_event_flag(f->task, r, true);
}

/* Clear some reasons; the entry goes when none is left. */
static u32 clear_reasons_locked(struct dt_flag *f, u32 reasons)
{
	u32 cleared = f->reasons & reasons;
	unsigned int r;

	lockdep_assert_held(&flag_lock);
	for (r = 0; r < LTTNG_DT_NR_REASONS; r++) {
		if (!(cleared & LTTNG_DT_REASON_BIT(r)))
			continue;
		f->since[r] = 0;
		flags_cleared++;
		lttng_dt_event_flag(f->task, r, false);
	}
	if (cleared & LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_MANUAL))
		WRITE_ONCE(f->track_flags, 0);
	WRITE_ONCE(f->reasons, f->reasons & ~cleared);
	if (!f->reasons) {
		hash_del_rcu(&f->node);
		WRITE_ONCE(nr_flagged, nr_flagged - 1);
		kfree_rcu(f, rcu);
	}
	return cleared;
}

static struct dt_flag *insert_locked(struct task_struct *t, struct dt_flag *new)
{
	lockdep_assert_held(&flag_lock);
	new->task = t;
	hash_add_rcu(flag_table, &new->node, (unsigned long)t);
	WRITE_ONCE(nr_flagged, nr_flagged + 1);
	return new;
}

/*
 * Set reason r on t (a task the caller keeps alive). -ESRCH if t is
 * exiting: its exit probe may have run already and would never remove
 * the entry.
 */
int lttng_dt_flag_set(struct task_struct *t, enum lttng_dt_reason r,
		      u32 track_flags, gfp_t gfp)
{
	struct dt_flag *new = kzalloc(sizeof(*new), gfp), *f;
	int ret = 0;

	spin_lock(&flag_lock);
	if (t->flags & PF_EXITING) {
		ret = -ESRCH;
		goto out;
	}
	f = find_flag(t);
	if (!f) {
		if (!new) {
			ret = -ENOMEM;
			goto out;
		}
		f = insert_locked(t, new);
		new = NULL;
	}
	set_reason_locked(f, r, track_flags);
out:
	spin_unlock(&flag_lock);
	kfree(new);
	return ret;
}

u32 lttng_dt_flag_clear(struct task_struct *t, u32 reasons)
{
	struct dt_flag *f;
	u32 cleared = 0;

	spin_lock(&flag_lock);
	f = find_flag(t);
	if (f)
		cleared = clear_reasons_locked(f, reasons);
	spin_unlock(&flag_lock);
	return cleared;
}

void lttng_dt_flag_clear_all(u32 reasons)
{
	struct hlist_node *tmp;
	struct dt_flag *f;
	int bkt;

	spin_lock(&flag_lock);
	hash_for_each_safe(flag_table, bkt, tmp, f, node)
		clear_reasons_locked(f, reasons);
	spin_unlock(&flag_lock);
}

/* A manual flag passes on unless NO_INHERIT; an inherited one always does. */
static bool passes_on(const struct dt_flag *f)
{
	u32 reasons = READ_ONCE(f->reasons);

	if (reasons & LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_INHERITED))
		return true;
	return (reasons & LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_MANUAL)) &&
	       !(READ_ONCE(f->track_flags) & LTTNG_DT_TRACK_NO_INHERIT);
}

/*
 * sched_process_fork, in the parent, before the child first runs. Checked
 * again under the lock so that a concurrent untrack of the parent is not
 * passed on.
 */
void lttng_dt_flag_inherit(struct task_struct *parent, struct task_struct *child)
{
	struct dt_flag *pf, *new;
	bool inherit;

	if (!READ_ONCE(nr_flagged))
		return;
	rcu_read_lock();
	pf = find_flag(parent);
	inherit = pf && passes_on(pf);
	rcu_read_unlock();
	if (!inherit)
		return;
	/* No memory: the child is not traced, nothing worse. */
	new = kzalloc(sizeof(*new), GFP_NOWAIT | __GFP_NOWARN);
	if (!new)
		return;
	spin_lock(&flag_lock);
	pf = find_flag(parent);
	if (pf && passes_on(pf) && !find_flag(child)) {
		set_reason_locked(insert_locked(child, new),
				  LTTNG_DT_REASON_INHERITED, 0);
		new = NULL;
	}
	spin_unlock(&flag_lock);
	kfree(new);
}

/* sched_process_exit, in the exiting thread t (current). */
void lttng_dt_flag_exit(struct task_struct *t)
{
	struct dt_flag *f;

	spin_lock(&flag_lock);
	f = find_flag(t);
	if (f)
		clear_reasons_locked(f, ~0U);
	spin_unlock(&flag_lock);
	this_cpu_write(lttng_dt_current_flagged, 0);
}

static void refresh_this_cpu(void *unused)
{
	this_cpu_write(lttng_dt_current_flagged, lttng_dt_task_flagged(current));
}

/*
 * After a change made from user space: threads running now get their bit
 * on their CPU (the sched_switch probe takes care of the others).
 */
void lttng_dt_refresh_cpus(void)
{
	on_each_cpu(refresh_this_cpu, NULL, 1);
}
EXPORT_SYMBOL_GPL(lttng_dt_refresh_cpus);

void lttng_dt_flag_stats(struct lttng_dt_abi_stats *stats)
{
	spin_lock(&flag_lock);
	stats->flagged_threads = nr_flagged;
	memcpy(stats->flags_set, flags_set, sizeof(flags_set));
	stats->flags_cleared = flags_cleared;
	spin_unlock(&flag_lock);
}

static void fill_thread(struct lttng_dt_abi_thread *out, const struct dt_flag *f)
{
	struct task_struct *t = f->task;

	memset(out, 0, sizeof(*out));
	out->tid = task_pid_vnr(t);
	out->pid = task_tgid_vnr(t);
	out->reasons = f->reasons;
	out->flags = f->track_flags;
	memcpy(out->since, f->since, sizeof(out->since));
	/* Read racily, as every tracer reads comm; always terminated. */
	memcpy(out->comm, t->comm, sizeof(out->comm) - 1);
}

u32 lttng_dt_flag_list(struct lttng_dt_abi_thread *out, u32 max)
{
	struct dt_flag *f;
	u32 n = 0;
	int bkt;

	spin_lock(&flag_lock);
	hash_for_each(flag_table, bkt, f, node) {
		if (n < max)
			fill_thread(&out[n], f);
		n++;
	}
	spin_unlock(&flag_lock);
	return n;
}

static const char * const reason_names[LTTNG_DT_NR_REASONS] = {
	[LTTNG_DT_REASON_MANUAL] = "manual",
	[LTTNG_DT_REASON_INHERITED] = "inherited",
	[LTTNG_DT_REASON_NETWORK] = "network",
};

static void show_flag(struct seq_file *m, const struct dt_flag *f)
{
	struct task_struct *t = f->task;
	char comm[TASK_COMM_LEN] = "";
	const char *sep = "";
	unsigned int r;

	memcpy(comm, t->comm, sizeof(comm) - 1);
	seq_printf(m, "%d %d ", task_pid_nr(t), task_tgid_nr(t));
	for (r = 0; r < LTTNG_DT_NR_REASONS; r++) {
		if (!(f->reasons & LTTNG_DT_REASON_BIT(r)))
			continue;
		seq_printf(m, "%s%s@%llu", sep, reason_names[r], f->since[r]);
		sep = ",";
	}
	seq_printf(m, " %s %s\n",
		   f->track_flags & LTTNG_DT_TRACK_NO_INHERIT ? "no-inherit" : "inherit",
		   comm);
}

/* /proc/lttng-dt/threads: "TID PID REASON@SINCE[,...] INHERIT COMM". */
void lttng_dt_flag_show(struct seq_file *m)
{
	struct dt_flag *f;
	int bkt;

	spin_lock(&flag_lock);
	hash_for_each(flag_table, bkt, f, node)
		show_flag(m, f);
	spin_unlock(&flag_lock);
}

enum network_refresh {
	NET_REFRESHED,		/* flagged network already: time refreshed */
	NET_OTHER_REASON,	/* flagged, not for the network */
	NET_NOT_FLAGGED,
};

/*
 * A thread flagged network already: refresh its time without the lock
 * (a marked read per request otherwise serialises every CPU on it). The
 * expiry may clear the reason meanwhile, as it could just after a locked
 * refresh; the next marked read flags the thread again.
 */
static enum network_refresh refresh_network(void)
{
	const u32 net = LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_NETWORK);
	enum network_refresh ret = NET_NOT_FLAGGED;
	struct dt_flag *f;

	rcu_read_lock();
	f = find_flag(current);
	if (f && (READ_ONCE(f->reasons) & net)) {
		WRITE_ONCE(f->net_touched, ktime_get_mono_fast_ns());
		ret = NET_REFRESHED;
	} else if (f) {
		ret = NET_OTHER_REASON;
	}
	rcu_read_unlock();
	return ret;
}

/*
 * Flag current with reason network (lttng-dt-tcp: a thread read data of
 * a marked segment). Called from a tracepoint probe, preemption off.
 * Refreshes the idle time of a network flag already set. Returns 1 if the
 * reason is new, 0 if it was set, a negative error otherwise.
 */
int lttng_dt_flag_network(void)
{
	struct dt_flag *new = NULL, *f;
	enum network_refresh state;
	int ret = 0;

	state = refresh_network();
	if (state == NET_REFRESHED) {
		this_cpu_write(lttng_dt_current_flagged, 1);
		return 0;
	}
	/*
	 * Allocate only for a new entry (the lookup above decided: an entry
	 * removed meanwhile costs this one read its flag, no more).
	 */
	if (state == NET_NOT_FLAGGED)
		new = kzalloc(sizeof(*new), GFP_ATOMIC | __GFP_NOWARN);
	spin_lock(&flag_lock);
	if (current->flags & PF_EXITING) {
		ret = -ESRCH;
		goto out;
	}
	f = find_flag(current);
	if (!f) {
		if (!new) {
			ret = -ENOMEM;
			goto out;
		}
		f = insert_locked(current, new);
		new = NULL;
	}
	ret = !(f->reasons & LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_NETWORK));
	set_reason_locked(f, LTTNG_DT_REASON_NETWORK, 0);
	WRITE_ONCE(f->net_touched, ktime_get_mono_fast_ns());
out:
	spin_unlock(&flag_lock);
	kfree(new);
	if (ret >= 0)
		this_cpu_write(lttng_dt_current_flagged, 1);
	return ret;
}
EXPORT_SYMBOL_GPL(lttng_dt_flag_network);

/* The reasons t is flagged for now (0: not flagged); any context. */
u32 lttng_dt_flag_reasons(struct task_struct *t)
{
	struct dt_flag *f;
	u32 reasons = 0;

	if (!READ_ONCE(nr_flagged))
		return 0;
	rcu_read_lock();
	f = find_flag(t);
	if (f)
		reasons = READ_ONCE(f->reasons);
	rcu_read_unlock();
	return reasons;
}
EXPORT_SYMBOL_GPL(lttng_dt_flag_reasons);

/*
 * Clear reasons from current and refresh this CPU's bit at once: the
 * thread keeps running here, and no switch would update the bit before
 * its next event.
 */
u32 lttng_dt_flag_clear_current(u32 reasons)
{
	u32 cleared = lttng_dt_flag_clear(current, reasons);

	if (cleared)
		this_cpu_write(lttng_dt_current_flagged,
			       lttng_dt_task_flagged(current));
	return cleared;
}
EXPORT_SYMBOL_GPL(lttng_dt_flag_clear_current);

/*
 * Clear the network reason of every thread not re-flagged by the network
 * since cutoff (CLOCK_MONOTONIC ns); the number cleared. The caller
 * refreshes the CPUs (lttng_dt_refresh_cpus()) if it is not zero.
 */
unsigned int lttng_dt_flag_expire_network(u64 cutoff)
{
	const u32 net = LTTNG_DT_REASON_BIT(LTTNG_DT_REASON_NETWORK);
	struct hlist_node *tmp;
	unsigned int n = 0;
	struct dt_flag *f;
	int bkt;

	if (!READ_ONCE(nr_flagged))
		return 0;
	spin_lock(&flag_lock);
	hash_for_each_safe(flag_table, bkt, tmp, f, node)
		if ((f->reasons & net) && f->net_touched < cutoff)
			n += !!clear_reasons_locked(f, net);
	spin_unlock(&flag_lock);
	return n;
}
EXPORT_SYMBOL_GPL(lttng_dt_flag_expire_network);

/* Module exit: the probes are gone and no session is left. */
void lttng_dt_flag_exit_module(void)
{
	struct hlist_node *tmp;
	struct dt_flag *f;
	int bkt;

	spin_lock(&flag_lock);
	hash_for_each_safe(flag_table, bkt, tmp, f, node) {
		hash_del_rcu(&f->node);
		kfree_rcu(f, rcu);
	}
	nr_flagged = 0;
	spin_unlock(&flag_lock);
}
