// SPDX-License-Identifier: GPL-2.0-only
/*
 * Context fields: facts about the current task written in every record
 * of a channel, after the event header, in the order they were added.
 *
 * Every recorder runs in the context of the event, possibly an interrupt
 * (the fields then describe the interrupted task) or an exiting task
 * whose namespaces are already gone (the fields then read 0 or empty, as
 * lttng-modules records them). None of them may sleep or take locks.
 */
#include <linux/cgroup.h>
#include <linux/cred.h>
#include <linux/ipc_namespace.h>
#include <linux/irqflags.h>
#include <linux/nsproxy.h>
#include <linux/percpu.h>
#include <linux/pid_namespace.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/prio.h>
#include <linux/time_namespace.h>
#include <linux/user_namespace.h>
#include <linux/utsname.h>
#include <net/net_namespace.h>

#include <lttng/objects.h>

#include "core/lttng-context.h"

/* lttng-tools' context type numbers (enum lttng_kernel_abi_context_type). */
enum {
	CTX_PID = 0, CTX_PERF_COUNTER = 1, CTX_PROCNAME = 2, CTX_PRIO = 3,
	CTX_NICE = 4, CTX_VPID = 5, CTX_TID = 6, CTX_VTID = 7, CTX_PPID = 8,
	CTX_VPPID = 9, CTX_HOSTNAME = 10, CTX_CPU_ID = 11,
	CTX_INTERRUPTIBLE = 12, CTX_PREEMPTIBLE = 13, CTX_NEED_RESCHEDULE = 14,
	CTX_MIGRATABLE = 15, CTX_CALLSTACK_KERNEL = 16, CTX_CALLSTACK_USER = 17,
	CTX_CGROUP_NS = 18, CTX_IPC_NS = 19, CTX_MNT_NS = 20, CTX_NET_NS = 21,
	CTX_PID_NS = 22, CTX_USER_NS = 23, CTX_UTS_NS = 24,
	CTX_UID = 25, CTX_EUID = 26, CTX_SUID = 27, CTX_GID = 28, CTX_EGID = 29,
	CTX_SGID = 30, CTX_VUID = 31, CTX_VEUID = 32, CTX_VSUID = 33,
	CTX_VGID = 34, CTX_VEGID = 35, CTX_VSGID = 36, CTX_TIME_NS = 37,
	CTX_NR_TYPES
};

#define HOSTNAME_LEN	(__NEW_UTS_LEN + 1)

#define DEFINE_INT_RECORDER(fn, type, expr)				\
	static void fn(const struct lttng_probe_ctx *pc, char *dst)	\
	{								\
		type v = (expr);					\
		memcpy(dst, &v, sizeof(v));				\
	}

static pid_t parent_tgid(bool in_own_ns)
{
	struct task_struct *parent;
	pid_t pid;

	rcu_read_lock();
	parent = rcu_dereference(current->real_parent);
	pid = in_own_ns ? task_tgid_vnr(parent) : parent->tgid;
	rcu_read_unlock();
	return pid;
}

/* The tracer's own preempt_disable() is not the task's doing. */
static u8 task_preemptible(void)
{
	return (preempt_count() & ~PREEMPT_NEED_RESCHED) == PREEMPT_OFFSET;
}

DEFINE_INT_RECORDER(rec_pid, pid_t, current->tgid)
DEFINE_INT_RECORDER(rec_tid, pid_t, current->pid)
DEFINE_INT_RECORDER(rec_vpid, pid_t, task_tgid_vnr(current))
DEFINE_INT_RECORDER(rec_vtid, pid_t, task_pid_vnr(current))
DEFINE_INT_RECORDER(rec_ppid, pid_t, parent_tgid(false))
DEFINE_INT_RECORDER(rec_vppid, pid_t, parent_tgid(true))
/* Computed here: the kernel's task_prio() is not exported to modules. */
DEFINE_INT_RECORDER(rec_prio, int, current->prio - MAX_RT_PRIO)
DEFINE_INT_RECORDER(rec_nice, int, task_nice(current))
DEFINE_INT_RECORDER(rec_cpu_id, int, raw_smp_processor_id())
/* Whether interrupts were on where the probe hit (lttng-modules' meaning). */
DEFINE_INT_RECORDER(rec_interruptible, s8, pc->interruptible)
DEFINE_INT_RECORDER(rec_preemptible, u8, task_preemptible())
DEFINE_INT_RECORDER(rec_need_resched, u8, !!test_tsk_need_resched(current))
DEFINE_INT_RECORDER(rec_migratable, u8, !current->migration_disabled)

static void rec_procname(const struct lttng_probe_ctx *pc, char *dst)
{
	memcpy(dst, current->comm, TASK_COMM_LEN);
}

