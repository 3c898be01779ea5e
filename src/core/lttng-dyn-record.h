/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Recording for the probes made per EVENT (kprobes, kretprobes, uprobes):
 * events whose payload is a few unsigned longs. The checks and the gate
 * (enabled, trackers, gate) are those of every generated probe callback.
 */
#ifndef _LTTNG_DYN_RECORD_H
#define _LTTNG_DYN_RECORD_H

#include <lttng/admit.h>
#include <lttng/tracer.h>

/* Fields of such events: hex unsigned longs, like lttng-modules'. */
#define LTTNG_DYN_HEX_ULONG(_name)					\
	{ .name = (_name), .kind = LTTNG_FIELD_INTEGER,			\
	  .type = { .size = sizeof(unsigned long) * 8, .is_signed = false, \
		    .base = 16 } }

/* One record of nr values; preemption disabled by the caller. */
static inline void lttng_dyn_record(struct lttng_event_recorder *ev,
				    const unsigned long *values, unsigned int nr)
{
	struct lttng_record rec;
	size_t len = nr * sizeof(*values);

	if (!lttng_event_should_record(ev))
		return;
	if (!lttng_event_admitted(ev->chan->session, NULL, false))
		return;
	if (ev->chan->ops->event_reserve(&rec, ev, len))
		return;
	lttng_record_write(&rec, values, len);
	ev->chan->ops->event_commit(&rec);
}

#endif /* _LTTNG_DYN_RECORD_H */
