// SPDX-License-Identifier: GPL-2.0-only
/*
 * Probes of the statedump (include/instrumentation/events/lttng-statedump.h).
 * The tracepoints live in lttng-statedump, which this module depends on,
 * so loading it (lttng-sessiond does, by this name) is what makes session
 * starts run the statedump.
 */
#include <linux/cgroup.h>
#include <linux/cred.h>
#include <linux/inetdevice.h>
#include <linux/interrupt.h>
#include <linux/ipc_namespace.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/uidgid.h>
#include <linux/user_namespace.h>
#include <linux/utsname.h>
#include <net/net_namespace.h>
#ifdef LTTNG_HAVE_TIME_NS
#include <linux/time_namespace.h>
#endif
#ifdef LTTNG_HAVE_MNT_NS_HEADER
/* struct mnt_namespace: private to fs/, present in a full kernel tree. */
#include <../fs/mount.h>
#endif

#include <lttng/statedump.h>

#define LTTNG_PROBE_SUBSYSTEM		lttng_statedump
#define LTTNG_PROBE_EVENTS		<instrumentation/events/lttng-statedump.h>
#define LTTNG_PROBE_SESSION_CHECK
/* A gated trace still needs the state that names its threads. */
#define LTTNG_PROBE_UNGATED
#include <lttng/tracepoint-event.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt probes: statedump events");
