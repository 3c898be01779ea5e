/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ring-buffer layout and position arithmetic.
 *
 * A buffer is num_subbuf sub-buffers of subbuf_size bytes, both powers of
 * two. Writers and readers move free-running byte positions (unsigned
 * long, wrapping modulo 2^BITS_PER_LONG); everything else is derived from
 * a position with masks and shifts: where in the buffer it falls, which
 * sub-buffer, how many times the buffer has been filled. lttng-consumerd
 * sees these positions through RB_SNAPSHOT_GET_CONSUMED/PRODUCED, so they
 * must stay free-running rather than reduced modulo the buffer size.
 *
 * Pure arithmetic with no kernel dependency: the same header is compiled
 * in userspace by tests/unit/test-rb-layout.c.
 */
#ifndef _LTTNG_RB_LAYOUT_H
#define _LTTNG_RB_LAYOUT_H

#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/types.h>
#else
#include <errno.h>
#include <stdbool.h>
#endif

struct lttng_rb_layout {
	unsigned long subbuf_size;
	unsigned long num_subbuf;
	unsigned int subbuf_order;	/* log2(subbuf_size) */
	unsigned int buf_order;		/* log2(subbuf_size * num_subbuf) */
};

static inline bool lttng_rb_is_pow2(unsigned long v)
{
	return v && !(v & (v - 1));
}

static inline unsigned int lttng_rb_order(unsigned long v)
{
	return (unsigned int)(sizeof(unsigned long) * 8 - 1 - __builtin_clzl(v));
}

/*
 * Validate a channel's buffer geometry as lttng-tools sends it. Sizes must
 * be powers of two, sub-buffers at least a page, overwrite buffers at
 * least two sub-buffers (one is always owned by the reader), and the
 * buffer small enough that position differences never overflow.
 */
static inline int lttng_rb_layout_init(struct lttng_rb_layout *l,
				       unsigned long subbuf_size,
				       unsigned long num_subbuf,
				       unsigned long page_size, bool overwrite)
{
	const unsigned int max_order = sizeof(unsigned long) * 8 - 2;

	if (!lttng_rb_is_pow2(subbuf_size) || !lttng_rb_is_pow2(num_subbuf))
		return -EINVAL;
	if (subbuf_size < page_size || (overwrite && num_subbuf < 2))
		return -EINVAL;
	if (lttng_rb_order(subbuf_size) + lttng_rb_order(num_subbuf) > max_order)
		return -EINVAL;
	l->subbuf_size = subbuf_size;
	l->num_subbuf = num_subbuf;
	l->subbuf_order = lttng_rb_order(subbuf_size);
	l->buf_order = l->subbuf_order + lttng_rb_order(num_subbuf);
	return 0;
}

static inline unsigned long lttng_rb_buf_size(const struct lttng_rb_layout *l)
{
	return 1UL << l->buf_order;
}

/* Byte offset of a position within the buffer. */
static inline unsigned long lttng_rb_buf_offset(const struct lttng_rb_layout *l,
						unsigned long pos)
{
	return pos & (lttng_rb_buf_size(l) - 1);
}

/* Position of the start of the buffer lap containing pos. */
static inline unsigned long lttng_rb_buf_trunc(const struct lttng_rb_layout *l,
					       unsigned long pos)
{
	return pos & ~(lttng_rb_buf_size(l) - 1);
}

/* How many whole laps of the buffer precede pos. */
static inline unsigned long lttng_rb_buf_lap(const struct lttng_rb_layout *l,
					     unsigned long pos)
{
	return pos >> l->buf_order;
}

/* Byte offset of a position within its sub-buffer. */
static inline unsigned long lttng_rb_subbuf_offset(const struct lttng_rb_layout *l,
						   unsigned long pos)
{
	return pos & (l->subbuf_size - 1);
}

/* Position of the start of the sub-buffer containing pos. */
static inline unsigned long lttng_rb_subbuf_trunc(const struct lttng_rb_layout *l,
						  unsigned long pos)
{
	return pos & ~(l->subbuf_size - 1);
}

/* Position of the start of the sub-buffer after the one containing pos. */
static inline unsigned long lttng_rb_subbuf_next(const struct lttng_rb_layout *l,
						 unsigned long pos)
{
	return lttng_rb_subbuf_trunc(l, pos) + l->subbuf_size;
}

/* Index (0 .. num_subbuf - 1) of the sub-buffer containing pos. */
static inline unsigned long lttng_rb_subbuf_index(const struct lttng_rb_layout *l,
						  unsigned long pos)
{
	return lttng_rb_buf_offset(l, pos) >> l->subbuf_order;
}

static inline bool lttng_rb_same_subbuf(const struct lttng_rb_layout *l,
					unsigned long a, unsigned long b)
{
	return lttng_rb_subbuf_trunc(l, a) == lttng_rb_subbuf_trunc(l, b);
}

/*
 * Bytes from position b forward to position a. Positions wrap, so this is
 * meaningful whenever the true distance is below half the position range,
 * which lttng_rb_layout_init() guarantees for positions within one buffer.
 */
static inline long lttng_rb_pos_diff(unsigned long a, unsigned long b)
{
	return (long)(a - b);
}

/*
 * A 32-bit consumer of a 64-bit kernel sees positions modulo 2^32 and
 * hands them back so. The position it means is the one with those low
 * 32 bits nearest ref, the consumed position last sampled: a consumer
 * asks for packets within a buffer's length of it, and buffers a 32-bit
 * process can map are far below 2^31 bytes.
 */
static inline unsigned long lttng_rb_pos_from_low32(unsigned long ref,
						    unsigned int low)
{
	return ref + (long)(int)(low - (unsigned int)ref);
}

/*
 * A sub-buffer's commit count is the bytes ever committed to it: for the
 * lap of pos it is complete at lap * subbuf_size + subbuf_size. The count
 * covers subbuf_order fewer bits of range than positions reach laps in,
 * so when positions wrap (lap back to 0) the count has only wrapped modulo
 * 2^(BITS - log2(num_subbuf)): compare modulo that.
 */
static inline bool lttng_rb_commit_complete(const struct lttng_rb_layout *l,
					    unsigned long commit,
					    unsigned long pos)
{
	unsigned long lap_start = lttng_rb_buf_lap(l, pos) << l->subbuf_order;
	unsigned long mask = ~0UL >> (l->buf_order - l->subbuf_order);

	return !((commit - lap_start - l->subbuf_size) & mask);
}

/* Size rounded up to a whole number of pages (page_size a power of two). */
static inline unsigned long lttng_rb_page_align(unsigned long size,
						unsigned long page_size)
{
	return (size + page_size - 1) & ~(page_size - 1);
}

#endif /* _LTTNG_RB_LAYOUT_H */
