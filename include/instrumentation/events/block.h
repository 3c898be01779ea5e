/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Block layer events: buffers, requests and bios, laid out as
 * lttng-modules 2.13 records them on Linux 6.1. Read once per generator
 * pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_BLOCK_HELPERS
#define _LTTNG_INSTRUMENTATION_BLOCK_HELPERS

#include <linux/bio.h>
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/blktrace_api.h>
#include <linux/buffer_head.h>
#include <linux/sched.h>

/* Bits of the rwbs field (lttng-modules' encoding of blktrace's "RWBS"). */
enum {
	LTTNG_RWBS_WRITE	= 1 << 0,
	LTTNG_RWBS_DISCARD	= 1 << 1,
	LTTNG_RWBS_READ		= 1 << 2,
	LTTNG_RWBS_RAHEAD	= 1 << 3,
	LTTNG_RWBS_BARRIER	= 1 << 4,
	LTTNG_RWBS_SYNC		= 1 << 5,
	LTTNG_RWBS_META		= 1 << 6,
	LTTNG_RWBS_SECURE	= 1 << 7,
	LTTNG_RWBS_FLUSH	= 1 << 8,
	LTTNG_RWBS_FUA		= 1 << 9,
	LTTNG_RWBS_PREFLUSH	= 1 << 10,
};

/* One bit for the operation (none for the others), plus its modifiers. */
static inline unsigned int lttng_blk_rwbs(enum req_op op, blk_opf_t opf)
{
	unsigned int rwbs;

	switch (op) {
	case REQ_OP_WRITE:
		rwbs = LTTNG_RWBS_WRITE;
		break;
	case REQ_OP_DISCARD:
		rwbs = LTTNG_RWBS_DISCARD;
		break;
	case REQ_OP_SECURE_ERASE:
		rwbs = LTTNG_RWBS_DISCARD | LTTNG_RWBS_SECURE;
		break;
	case REQ_OP_FLUSH:
		rwbs = LTTNG_RWBS_FLUSH;
		break;
	case REQ_OP_READ:
		rwbs = LTTNG_RWBS_READ;
		break;
	default:
		rwbs = 0;
	}
	if (opf & REQ_RAHEAD)
		rwbs |= LTTNG_RWBS_RAHEAD;
	if (opf & REQ_SYNC)
		rwbs |= LTTNG_RWBS_SYNC;
	if (opf & REQ_META)
		rwbs |= LTTNG_RWBS_META;
	if (opf & REQ_PREFLUSH)
		rwbs |= LTTNG_RWBS_PREFLUSH;
	if (opf & REQ_FUA)
		rwbs |= LTTNG_RWBS_FUA;
	return rwbs;
}

static inline unsigned int lttng_rq_rwbs(const struct request *rq)
{
	return lttng_blk_rwbs(req_op(rq), rq->cmd_flags);
}

static inline unsigned int lttng_bio_rwbs(const struct bio *bio)
{
	return lttng_blk_rwbs(bio_op(bio), bio->bi_opf);
}

/* The request's device; 0 for a passthrough request with no disk. */
static inline dev_t lttng_rq_dev(const struct request *rq)
{
	return rq->q->disk ? disk_devt(rq->q->disk) : 0;
}

#endif /* _LTTNG_INSTRUMENTATION_BLOCK_HELPERS */

/* Who issued it: the current task, as blktrace reports it. */
#define LTTNG_BLOCK_CURRENT_FIELDS					\
	f_int(pid_t, tid, current->pid)					\
	f_text(comm, current->comm, TASK_COMM_LEN)

#define LTTNG_BLOCK_BUFFER_FIELDS					\
	f_int(dev_t, dev, bh->b_bdev->bd_dev)				\
	f_int(sector_t, sector, bh->b_blocknr)				\
	f_int(size_t, size, bh->b_size)

LTTNG_EVENT(block_touch_buffer,
	LTTNG_PROTO(struct buffer_head *bh),
	LTTNG_FIELDS(LTTNG_BLOCK_BUFFER_FIELDS))

LTTNG_EVENT(block_dirty_buffer,
	LTTNG_PROTO(struct buffer_head *bh),
	LTTNG_FIELDS(LTTNG_BLOCK_BUFFER_FIELDS))

LTTNG_EVENT(block_rq_requeue,
	LTTNG_PROTO(struct request *rq),
	LTTNG_FIELDS(
		f_int(dev_t, dev, lttng_rq_dev(rq))
		f_int(sector_t, sector, blk_rq_trace_sector(rq))
		f_int(unsigned int, nr_sector, blk_rq_trace_nr_sectors(rq))
		f_int(unsigned int, rwbs, lttng_rq_rwbs(rq))
	))

/* nr_sector: the part completed, from nr_bytes. */
LTTNG_EVENT(block_rq_complete,
	LTTNG_PROTO(struct request *rq, blk_status_t error, unsigned int nr_bytes),
	LTTNG_FIELDS(
		f_int(dev_t, dev, lttng_rq_dev(rq))
		f_int(sector_t, sector, blk_rq_pos(rq))
		f_int(unsigned int, nr_sector, nr_bytes >> SECTOR_SHIFT)
		f_int(int, error, blk_status_to_errno(error))
		f_int(unsigned int, rwbs, lttng_rq_rwbs(rq))
	))

