// SPDX-License-Identifier: GPL-2.0-only
/*
 * Links between spans (requests.c walks them).
 *
 * lttng_dt_mark_write is recorded in the writer's context with the
 * sequence range it asked to send; lttng_dt_mark_read in the reader's
 * with the first new marked byte it copied. A read whose byte lies in a
 * write's range (same connection direction) links the span of the
 * writer at the write to the span of the reader at the read: the span
 * that holds the read, or, for a thread flagged by that very read, its
 * next one. Several reads between the same two spans on one connection
 * make one link (the first read's times, all the bytes). The segment
 * that carried the byte, when its send and receipt were matched
 * (fl_hops_foreach), gives the link's network delay.
 *
 * Traces without these two events (before they existed) are linked by a
 * heuristic, and the links say so: a span that began with a network
 * flag is read from the latest marked segment its host received at or
 * before that flag, sent by the span of the segment's sending thread.
 *
 * A thread flagged at fork (reason inherited, set in the parent's
 * context) is linked from its parent's span at the fork.
 */
#include <glib.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "flows.h"
#include "spans.h"

struct io {
	const struct fl_host *host;
	struct fl_key key;
	uint32_t seq, len;
	int tid;
	int64_t t;
};

static GArray *writes, *reads;		/* struct io */
static GHashTable *io_index;		/* fl_conn_io(): struct io_key -> GArray */
static GArray *forks;			/* struct io: tid the parent, seq the child */

void fl_span_io(const struct fl_host *h, int64_t t, const struct fl_mark *m,
		bool write)
{
	GArray **a = write ? &writes : &reads;
	struct io io = { h, m->key, m->seq, m->len, m->tid, t };

	if (!*a)
		*a = g_array_new(FALSE, FALSE, sizeof(struct io));
	g_array_append_val(*a, io);
	if (io_index)
		g_hash_table_destroy(io_index);	/* stale: a live session's next report */
	io_index = NULL;
}

/* --- each connection's writers and readers ------------------------------ */

struct io_key {
	const struct fl_host *h;
	struct fl_key key;
	bool write;
};

static guint io_hash(gconstpointer p)
{
	return fl_bytes_hash(p, sizeof(struct io_key));
}

static gboolean io_equal(gconstpointer a, gconstpointer b)
{
	return !memcmp(a, b, sizeof(struct io_key));
}

static void garray_free(gpointer p)
{
	g_array_free(p, TRUE);
}

static void io_key_set(struct io_key *k, const struct fl_host *h,
		       const struct fl_key *key, bool write)
{
	memset(k, 0, sizeof(*k));	/* hashed as bytes: no stray padding */
	k->h = h;
	k->key = *key;
	k->write = write;
}

/* One write or read into its (host, key, direction)'s per-tid sums. */
static void io_count(GArray *ios, bool write)
{
	guint i, j;

	for (i = 0; ios && i < ios->len; i++) {
		const struct io *x = &g_array_index(ios, struct io, i);
		struct io_key k, *nk;
		struct fl_conn_io *c = NULL;
		GArray *a;

		io_key_set(&k, x->host, &x->key, write);
		a = g_hash_table_lookup(io_index, &k);
		if (!a) {
			nk = g_memdup2(&k, sizeof(k));
			a = g_array_new(FALSE, FALSE, sizeof(struct fl_conn_io));
			g_hash_table_insert(io_index, nk, a);
		}
		/* a connection has a thread or two: a scan is enough */
		for (j = 0; j < a->len && !c; j++)
			if (g_array_index(a, struct fl_conn_io, j).tid == x->tid)
				c = &g_array_index(a, struct fl_conn_io, j);
		if (!c) {
			struct fl_conn_io z = { .tid = x->tid };

			g_array_append_val(a, z);
			c = &g_array_index(a, struct fl_conn_io, a->len - 1);
		}
		c->calls++;
		c->bytes += x->len;
	}
}

static int conn_io_cmp(const void *a, const void *b)
{
	const struct fl_conn_io *x = a, *y = b;

	return (x->tid > y->tid) - (x->tid < y->tid);
}

