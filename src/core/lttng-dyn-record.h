/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Recording for the probes made per EVENT (kprobes, kretprobes, uprobes):
 * events whose payload is a few unsigned longs. The checks and the gate
 * (enabled, trackers, gate) are those of every generated probe callback.
 */
#ifndef _LTTNG_DYN_RECORD_H
#define _LTTNG_DYN_RECORD_H

#include <linux/irqflags.h>
#include <linux/ptrace.h>

#include <lttng/admit.h>
#include <lttng/filter-objects.h>
#include <lttng/tracer.h>

/* Fields of such events: hex unsigned longs, like lttng-modules'. */
#define LTTNG_DYN_HEX_ULONG(_name)					\
	{ .name = (_name), .kind = LTTNG_FIELD_INTEGER,			\
	  .type = { .size = sizeof(unsigned long) * 8, .is_signed = false, \
		    .base = 16 } }

/* At most this many values: ip, parent_ip. */
#define LTTNG_DYN_MAX_VALUES	4

/* The recorder's filter, if any, on the values as integer fields. */
static inline bool lttng_dyn_filter_admits(struct lttng_event_recorder *ev,
					   const unsigned long *values,
					   unsigned int nr)
{
	const struct lttng_filter_set *set = rcu_dereference_sched(ev->filter);
	struct lttng_filter_arg fa[LTTNG_DYN_MAX_VALUES];
	unsigned int i;

	if (likely(!set))
		return true;
	if (nr > ARRAY_SIZE(fa))
		return false;
	for (i = 0; i < nr; i++)
		fa[i].v = (s64)values[i];
	return lttng_filter_set_admits(set, fa);
}

/*
 * One record of nr values; preemption disabled by the caller. The
 * interruptible context is whether the probed code had interrupts on
 * (its regs' flags), as lttng-modules records it for these probes.
 */
static inline void lttng_dyn_record(struct lttng_event_recorder *ev,
				    const struct pt_regs *regs,
				    const unsigned long *values, unsigned int nr)
{
	struct lttng_record rec;
	size_t len = nr * sizeof(*values);

	if (!lttng_event_should_record(ev))
		return;
	if (!lttng_event_admitted(ev->chan->session, NULL, false))
		return;
	if (!lttng_dyn_filter_admits(ev, values, nr))
		return;
	if (ev->chan->ops->event_reserve_irqs(&rec, ev, len,
					      !raw_irqs_disabled_flags(regs->flags)))
		return;
	lttng_record_write(&rec, values, len);
	ev->chan->ops->event_commit(&rec);
}

#endif /* _LTTNG_DYN_RECORD_H */
