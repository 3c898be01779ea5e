/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What trace reading hands the model: one record per babeltrace2
 * message that matters, with the fields the model takes already out of
 * the event (trace-read.c decodes, read-apply.c applies). The split lets
 * several trace groups be decoded on several threads while the model,
 * which is global, is updated by one thread in a fixed order
 * (read-jobs.c): the same records applied in the same order make the
 * same model, whatever the number of threads.
 */
#ifndef _LTTNG_DT_READ_REC_H
#define _LTTNG_DT_READ_REC_H

#include <glib.h>

#include "flows.h"

enum fl_rec_kind {
	FL_REC_TRACE,		/* the events that follow are of another trace */
	FL_REC_EVENT,
	FL_REC_DISCARDED,	/* events or packets the tracer lost */
	FL_REC_PROGRESS,	/* so many events read (the progress line) */
};

/* The events the model looks into; any other one only names its thread. */
enum fl_ev_kind {
	FL_EV_OTHER,
	FL_EV_FLAG,
	FL_EV_MARK_SEND,
	FL_EV_MARK_RECV,
	FL_EV_MARK_WRITE,
	FL_EV_MARK_READ,
	FL_EV_SWITCH,
	FL_EV_WAKEUP,
	FL_EV_STATEDUMP,
};

struct fl_rec_trace {
	size_t index;			/* the reader's n-th trace */
	bool is_new;			/* first seen here */
	bool sched_switch;		/* declares the event */
	bool has_uuid;
	unsigned char clock_uuid[16];
	const char *hostname;
};

struct fl_rec_event {
	int64_t t;
	uint64_t cpu;
	bool have_cpu;
	bool fields_ok;			/* marks: every field there */
	bool have_prev_state;		/* sched_switch */
	enum fl_ev_kind kind;
	/* the context's: -1 (tid, pid) or NULL when it has none */
	int tid, pid;
	const char *procname;
	union {
		struct { int tid, pid; unsigned int reason; bool on; } flag;
		struct fl_mark mark;	/* its tid is the context's */
		struct {
			int prev, next;
			int64_t prev_state;
			const char *prev_comm, *next_comm;
		} sw;
		struct { int tid; } wakeup;
		struct { int tid, pid; const char *name; } dump;
	} u;
};

struct fl_rec_lost {
	bool events;			/* else packets */
	int64_t begin, end;
	uint64_t count;
};

struct fl_rec {
	enum fl_rec_kind kind;
	union {
		struct fl_rec_trace trace;
		struct fl_rec_event ev;
		struct fl_rec_lost lost;
		uint64_t n_events;
	} u;
};

/* Where a decoder hands its records: the model, or a thread's buffer. */
typedef void fl_emit_fn(void *arg, const struct fl_rec *rec);

/* read-apply.c: the model's side of one source, on the model's thread. */
struct fl_apply {
	const char *what;		/* the trace's path, for messages */
	struct fl_host *host;		/* of the current trace */
	int64_t last;			/* the last event's time */
	size_t n_traces;
	uint64_t dt_events;
};
void fl_apply_init(struct fl_apply *a, const char *what);
fl_emit_fn fl_apply_rec;		/* arg: struct fl_apply */
/* The reading is over: what is still open ends at its last event. */
void fl_apply_finish(struct fl_apply *a, struct fl_source_counts *c);

/* trace-read.c: a trace group's source handing its records to emit. */
struct fl_source *fl_source_fs(const struct fl_trace_group *g, fl_emit_fn *emit,
			       void *arg, GString *errors);
/* Serialises what babeltrace2 shares between graphs (read-jobs.c). */
extern GMutex fl_bt_lock;

/* read-jobs.c: the groups decoded on threads, applied here in order. */
struct fl_jobs;
struct fl_jobs *fl_jobs_start(const struct fl_trace_group *g, size_t n,
			      unsigned int threads);
/* Apply group i (after 0 .. i - 1) as its records come; 0 or -1. */
int fl_jobs_apply(struct fl_jobs *j, size_t i, uint64_t *dt_events);
void fl_jobs_end(struct fl_jobs *j);

#endif
