// SPDX-License-Identifier: GPL-2.0-only
/*
 * --format json: the view as one JSON document, for programs. Its schema
 * is doc/lttng-dt-flows.schema.json (described in doc/analysis.md); the
 * unit tests validate generated traces' output against it. Times are
 * integer nanoseconds on the common axis from "origin" (an absolute
 * time would not fit a double's 53 bits: the origin is a string).
 */
#include <stdio.h>
#include <stdlib.h>

#include "flows.h"
#include "outputs.h"
#include "json-write.h"

static void host_obj(const struct fl_host *h, const char *sep)
{
	const struct fl_clock *c = fl_clock_of(h);

	printf("%s\n    {\"name\": ", sep);
	fl_json_str(h->name);
	printf(", \"clock\": {\"source\": \"%s\", \"offset_ns\": %lld, \"bound_ns\": %lld",
	       fl_clock_how_name(c->how), (long long)c->offset, (long long)c->bound);
	if (c->how == FL_CLOCK_ESTIMATED) {
		printf(", \"via\": ");
		fl_json_str(c->via->name);
		printf(", \"steps\": %u, \"inconsistent\": %s", c->steps,
		       c->inconsistent ? "true" : "false");
	}
	if (c->how == FL_CLOCK_TRACE) {
		printf(", \"why\": ");
		fl_json_str(c->why);
	}
	printf("}, \"events\": %llu}", (unsigned long long)h->n_events);
}

static void reasons(unsigned int r)
{
	const char *sep = "";
	unsigned int i;

	printf("[");
	for (i = 0; i < FL_NR_REASONS; i++)
		if (r & (1u << i)) {
			printf("%s\"%s\"", sep, fl_reason_name(i));
			sep = ", ";
		}
	printf("]");
}

static void span_obj(const struct fl_view *v, const struct fl_span *s,
		     const char *sep)
{
	size_t i;

	printf("%s\n    {\"id\": %u, \"host\": ", sep, s->id);
	fl_json_str(s->host->name);
	printf(", \"pid\": %d, \"tid\": %d, \"procname\": ", s->pid, s->tid);
	fl_json_str(s->procname);
	printf(", \"begin_ns\": %lld, \"end_ns\": %lld, \"open\": %s, \"reasons\": ",
	       (long long)(s->begin - v->origin), (long long)(s->end - v->origin),
	       s->open ? "true" : "false");
	reasons(s->reasons);
	printf(", \"on_cpu_ns\": %lld, \"runnable_ns\": %lld, \"blocked_ns\": %lld, "
	       "\"unknown_ns\": %lld, \"bytes_in\": %llu, \"bytes_out\": %llu, \"requests\": [",
	       (long long)s->times.on_cpu, (long long)s->times.runnable,
	       (long long)s->times.blocked, (long long)s->times.unknown,
	       (unsigned long long)s->bytes_in, (unsigned long long)s->bytes_out);
	for (i = 0; i < s->n_requests; i++)
		printf("%s%u", i ? ", " : "", s->requests[i]);
	printf("]}");
}

static void link_obj(const struct fl_view *v, const struct fl_link *l,
		     const char *sep)
{
	char a[64];

	printf("%s\n    {\"from\": %u, \"to\": %u, \"inherited\": %s, \"src\": ", sep,
	       l->from->id, l->to->id, l->inherited ? "true" : "false");
	/* a fork has no connection: empty addresses */
	fl_print_addr(&l->key, true, a, sizeof(a));
	fl_json_str(l->inherited ? "" : a);
	printf(", \"dst\": ");
	fl_print_addr(&l->key, false, a, sizeof(a));
	fl_json_str(l->inherited ? "" : a);
	printf(", \"seq\": %u, \"bytes\": %llu, \"written_ns\": %lld, \"read_ns\": %lld, "
	       "\"guessed\": %s, \"network\": ", l->seq, (unsigned long long)l->bytes,
	       (long long)(l->written - v->origin), (long long)(l->read - v->origin),
	       l->heuristic ? "true" : "false");
	if (l->have_net)
		printf("{\"sent_ns\": %lld, \"received_ns\": %lld, \"delay_ns\": %lld}}",
		       (long long)(l->sent - v->origin), (long long)(l->received - v->origin),
		       (long long)(l->received - l->sent));
	else
		printf("null}");
}

static void request_obj(const struct fl_request *rq, const char *sep)
{
	const char *sep2 = "";
	size_t i, shared = 0;

	printf("%s\n    {\"id\": %u, \"root\": %u, \"spans\": [", sep, rq->id, rq->root->id);
	for (i = 0; i < rq->n_spans; i++) {
		if (!rq->spans[i]->shown)
			continue;	/* filtered out, like in "spans" */
		printf("%s%u", sep2, rq->spans[i]->id);
		sep2 = ", ";
		shared += rq->spans[i]->n_requests > 1;
	}
	printf("], \"kept_apart\": %s}", shared ? "false" : "true");
}

void fl_out_json(const struct fl_view *v)
{
	const struct fl_host *h;
	const char *sep = "";
	char utc[64];
	size_t i;

	fl_fmt_utc(utc, sizeof(utc), v->origin);
	printf("{\n  \"format\": \"lttng-dt-flows\", \"version\": 1,\n"
	       "  \"origin\": {\"utc\": \"%s\", \"ns\": \"%lld\"},\n  \"reference\": ",
	       utc, (long long)v->origin);
	if (fl_clock_ref())
		fl_json_str(fl_clock_ref()->name);
	else
		printf("null");
	printf(",\n  \"hosts\": [");
	for (h = fl_hosts(); h; h = h->next, sep = ",")
		host_obj(h, sep);
	printf("],\n  \"spans\": [");
	for (i = 0, sep = ""; i < v->n_spans; i++)
		if (v->spans[i].shown) {
			span_obj(v, &v->spans[i], sep);
			sep = ",";
		}
	printf("],\n  \"links\": [");
	for (i = 0, sep = ""; i < v->n_links; i++)
		if (v->links[i].shown) {
			link_obj(v, &v->links[i], sep);
			sep = ",";
		}
	printf("],\n  \"requests\": [");
	for (i = 0, sep = ""; i < v->n_requests; i++)
		if (v->requests[i].shown) {
			request_obj(&v->requests[i], sep);
			sep = ",";
		}
	printf("],\n  \"reads_unmatched\": %llu, \"guessed_links\": %s\n}\n",
	       (unsigned long long)v->reads_unmatched, v->heuristic ? "true" : "false");
}
