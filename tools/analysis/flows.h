/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lttng-dt-flows: what the units share. The model is per host (the
 * trace environment's hostname): its threads (tid, pid, procname, flag
 * intervals, on-CPU time while flagged) and its marked connections; the
 * matching of sends to receipts is across hosts. Times are nanoseconds
 * from the clock's origin (the Unix epoch for LTTng's monotonic clock
 * with its offset).
 *
 * Outside hosts.c and connections.c, the model is walked only through
 * fl_hosts(), fl_host_threads(), fl_host_conns() and fl_hops_foreach():
 * how threads and connections are stored is theirs to change.
 */
#ifndef _LTTNG_DT_FLOWS_H
#define _LTTNG_DT_FLOWS_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum fl_reason { FL_MANUAL, FL_INHERITED, FL_NETWORK, FL_NR_REASONS };

struct fl_interval {
	int64_t begin, end;
	unsigned int reasons;		/* bit per enum fl_reason */
	bool open_at_end;		/* still flagged when the trace ended */
	/* Events of its host were lost between its begin and end (discarded.c). */
	bool uncertain;
};

struct fl_thread {
	int tid, pid;
	char procname[32];
	unsigned int reasons_now, reasons_seen;
	/* The open interval, when reasons_now != 0. */
	int64_t iv_begin;
	unsigned int iv_reasons;
	struct fl_interval *iv;
	size_t n_iv, cap_iv;
	/* On CPU cpu now (last switch in, or an event in its context). */
	bool on_cpu;
	uint64_t cpu;
	int64_t acc_from;		/* on CPU and flagged since */
	int64_t flagged_ns, on_cpu_ns;
};

/*
 * A connection direction: the segments' source and destination. Not the
 * family: a dual-stack socket at one end says AF_INET6 where its IPv4
 * peer says AF_INET; the v4-mapped addresses are the same on both.
 */
struct fl_key {
	uint16_t sport, dport;
	uint8_t saddr[16], daddr[16];	/* IPv4 as v4-mapped IPv6 */
};

struct fl_conn_side {
	uint64_t segments, bytes;
	int64_t first, last;
};

struct fl_conn {
	struct fl_key key;
	struct fl_conn_side sent, received;
	unsigned int key_id;		/* connections.c's number for key */
};

/* Events a host's tracer had no room for, between begin and end. */
struct fl_lost_range {
	int64_t begin, end;
};

/*
 * A host is a hostname and a clock UUID (lttng-modules' is the kernel's
 * boot_id), or a hostname alone for traces whose clock has none. name
 * is the hostname, or "HOSTNAME#N" for the N-th host sharing it.
 */
struct fl_host {
	char *name;
	char *hostname;
	bool has_clock_uuid;
	unsigned char clock_uuid[16];
	char *first_trace;		/* where it was first seen, for messages */
	unsigned int same_hostname;	/* hosts of its hostname, when > 1 */
	unsigned int n_traces;
	int64_t first, last;		/* first and last event */
	uint64_t n_events, n_dt_events, n_sched_switch;
	bool sched_switch_enabled;	/* a trace declares the event */
	GHashTable *threads;		/* tid -> struct fl_thread */
	/* Per CPU: who runs there (-1 unknown), for the trace being read. */
	int *cpu_tid;
	size_t n_cpus;
	/* key id -> struct fl_conn, and the same in first-seen order */
	GHashTable *conns;
	GPtrArray *conn_order;
	/* discarded.c */
	uint64_t events_discarded, packets_discarded;
	struct fl_lost_range *lost;
	size_t n_lost;
	struct fl_host *next;
};

/* hosts.c */
/* The host named name (a hostname, or HOSTNAME#N), made if new. */
struct fl_host *fl_host_get(const char *name);
/*
 * The host of a trace whose environment says hostname and whose clock
 * has clock_uuid (NULL: none), made if new; where names the trace.
 */
struct fl_host *fl_host_get_id(const char *hostname, const unsigned char *clock_uuid,
			       const char *where);
