// SPDX-License-Identifier: GPL-2.0-only
/*
 * The TCP mark's counters. The marking itself is the module lttng-dt-tcp;
 * its counters live here, in lttng-tracer, so that STATS and
 * /proc/lttng-dt/stats answer whether it is loaded or not, and keep their
 * totals across its reloads. Per-CPU: they are counted in the packet path.
 */
#include <linux/cpumask.h>
#include <linux/export.h>
#include <linux/percpu.h>

#include "lttng-dt.h"

DEFINE_PER_CPU(struct lttng_dt_net_counters, lttng_dt_net_counters);
EXPORT_PER_CPU_SYMBOL_GPL(lttng_dt_net_counters);

static u64 sum(enum lttng_dt_net_counter i)
{
	u64 total = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		total += per_cpu(lttng_dt_net_counters.c[i], cpu);
	return total;
}

void lttng_dt_net_stats(struct lttng_dt_abi_stats *s)
{
	s->marks_sent = sum(LTTNG_DT_NET_MARKS_SENT);
	s->marks_received = sum(LTTNG_DT_NET_MARKS_RECEIVED);
	s->marks_untrusted = sum(LTTNG_DT_NET_MARKS_UNTRUSTED);
	s->marks_ratelimited = sum(LTTNG_DT_NET_MARKS_RATELIMITED);
	s->net_cleared_response = sum(LTTNG_DT_NET_CLEARED_RESPONSE);
	s->net_expired = sum(LTTNG_DT_NET_EXPIRED);
}
