// SPDX-License-Identifier: GPL-2.0-only
/*
 * lttng-dt-flows reading what used to give wrong answers, on traces
 * written with LTTng's packet header and context (flows-trace.c) and
 * read back through libbabeltrace2: a rotated session's two chunks read
 * as one trace; two hosts with one hostname kept apart, and a second
 * session of the same boot kept with its host; events lost by the
 * tracer counted and the flag intervals they overlap marked uncertain;
 * unreadable traces reported with babeltrace2's causes while the good
 * one is still read; the trace UUID found in text and packetized
 * metadata; the command's exit status 2 when it reports the readable
 * traces of a run where some were not (1 when none was); the same report
 * and error lines with --jobs 1 and with several threads.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "ctf-fixture/ctf-writer.h"
#include "ctf-fixture/flows-trace.h"
#include "flows.h"

static const int64_t base = 1700000000LL * 1000000000LL;

static const struct ft_conn conn = {
	.saddr = { 10, 0, 0, 1 }, .daddr = { 10, 0, 0, 2 },
	.sport = 5000, .dport = 80,
};

/* mkdir -p DIR/SUB */
static void make_dirs(const char *dir, const char *sub)
{
	char path[4096], *p;

	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	for (p = path + strlen(dir) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	assert_int_equal(mkdir(path, 0755), 0);
}

/* DIR/SUB with t's metadata; its CPU 0 stream, packets from seq_num. */
static struct ft_stream *open_trace(const char *dir, const char *sub,
				    const struct ft_trace *t, uint64_t seq_num)
{
	char path[4096];
	struct ft_stream *s;

	make_dirs(dir, sub);
	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	assert_int_equal(ft_write_metadata(path, t), 0);
	s = ft_stream_open(path, t, 0, seq_num);
	assert_non_null(s);
	return s;
}

/* What fn wrote on stderr, malloc'ed. */
static char *stderr_of(int (*fn)(const char *, unsigned int *), const char *path,
		       int *ret, unsigned int *n)
{
	FILE *f = tmpfile(), *saved = stderr;
	char *text;

	assert_non_null(f);
	stderr = f;
	*ret = fn(path, n);
	stderr = saved;
	rewind(f);
	text = ctf_stream_text(f);
	assert_non_null(text);
	fclose(f);
	return text;
}

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

static void done(char *dir)
{
	fl_conns_free();
	fl_hosts_free();
	ctf_remove_dir(dir);
}

/*
 * lttng 2.13's rotation: chunk 1 in archives/, chunk 2 the current one,
 * each a whole trace of the session's UUID. Thread 100 is flagged at
 * 2000 in chunk 1 (which ends at 5000) and cleared at 9000 in chunk 2:
 * one interval of 7000 ns, closed, where each chunk read alone gave
 * 2000-5000 "open at trace end" and a clear without a set.
 */
static void rotated_session(void **state)
{
	struct ft_trace t = { .hostname = "hr", .uuid = { 1, 2, 3 } };
	char *dir = ctf_make_dir(), path[4096];
	struct ft_stream *s;
	struct fl_thread *th;
	struct fl_host *h;
	unsigned int n;
	uint64_t next;

	(void)state;
	assert_non_null(dir);
	s = open_trace(dir, "trace/s/archives/20261207T100000+0000-20261207T100001+0000-0/kernel",
		       &t, 0);
	ft_flag(s, 2000, 100, 100, FT_MANUAL, true);
	ft_mark(s, true, 3000, 100, &conn, 1, 10);
	ft_packet_end(s, 5000, 0);
	next = ft_stream_seq_num(s);
	assert_int_equal(ft_stream_close(s), 0);
	s = open_trace(dir, "trace/s/20261207T100001+0000-1/kernel", &t, next);
	ft_mark(s, true, 8000, 100, &conn, 11, 10);
	ft_flag(s, 9000, 100, 100, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);

	snprintf(path, sizeof(path), "%s/trace", dir);
	assert_int_equal(fl_read_path(path, &n), 0);
	assert_int_equal(n, 1);
	h = fl_host_get("hr");
	assert_int_equal(h->n_traces, 1);
	assert_int_equal(h->n_events, 4);
	th = fl_thread_get(h, 100);
	assert_int_equal(th->n_iv, 1);
	assert_int_equal(th->iv[0].begin, base + 2000);
	assert_int_equal(th->iv[0].end, base + 9000);
	assert_false(th->iv[0].open_at_end);
	assert_int_equal(th->flagged_ns, 7000);
	done(dir);
}

/*
 * Two machines named vm1 (different boot ids: clock UUIDs), a segment
 * sent by one and received by the other, and a second session of the
 * first machine's boot: two hosts, vm1 (2 traces) and vm1#2, said on
 * stderr and in the report; the delay is not "one clock".
 */
static void same_hostname(void **state)
{
	struct ft_trace a = { .hostname = "vm1", .uuid = { 0xa },
			      .clock_uuid = "11111111-2222-3333-4444-555555555555" };
	struct ft_trace b = { .hostname = "vm1", .uuid = { 0xb },
			      .clock_uuid = "99999999-2222-3333-4444-555555555555" };
	struct ft_trace a2 = { .hostname = "vm1", .uuid = { 0xa2 },
			       .clock_uuid = "11111111-2222-3333-4444-555555555555" };
	char *dir = ctf_make_dir(), path[4096], *err, *rep;
	struct ft_stream *s;
	struct fl_host *h1, *h2;
	unsigned int n;
	int ret;

	(void)state;
	s = open_trace(dir, "trace/a", &a, 0);
	ft_flag(s, 1000, 10, 10, FT_MANUAL, true);
	ft_mark(s, true, 3000, 10, &conn, 1, 10);
	ft_flag(s, 4000, 10, 10, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);
	s = open_trace(dir, "trace/b", &b, 0);
	ft_mark(s, false, 3500, 20, &conn, 1, 10);
	ft_flag(s, 3500, 20, 20, FT_NETWORK, true);
	ft_flag(s, 5000, 20, 20, FT_NETWORK, false);
	assert_int_equal(ft_stream_close(s), 0);
	s = open_trace(dir, "trace/c", &a2, 0);
	ft_flag(s, 6000, 11, 11, FT_MANUAL, true);
	ft_flag(s, 7000, 11, 11, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);

	snprintf(path, sizeof(path), "%s/trace", dir);
	err = stderr_of(fl_read_path, path, &ret, &n);
	assert_int_equal(ret, 0);
	assert_int_equal(n, 3);
	h1 = fl_host_get("vm1");
	h2 = fl_host_get("vm1#2");
	assert_ptr_equal(fl_hosts(), h1);
	assert_ptr_equal(h1->next, h2);
	assert_null(h2->next);
	assert_int_equal(h1->n_traces, 2);
	assert_int_equal(h2->n_traces, 1);
	assert_int_equal(h1->same_hostname, 2);
	assert_int_equal(h2->same_hostname, 2);
	assert_int_equal(fl_thread_get(h1, 11)->flagged_ns, 1000);
	assert_int_equal(fl_thread_get(h2, 20)->flagged_ns, 1500);
	snprintf(path, sizeof(path),
		 "Warning: hostname vm1 names 2 hosts (their clocks' UUIDs, the boot ids, differ): the one of %s/trace/b is shown as vm1#2\n",
		 dir);
	assert_string_equal(err, path);
	rep = report_text();
	assert_non_null(strstr(rep, "Host vm1#2: 1 trace, 3 events"));
	assert_non_null(strstr(rep, "  Note: hostname vm1 names 2 hosts, told apart by their clock UUID (boot id); this one's: 99999999-2222-3333-4444-555555555555, first trace "));
	assert_non_null(strstr(rep, "10.0.0.1:5000 -> 10.0.0.2:80: 1 sent on vm1, 1 received on vm1#2, 1 matched; first segment's one-way delay 0.000000500 s (trace clocks, not aligned)\n"));
	free(err);
	free(rep);
	done(dir);
}

/*
 * Host hd, one CPU: thread 10 flagged 1000-2000 in packet 1 (ends at
 * 2500); packet 2 lost 5 events (its count grows to 5), and holds
 * thread 11's 3000-4000; packet 3 thread 12's 6000-7000. babeltrace2
 * dates the loss from packet 1's end to packet 2's: only 11's interval
 * is uncertain.
 */
static void discarded_events(void **state)
{
	struct ft_trace t = { .hostname = "hd", .uuid = { 0xd } };
	char *dir = ctf_make_dir(), path[4096], *rep;
	struct ft_stream *s;
	struct fl_host *h;
	unsigned int n;

	(void)state;
	s = open_trace(dir, "trace/d", &t, 0);
	ft_flag(s, 1000, 10, 10, FT_MANUAL, true);
	ft_flag(s, 2000, 10, 10, FT_MANUAL, false);
	ft_packet_end(s, 2500, 0);
	ft_flag(s, 3000, 11, 11, FT_MANUAL, true);
	ft_flag(s, 4000, 11, 11, FT_MANUAL, false);
	ft_packet_end(s, 4500, 5);
	ft_flag(s, 6000, 12, 12, FT_MANUAL, true);
	ft_flag(s, 7000, 12, 12, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);

	snprintf(path, sizeof(path), "%s/trace", dir);
	assert_int_equal(fl_read_path(path, &n), 0);
	h = fl_host_get("hd");
	assert_int_equal(h->events_discarded, 5);
	assert_int_equal(h->packets_discarded, 0);
	assert_int_equal(h->n_lost, 1);
	assert_int_equal(h->lost[0].begin, base + 2500);
	assert_int_equal(h->lost[0].end, base + 4500);
	assert_false(fl_thread_get(h, 10)->iv[0].uncertain);
	assert_true(fl_thread_get(h, 11)->iv[0].uncertain);
	assert_false(fl_thread_get(h, 12)->iv[0].uncertain);
	rep = report_text();
	assert_non_null(strstr(rep, "  Lost on hd: 5 events and 0 packets discarded by the tracer; flag intervals during the losses are marked (uncertain)\n"));
	assert_non_null(strstr(rep, "    +0.000002000 .. +0.000003000  0.000001000 s  manual  (uncertain: events lost)\n"));
	assert_null(strstr(strstr(rep, "(uncertain: events lost)") + 1, "(uncertain"));
	free(rep);
	done(dir);
}

/* Bytes at offset off of dir/name, replaced. */
static void patch_file(const char *dir, const char *name, long off,
		       const void *p, size_t n)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, off, SEEK_SET), 0);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/*
 * A good trace (host hg) beside three bad ones: metadata babeltrace2
 * cannot parse, a stream whose packet has a wrong magic number (both
 * refused when the source opens them), and one whose second event has
 * an id the metadata lacks (an error while reading: its first event,
 * thread 20 flagged, is kept). Each is an error with babeltrace2's
 * causes, root first; hg is read all the same.
 */
