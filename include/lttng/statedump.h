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

#define LTTNG_STATEDUMP_TP(name, proto, args)				\
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))
#include <lttng/statedump-tracepoints.h>
#undef LTTNG_STATEDUMP_TP

#endif /* _LTTNG_STATEDUMP_H */
