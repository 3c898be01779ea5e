// SPDX-License-Identifier: GPL-2.0-only
/*
 * The text report's last two sections: each host's clock on the common
 * axis, then each tracked request as the chain of its spans, in order
 * of begin, each followed by the links it wrote to (the bytes, the
 * times they were written, sent, received and read, the network
 * delay). Then what could not be told apart, what belongs to no
 * request, and what was guessed. Layout: lttng-dt-flows(1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flows.h"
#include "outputs.h"
#include "text-write.h"

/* "+S.NNNNNNNNN" from the axis origin (a time before it is "+-S..."). */
static void rel(char *buf, size_t len, const struct fl_view *v, int64_t t)
{
	buf[0] = '+';
	fl_fmt_ns(buf + 1, len - 1, t - v->origin);
}

static void print_clock(const struct fl_host *h)
{
	const struct fl_clock *c = fl_clock_of(h);
	char o[40], b[40];

	fl_fmt_ns(o, sizeof(o), c->offset);
	fl_fmt_ns(b, sizeof(b), c->bound);
	printf("  %s: ", h->name);
	switch (c->how) {
	case FL_CLOCK_REF:
		printf("reference\n");
		break;
	case FL_CLOCK_GIVEN:
		printf("offset %s s (given: --clock-offset)\n", o);
		break;
	case FL_CLOCK_ESTIMATED:
		printf("offset %s s +/- %s s (estimated", o, b);
		if (c->steps > 1)
			printf(", %u pairs chained through %s", c->steps, c->via->name);
		else
			printf(" with %s", c->via->name);
		printf(")%s\n", c->inconsistent ? "; inconsistent: the least delays both "
		       "ways sum below 0 (clock drift?)" : "");
		break;
	default:
		printf("no estimate (%s): its trace's own clock, realtime-anchored "
		       "(right if the hosts' clocks are synchronised, as by NTP)\n", c->why);
	}
}

static void print_clocks(const struct fl_view *v)
{
	const struct fl_host *h;
	char utc[64];

	fl_fmt_utc(utc, sizeof(utc), v->origin);
	printf("\nClocks: one time axis, the clock of %s; +0 = %s UTC, the first event\n",
	       fl_clock_ref() ? fl_clock_ref()->name : "(none)", utc);
	printf("(offset: a host's clock minus the axis; times below are on the axis)\n");
	for (h = fl_hosts(); h; h = h->next)
		print_clock(h);
}

/* " +S.NNNNNNNNN" from the axis origin, written. */
static void put_rel(const struct fl_view *v, int64_t t)
{
	fl_put("+");
	fl_put_ns(t - v->origin);
}

/* "span ID HOST thread TID pid PID PROCNAME: B .. E  D s  REASONS" */
static void print_span_head(const struct fl_view *v, const struct fl_span *s)
{
	char r[64];

	fl_put("span ");
	fl_put_u(s->id);
	fl_put(" ");
	fl_put(s->host->name);
	fl_put(" thread ");
	fl_put_d(s->tid);
	fl_put(" pid ");
	fl_put_d(s->pid);
	fl_put(" ");
	fl_put(s->procname);
	fl_put(": ");
	put_rel(v, s->begin);
	fl_put(" .. ");
	put_rel(v, s->end);
	fl_put("  ");
	fl_put_ns(s->end - s->begin);
	fl_put(" s  ");
	fl_fmt_reasons(r, sizeof(r), s->reasons);
	fl_put(r);
	fl_put(s->open ? "  (open at trace end)\n" : "\n");
}

static void print_span(const struct fl_view *v, const struct fl_span *s,
		       const char *indent)
{
	fl_put(indent);
	print_span_head(v, s);
	fl_put(indent);
	fl_put("    on CPU ");
	fl_put_ns(s->times.on_cpu);
	fl_put(" s, runnable ");
	fl_put_ns(s->times.runnable);
	fl_put(" s, blocked ");
	fl_put_ns(s->times.blocked);
	fl_put(" s, unknown ");
	fl_put_ns(s->times.unknown);
	fl_put(" s; read ");
	fl_put_u(s->bytes_in);
	fl_put(" B, wrote ");
	fl_put_u(s->bytes_out);
	fl_put(" B\n");
}

