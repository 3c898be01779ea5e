// SPDX-License-Identifier: GPL-2.0-only
/*
 * The stream file: one ring buffer as lttng-consumerd reads it, through
 * the RB_* ioctls, poll(), mmap() and splice().
 *
 * sessiond and the consumer share the same struct file (the descriptor
 * is passed over a socket), so all reader state lives in the buffer.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/poll.h>

#include <lttng/abi.h>

#include "compat/fs.h"
#include "lib/lttng-anon-fd.h"
#include "lib/lttng-compat-ioctl.h"
#include "lib/lttng-stream-io.h"
#include "frontend.h"

static int put_u64(void __user *uarg, u64 v)
{
	return put_user(v, (u64 __user *)uarg);
}

static int put_ulong(void __user *uarg, unsigned long v)
{
	return put_user(v, (unsigned long __user *)uarg);
}

static bool is_mmap(struct lttng_rb_buffer *buf)
{
	return buf->chan->config->output == LTTNG_RB_OUTPUT_MMAP;
}

/* The header fields of the held packet, or -EINVAL if none is held. */
static long held_info(struct lttng_rb_buffer *buf, struct lttng_rb_packet_info *info)
{
	void *packet = lttng_rb_held_packet(buf);

	if (!packet)
		return -EINVAL;
	buf->chan->ops->info(packet, info);
	return 0;
}

/*
 * The commands whose answer is an unsigned long, which a 32-bit consumer
 * gets narrowed (lttng-compat-ioctl.c): positions, sizes and offsets.
 */
static long stream_ulong_locked(struct lttng_rb_buffer *buf, unsigned int cmd,
				unsigned long *val)
{
	struct lttng_rb_channel *chan = buf->chan;
	struct lttng_rb_packet_info info;
	long ret;

	switch (cmd) {
	case LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED:
		*val = buf->snap_consumed;
		return 0;
	case LTTNG_ABI_RB_SNAPSHOT_GET_PRODUCED:
		*val = buf->snap_produced;
		return 0;
	case LTTNG_ABI_RB_GET_MAX_SUBBUF_SIZE:
		*val = chan->layout.subbuf_size;
		return 0;
	case LTTNG_ABI_RB_GET_MMAP_LEN:
		if (!is_mmap(buf))
			return -EINVAL;
		*val = lttng_rb_mem_size(chan);
		return 0;
	case LTTNG_ABI_RB_GET_SUBBUF_SIZE:
	case LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE:
	case LTTNG_ABI_RB_GET_MMAP_READ_OFFSET:
		break;
	default:
		return -ENOIOCTLCMD;
	}
	ret = held_info(buf, &info);
	if (ret)
		return ret;
	switch (cmd) {
	case LTTNG_ABI_RB_GET_SUBBUF_SIZE:
		*val = info.content_size / 8;
		return 0;
	case LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE:
		*val = info.packet_size / 8;
		return 0;
	default:	/* LTTNG_ABI_RB_GET_MMAP_READ_OFFSET */
		if (!is_mmap(buf))
			return -EINVAL;
		*val = buf->held_slot << chan->layout.subbuf_order;
		return 0;
	}
}

/* Ioctls about the held packet's header fields: the same width for all. */
static bool is_held_packet_cmd(unsigned int cmd)
{
	switch (cmd) {
	case LTTNG_ABI_RB_GET_TIMESTAMP_BEGIN:
	case LTTNG_ABI_RB_GET_TIMESTAMP_END:
	case LTTNG_ABI_RB_GET_EVENTS_DISCARDED:
	case LTTNG_ABI_RB_GET_CONTENT_SIZE:
	case LTTNG_ABI_RB_GET_PACKET_SIZE:
	case LTTNG_ABI_RB_GET_SEQ_NUM:
		return true;
	}
	return false;
}

