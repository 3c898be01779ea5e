// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt-flows' one time axis and requests as spans, on hand-written
 * three-host traces read through libbabeltrace2: a client (cl) calls a
 * front tier (fe) which calls a back tier (be); each host's clock is off
 * (fe 1 ms ahead of cl, be 2 ms behind), the network is asymmetric, the
 * threads block, wake and get preempted. Checked to the nanosecond: the
 * offsets and bounds, each span's times, bytes and scheduling split, the
 * links and their network delays on the axis; the same traces without
 * lttng_dt_mark_write/read (the guessed links); two requests one thread
 * serves in one interval; the options and the formats: JSON against its
 * schema (python3-jsonschema), the Chrome trace's structure, the SVG
 * rendered to PNG by rsvg-convert; and the bad inputs.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "ctf-fixture/ctf-writer.h"
#include "flows.h"
#include "outputs.h"

static const char metadata_fmt[] =
	"/* CTF 1.8 */\n"
	"typealias integer { size = 8; align = 8; signed = false; } := uint8_t;\n"
	"typealias integer { size = 16; align = 8; signed = false; } := uint16_t;\n"
	"typealias integer { size = 32; align = 8; signed = false; } := uint32_t;\n"
	"typealias integer { size = 64; align = 8; signed = false; } := uint64_t;\n"
	"typealias integer { size = 32; align = 8; signed = true; } := int32_t;\n"
	"typealias integer { size = 64; align = 8; signed = true; } := int64_t;\n"
	"trace { major = 1; minor = 8; byte_order = le;\n"
	"  packet.header := struct { uint32_t magic; uint32_t stream_id; }; };\n"
	"env { hostname = \"%s\"; domain = \"kernel\"; };\n"
	"clock { name = \"monotonic\"; freq = 1000000000; offset_s = 1700000000; };\n"
	"typealias integer { size = 64; align = 8; signed = false;\n"
	"  map = clock.monotonic.value; } := uint64_clock_monotonic_t;\n"
	"stream { id = 0;\n"
	"  packet.context := struct { uint64_t content_size; uint64_t packet_size;\n"
	"    uint32_t cpu_id; };\n"
	"  event.header := struct { uint32_t id; uint64_clock_monotonic_t timestamp; };\n"
	"  event.context := struct { int32_t _tid; int32_t _pid; string _procname; }; };\n"
	"event { name = \"lttng_dt_flag\"; id = 0; stream_id = 0; fields := struct {\n"
	"  int32_t _tid; int32_t _pid;\n"
	"  enum : uint8_t { \"manual\" = 0, \"inherited\" = 1, \"network\" = 2 } _reason;\n"
	"  uint8_t _on; }; };\n"
	"event { name = \"sched_switch\"; id = 1; stream_id = 0; fields := struct {\n"
	"  string _prev_comm; int32_t _prev_tid; int64_t _prev_state;\n"
	"  string _next_comm; int32_t _next_tid; }; };\n"
	"event { name = \"lttng_dt_mark_send\"; id = 2; stream_id = 0; fields := struct {%s}; };\n"
	"event { name = \"lttng_dt_mark_recv\"; id = 3; stream_id = 0; fields := struct {%s}; };\n"
	"event { name = \"lttng_dt_mark_write\"; id = 4; stream_id = 0; fields := struct {%s}; };\n"
	"event { name = \"lttng_dt_mark_read\"; id = 5; stream_id = 0; fields := struct {%s}; };\n"
	"event { name = \"sched_wakeup\"; id = 6; stream_id = 0; fields := struct {\n"
	"  string _comm; int32_t _tid; int32_t _prio; int32_t _target_cpu; }; };\n"
	"event { name = \"sched_waking\"; id = 7; stream_id = 0; fields := struct {\n"
	"  string _comm; int32_t _tid; int32_t _prio; int32_t _target_cpu; }; };\n";

static const char mark_fields[] =
	" uint16_t _family; uint16_t _sport; uint16_t _dport;"
	" uint8_t _saddr[4]; uint8_t _daddr[4]; uint8_t _saddr_v6[16];"
	" uint8_t _daddr_v6[16]; uint32_t _seq; uint32_t _len; ";

enum { EV_FLAG, EV_SWITCH, EV_SEND, EV_RECV, EV_WRITE, EV_READ, EV_WAKEUP,
       EV_WAKING };

/* A host's trace as it is written: its clock's error from the true time. */
struct host {
	struct ctf_buf *b;
	const char *comm;	/* its threads' name */
	int64_t clock;
	bool io;		/* record mark_write/mark_read */
};

/* True times start here, so that be's clock (2 ms behind) stays > 0. */
#define T0	10000000LL

static void header(struct host *h, uint32_t id, int64_t t, int tid)
{
	ctf_u32(h->b, id);
	ctf_u64(h->b, (uint64_t)(T0 + t + h->clock));
	ctf_u32(h->b, (uint32_t)tid);
	ctf_u32(h->b, (uint32_t)tid);
	ctf_string(h->b, tid ? h->comm : "swapper/0");
}

/* tid's flag, recorded in ctx's context (a fork: the parent's). */
static void flag_ctx(struct host *h, int64_t t, int ctx, int tid,
		     unsigned int reason, int on)
{
	header(h, EV_FLAG, t, ctx);
	ctf_u32(h->b, (uint32_t)tid);
	ctf_u32(h->b, (uint32_t)tid);
	ctf_u8(h->b, (uint8_t)reason);
	ctf_u8(h->b, (uint8_t)on);
}

static void flag(struct host *h, int64_t t, int tid, unsigned int reason, int on)
{
	flag_ctx(h, t, tid, tid, reason, on);
}