static void unreadable_trace(void **state)
{
	static const char bad_metadata[] = "/* CTF 1.8 */\ntrace { major = 1; minor = 8; byte_order = ???; };\n";
	static const unsigned char junk[4] = { 0xde, 0xad, 0xbe, 0xef };
	static const unsigned char bad_id[4] = { 77 };
	struct ft_trace g = { .hostname = "hg", .uuid = { 0x9 } };
	struct ft_trace bs = { .hostname = "hbad", .uuid = { 0x8 } };
	struct ft_trace be = { .hostname = "hbadev", .uuid = { 0x7 } };
	char *dir = ctf_make_dir(), path[4096], *err;
	struct ft_stream *s;
	struct fl_thread *th;
	unsigned int n;
	int ret;

	(void)state;
	make_dirs(dir, "trace/a-bad-metadata");
	assert_int_equal(ctf_write_file(dir, "trace/a-bad-metadata/metadata",
					bad_metadata, strlen(bad_metadata)), 0);
	s = open_trace(dir, "trace/b-bad-magic", &bs, 0);
	ft_flag(s, 1000, 10, 10, FT_MANUAL, true);
	assert_int_equal(ft_stream_close(s), 0);
	patch_file(dir, "trace/b-bad-magic/stream_0", 0, junk, sizeof(junk));
	s = open_trace(dir, "trace/c-bad-event", &be, 0);
	ft_flag(s, 1000, 20, 20, FT_MANUAL, true);
	ft_flag(s, 2000, 20, 20, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);
	/* packet header and context 84 bytes, a flag event 31 */
	patch_file(dir, "trace/c-bad-event/stream_0", 84 + 31, bad_id, sizeof(bad_id));
	s = open_trace(dir, "trace/d-good", &g, 0);
	ft_flag(s, 1000, 10, 10, FT_MANUAL, true);
	ft_flag(s, 3000, 10, 10, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);

	snprintf(path, sizeof(path), "%s/trace", dir);
	err = stderr_of(fl_read_path, path, &ret, &n);
	assert_int_equal(ret, -1);
	assert_int_equal(n, 4);
	assert_int_equal(fl_thread_get(fl_host_get("hg"), 10)->flagged_ns, 2000);
	th = fl_thread_get(fl_host_get("hbadev"), 20);
	assert_int_equal(th->n_iv, 1);
	assert_true(th->iv[0].open_at_end);
	snprintf(path, sizeof(path), "Error: %s/trace/a-bad-metadata: cannot read the trace with babeltrace2\n  babeltrace2: [src: src.ctf.fs] ",
		 dir);
	assert_ptr_equal(strstr(err, path), err);
	snprintf(path, sizeof(path), "\nError: %s/trace/b-bad-magic: cannot read the trace with babeltrace2\n  babeltrace2: [src: src.ctf.fs] Invalid CTF magic number",
		 dir);
	assert_non_null(strstr(err, path));
	snprintf(path, sizeof(path), "\nError: %s/trace/c-bad-event: babeltrace2 failed to read the trace\n  babeltrace2: [src: src.ctf.fs] ",
		 dir);
	assert_non_null(strstr(err, path));
	free(err);
	done(dir);
}

