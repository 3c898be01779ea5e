// SPDX-License-Identifier: GPL-2.0-only
/*
 * The records of a trace's reading (read-rec.h) applied to the model:
 * the flag intervals, the connections, the threads' names and states,
 * the spans' reads and writes, the lost events. Only ever on the
 * model's thread, one source's records in their order: the model has
 * no lock, and needs none.
 */
#include <string.h>

#include "read-rec.h"

void fl_apply_init(struct fl_apply *a, const char *what)
{
	memset(a, 0, sizeof(*a));
	a->what = what;
	a->last = INT64_MIN;
}

/*
 * The host of a trace: its hostname and its clock's UUID (lttng-modules'
 * is the kernel's boot_id), so that two machines with one hostname stay
 * two hosts (hosts.c).
 */
static void on_trace(struct fl_apply *a, const struct fl_rec_trace *tr)
{
	a->host = fl_host_get_id(tr->hostname, tr->has_uuid ? tr->clock_uuid : NULL,
				 a->what);
	if (!tr->is_new)
		return;
	a->n_traces++;
	a->host->n_traces++;
	/* then on-CPU time is known even if no switch was recorded */
	if (tr->sched_switch)
		a->host->sched_switch_enabled = true;
}

static void on_mark(struct fl_apply *a, const struct fl_rec_event *e, bool send)
{
	a->host->n_dt_events++;
	if (!e->fields_ok)
		return;
	fl_conn_mark(a->host, e->t, &e->u.mark, send);
	a->dt_events++;
}

/*
 * lttng_dt_mark_write / lttng_dt_mark_read: recorded in the context of
 * the thread that wrote or read the marked bytes, which ties a
 * connection to its threads (a receipt's context is whoever ran).
 */
static void on_mark_io(struct fl_apply *a, const struct fl_rec_event *e, bool write)
{
	a->host->n_dt_events++;
	if (!e->fields_ok || e->u.mark.tid <= 0)
		return;
	fl_span_io(a->host, e->t, &e->u.mark, write);
	a->dt_events++;
}

/* Context: who runs on this CPU, and its name. */
static void on_context(struct fl_apply *a, const struct fl_rec_event *e)
{
	if (e->tid <= 0)
		return;
	fl_thread_name(a->host, e->tid, e->pid, e->procname);
	if (e->have_cpu)
		fl_running(a->host, e->t, e->cpu, e->tid);
	fl_sched_set(a->host, e->t, e->tid, FL_SCHED_RUNNING);
}

static void on_sched_switch(struct fl_apply *a, const struct fl_rec_event *e)
{
	struct fl_host *h = a->host;
	int next = e->u.sw.next;

	h->n_sched_switch++;
	/* Without prev_state (older layouts) the leaving thread's state is unknown. */
	fl_sched_set(h, e->t, e->u.sw.prev, e->have_prev_state ?
		     fl_sched_from_prev_state(e->u.sw.prev_state) : FL_SCHED_UNKNOWN);
	fl_sched_set(h, e->t, next, FL_SCHED_RUNNING);
	fl_thread_name(h, e->u.sw.prev, -1, e->u.sw.prev_comm);
	fl_thread_name(h, next, -1, e->u.sw.next_comm);
	if (e->have_cpu && next >= 0)
		fl_running(h, e->t, e->cpu, next);
}

/*
 * An inherited flag is set at fork in the parent's context: the child's
 * span then belongs to the parent's request.
 */
static void on_flag(struct fl_apply *a, const struct fl_rec_event *e)
{
	int tid = e->u.flag.tid, parent = e->tid;
	unsigned int reason = e->u.flag.reason;

	fl_flag_event(a->host, e->t, tid, e->u.flag.pid, reason, e->u.flag.on);
	if (reason == FL_INHERITED && e->u.flag.on && parent > 0 && parent != tid)
		fl_span_inherit(a->host, e->t, parent, tid);
	a->dt_events++;
	a->host->n_dt_events++;
}

static void on_payload(struct fl_apply *a, const struct fl_rec_event *e)
{
	switch (e->kind) {
	case FL_EV_FLAG:
		on_flag(a, e);
		break;
	case FL_EV_MARK_SEND:
	case FL_EV_MARK_RECV:
		on_mark(a, e, e->kind == FL_EV_MARK_SEND);
		break;
	case FL_EV_MARK_WRITE:
	case FL_EV_MARK_READ:
		on_mark_io(a, e, e->kind == FL_EV_MARK_WRITE);
		break;
	case FL_EV_SWITCH:
		on_sched_switch(a, e);
		break;
	case FL_EV_WAKEUP:
		fl_sched_wakeup(a->host, e->t, e->u.wakeup.tid);
		break;
	case FL_EV_STATEDUMP:
		fl_thread_name(a->host, e->u.dump.tid, e->u.dump.pid, e->u.dump.name);
		break;
	case FL_EV_OTHER:
		break;
	}
}

static void on_event(struct fl_apply *a, const struct fl_rec_event *e)
{
	struct fl_host *h = a->host;

	h->n_events++;
	if (e->t < h->first)
		h->first = e->t;
	if (e->t > h->last)
		h->last = e->t;
	if (e->t > a->last)
		a->last = e->t;
	on_context(a, e);
	on_payload(a, e);
}

/* A count of packets says nothing of their events: 0 events, 1 range. */
static void on_lost(struct fl_apply *a, const struct fl_rec_lost *l)
{
	if (l->events)
		fl_host_discarded(a->host, l->begin, l->end, l->count, 0);
	else
		fl_host_discarded(a->host, l->begin, l->end, 0, l->count);
}

void fl_apply_rec(void *arg, const struct fl_rec *rec)
{
	struct fl_apply *a = arg;

	switch (rec->kind) {
	case FL_REC_TRACE:
		on_trace(a, &rec->u.trace);
		break;
	case FL_REC_EVENT:
		on_event(a, &rec->u.ev);
		break;
	case FL_REC_DISCARDED:
		on_lost(a, &rec->u.lost);
		break;
	case FL_REC_PROGRESS:
		fl_progress_events(rec->u.n_events);
		break;
	}
}

void fl_apply_finish(struct fl_apply *a, struct fl_source_counts *c)
{
	if (a->host)
		fl_trace_end(a->host, a->last);
	c->n_traces = a->n_traces;
	c->dt_events = a->dt_events;
}