struct fl_host *fl_hosts(void);
struct fl_thread *fl_thread_get(struct fl_host *h, int tid);
/* A thread of a host, as a GLib hash table key (units that keep per-thread data). */
struct fl_host_tid {
	const struct fl_host *h;
	int tid;
};
guint fl_host_tid_hash(gconstpointer k);
gboolean fl_host_tid_equal(gconstpointer a, gconstpointer b);
/* Every thread h knows, by tid, in an array the caller frees. */
size_t fl_host_threads(const struct fl_host *h, struct fl_thread ***out);
void fl_thread_name(struct fl_host *h, int tid, int pid, const char *name);
int *fl_host_cpu(struct fl_host *h, uint64_t cpu);
void fl_hosts_free(void);
void *fl_xalloc(size_t n);
/* huge-pages.c: p's n bytes, not yet written, on huge pages if the kernel will. */
void fl_huge_hint(void *p, size_t n);
void fl_oom(void) __attribute__((noreturn));
const char *fl_reason_name(unsigned int r);

/* flag-intervals.c */
void fl_flag_event(struct fl_host *h, int64_t t, int tid, int pid,
		   unsigned int reason, bool on);
void fl_running(struct fl_host *h, int64_t t, uint64_t cpu, int tid);
void fl_trace_end(struct fl_host *h, int64_t t);

/* connections.c */
struct fl_mark {
	struct fl_key key;
	uint32_t seq, len;
	int tid;			/* the event's context tid, -1 unknown */
};
void fl_conn_mark(struct fl_host *h, int64_t t, const struct fl_mark *m,
		  bool send);
struct fl_match {
	uint64_t sent, received, matched;
	const struct fl_host *send_host, *recv_host;
	int64_t first_delay;		/* receipt - send of the first matched */
	bool have_delay;
};
/* A hash of n bytes, for keys hashed whole (their padding zeroed). */
guint fl_bytes_hash(const void *p, size_t n);
/* GLib hash table functions for struct fl_key. */
guint fl_key_hash(gconstpointer k);
gboolean fl_key_equal(gconstpointer a, gconstpointer b);
void fl_conn_finish(void);
void fl_conn_match(const struct fl_key *k, struct fl_match *out);
/* h's connection directions, first seen first, in an array the caller frees. */
size_t fl_host_conns(const struct fl_host *h, struct fl_conn ***out);
/*
 * A marked segment's receipt matched to its send (the first send of its
 * seq: a retransmit is the same bytes). Times are each host's own clock;
 * tids are the events' context tids (-1 unknown): a send's is the
 * sender's when sent from its system call, a receipt's is whoever ran
 * when the segment arrived, often not its reader.
 */
struct fl_hop {
	const struct fl_host *send_host, *recv_host;
	struct fl_key key;
	uint32_t seq, len;
	int send_tid, recv_tid;
	int64_t sent, received;
};
/* Every hop, after fl_conn_finish(), by key then seq then receipt. */
void fl_hops_foreach(void (*fn)(const struct fl_hop *hop, void *arg), void *arg);
/* With fl_hosts_free(): hosts' connections hold connections.c's key ids. */
void fl_conns_free(void);

/* discarded.c */
void fl_host_discarded(struct fl_host *h, int64_t begin, int64_t end,
		       uint64_t events, uint64_t packets);
/* Mark the intervals of every host that lost events in them uncertain. */
void fl_discarded_mark(void);
/* Whether h lost events between begin and end, after fl_discarded_mark(). */
bool fl_host_lost_between(const struct fl_host *h, int64_t begin, int64_t end);

/* trace-groups.c: trace directories grouped by trace UUID */
struct fl_trace_dir {
	char *dir;
	size_t path;			/* index of the path it was found under */
};
struct fl_trace_group {
	struct fl_trace_dir *dirs;
	size_t n_dirs;
	bool has_uuid;
	unsigned char uuid[16];
};
int fl_uuid_parse(const char *s, size_t len, unsigned char uuid[16]);
void fl_uuid_format(const unsigned char uuid[16], char out[37]);
int fl_trace_uuid(const char *dir, unsigned char uuid[16]);
size_t fl_trace_groups(const char *const *paths, size_t n_paths,
		       struct fl_trace_group **out, bool *bad);
void fl_trace_groups_free(struct fl_trace_group *g, size_t n);

