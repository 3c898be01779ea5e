// SPDX-License-Identifier: GPL-2.0-only
/*
 * Trace reading through libbabeltrace2's C API. A path names a trace
 * (a directory holding "metadata") or a directory holding traces at any
 * depth, like a session's output directory or one directory per host.
 * Each trace (the directories of one trace UUID: a rotated session's
 * chunks, trace-groups.c) is read by its own graph: source.ctf.fs with
 * every directory as an input, filter.utils.muxer (events in time order
 * across the per-CPU streams) and a simple sink of ours that decodes
 * each event, and each loss, into a record (read-rec.h) for the model
 * (read-apply.c), at once or, with several threads, through its group's
 * queue (read-jobs.c). A trace babeltrace2 cannot read is reported with
 * babeltrace2's own causes, and the others are still read.
 * A live session (an lttng-live URL) is the same graph with
 * source.ctf.lttng-live as its source, stepped by its caller (live.c) so
 * that several hosts' sessions are read side by side as data comes.
 */
#include <babeltrace2/babeltrace.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read-rec.h"

#define MEMBER_SLOTS	256

/*
 * Where a member of a structure class is, by class and name: the
 * decoder asks for the same few names of the same few classes for every
 * event, and babeltrace2's lookup by name hashes the name each time (a
 * tenth of the time of a million marks). A slot, found by the class's
 * and the name's addresses, remembers an index. A live session's
 * classes may be freed and others made at their addresses: there the
 * index is used only if that class's member there has the name, so
 * that such a class, or two names in one slot, cost a search, never a
 * wrong field. A trace directory's classes are all made when its graph
 * is, and live as long as it (and its reader): there the slot's class
 * and name addresses are enough, without comparing names (a twentieth
 * of the decoding's instructions). Per reader, so that readers on
 * several threads share nothing.
 */
struct member_slot {
	const bt_field_class *cls;
	const char *name;
	uint64_t index;
};

struct reader {
	const char *what;		/* the trace's directory, for messages */
	fl_emit_fn *emit;		/* where the records go */
	void *emit_arg;
	const bt_trace *trace;
	/* Every trace seen: a live session may carry several. */
	const bt_trace **traces;
	size_t n_traces;
	const bt_packet *packet;
	uint64_t cpu;
	bool have_cpu;
	bool classes_stable;		/* none freed while it reads */
	struct member_slot member_slots[MEMBER_SLOTS];
};

/* CTF 1.8 names may keep their '_' (babeltrace2 2.0 strips it). */
static bool member_is(const bt_field_class *fc, uint64_t i, const char *name)
{
	const char *m = bt_field_class_structure_member_get_name(
		bt_field_class_structure_borrow_member_by_index_const(fc, i));

	return !strcmp(m, name) || (m[0] == '_' && !strcmp(m + 1, name));
}

/* A member by name, NULL if s is no structure or has none of that name. */
static const bt_field *member(struct reader *r, const bt_field *s, const char *name)
{
	const bt_field_class *fc;
	struct member_slot *m;
	uintptr_t h;
	uint64_t i, n;

	if (!s || bt_field_get_class_type(s) != BT_FIELD_CLASS_TYPE_STRUCTURE)
		return NULL;
	fc = bt_field_borrow_class_const(s);
	n = bt_field_class_structure_get_member_count(fc);
	h = ((uintptr_t)fc >> 4) * 31 + ((uintptr_t)name >> 2);
	m = &r->member_slots[(h ^ h >> 8) % MEMBER_SLOTS];
	if (m->cls == fc && m->name == name && m->index < n &&
	    (r->classes_stable || member_is(fc, m->index, name)))
		return bt_field_structure_borrow_member_field_by_index_const(s, m->index);
	for (i = 0; i < n; i++)
		if (member_is(fc, i, name)) {
			m->cls = fc;
			m->name = name;
			m->index = i;
			return bt_field_structure_borrow_member_field_by_index_const(s, i);
		}
	return NULL;
}

