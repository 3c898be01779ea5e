// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt-tcp: the TCP mark of the distributed-trace gate (see
 * lttng-dt-tcp.h for the parts). Loaded by the user (modprobe
 * lttng-dt-tcp); needs lttng-tracer, whose flags and counters it uses.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>

#include <lttng/dt-mark.h>

#include "lttng-dt-tcp.h"

unsigned int dt_tcp_idle_timeout_ms = 1000;
module_param_named(idle_timeout_ms, dt_tcp_idle_timeout_ms, uint, 0644);
MODULE_PARM_DESC(idle_timeout_ms,
		 "A network flag lapses after this long without a marked read (ms)");

unsigned int dt_tcp_rate_limit = 1000;
module_param_named(rate_limit, dt_tcp_rate_limit, uint, 0644);
MODULE_PARM_DESC(rate_limit,
		 "New network flags per second per source at most (burst: one second's worth); 0: no limit");

/* Read only: how many sockets have mark state now. */
static int sockets_get(char *buf, const struct kernel_param *kp)
{
	return scnprintf(buf, PAGE_SIZE, "%d\n", atomic_read(&dt_tcp_nr_socks));
}

static const struct kernel_param_ops sockets_ops = {
	.get = sockets_get,
};
module_param_cb(sockets, &sockets_ops, NULL, 0444);
MODULE_PARM_DESC(sockets, "TCP sockets with mark state now (read only)");

static int __init dt_tcp_init(void)
{
	int ret;

	/* The per-CPU flagged bit must follow context switches. */
	ret = lttng_dt_sched_start();
	if (ret)
		return ret;
	dt_ratelimit_init();
	ret = dt_trust_init();
	if (ret)
		goto err;
	ret = dt_sock_start();
	if (ret)
		goto err;
	ret = dt_ingress_start();
	if (ret)
		goto err_ingress;
	ret = dt_send_start();
	if (ret)
		goto err_send;
	ret = dt_egress_start();
	if (ret)
		goto err_egress;
	dt_expire_start();
	return 0;

err_egress:
	dt_send_stop();
err_send:
	dt_ingress_stop();
err_ingress:
	dt_sock_stop();
err:
	dt_trust_exit();
	return ret;
}

static void __exit dt_tcp_exit(void)
{
	dt_expire_stop();
	dt_egress_stop();
	dt_send_stop();
	dt_ingress_stop();
	dt_sock_stop();
	dt_sock_forget_all();
	/* Nothing would end them now. */
	if (lttng_dt_flag_expire_network(U64_MAX))
		lttng_dt_refresh_cpus();
	dt_trust_exit();
	rcu_barrier();
}

module_init(dt_tcp_init);
module_exit(dt_tcp_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt: the distributed-trace TCP mark");
