// SPDX-License-Identifier: GPL-2.0-only
/*
 * Perf counter contexts (lttng add-context -t perf:cpu:NAME): the value
 * of a per-CPU perf counter of the recording CPU, as a 64-bit integer
 * field named as lttng-tools asks (perf_cpu_page_fault, ...).
 *
 * Each field has one kernel counter per online CPU, published (one
 * pointer per CPU) only once made. Perf drops a CPU's events when it goes
 * offline, so a counter is never carried across: once a CPU is dead its
 * counter is unpublished (nothing runs there to read it) and a CPU coming
 * online gets a new one. Making and releasing a counter take the CPU
 * hotplug lock (perf's static keys), which the hotplug callbacks run
 * under: so they only unpublish and hand the work to a work item. A
 * record made on a CPU without its counter (early in its bring-up) holds
 * 0.
 *
 * A counter type the machine lacks (hardware counters without a PMU, as
 * in emulated machines) fails on the first CPU: the context is refused
 * with ENOSYS, which lttng reports as not available.
 */
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/ctype.h>
#include <linux/irqflags.h>
#include <linux/llist.h>
#include <linux/perf_event.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/workqueue.h>

#include "core/lttng-context.h"

/* One CPU's counter; dead ones wait on the graveyard for the work item. */
struct perf_counter {
	struct perf_event *ev;
	struct llist_node dead;
};

struct perf_ctx {
	struct perf_event_attr attr;
	struct perf_counter **cpus;	/* by CPU; NULL when not counting */
	struct llist_head graveyard;
	struct work_struct sync;	/* releases the dead, makes the missing */
	struct hlist_node online_node;
	struct hlist_node dead_node;
	char name[LTTNG_ABI_SYM_NAME_LEN];
};

static enum cpuhp_state perf_online_state;
static enum cpuhp_state perf_dead_state;

/* Bumped at each CPU's online and death: a counter made meanwhile is stale. */
static DEFINE_PER_CPU(unsigned int, hotplug_gen);

static void no_overflow(struct perf_event *event, struct perf_sample_data *data,
			struct pt_regs *regs)
{
}

static void counter_free(struct perf_counter *c)
{
	perf_event_release_kernel(c->ev);
	kfree(c);
}

/*
 * Make cpu's counter and publish it if the CPU is still online and went
 * through no hotplug meanwhile (checked under the hotplug lock, which the
 * callbacks hold when they unpublish). Process context, no hotplug lock.
 */
static int counter_add(struct perf_ctx *pc, unsigned int cpu)
{
	struct perf_counter *c;
	unsigned int gen;
	bool published;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	gen = READ_ONCE(per_cpu(hotplug_gen, cpu));
	c->ev = perf_event_create_kernel_counter(&pc->attr, cpu, NULL,
						 no_overflow, NULL);
	if (IS_ERR(c->ev)) {
		int ret = PTR_ERR(c->ev);

		kfree(c);
		return ret;
	}
	cpus_read_lock();
	published = cpu_online(cpu) && gen == READ_ONCE(per_cpu(hotplug_gen, cpu)) &&
		    !cmpxchg_release(&pc->cpus[cpu], NULL, c);
	cpus_read_unlock();
	if (!published)
		counter_free(c);
	return 0;
}

static void bury_all(struct perf_ctx *pc)
{
	struct perf_counter *c, *tmp;

	llist_for_each_entry_safe(c, tmp, llist_del_all(&pc->graveyard), dead)
		counter_free(c);
}

static void perf_sync(struct work_struct *work)
{
	struct perf_ctx *pc = container_of(work, struct perf_ctx, sync);
	unsigned int cpu;

	bury_all(pc);
	for_each_online_cpu(cpu)
		if (!READ_ONCE(pc->cpus[cpu]))
			counter_add(pc, cpu);	/* else 0 is recorded there */
}

/* On the CPU coming online, hotplug lock held: the work item makes it. */
static int perf_cpu_online(unsigned int cpu, struct hlist_node *node)
{
	struct perf_ctx *pc = hlist_entry_safe(node, struct perf_ctx, online_node);

	per_cpu(hotplug_gen, cpu)++;
	schedule_work(&pc->sync);
	return 0;
}

/* On a control CPU once cpu is dead: nothing runs there to read it. */
static int perf_cpu_dead(unsigned int cpu, struct hlist_node *node)
{
	struct perf_ctx *pc = hlist_entry_safe(node, struct perf_ctx, dead_node);
	struct perf_counter *c;

	per_cpu(hotplug_gen, cpu)++;
	c = xchg(&pc->cpus[cpu], NULL);
	if (c) {
		llist_add(&c->dead, &pc->graveyard);
		schedule_work(&pc->sync);
	}
	return 0;
}

static void perf_ctx_free(struct perf_ctx *pc)
{
	kvfree(pc->cpus);
	kfree(pc);
}

/* No callback, no work item, no probe: release every counter. */
static void release_all(struct perf_ctx *pc)
{
	unsigned int cpu;

	bury_all(pc);
	for_each_possible_cpu(cpu) {
		struct perf_counter *c = xchg(&pc->cpus[cpu], NULL);

		if (c)
			counter_free(c);
	}
}

static void perf_stop(struct perf_ctx *pc)
{
	cpuhp_state_remove_instance_nocalls(perf_online_state, &pc->online_node);
	cpuhp_state_remove_instance_nocalls(perf_dead_state, &pc->dead_node);
	cancel_work_sync(&pc->sync);
	release_all(pc);
}

