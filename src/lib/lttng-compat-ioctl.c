// SPDX-License-Identifier: GPL-2.0-only
/*
 * ioctls of 32-bit processes on a 64-bit kernel: pointers widened for
 * every file, and the stream commands whose argument is an unsigned long
 * translated to the native ones. Built only with CONFIG_COMPAT.
 */
#include <linux/compat.h>
#include <linux/kernel.h>
#include <linux/uaccess.h>

#include <lttng/abi.h>

#include "lttng-compat-ioctl.h"

/*
 * For files whose commands take a pointer or nothing: the same handler
 * with the 32-bit pointer made a kernel's user pointer. (The two that
 * take a plain value, TRACK_PID and UNTRACK_PID, read its low 32 bits,
 * which compat_ptr() keeps.)
 */
long lttng_compat_ptr_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	return file->f_op->unlocked_ioctl(file, cmd,
					  (unsigned long)compat_ptr(arg));
}

/* A 32-bit caller's read command, and the native one it stands for. */
struct compat_read {
	unsigned int compat;
	unsigned int native;
	bool position;		/* a free-running position, not a size */
};

static const struct compat_read compat_reads[] = {
	{ LTTNG_ABI_RB_COMPAT_SNAPSHOT_GET_CONSUMED,
	  LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED, true },
	{ LTTNG_ABI_RB_COMPAT_SNAPSHOT_GET_PRODUCED,
	  LTTNG_ABI_RB_SNAPSHOT_GET_PRODUCED, true },
	{ LTTNG_ABI_RB_COMPAT_GET_SUBBUF_SIZE,
	  LTTNG_ABI_RB_GET_SUBBUF_SIZE, false },
	{ LTTNG_ABI_RB_COMPAT_GET_PADDED_SUBBUF_SIZE,
	  LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE, false },
	{ LTTNG_ABI_RB_COMPAT_GET_MAX_SUBBUF_SIZE,
	  LTTNG_ABI_RB_GET_MAX_SUBBUF_SIZE, false },
	{ LTTNG_ABI_RB_COMPAT_GET_MMAP_LEN,
	  LTTNG_ABI_RB_GET_MMAP_LEN, false },
	{ LTTNG_ABI_RB_COMPAT_GET_MMAP_READ_OFFSET,
	  LTTNG_ABI_RB_GET_MMAP_READ_OFFSET, false },
};

static const struct compat_read *find_read(unsigned int cmd)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(compat_reads); i++)
		if (compat_reads[i].compat == cmd)
			return &compat_reads[i];
	return NULL;
}

/*
 * A position is a counter modulo the machine word: its low 32 bits are
 * all a 32-bit consumer uses (differences, and GET_SUBBUF, which finds
 * the full position again). A size, length or offset that does not fit
 * would make it map or read the wrong bytes: EOVERFLOW, the errno a
 * 32-bit program gets for any value too large for its type (stat(),
 * lseek()). lttng-modules answers EFBIG there; lttng-tools treats every
 * error of these commands alike.
 */
static long put_compat_ulong(const struct compat_read *r, unsigned long val,
			     compat_ulong_t __user *uarg)
{
	if (!r->position && val != (compat_ulong_t)val)
		return -EOVERFLOW;
	return put_user((compat_ulong_t)val, uarg);
}

long lttng_stream_compat_ioctl(const struct lttng_stream_compat_ops *ops,
			       struct file *file, unsigned int cmd,
			       unsigned long arg)
{
	compat_ulong_t __user *uarg = compat_ptr(arg);
	const struct compat_read *r;
	compat_ulong_t low;
	unsigned long val;
	long ret;

	if (cmd == LTTNG_ABI_RB_COMPAT_GET_SUBBUF) {
		if (get_user(low, uarg))
			return -EFAULT;
		return ops->get_subbuf_low32(file, low);
	}
	r = find_read(cmd);
	if (!r)		/* the same number for both: a u64, a u32 or nothing */
		return lttng_compat_ptr_ioctl(file, cmd, arg);
	ret = ops->get_ulong(file, r->native, &val);
	if (ret)
		return ret;
	return put_compat_ulong(r, val, uarg);
}
