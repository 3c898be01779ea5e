// SPDX-License-Identifier: GPL-2.0-only
/*
 * gen-flows-trace OUTDIR MARKS CONNECTIONS: the traces of two hosts for
 * lttng-dt-flows' benchmark (tests/benchmarks/bench-flows.sh). On host
 * bench-client, CONNECTIONS threads each flag themselves (manual), send
 * MARKS / CONNECTIONS marked segments on a connection of their own and
 * clear their flag; on bench-server, a thread per connection is flagged
 * (network) by the first segment, receives them all 50 ns after they
 * were sent, and is cleared. Connections take turns on two CPUs, one
 * stream each, in one-page packets like a real session's sub-buffers:
 * OUTDIR/client and OUTDIR/server, about 150 bytes of trace per mark.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ctf-fixture/flows-trace.h"

#define NS_PER_SEG	1000
#define DELAY_NS	50

struct host {
	struct ft_trace t;
	struct ft_stream *cpu[2];
};

static int host_open(struct host *h, const char *out, const char *sub,
		     const char *name, unsigned char uuid_byte)
{
	char dir[4096];
	int i;

	snprintf(dir, sizeof(dir), "%s/%s", out, sub);
	memset(&h->t, 0, sizeof(h->t));
	h->t.hostname = name;
	memset(h->t.uuid, uuid_byte, sizeof(h->t.uuid));
	if (mkdir(dir, 0755) || ft_write_metadata(dir, &h->t))
		return -1;
	for (i = 0; i < 2; i++)
		if (!(h->cpu[i] = ft_stream_open(dir, &h->t, (uint32_t)i, 0)))
			return -1;
	return 0;
}

static int host_close(struct host *h)
{
	return ft_stream_close(h->cpu[0]) | ft_stream_close(h->cpu[1]);
}

/* Connection i: 10.0.X.Y:(1024 + i % 50000) -> 10.1.0.1:80. */
static void conn_of(unsigned long i, struct ft_conn *c)
{
	static const uint8_t server[4] = { 10, 1, 0, 1 };

	c->saddr[0] = 10;
	c->saddr[1] = 0;
	c->saddr[2] = (uint8_t)(i / 50000 / 256);
	c->saddr[3] = (uint8_t)(i / 50000 % 256 + 1);
	memcpy(c->daddr, server, 4);
	c->sport = (uint16_t)(1024 + i % 50000);
	c->dport = 80;
}

static void one_conn(struct host *cl, struct host *sv, unsigned long i,
		     unsigned long segs, uint64_t t)
{
	struct ft_stream *a = cl->cpu[i % 2], *b = sv->cpu[i % 2];
	int tid = (int)(1000 + i);
	struct ft_conn c;
	unsigned long k;

	conn_of(i, &c);
	ft_flag(a, t, tid, tid, FT_MANUAL, true);
	for (k = 0; k < segs; k++) {
		uint64_t ts = t + (k + 1) * NS_PER_SEG;

		ft_mark(a, true, ts, tid, &c, (uint32_t)(1 + 100 * k), 100);
		ft_mark(b, false, ts + DELAY_NS, tid, &c, (uint32_t)(1 + 100 * k), 100);
		if (!k)
			ft_flag(b, ts + DELAY_NS, tid, tid, FT_NETWORK, true);
	}
	ft_flag(a, t + (segs + 1) * NS_PER_SEG, tid, tid, FT_MANUAL, false);
	ft_flag(b, t + (segs + 1) * NS_PER_SEG, tid, tid, FT_NETWORK, false);
}

int main(int argc, char **argv)
{
	unsigned long marks, conns, i, segs;
	struct host cl, sv;

	if (argc != 4 || (marks = strtoul(argv[2], NULL, 10)) == 0 ||
	    (conns = strtoul(argv[3], NULL, 10)) == 0 || conns > marks) {
		fprintf(stderr, "Usage: gen-flows-trace OUTDIR MARKS CONNECTIONS (CONNECTIONS <= MARKS)\n");
		return 2;
	}
	if (host_open(&cl, argv[1], "client", "bench-client", 0xc1) ||
	    host_open(&sv, argv[1], "server", "bench-server", 0x5e)) {
		perror(argv[1]);
		return 1;
	}
	segs = marks / conns;
	/* Connection i after i - 2 on its CPU: each stream stays in order. */
	for (i = 0; i < conns; i++)
		one_conn(&cl, &sv, i, segs + (i < marks % conns),
			 (uint64_t)i * (segs + 3) * NS_PER_SEG / 2 + 1000);
	if (host_close(&cl) || host_close(&sv)) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
