/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel tracepoints found by name, and sets of probes on them registered
 * and unregistered as one: what the core's enablers, the system calls,
 * the distributed-trace scheduler probes and the TCP mark all need.
 */
#ifndef _LTTNG_TRACEPOINTS_H
#define _LTTNG_TRACEPOINTS_H

#include <linux/tracepoint.h>

/* The built-in kernel tracepoint of that name, or NULL. */
struct tracepoint *lttng_tracepoint_find(const char *name);

/*
 * One probe of a set: on tracepoint name, func(data, ...) at prio (higher
 * runs first; TRACEPOINT_DEFAULT_PRIO unless the order matters).
 */
struct lttng_tracepoint_probe {
	const char *name;
	void *func;
	int prio;
	struct tracepoint *tp;	/* found by the first registration */
};

/*
 * Register each probe of the set with data; all or none: on failure the
 * ones registered are unregistered again (-ENOSYS if a tracepoint does
 * not exist in this kernel).
 */
int lttng_tracepoint_probes_register(struct lttng_tracepoint_probe *probes,
				     unsigned int n, void *data);
/*
 * Unregister them all, and wait until no CPU runs any of them: after
 * this, what they point to can go.
 */
void lttng_tracepoint_probes_unregister(struct lttng_tracepoint_probe *probes,
					unsigned int n, void *data);

#endif /* _LTTNG_TRACEPOINTS_H */