static void sw(struct host *h, int64_t t, int prev, int64_t prev_state, int next,
	       const char *next_comm)
{
	header(h, EV_SWITCH, t, prev);
	ctf_string(h->b, prev ? h->comm : "swapper/0");
	ctf_u32(h->b, (uint32_t)prev);
	ctf_u64(h->b, (uint64_t)prev_state);
	ctf_string(h->b, next_comm);
	ctf_u32(h->b, (uint32_t)next);
}

static void wake(struct host *h, uint32_t id, int64_t t, int tid)
{
	header(h, id, t, 0);
	ctf_string(h->b, "woken");
	ctf_u32(h->b, (uint32_t)tid);
	ctf_u32(h->b, 120);
	ctf_u32(h->b, 0);
}

/* A connection direction: 10.0.S.s:sport -> 10.0.D.d:dport. */
struct conn {
	uint8_t s[4], d[4];
	uint16_t sport, dport;
};

static const struct conn c1 = { { 10, 0, 0, 1 }, { 10, 0, 0, 2 }, 5000, 80 };
static const struct conn c2 = { { 10, 0, 0, 2 }, { 10, 0, 0, 1 }, 80, 5000 };
static const struct conn c3 = { { 10, 0, 1, 1 }, { 10, 0, 1, 2 }, 6000, 7000 };
static const struct conn c4 = { { 10, 0, 1, 2 }, { 10, 0, 1, 1 }, 7000, 6000 };

static void mark(struct host *h, uint32_t id, int64_t t, int tid,
		 const struct conn *c, uint32_t seq, uint32_t len)
{
	uint8_t s6[16] = { [10] = 0xff, [11] = 0xff }, d6[16];

	if ((id == EV_WRITE || id == EV_READ) && !h->io)
		return;
	memcpy(d6, s6, sizeof(d6));
	memcpy(s6 + 12, c->s, 4);
	memcpy(d6 + 12, c->d, 4);
	header(h, id, t, tid);
	ctf_u16(h->b, 2);
	ctf_u16(h->b, c->sport);
	ctf_u16(h->b, c->dport);
	ctf_bytes(h->b, c->s, 4);
	ctf_bytes(h->b, c->d, 4);
	ctf_bytes(h->b, s6, 16);
	ctf_bytes(h->b, d6, 16);
	ctf_u32(h->b, seq);
	ctf_u32(h->b, len);
}

static void write_trace(const char *dir, const char *name, const struct ctf_buf *ev)
{
	struct ctf_buf *p = calloc(1, sizeof(*p));
	char *meta, path[256];
	int n;

	assert_non_null(p);
	snprintf(path, sizeof(path), "%s/trace/%s", dir, name);
	assert_int_equal(mkdir(path, 0755), 0);
	n = asprintf(&meta, metadata_fmt, name, mark_fields, mark_fields, mark_fields,
		     mark_fields);
	assert_true(n > 0);
	snprintf(path, sizeof(path), "trace/%s/metadata", name);
	assert_int_equal(ctf_write_file(dir, path, meta, (size_t)n), 0);
	free(meta);
	ctf_u32(p, 0xC1FC1FC1u);
	ctf_u32(p, 0);
	ctf_u64(p, (8 + 20 + ev->len) * 8);
	ctf_u64(p, (8 + 20 + ev->len) * 8);
	ctf_u32(p, 0);
	ctf_bytes(p, ev->data, ev->len);
	snprintf(path, sizeof(path), "trace/%s/stream_0", name);
	assert_int_equal(ctf_write_file(dir, path, p->data, p->len), 0);
	free(p);
}

/*
 * True times (ns from T0). Client 100 on cl, manual 1000-12000: writes
 * the request (c1, seq 1000, 100 B) at 2000, sent at 2100, blocks at
 * 3000; the reply arrives at 10000, wakes it at 10100, it runs at 10600,
 * reads it at 11000. Front 200 on fe: the request arrives at 2400 (300
 * ns on the wire), read (network flag) at 3000; calls be (c3, seq 7000,
 * 40 B) at 4000/4100, blocks at 4500; be's reply arrives at 8400, waking
 * 8600, wakeup 8700, runs 8900, reads 9000, replies (c2, seq 5000, 50 B)
 * at 9400/9500 (500 ns on the wire), flag cleared 10400. Back 300 on
 * be: reads at 4500 (200 ns on the wire), preempted 6000-6500, replies
 * (c4, seq 9000, 20 B) at 8000/8100 (300 ns), flag cleared 9000.
 */
static void client(struct host *h)
{
	sw(h, 0, 0, 0, 100, "client");
	flag(h, 1000, 100, FL_MANUAL, 1);
	mark(h, EV_WRITE, 2000, 100, &c1, 1000, 100);
	mark(h, EV_SEND, 2100, 100, &c1, 1000, 100);
	sw(h, 3000, 100, 1, 0, "swapper/0");
	mark(h, EV_RECV, 10000, 0, &c2, 5000, 50);
	wake(h, EV_WAKEUP, 10100, 100);
	sw(h, 10600, 0, 0, 100, "client");
	mark(h, EV_READ, 11000, 100, &c2, 5000, 50);
	flag(h, 12000, 100, FL_MANUAL, 0);
	sw(h, 13000, 100, 0, 0, "swapper/0");
}

