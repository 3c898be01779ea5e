/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The statedump tracepoints, listed once: include/lttng/statedump.h
 * declares them and src/statedump/main.c defines them, each by defining
 * LTTNG_STATEDUMP_TP(name, proto, args) before including this file.
 * No include guard, on purpose.
 */
/*
 * The tracepoints, in lttng-modules' order. Values of process_state's
 * type, mode, submode and status are lttng-modules' (see
 * src/statedump/tasks.c).
 */
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

/* Declared for lttng-modules' event list; like 2.13.9, never fired. */
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