/* The exit status of "lttng-dt-flows -q ARGS" (stdout, stderr into dir). */
static int run_tool(const char *dir, const char *args)
{
	char cmd[8192];
	int status;

	snprintf(cmd, sizeof(cmd), "'%s' -q %s >'%s/out' 2>'%s/err'", FLOWS_TOOL,
		 args, dir, dir);
	status = system(cmd);
	assert_true(status != -1 && WIFEXITED(status));
	return WEXITSTATUS(status);
}

/*
 * The command: a good trace beside a bad one prints the good one's
 * report and exits 2; the bad one alone exits 1 with no report.
 */
static void exit_status(void **state)
{
	struct ft_trace g = { .hostname = "hg", .uuid = { 0x9 } };
	char *dir = ctf_make_dir(), args[4096], *out, *err;
	struct ft_stream *s;

	(void)state;
	if (access(FLOWS_TOOL, X_OK)) {
		print_message("# %s not built: skipped\n", FLOWS_TOOL);
		skip();
	}
	make_dirs(dir, "trace/bad");
	assert_int_equal(ctf_write_file(dir, "trace/bad/metadata", "garbage", 7), 0);
	s = open_trace(dir, "trace/good", &g, 0);
	ft_flag(s, 1000, 10, 10, FT_MANUAL, true);
	ft_flag(s, 3000, 10, 10, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);

	snprintf(args, sizeof(args), "'%s/trace/good' '%s/trace/bad'", dir, dir);
	assert_int_equal(run_tool(dir, args), 2);
	out = ctf_read_file(dir, "out");
	err = ctf_read_file(dir, "err");
	assert_non_null(strstr(out, "  thread 10 pid 10 ?: manual; 1 interval, flagged 0.000002000 s, on CPU "));
	assert_non_null(strstr(err, "/trace/bad: cannot read the trace with babeltrace2\n  babeltrace2: ["));
	assert_non_null(strstr(err, "\nError: some traces could not be read (above): the report is of the others\n"));
	free(out);
	free(err);
	snprintf(args, sizeof(args), "'%s/trace/bad'", dir);
	assert_int_equal(run_tool(dir, args), 1);
	out = ctf_read_file(dir, "out");
	assert_string_equal(out, "");
	free(out);
	snprintf(args, sizeof(args), "'%s/trace/good'", dir);
	assert_int_equal(run_tool(dir, args), 0);
	ctf_remove_dir(dir);
}