static void front(struct host *h)
{
	mark(h, EV_RECV, 2400, 0, &c1, 1000, 100);
	wake(h, EV_WAKEUP, 2500, 200);
	sw(h, 2800, 0, 0, 200, "front");
	mark(h, EV_READ, 3000, 200, &c1, 1000, 100);
	flag(h, 3000, 200, FL_NETWORK, 1);
	mark(h, EV_WRITE, 4000, 200, &c3, 7000, 40);
	mark(h, EV_SEND, 4100, 200, &c3, 7000, 40);
	sw(h, 4500, 200, 1, 0, "swapper/0");
	mark(h, EV_RECV, 8400, 0, &c4, 9000, 20);
	wake(h, EV_WAKING, 8600, 200);
	wake(h, EV_WAKEUP, 8700, 200);
	sw(h, 8900, 0, 0, 200, "front");
	mark(h, EV_READ, 9000, 200, &c4, 9000, 20);
	mark(h, EV_WRITE, 9400, 200, &c2, 5000, 50);
	mark(h, EV_SEND, 9500, 200, &c2, 5000, 50);
	flag(h, 10400, 200, FL_NETWORK, 0);
	sw(h, 10900, 200, 0, 0, "swapper/0");
}

static void back(struct host *h)
{
	mark(h, EV_RECV, 4300, 0, &c3, 7000, 40);
	wake(h, EV_WAKING, 4350, 300);
	sw(h, 4400, 0, 0, 300, "back");
	mark(h, EV_READ, 4500, 300, &c3, 7000, 40);
	flag(h, 4500, 300, FL_NETWORK, 1);
	sw(h, 6000, 300, 0x100, 0, "swapper/0");	/* preempted */
	sw(h, 6500, 0, 0, 300, "back");
	mark(h, EV_WRITE, 8000, 300, &c4, 9000, 20);
	mark(h, EV_SEND, 8100, 300, &c4, 9000, 20);
	flag(h, 9000, 300, FL_NETWORK, 0);
	sw(h, 9500, 300, 1, 0, "swapper/0");
}

static char *make_chain(bool io)
{
	struct host h = { .b = calloc(1, sizeof(struct ctf_buf)), .io = io };
	char *dir = ctf_make_dir();

	assert_non_null(dir);
	assert_non_null(h.b);
	h.comm = "client";
	client(&h);
	write_trace(dir, "cl", h.b);
	memset(h.b, 0, sizeof(*h.b));
	h.clock = 1000000;
	h.comm = "front";
	front(&h);
	write_trace(dir, "fe", h.b);
	memset(h.b, 0, sizeof(*h.b));
	h.clock = -2000000;
	h.comm = "back";
	back(&h);
	write_trace(dir, "be", h.b);
	free(h.b);
	return dir;
}

/* FLOWS_SPANS_KEEP=1 keeps the traces, to run the command on them by hand. */
static void remove_dir(char *dir)
{
	if (dir && getenv("FLOWS_SPANS_KEEP")) {
		fprintf(stderr, "# kept %s/trace\n", dir);
		free(dir);
		return;
	}
	ctf_remove_dir(dir);
}

static void read_dir(const char *dir)
{
	char path[4096];
	unsigned int n;

	snprintf(path, sizeof(path), "%s/trace", dir);
	assert_int_equal(fl_read_path(path, &n), 0);
}

static void free_all(char *dir)
{
	fl_spans_free();
	fl_sched_free();
	fl_clock_free();
	fl_conns_free();
	fl_hosts_free();
	remove_dir(dir);
}

static void check_span(const struct fl_span *s, const char *host, int tid,
		       int64_t b, int64_t e, int64_t cpu, int64_t runnable,
		       int64_t blocked, uint64_t in, uint64_t out)
{
	assert_string_equal(s->host->name, host);
	assert_int_equal(s->tid, tid);
	assert_int_equal(s->begin, b);
	assert_int_equal(s->end, e);
	assert_int_equal(s->times.on_cpu, cpu);
	assert_int_equal(s->times.runnable, runnable);
	assert_int_equal(s->times.blocked, blocked);
	assert_int_equal(s->times.unknown, 0);
	assert_int_equal(s->bytes_in, in);
	assert_int_equal(s->bytes_out, out);
}

static const struct fl_link *link_of(const struct fl_view *v, unsigned int from,
				     unsigned int to)
{
	size_t i;

	for (i = 0; i < v->n_links; i++)
		if (v->links[i].from->id == from && v->links[i].to->id == to)
			return &v->links[i];
	fail_msg("no link %u -> %u", from, to);
	return NULL;
}

static void check_link(const struct fl_view *v, unsigned int from, unsigned int to,
		       uint32_t seq, uint64_t bytes, int64_t w, int64_t s,
		       int64_t r, int64_t rd)
{
	const struct fl_link *l = link_of(v, from, to);

	assert_int_equal(l->seq, seq);
	assert_int_equal(l->bytes, bytes);
	assert_int_equal(l->written - v->origin, w);
	assert_true(l->have_net);
	assert_int_equal(l->sent - v->origin, s);
	assert_int_equal(l->received - v->origin, r);
	assert_int_equal(l->read - v->origin, rd);
	assert_false(l->heuristic);
}

/*
 * The estimates: cl->fe min 1000300, fe->cl min -999500: fe ahead of cl
 * by 999900 +/- 400 (truly 1000000). fe->be -2999800, be->fe 3000300:
 * be's offset from fe -3000050 +/- 250 (truly -3000000). fe has two
 * pairs: the reference. On its axis, a cl time t is t + 999900 (from
 * T0), fe's t + 1000000, be's t + 1000050; the origin is cl's first
 * event: relative times are cl t, fe t + 100, be t + 150.
 */
static void clocks(void **state)
{
	char *dir = make_chain(true);
	const struct fl_clock *c;
	struct fl_view *v;

	(void)state;
	read_dir(dir);
	v = fl_view_build(NULL);
	assert_string_equal(fl_clock_ref()->name, "fe");
	c = fl_clock_of(fl_host_get("fe"));
	assert_int_equal(c->how, FL_CLOCK_REF);
	c = fl_clock_of(fl_host_get("cl"));
	assert_int_equal(c->how, FL_CLOCK_ESTIMATED);
	assert_int_equal(c->offset, -999900);
	assert_int_equal(c->bound, 400);
	assert_string_equal(c->via->name, "fe");
	c = fl_clock_of(fl_host_get("be"));
	assert_int_equal(c->how, FL_CLOCK_ESTIMATED);
	assert_int_equal(c->offset, -3000050);
	assert_int_equal(c->bound, 250);
	assert_int_equal(v->origin, 1700000000LL * 1000000000LL + T0 + 999900);
	fl_view_free(v);
	free_all(dir);
}

