// SPDX-License-Identifier: GPL-2.0-only
/*
 * Requests: a root (a span of a thread flagged by the user, reason
 * manual) and every span its links (span-links.c) reach, breadth first,
 * not through another root: the replies lead back into the root, and a
 * root's own links are its own request's. A span that several requests
 * reach serves them in one flagged interval: they cannot be told apart
 * there, and the outputs say so.
 */
#include <glib.h>

#include "flows.h"
#include "spans.h"

static void span_join(struct fl_span *s, unsigned int req)
{
	size_t i;

	for (i = 0; i < s->n_requests; i++)
		if (s->requests[i] == req)
			return;
	s->requests = g_renew(unsigned int, s->requests, s->n_requests + 1);
	s->requests[s->n_requests++] = req;	/* requests are walked in id order */
}

static bool is_root(const struct fl_span *s)
{
	return s->reasons & (1u << FL_MANUAL);
}

static int span_ptr_cmp(const void *a, const void *b)
{
	const struct fl_span *x = *(const struct fl_span *const *)a;
	const struct fl_span *y = *(const struct fl_span *const *)b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Span index -> the links from it, as indices into v->links. */
static GPtrArray **links_from(const struct fl_view *v)
{
	GPtrArray **out = g_new0(GPtrArray *, v->n_spans + 1);
	size_t i;

	for (i = 0; i < v->n_links; i++) {
		size_t f = v->links[i].from->id - 1;

		if (!out[f])
			out[f] = g_ptr_array_new();
		g_ptr_array_add(out[f], &v->links[i]);
	}
	return out;
}

/* Breadth first from the root, along links, not into other roots. */
static void walk_request(GPtrArray **from, unsigned int *seen,
			 struct fl_request *rq)
{
	GPtrArray *q = g_ptr_array_new();
	guint head = 0, i;

	/* seen[span id] == rq->id: one array for all walks, no clearing */
	g_ptr_array_add(q, (gpointer)rq->root);
	seen[rq->root->id] = rq->id;
	span_join((struct fl_span *)rq->root, rq->id);
	while (head < q->len) {
		const struct fl_span *s = g_ptr_array_index(q, head++);
		GPtrArray *out = from[s->id - 1];

		for (i = 0; out && i < out->len; i++) {
			struct fl_span *to = (struct fl_span *)
				((struct fl_link *)g_ptr_array_index(out, i))->to;

			if (is_root(to) || seen[to->id] == rq->id)
				continue;
			seen[to->id] = rq->id;
			span_join(to, rq->id);
			g_ptr_array_add(q, to);
		}
	}
	g_ptr_array_sort(q, span_ptr_cmp);
	rq->n_spans = q->len;
	rq->spans = (const struct fl_span **)g_ptr_array_free(q, FALSE);
}

void fl_requests_build(struct fl_view *v)
{
	unsigned int *seen;
	GPtrArray **from;
	size_t i, n = 0;

	for (i = 0; i < v->n_spans; i++)
		n += is_root(&v->spans[i]);
	v->requests = g_new0(struct fl_request, n ? n : 1);
	/* spans are in order of begin: so are the roots, and the ids */
	for (i = 0; i < v->n_spans; i++) {
		struct fl_request *rq;

		if (!is_root(&v->spans[i]))
			continue;
		rq = &v->requests[v->n_requests++];
		rq->id = (unsigned int)v->n_requests;
		rq->root = &v->spans[i];
	}
	from = links_from(v);
	seen = g_new0(unsigned int, v->n_spans + 1);
	for (i = 0; i < v->n_requests; i++)
		walk_request(from, seen, &v->requests[i]);
	g_free(seen);
	for (i = 0; i < v->n_spans; i++)
		if (from[i])
			g_ptr_array_free(from[i], TRUE);
	g_free(from);
}
