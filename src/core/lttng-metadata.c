// SPDX-License-Identifier: GPL-2.0-only
/*
 * Session metadata: the CTF TSDL text describing a session's trace, kept
 * in a growable cache, and the metadata stream files that deliver it to
 * the consumer as CTF metadata packets.
 *
 * The text is appended in whole blocks under the cache lock, so any
 * prefix that ends at the current length is a coherent description.
 * Each stream keeps its own read cursors, so that a new stream (snapshot,
 * rotation) replays the whole cache from the start. Packets are built on
 * demand when the consumer asks for the next one, in the stream's small
 * mmap-able buffer; they are never written from probe context.
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/utsname.h>
#include <linux/vmalloc.h>

#include <lttng/objects.h>

#include "compat/fs.h"
#include "lib/lttng-anon-fd.h"
#include "lib/lttng-compat-ioctl.h"
#include "lttng-boot-id.h"
#include "lttng-metadata-text.h"
#include "lib/lttng-stream-io.h"

#define METADATA_MAGIC		0x75D11D57

struct lttng_metadata_cache {
	struct kref ref;
	struct mutex lock;
	struct lttng_text text;
	u64 version;
	bool hung_up;			/* the session is gone */
	wait_queue_head_t wait;		/* streams' readers */
};

/* Header of a metadata packet: the whole packet is header + TSDL text. */
struct metadata_packet_header {
	u32 magic;
	u8 uuid[16];
	u32 checksum;
	u32 content_size;		/* bits */
	u32 packet_size;		/* bits */
	u8 compression_scheme;
	u8 encryption_scheme;
	u8 checksum_scheme;
	u8 major;
	u8 minor;
} __packed;

struct metadata_stream {
	struct lttng_metadata_cache *cache;
	u8 uuid[16];
	struct mutex lock;
	char *mem;			/* nr_subbuf packets of subbuf_size */
	unsigned long subbuf_size;
	unsigned int nr_subbuf;
	size_t out;			/* text consumed by the reader */
	size_t in;			/* text up to the end of the built packet */
	bool built;			/* a packet awaits consumption */
	bool held;
	unsigned int idx;		/* slot of the built packet */
	size_t packet_len;		/* bytes, header included */
	unsigned long snap_consumed, snap_produced;
};