static void spans(void **state)
{
	char *dir = make_chain(true);
	struct fl_view *v;
	int64_t o;

	(void)state;
	read_dir(dir);
	v = fl_view_build(NULL);
	o = v->origin;
	assert_int_equal(v->n_spans, 3);
	check_span(&v->spans[0], "cl", 100, o + 1000, o + 12000, 3400, 500, 7100, 50, 100);
	check_span(&v->spans[1], "fe", 200, o + 3100, o + 10500, 3000, 300, 4100, 120, 90);
	check_span(&v->spans[2], "be", 300, o + 4650, o + 9150, 4000, 500, 0, 40, 20);
	assert_int_equal(v->n_links, 4);
	/* delays: the true 300, 200, 300, 500 plus the estimates' errors */
	check_link(v, 1, 2, 1000, 100, 2000, 2100, 2500, 3100);
	check_link(v, 2, 3, 7000, 40, 4100, 4200, 4450, 4650);
	check_link(v, 3, 2, 9000, 20, 8150, 8250, 8500, 9100);
	check_link(v, 2, 1, 5000, 50, 9500, 9600, 10000, 11000);
	assert_int_equal(v->n_requests, 1);
	assert_int_equal(v->requests[0].root->id, 1);
	assert_int_equal(v->requests[0].n_spans, 3);
	assert_int_equal(v->spans[1].n_requests, 1);
	assert_int_equal(v->spans[2].requests[0], 1);
	assert_int_equal(v->reads, 4);
	assert_int_equal(v->writes, 4);
	assert_int_equal(v->reads_unmatched, 0);
	assert_false(v->heuristic);
	fl_view_free(v);
	free_all(dir);
}

/*
 * The same traces without mark_write/mark_read: fe's span is linked to
 * the segment it received last before its flag (c1 at 2400, sent by 100
 * at 2100), be's likewise (c3); marked guessed.
 */
static void guessed(void **state)
{
	char *dir = make_chain(false);
	const struct fl_link *l;
	struct fl_view *v;

	(void)state;
	read_dir(dir);
	v = fl_view_build(NULL);
	assert_true(v->heuristic);
	assert_int_equal(v->n_links, 2);
	l = link_of(v, 1, 2);
	assert_true(l->heuristic);
	assert_int_equal(l->sent - v->origin, 2100);
	assert_int_equal(l->received - v->origin, 2500);
	l = link_of(v, 2, 3);
	assert_true(l->heuristic);
	assert_int_equal(v->requests[0].n_spans, 3);
	assert_int_equal(v->spans[0].bytes_out, 0);
	fl_view_free(v);
	free_all(dir);
}

/* needle in out, or a failure that shows out. */
static void expect(const char *out, const char *needle)
{
	if (strstr(out, needle))
		return;
	fprintf(stderr, "# not found:\n%s\n# in:\n%s", needle, out);
	fail();
}

/*
 * Clients 10 and 11 (two requests) both write to server 20, which reads
 * both within one flagged interval: it serves both, not kept apart. 10
 * forks 12, flagged inherited: in 10's request. One host, one clock: no
 * offset.
 */
static void shared(void **state)
{
	struct host h = { .b = calloc(1, sizeof(struct ctf_buf)), .io = true,
			  .comm = "worker" };
	char *dir = ctf_make_dir(), *text;
	FILE *f, *saved = stdout;
	struct fl_view *v;
	size_t len;

	(void)state;
	assert_non_null(h.b);
	flag(&h, 100, 10, FL_MANUAL, 1);
	flag(&h, 150, 11, FL_MANUAL, 1);
	flag_ctx(&h, 160, 10, 12, FL_INHERITED, 1);	/* 10 forks 12 */
	mark(&h, EV_WRITE, 200, 10, &c1, 1, 10);
	mark(&h, EV_WRITE, 250, 11, &c3, 1, 10);
	mark(&h, EV_READ, 300, 20, &c1, 1, 10);
	flag(&h, 300, 20, FL_NETWORK, 1);
	mark(&h, EV_READ, 400, 20, &c3, 1, 10);
	flag(&h, 500, 20, FL_NETWORK, 0);
	flag(&h, 600, 10, FL_MANUAL, 0);
	flag(&h, 700, 11, FL_MANUAL, 0);
	flag(&h, 800, 12, FL_INHERITED, 0);
	write_trace(dir, "hs", h.b);
	free(h.b);
	read_dir(dir);
	v = fl_view_build(NULL);
	assert_int_equal(v->n_requests, 2);
	assert_int_equal(v->spans[3].tid, 20);
	assert_int_equal(v->spans[3].n_requests, 2);
	/* the child is in its parent's request only */
	assert_int_equal(v->spans[2].tid, 12);
	assert_int_equal(v->spans[2].n_requests, 1);
	assert_int_equal(v->spans[2].requests[0], 1);
	assert_int_equal(v->requests[0].n_spans, 3);
	assert_int_equal(fl_clock_of(fl_host_get("hs"))->how, FL_CLOCK_REF);
	f = open_memstream(&text, &len);
	assert_non_null(f);
	stdout = f;
	fl_out_text(v);
	stdout = saved;
	fclose(f);
	expect(text, "Not kept apart: span 4 hs thread 20 worker serves "
	       "requests 1 and 2 in one flagged interval\n");
	expect(text, "      -> span 3 hs thread 12 worker: forked at +0.000000060 "
	       "(flag inherited)\n");
	expect(text, "  hs: reference\n");
	free(text);
	fl_view_free(v);
	free_all(dir);
}

