/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ioctls of 32-bit processes on a 64-bit kernel (CONFIG_COMPAT).
 *
 * Every command of the control files (/proc/lttng, session, channel,
 * event) takes a pointer, a plain value or nothing, and every structure
 * they point to is packed (or, tracker_args, made of two u32), so it has
 * one layout for i386 and x86_64: only the pointer must be widened, with
 * compat_ptr(). The stream files differ: eight of their commands carry
 * an unsigned long, 4 bytes for a 32-bit caller, which changes both their
 * numbers (LTTNG_ABI_RB_COMPAT_*) and the width of what is read or
 * written. See doc/abi.md, "32-bit consumers".
 */
#ifndef _LTTNG_COMPAT_IOCTL_H
#define _LTTNG_COMPAT_IOCTL_H

#include <linux/fs.h>
#include <linux/types.h>

#ifdef CONFIG_COMPAT

/*
 * What a stream file answers for the compat layer; each callback takes
 * the stream's lock itself.
 */
struct lttng_stream_compat_ops {
	/* The value of a native unsigned-long read command (cmd). */
	long (*get_ulong)(struct file *file, unsigned int cmd,
			  unsigned long *val);
	/* GET_SUBBUF at the position whose low 32 bits are low. */
	long (*get_subbuf_low32)(struct file *file, u32 low);
};

long lttng_compat_ptr_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg);
long lttng_stream_compat_ioctl(const struct lttng_stream_compat_ops *ops,
			       struct file *file, unsigned int cmd,
			       unsigned long arg);

/* In a struct file_operations: the compat handler, where there is one. */
#define LTTNG_COMPAT_IOCTL(fn)	.compat_ioctl = (fn),

#else /* !CONFIG_COMPAT */

#define LTTNG_COMPAT_IOCTL(fn)

#endif /* CONFIG_COMPAT */

#endif /* _LTTNG_COMPAT_IOCTL_H */
