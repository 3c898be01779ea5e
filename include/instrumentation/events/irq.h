/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interrupt events: hard interrupt handlers and softirqs, with
 * lttng-modules 2.13's names (softirqs are prefixed irq_). Read once per
 * generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_IRQ_HELPERS
#define _LTTNG_INSTRUMENTATION_IRQ_HELPERS

#include <linux/interrupt.h>

#endif /* _LTTNG_INSTRUMENTATION_IRQ_HELPERS */

LTTNG_EVENT(irq_handler_entry,
	LTTNG_PROTO(int irq, struct irqaction *action),
	LTTNG_FIELDS(
		f_int(int, irq, irq)
		f_string(name, action->name)
	))

LTTNG_EVENT(irq_handler_exit,
	LTTNG_PROTO(int irq, struct irqaction *action, int ret),
	LTTNG_FIELDS(
		f_int(int, irq, irq)
		f_int(int, ret, ret)
	))

/* vec: the softirq number (HI_SOFTIRQ, TIMER_SOFTIRQ, ...). */
LTTNG_EVENT_MAP(softirq_entry, irq_softirq_entry,
	LTTNG_PROTO(unsigned int vec_nr),
	LTTNG_FIELDS(f_int(unsigned int, vec, vec_nr)))

LTTNG_EVENT_MAP(softirq_exit, irq_softirq_exit,
	LTTNG_PROTO(unsigned int vec_nr),
	LTTNG_FIELDS(f_int(unsigned int, vec, vec_nr)))

LTTNG_EVENT_MAP(softirq_raise, irq_softirq_raise,
	LTTNG_PROTO(unsigned int vec_nr),
	LTTNG_FIELDS(f_int(unsigned int, vec, vec_nr)))