/*
 * babeltrace2's error causes name its objects by address, which differ
 * from one run to the next: "0x" and hex digits become "0x?" in place.
 */
static char *mask_addresses(char *text)
{
	char *in = text, *out = text;

	while (*in) {
		if (in[0] == '0' && in[1] == 'x' && isxdigit((unsigned char)in[2])) {
			/* past the digits first: out may be in itself */
			for (in += 2; isxdigit((unsigned char)*in); in++)
				;
			memcpy(out, "0x?", 3);
			out += 3;
			continue;
		}
		*out++ = *in++;
	}
	*out = '\0';
	return text;
}

/*
 * Host t's trace at dir/sub, CPUs 0 and 1: n_out marks sent on CPU 0
 * from 10.0.0.self to 10.0.0.(self + 1), n_in received on CPU 1 from
 * 10.0.0.(self - 1), each 2 us after its send; a loss halfway on CPU 1.
 */
static void jobs_host(const char *dir, const char *sub, const struct ft_trace *t,
		      uint8_t self, uint8_t prev, uint8_t next, int n_out, int n_in)
{
	struct ft_conn out = { .saddr = { 10, 0, 0, self }, .daddr = { 10, 0, 0, next },
			       .sport = 4000, .dport = 80 };
	struct ft_conn in = { .saddr = { 10, 0, 0, prev }, .daddr = { 10, 0, 0, self },
			      .sport = 4000, .dport = 80 };
	struct ft_stream *s0 = open_trace(dir, sub, t, 0), *s1;
	char path[4096];
	int i, tid = 100 * self;
	uint64_t ts;

	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	s1 = ft_stream_open(path, t, 1, 0);
	assert_non_null(s1);
	ft_flag(s0, 1000, tid, tid, FT_MANUAL, true);
	ft_switch(s1, 1500, 0, tid + 1);
	for (i = 0; i < n_out; i++)
		ft_mark(s0, true, 10000 + 1000 * (uint64_t)i, tid, &out, 1 + 10 * i, 10);
	for (i = 0; i < n_in; i++) {
		ts = 12000 + 1000 * (uint64_t)i;
		ft_mark(s1, false, ts, tid + 1, &in, 1 + 10 * i, 10);
		if (i == n_in / 2)
			ft_packet_end(s1, ts + 500, 3);
	}
	ts = 20000 + 1000 * (uint64_t)(n_out > n_in ? n_out : n_in);
	ft_flag(s1, ts, tid + 1, tid + 1, FT_NETWORK, true);
	ft_flag(s0, ts + 1000, tid, tid, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s0), 0);
	assert_int_equal(ft_stream_close(s1), 0);
}

