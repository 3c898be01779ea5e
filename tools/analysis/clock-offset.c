// SPDX-License-Identifier: GPL-2.0-only
/*
 * One time axis for all hosts. For two hosts A and B whose marked
 * segments were matched both ways, NTP's reasoning: with d the minimum
 * of (receipt on B - send on A) and d' that of (receipt on A - send on
 * B), each in its host's clock, B's clock is ahead of A's by
 * (d - d') / 2, give or take (d + d') / 2 (the one-way delays are
 * positive and their sum is d + d'; the minimum is the segment that
 * waited least, so the closest to the true offset).
 *
 * The reference is the host with the most such pairs (ties: the first
 * name in byte order). Every other host takes the path of least summed
 * bound to it (Dijkstra: there are few hosts), its offset the sum of the
 * pairs' offsets along it. An offset given on the command line fixes
 * that host exactly (bound 0) and hosts beyond it chain from it. A host
 * no path reaches keeps its trace's own clock, which LTTng anchors to
 * the realtime clock when the session starts: right when the hosts'
 * clocks are synchronised (NTP), and said so.
 */
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flows.h"

struct given {
	char *host;
	int64_t offset;
	bool warned;		/* no such host: said once, not per live report */
};

struct pair_min {
	int64_t min;
	uint64_t n;
};

static GArray *givens;			/* struct given */
static const struct fl_host **hs;	/* the hosts, by index */
static size_t n_hs;
static struct pair_min *mins;		/* [from * n_hs + to] */
static struct fl_clock *clocks;		/* by host index */
static const struct fl_host *ref;

int fl_clock_give(const char *arg)
{
	const char *eq = strrchr(arg, '=');
	struct given g;
	char *end;
	long long v;

	if (!eq || eq == arg || !eq[1])
		goto bad;
	errno = 0;
	v = strtoll(eq + 1, &end, 10);
	if (errno || *end)
		goto bad;
	if (!givens)
		givens = g_array_new(FALSE, FALSE, sizeof(struct given));
	g.host = g_strndup(arg, (gsize)(eq - arg));
	g.offset = v;
	g.warned = false;
	g_array_append_val(givens, g);
	return 0;
bad:
	fprintf(stderr, "Error: --clock-offset: %s: not HOST=NANOSECONDS\n", arg);
	return -1;
}

static long host_index(const struct fl_host *h)
{
	size_t i;

	for (i = 0; i < n_hs; i++)
		if (hs[i] == h)
			return (long)i;
	return -1;
}

static void on_hop(const struct fl_hop *hop, void *arg)
{
	long a = host_index(hop->send_host), b = host_index(hop->recv_host);
	struct pair_min *m;
	int64_t d = hop->received - hop->sent;

	(void)arg;
	if (a < 0 || b < 0 || a == b)
		return;
	m = &mins[a * n_hs + b];
	if (!m->n || d < m->min)
		m->min = d;
	m->n++;
}

static bool pair(size_t a, size_t b, int64_t *offset, int64_t *bound)
{
	const struct pair_min *ab = &mins[a * n_hs + b], *ba = &mins[b * n_hs + a];

	if (!ab->n || !ba->n)
		return false;
	/* b's clock minus a's: halves of sums, not sums of halves. */
	*offset = (ab->min - ba->min) / 2;
	*bound = (ab->min + ba->min) / 2;
	return true;
}

bool fl_clock_pair(const struct fl_host *a, const struct fl_host *b,
		   int64_t *offset, int64_t *bound)
{
	long i = host_index(a), j = host_index(b);

	return i >= 0 && j >= 0 && i != j && pair((size_t)i, (size_t)j, offset, bound);
}

static void collect_hosts(void)
{
	const struct fl_host *h;
	size_t n = 0;

	for (h = fl_hosts(); h; h = h->next)
		n++;
	hs = g_new0(const struct fl_host *, n ? n : 1);
	n_hs = 0;
	for (h = fl_hosts(); h; h = h->next)
		hs[n_hs++] = h;
	mins = g_new0(struct pair_min, n_hs ? n_hs * n_hs : 1);
	clocks = g_new0(struct fl_clock, n_hs ? n_hs : 1);
}

/* The host with the most estimated pairs; ties by name. */
static size_t pick_ref(void)
{
	size_t i, j, best = 0;
	int64_t o, b;
	long most = -1;

	for (i = 0; i < n_hs; i++) {
		long n = 0;

		for (j = 0; j < n_hs; j++)
			if (j != i && pair(i, j, &o, &b))
				n++;
		if (n > most || (n == most && strcmp(hs[i]->name, hs[best]->name) < 0)) {
			most = n;
			best = i;
		}
	}
	return best;
}

static bool given_offset(const struct fl_host *h, int64_t *offset)
{
	guint i;

	for (i = 0; givens && i < givens->len; i++)
		if (!strcmp(g_array_index(givens, struct given, i).host, h->name)) {
			*offset = g_array_index(givens, struct given, i).offset;
			return true;
		}
	return false;
}

