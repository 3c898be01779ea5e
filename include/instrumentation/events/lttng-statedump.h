/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The statedump events (tracepoints in include/lttng/statedump.h, fired by
 * the module lttng-statedump): names, fields, types and order of
 * lttng-modules 2.13.9 on x86-64. The first argument of each is the
 * session the event is for (LTTNG_PROBE_SESSION_CHECK).
 *
 * The walk calls the per-thread events under RCU and the thread's
 * task_lock, so the task's nsproxy, credentials and parent are stable.
 */
LTTNG_EVENT_LOCAL(lttng_statedump_start,
	LTTNG_PROTO(struct lttng_session *session),
	LTTNG_FIELDS())

LTTNG_EVENT_LOCAL(lttng_statedump_end,
	LTTNG_PROTO(struct lttng_session *session),
	LTTNG_FIELDS())

LTTNG_EVENT_LOCAL(lttng_statedump_process_state,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    int type, int mode, int submode, int status,
		    struct files_struct *files),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(pid_t, pid, p->tgid)
		f_int(pid_t, ppid, task_tgid_nr(rcu_dereference(p->real_parent)))
		f_text(name, p->comm, TASK_COMM_LEN)
		f_int(int, type, type)
		f_int(int, mode, mode)
		f_int(int, submode, submode)
		f_int(int, status, status)
		f_int(unsigned int, cpu, task_cpu(p))
		f_hex(unsigned long, file_table_address, (unsigned long)files)
	))

LTTNG_EVENT_LOCAL(lttng_statedump_process_cgroup_ns,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct cgroup_namespace *cgroup_ns),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(unsigned int, ns_inum, cgroup_ns ? cgroup_ns->ns.inum : 0)
	))

LTTNG_EVENT_LOCAL(lttng_statedump_process_ipc_ns,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct ipc_namespace *ipc_ns),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(unsigned int, ns_inum, ipc_ns ? ipc_ns->ns.inum : 0)
	))

#ifdef LTTNG_HAVE_MNT_NS_HEADER
LTTNG_EVENT_LOCAL(lttng_statedump_process_mnt_ns,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct mnt_namespace *mnt_ns),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(unsigned int, ns_inum, mnt_ns ? mnt_ns->ns.inum : 0)
	))
#endif

LTTNG_EVENT_LOCAL(lttng_statedump_process_net_ns,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct net *net_ns),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(unsigned int, ns_inum, net_ns ? net_ns->ns.inum : 0)
	))

/* Numbers as seen from pid_ns; the walk fires it for each ancestor too. */
LTTNG_EVENT_LOCAL(lttng_statedump_process_pid_ns,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct pid_namespace *pid_ns),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(pid_t, vtid, pid_ns ? task_pid_nr_ns(p, pid_ns) : 0)
		f_int(pid_t, vpid, pid_ns ? task_tgid_nr_ns(p, pid_ns) : 0)
		f_int(pid_t, vppid, pid_ns ?
		      task_tgid_nr_ns(rcu_dereference(p->real_parent), pid_ns) : 0)
		f_int(int, ns_level, pid_ns ? pid_ns->level : 0)
		f_int(unsigned int, ns_inum, pid_ns ? pid_ns->ns.inum : 0)
	))

/* Ids as seen from user_ns; the walk fires it for each ancestor too. */
LTTNG_EVENT_LOCAL(lttng_statedump_process_user_ns,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct user_namespace *user_ns),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(uid_t, vuid, user_ns ?
		      from_kuid_munged(user_ns, task_cred_xxx(p, uid)) : 0)
		f_int(gid_t, vgid, user_ns ?
		      from_kgid_munged(user_ns, task_cred_xxx(p, gid)) : 0)
		f_int(int, ns_level, user_ns ? user_ns->level : 0)
		f_int(unsigned int, ns_inum, user_ns ? user_ns->ns.inum : 0)
	))