/*
 * --jobs: the report, its error lines and the exit status are the same
 * with one thread and with several, in every format, on five hosts: four
 * in a ring (each sends to the next, on two CPUs), two of them one
 * hostname (a warning), a rotated session (two directories, one trace),
 * lost events, thousands of records per host (several of the threads'
 * chunks), a trace babeltrace2 refuses and one it fails on halfway.
 */
static void jobs_same_report(void **state)
{
	static const char *const formats[] = { "text", "json", "chrome", "svg" };
	static const unsigned int jobs[] = { 2, 3, 8 };
	static const unsigned char bad_id[4] = { 77 };
	struct ft_trace t[] = {
		{ .hostname = "ha", .uuid = { 0x1a },
		  .clock_uuid = "11111111-0000-0000-0000-00000000000a" },
		{ .hostname = "hb", .uuid = { 0x1b },
		  .clock_uuid = "11111111-0000-0000-0000-00000000000b" },
		{ .hostname = "vm", .uuid = { 0x1c },
		  .clock_uuid = "11111111-0000-0000-0000-00000000000c" },
		{ .hostname = "vm", .uuid = { 0x1d },
		  .clock_uuid = "11111111-0000-0000-0000-00000000000d" },
	};
	struct ft_trace r = { .hostname = "hr", .uuid = { 0x1e } };
	struct ft_trace be = { .hostname = "hbadev", .uuid = { 0x1f } };
	char *dir = ctf_make_dir(), args[8192], *out1, *err1, *out, *err;
	struct ft_stream *s;
	unsigned int f, j;
	uint64_t next;
	int st1;

	(void)state;
	if (access(FLOWS_TOOL, X_OK)) {
		print_message("# %s not built: skipped\n", FLOWS_TOOL);
		skip();
	}
	jobs_host(dir, "trace/ha", &t[0], 1, 4, 2, 3000, 10);
	jobs_host(dir, "trace/hb", &t[1], 2, 1, 3, 100, 3000);
	jobs_host(dir, "trace/vm1", &t[2], 3, 2, 4, 2500, 100);
	jobs_host(dir, "trace/vm2", &t[3], 4, 3, 1, 10, 2500);
	s = open_trace(dir, "trace/hr/archives/chunk-0/kernel", &r, 0);
	ft_flag(s, 2000, 70, 70, FT_MANUAL, true);
	ft_packet_end(s, 5000, 0);
	next = ft_stream_seq_num(s);
	assert_int_equal(ft_stream_close(s), 0);
	s = open_trace(dir, "trace/hr/chunk-1/kernel", &r, next);
	ft_flag(s, 9000, 70, 70, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);
	make_dirs(dir, "trace/bad");
	assert_int_equal(ctf_write_file(dir, "trace/bad/metadata", "garbage", 7), 0);
	s = open_trace(dir, "trace/hbadev", &be, 0);
	ft_flag(s, 1000, 20, 20, FT_MANUAL, true);
	ft_flag(s, 2000, 20, 20, FT_MANUAL, false);
	assert_int_equal(ft_stream_close(s), 0);
	/* packet header and context 84 bytes, a flag event 31 */
	patch_file(dir, "trace/hbadev/stream_0", 84 + 31, bad_id, sizeof(bad_id));

	for (f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		snprintf(args, sizeof(args), "--jobs 1 -f %s '%s/trace'", formats[f], dir);
		st1 = run_tool(dir, args);
		assert_int_equal(st1, 2);
		out1 = ctf_read_file(dir, "out");
		err1 = mask_addresses(ctf_read_file(dir, "err"));
		assert_non_null(strstr(err1, "Warning: hostname vm names 2 hosts"));
		assert_non_null(strstr(err1, "/trace/bad: cannot read the trace with babeltrace2\n"));
		assert_non_null(strstr(err1, "/trace/hbadev: babeltrace2 failed to read the trace\n"));
		for (j = 0; j < sizeof(jobs) / sizeof(jobs[0]); j++) {
			snprintf(args, sizeof(args), "--jobs %u -f %s '%s/trace'",
				 jobs[j], formats[f], dir);
			assert_int_equal(run_tool(dir, args), st1);
			out = ctf_read_file(dir, "out");
			err = mask_addresses(ctf_read_file(dir, "err"));
			assert_string_equal(out, out1);
			assert_string_equal(err, err1);
			free(out);
			free(err);
		}
		if (!f) {
			assert_non_null(strstr(out1, "Total: 5610 marked segments sent, 5610 received, 5610 matched\n"));
			assert_non_null(strstr(out1, "Host vm#2: 1 trace, "));
			assert_non_null(strstr(out1, "Host hr: 1 trace, 2 events"));
		}
		free(out1);
		free(err1);
	}
	assert_int_not_equal(run_tool(dir, "--jobs 0 ."), 0);
	err = ctf_read_file(dir, "err");
	assert_string_equal(err, "Error: --jobs: 0: not a number of threads >= 1\n");
	free(err);
	ctf_remove_dir(dir);
}

