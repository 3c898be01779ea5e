// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt-flows' analysis on two small hand-made CTF traces, hosts "ha"
 * and "hb", read through libbabeltrace2 like real ones: flag intervals
 * (one closed, one open at the trace's end), on-CPU time while flagged
 * from sched_switch and the flag event's own context, per-host
 * connection counts, sends matched to receipts across the two traces
 * with the first segment's delay, a thread seen on a second CPU without
 * its switch out of the first, the errors for a missing path and a
 * trace without lttng-dt events, a live session's report while a
 * thread is still flagged, and the model's time on 20,000 connections.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <cmocka.h>

#include "ctf-fixture/ctf-writer.h"
#include "flows.h"

/* Byte-aligned CTF 1.8: one stream, a context like lttng's tid/pid/procname. */
static const char metadata_fmt[] =
	"/* CTF 1.8 */\n"
	"typealias integer { size = 8; align = 8; signed = false; } := uint8_t;\n"
	"typealias integer { size = 16; align = 8; signed = false; } := uint16_t;\n"
	"typealias integer { size = 32; align = 8; signed = false; } := uint32_t;\n"
	"typealias integer { size = 64; align = 8; signed = false; } := uint64_t;\n"
	"typealias integer { size = 32; align = 8; signed = true; } := int32_t;\n"
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
	"  string _prev_comm; int32_t _prev_tid; string _next_comm; int32_t _next_tid; }; };\n"
	"event { name = \"lttng_dt_mark_send\"; id = 2; stream_id = 0; fields := struct {%s}; };\n"
	"event { name = \"lttng_dt_mark_recv\"; id = 3; stream_id = 0; fields := struct {%s}; };\n"
	"event { name = \"other\"; id = 4; stream_id = 0; fields := struct { uint8_t _x; }; };\n";

static const char mark_fields[] =
	" uint16_t _family; uint16_t _sport; uint16_t _dport;"
	" uint8_t _saddr[4]; uint8_t _daddr[4]; uint8_t _saddr_v6[16];"
	" uint8_t _daddr_v6[16]; uint32_t _seq; uint32_t _len; ";

enum { EV_FLAG, EV_SWITCH, EV_SEND, EV_RECV, EV_OTHER };

static void header(struct ctf_buf *b, uint32_t id, uint64_t ts, int tid,
		   const char *comm)
{
	ctf_u32(b, id);
	ctf_u64(b, ts);
	ctf_u32(b, (uint32_t)tid);
	ctf_u32(b, (uint32_t)tid);
	ctf_string(b, comm);
}

static void flag(struct ctf_buf *b, uint64_t ts, int ctx, int tid,
		 unsigned int reason, int on)
{
	header(b, EV_FLAG, ts, ctx, "ctx");
	ctf_u32(b, (uint32_t)tid);
	ctf_u32(b, (uint32_t)tid);
	ctf_u8(b, (uint8_t)reason);
	ctf_u8(b, (uint8_t)on);
}

static void sw(struct ctf_buf *b, uint64_t ts, int prev, int next,
	       const char *next_comm)
{
	header(b, EV_SWITCH, ts, prev, prev ? "ctx" : "swapper/0");
	ctf_string(b, prev ? "ctx" : "swapper/0");
	ctf_u32(b, (uint32_t)prev);
	ctf_string(b, next_comm);
	ctf_u32(b, (uint32_t)next);
}

/*
 * 10.0.0.1:5000 -> 10.0.0.2:80, v4-mapped in the v6 fields; received by
 * a dual-stack socket, whose family is AF_INET6 (10), not the sender's 2.
 */
static void mark(struct ctf_buf *b, uint32_t id, uint64_t ts, int ctx,
		 uint32_t seq, uint32_t len)
{
	static const uint8_t s4[4] = { 10, 0, 0, 1 }, d4[4] = { 10, 0, 0, 2 };
	uint8_t s6[16] = { [10] = 0xff, [11] = 0xff }, d6[16];

	memcpy(d6, s6, sizeof(d6));
	memcpy(s6 + 12, s4, 4);
	memcpy(d6 + 12, d4, 4);
	header(b, id, ts, ctx, "ctx");
	ctf_u16(b, id == EV_RECV ? 10 : 2);
	ctf_u16(b, 5000);
	ctf_u16(b, 80);
	ctf_bytes(b, s4, 4);
	ctf_bytes(b, d4, 4);
	ctf_bytes(b, s6, 16);
	ctf_bytes(b, d6, 16);
	ctf_u32(b, seq);
	ctf_u32(b, len);
}

/* dir/sub/stream_CPU: one packet of events ev on CPU cpu. */
static void write_stream(const char *dir, const char *sub, uint32_t cpu,
			 const struct ctf_buf *ev)
{
	struct ctf_buf *p = calloc(1, sizeof(*p));
	char name[256];

	assert_non_null(p);
	ctf_u32(p, 0xC1FC1FC1u);
	ctf_u32(p, 0);
	ctf_u64(p, (8 + 20 + ev->len) * 8);
	ctf_u64(p, (8 + 20 + ev->len) * 8);
	ctf_u32(p, cpu);
	ctf_bytes(p, ev->data, ev->len);
	snprintf(name, sizeof(name), "%s/stream_%u", sub, cpu);
	assert_int_equal(ctf_write_file(dir, name, p->data, p->len), 0);
	free(p);
}

/* dir/sub/{metadata,stream_0}: one packet, CPU 0. */
static void write_trace(const char *dir, const char *sub, const char *host,
			const struct ctf_buf *ev)
{
	char *meta, name[256];
	int n;

	snprintf(name, sizeof(name), "%s/%s", dir, sub);
	assert_int_equal(mkdir(name, 0755), 0);
	n = asprintf(&meta, metadata_fmt, host, mark_fields, mark_fields);
	assert_true(n > 0);
	snprintf(name, sizeof(name), "%s/metadata", sub);
	assert_int_equal(ctf_write_file(dir, name, meta, (size_t)n), 0);
	free(meta);
	write_stream(dir, sub, 0, ev);
}

/*
 * Host ha: client 100 runs 1000-5000 and 8000-10000, flagged manual
 * 2000-9000, sends seq 1 and 11 at 3000 and 4000; at 9500 it flags 101
 * (inherited), never cleared. Host hb: server 200 runs from 500, receives
 * seq 1, 11 and an unsent 21, flagged network 6000-9000.
 */
static char *make_traces(void)
{
	struct ctf_buf *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
	char *dir = ctf_make_dir();

	assert_non_null(dir);
	assert_non_null(a);
	assert_non_null(b);
	sw(a, 1000, 0, 100, "client");
	flag(a, 2000, 100, 100, FL_MANUAL, 1);
	mark(a, EV_SEND, 3000, 100, 1, 10);
	mark(a, EV_SEND, 4000, 100, 11, 10);
	sw(a, 5000, 100, 0, "swapper/0");
	sw(a, 8000, 0, 100, "client");
	flag(a, 9000, 100, 100, FL_MANUAL, 0);
	flag(a, 9500, 100, 101, FL_INHERITED, 1);
	sw(a, 10000, 100, 0, "swapper/0");
	write_trace(dir, "trace/ha", "ha", a);

	sw(b, 500, 0, 200, "server");
	mark(b, EV_RECV, 6000, 200, 1, 10);
	flag(b, 6000, 200, 200, FL_NETWORK, 1);
	mark(b, EV_RECV, 7000, 200, 11, 10);
	mark(b, EV_RECV, 7500, 200, 21, 5);
	flag(b, 9000, 200, 200, FL_NETWORK, 0);
	write_trace(dir, "trace/hb", "hb", b);
	free(a);
	free(b);
	return dir;
}

static const int64_t base = 1700000000LL * 1000000000LL;

static void two_hosts(void **state)
{
	char *dir = make_traces(), path[4096];
	struct fl_thread *t;
	struct fl_host *h;
	struct fl_match m;
	struct fl_conn **c;
	unsigned int n;

	(void)state;
	snprintf(path, sizeof(path), "%s/trace", dir);
	assert_int_equal(fl_read_path(path, &n), 0);
	assert_int_equal(n, 2);

	h = fl_host_get("ha");
	assert_int_equal(h->n_traces, 1);
	assert_int_equal(h->first, base + 1000);
	t = fl_thread_get(h, 100);
	assert_string_equal(t->procname, "ctx");
	assert_int_equal(t->reasons_seen, 1u << FL_MANUAL);
	assert_int_equal(t->n_iv, 1);
	assert_int_equal(t->iv[0].begin, base + 2000);
	assert_int_equal(t->iv[0].end, base + 9000);
	assert_false(t->iv[0].open_at_end);
	assert_int_equal(t->flagged_ns, 7000);
	assert_int_equal(t->on_cpu_ns, 3000 + 1000);
	t = fl_thread_get(h, 101);
	assert_int_equal(t->reasons_seen, 1u << FL_INHERITED);
	assert_int_equal(t->n_iv, 1);
	assert_true(t->iv[0].open_at_end);
	assert_int_equal(t->flagged_ns, 500);
	assert_int_equal(t->on_cpu_ns, 0);
	assert_int_equal(fl_host_conns(h, &c), 1);
	assert_int_equal(c[0]->sent.segments, 2);
	assert_int_equal(c[0]->sent.bytes, 20);
	assert_int_equal(c[0]->received.segments, 0);
	free(c);

	h = fl_host_get("hb");
	t = fl_thread_get(h, 200);
	assert_string_equal(t->procname, "ctx");
	assert_int_equal(t->reasons_seen, 1u << FL_NETWORK);
	assert_int_equal(t->flagged_ns, 3000);
	assert_int_equal(t->on_cpu_ns, 3000);
	assert_int_equal(fl_host_conns(h, &c), 1);
	assert_int_equal(c[0]->received.segments, 3);
	assert_int_equal(c[0]->received.bytes, 25);
	assert_int_equal(c[0]->received.first, base + 6000);
	assert_int_equal(c[0]->received.last, base + 7500);

	fl_conn_finish();
	fl_conn_match(&c[0]->key, &m);
	free(c);
	assert_int_equal(m.sent, 2);
	assert_int_equal(m.received, 3);
	assert_int_equal(m.matched, 2);
	assert_true(m.have_delay);
	assert_int_equal(m.first_delay, 3000);
	assert_string_equal(m.send_host->name, "ha");
	assert_string_equal(m.recv_host->name, "hb");

	fl_conns_free();
	fl_hosts_free();
	ctf_remove_dir(dir);
}

/*
 * Host hm, two CPUs: 300 runs on CPU 0 from 1000, flagged manual at 2000;
 * its switch out of CPU 0 is not recorded, but at 5000 it records an
 * event on CPU 1; flag cleared at 6000 there. 301 comes on CPU 0 at
 * 5500. On CPU while flagged: 2000-5000 on CPU 0 (the most it can have
 * been), 5000-6000 on CPU 1.
 */
static void migration(void **state)
{
	struct ctf_buf *c0 = calloc(1, sizeof(*c0)), *c1 = calloc(1, sizeof(*c1));
	char *dir = ctf_make_dir(), path[4096];
	struct fl_thread *t;
	struct fl_host *h;
	unsigned int n;

	(void)state;
	assert_non_null(c0);
	assert_non_null(c1);
	sw(c0, 1000, 0, 300, "mover");
	flag(c0, 2000, 300, 300, FL_MANUAL, 1);
	sw(c0, 5500, 0, 301, "other");
	mark(c1, EV_SEND, 5000, 300, 1, 10);
	flag(c1, 6000, 300, 300, FL_MANUAL, 0);
	write_trace(dir, "trace/hm", "hm", c0);
	write_stream(dir, "trace/hm", 1, c1);
	snprintf(path, sizeof(path), "%s/trace", dir);
	assert_int_equal(fl_read_path(path, &n), 0);
	h = fl_host_get("hm");
	assert_int_equal(h->n_cpus, 2);
	t = fl_thread_get(h, 300);
	assert_int_equal(t->flagged_ns, 4000);
	assert_int_equal(t->on_cpu_ns, 3000 + 1000);
	fl_conns_free();
	fl_hosts_free();
	free(c0);
	free(c1);
	ctf_remove_dir(dir);
}

static void errors(void **state)
{
	struct ctf_buf *a = calloc(1, sizeof(*a));
	char *dir = ctf_make_dir(), path[4096];
	unsigned int n;

	(void)state;
	assert_non_null(a);
	assert_int_equal(fl_read_path("/nonexistent/lttng-dt-flows", &n), -1);
	snprintf(path, sizeof(path), "%s/trace", dir);
	assert_int_equal(fl_read_path(path, &n), -1);	/* no trace */
	header(a, EV_OTHER, 100, 1, "x");
	ctf_u8(a, 0);
	write_trace(dir, "trace/plain", "hp", a);
	assert_int_equal(fl_read_path(path, &n), -1);	/* no dt event */
	/* sched_switch declared but none recorded: on-CPU time still known */
	assert_true(fl_host_get("hp")->sched_switch_enabled);
	assert_int_equal(fl_host_get("hp")->n_sched_switch, 0);
	fl_conns_free();
	fl_hosts_free();
	free(a);
	ctf_remove_dir(dir);
}

/* The report of fl_print_report(), from a temporary file. */
static char *report_text(void)
{
	FILE *f = tmpfile(), *saved = stdout;
	char *text;

	assert_non_null(f);
	stdout = f;
	fl_print_report();
	stdout = saved;
	rewind(f);
	text = ctf_stream_text(f);
	assert_non_null(text);
	fclose(f);
	return text;
}

/*
 * A live session's report while it runs: thread 400 flagged at 1000 and
 * still flagged at the host's last event (1500), on CPU 0 from 1200; a
 * segment sent and received. The report shows the open interval so far
 * and changes nothing: printed twice, it is the same; after one more
 * segment, the match counts it once more (the matching redone).
 */
static void live_report(void **state)
{
	struct fl_host *h = fl_host_get("hl");
	struct fl_mark m = { .key = { .sport = 1, .dport = 2 }, .seq = 7, .len = 5 };
	char *a, *b, *c;

	(void)state;
	h->sched_switch_enabled = true;
	h->first = 1000;
	h->last = 1500;
	fl_thread_name(h, 400, 400, "handler");
	fl_flag_event(h, 1000, 400, 400, FL_NETWORK, true);
	fl_running(h, 1200, 0, 400);
	fl_conn_mark(h, 1100, &m, true);
	fl_conn_mark(h, 1300, &m, false);
	a = report_text();
	b = report_text();
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "  thread 400 pid 400 handler: network; 1 interval, "
			       "flagged 0.000000500 s, on CPU 0.000000300 s\n"
			       "    +0.000000000 .. +0.000000500  0.000000500 s  network  (still flagged)\n"));
	assert_non_null(strstr(a, "Total: 1 marked segments sent, 1 received, 1 matched\n"));
	m.seq = 12;
	fl_conn_mark(h, 1400, &m, true);
	fl_conn_mark(h, 1450, &m, false);
	c = report_text();
	assert_non_null(strstr(c, "Total: 2 marked segments sent, 2 received, 2 matched\n"));
	/* Nothing changed in the model: the thread is still flagged. */
	assert_int_equal(fl_thread_get(h, 400)->n_iv, 0);
	free(a);
	free(b);
	free(c);
	fl_conns_free();
	fl_hosts_free();
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * The model stays linear: 20,000 connections of 5 segments, sent on hs
 * and received on hr, 20,000 threads, then the matching and every
 * connection's match looked up, in well under a second (0.19 s here). A
 * lookup walking a list per mark, as before, took 7.9 s for this.
 */
