/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Traces for lttng-dt-flows' tests and benchmark, written with
 * ctf-writer: LTTng's packet header and context (trace UUID, stream
 * instance, packet sequence number, discarded-event count, timestamps),
 * so that babeltrace2 can merge chunks of one trace and report lost
 * events as it does for lttng's; lttng-dt's flag and mark events and
 * sched_switch; streams of as many one-page packets as the events need.
 */
#ifndef _FLOWS_TRACE_H
#define _FLOWS_TRACE_H

#include <stdbool.h>
#include <stdint.h>

struct ft_trace {
	const char *hostname;
	unsigned char uuid[16];		/* the trace's */
	const char *clock_uuid;		/* "8-4-4-4-12" hex, or NULL: none */
};

/* dir/metadata (dir exists); 0 or -1. */
int ft_write_metadata(const char *dir, const struct ft_trace *t);

/* dir/stream_CPU, its packets numbered from seq_num (a later chunk's go on). */
struct ft_stream *ft_stream_open(const char *dir, const struct ft_trace *t,
				 uint32_t cpu, uint64_t seq_num);
/* Flushes the last packet; 0, or -1 if a write failed. */
int ft_stream_close(struct ft_stream *s);
/* The number the next packet would have. */
uint64_t ft_stream_seq_num(const struct ft_stream *s);

enum ft_reason { FT_MANUAL, FT_INHERITED, FT_NETWORK };

/* Events, in time order; ctx is the tid of the event's context. */
void ft_flag(struct ft_stream *s, uint64_t ts, int ctx, int tid,
	     enum ft_reason reason, bool on);
void ft_switch(struct ft_stream *s, uint64_t ts, int prev, int next);

/* An IPv4 connection direction. */
struct ft_conn {
	uint8_t saddr[4], daddr[4];
	uint16_t sport, dport;
};
void ft_mark(struct ft_stream *s, bool send, uint64_t ts, int ctx,
	     const struct ft_conn *c, uint32_t seq, uint32_t len);

/*
 * Ends the packet being written at ts_end; the next one begins there. n
 * events are said lost in it (its events_discarded grows by n), as a
 * ring buffer says of events it had no room for.
 */
void ft_packet_end(struct ft_stream *s, uint64_t ts_end, uint64_t n_lost);

#endif /* _FLOWS_TRACE_H */
