/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The statedump: at session start (and on `lttng regenerate statedump`)
 * the tracer describes the state viewers cannot learn from events alone
 * (threads, their namespaces and open files, network interfaces, block
 * devices, interrupts, CPUs) as events recorded into that session only.
 *
 * As in lttng-modules, the module lttng-statedump defines these
 * tracepoints and walks the system, and lttng-probe-statedump records
 * them. Every tracepoint takes the session first: the probes compare it
 * with their recorder's session, so one session's statedump never lands
 * in another.
 *
 * lttng-statedump offers its walk to the tracer with
 * lttng_statedump_provider_register(); the tracer runs it, under
 * lttng_sessions_lock, after a session becomes active.
 */
#ifndef _LTTNG_STATEDUMP_H
#define _LTTNG_STATEDUMP_H

#include <linux/tracepoint.h>
#include <linux/types.h>

struct lttng_session;
struct task_struct;
struct files_struct;
struct cgroup_namespace;
struct ipc_namespace;
struct mnt_namespace;
struct net;
struct pid_namespace;
struct user_namespace;
struct uts_namespace;
struct time_namespace;
struct vm_area_struct;
struct net_device;
struct in_ifaddr;
struct irqaction;
struct cpuinfo_x86;

/* Walks the system for one session; 0 or a negative errno. */
typedef int (*lttng_statedump_fn)(struct lttng_session *session);

int lttng_statedump_provider_register(lttng_statedump_fn dump);
void lttng_statedump_provider_unregister(lttng_statedump_fn dump);

/*
 * The tracepoints, in lttng-modules' order. Values of process_state's
 * type, mode, submode and status are lttng-modules' (see
 * src/statedump/tasks.c).
 */
DECLARE_TRACE(lttng_statedump_start,
	TP_PROTO(struct lttng_session *session),
	TP_ARGS(session));

DECLARE_TRACE(lttng_statedump_end,
	TP_PROTO(struct lttng_session *session),
	TP_ARGS(session));

DECLARE_TRACE(lttng_statedump_process_state,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 int type, int mode, int submode, int status,
		 struct files_struct *files),
	TP_ARGS(session, p, type, mode, submode, status, files));

DECLARE_TRACE(lttng_statedump_process_cgroup_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct cgroup_namespace *cgroup_ns),
	TP_ARGS(session, p, cgroup_ns));

DECLARE_TRACE(lttng_statedump_process_ipc_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct ipc_namespace *ipc_ns),
	TP_ARGS(session, p, ipc_ns));

#ifdef LTTNG_HAVE_MNT_NS_HEADER
DECLARE_TRACE(lttng_statedump_process_mnt_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct mnt_namespace *mnt_ns),
	TP_ARGS(session, p, mnt_ns));
#endif

DECLARE_TRACE(lttng_statedump_process_net_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct net *net_ns),
	TP_ARGS(session, p, net_ns));

DECLARE_TRACE(lttng_statedump_process_pid_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct pid_namespace *pid_ns),
	TP_ARGS(session, p, pid_ns));

DECLARE_TRACE(lttng_statedump_process_user_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct user_namespace *user_ns),
	TP_ARGS(session, p, user_ns));

DECLARE_TRACE(lttng_statedump_process_uts_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct uts_namespace *uts_ns),
	TP_ARGS(session, p, uts_ns));

#ifdef LTTNG_HAVE_TIME_NS
DECLARE_TRACE(lttng_statedump_process_time_ns,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct time_namespace *time_ns),
	TP_ARGS(session, p, time_ns));
#endif

DECLARE_TRACE(lttng_statedump_file_descriptor,
	TP_PROTO(struct lttng_session *session, struct files_struct *files,
		 int fd, const char *filename, unsigned int flags, fmode_t fmode),
	TP_ARGS(session, files, fd, filename, flags, fmode));

/* Declared for lttng-modules' event list; like 2.13.9, never fired. */
DECLARE_TRACE(lttng_statedump_vm_map,
	TP_PROTO(struct lttng_session *session, struct task_struct *p,
		 struct vm_area_struct *map, unsigned long inode),
	TP_ARGS(session, p, map, inode));

DECLARE_TRACE(lttng_statedump_network_interface,
	TP_PROTO(struct lttng_session *session, struct net_device *dev,
		 struct in_ifaddr *ifa),
	TP_ARGS(session, dev, ifa));

DECLARE_TRACE(lttng_statedump_block_device,
	TP_PROTO(struct lttng_session *session, dev_t dev, const char *diskname),
	TP_ARGS(session, dev, diskname));

DECLARE_TRACE(lttng_statedump_interrupt,
	TP_PROTO(struct lttng_session *session, unsigned int irq,
		 const char *chip_name, struct irqaction *action),
	TP_ARGS(session, irq, chip_name, action));

#ifdef CONFIG_X86
DECLARE_TRACE(lttng_statedump_cpu_topology,
	TP_PROTO(struct lttng_session *session, struct cpuinfo_x86 *c),
	TP_ARGS(session, c));
#endif

#endif /* _LTTNG_STATEDUMP_H */
