// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event files: what EVENT on a channel returns. For tracepoints and
 * system calls it is an enabler, a standing request that matches events
 * by name now and as probe modules come. The file keeps its channel's
 * file open.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>

#include "lttng-abi.h"
#include "lttng-anon-fd.h"
#include "lttng-objects.h"

struct event_file {
	struct lttng_enabler *enabler;
	struct file *chan_file;
};

static long event_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct event_file *ef = file->private_data;

	switch (cmd) {
	case LTTNG_ABI_ENABLE:
		return lttng_enabler_set_enabled(ef->enabler, true);
	case LTTNG_ABI_DISABLE:
		return lttng_enabler_set_enabled(ef->enabler, false);
	case LTTNG_ABI_FILTER:
		/*
		 * Refused rather than ignored: recording events the user
		 * filtered out would be worse than a clear error.
		 */
		return -ENOSYS;
	case LTTNG_ABI_CONTEXT:
		return -ENOSYS;
	case LTTNG_ABI_ADD_CALLSITE:
		return -EINVAL;
	}
	return -ENOIOCTLCMD;
}

static int event_release(struct inode *inode, struct file *file)
{
	struct event_file *ef = file->private_data;

	fput(ef->chan_file);
	kfree(ef);
	return 0;
}

static const struct file_operations event_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = event_ioctl,
	.compat_ioctl = event_ioctl,
	.release = event_release,
	.llseek = noop_llseek,
};

int lttng_abi_event_fd(struct file *chan_file, const struct lttng_abi_event *ev)
{
	struct lttng_channel *chan = lttng_abi_file_channel(chan_file);
	struct event_file *ef;
	int fd;

	ef = kzalloc(sizeof(*ef), GFP_KERNEL);
	if (!ef)
		return -ENOMEM;
	ef->enabler = lttng_enabler_create(chan, ev);
	if (IS_ERR(ef->enabler)) {
		fd = PTR_ERR(ef->enabler);
		kfree(ef);
		return fd;
	}
	ef->chan_file = get_file(chan_file);
	fd = lttng_anon_fd("[lttng_event]", &event_fops, ef, O_RDWR, 0);
	if (fd >= 0)
		return fd;
	/* The enabler stays, disabled, with its channel. */
	fput(chan_file);
	kfree(ef);
	return fd;
}