static void rec_hostname(const struct lttng_probe_ctx *pc, char *dst)
{
	struct nsproxy *ns = current->nsproxy;

	if (ns)
		memcpy(dst, ns->uts_ns->name.nodename, HOSTNAME_LEN);
	else
		memset(dst, 0, HOSTNAME_LEN);
}

static unsigned int nsproxy_inum(int type)
{
	struct nsproxy *ns = current->nsproxy;

	if (!ns)
		return 0;
	switch (type) {
#ifdef CONFIG_CGROUPS
	case CTX_CGROUP_NS:
		return ns->cgroup_ns->ns.inum;
#endif
#ifdef CONFIG_IPC_NS
	case CTX_IPC_NS:
		return ns->ipc_ns->ns.inum;
#endif
#ifdef CONFIG_NET_NS
	case CTX_NET_NS:
		return ns->net_ns->ns.inum;
#endif
	case CTX_UTS_NS:
		return ns->uts_ns->ns.inum;
#ifdef CONFIG_TIME_NS
	case CTX_TIME_NS:
		return ns->time_ns->ns.inum;
#endif
	}
	return 0;
}

DEFINE_INT_RECORDER(rec_cgroup_ns, unsigned int, nsproxy_inum(CTX_CGROUP_NS))
DEFINE_INT_RECORDER(rec_ipc_ns, unsigned int, nsproxy_inum(CTX_IPC_NS))
DEFINE_INT_RECORDER(rec_net_ns, unsigned int, nsproxy_inum(CTX_NET_NS))
DEFINE_INT_RECORDER(rec_uts_ns, unsigned int, nsproxy_inum(CTX_UTS_NS))
DEFINE_INT_RECORDER(rec_time_ns, unsigned int, nsproxy_inum(CTX_TIME_NS))

static unsigned int pid_ns_inum(void)
{
	struct pid_namespace *ns = task_active_pid_ns(current);

	return ns ? ns->ns.inum : 0;
}

DEFINE_INT_RECORDER(rec_pid_ns, unsigned int, pid_ns_inum())
DEFINE_INT_RECORDER(rec_user_ns, unsigned int, current_user_ns()->ns.inum)

#define CRED_ID(field, ns, kind)	from_##kind##_munged(ns, current_cred()->field)
DEFINE_INT_RECORDER(rec_uid, uid_t, CRED_ID(uid, &init_user_ns, kuid))
DEFINE_INT_RECORDER(rec_euid, uid_t, CRED_ID(euid, &init_user_ns, kuid))
DEFINE_INT_RECORDER(rec_suid, uid_t, CRED_ID(suid, &init_user_ns, kuid))
DEFINE_INT_RECORDER(rec_gid, gid_t, CRED_ID(gid, &init_user_ns, kgid))
DEFINE_INT_RECORDER(rec_egid, gid_t, CRED_ID(egid, &init_user_ns, kgid))
DEFINE_INT_RECORDER(rec_sgid, gid_t, CRED_ID(sgid, &init_user_ns, kgid))
DEFINE_INT_RECORDER(rec_vuid, uid_t, CRED_ID(uid, current_user_ns(), kuid))
DEFINE_INT_RECORDER(rec_veuid, uid_t, CRED_ID(euid, current_user_ns(), kuid))
DEFINE_INT_RECORDER(rec_vsuid, uid_t, CRED_ID(suid, current_user_ns(), kuid))
DEFINE_INT_RECORDER(rec_vgid, gid_t, CRED_ID(gid, current_user_ns(), kgid))
DEFINE_INT_RECORDER(rec_vegid, gid_t, CRED_ID(egid, current_user_ns(), kgid))
DEFINE_INT_RECORDER(rec_vsgid, gid_t, CRED_ID(sgid, current_user_ns(), kgid))

struct ctx_type {
	const char *name;
	struct lttng_integer_type type;
	unsigned int length;		/* text array length, 0 for integers */
	void (*record)(const struct lttng_probe_ctx *pc, char *dst);
};

#define INT_TYPE(t)	{ .size = sizeof(t) * 8, .is_signed = (t)-1 < (t)0, .base = 10 }
#define CTX_INT(id, n, t, fn)	[id] = { .name = n, .type = INT_TYPE(t), .record = fn }
#define CTX_TEXT(id, n, len, fn)					\
	[id] = { .name = n, .type = { .size = 8, .is_signed = true,	\
				      .text = true, .base = 10 },	\
		 .length = len, .record = fn }

