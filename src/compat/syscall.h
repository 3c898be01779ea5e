/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A syscall's arguments from its registers: kernels before 5.1 took a
 * range of arguments (first, count), later ones always give all six.
 */
#ifndef _LTTNG_COMPAT_SYSCALL_H
#define _LTTNG_COMPAT_SYSCALL_H

#include <linux/sched.h>
#include <asm/syscall.h>

static inline void lttng_syscall_get_arguments(struct pt_regs *regs,
					       unsigned long *args)
{
#ifdef LTTNG_HAVE_SYSCALL_GET_ARGUMENTS_RANGE
	syscall_get_arguments(current, regs, 0, 6, args);
#else
	syscall_get_arguments(current, regs, args);
#endif
}

#endif /* _LTTNG_COMPAT_SYSCALL_H */
