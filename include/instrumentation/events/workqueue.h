/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Workqueue events, laid out as lttng-modules 2.13 records them. Read
 * once per generator pass: no include guard.
 */
#ifndef _LTTNG_INSTRUMENTATION_WORKQUEUE_HELPERS
#define _LTTNG_INSTRUMENTATION_WORKQUEUE_HELPERS

#include <linux/workqueue.h>

#endif /* _LTTNG_INSTRUMENTATION_WORKQUEUE_HELPERS */

/* req_cpu: the CPU asked for, WORK_CPU_UNBOUND if none. */
LTTNG_EVENT(workqueue_queue_work,
	LTTNG_PROTO(int req_cpu, struct pool_workqueue *pwq,
		    struct work_struct *work),
	LTTNG_FIELDS(
		f_hex(void *, work, work)
		f_hex(void *, function, (void *)work->func)
		f_int(int, req_cpu, req_cpu)
	))

LTTNG_EVENT(workqueue_activate_work,
	LTTNG_PROTO(struct work_struct *work),
	LTTNG_FIELDS(f_hex(void *, work, work)))

LTTNG_EVENT(workqueue_execute_start,
	LTTNG_PROTO(struct work_struct *work),
	LTTNG_FIELDS(
		f_hex(void *, work, work)
		f_hex(void *, function, (void *)work->func)
	))

/* The work item may be freed by now: the function comes as an argument. */
LTTNG_EVENT(workqueue_execute_end,
	LTTNG_PROTO(struct work_struct *work, work_func_t function),
	LTTNG_FIELDS(
		f_hex(void *, work, work)
		f_hex(void *, function, (void *)function)
	))
