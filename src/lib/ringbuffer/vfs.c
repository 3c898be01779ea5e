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

/* Ioctls about the held packet: its header fields and sizes. */
static bool is_held_packet_cmd(unsigned int cmd)
{
	switch (cmd) {
	case LTTNG_ABI_RB_GET_SUBBUF_SIZE:
	case LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE:
	case LTTNG_ABI_RB_GET_MMAP_READ_OFFSET:
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
	const struct lttng_rb_layout *l = &buf->chan->layout;
	struct lttng_rb_packet_info info;
	void *packet;

	/* An unknown command is ENOTTY whether or not a packet is held. */
	if (!is_held_packet_cmd(cmd))
		return -ENOIOCTLCMD;
	packet = lttng_rb_held_packet(buf);
	if (!packet)
		return -EINVAL;
	buf->chan->ops->info(packet, &info);
	switch (cmd) {
	case LTTNG_ABI_RB_GET_SUBBUF_SIZE:
		return put_ulong(uarg, info.content_size / 8);
	case LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE:
		return put_ulong(uarg, info.packet_size / 8);
	case LTTNG_ABI_RB_GET_MMAP_READ_OFFSET:
		if (!is_mmap(buf))
			return -EINVAL;
		return put_ulong(uarg, buf->held_slot << l->subbuf_order);
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

	switch (cmd) {
	case LTTNG_ABI_RB_SNAPSHOT:
		return lttng_rb_snapshot(buf);
	case LTTNG_ABI_RB_SNAPSHOT_SAMPLE_POSITIONS:
		return sample_positions(buf);
	case LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED:
		return put_ulong(uarg, buf->snap_consumed);
	case LTTNG_ABI_RB_SNAPSHOT_GET_PRODUCED:
		return put_ulong(uarg, buf->snap_produced);
	case LTTNG_ABI_RB_GET_SUBBUF:
		return get_subbuf_at(buf, uarg);
	case LTTNG_ABI_RB_PUT_SUBBUF:
		return put_subbuf(buf, false);
	case LTTNG_ABI_RB_GET_NEXT_SUBBUF:
		return get_next_subbuf(buf);
	case LTTNG_ABI_RB_PUT_NEXT_SUBBUF:
		return put_subbuf(buf, true);
	case LTTNG_ABI_RB_GET_MAX_SUBBUF_SIZE:
		return put_ulong(uarg, chan->layout.subbuf_size);
	case LTTNG_ABI_RB_GET_MMAP_LEN:
		if (!is_mmap(buf))
			return -EINVAL;
		return put_ulong(uarg, lttng_rb_mem_size(chan));
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
	.compat_ioctl = stream_ioctl,
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
