// SPDX-License-Identifier: GPL-2.0-only
/*
 * --format chrome: the Trace Event Format that chrome://tracing and
 * ui.perfetto.dev open. A host is a process (pid: its rank, from 1, and
 * a process_name record), a thread a thread of it (tid: its tid, and a
 * thread_name record), a span a complete slice ("X"), a link a flow
 * arrow: "s" at the write in the writer's slice, "f" (bound to the
 * enclosing slice, "bp": "e") at the read in the reader's. Timestamps
 * are microseconds (fractions keep the nanoseconds) on the common axis
 * from the first event.
 */
#include <stdio.h>
#include <stdlib.h>

#include "flows.h"
#include "outputs.h"
#include "json-write.h"

static unsigned int host_rank(const struct fl_host *h)
{
	const struct fl_host *x;
	unsigned int n = 1;

	for (x = fl_hosts(); x && x != h; x = x->next)
		n++;
	return n;
}

static void us(int64_t ns)
{
	const char *sign = ns < 0 ? "-" : "";
	uint64_t a = ns < 0 ? -(uint64_t)ns : (uint64_t)ns;

	printf("%s%llu.%03llu", sign, (unsigned long long)(a / 1000),
	       (unsigned long long)(a % 1000));
}

static void names(const struct fl_view *v, const char **sep)
{
	const struct fl_host *h;
	size_t i;

	for (h = fl_hosts(); h; h = h->next) {
		printf("%s\n{\"ph\": \"M\", \"name\": \"process_name\", \"pid\": %u, "
		       "\"tid\": 0, \"args\": {\"name\": ", *sep, host_rank(h));
		fl_json_str(h->name);
		printf("}}");
		*sep = ",";
	}
	/* a thread's name once per span: the viewers keep the last */
	for (i = 0; i < v->n_spans; i++) {
		const struct fl_span *s = &v->spans[i];
		char n[64];

		if (!s->shown)
			continue;
		snprintf(n, sizeof(n), "%s %d/%d", s->procname, s->pid, s->tid);
		printf("%s\n{\"ph\": \"M\", \"name\": \"thread_name\", \"pid\": %u, "
		       "\"tid\": %d, \"args\": {\"name\": ", *sep, host_rank(s->host), s->tid);
		fl_json_str(n);
		printf("}}");
	}
}

static void slice(const struct fl_view *v, const struct fl_span *s)
{
	char r[64];

	printf(",\n{\"ph\": \"X\", \"cat\": \"span\", \"name\": ");
	if (s->n_requests)
		printf("\"request %u: %s\"", s->requests[0], s->n_requests > 1 ?
		       "several" : "span");
	else
		printf("\"no request\"");
	printf(", \"pid\": %u, \"tid\": %d, \"ts\": ", host_rank(s->host), s->tid);
	us(s->begin - v->origin);
	printf(", \"dur\": ");
	us(s->end - s->begin);
	fl_fmt_reasons(r, sizeof(r), s->reasons);
	printf(", \"args\": {\"span\": %u, \"reasons\": \"%s\", \"on_cpu_ns\": %lld, "
	       "\"runnable_ns\": %lld, \"blocked_ns\": %lld, \"bytes_in\": %llu, "
	       "\"bytes_out\": %llu}}", s->id, r, (long long)s->times.on_cpu,
	       (long long)s->times.runnable, (long long)s->times.blocked,
	       (unsigned long long)s->bytes_in, (unsigned long long)s->bytes_out);
}

/* Within the slice, or the viewer does not bind the arrow to it. */
static int64_t clamp(int64_t t, const struct fl_span *s)
{
	return t < s->begin ? s->begin : t > s->end ? s->end : t;
}

static void flow(const struct fl_view *v, const struct fl_link *l, size_t id)
{
	printf(",\n{\"ph\": \"s\", \"cat\": \"hop\", \"name\": \"hop\", \"id\": %zu, "
	       "\"pid\": %u, \"tid\": %d, \"ts\": ", id, host_rank(l->from->host),
	       l->from->tid);
	us(clamp(l->written, l->from) - v->origin);
	printf("}");
	printf(",\n{\"ph\": \"f\", \"bp\": \"e\", \"cat\": \"hop\", \"name\": \"hop\", "
	       "\"id\": %zu, \"pid\": %u, \"tid\": %d, \"ts\": ", id,
	       host_rank(l->to->host), l->to->tid);
	us(clamp(l->read, l->to) - v->origin);
	printf(", \"args\": {\"bytes\": %llu, \"seq\": %u", (unsigned long long)l->bytes,
	       l->seq);
	if (l->have_net)
		printf(", \"network_delay_ns\": %lld", (long long)(l->received - l->sent));
	printf("}}");
}

void fl_out_chrome(const struct fl_view *v)
{
	const char *sep = "";
	size_t i;

	printf("{\"displayTimeUnit\": \"ns\", \"traceEvents\": [");
	names(v, &sep);
	if (!*sep)	/* no host: the array still needs a first element */
		printf("\n{\"ph\": \"M\", \"name\": \"process_name\", \"pid\": 0, "
		       "\"tid\": 0, \"args\": {\"name\": \"none\"}}");
	for (i = 0; i < v->n_spans; i++)
		if (v->spans[i].shown)
			slice(v, &v->spans[i]);
	for (i = 0; i < v->n_links; i++)
		if (v->links[i].shown)
			flow(v, &v->links[i], i + 1);
	printf("\n]}\n");
}
