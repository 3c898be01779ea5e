/* SPDX-License-Identifier: GPL-2.0-only */
/* Tracer-side view of the probe registry (see include/lttng/events.h). */
#ifndef _LTTNG_PROBES_H
#define _LTTNG_PROBES_H

#include <lttng/events.h>

/*
 * Walk the registered events of one kind in registration order. The
 * registry lock is held from lttng_probes_lock() to lttng_probes_unlock(),
 * so that a listing is consistent even if a probe module comes or goes.
 */
void lttng_probes_lock(void);
void lttng_probes_unlock(void);
const struct lttng_event_desc *lttng_probes_event_at(enum lttng_event_kind kind,
						     loff_t pos);

#endif /* _LTTNG_PROBES_H */
