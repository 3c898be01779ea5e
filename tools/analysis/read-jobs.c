// SPDX-License-Identifier: GPL-2.0-only
/*
 * Trace groups decoded on several threads (--jobs): decoding the events
 * in libbabeltrace2 is most of a large reading's time, and each group
 * (a host's trace, trace-groups.c) is a graph of its own, so groups can
 * be decoded side by side. The model is global and not locked: each
 * thread only turns its group's messages into records (read-rec.h),
 * kept in its group's queue of chunks, and this thread applies them,
 * group 0's as they come, then group 1's (decoded meanwhile), and so
 * on. The model thus sees the very calls in the very order that one
 * thread reading the groups one after the other makes: the report is the
 * same byte for byte, its error lines too.
 *
 * Memory: a group decoded before its turn is held as records (about 100
 * bytes per event) until it is applied; at most as many groups as there
 * are threads are decoded at once.
 */
#include <stdio.h>
#include <string.h>

#include "read-rec.h"

#define CHUNK_RECS	2048
#define RECENT_NAMES	8

struct chunk {
	size_t n;
	struct fl_rec recs[CHUNK_RECS];
};

/* Queued after a group's last chunk: its status and errors are set. */
static struct chunk end_mark;

struct job {
	const struct fl_trace_group *g;
	struct fl_jobs *jobs;
	GAsyncQueue *chunks;		/* struct chunk *, then &end_mark */
	struct chunk *cur;		/* being filled */
	/* The records' strings: babeltrace2's live only with their message. */
	GStringChunk *strings;
	const char *recent[RECENT_NAMES];
	unsigned int next_recent;
	GString *errors;		/* its "Error: " lines */
	int status;			/* 0, or -1 if it could not be read */
};

struct fl_jobs {
	struct job *job;
	size_t n;
	GThreadPool *pool;
	GAsyncQueue *free_chunks;	/* applied, to fill again */
};

/*
 * A copy of s that lives as long as the group's records. Most events
 * repeat the few names of the threads that run most: those are found
 * among the last few, without hashing.
 */
static const char *intern(struct job *j, const char *s)
{
	const char *p;
	unsigned int i;

	if (!s)
		return NULL;
	for (i = 0; i < RECENT_NAMES; i++)
		if (j->recent[i] && !strcmp(j->recent[i], s))
			return j->recent[i];
	p = g_string_chunk_insert_const(j->strings, s);
	j->recent[j->next_recent++ % RECENT_NAMES] = p;
	return p;
}

static void intern_strings(struct job *j, struct fl_rec *r)
{
	struct fl_rec_event *e = &r->u.ev;

	if (r->kind == FL_REC_TRACE) {
		r->u.trace.hostname = intern(j, r->u.trace.hostname);
		return;
	}
	if (r->kind != FL_REC_EVENT)
		return;
	e->procname = intern(j, e->procname);
	if (e->kind == FL_EV_SWITCH) {
		e->u.sw.prev_comm = intern(j, e->u.sw.prev_comm);
		e->u.sw.next_comm = intern(j, e->u.sw.next_comm);
	} else if (e->kind == FL_EV_STATEDUMP) {
		e->u.dump.name = intern(j, e->u.dump.name);
	}
}

static struct chunk *chunk_get(struct fl_jobs *js)
{
	struct chunk *c = g_async_queue_try_pop(js->free_chunks);

	return c ? c : g_malloc(sizeof(*c));
}

/* A decoding thread's fl_emit_fn: the record into its group's queue. */
static void job_emit(void *arg, const struct fl_rec *rec)
{
	struct job *j = arg;
	struct fl_rec *r;

	if (!j->cur) {
		j->cur = chunk_get(j->jobs);
		j->cur->n = 0;
	}
	r = &j->cur->recs[j->cur->n++];
	*r = *rec;
	intern_strings(j, r);
	if (j->cur->n == CHUNK_RECS) {
		g_async_queue_push(j->chunks, j->cur);
		j->cur = NULL;
	}
}

/* On a pool thread: decode group j, its records queued as they come. */
static void job_run(gpointer data, gpointer unused)
{
	struct job *j = data;
	struct fl_source *s = fl_source_fs(j->g, job_emit, j, j->errors);
	enum fl_step st = FL_STEP_ERROR;

	(void)unused;
	if (s) {
		do
			st = fl_source_step(s);
		while (st == FL_STEP_OK || st == FL_STEP_AGAIN);
		fl_source_free(s);
	}
	j->status = st == FL_STEP_END ? 0 : -1;
	if (j->cur)
		g_async_queue_push(j->chunks, j->cur);
	j->cur = NULL;
	g_async_queue_push(j->chunks, &end_mark);
}

/* Every group queued for threads threads, in order: the first come first. */
struct fl_jobs *fl_jobs_start(const struct fl_trace_group *g, size_t n,
			      unsigned int threads)
{
	struct fl_jobs *js = fl_xalloc(sizeof(*js));
	size_t i;

	js->job = fl_xalloc(n * sizeof(*js->job));
	js->n = n;
	js->free_chunks = g_async_queue_new();
	js->pool = g_thread_pool_new(job_run, NULL, (gint)threads, TRUE, NULL);
	if (!js->pool)
		fl_oom();
	for (i = 0; i < n; i++) {
		struct job *j = &js->job[i];

		j->g = &g[i];
		j->jobs = js;
		j->chunks = g_async_queue_new();
		j->strings = g_string_chunk_new(4096);
		j->errors = g_string_new(NULL);
		g_thread_pool_push(js->pool, j, NULL);
	}
	return js;
}

/*
 * Group i's records applied to the model as they come, then its error
 * lines printed, where one thread would have printed them; 0 or -1. Its
 * dt events are added to *dt_events.
 */
int fl_jobs_apply(struct fl_jobs *js, size_t i, uint64_t *dt_events)
{
	struct job *j = &js->job[i];
	struct fl_source_counts c;
	struct fl_apply a;
	struct chunk *ch;
	size_t k;

	fl_apply_init(&a, j->g->dirs[0].dir);
	while ((ch = g_async_queue_pop(j->chunks)) != &end_mark) {
		for (k = 0; k < ch->n; k++)
			fl_apply_rec(&a, &ch->recs[k]);
		g_async_queue_push(js->free_chunks, ch);
	}
	if (j->errors->len) {
		fl_progress_clear();
		fputs(j->errors->str, stderr);
	}
	fl_apply_finish(&a, &c);
	*dt_events += c.dt_events;
	g_string_chunk_free(j->strings);
	j->strings = NULL;
	return j->status;
}

/* After every group was applied: the threads are idle, and end. */
void fl_jobs_end(struct fl_jobs *js)
{
	struct chunk *ch;
	size_t i;

	g_thread_pool_free(js->pool, FALSE, TRUE);
	while ((ch = g_async_queue_try_pop(js->free_chunks)))
		g_free(ch);
	g_async_queue_unref(js->free_chunks);
	for (i = 0; i < js->n; i++) {
		g_async_queue_unref(js->job[i].chunks);
		if (js->job[i].strings)
			g_string_chunk_free(js->job[i].strings);
		g_string_free(js->job[i].errors, TRUE);
	}
	free(js->job);
	free(js);
}