static bool int_value(const bt_field *f, int64_t *v)
{
	bt_field_class_type t;

	if (!f)
		return false;
	t = bt_field_get_class_type(f);
	if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_SIGNED_INTEGER))
		*v = bt_field_integer_signed_get_value(f);
	else if (bt_field_class_type_is(t, BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER))
		*v = (int64_t)bt_field_integer_unsigned_get_value(f);
	else
		return false;
	return true;
}

static int64_t int_member(struct reader *r, const bt_field *s, const char *name,
			  int64_t dflt)
{
	int64_t v;

	return int_value(member(r, s, name), &v) ? v : dflt;
}

static const char *str_member(struct reader *r, const bt_field *s, const char *name)
{
	const bt_field *f = member(r, s, name);

	if (!f || bt_field_get_class_type(f) != BT_FIELD_CLASS_TYPE_STRING)
		return NULL;
	return bt_field_string_get_value(f);
}

/*
 * An array of n bytes into out; false if the field is not that. Its
 * elements share one class: checked once, not per byte (two addresses
 * of 16 bytes per mark, a million marks).
 */
static bool bytes_member(struct reader *r, const bt_field *s, const char *name,
			 uint8_t *out, uint64_t n)
{
	const bt_field *f = member(r, s, name);
	uint64_t i;

	if (!f || !bt_field_class_type_is(bt_field_get_class_type(f),
					  BT_FIELD_CLASS_TYPE_ARRAY) ||
	    bt_field_array_get_length(f) != n)
		return false;
	if (!n)
		return true;
	if (!bt_field_class_type_is(bt_field_get_class_type(
			bt_field_array_borrow_element_field_by_index_const(f, 0)),
			BT_FIELD_CLASS_TYPE_UNSIGNED_INTEGER)) {
		int64_t v;

		for (i = 0; i < n; i++) {
			if (!int_value(bt_field_array_borrow_element_field_by_index_const(f, i), &v))
				return false;
			out[i] = (uint8_t)v;
		}
		return true;
	}
	for (i = 0; i < n; i++)
		out[i] = (uint8_t)bt_field_integer_unsigned_get_value(
			bt_field_array_borrow_element_field_by_index_const(f, i));
	return true;
}

/*
 * Whether the trace declares sched_switch: then on-CPU time is known even
 * if no switch was recorded (a thread flagged and cleared while it ran).
 */
static bool declares_sched_switch(const bt_trace *tr)
{
	const bt_trace_class *tc = bt_trace_borrow_class_const(tr);
	const bt_stream_class *sc;
	uint64_t i, j;

	for (i = 0; i < bt_trace_class_get_stream_class_count(tc); i++) {
		sc = bt_trace_class_borrow_stream_class_by_index_const(tc, i);
		for (j = 0; j < bt_stream_class_get_event_class_count(sc); j++) {
			const char *n = bt_event_class_get_name(
				bt_stream_class_borrow_event_class_by_index_const(sc, j));

			if (n && !strcmp(n, "sched_switch"))
				return true;
		}
	}
	return false;
}

/*
 * What names a stream's host: its trace's hostname and its clock's UUID
 * (read-apply.c makes the host of them).
 */
static void stream_host(const bt_stream *st, struct fl_rec_trace *out)
{
	const bt_trace *tr = bt_stream_borrow_trace_const(st);
	const bt_clock_class *cc = bt_stream_class_borrow_default_clock_class_const(
		bt_stream_borrow_class_const(st));
	const bt_value *v;
	bt_uuid uuid = cc ? bt_clock_class_get_uuid(cc) : NULL;

	out->hostname = "(no hostname)";
	v = bt_trace_borrow_environment_entry_value_by_name_const(tr, "hostname");
	if (v && bt_value_is_string(v))
		out->hostname = bt_value_string_get(v);
	out->has_uuid = uuid != NULL;
	if (uuid)
		memcpy(out->clock_uuid, uuid, 16);
}