/*
 * Each connection's writers and readers, counted once after the reading
 * (again after more, live): before fl_view_make() runs beside the report,
 * so that fl_conn_io() then only reads.
 */
void fl_conn_io_index(void)
{
	if (io_index)
		return;
	io_index = g_hash_table_new_full(io_hash, io_equal, g_free, garray_free);
	io_count(writes, true);
	io_count(reads, false);
}

size_t fl_conn_io(const struct fl_host *h, const struct fl_key *k, bool write,
		  struct fl_conn_io **out)
{
	struct io_key key;
	GArray *a;

	fl_conn_io_index();
	io_key_set(&key, h, k, write);
	a = g_hash_table_lookup(io_index, &key);
	*out = NULL;
	if (!a)
		return 0;
	*out = g_memdup2(a->data, a->len * sizeof(struct fl_conn_io));
	qsort(*out, a->len, sizeof(**out), conn_io_cmp);
	return a->len;
}

void fl_span_inherit(const struct fl_host *h, int64_t t, int parent, int child)
{
	struct io io = { .host = h, .tid = parent, .seq = (uint32_t)child, .t = t };

	if (!forks)
		forks = g_array_new(FALSE, FALSE, sizeof(struct io));
	g_array_append_val(forks, io);
}

void fl_spans_free(void)
{
	if (io_index)
		g_hash_table_destroy(io_index);
	io_index = NULL;
	if (forks)
		g_array_free(forks, TRUE);
	forks = NULL;
	if (writes)
		g_array_free(writes, TRUE);
	if (reads)
		g_array_free(reads, TRUE);
	writes = reads = NULL;
}

/* --- finding spans ------------------------------------------------------ */

static void ptr_array_free(gpointer p)
{
	g_ptr_array_free(p, TRUE);
}

/* (host, tid) -> its spans, by begin (v->spans is in that order). */
static GHashTable *index_spans(struct fl_view *v)
{
	GHashTable *t = g_hash_table_new_full(fl_host_tid_hash, fl_host_tid_equal, g_free,
					      ptr_array_free);
	size_t i;

	for (i = 0; i < v->n_spans; i++) {
		struct fl_host_tid k = { v->spans[i].host, v->spans[i].tid }, *nk;
		GPtrArray *a = g_hash_table_lookup(t, &k);

		if (!a) {
			nk = g_new(struct fl_host_tid, 1);
			*nk = k;
			a = g_ptr_array_new();
			g_hash_table_insert(t, nk, a);
		}
		g_ptr_array_add(a, &v->spans[i]);
	}
	return t;
}