/*
 * One host (network namespaces), no mark_write/mark_read: 10, tracked,
 * sends a marked segment that arrives at 300 while its own reply came
 * at 250; 20 is flagged by it at 350: guessed from 10, not from 20's
 * own segment.
 */
static void guessed_one_host(void **state)
{
	struct host h = { .b = calloc(1, sizeof(struct ctf_buf)), .comm = "w" };
	char *dir = ctf_make_dir();
	const struct fl_link *l;
	struct fl_view *v;

	(void)state;
	assert_non_null(h.b);
	flag(&h, 100, 10, FL_MANUAL, 1);
	flag(&h, 120, 20, FL_MANUAL, 1);
	flag(&h, 130, 20, FL_MANUAL, 0);
	mark(&h, EV_SEND, 200, 10, &c1, 1, 10);
	mark(&h, EV_SEND, 210, 20, &c2, 1, 10);
	mark(&h, EV_RECV, 250, 0, &c2, 1, 10);
	mark(&h, EV_RECV, 300, 0, &c1, 1, 10);
	mark(&h, EV_SEND, 310, 20, &c2, 11, 10);
	mark(&h, EV_RECV, 320, 0, &c2, 11, 10);
	flag(&h, 350, 20, FL_NETWORK, 1);
	flag(&h, 500, 20, FL_NETWORK, 0);
	flag(&h, 600, 10, FL_MANUAL, 0);
	write_trace(dir, "hn", h.b);
	free(h.b);
	read_dir(dir);
	v = fl_view_build(NULL);
	assert_int_equal(v->n_spans, 3);
	assert_int_equal(v->n_links, 1);
	l = &v->links[0];
	assert_true(l->heuristic);
	assert_int_equal(l->from->tid, 10);
	assert_int_equal(l->to->tid, 20);
	assert_int_equal(l->to->reasons, 1u << FL_NETWORK);
	assert_int_equal(l->received - v->origin, 200);
	fl_view_free(v);
	free_all(dir);
}

/*
 * A thread's states: running 100, blocked 300, woken 500, running 600;
 * then, from a second trace of the host, runnable at 200 (in its place).
 * And prev_state's reading: 0 and preemptions runnable, sleeps blocked.
 */
static void states(void **state)
{
	struct fl_host *h = fl_host_get("st");
	struct fl_sched_times t;

	(void)state;
	fl_sched_set(h, 100, 5, FL_SCHED_RUNNING);
	fl_sched_set(h, 300, 5, FL_SCHED_BLOCKED);
	fl_sched_wakeup(h, 500, 5);
	fl_sched_wakeup(h, 550, 5);		/* sched_wakeup after sched_waking */
	fl_sched_set(h, 600, 5, FL_SCHED_RUNNING);
	fl_sched_set(h, 200, 5, FL_SCHED_RUNNABLE);
	fl_sched_times(h, 5, 100, 700, &t);
	assert_int_equal(t.on_cpu, 100 + 100);
	assert_int_equal(t.runnable, 100 + 100);
	assert_int_equal(t.blocked, 200);
	assert_int_equal(t.unknown, 0);
	fl_sched_times(h, 5, 50, 150, &t);
	assert_int_equal(t.unknown, 50);
	assert_int_equal(t.on_cpu, 50);
	fl_sched_times(h, 6, 50, 150, &t);	/* never seen */
	assert_int_equal(t.unknown, 100);
	assert_int_equal(fl_sched_from_prev_state(0), FL_SCHED_RUNNABLE);
	assert_int_equal(fl_sched_from_prev_state(1), FL_SCHED_BLOCKED);
	assert_int_equal(fl_sched_from_prev_state(2), FL_SCHED_BLOCKED);
	assert_int_equal(fl_sched_from_prev_state(0x80), FL_SCHED_BLOCKED);
	assert_int_equal(fl_sched_from_prev_state(0x100), FL_SCHED_RUNNABLE);
	fl_sched_free();
	fl_hosts_free();
}

/* --- clocks from the model alone ---------------------------------------- */

/* One segment from -> to on key (sport), sent at true time t, delay d. */
static void hop(struct fl_host *from, struct fl_host *to, uint16_t sport,
		int64_t t, int64_t d, int64_t clock_from, int64_t clock_to)
{
	struct fl_mark m = { .key = { .sport = sport, .dport = 1 }, .seq = (uint32_t)t,
			     .len = 1 };

	fl_conn_mark(from, t + clock_from, &m, true);
	fl_conn_mark(to, t + d + clock_to, &m, false);
}

/*
 * h1 - h2 - h3 - h4 in a line, both ways, 50 ns each way; clocks h1
 * +100, h2 0, h3 +1000, h4 +5000. h2 and h3 have two pairs: h2, the
 * first name, is the reference; h4 is two pairs away, through h3, its
 * bound the sum. Then h3 given 1010: h4 chains from it.
 */