/* The sources: the reference and the given hosts, bound 0. */
static void init_sources(bool *done, size_t r)
{
	size_t i;

	for (i = 0; i < n_hs; i++) {
		struct fl_clock *c = &clocks[i];

		done[i] = false;
		c->how = FL_CLOCK_TRACE;
		c->bound = INT64_MAX;
		if (given_offset(hs[i], &c->offset)) {
			c->how = FL_CLOCK_GIVEN;
			c->bound = 0;
		} else if (i == r) {
			c->how = FL_CLOCK_REF;
			c->offset = 0;
			c->bound = 0;
		}
	}
}

/* The nearest host not done yet, -1 if none is reached. */
static long nearest(const bool *done)
{
	long best = -1;
	size_t i;

	for (i = 0; i < n_hs; i++)
		if (!done[i] && clocks[i].bound != INT64_MAX &&
		    (best < 0 || clocks[i].bound < clocks[best].bound))
			best = (long)i;
	return best;
}

static void relax(size_t from)
{
	const struct fl_clock *f = &clocks[from];
	int64_t o, b;
	bool neg;
	size_t j;

	for (j = 0; j < n_hs; j++) {
		struct fl_clock *c = &clocks[j];

		if (c->how == FL_CLOCK_REF || c->how == FL_CLOCK_GIVEN ||
		    !pair(from, j, &o, &b))
			continue;
		neg = b < 0;
		if (neg)
			b = 0;	/* inconsistent data: do not let it win paths */
		if (c->bound != INT64_MAX && f->bound + b >= c->bound)
			continue;
		c->inconsistent = f->inconsistent || neg;
		c->how = FL_CLOCK_ESTIMATED;
		c->offset = f->offset + o;
		c->bound = f->bound + b;
		c->via = hs[from];
		c->steps = f->steps + 1;
	}
}

/* Why a host without a path has none, for the report. */
static const char *why_none(size_t i)
{
	size_t j;

	for (j = 0; j < n_hs; j++)
		if (j != i && (mins[i * n_hs + j].n || mins[j * n_hs + i].n))
			return "marked segments matched in one direction only";
	return "no marked segment matched with another host";
}

/* A given offset for a host the traces do not have is likely a typo. */
static void warn_unknown(void)
{
	const struct fl_host *h;
	guint i;

	for (i = 0; givens && i < givens->len; i++) {
		struct given *g = &g_array_index(givens, struct given, i);

		for (h = fl_hosts(); h && strcmp(h->name, g->host); h = h->next)
			;
		if (!h && !g->warned) {
			fprintf(stderr, "Warning: --clock-offset: %s: no such host in the traces\n",
				g->host);
			g->warned = true;
		}
	}
}

void fl_clock_compute(void)
{
	bool *done;
	size_t r, i;
	long k;

	g_free(hs);
	g_free(mins);
	g_free(clocks);
	collect_hosts();
	fl_hops_foreach(on_hop, NULL);
	warn_unknown();
	ref = NULL;
	if (!n_hs)
		return;
	r = pick_ref();
	ref = hs[r];
	done = g_new0(bool, n_hs);
	init_sources(done, r);
	while ((k = nearest(done)) >= 0) {
		done[k] = true;
		relax((size_t)k);
	}
	for (i = 0; i < n_hs; i++)
		if (clocks[i].how == FL_CLOCK_TRACE) {
			clocks[i].offset = 0;
			clocks[i].bound = 0;
			clocks[i].why = why_none(i);
		}
	g_free(done);
}

const struct fl_host *fl_clock_ref(void)
{
	return ref;
}

const struct fl_clock *fl_clock_of(const struct fl_host *h)
{
	static const struct fl_clock none = { .how = FL_CLOCK_TRACE,
		.why = "not read yet" };
	long i = host_index(h);

	return i >= 0 ? &clocks[i] : &none;
}

int64_t fl_axis(const struct fl_host *h, int64_t t)
{
	return t - fl_clock_of(h)->offset;
}

int64_t fl_axis_origin(void)
{
	int64_t o = INT64_MAX;
	size_t i;

	for (i = 0; i < n_hs; i++)
		if (hs[i]->first <= hs[i]->last && fl_axis(hs[i], hs[i]->first) < o)
			o = fl_axis(hs[i], hs[i]->first);
	return o == INT64_MAX ? 0 : o;
}

void fl_clock_free(void)
{
	guint i;

	for (i = 0; givens && i < givens->len; i++)
		g_free(g_array_index(givens, struct given, i).host);
	if (givens)
		g_array_free(givens, TRUE);
	givens = NULL;
	g_free(hs);
	g_free(mins);
	g_free(clocks);
	hs = NULL;
	mins = NULL;
	clocks = NULL;
	n_hs = 0;
	ref = NULL;
}
