// SPDX-License-Identifier: GPL-2.0-only
/*
 * Events a host's tracer lost: babeltrace2 says so with a discarded
 * events message when a packet's events_discarded count grew (a full
 * ring buffer in discard mode), or a discarded packets message when
 * packet sequence numbers skip, each with the time range of the loss
 * when the packets have times. A lost lttng_dt_flag moves or hides an
 * interval's end or begin, so every flag interval of the host that
 * overlaps a lost range is marked uncertain; the report counts the
 * losses per host. (A thread whose whole interval was lost cannot be
 * seen at all.)
 */
#include <stdlib.h>

#include "flows.h"

void fl_host_discarded(struct fl_host *h, int64_t begin, int64_t end,
		       uint64_t events, uint64_t packets)
{
	struct fl_lost_range *v;

	h->events_discarded += events;
	h->packets_discarded += packets;
	v = realloc(h->lost, (h->n_lost + 1) * sizeof(*v));
	if (!v)
		fl_oom();
	h->lost = v;
	v[h->n_lost].begin = begin;
	v[h->n_lost++].end = end > begin ? end : begin;
}

static int range_cmp(const void *a, const void *b)
{
	const struct fl_lost_range *x = a, *y = b;

	return x->begin < y->begin ? -1 : x->begin > y->begin;
}

/* Sorted and merged, so that the ends are sorted too. */
static void merge_ranges(struct fl_host *h)
{
	size_t i, n = 0;

	qsort(h->lost, h->n_lost, sizeof(*h->lost), range_cmp);
	for (i = 0; i < h->n_lost; i++) {
		if (n && h->lost[i].begin <= h->lost[n - 1].end) {
			if (h->lost[i].end > h->lost[n - 1].end)
				h->lost[n - 1].end = h->lost[i].end;
			continue;
		}
		h->lost[n++] = h->lost[i];
	}
	h->n_lost = n;
}

/* Whether h lost events between begin and end (merged ranges). */
bool fl_host_lost_between(const struct fl_host *h, int64_t begin, int64_t end)
{
	size_t lo = 0, hi = h->n_lost, mid;

	/* the first range that ends at or after begin */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->lost[mid].end < begin)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < h->n_lost && h->lost[lo].begin <= end;
}

/* Every interval of h, uncertain or not (none when h lost nothing). */
static void mark_host(struct fl_host *h)
{
	struct fl_interval *iv;
	struct fl_thread *t;
	GHashTableIter it;
	gpointer v;
	size_t j;

	if (h->n_lost)
		merge_ranges(h);
	g_hash_table_iter_init(&it, h->threads);
	while (g_hash_table_iter_next(&it, NULL, &v)) {
		t = v;
		for (j = 0; j < t->n_iv; j++) {
			iv = &t->iv[j];
			iv->uncertain = fl_host_lost_between(h, iv->begin, iv->end);
		}
	}
}

void fl_discarded_mark(void)
{
	struct fl_host *h;

	for (h = fl_hosts(); h; h = h->next)
		mark_host(h);
}
