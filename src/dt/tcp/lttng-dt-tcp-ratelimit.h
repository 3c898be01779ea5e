/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The rate limit of new network flags, per source: one token bucket for
 * each source address, in a table of fixed size.
 *
 * A bucket holds at most one second's worth of tokens (burst = rate) and
 * refills at rate tokens a second; a new network flag takes one. A quiet
 * source may so set rate flags at once, then rate a second; one source
 * flooding empties its own bucket only. Tokens are kept in billionths
 * (one token = DT_RL_NSEC units), so refill is elapsed ns times rate
 * with no division.
 *
 * The table is set-associative: a source hashes to one set of
 * DT_RL_WAYS entries; a source not in its set takes a free entry, or
 * the least recently used one, and starts with a full bucket. Memory is
 * bounded whatever addresses arrive.
 *
 * Pure arithmetic, also built in userspace for its unit test
 * (tests/unit/test-ratelimit.c).
 */
#ifndef _LTTNG_DT_TCP_RATELIMIT_H
#define _LTTNG_DT_TCP_RATELIMIT_H

#include <linux/types.h>

#define DT_RL_NSEC	1000000000ULL	/* one token; one second in ns */
#define DT_RL_SETS	64
#define DT_RL_WAYS	8		/* 512 sources tracked at most */

struct dt_bucket {
	u64 stamp;		/* ns of the last refill */
	u64 credit;		/* tokens, in billionths */
};

struct dt_rl_entry {
	u32 src[4];		/* IPv6, or IPv4 v4-mapped */
	bool used;
	struct dt_bucket b;
};

/* A bucket for a source first seen at now: full. */
static inline void dt_bucket_init(struct dt_bucket *b, u64 now, u32 rate)
{
	b->stamp = now;
	b->credit = (u64)rate * DT_RL_NSEC;
}

/*
 * Refill for the time since the last call, then take one token if there
 * is one. rate > 0, at most 2^32 - 1: full = rate * 10^9 < 2^62, and
 * elapsed is below one second when it is multiplied by rate. A clock
 * that goes back refills nothing.
 */
static inline bool dt_bucket_take(struct dt_bucket *b, u64 now, u32 rate)
{
	u64 full = (u64)rate * DT_RL_NSEC;
	u64 elapsed = (s64)(now - b->stamp) > 0 ? now - b->stamp : 0;

	if (elapsed >= DT_RL_NSEC || b->credit >= full)
		b->credit = full;	/* also a rate lowered since */
	else if (full - b->credit <= elapsed * rate)
		b->credit = full;
	else
		b->credit += elapsed * rate;
	if (elapsed)
		b->stamp = now;
	if (b->credit < DT_RL_NSEC)
		return false;
	b->credit -= DT_RL_NSEC;
	return true;
}

static inline bool dt_rl_src_equal(const u32 *a, const u32 *b)
{
	return !((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3]));
}

/*
 * In one set of DT_RL_WAYS entries: the entry of src, else a free one,
 * else the one least recently used (the oldest stamp). *found says
 * whether src was there.
 */
static inline struct dt_rl_entry *dt_rl_pick(struct dt_rl_entry *set,
					     const u32 *src, bool *found)
{
	struct dt_rl_entry *victim = NULL;
	unsigned int i;

	for (i = 0; i < DT_RL_WAYS; i++) {
		struct dt_rl_entry *e = &set[i];

		if (e->used && dt_rl_src_equal(e->src, src)) {
			*found = true;
			return e;
		}
		if (!victim || (victim->used &&
				(!e->used || (s64)(e->b.stamp - victim->b.stamp) < 0)))
			victim = e;
	}
	*found = false;
	return victim;
}

/*
 * Whether src may set one more new network flag at now: its bucket is
 * found or made in set, then takes a token.
 */
static inline bool dt_rl_take(struct dt_rl_entry *set, const u32 *src,
			      u64 now, u32 rate)
{
	bool found;
	struct dt_rl_entry *e = dt_rl_pick(set, src, &found);

	if (!found) {
		e->src[0] = src[0];
		e->src[1] = src[1];
		e->src[2] = src[2];
		e->src[3] = src[3];
		e->used = true;
		dt_bucket_init(&e->b, now, rate);
	}
	return dt_bucket_take(&e->b, now, rate);
}

#endif /* _LTTNG_DT_TCP_RATELIMIT_H */
