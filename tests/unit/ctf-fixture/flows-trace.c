// SPDX-License-Identifier: GPL-2.0-only
/*
 * Traces for lttng-dt-flows' tests and benchmark (see flows-trace.h).
 * Events are byte-aligned, with a plain 32-bit id and a 64-bit time, so
 * that a record's size is known without bit arithmetic; the packet
 * header and context are ctf_packet()'s, which are LTTng's.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctf-writer.h"
#include "flows-trace.h"

#define PACKET_OVERHEAD	(32 + 52)	/* ctf_packet()'s header and context */
#define ROOM		(CTF_PACKET_BYTES - PACKET_OVERHEAD)

static const char metadata_fmt[] =
	"/* CTF 1.8 */\n"
	"typealias integer { size = 8; align = 8; signed = false; } := uint8_t;\n"
	"typealias integer { size = 16; align = 8; signed = false; } := uint16_t;\n"
	"typealias integer { size = 32; align = 8; signed = false; } := uint32_t;\n"
	"typealias integer { size = 64; align = 8; signed = false; } := uint64_t;\n"
	"typealias integer { size = 32; align = 8; signed = true; } := int32_t;\n"
	"trace { major = 1; minor = 8; uuid = \"%s\"; byte_order = le;\n"
	"  packet.header := struct { uint32_t magic; uint8_t uuid[16];\n"
	"    uint32_t stream_id; uint64_t stream_instance_id; }; };\n"
	"env { hostname = \"%s\"; domain = \"kernel\"; tracer_name = \"lttng-modules\"; };\n"
	"clock { name = \"monotonic\"; %s%s%sfreq = 1000000000; offset_s = 1700000000; };\n"
	"typealias integer { size = 64; align = 8; signed = false;\n"
	"  map = clock.monotonic.value; } := uint64_clock_monotonic_t;\n"
	"stream { id = 0;\n"
	"  packet.context := struct { uint64_clock_monotonic_t timestamp_begin;\n"
	"    uint64_clock_monotonic_t timestamp_end; uint64_t content_size;\n"
	"    uint64_t packet_size; uint64_t packet_seq_num; uint64_t events_discarded;\n"
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
	"event { name = \"lttng_dt_mark_recv\"; id = 3; stream_id = 0; fields := struct {%s}; };\n";

static const char mark_fields[] =
	" uint16_t _family; uint16_t _sport; uint16_t _dport;"
	" uint8_t _saddr[4]; uint8_t _daddr[4]; uint8_t _saddr_v6[16];"
	" uint8_t _daddr_v6[16]; uint32_t _seq; uint32_t _len; ";

enum { EV_FLAG, EV_SWITCH, EV_SEND, EV_RECV };

struct ft_stream {
	FILE *f;
	const unsigned char *uuid;
	uint32_t cpu;
	uint64_t seq_num, discarded;
	uint64_t ts_begin, ts_last;
	bool empty;			/* no event in the packet yet */
	bool started;			/* an event was written */
	bool failed;
	struct ctf_buf rec;		/* the packet's records */
	struct ctf_buf page;
};

static void uuid_text(const unsigned char *u, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*out++ = '-';
		*out++ = hex[u[i] >> 4];
		*out++ = hex[u[i] & 15];
	}
	*out = '\0';
}

int ft_write_metadata(const char *dir, const struct ft_trace *t)
{
	char uuid[40], *text;
	int n, ret;

	uuid_text(t->uuid, uuid);
	n = asprintf(&text, metadata_fmt, uuid, t->hostname,
		     t->clock_uuid ? "uuid = \"" : "",
		     t->clock_uuid ? t->clock_uuid : "",
		     t->clock_uuid ? "\"; " : "", mark_fields, mark_fields);
	if (n < 0)
		return -1;
	ret = ctf_write_file(dir, "metadata", text, (size_t)n);
	free(text);
	return ret;
}