/* The span of h's thread tid at axis time t; else, if next, its first after. */
static struct fl_span *span_at(GHashTable *idx, const struct fl_host *h,
			       int tid, int64_t t, bool next)
{
	struct fl_host_tid k = { h, tid };
	GPtrArray *a = g_hash_table_lookup(idx, &k);
	guint lo = 0, hi;

	if (!a)
		return NULL;
	/* the first span that ends at or after t */
	hi = a->len;
	while (lo < hi) {
		guint mid = (lo + hi) / 2;

		if (((struct fl_span *)g_ptr_array_index(a, mid))->end < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == a->len)
		return NULL;
	if (((struct fl_span *)g_ptr_array_index(a, lo))->begin <= t || next)
		return g_ptr_array_index(a, lo);
	return NULL;
}

/* --- the writes and the segments that carried the bytes ----------------- */

struct ctx {
	struct fl_view *v;
	GHashTable *spans;	/* index_spans() */
	GArray *hops;		/* struct fl_hop, by key then seq */
	GArray *receipts;	/* the same, by receiving host then time */
	GHashTable *links;	/* struct link_key -> index in la */
	GArray *la;		/* struct fl_link */
	GHashTable *readers;	/* hosts with mark_read events */
};

static void keep_hop(const struct fl_hop *hop, void *arg)
{
	g_array_append_val(((struct ctx *)arg)->hops, *hop);
}

static void count_hop(const struct fl_hop *hop, void *arg)
{
	(void)hop;
	(*(guint *)arg)++;
}

static bool seq_in(uint32_t first, uint32_t len, uint32_t seq)
{
	return (uint32_t)(seq - first) < len;	/* across the wrap too */
}

static int key_seq_cmp(const struct fl_key *ka, uint32_t sa,
		       const struct fl_key *kb, uint32_t sb)
{
	int c = memcmp(ka, kb, sizeof(*ka));

	if (c)
		return c;
	return (sa > sb) - (sa < sb);
}

/*
 * In a (key, seq)-sorted array of n elements of size sz whose key and
 * seq are at koff and soff: the last at or before (k, seq), -1 if none.
 */
static long last_at_or_before(const void *base, size_t n, size_t sz,
			      size_t koff, size_t soff,
			      const struct fl_key *k, uint32_t seq)
{
	long lo = 0, hi = (long)n - 1, r = -1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;
		const char *e = (const char *)base + (size_t)mid * sz;

		if (key_seq_cmp((const struct fl_key *)(e + koff),
				*(const uint32_t *)(e + soff), k, seq) <= 0) {
			r = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return r;
}

/* The first matched segment of key holding byte seq. */
static const struct fl_hop *hop_of(const struct ctx *c, const struct fl_key *k,
				   uint32_t seq)
{
	long i = last_at_or_before(c->hops->data, c->hops->len, sizeof(struct fl_hop),
				   offsetof(struct fl_hop, key),
				   offsetof(struct fl_hop, seq), k, seq);
	const struct fl_hop *h;

	if (i < 0)
		return NULL;
	h = &g_array_index(c->hops, struct fl_hop, i);
	/* the first receipt of that segment: hops of one seq are together */
	while (i > 0 && g_array_index(c->hops, struct fl_hop, i - 1).seq == h->seq &&
	       !memcmp(&g_array_index(c->hops, struct fl_hop, i - 1).key, k, sizeof(*k)))
		h = &g_array_index(c->hops, struct fl_hop, --i);
	if (memcmp(&h->key, k, sizeof(*k)) || !seq_in(h->seq, h->len ? h->len : 1, seq))
		return NULL;
	return h;
}

static int hop_cmp(const void *a, const void *b)
{
	const struct fl_hop *x = a, *y = b;
	int c = key_seq_cmp(&x->key, x->seq, &y->key, y->seq);

	return c ? c : (x->received > y->received) - (x->received < y->received);
}

/*
 * Whether a's n elements of size sz are in cmp's order already:
 * connections.c gives the hops in this order, and a merge sort of a
 * million sorted elements still compares twenty million times.
 */
static bool is_sorted(const GArray *a, size_t sz, GCompareFunc cmp)
{
	guint i;

	for (i = 1; i < a->len; i++)
		if (cmp(a->data + (i - 1) * sz, a->data + i * sz) > 0)
			return false;
	return true;
}

static int io_cmp(const void *a, const void *b)
{
	const struct io *x = a, *y = b;
	int c = key_seq_cmp(&x->key, x->seq, &y->key, y->seq);

	return c ? c : (x->t > y->t) - (x->t < y->t);
}

static const struct io *write_of(const struct io *r)
{
	long i;
	const struct io *w;

	if (!writes)
		return NULL;
	i = last_at_or_before(writes->data, writes->len, sizeof(struct io),
			      offsetof(struct io, key), offsetof(struct io, seq),
			      &r->key, r->seq);
	if (i < 0)
		return NULL;
	w = &g_array_index(writes, struct io, i);
	if (memcmp(&w->key, &r->key, sizeof(r->key)) || !seq_in(w->seq, w->len, r->seq))
		return NULL;
	return w;
}

/* --- links -------------------------------------------------------------- */

struct link_key {
	const struct fl_span *from, *to;
	struct fl_key key;
};

static guint link_hash(gconstpointer p)
{
	return fl_bytes_hash(p, sizeof(struct link_key));
}

static gboolean link_equal(gconstpointer a, gconstpointer b)
{
	return !memcmp(a, b, sizeof(struct link_key));
}

static struct fl_link *link_get(struct ctx *c, const struct fl_span *from,
				const struct fl_span *to, const struct fl_key *k)
{
	struct link_key lk, *nk;
	struct fl_link l = { .from = from, .to = to, .key = *k };
	gpointer idx;

	memset(&lk, 0, sizeof(lk));	/* hashed as bytes: no stray padding */
	lk.from = from;
	lk.to = to;
	lk.key = *k;
	if (g_hash_table_lookup_extended(c->links, &lk, NULL, &idx))
		return &g_array_index(c->la, struct fl_link, GPOINTER_TO_UINT(idx));
	nk = g_memdup2(&lk, sizeof(lk));
	g_hash_table_insert(c->links, nk, GUINT_TO_POINTER(c->la->len));
	g_array_append_val(c->la, l);
	return &g_array_index(c->la, struct fl_link, c->la->len - 1);
}

static void net_delay(const struct ctx *c, struct fl_link *l)
{
	const struct fl_hop *h = hop_of(c, &l->key, l->seq);

	if (!h)
		return;
	l->have_net = true;
	l->sent = fl_axis(h->send_host, h->sent);
	l->received = fl_axis(h->recv_host, h->received);
}

/* One read: its link, created or grown. */
static void link_read(struct ctx *c, const struct io *r, struct fl_span *to)
{
	const struct io *w = write_of(r);
	struct fl_span *from;
	struct fl_link *l;

	if (!w) {
		c->v->reads_unmatched++;
		return;
	}
	from = span_at(c->spans, w->host, w->tid, fl_axis(w->host, w->t), false);
	if (!from || from == to)
		return;
	l = link_get(c, from, to, &r->key);
	if (!l->bytes || fl_axis(r->host, r->t) < l->read) {
		l->seq = r->seq;
		l->written = fl_axis(w->host, w->t);
		l->read = fl_axis(r->host, r->t);
		net_delay(c, l);
	}
	l->bytes += r->len;
}

static void bytes_out(struct ctx *c)
{
	guint i;

	for (i = 0; writes && i < writes->len; i++) {
		const struct io *w = &g_array_index(writes, struct io, i);
		struct fl_span *s = span_at(c->spans, w->host, w->tid,
					    fl_axis(w->host, w->t), false);

		c->v->writes++;
		if (s)
			s->bytes_out += w->len;
	}
}

static void read_all(struct ctx *c)
{
	guint i;

	for (i = 0; reads && i < reads->len; i++) {
		const struct io *r = &g_array_index(reads, struct io, i);
		struct fl_span *to = span_at(c->spans, r->host, r->tid,
					     fl_axis(r->host, r->t), true);

		c->v->reads++;
		g_hash_table_add(c->readers, (gpointer)r->host);
		if (!to)
			continue;
		to->bytes_in += r->len;
		link_read(c, r, to);
	}
}

/* --- the heuristic, for traces without mark_write/mark_read ------------- */

static int receipt_cmp(const void *a, const void *b)
{
	const struct fl_hop *x = a, *y = b;

	if (x->recv_host != y->recv_host)
		return x->recv_host < y->recv_host ? -1 : 1;
	return (x->received > y->received) - (x->received < y->received);
}

/*
 * The latest receipt on h at or before t (h's clock) of a segment that
 * another thread sent: on one host too (network namespaces), but not the
 * reader's own.
 */
static const struct fl_hop *last_receipt(const struct ctx *c,
					 const struct fl_host *h, int tid,
					 int64_t t)
{
	long lo = 0, hi = (long)c->receipts->len - 1, r = -1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;
		const struct fl_hop *x = &g_array_index(c->receipts, struct fl_hop, mid);

		if ((const void *)x->recv_host < (const void *)h ||
		    (x->recv_host == h && x->received <= t)) {
			r = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	for (; r >= 0; r--) {
		const struct fl_hop *x = &g_array_index(c->receipts, struct fl_hop, r);

		if (x->recv_host != h)
			return NULL;
		if (x->send_tid > 0 && (x->send_host != h || x->send_tid != tid))
			return x;
	}
	return NULL;
}

static void guess_link(struct ctx *c, struct fl_span *to)
{
	/* back to the host's clock: hops are in it */
	int64_t raw = to->begin + fl_clock_of(to->host)->offset;
	const struct fl_hop *x = last_receipt(c, to->host, to->tid, raw);
	struct fl_span *from;
	struct fl_link *l;

	if (!x)
		return;
	from = span_at(c->spans, x->send_host, x->send_tid,
		       fl_axis(x->send_host, x->sent), false);
	if (!from || from == to)
		return;
	l = link_get(c, from, to, &x->key);
	l->heuristic = true;
	l->seq = x->seq;
	l->bytes = x->len;
	l->written = l->sent = fl_axis(x->send_host, x->sent);
	l->read = l->received = fl_axis(x->recv_host, x->received);
	l->have_net = true;
	c->v->heuristic = true;
}

static void guess_links(struct ctx *c)
{
	size_t i;

	c->receipts = g_array_sized_new(FALSE, FALSE, sizeof(struct fl_hop), c->hops->len);
	fl_huge_hint(c->receipts->data, (size_t)c->hops->len * sizeof(struct fl_hop));
	g_array_append_vals(c->receipts, c->hops->data, c->hops->len);
	g_array_sort(c->receipts, receipt_cmp);
	for (i = 0; i < c->v->n_spans; i++) {
		struct fl_span *s = &c->v->spans[i];

		if ((s->reasons & (1u << FL_NETWORK)) && !(s->reasons & (1u << FL_MANUAL)) &&
		    !g_hash_table_contains(c->readers, s->host))
			guess_link(c, s);
	}
	g_array_free(c->receipts, TRUE);
}

/* Parent's span at the fork -> the child's first span from then. */
static void inherit_links(struct ctx *c)
{
	guint i;

	for (i = 0; forks && i < forks->len; i++) {
		const struct io *f = &g_array_index(forks, struct io, i);
		int64_t t = fl_axis(f->host, f->t);
		struct fl_span *from = span_at(c->spans, f->host, f->tid, t, false);
		struct fl_span *to = span_at(c->spans, f->host, (int)f->seq, t, true);
		struct fl_link *l;
		struct fl_key none;

		if (!from || !to)
			continue;
		memset(&none, 0, sizeof(none));
		l = link_get(c, from, to, &none);
		l->inherited = true;
		l->written = l->read = t;
	}
}

void fl_links_build(struct fl_view *v)
{
	struct ctx c = {
		.v = v,
		.spans = index_spans(v),
		.links = g_hash_table_new_full(link_hash, link_equal, g_free, NULL),
		.la = g_array_new(FALSE, FALSE, sizeof(struct fl_link)),
		.readers = g_hash_table_new(g_direct_hash, g_direct_equal),
	};
	guint n_hops = 0;

	/* sized first: growing a million hops by doubling copied them twice over */
	fl_hops_foreach(count_hop, &n_hops);
	c.hops = g_array_sized_new(FALSE, FALSE, sizeof(struct fl_hop), n_hops);
	fl_huge_hint(c.hops->data, (size_t)n_hops * sizeof(struct fl_hop));
	fl_hops_foreach(keep_hop, &c);
	/* whatever order connections.c gives; a stable sort: the same either way */
	if (!is_sorted(c.hops, sizeof(struct fl_hop), hop_cmp))
		g_array_sort(c.hops, hop_cmp);
	if (writes)
		g_array_sort(writes, io_cmp);
	bytes_out(&c);
	read_all(&c);
	inherit_links(&c);
	guess_links(&c);
	g_array_free(c.hops, TRUE);
	g_hash_table_destroy(c.links);
	g_hash_table_destroy(c.readers);
	g_hash_table_destroy(c.spans);
	v->n_links = c.la->len;
	v->links = (struct fl_link *)(void *)g_array_free(c.la, FALSE);
}
