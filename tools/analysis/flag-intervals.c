// SPDX-License-Identifier: GPL-2.0-only
/*
 * Flag intervals from lttng_dt_flag events, and the on-CPU time while
 * flagged. A thread is flagged while it holds at least one reason: an
 * interval opens when its first reason is set and closes when its last
 * is cleared, so a network flag set under a manual one extends the same
 * interval. One still open at the end of the trace ends there.
 *
 * On-CPU time: a thread is on a CPU from a sched_switch that names it
 * next (or an event recorded in its context there) until another thread
 * is seen on that CPU. A gated session records the switch in and out of
 * a flagged thread (next is the switch's peer), so the time is exact
 * for a thread switched in while flagged; for one flagged while running
 * (a network flag set in recvmsg), the flag event's own context tells
 * that it runs.
 */
#include <stdlib.h>
#include <string.h>

#include "flows.h"

static void on_cpu_stop(struct fl_thread *t, int64_t now)
{
	if (t->on_cpu && t->reasons_now && now > t->acc_from)
		t->on_cpu_ns += now - t->acc_from;
}

static void interval_push(struct fl_thread *t, int64_t end, bool open)
{
	struct fl_interval *iv;

	if (t->n_iv == t->cap_iv) {
		t->cap_iv = t->cap_iv ? 2 * t->cap_iv : 8;
		iv = realloc(t->iv, t->cap_iv * sizeof(*iv));
		if (!iv)
			fl_oom();
		t->iv = iv;
	}
	iv = &t->iv[t->n_iv++];
	iv->begin = t->iv_begin;
	iv->end = end > t->iv_begin ? end : t->iv_begin;
	iv->reasons = t->iv_reasons;
	iv->open_at_end = open;
	iv->uncertain = false;		/* discarded.c's to say */
	t->flagged_ns += iv->end - iv->begin;
}

void fl_flag_event(struct fl_host *h, int64_t t_ns, int tid, int pid,
		   unsigned int reason, bool on)
{
	struct fl_thread *t;
	unsigned int bit;

	if (tid <= 0 || reason >= FL_NR_REASONS)
		return;
	t = fl_thread_get(h, tid);
	if (pid > 0)
		t->pid = pid;
	bit = 1u << reason;
	if (on) {
		t->reasons_seen |= bit;
		if (!t->reasons_now) {
			t->iv_begin = t_ns;
			t->iv_reasons = 0;
			t->acc_from = t_ns;
		}
		t->reasons_now |= bit;
		t->iv_reasons |= bit;
		return;
	}
	if (!(t->reasons_now & bit))
		return;		/* set before the trace began: unknown start */
	if (t->reasons_now == bit) {
		on_cpu_stop(t, t_ns);
		interval_push(t, t_ns, false);
	}
	t->reasons_now &= ~bit;
}

void fl_running(struct fl_host *h, int64_t t_ns, uint64_t cpu, int tid)
{
	struct fl_thread *prev, *next;
	int *cur = fl_host_cpu(h, cpu);

	if (!cur || *cur == tid)
		return;
	if (*cur > 0) {
		prev = fl_thread_get(h, *cur);
		on_cpu_stop(prev, t_ns);
		prev->on_cpu = false;
	}
	*cur = tid;
	if (tid <= 0)
		return;		/* the idle task: nobody's time */
	next = fl_thread_get(h, tid);
	/*
	 * Seen on another CPU than thought: its switch out there was not
	 * recorded (it was not flagged then). It ran there until now at
	 * most; what we know for sure is that it runs here from now.
	 */
	if (next->on_cpu && next->cpu != cpu) {
		on_cpu_stop(next, t_ns);
		cur = fl_host_cpu(h, next->cpu);
		if (cur && *cur == tid)
			*cur = -1;
	}
	next->on_cpu = true;
	next->cpu = cpu;
	next->acc_from = t_ns;
}

/* Close what is open at the end of one trace of h. */
void fl_trace_end(struct fl_host *h, int64_t t_ns)
{
	struct fl_thread **v, *t;
	size_t i, n = fl_host_threads(h, &v);

	for (i = 0; i < n; i++) {
		t = v[i];
		if (t->reasons_now) {
			on_cpu_stop(t, t_ns);
			interval_push(t, t_ns, true);
		}
		t->reasons_now = 0;
		t->on_cpu = false;
	}
	free(v);
	for (i = 0; i < h->n_cpus; i++)
		h->cpu_tid[i] = -1;
}