static void clock_chain(void **state)
{
	struct fl_host *h1 = fl_host_get("h1"), *h2 = fl_host_get("h2");
	struct fl_host *h3 = fl_host_get("h3"), *h4 = fl_host_get("h4");
	const struct fl_clock *c;
	struct fl_view *v;

	(void)state;
	hop(h1, h2, 10, 1000, 50, 100, 0);
	hop(h2, h1, 11, 2000, 50, 0, 100);
	hop(h2, h3, 12, 3000, 50, 0, 1000);
	hop(h3, h2, 13, 4000, 50, 1000, 0);
	hop(h3, h4, 14, 5000, 50, 1000, 5000);
	hop(h4, h3, 15, 6000, 50, 5000, 1000);
	v = fl_view_build(NULL);
	assert_string_equal(fl_clock_ref()->name, "h2");
	c = fl_clock_of(h1);
	assert_int_equal(c->offset, 100);
	assert_int_equal(c->bound, 50);
	c = fl_clock_of(h4);
	assert_int_equal(c->how, FL_CLOCK_ESTIMATED);
	assert_int_equal(c->offset, 5000);
	assert_int_equal(c->bound, 100);
	assert_int_equal(c->steps, 2);
	assert_string_equal(c->via->name, "h3");
	fl_view_free(v);
	assert_int_equal(fl_clock_give("h3=1010"), 0);
	v = fl_view_build(NULL);
	c = fl_clock_of(h3);
	assert_int_equal(c->how, FL_CLOCK_GIVEN);
	assert_int_equal(c->offset, 1010);
	assert_int_equal(c->bound, 0);
	c = fl_clock_of(h4);
	assert_int_equal(c->offset, 5010);
	assert_int_equal(c->bound, 50);
	assert_int_equal(c->steps, 1);
	fl_view_free(v);
	fl_clock_free();
	fl_conns_free();
	fl_hosts_free();
}

/* Receipts "before" their sends both ways: the pair is inconsistent. */
static void clock_inconsistent(void **state)
{
	struct fl_host *a = fl_host_get("a"), *b = fl_host_get("b");
	const struct fl_clock *c;
	struct fl_view *v;

	(void)state;
	hop(a, b, 10, 1000, -100, 0, 0);
	hop(b, a, 11, 2000, -300, 0, 0);
	v = fl_view_build(NULL);
	c = fl_clock_of(b);
	assert_int_equal(c->how, FL_CLOCK_ESTIMATED);
	assert_int_equal(c->offset, 100);
	assert_int_equal(c->bound, 0);
	assert_true(c->inconsistent);
	assert_false(fl_clock_of(a)->inconsistent);
	fl_view_free(v);
	fl_clock_free();
	fl_conns_free();
	fl_hosts_free();
}

/*
 * a sends to b, b never to a: no estimate, both keep their trace's
 * clock, and the report says why; c matched nothing at all.
 */
static void clock_fallback(void **state)
{
	struct fl_host *a = fl_host_get("a"), *b = fl_host_get("b");
	struct fl_host *c = fl_host_get("c");
	FILE *f, *saved = stdout;
	struct fl_view *v;
	char *text;
	size_t len;

	(void)state;
	a->first = b->first = c->first = 1000;
	a->last = b->last = c->last = 9000;
	hop(a, b, 10, 1000, 50, 0, 7000);
	v = fl_view_build(NULL);
	assert_string_equal(fl_clock_ref()->name, "a");
	assert_int_equal(fl_clock_of(b)->how, FL_CLOCK_TRACE);
	assert_int_equal(fl_clock_of(b)->offset, 0);
	assert_int_equal(fl_clock_of(c)->how, FL_CLOCK_TRACE);
	f = open_memstream(&text, &len);
	assert_non_null(f);
	stdout = f;
	fl_print_report();
	stdout = saved;
	fclose(f);
	expect(text, "  b: no estimate (marked segments matched in one direction only): "
	       "its trace's own clock, realtime-anchored (right if the hosts' clocks "
	       "are synchronised, as by NTP)\n");
	expect(text, "  c: no estimate (no marked segment matched with another host)");
	expect(text, "1 matched; first segment's one-way delay 0.000007050 s "
	       "(trace clocks, not aligned)\n");
	free(text);
	fl_view_free(v);
	fl_clock_free();
	fl_conns_free();
	fl_hosts_free();
}

/* A procname with a quote, a control and invalid UTF-8, in JSON and SVG. */
static void odd_names(void **state)
{
	struct fl_host *h = fl_host_get("u<1>");
	FILE *f, *saved = stdout;
	struct fl_view *v;
	char *text;
	size_t len;

	(void)state;
	h->first = 100;
	h->last = 300;
	fl_thread_name(h, 7, 7, "a\"b\tc\xff<");
	fl_flag_event(h, 100, 7, 7, FL_MANUAL, true);
	fl_flag_event(h, 300, 7, 7, FL_MANUAL, false);
	v = fl_view_build(NULL);
	f = open_memstream(&text, &len);
	assert_non_null(f);
	stdout = f;
	fl_out_json(v);
	fl_out_svg(v);
	stdout = saved;
	fclose(f);
	expect(text, "\"procname\": \"a\\\"b\\u0009c\xef\xbf\xbd<\"");
	expect(text, ">a\"bc\xef\xbf\xbd&lt; (tid 7, pid 7)</text>");
	expect(text, ">host u&lt;1&gt;</text>");
	free(text);
	fl_view_free(v);
	free_all(NULL);
}

/* --- the command: options, formats, bad inputs --------------------------- */

static const char *flows_bin(void)
{
	const char *b = getenv("LTTNG_DT_FLOWS");

	return b ? b : FLOWS_BIN;
}

