/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Signal events, laid out as lttng-modules 2.13 records them. Read once
 * per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_SIGNAL_HELPERS
#define _LTTNG_INSTRUMENTATION_SIGNAL_HELPERS

#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>

/*
 * SEND_SIG_NOINFO and SEND_SIG_PRIV are not pointers to a siginfo but
 * markers: they stand for a signal sent by a user (si_code SI_USER) and
 * by the kernel (SI_KERNEL), both with no error number.
 */
static inline bool lttng_siginfo_is_marker(const struct kernel_siginfo *info)
{
	return info == SEND_SIG_NOINFO || info == SEND_SIG_PRIV;
}

static inline int lttng_siginfo_errno(const struct kernel_siginfo *info)
{
	return lttng_siginfo_is_marker(info) ? 0 : info->si_errno;
}

static inline int lttng_siginfo_code(const struct kernel_siginfo *info)
{
	if (info == SEND_SIG_NOINFO)
		return SI_USER;
	if (info == SEND_SIG_PRIV)
		return SI_KERNEL;
	return info->si_code;
}

#endif /* _LTTNG_INSTRUMENTATION_SIGNAL_HELPERS */

#define LTTNG_SIGINFO_FIELDS(info)					\
	f_int(int, errno, lttng_siginfo_errno(info))			\
	f_int(int, code, lttng_siginfo_code(info))

/* group: sent to the whole thread group; result: TRACE_SIGNAL_* outcome. */
LTTNG_EVENT(signal_generate,
	LTTNG_PROTO(int sig, struct kernel_siginfo *info,
		    struct task_struct *task, int group, int result),
	LTTNG_FIELDS(
		f_int(int, sig, sig)
		LTTNG_SIGINFO_FIELDS(info)
		f_text(comm, task->comm, TASK_COMM_LEN)
		f_int(pid_t, pid, task->pid)
		f_int(int, group, group)
		f_int(int, result, result)
	))

LTTNG_EVENT(signal_deliver,
	LTTNG_PROTO(int sig, struct kernel_siginfo *info, struct k_sigaction *ka),
	LTTNG_FIELDS(
		f_int(int, sig, sig)
		LTTNG_SIGINFO_FIELDS(info)
		f_int(unsigned long, sa_handler, (unsigned long)ka->sa.sa_handler)
		f_int(unsigned long, sa_flags, ka->sa.sa_flags)
	))

#undef LTTNG_SIGINFO_FIELDS