static void set_trace(struct reader *r, const bt_stream *st)
{
	const bt_trace *tr = bt_stream_borrow_trace_const(st);
	struct fl_rec rec = { .kind = FL_REC_TRACE };
	size_t i;

	if (tr == r->trace)
		return;
	r->trace = tr;
	stream_host(st, &rec.u.trace);
	for (i = 0; i < r->n_traces; i++)
		if (r->traces[i] == tr)
			break;
	rec.u.trace.index = i;
	if (i == r->n_traces) {
		r->traces = realloc(r->traces, (r->n_traces + 1) * sizeof(*r->traces));
		if (!r->traces)
			fl_oom();
		r->traces[r->n_traces++] = tr;
		rec.u.trace.is_new = true;
		rec.u.trace.sched_switch = declares_sched_switch(tr);
	}
	r->emit(r->emit_arg, &rec);
}

static void set_packet(struct reader *r, const bt_event *ev)
{
	const bt_packet *p = bt_event_borrow_packet_const(ev);
	int64_t cpu;

	if (p == r->packet)
		return;
	r->packet = p;
	r->have_cpu = p && int_value(member(r, bt_packet_borrow_context_field_const(p),
					    "cpu_id"), &cpu) && cpu >= 0;
	r->cpu = r->have_cpu ? (uint64_t)cpu : 0;
}

/* The fields every lttng_dt_mark_* event has; false if it lacks them. */
static bool mark_fields(struct reader *r, const bt_field *pl, int ctx_tid,
			struct fl_mark *m)
{
	memset(m, 0, sizeof(*m));
	m->tid = ctx_tid;
	m->key.sport = (uint16_t)int_member(r, pl, "sport", 0);
	m->key.dport = (uint16_t)int_member(r, pl, "dport", 0);
	m->seq = (uint32_t)int_member(r, pl, "seq", 0);
	m->len = (uint32_t)int_member(r, pl, "len", 0);
	return bytes_member(r, pl, "saddr_v6", m->key.saddr, 16) &&
	       bytes_member(r, pl, "daddr_v6", m->key.daddr, 16);
}

static void sched_switch_fields(struct reader *r, const bt_field *pl,
				struct fl_rec_event *e)
{
	e->u.sw.next = (int)int_member(r, pl, "next_tid", -1);
	e->u.sw.prev = (int)int_member(r, pl, "prev_tid", -1);
	/* older layouts have no prev_state */
	e->have_prev_state = int_value(member(r, pl, "prev_state"), &e->u.sw.prev_state);
	e->u.sw.prev_comm = str_member(r, pl, "prev_comm");
	e->u.sw.next_comm = str_member(r, pl, "next_comm");
}

/* The kind of event a name is, for the model. */
static enum fl_ev_kind ev_kind(const char *name)
{
	if (!name)
		return FL_EV_OTHER;
	if (!strncmp(name, "lttng_dt_", 9)) {
		if (!strcmp(name + 9, "flag"))
			return FL_EV_FLAG;
		if (!strcmp(name + 9, "mark_send"))
			return FL_EV_MARK_SEND;
		if (!strcmp(name + 9, "mark_recv"))
			return FL_EV_MARK_RECV;
		if (!strcmp(name + 9, "mark_write"))
			return FL_EV_MARK_WRITE;
		if (!strcmp(name + 9, "mark_read"))
			return FL_EV_MARK_READ;
		return FL_EV_OTHER;
	}
	if (!strcmp(name, "sched_switch"))
		return FL_EV_SWITCH;
	if (!strcmp(name, "sched_wakeup") || !strcmp(name, "sched_waking") ||
	    !strcmp(name, "sched_wakeup_new"))
		return FL_EV_WAKEUP;
	if (!strcmp(name, "lttng_statedump_process_state"))
		return FL_EV_STATEDUMP;
	return FL_EV_OTHER;
}

