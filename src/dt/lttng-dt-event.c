// SPDX-License-Identifier: GPL-2.0-only
/*
 * The lttng_dt_flag event: a tracepoint of lttng-tracer itself and its
 * probe, registered by lttng-tracer so that the stock sessiond lists it
 * (it only loads the module names lttng-modules has) and
 * `lttng enable-event -k lttng_dt_flag` finds it; the same for the TCP
 * mark's lttng_dt_mark_send, _recv, _write and _read, which lttng-dt-tcp
 * fires through lttng_dt_event_mark().
 */
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/tracepoint.h>

#include "lttng-dt.h"

DECLARE_TRACE(lttng_dt_flag,
	TP_PROTO(pid_t tid, pid_t pid, unsigned int reason, int on),
	TP_ARGS(tid, pid, reason, on));

DEFINE_TRACE(lttng_dt_flag,
	TP_PROTO(pid_t tid, pid_t pid, unsigned int reason, int on),
	TP_ARGS(tid, pid, reason, on));

/* The four mark events share their prototype: one struct lttng_dt_mark. */
#define DT_MARK_TRACE(name)						\
	DECLARE_TRACE(name,						\
		TP_PROTO(const struct lttng_dt_mark *m),		\
		TP_ARGS(m));						\
	DEFINE_TRACE(name,						\
		TP_PROTO(const struct lttng_dt_mark *m),		\
		TP_ARGS(m))

DT_MARK_TRACE(lttng_dt_mark_send);
DT_MARK_TRACE(lttng_dt_mark_recv);
DT_MARK_TRACE(lttng_dt_mark_write);
DT_MARK_TRACE(lttng_dt_mark_read);

#define LTTNG_PROBE_SUBSYSTEM	lttng_dt
#define LTTNG_PROBE_EVENTS	<instrumentation/events/lttng-dt.h>
#define LTTNG_PROBE_CUSTOM_INIT
#define LTTNG_PROBE_UNGATED
#include <lttng/tracepoint-event.h>

void lttng_dt_event_flag(struct task_struct *t, enum lttng_dt_reason reason,
			 bool on)
{
	trace_lttng_dt_flag(task_pid_nr(t), task_tgid_nr(t), reason, on);
}

/* For lttng-dt-tcp, which sets and reads the marks. */
void lttng_dt_event_mark(const struct lttng_dt_mark *m,
			 enum lttng_dt_mark_event ev)
{
	switch (ev) {
	case LTTNG_DT_MARK_SEND:
		trace_lttng_dt_mark_send(m);
		break;
	case LTTNG_DT_MARK_RECV:
		trace_lttng_dt_mark_recv(m);
		break;
	case LTTNG_DT_MARK_WRITE:
		trace_lttng_dt_mark_write(m);
		break;
	case LTTNG_DT_MARK_READ:
		trace_lttng_dt_mark_read(m);
		break;
	}
}
EXPORT_SYMBOL_GPL(lttng_dt_event_mark);

int lttng_dt_event_init(void)
{
	return lttng_probe_register(&lttng_probe_of_module);
}

void lttng_dt_event_exit(void)
{
	lttng_probe_unregister(&lttng_probe_of_module);
}
