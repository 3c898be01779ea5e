/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event descriptions and the probe registry: the API that probe modules
 * use to make their events known to the tracer.
 *
 * A probe module describes each event it can record with a struct
 * lttng_event_desc and registers them all at once, as one struct
 * lttng_probe, from its init function. The registry is what the
 * TRACEPOINT_LIST and SYSCALL_LIST files show, and what enablers match
 * against. Probe modules normally generate all this from declarative
 * event definitions (see lttng/tracepoint-event.h).
 */
#ifndef _LTTNG_EVENTS_H
#define _LTTNG_EVENTS_H

#include <linux/list.h>
#include <linux/module.h>

#include <lttng/event-types.h>

struct tracepoint;

enum lttng_event_kind {
	LTTNG_EVENT_KIND_TRACEPOINT,
	LTTNG_EVENT_KIND_SYSCALL_ENTRY,
	LTTNG_EVENT_KIND_SYSCALL_EXIT,
	LTTNG_EVENT_KIND_KPROBE,	/* kprobe or kretprobe, made per EVENT */
	LTTNG_EVENT_KIND_UPROBE,	/* uprobe, made per EVENT */
};

struct lttng_event_desc {
	const char *name;		/* name as recorded, e.g. "sched_switch" */
	enum lttng_event_kind kind;
	unsigned int syscall_nr;	/* syscall kinds only, or: */
#define LTTNG_SYSCALL_NR_UNKNOWN	UINT_MAX	/* numbers not described */

	/*
	 * Where the event comes from: a kernel tracepoint found by name, or
	 * one the probe module defines itself (tp set).
	 */
	const char *tp_name;
	struct tracepoint *tp;
	void *probe;			/* callback: (void *recorder, args...) */

	const struct lttng_field_desc *fields;
	unsigned int nr_fields;
	struct module *owner;
};

struct lttng_probe {
	const char *subsystem;		/* e.g. "sched"; unique */
	struct module *owner;
	const struct lttng_event_desc * const *events;
	unsigned int nr_events;
	struct list_head node;		/* registry link, owned by the tracer */
};

int lttng_probe_register(struct lttng_probe *probe);
void lttng_probe_unregister(struct lttng_probe *probe);

#endif /* _LTTNG_EVENTS_H */