static void payload_fields(struct reader *r, const bt_field *pl,
			   struct fl_rec_event *e)
{
	switch (e->kind) {
	case FL_EV_FLAG:
		e->u.flag.tid = (int)int_member(r, pl, "tid", -1);
		e->u.flag.pid = (int)int_member(r, pl, "pid", -1);
		e->u.flag.reason = (unsigned int)int_member(r, pl, "reason", -1);
		e->u.flag.on = int_member(r, pl, "on", 0) != 0;
		break;
	case FL_EV_MARK_SEND:
	case FL_EV_MARK_RECV:
	case FL_EV_MARK_WRITE:
	case FL_EV_MARK_READ:
		e->fields_ok = mark_fields(r, pl, e->tid, &e->u.mark);
		break;
	case FL_EV_SWITCH:
		sched_switch_fields(r, pl, e);
		break;
	case FL_EV_WAKEUP:
		e->u.wakeup.tid = (int)int_member(r, pl, "tid", -1);
		break;
	case FL_EV_STATEDUMP:
		e->u.dump.tid = (int)int_member(r, pl, "tid", -1);
		e->u.dump.pid = (int)int_member(r, pl, "pid", -1);
		e->u.dump.name = str_member(r, pl, "name");
		break;
	case FL_EV_OTHER:
		break;
	}
}

static void on_event(struct reader *r, const bt_message *msg)
{
	const bt_event *ev = bt_message_event_borrow_event_const(msg);
	struct fl_rec rec = { .kind = FL_REC_EVENT };
	struct fl_rec_event *e = &rec.u.ev;
	const bt_field *ctx;

	if (bt_clock_snapshot_get_ns_from_origin(
		    bt_message_event_borrow_default_clock_snapshot_const(msg), &e->t))
		return;		/* outside what int64 ns can say */
	set_trace(r, bt_event_borrow_stream_const(ev));
	set_packet(r, ev);
	e->have_cpu = r->have_cpu;
	e->cpu = r->cpu;
	ctx = bt_event_borrow_common_context_field_const(ev);
	e->tid = (int)int_member(r, ctx, "tid", -1);
	if (e->tid > 0) {
		e->pid = (int)int_member(r, ctx, "pid", -1);
		e->procname = str_member(r, ctx, "procname");
	}
	e->kind = ev_kind(bt_event_class_get_name(bt_event_borrow_class_const(ev)));
	payload_fields(r, bt_event_borrow_payload_field_const(ev), e);
	r->emit(r->emit_arg, &rec);
}

static bool snapshot_ns(const bt_clock_snapshot *cs, int64_t *ns)
{
	return cs && !bt_clock_snapshot_get_ns_from_origin(cs, ns);
}

/* When a discarded events or packets message says, what it says. */
static void discarded_range(const bt_message *msg, bool events,
			    int64_t *begin, int64_t *end)
{
	const bt_stream_class *sc = bt_stream_borrow_class_const(events ?
		bt_message_discarded_events_borrow_stream_const(msg) :
		bt_message_discarded_packets_borrow_stream_const(msg));
	bool ok;

	if (events && bt_stream_class_discarded_events_have_default_clock_snapshots(sc))
		ok = snapshot_ns(bt_message_discarded_events_borrow_beginning_default_clock_snapshot_const(msg), begin) &&
		     snapshot_ns(bt_message_discarded_events_borrow_end_default_clock_snapshot_const(msg), end);
	else if (!events && bt_stream_class_discarded_packets_have_default_clock_snapshots(sc))
		ok = snapshot_ns(bt_message_discarded_packets_borrow_beginning_default_clock_snapshot_const(msg), begin) &&
		     snapshot_ns(bt_message_discarded_packets_borrow_end_default_clock_snapshot_const(msg), end);
	else
		ok = false;
	if (!ok) {
		*begin = INT64_MIN;
		*end = INT64_MAX;
	}
}

