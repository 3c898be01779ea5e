// SPDX-License-Identifier: GPL-2.0-only
/*
 * Marked connections from lttng_dt_mark_send / lttng_dt_mark_recv. Both
 * ends record the segment's own source as saddr, so one key (addresses,
 * ports) names a connection direction on every host, and a
 * send matches its receipt by that key and the segment's first seq.
 *
 * Per host, each direction counts what was sent and what was received.
 * Across hosts, every segment is kept; fl_conn_finish() sorts them by
 * key, seq and time, and one pass gives per key the sends, receipts,
 * receipts matched to a send, and the delay of the first sent segment
 * that arrived: its first receipt minus its first send, in the two
 * hosts' own clocks.
 */
#include <stdlib.h>
#include <string.h>

#include "flows.h"

struct seg {
	struct fl_key key;
	uint32_t seq, len;
	int tid;
	bool send;
	int64_t t;
	const struct fl_host *host;
};

struct match {
	struct fl_key key;
	struct fl_match m;
	struct match *next;
};

static struct seg *segs;
static size_t n_segs, cap_segs;
static struct match *matches;

static struct fl_conn *conn_get(struct fl_host *h, const struct fl_key *k)
{
	struct fl_conn *c, **tail = &h->conns;

	for (c = h->conns; c; c = c->next) {
		if (!memcmp(&c->key, k, sizeof(*k)))
			return c;
		tail = &c->next;
	}
	c = fl_xalloc(sizeof(*c));
	c->key = *k;
	*tail = c;		/* first seen first */
	return c;
}

static void side_add(struct fl_conn_side *s, int64_t t, uint32_t len)
{
	if (!s->segments || t < s->first)
		s->first = t;
	if (!s->segments || t > s->last)
		s->last = t;
	s->segments++;
	s->bytes += len;
}

void fl_conn_mark(struct fl_host *h, int64_t t, const struct fl_mark *m,
		  bool send)
{
	struct fl_conn *c = conn_get(h, &m->key);
	struct seg *s;

	side_add(send ? &c->sent : &c->received, t, m->len);
	if (n_segs == cap_segs) {
		cap_segs = cap_segs ? 2 * cap_segs : 1024;
		s = realloc(segs, cap_segs * sizeof(*s));
		if (!s)
			fl_oom();
		segs = s;
	}
	s = &segs[n_segs++];
	s->key = m->key;
	s->seq = m->seq;
	s->len = m->len;
	s->tid = m->tid;
	s->send = send;
	s->t = t;
	s->host = h;
}

/* Key, then seq, then sends before receipts, then time. */
static int seg_cmp(const void *a, const void *b)
{
	const struct seg *x = a, *y = b;
	int c = memcmp(&x->key, &y->key, sizeof(x->key));

	if (c)
		return c;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if (x->send != y->send)
		return x->send ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

/* The segments of one seq, [i, j): their sends first. */
static void match_seq(struct fl_match *m, const struct seg *s, size_t n,
		      int64_t *first_send)
{
	const struct seg *send = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i].send) {
			m->sent++;
			m->send_host = s[i].host;
			if (!send)
				send = &s[i];
			continue;
		}
		m->received++;
		m->recv_host = s[i].host;
		if (!send)
			continue;
		m->matched++;
		/* the first receipt of the earliest sent seq that arrived */
		if (send->t < *first_send) {
			*first_send = send->t;
			m->first_delay = s[i].t - send->t;
			m->have_delay = true;
		}
	}
}

static void matches_free(void)
{
	struct match *mt;

	while ((mt = matches)) {
		matches = mt->next;
		free(mt);
	}
}

/* Again after more segments came (a live session's next report). */
void fl_conn_finish(void)
{
	struct match *mt = NULL;
	int64_t first_send = INT64_MAX;
	size_t i, j;

	matches_free();
	qsort(segs, n_segs, sizeof(*segs), seg_cmp);
	for (i = 0; i < n_segs; i = j) {
		if (!mt || memcmp(&mt->key, &segs[i].key, sizeof(mt->key))) {
			mt = fl_xalloc(sizeof(*mt));
			mt->key = segs[i].key;
			mt->next = matches;
			matches = mt;
			first_send = INT64_MAX;
		}
		for (j = i + 1; j < n_segs; j++)
			if (segs[j].seq != segs[i].seq ||
			    memcmp(&segs[j].key, &segs[i].key, sizeof(segs[i].key)))
				break;
		match_seq(&mt->m, &segs[i], j - i, &first_send);
	}
}

size_t fl_host_conns(const struct fl_host *h, struct fl_conn ***out)
{
	struct fl_conn *c, **v = NULL;
	size_t n = 0, cap = 0;

	for (c = h->conns; c; c = c->next) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			v = realloc(v, cap * sizeof(*v));
			if (!v)
				fl_oom();
		}
		v[n++] = c;
	}
	*out = v;
	return n;
}

/* segs is sorted: each seq's sends come first, the first sent first. */
void fl_hops_foreach(void (*fn)(const struct fl_hop *hop, void *arg), void *arg)
{
	const struct seg *send = NULL;
	struct fl_hop hop;
	size_t i;

	for (i = 0; i < n_segs; i++) {
		const struct seg *s = &segs[i];

		if (s->send) {
			if (!send || send->seq != s->seq ||
			    memcmp(&send->key, &s->key, sizeof(s->key)))
				send = s;
			continue;
		}
		if (!send || send->seq != s->seq ||
		    memcmp(&send->key, &s->key, sizeof(s->key)))
			continue;
		hop = (struct fl_hop){
			.send_host = send->host, .recv_host = s->host,
			.key = s->key, .seq = s->seq, .len = send->len,
			.send_tid = send->tid, .recv_tid = s->tid,
			.sent = send->t, .received = s->t,
		};
		fn(&hop, arg);
	}
}

void fl_conn_match(const struct fl_key *k, struct fl_match *out)
{
	const struct match *mt;

	for (mt = matches; mt; mt = mt->next)
		if (!memcmp(&mt->key, k, sizeof(*k))) {
			*out = mt->m;
			return;
		}
	memset(out, 0, sizeof(*out));
}

void fl_conns_free(void)
{
	matches_free();
	free(segs);
	segs = NULL;
	n_segs = cap_segs = 0;
}
