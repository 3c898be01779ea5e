// SPDX-License-Identifier: GPL-2.0-only
/*
 * The distributed-trace part of lttng-tracer: its start-up and tear-down.
 */
#include <lttng/tracer-parts.h>

#include "lttng-dt.h"

/* Sessions created from here on get a gate. */
int lttng_dt_init(void)
{
	int ret;

	ret = lttng_dt_event_init();
	if (ret)
		return ret;
	ret = lttng_dt_proc_init();
	if (ret)
		goto err_event;
	lttng_dt_gate_init();
	return 0;

err_event:
	lttng_dt_event_exit();
	return ret;
}

/* No session is left: their files pin lttng-tracer. */
void lttng_dt_exit(void)
{
	lttng_dt_gate_exit();
	lttng_dt_proc_exit();
	lttng_dt_sched_stop();
	lttng_dt_flag_exit_module();
	lttng_dt_event_exit();
}