/*
 * Events or whole packets the tracer had no room for, between two
 * times when the stream says (its packets' begin and end times), else
 * anywhere in the trace. A count of packets says nothing of their
 * events: 0 events, 1 range.
 */
static void on_discarded(struct reader *r, const bt_message *msg)
{
	struct fl_rec rec = { .kind = FL_REC_DISCARDED };
	struct fl_rec_lost *l = &rec.u.lost;

	l->events = bt_message_get_type(msg) == BT_MESSAGE_TYPE_DISCARDED_EVENTS;
	set_trace(r, l->events ? bt_message_discarded_events_borrow_stream_const(msg) :
				 bt_message_discarded_packets_borrow_stream_const(msg));
	discarded_range(msg, l->events, &l->begin, &l->end);
	if (l->events) {
		if (bt_message_discarded_events_get_count(msg, &l->count) !=
		    BT_PROPERTY_AVAILABILITY_AVAILABLE)
			l->count = 0;
	} else {
		if (bt_message_discarded_packets_get_count(msg, &l->count) !=
		    BT_PROPERTY_AVAILABILITY_AVAILABLE)
			l->count = 1;
	}
	r->emit(r->emit_arg, &rec);
}

static bt_graph_simple_sink_component_consume_func_status
sink_consume(bt_message_iterator *it, void *data)
{
	struct reader *r = data;
	bt_message_array_const msgs;
	struct fl_rec progress = { .kind = FL_REC_PROGRESS };
	uint64_t i, n, n_events;

	switch (bt_message_iterator_next(it, &msgs, &n)) {
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_OK:
		break;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_END:
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_END;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_AGAIN:
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_AGAIN;
	case BT_MESSAGE_ITERATOR_NEXT_STATUS_MEMORY_ERROR:
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_MEMORY_ERROR;
	default:
		return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_ERROR;
	}
	for (i = 0, n_events = 0; i < n; i++) {
		switch (bt_message_get_type(msgs[i])) {
		case BT_MESSAGE_TYPE_EVENT:
			on_event(r, msgs[i]);
			n_events++;
			break;
		case BT_MESSAGE_TYPE_DISCARDED_EVENTS:
		case BT_MESSAGE_TYPE_DISCARDED_PACKETS:
			on_discarded(r, msgs[i]);
			break;
		default:
			break;
		}
		bt_message_put_ref(msgs[i]);
	}
	progress.u.n_events = n_events;
	r->emit(r->emit_arg, &progress);
	return BT_GRAPH_SIMPLE_SINK_COMPONENT_CONSUME_FUNC_STATUS_OK;
}

/*
 * An error line of a source's: on stderr, or kept in errors when the
 * source is read on a thread of its own, for the model's thread to print
 * in the order of the traces (read-jobs.c).
 */
