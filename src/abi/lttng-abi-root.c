// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/lttng: the tracer's root control file.
 *
 * The entry is root-only (mode 0600) and has no read or write, only the
 * 0xF6 ioctls that lttng-sessiond issues on it. Commands the tracer does
 * not know fail with ENOTTY; commands of the lttng-modules 2.13 ABI that
 * this tracer does not provide fail with ENOSYS, which sessiond reports
 * as an unavailable feature.
 */
#include <linux/compat.h>
#include <linux/compiler.h>
#include <linux/proc_fs.h>
#include <linux/tracepoint.h>
#include <linux/uaccess.h>

#include <lttng/abi.h>
#include <lttng/dt.h>
#include <lttng/tracer-parts.h>

#include "compat/proc.h"
#include "lttng-abi.h"

#define ROOT_PROC_NAME	"lttng"

static struct proc_dir_entry *root_entry;

static long put_tracer_version(void __user *uarg)
{
	const struct lttng_abi_tracer_version v = {
		.major = LTTNG_TRACER_MAJOR,
		.minor = LTTNG_TRACER_MINOR,
		.patchlevel = LTTNG_TRACER_PATCHLEVEL,
	};

	return copy_to_user(uarg, &v, sizeof(v)) ? -EFAULT : 0;
}

static long put_abi_version(void __user *uarg)
{
	const struct lttng_abi_tracer_abi_version v = {
		.major = LTTNG_ABI_MAJOR_VERSION,
		.minor = LTTNG_ABI_MINOR_VERSION,
	};

	return copy_to_user(uarg, &v, sizeof(v)) ? -EFAULT : 0;
}

/*
 * Target for kretprobe calibration: users time a kretprobe placed on this
 * function to learn the probe overhead. It must stay out of line.
 */
noinline void lttng_calibrate_kretprobe(void);
noinline void lttng_calibrate_kretprobe(void)
{
	asm volatile ("");
}

static long calibrate(void __user *uarg)
{
	struct lttng_abi_calibrate c;

	if (copy_from_user(&c, uarg, sizeof(c)))
		return -EFAULT;
	if (c.type != LTTNG_ABI_CALIBRATE_KRETPROBE)
		return -EINVAL;
	lttng_calibrate_kretprobe();
	return 0;
}

static long root_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case LTTNG_ABI_TRACER_VERSION:
		return put_tracer_version(uarg);
	case LTTNG_ABI_TRACER_ABI_VERSION:
		return put_abi_version(uarg);
	case LTTNG_ABI_TRACEPOINT_LIST:
		return lttng_abi_list_fd(LTTNG_EVENT_KIND_TRACEPOINT);
	case LTTNG_ABI_SYSCALL_LIST:
		return lttng_abi_list_fd(LTTNG_EVENT_KIND_SYSCALL_ENTRY);
	case LTTNG_ABI_WAIT_QUIESCENT:
		/* Let probe callbacks already running on other CPUs finish. */
		tracepoint_synchronize_unregister();
		return 0;
	case LTTNG_ABI_CALIBRATE:
		return calibrate(uarg);
	case LTTNG_ABI_SESSION:
		return lttng_abi_session_fd();
	case LTTNG_ABI_EVENT_NOTIFIER_GROUP_CREATE:
		/* Triggers are not provided; sessiond carries on without. */
		return -ENOSYS;
	default:
		/* The distributed-trace extension's, or -ENOIOCTLCMD. */
		return lttng_abi_dt_ioctl(cmd, uarg);
	}
}

#ifdef CONFIG_COMPAT
/*
 * 32-bit callers: every command takes a pointer, to a packed structure
 * of one layout for both (the dt ones carry their user pointers in
 * __u64 fields), or nothing; only the pointer is widened.
 */
static long root_compat_ioctl(struct file *file, unsigned int cmd,
			      unsigned long arg)
{
	return root_ioctl(file, cmd, (unsigned long)compat_ptr(arg));
}
#endif

LTTNG_PROC_IOCTL_OPS(root_proc_ops, root_ioctl, root_compat_ioctl);

int lttng_abi_init(void)
{
	root_entry = proc_create_data(ROOT_PROC_NAME, 0600, NULL,
				      &root_proc_ops, NULL);
	return root_entry ? 0 : -ENOMEM;
}

void lttng_abi_exit(void)
{
	proc_remove(root_entry);
}