/* Metadata of many events runs to hundreds of KiB: vmalloc when large. */
static int text_grow(struct lttng_text *t, size_t min_cap)
{
	size_t cap = max_t(size_t, min_cap, t->cap ? t->cap * 2 : 4096);
	char *buf = kvmalloc(cap, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (t->buf)
		memcpy(buf, t->buf, t->len + 1);
	kvfree(t->buf);
	t->buf = buf;
	t->cap = cap;
	return 0;
}

struct lttng_metadata_cache *lttng_metadata_cache_create(void)
{
	struct lttng_metadata_cache *cache = kzalloc(sizeof(*cache), GFP_KERNEL);

	if (!cache)
		return NULL;
	kref_init(&cache->ref);
	mutex_init(&cache->lock);
	init_waitqueue_head(&cache->wait);
	cache->text.grow = text_grow;
	return cache;
}

static void cache_release(struct kref *ref)
{
	struct lttng_metadata_cache *cache =
		container_of(ref, struct lttng_metadata_cache, ref);

	kvfree(cache->text.buf);
	kfree(cache);
}

void lttng_metadata_cache_put(struct lttng_metadata_cache *cache)
{
	kref_put(&cache->ref, cache_release);
}

void lttng_metadata_cache_hangup(struct lttng_metadata_cache *cache)
{
	mutex_lock(&cache->lock);
	cache->hung_up = true;
	mutex_unlock(&cache->lock);
	wake_up_interruptible(&cache->wait);
}

/* Append a block built by fn; on failure nothing of it stays. */
static int append_block(struct lttng_metadata_cache *cache,
			int (*fn)(struct lttng_text *t, const void *arg),
			const void *arg)
{
	size_t len;
	int ret;

	mutex_lock(&cache->lock);
	len = cache->text.len;
	ret = fn(&cache->text, arg);
	if (ret)
		cache->text.len = len;
	mutex_unlock(&cache->lock);
	if (!ret)
		wake_up_interruptible(&cache->wait);
	return ret;
}

static int trace_block(struct lttng_text *t, const void *arg)
{
	const struct lttng_session *session = arg;
	struct new_utsname *uts = utsname();
	struct lttng_tsdl_trace tr = {
		.uuid = session->uuid,
		.hostname = uts->nodename,
		.sysname = uts->sysname,
		.kernel_release = uts->release,
		.kernel_version = uts->version,
		.trace_name = session->name[0] ? session->name : NULL,
		.creation_datetime = session->creation_time[0] ?
				     session->creation_time : NULL,
		.clock_uuid = lttng_boot_id(),
		.tracer_name = "lttng-modules",
		.tracer_major = LTTNG_TRACER_MAJOR,
		.tracer_minor = LTTNG_TRACER_MINOR,
		.tracer_patchlevel = LTTNG_TRACER_PATCHLEVEL,
	};

	/* Wall-clock time of the trace clock's zero. */
	tr.clock_offset = ktime_get_real_ns() - ktime_get_mono_fast_ns();
	return lttng_tsdl_trace(t, &tr);
}

static int stream_block(struct lttng_text *t, const void *arg)
{
	const struct lttng_channel *chan = arg;
	struct lttng_field_desc *ctx;
	unsigned int i;
	int ret;

	ctx = kcalloc(max(chan->ctx.nr, 1U), sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	for (i = 0; i < chan->ctx.nr; i++)
		ctx[i] = chan->ctx.fields[i].desc;
	ret = lttng_tsdl_stream(t, chan->id, chan->large_header, ctx, chan->ctx.nr);
	kfree(ctx);
	return ret;
}

static int event_block(struct lttng_text *t, const void *arg)
{
	const struct lttng_event_recorder *ev = arg;
	const struct lttng_event_desc *desc = ev->desc;

	return lttng_tsdl_event(t, desc->name, ev->id, ev->chan->id,
				desc->fields, desc->nr_fields);
}

int lttng_metadata_emit_event_locked(struct lttng_session *session,
				     struct lttng_event_recorder *ev)
{
	int ret;

	if (ev->in_metadata)
		return 0;
	ret = append_block(session->metadata, event_block, ev);
	if (!ret)
		ev->in_metadata = true;
	return ret;
}

/* Everything known at the first start: trace, streams, events. */
int lttng_metadata_emit_session_locked(struct lttng_session *session)
{
	struct lttng_metadata_cache *cache = session->metadata;
	struct lttng_event_recorder *ev;
	struct lttng_channel *chan;
	int ret = 0;

	/*
	 * A start that fails here is retried by the next one: each block
	 * is appended once, whatever the earlier attempts got through.
	 */
	if (!session->trace_in_metadata) {
		ret = append_block(cache, trace_block, session);
		if (ret)
			return ret;
		session->trace_in_metadata = true;
	}
	list_for_each_entry(chan, &session->channels, node) {
		if (chan->is_metadata || chan->stream_in_metadata)
			continue;
		ret = append_block(cache, stream_block, chan);
		if (ret)
			return ret;
		chan->stream_in_metadata = true;
	}
	list_for_each_entry(chan, &session->channels, node) {
		list_for_each_entry(ev, &chan->recorders, node) {
			if (ret)
				break;
			ret = lttng_metadata_emit_event_locked(session, ev);
		}
	}
	return ret;
}

/*
 * Build the next packet from pending text, if any. The packet takes as
 * much text as fits; it is coherent when it takes all there is.
 */
static int build_packet(struct metadata_stream *s, bool *coherent)
{
	struct lttng_metadata_cache *cache = s->cache;
	struct metadata_packet_header *h;
	size_t room = s->subbuf_size - sizeof(*h), n;
	int ret = 0;

	mutex_lock(&cache->lock);
	if (s->built)
		goto out;
	if (s->out >= cache->text.len) {
		ret = cache->hung_up ? -ENODATA : -EAGAIN;
		goto out;
	}
	n = min(room, cache->text.len - s->out);
	s->idx = (s->idx + 1) % s->nr_subbuf;
	h = (void *)(s->mem + s->idx * s->subbuf_size);
	memset(h, 0, sizeof(*h));
	h->magic = METADATA_MAGIC;
	memcpy(h->uuid, s->uuid, sizeof(h->uuid));
	h->major = 1;
	h->minor = 8;
	memcpy(h + 1, cache->text.buf + s->out, n);
	s->packet_len = sizeof(*h) + n;
	h->content_size = s->packet_len * 8;
	h->packet_size = PAGE_ALIGN(s->packet_len) * 8;
	s->in = s->out + n;
	s->built = true;
out:
	if (coherent)
		*coherent = s->built && s->in == cache->text.len;
	mutex_unlock(&cache->lock);
	return ret;
}

static int get_next(struct metadata_stream *s, bool *coherent)
{
	int ret;

	if (s->held)
		return -EBUSY;
	ret = build_packet(s, coherent);
	if (!ret)
		s->held = true;
	return ret;
}

static long put(struct metadata_stream *s, bool consume)
{
	if (!s->held)
		return -EINVAL;
	s->held = false;
	if (consume) {
		s->out = s->in;
		s->built = false;
	}
	return 0;
}

static long cache_dump(struct metadata_stream *s)
{
	long ret = 0;

	mutex_lock(&s->cache->lock);
	if (s->held || s->built || s->out != s->cache->text.len)
		ret = -EBUSY;
	else
		s->out = s->in = 0;
	mutex_unlock(&s->cache->lock);
	/* The reader sleeps in poll(): tell it the whole cache is pending. */
	if (!ret)
		wake_up_interruptible(&s->cache->wait);
	return ret;
}

static bool pending(struct metadata_stream *s)
{
	return s->built || s->out < READ_ONCE(s->cache->text.len);
}

static long snapshot(struct metadata_stream *s)
{
	s->snap_consumed = s->out;
	s->snap_produced = READ_ONCE(s->cache->text.len);
	if (pending(s))
		return 0;
	return READ_ONCE(s->cache->hung_up) ? -ENODATA : -EAGAIN;
}

static int put_ulong(void __user *uarg, unsigned long v)
{
	return put_user(v, (unsigned long __user *)uarg);
}

/*
 * The commands whose answer is an unsigned long, which a 32-bit consumer
 * gets narrowed (lttng-compat-ioctl.c). Positions are offsets in the text.
 */
static long stream_ulong_locked(struct metadata_stream *s, unsigned int cmd,
				unsigned long *val)
{
	switch (cmd) {
	case LTTNG_ABI_RB_SNAPSHOT_GET_CONSUMED:
		*val = s->snap_consumed;
		return 0;
	case LTTNG_ABI_RB_SNAPSHOT_GET_PRODUCED:
		*val = s->snap_produced;
		return 0;
	case LTTNG_ABI_RB_GET_MAX_SUBBUF_SIZE:
		*val = s->subbuf_size;
		return 0;
	case LTTNG_ABI_RB_GET_MMAP_LEN:
		*val = s->subbuf_size * s->nr_subbuf;
		return 0;
	case LTTNG_ABI_RB_GET_SUBBUF_SIZE:
	case LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE:
	case LTTNG_ABI_RB_GET_MMAP_READ_OFFSET:
		break;
	default:
		return -ENOIOCTLCMD;	/* ENOTTY, held packet or not */
	}
	if (!s->held)
		return -EINVAL;
	switch (cmd) {
	case LTTNG_ABI_RB_GET_SUBBUF_SIZE:
		*val = s->packet_len;
		return 0;
	case LTTNG_ABI_RB_GET_PADDED_SUBBUF_SIZE:
		*val = PAGE_ALIGN(s->packet_len);
		return 0;
	default:	/* LTTNG_ABI_RB_GET_MMAP_READ_OFFSET */
		*val = s->idx * s->subbuf_size;
		return 0;
	}
}

static long metadata_check(struct metadata_stream *s, void __user *uarg)
{
	bool coherent;
	long ret = get_next(s, &coherent);

	if (ret)
		return ret;
	if (put_user((u32)coherent, (u32 __user *)uarg)) {
		put(s, false);
		return -EFAULT;
	}
	return 0;
}

static long stream_ioctl_locked(struct metadata_stream *s, unsigned int cmd,
				void __user *uarg)
{
	unsigned long val;
	long ret;

	ret = stream_ulong_locked(s, cmd, &val);
	if (ret != -ENOIOCTLCMD)
		return ret ? ret : put_ulong(uarg, val);
	switch (cmd) {
	case LTTNG_ABI_RB_GET_NEXT_SUBBUF:
		return get_next(s, NULL);
	case LTTNG_ABI_RB_GET_NEXT_SUBBUF_METADATA_CHECK:
		return metadata_check(s, uarg);
	case LTTNG_ABI_RB_PUT_NEXT_SUBBUF:
		return put(s, true);
	case LTTNG_ABI_RB_PUT_SUBBUF:
		return put(s, false);
	case LTTNG_ABI_RB_GET_SUBBUF:
		return -ENOSYS;		/* no random access to metadata */
	case LTTNG_ABI_RB_SNAPSHOT:
		return snapshot(s);
	case LTTNG_ABI_RB_SNAPSHOT_SAMPLE_POSITIONS:
		snapshot(s);
		return 0;
	case LTTNG_ABI_RB_GET_METADATA_VERSION:
		return put_user(READ_ONCE(s->cache->version), (u64 __user *)uarg);
	case LTTNG_ABI_RB_METADATA_CACHE_DUMP:
		return cache_dump(s);
	case LTTNG_ABI_RB_FLUSH:
	case LTTNG_ABI_RB_FLUSH_EMPTY:
		/* Packets are cut when read: there is never one half open. */
		return 0;
	}
	return -ENOIOCTLCMD;
}

static long stream_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct metadata_stream *s = file->private_data;
	long ret;

	mutex_lock(&s->lock);
	ret = stream_ioctl_locked(s, cmd, (void __user *)arg);
	mutex_unlock(&s->lock);
	return ret;
}

#ifdef CONFIG_COMPAT
static long stream_get_ulong(struct file *file, unsigned int cmd,
			     unsigned long *val)
{
	struct metadata_stream *s = file->private_data;
	long ret;

	mutex_lock(&s->lock);
	ret = stream_ulong_locked(s, cmd, val);
	mutex_unlock(&s->lock);
	return ret;
}

static long stream_get_subbuf_low32(struct file *file, u32 low)
{
	return -ENOSYS;		/* no random access to metadata, as natively */
}

static const struct lttng_stream_compat_ops metadata_compat_ops = {
	.get_ulong = stream_get_ulong,
	.get_subbuf_low32 = stream_get_subbuf_low32,
};

static long stream_compat_ioctl(struct file *file, unsigned int cmd,
				unsigned long arg)
{
	return lttng_stream_compat_ioctl(&metadata_compat_ops, file, cmd, arg);
}
#endif /* CONFIG_COMPAT */

static __poll_t stream_poll(struct file *file, poll_table *wait)
{
	struct metadata_stream *s = file->private_data;
	__poll_t mask = 0;

	poll_wait(file, &s->cache->wait, wait);
	if (READ_ONCE(s->cache->hung_up))
		mask |= EPOLLHUP;
	if (pending(s))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

static ssize_t stream_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct metadata_stream *s = iocb->ki_filp->private_data;
	ssize_t ret = -ENODATA;

	mutex_lock(&s->lock);
	if (s->held)
		ret = lttng_stream_read_packet(iocb, to, s->mem + s->idx * s->subbuf_size,
					       PAGE_ALIGN(s->packet_len));
	mutex_unlock(&s->lock);
	return ret;
}

static int stream_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct metadata_stream *s = file->private_data;

	return lttng_stream_mmap(vma, s->mem, s->subbuf_size * s->nr_subbuf);
}

