// SPDX-License-Identifier: GPL-2.0-only
/*
 * Network flags lapse when idle: a server whose response leaves from
 * another thread (a pool, an epoll loop) never sends on the socket from
 * the thread that read the request, so that thread's network reason
 * would otherwise stay forever. A work item checks four times per
 * timeout and clears the reasons not refreshed by a marked read for
 * idle_timeout_ms: a flag lapses between 1 and 1.25 timeouts.
 */
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/workqueue.h>

#include <lttng/dt-mark.h>

#include "lttng-dt-tcp.h"

static void expire_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(expire_work, expire_fn);

static unsigned long period(void)
{
	unsigned int ms = READ_ONCE(dt_tcp_idle_timeout_ms) / 4;

	return msecs_to_jiffies(max(ms, 10U));
}

static void expire_fn(struct work_struct *work)
{
	u64 idle = (u64)READ_ONCE(dt_tcp_idle_timeout_ms) * NSEC_PER_MSEC;
	u64 now = ktime_get_mono_fast_ns();
	unsigned int n = 0;

	if (now > idle)
		n = lttng_dt_flag_expire_network(now - idle);
	if (n) {
		this_cpu_add(lttng_dt_net_counters.c[LTTNG_DT_NET_EXPIRED], n);
		lttng_dt_refresh_cpus();
	}
	schedule_delayed_work(&expire_work, period());
}

void dt_expire_start(void)
{
	schedule_delayed_work(&expire_work, period());
}

void dt_expire_stop(void)
{
	cancel_delayed_work_sync(&expire_work);
}
