// SPDX-License-Identifier: GPL-2.0-only
/*
 * Marked connections from lttng_dt_mark_send / lttng_dt_mark_recv. Both
 * ends record the segment's own source as saddr, so one key (addresses,
 * ports) names a connection direction on every host, and a
 * send matches its receipt by that key and the segment's first seq.
 *
 * Every key gets a number the first time any host marks it (a GLib hash
 * table from key to number), so that the rest works on integers: each
 * host finds its connection by that number in its own table, and the
 * segments keep it instead of the 36-byte key. All of it is linear in
 * the marks (a million marks over 100,000 connections: doc/performance.md);
 * a list walked per mark made it quadratic before.
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

/* What all hosts know of one key. */
struct key_info {
	struct fl_key key;
	unsigned int rank;		/* in key order, set by fl_conn_finish() */
	struct fl_match m;
};

struct seg {
	unsigned int key_id;
	unsigned int rank;		/* its key's, copied for the sort */
	uint32_t seq, len;
	int tid;
	bool send;
	int64_t t;
	const struct fl_host *host;
};

static struct seg *segs;
static size_t n_segs, cap_segs;
static GHashTable *key_ids;		/* struct fl_key * -> id + 1 */
static GPtrArray *keys;			/* id -> struct key_info */

guint fl_bytes_hash(const void *p, size_t n)
{
	const unsigned char *b = p;
	guint h = 2166136261u;		/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * 16777619u;
	return h;
}

/* The key has no padding to skip. */
guint fl_key_hash(gconstpointer k)
{
	return fl_bytes_hash(k, sizeof(struct fl_key));
}

gboolean fl_key_equal(gconstpointer a, gconstpointer b)
{
	return !memcmp(a, b, sizeof(struct fl_key));
}

static unsigned int key_id(const struct fl_key *k)
{
	struct key_info *ki;
	gpointer v;

	if (!key_ids) {
		key_ids = g_hash_table_new(fl_key_hash, fl_key_equal);
		keys = g_ptr_array_new_with_free_func(free);
	}
	v = g_hash_table_lookup(key_ids, k);
	if (v)
		return GPOINTER_TO_UINT(v) - 1;
	ki = fl_xalloc(sizeof(*ki));
	ki->key = *k;
	g_ptr_array_add(keys, ki);
	g_hash_table_insert(key_ids, &ki->key, GUINT_TO_POINTER(keys->len));
	return keys->len - 1;
}

static struct key_info *key_info(unsigned int id)
{
	return g_ptr_array_index(keys, id);
}

static struct fl_conn *conn_get(struct fl_host *h, const struct fl_key *k)
{
	unsigned int id = key_id(k);
	struct fl_conn *c;

	if (!h->conns) {
		h->conns = g_hash_table_new_full(g_direct_hash, g_direct_equal,
						 NULL, free);
		h->conn_order = g_ptr_array_new();
	}
	c = g_hash_table_lookup(h->conns, GUINT_TO_POINTER(id + 1));
	if (c)
		return c;
	c = fl_xalloc(sizeof(*c));
	c->key = *k;
	c->key_id = id;
	g_hash_table_insert(h->conns, GUINT_TO_POINTER(id + 1), c);
	g_ptr_array_add(h->conn_order, c);	/* first seen first */
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
		/* the new half is not written yet */
		fl_huge_hint(segs + n_segs, (cap_segs - n_segs) * sizeof(*s));
	}
	s = &segs[n_segs++];
	s->key_id = c->key_id;
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

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if (x->send != y->send)
		return x->send ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

static int key_info_cmp(const void *a, const void *b)
{
	const struct key_info *x = *(const struct key_info *const *)a;
	const struct key_info *y = *(const struct key_info *const *)b;

	return memcmp(&x->key, &y->key, sizeof(x->key));
}

/*
 * Each key's rank in byte order, so that the segments sort by key as
 * before the keys had numbers (fl_hops_foreach()'s order), comparing
 * integers. The matches are reset on the way.
 */
