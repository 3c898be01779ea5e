/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * /proc entries: kernels with struct proc_ops take their callbacks there,
 * older ones in a struct file_operations. LTTNG_PROC_IOCTL_OPS() declares
 * the operations of an ioctl-only entry for either: fn for native callers,
 * compat_fn for 32-bit ones (named only where the kernel has CONFIG_COMPAT).
 */
#ifndef _LTTNG_COMPAT_PROC_H
#define _LTTNG_COMPAT_PROC_H

#include <linux/fs.h>
#include <linux/proc_fs.h>

#ifdef LTTNG_HAVE_PROC_OPS

/* struct proc_ops has the member only with CONFIG_COMPAT. */
#ifdef CONFIG_COMPAT
#define LTTNG_PROC_COMPAT_IOCTL(fn)	.proc_compat_ioctl = (fn),
#else
#define LTTNG_PROC_COMPAT_IOCTL(fn)
#endif

#define LTTNG_PROC_IOCTL_OPS(name, fn, compat_fn)		\
	static const struct proc_ops name = {			\
		.proc_ioctl = (fn),				\
		LTTNG_PROC_COMPAT_IOCTL(compat_fn)		\
	}

#else /* !LTTNG_HAVE_PROC_OPS */

#ifdef CONFIG_COMPAT
#define LTTNG_PROC_COMPAT_IOCTL(fn)	.compat_ioctl = (fn),
#else
#define LTTNG_PROC_COMPAT_IOCTL(fn)
#endif

#define LTTNG_PROC_IOCTL_OPS(name, fn, compat_fn)		\
	static const struct file_operations name = {		\
		.owner = THIS_MODULE,				\
		.unlocked_ioctl = (fn),				\
		LTTNG_PROC_COMPAT_IOCTL(compat_fn)		\
	}

#endif /* LTTNG_HAVE_PROC_OPS */

#endif /* _LTTNG_COMPAT_PROC_H */
