// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-statedump: defines the statedump tracepoints and walks the system
 * for the tracer (see include/lttng/statedump.h), in lttng-modules' order:
 * start, threads (each with its namespaces and files), interrupts,
 * network interfaces, block devices, CPUs, end.
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/cpu.h>
#include <linux/workqueue.h>

#include <lttng/statedump.h>

#include "statedump.h"

/* Every tracepoint, exported for lttng-probe-statedump. */
#define LTTNG_STATEDUMP_TP(name, proto, args)				\
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args));		\
	EXPORT_TRACEPOINT_SYMBOL_GPL(name)

LTTNG_STATEDUMP_TP(lttng_statedump_start,
	TP_PROTO(struct lttng_session *session),
	TP_ARGS(session));
LTTNG_STATEDUMP_TP(lttng_statedump_end,
	TP_PROTO(struct lttng_session *session),
	TP_ARGS(session));
LTTNG_STATEDUMP_TP(lttng_statedump_process_state,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 int type, int mode, int submode, int status,
		 struct files_struct *files),
	TP_ARGS(session, p, type, mode, submode, status, files));
LTTNG_STATEDUMP_TP(lttng_statedump_process_cgroup_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct cgroup_namespace *cgroup_ns),
	TP_ARGS(session, p, cgroup_ns));
LTTNG_STATEDUMP_TP(lttng_statedump_process_ipc_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct ipc_namespace *ipc_ns),
	TP_ARGS(session, p, ipc_ns));
#ifdef LTTNG_HAVE_MNT_NS_HEADER
LTTNG_STATEDUMP_TP(lttng_statedump_process_mnt_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct mnt_namespace *mnt_ns),
	TP_ARGS(session, p, mnt_ns));
#endif
LTTNG_STATEDUMP_TP(lttng_statedump_process_net_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct net *net_ns),
	TP_ARGS(session, p, net_ns));
LTTNG_STATEDUMP_TP(lttng_statedump_process_pid_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct pid_namespace *pid_ns),
	TP_ARGS(session, p, pid_ns));
LTTNG_STATEDUMP_TP(lttng_statedump_process_user_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct user_namespace *user_ns),
	TP_ARGS(session, p, user_ns));
LTTNG_STATEDUMP_TP(lttng_statedump_process_uts_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct uts_namespace *uts_ns),
	TP_ARGS(session, p, uts_ns));
#ifdef LTTNG_HAVE_TIME_NS
LTTNG_STATEDUMP_TP(lttng_statedump_process_time_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct time_namespace *time_ns),
	TP_ARGS(session, p, time_ns));
#endif
LTTNG_STATEDUMP_TP(lttng_statedump_file_descriptor,
	TP_PROTO(struct lttng_session *session, struct files_struct *files,
		 int fd, const char *filename, unsigned int flags, fmode_t fmode),
	TP_ARGS(session, files, fd, filename, flags, fmode));
LTTNG_STATEDUMP_TP(lttng_statedump_vm_map,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct vm_area_struct *map, unsigned long inode),
	TP_ARGS(session, p, map, inode));
LTTNG_STATEDUMP_TP(lttng_statedump_network_interface,
	TP_PROTO(struct lttng_session *session, struct net_device *dev,
		 struct in_ifaddr *ifa),
	TP_ARGS(session, dev, ifa));
LTTNG_STATEDUMP_TP(lttng_statedump_block_device,
	TP_PROTO(struct lttng_session *session, dev_t dev, const char *diskname),
	TP_ARGS(session, dev, diskname));
LTTNG_STATEDUMP_TP(lttng_statedump_interrupt,
	TP_PROTO(struct lttng_session *session, unsigned int irq,
		 const char *chip_name, struct irqaction *action),
	TP_ARGS(session, irq, chip_name, action));
#ifdef CONFIG_X86
LTTNG_STATEDUMP_TP(lttng_statedump_cpu_topology,
	TP_PROTO(struct lttng_session *session, struct cpuinfo_x86 *c),
	TP_ARGS(session, c));
#endif

/* Serialised by lttng_sessions_lock: one statedump at a time. */
static DEFINE_PER_CPU(struct work_struct, cpu_pass);

static void cpu_pass_fn(struct work_struct *work)
{
}

/*
 * Before end, make every online CPU schedule a kworker once, as
 * lttng-modules does: with scheduler events enabled, a viewer then knows
 * each CPU's current thread by the time it reads the end of the statedump.
 */
static void pass_through_each_cpu(void)
{
	int cpu;

	cpus_read_lock();
	for_each_online_cpu(cpu) {
		INIT_WORK(per_cpu_ptr(&cpu_pass, cpu), cpu_pass_fn);
		schedule_work_on(cpu, per_cpu_ptr(&cpu_pass, cpu));
	}
	for_each_online_cpu(cpu)
		flush_work(per_cpu_ptr(&cpu_pass, cpu));
	cpus_read_unlock();
}

static int statedump(struct lttng_session *session)
{
	int ret;

	trace_lttng_statedump_start(session);
	ret = lttng_statedump_tasks(session);
	if (ret)
		return ret;
	lttng_statedump_interrupts(session);
	lttng_statedump_network(session);
	lttng_statedump_block_devices(session);
	lttng_statedump_cpus(session);
	pass_through_each_cpu();
	trace_lttng_statedump_end(session);
	return 0;
}

static int __init lttng_statedump_init(void)
{
	return lttng_statedump_provider_register(statedump);
}
module_init(lttng_statedump_init);

static void __exit lttng_statedump_exit(void)
{
	lttng_statedump_provider_unregister(statedump);
}
module_exit(lttng_statedump_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt statedump: tracepoints and system walk");