/* progress.c */
void fl_progress_init(bool quiet);
void fl_progress_trace(size_t i, size_t n);
void fl_progress_events(uint64_t n);
void fl_progress_clear(void);		/* before a message on stderr */
void fl_progress_done(void);

/* trace-read.c */
/* Threads that decode the traces of fl_read_paths(); default 1 (none). */
void fl_read_set_jobs(unsigned int n);
int fl_read_path(const char *path, unsigned int *n_traces);
/*
 * Every path's traces; 0, or -1 after "Error: " lines, the traces that
 * could be read being in the model all the same.
 */
int fl_read_paths(const char *const *paths, size_t n, unsigned int *n_traces);
/* One babeltrace2 graph reading a trace or a live session, stepped. */
struct fl_source;
enum fl_step { FL_STEP_OK, FL_STEP_AGAIN, FL_STEP_END, FL_STEP_ERROR };
struct fl_source_counts {
	size_t n_traces;
	uint64_t dt_events;
};
struct fl_source *fl_source_live(const char *url, bool wait);
enum fl_step fl_source_step(struct fl_source *s);
void fl_source_finish(struct fl_source *s, struct fl_source_counts *c);
const char *fl_source_name(const struct fl_source *s);
void fl_source_free(struct fl_source *s);

/* live.c */
bool fl_is_live_url(const char *arg);
struct fl_live_opts {
	unsigned int interval;		/* seconds between two reports */
	bool wait;			/* wait for the sessions to exist */
	void (*report)(void);		/* fl_print_report or fl_print_hosts */
};
int fl_live_run(const char *const *urls, size_t n, const struct fl_live_opts *o);

/* output.c */
void fl_print_hosts(void);
void fl_print_report(void);
void fl_print_addr(const struct fl_key *k, bool src, char *buf, size_t len);

/*
 * thread-states.c: each thread's scheduling state over time, from
 * sched_switch (prev_state), sched_wakeup/sched_waking and the events
 * recorded in its context, to split a flagged interval into time on a
 * CPU, runnable but waiting for one, and blocked.
 */
enum fl_sched { FL_SCHED_UNKNOWN, FL_SCHED_RUNNING, FL_SCHED_RUNNABLE,
		FL_SCHED_BLOCKED };
void fl_sched_set(const struct fl_host *h, int64_t t, int tid, enum fl_sched s);
/* A wakeup makes a blocked (or unknown) thread runnable. */
void fl_sched_wakeup(const struct fl_host *h, int64_t t, int tid);
/* sched_switch's prev_state: runnable (preempted, running) or blocked. */
enum fl_sched fl_sched_from_prev_state(int64_t prev_state);
struct fl_sched_times {
	int64_t on_cpu, runnable, blocked, unknown;
};
void fl_sched_times(const struct fl_host *h, int tid, int64_t begin,
		    int64_t end, struct fl_sched_times *out);
void fl_sched_free(void);

/*
 * clock-offset.c: one time axis. Each host's offset (its clock minus the
 * reference host's) estimated NTP-style from the hops seen both ways,
 * chained to the reference by the path of least error bound; or given
 * (--clock-offset); or none: the trace's own realtime-anchored clock.
 */
enum fl_clock_how { FL_CLOCK_REF, FL_CLOCK_ESTIMATED, FL_CLOCK_GIVEN,
		    FL_CLOCK_TRACE };
struct fl_clock {
	enum fl_clock_how how;
	int64_t offset, bound;		/* ns: axis time = raw - offset */
	const struct fl_host *via;	/* the previous host on its path */
	unsigned int steps;		/* pair estimates chained */
	const char *why;		/* FL_CLOCK_TRACE: why no estimate */
	bool inconsistent;		/* a pair on its path had a bound < 0 */
};
/* "HOST=NS"; -1 after an "Error: " message. */
int fl_clock_give(const char *arg);
/* After fl_conn_finish(); again after more events (live). */
void fl_clock_compute(void);
const struct fl_host *fl_clock_ref(void);
const struct fl_clock *fl_clock_of(const struct fl_host *h);
int64_t fl_axis(const struct fl_host *h, int64_t t);
/* The earliest event of all hosts, on the axis. */
int64_t fl_axis_origin(void);
/* The pair estimate a -> b, if both directions were seen. */
bool fl_clock_pair(const struct fl_host *a, const struct fl_host *b,
		   int64_t *offset, int64_t *bound);