/* The trace block's uuid, not a clock's nor a comment's; a packet header's. */
static void trace_uuid(void **state)
{
	static const char text[] =
		"/* CTF 1.8 */\n/* trace { uuid = \"00000000-0000-0000-0000-000000000001\"; } */\n"
		"clock { name = \"c\"; uuid = \"00000000-0000-0000-0000-000000000002\"; };\n"
		"typealias integer { size = 8; } := uint8_t;\n"
		"trace {\n  major = 1; minor = 8;\n"
		"  packet.header := struct { uint8_t uuid[16]; };\n"
		"  uuid = \"0a0b0c0d-0e0f-1011-1213-141516171819\"; byte_order = le; };\n";
	unsigned char packet[64] = { 0x57, 0x1d, 0xd1, 0x75, 0xaa, 0xbb }, uuid[16];
	static const unsigned char want[16] = {
		0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11,
		0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19,
	};
	char *dir = ctf_make_dir(), path[4096];

	(void)state;
	assert_int_equal(ctf_write_file(dir, "trace/metadata", text, strlen(text)), 0);
	snprintf(path, sizeof(path), "%s/trace", dir);
	assert_int_equal(fl_trace_uuid(path, uuid), 0);
	assert_memory_equal(uuid, want, 16);
	assert_int_equal(ctf_write_file(dir, "trace/metadata", packet, sizeof(packet)), 0);
	assert_int_equal(fl_trace_uuid(path, uuid), 0);
	assert_int_equal(uuid[0], 0xaa);
	assert_int_equal(uuid[1], 0xbb);
	assert_int_equal(ctf_write_file(dir, "trace/metadata", "trace { };", 10), 0);
	assert_int_equal(fl_trace_uuid(path, uuid), -1);
	ctf_remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rotated_session),
		cmocka_unit_test(same_hostname),
		cmocka_unit_test(discarded_events),
		cmocka_unit_test(unreadable_trace),
		cmocka_unit_test(trace_uuid),
		cmocka_unit_test(exit_status),
		cmocka_unit_test(jobs_same_report),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("flows-read", tests, NULL, NULL);
}