#define SCALE_CONNS	20000
#define SCALE_SEGS	5

static void scaling(void **state)
{
	struct fl_host *hs = fl_host_get("hs"), *hr = fl_host_get("hr");
	struct fl_mark m = { .len = 100, .tid = 7 };
	double t0 = now_s(), dt;
	struct fl_conn **c;
	struct fl_match mt;
	unsigned int i, k;

	(void)state;
	for (i = 0; i < SCALE_CONNS; i++) {
		fl_thread_name(hs, (int)i + 1, (int)i + 1, "client");
		m.key.sport = (uint16_t)(i % 50000 + 1024);
		m.key.dport = 80;
		m.key.saddr[15] = (uint8_t)(i / 50000 + 1);
		memcpy(m.key.saddr + 10, "\xff\xff\x0a\x00", 4);
		memcpy(m.key.daddr + 10, "\xff\xff\x0a\x01\x00\x01", 6);
		for (k = 0; k < SCALE_SEGS; k++) {
			m.seq = 1 + 100 * k;
			fl_conn_mark(hs, 1000 + i * 10 + k, &m, true);
			fl_conn_mark(hr, 2000 + i * 10 + k, &m, false);
		}
	}
	fl_conn_finish();
	assert_int_equal(fl_host_conns(hr, &c), SCALE_CONNS);
	for (i = 0; i < SCALE_CONNS; i++) {
		fl_conn_match(&c[i]->key, &mt);
		assert_int_equal(mt.matched, SCALE_SEGS);
		assert_int_equal(mt.first_delay, 1000);
	}
	/* first seen first */
	assert_int_equal(c[SCALE_CONNS - 1]->received.first,
			 2000 + (SCALE_CONNS - 1) * 10);
	free(c);
	dt = now_s() - t0;
	print_message("# scaling: %u connections, %u marks in %.3f s\n",
		      SCALE_CONNS, 2 * SCALE_CONNS * SCALE_SEGS, dt);
	assert_true(dt < 1.0);
	fl_conns_free();
	fl_hosts_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_hosts),
		cmocka_unit_test(migration),
		cmocka_unit_test(errors),
		cmocka_unit_test(live_report),
		cmocka_unit_test(scaling),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("flows", tests, NULL, NULL);
}