static long held_packet_ioctl(struct lttng_rb_buffer *buf, unsigned int cmd,
			      void __user *uarg)
{
	struct lttng_rb_packet_info info;
	long ret;

	/* An unknown command is ENOTTY whether or not a packet is held. */
	if (!is_held_packet_cmd(cmd))
		return -ENOIOCTLCMD;
	ret = held_info(buf, &info);
	if (ret)
		return ret;
	switch (cmd) {
	case LTTNG_ABI_RB_GET_TIMESTAMP_BEGIN:
		return put_u64(uarg, info.timestamp_begin);
	case LTTNG_ABI_RB_GET_TIMESTAMP_END:
		return put_u64(uarg, info.timestamp_end);
	case LTTNG_ABI_RB_GET_EVENTS_DISCARDED:
		return put_u64(uarg, info.events_discarded);
	case LTTNG_ABI_RB_GET_CONTENT_SIZE:
		return put_u64(uarg, info.content_size);
	case LTTNG_ABI_RB_GET_PACKET_SIZE:
		return put_u64(uarg, info.packet_size);
	case LTTNG_ABI_RB_GET_SEQ_NUM:
		return put_u64(uarg, info.seq_num);
	}
	return -ENOIOCTLCMD;
}

static long get_subbuf_at(struct lttng_rb_buffer *buf, void __user *uarg)
{
	unsigned long pos;

	if (get_user(pos, (unsigned long __user *)uarg))
		return -EFAULT;
	return lttng_rb_get_subbuf(buf, pos);
}

static long get_next_subbuf(struct lttng_rb_buffer *buf)
{
	int ret = lttng_rb_snapshot(buf);

	return ret ? ret : lttng_rb_get_subbuf(buf, buf->snap_consumed);
}

static long put_subbuf(struct lttng_rb_buffer *buf, bool advance)
{
	if (!buf->held)
		return -EINVAL;
	lttng_rb_put_subbuf(buf, advance);
	return 0;
}

static long flush(struct lttng_rb_buffer *buf, bool flush_empty)
{
	lttng_rb_buffer_flush(buf, flush_empty);
	if (lttng_rb_data_ready(buf))
		wake_up_interruptible(&buf->read_wait);
	return 0;
}

static long sample_positions(struct lttng_rb_buffer *buf)
{
	smp_rmb();
	buf->snap_consumed = lttng_rb_consumed(buf);
	buf->snap_produced = lttng_rb_write_pos(buf);
	return 0;
}

static long stream_ioctl_locked(struct lttng_rb_buffer *buf, unsigned int cmd,
				void __user *uarg)
{
	struct lttng_rb_channel *chan = buf->chan;
	unsigned long val;
	long ret;

	ret = stream_ulong_locked(buf, cmd, &val);
	if (ret != -ENOIOCTLCMD)
		return ret ? ret : put_ulong(uarg, val);
	switch (cmd) {
	case LTTNG_ABI_RB_SNAPSHOT:
		return lttng_rb_snapshot(buf);
	case LTTNG_ABI_RB_SNAPSHOT_SAMPLE_POSITIONS:
		return sample_positions(buf);
	case LTTNG_ABI_RB_GET_SUBBUF:
		return get_subbuf_at(buf, uarg);
	case LTTNG_ABI_RB_PUT_SUBBUF:
		return put_subbuf(buf, false);
	case LTTNG_ABI_RB_GET_NEXT_SUBBUF:
		return get_next_subbuf(buf);
	case LTTNG_ABI_RB_PUT_NEXT_SUBBUF:
		return put_subbuf(buf, true);
	case LTTNG_ABI_RB_FLUSH:
		return flush(buf, false);
	case LTTNG_ABI_RB_FLUSH_EMPTY:
		return flush(buf, true);
	case LTTNG_ABI_RB_CLEAR:
		return lttng_rb_clear(buf);
	case LTTNG_ABI_RB_GET_STREAM_ID:
		return put_u64(uarg, chan->id);
	case LTTNG_ABI_RB_INSTANCE_ID:
		return put_u64(uarg, buf->cpu);
	case LTTNG_ABI_RB_GET_CURRENT_TIMESTAMP:
		return put_u64(uarg, lttng_rb_clock());
	}
	return held_packet_ioctl(buf, cmd, uarg);
}

static long stream_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct lttng_rb_buffer *buf = file->private_data;
	long ret;

	mutex_lock(&buf->reader_lock);
	ret = stream_ioctl_locked(buf, cmd, (void __user *)arg);
	mutex_unlock(&buf->reader_lock);
	return ret;
}