LTTNG_EVENT_LOCAL(lttng_statedump_process_uts_ns,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct uts_namespace *uts_ns),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(unsigned int, ns_inum, uts_ns ? uts_ns->ns.inum : 0)
	))

#ifdef LTTNG_HAVE_TIME_NS
LTTNG_EVENT_LOCAL(lttng_statedump_process_time_ns,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct time_namespace *time_ns),
	LTTNG_FIELDS(
		f_int(pid_t, tid, p->pid)
		f_int(unsigned int, ns_inum, time_ns ? time_ns->ns.inum : 0)
	))
#endif

/* flags: open(2) flags (octal), with O_CLOEXEC from the fd table. */
LTTNG_EVENT_LOCAL(lttng_statedump_file_descriptor,
	LTTNG_PROTO(struct lttng_session *session, struct files_struct *files,
		    int fd, const char *filename, unsigned int flags,
		    fmode_t fmode),
	LTTNG_FIELDS(
		f_hex(unsigned long, file_table_address, (unsigned long)files)
		f_int(int, fd, fd)
		f_oct(unsigned int, flags, flags)
		f_hex(unsigned int, fmode, (__force unsigned int)fmode)
		f_string(filename, filename)
	))

LTTNG_EVENT_LOCAL(lttng_statedump_vm_map,
	LTTNG_PROTO(struct lttng_session *session, struct task_struct *p,
		    struct vm_area_struct *map, unsigned long inode),
	LTTNG_FIELDS(
		f_int(pid_t, pid, p->tgid)
		f_hex(unsigned long, start, map->vm_start)
		f_hex(unsigned long, end, map->vm_end)
		f_hex(unsigned long, flags, map->vm_flags)
		f_int(unsigned long, inode, inode)
		f_int(unsigned long, pgoff, map->vm_pgoff << PAGE_SHIFT)
	))

/* One per IPv4 address of an interface that is up; address 0 if down. */
LTTNG_EVENT_LOCAL(lttng_statedump_network_interface,
	LTTNG_PROTO(struct lttng_session *session, struct net_device *dev,
		    struct in_ifaddr *ifa),
	LTTNG_FIELDS(
		f_string(name, dev->name)
		f_hex_net(uint32_t, address_ipv4,
			  ifa ? (__force uint32_t)ifa->ifa_address : 0U)
	))

LTTNG_EVENT_LOCAL(lttng_statedump_block_device,
	LTTNG_PROTO(struct lttng_session *session, dev_t dev,
		    const char *diskname),
	LTTNG_FIELDS(
		f_int(dev_t, dev, dev)
		f_string(diskname, diskname)
	))

/* Fired with the descriptor's lock held: the action cannot go away. */
LTTNG_EVENT_LOCAL(lttng_statedump_interrupt,
	LTTNG_PROTO(struct lttng_session *session, unsigned int irq,
		    const char *chip_name, struct irqaction *action),
	LTTNG_FIELDS(
		f_int(unsigned int, irq, irq)
		f_string(name, chip_name)
		f_string(action, action->name ? action->name : "")
		f_int(pid_t, tid, action->thread ? action->thread->pid : 0)
	))

#ifdef CONFIG_X86
LTTNG_EVENT_LOCAL(lttng_statedump_cpu_topology,
	LTTNG_PROTO(struct lttng_session *session, struct cpuinfo_x86 *c),
	LTTNG_FIELDS(
		f_string(architecture, "x86")
		f_int(uint16_t, cpu_id, c->cpu_index)
		f_string(vendor, c->x86_vendor_id[0] ? c->x86_vendor_id : "unknown")
		f_int(uint8_t, family, c->x86)
		f_int(uint8_t, model, c->x86_model)
		f_string(model_name, c->x86_model_id[0] ? c->x86_model_id : "unknown")
		f_int(uint16_t, physical_id, c->phys_proc_id)
		f_int(uint16_t, core_id, c->cpu_core_id)
		f_int(uint16_t, cores, c->booted_cores)
	))
#endif