static int stream_release(struct inode *inode, struct file *file)
{
	struct metadata_stream *s = file->private_data;

	lttng_metadata_cache_put(s->cache);
	vfree(s->mem);
	kfree(s);
	return 0;
}

static const struct file_operations metadata_stream_fops = {
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

int lttng_metadata_stream_fd(struct lttng_channel *chan)
{
	const struct lttng_abi_channel *attr = &chan->attr;
	struct lttng_session *session = chan->session;
	struct metadata_stream *s;
	int fd;

	if (attr->subbuf_size < PAGE_SIZE || attr->subbuf_size > SZ_1M ||
	    !is_power_of_2(attr->subbuf_size) ||
	    attr->num_subbuf < 2 || attr->num_subbuf > 64)
		return -EINVAL;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->subbuf_size = attr->subbuf_size;
	s->nr_subbuf = attr->num_subbuf;
	s->mem = vmalloc_user(s->subbuf_size * s->nr_subbuf);
	if (!s->mem) {
		kfree(s);
		return -ENOMEM;
	}
	mutex_init(&s->lock);
	memcpy(s->uuid, session->uuid, sizeof(s->uuid));
	s->cache = session->metadata;
	kref_get(&s->cache->ref);

	fd = lttng_anon_fd("[lttng_metadata_stream]", &metadata_stream_fops, s,
			   O_RDONLY, FMODE_PREAD);
	if (fd >= 0)
		return fd;
	lttng_metadata_cache_put(s->cache);
	vfree(s->mem);
	kfree(s);
	return fd;
}
