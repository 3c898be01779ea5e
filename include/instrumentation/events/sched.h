/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Scheduler events. Names, fields, types and order are those of
 * lttng-modules 2.13 for the running kernel's tracepoints, so existing
 * analyses read our traces unchanged. Read once per generator pass: no
 * include guard on purpose (helpers below have their own).
 *
 * Events about a thread other than the one running (the task woken,
 * switched to, forked, migrated...) name it as their peer, so a gated
 * session keeps them when either thread is flagged.
 */
#ifndef _LTTNG_INSTRUMENTATION_SCHED_HELPERS
#define _LTTNG_INSTRUMENTATION_SCHED_HELPERS

#include <linux/binfmts.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/sched/prio.h>

/* Deepest pid namespace nesting recorded in sched_process_fork's vtids. */
#define LTTNG_MAX_PID_NS_LEVEL	32

static inline int lttng_task_prio(const struct task_struct *t)
{
	return t->prio - MAX_RT_PRIO;
}

/*
 * The state sched_switch reports for the task leaving the CPU: one bit
 * per TASK_REPORT state, TASK_REPORT_MAX if it was preempted (it stays
 * runnable whatever its state says), 0 when running.
 */
#ifdef LTTNG_HAVE_SCHED_SWITCH_PREV_STATE
static inline long lttng_switch_state(bool preempt, unsigned int prev_state,
				      const struct task_struct *p)
{
	unsigned int idx;

	if (preempt)
		return TASK_REPORT_MAX;
	idx = __task_state_index(prev_state, p->exit_state);
	return idx ? 1L << (idx - 1) : 0;
}
#else
static inline long lttng_switch_state(bool preempt, const struct task_struct *p)
{
	unsigned int idx;

	if (preempt)
		return TASK_REPORT_MAX;
	idx = task_state_index((struct task_struct *)p);
	return idx ? 1L << (idx - 1) : 0;
}
#endif

static inline unsigned int lttng_pid_ns_inum(struct task_struct *t)
{
	struct pid_namespace *ns = t ? task_active_pid_ns(t) : NULL;

	return ns ? ns->ns.inum : 0;
}

#endif /* _LTTNG_INSTRUMENTATION_SCHED_HELPERS */

LTTNG_EVENT(sched_kthread_stop,
	LTTNG_PROTO(struct task_struct *t),
	LTTNG_FIELDS(
		f_text(comm, t->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, t->pid)
	))

LTTNG_EVENT(sched_kthread_stop_ret,
	LTTNG_PROTO(int ret),
	LTTNG_FIELDS(
		f_int(int, ret, ret)
	))

#define LTTNG_SCHED_WAKEUP_FIELDS(p)					\
	f_text(comm, p->comm, TASK_COMM_LEN)				\
	f_int(pid_t, tid, p->pid)					\
	f_int(int, prio, lttng_task_prio(p))				\
	f_int(int, target_cpu, task_cpu(p))

LTTNG_EVENT_PEER(sched_waking,
	LTTNG_PROTO(struct task_struct *p), p,
	LTTNG_FIELDS(LTTNG_SCHED_WAKEUP_FIELDS(p)))

LTTNG_EVENT_PEER(sched_wakeup,
	LTTNG_PROTO(struct task_struct *p), p,
	LTTNG_FIELDS(LTTNG_SCHED_WAKEUP_FIELDS(p)))

LTTNG_EVENT_PEER(sched_wakeup_new,
	LTTNG_PROTO(struct task_struct *p), p,
	LTTNG_FIELDS(LTTNG_SCHED_WAKEUP_FIELDS(p)))

#ifdef LTTNG_HAVE_SCHED_SWITCH_PREV_STATE
#define LTTNG_SCHED_SWITCH_PROTO					\
	LTTNG_PROTO(bool preempt, struct task_struct *prev,		\
		    struct task_struct *next, unsigned int prev_state)
#define LTTNG_SCHED_SWITCH_STATE	lttng_switch_state(preempt, prev_state, prev)
#else
#define LTTNG_SCHED_SWITCH_PROTO					\
	LTTNG_PROTO(bool preempt, struct task_struct *prev,		\
		    struct task_struct *next)
#define LTTNG_SCHED_SWITCH_STATE	lttng_switch_state(preempt, prev)
#endif

LTTNG_EVENT_PEER(sched_switch,
	LTTNG_SCHED_SWITCH_PROTO, next,
	LTTNG_FIELDS(
		f_text(prev_comm, prev->comm, TASK_COMM_LEN)
		f_int(pid_t, prev_tid, prev->pid)
		f_int(int, prev_prio, lttng_task_prio(prev))
		f_int(long, prev_state, LTTNG_SCHED_SWITCH_STATE)
		f_text(next_comm, next->comm, TASK_COMM_LEN)
		f_int(pid_t, next_tid, next->pid)
		f_int(int, next_prio, lttng_task_prio(next))
	))

LTTNG_EVENT_PEER(sched_migrate_task,
	LTTNG_PROTO(struct task_struct *p, int dest_cpu), p,
	LTTNG_FIELDS(
		f_text(comm, p->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, p->pid)
		f_int(int, prio, lttng_task_prio(p))
		f_int(int, orig_cpu, task_cpu(p))
		f_int(int, dest_cpu, dest_cpu)
	))

