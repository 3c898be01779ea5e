// SPDX-License-Identifier: GPL-2.0-only
/*
 * Each thread's scheduling state over time, per host: running (switched
 * in, or an event recorded in its context), runnable (a wakeup, or
 * switched out still runnable: preempted), blocked (switched out in a
 * sleeping state). A gated session records the switches and wakeups of
 * flagged threads (they are the events' peers), so within a flagged
 * interval the states are known from the first such event on; before it
 * the state is unknown and counted so, not guessed.
 *
 * Kept apart from the hosts' model (a table of ours keyed by host and
 * tid) so that the model's storage stays its owner's to change.
 */
#include <glib.h>
#include <stdlib.h>

#include "flows.h"

struct change {
	int64_t t;
	enum fl_sched s;
};

static GHashTable *states;	/* struct fl_host_tid -> GArray of change */

static void array_free(gpointer p)
{
	g_array_free(p, TRUE);
}

static GArray *changes_of(const struct fl_host *h, int tid, bool create)
{
	struct fl_host_tid k = { h, tid }, *nk;
	GArray *a;

	if (!states)
		states = g_hash_table_new_full(fl_host_tid_hash, fl_host_tid_equal, g_free,
					       array_free);
	a = g_hash_table_lookup(states, &k);
	if (a || !create)
		return a;
	nk = g_new(struct fl_host_tid, 1);
	*nk = k;
	a = g_array_new(FALSE, FALSE, sizeof(struct change));
	g_hash_table_insert(states, nk, a);
	return a;
}

static enum fl_sched last_state(GArray *a)
{
	return a->len ? g_array_index(a, struct change, a->len - 1).s :
			FL_SCHED_UNKNOWN;
}

static long change_at(GArray *a, int64_t t);

void fl_sched_set(const struct fl_host *h, int64_t t, int tid, enum fl_sched s)
{
	struct change c = { t, s };
	GArray *a;

	if (tid <= 0)
		return;		/* the idle task */
	a = changes_of(h, tid, true);
	if (a->len && g_array_index(a, struct change, a->len - 1).t > t) {
		/*
		 * Events come in time order within a trace, but a host's
		 * second trace (another session) may go back: in its place.
		 */
		g_array_insert_val(a, (guint)(change_at(a, t) + 1), c);
		return;
	}
	if (last_state(a) != s)
		g_array_append_val(a, c);
}

/*
 * sched_waking comes first, sched_wakeup when the thread is queued: the
 * first of the two ends the blocked time, the other changes nothing. A
 * wakeup of a running thread (it had not slept yet) changes nothing.
 */
void fl_sched_wakeup(const struct fl_host *h, int64_t t, int tid)
{
	GArray *a;

	if (tid <= 0)
		return;
	a = changes_of(h, tid, true);
	if (last_state(a) == FL_SCHED_BLOCKED || last_state(a) == FL_SCHED_UNKNOWN)
		fl_sched_set(h, t, tid, FL_SCHED_RUNNABLE);
}

/*
 * The tracer's prev_state: 0 for a thread still running (it yielded),
 * a bit at or above 0x100 (TASK_REPORT_MAX) when it was preempted: both
 * stay runnable. Any other bit is a sleep (interruptible, disk, stopped,
 * idle kthread...).
 */
enum fl_sched fl_sched_from_prev_state(int64_t prev_state)
{
	if (prev_state == 0 || prev_state >= 0x100)
		return FL_SCHED_RUNNABLE;
	return FL_SCHED_BLOCKED;
}

/* The index of the last change at or before t, -1 if none. */
static long change_at(GArray *a, int64_t t)
{
	long lo = 0, hi = (long)a->len - 1, r = -1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;

		if (g_array_index(a, struct change, mid).t <= t) {
			r = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return r;
}

static void add_time(struct fl_sched_times *o, enum fl_sched s, int64_t d)
{
	if (d <= 0)
		return;
	switch (s) {
	case FL_SCHED_RUNNING:
		o->on_cpu += d;
		break;
	case FL_SCHED_RUNNABLE:
		o->runnable += d;
		break;
	case FL_SCHED_BLOCKED:
		o->blocked += d;
		break;
	default:
		o->unknown += d;
	}
}

void fl_sched_times(const struct fl_host *h, int tid, int64_t begin,
		    int64_t end, struct fl_sched_times *out)
{
	GArray *a = states ? changes_of(h, tid, false) : NULL;
	enum fl_sched s = FL_SCHED_UNKNOWN;
	int64_t from = begin;
	long i;

	*out = (struct fl_sched_times){ 0 };
	if (!a) {
		add_time(out, s, end - begin);
		return;
	}
	i = change_at(a, begin);
	if (i >= 0)
		s = g_array_index(a, struct change, i).s;
	for (i++; i < (long)a->len; i++) {
		const struct change *c = &g_array_index(a, struct change, i);

		if (c->t >= end)
			break;
		add_time(out, s, c->t - from);
		from = c->t;
		s = c->s;
	}
	add_time(out, s, end - from);
}

void fl_sched_free(void)
{
	if (states)
		g_hash_table_destroy(states);
	states = NULL;
}