static const struct ctx_type ctx_types[CTX_NR_TYPES] = {
	CTX_INT(CTX_PID, "pid", pid_t, rec_pid),
	CTX_TEXT(CTX_PROCNAME, "procname", TASK_COMM_LEN, rec_procname),
	CTX_INT(CTX_PRIO, "prio", int, rec_prio),
	CTX_INT(CTX_NICE, "nice", int, rec_nice),
	CTX_INT(CTX_VPID, "vpid", pid_t, rec_vpid),
	CTX_INT(CTX_TID, "tid", pid_t, rec_tid),
	CTX_INT(CTX_VTID, "vtid", pid_t, rec_vtid),
	CTX_INT(CTX_PPID, "ppid", pid_t, rec_ppid),
	CTX_INT(CTX_VPPID, "vppid", pid_t, rec_vppid),
	CTX_TEXT(CTX_HOSTNAME, "hostname", HOSTNAME_LEN, rec_hostname),
	CTX_INT(CTX_CPU_ID, "cpu_id", int, rec_cpu_id),
	CTX_INT(CTX_INTERRUPTIBLE, "interruptible", s8, rec_interruptible),
	CTX_INT(CTX_PREEMPTIBLE, "preemptible", u8, rec_preemptible),
	CTX_INT(CTX_NEED_RESCHEDULE, "need_reschedule", u8, rec_need_resched),
	CTX_INT(CTX_MIGRATABLE, "migratable", u8, rec_migratable),
#ifdef CONFIG_CGROUPS
	CTX_INT(CTX_CGROUP_NS, "cgroup_ns", unsigned int, rec_cgroup_ns),
#endif
#ifdef CONFIG_IPC_NS
	CTX_INT(CTX_IPC_NS, "ipc_ns", unsigned int, rec_ipc_ns),
#endif
#ifdef CONFIG_NET_NS
	CTX_INT(CTX_NET_NS, "net_ns", unsigned int, rec_net_ns),
#endif
#ifdef CONFIG_PID_NS
	CTX_INT(CTX_PID_NS, "pid_ns", unsigned int, rec_pid_ns),
#endif
#ifdef CONFIG_USER_NS
	CTX_INT(CTX_USER_NS, "user_ns", unsigned int, rec_user_ns),
#endif
#ifdef CONFIG_UTS_NS
	CTX_INT(CTX_UTS_NS, "uts_ns", unsigned int, rec_uts_ns),
#endif
#ifdef CONFIG_TIME_NS
	CTX_INT(CTX_TIME_NS, "time_ns", unsigned int, rec_time_ns),
#endif
	CTX_INT(CTX_UID, "uid", uid_t, rec_uid),
	CTX_INT(CTX_EUID, "euid", uid_t, rec_euid),
	CTX_INT(CTX_SUID, "suid", uid_t, rec_suid),
	CTX_INT(CTX_GID, "gid", gid_t, rec_gid),
	CTX_INT(CTX_EGID, "egid", gid_t, rec_egid),
	CTX_INT(CTX_SGID, "sgid", gid_t, rec_sgid),
	CTX_INT(CTX_VUID, "vuid", uid_t, rec_vuid),
	CTX_INT(CTX_VEUID, "veuid", uid_t, rec_veuid),
	CTX_INT(CTX_VSUID, "vsuid", uid_t, rec_vsuid),
	CTX_INT(CTX_VGID, "vgid", gid_t, rec_vgid),
	CTX_INT(CTX_VEGID, "vegid", gid_t, rec_vegid),
	CTX_INT(CTX_VSGID, "vsgid", gid_t, rec_vsgid),
	/*
	 * Perf counters and call stacks have state of their own: see
	 * add_stateful(). Not provided (ENOSYS, which lttng reports as
	 * "context not available"): mnt_ns, whose namespace structure is
	 * private to the kernel.
	 */
};

static bool has_name(const struct lttng_ctx *ctx, const char *name)
{
	unsigned int i;

	for (i = 0; i < ctx->nr; i++)
		if (!strcmp(ctx->fields[i].desc.name, name))
			return true;
	return false;
}

static void fill_task_field(struct lttng_ctx_field *f, const struct ctx_type *t)
{
	f->record = t->record;
	f->desc.name = t->name;
	if (t->length) {
		f->desc.kind = LTTNG_FIELD_ARRAY;
		f->desc.length = t->length;
		f->size = t->length;
	} else {
		f->desc.kind = LTTNG_FIELD_INTEGER;
		f->size = t->type.size / 8;
	}
	f->desc.type = t->type;
}

/* The field name a context type (and a perf counter its own) makes. */
static const char *field_name(const struct lttng_abi_context *abi)
{
	switch (abi->ctx) {
	case CTX_PERF_COUNTER:
		return abi->u.perf_counter.name;	/* NUL checked by the caller */
	case CTX_CALLSTACK_KERNEL:
		return "callstack_kernel";
	case CTX_CALLSTACK_USER:
		return "callstack_user";
	}
	return ctx_types[abi->ctx].name;
}