void fl_clock_free(void);

/*
 * spans.c: requests as spans. A span is one thread's flagged interval
 * on one host; a link, marked bytes one span wrote (lttng_dt_mark_write)
 * and another read (lttng_dt_mark_read), matched by connection and
 * sequence range, with the segment's network delay when its send and
 * receipt were matched too. A request is what links reach from a root:
 * a span of a thread flagged by the user. Times in a view are on the
 * common axis (clock-offset.c).
 */
void fl_span_io(const struct fl_host *h, int64_t t, const struct fl_mark *m,
		bool write);
/* An inherited flag set at fork, in the parent's context: parent -> child. */
void fl_span_inherit(const struct fl_host *h, int64_t t, int parent, int child);
/* Who wrote (write) or read the marked bytes of direction k on h. */
struct fl_conn_io {
	int tid;
	uint64_t calls, bytes;
};
/* By tid, in an array the caller frees; 0 if none (or no such events). */
void fl_conn_io_index(void);		/* counted now: fl_conn_io() only reads */
size_t fl_conn_io(const struct fl_host *h, const struct fl_key *k, bool write,
		  struct fl_conn_io **out);

struct fl_span {
	unsigned int id;		/* 1, 2, ... in order of begin */
	const struct fl_host *host;
	int tid, pid;
	const char *procname;		/* "?" if unknown */
	int64_t begin, end;		/* on the axis */
	unsigned int reasons;
	bool open;			/* still flagged when its trace ended */
	struct fl_sched_times times;
	uint64_t bytes_in, bytes_out;	/* marked bytes read and written */
	unsigned int *requests;		/* the requests it serves, ascending */
	size_t n_requests;
	bool shown;			/* passes the filters */
};

struct fl_link {
	const struct fl_span *from, *to;
	struct fl_key key;
	uint32_t seq;			/* the first byte read */
	uint64_t bytes;			/* read by to, written by from */
	int64_t written, read;		/* the first write and read, axis */
	bool have_net;			/* its segment's send and receipt */
	int64_t sent, received;		/* axis */
	bool heuristic;			/* guessed: no mark_write/mark_read */
	bool inherited;			/* a fork, not bytes: no key, no seq */
	bool shown;
};

struct fl_request {
	unsigned int id;
	const struct fl_span *root;
	const struct fl_span **spans;	/* by begin, the root first */
	size_t n_spans;
	bool shown;
};

/* --begin/--end: seconds from the axis origin, or an absolute time. */
struct fl_when {
	bool set, absolute;
	int64_t ns;
};

struct fl_filter {
	struct fl_when begin, end;
	const char **hosts;		/* NULL-terminated, or NULL: all */
	const char **threads;		/* tids or procnames, or NULL: all */
};

struct fl_view {
	int64_t origin;			/* axis time of the first event */
	int64_t begin, end;		/* the time filter on the axis */
	struct fl_span *spans;
	size_t n_spans;
	struct fl_link *links;
	size_t n_links;
	struct fl_request *requests;
	size_t n_requests;
	uint64_t writes, reads;		/* mark_write, mark_read events */
	uint64_t reads_unmatched;	/* no write of theirs found */
	bool heuristic;			/* some links guessed */
};

/* when.c: "SECONDS" from the origin or "YYYY-MM-DD HH:MM:SS[.NS]" UTC; 0 or -1. */
int fl_when_parse(const char *s, struct fl_when *w);

struct fl_view *fl_view_build(const struct fl_filter *f);
/*
 * fl_view_build() in two: what it changes in the model that the
 * per-host sections read (the matching, the losses, the clocks, the
 * writers' counts), then the view, which may be made on another thread
 * while this one prints those sections.
 */
void fl_view_prepare(void);
struct fl_view *fl_view_make(const struct fl_filter *f);
void fl_view_free(struct fl_view *v);
void fl_spans_free(void);

#endif
