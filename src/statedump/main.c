// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-statedump: defines the statedump tracepoints and walks the system
 * for the tracer (see include/lttng/statedump.h), in lttng-modules' order:
 * start, threads (each with its namespaces and files), interrupts,
 * network interfaces, block devices, CPUs, end.
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/cpu.h>
#include <linux/workqueue.h>

#include <lttng/statedump.h>

#include "statedump.h"

/* Every tracepoint, exported for lttng-probe-statedump. */
#define LTTNG_STATEDUMP_TP(name, proto, args)				\
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args));		\
	EXPORT_TRACEPOINT_SYMBOL_GPL(name)

#include <lttng/statedump-tracepoints.h>

/* Serialised by lttng_sessions_lock: one statedump at a time. */
static DEFINE_PER_CPU(struct work_struct, cpu_pass);

static void cpu_pass_fn(struct work_struct *work)
{
}

/*
 * Before end, make every online CPU schedule a kworker once, as
 * lttng-modules does: with scheduler events enabled, a viewer then knows
 * each CPU's current thread by the time it reads the end of the statedump.
 */
static void pass_through_each_cpu(void)
{
	int cpu;

	cpus_read_lock();
	for_each_online_cpu(cpu) {
		INIT_WORK(per_cpu_ptr(&cpu_pass, cpu), cpu_pass_fn);
		schedule_work_on(cpu, per_cpu_ptr(&cpu_pass, cpu));
	}
	for_each_online_cpu(cpu)
		flush_work(per_cpu_ptr(&cpu_pass, cpu));
	cpus_read_unlock();
}

static int statedump(struct lttng_session *session)
{
	int ret;

	trace_lttng_statedump_start(session);
	ret = lttng_statedump_tasks(session);
	if (ret)
		return ret;
	lttng_statedump_interrupts(session);
	lttng_statedump_network(session);
	lttng_statedump_block_devices(session);
	lttng_statedump_cpus(session);
	pass_through_each_cpu();
	trace_lttng_statedump_end(session);
	return 0;
}

static int __init lttng_statedump_init(void)
{
	return lttng_statedump_provider_register(statedump);
}
module_init(lttng_statedump_init);

static void __exit lttng_statedump_exit(void)
{
	lttng_statedump_provider_unregister(statedump);
}
module_exit(lttng_statedump_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The lttng-dt authors");
MODULE_DESCRIPTION("lttng-dt statedump: tracepoints and system walk");