#ifdef CONFIG_COMPAT
static long stream_get_ulong(struct file *file, unsigned int cmd,
			     unsigned long *val)
{
	struct lttng_rb_buffer *buf = file->private_data;
	long ret;

	mutex_lock(&buf->reader_lock);
	ret = stream_ulong_locked(buf, cmd, val);
	mutex_unlock(&buf->reader_lock);
	return ret;
}

/* The consumer asks for a packet near the consumed position it sampled. */
static long stream_get_subbuf_low32(struct file *file, u32 low)
{
	struct lttng_rb_buffer *buf = file->private_data;
	long ret;

	mutex_lock(&buf->reader_lock);
	ret = lttng_rb_get_subbuf(buf, lttng_rb_pos_from_low32(buf->snap_consumed, low));
	mutex_unlock(&buf->reader_lock);
	return ret;
}

static const struct lttng_stream_compat_ops stream_compat_ops = {
	.get_ulong = stream_get_ulong,
	.get_subbuf_low32 = stream_get_subbuf_low32,
};

static long stream_compat_ioctl(struct file *file, unsigned int cmd,
				unsigned long arg)
{
	return lttng_stream_compat_ioctl(&stream_compat_ops, file, cmd, arg);
}
#endif /* CONFIG_COMPAT */

static __poll_t stream_poll(struct file *file, poll_table *wait)
{
	struct lttng_rb_buffer *buf = file->private_data;
	const struct lttng_rb_layout *l = &buf->chan->layout;
	bool fin;

	poll_wait(file, &buf->read_wait, wait);
	fin = READ_ONCE(buf->chan->finalized);
	smp_rmb();
	if (lttng_rb_data_ready(buf)) {
		__poll_t mask = EPOLLIN | EPOLLRDNORM;

		if (lttng_rb_write_pos(buf) - lttng_rb_consumed(buf) >=
		    lttng_rb_buf_size(l))
			mask |= EPOLLPRI | EPOLLRDBAND;
		return mask;
	}
	return fin ? EPOLLHUP : 0;
}

/*
 * splice() and read() copy from the held packet, at offsets relative to
 * its start: the consumer splices each packet from offset 0 up to its
 * padded size.
 */
static ssize_t stream_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct lttng_rb_buffer *buf = iocb->ki_filp->private_data;
	struct lttng_rb_packet_info info;
	ssize_t ret = -ENODATA;
	void *packet;

	mutex_lock(&buf->reader_lock);
	packet = lttng_rb_held_packet(buf);
	if (packet) {
		buf->chan->ops->info(packet, &info);
		ret = lttng_stream_read_packet(iocb, to, packet, info.packet_size / 8);
	}
	mutex_unlock(&buf->reader_lock);
	return ret;
}

/* The whole buffer is mapped once; GET_MMAP_READ_OFFSET says where to read. */
static int stream_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct lttng_rb_buffer *buf = file->private_data;

	if (!is_mmap(buf))
		return -EINVAL;
	return lttng_stream_mmap(vma, buf->mem, lttng_rb_mem_size(buf->chan));
}

static int stream_release(struct inode *inode, struct file *file)
{
	struct lttng_rb_buffer *buf = file->private_data;
	struct lttng_rb_channel *chan = buf->chan;

	mutex_lock(&buf->reader_lock);
	lttng_rb_put_subbuf(buf, false);
	mutex_unlock(&buf->reader_lock);
	atomic_set(&buf->has_reader, 0);
	lttng_rb_channel_put(chan);
	return 0;
}

static const struct file_operations stream_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = stream_ioctl,
	LTTNG_COMPAT_IOCTL(stream_compat_ioctl)
	.poll = stream_poll,
	.read_iter = stream_read_iter,
	.splice_read = lttng_copy_splice_read,
	.mmap = stream_mmap,
	.release = stream_release,
	.llseek = noop_llseek,
};

/* A new stream file on buf (which the caller marked as having a reader). */
int lttng_rb_stream_fd(struct lttng_rb_buffer *buf)
{
	int fd;

	lttng_rb_channel_get(buf->chan);
	/* splice() with an offset needs FMODE_PREAD, which anon files lack. */
	fd = lttng_anon_fd("[lttng_stream]", &stream_fops, buf, O_RDONLY, FMODE_PREAD);
	if (fd < 0)
		lttng_rb_channel_put(buf->chan);
	return fd;
}