/* Runs the command with args on dir's traces, out and err into dir. */
static int run(const char *dir, const char *args)
{
	char *cmd;
	int st;

	assert_true(asprintf(&cmd, "%s %s %s/trace >%s/out 2>%s/err", flows_bin(),
			     args, dir, dir, dir) > 0);
	st = system(cmd);
	free(cmd);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static char *file(const char *dir, const char *name)
{
	char *s = ctf_read_file(dir, name);

	assert_non_null(s);
	return s;
}

static void text_report(void **state)
{
	char *dir = make_chain(true), *out;

	(void)state;
	assert_int_equal(run(dir, ""), 0);
	out = file(dir, "out");
	expect(out, "\nClocks: one time axis, the clock of fe; +0 = "
			       "2023-11-14 22:13:20.010999900 UTC, the first event\n");
	expect(out, "  cl: offset -0.000999900 s +/- 0.000000400 s "
			       "(estimated with fe)\n");
	expect(out, "  be: offset -0.003000050 s +/- 0.000000250 s "
			       "(estimated with fe)\n");
	expect(out, "Request 1: root cl thread 100 pid 100 client, "
			       "+0.000001000 .. +0.000012000  0.000011000 s, 3 spans, "
	       "began 2023-11-14 22:13:20.011000900 UTC\n"
			       "  span 1 cl thread 100 pid 100 client: +0.000001000 .. +0.000012000"
			       "  0.000011000 s  manual\n"
			       "      on CPU 0.000003400 s, runnable 0.000000500 s, blocked "
			       "0.000007100 s, unknown 0.000000000 s; read 50 B, wrote 100 B\n"
			       "      -> span 2 fe thread 200 front: 10.0.0.1:5000 -> 10.0.0.2:80 "
			       "seq 1000, 100 B\n"
			       "         written +0.000002000, sent +0.000002100, received "
			       "+0.000002500, read +0.000003100; network delay 0.000000400 s\n");
	/* the per-host section, on the axis too, with the connections' threads */
	expect(out, "  10.0.1.2:7000 -> 10.0.1.1:6000\n"
	       "    received 1 segments, 20 bytes, +0.000008500 .. +0.000008500\n"
	       "    read by thread 200: 1 call, 20 bytes\n");
	expect(out, "  thread 200 pid 200 front: network; 1 interval, flagged "
			       "0.000007400 s, on CPU 0.000003000 s\n"
			       "    +0.000003100 .. +0.000010500  0.000007400 s  network\n");
	expect(out, "first segment's one-way delay 0.000000400 s "
			       "(common axis, +/- 0.000000400 s)\n");
	free(out);
	/* a given offset wins over the estimate */
	assert_int_equal(run(dir, "--clock-offset cl=-1000000"), 0);
	out = file(dir, "out");
	expect(out, "  cl: offset -0.001000000 s (given: --clock-offset)\n");
	expect(out, "network delay 0.000000300 s\n");
	free(out);
	assert_int_equal(run(dir, "--clock-offset xx=1"), 0);
	out = file(dir, "err");
	expect(out, "Warning: --clock-offset: xx: no such host in the traces\n");
	free(out);
	/* filters: be only; from 0.000005 s on, cl's span still overlaps */
	assert_int_equal(run(dir, "--host be"), 0);
	out = file(dir, "out");
	assert_null(strstr(out, "  span 1 "));
	expect(out, "  span 3 be thread 300 pid 300 back: ");
	assert_null(strstr(out, "Host cl:"));
	free(out);
	assert_int_equal(run(dir, "--begin 0.0000092 --thread 100 --thread back"), 0);
	out = file(dir, "out");
	expect(out, "  span 1 cl thread 100 ");
	assert_null(strstr(out, "  span 2 "));
	assert_null(strstr(out, "  span 3 "));
	free(out);
	assert_int_equal(run(dir, "--end '2023-11-14 22:13:20.010999000'"), 0);
	out = file(dir, "out");
	expect(out, "Requests: 0 ");
	free(out);
	remove_dir(dir);
}

static void bad_inputs(void **state)
{
	static const char *const bad[] = {
		"--format xml", "--clock-offset cl", "--clock-offset =5",
		"--clock-offset cl=1x", "--begin yesterday", "--end '2026-13-01 00:00:00'",
		"--begin 2 --end 1", "--output /nonexistent/dir/f", "--bogus",
		"--begin 0.0000000001",
	};
	char *dir = make_chain(true), *err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(run(dir, bad[i]), 1);
		err = file(dir, "err");
		if (strncmp(err, "Error: ", 7))
			fail_msg("%s: %s", bad[i], err);
		free(err);
	}
	remove_dir(dir);
}