/* No probe can be running. */
static void perf_destroy(void *priv)
{
	perf_stop(priv);
	perf_ctx_free(priv);
}

static size_t perf_size(void *priv, const struct lttng_probe_ctx *pctx)
{
	return sizeof(u64);
}

/* The recording CPU's counter; irqs off so perf cannot move it meanwhile. */
static size_t perf_write(void *priv, const struct lttng_probe_ctx *pctx, char *dst)
{
	struct perf_ctx *pc = priv;
	int cpu = smp_processor_id();
	struct perf_counter *c = smp_load_acquire(&pc->cpus[cpu]);
	unsigned long flags;
	u64 v = 0;

	if (c) {
		struct perf_event *ev = c->ev;

		local_irq_save(flags);
		if (READ_ONCE(ev->oncpu) == cpu)
			ev->pmu->read(ev);
		v = local64_read(&ev->count);
		local_irq_restore(flags);
	}
	memcpy(dst, &v, sizeof(v));
	return sizeof(v);
}

static const struct lttng_ctx_ops perf_ops = {
	.size = perf_size,
	.write = perf_write,
	.destroy = perf_destroy,
};

/* lttng-tools' names: perf_cpu_ then the counter, '-' made '_'. */
static bool is_field_name(const char *s, size_t max)
{
	size_t i, n = strnlen(s, max);

	if (!n || n == max || isdigit(s[0]))
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum(s[i]) && s[i] != '_')
			return false;
	return true;
}

/* Software counters everywhere; the rest where the machine has them. */
static int check_attr(const struct lttng_abi_perf_counter_ctx *abi)
{
	switch (abi->type) {
	case PERF_TYPE_SOFTWARE:
		/* The BPF output and dummy events count nothing. */
		if (abi->config == PERF_COUNT_SW_BPF_OUTPUT ||
		    abi->config == PERF_COUNT_SW_DUMMY)
			return -EINVAL;
		return abi->config < PERF_COUNT_SW_MAX ? 0 : -EINVAL;
	case PERF_TYPE_HARDWARE:
	case PERF_TYPE_HW_CACHE:
		return 0;
	}
	return -EINVAL;
}

static struct perf_ctx *perf_ctx_alloc(const struct lttng_abi_perf_counter_ctx *abi)
{
	struct perf_ctx *pc;

	pc = kzalloc(sizeof(*pc), GFP_KERNEL);
	if (!pc)
		return NULL;
	pc->cpus = kvcalloc(nr_cpu_ids, sizeof(*pc->cpus), GFP_KERNEL);
	if (!pc->cpus) {
		kfree(pc);
		return NULL;
	}
	pc->attr.type = abi->type;
	pc->attr.config = abi->config;
	pc->attr.size = sizeof(pc->attr);
	pc->attr.pinned = 1;
	init_llist_head(&pc->graveyard);
	INIT_WORK(&pc->sync, perf_sync);
	strscpy(pc->name, abi->name, sizeof(pc->name));
	return pc;
}

/* perf's "no such counter here" answers: the context is not available. */
static int refusal(int err)
{
	return err == -ENOENT || err == -EOPNOTSUPP || err == -ENODEV ? -ENOSYS : err;
}

/*
 * The callbacks first, so that no CPU going or coming meanwhile is
 * missed, then a counter on every online CPU, each refusing the context
 * if it fails: then nothing is left behind.
 */
static int perf_start(struct perf_ctx *pc)
{
	unsigned int cpu;
	int ret;

	ret = cpuhp_state_add_instance_nocalls(perf_dead_state, &pc->dead_node);
	if (ret)
		return ret;
	ret = cpuhp_state_add_instance_nocalls(perf_online_state, &pc->online_node);
	if (ret) {
		cpuhp_state_remove_instance_nocalls(perf_dead_state, &pc->dead_node);
		return ret;
	}
	for_each_online_cpu(cpu) {
		ret = counter_add(pc, cpu);
		if (ret) {
			perf_stop(pc);
			return refusal(ret);
		}
	}
	return 0;
}

int lttng_context_perf_create(struct lttng_ctx_field *f,
			      const struct lttng_abi_perf_counter_ctx *abi)
{
	struct perf_ctx *pc;
	int ret;

	if (!is_field_name(abi->name, sizeof(abi->name)))
		return -EINVAL;
	ret = check_attr(abi);
	if (ret)
		return ret;
	pc = perf_ctx_alloc(abi);
	if (!pc)
		return -ENOMEM;
	ret = perf_start(pc);
	if (ret) {
		perf_ctx_free(pc);
		return ret;
	}
	f->desc.name = pc->name;
	f->desc.kind = LTTNG_FIELD_INTEGER;
	f->desc.type = (struct lttng_integer_type){ .size = 64, .base = 10 };
	f->ops = &perf_ops;
	f->priv = pc;
	return 0;
}

int lttng_context_perf_init(void)
{
	int ret;

	ret = cpuhp_setup_state_multi(CPUHP_AP_ONLINE_DYN, "lttng/perf:online",
				      perf_cpu_online, NULL);
	if (ret < 0)
		return ret;
	perf_online_state = ret;
	ret = cpuhp_setup_state_multi(CPUHP_BP_PREPARE_DYN, "lttng/perf:dead",
				      NULL, perf_cpu_dead);
	if (ret < 0) {
		cpuhp_remove_multi_state(perf_online_state);
		return ret;
	}
	perf_dead_state = ret;
	return 0;
}

void lttng_context_perf_exit(void)
{
	cpuhp_remove_multi_state(perf_dead_state);
	cpuhp_remove_multi_state(perf_online_state);
}