static void say(GString *errors, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void say(GString *errors, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (errors) {
		g_string_append_vprintf(errors, fmt, ap);
	} else {
		fl_progress_clear();
		vfprintf(stderr, fmt, ap);
	}
	va_end(ap);
}

static const bt_plugin *load_plugin(const char *name, GString *errors)
{
	const bt_plugin *p = NULL;

	if (bt_plugin_find(name, BT_TRUE, BT_TRUE, BT_TRUE, BT_TRUE, BT_FALSE,
			   &p) != BT_PLUGIN_FIND_STATUS_OK) {
		say(errors, "Error: babeltrace2's \"%s\" plugin not found\n", name);
		return NULL;
	}
	return p;
}

/* The plugins stay loaded until exit: their classes live in them. */
static int load_classes(const char *src_name,
			const bt_component_class_source **src,
			const bt_component_class_filter **mux, GString *errors)
{
	static const bt_plugin *ctf, *utils;

	if ((!ctf && !(ctf = load_plugin("ctf", errors))) ||
	    (!utils && !(utils = load_plugin("utils", errors))))
		return -1;
	*src = bt_plugin_borrow_source_component_class_by_name_const(ctf, src_name);
	*mux = bt_plugin_borrow_filter_component_class_by_name_const(utils, "muxer");
	if (!*src || !*mux) {
		say(errors, "Error: babeltrace2 lacks source.ctf.%s or filter.utils.muxer\n",
		    src_name);
		return -1;
	}
	return 0;
}

/*
 * babeltrace2's causes of the error that made a call of ours fail, the
 * root (index 0) first, one line each: the source's own reason (a
 * metadata syntax error, a truncated packet) is in there, where our
 * components log nothing (BT_LOGGING_LEVEL_NONE).
 */
static void print_bt_causes(GString *errors)
{
	const bt_error *e = bt_current_thread_take_error();
	const bt_error_cause *c;
	uint64_t i, n;

	if (!e)
		return;
	n = bt_error_get_cause_count(e);
	for (i = 0; i < n; i++) {
		c = bt_error_borrow_cause_by_index(e, i);
		say(errors, "  babeltrace2: [%s] %s\n",
		    bt_error_cause_get_module_name(c),
		    bt_error_cause_get_message(c));
	}
	bt_error_release(e);
}

/* source.ctf.SRC_NAME with PARAMS -> filter.utils.muxer -> our sink. */
static bt_graph *make_graph(const char *src_name, const bt_value *params,
			    struct reader *r, GString *errors)
{
	const bt_component_class_source *src_cls;
	const bt_component_class_filter *mux_cls;
	const bt_component_source *src;
	const bt_component_filter *mux;
	const bt_component_sink *sink;
	bt_graph *g;
	uint64_t i;

	if (load_classes(src_name, &src_cls, &mux_cls, errors))
		return NULL;
	g = bt_graph_create(0);
	if (!g)
		return NULL;
	if (bt_graph_add_source_component(g, src_cls, "src", params,
					  BT_LOGGING_LEVEL_NONE, &src) ||
	    bt_graph_add_filter_component(g, mux_cls, "mux", NULL,
					  BT_LOGGING_LEVEL_NONE, &mux) ||
	    bt_graph_add_simple_sink_component(g, "flows", NULL, sink_consume,
					       NULL, r, &sink))
		goto err;
	for (i = 0; i < bt_component_source_get_output_port_count(src); i++)
		if (bt_graph_connect_ports(g,
			bt_component_source_borrow_output_port_by_index_const(src, i),
			bt_component_filter_borrow_input_port_by_index_const(mux, i), NULL))
			goto err;
	if (bt_graph_connect_ports(g,
		bt_component_filter_borrow_output_port_by_index_const(mux, 0),
		bt_component_sink_borrow_input_port_by_index_const(sink, 0), NULL))
		goto err;
	return g;
err:
	bt_graph_put_ref(g);
	return NULL;
}

/*
 * What libbabeltrace2 shares between graphs (the plugins, the component
 * classes, their reference counts, which are not atomic) is touched when
 * a graph is made, first run (its message iterators made) and
 * destroyed: those hold this lock when graphs are read on several
 * threads (read-jobs.c). Reading a graph's messages touches only its own
 * objects.
 */
GMutex fl_bt_lock;

struct fl_source {
	char *what;			/* the path or URL, for messages */
	bt_graph *graph;
	struct reader r;
	struct fl_apply apply;		/* when the records go to the model */
	GString *errors;		/* NULL: stderr */
	bool started;
};

/* params: { inputs: INPUTS, KEY: VALUE } (KEY NULL for none). */
static struct fl_source *source_open(const char *src_name,
				     const char *const *inputs, size_t n,
				     const char *key, const char *value,
				     fl_emit_fn *emit, void *arg, GString *errors)
{
	struct fl_source *s = fl_xalloc(sizeof(*s));
	bt_value *params = bt_value_map_create(), *in;
	size_t i;

	s->what = strdup(inputs[0]);
	if (!s->what)
		fl_oom();
	s->errors = errors;
	s->r.what = s->what;
	fl_apply_init(&s->apply, s->what);
	s->r.classes_stable = !key;	/* source.ctf.fs: no live session */
	s->r.emit = emit ? emit : fl_apply_rec;
	s->r.emit_arg = emit ? arg : &s->apply;
	if (!params || bt_value_map_insert_empty_array_entry(params, "inputs", &in) ||
	    (key && bt_value_map_insert_string_entry(params, key, value)))
		fl_oom();
	for (i = 0; i < n; i++)
		if (bt_value_array_append_string_element(in, inputs[i]))
			fl_oom();
	g_mutex_lock(&fl_bt_lock);
	s->graph = make_graph(src_name, params, &s->r, errors);
	bt_value_put_ref(params);
	g_mutex_unlock(&fl_bt_lock);
	if (!s->graph) {
		say(errors, "Error: %s: cannot read the trace with babeltrace2\n",
		    inputs[0]);
		print_bt_causes(errors);
		fl_source_free(s);
		return NULL;
	}
	return s;
}

/*
 * A live session: babeltrace2 ends its reading when the relay daemon no
 * longer has the session (destroyed), or, with wait, never: it waits for
 * a session of that name to come (again).
 */
struct fl_source *fl_source_live(const char *url, bool wait)
{
	return source_open("lttng-live", &url, 1, "session-not-found-action",
			   wait ? "continue" : "end", NULL, NULL, NULL);
}

/*
 * A trace group, all its directories as one source: its records to
 * emit(arg), or to the model if emit is NULL; its error lines to errors,
 * or stderr if NULL.
 */
struct fl_source *fl_source_fs(const struct fl_trace_group *g, fl_emit_fn *emit,
			       void *arg, GString *errors)
{
	const char **inputs = fl_xalloc(g->n_dirs * sizeof(*inputs));
	struct fl_source *s;
	size_t i;

	for (i = 0; i < g->n_dirs; i++)
		inputs[i] = g->dirs[i].dir;
	s = source_open("fs", inputs, g->n_dirs, NULL, NULL, emit, arg, errors);
	free(inputs);
	return s;
}

static bt_graph_run_once_status run_once(struct fl_source *s)
{
	bt_graph_run_once_status st;

	if (s->started)
		return bt_graph_run_once(s->graph);
	/* the first run makes the graph's message iterators */
	s->started = true;
	g_mutex_lock(&fl_bt_lock);
	st = bt_graph_run_once(s->graph);
	g_mutex_unlock(&fl_bt_lock);
	return st;
}

enum fl_step fl_source_step(struct fl_source *s)
{
	switch (run_once(s)) {
	case BT_GRAPH_RUN_ONCE_STATUS_OK:
		return FL_STEP_OK;
	case BT_GRAPH_RUN_ONCE_STATUS_AGAIN:
		return FL_STEP_AGAIN;
	case BT_GRAPH_RUN_ONCE_STATUS_END:
		return FL_STEP_END;
	default:
		say(s->errors, "Error: %s: babeltrace2 failed to read the trace\n", s->what);
		print_bt_causes(s->errors);
		return FL_STEP_ERROR;
	}
}

/* Its reading is over, its records applied to the model (not a thread's). */
void fl_source_finish(struct fl_source *s, struct fl_source_counts *c)
{
	fl_apply_finish(&s->apply, c);
}

const char *fl_source_name(const struct fl_source *s)
{
	return s->what;
}

void fl_source_free(struct fl_source *s)
{
	if (!s)
		return;
	g_mutex_lock(&fl_bt_lock);
	bt_graph_put_ref(s->graph);
	g_mutex_unlock(&fl_bt_lock);
	free(s->r.traces);
	free(s->what);
	free(s);
}

/*
 * Read one trace, all its directories as one source, on this thread; 0
 * or -1. Its dt events are added to *dt_events. What was read before an
 * error stays in the model, its open intervals ended at the last event
 * read.
 */
static int read_group(const struct fl_trace_group *g, uint64_t *dt_events)
{
	struct fl_source_counts c;
	struct fl_source *s = fl_source_fs(g, NULL, NULL, NULL);
	enum fl_step st;

	if (!s)
		return -1;
	do
		st = fl_source_step(s);
	while (st == FL_STEP_OK || st == FL_STEP_AGAIN);
	fl_source_finish(s, &c);
	*dt_events += c.dt_events;
	fl_source_free(s);
	return st == FL_STEP_END ? 0 : -1;
}

/* The paths of group g's directories had dt_events more lttng-dt events. */
static void credit_paths(const struct fl_trace_group *g, uint64_t dt_events,
			 uint64_t *path_dt, unsigned int *path_traces)
{
	size_t i, j;

	for (i = 0; i < g->n_dirs; i++) {
		for (j = 0; j < i; j++)
			if (g->dirs[j].path == g->dirs[i].path)
				break;
		if (j < i)
			continue;	/* that path has it already */
		path_dt[g->dirs[i].path] += dt_events;
		path_traces[g->dirs[i].path]++;
	}
}

/* A path whose traces were read but hold no lttng-dt event: an error. */
static int check_dt_events(const char *const *paths, size_t n, const bool *bad,
			   const uint64_t *path_dt, const unsigned int *path_traces)
{
	int ret = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (bad[i] || path_dt[i])
			continue;
		fprintf(stderr, "Error: %s: no lttng-dt event (lttng_dt_flag, lttng_dt_mark_send, _recv, _write, _read) in %u trace%s\n",
			paths[i], path_traces[i], path_traces[i] == 1 ? "" : "s");
		ret = -1;
	}
	return ret;
}

