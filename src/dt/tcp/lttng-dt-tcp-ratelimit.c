// SPDX-License-Identifier: GPL-2.0-only
/*
 * The rate limit of new network flags, per source (the peer that sent
 * the marked segment): a token bucket each, refilled at rate_limit a
 * second, burst one second's worth (lttng-dt-tcp-ratelimit.h).
 *
 * Nothing from the network is trusted: the table is static (DT_RL_SETS
 * sets of DT_RL_WAYS entries), never allocated from (about 24 KiB), and a new
 * source recycles the least recently used entry of its set. The set is
 * chosen by a keyed hash (siphash, key drawn at load), so a sender
 * cannot aim its addresses at the set of another source. Each set has
 * its own spinlock, taken with interrupts off: the caller may run in
 * process context (recvmsg) or softirq.
 */
#include <linux/cache.h>
#include <linux/init.h>
#include <linux/random.h>
#include <linux/siphash.h>
#include <linux/spinlock.h>
#include <linux/ktime.h>
#include <net/ipv6.h>

#include "lttng-dt-tcp.h"
#include "lttng-dt-tcp-ratelimit.h"

struct dt_rl_set {
	spinlock_t lock;
	struct dt_rl_entry ways[DT_RL_WAYS];
} ____cacheline_aligned_in_smp;

static struct dt_rl_set dt_rl_sets[DT_RL_SETS];
static siphash_key_t dt_rl_key __read_mostly;

bool dt_rate_allows(const struct sock *sk)
{
	unsigned int rate = READ_ONCE(dt_tcp_rate_limit);
	struct dt_rl_set *set;
	struct in6_addr src;
	unsigned long flags;
	bool ok;

	if (!rate)
		return true;
	dt_peer_addr(sk, &src);
	set = &dt_rl_sets[siphash(&src, sizeof(src), &dt_rl_key) % DT_RL_SETS];
	spin_lock_irqsave(&set->lock, flags);
	ok = dt_rl_take(set->ways, (__force const u32 *)src.s6_addr32,
			ktime_get_mono_fast_ns(), rate);
	spin_unlock_irqrestore(&set->lock, flags);
	return ok;
}

void dt_ratelimit_init(void)
{
	unsigned int i;

	get_random_bytes(&dt_rl_key, sizeof(dt_rl_key));
	for (i = 0; i < DT_RL_SETS; i++)
		spin_lock_init(&dt_rl_sets[i].lock);
}
