// SPDX-License-Identifier: GPL-2.0-only
/*
 * Perf counter contexts (lttng add-context -t perf:cpu:NAME): the value
 * of a per-CPU perf counter of the recording CPU, as a 64-bit integer
 * field named as lttng-tools asks (perf_cpu_page_fault, ...).
 *
 * Each field has one kernel counter per online CPU. A CPU's counter is
 * made on that CPU when it comes online (or when the context is added)
 * and released once the CPU is dead, so nothing can be reading it; perf
 * itself drops a CPU's events when it goes offline, so a counter is never
 * carried across. A record made on a CPU without its counter yet (early
 * in its bring-up) holds 0.
 *
 * A counter type the machine lacks (hardware counters without a PMU, as
 * in emulated machines) fails on the first CPU: the context is refused
 * with ENOSYS, which lttng reports as not available.
 */
#include <linux/cpuhotplug.h>
#include <linux/ctype.h>
#include <linux/irqflags.h>
#include <linux/perf_event.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include "core/lttng-context.h"

struct perf_ctx {
	struct perf_event_attr attr;
	struct perf_event **events;	/* by CPU; NULL when not counting */
	struct hlist_node online_node;
	struct hlist_node dead_node;
	bool adding;			/* a failure refuses the context */
	char name[LTTNG_ABI_SYM_NAME_LEN];
};

static enum cpuhp_state perf_online_state;
static enum cpuhp_state perf_dead_state;

static void no_overflow(struct perf_event *event, struct perf_sample_data *data,
			struct pt_regs *regs)
{
}

/* On the CPU coming online (or every online CPU when the context is added). */
static int perf_cpu_online(unsigned int cpu, struct hlist_node *node)
{
	struct perf_ctx *pc = hlist_entry_safe(node, struct perf_ctx, online_node);
	struct perf_event *ev;

	if (pc->events[cpu])
		return 0;
	ev = perf_event_create_kernel_counter(&pc->attr, cpu, NULL,
					      no_overflow, NULL);
	if (IS_ERR(ev)) {
		/* Later, a CPU must not be kept offline for a counter. */
		return pc->adding ? PTR_ERR(ev) : 0;
	}
	/* Complete before probes on this CPU can see it. */
	smp_store_release(&pc->events[cpu], ev);
	return 0;
}

static void release_cpu(struct perf_ctx *pc, unsigned int cpu)
{
	struct perf_event *ev = pc->events[cpu];

	if (!ev)
		return;
	WRITE_ONCE(pc->events[cpu], NULL);
	perf_event_release_kernel(ev);
}

/* On a control CPU, once cpu is dead: nothing runs there to read it. */
static int perf_cpu_dead(unsigned int cpu, struct hlist_node *node)
{
	release_cpu(hlist_entry_safe(node, struct perf_ctx, dead_node), cpu);
	return 0;
}

static void perf_ctx_free(struct perf_ctx *pc)
{
	kvfree(pc->events);
	kfree(pc);
}

/* No probe can be running, and hotplug no longer calls us. */
static void perf_destroy(void *priv)
{
	struct perf_ctx *pc = priv;
	unsigned int cpu;

	cpuhp_state_remove_instance_nocalls(perf_online_state, &pc->online_node);
	cpuhp_state_remove_instance_nocalls(perf_dead_state, &pc->dead_node);
	for_each_possible_cpu(cpu)
		release_cpu(pc, cpu);
	perf_ctx_free(pc);
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
	struct perf_event *ev = smp_load_acquire(&pc->events[cpu]);
	unsigned long flags;
	u64 v = 0;

	if (ev) {
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
	pc->events = kvcalloc(nr_cpu_ids, sizeof(*pc->events), GFP_KERNEL);
	if (!pc->events) {
		kfree(pc);
		return NULL;
	}
	pc->attr.type = abi->type;
	pc->attr.config = abi->config;
	pc->attr.size = sizeof(pc->attr);
	pc->attr.pinned = 1;
	strscpy(pc->name, abi->name, sizeof(pc->name));
	return pc;
}

/* perf's "no such counter here" answers: the context is not available. */
static int refusal(int err)
{
	return err == -ENOENT || err == -EOPNOTSUPP || err == -ENODEV ? -ENOSYS : err;
}

/*
 * Counters on every online CPU first, then the hotplug callbacks: on an
 * error, the counters made so far are released and nothing is left.
 */
static int perf_start(struct perf_ctx *pc)
{
	int ret;

	ret = cpuhp_state_add_instance_nocalls(perf_dead_state, &pc->dead_node);
	if (ret)
		return ret;
	pc->adding = true;
	ret = cpuhp_state_add_instance(perf_online_state, &pc->online_node);
	pc->adding = false;
	if (ret) {
		unsigned int cpu;

		cpuhp_state_remove_instance_nocalls(perf_dead_state, &pc->dead_node);
		for_each_possible_cpu(cpu)
			release_cpu(pc, cpu);
		return refusal(ret);
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