#define LTTNG_BLOCK_RQ_FIELDS						\
	f_int(dev_t, dev, lttng_rq_dev(rq))				\
	f_int(sector_t, sector, blk_rq_trace_sector(rq))		\
	f_int(unsigned int, nr_sector, blk_rq_trace_nr_sectors(rq))	\
	f_int(unsigned int, bytes, blk_rq_bytes(rq))			\
	f_int(pid_t, tid, current->pid)					\
	f_int(unsigned int, rwbs, lttng_rq_rwbs(rq))			\
	f_text(comm, current->comm, TASK_COMM_LEN)

LTTNG_EVENT(block_rq_insert,
	LTTNG_PROTO(struct request *rq),
	LTTNG_FIELDS(LTTNG_BLOCK_RQ_FIELDS))

LTTNG_EVENT(block_rq_issue,
	LTTNG_PROTO(struct request *rq),
	LTTNG_FIELDS(LTTNG_BLOCK_RQ_FIELDS))

LTTNG_EVENT(block_rq_merge,
	LTTNG_PROTO(struct request *rq),
	LTTNG_FIELDS(LTTNG_BLOCK_RQ_FIELDS))

LTTNG_EVENT(block_bio_complete,
	LTTNG_PROTO(struct request_queue *q, struct bio *bio),
	LTTNG_FIELDS(
		f_int(dev_t, dev, bio_dev(bio))
		f_int(sector_t, sector, bio->bi_iter.bi_sector)
		f_int(unsigned int, nr_sector, bio_sectors(bio))
		f_int(int, error, blk_status_to_errno(bio->bi_status))
		f_int(unsigned int, rwbs, lttng_bio_rwbs(bio))
	))

#define LTTNG_BLOCK_BIO_FIELDS						\
	f_int(dev_t, dev, bio_dev(bio))					\
	f_int(sector_t, sector, bio->bi_iter.bi_sector)			\
	f_int(unsigned int, nr_sector, bio_sectors(bio))		\
	f_int(unsigned int, rwbs, lttng_bio_rwbs(bio))			\
	LTTNG_BLOCK_CURRENT_FIELDS

LTTNG_EVENT(block_bio_bounce,
	LTTNG_PROTO(struct bio *bio),
	LTTNG_FIELDS(LTTNG_BLOCK_BIO_FIELDS))

LTTNG_EVENT(block_bio_backmerge,
	LTTNG_PROTO(struct bio *bio),
	LTTNG_FIELDS(LTTNG_BLOCK_BIO_FIELDS))

LTTNG_EVENT(block_bio_frontmerge,
	LTTNG_PROTO(struct bio *bio),
	LTTNG_FIELDS(LTTNG_BLOCK_BIO_FIELDS))

LTTNG_EVENT(block_bio_queue,
	LTTNG_PROTO(struct bio *bio),
	LTTNG_FIELDS(LTTNG_BLOCK_BIO_FIELDS))

LTTNG_EVENT(block_getrq,
	LTTNG_PROTO(struct bio *bio),
	LTTNG_FIELDS(LTTNG_BLOCK_BIO_FIELDS))

LTTNG_EVENT(block_plug,
	LTTNG_PROTO(struct request_queue *q),
	LTTNG_FIELDS(LTTNG_BLOCK_CURRENT_FIELDS))

/* nr_rq: requests flushed by the unplug. */
LTTNG_EVENT(block_unplug,
	LTTNG_PROTO(struct request_queue *q, unsigned int depth, bool explicit),
	LTTNG_FIELDS(
		f_int(int, nr_rq, depth)
		LTTNG_BLOCK_CURRENT_FIELDS
	))

LTTNG_EVENT(block_split,
	LTTNG_PROTO(struct bio *bio, unsigned int new_sector),
	LTTNG_FIELDS(
		f_int(dev_t, dev, bio_dev(bio))
		f_int(sector_t, sector, bio->bi_iter.bi_sector)
		f_int(unsigned int, rwbs, lttng_bio_rwbs(bio))
		f_int(sector_t, new_sector, new_sector)
		LTTNG_BLOCK_CURRENT_FIELDS
	))

/* old_dev, old_sector: where the bio was before the remap. */
LTTNG_EVENT(block_bio_remap,
	LTTNG_PROTO(struct bio *bio, dev_t dev, sector_t from),
	LTTNG_FIELDS(
		f_int(dev_t, dev, bio_dev(bio))
		f_int(sector_t, sector, bio->bi_iter.bi_sector)
		f_int(unsigned int, nr_sector, bio_sectors(bio))
		f_int(unsigned int, rwbs, lttng_bio_rwbs(bio))
		f_int(dev_t, old_dev, dev)
		f_int(sector_t, old_sector, from)
	))

LTTNG_EVENT(block_rq_remap,
	LTTNG_PROTO(struct request *rq, dev_t dev, sector_t from),
	LTTNG_FIELDS(
		f_int(dev_t, dev, lttng_rq_dev(rq))
		f_int(sector_t, sector, blk_rq_pos(rq))
		f_int(unsigned int, nr_sector, blk_rq_sectors(rq))
		f_int(dev_t, old_dev, dev)
		f_int(sector_t, old_sector, from)
		f_int(unsigned int, rwbs, lttng_rq_rwbs(rq))
	))