/* Perf counters and call stacks: fields with state, made by their files. */
static int add_stateful(struct lttng_ctx_field *f, const struct lttng_abi_context *abi)
{
	switch (abi->ctx) {
	case CTX_PERF_COUNTER:
		return lttng_context_perf_create(f, &abi->u.perf_counter);
	case CTX_CALLSTACK_KERNEL:
		return lttng_context_callstack_create(f, false);
	case CTX_CALLSTACK_USER:
		return lttng_context_callstack_create(f, true);
	}
	return -ENOSYS;
}

/*
 * Add a context to a channel's list. The caller checked that the session
 * never ran (records of a stream must all have the same layout). A name
 * is added once: each perf counter has its own, the others their type's.
 */
int lttng_context_add(struct lttng_ctx *ctx, const struct lttng_abi_context *abi)
{
	const struct ctx_type *t;
	struct lttng_ctx_field *f;
	const char *name;
	int ret;

	if (abi->ctx >= CTX_NR_TYPES)
		return -EINVAL;
	if (abi->ctx == CTX_PERF_COUNTER &&
	    !memchr(abi->u.perf_counter.name, '\0', sizeof(abi->u.perf_counter.name)))
		return -EINVAL;
	t = &ctx_types[abi->ctx];
	name = field_name(abi);
	if (name && has_name(ctx, name))
		return -EEXIST;
	if (ctx->nr == ARRAY_SIZE(ctx->fields))
		return -ENOMEM;
	f = &ctx->fields[ctx->nr];
	memset(f, 0, sizeof(*f));
	f->type = abi->ctx;
	if (t->record) {
		fill_task_field(f, t);
	} else {
		ret = add_stateful(f, abi);
		if (ret)
			return ret;
		ctx->nr_ops++;
	}
	ctx->size += f->size;
	ctx->nr++;
	return 0;
}

/* The channel is going: no probe can be running on its records. */
void lttng_context_destroy(struct lttng_ctx *ctx)
{
	unsigned int i;

	for (i = 0; i < ctx->nr; i++)
		if (ctx->fields[i].ops)
			ctx->fields[i].ops->destroy(ctx->fields[i].priv);
	ctx->nr = 0;
	ctx->nr_ops = 0;
	ctx->size = 0;
}

/*
 * Nesting level of the records being made on this CPU with stateful
 * contexts (a record, an interrupt's inside it, an NMI's inside that):
 * each level has its own scratch space, so a call stack captured to size
 * a record is still the one written when an interrupt recorded meanwhile.
 */
static DEFINE_PER_CPU(int, ctx_nest);

/* Preemption off until lttng_context_exit(). */
int lttng_context_enter(void)
{
	return this_cpu_inc_return(ctx_nest) - 1;
}
EXPORT_SYMBOL_GPL(lttng_context_enter);

void lttng_context_exit(void)
{
	this_cpu_dec(ctx_nest);
}
EXPORT_SYMBOL_GPL(lttng_context_exit);

/* Bytes of this record's contexts; captures the stateful ones' values. */
size_t lttng_context_size(const struct lttng_ctx *ctx,
			  const struct lttng_probe_ctx *pc)
{
	size_t len = ctx->size;
	unsigned int i;

	for (i = 0; ctx->nr_ops && i < ctx->nr; i++)
		if (ctx->fields[i].ops)
			len += ctx->fields[i].ops->size(ctx->fields[i].priv, pc);
	return len;
}
EXPORT_SYMBOL_GPL(lttng_context_size);


/* Filters read contexts by name ($ctx.NAME): what a type is, if provided. */
int lttng_context_desc(unsigned int type, struct lttng_field_desc *desc)
{
	const struct ctx_type *t;

	if (type >= CTX_NR_TYPES || !ctx_types[type].record)
		return -ENOENT;
	t = &ctx_types[type];
	memset(desc, 0, sizeof(*desc));
	desc->name = t->name;
	desc->kind = t->length ? LTTNG_FIELD_ARRAY : LTTNG_FIELD_INTEGER;
	desc->length = t->length;
	desc->type = t->type;
	return 0;
}

/*
 * Writes an integer context's value (type.size / 8 bytes) to dst, for a
 * filter: interrupts are as the filter finds them.
 */
void lttng_context_read(unsigned int type, char *dst)
{
	struct lttng_probe_ctx pc = { .interruptible = !irqs_disabled() };

	ctx_types[type].record(&pc, dst);
}