struct ft_stream *ft_stream_open(const char *dir, const struct ft_trace *t,
				 uint32_t cpu, uint64_t seq_num)
{
	struct ft_stream *s = calloc(1, sizeof(*s));
	char path[4096];

	if (!s)
		return NULL;
	snprintf(path, sizeof(path), "%s/stream_%u", dir, cpu);
	s->f = fopen(path, "wb");
	if (!s->f) {
		free(s);
		return NULL;
	}
	s->uuid = t->uuid;
	s->cpu = cpu;
	s->seq_num = seq_num;
	s->empty = true;
	return s;
}

static void flush(struct ft_stream *s, uint64_t ts_end)
{
	struct ctf_packet p = {
		.uuid = s->uuid, .stream_id = 0, .stream_instance_id = s->cpu,
		.cpu_id = s->cpu, .ts_begin = s->ts_begin, .ts_end = ts_end,
		.seq_num = s->seq_num++, .events_discarded = s->discarded,
	};

	ctf_packet(&s->page, &p, &s->rec);
	if (fwrite(s->page.data, 1, s->page.len, s->f) != s->page.len)
		s->failed = true;
	s->rec.len = 0;
	s->ts_begin = ts_end;
	s->empty = true;
}

void ft_packet_end(struct ft_stream *s, uint64_t ts_end, uint64_t n_lost)
{
	s->discarded += n_lost;
	flush(s, ts_end);
}

/* One record, in a packet of its own when the current one is full. */
static void append(struct ft_stream *s, uint64_t ts, const struct ctf_buf *ev)
{
	if (s->rec.len + ev->len > ROOM)
		flush(s, s->ts_last);
	if (!s->started)
		s->ts_begin = ts;	/* the stream's first packet */
	s->started = true;
	ctf_bytes(&s->rec, ev->data, ev->len);
	s->ts_last = ts;
	s->empty = false;
}

static void header(struct ctf_buf *b, uint32_t id, uint64_t ts, int ctx)
{
	ctf_u32(b, id);
	ctf_u64(b, ts);
	ctf_u32(b, (uint32_t)ctx);
	ctf_u32(b, (uint32_t)ctx);
	ctf_string(b, "");
}

void ft_flag(struct ft_stream *s, uint64_t ts, int ctx, int tid,
	     enum ft_reason reason, bool on)
{
	struct ctf_buf b = { .len = 0 };

	header(&b, EV_FLAG, ts, ctx);
	ctf_u32(&b, (uint32_t)tid);
	ctf_u32(&b, (uint32_t)tid);
	ctf_u8(&b, (uint8_t)reason);
	ctf_u8(&b, on);
	append(s, ts, &b);
}

void ft_switch(struct ft_stream *s, uint64_t ts, int prev, int next)
{
	struct ctf_buf b = { .len = 0 };

	header(&b, EV_SWITCH, ts, prev);
	ctf_string(&b, "prev");
	ctf_u32(&b, (uint32_t)prev);
	ctf_string(&b, "next");
	ctf_u32(&b, (uint32_t)next);
	append(s, ts, &b);
}

void ft_mark(struct ft_stream *s, bool send, uint64_t ts, int ctx,
	     const struct ft_conn *c, uint32_t seq, uint32_t len)
{
	uint8_t s6[16] = { [10] = 0xff, [11] = 0xff }, d6[16];
	struct ctf_buf b = { .len = 0 };

	memcpy(d6, s6, sizeof(d6));
	memcpy(s6 + 12, c->saddr, 4);
	memcpy(d6 + 12, c->daddr, 4);
	header(&b, send ? EV_SEND : EV_RECV, ts, ctx);
	ctf_u16(&b, 2);
	ctf_u16(&b, c->sport);
	ctf_u16(&b, c->dport);
	ctf_bytes(&b, c->saddr, 4);
	ctf_bytes(&b, c->daddr, 4);
	ctf_bytes(&b, s6, 16);
	ctf_bytes(&b, d6, 16);
	ctf_u32(&b, seq);
	ctf_u32(&b, len);
	append(s, ts, &b);
}

uint64_t ft_stream_seq_num(const struct ft_stream *s)
{
	return s->seq_num + !s->empty;
}

int ft_stream_close(struct ft_stream *s)
{
	int ret;

	if (!s->empty)
		flush(s, s->ts_last);
	ret = s->failed ? -1 : 0;
	if (fclose(s->f))
		ret = -1;
	free(s);
	return ret;
}