static void print_link(const struct fl_view *v, const struct fl_link *l)
{
	char key[140], w[40], rd[40];

	rel(w, sizeof(w), v, l->written);
	rel(rd, sizeof(rd), v, l->read);
	if (l->inherited) {
		printf("      -> span %u %s thread %d %s: forked at %s (flag inherited)\n",
		       l->to->id, l->to->host->name, l->to->tid, l->to->procname, w);
		return;
	}
	fl_fmt_key(key, sizeof(key), &l->key);
	fl_put("      -> span ");
	fl_put_u(l->to->id);
	fl_put(" ");
	fl_put(l->to->host->name);
	fl_put(" thread ");
	fl_put_d(l->to->tid);
	fl_put(" ");
	fl_put(l->to->procname);
	fl_put(": ");
	fl_put(key);
	fl_put(" seq ");
	fl_put_u(l->seq);
	fl_put(", ");
	fl_put_u(l->bytes);
	fl_put(l->heuristic ? " B (guessed: no mark_write/mark_read)\n" : " B\n");
	if (!l->have_net) {
		printf("         written %s, read %s; its segment's send or receipt not recorded\n",
		       w, rd);
		return;
	}
	fl_put("         written ");
	fl_put(w);
	fl_put(", sent ");
	put_rel(v, l->sent);
	fl_put(", received ");
	put_rel(v, l->received);
	fl_put(", read ");
	fl_put(rd);
	fl_put("; network delay ");
	fl_put_ns(l->received - l->sent);
	fl_put(" s\n");
}

/* The links from each span, by span id: a scan per span would be quadratic. */
static size_t *link_index(const struct fl_view *v, size_t **first)
{
	size_t *next = calloc(v->n_links + 1, sizeof(*next)), i;

	*first = calloc(v->n_spans + 1, sizeof(**first));
	if (!next || !*first)
		fl_oom();
	/* lists of link index + 1, 0 ends; built backwards to keep their order */
	for (i = v->n_links; i-- > 0;) {
		size_t f = v->links[i].from->id;

		next[i] = (*first)[f];
		(*first)[f] = i + 1;
	}
	return next;
}

static size_t *links_next, *links_first;

static void print_links_from(const struct fl_view *v, const struct fl_span *s)
{
	size_t i;

	for (i = links_first[s->id]; i; i = links_next[i - 1])
		if (v->links[i - 1].shown)
			print_link(v, &v->links[i - 1]);
}

static void print_request(const struct fl_view *v, const struct fl_request *rq)
{
	const struct fl_span *r = rq->root;
	int64_t end = r->end;
	char b[40], e[40], d[40], utc[64];
	size_t i;

	for (i = 0; i < rq->n_spans; i++)
		if (rq->spans[i]->end > end)
			end = rq->spans[i]->end;
	rel(b, sizeof(b), v, r->begin);
	rel(e, sizeof(e), v, end);
	fl_fmt_ns(d, sizeof(d), end - r->begin);
	fl_fmt_utc(utc, sizeof(utc), r->begin);
	printf("Request %u: root %s thread %d pid %d %s, %s .. %s  %s s, %zu span%s, "
	       "began %s UTC\n", rq->id, r->host->name, r->tid, r->pid, r->procname,
	       b, e, d, rq->n_spans, rq->n_spans == 1 ? "" : "s", utc);
	for (i = 0; i < rq->n_spans; i++) {
		if (!rq->spans[i]->shown)
			continue;
		print_span(v, rq->spans[i], "  ");
		print_links_from(v, rq->spans[i]);
	}
}

/* Spans that serve several requests: they cannot be kept apart there. */
static void print_shared(const struct fl_view *v)
{
	size_t i, j;

	for (i = 0; i < v->n_spans; i++) {
		const struct fl_span *s = &v->spans[i];

		if (s->n_requests < 2 || !s->shown)
			continue;
		printf("Not kept apart: span %u %s thread %d %s serves requests ",
		       s->id, s->host->name, s->tid, s->procname);
		for (j = 0; j < s->n_requests; j++)
			printf("%s%u", j ? (j + 1 == s->n_requests ? " and " : ", ") : "",
			       s->requests[j]);
		printf(" in one flagged interval\n");
	}
}

static void print_orphans(const struct fl_view *v)
{
	size_t i, n = 0;

	for (i = 0; i < v->n_spans; i++)
		n += v->spans[i].shown && !v->spans[i].n_requests;
	if (!n)
		return;
	printf("Flagged in no tracked request: %zu span%s\n", n, n == 1 ? "" : "s");
	for (i = 0; i < v->n_spans; i++)
		if (v->spans[i].shown && !v->spans[i].n_requests) {
			print_span(v, &v->spans[i], "  ");
			print_links_from(v, &v->spans[i]);
		}
}

void fl_out_text(const struct fl_view *v)
{
	size_t i, n = 0;

	links_next = link_index(v, &links_first);
	print_clocks(v);
	for (i = 0; i < v->n_requests; i++)
		n += v->requests[i].shown;
	printf("\nRequests: %zu (a root is a thread flagged by the user; times on the axis)\n", n);
	for (i = 0; i < v->n_requests; i++)
		if (v->requests[i].shown)
			print_request(v, &v->requests[i]);
	print_shared(v);
	print_orphans(v);
	if (v->heuristic)
		printf("Links marked guessed: traces without lttng_dt_mark_write/lttng_dt_mark_read; "
		       "a network-flagged span is linked to the latest marked segment its host "
		       "received before\n");
	if (v->reads_unmatched)
		printf("Marked reads whose write is in no trace read: %llu\n",
		       (unsigned long long)v->reads_unmatched);
	free(links_next);
	free(links_first);
}
