// SPDX-License-Identifier: GPL-2.0-only
/*
 * Channel files: data channels (STREAM, EVENT, CONTEXT, ENABLE, DISABLE
 * and poll) and metadata channels (STREAM only). Each keeps its session
 * file open, so the session outlives its channels' descriptors.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/uaccess.h>

#include <lttng/objects.h>
#include <lttng/syscalls.h>

#include "lttng-abi.h"
#include "lib/lttng-anon-fd.h"
#include "lib/lttng-compat-ioctl.h"
#include "lib/ringbuffer/buffer.h"

struct channel_file {
	struct lttng_channel *chan;
	struct file *session_file;
};

static long open_stream(struct lttng_channel *chan)
{
	struct lttng_rb_buffer *buf;
	int fd;

	buf = lttng_rb_channel_open_next_buffer(chan->rb);
	if (!buf)
		return -ENOENT;		/* every buffer has its reader */
	fd = lttng_rb_stream_fd(buf);
	if (fd < 0)
		atomic_set(&buf->has_reader, 0);
	return fd;
}

static long add_context(struct lttng_channel *chan, void __user *uarg)
{
	struct lttng_abi_context ctx;
	long ret;

	if (copy_from_user(&ctx, uarg, sizeof(ctx)))
		return -EFAULT;
	mutex_lock(&lttng_sessions_lock);
	if (chan->session->been_active)
		ret = -EPERM;	/* records already have their layout */
	else
		ret = lttng_context_add(&chan->ctx, &ctx);
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

static long create_event(struct file *chan_file, void __user *uarg)
{
	struct lttng_abi_event ev;

	if (copy_from_user(&ev, uarg, sizeof(ev)))
		return -EFAULT;
	return lttng_abi_event_fd(chan_file, &ev);
}

static long channel_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct channel_file *cf = file->private_data;
	struct lttng_channel *chan = cf->chan;
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case LTTNG_ABI_STREAM:
		return open_stream(chan);
	case LTTNG_ABI_EVENT:
		return create_event(file, uarg);
	case LTTNG_ABI_CONTEXT:
		return add_context(chan, uarg);
	case LTTNG_ABI_ENABLE:
		return lttng_channel_set_enabled(chan, true);
	case LTTNG_ABI_DISABLE:
		return lttng_channel_set_enabled(chan, false);
	case LTTNG_ABI_SYSCALL_MASK:
		return lttng_syscalls_mask(chan, uarg);
	}
	return -ENOIOCTLCMD;
}

/*
 * sessiond watches channel files: readable while a buffer has no stream
 * file yet (it then opens streams until STREAM fails).
 */
static __poll_t channel_poll(struct file *file, poll_table *wait)
{
	struct channel_file *cf = file->private_data;
	struct lttng_channel *chan = cf->chan;

	if (!READ_ONCE(chan->enabled))
		return EPOLLERR;
	if (READ_ONCE(chan->rb->finalized))
		return EPOLLHUP;
	if (lttng_rb_channel_has_unread_buffer(chan->rb))
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}

static long metadata_channel_ioctl(struct file *file, unsigned int cmd,
				   unsigned long arg)
{
	struct channel_file *cf = file->private_data;
	struct lttng_channel *chan = cf->chan;
	long ret;

	if (cmd != LTTNG_ABI_STREAM)
		return -ENOIOCTLCMD;
	mutex_lock(&lttng_sessions_lock);
	if (chan->stream_opened) {
		ret = -ENOENT;
	} else {
		ret = lttng_metadata_stream_fd(chan);
		chan->stream_opened = ret >= 0;
	}
	mutex_unlock(&lttng_sessions_lock);
	return ret;
}

/*
 * The channel itself belongs to the session until it is destroyed; only
 * a metadata channel, of which sessiond makes one per snapshot, goes with
 * its file.
 */
static int channel_release(struct inode *inode, struct file *file)
{
	struct channel_file *cf = file->private_data;
	struct lttng_channel *chan = cf->chan;

	if (chan->is_metadata) {
		mutex_lock(&lttng_sessions_lock);
		lttng_channel_destroy_locked(chan);
		mutex_unlock(&lttng_sessions_lock);
	}
	fput(cf->session_file);
	kfree(cf);
	return 0;
}

static const struct file_operations channel_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = channel_ioctl,
	LTTNG_COMPAT_IOCTL(lttng_compat_ptr_ioctl)
	.poll = channel_poll,
	.release = channel_release,
	.llseek = noop_llseek,
};

static const struct file_operations metadata_channel_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = metadata_channel_ioctl,
	LTTNG_COMPAT_IOCTL(lttng_compat_ptr_ioctl)
	.release = channel_release,
	.llseek = noop_llseek,
};

struct lttng_channel *lttng_abi_file_channel(struct file *chan_file)
{
	struct channel_file *cf = chan_file->private_data;

	return cf->chan;
}

int lttng_abi_channel_fd(struct file *session_file,
			 const struct lttng_abi_channel *attr, bool metadata)
{
	struct lttng_session *session = session_file->private_data;
	struct channel_file *cf;
	int fd;

	cf = kzalloc(sizeof(*cf), GFP_KERNEL);
	if (!cf)
		return -ENOMEM;
	cf->chan = lttng_channel_create(session, attr, metadata);
	if (IS_ERR(cf->chan)) {
		fd = PTR_ERR(cf->chan);
		kfree(cf);
		return fd;
	}
	cf->session_file = get_file(session_file);
	fd = lttng_anon_fd(metadata ? "[lttng_metadata_channel]" : "[lttng_channel]",
			   metadata ? &metadata_channel_fops : &channel_fops,
			   cf, O_RDWR, 0);
	if (fd >= 0)
		return fd;
	fput(session_file);
	mutex_lock(&lttng_sessions_lock);
	lttng_channel_destroy_locked(cf->chan);
	mutex_unlock(&lttng_sessions_lock);
	kfree(cf);
	return fd;
}
