// SPDX-License-Identifier: GPL-2.0-only
/*
 * The threads: one lttng_statedump_process_state per thread, its
 * namespaces, and the open files of its fd table.
 *
 * Processes are walked by thread-group id, the way /proc lists them:
 * each step looks up the next tgid and walks that process's threads
 * under RCU, then leaves the read-side section and may reschedule. So no
 * RCU section spans more than one process, and a thread that exits
 * meanwhile is simply not found. Each thread's task_lock is held while
 * its events are recorded: its nsproxy and fd table cannot go away.
 */
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/nsproxy.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/user_namespace.h>

#include <lttng/statedump.h>

#include "statedump.h"

/* process_state's values, as lttng-modules records them. */
enum {
	LTTNG_USER_THREAD = 0,
	LTTNG_KERNEL_THREAD = 1,
};

/* The mode is not known from outside the thread. */
#define LTTNG_MODE_UNKNOWN	5
#define LTTNG_SUBMODE_NONE	0

enum {
	LTTNG_UNNAMED = 0,
	LTTNG_WAIT_FORK = 1,
	LTTNG_WAIT_CPU = 2,
	LTTNG_ZOMBIE = 4,
	LTTNG_WAIT = 5,
	LTTNG_DEAD = 7,
};

struct fd_walk {
	struct lttng_session *session;
	struct files_struct *files;
	char *page;			/* d_path() buffer */
};

/*
 * lttng-modules' rule, kept so that viewers read the same values: a
 * runnable thread off any RT run list counts as "waiting for fork",
 * which is what it reports for every runnable CFS thread.
 */
static int thread_status(struct task_struct *t)
{
	unsigned int state = READ_ONCE(t->__state);

	if (t->exit_state == EXIT_ZOMBIE)
		return LTTNG_ZOMBIE;
	if (t->exit_state == EXIT_DEAD)
		return LTTNG_DEAD;
	if (state == TASK_RUNNING)
		return list_empty(&t->rt.run_list) ? LTTNG_WAIT_FORK : LTTNG_WAIT_CPU;
	if (state & (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE))
		return LTTNG_WAIT;
	return LTTNG_UNNAMED;
}

/* Called by iterate_fd() with the table's file_lock held. */
static int dump_fd(const void *arg, struct file *file, unsigned int fd)
{
	const struct fd_walk *w = arg;
	/* Only the flags user space can see, plus close-on-exec. */
	unsigned int flags = file->f_flags & ~(__force unsigned int)FMODE_NONOTIFY;
	struct fdtable *fdt = files_fdtable(w->files);
	const char *path;

	if (fd < fdt->max_fds && close_on_exec(fd, fdt))
		flags |= O_CLOEXEC;
	path = d_path(&file->f_path, w->page, PAGE_SIZE);
	if (!IS_ERR(path)) {
		trace_lttng_statedump_file_descriptor(w->session, w->files, fd,
						      path, flags, file->f_mode);
		return 0;
	}
	/* No full path (too long, say): the name at least, held still. */
	spin_lock(&file->f_path.dentry->d_lock);
	trace_lttng_statedump_file_descriptor(w->session, w->files, fd,
					      file->f_path.dentry->d_name.name,
					      flags, file->f_mode);
	spin_unlock(&file->f_path.dentry->d_lock);
	return 0;
}

/* pid and user namespaces nest: each ancestor is recorded too. */
static void dump_nested_namespaces(struct lttng_session *session,
				   struct task_struct *t)
{
	struct pid_namespace *pid_ns = task_active_pid_ns(t);
	struct user_namespace *user_ns = task_cred_xxx(t, user_ns);

	do {
		trace_lttng_statedump_process_pid_ns(session, t, pid_ns);
		pid_ns = pid_ns ? pid_ns->parent : NULL;
	} while (pid_ns);
	do {
		trace_lttng_statedump_process_user_ns(session, t, user_ns);
		user_ns = user_ns ? user_ns->parent : NULL;
	} while (user_ns);
}

/* Called with the thread's task_lock held (it guards nsproxy). */
static void dump_namespaces(struct lttng_session *session, struct task_struct *t)
{
	struct nsproxy *proxy = t->nsproxy;

	dump_nested_namespaces(session, t);
	if (!proxy)		/* exiting */
		return;
	trace_lttng_statedump_process_cgroup_ns(session, t, proxy->cgroup_ns);
	trace_lttng_statedump_process_ipc_ns(session, t, proxy->ipc_ns);
#ifdef LTTNG_HAVE_MNT_NS_HEADER
	trace_lttng_statedump_process_mnt_ns(session, t, proxy->mnt_ns);
#endif
	trace_lttng_statedump_process_net_ns(session, t, proxy->net_ns);
	trace_lttng_statedump_process_uts_ns(session, t, proxy->uts_ns);
#ifdef LTTNG_HAVE_TIME_NS
	trace_lttng_statedump_process_time_ns(session, t, proxy->time_ns);
#endif
}

/*
 * Threads sharing their fd table (the usual case) follow one another in
 * a process: its files are recorded once, for the first of them.
 */
static void dump_thread(struct lttng_session *session, struct task_struct *t,
			char *page, struct files_struct **prev_files)
{
	struct fd_walk w = { .session = session, .page = page };

	task_lock(t);
	w.files = t->files;
	trace_lttng_statedump_process_state(session, t,
					    t->mm ? LTTNG_USER_THREAD : LTTNG_KERNEL_THREAD,
					    LTTNG_MODE_UNKNOWN, LTTNG_SUBMODE_NONE,
					    thread_status(t), w.files);
	dump_namespaces(session, t);
	if (w.files && w.files != *prev_files) {
		iterate_fd(w.files, 0, dump_fd, &w);
		*prev_files = w.files;
	}
	task_unlock(t);
}

/* The process whose tgid is the first at or after *nr; false at the end. */
static bool dump_next_process(struct lttng_session *session, int *nr, char *page)
{
	struct files_struct *prev_files = NULL;
	struct task_struct *leader, *t;
	struct pid *pid;

	rcu_read_lock();
	pid = find_ge_pid(*nr, &init_pid_ns);
	if (!pid) {
		rcu_read_unlock();
		return false;
	}
	*nr = pid_nr(pid) + 1;
	leader = pid_task(pid, PIDTYPE_TGID);
	if (leader)
		for_each_thread(leader, t)
			dump_thread(session, t, page, &prev_files);
	rcu_read_unlock();
	return true;
}

int lttng_statedump_tasks(struct lttng_session *session)
{
	char *page = (char *)__get_free_page(GFP_KERNEL);
	int nr = 1;

	if (!page)
		return -ENOMEM;
	while (dump_next_process(session, &nr, page))
		cond_resched();
	free_page((unsigned long)page);
	return 0;
}