static unsigned int read_jobs = 1;

/*
 * How many threads decode trace groups (read-jobs.c); 1: all on this
 * thread, as live sessions are always read.
 */
void fl_read_set_jobs(unsigned int n)
{
	read_jobs = n ? n : 1;
}

/*
 * Read every trace under the paths, the directories of one trace UUID
 * together (a rotated session's chunks); *n_traces is how many traces
 * that made. 0, or -1 after "Error: " messages; the traces that could
 * be read are in the model either way.
 */
int fl_read_paths(const char *const *paths, size_t n, unsigned int *n_traces)
{
	bool *bad = fl_xalloc(n * sizeof(*bad));
	uint64_t *path_dt = fl_xalloc(n * sizeof(*path_dt)), dt;
	unsigned int *path_traces = fl_xalloc(n * sizeof(*path_traces));
	struct fl_trace_group *g;
	size_t n_groups, i, j;
	struct fl_jobs *jobs = NULL;
	int ret = 0;

	n_groups = fl_trace_groups(paths, n, &g, bad);
	for (i = 0; i < n; i++)
		if (bad[i])
			ret = -1;
	if (read_jobs > 1 && n_groups)
		jobs = fl_jobs_start(g, n_groups, MIN(read_jobs, n_groups));
	for (i = 0; i < n_groups; i++) {
		fl_progress_trace(i + 1, n_groups);
		dt = 0;
		if (jobs ? fl_jobs_apply(jobs, i, &dt) : read_group(&g[i], &dt)) {
			ret = -1;
			for (j = 0; j < g[i].n_dirs; j++)
				bad[g[i].dirs[j].path] = true;
		}
		credit_paths(&g[i], dt, path_dt, path_traces);
	}
	if (jobs)
		fl_jobs_end(jobs);
	fl_progress_done();
	fl_discarded_mark();
	if (check_dt_events(paths, n, bad, path_dt, path_traces))
		ret = -1;
	*n_traces = (unsigned int)n_groups;
	fl_trace_groups_free(g, n_groups);
	free(bad);
	free(path_dt);
	free(path_traces);
	return ret;
}

/* Read every trace under path; 0, or -1 after an "Error: " message. */
int fl_read_path(const char *path, unsigned int *n_traces)
{
	return fl_read_paths(&path, 1, n_traces);
}
