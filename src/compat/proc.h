/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * /proc entries: kernels with struct proc_ops take their callbacks there,
 * older ones in a struct file_operations. LTTNG_PROC_IOCTL_OPS() declares
 * the operations of an ioctl-only entry for either.
 */
#ifndef _LTTNG_COMPAT_PROC_H
#define _LTTNG_COMPAT_PROC_H

#include <linux/fs.h>
#include <linux/proc_fs.h>

#ifdef LTTNG_HAVE_PROC_OPS

#ifdef CONFIG_COMPAT
#define LTTNG_PROC_COMPAT_IOCTL(fn)	.proc_compat_ioctl = (fn),
#else
#define LTTNG_PROC_COMPAT_IOCTL(fn)
#endif

#define LTTNG_PROC_IOCTL_OPS(name, fn)				\
	static const struct proc_ops name = {			\
		.proc_ioctl = (fn),				\
		LTTNG_PROC_COMPAT_IOCTL(fn)			\
	}

#else /* !LTTNG_HAVE_PROC_OPS */

#define LTTNG_PROC_IOCTL_OPS(name, fn)				\
	static const struct file_operations name = {		\
		.owner = THIS_MODULE,				\
		.unlocked_ioctl = (fn),				\
		.compat_ioctl = (fn),				\
	}

#endif /* LTTNG_HAVE_PROC_OPS */

#endif /* _LTTNG_COMPAT_PROC_H */