static void rank_keys(void)
{
	struct key_info **v;
	unsigned int i, n = keys ? keys->len : 0;

	if (!n)
		return;
	v = fl_xalloc(n * sizeof(*v));
	memcpy(v, keys->pdata, n * sizeof(*v));
	qsort(v, n, sizeof(*v), key_info_cmp);
	for (i = 0; i < n; i++) {
		v[i]->rank = i;
		memset(&v[i]->m, 0, sizeof(v[i]->m));
	}
	free(v);
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

/*
 * The segments sorted by key rank in one counting pass (linear: a
 * million segments of 40 bytes took 0.4 s in qsort alone), then each
 * key's few segments by seq, direction and time.
 */
static void sort_segs(void)
{
	unsigned int n_keys = keys ? keys->len : 0, r;
	size_t *start, i;
	struct seg *out;

	if (!n_segs)
		return;
	start = fl_xalloc((n_keys + 1) * sizeof(*start));
	out = malloc(cap_segs * sizeof(*out));
	if (!out)
		fl_oom();
	fl_huge_hint(out, cap_segs * sizeof(*out));
	for (i = 0; i < n_segs; i++) {
		segs[i].rank = key_info(segs[i].key_id)->rank;
		start[segs[i].rank + 1]++;
	}
	for (r = 0; r < n_keys; r++)
		start[r + 1] += start[r];
	for (i = 0; i < n_segs; i++)
		out[start[segs[i].rank]++] = segs[i];
	/* start[r] is now where rank r + 1 begins */
	for (r = 0; r < n_keys; r++) {
		size_t b = r ? start[r - 1] : 0;

		qsort(out + b, start[r] - b, sizeof(*out), seg_cmp);
	}
	free(start);
	free(segs);
	segs = out;
}

/* Again after more segments came (a live session's next report). */
void fl_conn_finish(void)
{
	int64_t first_send = INT64_MAX;
	size_t i, j;

	rank_keys();
	sort_segs();
	for (i = 0; i < n_segs; i = j) {
		if (!i || segs[i].key_id != segs[i - 1].key_id)
			first_send = INT64_MAX;
		for (j = i + 1; j < n_segs; j++)
			if (segs[j].seq != segs[i].seq ||
			    segs[j].key_id != segs[i].key_id)
				break;
		match_seq(&key_info(segs[i].key_id)->m, &segs[i], j - i,
			  &first_send);
	}
}

size_t fl_host_conns(const struct fl_host *h, struct fl_conn ***out)
{
	size_t n = h->conn_order ? h->conn_order->len : 0;

	*out = fl_xalloc((n ? n : 1) * sizeof(**out));
	if (n)
		memcpy(*out, h->conn_order->pdata, n * sizeof(**out));
	return n;
}

static bool same_seq(const struct seg *a, const struct seg *b)
{
	return a->seq == b->seq && a->key_id == b->key_id;
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
			if (!send || !same_seq(send, s))
				send = s;
			continue;
		}
		if (!send || !same_seq(send, s))
			continue;
		hop = (struct fl_hop){
			.send_host = send->host, .recv_host = s->host,
			.key = key_info(s->key_id)->key, .seq = s->seq,
			.len = send->len,
			.send_tid = send->tid, .recv_tid = s->tid,
			.sent = send->t, .received = s->t,
		};
		fn(&hop, arg);
	}
}

void fl_conn_match(const struct fl_key *k, struct fl_match *out)
{
	gpointer v = key_ids ? g_hash_table_lookup(key_ids, k) : NULL;

	if (v)
		*out = key_info(GPOINTER_TO_UINT(v) - 1)->m;
	else
		memset(out, 0, sizeof(*out));
}

void fl_conns_free(void)
{
	if (key_ids) {
		g_hash_table_destroy(key_ids);
		g_ptr_array_free(keys, TRUE);
		key_ids = NULL;
		keys = NULL;
	}
	free(segs);
	segs = NULL;
	n_segs = cap_segs = 0;
}
