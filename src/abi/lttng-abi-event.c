// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event files: what EVENT on a channel returns. For tracepoints and
 * system calls it is an enabler, a standing request that matches events
 * by name now and as probe modules come; for kprobes, kretprobes and
 * uprobes, the event's recorders themselves (lttng-kprobes.c,
 * lttng-uprobes.c). The file keeps its channel's file open.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>

#include <lttng/objects.h>

#include "lttng-abi.h"
#include "lib/lttng-anon-fd.h"
#include "lib/lttng-compat-ioctl.h"

struct event_file {
	struct lttng_enabler *enabler;		/* or one of: */
	struct lttng_event_recorder *kprobe;
	struct lttng_event_recorder *uprobe;
	struct file *chan_file;
};

static int set_enabled(struct event_file *ef, bool enabled)
{
	if (ef->kprobe)
		return lttng_kprobe_set_enabled(ef->kprobe, enabled);
	if (ef->uprobe)
		return lttng_uprobe_set_enabled(ef->uprobe, enabled);
	return lttng_enabler_set_enabled(ef->enabler, enabled);
}

static long event_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct event_file *ef = file->private_data;

	switch (cmd) {
	case LTTNG_ABI_ENABLE:
		return set_enabled(ef, true);
	case LTTNG_ABI_DISABLE:
		return set_enabled(ef, false);
	case LTTNG_ABI_FILTER:
		/* lttng-modules takes no filter on these either. */
		if (ef->kprobe)
			return lttng_kprobe_set_filter(ef->kprobe, (const void __user *)arg);
		if (ef->uprobe)
			return lttng_uprobe_set_filter(ef->uprobe, (const void __user *)arg);
		return lttng_enabler_set_filter(ef->enabler, (const void __user *)arg);
	case LTTNG_ABI_CONTEXT:
		return -ENOSYS;
	case LTTNG_ABI_ADD_CALLSITE:
		if (!ef->uprobe)
			return -EINVAL;
		return lttng_uprobe_add_callsite(ef->uprobe, (void __user *)arg);
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
	LTTNG_COMPAT_IOCTL(lttng_compat_ptr_ioctl)
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
	if (ev->instrumentation == LTTNG_ABI_KPROBE ||
	    ev->instrumentation == LTTNG_ABI_KRETPROBE) {
		ef->kprobe = lttng_kprobe_create(chan, ev);
		fd = IS_ERR(ef->kprobe) ? PTR_ERR(ef->kprobe) : 0;
	} else if (ev->instrumentation == LTTNG_ABI_UPROBE) {
		ef->uprobe = lttng_uprobe_create(chan, ev);
		fd = IS_ERR(ef->uprobe) ? PTR_ERR(ef->uprobe) : 0;
	} else {
		ef->enabler = lttng_enabler_create(chan, ev);
		fd = IS_ERR(ef->enabler) ? PTR_ERR(ef->enabler) : 0;
	}
	if (fd) {
		kfree(ef);
		return fd;
	}
	ef->chan_file = get_file(chan_file);
	fd = lttng_anon_fd("[lttng_event]", &event_fops, ef, O_RDWR, 0);
	if (fd >= 0)
		return fd;
	/* The enabler or probe stays, disabled, with its channel. */
	fput(chan_file);
	kfree(ef);
	return fd;
}