static int sh(const char *cmd)
{
	int st = system(cmd);

	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The JSON output, valid against doc/lttng-dt-flows.schema.json. */
static void json(void **state)
{
	char *dir = make_chain(true), *cmd, *out;

	(void)state;
	assert_int_equal(run(dir, "--format json --output /dev/stdout"), 0);
	out = file(dir, "out");
	expect(out, "\"reference\": \"fe\"");
	expect(out, "{\"id\": 2, \"host\": \"fe\", \"pid\": 200, \"tid\": 200, "
			       "\"procname\": \"front\", \"begin_ns\": 3100, \"end_ns\": 10500");
	expect(out, "{\"from\": 3, \"to\": 2, \"inherited\": false, \"src\": \"10.0.1.2:7000\", "
			       "\"dst\": \"10.0.1.1:6000\", \"seq\": 9000, \"bytes\": 20, "
			       "\"written_ns\": 8150, \"read_ns\": 9100, \"guessed\": false, "
			       "\"network\": {\"sent_ns\": 8250, \"received_ns\": 8500, "
			       "\"delay_ns\": 250}}");
	free(out);
	assert_true(asprintf(&cmd, "python3 -c 'import json, sys, jsonschema; "
			     "jsonschema.validate(json.load(open(sys.argv[2])), "
			     "json.load(open(sys.argv[1])))' %s/doc/lttng-dt-flows.schema.json "
			     "%s/out 2>%s/err", TOP_SRCDIR, dir, dir) > 0);
	if (sh(cmd))
		fail_msg("not valid against the schema: %s", file(dir, "err"));
	free(cmd);
	/* and the test can fail: a span without its host is not valid */
	assert_true(asprintf(&cmd, "sed -i 's/\"host\": \"fe\", //' %s/out && "
			     "! python3 -c 'import json, sys, jsonschema; "
			     "jsonschema.validate(json.load(open(sys.argv[2])), "
			     "json.load(open(sys.argv[1])))' %s/doc/lttng-dt-flows.schema.json "
			     "%s/out 2>/dev/null", dir, TOP_SRCDIR, dir) > 0);
	assert_int_equal(sh(cmd), 0);
	free(cmd);
	remove_dir(dir);
}

/*
 * A live session's reports in an --output file: a JSON one replaces the
 * previous one (always one document), text ones follow each other.
 */
static void live_file(void **state)
{
	static const struct fl_filter none;
	char *dir = make_chain(true), *a, *b;
	FILE *f = tmpfile(), *saved = stdout;
	long one, two, all;

	(void)state;
	assert_non_null(f);
	read_dir(dir);
	stdout = f;
	fl_output_setup(FL_FORMAT_JSON, &none, true);
	fl_print_report();
	fflush(f);
	one = ftell(f);
	fl_print_report();
	fflush(f);
	two = ftell(f);
	fl_output_setup(FL_FORMAT_TEXT, &none, true);
	fl_print_report();
	fl_print_report();
	fflush(f);
	stdout = saved;
	assert_true(one > 100);
	assert_int_equal(two, one);
	all = ftell(f);
	a = calloc(1, (size_t)all + 1);
	assert_non_null(a);
	rewind(f);
	assert_int_equal(fread(a, 1, (size_t)all, f), (size_t)all);
	b = strstr(a, "\nRequests: 1 ");
	assert_non_null(b);
	assert_non_null(strstr(b + 1, "\nRequests: 1 "));	/* text: both */
	assert_int_equal(strncmp(a, "{\n  \"format\": \"lttng-dt-flows\"", 30), 0);
	free(a);
	fclose(f);
	fl_output_setup(FL_FORMAT_TEXT, &none, false);
	free_all(dir);
}

/*
 * Chrome's trace events: parsed by python3's json; three processes
 * named after the hosts, three X slices, four s/f pairs with the same
 * ids, each end inside its slice.
 */
static void chrome(void **state)
{
	static const char check[] =
		"import json, sys\n"
		"ev = json.load(open(sys.argv[1]))['traceEvents']\n"
		"procs = {e['pid']: e['args']['name'] for e in ev if e['name'] == 'process_name'}\n"
		"assert sorted(procs.values()) == ['be', 'cl', 'fe'], procs\n"
		"x = [e for e in ev if e['ph'] == 'X']\n"
		"assert len(x) == 3 and all(e['dur'] > 0 for e in x), x\n"
		"s = {e['id']: e for e in ev if e['ph'] == 's'}\n"
		"f = {e['id']: e for e in ev if e['ph'] == 'f'}\n"
		"assert len(s) == 4 and s.keys() == f.keys(), (s, f)\n"
		"def inside(e):\n"
		"    return any(a['pid'] == e['pid'] and a['tid'] == e['tid'] and\n"
		"               a['ts'] <= e['ts'] <= a['ts'] + a['dur'] for a in x)\n"
		"assert all(inside(e) for e in list(s.values()) + list(f.values()))\n"
		"assert all(e['bp'] == 'e' for e in f.values())\n"
		"assert any(abs(e['ts'] - 3.1) < 1e-9 for e in f.values()), f\n";
	char *dir = make_chain(true), *cmd;

	(void)state;
	assert_int_equal(ctf_write_file(dir, "check.py", check, strlen(check)), 0);
	assert_int_equal(run(dir, "-f chrome"), 0);
	assert_true(asprintf(&cmd, "python3 %s/check.py %s/out 2>%s/err", dir, dir, dir) > 0);
	if (sh(cmd))
		fail_msg("chrome trace: %s", file(dir, "err"));
	free(cmd);
	remove_dir(dir);
}

static long file_size(const char *dir, const char *name)
{
	char path[4096];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &st) ? -1 : (long)st.st_size;
}

/*
 * The picture: rendered by rsvg-convert to a PNG, which must be much
 * larger than a blank page of the same size rendered the same way (a
 * white PNG compresses to almost nothing).
 */
static void svg(void **state)
{
	char *dir = make_chain(true), *cmd, *out;
	long drawn, blank;

	(void)state;
	assert_int_equal(run(dir, "--format=svg"), 0);
	out = file(dir, "out");
	assert_non_null(strstr(out, "<svg "));
	assert_non_null(strstr(out, "host fe</text>"));
	assert_non_null(strstr(out, "marker-end=\"url(#arrow)\""));
	free(out);
	assert_true(asprintf(&cmd, "cd %s && rsvg-convert -o out.png out && "
			     "sed -n '1,/<rect width/p' out >blank.svg && echo '</svg>' >>blank.svg && "
			     "rsvg-convert -o blank.png blank.svg", dir) > 0);
	assert_int_equal(sh(cmd), 0);
	free(cmd);
	drawn = file_size(dir, "out.png");
	blank = file_size(dir, "blank.png");
	print_message("# PNG: %ld bytes, blank %ld\n", drawn, blank);
	assert_true(blank > 0);
	assert_true(drawn > 4 * blank);
	remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clocks),
		cmocka_unit_test(spans),
		cmocka_unit_test(guessed),
		cmocka_unit_test(shared),
		cmocka_unit_test(guessed_one_host),
		cmocka_unit_test(states),
		cmocka_unit_test(clock_chain),
		cmocka_unit_test(clock_fallback),
		cmocka_unit_test(clock_inconsistent),
		cmocka_unit_test(odd_names),
		cmocka_unit_test(text_report),
		cmocka_unit_test(bad_inputs),
		cmocka_unit_test(json),
		cmocka_unit_test(live_file),
		cmocka_unit_test(chrome),
		cmocka_unit_test(svg),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("flows-spans", tests, NULL, NULL);
}
