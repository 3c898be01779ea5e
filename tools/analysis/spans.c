// SPDX-License-Identifier: GPL-2.0-only
/*
 * The view the outputs draw: every flagged interval of every thread as a
 * span on the common axis, with its time split by scheduling state, the
 * links between spans and the requests (span-links.c), and the filters
 * (--begin/--end, --host, --thread). Built afresh from the model each
 * time, so that a live session's report can be redone as data comes.
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flows.h"
#include "spans.h"

static int span_cmp(const void *a, const void *b)
{
	const struct fl_span *x = a, *y = b;
	int c;

	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	c = strcmp(x->host->name, y->host->name);
	if (c)
		return c;
	return (x->tid > y->tid) - (x->tid < y->tid);
}

static void span_add(GArray *a, const struct fl_host *h,
		     const struct fl_thread *t, int64_t b, int64_t e,
		     unsigned int reasons, bool open)
{
	struct fl_span s = {
		.host = h, .tid = t->tid, .pid = t->pid,
		.procname = t->procname[0] ? t->procname : "?",
		.begin = fl_axis(h, b), .end = fl_axis(h, e),
		.reasons = reasons, .open = open,
	};

	fl_sched_times(h, t->tid, b, e, &s.times);
	g_array_append_val(a, s);
}

/* A thread's intervals, and the one still open in a live session. */
static void thread_spans(GArray *a, const struct fl_host *h,
			 const struct fl_thread *t)
{
	size_t i;

	for (i = 0; i < t->n_iv; i++)
		span_add(a, h, t, t->iv[i].begin, t->iv[i].end, t->iv[i].reasons,
			 t->iv[i].open_at_end);
	if (t->reasons_now)
		span_add(a, h, t, t->iv_begin,
			 h->last > t->iv_begin ? h->last : t->iv_begin,
			 t->iv_reasons, true);
}

static void all_spans(struct fl_view *v)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(struct fl_span));
	const struct fl_host *h;
	struct fl_thread **th;
	size_t n, i;

	for (h = fl_hosts(); h; h = h->next) {
		n = fl_host_threads(h, &th);
		for (i = 0; i < n; i++)
			thread_spans(a, h, th[i]);
		free(th);
	}
	g_array_sort(a, span_cmp);
	for (i = 0; i < a->len; i++)
		g_array_index(a, struct fl_span, i).id = (unsigned int)i + 1;
	v->n_spans = a->len;
	v->spans = (struct fl_span *)(void *)g_array_free(a, FALSE);
}

static bool name_in(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (!strcmp(*list, name))
			return true;
	return false;
}

static bool thread_in(const char *const *list, const struct fl_span *s)
{
	char tid[16];

	snprintf(tid, sizeof(tid), "%d", s->tid);
	return name_in(list, tid) || name_in(list, s->procname);
}

static int64_t when_ns(const struct fl_when *w, int64_t origin, int64_t dflt)
{
	if (!w->set)
		return dflt;
	return w->absolute ? w->ns : origin + w->ns;
}

static void apply_filter(struct fl_view *v, const struct fl_filter *f)
{
	size_t i, j;

	v->begin = when_ns(&f->begin, v->origin, INT64_MIN);
	v->end = when_ns(&f->end, v->origin, INT64_MAX);
	for (i = 0; i < v->n_spans; i++) {
		struct fl_span *s = &v->spans[i];

		s->shown = s->end >= v->begin && s->begin <= v->end &&
			   (!f->hosts || name_in(f->hosts, s->host->name)) &&
			   (!f->threads || thread_in(f->threads, s));
	}
	for (i = 0; i < v->n_links; i++)
		v->links[i].shown = v->links[i].from->shown && v->links[i].to->shown;
	for (i = 0; i < v->n_requests; i++)
		for (j = 0; j < v->requests[i].n_spans; j++)
			if (v->requests[i].spans[j]->shown)
				v->requests[i].shown = true;
}

void fl_view_prepare(void)
{
	fl_conn_finish();
	fl_discarded_mark();	/* a live session's losses since the last report */
	fl_clock_compute();
	fl_conn_io_index();
}

/*
 * After fl_view_prepare(), changes nothing that the text report's
 * per-host sections read (it sorts the marked writes, which
 * fl_conn_io_index() counted before): those are printed from the model
 * on another thread meanwhile (output.c).
 */
struct fl_view *fl_view_make(const struct fl_filter *f)
{
	static const struct fl_filter none;
	struct fl_view *v = g_new0(struct fl_view, 1);

	v->origin = fl_axis_origin();
	all_spans(v);
	fl_links_build(v);
	fl_requests_build(v);
	apply_filter(v, f ? f : &none);
	return v;
}

struct fl_view *fl_view_build(const struct fl_filter *f)
{
	fl_view_prepare();
	return fl_view_make(f);
}

void fl_view_free(struct fl_view *v)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < v->n_spans; i++)
		g_free(v->spans[i].requests);
	for (i = 0; i < v->n_requests; i++)
		g_free(v->requests[i].spans);
	g_free(v->spans);
	g_free(v->links);
	g_free(v->requests);
	g_free(v);
}