#define LTTNG_SCHED_PROCESS_FIELDS(p)					\
	f_text(comm, p->comm, TASK_COMM_LEN)				\
	f_int(pid_t, tid, p->pid)					\
	f_int(int, prio, lttng_task_prio(p))

LTTNG_EVENT(sched_process_free,
	LTTNG_PROTO(struct task_struct *p),
	LTTNG_FIELDS(LTTNG_SCHED_PROCESS_FIELDS(p)))

LTTNG_EVENT(sched_process_exit,
	LTTNG_PROTO(struct task_struct *p),
	LTTNG_FIELDS(LTTNG_SCHED_PROCESS_FIELDS(p)))

LTTNG_EVENT(sched_wait_task,
	LTTNG_PROTO(struct task_struct *p),
	LTTNG_FIELDS(LTTNG_SCHED_PROCESS_FIELDS(p)))

LTTNG_EVENT(sched_process_wait,
	LTTNG_PROTO(struct pid *pid),
	LTTNG_FIELDS(
		f_text(comm, current->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, pid_nr(pid))
		f_int(int, prio, lttng_task_prio(current))
	))

/* vtids: the child's thread id in each pid namespace, outermost first. */
LTTNG_EVENT_CODE_PEER(sched_process_fork, sched_process_fork,
	LTTNG_PROTO(struct task_struct *parent, struct task_struct *child),
	LTTNG_LOCALS(
		pid_t vtids[LTTNG_MAX_PID_NS_LEVEL];
		unsigned int ns_level;
	),
	LTTNG_CODE(
		struct pid *child_pid = task_pid(child);
		unsigned int i;

		tp_locvar->ns_level = min_t(unsigned int, child_pid->level + 1,
					    LTTNG_MAX_PID_NS_LEVEL);
		for (i = 0; i < tp_locvar->ns_level; i++)
			tp_locvar->vtids[i] = child_pid->numbers[i].nr;
	),
	child,
	LTTNG_FIELDS(
		f_text(parent_comm, parent->comm, TASK_COMM_LEN)
		f_int(pid_t, parent_tid, parent->pid)
		f_int(pid_t, parent_pid, parent->tgid)
		f_int(unsigned int, parent_ns_inum, lttng_pid_ns_inum(parent))
		f_text(child_comm, child->comm, TASK_COMM_LEN)
		f_int(pid_t, child_tid, child->pid)
		f_seq(pid_t, vtids, tp_locvar->vtids, u8, tp_locvar->ns_level)
		f_int(pid_t, child_pid, child->tgid)
		f_int(unsigned int, child_ns_inum, lttng_pid_ns_inum(child))
	))

LTTNG_EVENT(sched_process_exec,
	LTTNG_PROTO(struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm),
	LTTNG_FIELDS(
		f_string(filename, bprm->filename)
		f_int(pid_t, tid, p->pid)
		f_int(pid_t, old_tid, old_pid)
	))

/* The kernel declares the sched_stat tracepoints only with schedstats. */
#ifdef CONFIG_SCHEDSTATS
#define LTTNG_SCHED_STAT_FIELDS(tsk, delay)				\
	f_text(comm, tsk->comm, TASK_COMM_LEN)				\
	f_int(pid_t, tid, tsk->pid)					\
	f_int(u64, delay, delay)

LTTNG_EVENT_PEER(sched_stat_wait,
	LTTNG_PROTO(struct task_struct *tsk, u64 delay), tsk,
	LTTNG_FIELDS(LTTNG_SCHED_STAT_FIELDS(tsk, delay)))

LTTNG_EVENT_PEER(sched_stat_sleep,
	LTTNG_PROTO(struct task_struct *tsk, u64 delay), tsk,
	LTTNG_FIELDS(LTTNG_SCHED_STAT_FIELDS(tsk, delay)))

LTTNG_EVENT_PEER(sched_stat_iowait,
	LTTNG_PROTO(struct task_struct *tsk, u64 delay), tsk,
	LTTNG_FIELDS(LTTNG_SCHED_STAT_FIELDS(tsk, delay)))

LTTNG_EVENT_PEER(sched_stat_blocked,
	LTTNG_PROTO(struct task_struct *tsk, u64 delay), tsk,
	LTTNG_FIELDS(LTTNG_SCHED_STAT_FIELDS(tsk, delay)))
#endif /* CONFIG_SCHEDSTATS */

LTTNG_EVENT_PEER(sched_stat_runtime,
	LTTNG_PROTO(struct task_struct *tsk, u64 runtime, u64 vruntime), tsk,
	LTTNG_FIELDS(
		f_text(comm, tsk->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, tsk->pid)
		f_int(u64, runtime, runtime)
		f_int(u64, vruntime, vruntime)
	))

LTTNG_EVENT_PEER(sched_pi_setprio,
	LTTNG_PROTO(struct task_struct *tsk, struct task_struct *pi_task), tsk,
	LTTNG_FIELDS(
		f_text(comm, tsk->comm, TASK_COMM_LEN)
		f_int(pid_t, tid, tsk->pid)
		f_int(int, oldprio, lttng_task_prio(tsk))
		f_int(int, newprio, pi_task ? lttng_task_prio(pi_task) : lttng_task_prio(tsk))
	))
