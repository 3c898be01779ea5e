// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hosts read so far and their threads: a list of hosts in the order
 * first seen, a GLib hash table of threads by tid per host. A host is a
 * hostname and its clock's UUID (the boot id with lttng-modules), or a
 * hostname alone when the clock has none: so two machines with one
 * hostname are two hosts, the second named HOSTNAME#2. A thread is
 * known from any event that names it (statedump, sched_switch,
 * context), so that a flagged thread has a procname even if it never
 * ran while flagged.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flows.h"

static struct fl_host *hosts;

void fl_oom(void)
{
	fprintf(stderr, "Error: out of memory\n");
	exit(1);
}

void *fl_xalloc(size_t n)
{
	void *p = calloc(1, n);

	if (!p)
		fl_oom();
	return p;
}

const char *fl_reason_name(unsigned int r)
{
	static const char *const names[FL_NR_REASONS] = {
		"manual", "inherited", "network",
	};

	return r < FL_NR_REASONS ? names[r] : "unknown";
}

static void thread_free(gpointer p)
{
	struct fl_thread *t = p;

	free(t->iv);
	free(t);
}

struct fl_host *fl_hosts(void)
{
	return hosts;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		fl_oom();
	return d;
}

static struct fl_host *host_new(const char *name, const char *hostname)
{
	struct fl_host *h = fl_xalloc(sizeof(*h)), **tail = &hosts;

	h->name = xstrdup(name);
	h->hostname = xstrdup(hostname);
	h->first = INT64_MAX;
	h->last = INT64_MIN;
	h->threads = g_hash_table_new_full(g_direct_hash, g_direct_equal,
					   NULL, thread_free);
	while (*tail)
		tail = &(*tail)->next;
	*tail = h;
	return h;
}

struct fl_host *fl_host_get(const char *name)
{
	struct fl_host *h;

	for (h = hosts; h; h = h->next)
		if (!strcmp(h->name, name))
			return h;
	return host_new(name, name);
}

static bool same_host(const struct fl_host *h, const char *hostname,
		      const unsigned char *clock_uuid)
{
	if (strcmp(h->hostname, hostname) || h->has_clock_uuid != !!clock_uuid)
		return false;
	return !clock_uuid || !memcmp(h->clock_uuid, clock_uuid, 16);
}

/*
 * One more host of an existing hostname: machines cloned from one image,
 * or one machine rebooted between two traces (a new boot, a new clock).
 * Merged, their threads would mix and their delays would look like one
 * clock's. Named HOSTNAME#N, and said on stderr and in the report.
 */
static void name_twin(struct fl_host *h, unsigned int n, const char *where)
{
	struct fl_host *o;
	char *name;

	if (asprintf(&name, "%s#%u", h->hostname, n) < 0)
		fl_oom();
	free(h->name);
	h->name = name;
	for (o = hosts; o; o = o->next)
		if (!strcmp(o->hostname, h->hostname))
			o->same_hostname = n;
	fl_progress_clear();
	fprintf(stderr, "Warning: hostname %s names %u hosts (their clocks' UUIDs, the boot ids, differ): the one of %s is shown as %s\n",
		h->hostname, n, where ? where : "a trace", h->name);
}

struct fl_host *fl_host_get_id(const char *hostname, const unsigned char *clock_uuid,
			       const char *where)
{
	unsigned int n = 0;
	struct fl_host *h;

	for (h = hosts; h; h = h->next) {
		if (same_host(h, hostname, clock_uuid))
			return h;
		n += !strcmp(h->hostname, hostname);
	}
	h = host_new(hostname, hostname);
	if (clock_uuid) {
		h->has_clock_uuid = true;
		memcpy(h->clock_uuid, clock_uuid, 16);
	}
	h->first_trace = where ? xstrdup(where) : NULL;
	if (n)
		name_twin(h, n + 1, where);
	return h;
}

struct fl_thread *fl_thread_get(struct fl_host *h, int tid)
{
	struct fl_thread *t = g_hash_table_lookup(h->threads, GINT_TO_POINTER(tid));

	if (t)
		return t;
	t = fl_xalloc(sizeof(*t));
	t->tid = tid;
	t->pid = -1;
	g_hash_table_insert(h->threads, GINT_TO_POINTER(tid), t);
	return t;
}

static int thread_tid_cmp(const void *a, const void *b)
{
	const struct fl_thread *x = *(const struct fl_thread *const *)a;
	const struct fl_thread *y = *(const struct fl_thread *const *)b;

	return (x->tid > y->tid) - (x->tid < y->tid);
}

size_t fl_host_threads(const struct fl_host *h, struct fl_thread ***out)
{
	size_t n = g_hash_table_size(h->threads), i = 0;
	struct fl_thread **v = fl_xalloc((n ? n : 1) * sizeof(*v));
	GHashTableIter it;
	gpointer t;

	g_hash_table_iter_init(&it, h->threads);
	while (g_hash_table_iter_next(&it, NULL, &t))
		v[i++] = t;
	if (n)
		qsort(v, n, sizeof(*v), thread_tid_cmp);
	*out = v;
	return n;
}

guint fl_host_tid_hash(gconstpointer k)
{
	const struct fl_host_tid *x = k;

	return g_direct_hash(x->h) ^ (guint)x->tid * 2654435761u;
}

gboolean fl_host_tid_equal(gconstpointer a, gconstpointer b)
{
	const struct fl_host_tid *x = a, *y = b;

	return x->h == y->h && x->tid == y->tid;
}

/* The latest name wins: dt-rpc, for one, renames itself after a fork. */
void fl_thread_name(struct fl_host *h, int tid, int pid, const char *name)
{
	struct fl_thread *t;

	if (tid <= 0)
		return;
	t = fl_thread_get(h, tid);
	if (pid > 0)
		t->pid = pid;
	/* most events repeat the name their thread has: no copy then */
	if (name && *name && strncmp(t->procname, name, sizeof(t->procname) - 1))
		snprintf(t->procname, sizeof(t->procname), "%s", name);
}

/* Who runs on CPU cpu of h, growing the table as CPUs show up. */
int *fl_host_cpu(struct fl_host *h, uint64_t cpu)
{
	size_t i, n;
	int *p;

	if (cpu >= 65536)
		return NULL;
	if (cpu >= h->n_cpus) {
		n = cpu + 1;
		p = realloc(h->cpu_tid, n * sizeof(*p));
		if (!p)
			fl_oom();
		for (i = h->n_cpus; i < n; i++)
			p[i] = -1;
		h->cpu_tid = p;
		h->n_cpus = n;
	}
	return &h->cpu_tid[cpu];
}

void fl_hosts_free(void)
{
	struct fl_host *h;

	while ((h = hosts)) {
		hosts = h->next;
		g_hash_table_destroy(h->threads);
		if (h->conns) {
			g_hash_table_destroy(h->conns);
			g_ptr_array_free(h->conn_order, TRUE);
		}
		free(h->cpu_tid);
		free(h->lost);
		free(h->first_trace);
		free(h->hostname);
		free(h->name);
		free(h);
	}
}
